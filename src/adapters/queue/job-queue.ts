/**
 * The job queue: pg-boss on the same database as the data (PGlite backend in the
 * embedded mode, PostgreSQL otherwise), so a job enqueued inside a use case's
 * transaction commits or rolls back with it: the transactional outbox.
 *
 * Every queue retries with exponential backoff and, when its retries are spent,
 * pg-boss copies the job into the shared `dead-letter` queue (which has no
 * worker), where the API lists it and a person can retry it.
 *
 * pg-boss 10 (12 needs Node 22; issue 14, point 7). Its tables live in the schema
 * JOB_SCHEMA, named for the major version: pg-boss migrates an older schema forward
 * but does not notice a newer one, so a database that holds a `pgboss` schema made by
 * another pg-boss major is left alone instead of being read with the wrong layout.
 */
import PgBoss from 'pg-boss';
import type { Database, DbOrTx } from '../db/database.js';
import { bossDbFromDrizzle, bossDbFromPglite } from './boss-db.js';
import { isJobName, parseJob, type JobName, type JobOutbox, type JobPayload } from '../../usecases/ports/jobs.port.js';

export const DEAD_LETTER_QUEUE = 'dead-letter';
/** pg-boss's schema (see above); its job table is `${JOB_SCHEMA}.job`. */
export const JOB_SCHEMA = 'pgboss_v10';

/** A job as `findJobs` returns it (what tests and the dead-letter list read). */
export type QueuedJob<T = unknown> = {
  id: string;
  name: string;
  data: T;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  singletonKey: string | null;
  startAfter: Date;
  createdOn: Date;
  output: unknown;
};

export type QueueSpec = {
  name: JobName;
  retryLimit?: number;
  /** Seconds before the first retry; doubles each time (with jitter). */
  retryDelay?: number;
  /**
   * The longest wait before a retry, in seconds. pg-boss 10 has no cap of its own: after it
   * records a handler's failure, the retry's start is brought forward to between half this
   * and this (jitter, so jobs failed together do not come back together).
   */
  retryDelayMax?: number;
  expireInSeconds?: number;
};

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;
/** A handler of several jobs at once: one outcome per job, in order (undefined: done; an error: that job fails and is retried). */
export type BatchJobHandler<T> = (jobs: { data: T; id: string; retryCount: number }[]) => Promise<(unknown | undefined)[]>;

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
  /**
   * Takes up to `batchSize` jobs at a time and hands them to one handler call; each job is
   * completed or failed by its own outcome, after the handler has returned (so after it has
   * stored its results). A job whose payload is invalid fails without reaching the handler.
   * A worker killed meanwhile leaves its jobs active until they expire; then they are retried.
   */
  workBatch<N extends JobName>(queue: N, handler: BatchJobHandler<JobPayload<N>>, options: { batchSize: number; pollingIntervalSeconds?: number }): Promise<void>;
  /** Jobs of a queue, oldest first: by id, by singleton key, only those not yet done (created, retry, active). */
  findJobs<T = unknown>(queue: string, options?: { id?: string; key?: string; queued?: boolean; limit?: number }): Promise<QueuedJob<T>[]>;
  listDeadLetters(limit?: number): Promise<DeadLetter[]>;
  retryDeadLetter(id: string): Promise<boolean>;
  stop(): Promise<void>;
};

const known = new WeakMap<PgBoss, Set<string>>();

