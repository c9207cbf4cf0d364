/**
 * The "tomorrow, unanswered" reminder of a joint meeting (issue 13) goes to everyone invited: the
 * host forum's members and the partner forum's (who see the meeting in their overview and answer
 * it), a person in both forums once; and a partner member's "Mit overblik" (GET /api/me/waiting,
 * from the same plan) lists the meeting as waiting for their answer until they answer.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { createMeeting, member, member3, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput } from '../../src/usecases/bot/reminder-plan.usecase.js';
import type { WaitingItem } from '../../src/usecases/meetings/waiting.usecase.js';

// tg-psyk-voksen: niels-hav, maja-eng (co-chairs), rikke-sol (secretary), lars-mose, ditte-lyng, and kasper-toft (member3, also in midt-ksg).
const partnerForum = 'tg-psyk-voksen';
const partnerMember = 'lars-mose';
const NOW = '2027-03-20T08:00:00Z';

describe.each(backends)("a joint meeting's attendance reminder reaches both forums on $name", (backend) => {
  let app: WorkflowTestApp;
  let jointId = '';
  beforeAll(async () => {
    app = await startWorkflowApp(backend, NOW);
    jointId = (await createMeeting(app, { date: '2027-04-14', start: '13:00', kind: 'joint', jointWithForumId: partnerForum })).id;
  });
  afterAll(async () => app?.close());

  const tomorrow = async () => {
    const input = await workflowTransactor(app.deps)((uow) => loadPlanInput(uow, new Date(NOW)));
    return planReminders(input).filter((r) => r.kind === 'meeting_tomorrow_unanswered' && r.meetingId === jointId);
  };

  it("plans one reminder for the host's and the partner's members, a person in both once", async () => {
    const [r, ...more] = await tomorrow();
    expect(more).toEqual([]);
    for (const p of [member, member3, partnerMember, 'ditte-lyng', 'niels-hav', 'maja-eng']) expect(r!.recipientIds).toContain(p);
    expect(r!.recipientIds.filter((p) => p === member3)).toHaveLength(1);
    expect(new Set(r!.recipientIds).size).toBe(r!.recipientIds.length);
  });

  it("shows the partner member the meeting as waiting for their answer, and drops them once they answered", async () => {
    const waiting = async (as: string) => ((await app.call('GET', '/api/me/waiting', as)).body.items as WaitingItem[]).filter((i) => i.meetingId === jointId);
    expect(await waiting(partnerMember)).toEqual([expect.objectContaining({ kind: 'unanswered', as: 'member', forumId: 'midt-ksg' })]);
    expect((await app.call('PUT', `/api/meetings/${jointId}/attendance/me`, partnerMember, { answer: 'attending' })).status).toBe(200);
    expect(await waiting(partnerMember)).toEqual([]);
    expect((await tomorrow())[0]!.recipientIds).not.toContain(partnerMember);
  });
});
