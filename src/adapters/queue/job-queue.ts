/**
 * The job queue: pg-boss on the same database as the data (PGlite backend in the
 * embedded mode, PostgreSQL otherwise), so a job enqueued inside a use case's
 * transaction commits or rolls back with it: the transactional outbox.
 *
 * Every queue retries with exponential backoff and, when its retries are spent,
 * pg-boss copies the job into the shared `dead-letter` queue (which has no
 * worker), where the API lists it and a person can retry it.
 */
import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import type { Job } from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/database.js';
import { isJobName, parseJob, type JobName, type JobOutbox, type JobPayload } from '../../usecases/ports/jobs.port.js';

export const DEAD_LETTER_QUEUE = 'dead-letter';

export type QueueSpec = {
  name: JobName;
  retryLimit?: number;
  /** Seconds before the first retry; doubles each time (capped at retryDelayMax). */
  retryDelay?: number;
  retryDelayMax?: number;
  expireInSeconds?: number;
};

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

export type DeadLetter = {
  id: string;
  queue: string;
  originalJobId: string | null;
  data: unknown;
  failedAt: string;
  error: unknown;
};

export type JobQueue = {
  boss: PgBoss;
  ensureQueue(spec: QueueSpec): Promise<void>;
  /** Enqueue outside a transaction (jobs enqueuing follow-up jobs, schedulers); the payload is validated against the job catalogue. */
  enqueue<N extends JobName>(queue: N, data: JobPayload<N>, options?: { singletonKey?: string; startAfter?: Date }): Promise<string | null>;
  /** An outbox bound to a transaction: the job exists only if the transaction commits. */
  outboxFor(tx: DbOrTx): JobOutbox;
  /** The handler gets the payload parsed by the job catalogue; an invalid one fails the job (and dead-letters it) without running the handler. */
  work<N extends JobName>(queue: N, handler: JobHandler<JobPayload<N>>, options?: { batchSize?: number; pollingIntervalSeconds?: number }): Promise<void>;
  listDeadLetters(limit?: number): Promise<DeadLetter[]>;
  retryDeadLetter(id: string): Promise<boolean>;
  stop(): Promise<void>;
};

const known = new WeakMap<PgBoss, Set<string>>();

export async function startJobQueue(
  database: Database,
  opts: { queues?: QueueSpec[]; supervise?: boolean; schedule?: boolean } = {},
): Promise<JobQueue> {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', supervise: opts.supervise ?? true, schedule: opts.schedule ?? false })
      : new PgBoss({ connectionString: database.connectionString!, max: 4, supervise: opts.supervise ?? true, schedule: opts.schedule ?? false });
  // pg-boss reports background errors as events; without a listener Node would throw.
  boss.on('error', (err: unknown) => {
    process.emitWarning(`job queue: ${err instanceof Error ? err.message : String(err)}`);
  });
  await boss.start();
  known.set(boss, new Set());
  await boss.createQueue(DEAD_LETTER_QUEUE).catch(ignoreExists);
  const declared = new Map((opts.queues ?? []).map((q) => [q.name, q]));

  const queue: JobQueue = {
    boss,
    async ensureQueue(spec) {
      const names = known.get(boss)!;
      if (names.has(spec.name)) return;
      await boss
        .createQueue(spec.name, {
          retryLimit: spec.retryLimit ?? 5,
          retryDelay: spec.retryDelay ?? 5,
          retryBackoff: true,
          retryDelayMax: spec.retryDelayMax ?? 600,
          expireInSeconds: spec.expireInSeconds ?? 300,
          deadLetter: DEAD_LETTER_QUEUE,
        })
        .catch(ignoreExists);
      names.add(spec.name);
    },
    async enqueue(name, data, options = {}) {
      const payload = parseJob(name, data);
      await queue.ensureQueue(declared.get(name) ?? { name });
      return boss.send(name, payload, { singletonKey: options.singletonKey, startAfter: options.startAfter });
    },
    outboxFor(tx) {
      return {
        async enqueue(name, data, options = {}) {
          // Creating a queue here would wait for the very transaction we are in (PGlite has one connection).
          if (!known.get(boss)!.has(name)) throw new Error(`job queue "${name}" is not declared (src/entry/jobs/queues.ts)`);
          const payload = parseJob(name, data);
          await boss.send(name, payload, {
            singletonKey: options.singletonKey,
            startAfter: options.startAfter,
            db: fromDrizzle(tx as never, sql as never),
          });
        },
      };
    },
    async work<N extends JobName>(name: N, handler: JobHandler<JobPayload<N>>, options: { batchSize?: number; pollingIntervalSeconds?: number } = {}) {
      await queue.ensureQueue(declared.get(name) ?? { name });
      await boss.work<unknown>(name, { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, async (jobs: Job<unknown>[]) => {
        for (const job of jobs) await handler(parseJob(name, job.data), { id: job.id, retryCount: (job as unknown as { retryCount?: number }).retryCount ?? 0 });
      });
    },
    async listDeadLetters(limit = 200) {
      const jobs = await boss.findJobs<Record<string, unknown>>(DEAD_LETTER_QUEUE, { queued: true, limit });
      return jobs.map((j) => ({
        id: j.id,
        queue: j.sourceName ?? 'unknown',
        originalJobId: (j as unknown as { sourceId?: string | null }).sourceId ?? null,
        data: j.data,
        failedAt: new Date(j.createdOn).toISOString(),
        error: j.output ?? null,
      }));
    },
    async retryDeadLetter(id) {
      const [job] = await boss.findJobs(DEAD_LETTER_QUEUE, { id, queued: true });
      if (!job || !job.sourceName || !isJobName(job.sourceName)) return false;
      await queue.enqueue(job.sourceName, parseJob(job.sourceName, job.data ?? {}));
      await boss.deleteJob(DEAD_LETTER_QUEUE, id);
      return true;
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 4000, close: database.kind === 'postgres' });
    },
  };
  for (const spec of declared.values()) await queue.ensureQueue(spec);
  return queue;
}

function ignoreExists(err: unknown) {
  if (err instanceof Error && /already exists/i.test(err.message)) return;
  throw err;
}
