/**
 * Dispatch under load against a local fake Bot Connector (real HTTP on 127.0.0.1).
 *
 * Time is virtual (testing/virtual-clock.fixture): it stands still while a request
 * is in flight and jumps to the next sleeper when everything else waits. The tenant
 * limit (50/s; we aim at 92 % of it) makes 10,090 messages take about four virtual
 * minutes, which run in seconds; dispatcher, Retry-After, backoff and the fake's
 * rate checks all use the same virtual seconds, so the fake's counts are exact.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import { FakeBotConnector } from '../testing/fake-bot-connector.fixture.js';
import { MemoryBackend, MemoryConversationStore, MemoryDeliveryStore, MemoryDirectory } from '../testing/in-memory-ports.fixture.js';
import type { MailPort } from '../bot.ports.js';
import { botConnectorSender } from './bot-connector.sender.js';
import { VirtualClock } from '../testing/virtual-clock.fixture.js';
import { RateLimiter, teamsConversationWindows } from './rate-limiter.js';
import { ReminderDispatcher } from './reminder.dispatcher.js';

const START = Date.parse('2026-03-02T07:00:00Z');
const TENANT = 'tenant-1';

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld(opts: { people: number; perPerson: number; channels: number; perChannel: number; broken: number; inject429: number; noTeams: number }) {
  const clock = new VirtualClock(START);
  const conversations = new MemoryConversationStore();
  const directory = new MemoryDirectory();
  const deliveries = new MemoryDeliveryStore();
  const backend = new MemoryBackend(() => new Date(clock.now()).toISOString());
  const broken = new Set<string>();
  const fake = new FakeBotConnector({ clock, inject429: opts.inject429, broken, seed: 7 });
  const serviceUrl = await fake.start();
  const mails: string[] = [];
  const mail: MailPort = {
    send: async (m) => {
      mails.push(m.idempotencyKey);
      return { ok: true, remoteId: `mail-${mails.length}` };
    },
  };

  for (const f of ['f0', 'f1', 'f2']) {
    backend.meetings.set(`m-${f}`, { meetingId: `m-${f}`, forumId: f, forumName: `Forum ${f}`, date: '2026-03-20', start: '13:00', end: '15:00', online: false, status: 'planned' });
  }
  for (let i = 0; i < opts.people; i++) {
    const personId = `p${i}`;
    const teams = i >= opts.noTeams;
    directory.people.set(personId, { personId, displayName: `Person ${i}`, aadObjectId: teams ? `aad-${i}` : undefined, email: teams ? undefined : `p${i}@praksis.example`, locale: i % 2 ? 'en' : 'da' });
    backend.tasks.set(`t${i}`, { taskId: `t${i}`, forumName: 'Forum f0', title: `Task ${i}`, dueOn: '2026-03-30', status: 'open', assignee: personId });
    if (teams) {
      const conversationId = `a:conv-${i}`;
      await conversations.save({ kind: 'personal', conversationId, tenantId: TENANT, serviceUrl, aadObjectId: `aad-${i}`, teamsUserId: `29:user-${i}`, reference: {}, updatedAt: new Date(START).toISOString() });
      if (i - opts.noTeams < opts.broken) broken.add(conversationId);
    }
  }
  for (let c = 0; c < opts.channels; c++) {
    directory.channels.set(`f${c}`, { teamId: 'team-1', teamsChannelId: `19:channel-${c}@thread.tacv2` });
  }
  await conversations.save({ kind: 'team', conversationId: 'team-1', teamId: 'team-1', teamsChannelId: 'team-1', tenantId: TENANT, serviceUrl, reference: { conversation: { id: 'team-1' } }, updatedAt: new Date(START).toISOString() });

  const kinds = ['meeting_tomorrow_unanswered', 'task_due', 'comment_window_closing', 'items_cutoff_soon', 'task_due'] as const;
  const reminders: PlannedReminder[] = [];
  const sendAt = new Date(START - 60_000).toISOString();
  for (let i = 0; i < opts.people; i++) {
    for (let j = 0; j < opts.perPerson; j++) {
      const kind = kinds[j % kinds.length]!;
      const isTask = kind === 'task_due';
      reminders.push({
        key: `${kind}:${isTask ? `t${i}` : 'm-f0'}:${j}:p${i}`,
        kind,
        audience: 'personal',
        forumId: 'f0',
        meetingId: isTask ? undefined : 'm-f0',
        taskId: isTask ? `t${i}` : undefined,
        recipientIds: [`p${i}`],
        deadline: '2026-03-19T12:00:00Z',
        sendAt,
      });
    }
  }
  for (let c = 0; c < opts.channels; c++) {
    for (let j = 0; j < opts.perChannel; j++) {
      reminders.push({ key: `agenda_sent:m-f${c}:${j}`, kind: j % 2 ? 'comment_window_open' : 'agenda_sent', audience: 'channel', forumId: `f${c}`, meetingId: `m-f${c}`, recipientIds: [], deadline: '2026-03-06T12:00:00Z', sendAt });
    }
  }
  let n = 0;
  const http = botConnectorSender({ serviceUrlHosts: [], allowLoopback: true, token: async () => undefined });
  // When each request left the dispatcher (one tenant in this world).
  const sendTimes: number[] = [];
  const make = (limiter = new RateLimiter(clock)) =>
    new ReminderDispatcher(
      {
        deliveries,
        conversations,
        directory,
        backend,
        sender: { send: (t, a) => (sendTimes.push(clock.now()), clock.around(() => http.send(t, a))) },
        mail,
        limiter,
        clock,
        links: { teamsAppId: 'app-1', tabEntityId: 'samraad' },
        newId: () => `d${++n}`,
      },
      { maxAttempts: 6, baseBackoffMs: 2_000, claimMs: 60 * 60_000 },
    );
  return { clock, fake, deliveries, reminders, broken, mails, make, sendTimes };
}

describe('reminder dispatch at scale', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld({ people: 2_000, perPerson: 5, channels: 3, perChannel: 30, broken: 20, inject429: 0.03, noTeams: 10 });
  });
  afterAll(async () => {
    await w.fake.stop();
  });

  it('delivers 10,000 personal reminders to 2,000 people and 90 channel posts exactly once, within the documented rates, and dead-letters the broken ones', async () => {
    const dispatcher = w.make();
    expect(w.reminders.length).toBe(10_090);
    expect(await dispatcher.enqueue(w.reminders)).toBe(10_090);
    // Re-planning the same reminders adds nothing.
    expect(await dispatcher.enqueue(w.reminders)).toBe(0);

    const realStart = Date.now();
    const virtualStart = w.clock.now();
    const summary = await dispatcher.run({ untilIdle: true, maxWaitMs: 30 * 60_000 });
    const realMs = Date.now() - realStart;
    const virtualS = (w.clock.now() - virtualStart) / 1000;

    const rows = [...w.deliveries.rows.values()];
    const by = (s: string) => rows.filter((r) => r.state === s).length;
    const brokenDeliveries = 20 * 5;
    const mailDeliveries = 10 * 5;
    const teamsDeliveries = 10_090 - brokenDeliveries - mailDeliveries;

    // Exactly once, counted on the receiving side.
    expect(w.fake.delivered.size).toBe(teamsDeliveries);
    expect([...w.fake.delivered.values()].every((c) => c === 1)).toBe(true);
    expect(w.mails.length).toBe(mailDeliveries);
    expect(new Set(w.mails).size).toBe(mailDeliveries);
    expect(by('sent')).toBe(teamsDeliveries + mailDeliveries);

    // Throttling happened and was survived; neither a conversation nor the tenant ever received more than the documented rates.
    expect(w.fake.injected429).toBeGreaterThan(100);
    expect(w.fake.violations).toBe(0);
    expect(w.fake.unknownRoutes).toBe(0);
    const conv = [...w.fake.arrivals.values()];
    for (const win of teamsConversationWindows) expect(FakeBotConnector.maxInWindow(conv, win.perMs)).toBeLessThanOrEqual(win.max);
    const tenantMax = FakeBotConnector.maxInWindow(w.fake.tenantArrivals.values(), 1_000);
    expect(tenantMax).toBeLessThanOrEqual(50);
    const sentMax = FakeBotConnector.maxInWindow([w.sendTimes], 1_000);

    // The broken conversations end in the dead-letter list after 6 attempts each.
    const failed = await w.deliveries.listFailed();
    expect(failed.length).toBe(brokenDeliveries);
    // Only the broken people (p10..p29); the last answer is their 502 or a tenant 429 on the final try.
    expect(failed.every((f) => f.attempts === 6 && /^p(1\d|2\d)$/.test(f.recipientId) && [502, 429].includes(f.lastStatus!))).toBe(true);
    expect(by('pending') + by('retrying')).toBe(0);
    expect(summary.failed).toBe(brokenDeliveries);

    console.log(
      `dispatch: ${rows.length} deliveries, ${w.fake.requests} requests, ${w.fake.injected429} injected 429s, ` +
        `max ${tenantMax}/s per tenant received (${sentMax}/s sent), max ${FakeBotConnector.maxInWindow(conv, 1_000)}/s per conversation, ` +
        `${virtualS.toFixed(0)} virtual s in ${(realMs / 1000).toFixed(1)} real s`,
    );
  }, 180_000);
});

describe('claim before send', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld({ people: 60, perPerson: 5, channels: 1, perChannel: 4, broken: 0, inject429: 0, noTeams: 0 });
  });
  afterAll(async () => {
    await w.fake.stop();
  });

  it('two dispatchers working the same deliveries send each one once', async () => {
    const a = w.make();
    const b = w.make();
    await a.enqueue(w.reminders);
    const [sa, sb] = await Promise.all([a.run({ untilIdle: true }), b.run({ untilIdle: true })]);
    expect(w.fake.delivered.size).toBe(304);
    expect([...w.fake.delivered.values()].every((c) => c === 1)).toBe(true);
    expect(sa.sent + sb.sent).toBe(304);
    // Both really competed: each one found deliveries already taken by the other.
    expect(sa.skipped + sb.skipped).toBeGreaterThan(0);
  });

  it('a delivery already sent is not sent again when it is re-planned', async () => {
    const d = w.make();
    const before = w.fake.requests;
    expect(await d.enqueue(w.reminders)).toBe(0);
    const s = await d.run({ untilIdle: true });
    expect(s.sent).toBe(0);
    expect(w.fake.requests).toBe(before);
  });
});
