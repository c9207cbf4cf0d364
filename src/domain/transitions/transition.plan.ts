/**
 * A planned transition (the 2027 reform, or any merge or split): forums that end
 * on a date, their successors (1:1, n:1, 1:n) and, per ending forum, what happens
 * to its open tasks, pending proposals, unfinished agenda items, future meetings,
 * members and channel. `previewTransition` lists every consequence before
 * anything is changed; it is pure (state and the plan in, consequences out).
 *
 * Applying and undoing: transition.changes.ts (the changes as data) and
 * src/usecases/transitions/transition-apply.usecase.ts (one transaction, outbox).
 */
import { z } from 'zod';
import type { Meeting, Task } from '../meetings/meeting.model.js';
import type { AgendaItem } from '../meetings/meeting.model.js';
import type { Proposal } from '../meetings/workflow.model.js';
import { id, isActiveOn, isoDate, type Forum, type Membership } from '../registry/registry.model.js';

const reason = z.string().trim().min(1, 'must not be empty').max(500);

/** Carry over to a named successor, or close with a reason. */
export const Disposition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('carry'), toForumId: id }),
  z.object({ action: z.literal('close'), reason }),
]);
export type Disposition = z.infer<typeof Disposition>;

export const EndingForumPlan = z.object({
  forumId: id,
  successorIds: z.array(id).max(20).default([]),
  tasks: Disposition,
  proposals: Disposition,
  /** Agenda items of the forum's future meetings (those meetings are cancelled). */
  items: Disposition,
  /** Future meetings are cancelled in Outlook with this notice. */
  meetings: z.object({ notice: reason }),
  members: Disposition,
});
export type EndingForumPlan = z.infer<typeof EndingForumPlan>;

export const TransitionPlanInput = z.object({
  region: z.string().trim().min(1).max(100),
  /** The first day of the new order; ending forums end the day before. */
  effectiveOn: isoDate,
  forums: z.array(EndingForumPlan).min(1).max(200),
});
export type TransitionPlanInput = z.infer<typeof TransitionPlanInput>;

export type TransitionState = {
  forums: readonly Forum[];
  meetings: readonly Meeting[];
  tasks: readonly Task[];
  proposals: readonly Proposal[];
  /** Agenda items of the ending forums' meetings. */
  items: readonly AgendaItem[];
  memberships: readonly Membership[];
  /** Today's local date: the effective date must be after it. */
  today: string;
};

type Moved<T> = T & { to: { action: 'carry'; toForumId: string; toName: string } | { action: 'close'; reason: string } };

export type TransitionPreview = {
  effectiveOn: string;
  endsOn: string;
  endingForums: { forumId: string; name: string; successors: { id: string; name: string }[] }[];
  meetingsCancelled: { meetingId: string; forumId: string; date: string; start: string; notice: string }[];
  /** Reminders that stop: every deadline of a cancelled meeting, and the reminders of tasks that close. */
  remindersStopped: { meetingIds: string[]; taskIds: string[] };
  tasks: Moved<{ taskId: string; forumId: string; title: string; dueOn: string }>[];
  proposals: Moved<{ proposalId: string; forumId: string; meetingId: string; title: string }>[];
  items: Moved<{ itemId: string; forumId: string; meetingId: string; title: string }>[];
  members: Moved<{ membershipId: string; forumId: string; personId: string; role: string }>[];
  channelsArchived: { forumId: string; name: string }[];
};

