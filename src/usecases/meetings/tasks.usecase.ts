/**
 * Tasks from the minutes, after they are given: marking one done. The same use
 * case serves the tab (POST /api/tasks/:id/done) and the bot's "done" button.
 *
 * Who may close an open task: the person it was given to; for a task given to an
 * organisation, the people representing that organisation in the forum that gave
 * it; the secretariat of that forum, or of the forum it was given to. Audited,
 * with where it was done from.
 */
import type { Task } from '../../domain/meetings/meeting.model.js';
import { isActiveOn, secretariatRoles, type Membership } from '../../domain/registry/registry.model.js';
import { UseCaseError } from '../use-case.errors.js';
import { todayOf, type WorkflowTransact } from './workflow.context.js';

/** Whether `personId` (with these active memberships) answers for the task. */
export function isTaskMine(task: Task, personId: string, active: readonly Membership[]): boolean {
  if (task.assigneePersonId === personId) return true;
  if (task.assigneeOrganisationId) return active.some((m) => m.forumId === task.forumId && m.representingOrganisationId === task.assigneeOrganisationId);
  return false;
}

export function taskUseCases(deps: { transact: WorkflowTransact; clock: { now(): Date } }) {
  return {
    async complete(taskId: string, actor: { personId: string }, via: 'tab' | 'bot'): Promise<Task> {
      return deps.transact(async (uow) => {
        const now = deps.clock.now();
        const today = todayOf(now);
        const task = await uow.meetings.getTask(taskId);
        if (!task) throw new UseCaseError('not_found', `No task ${taskId}`, [], 'Opgaven findes ikke');
        const mine = (await uow.registry.listMemberships({ personId: actor.personId })).filter((m) => isActiveOn(m, today));
        const secretariatOf = (forumId: string | undefined) => !!forumId && mine.some((m) => m.forumId === forumId && secretariatRoles.includes(m.role));
        if (!isTaskMine(task, actor.personId, mine) && !secretariatOf(task.forumId) && !secretariatOf(task.assigneeForumId)) {
          throw new UseCaseError('forbidden', 'Only the one the task was given to, or the secretariat, may close it', [], 'Kun den ansvarlige eller sekretariatet kan lukke opgaven');
        }
        if (task.status !== 'open') throw new UseCaseError('invalid_state', `The task is already ${task.status}`, [], task.status === 'done' ? 'Opgaven er allerede løst' : 'Opgaven er annulleret');
        const done: Task = { ...task, status: 'done', doneAt: now.toISOString() };
        await uow.meetings.updateTask(done);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'task.done', forumId: task.forumId, target: task.id, outcome: 'ok', detail: { via } });
        return done;
      });
    },
  };
}
export type TaskUseCases = ReturnType<typeof taskUseCases>;
