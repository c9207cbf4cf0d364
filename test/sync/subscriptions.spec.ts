/**
 * Change subscriptions on the organizer mailboxes: made for a mailbox once it
 * organizes a meeting, kept while far from expiry, renewed before it expires,
 * made again when Graph no longer knows it; lifecycle notifications renew or
 * re-create and always resync by delta.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { runMeetingSync } from '../../src/usecases/sync/meeting-sync.handler.js';
import { ensureSubscriptions, runNotification, SUBSCRIPTION_LIFETIME_MS } from '../../src/usecases/sync/subscriptions.handler.js';
import { backends } from '../support/db.js';
import { insertMeetings, meeting, syncFixture, type SyncFixture } from './sync.fixture.js';

const HOOK = 'https://samraad.test/api/graph/notifications';
const SECRETARY = 'nina.hald@midt.rm.dk';

describe.each(backends)('change subscriptions ($name)', (backend) => {
  let f: SyncFixture;
  beforeAll(async () => {
    // The handshake is tested against the real route in sync.app.spec.ts; here the emulator skips it.
    f = await syncFixture(backend, '2027-01-15T09:00:00Z', { validateSubscriptions: false });
    await insertMeetings(f.db, [meeting('mtg-s1', 'midt-ksg', '2027-02-10')]);
  });
  afterAll(async () => f?.close());

  const subs = () => syncRepository(f.db.db).listSubscriptions();

  it('subscribes once per organizer mailbox, keeps it, and renews it before it expires', async () => {
    expect(await ensureSubscriptions(f.deps, HOOK)).toEqual({ created: [], renewed: [], kept: [] }); // no mailbox organizes anything yet
    await runMeetingSync(f.deps, { meetingId: 'mtg-s1' });
    const first = await ensureSubscriptions(f.deps, HOOK);
    expect(first.created).toHaveLength(1);
    const [sub] = await subs();
    expect(sub).toMatchObject({ mailbox: SECRETARY, expiresAt: new Date(f.now.value.getTime() + SUBSCRIPTION_LIFETIME_MS).toISOString() });
    expect(f.emu.state.subscriptions[sub!.id]).toMatchObject({ notificationUrl: HOOK, resource: `/users/${SECRETARY}/events` });

    f.now.value = new Date(f.now.value.getTime() + 24 * 3600_000);
    expect(await ensureSubscriptions(f.deps, HOOK)).toEqual({ created: [], renewed: [], kept: [sub!.id] });

    f.now.value = new Date(f.now.value.getTime() + 14 * 3600_000); // 10 hours left
    expect(await ensureSubscriptions(f.deps, HOOK)).toEqual({ created: [], renewed: [sub!.id], kept: [] });
    const renewed = new Date(f.now.value.getTime() + SUBSCRIPTION_LIFETIME_MS).toISOString();
    expect((await subs())[0]!.expiresAt).toBe(renewed);
    expect(f.emu.state.subscriptions[sub!.id]!.expirationDateTime).toBe(renewed);
  });

  it('makes a new subscription when Graph removed it (subscriptionRemoved), and resyncs by delta', async () => {
    const [old] = await subs();
    delete f.emu.state.subscriptions[old!.id];
    await runNotification(f.deps, { mailbox: SECRETARY, subscriptionId: old!.id, lifecycleEvent: 'subscriptionRemoved' }, HOOK);
    const now = await subs();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(old!.id);
    expect(Object.keys(f.emu.state.subscriptions)).toEqual([now[0]!.id]);
    expect(await syncRepository(f.db.db).getCursor(SECRETARY)).not.toBeNull(); // the delta ran
  });

  it('renews on reauthorizationRequired', async () => {
    const [sub] = await subs();
    f.now.value = new Date(f.now.value.getTime() + 3600_000);
    await runNotification(f.deps, { mailbox: SECRETARY, subscriptionId: sub!.id, lifecycleEvent: 'reauthorizationRequired' }, HOOK);
    const [after] = await subs();
    expect(after!.id).toBe(sub!.id);
    expect(Date.parse(after!.expiresAt)).toBeGreaterThan(Date.parse(sub!.expiresAt));
    expect(f.emu.failures).toEqual([]);
  });
});
