/**
 * P7: several instances, one behaviour (issue 18, point 4). `scripts/cluster.mjs` starts two
 * web and two worker processes (`src/main.ts --role=web|worker`) on a fresh database on the
 * local PostgreSQL (CLUSTER_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres), with
 * the demo region. Then, in REAL time:
 *
 * 1. Reads: GET /api/forums/midt-ksg (the forum overview, as its secretary) hammered by
 *    autocannon in this process, first at one web process, then at both at once (half the
 *    connections each). Baseline: one web process. The load generator shares the two cores
 *    with the four servers and PostgreSQL.
 * 2. Reminders: N people (one personal reminder each, on a demo meeting) with a stored 1:1
 *    conversation at the fake Bot Connector of bot/testing (in this process; it enforces
 *    Teams' limits and answers 429 past them). Two `reminders.deliver` jobs, one per worker:
 *    both dispatchers send, their tenant rate counted in PostgreSQL
 *    (src/adapters/db/shared-rate-limiter.ts). Baseline: Teams' 50/s per tenant.
 * 3. Kill: another M reminders; once a third has arrived, one worker is ended with SIGKILL.
 *    The other sends the rest, including the killed worker's claimed deliveries once their
 *    claim (REMINDER_CLAIM_SECONDS=30 here) has run out. Lost = reminders never delivered.
 *    Teams sends are at least once: a card the killed worker had sent but not yet recorded
 *    goes again (counted as sent twice).
 */
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { FakeBotConnector } from '../bot/testing/fake-bot-connector.fixture.js';
import { systemClock } from '../bot/dispatch/dispatch.clock.js';
import { openDatabase } from '../src/adapters/db/database.js';
import { startJobQueue, JOB_SCHEMA } from '../src/adapters/queue/job-queue.js';
import { JOB } from '../src/usecases/ports/jobs.port.js';
import type { BenchRow, Benchmark, Scale } from './bench.table.js';
// @ts-expect-error: a plain ES module script without types
import { startCluster } from '../scripts/cluster.mjs';

type Proc = { tag: string; url: string; pid: number };
type Cluster = { databaseUrl: string; web: Proc[]; workers: Proc[]; kill(p: Proc, signal?: string): Promise<void>; stop(): Promise<void> };

const FORUM = 'midt-ksg';
const SECRETARY = 'nina-hald';
const TENANT = 'bench-tenant';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function hammer(urls: string[], connections: number, scale: Scale): Promise<{ rps: number; p99: number; total: number; errors: number }> {
  const headers = { 'x-samraad-dev-person': SECRETARY };
  const each = Math.max(1, Math.floor(connections / urls.length));
  const size = scale === 'full' ? { duration: 10 } : { amount: 40 };
  // Warm-up: every process's caches and JIT.
  await Promise.all(urls.map((url) => autocannon({ url, connections: Math.min(5, each), amount: 50, headers })));
  const rs: Result[] = await Promise.all(urls.map((url) => autocannon({ url, connections: each, ...size, headers })));
  const rps = rs.reduce((s, r) => s + (r.requests.average > 0 ? r.requests.average : r.requests.total / Math.max(r.duration, 0.001)), 0);
  return { rps, p99: Math.max(...rs.map((r) => r.latency.p99)), total: rs.reduce((s, r) => s + r.requests.total, 0), errors: rs.reduce((s, r) => s + r.errors + r.non2xx, 0) };
}

async function seedPeople(c: pg.Client, from: number, n: number, serviceUrl: string): Promise<void> {
  await c.query(
    `insert into people (id, name, entra_object_id, tenant_id, has_teams)
     select 'p7-' || i, 'P7 person ' || i, 'aad-p7-' || i, $3, true from generate_series($1::int, $2::int) i`,
    [from, from + n - 1, TENANT],
  );
  await c.query(
    `insert into bot_conversations (conversation_id, kind, tenant_id, service_url, aad_object_id, teams_user_id, reference, updated_at)
     select 'a:p7-' || i, 'personal', $3, $4, 'aad-p7-' || i, '29:p7-' || i, '{}'::jsonb, now() from generate_series($1::int, $2::int) i`,
    [from, from + n - 1, TENANT, serviceUrl],
  );
}

