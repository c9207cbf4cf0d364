/**
 * Microsoft 365 sync bookkeeping: what each of our objects is in Microsoft 365
 * (remote id, eTag/changeKey, state of the last attempt), the calendar delta
 * cursor of each organizer mailbox, our change subscriptions, and the keys of
 * change notifications already acted on (so a notification posted twice has one effect).
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const syncState = pgTable(
  'sync_state',
  {
    /** forum | meeting | document */
    kind: text('kind').notNull(),
    localId: text('local_id').notNull(),
    forumId: text('forum_id'),
    /** Channel id, event id or drive item id. */
    remoteId: text('remote_id'),
    /** Where the remote object lives: the team id, the organizer mailbox or the drive id. */
    container: text('container'),
    etag: text('etag'),
    /** synced | pending | failed */
    status: text('status').notNull().default('pending'),
    lastError: text('last_error'),
    attempts: integer('attempts').notNull().default(0),
    lastSyncedAt: ts('last_synced_at'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.localId] }), index('sync_state_forum_idx').on(t.forumId), index('sync_state_remote_idx').on(t.kind, t.remoteId)],
);

export const syncDeltaCursors = pgTable('sync_delta_cursors', {
  mailbox: text('mailbox').primaryKey(),
  cursor: text('cursor').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const graphSubscriptions = pgTable('graph_subscriptions', {
  id: text('id').primaryKey(),
  mailbox: text('mailbox').notNull(),
  /** The shared secret Graph echoes in every notification; compared in constant time. */
  clientState: text('client_state').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const graphNotificationKeys = pgTable('graph_notification_keys', {
  key: text('key').primaryKey(),
  receivedAt: ts('received_at').notNull().defaultNow(),
});
