/**
 * Database backends for tests. Every database test runs on embedded PGlite; when
 * DATABASE_URL is set it runs against that PostgreSQL server too, each test file
 * on a database of its own that is dropped afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';

/**
 * Contents every database opened with it starts with (the demo region, see
 * test/support/app.ts): built once per `npm test` and backend, then copied. On
 * PGlite the built database is saved beside the migrated snapshot of
 * test/support/global-setup.mjs (an uncompressed tar, like it); on PostgreSQL it is a template database of this
 * run (`CREATE DATABASE ... TEMPLATE`), dropped by test/support/global-teardown.mjs.
 * `key` names the contents ([a-z0-9_]); `build` writes them into a migrated, empty database.
 */
export type Seed = { key: string; build(db: TestDatabase): Promise<void> };
/** `poolSize` (PostgreSQL only): the tests' pools are small (many test files run at once); the benchmarks ask for the server's default. */
export type OpenOptions = { poolSize?: number; seed?: Seed };
export type Backend = { name: 'pglite' | 'postgres'; open(opts?: OpenOptions): Promise<TestDatabase> };
export type TestDatabase = Database & { dispose(): Promise<void> };

const seedKey = (seed: Seed) => {
  if (!/^[a-z0-9_]{1,20}$/.test(seed.key)) throw new Error(`seed key "${seed.key}" must be 1-20 of [a-z0-9_]`);
  return seed.key;
};

async function openPgliteFrom(file: string | undefined): Promise<TestDatabase> {
  const loadDataDir = file && fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : undefined;
  const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://', loadDataDir });
  return Object.assign(db, { dispose: () => db.close() });
}

async function openPglite(opts: OpenOptions = {}): Promise<TestDatabase> {
  const snapshot = process.env.SAMRAAD_TEST_PGLITE_SNAPSHOT;
  // Outside `npm test` (the benchmarks) there is no snapshot: the database starts empty and is built in place.
  if (!opts.seed || !snapshot) return openPgliteFrom(snapshot);
  const seeded = path.join(path.dirname(snapshot), `seed-${seedKey(opts.seed)}.tar`);
  if (fs.existsSync(seeded)) return openPgliteFrom(seeded);
  // The first file of the run that asks builds it while the other worker waits for the file (or, should the
  // builder die, builds it too after two minutes: the rename keeps one whole file either way).
  let building = true;
  try {
    fs.mkdirSync(`${seeded}.lock`);
  } catch {
    building = false;
  }
  if (!building) {
    for (let waited = 0; waited < 120_000 && !fs.existsSync(seeded); waited += 250) await new Promise((r) => setTimeout(r, 250));
    if (fs.existsSync(seeded)) return openPgliteFrom(seeded);
  }
  const db = await openPgliteFrom(snapshot);
  try {
    await opts.seed.build(db);
    const blob = await db.pglite!.dumpDataDir('none');
    const tmp = `${seeded}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, seeded);
  } catch (err) {
    await db.dispose();
    throw err;
  }
  return db;
}

/** This run's template database for a seed, built under an advisory lock by the first file that asks. */
async function postgresTemplate(seed: Seed): Promise<string | undefined> {
  // Outside `npm test` (the benchmarks) there is no run to keep a template for: the database starts empty and is built in place.
  const run = process.env.SAMRAAD_TEST_RUN;
  if (!run || !/^[a-f0-9]{12}$/.test(run)) return undefined;
  const name = `samraad_s_${run}_${seedKey(seed)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const building = `${name}_b`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${building}`;
      const db = await openDatabase({ kind: 'postgres', connectionString: url.toString(), poolSize: 5 });
      try {
        await seed.build(Object.assign(db, { dispose: () => db.close() }));
      } finally {
        await db.close();
      }
      // Renamed only once whole, so a template under its final name is always complete.
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    return name;
  } finally {
    // Ending the session releases its advisory lock.
    await admin.end();
  }
}

async function openPostgres(opts: OpenOptions = {}): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL!;
  const name = `samraad_t_${randomBytes(6).toString('hex')}`;
  const template = opts.seed ? await postgresTemplate(opts.seed) : undefined;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
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
