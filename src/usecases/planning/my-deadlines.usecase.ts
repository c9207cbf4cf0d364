/**
 * A person's deadlines: for the forums they sit in today, the secretariat gets
 * every meeting deadline (it sends agenda and minutes), members get the ones they
 * act on (item cut-off, comment window); plus the open tasks assigned to them.
 */
import { isActiveOn, secretariatRoles } from '../../domain/registry/registry.model.js';
import type { DeadlineKind } from '../../domain/deadlines/meeting.deadlines.js';
import { notFound } from '../use-case.errors.js';
import { byTime, deadlineItems, meetingRange, resolvePeriod, type DeadlineItem, type Period } from './forum-deadlines.usecase.js';
import { regionCalendars } from '../region-calendar.js';
import { kindOfForum, todayOf, type PlanningDeps } from './planning.shared.js';

export type PersonDeadline = DeadlineItem & { role: 'secretariat' | 'member' | 'assignee'; forumName: string };

const memberKinds: ReadonlySet<DeadlineKind> = new Set(['items_cutoff', 'comment_window_closes']);

export async function personDeadlines(deps: PlanningDeps, personId: string, period: Period = {}): Promise<{ personId: string; from: string; to: string; deadlines: PersonDeadline[] }> {
  const today = todayOf(deps.clock);
  const p = resolvePeriod(period, today);
  return deps.transact(async (uow) => {
    if (!(await uow.registry.getPerson(personId))) throw notFound('person', personId);
    const memberships = (await uow.registry.listMemberships({ personId })).filter((m) => isActiveOn(m, today));
    const forums = new Map((await uow.registry.listForums()).map((f) => [f.id, f]));
    const roleIn = new Map<string, 'secretariat' | 'member'>();
    for (const m of memberships) {
      if (secretariatRoles.includes(m.role)) roleIn.set(m.forumId, 'secretariat');
      else if (!roleIn.has(m.forumId)) roleIn.set(m.forumId, 'member');
    }
    const nameOf = (id: string) => forums.get(id)?.shortName ?? forums.get(id)?.name ?? id;
    const out: PersonDeadline[] = [];
    const meetings = await uow.meetings.listMeetings({ forumIds: [...roleIn.keys()], ...meetingRange(p) });
    const calendars = await regionCalendars(uow.closedDays);
    for (const [forumId, role] of roleIn) {
      const terms = await uow.registry.listTerms(forumId);
      const own = meetings.filter((m) => m.forumId === forumId);
      const forum = forums.get(forumId);
      const kind = forum ? await kindOfForum(uow, forum) : undefined;
      for (const d of deadlineItems(own, terms, p, calendars.of(forum?.region ?? ''), role === 'secretariat' ? undefined : memberKinds, kind)) out.push({ ...d, role, forumName: nameOf(forumId) });
    }
    for (const t of await uow.meetings.listTasks({ assigneePersonId: personId, status: 'open' })) {
      if (t.dueOn < p.from || t.dueOn > p.to) continue;
      out.push({ kind: 'task_due', title: `Opgave: ${t.title}`, date: t.dueOn, forumId: t.forumId, taskId: t.id, done: false, role: 'assignee', forumName: nameOf(t.forumId) });
    }
    return { personId, ...p, deadlines: out.sort(byTime) };
  });
}
