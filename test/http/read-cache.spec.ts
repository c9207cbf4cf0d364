/**
 * The read cache (src/entry/http/read-cache.ts) and the data revision's write detection
 * (src/adapters/db/data-revision.ts), on fake revisions and clocks.
 */
import { describe, expect, it } from '@jest/globals';
import type { FastifyReply } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createReadCache, memoByRevision, preferredEncoding } from '../../src/entry/http/read-cache.js';
import { changesData, createDataRevision } from '../../src/adapters/db/data-revision.js';

function fakeReply() {
  const sent: string[] = [];
  const reply = { type: () => reply, send: (s: string) => (sent.push(s), reply) } as unknown as FastifyReply;
  return { reply, sent };
}

function setup(opts: { freshMs?: number; staleMs?: number } = {}) {
  const rev = { value: 1 };
  let clock = 1_000_000;
  let wall = 0;
  const cache = createReadCache({ revision: rev, clockMs: () => clock, wallMs: () => wall, freshMs: opts.freshMs ?? 1000, staleMs: opts.staleMs ?? 4000 });
  let computed = 0;
  const compute = async () => ({ n: ++computed, rev: rev.value });
  const get = async (key = 'k', fn: () => Promise<unknown> = compute) => {
    const { reply, sent } = fakeReply();
    await cache.send(reply, key, fn, (v) => JSON.stringify(v));
    return JSON.parse(sent[0]!) as { n: number };
  };
  return { rev, cache, get, advance: (ms: number) => ((clock += ms), (wall += ms)), setClock: (ms: number) => (clock = ms), advanceWall: (ms: number) => (wall += ms), computed: () => computed };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('read cache: compressed answers', () => {
  const big = { text: 'møde '.repeat(400) };
  function replyAccepting(accept: string | undefined) {
    const sent: unknown[] = [];
    const headers: Record<string, unknown> = {};
    const reply = {
      request: { headers: accept === undefined ? {} : { 'accept-encoding': accept } },
      type: () => reply,
      header: (k: string, v: unknown) => ((headers[k] = v), reply),
      send: (s: unknown) => (sent.push(s), reply),
    } as unknown as FastifyReply;
    return { reply, sent, headers };
  }

  it('keeps the compressed bytes of an entry: a hit sends the very buffer the first answer sent, decoding to the JSON', async () => {
    const cache = createReadCache({ revision: { value: 1 }, clockMs: () => 0, wallMs: () => 0 });
    const a = replyAccepting('gzip, deflate, br');
    const b = replyAccepting('br');
    await cache.send(a.reply, 'k', async () => big, JSON.stringify);
    await cache.send(b.reply, 'k', async () => big, JSON.stringify);
    expect(a.headers['content-encoding']).toBe('br');
    expect(b.sent[0]).toBe(a.sent[0]);
    expect(JSON.parse(brotliDecompressSync(b.sent[0] as Buffer).toString('utf8'))).toEqual(big);
    const g = replyAccepting('gzip');
    await cache.send(g.reply, 'k', async () => big, JSON.stringify);
    expect(g.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(g.sent[0] as Buffer).toString('utf8'))).toEqual(big);
  });

  it('sends small answers and callers without Accept-Encoding the plain JSON', async () => {
    const cache = createReadCache({ revision: { value: 1 }, clockMs: () => 0, wallMs: () => 0 });
    const small = replyAccepting('br');
    await cache.send(small.reply, 'small', async () => ({ a: 1 }), JSON.stringify);
    expect(small.sent[0]).toBe('{"a":1}');
    const none = replyAccepting(undefined);
    await cache.send(none.reply, 'big', async () => big, JSON.stringify);
    expect(typeof none.sent[0]).toBe('string');
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('negotiates as the compression plugin does', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip;q=1.0, br;q=0.9')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('x-gzip')).toBe('gzip');
    expect(preferredEncoding('identity')).toBeUndefined();
    expect(preferredEncoding('deflate')).toBeUndefined();
    expect(preferredEncoding(undefined)).toBeUndefined();
  });
});

describe('read cache', () => {
  it('answers from the cache while the revision and the time stay the same, and per key', async () => {
    const s = setup();
    expect((await s.get()).n).toBe(1);
    expect((await s.get()).n).toBe(1);
    expect((await s.get('other')).n).toBe(2);
    expect(s.cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 2 });
  });

  it('fills again as soon as the revision moves', async () => {
    const s = setup();
    await s.get();
    s.rev.value++;
    expect((await s.get()).n).toBe(2);
  });

  it('does not keep what was read while a write completed, and a request after the write does not join the older fill', async () => {
    const s = setup();
    let release!: () => void;
    const slow = () => new Promise<unknown>((r) => (release = () => r({ n: 100 })));
    const first = s.get('k', slow);
    await flush();
    s.rev.value++; // a write completes while the first fill reads
    const second = s.get('k'); // asked after the write: must not get the fill begun before it
    release();
    expect((await first).n).toBe(100);
    expect((await second).n).toBe(1);
    expect((await s.get()).n).toBe(1); // the second fill (at the new revision) was kept
  });

  it('shares one fill among concurrent requests for the same key', async () => {
    const s = setup();
    const all = await Promise.all(Array.from({ length: 20 }, () => s.get()));
    expect(new Set(all.map((a) => a.n))).toEqual(new Set([1]));
    expect(s.computed()).toBe(1);
  });

  it('serves a slightly old answer once while refilling in the background, and never one older than fresh + stale', async () => {
    const s = setup({ freshMs: 1000, staleMs: 4000 });
    await s.get();
    s.advance(1500);
    expect((await s.get()).n).toBe(1); // stale, refill started
    await flush();
    expect((await s.get()).n).toBe(2); // the refill's answer
    s.advance(6000); // beyond fresh + stale: waits for a new fill
    expect((await s.get()).n).toBe(3);
  });

  it('refills when the clock is set back or far forward, even if wall time stood still', async () => {
    const s = setup();
    await s.get();
    s.setClock(500_000);
    expect((await s.get()).n).toBe(2);
    s.setClock(500_000 + 3 * 86_400_000);
    expect((await s.get()).n).toBe(3);
  });

  it('expires by wall time under a frozen clock', async () => {
    const s = setup();
    await s.get();
    s.advanceWall(10_000);
    expect((await s.get()).n).toBe(2);
  });

  it('does not cache a failure: every waiter gets it and the next request tries again', async () => {
    const s = setup();
    const failing = async () => {
      throw new Error('boom');
    };
    await expect(s.get('k', failing)).rejects.toThrow('boom');
    expect((await s.get()).n).toBe(1);
  });

  it('memoByRevision keeps an answer for one revision only', async () => {
    const rev = { value: 1 };
    let calls = 0;
    const f = memoByRevision(rev, async (id: string) => `${id}:${++calls}`);
    expect(await f('a')).toBe('a:1');
    expect(await f('a')).toBe('a:1');
    rev.value++;
    expect(await f('a')).toBe('a:2');
  });
});

