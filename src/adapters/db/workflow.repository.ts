/** The meeting workflow's SQL: agenda items, attachments, proposals, attendance, minutes state, remarks, versions. */
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { AgendaItem, Attendance, AttachmentRef, Remark } from '../../domain/meetings/meeting.model.js';
import type { DocumentVersionRow, MeetingTimer, Proposal, StoredAttachment, WorkflowState } from '../../domain/meetings/workflow.model.js';
import type { WorkflowStore } from '../../usecases/ports/workflow.port.js';
import type { DbOrTx } from './database.js';
import { agendaItems, attendance, itemAttachments, meetingDocumentVersions, meetingTimer, meetingWorkflow, proposals, remarks } from './workflow.schema.js';

const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : undefined);

export type { StoredAttachment, Proposal, WorkflowState, DocumentVersionRow } from '../../domain/meetings/workflow.model.js';

type ItemRow = typeof agendaItems.$inferSelect;

function toItem(r: ItemRow, atts: AttachmentRef[]): AgendaItem {
  const i: AgendaItem = {
    id: r.id,
    meetingId: r.meetingId,
    position: r.position,
    title: r.title,
    kind: r.kind as AgendaItem['kind'],
    presenters: r.presenters,
    minutes: r.minutes,
    background: r.background,
    recommendations: r.recommendations,
    attachments: atts,
  };
  if (r.fixed) i.fixed = r.fixed as NonNullable<AgendaItem['fixed']>;
  if (r.decision !== null) i.decision = r.decision;
  if (r.origin) i.origin = r.origin;
  if (r.closed) i.closed = true;
  return i;
}

function itemValues(i: AgendaItem) {
  return {
    id: i.id,
    meetingId: i.meetingId,
    position: i.position,
    title: i.title,
    kind: i.kind,
    presenters: i.presenters,
    minutes: i.minutes,
    background: i.background,
    recommendations: i.recommendations,
    fixed: i.fixed ?? null,
    decision: i.decision ?? null,
    origin: i.origin ?? null,
    closed: i.closed ?? false,
  };
}

function toAttachment(r: typeof itemAttachments.$inferSelect): StoredAttachment {
  return { id: r.id, itemId: r.itemId, meetingId: r.meetingId, fileName: r.fileName, contentType: r.contentType, size: r.size, documentPath: r.documentPath, documentVersion: r.documentVersion };
}

function toProposal(r: typeof proposals.$inferSelect): Proposal {
  const p: Proposal = {
    id: r.id,
    meetingId: r.meetingId,
    proposerPersonId: r.proposerPersonId,
    title: r.title,
    kind: r.kind as Proposal['kind'],
    background: r.background,
    status: r.status as Proposal['status'],
    late: r.late,
    createdAt: iso(r.createdAt)!,
  };
  if (r.recommendation) p.recommendation = r.recommendation;
  if (r.declineReason) p.declineReason = r.declineReason;
  if (r.itemId) p.itemId = r.itemId;
  if (r.decidedBy) p.decidedBy = r.decidedBy;
  if (r.decidedAt) p.decidedAt = iso(r.decidedAt);
  return p;
}

function toState(r: typeof meetingWorkflow.$inferSelect): WorkflowState {
  const s: WorkflowState = { meetingId: r.meetingId, minutesStatus: r.minutesStatus as WorkflowState['minutesStatus'], minutesVersion: r.minutesVersion };
  if (r.agendaApprovedAt) s.agendaApprovedAt = iso(r.agendaApprovedAt);
  if (r.agendaApprovedBy) s.agendaApprovedBy = r.agendaApprovedBy;
  if (r.minutesSentAt) s.minutesSentAt = iso(r.minutesSentAt);
  if (r.windowClosesAt) s.windowClosesAt = iso(r.windowClosesAt);
  if (r.approvedAt) s.approvedAt = iso(r.approvedAt);
  if (r.approvedHow) s.approvedHow = r.approvedHow as 'explicit' | 'tacit';
  if (r.publishedAt) s.publishedAt = iso(r.publishedAt);
  if (r.minuteTakerPersonId) s.minuteTakerPersonId = r.minuteTakerPersonId;
  return s;
}

