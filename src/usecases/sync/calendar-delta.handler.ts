/**
 * Job 'm365.calendar-delta' {mailbox?}: Outlook -> Samraad, per organizer mailbox.
 *
 * Reads `calendarView/delta` from the stored cursor. A tagged event whose time
 * differs from its meeting moves the meeting (optimistic revision; a concurrent
 * edit makes the job retry with the cursor unchanged) and queues 'reminders.plan'
 * for it, which recomputes its deadlines and reminders; an event cancelled or
 * removed in Outlook cancels its planned meeting and leaves an audit entry on the
 * forum for the secretariat. The cursor is stored only after every change was
 * applied, and applying a change twice is a no-op, so a crash loses nothing.
 *
 * Not done: an event created in Outlook with a forum tag (the tab's "schedule in
 * Outlook" flow) does not create a meeting yet; it is ignored.
 */
import type { JobPayload } from '../ports/jobs.port.js';
import { DateTime } from 'luxon';
import type { CalendarChange } from '../ports/m365.port.js';
import { M365Error } from '../ports/m365.port.js';
import { today, utcToLocal } from './sync.common.js';
import { SYNC_QUEUES, type SyncDeps } from './sync.ports.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';

export type CalendarDeltaJob = JobPayload<'m365.calendar-delta'>;

export type DeltaSummary = { mailbox: string; changes: number; moved: string[]; cancelled: string[]; restarted: boolean };

/** How far back and ahead the delta window reaches (days). */
const WINDOW = { pastDays: 30, futureDays: 550 };

export async function runCalendarDelta(deps: SyncDeps, job: CalendarDeltaJob = {}): Promise<DeltaSummary[]> {
  const mailboxes = job.mailbox ? [job.mailbox] : await allMailboxes(deps);
  const out: DeltaSummary[] = [];
  for (const mailbox of mailboxes) out.push(await deltaFor(deps, mailbox));
  return out;
}

export async function allMailboxes(deps: SyncDeps): Promise<string[]> {
  const known = await deps.transact(({ sync }) => sync.mailboxes());
  const set = new Set(known);
  if (deps.settings.organizerMailbox) set.add(deps.settings.organizerMailbox);
  return [...set].sort();
}

async function deltaFor(deps: SyncDeps, mailbox: string): Promise<DeltaSummary> {
  const now = DateTime.fromJSDate(deps.clock.now()).toUTC();
  const window = { start: now.minus({ days: WINDOW.pastDays }).startOf('day').toISO()!, end: now.plus({ days: WINDOW.futureDays }).startOf('day').toISO()! };
  const cursor = await deps.transact(({ sync }) => sync.getCursor(mailbox));
  const startedAt = deps.clock.now().toISOString();
  const res = await deps.m365.calendar.delta(mailbox, cursor, window);
  const summary: DeltaSummary = { mailbox, changes: res.changes.length, moved: [], cancelled: [], restarted: res.restarted };
  for (const change of res.changes) {
    const applied = await apply(deps, mailbox, change);
    if (applied?.kind === 'moved') summary.moved.push(applied.meetingId);
    if (applied?.kind === 'cancelled') summary.cancelled.push(applied.meetingId);
  }
  await deps.transact(({ sync }) => sync.setCursor(mailbox, res.cursor, startedAt));
  if (summary.moved.length || summary.cancelled.length) {
    deps.logger.info(`calendar delta ${mailbox}: moved ${summary.moved.join(', ') || '-'}; cancelled ${summary.cancelled.join(', ') || '-'}`);
  }
  return summary;
}

