/**
 * Issue 14, point 7: pg-boss went back from 12 to 10 (12 needs Node 22). pg-boss
 * migrates an older schema of its own forward but does not notice a newer one, so a
 * database that still holds the `pgboss` schema another major made (as the shared
 * test server and any install that ran pg-boss 12 do) must not be read as its own:
 * the queue keeps its tables in a schema named for its version and leaves `pgboss` alone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { backends, type TestDatabase } from '../support/db.js';
import { JOB_SCHEMA, startJobQueue, type JobQueue } from '../../src/adapters/queue/job-queue.js';
import { allQueues } from '../../src/entry/jobs/queues.js';

const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

describe.each(backends)('job queue beside a pg-boss schema of another version on $name', (backend) => {
  let db: TestDatabase;
  let queue: JobQueue | undefined;
  beforeAll(async () => {
    db = await backend.open();
    // The shape pg-boss 12 leaves: its version row (a schema number above 10's) and a job table of another layout.
    await db.db.execute(sql`create schema pgboss`);
    await db.db.execute(sql`create table pgboss.version (version int primary key, maintained_on timestamptz, cron_on timestamptz, bam_on timestamptz)`);
    await db.db.execute(sql`insert into pgboss.version (version) values (30)`);
    await db.db.execute(sql`create table pgboss.job (id uuid primary key, name text not null, data jsonb, state text, source_name text)`);
  });
  afterAll(async () => {
    await queue?.stop();
    await db.dispose();
  });

  it('starts, runs a job, and leaves the other schema as it was', async () => {
    expect(JOB_SCHEMA).not.toBe('pgboss');
    queue = await startJobQueue(db, { supervise: false, queues: allQueues });
    const seen: unknown[] = [];
    await queue.work('system.self-test', async (data) => {
      seen.push(data);
    }, { pollingIntervalSeconds: 0.5 });
    const id = await queue.enqueue('system.self-test', { failing: false });
    const deadline = Date.now() + 60_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([{ failing: false }]);
    expect(rows(await db.db.execute(sql.raw(`select state from ${JOB_SCHEMA}.job where id = '${id}'`)))[0]?.state).toMatch(/active|completed/);
    expect(rows(await db.db.execute(sql`select version from pgboss.version`))).toEqual([{ version: 30 }]);
    expect(rows(await db.db.execute(sql`select count(*)::int as n from pgboss.job`))).toEqual([{ n: 0 }]);
  });
});
