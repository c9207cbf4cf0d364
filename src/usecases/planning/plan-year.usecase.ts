/**
 * Plan a year: the meeting-series planner's proposal for a forum and a year, each
 * date with its reasons and deadlines, for the secretariat to edit and accept.
 * Reads only. The meetings already stored for the year are listed beside the
 * proposal so the screen can show what accepting would change.
 */
import { buildYearOfDuties, type YearOfDuties } from '../year-of-duties.usecase.js';
import { notFound } from '../use-case.errors.js';
import { checkYear, todayOf, type PlanningDeps } from './planning.shared.js';

export type YearPlanProposal = {
  forumId: string;
  year: number;
  constraints: string[];
  /** `constraints` in English, same order and count. */
  constraintsEn: string[];
  rules: YearOfDuties['rules'];
  proposal: YearOfDuties['meetings'];
  existing: { id: string; date: string; start: string; end: string; kind: string; status: string }[];
  warnings: string[];
  /** `warnings` in English, same order and count. */
  warningsEn: string[];
};

export async function planYear(deps: PlanningDeps, forumId: string, year: number): Promise<YearPlanProposal> {
  checkYear(year);
  return deps.transact(async (uow) => {
    const ctx = await uow.years.loadForumContext(forumId, year);
    if (!ctx) throw notFound('forum', forumId);
    const existing = ctx.meetings.filter((m) => m.status !== 'cancelled');
    // No meetings of its own: the year is built from the planner (other forums' meetings still count).
    const y = buildYearOfDuties({ ...ctx, meetings: [] }, year, { today: todayOf(deps.clock) });
    return {
      forumId,
      year,
      constraints: y.constraints,
      constraintsEn: y.constraintsEn,
      rules: y.rules,
      proposal: y.meetings,
      existing: existing.map((m) => ({ id: m.id, date: m.date, start: m.start, end: m.end, kind: m.kind, status: m.status })),
      warnings: y.warnings,
      warningsEn: y.warningsEn,
    };
  });
}
