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
 * Attendees' answers to the invitation (accepted, tentative, declined) become
 * attendance in Samraad (see applyAnswers), audited, and re-plan the meeting's
 * reminders so a member who answered is not reminded to answer. A decline's comment
 * is not in Graph's event contract (the organizer's event carries only
 * attendees[].status {response, time}; the comment goes to the organizer's mailbox as
 * a response message, and `/users/{id}/messages` is outside our contract subset), so
 * apologies from Outlook carry no note: the member is told once (a personal notice)
 * that the decline is recorded and that a note can be added in Samraad, where the
 * attendance note comes from.
 *
 * An event a secretary creates in Outlook under a forum's category becomes a meeting
 * of that forum, to be confirmed or rejected by the secretariat (see adopt).
 */
import { JOB, type JobPayload } from '../ports/jobs.port.js';
import { DateTime } from 'luxon';
import type { AttendeeAnswer, CalendarChange } from '../ports/m365.port.js';
import { M365Error } from '../ports/m365.port.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import { createHash } from 'node:crypto';
import { activeMembers, forumCategoryName, localToUtc, today, utcToLocal } from './sync.common.js';
import { SYNC_QUEUES, type SyncDeps, type SyncUnitOfWork } from './sync.ports.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';

export type CalendarDeltaJob = JobPayload<typeof JOB.calendarDelta>;

/** `answers`: "meetingId:personId:answer" for each answer to the invitation taken into Samraad. */
export type DeltaSummary = { mailbox: string; changes: number; moved: string[]; cancelled: string[]; created: string[]; answers: string[]; restarted: boolean };

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
  const summary: DeltaSummary = { mailbox, changes: res.changes.length, moved: [], cancelled: [], created: [], answers: [], restarted: res.restarted };
  for (const change of res.changes) {
    const applied = await apply(deps, mailbox, change);
    if (applied?.moved) summary.moved.push(applied.moved);
    if (applied?.cancelled) summary.cancelled.push(applied.cancelled);
    if (applied?.created) summary.created.push(applied.created);
    if (applied) summary.answers.push(...applied.answers);
  }
  await deps.transact(({ sync }) => sync.setCursor(mailbox, res.cursor, startedAt));
  if (summary.moved.length || summary.cancelled.length || summary.created.length || summary.answers.length) {
    deps.logger.info(`calendar delta ${mailbox}: created ${summary.created.join(', ') || '-'}; moved ${summary.moved.join(', ') || '-'}; cancelled ${summary.cancelled.join(', ') || '-'}; answers ${summary.answers.length}`);
  }
  return summary;
}

type Applied = { moved?: string; cancelled?: string; created?: string; answers: string[] };

/** The meeting an Outlook event becomes: its id is derived from the mailbox and event, so a retried delta makes the same one. */
export function adoptedMeetingId(mailbox: string, eventId: string): string {
  return `mtg-ol-${createHash('sha256').update(`${mailbox.toLowerCase()}|${eventId}`).digest('hex').slice(0, 20)}`;
}

/**
 * Schedule from Outlook: an event a secretary made in a watched organizer mailbox and
 * filed under a forum's category ("Samraad · <forum name>", kept by the forum sync)
 * becomes a planned meeting of that forum with the event's date, time, place, online
 * setting and subject as title. In the same transaction: the sync record (event id,
 * mailbox, `fromOutlook.confirmation: 'pending'`), the meeting sync (it tags the event
 * with the meeting id, gives its body the meeting's link and invites the forum's
 * members), the reminder plan (deadlines and reminders) and the e-mail asking the
 * secretariat to confirm or reject it. Not adopted: a past event, one that is not a
 * same-day slot, a forum that has ended, or a slot where the forum already has a meeting.
 */
