/**
 * The bot's SQL: conversation references (ConversationStore) and reminder
 * deliveries (DeliveryStore), both ports from src/usecases/ports (conversations.port.ts, deliveries.port.ts).
 *
 * The claim is one conditional UPDATE ... RETURNING: of two workers claiming the
 * same delivery, PostgreSQL lets exactly one row update through (the second
 * re-checks the WHERE on the row the first wrote, finds a live claim and updates
 * nothing). That check-before-send is what keeps a retry or a second worker from
 * sending twice.
 *
 * A channel conversation is linked to its forum when the channel is the forum's
 * mirrored Teams channel (sync_state, kind 'forum', written by the M365 sync).
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { PlannedReminder } from '../../domain/reminders/reminder.model.js';
import type { ConversationStore, StoredConversation } from '../../usecases/ports/conversations.port.js';
import type { Delivery, DeliveryRoute, DeliveryStore, NewDelivery } from '../../usecases/ports/deliveries.port.js';
import type { DbOrTx } from './database.js';
import { botConversations, reminderDeliveries } from './bot.schema.js';
import { syncState } from './sync.schema.js';

type ConversationRow = typeof botConversations.$inferSelect;
type DeliveryRow = typeof reminderDeliveries.$inferSelect;

const iso = (v: string | null | undefined): string | undefined => (v ? new Date(v).toISOString() : undefined);
const open = ['pending', 'retrying'];

function toConversation(r: ConversationRow): StoredConversation {
  const c: StoredConversation = {
    kind: r.kind as StoredConversation['kind'],
    conversationId: r.conversationId,
    tenantId: r.tenantId,
    serviceUrl: r.serviceUrl,
    reference: r.reference,
    updatedAt: iso(r.updatedAt)!,
  };
  if (r.aadObjectId) c.aadObjectId = r.aadObjectId;
  if (r.teamsUserId) c.teamsUserId = r.teamsUserId;
  if (r.teamId) c.teamId = r.teamId;
  if (r.teamsChannelId) c.teamsChannelId = r.teamsChannelId;
  if (r.locale) c.locale = r.locale;
  return c;
}

function toDelivery(r: DeliveryRow): Delivery {
  const d: Delivery = {
    id: r.id,
    key: r.key,
    recipientId: r.recipientId,
    reminder: r.reminder as unknown as PlannedReminder,
    state: r.state as Delivery['state'],
    attempts: r.attempts,
    notBefore: iso(r.notBefore)!,
  };
  if (r.claimExpiresAt) d.claimedUntil = iso(r.claimExpiresAt);
  if (r.route) d.route = r.route as DeliveryRoute;
  if (r.lastStatus !== null) d.lastStatus = r.lastStatus;
  if (r.lastError) d.lastError = r.lastError;
  if (r.sentAt) d.sentAt = iso(r.sentAt);
  if (r.remoteId) d.remoteId = r.remoteId;
  if (r.sendStartedAt) d.sendStartedAt = iso(r.sendStartedAt);
  return d;
}

export type ForumChannelMap = Readonly<Record<string, { teamId: string; teamsChannelId: string }>>;

/** `staticChannels`: forum -> channel links known without the M365 sync (the Agents Playground demo). */
export function botConversationRepository(db: DbOrTx, staticChannels: ForumChannelMap = {}): ConversationStore & {
  /** The forum's channel: the mirrored channel from the M365 sync, else a channel conversation linked to the forum. */
  forumChannel(forumId: string): Promise<{ teamId: string; teamsChannelId: string } | null>;
  listForForum(forumId: string): Promise<StoredConversation[]>;
  /** The service URL of the most recently stored conversation (of `tenantId` when given), with its tenant. */
  latestServiceUrl(tenantId?: string): Promise<{ serviceUrl: string; tenantId: string } | null>;
} {
  return {
    async save(c) {
      let forumId: string | null = null;
      if (c.kind === 'channel' && c.teamsChannelId) {
        const [s] = await db
          .select({ localId: syncState.localId })
          .from(syncState)
          .where(and(eq(syncState.kind, 'forum'), eq(syncState.remoteId, c.teamsChannelId)));
        forumId = s?.localId ?? Object.entries(staticChannels).find(([, v]) => v.teamsChannelId === c.teamsChannelId)?.[0] ?? null;
      }
      const values = {
        conversationId: c.conversationId,
        kind: c.kind,
        tenantId: c.tenantId,
        serviceUrl: c.serviceUrl,
        aadObjectId: c.aadObjectId ?? null,
        teamsUserId: c.teamsUserId ?? null,
        teamId: c.teamId ?? null,
        teamsChannelId: c.teamsChannelId ?? null,
        forumId,
        locale: c.locale ?? null,
        reference: c.reference,
        updatedAt: c.updatedAt,
      };
      const { conversationId: _id, ...set } = values;
      await db.insert(botConversations).values(values).onConflictDoUpdate({ target: botConversations.conversationId, set });
    },
    async remove(conversationId) {
      await db.delete(botConversations).where(or(eq(botConversations.conversationId, conversationId), and(eq(botConversations.kind, 'channel'), eq(botConversations.teamId, conversationId))));
    },
    async findPersonal(aadObjectId) {
      const [r] = await db
        .select()
        .from(botConversations)
        .where(and(eq(botConversations.kind, 'personal'), eq(botConversations.aadObjectId, aadObjectId)))
        .orderBy(sql`${botConversations.updatedAt} desc`)
        .limit(1);
      return r ? toConversation(r) : null;
    },
    async findChannel(teamsChannelId) {
      const [r] = await db
        .select()
        .from(botConversations)
        .where(and(eq(botConversations.kind, 'channel'), eq(botConversations.teamsChannelId, teamsChannelId)))
        .limit(1);
      return r ? toConversation(r) : null;
    },
    async findTeam(teamId) {
      const [r] = await db
        .select()
        .from(botConversations)
        .where(and(eq(botConversations.kind, 'team'), eq(botConversations.teamId, teamId)))
        .limit(1);
      return r ? toConversation(r) : null;
    },
    async forumChannel(forumId) {
      const [s] = await db
        .select({ remoteId: syncState.remoteId, container: syncState.container })
        .from(syncState)
        .where(and(eq(syncState.kind, 'forum'), eq(syncState.localId, forumId), isNotNull(syncState.remoteId), isNotNull(syncState.container)));
      if (s?.remoteId && s.container) return { teamId: s.container, teamsChannelId: s.remoteId };
      if (staticChannels[forumId]) return staticChannels[forumId];
      const [c] = await db
        .select()
        .from(botConversations)
        .where(and(eq(botConversations.kind, 'channel'), eq(botConversations.forumId, forumId)))
        .limit(1);
      return c?.teamId && c.teamsChannelId ? { teamId: c.teamId, teamsChannelId: c.teamsChannelId } : null;
    },
    async listForForum(forumId) {
      return (await db.select().from(botConversations).where(eq(botConversations.forumId, forumId))).map(toConversation);
    },
    async latestServiceUrl(tenantId) {
      const q = db.select({ serviceUrl: botConversations.serviceUrl, tenantId: botConversations.tenantId }).from(botConversations);
      const [r] = await (tenantId ? q.where(eq(botConversations.tenantId, tenantId)) : q).orderBy(sql`${botConversations.updatedAt} desc`).limit(1);
      return r ?? null;
    },
  };
}

