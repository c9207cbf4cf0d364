/**
 * Graph wants Windows time zone names ("Romance Standard Time") in event start/end;
 * we keep IANA names. The mapping comes from windows-iana (CLDR's windowsZones).
 */
import { DateTime } from 'luxon';
import { findIana, findWindows } from 'windows-iana';

export function windowsZoneFor(iana: string): string {
  const w = findWindows(iana)[0];
  if (!w) throw new Error(`no Windows time zone for ${iana}`);
  return w;
}

export function ianaZoneFor(windowsOrIana: string): string {
  if (windowsOrIana === 'UTC' || windowsOrIana === 'tzone://Microsoft/Utc') return 'UTC';
  return findIana(windowsOrIana)[0] ?? windowsOrIana;
}

/** ISO instant -> Graph dateTimeTimeZone in the given IANA zone. */
export function toGraphDateTime(instant: string, iana: string): { dateTime: string; timeZone: string } {
  const d = DateTime.fromISO(instant, { setZone: true });
  if (!d.isValid) throw new Error(`invalid ISO instant ${instant}`);
  return { dateTime: d.setZone(iana).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: windowsZoneFor(iana) };
}

/** Graph dateTimeTimeZone -> ISO instant in UTC. */
export function fromGraphDateTime(dt: { dateTime?: string | null; timeZone?: string | null } | null | undefined): string {
  if (!dt?.dateTime) throw new Error('event without dateTime');
  const d = DateTime.fromISO(dt.dateTime, { zone: ianaZoneFor(dt.timeZone ?? 'UTC') });
  if (!d.isValid) throw new Error(`invalid Graph dateTime ${dt.dateTime} ${dt.timeZone ?? ''}`);
  return d.toUTC().toISO()!;
}
