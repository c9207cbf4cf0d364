/**
 * The Danish working-day calendar.
 *
 * What it does: tells whether a local date (YYYY-MM-DD, Europe/Copenhagen) is a
 * working day (not a weekend, not a Danish public holiday, not an extra closed day
 * the region adds such as the Christmas week), steps between working days, and
 * turns a local date + time into a UTC instant through luxon (so DST is the time
 * zone library's business, never ours).
 *
 * Holidays come from `date-holidays` (DK, type "public" only: Christmas Eve and
 * Constitution Day are observances there, and Store Bededag stops in 2024, which the
 * library knows). Lookups are cached per year; instants per (date, time).
 *
 * Date-only arithmetic (add N days) works on day numbers since 1970-01-01 in UTC:
 * a civil date has no time zone, so no DST is involved there.
 *
 * What it does not do yet: half days (e.g. Christmas Eve as a half day), regional
 * holidays, closed days that differ per organisation inside one region.
 */
import { danishHolidayInSentence } from './holiday-name.js';
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export const DANISH_ZONE = 'Europe/Copenhagen';

type HolidayLanguage = 'da' | 'en';
/**
 * One library instance per language for the process: constructing one parses the
 * whole DK rule set, and asking an instance for another language would switch its
 * default language (the Danish names must stay Danish).
 */
const holidayLibraries = new Map<HolidayLanguage, Holidays>();
const publicHolidayCaches = new Map<HolidayLanguage, Map<number, ReadonlyMap<string, string>>>();

/** Danish public holidays of a year with their names in `lang`: date -> name. */
function publicHolidays(year: number, lang: HolidayLanguage): ReadonlyMap<string, string> {
  let cache = publicHolidayCaches.get(lang);
  if (!cache) publicHolidayCaches.set(lang, (cache = new Map()));
  let map = cache.get(year);
  if (!map) {
    let lib = holidayLibraries.get(lang);
    if (!lib) holidayLibraries.set(lang, (lib = lang === 'da' ? new Holidays('DK') : new Holidays('DK', { languages: [lang] })));
    const m = new Map<string, string>();
    for (const h of lang === 'da' ? lib.getHolidays(year) : lib.getHolidays(year, lang)) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      m.set(date, m.has(date) ? `${m.get(date)} / ${h.name}` : h.name);
    }
    map = m;
    cache.set(year, map);
  }
  return map;
}

/** Danish public holidays of a year: date -> Danish name. */
export { danishHolidayInSentence };

export function danishPublicHolidays(year: number): ReadonlyMap<string, string> {
  return publicHolidays(year, 'da');
}

/** The same Danish public holidays with their English names (from the library): date -> English name. */
export function englishPublicHolidays(year: number): ReadonlyMap<string, string> {
  return publicHolidays(year, 'en');
}

const MS_PER_DAY = 86_400_000;

// The planner converts dates millions of times; both directions are memoised (a
// few thousand distinct dates per data set) and computed without Date objects.
const dayNumberCache = new Map<string, number>();
const dateStringCache = new Map<number, string>();

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export function toDayNumber(date: string): number {
  let n = dayNumberCache.get(date);
  if (n === undefined) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    n = Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
    if (Number.isNaN(n) || date.length !== 10) throw new Error(`not a YYYY-MM-DD date: ${date}`);
    dayNumberCache.set(date, n);
  }
  return n;
}

