/**
 * Child process for the durability test: opens the embedded database in the
 * given folder (taking the folder lock, migrating), reports every organisation
 * id it finds ("have ..."), then writes new rows one at a time and prints
 * "ack <id>" only after each write committed. The parent kills it with SIGKILL
 * at random moments and checks that every acknowledged write survives.
 */
import path from 'node:path';
import { openDatabase } from '../../src/adapters/db/database.js';
import { lockDataDir } from '../../src/adapters/db/data-dir-lock.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';

// Never outlive the test: a parent that died without killing it (a jest worker killed with
// the run) leaves it re-parented, and it would write for ever on a core of its own.
const parent = process.ppid;
const started = Date.now();
setInterval(() => {
  if (process.ppid !== parent || Date.now() - started > 10 * 60_000) process.exit(0);
}, 500).unref();

const dir = process.argv[2]!;
const prefix = process.argv[3] ?? 'w';
lockDataDir(dir);
const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
const repo = registryRepository(db.db);
const have = (await repo.listOrganisations()).map((o) => o.id);
process.stdout.write(`have ${have.join(',')}\n`);
for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  await db.db.transaction(async (tx) => {
    await registryRepository(tx).insertOrganisation({ id, name: `Organisation ${id}`, kind: 'other' });
  });
  process.stdout.write(`ack ${id}\n`);
  // PGlite answers in microtasks: without a turn of the event loop the timer above (and a
  // closed pipe's error) would never be seen.
  await new Promise((resolve) => setImmediate(resolve));
}
