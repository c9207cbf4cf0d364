/** Meetings and tasks: the only place their SQL lives. */
import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { Meeting, Task } from '../../domain/meetings/meeting.model.js';
import type { DbOrTx } from './database.js';
import type { MeetingsStore } from '../../usecases/ports/meetings.port.js';
import { forumMeetingDefaults, meetings, tasks } from './schema.js';

type MeetingRow = typeof meetings.$inferSelect;
type TaskRow = typeof tasks.$inferSelect;

const iso = (v: string | null) => (v ? new Date(v).toISOString() : undefined);

function toMeeting(r: MeetingRow): Meeting {
  const m: Meeting = {
    id: r.id,
    forumId: r.forumId,
    date: r.date,
    start: r.startTime,
    end: r.endTime,
    online: r.online,
    kind: r.kind as Meeting['kind'],
    status: r.status as Meeting['status'],
    revision: r.revision,
  };
  if (r.location) m.location = r.location;
  if (r.title) m.title = r.title;
  if (r.jointWithForumId) m.jointWithForumId = r.jointWithForumId;
  if (r.sequence !== null) m.sequence = r.sequence;
  if (r.agendaSentAt) m.agendaSentAt = iso(r.agendaSentAt);
  if (r.minutesSentAt) m.minutesSentAt = iso(r.minutesSentAt);
  if (r.cancelledReason) m.cancelledReason = r.cancelledReason;
  if (r.historical) m.historical = true;
  return m;
}

function meetingValues(m: Meeting) {
  return {
    id: m.id,
    forumId: m.forumId,
    date: m.date,
    startTime: m.start,
    endTime: m.end,
    location: m.location ?? null,
    online: m.online,
    title: m.title ?? null,
    kind: m.kind,
    jointWithForumId: m.jointWithForumId ?? null,
    status: m.status,
    sequence: m.sequence ?? null,
    agendaSentAt: m.agendaSentAt ?? null,
    minutesSentAt: m.minutesSentAt ?? null,
    cancelledReason: m.cancelledReason ?? null,
    historical: m.historical ?? false,
    revision: m.revision,
  };
}

function toTask(r: TaskRow): Task {
  const t: Task = { id: r.id, forumId: r.forumId, title: r.title, description: r.description, dueOn: r.dueOn, status: r.status as Task['status'] };
  if (r.assigneeForumId) t.assigneeForumId = r.assigneeForumId;
  if (r.assigneePersonId) t.assigneePersonId = r.assigneePersonId;
  if (r.assigneeOrganisationId) t.assigneeOrganisationId = r.assigneeOrganisationId;
  if (r.reportToForumId) t.reportToForumId = r.reportToForumId;
  if (r.sourceMeetingId) t.sourceMeetingId = r.sourceMeetingId;
  if (r.sourceItemId) t.sourceItemId = r.sourceItemId;
  if (r.doneAt) t.doneAt = iso(r.doneAt);
  return t;
}

function taskValues(t: Task) {
  return {
    id: t.id,
    forumId: t.forumId,
    title: t.title,
    description: t.description,
    assigneeForumId: t.assigneeForumId ?? null,
    assigneePersonId: t.assigneePersonId ?? null,
    assigneeOrganisationId: t.assigneeOrganisationId ?? null,
    dueOn: t.dueOn,
    reportToForumId: t.reportToForumId ?? null,
    sourceMeetingId: t.sourceMeetingId ?? null,
    sourceItemId: t.sourceItemId ?? null,
    status: t.status,
    doneAt: t.doneAt ?? null,
  };
}

