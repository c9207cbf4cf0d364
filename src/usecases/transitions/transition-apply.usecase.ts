/**
 * Apply, undo and list a region's transitions (issue 15, the 2027 reform).
 *
 * Apply: the region's secretariat (or a tenant administrator) sends a plan; it
 * is checked as the preview checks it, plus a receiving meeting for carried
 * proposals and items; then, in ONE transaction, every change of
 * `transitionChanges` is written, the transition is stored with those changes
 * (the values they replaced) and the outbox gets the effects: each cancelled
 * meeting's Outlook sync (the event is cancelled with the notice as its comment)
 * and a "meeting cancelled" notice to its members; each ending forum's channel
 * sync (the forum has an end date, so the channel is archived); each successor's
 * channel sync (its new members). A refusal writes nothing.
 *
 * Undo (until the effective date): in one transaction, every change is put back
 * where it is still as the apply left it (a task done since in the successor
 * stays done there), the seats the apply created are removed, the meetings are
 * planned again; new jobs reverse what already reached Microsoft 365 (the
 * meetings' events are made again, the channels unarchived).
 *
 * On the effective date `takeTransitionsIntoEffect` (a daily job) marks the
 * ending forums ended; until then they work as before.
 */
import { access } from '../../domain/access/access.policy.js';
import { checkTransitionPlan, previewTransition, type FieldProblem, type TransitionPlanInput } from '../../domain/transitions/transition.plan.js';
import { canUndo, checkApply, takesEffect, transitionChanges, type ApplyState } from '../../domain/transitions/transition.changes.js';
import type { AgendaItem } from '../../domain/meetings/meeting.model.js';
import type { Proposal } from '../../domain/meetings/workflow.model.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';
import type { WorkflowUnitOfWork } from '../meetings/workflow.context.js';
import type { Actor, Clock, IdGenerator } from '../ports/store.port.js';
import type { StoredTransition, TransitionsStore } from '../ports/transitions.port.js';
import { todayOf } from '../planning/planning.shared.js';
import { forbidden, notFound, UseCaseError } from '../use-case.errors.js';
import { JOB } from '../ports/jobs.port.js';

export type TransitionUnitOfWork = WorkflowUnitOfWork & { transitions: TransitionsStore };
export type TransitionTransact = <T>(fn: (uow: TransitionUnitOfWork) => Promise<T>) => Promise<T>;
export type TransitionDeps = { transact: TransitionTransact; clock: Clock; ids: IdGenerator };

const FORUM_SYNC = JOB.forumSync;
const MEETING_SYNC = JOB.meetingSync;

/** The caller, who must administer the region (its secretariat, or a tenant administrator). */
export async function requireRegionSecretariat(uow: Pick<WorkflowUnitOfWork, 'registry'>, actor: Actor, region: string, today: string, what: { en: string; da: string }): Promise<string> {
  if (!actor.personId) throw new UseCaseError('unauthenticated', `Sign in to ${what.en}`, [], `Log ind for at ${what.da}`);
  const personId = actor.personId;
  const [forums, mine, platformRoles] = [await uow.registry.listForums(), await uow.registry.listMemberships({ personId }), await uow.registry.listPlatformRoles(personId)];
  const ctx = { personId, memberships: mine, forumsById: new Map(forums.map((f) => [f.id, f])), today, platformRoles };
  if (!access.canAdministerRegion(ctx, region)) throw forbidden(`Only the region's secretariat may ${what.en}`, `Kun regionens sekretariat må ${what.da}`);
  return personId;
}

export function refusePlan(problems: readonly FieldProblem[]): UseCaseError {
  return new UseCaseError(
    'validation',
    problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    problems.map((p) => ({ field: p.field, reason: p.reason })),
    problems.map((p) => p.reasonDa).join('; '),
  );
}

