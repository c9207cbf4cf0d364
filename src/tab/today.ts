/**
 * Today's date (YYYY-MM-DD) in Europe/Copenhagen, as the server's `localToday`
 * (src/domain/calendar) counts it, without bundling the domain calendar: the UTC
 * date would be yesterday between local midnight and 01:00/02:00.
 */
const copenhagenDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

export function copenhagenToday(now: Date = new Date()): string {
  return copenhagenDate.format(now);
}
