/**
 * A queue's retryDelayMax caps pg-boss 10's exponential backoff (which has no cap of its own):
 * a failed job comes back within the cap, with jitter, through both ways jobs are worked
 * (one at a time and in batches); a queue without a cap keeps pg-boss's backoff; a job of a
 * batch that fails does not hold back the others.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends, type TestDatabase } from '../support/db.js';
import { JOB_SCHEMA, startJobQueue, type JobQueue } from '../../src/adapters/queue/job-queue.js';

const until = async (what: string, ok: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.each(backends)('retry backoff cap on $name', (backend) => {
  let db: TestDatabase;
  let queue: JobQueue;
  beforeAll(async () => {
    db = await backend.open();
    queue = await startJobQueue(db, { supervise: false });
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.dispose();
  });

  /** Seconds from now until the job's retry may start, and its state. */
  const retryIn = async (name: string, id: string) => {
    const { rows } = await queue.boss.getDb().executeSql(`select state, extract(epoch from (start_after - now()))::float8 as wait from ${JOB_SCHEMA}.job where name = $1 and id = $2`, [name, id]);
    return rows[0] as { state: string; wait: number } | undefined;
  };

  it('a job worked one at a time comes back within retryDelayMax (pg-boss alone would wait 100-200 s)', async () => {
    await queue.ensureQueue({ name: 'system.self-test', retryLimit: 5, retryDelay: 100, retryDelayMax: 4 });
    const ran: string[] = [];
    await queue.work('system.self-test', async (data, job) => {
      ran.push(data.requestedBy ?? '');
      if (data.failing) throw new Error(`failing on purpose (${job.id})`);
    }, { batchSize: 3, pollingIntervalSeconds: 0.5 });
    const failing = (await queue.enqueue('system.self-test', { failing: true, requestedBy: 'capped' }))!;
    await queue.enqueue('system.self-test', { failing: false, requestedBy: 'fine' });
    await until('the failure recorded', async () => (await retryIn('system.self-test', failing))?.state === 'retry');
    const r = (await retryIn('system.self-test', failing))!;
    expect(r.wait).toBeLessThanOrEqual(4);
    expect(r.wait).toBeGreaterThan(1);
    await until('the good job done', async () => ran.includes('fine'));
  });

  it('a queue without a cap keeps pg-boss\'s backoff', async () => {
    // Its own database: the queue above is declared with a cap in this process.
    const other = await backend.open();
    const plain = await startJobQueue(other, { supervise: false });
    try {
      await plain.ensureQueue({ name: 'system.self-test', retryLimit: 5, retryDelay: 100 });
      await plain.work('system.self-test', async () => {
        throw new Error('failing on purpose');
      }, { pollingIntervalSeconds: 0.5 });
      const id = (await plain.enqueue('system.self-test', { failing: true, requestedBy: 'uncapped' }))!;
      const state = async () => {
        const { rows } = await plain.boss.getDb().executeSql(`select state, extract(epoch from (start_after - now()))::float8 as wait from ${JOB_SCHEMA}.job where name = $1 and id = $2`, ['system.self-test', id]);
        return rows[0] as { state: string; wait: number } | undefined;
      };
      await until('the failure recorded', async () => (await state())?.state === 'retry');
      expect((await state())!.wait).toBeGreaterThan(90);
    } finally {
      await plain.stop();
      await other.dispose();
    }
  });
});
