/**
 * The DeliveryStore contract on the real database (PGlite, and PostgreSQL when
 * DATABASE_URL is set): idempotent enqueue per (key, recipient), due/claim/mark
 * states, the atomic claim under concurrency, the dead-letter list.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends, type TestDatabase } from '../support/db.js';
import { botDeliveryRepository, botConversationRepository } from '../../src/adapters/db/bot.repository.js';
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import type { NewDelivery } from '../../src/usecases/ports/deliveries.port.js';

const reminder = (key: string, forumId = 'vest-ksg'): PlannedReminder => ({
  key,
  kind: 'task_due',
  audience: 'personal',
  forumId,
  taskId: 't1',
  recipientIds: ['p1', 'p2'],
  deadline: '2026-12-01T15:00:00Z',
  sendAt: '2026-11-26T08:00:00Z',
});
const row = (id: string, key: string, recipientId: string, forumId?: string): NewDelivery => ({ id, key, recipientId, reminder: reminder(key, forumId), notBefore: '2026-11-26T08:00:00Z' });

describe.each(backends)('DeliveryStore on $name', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db.dispose());

  it('adds one row per (key, recipient) and ignores repeats', async () => {
    const store = botDeliveryRepository(db.db);
    expect(await store.addPending([row('d1', 'k1', 'p1'), row('d2', 'k1', 'p2')])).toBe(2);
    expect(await store.addPending([row('d3', 'k1', 'p1'), row('d4', 'k1', 'p2'), row('d5', 'k2', 'p1')])).toBe(1);
    expect((await store.listKeys()).map((k) => `${k.key}/${k.recipientId}`).sort()).toEqual(['k1/p1', 'k1/p2', 'k2/p1']);
    const d1 = await store.get('d1');
    expect(d1).toMatchObject({ state: 'pending', attempts: 0, notBefore: '2026-11-26T08:00:00.000Z', reminder: { key: 'k1', kind: 'task_due' } });
  });

  it('is due only from notBefore, and claims once until the claim expires', async () => {
    const store = botDeliveryRepository(db.db);
    expect(await store.due('2026-11-26T07:59:59Z', 10)).toEqual([]);
    expect((await store.due('2026-11-26T08:00:00Z', 10)).map((d) => d.id).sort()).toEqual(['d1', 'd2', 'd5']);
    expect(await store.nextDueAt()).toBe('2026-11-26T08:00:00.000Z');

    const c = await store.claim('d1', '2026-11-26T08:00:00Z', '2026-11-26T08:05:00Z');
    expect(c).toMatchObject({ id: 'd1', attempts: 1, claimedUntil: '2026-11-26T08:05:00.000Z' });
    expect(await store.claim('d1', '2026-11-26T08:01:00Z', '2026-11-26T08:06:00Z')).toBeNull();
    expect((await store.due('2026-11-26T08:01:00Z', 10)).map((d) => d.id)).not.toContain('d1');
    // A crashed worker's claim expires and the row can be taken again.
    const again = await store.claim('d1', '2026-11-26T08:05:00Z', '2026-11-26T08:10:00Z');
    expect(again).toMatchObject({ attempts: 2 });
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const store = botDeliveryRepository(db.db);
    await store.addPending([row('race', 'k-race', 'p1')]);
    // Separate repository objects on the same database, as two workers would have.
    const claims = await Promise.all(Array.from({ length: 8 }, () => botDeliveryRepository(db.db).claim('race', '2026-11-26T09:00:00Z', '2026-11-26T09:05:00Z')));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect((await store.get('race'))!.attempts).toBe(1);
  });

  it('records sent, retrying, failed and unsupported, and never claims a finished row', async () => {
    const store = botDeliveryRepository(db.db);
    await store.markSent('d1', '2026-11-26T08:05:01Z', 'teams_personal', 'msg-1');
    expect(await store.get('d1')).toMatchObject({ state: 'sent', route: 'teams_personal', remoteId: 'msg-1', sentAt: '2026-11-26T08:05:01.000Z' });
    expect((await store.get('d1'))!.claimedUntil).toBeUndefined();
    expect(await store.claim('d1', '2026-11-27T00:00:00Z', '2026-11-27T00:05:00Z')).toBeNull();

    await store.claim('d2', '2026-11-26T08:00:00Z', '2026-11-26T08:05:00Z');
    await store.markRetrying('d2', '2026-11-26T08:00:30Z', 429, 'Too Many Requests');
    expect(await store.get('d2')).toMatchObject({ state: 'retrying', lastStatus: 429, notBefore: '2026-11-26T08:00:30.000Z' });
    expect((await store.due('2026-11-26T08:00:29Z', 10)).map((d) => d.id)).not.toContain('d2');
    expect((await store.due('2026-11-26T08:00:30Z', 10)).map((d) => d.id)).toContain('d2');
    expect(await store.claim('d2', '2026-11-26T08:00:30Z', '2026-11-26T08:05:30Z')).toMatchObject({ attempts: 2 });
    await store.markFailed('d2', 403, 'bot blocked');

    await store.claim('d5', '2026-11-26T08:00:00Z', '2026-11-26T08:05:00Z');
    await store.markUnsupported('d5', 'no Teams conversation and no e-mail address');
    expect(await store.get('d5')).toMatchObject({ state: 'unsupported', lastError: 'no Teams conversation and no e-mail address' });
    expect(await store.claim('d5', '2026-11-27T00:00:00Z', '2026-11-27T00:05:00Z')).toBeNull();
  });

  it('lists failed deliveries, filtered by forum', async () => {
    const store = botDeliveryRepository(db.db);
    await store.addPending([row('other', 'k-other', 'p9', 'midt-ksg')]);
    await store.claim('other', '2026-11-26T08:00:00Z', '2026-11-26T08:05:00Z');
    await store.markFailed('other', 404, 'conversation not found');
    expect((await store.listFailed()).map((d) => d.id).sort()).toEqual(['d2', 'other']);
    expect((await store.listFailed({ forumId: 'vest-ksg' })).map((d) => d.id)).toEqual(['d2']);
    expect((await store.listFailed({ forumId: 'midt-ksg' }))[0]).toMatchObject({ state: 'failed', lastStatus: 404, lastError: 'conversation not found' });
    // Only the live claim's rows remain: race (claimed until 09:05).
    expect(await store.nextDueAt()).toBe('2026-11-26T09:05:00.000Z');
  });

  it('stores conversation references and finds them by person, channel and team', async () => {
    const conv = botConversationRepository(db.db);
    const common = { tenantId: 't', serviceUrl: 'https://smba.trafficmanager.net/emea/', updatedAt: '2026-11-23T05:00:00Z', reference: { bot: { id: 'b' } } };
    await conv.save({ ...common, kind: 'personal', conversationId: 'a:1', aadObjectId: 'aad-1', teamsUserId: '29:1' });
    await conv.save({ ...common, kind: 'team', conversationId: '19:team', teamId: '19:team', teamsChannelId: '19:team' });
    await conv.save({ ...common, kind: 'channel', conversationId: '19:chan', teamId: '19:team', teamsChannelId: '19:chan' });
    await conv.save({ ...common, kind: 'personal', conversationId: 'a:1', aadObjectId: 'aad-1', teamsUserId: '29:1', locale: 'en-GB' });
    expect(await conv.findPersonal('aad-1')).toMatchObject({ conversationId: 'a:1', locale: 'en-GB', reference: { bot: { id: 'b' } } });
    expect(await conv.findChannel('19:chan')).toMatchObject({ kind: 'channel', teamId: '19:team' });
    expect(await conv.findTeam('19:team')).toMatchObject({ kind: 'team' });
    await conv.remove('19:team');
    expect(await conv.findTeam('19:team')).toBeNull();
    expect(await conv.findChannel('19:chan')).toBeNull();
    expect(await conv.findPersonal('aad-1')).not.toBeNull();
  });
});
