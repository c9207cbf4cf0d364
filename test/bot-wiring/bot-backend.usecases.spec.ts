/**
 * The BotBackend on the store and the workflow use cases, at a controlled `now`:
 * my deadlines from the rules engine's plan, my tasks and "task done", proposed
 * items before and after the cut-off, remarks outside the comment window.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule } from '../../src/entry/bot.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { workflowRepository } from '../../src/adapters/db/workflow.repository.js';
import { deadlinesOf, rulesOfMeeting } from '../../src/usecases/meetings/workflow.context.js';
import { closedDaysRepository } from '../../src/adapters/db/closed-days.repository.js';
import { calendarOfRegion } from '../../src/usecases/region-calendar.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
const NOW = new Date('2027-01-20T08:00:00Z');
const secretariatKinds = ['agenda_due_soon', 'agenda_overdue', 'minutes_due_soon', 'minutes_overdue', 'comment_window_closed', 'chair_handover_soon', 'evaluation_due', 'annual_status_due', 'task_due'];

describe.each(backends)('BotBackend on $name', (backend) => {
  let app: TestApp;
  let now = NOW;
  const mod = botModule({ config: embedded, planCron: null });
  const b = () => mod.services().backend;
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [mod], clock: { now: () => new Date(now) } });
  });
  afterAll(async () => app.close());

  it('lists a person\'s open deadlines from the reminder plan, soonest first', async () => {
    const sec = await b().myDeadlines('bente-vest');
    expect(sec.length).toBeGreaterThan(0);
    expect(sec.every((d) => Date.parse(d.deadline) > NOW.getTime())).toBe(true);
    expect(sec.map((d) => d.deadline)).toEqual([...sec.map((d) => d.deadline)].sort());
    expect(sec.every((d) => secretariatKinds.includes(d.kind))).toBe(true);
    const forums = await registryRepository(app.db.db).listForums();
    const names = forums.filter((f) => ['vest-ksg', 'vest-fg-sb'].includes(f.id)).map((f) => f.name);
    expect(sec.every((d) => names.includes(d.forumName))).toBe(true);

    const member = await b().myDeadlines('aksel-hede');
    expect(member.map((d) => d.kind)).toContain('items_cutoff_soon');
    expect(member.some((d) => secretariatKinds.filter((k) => k !== 'task_due').includes(d.kind))).toBe(false);
  });

  it('lists my tasks and closes one for the assignee only', async () => {
    await meetingsRepository(app.db.db).insertTask({ id: 'tsk-bot-1', forumId: 'vest-ksg', title: 'Udkast til samarbejdsaftale', description: '', dueOn: '2027-02-01', status: 'open', assigneePersonId: 'aksel-hede' });
    expect((await b().myTasks('aksel-hede')).map((t) => t.taskId)).toEqual(['tsk-bot-1']);
    expect((await b().myDeadlines('aksel-hede')).find((d) => d.taskId === 'tsk-bot-1')).toMatchObject({ kind: 'task_due', label: 'Udkast til samarbejdsaftale' });
    expect(await b().completeTask('pia-strand', 'tsk-bot-1')).toEqual({ ok: false, refused: 'not_allowed' });
    expect(await b().completeTask('aksel-hede', 'tsk-nope')).toEqual({ ok: false, refused: 'not_found' });
    const done = await b().completeTask('aksel-hede', 'tsk-bot-1');
    expect(done).toMatchObject({ ok: true, task: { taskId: 'tsk-bot-1', status: 'done' } });
    expect((await meetingsRepository(app.db.db).getTask('tsk-bot-1'))).toMatchObject({ status: 'done', doneAt: NOW.toISOString() });
    expect(await b().myTasks('aksel-hede')).toEqual([]);
    expect(await b().completeTask('aksel-hede', 'tsk-bot-1')).toMatchObject({ ok: false, refused: 'invalid' });
  });

  it('proposes an item through the proposals use case until the cut-off, and refuses it after with the cut-off', async () => {
    const meeting = (await meetingsRepository(app.db.db).listMeetings({ forumIds: ['vest-ksg'], from: '2027-02-01' }))[0]!;
    const cutoff = deadlinesOf(meeting, await rulesOfMeeting(registryRepository(app.db.db), meeting), await calendarOfRegion(closedDaysRepository(app.db.db), 'Region Midtjylland')).itemsCutoff.at;
    now = new Date(Date.parse(cutoff) - 60_000);
    const ok = await b().proposeItem('aksel-hede', meeting.id, { title: 'Udskrivning af ældre', description: 'Erfaringer fra kommunerne' });
    expect(ok.ok).toBe(true);
    const proposals = await workflowRepository(app.db.db).listProposals(meeting.id);
    expect(proposals.find((p) => ok.ok && p.id === ok.itemId)).toMatchObject({ proposerPersonId: 'aksel-hede', title: 'Udskrivning af ældre', late: false });
    expect(await b().proposeItem('pia-strand', meeting.id, { title: 'x', description: '' })).toEqual({ ok: false, refused: 'not_allowed' });
    now = new Date(Date.parse(cutoff) + 60_000);
    expect(await b().proposeItem('aksel-hede', meeting.id, { title: 'For sent', description: '' })).toEqual({ ok: false, refused: 'after_deadline', deadline: cutoff });
    now = NOW;
  });

  it('refuses a remark while the minutes are not out for remarks', async () => {
    const meeting = (await meetingsRepository(app.db.db).listMeetings({ forumIds: ['vest-ksg'], from: '2027-02-01' }))[0]!;
    const r = await b().remark('aksel-hede', meeting.id, 'Punkt 3 mangler');
    expect(r).toMatchObject({ ok: false, refused: 'invalid' });
    expect(await workflowRepository(app.db.db).listRemarks(meeting.id)).toEqual([]);
  });

  it('describes a reminder\'s subject as the person sees it, and null when the subject is gone', async () => {
    const meeting = (await meetingsRepository(app.db.db).listMeetings({ forumIds: ['vest-ksg'], from: '2027-02-01' }))[0]!;
    const s = await b().describeReminder({ kind: 'items_cutoff_soon', forumId: 'vest-ksg', meetingId: meeting.id }, 'aksel-hede');
    expect(s).toMatchObject({ forumName: 'Klyngestyregruppe for Vestklyngen', meeting: { meetingId: meeting.id, myAnswer: null, date: meeting.date } });
    expect(await b().describeReminder({ kind: 'task_due', forumId: 'vest-ksg', taskId: 'tsk-gone' })).toBeNull();
  });

  it("says whether the date a reminder announces comes from a default rule or the forum's stated terms (meetingRules)", async () => {
    const vest = (await meetingsRepository(app.db.db).listMeetings({ forumIds: ['vest-ksg'], from: '2027-02-01' }))[0]!;
    // The demo's KSG Vest states no deadline rule of its own: every rule's date is a default.
    expect((await b().describeReminder({ kind: 'agenda_due_soon', forumId: 'vest-ksg', meetingId: vest.id }))?.deadlineFromDefault).toBe(true);
    // A reminder that announces no rule's date (the meeting itself) is not marked.
    expect((await b().describeReminder({ kind: 'meeting_tomorrow_unanswered', forumId: 'vest-ksg', meetingId: vest.id }))?.deadlineFromDefault).toBeUndefined();
    // The Sundhedsstyregruppe states its agenda deadline: not marked; its items cut-off it does not: marked.
    const ssg = (await meetingsRepository(app.db.db).listMeetings({ forumIds: ['ssg'], from: '2027-01-01' }))[0]!;
    expect((await b().describeReminder({ kind: 'agenda_due_soon', forumId: 'ssg', meetingId: ssg.id }))?.deadlineFromDefault).toBeUndefined();
    expect((await b().describeReminder({ kind: 'items_cutoff_soon', forumId: 'ssg', meetingId: ssg.id }))?.deadlineFromDefault).toBe(true);
  });
});
