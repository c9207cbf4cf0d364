/**
 * Issue 18, point 4: scheduled jobs run once across several worker processes. Two worker
 * app instances (role worker, each with its own pool and its own pg-boss, as two processes
 * have) start at the same moment on one fresh PostgreSQL database, both registering the
 * reminder plan's cron (every minute, so always due) and both looking for due schedules every
 * second; pg-boss's cron monitor (one instance wins `version.cron_on` per look, and the
 * hand-over job is a singleton per minute) creates the plan job once per minute, and one of
 * the two runs it. Starting both at once also covers the queue creation race (a deadlock in
 * pg-boss's create_queue, retried).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { backends, type TestDatabase } from '../support/db.js';
import { loadConfig } from '../../src/config/config.js';
import { startApp, type RunningApp } from '../../src/entry/app.js';
import { botModule } from '../../src/entry/bot.module.js';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';
import { JOB_SCHEMA } from '../../src/adapters/queue/job-queue.js';
import { JOB } from '../../src/usecases/ports/jobs.port.js';

const quiet = { info() {}, warn() {}, error: (m: string) => process.stderr.write(`${m}\n`) };

// On PGlite (one process: its folder is locked) one worker instance, the embedded case.
describe.each(backends)('scheduled jobs with the worker instances of $name', (backend) => {
  let db: TestDatabase | undefined;
  let second: Database | undefined;
  const apps: RunningApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.stop();
    await second?.close();
    await db?.dispose();
  });

  it('a cron both workers register runs once per firing', async () => {
    db = await backend.open();
    if (backend.name === 'postgres') second = await openDatabase({ kind: 'postgres', connectionString: db.connectionString!, poolSize: 5 });
    const config = loadConfig({ PORT: '0', DATA_DIR: '/nonexistent', SAMRAAD_DEMO: '0', GRAPH_MODE: 'off' }, ['--role=worker']);
    expect(config.role).toBe('worker');
    const start = (database: Database) =>
      startApp(config, { logger: quiet, modules: [botModule({ planCron: '* * * * *', m365: null })], database, cronMonitorIntervalSeconds: 1 });
    const sql = async <T,>(text: string, params: unknown[] = []): Promise<T[]> =>
      db!.pool ? (await db!.pool.query(text, params)).rows as T[] : ((await db!.pglite!.query(text, params)).rows as T[]);
    const minute = async () => (await sql<{ m: string }>(`select date_trunc('minute', now())::text as m`))[0]!.m;
    const firstMinute = await minute();
    apps.push(...(await Promise.all([start(db), ...(second ? [start(second)] : [])])));
    const jobs = async () => (await sql<{ state: string }>(`select state from ${JOB_SCHEMA}.job where name = $1`, [JOB.reminderPlan])).map((r) => r.state);
    const until = Date.now() + 20_000;
    while (!(await jobs()).includes('completed') && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    // Both monitors have looked about eight more times each by now.
    await new Promise((r) => setTimeout(r, 8_000));
    const got = await jobs();
    // One firing per minute begun while the two ran (a minute boundary may fall inside the test).
    const minutes = firstMinute === (await minute()) ? 1 : 2;
    expect(got.length).toBeGreaterThanOrEqual(1);
    expect(got.length).toBeLessThanOrEqual(minutes);
    expect(got.every((s) => s === 'completed' || s === 'active' || s === 'created')).toBe(true);
  }, 60_000);
});
