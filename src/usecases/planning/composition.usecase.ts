/** A forum's composition held against the seats in its terms, on a day (default today). */
import { checkComposition, type Finding } from '../../domain/composition/composition.check.js';
import { termsForYear } from '../year-of-duties.usecase.js';
import { requireForum, todayOf, type PlanningDeps } from './planning.shared.js';

export async function forumComposition(deps: PlanningDeps, forumId: string, on?: string): Promise<{ forumId: string; on: string; findings: Finding[]; message?: string }> {
  const day = on ?? todayOf(deps.clock);
  return deps.transact(async (uow) => {
    const forum = await requireForum(uow, forumId);
    const terms = termsForYear(await uow.registry.listTerms(forumId), forumId, Number(day.slice(0, 4)));
    if (!terms) return { forumId, on: day, findings: [], message: 'Forummet har intet kommissorium registreret' };
    const [memberships, organisations, people] = [await uow.registry.listMemberships({ forumId }), await uow.registry.listOrganisations(), await uow.registry.listPeople()];
    return { forumId, on: day, findings: checkComposition({ forum, terms, memberships, organisations, people, on: day }) };
  });
}
