/** Deadlines of a forum as a whole (not of one meeting). */
import { type WorkingDayCalendar, addDays } from '../calendar/working-day.calendar.js';

/** The yearly status is due on the last working day of the stated month (default December). */
export function annualStatusDate(cal: WorkingDayCalendar, year: number, dueMonth: number | undefined): string {
  const m = dueMonth ?? 12;
  const firstOfNext = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return cal.onOrBefore(addDays(firstOfNext, -1));
}
