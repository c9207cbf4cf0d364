/**
 * The data revision (issue 18): a number that changes whenever the application's data may
 * have changed, so a read model or response cache can tell a stale entry from a current one
 * without asking the database.
 *
 * - **In this process** the database adapter bumps it as soon as a write statement outside a
 *   transaction, or any COMMIT, has completed, before the caller's `await` resumes. A reader
 *   that looks at the revision after its own write therefore never sees the older one.
 *   pg-boss's own statements (its schema `pgboss_v*`) are not data and do not bump it; a job
 *   inserted in an application transaction bumps it with that transaction's COMMIT.
 * - **Across processes** (PostgreSQL, several web and worker processes on one database) a
 *   process that wrote sends `NOTIFY samraad_data` with its own id (at most once per event-loop
 *   turn), and every process LISTENs and bumps its revision on another process's notice.
 *   PGlite is one process (its data folder is locked), so it needs no notices.
 *
 * The revision says "may have changed"; it never says what. A cache keyed on it is correct
 * whatever the write was, at the price of refilling after unrelated writes.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export const DATA_CHANNEL = 'samraad_data';

export type DataRevision = {
  /** The current revision; a different value means the data may have changed since. */
  readonly value: number;
  /** Marks the data as changed in this process (and, with PostgreSQL, tells the others). */
  bump(): void;
  /** This process's id in the notices it sends. */
  readonly instanceId: string;
  /** Starts listening for other processes' notices (PostgreSQL only; idempotent). Resolves once listening. */
  listen(): Promise<void>;
  /** Stops listening. */
  close(): Promise<void>;
};

/** Statements that change data (a CTE may; counted as one), and not pg-boss's own. */
const WRITE = /^\s*(insert|update|delete|merge|truncate|alter|create|drop|copy|with|do|call)\b/i;
const COMMIT = /^\s*(commit|end)\b/i;
const JOB_SCHEMA = /\bpgboss_v?\d*\./i;

/** True when completing `text` may have changed application data (a COMMIT always may). */
export function changesData(text: string | undefined): boolean {
  if (!text) return false;
  if (COMMIT.test(text)) return true;
  return WRITE.test(text) && !JOB_SCHEMA.test(text);
}

export function createDataRevision(opts: { notifier?: (instanceId: string) => Promise<void>; listener?: (onNotice: (payload: string) => void) => Promise<() => Promise<void>> } = {}): DataRevision {
  let value = 0;
  const instanceId = randomUUID();
  let notifyScheduled = false;
  let stopListening: (() => Promise<void>) | undefined;
  let listening: Promise<void> | undefined;
  const revision: DataRevision = {
    get value() {
      return value;
    },
    instanceId,
    bump() {
      value++;
      if (!opts.notifier || notifyScheduled) return;
      notifyScheduled = true;
      setImmediate(() => {
        notifyScheduled = false;
        // A lost notice costs another process a few seconds of a cached read (its entries also expire by time).
        // eslint-disable-next-line samraad/no-swallowed-catch
        opts.notifier!(instanceId).catch(() => undefined);
      });
    },
    listen() {
      if (!opts.listener) return Promise.resolve();
      listening ??= opts
        .listener((payload) => {
          if (payload !== instanceId) value++;
        })
        .then((stop) => {
          stopListening = stop;
        });
      return listening;
    },
    async close() {
      const stop = stopListening;
      stopListening = undefined;
      if (stop) await stop();
    },
  };
  return revision;
}

type Callback = (err: Error | null, res?: unknown) => void;

/** Wraps one pg client's `query` so completed writes and COMMITs bump the revision. */
export function watchPgClient(client: pg.PoolClient | pg.Client, revision: DataRevision): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : first?.text;
    if (!changesData(text)) return original(...args);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as Callback;
      return original(...args.slice(0, -1), (err: Error | null, res?: unknown) => {
        revision.bump();
        cb(err, res);
      });
    }
    const result = original(...args) as Promise<unknown> | undefined;
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).then(
        (r) => {
          revision.bump();
          return r;
        },
        (err: unknown) => {
          revision.bump();
          throw err;
        },
      );
    }
    return result;
  };
}

/** The notifier and listener for a PostgreSQL server. */
export function pgNotices(pool: pg.Pool, connect: () => pg.Client): { notifier: (id: string) => Promise<void>; listener: (onNotice: (payload: string) => void) => Promise<() => Promise<void>> } {
  return {
    notifier: async (id) => {
      await pool.query('select pg_notify($1, $2)', [DATA_CHANNEL, id]);
    },
    listener: async (onNotice) => {
      const client = connect();
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === DATA_CHANNEL) onNotice(msg.payload ?? '');
      });
      await client.query(`LISTEN ${DATA_CHANNEL}`);
      return async () => {
        // Ending a connection the server already dropped: nothing is left to close.
        // eslint-disable-next-line samraad/no-swallowed-catch
        await client.end().catch(() => undefined);
      };
    },
  };
}
