/**
 * Applying a transition, as data: `transitionChanges` turns a checked plan and
 * the current state into the exact list of changes (each with the values it
 * replaces), and `undoChanges` turns that list back into the changes that
 * restore the state. The use case writes both in one transaction and stores the
 * list with the transition, so an undo restores exactly what the apply changed.
 * Pure: no I/O, no clock (the ids of new seats and today come in).
 *
 * What applying means (the effective date D, the last day D-1):
 * - each ending forum gets `endedOn` D-1 and its successors; it is marked
 *   `ended` on D (`takesEffect`), so it keeps working until then;
 * - its planned meetings on or after D are cancelled with the notice;
 * - open tasks go to the chosen successor (owner, and report-to when it was the
 *   ending forum) or are cancelled with the reason;
 * - pending proposals and the agenda items of the cancelled meetings go to the
 *   successor's first planned meeting on or after D, or are closed with the
 *   reason (a proposal is declined with it; an item stays on its cancelled meeting);
 * - seats active on D-1 end on D-1; carried over, the person gets the same role
 *   in the successor from D (unless already seated there in that role on D); a
 *   substitute follows only when the seat they stand in for is carried too.
 */
import type { AgendaItem, Meeting, Task } from '../meetings/meeting.model.js';
import type { Proposal } from '../meetings/workflow.model.js';
import { isActiveOn, type Forum, type Membership } from '../registry/registry.model.js';
import type { FieldProblem, TransitionPlanInput } from './transition.plan.js';

export type TransitionStatus = 'prepared' | 'applied' | 'undone' | 'effective';

export type ForumChange = { forumId: string; before: { endedOn: string | null; successorIds: string[] }; after: { endedOn: string; successorIds: string[] } };
export type MeetingChange = { meetingId: string; forumId: string; date: string; notice: string; before: { status: Meeting['status']; cancelledReason: string | null } };
export type TaskChange = {
  taskId: string;
  before: { forumId: string; reportToForumId: string | null; status: Task['status'] };
  after: { forumId: string; reportToForumId: string | null; status: Task['status'] };
  reason?: string;
};
export type ProposalChange = {
  proposalId: string;
  before: { meetingId: string; status: Proposal['status']; declineReason: string | null };
  after: { meetingId: string; status: Proposal['status']; declineReason: string | null };
};
export type ItemChange =
  | { itemId: string; action: 'carry'; before: { meetingId: string; position: number }; after: { meetingId: string; position: number } }
  | { itemId: string; action: 'close'; meetingId: string; reason: string };
export type SeatChange = { membershipId: string; before: { to: string | null }; after: { to: string } };

export type TransitionChanges = {
  forums: ForumChange[];
  meetings: MeetingChange[];
  tasks: TaskChange[];
  proposals: ProposalChange[];
  items: ItemChange[];
  seatsEnded: SeatChange[];
  seatsCreated: Membership[];
};

export type ApplyState = {
  forums: readonly Forum[];
  /** Meetings of the ending forums and of their successors. */
  meetings: readonly Meeting[];
  tasks: readonly Task[];
  proposals: readonly Proposal[];
  /** Agenda items of the ending forums' meetings on or after the date, and of the successors' receiving meetings. */
  items: readonly AgendaItem[];
  memberships: readonly Membership[];
};

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The successor's first planned meeting on or after the date: where carried proposals and items land. */
export function receivingMeeting(meetings: readonly Meeting[], forumId: string, effectiveOn: string): Meeting | undefined {
  return meetings
    .filter((m) => m.forumId === forumId && m.status === 'planned' && !m.historical && m.date >= effectiveOn)
    .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start))[0];
}

/** What applying needs beyond `checkTransitionPlan`: a receiving meeting for carried proposals and items. */
export function checkApply(plan: TransitionPlanInput, state: ApplyState): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byId = new Map(state.forums.map((f) => [f.id, f]));
  plan.forums.forEach((f, i) => {
    for (const key of ['proposals', 'items'] as const) {
      const d = f[key];
      if (d.action !== 'carry') continue;
      if (!receivingMeeting(state.meetings, d.toForumId, plan.effectiveOn)) {
        const name = byId.get(d.toForumId)?.name ?? d.toForumId;
        problems.push({
          field: `forums.${i}.${key}.toForumId`,
          reason: `${name} has no planned meeting on or after ${plan.effectiveOn} to receive them`,
          reasonDa: `${name} har intet planlagt møde den ${plan.effectiveOn} eller senere, som kan modtage dem`,
        });
      }
    }
  });
  return problems;
}

