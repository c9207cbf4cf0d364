/** A forum's chair (and secretariat) rotation: who holds it when, the hand-overs and the next one, from its terms. */
import { chairTimeline, describeHolders } from '../../domain/rotation/chair.rotation.js';
import { invalid } from '../use-case.errors.js';
import { termsForYear } from '../year-of-duties.usecase.js';
import { requireForum, todayOf, type PlanningDeps } from './planning.shared.js';

export type RotationView = {
  forumId: string;
  from: string;
  until: string;
  rotation: null | {
    termYears: number;
    anchor: string;
    anchorSource: 'stated' | 'parent_offset' | 'assumed';
    terms: { from: string; to: string; chairs: string; secretariat: string; current: boolean }[];
    handovers: { date: string; text: string }[];
    nextHandover?: { date: string; text: string };
    evaluations: { date: string; text: string }[];
    notes: string[];
  };
  message?: string;
};

export async function forumRotation(deps: PlanningDeps, forumId: string, period: { from?: string | undefined; until?: string | undefined } = {}): Promise<RotationView> {
  const today = todayOf(deps.clock);
  const year = Number(today.slice(0, 4));
  const from = period.from ?? `${year - 2}-01-01`;
  const until = period.until ?? `${year + 4}-12-31`;
  if (until < from) throw invalid('until', 'must not be before from', '"til" må ikke ligge før "fra"');
  return deps.transact(async (uow) => {
    const forum = await requireForum(uow, forumId);
    const terms = termsForYear(await uow.registry.listTerms(forumId), forumId, year);
    if (!terms?.chair) return { forumId, from, until, rotation: null, message: 'Kommissoriet siger ikke noget om formandskabet' };
    const parentTerms = forum.parentId ? termsForYear(await uow.registry.listTerms(forum.parentId), forum.parentId, year) : undefined;
    const orgs = new Map((await uow.registry.listOrganisations()).map((o) => [o.id, o.name]));
    const name = (id: string) => orgs.get(id);
    const t = chairTimeline({ rule: terms.chair, secretariat: terms.secretariat, parentRule: parentTerms?.chair, from, until, today, organisationName: name });
    const rotation: NonNullable<RotationView['rotation']> = {
      termYears: t.termYears,
      anchor: t.anchor,
      anchorSource: t.anchorSource,
      terms: t.terms.map((x) => ({
        from: x.from,
        to: x.to,
        chairs: describeHolders(x.chairs, name),
        secretariat: x.secretariat.length ? describeHolders(x.secretariat, name) : 'ikke angivet',
        current: x.from <= today && today <= x.to,
      })),
      handovers: t.handovers.map((h) => ({ date: h.date, text: h.da })),
      evaluations: t.evaluations.map((e) => ({ date: e.date, text: e.da })),
      notes: t.notes,
    };
    if (t.nextHandover) rotation.nextHandover = { date: t.nextHandover.date, text: t.nextHandover.da };
    return { forumId, from, until, rotation };
  });
}
