/**
 * A region's extra closed days (e.g. the Christmas week): list them (anyone
 * signed in), add or relabel one, remove one (the region's secretariat:
 * `access.canAdministerRegion`). Each write is audited in its transaction.
 *
 * What follows from a change: deadlines are computed on read with the region's
 * calendar (`calendarOfRegion`), so meetings, deadlines, "my deadlines", the
 * årshjul, the bot's answers and the CLI show the new dates at once; the reminder
 * plan (every 5 minutes) plans from them on its next run, and reminders already
 * handed to delivery stay as they are. A comment window that is already open
 * keeps the close it was given when the minutes were sent (stored with the
 * minutes, told to the members, and the tacit-approval job is scheduled for it):
 * a closed-day change does not move it or its job.
 */
import { ClosedDayInput, type ClosedDay } from '../../domain/calendar/closed-day.model.js';
import { access } from '../../domain/access/access.policy.js';
import { danishPublicHolidays, englishPublicHolidays } from '../../domain/calendar/working-day.calendar.js';
import type { Forum } from '../../domain/registry/registry.model.js';
import type { PlanningUnitOfWork } from '../ports/planning.port.js';
import type { Actor } from '../ports/store.port.js';
import { forbidden, invalid, notFound, UseCaseError } from '../use-case.errors.js';
import { accessContext, checkYear, todayOf, type PlanningDeps } from './planning.shared.js';

export { ClosedDayInput };

export type RegionClosedDays = {
  region: string;
  year?: number;
  closedDays: ClosedDay[];
  /** Denmark's public holidays of the year asked for (with a year only): the tab names them when a meeting is set on one. */
  publicHolidays?: { date: string; da: string; en: string }[];
  /** Whether the caller is the region's secretariat (may edit). */
  canEdit: boolean;
};

function holidaysOf(year: number): { date: string; da: string; en: string }[] {
  const en = englishPublicHolidays(year);
  return [...danishPublicHolidays(year)].map(([date, da]) => ({ date, da, en: en.get(date) ?? da })).sort((a, b) => a.date.localeCompare(b.date));
}

/** The region's forums (its name as forums spell it, matched without regard to case); 404 when no forum uses it. */
async function regionForums(uow: PlanningUnitOfWork, region: string): Promise<{ name: string; forums: Forum[] }> {
  const forums = (await uow.registry.listForums()).filter((f) => f.region.toLowerCase() === region.trim().toLowerCase());
  if (!forums.length) throw notFound('region', region);
  return { name: forums[0]!.region, forums };
}

/** The forum a region's audit entries are filed under: its top-level forum. */
const auditForum = (forums: Forum[]) => (forums.find((f) => !f.parentId) ?? forums[0]!).id;

async function requireRegionSecretariat(uow: PlanningUnitOfWork, actor: Actor, region: string, today: string): Promise<string> {
  if (!actor.personId) throw new UseCaseError('unauthenticated', "Sign in to change the region's closed days", [], 'Log ind for at ændre regionens lukkedage');
  if (!access.canAdministerRegion(await accessContext(uow, actor.personId, today), region)) {
    throw forbidden("Only the region's secretariat may change its closed days", 'Kun regionens sekretariat må ændre regionens lukkedage');
  }
  return actor.personId;
}

function checkDate(date: string): void {
  checkYear(Number(date.slice(0, 4)), 'date');
}

export async function listClosedDays(deps: PlanningDeps, region: string, year: number | undefined, actor: Actor): Promise<RegionClosedDays> {
  if (year !== undefined) checkYear(year);
  const today = todayOf(deps.clock);
  return deps.transact(async (uow) => {
    const r = await regionForums(uow, region);
    const closedDays = await uow.closedDays.list({ region: r.name, ...(year !== undefined ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}) });
    const canEdit = actor.personId ? access.canAdministerRegion(await accessContext(uow, actor.personId, today), r.name) : false;
    return { region: r.name, ...(year !== undefined ? { year, publicHolidays: holidaysOf(year) } : {}), closedDays, canEdit };
  });
}

export async function putClosedDay(deps: PlanningDeps, region: string, date: string, input: ClosedDayInput, actor: Actor): Promise<{ closedDay: ClosedDay; created: boolean }> {
  const parsed = ClosedDayInput.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw invalid(i.path.join('.') || 'body', i.message, 'Lukkedagen skal have en betegnelse, fx "Juleugen"');
  }
  checkDate(date);
  const today = todayOf(deps.clock);
  return deps.transact(async (uow) => {
    const r = await regionForums(uow, region);
    const personId = await requireRegionSecretariat(uow, actor, r.name, today);
    const previous = await uow.closedDays.get(r.name, date);
    const outcome = await uow.closedDays.put({ region: r.name, date, label: parsed.data.label, addedBy: personId, addedAt: deps.clock.now().toISOString() });
    await uow.audit.record({
      actorPersonId: personId,
      action: 'region.closed_day.put',
      forumId: auditForum(r.forums),
      target: `${r.name}/${date}`,
      outcome: 'ok',
      detail: { region: r.name, date, label: parsed.data.label, ...(previous ? { previousLabel: previous.label } : {}) },
    });
    return { closedDay: (await uow.closedDays.get(r.name, date))!, created: outcome === 'created' };
  });
}

export async function deleteClosedDay(deps: PlanningDeps, region: string, date: string, actor: Actor): Promise<{ removed: ClosedDay }> {
  checkDate(date);
  const today = todayOf(deps.clock);
  return deps.transact(async (uow) => {
    const r = await regionForums(uow, region);
    const personId = await requireRegionSecretariat(uow, actor, r.name, today);
    const existing = await uow.closedDays.get(r.name, date);
    if (!existing || !(await uow.closedDays.remove(r.name, date))) throw notFound('closed day', `${r.name} ${date}`);
    await uow.audit.record({
      actorPersonId: personId,
      action: 'region.closed_day.delete',
      forumId: auditForum(r.forums),
      target: `${r.name}/${date}`,
      outcome: 'ok',
      detail: { region: r.name, date, label: existing.label },
    });
    return { removed: existing };
  });
}