export async function startJobQueue(
  database: Database,
  /** maintenanceIntervalSeconds: how often the supervisor fails expired active jobs (a killed worker's) so they are retried; 60 s as pg-boss 12's supervisor (10's default is 120). */
  /** handlerGraceMs: how long stop() waits, after pg-boss's own 4 s, for handlers still running (default 10 s). */
  /** cronMonitorIntervalSeconds: how often this instance looks whether a schedule is due (pg-boss's default 30 s; tests shorten it). */
  opts: { queues?: QueueSpec[]; supervise?: boolean; schedule?: boolean; maintenanceIntervalSeconds?: number; handlerGraceMs?: number; cronMonitorIntervalSeconds?: number } = {},
): Promise<JobQueue> {
  const common = {
    schema: JOB_SCHEMA,
    supervise: opts.supervise ?? true,
    schedule: opts.schedule ?? false,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    ...(opts.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds, cronWorkerIntervalSeconds: opts.cronMonitorIntervalSeconds } : {}),
  };
  const pgliteDb = database.kind === 'pglite' ? bossDbFromPglite(database.pglite!) : null;
  const boss = pgliteDb
    ? new PgBoss({ ...common, db: pgliteDb as PgBoss.Db })
    : new PgBoss({ ...common, connectionString: database.connectionString!, max: 4 });
  /** Handlers running now: stop() lets them finish (bounded) before the database may be closed under them. */
  const running = new Set<Promise<unknown>>();
  // pg-boss reports background errors as events; without a listener Node would throw.
  boss.on('error', (err: unknown) => {
    process.emitWarning(`job queue: ${err instanceof Error ? err.message : String(err)}`);
  });
  await boss.start();
  known.set(boss, new Set());
  await createQueueOnce(boss, DEAD_LETTER_QUEUE);
  const declared = new Map((opts.queues ?? []).map((q) => [q.name, q]));

  /**
   * Where a dead letter came from. A handler's error carries it (withSource); a job that expired (its worker
   * killed or hung) was failed by pg-boss's supervisor with a message of its own, so the failed job it was copied
   * from is looked up by its data, the latest that failed by the letter's creation (the driver keeps that time to the
   * millisecond only: a second's leeway).
   */
  const originOf = async (j: QueuedJob): Promise<{ queue: string | null; jobId: string | null }> => {
    const carried = sourceOf(j.output);
    if (carried.queue) return carried;
    const { rows } = await boss.getDb().executeSql(
      `select name, id from ${JOB_SCHEMA}.job where state = 'failed' and name <> $1 and data = $2::jsonb and completed_on <= $3::timestamptz + interval '1 second' order by completed_on desc limit 1`,
      [DEAD_LETTER_QUEUE, JSON.stringify(j.data ?? null), new Date(j.createdOn).toISOString()],
    );
    const found = rows[0] as { name: string; id: string } | undefined;
    return found ? { queue: found.name, jobId: found.id } : carried;
  };

  /** Brings the retries of just-failed jobs forward to at most the queue's retryDelayMax (with jitter); see QueueSpec. */
  const capRetry = async (name: string, ids: string[]): Promise<void> => {
    const max = declared.get(name as JobName)?.retryDelayMax;
    if (!max || ids.length === 0) return;
    await boss.getDb().executeSql(
      `update ${JOB_SCHEMA}.job set start_after = now() + $3::double precision * (0.5 + random() / 2) * interval '1 second'
       where name = $1 and id = any($2::uuid[]) and state = 'retry' and start_after > now() + $3::double precision * interval '1 second'`,
      [name, ids, max],
    );
  };

  const queue: JobQueue = {
    boss,
    async ensureQueue(spec) {
      if (!declared.has(spec.name)) declared.set(spec.name, spec);
      const names = known.get(boss)!;
      if (names.has(spec.name)) return;
      await createQueueOnce(boss, spec.name, {
        name: spec.name,
        retryLimit: spec.retryLimit ?? 5,
        retryDelay: spec.retryDelay ?? 5,
        retryBackoff: true,
        expireInSeconds: spec.expireInSeconds ?? 300,
        deadLetter: DEAD_LETTER_QUEUE,
      });
      names.add(spec.name);
    },
    async enqueue(name, data, options = {}) {
      const payload = parseJob(name, data);
      await queue.ensureQueue(declared.get(name) ?? { name });
      return boss.send(name, payload as object, { singletonKey: options.singletonKey, startAfter: options.startAfter });
    },
    outboxFor(tx) {
      return {
        async enqueue(name, data, options = {}) {
          // Creating a queue here would wait for the very transaction we are in (PGlite has one connection).
          if (!known.get(boss)!.has(name)) throw new Error(`job queue "${name}" is not declared (src/entry/jobs/queues.ts)`);
          const payload = parseJob(name, data);
          await boss.send(name, payload as object, {
            singletonKey: options.singletonKey,
            startAfter: options.startAfter,
            db: bossDbFromDrizzle(tx) as PgBoss.Db,
          });
        },
      };
    },
    async work<N extends JobName>(name: N, handler: JobHandler<JobPayload<N>>, options: { batchSize?: number; pollingIntervalSeconds?: number } = {}) {
      await queue.ensureQueue(declared.get(name) ?? { name });
      const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
      await boss.work<unknown>(name, { batchSize: options.batchSize ?? 1, pollingIntervalSeconds, includeMetadata: true }, (jobs) => {
        const run = runJobs(jobs);
        running.add(run);
        // Tracked only; pg-boss receives `run` itself and records its outcome.
        // eslint-disable-next-line samraad/no-swallowed-catch
        void run.catch(() => {}).finally(() => running.delete(run));
        return run;
      });
      async function runJobs(jobs: PgBoss.JobWithMetadata<unknown>[]) {
        for (const job of jobs) {
          try {
            await handler(parseJob(name, job.data), { id: job.id, retryCount: job.retryCount ?? 0 });
          } catch (err) {
            // Failed here, one job at a time (the others of a batch still run), so its retry can be capped.
            // pg-boss 10 copies only the data and this output into the dead-letter queue:
            // the error carries where the job came from, for the list and its retry.
            await boss.fail(name, job.id, withSource(err, name, job.id));
            await capRetry(name, [job.id]);
          }
        }
        // pg-boss then completes the ids that are still active: the ones that succeeded.
      }
    },
    async workBatch<N extends JobName>(name: N, handler: BatchJobHandler<JobPayload<N>>, options: { batchSize: number; pollingIntervalSeconds?: number }) {
      await queue.ensureQueue(declared.get(name) ?? { name });
      await boss.work<unknown>(name, { batchSize: options.batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, includeMetadata: true }, (jobs) => {
        const run = runBatch(jobs);
        running.add(run);
        // Tracked only; pg-boss receives `run` itself (each job is already completed or failed by then).
        // eslint-disable-next-line samraad/no-swallowed-catch
        void run.catch(() => {}).finally(() => running.delete(run));
        return run;
      });
      async function runBatch(jobs: PgBoss.JobWithMetadata<unknown>[]) {
        const valid: { data: JobPayload<N>; id: string; retryCount: number }[] = [];
        const invalid: { id: string; err: unknown }[] = [];
        for (const job of jobs) {
          try {
            valid.push({ data: parseJob(name, job.data), id: job.id, retryCount: job.retryCount ?? 0 });
          } catch (err) {
            invalid.push({ id: job.id, err });
          }
        }
        const outcomes = valid.length ? await handler(valid) : [];
        const done: string[] = [];
        const failed: { id: string; err: unknown }[] = [...invalid];
        valid.forEach((j, i) => {
          const o = outcomes[i];
          if (o === undefined) done.push(j.id);
          else failed.push({ id: j.id, err: o });
        });
        if (done.length) await boss.complete(name, done);
        // pg-boss 10 copies only the data and this output into the dead-letter queue: the error carries where the job came from.
        for (const f of failed) await boss.fail(name, f.id, withSource(f.err, name, f.id));
        await capRetry(name, failed.map((f) => f.id));
        // pg-boss then completes the batch's ids that are still active: none are.
      }
    },
    async findJobs<T = unknown>(name: string, options: { id?: string; key?: string; queued?: boolean; limit?: number } = {}) {
      const where = ['name = $1'];
      const values: unknown[] = [name];
      if (options.id) where.push(`id = $${values.push(options.id)}::uuid`);
      if (options.key) where.push(`singleton_key = $${values.push(options.key)}`);
      if (options.queued) where.push(`state < 'completed'`);
      const limit = options.limit ? ` limit ${Math.max(1, Math.floor(options.limit))}` : '';
      const text =
        `select id, name, data, state, retry_count as "retryCount", singleton_key as "singletonKey", start_after as "startAfter", created_on as "createdOn", output ` +
        `from ${JOB_SCHEMA}.job where ${where.join(' and ')} order by created_on, id${limit}`;
      const { rows } = await boss.getDb().executeSql(text, values);
      return rows as QueuedJob<T>[];
    },
    async listDeadLetters(limit = 200) {
      const jobs = await queue.findJobs<Record<string, unknown>>(DEAD_LETTER_QUEUE, { queued: true, limit });
      const sources = await Promise.all(jobs.map((j) => originOf(j)));
      return jobs.map((j, i) => {
        const source = sources[i]!;
        return {
          id: j.id,
          queue: source.queue ?? 'unknown',
          originalJobId: source.jobId,
          data: j.data,
          failedAt: new Date(j.createdOn).toISOString(),
          error: j.output ?? null,
        };
      });
    },
    async retryDeadLetter(id) {
      const [job] = await queue.findJobs(DEAD_LETTER_QUEUE, { id, queued: true });
      const source = job ? (await originOf(job)).queue : null;
      if (!job || !source || !isJobName(source)) return false;
      await queue.enqueue(source, parseJob(source, job.data ?? {}));
      await boss.deleteJob(DEAD_LETTER_QUEUE, id);
      return true;
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 4000, close: database.kind === 'postgres' });
      // pg-boss waits 4 s for active jobs, then marks them failed and returns; a handler still running
      // gets a little longer so the caller does not close the database under it (bounded: a stuck
      // handler does not hold the shutdown; its late completion is then dropped, see boss-db.ts).
      // The workers have stopped, so no handler starts after this point.
      if (running.size) {
        await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, opts.handlerGraceMs ?? 10_000).unref())]);
        // Let the workers' loops see the end of their handler and stop (pg-boss polls for that once a second and
        // must not outlive its caller).
        await new Promise((r) => setImmediate(r));
      }
      pgliteDb?.close();
    },
  };
  for (const spec of declared.values()) await queue.ensureQueue(spec);
  return queue;
}