async function adopt(deps: SyncDeps, uow: SyncUnitOfWork, mailbox: string, change: Extract<CalendarChange, { kind: 'upsert' }>): Promise<Applied | undefined> {
  const names = new Set((change.categories ?? []).map((c) => c.toLowerCase()));
  if (!names.size) return undefined;
  const { registry, meetings, sync, audit, outbox } = uow;
  const forum = (await registry.listForums()).find((f) => f.status === 'active' && names.has(forumCategoryName(f.name).toLowerCase()));
  if (!forum) return undefined;
  const zone = deps.settings.timeZone;
  const s = utcToLocal(change.start, zone);
  const e = utcToLocal(change.end, zone);
  const why = (reason: string) => {
    deps.logger.warn(`calendar delta ${mailbox}: event ${change.eventId} filed under ${forum.id} is not made a meeting: ${reason}`);
    return undefined;
  };
  if (s.date < today(deps)) return why('it is in the past');
  if (e.date !== s.date || e.time <= s.time) return why('it does not start and end on the same day');
  if (forum.endedOn !== undefined && forum.endedOn <= s.date) return why('the forum has ended by then');
  const id = adoptedMeetingId(mailbox, change.eventId);
  if (await meetings.getMeeting(id)) return undefined; // made by an earlier run
  const sameDay = (await meetings.listMeetings({ forumIds: [forum.id], from: s.date, to: s.date })).filter((m) => m.status !== 'cancelled');
  if (sameDay.some((m) => m.start < e.time && s.time < m.end)) return why('the forum already has a meeting at that time');
  const title = change.subject.trim().slice(0, 300);
  const meeting: Meeting = {
    id,
    forumId: forum.id,
    date: s.date,
    start: s.time,
    end: e.time,
    online: change.isOnlineMeeting === true,
    kind: 'ordinary',
    status: 'planned',
    revision: 1,
    ...(change.location ? { location: change.location.slice(0, 300) } : {}),
    ...(title ? { title } : {}),
  };
  await meetings.insertMeeting(meeting);
  const at = deps.clock.now().toISOString();
  await sync.record(
    'meeting',
    id,
    { forumId: forum.id, remoteId: change.eventId, container: mailbox, detail: { revision: 1, written: { date: s.date, start: s.time, end: e.time }, joinUrl: change.joinUrl ?? null, fromOutlook: { mailbox, eventId: change.eventId, at, confirmation: 'pending' } } },
    'pending',
  );
  await audit.record({ action: 'meeting.created_in_outlook', forumId: forum.id, target: id, outcome: 'ok', detail: { mailbox, eventId: change.eventId, date: s.date, start: s.time, end: e.time, title } });
  await outbox.enqueue(SYNC_QUEUES.meeting, { meetingId: id });
  await outbox.enqueue(SYNC_QUEUES.reminderPlan, { meetingId: id }, { singletonKey: `meeting:${id}` });
  await outbox.enqueue(SYNC_QUEUES.notice, { meetingId: id, mailbox, about: 'created_in_outlook' }, { singletonKey: `notice:created:${id}` });
  // The secretariat's card to confirm or reject it (Teams only: the e-mail above reaches everyone); one per meeting, whatever the re-runs.
  await raiseNotice(outbox, meetingNotice('outlook_meeting_created', meeting, at, 'outlook', { audience: 'secretariat', teamsOnly: true, mailbox }));
  return { created: id, answers: [] };
}