describe('data revision', () => {
  it('counts writes and COMMITs, not reads or the job queue\'s own statements', () => {
    for (const w of ['insert into "meetings" values (1)', ' UPDATE people SET name = $1', 'delete from x', 'COMMIT', 'with t as (delete from x returning 1) select * from t', 'truncate x']) expect(changesData(w)).toBe(true);
    for (const r of ['select * from meetings', 'BEGIN', 'ROLLBACK', 'select pg_notify($1, $2)', 'update pgboss_v10.job set state = $1', 'INSERT INTO pgboss_v10.job (name) VALUES ($1)', undefined]) expect(changesData(r)).toBe(false);
  });

  it('bumps locally, tells other processes once per turn, and ignores its own notices', async () => {
    const sent: string[] = [];
    let deliver!: (payload: string) => void;
    const rev = createDataRevision({
      notifier: async (id) => void sent.push(id),
      listener: async (on) => {
        deliver = on;
        return async () => undefined;
      },
    });
    await rev.listen();
    rev.bump();
    rev.bump();
    expect(rev.value).toBe(2);
    await flush();
    expect(sent).toEqual([rev.instanceId]);
    deliver(rev.instanceId);
    expect(rev.value).toBe(2);
    deliver('another-process');
    expect(rev.value).toBe(3);
    await rev.close();
  });
});
