/**
 * Runs once after `npm test`: removes this run's PGlite snapshots (the migrated one
 * and the seeded ones beside it) and drops this run's seeded template databases on
 * PostgreSQL (see test/support/db.ts). Plain ESM JavaScript, like global-setup.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const snapshot = process.env.SAMRAAD_TEST_PGLITE_SNAPSHOT;
  if (snapshot && path.basename(path.dirname(snapshot)).startsWith('samraad-test-')) {
    fs.rmSync(path.dirname(snapshot), { recursive: true, force: true });
  }
  const run = process.env.SAMRAAD_TEST_RUN;
  if (!process.env.DATABASE_URL || !run || !/^[a-f0-9]{12}$/.test(run)) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`samraad_s_${run}_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
