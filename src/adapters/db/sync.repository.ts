/** Microsoft 365 sync bookkeeping: the only place its SQL lives. */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { SyncKind, SyncRecord, SyncStore } from '../../usecases/sync/sync.ports.js';
import type { DbOrTx } from './database.js';
import { settings } from './schema.js';
import { graphNotificationKeys, graphSubscriptions, syncDeltaCursors, syncState } from './sync.schema.js';

type Row = typeof syncState.$inferSelect;

const iso = (v: string | null): string | null => (v ? new Date(v).toISOString() : null);

function toRecord(r: Row): SyncRecord {
  return {
    kind: r.kind as SyncKind,
    localId: r.localId,
    forumId: r.forumId,
    remoteId: r.remoteId,
    container: r.container,
    etag: r.etag,
    status: r.status as SyncRecord['status'],
    lastError: r.lastError,
    attempts: r.attempts,
    lastSyncedAt: iso(r.lastSyncedAt),
    detail: r.detail ?? {},
  };
}

const key = (kind: SyncKind, localId: string) => and(eq(syncState.kind, kind), eq(syncState.localId, localId));

export function syncRepository(db: DbOrTx): SyncStore {
  return {
    async get(kind, localId) {
      const [r] = await db.select().from(syncState).where(key(kind, localId));
      return r && toRecord(r);
    },
    async findByRemoteId(kind, remoteId) {
      const [r] = await db.select().from(syncState).where(and(eq(syncState.kind, kind), eq(syncState.remoteId, remoteId)));
      return r && toRecord(r);
    },
    async list(filter = {}) {
      const conds = [];
      if (filter.kind) conds.push(eq(syncState.kind, filter.kind));
      if (filter.status) conds.push(eq(syncState.status, filter.status));
      if (filter.forumIds) {
        if (filter.forumIds.length === 0) return [];
        conds.push(inArray(syncState.forumId, filter.forumIds));
      }
      const q = db.select().from(syncState);
      const rows = await (conds.length ? q.where(and(...conds)) : q).orderBy(asc(syncState.kind), asc(syncState.localId));
      return rows.map(toRecord);
    },
    async begin(kind, localId, forumId) {
      await db
        .insert(syncState)
        .values({ kind, localId, forumId, status: 'pending', attempts: 1 })
        .onConflictDoUpdate({
          target: [syncState.kind, syncState.localId],
          set: { attempts: sql`${syncState.attempts} + 1`, forumId, updatedAt: sql`now()` },
        });
    },
    async record(kind, localId, o, status) {
      const set: Partial<typeof syncState.$inferInsert> = { status, updatedAt: sql`now()` as unknown as string };
      if (o.forumId !== undefined) set.forumId = o.forumId;
      if (o.remoteId !== undefined) set.remoteId = o.remoteId;
      if (o.container !== undefined) set.container = o.container;
      if (o.etag !== undefined) set.etag = o.etag;
      if (o.detail !== undefined) set.detail = o.detail;
      if (status === 'synced') {
        set.lastError = null;
        set.attempts = 0;
        set.lastSyncedAt = sql`now()` as unknown as string;
      }
      await db
        .insert(syncState)
        .values({ kind, localId, status, forumId: o.forumId ?? null, remoteId: o.remoteId ?? null, container: o.container ?? null, etag: o.etag ?? null, detail: o.detail ?? null, ...(status === 'synced' ? { lastSyncedAt: sql`now()` as unknown as string } : {}) })
        .onConflictDoUpdate({ target: [syncState.kind, syncState.localId], set });
    },
    async fail(kind, localId, error) {
      await db
        .insert(syncState)
        .values({ kind, localId, status: 'failed', lastError: error.slice(0, 2000), attempts: 1 })
        .onConflictDoUpdate({ target: [syncState.kind, syncState.localId], set: { status: 'failed', lastError: error.slice(0, 2000), updatedAt: sql`now()` } });
    },
    async mailboxes() {
      const rows = await db
        .selectDistinct({ mailbox: syncState.container })
        .from(syncState)
        .where(and(eq(syncState.kind, 'meeting'), isNotNull(syncState.container)));
      // A mailbox holding a forum's Outlook category is watched too: a secretary may schedule from it.
      const categories = await db
        .selectDistinct({ mailbox: sql<string>`${syncState.detail}->'category'->>'mailbox'` })
        .from(syncState)
        .where(and(eq(syncState.kind, 'forum'), sql`${syncState.detail}->'category'->>'mailbox' is not null`));
      return [...new Set([...rows.map((r) => r.mailbox!), ...categories.map((r) => r.mailbox)])].sort();
    },
    async getCursor(mailbox) {
      const [r] = await db.select().from(syncDeltaCursors).where(eq(syncDeltaCursors.mailbox, mailbox));
      return r?.cursor ?? null;
    },
    async setCursor(mailbox, cursor, startedAt) {
      await db
        .insert(syncDeltaCursors)
        .values({ mailbox, cursor, updatedAt: startedAt })
        .onConflictDoUpdate({ target: syncDeltaCursors.mailbox, set: { cursor, updatedAt: startedAt } });
    },
    async listSubscriptions() {
      const rows = await db.select().from(graphSubscriptions).orderBy(asc(graphSubscriptions.expiresAt));
      return rows.map((r) => ({ id: r.id, mailbox: r.mailbox, clientState: r.clientState, expiresAt: new Date(r.expiresAt).toISOString() }));
    },
    async getSubscription(id) {
      const [r] = await db.select().from(graphSubscriptions).where(eq(graphSubscriptions.id, id));
      return r && { id: r.id, mailbox: r.mailbox, clientState: r.clientState, expiresAt: new Date(r.expiresAt).toISOString() };
    },
    async getSubscriptions(ids) {
      if (!ids.length) return [];
      const rows = await db.select().from(graphSubscriptions).where(inArray(graphSubscriptions.id, [...new Set(ids)]));
      return rows.map((r) => ({ id: r.id, mailbox: r.mailbox, clientState: r.clientState, expiresAt: new Date(r.expiresAt).toISOString() }));
    },
    async saveSubscription(s) {
      await db
        .insert(graphSubscriptions)
        .values(s)
        .onConflictDoUpdate({ target: graphSubscriptions.id, set: { mailbox: s.mailbox, clientState: s.clientState, expiresAt: s.expiresAt } });
    },
    async deleteSubscription(id) {
      await db.delete(graphSubscriptions).where(eq(graphSubscriptions.id, id));
    },
    async claimNotification(k, windowSeconds) {
      const rows = await db
        .insert(graphNotificationKeys)
        .values({ key: k })
        .onConflictDoUpdate({
          target: graphNotificationKeys.key,
          set: { receivedAt: sql`now()` },
          setWhere: sql`${graphNotificationKeys.receivedAt} < now() - (${Math.max(0, Math.floor(windowSeconds))}::int * interval '1 second')`,
        })
        .returning({ key: graphNotificationKeys.key });
      return rows.length === 1;
    },
    async markInitialSync(target, at, force) {
      const key = `m365.initial-sync:${target}`;
      const inserted = await db.insert(settings).values({ key, value: { at } }).onConflictDoNothing().returning({ key: settings.key });
      if (inserted.length === 1) return true;
      if (!force) return false;
      await db.update(settings).set({ value: { at, forced: true } }).where(eq(settings.key, key));
      return true;
    },
  };
}
export type SyncRepository = ReturnType<typeof syncRepository>;