async function apply(deps: SyncDeps, mailbox: string, change: CalendarChange): Promise<Applied | undefined> {
  const zone = deps.settings.timeZone;
  const day = today(deps);
  return deps.transact(async (uow) => {
    const { meetings, sync, audit, outbox } = uow;
    const byEvent = await sync.findByRemoteId('meeting', change.eventId);
    const taggedId = change.kind === 'upsert' ? change.meetingId : null;
    const state = byEvent ?? (taggedId ? await sync.get('meeting', taggedId) : undefined);
    if (!state) {
      // Not ours: a secretary's own event filed under a forum's category becomes a meeting of that forum.
      if (change.kind === 'upsert' && !change.isCancelled && !change.meetingId) return adopt(deps, uow, mailbox, change);
      return undefined;
    }
    if (state.remoteId && state.remoteId !== change.eventId) return undefined; // a copy of our event, not the one we made
    if (state.container && state.container.toLowerCase() !== mailbox.toLowerCase()) return undefined;
    // Locked, as the workflow locks it when a member answers in Samraad: the later answer wins, whichever path writes it.
    const meeting = await meetings.getMeetingForUpdate(state.localId);
    if (!meeting || meeting.status !== 'planned') return undefined;

    if (change.kind === 'upsert' && !change.isCancelled) {
      const out: Applied = { answers: [] };
      let detail = { ...state.detail };
      let current = meeting;
      const s = utcToLocal(change.start, zone);
      const e = utcToLocal(change.end, zone);
      const end = e.date === s.date ? e.time : '23:59';
      // The echo of our own last write (the meeting changed again since, and its sync is on the way) is no Outlook move.
      const written = state.detail.written as { date?: string; start?: string; end?: string; at?: string | null } | undefined;
      const same = s.date === meeting.date && s.time === meeting.start && end === meeting.end;
      // So is a read of the event from before our own last write (the delta fetched it, then a sync wrote the event,
      // then the delta applies what it fetched): Outlook already shows what Samraad wrote after it.
      const before = !!written?.at && !!change.lastModified && Date.parse(change.lastModified) <= Date.parse(written.at);
      const echo = before || (!!written && s.date === written.date && s.time === written.start && end === written.end);
      // end <= start: not a shape a meeting can have; left to the secretariat.
      if (!same && !echo && end > s.time) {
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
        detail = { ...detail, revision: meeting.revision + 1, movedInOutlook: true, written: { date: s.date, start: s.time, end, at: change.lastModified ?? null } };
        current = { ...moved, revision: meeting.revision + 1 };
        out.moved = meeting.id;
      }
      const answered = await applyAnswers(deps, uow, change.answers ?? [], current, detail);
      out.answers = answered.applied;
      if (out.moved || answered.changed) {
        await sync.record('meeting', meeting.id, { ...(out.moved ? { etag: null } : {}), detail: { ...detail, answers: answered.seen } }, 'synced');
      }
      return out;
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
    return { cancelled: meeting.id, answers: [] };
  });
}

/**
 * Answers to the invitation become attendance: accepted = attending, declined =
 * apologies; tentative changes no answer (it is audited). An answer is taken once:
 * the sync record keeps the last answer seen per attendee (`detail.answers`), so a
 * re-read event, a retried job or our own later write of the event adds nothing.
 * The later answer wins: one given in Samraad after the Outlook answer stands (the
 * Outlook answer is audited as superseded); one given after the meeting began is
 * ignored (as Samraad refuses it). A shared event (joint meeting) answers for the
 * partner forum's meeting the attendee belongs to.
 *
 * A decline becomes apologies with no note: Graph's event contract has no comment
 * (only attendees[].status {response, time}), so the note is Samraad's own. A note the
 * member already gave with apologies in Samraad stays; an acceptance clears it. The
 * member is told once per meeting (notice `outlook_decline_recorded`, to them only,
 * raised in this transaction) that the decline is recorded as apologies and that a
 * note can be added on the meeting in Samraad.
 */
async function applyAnswers(
  deps: SyncDeps,
  uow: SyncUnitOfWork,
  answers: AttendeeAnswer[],
  meeting: Meeting,
  detail: Record<string, unknown>,
): Promise<{ seen: Record<string, string>; changed: boolean; applied: string[] }> {
  const seen = { ...((detail.answers as Record<string, string> | undefined) ?? {}) };
  const fresh = answers.filter((a) => seen[a.email] !== `${a.response}@${a.at}`);
  if (!fresh.length) return { seen, changed: false, applied: [] };
  const { registry, meetings, attendance, audit, outbox, sync } = uow;
  // The meetings this event stands for: this one, and a partner forum's meeting that shares it.
  const group: Meeting[] = [meeting];
  for (const m of await meetings.listMeetings({ from: meeting.date, to: meeting.date })) {
    if (m.id === meeting.id || m.status !== 'planned' || m.start !== meeting.start) continue;
    if ((await sync.get('meeting', m.id))?.detail.sharedEventOf === meeting.id) group.push(m);
  }
  const people = new Map<string, { meeting: Meeting; personId: string }>();
  for (const m of group) {
    for (const x of await activeMembers(registry, m.forumId, m.date)) {
      const email = x.person.email?.toLowerCase();
      if (email && !people.has(email)) people.set(email, { meeting: m, personId: x.person.id });
    }
  }
  const starts = Date.parse(localToUtc(meeting.date, meeting.start, deps.settings.timeZone));
  const applied: string[] = [];
  const replan = new Set<string>();
  for (const a of fresh) {
    seen[a.email] = `${a.response}@${a.at}`;
    const who = people.get(a.email);
    if (!who) continue; // not a member on the day (the organizer, a guest): nothing to record
    const { meeting: m, personId } = who;
    const base = { actorPersonId: personId, forumId: m.forumId, target: m.id };
    const said = { personId, response: a.response, answeredAt: a.at, via: 'outlook' };
    if (Date.parse(a.at) >= starts) {
      await audit.record({ ...base, action: 'attendance.outlook_answer_ignored', outcome: 'refused', detail: { ...said, reason: 'answered after the meeting began' } });
      continue;
    }
    if (a.response === 'tentativelyAccepted') {
      await audit.record({ ...base, action: 'attendance.tentative_in_outlook', outcome: 'ok', detail: said });
      continue;
    }
    const answer = a.response === 'accepted' ? ('attending' as const) : ('apologies' as const);
    const before = (await attendance.listAttendance(m.id)).find((x) => x.personId === personId);
    if (before?.answeredAt && Date.parse(before.answeredAt) > Date.parse(a.at)) {
      await audit.record({ ...base, action: 'attendance.outlook_answer_superseded', outcome: 'ok', detail: { ...said, kept: before.answer, keptAnsweredAt: before.answeredAt } });
      continue;
    }
    if (before?.answer === answer && before.answeredAt && Date.parse(before.answeredAt) === Date.parse(a.at)) continue;
    const note = answer === 'apologies' && before?.answer === 'apologies' ? before.note : undefined;
    await attendance.upsertAttendance({ meetingId: m.id, personId, answer, answeredAt: a.at, ...(before?.present !== undefined ? { present: before.present } : {}), ...(note ? { note } : {}) });
    await audit.record({ ...base, action: 'attendance.answered_in_outlook', outcome: 'ok', detail: { ...said, answer, before: before?.answer ?? null } });
    if (answer === 'apologies') {
      // Told once per meeting (the notice's key names the member): the decline is apologies, and a note can be added in Samraad.
      await raiseNotice(outbox, meetingNotice('outlook_decline_recorded', m, a.at, `decline:${personId}`, { audience: 'person', personId }));
    }
    applied.push(`${m.id}:${personId}:${answer}`);
    replan.add(m.id);
  }
  // The member who answered is no longer reminded to answer.
  for (const id of replan) await outbox.enqueue(SYNC_QUEUES.reminderPlan, { meetingId: id }, { singletonKey: `meeting:${id}` });
  return { seen, changed: true, applied };
}
