/**
 * The meeting timeline's steps, from the meeting view and the current instant: which
 * duties are done (by an action, or by time for the time points), which are late and
 * by how many days (Copenhagen calendar days), which comes next. A date in the future
 * is never shown as passed: a step done early is "done", not "passed".
 */
import type { MeetingView } from './meeting.types.js';

export type StepState = 'passed' | 'done' | 'overdue' | 'next' | 'upcoming' | 'none' | 'cancelled';
/** `reason`: only on the cancellation step (key "cancelled"), when the secretariat gave one. */
/** `ruleDefault`: the step's date comes from a rule the forum's terms do not state (a default awaiting acceptance). */
export type TimelineStep = { key: string; at: string; state: StepState; daysLate?: number; note?: 'projected' | 'afterMinutes' | 'approvedHow'; reason?: string; ruleDefault?: true };

/** A local Copenhagen date (YYYY-MM-DD) of an instant. */
export function copenhagenDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10))) / 86_400_000);
}

/** A local Copenhagen date and time as a UTC instant (the offset found through Intl, so summer time is right). */
export function copenhagenInstant(date: string, time: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(guess));
  const get = (k: string) => Number(parts.find((p) => p.type === k)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (local - guess)).toISOString();
}

type Raw = { key: string; at: string; done: boolean; duty: boolean; note?: TimelineStep['note']; ruleDefault?: boolean };

/** What the timeline reads of the meeting page (MeetingView), no more. */
/** Whole Copenhagen days from a duty's instant to now (0 on the day itself): the meeting's timeline and the year list count alike. */
export function daysLate(at: string, now: number): number {
  return Math.max(0, daysBetween(copenhagenDate(Date.parse(at)), copenhagenDate(now)));
}

export type TimelineInput = {
  meeting: Pick<MeetingView['meeting'], 'date' | 'start' | 'agendaSentAt'> & { status: string; cancelledReason?: string | undefined };
  deadlines?: Partial<Record<'itemsCutoff' | 'agendaDue' | 'minutesDue' | 'commentWindowCloses', { at: string; fromDefault?: true | undefined }>> & { tacitApproval?: boolean; tacitApprovalFromDefault?: true | undefined };
  minutes: Pick<MeetingView['minutes'], 'sentAt' | 'windowClosesAt' | 'approvedAt' | 'publishedAt'> & { approvedHow: string | null };
};

export function timelineSteps(view: TimelineInput, now: number): TimelineStep[] {
  const { deadlines: d, minutes: mi, meeting: m } = view;
  const cancelled = m.status === 'cancelled';
  const passed = (at: string | null | undefined) => Boolean(at) && now >= Date.parse(at!);
  const start = copenhagenInstant(m.date, m.start);
  // Until the minutes are sent the window's close is only expected; once that expected date has passed
  // (the minutes are late) it says nothing true: the window opens when the minutes go out, so no date is shown.
  const projected = !mi.windowClosesAt && !mi.approvedAt;
  const expiredGuess = projected && passed(d?.commentWindowCloses?.at);
  const closes = mi.windowClosesAt ?? (expiredGuess ? '' : (d?.commentWindowCloses?.at ?? ''));
  const guessNote = projected ? (expiredGuess ? 'afterMinutes' : 'projected') : undefined;
  const raw: Raw[] = [
    { key: 'items_cutoff', at: d?.itemsCutoff?.at ?? '', done: passed(d?.itemsCutoff?.at), duty: false, ruleDefault: Boolean(d?.itemsCutoff?.fromDefault) },
    { key: 'agenda_due', at: m.agendaSentAt ?? d?.agendaDue?.at ?? '', done: Boolean(m.agendaSentAt), duty: true, ruleDefault: !m.agendaSentAt && Boolean(d?.agendaDue?.fromDefault) },
    { key: 'meeting', at: start, done: passed(start), duty: false },
    { key: 'minutes_due', at: mi.sentAt ?? d?.minutesDue?.at ?? '', done: Boolean(mi.sentAt), duty: true, ruleDefault: !mi.sentAt && Boolean(d?.minutesDue?.fromDefault) },
    // Approval ends the window: approved early (or recorded as history) it is done, never "next".
    { key: 'comment_window_closes', at: closes, done: (Boolean(mi.windowClosesAt) && passed(mi.windowClosesAt)) || Boolean(mi.approvedAt), duty: false, note: guessNote, ruleDefault: !mi.windowClosesAt && !mi.approvedAt && Boolean(closes) && Boolean(d?.commentWindowCloses?.fromDefault) },
    // Tacit approval still to come, by a rule the terms do not state: the expected approval is a default too.
    { key: 'approval', at: mi.approvedAt ?? closes, done: Boolean(mi.approvedAt), duty: false, note: mi.approvedHow ? 'approvedHow' : guessNote, ruleDefault: !mi.approvedAt && Boolean(closes) && Boolean(d?.tacitApproval) && Boolean(d?.tacitApprovalFromDefault) },
    { key: 'publication', at: mi.publishedAt ?? '', done: Boolean(mi.publishedAt), duty: false },
  ];
  // A cancelled meeting: only what actually happened (e.g. the agenda sent) stays; the deadlines that no longer
  // apply are gone, and the meeting's own step is the cancellation, with its reason.
  if (cancelled) {
    const happened = raw.filter((r) => r.key !== 'meeting' && r.key !== 'items_cutoff' && r.done && passed(r.at)).map((r): TimelineStep => ({ key: r.key, at: r.at, state: 'done' }));
    const step: TimelineStep = { key: 'cancelled', at: start, state: 'cancelled', ...(m.cancelledReason ? { reason: m.cancelledReason } : {}) };
    return [...happened.filter((r) => r.key === 'agenda_due'), step, ...happened.filter((r) => r.key !== 'agenda_due')];
  }
  let nextFound = false;
  const stepOf = (r: Raw): TimelineStep => {
    if (r.done) return { key: r.key, at: r.at, state: passed(r.at) ? (r.duty || r.key === 'approval' || r.key === 'publication' ? 'done' : 'passed') : 'done', ...(r.note ? { note: r.note } : {}) };
    const isNext = !nextFound;
    nextFound = true;
    if (r.duty && r.at && passed(r.at)) return { key: r.key, at: r.at, state: 'overdue', daysLate: daysLate(r.at, now), ...(r.note ? { note: r.note } : {}) };
    return { key: r.key, at: r.at, state: isNext ? 'next' : 'upcoming', ...(r.note ? { note: r.note } : {}) };
  };
  // A date from a rule the terms do not state says so (the same mark as in the lists and the year).
  return raw.map((r): TimelineStep => ({ ...stepOf(r), ...(r.ruleDefault ? { ruleDefault: true as const } : {}) }));
}
