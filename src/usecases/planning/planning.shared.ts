/**
 * What the planning use cases share: their dependencies, the access check for
 * writes (the forum's secretariat or the secretariat of a forum above it), the
 * time-zone calendar, and a meeting's deadlines as the API shows them (always
 * with the forum's region's calendar: `calendarOfRegion`).
 */
import { JOB, type JobName, type JobPayload } from '../ports/jobs.port.js';
import { access, type AccessContext } from '../../domain/access/access.policy.js';
import { WorkingDayCalendar, localToday } from '../../domain/calendar/working-day.calendar.js';
import { meetingRules } from '../../domain/deadlines/meeting.rules.js';
import type { ForumKindDef } from '../../domain/registry/forum-kind.model.js';
import { deadlinesOf as meetingPageDeadlines } from '../meetings/workflow.context.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { Forum, TermsOfReference } from '../../domain/registry/registry.model.js';
import type { PlanningTransact, PlanningUnitOfWork } from '../ports/planning.port.js';
import type { Actor, Clock, IdGenerator } from '../ports/store.port.js';
import { forbidden, invalid, notFound, UseCaseError } from '../use-case.errors.js';
import type { DeadlineView } from '../year-of-duties.usecase.js';

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

const view = (d: { date: string; at: string; nominalDate: string; adjustedBecause?: string; projected?: boolean; fromDefault?: true }): DeadlineView => ({
  date: d.date,
  at: d.at,
  nominalDate: d.nominalDate,
  ...(d.adjustedBecause ? { adjustedBecause: d.adjustedBecause } : {}),
  ...(d.projected ? { projected: true } : {}),
  ...(d.fromDefault ? { fromDefault: true as const } : {}),
});

/**
 * The deadlines of a meeting by the one rule of every view and the reminder planner (`meetingRules`): its host
 * forum's (`meeting.forumId`) terms in force in the meeting's year, with the forum kind's defaults where the terms
 * leave a rule unset (each such deadline marked `fromDefault`), whatever the meeting's kind (a joint meeting or theme
 * day has the host's deadlines, as on its page and in the reminders), and none once cancelled. Computed by the meeting
 * page's own function (`deadlinesOf` of workflow.context), so the two never differ.
 * `allTerms`: the host forum's terms (others are ignored); `kind`: the host forum's kind from the catalogue.
 */
export function deadlinesOf(meeting: Meeting, allTerms: readonly TermsOfReference[], cal: WorkingDayCalendar, kind?: ForumKindDef): MeetingDeadlineViews | undefined {
  if (meeting.status === 'cancelled') return undefined;
  const d = meetingPageDeadlines(meeting, meetingRules(meeting, allTerms, kind), cal);
  return { itemsCutoff: view(d.itemsCutoff), agendaDue: view(d.agendaDue), minutesDue: view(d.minutesDue), commentWindowCloses: view(d.commentWindowCloses) };
}

/** The forum's kind from the catalogue (its default rules), for `deadlinesOf`. */
export const kindOfForum = (uow: PlanningUnitOfWork, forum: Pick<Forum, 'kind'>): Promise<ForumKindDef | undefined> => uow.registry.getForumKind(forum.kind);

export type MeetingView = Meeting & { deadlines?: MeetingDeadlineViews };

/** `cal`: the calendar of the meeting's forum's region (`calendarOfRegion`); `kind`: the forum's kind. */
export const withDeadlines = (m: Meeting, terms: readonly TermsOfReference[], cal: WorkingDayCalendar, kind?: ForumKindDef): MeetingView => {
  const d = deadlinesOf(m, terms, cal, kind);
  return d ? { ...m, deadlines: d } : { ...m };
};

export const MEETING_SYNC_QUEUE = JOB.meetingSync satisfies JobName;
/** What the planning use cases enqueue: the same payload the meeting-sync handler reads (the job catalogue). */
export type MeetingSyncJob = JobPayload<typeof JOB.meetingSync>;
