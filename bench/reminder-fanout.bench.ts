/**
 * P5: a reminder fan-out to 10,000 people (one personal reminder each) plus a
 * burst of posts to one forum channel, through the bot's ReminderDispatcher and
 * its Bot Connector sender (real HTTP on 127.0.0.1) against the fake Bot
 * Connector of bot/testing, which enforces Teams' documented limits (per tenant
 * 50/1 s; per conversation 7/1 s, 8/2 s, 60/30 s, 1800/1 h), answers 429 when they
 * are exceeded, and here also injects 1 % random 429s (Retry-After 1 s) that the
 * dispatcher must survive.
 *
 * Time is SIMULATED: the dispatcher is wired like createReminderDispatcher
 * (bot/dispatch/reminder-dispatch.factory.ts: sender, RateLimiter with its default
 * safety, links) but with bot/testing's VirtualClock instead of the system clock,
 * because the factory's real clock would need about four real minutes for what
 * the limits allow. The virtual clock stands still while a request is in flight,
 * so the fake stamps each arrival with the time it was sent.
 *
 * Baseline: the limits themselves. "Unhandled 429" = a 429 the connector sent
 * because we broke a limit, plus every delivery left failed after a 429.
 */
import type { PlannedReminder } from '../src/domain/reminders/reminder.model.js';
import { FakeBotConnector } from '../bot/testing/fake-bot-connector.fixture.js';
import { MemoryBackend, MemoryConversationStore, MemoryDeliveryStore, MemoryDirectory } from '../bot/testing/in-memory-ports.fixture.js';
import { VirtualClock } from '../bot/testing/virtual-clock.fixture.js';
import { botConnectorSender } from '../bot/dispatch/bot-connector.sender.js';
import { RateLimiter } from '../bot/dispatch/rate-limiter.js';
import { ReminderDispatcher } from '../bot/dispatch/reminder.dispatcher.js';
import { hr, msSince, type BenchRow, type Benchmark, type Scale } from './bench.table.js';

const START = Date.parse('2027-03-01T07:00:00Z');
const TENANT = 'bench-tenant';
const CHANNEL = '19:bench-forum@thread.tacv2';

export type FanoutFigures = {
  people: number; channelPosts: number; delivered: number; virtualS: number; realMs: number;
  tenantRate: number; tenantPeak1s: number; channelPeak1s: number; channelRate: number;
  violations: number; injected429: number; failedAfter429: number; failed: number; duplicates: number;
};

