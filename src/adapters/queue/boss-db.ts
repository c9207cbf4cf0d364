/**
 * pg-boss 10 talks to its database through an object with `executeSql(text, values)`.
 * These adapt the two ways Samraad hands it one: the embedded PGlite instance (the
 * whole queue), and a Drizzle transaction (one `send` inside a use case's transaction,
 * the transactional outbox). pg-boss 12 ships both adapters; 10 does not, and 12 needs
 * Node 22 (issue 14, point 7).
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';

export type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** The PGlite adapter, with `close()`: from then on a statement does nothing, as pg-boss's own pool adapter does once closed. */
export type ClosableBossDb = BossDb & { close(): void };

/**
 * PGlite's `query()` runs one statement; pg-boss sends its schema creation and
 * maintenance as parameterless multi-statement scripts, which go through `exec()`.
 * PGlite has one connection, so a statement that fails inside a script's BEGIN leaves
 * the session in an aborted transaction: roll it back before rethrowing.
 */
export function bossDbFromPglite(pglite: PGlite): ClosableBossDb {
  let closed = false;
  return {
    close() {
      closed = true;
    },
    async executeSql(text, values) {
      // After the queue has stopped (or the database is gone), a handler that outlived the stop's
      // grace period still reports its job complete or failed; pg-boss does not await that call, so
      // a throw here would be an unhandled rejection. Like pg-boss's own adapter once closed, do
      // nothing: the job stays active, expires and is retried (handlers are idempotent), as after a crash.
      // Exactly as pg-boss's own adapter answers once closed (undefined, not an empty result): pg-boss reads a
      // command's affected count as `result && result.rows ? result.rows[0].count : 0`, so `{ rows: [] }` threw there
      // (seen in a fresh-clone run: "Cannot read properties of undefined (reading 'count')" after a late job failure).
      if (closed || pglite.closed) return undefined as unknown as { rows: unknown[] };
      try {
        if (values?.length) return await pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.flatMap((r) => r.rows ?? []) };
      } catch (err) {
        // Outside a transaction ROLLBACK only warns; the statement's own error is what is surfaced.
        // eslint-disable-next-line samraad/no-swallowed-catch
        await pglite.query('ROLLBACK').catch(() => {});
        throw err;
      }
    },
  };
}

/** A Drizzle transaction (or database) as pg-boss's db: `$N` placeholders become bound parameters. */
export function bossDbFromDrizzle(tx: DbOrTx): BossDb {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      const re = /\$(\d+)/g;
      let last = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        chunks.push(sql.raw(text.slice(last, m.index)), sql`${sql.param(values[Number(m[1]) - 1])}`);
        last = re.lastIndex;
      }
      chunks.push(sql.raw(text.slice(last)));
      const result = (await tx.execute(sql.join(chunks))) as unknown;
      if (Array.isArray(result)) return { rows: result };
      return { rows: (result as { rows?: unknown[] }).rows ?? [] };
    },
  };
}
