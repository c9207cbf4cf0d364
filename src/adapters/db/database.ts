/**
 * Opens the store of record: embedded PGlite in a data folder (default), or a
 * PostgreSQL server when a connection string is given. Both get the same Drizzle
 * schema and the same forward-only migrations (recorded in
 * drizzle.__drizzle_migrations), applied before anything else touches the data.
 *
 * The returned `Database` is what repositories and the job queue use; nothing
 * outside src/adapters sees which backend runs.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { changesData, createDataRevision, pgNotices, watchPgClient, type DataRevision } from './data-revision.js';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: repositories accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Set for the embedded backend (pg-boss talks to it directly). */
  pglite?: PGlite;
  /** Set for the server backend. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Changes when the data may have changed (src/adapters/db/data-revision.ts): what read caches check. */
  revision: DataRevision;
  /** Where the embedded data lives ('memory://' for in-memory instances). */
  location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type OpenOptions =
  | { kind: 'pglite'; dataDir: string; loadDataDir?: Blob | File }
  | { kind: 'postgres'; connectionString: string; poolSize?: number };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.kind === 'pglite') {
    const pglite = await PGlite.create(opts.dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder });
    const revision = createDataRevision();
    watchPglite(pglite, revision);
    let closed = false;
    return {
      kind: 'pglite',
      db,
      pglite,
      revision,
      location: opts.dataDir,
      async ping() {
        await pglite.query('select 1');
      },
      async close() {
        if (closed) return;
        closed = true;
        await pglite.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: opts.poolSize ?? 10 });
  // A server-side error on an idle client must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const revision = createDataRevision(pgNotices(pool, () => new pg.Client({ connectionString: opts.connectionString })));
  pool.on('connect', (client) => watchPgClient(client, revision));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  try {
    await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
  } catch (err) {
    await pool.end();
    throw err;
  }
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    connectionString: opts.connectionString,
    revision,
    location: redactUrl(opts.connectionString),
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      if (closed) return;
      closed = true;
      await revision.close();
      await pool.end();
    },
  };
}

/**
 * PGlite's own methods, wrapped so a completed write outside a transaction, or a completed
 * transaction, bumps the data revision before the caller resumes (pg-boss's statements excepted).
 */
function watchPglite(pglite: PGlite, revision: DataRevision) {
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  const after = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } finally {
      revision.bump();
    }
  };
  Object.assign(pglite, {
    query: ((text: string, ...rest: unknown[]) => (changesData(text) ? after(query(text, ...(rest as []))) : query(text, ...(rest as [])))) as PGlite['query'],
    exec: ((text: string, ...rest: unknown[]) => (changesData(text) ? after(exec(text, ...(rest as []))) : exec(text, ...(rest as [])))) as PGlite['exec'],
    transaction: (<T>(fn: Parameters<PGlite['transaction']>[0]) => after(transaction(fn) as Promise<T>)) as PGlite['transaction'],
  });
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