export type BotDeliveryRepository = DeliveryStore & {
  /** Every (key, recipient) that has a delivery row, whatever its state: the planner never plans these again. */
  listKeys(): Promise<{ key: string; recipientId: string }[]>;
  /** The (key, recipient) pairs that have a delivery row, whatever its state, among these keys only. */
  keysAmong(keys: readonly string[]): Promise<{ key: string; recipientId: string }[]>;
  get(id: string): Promise<Delivery | null>;
  list(filter?: { state?: Delivery['state']; forumIds?: string[] }): Promise<Delivery[]>;
};

export function botDeliveryRepository(db: DbOrTx): BotDeliveryRepository {
  const set = async (id: string, patch: Partial<typeof reminderDeliveries.$inferInsert>) => {
    await db
      .update(reminderDeliveries)
      .set({ ...patch, claimExpiresAt: null, updatedAt: sql`now()` })
      .where(eq(reminderDeliveries.id, id));
  };
  return {
    async addPending(rows: NewDelivery[]) {
      if (rows.length === 0) return 0;
      let added = 0;
      // Chunks keep each statement well under PostgreSQL's parameter limit.
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const inserted = await db
          .insert(reminderDeliveries)
          .values(
            chunk.map((r) => ({
              id: r.id,
              key: r.key,
              recipientId: r.recipientId,
              forumId: r.reminder.forumId,
              reminder: r.reminder as unknown as Record<string, unknown>,
              state: 'pending',
              attempts: 0,
              notBefore: r.notBefore,
            })),
          )
          .onConflictDoNothing({ target: [reminderDeliveries.key, reminderDeliveries.recipientId] })
          .returning({ id: reminderDeliveries.id });
        added += inserted.length;
      }
      return added;
    },
    async due(now, limit) {
      const rows = await db
        .select()
        .from(reminderDeliveries)
        .where(
          and(
            inArray(reminderDeliveries.state, open),
            lte(reminderDeliveries.notBefore, now),
            or(isNull(reminderDeliveries.claimExpiresAt), lte(reminderDeliveries.claimExpiresAt, now)),
          ),
        )
        .orderBy(asc(reminderDeliveries.notBefore), asc(reminderDeliveries.id))
        .limit(limit);
      return rows.map(toDelivery);
    },
    async nextDueAt() {
      const [r] = await db
        .select({ at: sql<string | null>`min(greatest(${reminderDeliveries.notBefore}, coalesce(${reminderDeliveries.claimExpiresAt}, ${reminderDeliveries.notBefore})))` })
        .from(reminderDeliveries)
        .where(inArray(reminderDeliveries.state, open));
      return r?.at ? new Date(r.at).toISOString() : null;
    },
    async claim(id, now, claimedUntil) {
      const [r] = await db
        .update(reminderDeliveries)
        .set({ claimExpiresAt: claimedUntil, attempts: sql`${reminderDeliveries.attempts} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(reminderDeliveries.id, id),
            inArray(reminderDeliveries.state, open),
            or(isNull(reminderDeliveries.claimExpiresAt), lte(reminderDeliveries.claimExpiresAt, now)),
          ),
        )
        .returning();
      return r ? toDelivery(r) : null;
    },
    async markSent(id, at, route, remoteId) {
      await set(id, { state: 'sent', sentAt: at, route, remoteId: remoteId ?? null, lastError: null });
    },
    async markSending(id, at) {
      // Keeps the claim: the attempt that set it is still the owner.
      await db.update(reminderDeliveries).set({ sendStartedAt: at, updatedAt: sql`now()` }).where(eq(reminderDeliveries.id, id));
    },
    async markRetrying(id, notBefore, status, error) {
      await set(id, { state: 'retrying', notBefore, lastStatus: status, lastError: error.slice(0, 2000), sendStartedAt: null });
    },
    async markFailed(id, status, error) {
      await set(id, { state: 'failed', lastStatus: status, lastError: error.slice(0, 2000) });
    },
    async markUnsupported(id, reason) {
      await set(id, { state: 'unsupported', lastError: reason.slice(0, 2000) });
    },
    async listFailed(filter) {
      const conds = [eq(reminderDeliveries.state, 'failed')];
      if (filter?.forumId) conds.push(eq(reminderDeliveries.forumId, filter.forumId));
      return (await db.select().from(reminderDeliveries).where(and(...conds)).orderBy(asc(reminderDeliveries.updatedAt), asc(reminderDeliveries.id))).map(toDelivery);
    },
    async listKeys() {
      return db.select({ key: reminderDeliveries.key, recipientId: reminderDeliveries.recipientId }).from(reminderDeliveries);
    },
    async keysAmong(keys) {
      const unique = [...new Set(keys)];
      const out: { key: string; recipientId: string }[] = [];
      // Chunks keep each statement well under PostgreSQL's parameter limit; each is an index lookup.
      for (let i = 0; i < unique.length; i += 2000) {
        out.push(...(await db.select({ key: reminderDeliveries.key, recipientId: reminderDeliveries.recipientId }).from(reminderDeliveries).where(inArray(reminderDeliveries.key, unique.slice(i, i + 2000)))));
      }
      return out;
    },
    async get(id) {
      const [r] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.id, id));
      return r ? toDelivery(r) : null;
    },
    async list(filter = {}) {
      const conds = [];
      if (filter.state) conds.push(eq(reminderDeliveries.state, filter.state));
      if (filter.forumIds) {
        if (filter.forumIds.length === 0) return [];
        conds.push(inArray(reminderDeliveries.forumId, filter.forumIds));
      }
      const q = db.select().from(reminderDeliveries);
      return (await (conds.length ? q.where(and(...conds)) : q).orderBy(asc(reminderDeliveries.notBefore), asc(reminderDeliveries.id))).map(toDelivery);
    },
  };
}
