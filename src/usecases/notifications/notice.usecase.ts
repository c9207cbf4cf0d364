/**
 * Notices: "something went out". A use case that sends an agenda, sends, approves
 * or corrects minutes, moves or cancels a meeting (in Samraad or, through the
 * calendar delta, in Outlook) raises a notice with `raiseNotice` in its own
 * transaction: the job row is the outbox entry, so a notice exists exactly when
 * the change committed. The job (`runNotice`) finds the forum's members on the
 * meeting's date and hands one channel post and one personal delivery per member
 * to the NoticeSink; the sink keeps one delivery per (notice key, recipient), so a
 * retried or repeated job sends nothing twice.
 */
import { isActiveOn, secretariatRoles } from '../../domain/registry/registry.model.js';
import { forumEndedBy } from '../../domain/transitions/transition.changes.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import { noticeKey, noticeReminders, type NoticeDetail, type NoticeEvent, type NoticeKind } from '../../domain/notifications/notice.model.js';
import type { NoticeSink } from '../ports/notifications.port.js';
import type { JobOutbox, RegistryStore } from '../ports/store.port.js';
import { meetingStart, todayOf } from '../meetings/workflow.context.js';
import { JOB } from '../ports/jobs.port.js';

export const NOTICE_QUEUE = JOB.notice;
export type NoticeJob = { event: NoticeEvent };

/** Enqueues the notice in the caller's transaction; the same event twice is one job (singleton key) and one set of deliveries. */
export async function raiseNotice(outbox: JobOutbox, event: NoticeEvent): Promise<void> {
  const job: NoticeJob = { event };
  await outbox.enqueue(NOTICE_QUEUE, job, { singletonKey: noticeKey(event) });
}

/** A notice about a meeting; its deadline line is the meeting's start unless given. */
export function meetingNotice(kind: NoticeKind, meeting: Pick<Meeting, 'id' | 'forumId' | 'date' | 'start'>, at: string, occurrence: string, detail: NoticeDetail = {}, deadline?: string): NoticeEvent {
  return { kind, forumId: meeting.forumId, meetingId: meeting.id, at, occurrence, deadline: deadline ?? meetingStart(meeting), detail };
}

export type NoticeDeps = {
  read: <T>(fn: (uow: { registry: Pick<RegistryStore, 'getForum' | 'listMemberships'>; meetings: { getMeeting(id: string): Promise<Meeting | undefined> } }) => Promise<T>) => Promise<T>;
  sink: NoticeSink;
  clock: { now(): Date };
};

export type NoticeRunResult = { key: string; recipients: number; newDeliveries: number; skipped?: string };

/**
 * The job. Recipients: everyone with a membership of the forum active on the
 * meeting's date (today for a forum notice), whatever the role (guests and
 * observers are told too; the dispatcher picks Teams or e-mail per person).
 */
export async function runNotice(deps: NoticeDeps, job: NoticeJob): Promise<NoticeRunResult> {
  const e = job.event;
  const key = noticeKey(e);
  const recipients = await deps.read(async (uow) => {
    const forum = await uow.registry.getForum(e.forumId);
    if (!forum) return undefined;
    let day = todayOf(deps.clock.now());
    // An ended forum (past its last day) gets no card or post any more.
    if (forumEndedBy(forum, day)) return 'ended' as const;
    if (e.meetingId) {
      const m = await uow.meetings.getMeeting(e.meetingId);
      if (!m) return undefined;
      day = m.date;
    }
    const memberships = await uow.registry.listMemberships({ forumId: e.forumId });
    const secretariatOnly = e.detail?.audience === 'secretariat';
    // A notice to one member (their Outlook decline recorded) reaches them while a member on the day.
    const onlyPerson = e.detail?.audience === 'person' ? (e.detail.personId ?? '') : undefined;
    return memberships
      .filter((m) => isActiveOn(m, day) && (!secretariatOnly || secretariatRoles.includes(m.role)) && (onlyPerson === undefined || m.personId === onlyPerson))
      .map((m) => m.personId);
  });
  if (!recipients) return { key, recipients: 0, newDeliveries: 0, skipped: 'the forum or meeting no longer exists' };
  if (recipients === 'ended') return { key, recipients: 0, newDeliveries: 0, skipped: 'the forum has ended' };
  const reminders = noticeReminders(e, recipients);
  const newDeliveries = await deps.sink.enqueue(reminders);
  if (newDeliveries) await deps.sink.deliverSoon();
  return { key, recipients: new Set(recipients).size, newDeliveries };
}