/** YYYY-MM-DD of a day number (Hinnant's civil-from-days). */
export function fromDayNumber(n: number): string {
  let s = dateStringCache.get(n);
  if (s === undefined) {
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    s = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    dateStringCache.set(n, s);
  }
  return s;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO week number (1-53). */
export function isoWeek(date: string): number {
  const n = toDayNumber(date);
  const thursday = n - isoWeekday(date) + 4;
  const thursdayDate = fromDayNumber(thursday);
  const jan1 = toDayNumber(`${thursdayDate.slice(0, 4)}-01-01`);
  return Math.floor((thursday - jan1) / 7) + 1;
}

/** Adds calendar months; the day is clamped to the target month's length (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(Number(date.slice(8, 10)), last);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export const danishWeekdays = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;
export const danishMonths = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'december',
] as const;

/** "1. april 2021" (Danish) or "1 April 2021" (English) from YYYY-MM-DD. */
function formatDate(date: string, months: readonly string[], dayDot: string, withYear: boolean): string {
  const dm = `${Number(date.slice(8, 10))}${dayDot} ${months[Number(date.slice(5, 7)) - 1]}`;
  return withYear ? `${dm} ${date.slice(0, 4)}` : dm;
}

/** "1. april 2021" */
export function formatDanishDate(date: string, withYear = true): string {
  return formatDate(date, danishMonths, '.', withYear);
}

export const englishWeekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const englishMonths = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "1 April 2021" */
export function formatEnglishDate(date: string, withYear = true): string {
  return formatDate(date, englishMonths, '', withYear);
}

/** Why a date is closed, in English (the twin of `WorkingDayCalendar.closedReason(date).da`). */
export function closedReasonEn(date: string, reason: ClosedReason): string {
  const day = formatEnglishDate(date, false);
  if (reason.kind === 'holiday') return `${day} is ${englishPublicHolidays(Number(date.slice(0, 4))).get(date) ?? 'a public holiday'}`;
  if (reason.kind === 'weekend') return `${day} is a ${englishWeekdays[isoWeekday(date) - 1]}`;
  return `${day} is a closed day`;
}

/** "onsdag 31. marts 2021" */
export function formatDanishDay(date: string): string {
  return `${danishWeekdays[isoWeekday(date) - 1]} ${formatDanishDate(date)}`;
}

/**
 * UTC offsets of a zone, from the time-zone library: per year we ask luxon for the
 * offset at each month start and, where it differs between two of them, bisect to
 * the minute the library says it changes. Converting then is a lookup plus
 * luxon's own two-pass local->UTC resolution (same result as DateTime.fromISO,
 * checked hour by hour in the spec), without an Intl call per conversion. A
 * local time that occurs twice (the autumn hour) resolves to its second
 * occurrence (standard time) whatever "now" is; luxon's own choice there depends
 * on the offset at the current moment, which a pure function must not read.
 */
class ZoneOffsets {
  /** Sorted change points: from `at` (UTC ms) on, the offset is `offset` minutes. */
  private readonly changes: { at: number; offset: number }[] = [];
  private readonly years = new Set<number>();
  constructor(private readonly zone: string) {}

  private libraryOffset(ms: number): number {
    return DateTime.fromMillis(ms, { zone: this.zone }).offset;
  }

  private loadYear(year: number): void {
    if (this.years.has(year)) return;
    this.years.add(year);
    let prevMs = Date.UTC(year, 0, 1);
    let prev = this.libraryOffset(prevMs);
    const found: { at: number; offset: number }[] = [{ at: prevMs, offset: prev }];
    for (let m = 1; m <= 12; m += 1) {
      const ms = Date.UTC(year, m, 1);
      const off = this.libraryOffset(ms);
      if (off !== prev) {
        let lo = prevMs;
        let hi = ms;
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (this.libraryOffset(mid) === prev) lo = mid;
          else hi = mid;
        }
        found.push({ at: hi, offset: off });
      }
      prevMs = ms;
      prev = off;
    }
    this.changes.push(...found);
    this.changes.sort((a, b) => a.at - b.at);
  }

  /** Offset in minutes at a UTC instant. */
  offsetAt(ms: number): number {
    const year = new Date(ms).getUTCFullYear();
    this.loadYear(year);
    this.loadYear(year - 1);
    let lo = 0;
    let hi = this.changes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.changes[mid]!.at <= ms) lo = mid;
      else hi = mid - 1;
    }
    return this.changes[lo]!.offset;
  }

  /** UTC ms of a local wall-clock time given as if it were UTC ms (luxon's fixOffset). */
  localToUtc(localMs: number): number {
    const o = this.offsetAt(localMs);
    let utcGuess = localMs - o * 60_000;
    const o2 = this.offsetAt(utcGuess);
    if (o === o2) return utcGuess;
    utcGuess -= (o2 - o) * 60_000;
    const o3 = this.offsetAt(utcGuess);
    if (o2 === o3) return utcGuess;
    // A local time that does not exist (spring gap) moves forward, as in luxon.
    return localMs - Math.min(o2, o3) * 60_000;
  }
}

const zoneOffsets = new Map<string, ZoneOffsets>();
function offsetsOf(zone: string): ZoneOffsets {
  let z = zoneOffsets.get(zone);
  if (!z) zoneOffsets.set(zone, (z = new ZoneOffsets(zone)));
  return z;
}

export type ClosedReason =
  | { kind: 'weekend'; da: string }
  | { kind: 'holiday'; name: string; da: string }
  | { kind: 'closed_day'; da: string };

export type CalendarOptions = {
  /** Extra closed days a region adds (e.g. 2026-12-28 .. 2026-12-31), YYYY-MM-DD. */
  extraClosedDays?: Iterable<string>;
  zone?: string;
};

export class WorkingDayCalendar {
  readonly zone: string;
  private readonly extraClosed: ReadonlySet<string>;
  private readonly instantCache = new Map<string, string>();
  private readonly closedCache = new Map<number, boolean>();
  private readonly localDateCache = new Map<string, string>();

  constructor(options: CalendarOptions = {}) {
    this.zone = options.zone ?? DANISH_ZONE;
    this.extraClosed = new Set(options.extraClosedDays ?? []);
  }

