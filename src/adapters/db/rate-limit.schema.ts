/**
 * Send-rate limits shared by every process on one PostgreSQL server (issue 18, point 4):
 * one row per limited key (a Teams conversation, a tenant, a Graph mailbox) and the log of
 * the send times handed out under it. `samraad_rate_acquire` (migration 0015) takes the
 * keys' row locks, reads their logs and hands out the earliest time every window allows,
 * in one statement. See src/adapters/db/shared-rate-limiter.ts.
 */
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';

export const rateLimitKeys = pgTable('rate_limit_keys', {
  key: text('key').primaryKey(),
  /** Epoch ms (database clock): nothing is handed out under this key before it (a Retry-After). */
  blockedUntil: bigint('blocked_until', { mode: 'number' }).notNull().default(0),
});

export const rateLimitTickets = pgTable(
  'rate_limit_tickets',
  {
    key: text('key').notNull(),
    /** Epoch ms (database clock) of a send handed out, possibly still in the future. */
    atMs: bigint('at_ms', { mode: 'number' }).notNull(),
  },
  (t) => [index('rate_limit_tickets_key_at').on(t.key, t.atMs)],
);
