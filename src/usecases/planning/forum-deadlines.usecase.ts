/**
 * A forum's deadlines in a period (default: from today and a year on): every
 * deadline of its meetings, computed from the meeting and the terms, marked done
 * when the agenda or the minutes were actually sent.
 */
import { addDays, type WorkingDayCalendar } from '../../domain/calendar/working-day.calendar.js';
import { calendarOfRegion } from '../region-calendar.js';
import { deadlineLabels, type DeadlineKind } from '../../domain/deadlines/meeting.deadlines.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { TermsOfReference } from '../../domain/registry/registry.model.js';
import { invalid } from '../use-case.errors.js';
import { deadlinesOf, kindOfForum, requireForum, todayOf, type PlanningDeps } from './planning.shared.js';
import type { ForumKindDef } from '../../domain/registry/forum-kind.model.js';

export type DeadlineItem = {
  kind: DeadlineKind | 'task_due';
  title: string;
  date: string;
  at?: string;
  forumId: string;
  meetingId?: string;
  meetingDate?: string;
  taskId?: string;
  adjustedBecause?: string;
  projected?: boolean;
  /** The forum's terms do not state this rule: a default awaiting the secretariat's acceptance. */
  fromDefault?: true;
  done: boolean;
};

export type Period = { from?: string | undefined; to?: string | undefined };

/** Deadlines sit up to a few weeks from their meeting: load meetings this far beyond the period. */
const MARGIN_DAYS = 90;

export function resolvePeriod(period: Period, today: string): { from: string; to: string } {
  const from = period.from ?? today;
  const to = period.to ?? addDays(from, 365);
  if (to < from) throw invalid('to', 'must not be before from', '"til" må ikke ligge før "fra"');
  return { from, to };
}

export const meetingRange = (p: { from: string; to: string }) => ({ from: addDays(p.from, -MARGIN_DAYS), to: addDays(p.to, MARGIN_DAYS) });

/** `cal`: the calendar of the meetings' forum's region; `forumKind`: that forum's kind (its default rules). */
export function deadlineItems(meetings: readonly Meeting[], terms: readonly TermsOfReference[], p: { from: string; to: string }, cal: WorkingDayCalendar, kinds?: ReadonlySet<DeadlineKind>, forumKind?: ForumKindDef): DeadlineItem[] {
  const out: DeadlineItem[] = [];
  for (const m of meetings) {
    const d = deadlinesOf(m, terms, cal, forumKind);
    if (!d) continue;
    const pairs: [DeadlineKind, (typeof d)['agendaDue'], boolean][] = [
      ['items_cutoff', d.itemsCutoff, Boolean(m.agendaSentAt)],
      ['agenda_due', d.agendaDue, Boolean(m.agendaSentAt)],
      ['minutes_due', d.minutesDue, Boolean(m.minutesSentAt)],
      ['comment_window_closes', d.commentWindowCloses, false],
    ];
    for (const [kind, v, done] of pairs) {
      if (kinds && !kinds.has(kind)) continue;
      if (v.date < p.from || v.date > p.to) continue;
      out.push({
        kind,
        title: deadlineLabels[kind].da,
        date: v.date,
        at: v.at,
        forumId: m.forumId,
        meetingId: m.id,
        meetingDate: m.date,
        ...(v.adjustedBecause ? { adjustedBecause: v.adjustedBecause } : {}),
        ...(v.projected ? { projected: true } : {}),
        ...(v.fromDefault ? { fromDefault: true as const } : {}),
        done,
      });
    }
  }
  return out;
}

export const byTime = (a: DeadlineItem, b: DeadlineItem) => (a.at ?? `${a.date}T23:59`).localeCompare(b.at ?? `${b.date}T23:59`) || a.forumId.localeCompare(b.forumId);

export async function forumDeadlines(deps: PlanningDeps, forumId: string, period: Period = {}): Promise<{ forumId: string; from: string; to: string; deadlines: DeadlineItem[] }> {
  const p = resolvePeriod(period, todayOf(deps.clock));
  return deps.transact(async (uow) => {
    const forum = await requireForum(uow, forumId);
    const meetings = await uow.meetings.listMeetings({ forumIds: [forumId], ...meetingRange(p) });
    const terms = await uow.registry.listTerms(forumId);
    const cal = await calendarOfRegion(uow.closedDays, forum.region);
    return { forumId, ...p, deadlines: deadlineItems(meetings, terms, p, cal, undefined, await kindOfForum(uow, forum)).sort(byTime) };
  });
}
