/**
 * The reminders.plan job on the demo region: planning twice at the same `now`
 * creates each delivery once; once they are sent, planning again creates none;
 * and the (key, recipient) index alone also refuses duplicates when a plan is
 * made without knowing what was delivered. Also runs the job through pg-boss.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule } from '../../src/entry/bot.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput } from '../../src/usecases/bot/reminder-plan.usecase.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { queues } from '../../src/entry/jobs/queues.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
// Mid-January 2027: the February demo meetings have items cut-offs and agendas coming up.
const NOW = new Date('2027-01-20T08:00:00Z');
const HORIZON = 10 * 60_000;

describe.each(backends)('reminders.plan on $name', (backend) => {
  let app: TestApp;
  const mod = botModule({ config: embedded, planCron: null });
  let now = NOW;
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [mod], clock: { now: () => new Date(now) } });
  });
  afterAll(async () => app.close());

  it('creates each delivery once when planned twice at the same now, and none after they were sent', async () => {
    const store = botDeliveryRepository(app.db.db);
    const first = await mod.services().plan();
    expect(first.now).toBe(NOW.toISOString());
    expect(first.newDeliveries).toBeGreaterThan(10);
    expect(first.planned).toBeGreaterThan(first.due); // later reminders wait for a later run
    const rows = await store.list();
    expect(rows).toHaveLength(first.newDeliveries);
    expect(new Set(rows.map((r) => `${r.key}|${r.recipientId}`)).size).toBe(rows.length);
    expect(rows.every((r) => r.state === 'pending')).toBe(true);
    expect(rows.every((r) => Date.parse(r.notBefore) <= NOW.getTime() + HORIZON)).toBe(true);
    expect(rows.map((r) => r.reminder.kind)).toContain('items_cutoff_soon');

    const second = await mod.services().plan();
    expect(second.newDeliveries).toBe(0);
    expect(await store.list()).toHaveLength(rows.length);

    for (const r of rows) await store.markSent(r.id, NOW.toISOString(), 'teams_personal', `m-${r.id}`);
    const third = await mod.services().plan();
    expect(third).toMatchObject({ due: 0, newDeliveries: 0 });
    expect((await store.list({ state: 'sent' })).length).toBe(rows.length);

    // Even a plan that ignores the delivered list cannot create a second row for a (key, recipient).
    const input = await workflowTransactor(app.deps)((uow) => loadPlanInput(uow, NOW));
    const naive = planReminders(input).filter((r) => Date.parse(r.sendAt) <= NOW.getTime() + HORIZON);
    expect(naive.length).toBeGreaterThan(0);
    expect(await mod.services().dispatcher.enqueue(naive)).toBe(0);
    expect(await store.list()).toHaveLength(rows.length);

    // A week later more reminders are due; the sent ones are not planned again.
    now = new Date(NOW.getTime() + 7 * 86_400_000);
    const later = await mod.services().plan();
    expect(later.newDeliveries).toBeGreaterThan(0);
    const all = await store.list();
    expect(all).toHaveLength(rows.length + later.newDeliveries);
    expect(new Set(all.map((r) => `${r.key}|${r.recipientId}`)).size).toBe(all.length);
    expect((await store.list({ state: 'sent' })).length).toBe(rows.length);
  });

  it("plans with each region's closed days: the demo Christmas week moves the Fælles sekretariat's items cut-off", async () => {
    const at = new Date('2026-12-10T08:00:00Z');
    const input = await workflowTransactor(app.deps)((uow) => loadPlanInput(uow, at));
    expect(input.closedDaysByRegion?.['Region Midtjylland']).toEqual(expect.arrayContaining(['2026-12-28', '2026-12-29', '2026-12-30']));
    // Meeting 19 January 2027: agenda due 5 January, items cut-off 7 days before it, 29 December (closed) -> 24 December.
    const cutoff = (i: typeof input) => planReminders(i).find((r) => r.kind === 'items_cutoff_soon' && r.meetingId === 'mtg-faelles-sek-2027-1')?.deadline;
    expect(cutoff(input)).toBe('2026-12-24T15:00:00Z');
    expect(cutoff({ ...input, closedDaysByRegion: {} })).toBe('2026-12-29T15:00:00Z');
  });

  it('runs as a pg-boss job when enqueued on demand', async () => {
    const store = botDeliveryRepository(app.db.db);
    const before = (await store.list()).length;
    await app.deps.queue.enqueue(queues.reminderPlan.name, {});
    const deadline = Date.now() + 15_000;
    let done = false;
    while (!done && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const rows = (await app.db.db.execute(`select state from pgboss_v10.job where name = '${queues.reminderPlan.name}'`)) as unknown as { rows: { state: string }[] };
      done = rows.rows.length > 0 && rows.rows.every((x) => x.state === 'completed');
    }
    expect(done).toBe(true);
    // Same `now` as the last run: nothing new; and the job asked for a delivery run.
    expect((await store.list()).length).toBe(before);
    const deliver = (await app.db.db.execute(`select count(*)::int as n from pgboss_v10.job where name = '${queues.reminderDeliver.name}'`)) as unknown as { rows: { n: number }[] };
    expect(deliver.rows[0]!.n).toBeGreaterThan(0);
  });
});
