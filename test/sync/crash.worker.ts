/**
 * The worker process of the crash test (test/sync/crash.spec.ts): embedded PGlite in
 * a data folder that survives restarts, the real job queue and the real sync job
 * handlers, talking to the emulator the test runs. On its first start it creates
 * FORUMS forums and MEETINGS meetings and enqueues their sync jobs in the same
 * transaction; every start then works the queue. It prints "READY" when its
 * workers run and "PROGRESS <forums synced> <meetings synced>" every 250 ms.
 *
 * Usage: node --import tsx test/sync/crash.worker.ts <dataDir> <graphBaseUrl> <forums> <meetings>
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/adapters/db/database.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { settings } from '../../src/adapters/db/schema.js';
import { syncState } from '../../src/adapters/db/sync.schema.js';
import { createGraphAdapter, staticTokenProvider } from '../../src/adapters/graph/graph.adapter.js';
import { startJobQueue, type QueueSpec } from '../../src/adapters/queue/job-queue.js';
import { allQueues } from '../../src/entry/jobs/queues.js';
import { LOCAL_TEAM_ID, startSyncWorkers, syncTransactor } from '../../src/entry/sync.module.js';
import { SYNC_QUEUES, type SyncDeps } from '../../src/usecases/sync/sync.ports.js';

const [dataDir, graphBaseUrl, forumsArg, meetingsArg] = process.argv.slice(2);
const FORUMS = Number(forumsArg);
const MEETINGS = Number(meetingsArg);
export const ORGANIZER = 'sekretariat@samraad.test';

async function main(): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir: dataDir! });
  // A killed worker leaves its jobs "active"; pg-boss fails them after expireInSeconds and
  // retries them. Production keeps the longer defaults; the test shortens the waits.
  const specs: QueueSpec[] = allQueues.map((q) => (q.name === SYNC_QUEUES.forum || q.name === SYNC_QUEUES.meeting ? { ...q, expireInSeconds: 5, retryDelay: 1, retryDelayMax: 2, retryLimit: 50 } : q));
  const queue = await startJobQueue(database, { queues: specs, supervise: true, schedule: false, maintenanceIntervalSeconds: 5 });

  await database.db.transaction(async (tx) => {
    const seeded = await tx.insert(settings).values({ key: 'crash-test.seeded', value: true }).onConflictDoNothing().returning();
    if (seeded.length === 0) return;
    const registry = registryRepository(tx);
    const meetings = meetingsRepository(tx);
    const outbox = queue.outboxFor(tx);
    for (let f = 0; f < FORUMS; f++) {
      await registry.insertForum({ id: `crash-f${f}`, name: `Klyngetemagruppe nr. ${f} for sammenhængende forløb på tværs af sektorer`, kind: 'theme_group', level: 'cluster', region: 'Midt', status: 'active', successorIds: [], channelType: 'standard', links: [] });
      await outbox.enqueue(SYNC_QUEUES.forum, { forumId: `crash-f${f}` });
    }
    for (let i = 0; i < MEETINGS; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
      await meetings.insertMeeting({ id: `crash-m${i}`, forumId: `crash-f${i % FORUMS}`, date: `2027-${month}-${day}`, start: '13:00', end: '15:00', online: false, kind: 'ordinary', status: 'planned', revision: 1, title: `Møde ${i}` });
      await outbox.enqueue(SYNC_QUEUES.meeting, { meetingId: `crash-m${i}` });
    }
  });

  const graph = createGraphAdapter({ baseUrl: graphBaseUrl!, tokenProvider: staticTokenProvider(), tenantId: 'crash-test' });
  const deps: SyncDeps = {
    m365: graph,
    transact: syncTransactor(database, queue),
    clock: { now: () => new Date('2027-01-04T08:00:00Z') },
    settings: { teamId: LOCAL_TEAM_ID, organizerMailbox: ORGANIZER, publicUrl: 'https://samraad.test', teamsAppId: 'samraad-test-app', timeZone: 'Europe/Copenhagen' },
    logger: { info() {}, warn: (m) => process.stderr.write(`warn ${m}\n`), error: (m) => process.stderr.write(`error ${m}\n`) },
  };
  await startSyncWorkers(queue, deps, { workers: 4 });
  process.stdout.write('READY\n');
  const report = async () => {
    const rows = await database.db
      .select({ kind: syncState.kind, n: sql<number>`count(*)::int` })
      .from(syncState)
      .where(sql`${syncState.status} = 'synced'`)
      .groupBy(syncState.kind);
    const n = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
    process.stdout.write(`PROGRESS ${n('forum')} ${n('meeting')}\n`);
  };
  setInterval(() => void report().catch((err: unknown) => process.stderr.write(`progress report failed: ${String(err)}\n`)), 250);
}

main().catch((err: unknown) => {
  process.stderr.write(`crash worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
