/**
 * Send-rate limits counted in PostgreSQL, shared by every process on the server (issue 18,
 * point 4): Teams' per conversation and per tenant limits for the bot's dispatchers in all
 * worker processes, and any other keyed limit (a Graph mailbox).
 *
 * One statement per send: `samraad_rate_acquire` (migration 0015) locks the keys' rows
 * (`rate_limit_keys`, a conversation before its tenant, so two callers never wait on each
 * other in a cycle), reads their send logs (`rate_limit_tickets`), hands out the earliest
 * time every window of every key allows (never before a key's last time or its Retry-After
 * block) and records it under each key. The caller then sleeps until that time. Times are the
 * database's clock, so processes on machines whose clocks differ still share one timeline;
 * the caller sleeps the difference the database returned.
 *
 * The limiter has its own small pool, so its writes neither hold the application's
 * connections nor bump the data revision (src/adapters/db/data-revision.ts): a send is not a
 * change of the registry's data.
 *
 * Embedded PGlite is one process and keeps the in-process limiter (bot/dispatch/rate-limiter.ts).
 */
import pg from 'pg';
import type { KeyedRateLimiter, RateKey, RateWindow, SendRateLimiter } from '../../usecases/ports/rate-limit.port.js';

export type SharedRateLimiter = SendRateLimiter & KeyedRateLimiter & { close(): Promise<void> };

const scaled = (w: readonly RateWindow[], safety: number): RateWindow[] =>
  w.map((x) => ({ perMs: x.perMs, max: Math.max(1, Math.floor(x.max * safety)) }));

/**
 * Teams counts a tenant's sends as they arrive. A window's sends handed out at one time leave
 * as a burst whose tail queues behind its head (sockets, event loops, two processes), and a
 * burst that went out slowly then meets the next one on time: P7 saw 13 of 10,000 arrive past
 * the tenant's 50 per second. A wide window (20 sends or more) is therefore also paced in
 * tenths: at most a tenth of its sends (rounded up) in any tenth of it, so the rate stays
 * the window's and a burst is a few sends.
 */
export const paced = (w: readonly RateWindow[]): RateWindow[] =>
  w.flatMap((x) => (x.max >= 20 ? [x, { perMs: Math.max(1, Math.round(x.perMs / 10)), max: Math.ceil(x.max / 10) }] : [x]));

export function sharedRateLimiter(opts: {
  connectionString: string;
  /** Windows per conversation and per tenant (the documented ones; scaled by `safety`). */
  conversation: readonly RateWindow[];
  tenant: readonly RateWindow[];
  /** Below the documented numbers, because the network can bunch requests sent evenly (default 0.92, as in-process). */
  safety?: number;
  poolSize?: number;
  /** Pace a wide tenant window in tenths (default true; see `paced`). */
  pace?: boolean;
  sleep?: (ms: number) => Promise<void>;
  /** A wake-up later than this after its ticket's time gives the ticket back and takes a new one (default 15 ms). */
  lateToleranceMs?: number;
  log?: { error(msg: string, ctx?: Record<string, unknown>): void };
}): SharedRateLimiter {
  const safety = opts.safety ?? 0.92;
  const conv = scaled(opts.conversation, safety);
  const tenant = opts.pace === false ? scaled(opts.tenant, safety) : paced(scaled(opts.tenant, safety));
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: opts.poolSize ?? 3 });
  // An idle client's server-side error must not crash the process; the next query reconnects.
  pool.on('error', (err) => opts.log?.error('rate limiter pool', { error: String(err) }));
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms))));

  const lateMs = opts.lateToleranceMs ?? 15;
  // Where the database's clock sits on this process's clock: the statement ran after it was
  // sent and before its answer was read, so each answer bounds the offset from both sides
  // (sent - db <= offset <= read - db). The tightest bounds of the last answers are kept; an
  // answer read late (a busy event loop) then neither shortens the wait nor hides lateness.
  const seen: { lo: number; hi: number }[] = [];
  const observe = (lo: number, hi: number): { lo: number; hi: number } => {
    seen.push({ lo, hi });
    if (seen.length > 32) seen.shift();
    let l = -Infinity;
    let h = Infinity;
    for (const o of seen) {
      l = Math.max(l, o.lo);
      h = Math.min(h, o.hi);
    }
    // Bounds that no longer meet mean a clock was set: start again from this answer.
    if (l > h) {
      seen.splice(0, seen.length, { lo, hi });
      return { lo, hi };
    }
    return { lo: l, hi: h };
  };
  const acquireKeys = async (keys: readonly RateKey[]): Promise<void> => {
    if (keys.length === 0) return;
    const arg = JSON.stringify(keys.map((k) => ({ k: k.key, w: k.windows.map((w) => [w.perMs, w.max]) })));
    for (let attempt = 0; ; attempt++) {
      // Timed on a connection of its own, so waiting for the pool or a new connection is not counted.
      const client = await pool.connect();
      let rows: { ticket: string; now_ms: string }[];
      let sent: number;
      let read: number;
      try {
        sent = Date.now();
        ({ rows } = await client.query<{ ticket: string; now_ms: string }>('select ticket, now_ms from samraad_rate_acquire($1::jsonb)', [arg]));
        read = Date.now();
        client.release();
      } catch (err) {
        // A connection that failed is not handed out again.
        client.release(err instanceof Error ? err : true);
        throw err;
      }
      const ticket = Number(rows[0]!.ticket);
      const dbNow = Number(rows[0]!.now_ms);
      const offset = observe(sent - dbNow, read - dbNow);
      // Never before the ticket's time at its latest on this clock; late measured from its earliest.
      const wait = ticket + offset.hi - Date.now();
      if (wait > 0) await sleep(wait);
      // A send later than its ticket (a timer that fired late, an answer read late: a busy
      // event loop, GC) would go after tickets handed out for later times and bunch with them,
      // breaking the window those tickets were spaced for. Give the ticket back and take a new
      // one, at the end of the line: the windows then hold for the real send times. Bounded,
      // so a starved process still sends: eight tickets, each late by chance (a wake-up in a
      // stall of a loaded two-core machine is late about one time in five), rarely all are.
      if (Date.now() - (ticket + offset.lo) <= lateMs || attempt >= 7) return;
      await pool.query(
        `delete from rate_limit_tickets where ctid in (
           select distinct on (key) ctid from rate_limit_tickets where key = any($1::text[]) and at_ms = $2::bigint)`,
        [keys.map((k) => k.key), ticket],
      );
    }
  };
  const block = async (key: string, untilMs: number): Promise<void> => {
    // untilMs is this process's clock; shifted onto the database's by the difference now.
    await pool.query(
      `insert into rate_limit_keys (key, blocked_until)
       values ($1, floor(extract(epoch from clock_timestamp()) * 1000)::bigint + $2::bigint)
       on conflict (key) do update set blocked_until = greatest(rate_limit_keys.blocked_until, excluded.blocked_until)`,
      [key, Math.max(0, Math.round(untilMs - Date.now()))],
    );
  };
  return {
    shared: true,
    acquireKeys,
    block,
    acquire: (conversationKey, tenantKey) =>
      acquireKeys(tenantKey === null ? [{ key: `c:${conversationKey}`, windows: conv }] : [{ key: `c:${conversationKey}`, windows: conv }, { key: `t:${tenantKey}`, windows: tenant }]),
    blockConversation: (conversationKey, untilMs) => block(`c:${conversationKey}`, untilMs),
    close: () => pool.end(),
  };
}
