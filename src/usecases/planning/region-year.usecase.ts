/** The secretariat's view: the duties of every forum of a region in a year, month by month. */
import { buildRegionWheel, type RegionWheel } from '../../domain/wheel/annual.wheel.js';
import { notFound } from '../use-case.errors.js';
import { buildYearOfDuties, contextFromSnapshot } from '../year-of-duties.usecase.js';
import { checkYear, todayOf, type PlanningDeps } from './planning.shared.js';

export async function regionYear(deps: PlanningDeps, region: string, year: number): Promise<RegionWheel & { forums: { id: string; name: string; source: 'stored' | 'proposed' }[] }> {
  checkYear(year);
  const today = todayOf(deps.clock);
  return deps.transact(async (uow) => {
    const snap = await uow.years.snapshot(year);
    const forums = snap.forums.filter((f) => f.region.toLowerCase() === region.toLowerCase() && f.status !== 'ended');
    if (forums.length === 0) throw notFound('region', region);
    const years = forums.map((f) => buildYearOfDuties(contextFromSnapshot(snap, f.id, year)!, year, { today }));
    // A joint meeting another forum holds with one of these is listed once, under its host (its duties are the host's).
    const wheels = years.map((y) => ({ forumId: y.forum.id, year, duties: y.duties.filter((d) => !d.heldBy), meetings: [], unassigned: y.unassignedAgreements }));
    return { ...buildRegionWheel(forums[0]!.region, year, wheels, forums), forums: years.map((y) => ({ id: y.forum.id, name: y.forum.name, source: y.source })) };
  });
}
