/**
 * "What waits on me" (Mit overblik): per person, the duties that wait on them, late
 * ones first, each with how late or how long is left. Computed from the reminder
 * planner's facts (the same plan the bot's cards and the e-mails come from, planned
 * as if nothing had been delivered), so the tab, the cards and the e-mails never
 * disagree:
 *
 * - secretariat: agendas and minutes not sent (late or due), remark windows closed
 *   with the minutes still not approved;
 * - chair: agendas waiting for their approval (the agenda is due or late and not
 *   approved) and coming chair hand-overs;
 * - member: meetings they have not answered, minutes open for remarks with the
 *   closing instant;
 * - anyone: tasks assigned to them.
 *
 * Days are Copenhagen calendar days; nothing is late before its deadline has passed.
 */
import { isActiveOn } from '../../domain/registry/registry.model.js';
import { planReminders } from '../../domain/reminders/reminder.planner.js';
import type { PlannedReminder } from '../../domain/reminders/reminder.model.js';
import { resolveDeadlineRules } from '../../domain/deadlines/meeting.deadlines.js';
import { loadPlanInput } from '../bot/reminder-plan.usecase.js';
import { notFound } from '../use-case.errors.js';
import { timeCalendar, todayOf, type WorkflowDeps } from './workflow.context.js';
import { isTaskMine } from './tasks.usecase.js';

export type WaitingKind =
  | 'agenda_late' | 'agenda_due' | 'minutes_late' | 'minutes_due' | 'approval_due'
  | 'agenda_approval' | 'chair_handover' | 'unanswered' | 'remarks_open' | 'task_due';

export type WaitingItem = {
  kind: WaitingKind;
  /** Whose duty this is, by the person's role in the forum. */
  as: 'secretariat' | 'chair' | 'member' | 'assignee';
  forumId: string;
  forumName: string;
  meetingId?: string;
  meetingDate?: string;
  meetingKind?: string;
  taskId?: string;
  title?: string;
  /** The deadline (UTC instant). */
  deadline: string;
  late: boolean;
  /** Whole Copenhagen days past the deadline (late) or left until it (not late). */
  days: number;
};

/** How many days ahead a coming duty is listed (an agenda due in 3 weeks waits on the secretariat now). */
const AHEAD_DAYS = 21;

/** Unanswered meetings of the next 60 days, as the overview lists them. */
const UNANSWERED_DAYS = 60;

const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