async function seedDeliveries(c: pg.Client, run: string, from: number, n: number, meeting: { id: string; forumId: string }): Promise<void> {
  await c.query(
    `insert into reminder_deliveries (id, key, recipient_id, forum_id, reminder, state, attempts, not_before, created_at, updated_at)
     select $6::text || '-' || i, 'meeting_tomorrow_unanswered:' || $4::text || ':' || $6::text || ':p7-' || i, 'p7-' || i, $5::text,
       jsonb_build_object('key', 'meeting_tomorrow_unanswered:' || $4::text || ':' || $6::text || ':p7-' || i, 'kind', 'meeting_tomorrow_unanswered', 'audience', 'personal',
         'forumId', $5::text, 'meetingId', $4::text, 'recipientIds', jsonb_build_array('p7-' || i), 'deadline', $3::text, 'sendAt', $3::text),
       'pending', 0, now() - interval '1 minute', now(), now()
     from generate_series($1::int, $2::int) i`,
    [from, from + n - 1, new Date(Date.now() - 60_000).toISOString(), meeting.id, meeting.forumId, run],
  );
}

type Delivery = { delivered: number; twice: number; rate: number; peak1s: number; violations: number; seconds: number; activeRuns: number; failed: number };

export async function runCluster(scale: Scale) {
  // P7_REMINDERS / P7_KILL_REMINDERS shorten a full run on a machine too busy for 10,000 at the limit.
  const people = scale === 'full' ? Number(process.env.P7_REMINDERS ?? 10_000) : 120;
  const killPeople = scale === 'full' ? Number(process.env.P7_KILL_REMINDERS ?? 2_000) : 0;
  const fake = new FakeBotConnector({ clock: systemClock, tenantOf: () => 'tenant' });
  const serviceUrl = await fake.start();
  const cluster: Cluster = await startCluster({ web: 2, worker: 2, basePort: 4700, env: { REMINDER_CLAIM_SECONDS: '30' }, log: () => {} });
  const c = new pg.Client({ connectionString: cluster.databaseUrl });
  await c.connect();
  const database = await openDatabase({ kind: 'postgres', connectionString: cluster.databaseUrl, poolSize: 2 });
  const queue = await startJobQueue(database, { supervise: false, schedule: false });
  try {
    // 1. Reads, before any reminder goes out.
    const conns = scale === 'full' ? 50 : 4;
    const one = await hammer([`${cluster.web[0]!.url}/api/forums/${FORUM}`], conns, scale);
    const two = await hammer(cluster.web.map((w) => `${w.url}/api/forums/${FORUM}`), conns, scale);

    const { rows } = await c.query<{ id: string; forum_id: string }>(`select id, forum_id from meetings where forum_id = $1 order by date limit 1`, [FORUM]);
    const meeting = { id: rows[0]!.id, forumId: rows[0]!.forum_id };
    await seedPeople(c, 1, people + killPeople, serviceUrl);

    const deliver = async (run: string, from: number, n: number, onProgress?: (got: number) => Promise<void>): Promise<Delivery> => {
      const keys = new Set(Array.from({ length: n }, (_, k) => `meeting_tomorrow_unanswered:${meeting.id}:${run}:p7-${from + k}`));
      const before = (fake.tenantArrivals.get('tenant') ?? []).length;
      const violations0 = fake.violations;
      await seedDeliveries(c, run, from, n, meeting);
      await queue.enqueue(JOB.reminderDeliver, {});
      await queue.enqueue(JOB.reminderDeliver, {});
      const t0 = Date.now();
      let activeRuns = 0;
      const done = () => [...fake.delivered.keys()].filter((k) => keys.has(k.slice(k.indexOf('|') + 1))).length;
      const deadline = t0 + (n / 40) * 1000 + 120_000;
      for (;;) {
        await sleep(1_000);
        const got = done();
        const a = await c.query<{ n: string }>(`select count(*) as n from ${JOB_SCHEMA}.job where name = $1 and state = 'active'`, [JOB.reminderDeliver]);
        activeRuns = Math.max(activeRuns, Number(a.rows[0]!.n));
        await onProgress?.(got);
        if (got >= n || Date.now() > deadline) break;
      }
      const seconds = (Date.now() - t0) / 1000;
      const arrivals = (fake.tenantArrivals.get('tenant') ?? []).slice(before);
      const twice = [...fake.delivered.entries()].filter(([k, v]) => keys.has(k.slice(k.indexOf('|') + 1)) && v > 1).length;
      const failed = Number((await c.query<{ n: string }>(`select count(*) as n from reminder_deliveries where id like $1 and state = 'failed'`, [`${run}-%`])).rows[0]!.n);
      return {
        delivered: done(), twice, seconds, activeRuns, failed,
        rate: arrivals.length > 1 ? (arrivals.length - 1) / ((arrivals[arrivals.length - 1]! - arrivals[0]!) / 1000) : Number.NaN,
        peak1s: FakeBotConnector.maxInWindow([arrivals], 1_000),
        violations: fake.violations - violations0,
      };
    };

    // 2. Both workers deliver.
    const both = await deliver('r1', 1, people);
    // 3. One worker killed a third of the way.
    let kill: (Delivery & { killedAt: number }) | null = null;
    if (killPeople > 0) {
      let killedAt = -1;
      const victim = cluster.workers[1]!;
      const r = await deliver('r2', people + 1, killPeople, async (got) => {
        if (killedAt < 0 && got >= killPeople / 3) {
          killedAt = got;
          await cluster.kill(victim, 'SIGKILL');
        }
      });
      kill = { ...r, killedAt };
    }
    return { people, killPeople, one, two, both, kill };
  } finally {
    const warn = (what: string) => (err: unknown) => process.stderr.write(`P7: closing ${what} failed: ${String(err)}\n`);
    await queue.stop().catch(warn('the job queue'));
    await database.close().catch(warn('the database'));
    await c.end().catch(warn('the client'));
    await cluster.stop();
    await fake.stop();
  }
}

