/**
 * What the planning use cases share: their dependencies, the access check for
 * writes (the forum's secretariat or the secretariat of a forum above it), the
 * time-zone calendar, and a meeting's deadlines as the API shows them (always
 * with the forum's region's calendar: `calendarOfRegion`).
 */
import { JOB, type JobName, type JobPayload } from '../ports/jobs.port.js';
import { access, type AccessContext } from '../../domain/access/access.policy.js';
import { WorkingDayCalendar, localToday } from '../../domain/calendar/working-day.calendar.js';
import { deadlineRuleSources } from '../../domain/deadlines/meeting.deadlines.js';
import { deadlinesOf as meetingPageDeadlines } from '../meetings/workflow.context.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { Forum, TermsOfReference } from '../../domain/registry/registry.model.js';
import type { PlanningTransact, PlanningUnitOfWork } from '../ports/planning.port.js';
import type { Actor, Clock, IdGenerator } from '../ports/store.port.js';
import { forbidden, invalid, notFound, UseCaseError } from '../use-case.errors.js';
import { termsForYear, type DeadlineView } from '../year-of-duties.usecase.js';

export type PlanningDeps = { transact: PlanningTransact; clock: Clock; ids: IdGenerator };

/** Today's local date in Denmark (the domain calendar's `localToday`). */
export const todayOf = (clock: Clock): string => localToday(clock);

export function checkYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw invalid(field, `must be a whole year between 2000 and 2100, got ${year}`, 'Året skal være mellem 2000 og 2100');
  }
}

export async function requireForum(uow: PlanningUnitOfWork, forumId: string): Promise<Forum> {
  const forum = await uow.registry.getForum(forumId);
  if (!forum) throw notFound('forum', forumId);
  return forum;
}

export async function accessContext(uow: PlanningUnitOfWork, personId: string, today: string): Promise<AccessContext> {
  const [memberships, forums, platformRoles] = [await uow.registry.listMemberships({ personId }), await uow.registry.listForums(), await uow.registry.listPlatformRoles(personId)];
  return { personId, memberships, forumsById: new Map(forums.map((f) => [f.id, f])), today, platformRoles };
}

/** Writes to a forum's meetings: its secretariat, or the secretariat of a forum above it. */
export async function requireSecretariat(uow: PlanningUnitOfWork, actor: Actor, forumId: string, today: string, what: string, whatDa: string): Promise<string> {
  if (!actor.personId) {
    throw new UseCaseError('unauthenticated', `Sign in to ${what}`, [], `Log ind for at ${whatDa}`);
  }
  if (!access.canAdministerForum(await accessContext(uow, actor.personId, today), forumId)) {
    throw forbidden(`Only the forum's secretariat may ${what}`, `Kun forummets sekretariat må ${whatDa}`);
  }
  return actor.personId;
}

export type MeetingDeadlineViews = { itemsCutoff: DeadlineView; agendaDue: DeadlineView; minutesDue: DeadlineView; commentWindowCloses: DeadlineView };

const view = (d: { date: string; at: string; nominalDate: string; adjustedBecause?: string; projected?: boolean }, fromDefault = false): DeadlineView => ({
  date: d.date,
  at: d.at,
  nominalDate: d.nominalDate,
  ...(d.adjustedBecause ? { adjustedBecause: d.adjustedBecause } : {}),
  ...(d.projected ? { projected: true } : {}),
  ...(fromDefault ? { fromDefault: true as const } : {}),
});

/**
 * The deadlines of a meeting under the terms in force in its year: its host forum's (`meeting.forumId`), whatever its
 * kind (a joint meeting or theme day has the host's deadlines, as on its page and in the reminders), and none once
 * cancelled. Computed by the meeting page's own function (`deadlinesOf` of workflow.context), so the two never differ.
 * `allTerms`: the host forum's terms (others are ignored).
 */
export function deadlinesOf(meeting: Meeting, allTerms: readonly TermsOfReference[], cal: WorkingDayCalendar): MeetingDeadlineViews | undefined {
  if (meeting.status === 'cancelled') return undefined;
  const terms = termsForYear(allTerms, meeting.forumId, Number(meeting.date.slice(0, 4)));
  const d = meetingPageDeadlines(meeting, terms, cal);
  const src = deadlineRuleSources(terms?.deadlines);
  return {
    itemsCutoff: view(d.itemsCutoff, src.items_cutoff === 'default'),
    agendaDue: view(d.agendaDue, src.agenda_due === 'default'),
    minutesDue: view(d.minutesDue, src.minutes_due === 'default'),
    commentWindowCloses: view(d.commentWindowCloses, src.comment_window_closes === 'default'),
  };
}

export type MeetingView = Meeting & { deadlines?: MeetingDeadlineViews };

/** `cal`: the calendar of the meeting's forum's region (`calendarOfRegion`). */
export const withDeadlines = (m: Meeting, terms: readonly TermsOfReference[], cal: WorkingDayCalendar): MeetingView => {
  const d = deadlinesOf(m, terms, cal);
  return d ? { ...m, deadlines: d } : { ...m };
};

export const MEETING_SYNC_QUEUE = JOB.meetingSync satisfies JobName;
/** What the planning use cases enqueue: the same payload the meeting-sync handler reads (the job catalogue). */
export type MeetingSyncJob = JobPayload<typeof JOB.meetingSync>;