async function apply(deps: SyncDeps, mailbox: string, change: CalendarChange): Promise<{ kind: 'moved' | 'cancelled'; meetingId: string } | undefined> {
  const zone = deps.settings.timeZone;
  const day = today(deps);
  return deps.transact(async ({ meetings, sync, audit, outbox }) => {
    const byEvent = await sync.findByRemoteId('meeting', change.eventId);
    const taggedId = change.kind === 'upsert' ? change.meetingId : null;
    const state = byEvent ?? (taggedId ? await sync.get('meeting', taggedId) : undefined);
    if (!state) return undefined; // not ours (or an Outlook-made event we do not adopt yet)
    if (state.remoteId && state.remoteId !== change.eventId) return undefined; // a copy of our event, not the one we made
    if (state.container && state.container.toLowerCase() !== mailbox.toLowerCase()) return undefined;
    const meeting = await meetings.getMeeting(state.localId);
    if (!meeting || meeting.status !== 'planned') return undefined;

    if (change.kind === 'upsert' && !change.isCancelled) {
      const s = utcToLocal(change.start, zone);
      const e = utcToLocal(change.end, zone);
      const end = e.date === s.date ? e.time : '23:59';
      if (s.date === meeting.date && s.time === meeting.start && end === meeting.end) return undefined;
      // The echo of our own last write (the meeting changed again since, and its sync is on the way) is no Outlook move.
      const written = state.detail.written as { date?: string; start?: string; end?: string } | undefined;
      if (written && s.date === written.date && s.time === written.start && end === written.end) return undefined;
      if (end <= s.time) return undefined; // not a shape a meeting can have; leave it to the secretariat
      const moved = { ...meeting, date: s.date, start: s.time, end };
      if (!(await meetings.updateMeeting(moved, meeting.revision))) {
        throw new M365Error({ kind: 'transient', message: `meeting ${meeting.id} changed meanwhile; the delta is applied again` });
      }
      await audit.record({
        action: 'meeting.moved_in_outlook',
        forumId: meeting.forumId,
        target: meeting.id,
        outcome: 'ok',
        detail: { mailbox, eventId: change.eventId, from: { date: meeting.date, start: meeting.start, end: meeting.end }, to: { date: s.date, start: s.time, end } },
      });
      await outbox.enqueue(SYNC_QUEUES.reminderPlan, { meetingId: meeting.id }, { singletonKey: `meeting:${meeting.id}` });
      await raiseNotice(outbox, meetingNotice('meeting_moved', moved, deps.clock.now().toISOString(), `r${meeting.revision + 1}`, { from: { date: meeting.date, start: meeting.start, end: meeting.end }, via: 'outlook' }));
      await sync.record('meeting', meeting.id, { etag: null, detail: { ...state.detail, revision: meeting.revision + 1, movedInOutlook: true, written: { date: s.date, start: s.time, end } } }, 'synced');
      return { kind: 'moved' as const, meetingId: meeting.id };
    }

    // Cancelled or removed in Outlook. A past meeting, or one outside the delta window, is left alone:
    // its event leaving the window is not a cancellation.
    if (meeting.date < day) return undefined;
    const cancelled = { ...meeting, status: 'cancelled' as const, cancelledReason: 'Aflyst i Outlook' };
    if (!(await meetings.updateMeeting(cancelled, meeting.revision))) {
      throw new M365Error({ kind: 'transient', message: `meeting ${meeting.id} changed meanwhile; the delta is applied again` });
    }
    await audit.record({
      action: 'meeting.cancelled_in_outlook',
      forumId: meeting.forumId,
      target: meeting.id,
      outcome: 'ok',
      detail: { mailbox, eventId: change.eventId, date: meeting.date, notice: 'Mødet blev aflyst i Outlook af arrangøren. Sekretariatet bør orientere medlemmerne.' },
    });
    await outbox.enqueue(SYNC_QUEUES.reminderPlan, { meetingId: meeting.id }, { singletonKey: `meeting:${meeting.id}` });
    // Tell the secretariat by e-mail, in the same transaction as the cancellation.
    await outbox.enqueue(SYNC_QUEUES.notice, { meetingId: meeting.id, mailbox }, { singletonKey: `notice:cancelled:${meeting.id}` });
    await raiseNotice(outbox, meetingNotice('meeting_cancelled', cancelled, deps.clock.now().toISOString(), `r${meeting.revision + 1}`, { reason: cancelled.cancelledReason, via: 'outlook' }));
    await sync.record('meeting', meeting.id, { remoteId: null, detail: { ...state.detail, revision: meeting.revision + 1, cancelledInOutlook: true } }, 'synced');
    return { kind: 'cancelled' as const, meetingId: meeting.id };
  });
}
