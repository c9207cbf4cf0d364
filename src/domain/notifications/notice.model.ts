/**
 * Notices: "something went out" messages (agenda sent or changed after sending,
 * minutes out for remarks, approved, corrected, a meeting moved or cancelled, a
 * chair hand-over). Unlike reminders they are not planned from deadlines: a use
 * case raises one when the thing happens, in its own transaction (the outbox), and
 * a job turns it into deliveries: one post in the forum's channel and one personal
 * message per member (a card in Teams, else an e-mail).
 *
 * Pure: the key of a notice is a function of the event (kind, subject, version or
 * revision), so a re-run of the job, or the same event raised twice, makes the
 * same deliveries, and the dispatcher's unique (key, recipient) sends each once.
 */
import type { PlannedReminder, ReminderKind } from '../reminders/reminder.model.js';

export const noticeKinds = [
  'agenda_sent',
  'agenda_changed',
  'comment_window_open',
  'minutes_approved',
  'minutes_corrected',
  'meeting_moved',
  'meeting_cancelled',
  'chair_handover',
  'outlook_meeting_created',
  'document_withheld',
  'outlook_decline_recorded',
] as const satisfies readonly ReminderKind[];
export type NoticeKind = (typeof noticeKinds)[number];

/** What a notice says besides its subject: the version sent, the reason given, where a meeting moved from. */
export type NoticeDetail = {
  /** The agenda or minutes version the notice is about. */
  version?: number;
  /** The reason given (move, cancel, correction, an early approval). */
  reason?: string;
  /** Minutes approved explicitly or tacitly. */
  how?: 'explicit' | 'tacit';
  /** A moved meeting's old date and times. */
  from?: { date: string; start: string; end: string };
  /** A chair hand-over: the organisation taking over and the date. */
  handover?: { date: string; organisationName?: string };
  /** Which documents the notice carries (the card and the mail link them). */
  documents?: ('agenda' | 'minutes')[];
  /** Where the change came from: Samraad, or Outlook (a move or cancel made there). */
  via?: 'samraad' | 'outlook';
  /**
   * Who is told: the forum's secretariat only (no channel post), e.g. a meeting made in
   * Outlook that the secretariat confirms or rejects; or one member (`personId`, no
   * channel post). Default: the channel and every member.
   */
  audience?: 'secretariat' | 'person';
  /** With `audience: 'person'`: the one member told (no channel post), e.g. whose Outlook decline was recorded. */
  personId?: string;
  /**
   * Only as a Teams card: people the bot cannot reach in Teams are told otherwise (the
   * secretariat's e-mail of a meeting made in Outlook), so the dispatcher sends no e-mail.
   */
  teamsOnly?: boolean;
  /** The Outlook calendar (mailbox) a meeting was made in. */
  mailbox?: string;
};

/** The event as a use case raises it (the job's data). */
export type NoticeEvent = {
  kind: NoticeKind;
  forumId: string;
  meetingId?: string;
  /** When it happened (ISO instant). */
  at: string;
  /**
   * What makes this event one of its kind: the version (agenda, minutes) or the
   * meeting revision (move, cancel), or the hand-over date. Part of the key.
   */
  occurrence: string;
  /** For the card's deadline line: the meeting's start, the window's close, the hand-over. */
  deadline: string;
  detail?: NoticeDetail;
};

/** The stable idempotency key of a notice: one per event, whatever the number of runs. */
export function noticeKey(e: Pick<NoticeEvent, 'kind' | 'forumId' | 'meetingId' | 'occurrence'>): string {
  const subject = e.meetingId ? `m:${e.meetingId}` : `f:${e.forumId}`;
  return `notice|${e.kind}|${subject}|${e.occurrence}`;
}

export type NoticeReminder = PlannedReminder & { notice: NoticeDetail & { at: string } };

export function isNotice(r: Pick<PlannedReminder, 'key'>): boolean {
  return r.key.startsWith('notice|');
}

/**
 * The deliveries of one notice as reminders for the dispatcher: a channel post and
 * one personal message per recipient (deduplicated, sorted), all under one key and
 * all to be sent at once.
 */
export function noticeReminders(e: NoticeEvent, recipientIds: readonly string[]): NoticeReminder[] {
  const key = noticeKey(e);
  const base = {
    key,
    kind: e.kind,
    forumId: e.forumId,
    ...(e.meetingId ? { meetingId: e.meetingId } : {}),
    deadline: e.deadline,
    sendAt: e.at,
    notice: { ...(e.detail ?? {}), at: e.at },
  };
  const people = [...new Set(recipientIds)].sort();
  const out: NoticeReminder[] = e.detail?.audience === 'secretariat' || e.detail?.audience === 'person' ? [] : [{ ...base, audience: 'channel', recipientIds: [] }];
  if (people.length) out.push({ ...base, audience: 'personal', recipientIds: people });
  return out;
}