export async function runFanout(people: number, channelPosts: number): Promise<FanoutFigures> {
  const clock = new VirtualClock(START);
  const conversations = new MemoryConversationStore();
  const directory = new MemoryDirectory();
  const deliveries = new MemoryDeliveryStore();
  const backend = new MemoryBackend(() => new Date(clock.now()).toISOString());
  const fake = new FakeBotConnector({ clock, inject429: 0.01, seed: 11 });
  const serviceUrl = await fake.start();
  try {
    backend.meetings.set('m-1', { meetingId: 'm-1', forumId: 'f-1', forumName: 'Klyngestyregruppen', date: '2027-03-02', start: '13:00', end: '15:00', online: false, status: 'planned' });
    directory.channels.set('f-1', { teamId: 'team-1', teamsChannelId: CHANNEL });
    await conversations.save({ kind: 'team', conversationId: 'team-1', teamId: 'team-1', teamsChannelId: 'team-1', tenantId: TENANT, serviceUrl, reference: { conversation: { id: 'team-1' } }, updatedAt: new Date(START).toISOString() });
    const sendAt = new Date(START - 60_000).toISOString();
    const reminders: PlannedReminder[] = [];
    for (let i = 0; i < people; i++) {
      directory.people.set(`p${i}`, { personId: `p${i}`, displayName: `Person ${i}`, aadObjectId: `aad-${i}`, locale: i % 2 ? 'en' : 'da' });
      await conversations.save({ kind: 'personal', conversationId: `a:conv-${i}`, tenantId: TENANT, serviceUrl, aadObjectId: `aad-${i}`, teamsUserId: `29:user-${i}`, reference: {}, updatedAt: new Date(START).toISOString() });
      reminders.push({ key: `meeting_tomorrow_unanswered:m-1:p${i}`, kind: 'meeting_tomorrow_unanswered', audience: 'personal', forumId: 'f-1', meetingId: 'm-1', recipientIds: [`p${i}`], deadline: '2027-03-01T12:00:00Z', sendAt });
    }
    for (let j = 0; j < channelPosts; j++) {
      reminders.push({ key: `agenda_sent:m-1:${j}`, kind: 'agenda_sent', audience: 'channel', forumId: 'f-1', meetingId: 'm-1', recipientIds: [], deadline: '2027-03-01T12:00:00Z', sendAt });
    }
    const http = botConnectorSender({ serviceUrlHosts: [], allowLoopback: true, token: async () => undefined });
    let n = 0;
    const dispatcher = new ReminderDispatcher({
      deliveries, conversations, directory, backend,
      sender: { send: (t, a) => clock.around(() => http.send(t, a)) },
      limiter: new RateLimiter(clock),
      clock,
      links: { teamsAppId: 'bench-app', tabEntityId: 'samraad' },
      newId: () => `d${++n}`,
    });
    await dispatcher.enqueue(reminders);
    const t = hr();
    const v0 = clock.now();
    await dispatcher.run({ untilIdle: true, maxWaitMs: 60 * 60_000 });
    const realMs = msSince(t);
    const virtualS = (clock.now() - v0) / 1000;

    const tenantLog = fake.tenantArrivals.get('tenant') ?? [];
    // The personal fan-out alone: the channel burst's tail runs at the conversation limit and would dilute the tenant rate.
    const personalLog = [...fake.arrivals].filter(([id]) => id !== CHANNEL).flatMap(([, log]) => log).sort((a, b) => a - b);
    const span = personalLog.length > 1 ? (personalLog[personalLog.length - 1]! - personalLog[0]!) / 1000 : Number.NaN;
    const channelLog = fake.arrivals.get(CHANNEL) ?? [];
    const channelSpan = channelLog.length > 1 ? (channelLog[channelLog.length - 1]! - channelLog[0]!) / 1000 : Number.NaN;
    const rows = [...deliveries.rows.values()];
    const failed = rows.filter((r) => r.state === 'failed');
    return {
      people, channelPosts, virtualS, realMs,
      delivered: fake.delivered.size,
      // Requests per second while the personal fan-out ran, counted as the tenant limit counts them (429-answered ones included).
      tenantRate: (personalLog.length - 1) / span,
      tenantPeak1s: FakeBotConnector.maxInWindow([tenantLog], 1_000),
      channelPeak1s: FakeBotConnector.maxInWindow([channelLog], 1_000),
      channelRate: (channelLog.length - 1) / channelSpan,
      violations: fake.violations,
      injected429: fake.injected429,
      failedAfter429: failed.filter((f) => f.lastStatus === 429).length,
      failed: failed.length,
      duplicates: [...fake.delivered.values()].filter((c) => c > 1).length,
    };
  } finally {
    await fake.stop();
  }
}

export const reminderFanoutBenchmark: Benchmark = {
  id: 'P5',
  title: 'reminder fan-out through the bot dispatcher (simulated time)',
  async run(scale: Scale): Promise<BenchRow[]> {
    const f = scale === 'full' ? await runFanout(10_000, 120) : await runFanout(150, 20);
    const unhandled = f.violations + f.failedAfter429;
    const tenantShare = f.tenantRate / 50;
    const convShare = f.channelPeak1s / 7;
    const common = `${f.people} people + ${f.channelPosts} channel posts; ${f.delivered} delivered (${f.duplicates} twice, ${f.failed} failed); ${f.virtualS.toFixed(0)} simulated s in ${(f.realMs / 1000).toFixed(1)} real s`;
    return [
      {
        id: 'P5', what: 'tenant send rate', value: f.tenantRate, unit: '/s', baseline: 50, baselineWhat: 'Teams limit per tenant', ratio: tenantShare,
        target: '>= 0.9x limit', meets: tenantShare >= 0.9,
        note: `${common}; rate over the personal fan-out, all tenant requests peak at ${f.tenantPeak1s} in any 1 s; the dispatcher's RateLimiter aims at 92 % of each documented limit (default safety 0.92)`,
      },
      {
        id: 'P5', what: 'channel conversation peak 1 s', value: f.channelPeak1s, unit: '/s', baseline: 7, baselineWhat: 'Teams limit per conversation', ratio: convShare,
        target: '>= 0.9x limit', meets: convShare >= 0.9,
        note: `sustained ${f.channelRate.toFixed(2)}/s over the burst; Teams' 8/2 s and 60/30 s windows (4/s, 2/s sustained) bind before 7/1 s does`,
      },
      {
        id: 'P5', what: 'unhandled 429', value: unhandled, unit: '', baseline: null, baselineWhat: `${f.injected429} injected 429s`, ratio: null,
        target: '0', meets: unhandled === 0,
        note: `${f.violations} limit violations seen by the connector, ${f.failedAfter429} deliveries failed after a 429`,
      },
    ];
  },
};
