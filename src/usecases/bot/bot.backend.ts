/**
 * BotBackend (src/usecases/ports/bot-backend.port.ts) on top of the store and the meeting workflow use
 * cases. The bot owns no rules: attendance, proposed items and remarks go through
 * the workflow use cases (they check membership, cut-offs and windows), and their
 * refusals become the bot's Refusal shapes. "My deadlines" is the rules engine's
 * reminder plan for the person's forums, read as a list of open deadlines.
 *
 * Tasks are closed through the workflow's task use case (tasks.usecase.ts), the
 * same one the tab uses.
 */
import type { AttendanceAnswer, Meeting, Task } from '../../domain/meetings/meeting.model.js';
import { isActiveOn, secretariatRoles, type Forum } from '../../domain/registry/registry.model.js';
import { addDays } from '../../domain/calendar/working-day.calendar.js';
import { planReminders } from '../../domain/reminders/reminder.planner.js';
import type { BotBackend, BotPerson, DeadlineSummary, MeetingSummary, Refusal, ReminderSubject, Result, TaskSummary } from '../ports/bot-backend.port.js';
import { reminderDateFromDefault } from '../../domain/deadlines/meeting.rules.js';
import type { Recipient, RecipientDirectory } from '../ports/deliveries.port.js';
import { UseCaseError } from '../use-case.errors.js';
import { calendarOfRegion } from '../region-calendar.js';
import { deadlinesOf, meetingStart, rulesOfMeeting, todayOf, type WorkflowTransact, type WorkflowUnitOfWork } from '../meetings/workflow.context.js';
import { loadPlanInput } from './reminder-plan.usecase.js';
import { taskUseCases } from '../meetings/tasks.usecase.js';

/** The workflow use cases the bot calls (attendanceUseCases, proposalUseCases, minutesUseCases). */
export type BotWorkflow = {
  answer(meetingId: string, input: { answer: AttendanceAnswer; substituteName?: string }, actor: { personId: string }): Promise<unknown>;
  propose(meetingId: string, input: { title: string; kind: 'discussion'; background: string }, actor: { personId: string }): Promise<{ id: string }>;
  remark(meetingId: string, input: { text: string }, actor: { personId: string }): Promise<{ id: string }>;
};

export type BotBackendDeps = {
  transact: WorkflowTransact;
  clock: { now(): Date };
  workflow: BotWorkflow;
  /** The secretariat's answer to a meeting made in Outlook (outlook-meeting.usecase.ts decideOutlookMeetingByCard); absent without the sync. */
  decideOutlookMeeting?: BotBackend['decideOutlookMeeting'];
  /** Where such a meeting stands, for the card's refresh (outlookDecisionForCard); absent without the sync. */
  outlookMeetingDecision?: BotBackend['outlookMeetingDecision'];
};

/** A use-case refusal as the bot words it. Other errors are not refusals and propagate. */
export function refusalOf(e: unknown): Refusal {
  if (!(e instanceof UseCaseError)) throw e;
  switch (e.kind) {
    case 'deadline_passed': {
      const deadline = typeof e.extra.deadline === 'string' ? e.extra.deadline : undefined;
      return deadline ? { refused: 'after_deadline', deadline } : { refused: 'invalid', reason: e.messageDa ?? e.message };
    }
    case 'not_found':
      return { refused: 'not_found' };
    case 'forbidden':
    case 'unauthenticated':
      return { refused: 'not_allowed' };
    default:
      return { refused: 'invalid', reason: e.messageDa ?? e.message };
  }
}

async function attempt<T extends object>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (e) {
    return { ok: false, ...refusalOf(e) };
  }
}

async function meetingSummary(uow: WorkflowUnitOfWork, m: Meeting, forum: Forum | undefined, personId: string | undefined, now: Date): Promise<MeetingSummary> {
  const host = forum ?? (await uow.registry.getForum(m.forumId));
  const state = await uow.workflow.getState(m.id);
  // The meeting's rules as on its page: its forum's terms in force in its year, with the kind's defaults.
  const d = deadlinesOf(m, await rulesOfMeeting(uow.registry, m, host), await calendarOfRegion(uow.closedDays, host?.region ?? ''), state.minutesSentAt);
  const mine = personId ? (await uow.workflow.attendanceOfPerson(personId, [m.id]))[0] : undefined;
  const s: MeetingSummary = {
    meetingId: m.id,
    forumId: m.forumId,
    forumName: forum?.name ?? m.forumId,
    date: m.date,
    start: m.start,
    end: m.end,
    online: m.online,
    status: m.status,
    myAnswer: mine?.answer ?? null,
    // Attendance can be changed until the meeting starts (attendance use case).
    answerDeadline: meetingStart(m),
    itemsCutoff: d.itemsCutoff.at,
  };
  if (m.title) s.title = m.title;
  if (m.location) s.location = m.location;
  if (mine?.substituteName) s.substituteName = mine.substituteName;
  if (state.minutesStatus === 'sent_for_remarks' && state.windowClosesAt && Date.parse(state.windowClosesAt) > now.getTime()) s.remarksUntil = state.windowClosesAt;
  return s;
}

function taskSummary(t: Task, forum: Forum | undefined): TaskSummary {
  return { taskId: t.id, forumName: forum?.name ?? t.forumId, title: t.title, dueOn: t.dueOn, status: t.status };
}

