/**
 * Turns the store's state into the rules engine's reminder plan (planReminders is
 * pure; this loads its input) and hands the plan to the dispatcher.
 *
 * What it does: loads forums, terms, memberships, meetings (from 60 days back to
 * 400 days ahead), open tasks, minutes states and attendance answers (all meetings
 * in one query); plans with `now` from the clock; then reads the (key, recipient)
 * pairs that already have a delivery row, only for the keys this plan contains (not
 * every row ever written), drops them and enqueues what is new. A delivery row of
 * any state counts as planned, and the (key, recipient) unique index makes a
 * concurrent double run, or a delivered key the read missed, harmless too.
 *
 * Only reminders due within `horizonMs` (default 10 minutes; the job runs every 5)
 * become deliveries: the rest are planned again next time from the state as it is
 * then, so a member who answers in the meantime gets no "your answer is missing".
 *
 * What it does not do yet: cancel a delivery that became pending and then lost
 * its reason within that horizon (it is sent unless its subject is gone).
 */
import { addDays } from '../../domain/calendar/working-day.calendar.js';
import type { PlannedReminder } from '../../domain/reminders/reminder.model.js';
import { buildReminderPlan, markDelivered, planOf, type ReminderPlanInput } from '../../domain/reminders/reminder.planner.js';
import type { Attendance, Minutes } from '../../domain/meetings/meeting.model.js';
import type { TermsOfReference } from '../../domain/registry/registry.model.js';
import { minutesOf } from '../meetings/meeting-snapshot.js';
import { todayOf, type WorkflowUnitOfWork } from '../meetings/workflow.context.js';
import { regionCalendars } from '../region-calendar.js';

export type PlanScope = {
  /** Only these forums (the person's, for "my deadlines"); all forums when absent. */
  forumIds?: string[];
  /** Extra tasks' assignee (tasks assigned to this person in any forum). */
  assigneePersonId?: string;
};

/** The planner's input as the store holds it at `now` (delivered left empty: the caller decides). */
export async function loadPlanInput(uow: WorkflowUnitOfWork, now: Date, scope: PlanScope = {}): Promise<ReminderPlanInput> {
  const today = todayOf(now);
  const allForums = await uow.registry.listForums();
  const scoped = scope.forumIds ? allForums.filter((f) => scope.forumIds!.includes(f.id)) : allForums;
  const scopedIds = scoped.map((f) => f.id);
  // Scoped to a person's forums: with the joint meetings and theme days other forums hold with them (their members are
  // invited too), and those hosts' terms so the meetings keep their host's deadlines; not the hosts' memberships, so
  // nothing of the host's own is planned for anyone outside the scope.
  const meetings = await uow.meetings.listMeetings({ ...(scope.forumIds ? { forumIds: scopedIds, withJoint: true } : {}), from: addDays(today, -60), to: addDays(today, 400) });
  const hostIds = new Set(meetings.map((m) => m.forumId));
  const forums = scope.forumIds ? allForums.filter((f) => scopedIds.includes(f.id) || hostIds.has(f.id)) : allForums;
  const forumIds = scopedIds;
  const terms: TermsOfReference[] = [];
  for (const f of forums) terms.push(...(await uow.registry.listTerms(f.id)));
  const memberships = (await uow.registry.listMemberships()).filter((m) => !scope.forumIds || forumIds.includes(m.forumId));
  const openTasks = await uow.meetings.listTasks({ ...(scope.forumIds ? { forumIds } : {}), status: 'open' });
  const tasks = scope.assigneePersonId
    ? [...new Map([...openTasks, ...(await uow.meetings.listTasks({ assigneePersonId: scope.assigneePersonId, status: 'open' }))].map((t) => [t.id, t])).values()]
    : openTasks;
  const meetingIds = meetings.map((m) => m.id);
  const minutes: Minutes[] = (await uow.workflow.listStates(meetingIds)).map(minutesOf);
  const attendance: Attendance[] = await uow.workflow.listAttendanceOfMeetings(meetingIds);
  // Every region's closed days: the planner builds each forum's calendar from its region's.
  const closedDaysByRegion = (await regionCalendars(uow.closedDays)).byRegion;
  const forumKinds = await uow.registry.listForumKinds();
  return { forums, terms, forumKinds, memberships, meetings, tasks, minutes, attendance, closedDaysByRegion, delivered: [], now: now.toISOString() };
}

export type ReminderPlanDeps = {
  transact: <T>(fn: (uow: WorkflowUnitOfWork) => Promise<T>) => Promise<T>;
  clock: { now(): Date };
  /**
   * The (key, recipient) pairs with a delivery row among these reminder keys (the
   * plan's own keys: a delivered key the planner no longer produces cannot change
   * the plan, so the ever-growing rest is never read).
   */
  delivered(keys: readonly string[]): Promise<{ key: string; recipientId: string }[]>;
  enqueue(reminders: readonly PlannedReminder[]): Promise<number>;
  horizonMs?: number;
};

/** planned: reminders still to come; due: those within the horizon; newDeliveries: rows created. */
export type PlanRunResult = { planned: number; due: number; newDeliveries: number; now: string };

export async function runReminderPlan(deps: ReminderPlanDeps): Promise<PlanRunResult> {
  const now = deps.clock.now();
  const input = await deps.transact((uow) => loadPlanInput(uow, now));
  const until = now.getTime() + (deps.horizonMs ?? 10 * 60_000);
  // Plan without deliveries, then drop the delivered pairs among the plan's keys: the same
  // plan as planReminders with every delivery (markDelivered's contract), reading only those keys.
  const undelivered = buildReminderPlan({ ...input, delivered: [] });
  const keys = [...new Set(planOf(undelivered).map((r) => r.key))];
  const plan = planOf(markDelivered(undelivered, keys.length ? await deps.delivered(keys) : []));
  const due = plan.filter((r) => Date.parse(r.sendAt) <= until);
  const newDeliveries = due.length ? await deps.enqueue(due) : 0;
  return { planned: plan.length, due: due.length, newDeliveries, now: now.toISOString() };
}
