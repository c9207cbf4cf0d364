/** Small, exact checks of the dispatch parts: limiter windows, Retry-After, host allowlist, terminal states. */
import { describe, expect, it } from '@jest/globals';
import type { DispatchClock } from './dispatch.clock.js';
import { RateLimiter } from './rate-limiter.js';
import { botConnectorSender, retryAfterMs } from './bot-connector.sender.js';
import { ReminderDispatcher } from './reminder.dispatcher.js';
import { MemoryBackend, MemoryConversationStore, MemoryDeliveryStore, MemoryDirectory } from '../testing/in-memory-ports.fixture.js';
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import type { Recipient, StoredConversation } from '../bot.ports.js';

/** A manual clock: sleep advances time at once (single sender, so no interleaving to model). */
function manualClock(start = 0): DispatchClock & { t: number } {
  const c = { t: start, now: () => c.t, sleep: async (ms: number) => void (c.t += Math.max(0, ms)) };
  return c;
}

describe('RateLimiter', () => {
  it('keeps one conversation within 7/1 s, 8/2 s and 60/30 s (safety 1)', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(clock, { safety: 1 });
    const times: number[] = [];
    for (let i = 0; i < 130; i++) {
      await limiter.acquire('conv', 'tenant');
      times.push(clock.now());
    }
    const maxIn = (w: number) => Math.max(...times.map((t) => times.filter((x) => x > t - w && x <= t).length));
    expect(maxIn(1_000)).toBeLessThanOrEqual(7);
    expect(maxIn(2_000)).toBeLessThanOrEqual(8);
    expect(maxIn(30_000)).toBeLessThanOrEqual(60);
    // and it is not needlessly slow: 130 messages need at least two full 30 s windows, not much more
    expect(times.at(-1)!).toBeLessThan(3 * 30_000 + 2_000);
  });

  it('keeps the tenant within 50/s across conversations and honours a Retry-After block', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(clock, { safety: 1 });
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await limiter.acquire(`conv-${i}`, 'tenant');
      times.push(clock.now());
    }
    expect(Math.max(...times.map((t) => times.filter((x) => x > t - 1_000 && x <= t).length))).toBe(50);
    limiter.blockConversation('conv-x', clock.now() + 5_000);
    const before = clock.now();
    await limiter.acquire('conv-x', 'tenant');
    expect(clock.now() - before).toBeGreaterThanOrEqual(5_000);
  });
});

