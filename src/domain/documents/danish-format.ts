/**
 * Dates and times as Danish minutes write them: "6. maj 2020", "kl. 14.00 – 16.00",
 * always in Europe/Copenhagen. English gives "6 May 2020", "14:00 – 16:00".
 * Pure: every input is a local date (YYYY-MM-DD), a local time (HH:MM) or an
 * instant with offset; nothing reads the clock.
 */
import { DateTime } from 'luxon';

export const documentZone = 'Europe/Copenhagen';
export const documentLanguages = ['da', 'en'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

/** "2020-05-06" -> "6. maj 2020" (da) / "6 May 2020" (en). */
export function formatLocalDate(isoDate: string, language: DocumentLanguage): string {
  const d = DateTime.fromISO(isoDate, { zone: documentZone, locale: language });
  if (!d.isValid) throw new RangeError(`not a date: ${isoDate}`);
  return d.toFormat(language === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy');
}

/** An instant (with offset) shown as its date in Copenhagen. */
export function formatInstantDate(instant: string, language: DocumentLanguage): string {
  const d = DateTime.fromISO(instant, { setZone: false }).setZone(documentZone).setLocale(language);
  if (!d.isValid) throw new RangeError(`not an instant: ${instant}`);
  return d.toFormat(language === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy');
}

/** Minutes since local midnight -> "14.00" (da) / "14:00" (en). */
export function formatClock(minutesOfDay: number, language: DocumentLanguage): string {
  const h = Math.floor(minutesOfDay / 60) % 24;
  const m = minutesOfDay % 60;
  return `${String(h).padStart(2, '0')}${language === 'da' ? '.' : ':'}${String(m).padStart(2, '0')}`;
}

export function parseHhmm(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time written HH:MM: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** "kl. 14.00 – 16.00" (da) / "14:00 – 16:00" (en); the dash is an en dash. */
export function formatTimeRange(startMinutes: number, endMinutes: number, language: DocumentLanguage): string {
  const range = `${formatClock(startMinutes, language)} – ${formatClock(endMinutes, language)}`;
  return language === 'da' ? `kl. ${range}` : range;
}

/**
 * The local start/end instants of a meeting as ISO strings with offset, so the
 * calendar feed and the documents agree across DST changes.
 */
export function meetingInstants(date: string, start: string, end: string): { start: string; end: string } {
  const s = DateTime.fromISO(`${date}T${start}`, { zone: documentZone });
  const e = DateTime.fromISO(`${date}T${end}`, { zone: documentZone });
  if (!s.isValid || !e.isValid) throw new RangeError(`not a local date and time: ${date} ${start}-${end}`);
  return { start: s.toISO()!, end: e.toISO()! };
}
