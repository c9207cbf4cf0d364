/**
 * "The calendar of region X": the one way use cases get a working-day calendar
 * for a forum, so a region's extra closed days (region_closed_days, edited by the
 * region's secretariat) reach every deadline, plan, reminder and årshjul. The
 * store is read on each call, so deadlines computed on read follow a change at once.
 */
import { calendarWithClosedDays, closedDaysByRegion, regionCalendar } from '../domain/calendar/closed-day.model.js';
import type { WorkingDayCalendar } from '../domain/calendar/working-day.calendar.js';
import type { ClosedDayStore } from './ports/store.port.js';

/** The working-day calendar of one region (its closed days included). */
export async function calendarOfRegion(store: Pick<ClosedDayStore, 'list'>, region: string): Promise<WorkingDayCalendar> {
  return calendarWithClosedDays((await store.list({ region })).map((d) => d.date));
}

/** Every region's closed days, and a lookup of a region's calendar, in one read. */
export async function regionCalendars(store: Pick<ClosedDayStore, 'list'>): Promise<{ byRegion: Record<string, string[]>; of(region: string): WorkingDayCalendar }> {
  const byRegion = closedDaysByRegion(await store.list());
  return { byRegion, of: (region) => regionCalendar(byRegion, region) };
}
