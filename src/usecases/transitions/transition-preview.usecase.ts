/**
 * Preview a transition (src/domain/transitions/transition.plan.ts): the region's
 * secretariat (or a tenant administrator) sends the plan and gets back every
 * consequence (meetings cancelled, reminders stopped, people, tasks, proposals and
 * items moved or closed, channels archived). Reads only; nothing is written.
 */
import { access } from '../../domain/access/access.policy.js';
import { checkTransitionPlan, previewTransition, type TransitionPlanInput, type TransitionPreview } from '../../domain/transitions/transition.plan.js';
import { todayOf } from '../planning/planning.shared.js';
import type { Actor } from '../ports/store.port.js';
import { forbidden, UseCaseError } from '../use-case.errors.js';
import type { WorkflowDeps } from '../meetings/workflow.context.js';

export async function previewTransitionPlan(deps: Pick<WorkflowDeps, 'transact' | 'clock'>, plan: TransitionPlanInput, actor: Actor): Promise<TransitionPreview> {
  if (!actor.personId) throw new UseCaseError('unauthenticated', 'Sign in to prepare a transition', [], 'Log ind for at forberede en omstilling');
  const personId = actor.personId;
  return deps.transact(async (uow) => {
    const today = todayOf(deps.clock);
    const [forums, mine, platformRoles] = [await uow.registry.listForums(), await uow.registry.listMemberships({ personId }), await uow.registry.listPlatformRoles(personId)];
    const ctx = { personId, memberships: mine, forumsById: new Map(forums.map((f) => [f.id, f])), today, platformRoles };
    if (!access.canAdministerRegion(ctx, plan.region)) {
      throw forbidden("Only the region's secretariat may prepare a transition", 'Kun regionens sekretariat må forberede en omstilling');
    }
    const problems = checkTransitionPlan(plan, { forums, today });
    if (problems.length) {
      throw new UseCaseError(
        'validation',
        problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
        problems.map((p) => ({ field: p.field, reason: p.reason })),
        problems.map((p) => p.reasonDa).join('; '),
      );
    }
    const forumIds = plan.forums.map((f) => f.forumId);
    const meetings = await uow.meetings.listMeetings({ forumIds });
    const tasks = await uow.meetings.listTasks({ forumIds });
    const proposals = [];
    const items = [];
    for (const m of meetings) {
      proposals.push(...(await uow.workflow.listProposals(m.id)));
      if (m.date >= plan.effectiveOn && m.status === 'planned') items.push(...(await uow.workflow.listItems(m.id)));
    }
    const memberships = (await uow.registry.listMemberships()).filter((m) => forumIds.includes(m.forumId));
    return previewTransition(plan, { forums, meetings, tasks, proposals, items, memberships, today });
  });
}
