/** A forum's year of duties (årshjul) from the store: the stored meetings, or the planner's proposal when the year has none. */
import { yearOfDuties, type YearOfDuties } from '../year-of-duties.usecase.js';
import { todayOf, type PlanningDeps } from './planning.shared.js';

export async function forumYear(deps: PlanningDeps, forumId: string, year: number): Promise<YearOfDuties> {
  const today = todayOf(deps.clock);
  return deps.transact((uow) => yearOfDuties(uow.years, forumId, year, { today }));
}