/** Every change of applying the plan (assumes `checkTransitionPlan` and `checkApply` found nothing). */
export function transitionChanges(plan: TransitionPlanInput, state: ApplyState, newId: (prefix: string) => string): TransitionChanges {
  const endsOn = dayBefore(plan.effectiveOn);
  const out: TransitionChanges = { forums: [], meetings: [], tasks: [], proposals: [], items: [], seatsEnded: [], seatsCreated: [] };
  const byId = new Map(state.forums.map((f) => [f.id, f]));
  const nextPosition = new Map<string, number>();
  const positionIn = (meetingId: string) => {
    const n = nextPosition.get(meetingId) ?? Math.max(0, ...state.items.filter((i) => i.meetingId === meetingId).map((i) => i.position)) + 1;
    nextPosition.set(meetingId, n + 1);
    return n;
  };
  for (const f of plan.forums) {
    const forum = byId.get(f.forumId)!;
    out.forums.push({ forumId: f.forumId, before: { endedOn: forum.endedOn ?? null, successorIds: [...forum.successorIds] }, after: { endedOn: endsOn, successorIds: [...f.successorIds] } });

    const future = state.meetings
      .filter((m) => m.forumId === f.forumId && m.status === 'planned' && !m.historical && m.date >= plan.effectiveOn)
      .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
    for (const m of future) out.meetings.push({ meetingId: m.id, forumId: f.forumId, date: m.date, notice: f.meetings.notice, before: { status: m.status, cancelledReason: m.cancelledReason ?? null } });

    for (const t of state.tasks.filter((t) => t.forumId === f.forumId && t.status === 'open')) {
      const before = { forumId: t.forumId, reportToForumId: t.reportToForumId ?? null, status: t.status };
      if (f.tasks.action === 'carry') {
        const to = f.tasks.toForumId;
        out.tasks.push({ taskId: t.id, before, after: { forumId: to, reportToForumId: t.reportToForumId === f.forumId ? to : (t.reportToForumId ?? null), status: 'open' } });
      } else {
        out.tasks.push({ taskId: t.id, before, after: { ...before, status: 'cancelled' }, reason: f.tasks.reason });
      }
    }

    const forumMeetings = new Set(state.meetings.filter((m) => m.forumId === f.forumId).map((m) => m.id));
    for (const p of state.proposals.filter((p) => forumMeetings.has(p.meetingId) && p.status === 'pending')) {
      const before = { meetingId: p.meetingId, status: p.status, declineReason: p.declineReason ?? null };
      if (f.proposals.action === 'carry') {
        const target = receivingMeeting(state.meetings, f.proposals.toForumId, plan.effectiveOn)!;
        out.proposals.push({ proposalId: p.id, before, after: { meetingId: target.id, status: 'pending', declineReason: null } });
      } else {
        out.proposals.push({ proposalId: p.id, before, after: { meetingId: p.meetingId, status: 'declined', declineReason: f.proposals.reason } });
      }
    }

    const cancelled = new Set(future.map((m) => m.id));
    const items = state.items.filter((i) => cancelled.has(i.meetingId) && !i.fixed).sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.position - b.position);
    for (const i of items) {
      if (f.items.action === 'carry') {
        const target = receivingMeeting(state.meetings, f.items.toForumId, plan.effectiveOn)!;
        out.items.push({ itemId: i.id, action: 'carry', before: { meetingId: i.meetingId, position: i.position }, after: { meetingId: target.id, position: positionIn(target.id) } });
      } else {
        out.items.push({ itemId: i.id, action: 'close', meetingId: i.meetingId, reason: f.items.reason });
      }
    }

    const seated = state.memberships.filter((m) => m.forumId === f.forumId && isActiveOn(m, endsOn));
    const newIdOf = new Map<string, string>();
    const carryTo = f.members.action === 'carry' ? f.members.toForumId : undefined;
    // Principals first, so a substitute can point at the new seat of the one they stand in for.
    for (const m of [...seated].sort((a, b) => Number(a.role === 'substitute') - Number(b.role === 'substitute'))) {
      out.seatsEnded.push({ membershipId: m.id, before: { to: m.to ?? null }, after: { to: endsOn } });
      if (!carryTo) continue;
      const substituteFor = m.role === 'substitute' ? (m.substituteForId ? newIdOf.get(m.substituteForId) : undefined) : undefined;
      if (m.role === 'substitute' && !substituteFor) continue;
      const there = [...state.memberships, ...out.seatsCreated].find((x) => x.forumId === carryTo && x.personId === m.personId && x.role === m.role && isActiveOn(x, plan.effectiveOn));
      if (there) {
        newIdOf.set(m.id, there.id);
        continue;
      }
      const seat: Membership = {
        id: newId('ms'),
        personId: m.personId,
        forumId: carryTo,
        role: m.role,
        from: plan.effectiveOn,
        ...(m.side ? { side: m.side } : {}),
        ...(substituteFor ? { substituteForId: substituteFor } : {}),
        ...(m.representingOrganisationId ? { representingOrganisationId: m.representingOrganisationId } : {}),
        // The seat's own end stays: a term that ran to a later date runs on in the successor.
        ...(m.to && m.to >= plan.effectiveOn ? { to: m.to } : {}),
      };
      newIdOf.set(m.id, seat.id);
      out.seatsCreated.push(seat);
    }
  }
  return out;
}

/** Undo is possible while the transition is applied and its date has not come. */
export function canUndo(t: { status: TransitionStatus; effectiveOn: string }, today: string): FieldProblem | undefined {
  if (t.status !== 'applied') {
    return { field: 'status', reason: `a ${t.status} transition cannot be undone`, reasonDa: t.status === 'undone' ? 'Omstillingen er allerede fortrudt' : t.status === 'effective' ? 'Omstillingen er trådt i kraft og kan ikke fortrydes' : 'Omstillingen er ikke gennemført' };
  }
  if (today >= t.effectiveOn) {
    return { field: 'effectiveOn', reason: `the transition took effect on ${t.effectiveOn}; it can no longer be undone`, reasonDa: `Omstillingen trådte i kraft ${t.effectiveOn} og kan ikke længere fortrydes` };
  }
  return undefined;
}

/** Is the forum ended on this day (marked ended, or its last day has passed)? The reminder plan and the sync ask this. */
export function forumEndedBy(f: Pick<Forum, 'status' | 'endedOn'>, day: string): boolean {
  return f.status === 'ended' || (f.endedOn !== undefined && f.endedOn < day);
}

/** Applied transitions whose date has come: their forums are to be marked ended. */
export function takesEffect<T extends { status: TransitionStatus; effectiveOn: string }>(transitions: readonly T[], today: string): T[] {
  return transitions.filter((t) => t.status === 'applied' && t.effectiveOn <= today);
}
