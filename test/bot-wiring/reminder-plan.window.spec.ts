/**
 * The reminders.plan job reads only the delivery rows whose key its plan contains
 * (not every row ever written). This shows that (1) the plan is the same as one made
 * with every delivery row, (2) a row whose key the plan does not contain is never
 * read, and (3) a delivered (key, recipient) that the read misses still cannot be
 * sent twice: the (key, recipient) unique index refuses the second row, and the
 * dispatcher only sends rows it can claim (pending or retrying).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule } from '../../src/entry/bot.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput, runReminderPlan } from '../../src/usecases/bot/reminder-plan.usecase.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
const NOW = new Date('2027-01-20T08:00:00Z');
const HORIZON = 10 * 60_000;
const OLD_KEY = 'agenda_due_soon|m:long-gone-meeting|2020-01-10T15:00:00.000Z';

describe.each(backends)('reminders.plan reads only its own keys on $name', (backend) => {
  let app: TestApp;
  const mod = botModule({ config: embedded, planCron: null });
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [mod], clock: { now: () => new Date(NOW) } });
  });
  afterAll(async () => app.close());

  it('plans as if it had read every delivery row, without reading rows of keys outside the plan', async () => {
    const store = botDeliveryRepository(app.db.db);
    const transact = workflowTransactor(app.deps);
    // An old delivered reminder, years before the plan's window.
    const [person] = await app.db.db.execute('select id from people order by id limit 1').then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    await mod.services().dispatcher.enqueue([{ key: OLD_KEY, kind: 'agenda_due_soon', audience: 'personal', forumId: 'vest-ksg', recipientIds: [person!.id], deadline: '2020-01-10T15:00:00.000Z', sendAt: '2020-01-08T08:00:00.000Z' }]);
    const [old] = await store.list();
    await store.markSent(old!.id, '2020-01-08T08:00:01.000Z', 'teams_personal', 'm-old');

    const asked: string[][] = [];
    const first = await runReminderPlan({
      transact,
      clock: { now: () => NOW },
      delivered: async (keys) => (asked.push([...keys]), store.keysAmong(keys)),
      enqueue: (r) => mod.services().dispatcher.enqueue(r),
    });
    expect(first.newDeliveries).toBeGreaterThan(0);
    expect(asked).toHaveLength(1);
    expect(asked[0]).not.toContain(OLD_KEY);
    expect(await store.keysAmong(asked[0]!)).not.toContainEqual(expect.objectContaining({ key: OLD_KEY }));
    expect(await store.listKeys()).toContainEqual({ key: OLD_KEY, recipientId: person!.id });

    // Same plan as one made with every delivery row (what the job read before).
    const input = await transact((uow) => loadPlanInput(uow, NOW));
    const full = planReminders({ ...input, delivered: await store.listKeys() });
    const second = await runReminderPlan({ transact, clock: { now: () => NOW }, delivered: (keys) => store.keysAmong(keys), enqueue: (r) => mod.services().dispatcher.enqueue(r) });
    expect(second).toMatchObject({ planned: full.length, due: full.filter((r) => Date.parse(r.sendAt) <= NOW.getTime() + HORIZON).length, newDeliveries: 0 });
    expect(second.due).toBe(0);
  });

  it('cannot send a delivered (key, recipient) again even when the plan run does not see its row', async () => {
    const store = botDeliveryRepository(app.db.db);
    const rows = await store.list();
    for (const r of rows) if (r.state !== 'sent') await store.markSent(r.id, NOW.toISOString(), 'teams_personal', `m-${r.id}`);

    // A plan run that sees no delivery row at all (a key outside any window it loads).
    const blind = await runReminderPlan({ transact: workflowTransactor(app.deps), clock: { now: () => NOW }, delivered: async () => [], enqueue: (r) => mod.services().dispatcher.enqueue(r) });
    expect(blind.due).toBeGreaterThan(0); // it planned the delivered reminders again ...
    expect(blind.newDeliveries).toBe(0); // ... and the unique index refused every one of them
    expect(await store.list()).toHaveLength(rows.length);

    // The old key itself, planned again by hand: refused too, and nothing is left to send.
    const old = rows.find((r) => r.key === OLD_KEY)!;
    expect(await mod.services().dispatcher.enqueue([{ ...old.reminder, sendAt: NOW.toISOString() }])).toBe(0);
    expect(await store.due(NOW.toISOString(), 100)).toEqual([]);
    expect((await store.list({ state: 'sent' })).length).toBe(rows.length);
  });
});
