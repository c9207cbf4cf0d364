/**
 * P2: REST reads under 100 concurrent connections (autocannon, in this process)
 * against the whole Samraad server (startApp with every feature module and the
 * demo region, as the tests start it), on PGlite and, when DATABASE_URL is set,
 * on PostgreSQL. Baseline: a bare Fastify route on a separate minimal Fastify
 * instance in the same process, measured the same way in the same run.
 *
 * The meeting page is GET /api/meetings/:id as the forum's secretary; if that
 * route is missing (404 without a problem body for a known meeting) the forum's
 * meeting list GET /api/forums/:id/meetings?year=2027 is measured instead and the
 * row says so.
 */
import Fastify from 'fastify';
import autocannon, { type Result } from 'autocannon';
import { backends } from '../test/support/db.js';
import { startTestApp } from '../test/support/app.js';
import { appModules } from '../src/entry/modules.js';
import { loadConfig } from '../src/config/config.js';
import type { BenchRow, Benchmark, Scale } from './bench.table.js';

const FORUM = 'midt-ksg';
const SECRETARY = 'nina-hald';

/**
 * The full run hammers for a fixed time. The smoke run (in `npm test`) sends a fixed number of
 * requests instead: on a loaded machine a one-second window could end before the first answer,
 * and the smoke run checks that the benchmark works, not how fast.
 */
type Load = { connections: number; duration: number; amount?: number };
const loadFor = (scale: Scale): Load => (scale === 'full' ? { connections: 100, duration: 8 } : { connections: 5, duration: 1, amount: 25 });

async function hammer(url: string, load: Load, headers: Record<string, string> = {}): Promise<Result> {
  const size = load.amount ? { amount: load.amount } : { duration: load.duration };
  // A short warm-up so JIT and connection pools are not part of the figure.
  await autocannon({ url, connections: Math.min(10, load.connections), ...(load.amount ? { amount: load.connections } : { duration: 1 }), headers });
  const r = await autocannon({ url, connections: load.connections, ...size, headers });
  if (r['2xx'] === 0 || r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) throw new Error(`${url}: ${r['2xx']} ok, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  // A run shorter than autocannon's one-second sample has no per-second average: requests over the run's time.
  if (!(r.requests.average > 0)) r.requests.average = r.requests.total / Math.max(r.duration, 0.001);
  return r;
}

async function startBare(): Promise<{ url: string; close(): Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ id: FORUM, name: 'bare route', ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const { port } = bare.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/bare`, close: () => bare.close() };
}

export const restReadBenchmark: Benchmark = {
  id: 'P2',
  title: 'REST reads under concurrent load',
  async run(scale): Promise<BenchRow[]> {
    const load = loadFor(scale);
    const rows: BenchRow[] = [];
    const bare = await startBare();
    try {
      for (const backend of backends) {
        const modules = await appModules(loadConfig({ PORT: '0', DATA_DIR: '/nonexistent', SAMRAAD_DEMO: '1', GRAPH_MODE: 'off' }));
        // PostgreSQL: the pool size the server uses by default (openDatabase), not the tests' small one.
        const app = await startTestApp(backend, { modules, poolSize: 10 });
        try {
          // As the tab in a browser asks: with Accept-Encoding, so an answer's compression is part of its cost.
          const as = { ...app.as(SECRETARY), 'accept-encoding': 'gzip, deflate, br' };
          const list = await fetch(`${app.url}/api/forums/${FORUM}/meetings?year=2027`, { headers: as });
          if (!list.ok) throw new Error(`meeting list: ${list.status} ${await list.text()}`);
          const listed = (await list.json()) as unknown;
          const arr = (Array.isArray(listed) ? listed : ((listed as { meetings?: unknown[] }).meetings ?? [])) as { id?: string; meeting?: { id: string } }[];
          const meetingId = arr[0]?.id ?? arr[0]?.meeting?.id;
          let meetingUrl = `${app.url}/api/forums/${FORUM}/meetings?year=2027`;
          let meetingNote = 'GET /api/meetings/:id is not there: measured GET /api/forums/:id/meetings?year=2027 instead';
          if (meetingId) {
            const probe = await fetch(`${app.url}/api/meetings/${meetingId}`, { headers: as });
            if (probe.ok) {
              meetingUrl = `${app.url}/api/meetings/${meetingId}`;
              meetingNote = `GET /api/meetings/${meetingId} as ${SECRETARY}`;
            } else await probe.body?.cancel();
          }

          // Bare first and last, so drift on the shared machine shows in the figures rather than hiding in one ratio.
          const bareA = await hammer(bare.url, load);
          const forum = await hammer(`${app.url}/api/forums/${FORUM}`, load, as);
          const meeting = await hammer(meetingUrl, load, as);
          const bareB = await hammer(bare.url, load);
          const bareRps = (bareA.requests.average + bareB.requests.average) / 2;
          const bareP99 = Math.max(bareA.latency.p99, bareB.latency.p99);
          for (const [what, r, note] of [
            [`forum overview, ${backend.name}`, forum, `GET /api/forums/${FORUM} as ${SECRETARY}`],
            [`meeting page, ${backend.name}`, meeting, meetingNote],
          ] as const) {
            const share = r.requests.average / bareRps;
            rows.push({
              id: 'P2', what: `${what} p99`, value: r.latency.p99, unit: 'ms', baseline: bareP99, baselineWhat: 'bare route p99', ratio: bareP99 > 0 ? r.latency.p99 / bareP99 : null,
              target: 'p99 < 50 ms', meets: r.latency.p99 < 50,
              note: `${note}; ${load.connections} connections x ${load.amount ? `${load.amount} requests` : `${load.duration} s`}, ${r.requests.total} requests`,
            });
            rows.push({
              id: 'P2', what: `${what} throughput`, value: r.requests.average, unit: 'req/s', baseline: bareRps, baselineWhat: 'bare route', ratio: share,
              target: '>= 0.5x bare route', meets: share >= 0.5,
            });
          }
        } finally {
          await app.close();
        }
      }
    } finally {
      await bare.close();
    }
    return rows;
  },
};