export function botBackend(deps: BotBackendDeps): BotBackend {
  const { transact, clock, workflow } = deps;
  const activeForumIds = async (uow: WorkflowUnitOfWork, personId: string, today: string) =>
    [...new Set((await uow.registry.listMemberships({ personId })).filter((m) => isActiveOn(m, today)).map((m) => m.forumId))];

  return {
    ...(deps.decideOutlookMeeting ? { decideOutlookMeeting: deps.decideOutlookMeeting } : {}),
    ...(deps.outlookMeetingDecision ? { outlookMeetingDecision: deps.outlookMeetingDecision } : {}),
    async personByAadObjectId(aadObjectId, tenantId): Promise<BotPerson | null> {
      return transact(async (uow) => {
        const p = await uow.registry.findPersonByEntra(tenantId, aadObjectId);
        return p ? { personId: p.id, displayName: p.name } : null;
      });
    },

    async nextMeeting(personId) {
      return transact(async (uow) => {
        const now = clock.now();
        const today = todayOf(now);
        const forumIds = await activeForumIds(uow, personId, today);
        const meetings = await uow.meetings.listMeetings({ forumIds, from: today, to: addDays(today, 400) });
        const next = meetings.find((m) => m.status !== 'cancelled' && Date.parse(meetingStart(m)) > now.getTime());
        if (!next) return null;
        return meetingSummary(uow, next, await uow.registry.getForum(next.forumId), personId, now);
      });
    },

    async myDeadlines(personId) {
      return transact(async (uow) => {
        const now = clock.now();
        const forumIds = await activeForumIds(uow, personId, todayOf(now));
        const input = await loadPlanInput(uow, now, { forumIds, assigneePersonId: personId });
        const forums = new Map((await uow.registry.listForums()).map((f) => [f.id, f]));
        const meetings = new Map(input.meetings.map((m) => [m.id, m]));
        const tasks = new Map(input.tasks.map((t) => [t.id, t]));
        const out: DeadlineSummary[] = [];
        for (const r of planReminders(input)) {
          if (r.audience !== 'personal' || !r.recipientIds.includes(personId)) continue;
          if (Date.parse(r.deadline) <= now.getTime()) continue;
          const d: DeadlineSummary = { kind: r.kind, forumName: forums.get(r.forumId)?.name ?? r.forumId, deadline: r.deadline };
          if (r.meetingId) {
            d.meetingId = r.meetingId;
            const m = meetings.get(r.meetingId);
            if (m) d.label = m.title ?? m.date;
          }
          if (r.taskId) {
            d.taskId = r.taskId;
            const t = tasks.get(r.taskId);
            if (t) d.label = t.title;
          }
          out.push(d);
        }
        return out.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.kind.localeCompare(b.kind));
      });
    },

    async myTasks(personId) {
      return transact(async (uow) => {
        const forums = new Map((await uow.registry.listForums()).map((f) => [f.id, f]));
        const tasks = await uow.meetings.listTasks({ assigneePersonId: personId, status: 'open' });
        return tasks.map((t) => taskSummary(t, forums.get(t.forumId))).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      });
    },

    async answerAttendance(personId, meetingId, answer, substituteName, note) {
      return attempt(async () => {
        await workflow.answer(meetingId, { answer, ...(substituteName ? { substituteName } : {}), ...(note ? { note } : {}) }, { personId });
        const meeting = await transact(async (uow) => {
          const m = (await uow.meetings.getMeeting(meetingId))!;
          return meetingSummary(uow, m, await uow.registry.getForum(m.forumId), personId, clock.now());
        });
        return { meeting };
      });
    },

    async proposeItem(personId, meetingId, item) {
      return attempt(async () => {
        const p = await workflow.propose(meetingId, { title: item.title, kind: 'discussion', background: item.description }, { personId });
        return { itemId: p.id };
      });
    },

    async remark(personId, meetingId, text) {
      return attempt(async () => {
        const r = await workflow.remark(meetingId, { text }, { personId });
        return { remarkId: r.id };
      });
    },

    async completeTask(personId, taskId) {
      return attempt(async () => {
        const done = await taskUseCases({ transact, clock }).complete(taskId, { personId }, 'bot');
        const forum = await transact((uow) => uow.registry.getForum(done.forumId));
        return { task: taskSummary(done, forum) };
      });
    },

    async describeReminder(reminder, personId) {
      return transact(async (uow) => {
        const forum = await uow.registry.getForum(reminder.forumId);
        if (!forum) return null;
        const subject: ReminderSubject = { forumName: forum.name };
        if (reminder.meetingId) {
          const m = await uow.meetings.getMeeting(reminder.meetingId);
          if (!m) return null;
          subject.meeting = await meetingSummary(uow, m, forum, personId, clock.now());
          // The date the reminder announces: from the forum's stated terms, or a default rule (said so on the card and in the mail).
          if (reminderDateFromDefault(reminder.kind, (await rulesOfMeeting(uow.registry, m, forum)).sources)) subject.deadlineFromDefault = true;
        }
        if (reminder.taskId) {
          const t = await uow.meetings.getTask(reminder.taskId);
          if (!t) return null;
          subject.task = taskSummary(t, forum);
        }
        return subject;
      });
    },
  };
}

/** Who a reminder goes to: Teams when the person has it (and an Entra id), else e-mail. */
export function recipientDirectory(deps: { transact: WorkflowTransact; forumChannel: RecipientDirectory['forumChannel'] }): RecipientDirectory {
  return {
    async person(personId) {
      return deps.transact(async (uow) => {
        const p = await uow.registry.getPerson(personId);
        if (!p) return null;
        const r: Recipient = { personId: p.id, displayName: p.name };
        if (p.hasTeams && p.entraObjectId) {
          r.aadObjectId = p.entraObjectId;
          if (p.tenantId) r.tenantId = p.tenantId;
        }
        if (p.email) r.email = p.email;
        return r;
      });
    },
    forumChannel: deps.forumChannel,
  };
}