export function workflowRepository(db: DbOrTx): WorkflowStore {
  const repo = {
    async listItems(meetingId: string): Promise<AgendaItem[]> {
      const rows = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
      const atts = await repo.listAttachments(meetingId);
      return rows.map((r) =>
        toItem(
          r,
          atts.filter((a) => a.itemId === r.id).map(({ id, fileName, contentType, size }) => ({ id, fileName, contentType, size })),
        ),
      );
    },
    async getItem(id: string): Promise<AgendaItem | undefined> {
      const [r] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
      if (!r) return undefined;
      const atts = (await db.select().from(itemAttachments).where(eq(itemAttachments.itemId, id)).orderBy(asc(itemAttachments.createdAt))).map(toAttachment);
      return toItem(r, atts.map(({ id: aid, fileName, contentType, size }) => ({ id: aid, fileName, contentType, size })));
    },
    async insertItem(i: AgendaItem): Promise<void> {
      await db.insert(agendaItems).values(itemValues(i));
    },
    async updateItem(i: AgendaItem): Promise<void> {
      await db.update(agendaItems).set({ ...itemValues(i), updatedAt: sql`now()` }).where(eq(agendaItems.id, i.id));
    },
    async deleteItem(id: string): Promise<void> {
      await db.delete(agendaItems).where(eq(agendaItems.id, id));
    },
    async setPositions(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      const list = sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[]`;
      await db.execute(sql`update agenda_items a set position = v.pos, updated_at = now() from unnest(${list}) with ordinality as v(id, pos) where a.id = v.id`);
    },

    async listAttachments(meetingId: string): Promise<StoredAttachment[]> {
      return (await db.select().from(itemAttachments).where(eq(itemAttachments.meetingId, meetingId)).orderBy(asc(itemAttachments.createdAt), asc(itemAttachments.id))).map(toAttachment);
    },
    async getAttachment(id: string): Promise<StoredAttachment | undefined> {
      const [r] = await db.select().from(itemAttachments).where(eq(itemAttachments.id, id));
      return r && toAttachment(r);
    },
    async insertAttachment(a: StoredAttachment, createdBy: string): Promise<void> {
      await db.insert(itemAttachments).values({ ...a, createdBy });
    },
    async countAttachments(itemId: string): Promise<number> {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(itemAttachments).where(eq(itemAttachments.itemId, itemId));
      return r?.n ?? 0;
    },

    async listProposals(meetingId: string): Promise<Proposal[]> {
      return (await db.select().from(proposals).where(eq(proposals.meetingId, meetingId)).orderBy(asc(proposals.createdAt), asc(proposals.id))).map(toProposal);
    },
    async getProposal(id: string): Promise<Proposal | undefined> {
      const [r] = await db.select().from(proposals).where(eq(proposals.id, id));
      return r && toProposal(r);
    },
    async insertProposal(p: Proposal): Promise<void> {
      await db.insert(proposals).values({
        id: p.id,
        meetingId: p.meetingId,
        proposerPersonId: p.proposerPersonId,
        title: p.title,
        kind: p.kind,
        background: p.background,
        recommendation: p.recommendation ?? null,
        status: p.status,
        late: p.late,
        createdAt: p.createdAt,
      });
    },
    async decideProposal(p: Proposal): Promise<void> {
      await db
        .update(proposals)
        .set({ status: p.status, declineReason: p.declineReason ?? null, itemId: p.itemId ?? null, decidedBy: p.decidedBy ?? null, decidedAt: p.decidedAt ?? null })
        .where(eq(proposals.id, p.id));
    },

    async listAttendance(meetingId: string): Promise<Attendance[]> {
      const rows = await db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
      return rows.map(toAttendance);
    },
    /** The attendance answers of several meetings in one query per 5,000 meetings (the reminder plan's input). */
    async listAttendanceOfMeetings(meetingIds: readonly string[]): Promise<Attendance[]> {
      const ids = [...new Set(meetingIds)];
      const out: Attendance[] = [];
      for (let i = 0; i < ids.length; i += 5000) {
        const rows = await db.select().from(attendance).where(inArray(attendance.meetingId, ids.slice(i, i + 5000)));
        out.push(...rows.map(toAttendance));
      }
      return out;
    },
    async attendanceOfPerson(personId: string, meetingIds: readonly string[]): Promise<Attendance[]> {
      if (meetingIds.length === 0) return [];
      const rows = await db.select().from(attendance).where(and(eq(attendance.personId, personId), inArray(attendance.meetingId, [...meetingIds])));
      return rows.map((r) => ({ meetingId: r.meetingId, personId: r.personId, answer: (r.answer as Attendance['answer']) ?? null, ...(r.substituteName ? { substituteName: r.substituteName } : {}) }));
    },
    async upsertAttendance(a: Attendance): Promise<void> {
      const values = { meetingId: a.meetingId, personId: a.personId, answer: a.answer, substituteName: a.substituteName ?? null, substitutePersonId: a.substitutePersonId ?? null, present: a.present ?? null, answeredAt: a.answeredAt ?? null, note: a.note ?? null };
      await db
        .insert(attendance)
        .values(values)
        .onConflictDoUpdate({ target: [attendance.meetingId, attendance.personId], set: { answer: values.answer, substituteName: values.substituteName, substitutePersonId: values.substitutePersonId, present: values.present, answeredAt: values.answeredAt, note: values.note } });
    },

    /** The workflow state, locked for update inside a transaction so two writers serialise. */
    async getState(meetingId: string, forUpdate = false): Promise<WorkflowState> {
      const q = db.select().from(meetingWorkflow).where(eq(meetingWorkflow.meetingId, meetingId));
      const [r] = forUpdate ? await q.for('update') : await q;
      if (r) return toState(r);
      return { meetingId, minutesStatus: 'draft', minutesVersion: 1 };
    },
    async listStates(meetingIds: readonly string[]): Promise<WorkflowState[]> {
      if (meetingIds.length === 0) return [];
      return (await db.select().from(meetingWorkflow).where(inArray(meetingWorkflow.meetingId, [...meetingIds]))).map(toState);
    },
    async saveState(s: WorkflowState): Promise<void> {
      const values = {
        meetingId: s.meetingId,
        agendaApprovedAt: s.agendaApprovedAt ?? null,
        agendaApprovedBy: s.agendaApprovedBy ?? null,
        minutesStatus: s.minutesStatus,
        minutesVersion: s.minutesVersion,
        minutesSentAt: s.minutesSentAt ?? null,
        windowClosesAt: s.windowClosesAt ?? null,
        approvedAt: s.approvedAt ?? null,
        approvedHow: s.approvedHow ?? null,
        publishedAt: s.publishedAt ?? null,
        minuteTakerPersonId: s.minuteTakerPersonId ?? null,
      };
      const { meetingId: _id, ...set } = values;
      await db.insert(meetingWorkflow).values(values).onConflictDoUpdate({ target: meetingWorkflow.meetingId, set: { ...set, updatedAt: sql`now()` } });
    },

    async getTimer(meetingId: string): Promise<MeetingTimer | undefined> {
      const [r] = await db.select().from(meetingTimer).where(eq(meetingTimer.meetingId, meetingId));
      if (!r) return undefined;
      return { meetingId: r.meetingId, index: r.itemIndex, updatedBy: r.updatedBy, updatedAt: iso(r.updatedAt)!, ...(r.startedAt ? { startedAt: iso(r.startedAt)! } : {}) };
    },
    async saveTimer(t: MeetingTimer): Promise<void> {
      const set = { itemIndex: t.index, startedAt: t.startedAt ?? null, updatedBy: t.updatedBy, updatedAt: t.updatedAt };
      await db.insert(meetingTimer).values({ meetingId: t.meetingId, ...set }).onConflictDoUpdate({ target: meetingTimer.meetingId, set });
    },

    async listRemarks(meetingId: string): Promise<Remark[]> {
      const rows = await db.select().from(remarks).where(eq(remarks.meetingId, meetingId)).orderBy(asc(remarks.createdAt), asc(remarks.id));
      return rows.map((r) => ({ id: r.id, meetingId: r.meetingId, personId: r.personId, text: r.text, createdAt: iso(r.createdAt)!, minutesVersion: r.minutesVersion, ...(r.itemId ? { itemId: r.itemId } : {}) }));
    },
    async insertRemark(r: Remark & { minutesVersion: number }): Promise<void> {
      await db.insert(remarks).values({ id: r.id, meetingId: r.meetingId, personId: r.personId, itemId: r.itemId ?? null, text: r.text, minutesVersion: r.minutesVersion, createdAt: r.createdAt });
    },

    async listVersions(meetingId: string): Promise<DocumentVersionRow[]> {
      const rows = await db.select().from(meetingDocumentVersions).where(eq(meetingDocumentVersions.meetingId, meetingId));
      return rows.map(toVersion).sort(versionOrder);
    },
    /** Every stored version of a meeting without its snapshot (what the meeting page lists), in listVersions' order. */
    async listVersionInfo(meetingId: string): Promise<Omit<DocumentVersionRow, 'snapshot'>[]> {
      const { snapshot: _snapshot, ...columns } = getTableColumns(meetingDocumentVersions);
      const rows = await db.select(columns).from(meetingDocumentVersions).where(eq(meetingDocumentVersions.meetingId, meetingId));
      return rows
        .map((r) => {
          const { snapshot: _s, ...v } = toVersion({ ...r, snapshot: null });
          return v;
        })
        .sort(versionOrder);
    },
    /** The newest version of a kind with the given event (e.g. the last published minutes). */
    async latestVersion(meetingId: string, kind: 'agenda' | 'minutes', event?: DocumentVersionRow['event']): Promise<DocumentVersionRow | undefined> {
      const conds = [eq(meetingDocumentVersions.meetingId, meetingId), eq(meetingDocumentVersions.kind, kind)];
      if (event) conds.push(eq(meetingDocumentVersions.event, event));
      const [r] = await db.select().from(meetingDocumentVersions).where(and(...conds)).orderBy(desc(meetingDocumentVersions.version), desc(meetingDocumentVersions.createdAt)).limit(1);
      return r && toVersion(r);
    },
    /** Published minutes of all meetings (newest version per meeting), for the public pages and feeds. */
    async listPublished(kind: 'agenda' | 'minutes'): Promise<DocumentVersionRow[]> {
      const event = kind === 'agenda' ? 'sent' : 'published';
      const rows = await db
        .select()
        .from(meetingDocumentVersions)
        .where(and(eq(meetingDocumentVersions.kind, kind), eq(meetingDocumentVersions.event, event)))
        .orderBy(desc(meetingDocumentVersions.version), desc(meetingDocumentVersions.createdAt));
      const seen = new Set<string>();
      const out: DocumentVersionRow[] = [];
      for (const r of rows) {
        if (seen.has(r.meetingId)) continue;
        seen.add(r.meetingId);
        out.push(toVersion(r));
      }
      return out;
    },
    async insertVersion(v: DocumentVersionRow): Promise<void> {
      await db.insert(meetingDocumentVersions).values({ ...v, reason: v.reason ?? null, createdBy: v.createdBy ?? null, snapshot: v.snapshot as object });
    },
    async nextAgendaVersion(meetingId: string): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`coalesce(max(${meetingDocumentVersions.version}), 0)::int` })
        .from(meetingDocumentVersions)
        .where(and(eq(meetingDocumentVersions.meetingId, meetingId), eq(meetingDocumentVersions.kind, 'agenda')));
      return (r?.n ?? 0) + 1;
    },
  };
  return repo;
}
/** @deprecated the port is `WorkflowStore` (src/usecases/ports/workflow.port.ts). */
export type WorkflowRepository = WorkflowStore;

function toAttendance(r: typeof attendance.$inferSelect): Attendance {
  const a: Attendance = { meetingId: r.meetingId, personId: r.personId, answer: (r.answer as Attendance['answer']) ?? null };
  if (r.substituteName) a.substituteName = r.substituteName;
  if (r.substitutePersonId) a.substitutePersonId = r.substitutePersonId;
  if (r.present !== null) a.present = r.present;
  if (r.answeredAt) a.answeredAt = iso(r.answeredAt);
  if (r.note) a.note = r.note;
  return a;
}

// Several events can share an instant (an injected clock, one request doing two): order by what happened.
const eventRank = { sent: 0, approved: 1, published: 2, correction: 3 } as Record<string, number>;
const versionOrder = (a: Omit<DocumentVersionRow, 'snapshot'>, b: Omit<DocumentVersionRow, 'snapshot'>) =>
  a.createdAt.localeCompare(b.createdAt) || a.version - b.version || (eventRank[a.event] ?? 9) - (eventRank[b.event] ?? 9) || a.kind.localeCompare(b.kind);

function toVersion(r: typeof meetingDocumentVersions.$inferSelect): DocumentVersionRow {
  return {
    id: r.id,
    meetingId: r.meetingId,
    kind: r.kind as 'agenda' | 'minutes',
    version: r.version,
    event: r.event as DocumentVersionRow['event'],
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.createdBy ? { createdBy: r.createdBy } : {}),
    createdAt: iso(r.createdAt)!,
    snapshot: r.snapshot,
  };
}