  holidayName(date: string): string | undefined {
    return danishPublicHolidays(Number(date.slice(0, 4))).get(date);
  }

  isWeekend(date: string): boolean {
    return isoWeekday(date) >= 6;
  }

  isExtraClosedDay(date: string): boolean {
    return this.extraClosed.has(date);
  }

  /** Why a date is closed (holiday first: a holiday on a Saturday is named), or undefined on a working day. */
  closedReason(date: string): ClosedReason | undefined {
    const holiday = this.holidayName(date);
    if (holiday) return { kind: 'holiday', name: holiday, da: `${formatDanishDate(date, false)} er ${danishHolidayInSentence(holiday)}` };
    if (this.isWeekend(date)) return { kind: 'weekend', da: `${formatDanishDate(date, false)} er en ${danishWeekdays[isoWeekday(date) - 1]}` };
    if (this.extraClosed.has(date)) return { kind: 'closed_day', da: `${formatDanishDate(date, false)} er lukkedag` };
    return undefined;
  }

  isWorkingDay(date: string): boolean {
    return !this.isClosedN(toDayNumber(date));
  }

  private isClosedN(n: number): boolean {
    let closed = this.closedCache.get(n);
    if (closed === undefined) {
      const date = fromDayNumber(n);
      closed = this.isWeekend(date) || this.extraClosed.has(date) || this.holidayName(date) !== undefined;
      this.closedCache.set(n, closed);
    }
    return closed;
  }

  /** The date itself when it is a working day, else the next working day after it. */
  onOrAfter(date: string): string {
    let n = toDayNumber(date);
    while (this.isClosedN(n)) n += 1;
    return fromDayNumber(n);
  }

  /** The date itself when it is a working day, else the last working day before it. */
  onOrBefore(date: string): string {
    let n = toDayNumber(date);
    while (this.isClosedN(n)) n -= 1;
    return fromDayNumber(n);
  }

  /**
   * Moves |n| working days forward (n > 0) or backward (n < 0), not counting the
   * start date ("5 hverdage inden mødet" = the 5th working day before it).
   * n = 0 returns the start date unchanged.
   */
  addWorkingDays(date: string, n: number): string {
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let d = toDayNumber(date);
    while (left > 0) {
      d += step;
      if (!this.isClosedN(d)) left -= 1;
    }
    return fromDayNumber(d);
  }

  /** A local date and time (HH:MM) in this calendar's zone as a UTC instant (ISO, "Z", no milliseconds). */
  instant(date: string, time: string): string {
    const k = `${date}T${time}`;
    let v = this.instantCache.get(k);
    if (v === undefined) {
      const h = Number(time.slice(0, 2));
      const min = Number(time.slice(3, 5));
      if (time.length !== 5 || !(h >= 0 && h < 24 && min >= 0 && min < 60)) throw new Error(`not a HH:MM time: ${time}`);
      const localMs = toDayNumber(date) * MS_PER_DAY + (h * 60 + min) * 60_000;
      v = new Date(offsetsOf(this.zone).localToUtc(localMs)).toISOString().replace('.000Z', 'Z');
      this.instantCache.set(k, v);
    }
    return v;
  }

  /** The local date (YYYY-MM-DD) of an instant in this calendar's zone. */
  localDate(instant: string): string {
    let v = this.localDateCache.get(instant);
    if (v === undefined) {
      const ms = Date.parse(instant);
      if (Number.isNaN(ms)) throw new Error(`not an ISO instant: ${instant}`);
      v = fromDayNumber(Math.floor((ms + offsetsOf(this.zone).offsetAt(ms) * 60_000) / MS_PER_DAY));
      this.localDateCache.set(instant, v);
    }
    return v;
  }

  /** The local date and time of a UTC instant in this calendar's zone. */
  local(instant: string): { date: string; time: string } {
    const dt = DateTime.fromISO(instant, { zone: this.zone });
    return { date: dt.toISODate()!, time: dt.toFormat('HH:mm') };
  }
}

/** Anything that tells the time; the use cases' Clock port satisfies it. */
export type NowSource = { now(): Date };

/**
 * Today's date (YYYY-MM-DD) where Samraad lives: Europe/Copenhagen unless a zone
 * is given. The one "today" of the code base: a UTC date (toISOString().slice(0, 10))
 * is yesterday between local midnight and 01:00 (02:00 in summer). Not cached per
 * instant (unlike `WorkingDayCalendar.localDate`): every call has a new instant.
 */
export function localToday(clock: NowSource | Date, zone: string = DANISH_ZONE): string {
  const ms = (clock instanceof Date ? clock : clock.now()).getTime();
  return fromDayNumber(Math.floor((ms + offsetsOf(zone).offsetAt(ms) * 60_000) / MS_PER_DAY));
}