export const clusterBenchmark: Benchmark = {
  id: 'P7',
  title: 'two web and two worker processes on one PostgreSQL (npm run cluster)',
  async run(scale: Scale): Promise<BenchRow[]> {
    const f = await runCluster(scale);
    const readRatio = f.two.rps / f.one.rps;
    const share = f.both.rate / 50;
    const rows: BenchRow[] = [
      {
        id: 'P7', what: 'reads, 2 web processes', value: f.two.rps, unit: '/s', baseline: f.one.rps, baselineWhat: '1 web process', ratio: readRatio,
        target: '>= 1.7x', meets: readRatio >= 1.7,
        note: `GET /api/forums/${FORUM} as ${SECRETARY}, ${scale === 'full' ? '50 connections (25 per process), 10 s' : '4 connections, 40 requests per process'}; p99 ${f.two.p99} ms vs ${f.one.p99} ms; ${f.two.errors + f.one.errors} errors; the load generator, 4 servers and PostgreSQL share the machine's cores`,
      },
      {
        id: 'P7', what: 'tenant send rate, 2 workers', value: f.both.rate, unit: '/s', baseline: 50, baselineWhat: 'Teams limit per tenant', ratio: share,
        target: '0.9-1.0x limit', meets: share >= 0.9 && share <= 1 && f.both.violations === 0,
        note: `${f.people} reminders, ${f.both.delivered} delivered (${f.both.twice} twice, ${f.both.failed} failed) in ${f.both.seconds.toFixed(0)} s; peak ${f.both.peak1s} in any 1 s, ${f.both.violations} limit violations at the connector; ${f.both.activeRuns} deliver runs active at once; limit counted in PostgreSQL at 92 % of 50/s`,
      },
      {
        id: 'P7', what: 'sent twice, 2 workers', value: f.both.twice, unit: '', baseline: null, baselineWhat: '', ratio: null,
        target: '0', meets: f.both.twice === 0, note: `of ${f.people}`,
      },
    ];
    if (f.kill) {
      const lost = f.killPeople - f.kill.delivered;
      rows.push({
        id: 'P7', what: 'lost after SIGKILL of a worker', value: lost, unit: '', baseline: null, baselineWhat: `${f.killPeople} reminders`, ratio: null,
        target: '0', meets: lost === 0,
        note: `worker-2 killed after ${f.kill.killedAt} had arrived; ${f.kill.delivered} delivered in ${f.kill.seconds.toFixed(0)} s (claims of the killed worker expire after 30 s), ${f.kill.twice} sent twice (Teams sends are at least once), ${f.kill.failed} failed, ${f.kill.violations} limit violations, rate ${f.kill.rate.toFixed(1)}/s`,
      });
    }
    return rows;
  },
};
