/**
 * Turns the store's state into the rules engine's reminder plan (planReminders is
 * pure; this loads its input) and hands the plan to the dispatcher.
 *
 * What it does: loads forums, terms, memberships, meetings (from 60 days back to
 * 400 days ahead), open tasks, minutes states and attendance answers, plus every
 * (key, recipient) that already has a delivery row; plans with `now` from the
 * clock; enqueues what is new. A delivery row of any state counts as planned, and
 * the (key, recipient) unique index makes a concurrent double run harmless too.
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
import { planReminders, type ReminderPlanInput } from '../../domain/reminders/reminder.planner.js';
import type { Attendance, Minutes } from '../../domain/meetings/meeting.model.js';
import type { TermsOfReference } from '../../domain/registry/registry.model.js';
import { minutesOf } from '../meetings/meeting-snapshot.js';
import { todayOf, type WorkflowUnitOfWork } from '../meetings/workflow.context.js';

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
  const forums = scope.forumIds ? allForums.filter((f) => scope.forumIds!.includes(f.id)) : allForums;
  const forumIds = forums.map((f) => f.id);
  const terms: TermsOfReference[] = [];
  for (const f of forums) terms.push(...(await uow.registry.listTerms(f.id)));
  const memberships = (await uow.registry.listMemberships()).filter((m) => !scope.forumIds || forumIds.includes(m.forumId));
  const meetings = await uow.meetings.listMeetings({ ...(scope.forumIds ? { forumIds } : {}), from: addDays(today, -60), to: addDays(today, 400) });
  const openTasks = await uow.meetings.listTasks({ ...(scope.forumIds ? { forumIds } : {}), status: 'open' });
  const tasks = scope.assigneePersonId
    ? [...new Map([...openTasks, ...(await uow.meetings.listTasks({ assigneePersonId: scope.assigneePersonId, status: 'open' }))].map((t) => [t.id, t])).values()]
    : openTasks;
  const meetingIds = meetings.map((m) => m.id);
  const minutes: Minutes[] = (await uow.workflow.listStates(meetingIds)).map(minutesOf);
  const attendance: Attendance[] = [];
  for (const id of meetingIds) attendance.push(...(await uow.workflow.listAttendance(id)));
  return { forums, terms, memberships, meetings, tasks, minutes, attendance, delivered: [], now: now.toISOString() };
}

export type ReminderPlanDeps = {
  transact: <T>(fn: (uow: WorkflowUnitOfWork) => Promise<T>) => Promise<T>;
  clock: { now(): Date };
  delivered(): Promise<{ key: string; recipientId: string }[]>;
  enqueue(reminders: readonly PlannedReminder[]): Promise<number>;
  horizonMs?: number;
};

/** planned: reminders still to come; due: those within the horizon; newDeliveries: rows created. */
export type PlanRunResult = { planned: number; due: number; newDeliveries: number; now: string };

export async function runReminderPlan(deps: ReminderPlanDeps): Promise<PlanRunResult> {
  const now = deps.clock.now();
  const input = await deps.transact((uow) => loadPlanInput(uow, now));
  const until = now.getTime() + (deps.horizonMs ?? 10 * 60_000);
  const plan = planReminders({ ...input, delivered: await deps.delivered() });
  const due = plan.filter((r) => Date.parse(r.sendAt) <= until);
  const newDeliveries = due.length ? await deps.enqueue(due) : 0;
  return { planned: plan.length, due: due.length, newDeliveries, now: now.toISOString() };
}