describe('botConnectorSender', () => {
  it('parses Retry-After in seconds and as an HTTP date', () => {
    expect(retryAfterMs('3', 0)).toBe(3_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });

  it('never sends (nor a token) to a host off the allowlist, or over plain http', async () => {
    let calls = 0;
    let tokens = 0;
    const sender = botConnectorSender({
      serviceUrlHosts: ['smba.trafficmanager.net'],
      allowLoopback: false,
      token: async () => (tokens++, 't'),
      fetch: (async () => (calls++, new Response('{"id":"1"}', { status: 201 }))) as typeof fetch,
    });
    expect(await sender.send({ serviceUrl: 'https://evil.example/', conversationId: 'c' }, {})).toMatchObject({ ok: false, status: 403 });
    expect(await sender.send({ serviceUrl: 'http://smba.trafficmanager.net/emea/', conversationId: 'c' }, {})).toMatchObject({ ok: false, status: 403 });
    expect(calls + tokens).toBe(0);
    expect(await sender.send({ serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: '19:a b' }, {})).toEqual({ ok: true, remoteId: '1' });
    expect(calls).toBe(1);
  });
});

describe('ReminderDispatcher terminal states', () => {
  const reminder = (over: Partial<PlannedReminder>): PlannedReminder => ({
    key: 'k', kind: 'task_due', audience: 'personal', forumId: 'f1', taskId: 't1', recipientIds: ['p1'], deadline: '2026-03-01T10:00:00Z', sendAt: '2026-02-01T10:00:00Z', ...over,
  });

  async function setup(status: number, extra: { resolvePersonalChat?: (r: Recipient) => Promise<StoredConversation | null> } = {}) {
    const clock = manualClock(Date.parse('2026-02-02T00:00:00Z'));
    const conversations = new MemoryConversationStore();
    const directory = new MemoryDirectory();
    const deliveries = new MemoryDeliveryStore();
    const backend = new MemoryBackend(() => new Date(clock.now()).toISOString());
    backend.tasks.set('t1', { taskId: 't1', forumName: 'F', title: 'T', dueOn: '2026-03-01', status: 'open', assignee: 'p1' });
    directory.people.set('p1', { personId: 'p1', displayName: 'A', aadObjectId: 'aad-1' });
    directory.people.set('p2', { personId: 'p2', displayName: 'B' }); // no Teams, no e-mail
    await conversations.save({ kind: 'personal', conversationId: 'a:1', tenantId: 't', serviceUrl: 'https://smba.trafficmanager.net/emea/', aadObjectId: 'aad-1', reference: {}, updatedAt: '' });
    let sends = 0;
    const targets: string[] = [];
    let n = 0;
    const dispatcher = new ReminderDispatcher({
      deliveries, conversations, directory, backend, clock, limiter: new RateLimiter(clock), links: { teamsAppId: 'a', tabEntityId: 's' }, newId: () => `d${++n}`,
      sender: { send: async (t) => (sends++, targets.push(t.conversationId), status === 201 ? { ok: true } : { ok: false, status, error: `HTTP ${status}` }) },
      resolvePersonalChat: extra.resolvePersonalChat,
    }, { maxAttempts: 3, random: () => 0.5 });
    return { dispatcher, deliveries, conversations, sends: () => sends, targets, clock };
  }

  it('403 (bot blocked or removed) fails at once into the dead-letter list', async () => {
    const s = await setup(403);
    await s.dispatcher.enqueue([reminder({})]);
    await s.dispatcher.run({ untilIdle: true });
    expect(s.sends()).toBe(1);
    expect((await s.deliveries.listFailed()).map((d) => [d.lastStatus, d.attempts])).toEqual([[403, 1]]);
  });

  it('504 is retried with growing backoff, then dead-lettered after maxAttempts', async () => {
    const s = await setup(504);
    const t0 = s.clock.now();
    await s.dispatcher.enqueue([reminder({})]);
    await s.dispatcher.run({ untilIdle: true });
    expect(s.sends()).toBe(3);
    // backoff 2 s then 4 s, at 75 % with random 0.5
    expect(s.clock.now() - t0).toBeGreaterThanOrEqual(1_500 + 3_000);
    expect((await s.deliveries.listFailed()).map((d) => [d.lastStatus, d.attempts])).toEqual([[504, 3]]);
  });

  it('a person with neither Teams nor e-mail is unsupported, and nothing is sent', async () => {
    const s = await setup(201);
    await s.dispatcher.enqueue([reminder({ key: 'k2', recipientIds: ['p2'] })]);
    const summary = await s.dispatcher.run({ untilIdle: true });
    expect(summary.unsupported).toBe(1);
    expect(s.sends()).toBe(0);
    expect([...s.deliveries.rows.values()][0]).toMatchObject({ state: 'unsupported', lastError: 'no Teams conversation and no e-mail address' });
  });

  it('a member without a stored chat is reached through resolvePersonalChat, and the chat is remembered', async () => {
    const s = await setup(201, {
      resolvePersonalChat: async (r) =>
        r.personId === 'p3'
          ? { kind: 'personal', conversationId: 'a:graph-chat', tenantId: 't', serviceUrl: 'https://smba.trafficmanager.net/emea/', aadObjectId: 'aad-3', reference: {}, updatedAt: '' }
          : null,
    });
    const dir = (s.dispatcher as unknown as { d: { directory: MemoryDirectory } }).d.directory;
    dir.people.set('p3', { personId: 'p3', displayName: 'C', aadObjectId: 'aad-3' });
    await s.dispatcher.enqueue([reminder({ key: 'k3', recipientIds: ['p3'] })]);
    expect((await s.dispatcher.run({ untilIdle: true })).sent).toBe(1);
    expect(s.targets).toEqual(['a:graph-chat']);
    expect(await s.conversations.findPersonal('aad-3')).toMatchObject({ conversationId: 'a:graph-chat' });
  });

  it('a throttled chat lookup is retried (never sooner than Retry-After), not turned into an e-mail or a busy loop', async () => {
    let calls = 0;
    const s = await setup(201, {
      resolvePersonalChat: async () => {
        calls++;
        if (calls === 1) throw Object.assign(new Error('Graph 429'), { status: 429, retryAfterMs: 10_000 });
        return { kind: 'personal', conversationId: 'a:later', tenantId: 't', serviceUrl: 'https://smba.trafficmanager.net/emea/', aadObjectId: 'aad-4', reference: {}, updatedAt: '' };
      },
    });
    const dir = (s.dispatcher as unknown as { d: { directory: MemoryDirectory } }).d.directory;
    dir.people.set('p4', { personId: 'p4', displayName: 'D', aadObjectId: 'aad-4', email: 'd@x.example' });
    const t0 = s.clock.now();
    await s.dispatcher.enqueue([reminder({ key: 'k4', recipientIds: ['p4'] })]);
    const first = await s.dispatcher.run();
    expect(first).toMatchObject({ retried: 1, sent: 0 });
    expect([...s.deliveries.rows.values()][0]).toMatchObject({ state: 'retrying', lastStatus: 429, attempts: 1 });
    await s.dispatcher.run({ untilIdle: true });
    expect(calls).toBe(2);
    expect(s.clock.now() - t0).toBeGreaterThanOrEqual(10_000);
    expect(s.targets).toEqual(['a:later']);
    expect([...s.deliveries.rows.values()][0]).toMatchObject({ state: 'sent', route: 'teams_personal', attempts: 2 });
  });
});