export function waitingUseCases(deps: Pick<WorkflowDeps, 'transact' | 'read' | 'clock'>) {
  return {
    async waitingOn(personId: string): Promise<{ now: string; items: WaitingItem[] }> {
      return (deps.read ?? deps.transact)(async (uow) => {
        const now = deps.clock.now();
        const nowIso = now.toISOString();
        const today = todayOf(now);
        if (!(await uow.registry.getPerson(personId))) throw notFound('person', personId);
        const mine = (await uow.registry.listMemberships({ personId })).filter((m) => isActiveOn(m, today));
        const forumIds = [...new Set(mine.map((m) => m.forumId))];
        const input = await loadPlanInput(uow, now, { forumIds, assigneePersonId: personId });
        const plan = planReminders(input);
        const forums = new Map((await uow.registry.listForums()).map((f) => [f.id, f]));
        const meetings = new Map(input.meetings.map((m) => [m.id, m]));
        const tasks = new Map(input.tasks.map((t) => [t.id, t]));
        const states = new Map((await uow.workflow.listStates(input.meetings.map((m) => m.id))).map((s) => [s.meetingId, s]));
        const isChairOn = (forumId: string, day: string) =>
          input.memberships.some((m) => m.personId === personId && m.forumId === forumId && (m.role === 'chair' || m.role === 'co_chair') && isActiveOn(m, day));

        const items: WaitingItem[] = [];
        const seen = new Set<string>();
        const push = (r: PlannedReminder, kind: WaitingKind, as: WaitingItem['as']) => {
          const key = `${kind}|${r.meetingId ?? r.taskId ?? r.forumId}`;
          if (seen.has(key)) return;
          const late = r.deadline <= nowIso;
          const days = late ? dayNumber(today) - dayNumber(timeCalendar.localDate(r.deadline)) : dayNumber(timeCalendar.localDate(r.deadline)) - dayNumber(today);
          // Coming duties from three weeks ahead; unanswered meetings of the next 60 days (as the overview's list);
          // open remark windows, tasks and hand-overs whenever they are planned.
          if (!late && kind === 'unanswered' && days > UNANSWERED_DAYS) return;
          if (!late && days > AHEAD_DAYS && kind !== 'unanswered' && kind !== 'remarks_open' && kind !== 'task_due' && kind !== 'chair_handover') return;
          seen.add(key);
          const m = r.meetingId ? meetings.get(r.meetingId) : undefined;
          const t = r.taskId ? tasks.get(r.taskId) : undefined;
          items.push({
            kind, as, forumId: r.forumId, forumName: forums.get(r.forumId)?.name ?? r.forumId, deadline: r.deadline, late, days,
            ...(m ? { meetingId: m.id, meetingDate: m.date, meetingKind: m.kind, ...(m.title ? { title: m.title } : {}) } : {}),
            ...(t ? { taskId: t.id, title: t.title } : {}),
          });
        };

        for (const r of plan) {
          const mineToo = r.recipientIds.includes(personId);
          switch (r.kind) {
            case 'agenda_overdue':
              if (mineToo && r.deadline <= nowIso) push(r, 'agenda_late', 'secretariat');
              break;
            case 'agenda_due_soon':
              if (mineToo) push(r, 'agenda_due', 'secretariat');
              break;
            case 'minutes_overdue':
              if (mineToo && r.deadline <= nowIso) push(r, 'minutes_late', 'secretariat');
              break;
            case 'minutes_due_soon':
              if (mineToo) push(r, 'minutes_due', 'secretariat');
              break;
            case 'comment_window_closed':
              if (mineToo && r.deadline <= nowIso) push(r, 'approval_due', 'secretariat');
              break;
            case 'meeting_tomorrow_unanswered':
              if (mineToo) push(r, 'unanswered', 'member');
              break;
            case 'comment_window_closing':
              if (mineToo && r.deadline > nowIso) push(r, 'remarks_open', 'member');
              break;
            case 'chair_handover_soon':
              if (mineToo) push(r, 'chair_handover', isChairOn(r.forumId, today) ? 'chair' : 'secretariat');
              break;
            case 'task_due':
              if (mineToo) push(r, 'task_due', 'assignee');
              break;
            default:
              break;
          }
          // The chair approves the agenda before it is sent: the same fact (agenda not sent, due or late) waits on the chair
          // while the agenda is not approved.
          if ((r.kind === 'agenda_overdue' && r.deadline <= nowIso) || r.kind === 'agenda_due_soon') {
            const m = r.meetingId ? meetings.get(r.meetingId) : undefined;
            if (m && isChairOn(m.forumId, m.date) && !states.get(m.id)?.agendaApprovedAt) push(r, 'agenda_approval', 'chair');
          }
        }
        // A task past its due date has left the reminder plan (no reminder goes out after its deadline), but it still
        // waits on the person it was given to (or, given to an organisation, on the people representing it in the forum), late. Its deadline as the planner sets it: the due date's end of working day.
        for (const t of input.tasks) {
          if (t.status !== 'open' || !isTaskMine(t, personId, mine) || seen.has(`task_due|${t.id}`)) continue;
          const terms = input.terms.filter((x) => x.forumId === t.forumId && x.validFrom <= today).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
          const deadline = timeCalendar.instant(t.dueOn, resolveDeadlineRules(terms?.deadlines).endOfWorkingDay);
          if (deadline > nowIso) continue;
          push({ key: `task_overdue|t:${t.id}`, kind: 'task_due', audience: 'personal', forumId: t.forumId, recipientIds: [personId], deadline, sendAt: deadline, taskId: t.id } satisfies PlannedReminder, 'task_due', 'assignee');
        }
        // Late first (the latest first), then by deadline.
        items.sort((a, b) => Number(b.late) - Number(a.late) || (a.late ? b.days - a.days : 0) || a.deadline.localeCompare(b.deadline) || a.kind.localeCompare(b.kind));
        return { now: nowIso, items };
      });
    },
  };
}
