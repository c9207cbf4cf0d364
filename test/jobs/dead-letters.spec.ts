/**
 * The dead-letter list names the queue a job came from and the job, also for a job
 * that expired: its worker was killed or hung, so pg-boss's supervisor failed it with
 * a message of its own, not our handler's error (which carries the queue). Before,
 * such a letter showed queue "unknown" and could not be retried.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends, type TestDatabase } from '../support/db.js';
import { startJobQueue, type JobQueue } from '../../src/adapters/queue/job-queue.js';

describe.each(backends)('dead letters on $name', (backend) => {
  let db: TestDatabase;
  let queue: JobQueue;
  beforeAll(async () => {
    db = await backend.open();
    // No retries, so the first failure is final.
    queue = await startJobQueue(db, { supervise: false, queues: [{ name: 'system.self-test', retryLimit: 0 }] });
    await queue.ensureQueue({ name: 'system.self-test', retryLimit: 0 });
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.dispose();
  });

  it('names the queue and the job of an expired job, and retries it there', async () => {
    await queue.enqueue('system.self-test', { failing: false, requestedBy: 'expired-one' });
    await queue.enqueue('system.self-test', { failing: false, requestedBy: 'still-fine' });
    const [active] = await queue.boss.fetch<{ requestedBy: string }>('system.self-test');
    expect(active).toBeDefined();
    // What the supervisor does to a job past its expiry (pg-boss 10's own message, no source of ours).
    await queue.boss.fail('system.self-test', active!.id, { message: 'job failed by timeout in active state' });

    const letters = await queue.listDeadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ queue: 'system.self-test', originalJobId: active!.id, data: active!.data });

    expect(await queue.retryDeadLetter(letters[0]!.id)).toBe(true);
    expect(await queue.listDeadLetters()).toEqual([]);
    const queued = await queue.findJobs<{ requestedBy: string }>('system.self-test', { queued: true });
    expect(queued.map((j) => j.data.requestedBy).sort()).toEqual([active!.data.requestedBy, 'still-fine'].sort());
  });
});
