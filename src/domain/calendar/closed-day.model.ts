/**
 * Extra closed days a region adds to the working-day calendar (e.g. the
 * Christmas week): the shapes, and the pure step from stored rows to "the
 * calendar of region X". The store keeps the rows; every deadline, plan,
 * reminder and årshjul of a forum uses its region's calendar.
 */
import { z } from 'zod';
import { isoDate } from '../registry/registry.model.js';
import { WorkingDayCalendar } from './working-day.calendar.js';

/** A region as forums name it ("Region Midtjylland"). */
export const RegionName = z.string().trim().min(1, 'must not be empty').max(100);

export const ClosedDayInput = z.object({
  /** Danish label shown next to the date, e.g. "Juleugen". */
  label: z.string().trim().min(1, 'must not be empty').max(100),
});
export type ClosedDayInput = z.infer<typeof ClosedDayInput>;

export const ClosedDay = z.object({
  region: RegionName,
  date: isoDate,
  label: z.string(),
  addedBy: z.string().optional(),
  addedAt: z.string(),
});
export type ClosedDay = z.infer<typeof ClosedDay>;

/** Closed dates per region, as the rules engine takes them. */
export type ClosedDaysByRegion = Readonly<Record<string, readonly string[]>>;

export function closedDaysByRegion(days: readonly Pick<ClosedDay, 'region' | 'date'>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of days) (out[d.region] ??= []).push(d.date);
  for (const list of Object.values(out)) list.sort();
  return out;
}

// A calendar memoises its lookups, and the planners ask it millions of times: one
// instance per distinct set of closed days, kept for the life of the process (a
// handful of regions, a set changes only when a secretariat edits it).
const calendars = new Map<string, WorkingDayCalendar>();
const MAX_CALENDARS = 200;

/** The working-day calendar with these extra closed days (shared instance per distinct set). */
export function calendarWithClosedDays(dates: readonly string[] = []): WorkingDayCalendar {
  const key = [...new Set(dates)].sort().join(',');
  let cal = calendars.get(key);
  if (!cal) {
    if (calendars.size >= MAX_CALENDARS) calendars.delete(calendars.keys().next().value!);
    cal = new WorkingDayCalendar({ extraClosedDays: key ? key.split(',') : [] });
    calendars.set(key, cal);
  }
  return cal;
}

/** The calendar of a region given every region's closed days. */
export function regionCalendar(byRegion: ClosedDaysByRegion, region: string): WorkingDayCalendar {
  return calendarWithClosedDays(byRegion[region] ?? []);
}