/** Everything the plan touches: the ending forums, their successors, and what belongs to them. */
async function loadState(uow: TransitionUnitOfWork, plan: TransitionPlanInput): Promise<ApplyState & { forumsAll: ApplyState['forums'] }> {
  const forums = await uow.registry.listForums();
  const ending = plan.forums.map((f) => f.forumId);
  const involved = [...new Set([...ending, ...plan.forums.flatMap((f) => f.successorIds)])];
  const meetings = await uow.meetings.listMeetings({ forumIds: involved });
  const tasks = await uow.meetings.listTasks({ forumIds: ending });
  const proposals: Proposal[] = [];
  const items: AgendaItem[] = [];
  const endingSet = new Set(ending);
  for (const m of meetings) {
    if (endingSet.has(m.forumId)) proposals.push(...(await uow.workflow.listProposals(m.id)));
    // Items of the meetings that will be cancelled, and of every planned meeting that may receive items.
    if (m.status === 'planned' && m.date >= plan.effectiveOn) items.push(...(await uow.workflow.listItems(m.id)));
  }
  const memberships = (await uow.registry.listMemberships()).filter((m) => involved.includes(m.forumId));
  return { forums, forumsAll: forums, meetings, tasks, proposals, items, memberships };
}

export type ApplyInput = TransitionPlanInput & { title?: string; preparedId?: string };

export async function applyTransition(deps: TransitionDeps, input: ApplyInput, actor: Actor): Promise<StoredTransition> {
  const { title, preparedId, ...plan } = input;
  return deps.transact(async (uow) => {
    const today = todayOf(deps.clock);
    const personId = await requireRegionSecretariat(uow, actor, plan.region, today, { en: 'apply a transition', da: 'gennemføre en omstilling' });
    const prepared = preparedId ? await uow.transitions.get(preparedId) : undefined;
    if (preparedId && (!prepared || prepared.region !== plan.region)) throw notFound('transition', preparedId);
    if (prepared && prepared.status !== 'prepared') {
      throw new UseCaseError('invalid_state', `transition ${prepared.id} is ${prepared.status}, not prepared`, [{ field: 'preparedId', reason: prepared.status }], 'Den forberedte omstilling er allerede gennemført eller fortrudt');
    }
    const state = await loadState(uow, plan);
    const problems = [...checkTransitionPlan(plan, { forums: state.forums, today })];
    if (!problems.length) problems.push(...checkApply(plan, state));
    if (problems.length) throw refusePlan(problems);

    const preview = previewTransition(plan, { ...state, today });
    const changes = transitionChanges(plan, state, (p) => deps.ids.newId(p));
    const now = deps.clock.now().toISOString();

    for (const c of changes.forums) {
      const f = (await uow.registry.getForum(c.forumId))!;
      await uow.registry.updateForum({ ...f, endedOn: c.after.endedOn, successorIds: c.after.successorIds });
    }
    for (const c of changes.meetings) {
      const m = (await uow.meetings.getMeeting(c.meetingId))!;
      const cancelled = { ...m, status: 'cancelled' as const, cancelledReason: c.notice, revision: m.revision + 1 };
      if (!(await uow.meetings.updateMeeting(cancelled, m.revision))) {
        throw new UseCaseError('conflict', `meeting ${m.id} was changed meanwhile; preview again`, [{ field: 'meetings', reason: m.id }], 'Et af møderne er ændret imens; se forhåndsvisningen igen');
      }
      await uow.outbox.enqueue(MEETING_SYNC, { meetingId: m.id, revision: cancelled.revision, change: 'cancelled' });
      await raiseNotice(uow.outbox, meetingNotice('meeting_cancelled', cancelled, now, `r${cancelled.revision}`, { reason: c.notice, via: 'samraad' }));
    }
    for (const c of changes.tasks) {
      const t = (await uow.meetings.getTask(c.taskId))!;
      const { reportToForumId: _r, ...rest } = t;
      await uow.meetings.updateTask({ ...rest, forumId: c.after.forumId, status: c.after.status, ...(c.after.reportToForumId ? { reportToForumId: c.after.reportToForumId } : {}) });
    }
    for (const c of changes.proposals) await uow.transitions.moveProposal({ id: c.proposalId, ...c.after });
    for (const c of changes.items) {
      if (c.action !== 'carry') continue;
      const i = (await uow.workflow.getItem(c.itemId))!;
      await uow.workflow.updateItem({ ...i, meetingId: c.after.meetingId, position: c.after.position });
      await uow.transitions.moveItemAttachments(i.id, c.after.meetingId);
    }
    for (const c of changes.seatsEnded) {
      const m = (await uow.registry.getMembership(c.membershipId))!;
      await uow.registry.updateMembership({ ...m, to: c.after.to });
    }
    for (const s of changes.seatsCreated) await uow.registry.insertMembership(s);

    const stored: StoredTransition = {
      id: prepared?.id ?? deps.ids.newId('tr'),
      region: plan.region,
      effectiveOn: plan.effectiveOn,
      status: 'applied',
      plan: { effectiveOn: plan.effectiveOn, forums: plan.forums },
      preview,
      changes,
      appliedBy: personId,
      appliedAt: now,
      createdAt: prepared?.createdAt ?? now,
      ...(title ?? prepared?.title ? { title: (title ?? prepared?.title)! } : {}),
      ...(prepared?.preparedBy ? { preparedBy: prepared.preparedBy } : {}),
    };
    if (prepared) await uow.transitions.update(stored);
    else await uow.transitions.insert(stored);

    const successors = [...new Set(plan.forums.flatMap((f) => f.successorIds))];
    for (const forumId of [...plan.forums.map((f) => f.forumId), ...successors]) await uow.outbox.enqueue(FORUM_SYNC, { forumId });
    const counts = { meetingsCancelled: changes.meetings.length, tasks: changes.tasks.length, proposals: changes.proposals.length, items: changes.items.length, seatsEnded: changes.seatsEnded.length, seatsCreated: changes.seatsCreated.length };
    for (const f of plan.forums) {
      await uow.audit.record({ actorPersonId: personId, action: 'transition.apply', forumId: f.forumId, target: stored.id, outcome: 'ok', detail: { region: plan.region, effectiveOn: plan.effectiveOn, successorIds: f.successorIds } });
    }
    await uow.audit.record({ actorPersonId: personId, action: 'transition.apply', target: stored.id, outcome: 'ok', detail: { region: plan.region, effectiveOn: plan.effectiveOn, ...counts } });
    return stored;
  });
}

