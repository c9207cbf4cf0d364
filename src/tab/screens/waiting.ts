/**
 * "Venter på mig" and "Møder, du ikke har svaret på" must never disagree: a meeting
 * the overview lists as unanswered is something that waits on the member, so it is
 * in the waiting list too (the server's list may leave it out, e.g. a meeting of a
 * forum the reminder plan does not cover for this person). Pure: the current instant is given.
 */
import type { WaitingItemResponse } from '../../contracts/meetings.contract.js';
import type { ForumRef, Meeting } from './shared.js';
import { formatDate, formatInstant, type Lang } from '../i18n.js';
import { copenhagenDate, copenhagenInstant, daysBetween } from './timeline.js';

/** Unanswered meetings this many days ahead wait on the member (src/usecases/meetings/waiting.usecase.ts, UNANSWERED_DAYS). */
export const UNANSWERED_DAYS = 60;

export function withUnanswered(items: readonly WaitingItemResponse[], unanswered: readonly { meeting: Meeting; forum: ForumRef | null }[], now: number): WaitingItemResponse[] {
  const listed = new Set(items.filter((w) => w.kind === 'unanswered' && w.meetingId).map((w) => w.meetingId));
  const today = copenhagenDate(now);
  const added: WaitingItemResponse[] = unanswered
    .filter((u) => !listed.has(u.meeting.id) && u.meeting.status === 'planned')
    .map(({ meeting: m, forum }): WaitingItemResponse => {
      const deadline = copenhagenInstant(m.date, m.start);
      return {
        kind: 'unanswered', as: 'member', forumId: m.forumId, forumName: forum?.name ?? m.forumId, meetingId: m.id, meetingDate: m.date, meetingKind: m.kind,
        ...(m.title ? { title: m.title } : {}), deadline, late: false, days: Math.max(0, daysBetween(today, m.date)),
      };
    })
    // As the server lists them: the next 60 days (further out, the overview says how many wait for an answer).
    .filter((w) => Date.parse(w.deadline) > now && w.days <= UNANSWERED_DAYS);
  // The server's order (late first, then by deadline) with the added ones by deadline among the not-late.
  return [...items, ...added].sort((a, b) => Number(b.late) - Number(a.late) || (a.late ? b.days - a.days : 0) || a.deadline.localeCompare(b.deadline));
}

/**
 * "Møder, jeg ikke har svaret på" beside "Mine næste møder": a meeting already listed
 * among my next meetings (with its answer buttons and an "Ikke svaret" badge) is counted
 * there, not listed a second time; the card lists only the later ones.
 */
export function splitUnanswered<U extends { meeting: { id: string } }>(unanswered: readonly U[], nextMeetingIds: readonly string[]): { above: number; later: U[] } {
  const shown = new Set(nextMeetingIds);
  const later = unanswered.filter((u) => !shown.has(u.meeting.id));
  return { above: unanswered.length - later.length, later };
}

/**
 * Duties that fall on a day, not at a time of day: a chair hand-over takes effect on
 * its date (the planner puts the instant at midnight) and a task is due on its date
 * (the planner puts the instant at the end of the working day). Showing "kl. 00.00"
 * or a default hour would state a time nobody set.
 */
const DAY_KINDS: ReadonlySet<WaitingItemResponse['kind']> = new Set(['chair_handover', 'task_due']);

/** When a waiting item is due, as the overview says it: the date alone for a day's duty, else date and time (Copenhagen). */
export function waitingWhen(w: Pick<WaitingItemResponse, 'kind' | 'deadline'>, lang: Lang): string {
  return DAY_KINDS.has(w.kind) ? formatDate(copenhagenDate(Date.parse(w.deadline)), lang) : formatInstant(w.deadline, lang);
}
