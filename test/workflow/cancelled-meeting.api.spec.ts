/**
 * A cancelled meeting: its page says so with the reason (the tab's timeline shows the
 * cancellation instead of the deadlines, src/tab/screens/timeline.spec.ts), and no
 * reminder is planned for it on any day up to the meeting, while one was before.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput } from '../../src/usecases/bot/reminder-plan.usecase.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { createMeeting, forumId, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

describe.each(backends)('a cancelled meeting on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z', { modules: (workflow) => [planningModule, workflow] });
  });
  afterAll(async () => app.close());

  it('has no reminders planned after the cancellation (it had before), and its page gives the reason', async () => {
    const m = await createMeeting(app, { date: '2027-03-10', start: '13:00' });
    const transact = workflowTransactor(app.deps);
    const plannedFor = async () => {
      let n = 0;
      for (let day = 0; day < 40; day++) {
        const now = new Date(Date.parse('2027-02-01T08:00:00Z') + day * 86_400_000);
        n += planReminders(await transact((uow) => loadPlanInput(uow, now, { forumIds: [forumId] }))).filter((p) => p.meetingId === m.id).length;
      }
      return n;
    };
    expect(await plannedFor()).toBeGreaterThan(0);

    expect((await app.call('POST', `/api/meetings/${m.id}/cancel`, secretary, { reason: 'For få punkter til et møde' })).status).toBe(200);
    expect(await plannedFor()).toBe(0);
    const page = (await app.call('GET', `/api/meetings/${m.id}`, secretary)).body;
    expect(page.meeting).toMatchObject({ status: 'cancelled', cancelledReason: 'For få punkter til et møde' });
  });
});