export function meetingsRepository(db: DbOrTx): MeetingsStore & { getMeetingForUpdate(id: string): Promise<Meeting | undefined> } {
  return {
    async getMeeting(id: string): Promise<Meeting | undefined> {
      const [r] = await db.select().from(meetings).where(eq(meetings.id, id));
      return r && toMeeting(r);
    },
    /**
     * The meeting, its row locked until the transaction ends (FOR NO KEY UPDATE: it
     * does not block inserts that only reference the meeting). The workflow's write
     * transactions read the meeting through this, so two writes on the same meeting
     * run one after the other instead of racing (issue 14: parallel agenda/init).
     */
    async getMeetingForUpdate(id: string): Promise<Meeting | undefined> {
      const [r] = await db.select().from(meetings).where(eq(meetings.id, id)).for('no key update');
      return r && toMeeting(r);
    },
    /** Meetings of some forums (all when `forumIds` is undefined) between two local dates, inclusive. */
    async listMeetings(filter: { forumIds?: string[]; from?: string; to?: string; withJoint?: boolean } = {}): Promise<Meeting[]> {
      const conds = [];
      if (filter.forumIds) {
        if (filter.forumIds.length === 0) return [];
        conds.push(filter.withJoint ? or(inArray(meetings.forumId, filter.forumIds), inArray(meetings.jointWithForumId, filter.forumIds))! : inArray(meetings.forumId, filter.forumIds));
      }
      if (filter.from) conds.push(gte(meetings.date, filter.from));
      if (filter.to) conds.push(lte(meetings.date, filter.to));
      const q = db.select().from(meetings);
      const rows = await (conds.length ? q.where(and(...conds)) : q).orderBy(asc(meetings.date), asc(meetings.startTime));
      return rows.map(toMeeting);
    },
    async insertMeeting(m: Meeting): Promise<void> {
      await db.insert(meetings).values(meetingValues(m));
    },
    /**
     * Writes a changed meeting if nobody changed it since `expectedRevision`
     * (optimistic concurrency); returns false when the revision moved on.
     */
    async updateMeeting(m: Meeting, expectedRevision: number): Promise<boolean> {
      const rows = await db
        .update(meetings)
        .set({ ...meetingValues({ ...m, revision: expectedRevision + 1 }), updatedAt: sql`now()` })
        .where(and(eq(meetings.id, m.id), eq(meetings.revision, expectedRevision)))
        .returning({ id: meetings.id });
      return rows.length === 1;
    },

    async getForumDefaults(forumId: string): Promise<{ location: string | null; online: boolean } | undefined> {
      const [r] = await db.select().from(forumMeetingDefaults).where(eq(forumMeetingDefaults.forumId, forumId));
      return r && { location: r.location, online: r.online };
    },
    async setForumDefaults(forumId: string, d: { location: string | null; online: boolean }): Promise<void> {
      await db
        .insert(forumMeetingDefaults)
        .values({ forumId, location: d.location, online: d.online })
        .onConflictDoUpdate({ target: forumMeetingDefaults.forumId, set: { location: d.location, online: d.online, updatedAt: sql`now()` } });
    },

    async getTask(id: string): Promise<Task | undefined> {
      const [r] = await db.select().from(tasks).where(eq(tasks.id, id));
      return r && toTask(r);
    },
    async listTasks(filter: { forumIds?: string[]; assigneePersonId?: string; status?: Task['status']; reportToForumId?: string; sourceMeetingId?: string } = {}): Promise<Task[]> {
      const conds = [];
      if (filter.forumIds) {
        if (filter.forumIds.length === 0) return [];
        conds.push(inArray(tasks.forumId, filter.forumIds));
      }
      if (filter.assigneePersonId) conds.push(eq(tasks.assigneePersonId, filter.assigneePersonId));
      if (filter.status) conds.push(eq(tasks.status, filter.status));
      if (filter.reportToForumId) conds.push(eq(tasks.reportToForumId, filter.reportToForumId));
      if (filter.sourceMeetingId) conds.push(eq(tasks.sourceMeetingId, filter.sourceMeetingId));
      const q = db.select().from(tasks);
      return (await (conds.length ? q.where(and(...conds)) : q).orderBy(asc(tasks.dueOn))).map(toTask);
    },
    async insertTask(t: Task): Promise<void> {
      await db.insert(tasks).values(taskValues(t));
    },
    async updateTask(t: Task): Promise<void> {
      await db.update(tasks).set({ ...taskValues(t), updatedAt: sql`now()` }).where(eq(tasks.id, t.id));
    },
  };
}
/** @deprecated the port is `MeetingsStore` (src/usecases/ports/meetings.port.ts). */
export type MeetingsRepository = MeetingsStore;