export async function undoTransition(deps: TransitionDeps, region: string, transitionId: string, actor: Actor): Promise<StoredTransition> {
  return deps.transact(async (uow) => {
    const today = todayOf(deps.clock);
    const personId = await requireRegionSecretariat(uow, actor, region, today, { en: 'undo a transition', da: 'fortryde en omstilling' });
    const t = await uow.transitions.get(transitionId);
    if (!t || t.region !== region) throw notFound('transition', transitionId);
    const refusal = canUndo(t, today);
    if (refusal) throw new UseCaseError('invalid_state', `${refusal.field}: ${refusal.reason}`, [{ field: refusal.field, reason: refusal.reason }], refusal.reasonDa);
    const changes = t.changes!;
    const kept: string[] = [];

    for (const s of changes.seatsCreated) await uow.transitions.deleteMembership(s.id);
    for (const c of changes.seatsEnded) {
      const m = await uow.registry.getMembership(c.membershipId);
      if (!m || m.to !== c.after.to) {
        kept.push(`membership ${c.membershipId}`);
        continue;
      }
      const { to: _to, ...rest } = m;
      await uow.registry.updateMembership({ ...rest, ...(c.before.to ? { to: c.before.to } : {}) });
    }
    for (const c of changes.items) {
      if (c.action !== 'carry') continue;
      const i = await uow.workflow.getItem(c.itemId);
      if (!i || i.meetingId !== c.after.meetingId) {
        kept.push(`item ${c.itemId}`);
        continue;
      }
      await uow.workflow.updateItem({ ...i, meetingId: c.before.meetingId, position: c.before.position });
      await uow.transitions.moveItemAttachments(i.id, c.before.meetingId);
    }
    for (const c of changes.proposals) {
      const p = await uow.workflow.getProposal(c.proposalId);
      if (!p || p.meetingId !== c.after.meetingId || p.status !== c.after.status) {
        kept.push(`proposal ${c.proposalId}`);
        continue;
      }
      await uow.transitions.moveProposal({ id: p.id, ...c.before });
    }
    for (const c of changes.tasks) {
      const task = await uow.meetings.getTask(c.taskId);
      if (!task || task.forumId !== c.after.forumId || task.status !== c.after.status) {
        kept.push(`task ${c.taskId}`);
        continue;
      }
      const { reportToForumId: _r, ...rest } = task;
      await uow.meetings.updateTask({ ...rest, forumId: c.before.forumId, status: c.before.status, ...(c.before.reportToForumId ? { reportToForumId: c.before.reportToForumId } : {}) });
    }
    for (const c of changes.meetings) {
      const m = await uow.meetings.getMeeting(c.meetingId);
      if (!m || m.status !== 'cancelled') {
        kept.push(`meeting ${c.meetingId}`);
        continue;
      }
      const { cancelledReason: _c, ...rest } = m;
      const restored = { ...rest, status: c.before.status, ...(c.before.cancelledReason ? { cancelledReason: c.before.cancelledReason } : {}), revision: m.revision + 1 };
      if (!(await uow.meetings.updateMeeting(restored, m.revision))) {
        throw new UseCaseError('conflict', `meeting ${m.id} was changed meanwhile; try again`, [{ field: 'meetings', reason: m.id }], 'Et af møderne er ændret imens; prøv igen');
      }
      // The event was cancelled in Outlook: the sync makes it again.
      await uow.outbox.enqueue(MEETING_SYNC, { meetingId: m.id, revision: restored.revision, change: 'updated' });
    }
    for (const c of changes.forums) {
      const f = await uow.registry.getForum(c.forumId);
      if (!f) continue;
      const { endedOn: _e, ...rest } = f;
      await uow.registry.updateForum({ ...rest, successorIds: c.before.successorIds, ...(c.before.endedOn ? { endedOn: c.before.endedOn } : {}) });
    }
    const undone: StoredTransition = { ...t, status: 'undone', undoneBy: personId, undoneAt: deps.clock.now().toISOString() };
    await uow.transitions.update(undone);
    const successors = [...new Set(t.plan.forums.flatMap((f) => f.successorIds))];
    // Channels unarchived (and the successors' members as they are again).
    for (const forumId of [...changes.forums.map((f) => f.forumId), ...successors]) await uow.outbox.enqueue(FORUM_SYNC, { forumId });
    for (const c of changes.forums) {
      await uow.audit.record({ actorPersonId: personId, action: 'transition.undo', forumId: c.forumId, target: t.id, outcome: 'ok', detail: { region } });
    }
    await uow.audit.record({ actorPersonId: personId, action: 'transition.undo', target: t.id, outcome: 'ok', detail: { region, ...(kept.length ? { kept } : {}) } });
    return undone;
  });
}

