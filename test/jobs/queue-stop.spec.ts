/**
 * Stopping the queue while a handler still runs (the CI run of stop 22 failed here):
 * pg-boss waits its grace period, marks the job failed and returns; the handler then
 * ends, and pg-boss reports that outcome without awaiting it. If the database was
 * closed in between, that report was an unhandled rejection ("PGlite is closed")
 * that Jest pinned on whatever test the worker process ran next. Now stop() lets a
 * running handler finish (bounded) before it returns, and a report that still comes
 * after the stop is dropped, as pg-boss's own adapter does once closed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends, type TestDatabase } from '../support/db.js';
import { startJobQueue, type JobQueue } from '../../src/adapters/queue/job-queue.js';
import { bossDbFromPglite } from '../../src/adapters/queue/boss-db.js';
import { allQueues } from '../../src/entry/jobs/queues.js';

describe.each(backends)('stopping the job queue under a running handler on $name', (backend) => {
  let db: TestDatabase;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(async () => {
    db = await backend.open();
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
  });

  it('waits for the handler, then closes, and nothing rejects unhandled after the database is gone', async () => {
    const queue: JobQueue = await startJobQueue(db, { supervise: false, queues: allQueues });
    let started = false;
    let finishedAt = 0;
    await queue.work('system.self-test', async () => {
      started = true;
      // Longer than pg-boss's 4 s grace period.
      await new Promise((r) => setTimeout(r, 6_000));
      finishedAt = Date.now();
    }, { pollingIntervalSeconds: 0.5 });
    await queue.enqueue('system.self-test', { failing: false });
    const deadline = Date.now() + 60_000;
    while (!started && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(started).toBe(true);

    await queue.stop();
    const stoppedAt = Date.now();
    expect(finishedAt).toBeGreaterThan(0);
    expect(finishedAt).toBeLessThanOrEqual(stoppedAt);
    await db.dispose();
    // pg-boss's report of the job's outcome runs on the next turns; give it time to reject if it would.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(rejections.map(String)).toEqual([]);
  });
});

describe('the embedded queue database after the queue stopped', () => {
  it('lets pg-boss report a late failure after the stop without throwing (its affected count reads as 0)', async () => {
    const db = await backends[0]!.open();
    try {
      const queue = await startJobQueue(db, { supervise: false, queues: allQueues });
      await queue.stop();
      // pg-boss's typings say void; the JavaScript returns its command summary.
      const late = queue.boss.fail('system.self-test', '00000000-0000-4000-8000-000000000000', { message: 'late' }) as Promise<unknown>;
      await expect(late).resolves.toMatchObject({ affected: 0 });
    } finally {
      await db.dispose();
    }
  });

  it('drops a late statement instead of throwing "PGlite is closed"', async () => {
    const pglite = backends[0]!;
    const db = await pglite.open();
    const bossDb = bossDbFromPglite(db.pglite!);
    try {
      expect((await bossDb.executeSql('select $1::int as one', [1])).rows).toEqual([{ one: 1 }]);
      bossDb.close();
      // undefined, as pg-boss's own pool adapter answers once closed: its command paths read
      // `result && result.rows ? result.rows[0].count : 0`, which threw on an empty result.
      await expect(bossDb.executeSql('select $1::int as one', [1])).resolves.toBeUndefined();
    } finally {
      await db.dispose();
    }
    await expect(bossDbFromPglite(db.pglite!).executeSql('select $1::int as one', [1])).resolves.toBeUndefined();
  });
});
