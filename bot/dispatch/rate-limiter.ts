/**
 * Send-rate limits as Teams documents them (learn.microsoft.com, "Optimize your
 * bot with rate limiting in Teams"): per bot per thread 7 per 1 s, 8 per 2 s, 60 per
 * 30 s, 1800 per 3600 s; per app per tenant 50 requests per second.
 *
 * What it does: per conversation, a sliding-window log checked before each send
 * (one sender per conversation at a time, so the log only grows at its end); per
 * tenant, tickets handed out in order at the earliest time every window allows, so
 * thousands of waiting senders cost one timer each, not a polling herd. A Retry-After
 * blocks a key until the given time. `safety` (default 0.92) keeps us below the
 * documented numbers, because network delay can bunch requests that left us evenly
 * spaced.
 *
 * What it does not do: share state between processes. On a PostgreSQL server the bot
 * module uses the shared limiter instead (src/adapters/db/shared-rate-limiter.ts, the same
 * windows counted in the database); this one is for embedded PGlite (one process).
 */
import type { RateWindow, SendRateLimiter } from '../../src/usecases/ports/rate-limit.port.js';
import type { DispatchClock } from './dispatch.clock.js';

export type { RateWindow };

export const teamsConversationWindows: readonly RateWindow[] = [
  { perMs: 1_000, max: 7 },
  { perMs: 2_000, max: 8 },
  { perMs: 30_000, max: 60 },
  { perMs: 3_600_000, max: 1_800 },
];
export const teamsTenantWindows: readonly RateWindow[] = [{ perMs: 1_000, max: 50 }];

const effective = (w: readonly RateWindow[], safety: number): RateWindow[] =>
  w.map((x) => ({ perMs: x.perMs, max: Math.max(1, Math.floor(x.max * safety)) }));

export class RateLimiter implements SendRateLimiter {
  private readonly conv: RateWindow[];
  private readonly tenant: RateWindow[];
  private readonly logs = new Map<string, number[]>();
  private readonly blocked = new Map<string, number>();
  private readonly longest: number;

  constructor(
    private readonly clock: DispatchClock,
    opts: { conversation?: readonly RateWindow[]; tenant?: readonly RateWindow[]; safety?: number } = {},
  ) {
    const safety = opts.safety ?? 0.92;
    this.conv = effective(opts.conversation ?? teamsConversationWindows, safety);
    this.tenant = effective(opts.tenant ?? teamsTenantWindows, safety);
    this.longest = Math.max(...this.conv.map((w) => w.perMs), ...this.tenant.map((w) => w.perMs));
  }

  /** A Retry-After for this key: nothing is sent to it before `untilMs`. */
  block(key: string, untilMs: number): void {
    this.blocked.set(key, Math.max(untilMs, this.blocked.get(key) ?? 0));
  }

  /** Earliest time a new entry may be added at the end of `log` under `windows`. */
  private earliest(log: number[], windows: RateWindow[], from: number): number {
    let t = from;
    for (const w of windows) {
      if (log.length >= w.max) t = Math.max(t, log[log.length - w.max]! + w.perMs);
    }
    return t;
  }

  private log(key: string): number[] {
    let l = this.logs.get(key);
    if (!l) this.logs.set(key, (l = []));
    return l;
  }

  private prune(log: number[], now: number): void {
    let drop = 0;
    while (drop < log.length && log[drop]! <= now - this.longest) drop++;
    if (drop > 0) log.splice(0, drop);
  }

  /**
   * Waits until one more message may go to `conversationKey` in `tenantKey`, and
   * records it. Callers must not call this concurrently for the same conversation.
   */
  async acquire(conversationKey: string, tenantKey: string | null): Promise<void> {
    const convLog = this.log(`c:${conversationKey}`);
    for (;;) {
      const now = this.clock.now();
      this.prune(convLog, now);
      const t = Math.max(this.earliest(convLog, this.conv, now), this.blocked.get(`c:${conversationKey}`) ?? 0);
      if (t <= now) break;
      await this.clock.sleep(t - now);
    }
    if (tenantKey !== null) {
      // Tickets are appended in time order, so the sliding window check only needs the tail.
      const tenantLog = this.log(`t:${tenantKey}`);
      const now = this.clock.now();
      this.prune(tenantLog, now);
      const ticket = Math.max(this.earliest(tenantLog, this.tenant, now), this.blocked.get(`t:${tenantKey}`) ?? 0, tenantLog[tenantLog.length - 1] ?? 0);
      tenantLog.push(ticket);
      if (ticket > now) await this.clock.sleep(ticket - now);
      // A timer that fires late (GC, busy loop) bunches tickets; check the real send times too.
      const sentLog = this.log(`s:${tenantKey}`);
      for (;;) {
        const at = this.clock.now();
        this.prune(sentLog, at);
        const t = this.earliest(sentLog, this.tenant, at);
        if (t <= at) break;
        await this.clock.sleep(t - at);
      }
      sentLog.push(this.clock.now());
    }
    // Waiting for the tenant only delays this send, which never breaks a window.
    convLog.push(this.clock.now());
  }

  blockConversation(conversationKey: string, untilMs: number): void {
    this.block(`c:${conversationKey}`, untilMs);
  }
}
