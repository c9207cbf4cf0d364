/**
 * A cache of whole JSON answers of read routes (issue 18, P2): the meeting page and the
 * forum overview, which thirty members open at once when a meeting starts.
 *
 * An entry is the serialized answer for one key (route, path and query, and who asks:
 * the answer depends on the caller's rights). It is served only while
 *
 * - **the data has not changed**: the entry was filled at the current data revision
 *   (src/adapters/db/data-revision.ts, bumped on every completed write or COMMIT in this
 *   process and on other processes' notices), and the revision did not move while it
 *   was being filled; and
 * - **time has not moved on**: the answers depend on the clock (a deadline passes, a
 *   meeting starts), so an entry is fresh for `freshMs` of both wall time and the app's
 *   clock. For `staleMs` more it is still sent while one refill runs in the background,
 *   never longer: a deadline that has passed can show as coming for at most a few
 *   seconds, and never the other way round. A clock set back, or moved further, refills.
 *
 * Concurrent misses of one key share one fill. Failures are not cached: every waiter
 * gets the error, and the next request tries again.
 */
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { DataRevision } from '../../adapters/db/data-revision.js';

export type ReadCacheOptions = {
  revision: Pick<DataRevision, 'value'>;
  /** The app's clock (answers are computed from it), in ms. */
  clockMs: () => number;
  /** Wall time, in ms (a frozen test clock must not keep an entry forever). */
  wallMs?: () => number;
  freshMs?: number;
  staleMs?: number;
  maxEntries?: number;
};

type Encoding = 'br' | 'gzip';
type Entry = { json: string; revision: number; clockAt: number; wallAt: number; refreshing: boolean; encoded?: Partial<Record<Encoding, Buffer>> };

/** Answers smaller than this go as they are (the same threshold as compression.ts). */
const COMPRESS_FROM = 1024;

/**
 * The encoding @fastify/compress would pick for this Accept-Encoding ('br' before 'gzip' at
 * equal weight; `*` and `x-gzip` count), or none.
 */
export function preferredEncoding(header: string | string[] | undefined): Encoding | undefined {
  if (header === undefined) return undefined;
  const q: Record<string, number> = {};
  for (const part of String(header).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    const weight = qp ? Number(qp.slice(2)) : 1;
    q[name === 'x-gzip' ? 'gzip' : name] = Number.isFinite(weight) ? weight : 0;
  }
  const w = (e: Encoding) => q[e] ?? q['*'] ?? 0;
  const best = (['br', 'gzip'] as const).reduce<Encoding | undefined>((b, e) => (w(e) > 0 && (b === undefined || w(e) > w(b)) ? e : b), undefined);
  return best;
}

function encode(json: string, encoding: Encoding): Buffer {
  // Once per entry and encoding, not per hit: a better Brotli quality than per-request compression can afford.
  return encoding === 'br'
    ? brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json) } })
    : gzipSync(json, { level: 6 });
}

export type ReadCache = {
  /** Sends the cached JSON for `key`, or fills it with `compute` (serialized by `serialize`). */
  send(reply: FastifyReply, key: string, compute: () => Promise<unknown>, serialize: (value: unknown) => string): Promise<FastifyReply>;
  /** Entries held, and what happened so far (for tests and the bench's notes). */
  stats(): { entries: number; hits: number; misses: number; stale: number };
};

export function createReadCache(opts: ReadCacheOptions): ReadCache {
  const freshMs = opts.freshMs ?? 1000;
  const staleMs = opts.staleMs ?? 4000;
  const maxEntries = opts.maxEntries ?? 5000;
  const wallMs = opts.wallMs ?? (() => performance.now());
  const entries = new Map<string, Entry>();
  const filling = new Map<string, Promise<string>>();
  let hits = 0;
  let misses = 0;
  let stale = 0;

  const age = (e: Entry) => {
    const clock = opts.clockMs() - e.clockAt;
    const wall = wallMs() - e.wallAt;
    // A clock that went back counts as too old.
    return clock < 0 ? Infinity : Math.max(clock, wall);
  };

  function fill(key: string, compute: () => Promise<unknown>, serialize: (value: unknown) => string): Promise<string> {
    // Join only a fill that began at the current revision: one begun before a write may read what was there before it.
    const revision = opts.revision.value;
    const fillKey = `${revision}|${key}`;
    const running = filling.get(fillKey);
    if (running) return running;
    const clockAt = opts.clockMs();
    const wallAt = wallMs();
    const p = (async () => {
      try {
        const json = serialize(await compute());
        // Stored only when nothing was written meanwhile: what was read may be from before or after that write.
        if (opts.revision.value === revision) keepNewest(entries, key, { json, revision, clockAt, wallAt, refreshing: false }, maxEntries);
        return json;
      } finally {
        filling.delete(fillKey);
      }
    })();
    filling.set(fillKey, p);
    return p;
  }

  return {
    async send(reply, key, compute, serialize) {
      const e = entries.get(key);
      let json: string | undefined;
      if (e && e.revision === opts.revision.value) {
        const a = age(e);
        if (a < freshMs) {
          hits++;
          json = e.json;
        } else if (a < freshMs + staleMs) {
          stale++;
          json = e.json;
          if (!e.refreshing) {
            e.refreshing = true;
            // The refill's failure reaches the next request that misses (it fills again); this one has its answer.
            // eslint-disable-next-line samraad/no-swallowed-catch
            fill(key, compute, serialize).catch(() => {
              e.refreshing = false;
            });
          }
        }
      }
      if (json === undefined) {
        misses++;
        json = await fill(key, compute, serialize);
      }
      reply.type('application/json; charset=utf-8');
      // A hit used to be compressed again on every request (@fastify/compress): the entry keeps
      // its compressed bytes per encoding instead, and the plugin leaves an encoded answer alone.
      const encoding = json.length >= COMPRESS_FROM ? preferredEncoding(reply.request?.headers['accept-encoding']) : undefined;
      if (encoding === undefined) return reply.send(json);
      const kept = entries.get(key);
      let body = kept?.json === json ? kept.encoded?.[encoding] : undefined;
      if (body === undefined) {
        body = encode(json, encoding);
        if (kept?.json === json) (kept.encoded ??= {})[encoding] = body;
      }
      return reply.header('content-encoding', encoding).header('content-length', body.length).send(body);
    },
    stats: () => ({ entries: entries.size, hits, misses, stale }),
  };
}

/**
 * A function's answers kept for as long as the data revision stays the same (for example the
 * person a sign-in names, looked up on every request). Bounded; the oldest goes first.
 */
export function memoByRevision<A extends string, R>(revision: Pick<DataRevision, 'value'>, fn: (arg: A) => Promise<R>, maxEntries = 10_000): (arg: A) => Promise<R> {
  const memo = new Map<A, { revision: number; value: R }>();
  return async (arg) => {
    const at = revision.value;
    const m = memo.get(arg);
    if (m && m.revision === at) return m.value;
    const value = await fn(arg);
    if (revision.value === at) keepNewest(memo, arg, { revision: at, value }, maxEntries);
    return value;
  };
}

/** Sets `key` as the newest entry of `map` and drops the oldest beyond `max` (a Map keeps insertion order). */
function keepNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}
