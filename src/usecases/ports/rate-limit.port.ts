/**
 * Send-rate limits (Teams' per conversation and per tenant, Graph's per mailbox) as a port,
 * so the counting can live in this process (embedded PGlite: one process) or in
 * PostgreSQL, shared by every web and worker process on the server
 * (src/adapters/db/shared-rate-limiter.ts).
 */

/** At most `max` sends in any `perMs` milliseconds. */
export type RateWindow = { perMs: number; max: number };

/** What the bot's reminder dispatcher needs (bot/dispatch/rate-limiter.ts is the in-process one). */
export interface SendRateLimiter {
  /**
   * Waits until one more message may go to `conversationKey` (and to `tenantKey`, when
   * given) under every window, and counts it.
   */
  acquire(conversationKey: string, tenantKey: string | null): Promise<void>;
  /** A Retry-After for the conversation: nothing goes to it before `untilMs` (epoch ms). */
  blockConversation(conversationKey: string, untilMs: number): void | Promise<void>;
  /**
   * True when the counting is shared by several processes: a delivery is then claimed before
   * its wait, so two processes never both wait (and spend the rate) for the same delivery.
   */
  readonly shared?: boolean;
}

/** A key and the windows it is limited by (a conversation, a tenant, a mailbox). */
export type RateKey = { key: string; windows: readonly RateWindow[] };

/** Waits until one more request may go under every given key, and counts it under each. */
export interface KeyedRateLimiter {
  acquireKeys(keys: readonly RateKey[]): Promise<void>;
  block(key: string, untilMs: number): Promise<void>;
}
