/**
 * The state a forum's year list shows beside a meeting's agenda and minutes dates: sent, or
 * late by how many days. Late only once the instant has passed (never before), never for a
 * cancelled meeting or one recorded afterwards as history (no workflow ran for it), and the
 * agenda only while the meeting is still ahead (once held, a missing agenda is no duty left).
 * Pure: the current instant is given.
 */
import { copenhagenDate, daysLate } from './timeline.js';

export type YearDutyMeeting = { date: string; status: string; historical?: boolean | undefined; agendaSentAt?: string | undefined; minutesSentAt?: string | undefined };
export type YearDutyState = { state: 'sent' } | { state: 'late'; days: number } | null;

export function yearDutyState(duty: 'agenda' | 'minutes', m: YearDutyMeeting, dueAt: string, now: number): YearDutyState {
  if (m.status === 'cancelled' || m.historical) return null;
  if (duty === 'agenda' ? m.agendaSentAt : m.minutesSentAt) return { state: 'sent' };
  const due = Date.parse(dueAt);
  if (!(now > due)) return null;
  if (duty === 'agenda' && (m.status !== 'planned' || copenhagenDate(now) > m.date)) return null;
  return { state: 'late', days: daysLate(dueAt, now) };
}

/** How many of a year's meetings have their agenda or minutes late now: the year list's note when another year is shown. */
export function meetingsWithLateDuties(meetings: readonly (YearDutyMeeting & { deadlines?: { agendaDue: { at: string }; minutesDue: { at: string } } | undefined })[], now: number): number {
  return meetings.filter((m) => m.deadlines && (yearDutyState('agenda', m, m.deadlines.agendaDue.at, now)?.state === 'late' || yearDutyState('minutes', m, m.deadlines.minutesDue.at, now)?.state === 'late')).length;
}
