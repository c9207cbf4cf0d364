/** The append-only audit log (UPDATE/DELETE are refused by a trigger). */
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditRecord, AuditStore } from '../../usecases/ports/store.port.js';
import type { DbOrTx } from './database.js';
import { auditLog } from './schema.js';

export function auditRepository(db: DbOrTx): AuditStore {
  return {
    async record(e) {
      await db.insert(auditLog).values({
        actorPersonId: e.actorPersonId ?? null,
        action: e.action,
        forumId: e.forumId ?? null,
        target: e.target ?? null,
        outcome: e.outcome,
        detail: e.detail ?? null,
      });
    },
    async listForForum(forumId, limit = 200, before) {
      return list(eq(auditLog.forumId, forumId), limit, before);
    },
    async listForRegion(region, limit = 200, before) {
      const names = typeof region === 'string' ? [region] : [...region];
      return list(inArray(sql`${auditLog.detail}->>'region'`, names), limit, before);
    },
  };
  async function list(match: SQL | undefined, limit: number, before: number | undefined): Promise<AuditRecord[]> {
    {
      const where = before === undefined ? match : and(match, lt(auditLog.id, before));
      const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit);
      return rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        action: r.action,
        outcome: r.outcome as AuditRecord['outcome'],
        ...(r.actorPersonId ? { actorPersonId: r.actorPersonId } : {}),
        ...(r.forumId ? { forumId: r.forumId } : {}),
        ...(r.target ? { target: r.target } : {}),
        ...(r.detail ? { detail: r.detail as Record<string, unknown> } : {}),
      }));
    }
  }
}
