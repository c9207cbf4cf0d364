/**
 * The store a CLI command opens: the one the server uses. DATABASE_URL names a
 * PostgreSQL server; otherwise the embedded database in DATA_DIR, taken under the
 * data folder's lock (a running server holds it, and then DataDirLockedError is
 * thrown for the command to answer in its own way).
 */
import path from 'node:path';
import type { Config } from '../../config/config.js';
import { openDatabase, type Database } from '../../adapters/db/database.js';
import { lockDataDir, type DataDirLock } from '../../adapters/db/data-dir-lock.js';

export type CliDatabase = { database: Database; close(): Promise<void> };

export async function openCliDatabase(config: Config): Promise<CliDatabase> {
  if (config.databaseUrl) {
    const database = await openDatabase({ kind: 'postgres', connectionString: config.databaseUrl });
    return { database, close: () => database.close() };
  }
  const lock: DataDirLock = lockDataDir(config.dataDir);
  let database: Database;
  try {
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pgdata') });
  } catch (err) {
    lock.release();
    throw err;
  }
  return {
    database,
    async close() {
      try {
        await database.close();
      } finally {
        lock.release();
      }
    },
  };
}
