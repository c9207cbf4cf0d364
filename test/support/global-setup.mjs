/**
 * Runs once per `npm test`: builds a migrated PGlite database and saves it as a
 * snapshot, so every test file opens a fresh, migrated embedded database in about
 * a second instead of running initdb and all migrations again. The snapshot is an
 * uncompressed tar (about 45 MB in the temporary folder): loading it skips gunzip,
 * about 40% of the time PGlite takes to open a copy. Seeded copies
 * (the demo region) are built later, once per run, by test/support/db.ts.
 * (Plain ESM JavaScript: jest loads global setup outside its module transform.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

export default async function globalSetup() {
  const pglite = await PGlite.create('memory://');
  await migrate(drizzle(pglite), { migrationsFolder: path.resolve('src/adapters/db/migrations') });
  const blob = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-test-')), 'pglite-snapshot.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  process.env.SAMRAAD_TEST_PGLITE_SNAPSHOT = file;
  // Names this run's seeded template databases on PostgreSQL (test/support/db.ts); global-teardown.mjs drops them.
  process.env.SAMRAAD_TEST_RUN = randomBytes(6).toString('hex');
}