/** The failing job's queue and id on the thrown error (serialised by pg-boss into the job's output). */
function withSource(err: unknown, queue: string, jobId: string | null): Error {
  const error = err instanceof Error ? err : new Error(String(err));
  return Object.assign(error, { jobQueue: queue, jobId });
}

function sourceOf(output: unknown): { queue: string | null; jobId: string | null } {
  const o = (output && typeof output === 'object' ? output : {}) as { jobQueue?: unknown; jobId?: unknown };
  return { queue: typeof o.jobQueue === 'string' ? o.jobQueue : null, jobId: typeof o.jobId === 'string' ? o.jobId : null };
}

/**
 * Creates a queue unless it exists. Several processes starting at once on a fresh PostgreSQL
 * database create the same queues at the same time: pg-boss's create_queue attaches a partition
 * to the job table, and two of those can deadlock (40P01; PostgreSQL rolls one back). The one
 * rolled back tries again after a short, random pause (issue 18: two web and two worker processes).
 */
async function createQueueOnce(boss: PgBoss, name: string, options?: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await (options ? boss.createQueue(name, options) : boss.createQueue(name));
      return;
    } catch (err) {
      if ((err as { code?: string }).code === '40P01' && attempt < 8) {
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 100 * attempt));
        continue;
      }
      ignoreExists(err);
      return;
    }
  }
}

function ignoreExists(err: unknown) {
  if (err instanceof Error && /already exists/i.test(err.message)) return;
  throw err;
}