export async function listTransitions(deps: TransitionDeps, region: string, actor: Actor): Promise<StoredTransition[]> {
  return deps.transact(async (uow) => {
    await requireRegionSecretariat(uow, actor, region, todayOf(deps.clock), { en: 'see the transitions', da: 'se omstillingerne' });
    return uow.transitions.list({ region });
  });
}

/** The daily job: applied transitions whose date has come mark their forums ended (and can no longer be undone). */
export async function takeTransitionsIntoEffect(deps: TransitionDeps): Promise<string[]> {
  return deps.transact(async (uow) => {
    const today = todayOf(deps.clock);
    const due = takesEffect(await uow.transitions.list({ status: 'applied' }), today);
    for (const t of due) {
      for (const c of t.changes?.forums ?? []) {
        const f = await uow.registry.getForum(c.forumId);
        if (f && f.status !== 'ended') await uow.registry.updateForum({ ...f, status: 'ended', endedOn: f.endedOn ?? c.after.endedOn });
        await uow.outbox.enqueue(FORUM_SYNC, { forumId: c.forumId });
        await uow.audit.record({ action: 'transition.effective', forumId: c.forumId, target: t.id, outcome: 'ok', detail: { region: t.region, effectiveOn: t.effectiveOn } });
      }
      await uow.transitions.update({ ...t, status: 'effective', effectiveAt: deps.clock.now().toISOString() });
    }
    return due.map((t) => t.id);
  });
}
