/**
 * "What waits on me" (GET /api/me/waiting, the use case behind "Mit overblik"): from the
 * reminder plan's facts, with the server's clock set: the secretariat's late agenda and
 * minutes with how many days late, the chair's agenda waiting for approval, a member's
 * unanswered meeting; nothing late before its deadline has passed; anonymous refused.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { coChair, createMeeting, member, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';
import type { WaitingItem } from '../../src/usecases/meetings/waiting.usecase.js';

describe.each(backends)('what waits on me on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId = '';
  const waiting = async (as: string) => {
    const r = await app.call('GET', '/api/me/waiting', as);
    expect(r.status).toBe(200);
    return (r.body.items as WaitingItem[]).filter((i) => i.meetingId === meetingId);
  };
  const direct = async (as: string) => (await app.module.services().waiting.waitingOn(as)).items.filter((i) => i.meetingId === meetingId);

  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-10T09:00:00Z');
    meetingId = (await createMeeting(app, { date: '2027-03-10' })).id;
  });
  afterAll(async () => app?.close());

  it('lists coming duties by role, none of them late, two weeks before the agenda is due (use case, injected clock)', async () => {
    app.clock.set('2027-02-10T09:00:00Z');
    const sec = await direct(secretary);
    expect(sec.map((i) => [i.kind, i.as, i.late])).toEqual([['agenda_due', 'secretariat', false]]);
    expect(sec[0]!.days).toBe(14);
    const chair = await direct(coChair);
    expect(chair.filter((i) => i.kind === 'agenda_approval').map((i) => [i.as, i.late])).toEqual([['chair', false]]);
    const mem = await direct(member);
    expect(mem.map((i) => [i.kind, i.late])).toEqual([['unanswered', false]]);
    expect(mem[0]!.days).toBe(28);
  });

  it('marks the agenda late by the days since its deadline, for the secretariat and the chair; an answer clears the member\'s item', async () => {
    app.clock.set('2027-02-26T09:00:00Z');
    const sec = await waiting(secretary);
    expect(sec.find((i) => i.kind === 'agenda_late')).toMatchObject({ late: true, days: 2, as: 'secretariat' });
    expect(sec.some((i) => i.kind === 'agenda_due')).toBe(false);
    expect((await waiting(coChair)).find((i) => i.kind === 'agenda_approval')).toMatchObject({ late: true, days: 2 });
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/me`, member, { answer: 'attending' })).status).toBe(200);
    expect((await waiting(member)).some((i) => i.kind === 'unanswered')).toBe(false);
  });

  it('marks minutes not sent 16 days after their deadline as 16 days late', async () => {
    // The minutes are due 7 days after the meeting of 10 March: 17 March; 2 April is 16 days later.
    app.clock.set('2027-04-02T09:00:00Z');
    const sec = await waiting(secretary);
    expect(sec.find((i) => i.kind === 'minutes_late')).toMatchObject({ late: true, days: 16, as: 'secretariat', forumName: 'Klyngestyregruppe for Midtklyngen' });
    expect((await waiting(member)).some((i) => i.late)).toBe(false);
  });

  it('keeps a task past its due date waiting on its assignee, late, until it is done', async () => {
    const created = await app.call('POST', `/api/meetings/${meetingId}/tasks`, secretary, { title: 'Notat om forløb', dueOn: '2027-03-31', assigneePersonId: member });
    expect(created.status).toBe(201);
    const taskItems = async () => ((await app.call('GET', '/api/me/waiting', member)).body.items as WaitingItem[]).filter((i) => i.taskId === created.body.id);
    // 2 April: the due date (31 March, end of the working day) passed two days ago; no reminder is planned any more, the duty is still there.
    expect(await taskItems()).toEqual([expect.objectContaining({ kind: 'task_due', as: 'assignee', late: true, days: 2, title: 'Notat om forløb' })]);
    expect((await app.call('POST', `/api/tasks/${created.body.id}/done`, member)).status).toBe(200);
    expect(await taskItems()).toEqual([]);
  });

  it('keeps a late task given to an organisation waiting on the people representing it in the forum, not on others', async () => {
    // Helle Dam represents Skive Kommune in the cluster steering group.
    const created = await app.call('POST', `/api/meetings/${meetingId}/tasks`, secretary, { title: 'Tal for genindlæggelser', dueOn: '2027-03-31', assigneeOrganisationId: 'skive' });
    expect(created.status).toBe(201);
    const taskItems = async (as: string) => ((await app.call('GET', '/api/me/waiting', as)).body.items as WaitingItem[]).filter((i) => i.taskId === created.body.id);
    expect(await taskItems('helle-dam')).toEqual([expect.objectContaining({ kind: 'task_due', as: 'assignee', late: true, title: 'Tal for genindlæggelser' })]);
    expect(await taskItems(member)).toEqual([]);
  });

  it('refuses the anonymous caller with a problem', async () => {
    const r = await app.call('GET', '/api/me/waiting');
    expect(r.status).toBe(401);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
  });
});
