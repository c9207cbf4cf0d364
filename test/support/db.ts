/**
 * Database backends for tests. Every database test runs on embedded PGlite; when
 * DATABASE_URL is set it runs against that PostgreSQL server too, each test file
 * on a database of its own that is dropped afterwards.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';

/** `poolSize` (PostgreSQL only): the tests' pools are small (many test files run at once); the benchmarks ask for the server's default. */
export type Backend = { name: 'pglite' | 'postgres'; open(opts?: { poolSize?: number }): Promise<TestDatabase> };
export type TestDatabase = Database & { dispose(): Promise<void> };

async function openPglite(): Promise<TestDatabase> {
  const snapshot = process.env.SAMRAAD_TEST_PGLITE_SNAPSHOT;
  const loadDataDir = snapshot && fs.existsSync(snapshot) ? new Blob([fs.readFileSync(snapshot)]) : undefined;
  const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://', loadDataDir });
  return Object.assign(db, { dispose: () => db.close() });
}

async function openPostgres(opts: { poolSize?: number } = {}): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL!;
  const name = `samraad_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', connectionString: url.toString(), poolSize: opts.poolSize ?? 5 });
  return Object.assign(db, {
    async dispose() {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  });
}

export const backends: Backend[] = [
  { name: 'pglite', open: openPglite },
  ...(process.env.DATABASE_URL ? [{ name: 'postgres' as const, open: openPostgres }] : []),
];
