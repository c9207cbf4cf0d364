/**
 * Stored transitions (table `transitions`) and the few writes a transition needs
 * beyond the other repositories: the only place their SQL lives.
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { StoredTransition, TransitionsStore } from '../../usecases/ports/transitions.port.js';
import type { TransitionStatus } from '../../domain/transitions/transition.changes.js';
import { transitions } from './transitions.schema.js';
import { memberships } from './schema.js';
import { itemAttachments, proposals } from './workflow.schema.js';
import type { DbOrTx } from './database.js';

type Row = typeof transitions.$inferSelect;
const iso = (s: string | null) => (s ? new Date(s).toISOString() : undefined);

function toTransition(r: Row): StoredTransition {
  const t: StoredTransition = { id: r.id, region: r.region, effectiveOn: r.effectiveOn, status: r.status as TransitionStatus, plan: r.plan as StoredTransition['plan'], createdAt: new Date(r.createdAt).toISOString() };
  if (r.title) t.title = r.title;
  if (r.preview) t.preview = r.preview as StoredTransition['preview'];
  if (r.changes) t.changes = r.changes as StoredTransition['changes'];
  if (r.preparedBy) t.preparedBy = r.preparedBy;
  if (r.appliedBy) t.appliedBy = r.appliedBy;
  if (r.undoneBy) t.undoneBy = r.undoneBy;
  const appliedAt = iso(r.appliedAt), undoneAt = iso(r.undoneAt), effectiveAt = iso(r.effectiveAt);
  if (appliedAt) t.appliedAt = appliedAt;
  if (undoneAt) t.undoneAt = undoneAt;
  if (effectiveAt) t.effectiveAt = effectiveAt;
  return t;
}

function values(t: Omit<StoredTransition, 'createdAt'>) {
  return {
    id: t.id,
    region: t.region,
    effectiveOn: t.effectiveOn,
    status: t.status,
    title: t.title ?? null,
    plan: t.plan,
    preview: t.preview ?? null,
    changes: t.changes ?? null,
    preparedBy: t.preparedBy ?? null,
    appliedBy: t.appliedBy ?? null,
    appliedAt: t.appliedAt ?? null,
    undoneBy: t.undoneBy ?? null,
    undoneAt: t.undoneAt ?? null,
    effectiveAt: t.effectiveAt ?? null,
  };
}

export function transitionsRepository(db: DbOrTx): TransitionsStore {
  return {
    async insert(t) {
      await db.insert(transitions).values(values(t));
    },
    async get(id) {
      const [r] = await db.select().from(transitions).where(eq(transitions.id, id)).for('update');
      return r && toTransition(r);
    },
    async list(filter = {}) {
      const where: SQL[] = [];
      if (filter.region !== undefined) where.push(eq(transitions.region, filter.region));
      if (filter.status !== undefined) where.push(eq(transitions.status, filter.status));
      const rows = await db.select().from(transitions).where(where.length ? and(...where) : undefined).orderBy(asc(transitions.effectiveOn), asc(transitions.createdAt), asc(transitions.id));
      return rows.map(toTransition);
    },
    async update(t) {
      const { id: _id, ...rest } = values(t);
      await db.update(transitions).set(rest).where(eq(transitions.id, t.id));
    },
    async moveProposal(p) {
      await db.update(proposals).set({ meetingId: p.meetingId, status: p.status, declineReason: p.declineReason }).where(eq(proposals.id, p.id));
    },
    async moveItemAttachments(itemId, meetingId) {
      await db.update(itemAttachments).set({ meetingId }).where(eq(itemAttachments.itemId, itemId));
    },
    async deleteMembership(id) {
      const gone = await db.delete(memberships).where(eq(memberships.id, id)).returning({ id: memberships.id });
      return gone.length > 0;
    },
  };
}