export type FieldProblem = { field: string; reason: string; reasonDa: string };

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The plan's problems, each naming its field (empty: the plan can be previewed). */
export function checkTransitionPlan(plan: TransitionPlanInput, state: Pick<TransitionState, 'forums' | 'today'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byId = new Map(state.forums.map((f) => [f.id, f]));
  if (plan.effectiveOn <= state.today) {
    problems.push({ field: 'effectiveOn', reason: `must be after today (${state.today})`, reasonDa: `Ikrafttrædelsesdatoen skal ligge efter i dag (${state.today})` });
  }
  const ending = new Set(plan.forums.map((f) => f.forumId));
  const seen = new Set<string>();
  plan.forums.forEach((f, i) => {
    const at = `forums.${i}`;
    const forum = byId.get(f.forumId);
    if (seen.has(f.forumId)) problems.push({ field: `${at}.forumId`, reason: 'is named twice', reasonDa: 'Forummet er nævnt to gange' });
    seen.add(f.forumId);
    if (!forum) {
      problems.push({ field: `${at}.forumId`, reason: `forum "${f.forumId}" does not exist`, reasonDa: `Forummet "${f.forumId}" findes ikke` });
      return;
    }
    if (forum.region !== plan.region) problems.push({ field: `${at}.forumId`, reason: `belongs to ${forum.region}, not ${plan.region}`, reasonDa: `Forummet hører til ${forum.region}, ikke ${plan.region}` });
    if (forum.status === 'ended') problems.push({ field: `${at}.forumId`, reason: 'has already ended', reasonDa: 'Forummet er allerede nedlagt' });
    else if (forum.endedOn) problems.push({ field: `${at}.forumId`, reason: `already ends on ${forum.endedOn}`, reasonDa: `Forummet har allerede en slutdato (${forum.endedOn})` });
    f.successorIds.forEach((s, k) => {
      const succ = byId.get(s);
      if (!succ) problems.push({ field: `${at}.successorIds.${k}`, reason: `forum "${s}" does not exist`, reasonDa: `Forummet "${s}" findes ikke` });
      else if (ending.has(s)) problems.push({ field: `${at}.successorIds.${k}`, reason: 'ends in the same transition', reasonDa: 'Efterfølgeren nedlægges i samme omstilling' });
      else if (succ.status === 'ended') problems.push({ field: `${at}.successorIds.${k}`, reason: 'has ended', reasonDa: 'Efterfølgeren er nedlagt' });
      else if (succ.endedOn) problems.push({ field: `${at}.successorIds.${k}`, reason: `ends on ${succ.endedOn}`, reasonDa: `Efterfølgeren har selv en slutdato (${succ.endedOn})` });
    });
    for (const key of ['tasks', 'proposals', 'items', 'members'] as const) {
      const d = f[key];
      if (d.action === 'carry' && !f.successorIds.includes(d.toForumId)) {
        problems.push({ field: `${at}.${key}.toForumId`, reason: 'must be one of the forum\'s successors', reasonDa: 'Skal være en af forummets efterfølgere' });
      }
    }
  });
  return problems;
}

/** Every consequence of the plan, computed from the state (assumes `checkTransitionPlan` found nothing). */
export function previewTransition(plan: TransitionPlanInput, state: TransitionState): TransitionPreview {
  const byId = new Map(state.forums.map((f) => [f.id, f]));
  const name = (forumId: string) => byId.get(forumId)?.name ?? forumId;
  const endsOn = dayBefore(plan.effectiveOn);
  const to = (d: Disposition): Moved<object>['to'] => (d.action === 'carry' ? { action: 'carry', toForumId: d.toForumId, toName: name(d.toForumId) } : { action: 'close', reason: d.reason });
  const out: TransitionPreview = {
    effectiveOn: plan.effectiveOn,
    endsOn,
    endingForums: [],
    meetingsCancelled: [],
    remindersStopped: { meetingIds: [], taskIds: [] },
    tasks: [],
    proposals: [],
    items: [],
    members: [],
    channelsArchived: [],
  };
  for (const f of plan.forums) {
    out.endingForums.push({ forumId: f.forumId, name: name(f.forumId), successors: f.successorIds.map((s) => ({ id: s, name: name(s) })) });
    const future = state.meetings
      .filter((m) => m.forumId === f.forumId && m.status === 'planned' && m.date >= plan.effectiveOn)
      .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
    for (const m of future) out.meetingsCancelled.push({ meetingId: m.id, forumId: f.forumId, date: m.date, start: m.start, notice: f.meetings.notice });
    out.remindersStopped.meetingIds.push(...future.map((m) => m.id));
    const futureIds = new Set(future.map((m) => m.id));
    for (const t of state.tasks.filter((t) => t.forumId === f.forumId && t.status === 'open')) {
      out.tasks.push({ taskId: t.id, forumId: f.forumId, title: t.title, dueOn: t.dueOn, to: to(f.tasks) });
      if (f.tasks.action === 'close') out.remindersStopped.taskIds.push(t.id);
    }
    const forumMeetings = new Set(state.meetings.filter((m) => m.forumId === f.forumId).map((m) => m.id));
    for (const p of state.proposals.filter((p) => forumMeetings.has(p.meetingId) && p.status === 'pending')) {
      out.proposals.push({ proposalId: p.id, forumId: f.forumId, meetingId: p.meetingId, title: p.title, to: to(f.proposals) });
    }
    for (const i of state.items.filter((i) => futureIds.has(i.meetingId) && !i.fixed)) {
      out.items.push({ itemId: i.id, forumId: f.forumId, meetingId: i.meetingId, title: i.title, to: to(f.items) });
    }
    // Members sitting on the last day: their seat ends that day; carried over, they get a seat in the successor from the effective date.
    for (const m of state.memberships.filter((m) => m.forumId === f.forumId && isActiveOn(m, endsOn))) {
      out.members.push({ membershipId: m.id, forumId: f.forumId, personId: m.personId, role: m.role, to: to(f.members) });
    }
    out.channelsArchived.push({ forumId: f.forumId, name: name(f.forumId) });
  }
  return out;
}
