/**
 * Meeting-series planner: proposes a forum's meetings for one year, each with
 * the reasons for its date in Danish, for the secretariat to edit.
 *
 * What it does: picks N meetings (the stated count, else 4 kept within the terms'
 * min-max), aims each at the middle of its share of the year (quarterly for 4),
 * then walks outward from that target to the nearest day that is a working day,
 * a preferred weekday (default Tuesday-Thursday), outside the summer holiday weeks
 * 28-31 and the Christmas/New Year period, not already taken, and not a day on
 * which people who also sit in other forums (gennemgående personer) have another
 * meeting. Joint meetings (fællesmøde) follow the sister forum's dates, on the
 * same day right after (or before) the meetings; theme days (temadage) are taken
 * from the partner forum (usually the parent) or proposed when it has none yet.
 *
 * Every reason and warning has an English twin (`reasonsEn`, `warningsEn`, same
 * order and count as the Danish), for the tab's English mode.
 *
 * What it does not do yet: clashes at the hour level (a clash is the same day),
 * travel time between places, or the chair's personal calendar.
 */
import type { Forum, Membership, TermsOfReference } from '../registry/registry.model.js';
import type { Meeting } from '../meetings/meeting.model.js';
import {
  type WorkingDayCalendar,
  addDays,
  danishWeekdays,
  daysBetween,
  closedReasonEn,
  englishWeekdays,
  formatDanishDate,
  formatEnglishDate,
  fromDayNumber,
  isoWeek,
  isoWeekday,
  toDayNumber,
} from '../calendar/working-day.calendar.js';

export const SUMMER_WEEKS = { from: 28, to: 31 } as const;
export const DEFAULT_WEEKDAYS = [2, 3, 4] as const;
export const DEFAULT_START = '14:00';
export const DEFAULT_DURATION_MINUTES = 120;
export const DEFAULT_COUNT = 4;
const JOINT_DURATION_MINUTES = 60;
const THEME_DAY = { start: '09:00', end: '15:00' } as const;
const SEARCH_DAYS = 45;

export type ProposedMeeting = {
  date: string;
  start: string;
  end: string;
  kind: 'ordinary' | 'joint' | 'theme_day';
  jointWithForumId?: string;
  /** 1-based within the forum's ordinary meetings of the year. */
  sequence?: number;
  /** Why this date, in Danish, e.g. ["Kvartalsvis fordeling (2. kvartal)", "torsdag er foretrukken mødedag", "1. april er skærtorsdag"]. */
  reasons: string[];
  /** Something the secretariat should look at (e.g. a clash that could not be avoided). */
  warnings: string[];
  /** `reasons` in English, same order and count, e.g. ["Quarterly spread (2nd quarter)", "Thursday is the preferred weekday", "1 April is Maundy Thursday"]. */
  reasonsEn: string[];
  /** `warnings` in English, same order and count. */
  warningsEn: string[];
};

/** A text in Danish with its English twin. */
export type Bilingual = { da: string; en: string };

export type SeriesPlanInput = {
  forum: Forum;
  terms?: TermsOfReference | undefined;
  year: number;
  calendar: WorkingDayCalendar;
  /** Overrides the number of ordinary meetings. */
  count?: number;
  /** The sister forum of a joint meeting (terms.jointMeeting), with its meetings. */
  sister?: { forum: Forum; meetings: readonly Meeting[] } | undefined;
  /** The forum theme days are held with (terms.themeDays.withForumId, else the parent), with its meetings. */
  themeDayPartner?: { forum: Forum; meetings: readonly Meeting[] } | undefined;
  /** Meetings of other forums and the memberships of all forums concerned: the clash check. */
  otherMeetings?: readonly Meeting[];
  memberships?: readonly Membership[];
  forumName?: (forumId: string) => string | undefined;
};

export type SeriesPlan = {
  forumId: string;
  year: number;
  count: number;
  meetings: ProposedMeeting[];
  warnings: string[];
  /** `warnings` in English, same order and count. */
  warningsEn: string[];
};

export function addMinutes(time: string, minutes: number): string {
  const total = Math.min(23 * 60 + 59, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function isChristmasPeriod(date: string): boolean {
  const md = date.slice(5);
  return md >= '12-20' || md <= '01-03';
}

/** "1st", "2nd", "3rd", "4th", "11th", "21st". */
export function englishOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function spreadLabel(n: number, i: number): string {
  if (n === 4) return `Kvartalsvis fordeling (${i + 1}. kvartal)`;
  if (n === 2) return `Halvårlig fordeling (${i + 1}. halvår)`;
  if (n === 1) return 'Ét møde midt på året';
  return `Jævn fordeling over året (${i + 1}. af ${n} møder)`;
}

function spreadLabelEn(n: number, i: number): string {
  if (n === 4) return `Quarterly spread (${englishOrdinal(i + 1)} quarter)`;
  if (n === 2) return `Half-yearly spread (${englishOrdinal(i + 1)} half)`;
  if (n === 1) return 'One meeting in the middle of the year';
  return `Even spread over the year (${englishOrdinal(i + 1)} of ${n} meetings)`;
}

export function meetingCount(terms: TermsOfReference | undefined, override?: number): { count: number; warning?: string; warningEn?: string } {
  const min = terms?.meetings.perYearMin ?? null;
  const max = terms?.meetings.perYearMax ?? null;
  if (override !== undefined) {
    if ((min !== null && override < min) || (max !== null && override > max)) {
      return {
        count: override,
        warning: `${override} møder ligger uden for kommissoriets ${min ?? 0}-${max ?? '∞'} om året`,
        warningEn: `${override} meetings are outside the terms of reference's ${min ?? 0}-${max ?? '∞'} a year`,
      };
    }
    return { count: override };
  }
  let n = DEFAULT_COUNT;
  if (max !== null) n = Math.min(n, max);
  if (min !== null) n = Math.max(n, min);
  return { count: n };
}

type Rejection = { notable: boolean; da: string; en: string };

export function planMeetingSeries(input: SeriesPlanInput): SeriesPlan {
  const { forum, terms, year, calendar: cal } = input;
  const name = (id: string) => input.forumName?.(id) ?? id;
  const warnings: string[] = [];
  const warningsEn: string[] = [];
  const warn = (da: string, en: string) => {
    warnings.push(da);
    warningsEn.push(en);
  };
  const { count, warning, warningEn } = meetingCount(terms, input.count);
  if (warning) warn(warning, warningEn ?? warning);
  const preferred: readonly number[] = terms?.meetings.preferredWeekdays.length ? terms.meetings.preferredWeekdays : DEFAULT_WEEKDAYS;
  const preferredStated = Boolean(terms?.meetings.preferredWeekdays.length);
  const start = terms?.meetings.preferredStart ?? DEFAULT_START;
  const duration = terms?.meetings.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  const taken = new Set<string>();
  const inYear = (m: Meeting) => m.date.startsWith(`${year}-`) && m.status !== 'cancelled';

  // Clash check: dates on which people of this forum sit in another forum's meeting.
  const busy = new Map<string, Map<string, number>>();
  if (input.otherMeetings && input.memberships) {
    const ours = new Set(
      input.memberships
        .filter((m) => m.forumId === forum.id && m.from <= `${year}-12-31` && (!m.to || m.to >= `${year}-01-01`))
        .map((m) => m.personId),
    );
    const byForum = new Map<string, Membership[]>();
    for (const m of input.memberships) if (m.forumId !== forum.id && ours.has(m.personId)) byForum.set(m.forumId, [...(byForum.get(m.forumId) ?? []), m]);
    for (const om of input.otherMeetings) {
      if (om.forumId === forum.id || !inYear(om)) continue;
      const shared = new Set((byForum.get(om.forumId) ?? []).filter((m) => m.from <= om.date && (!m.to || m.to >= om.date)).map((m) => m.personId));
      if (shared.size === 0) continue;
      const perForum = busy.get(om.date) ?? new Map<string, number>();
      perForum.set(om.forumId, Math.max(perForum.get(om.forumId) ?? 0, shared.size));
      busy.set(om.date, perForum);
    }
  }

  const reject = (date: string, opts: { allowClash: boolean; anyWeekday: boolean; ignoreClashWith?: string }): Rejection | undefined => {
    const closed = cal.closedReason(date);
    if (closed) return { notable: closed.kind !== 'weekend', da: closed.da, en: closedReasonEn(date, closed) };
    const week = isoWeek(date);
    if (week >= SUMMER_WEEKS.from && week <= SUMMER_WEEKS.to) return { notable: true, da: `uge ${week} er sommerferie`, en: `week ${week} is summer holiday` };
    if (isChristmasPeriod(date)) return { notable: true, da: `${formatDanishDate(date, false)} ligger i jule- og nytårsperioden`, en: `${formatEnglishDate(date, false)} falls in the Christmas and New Year period` };
    if (taken.has(date)) return { notable: true, da: `${formatDanishDate(date, false)} er allerede brugt i planen`, en: `${formatEnglishDate(date, false)} is already used in the plan` };
    if (!opts.anyWeekday && !preferred.includes(isoWeekday(date))) return { notable: false, da: 'ikke en foretrukken mødedag', en: 'not a preferred weekday' };
    const clash = busy.get(date);
    if (clash && !opts.allowClash) {
      const entries = [...clash].filter(([fid]) => fid !== opts.ignoreClashWith);
      if (entries.length) {
        const [fid, n] = entries.sort((a, b) => b[1] - a[1])[0]!;
        return {
          notable: true,
          da: `${formatDanishDate(date, false)} har ${n} gennemgående ${n === 1 ? 'person' : 'personer'} møde i ${name(fid)}`,
          en: `on ${formatEnglishDate(date, false)}, ${n} ${n === 1 ? 'member who also sits' : 'members who also sit'} in ${name(fid)} ${n === 1 ? 'has' : 'have'} a meeting there`,
        };
      }
    }
    return undefined;
  };

  /** Nearest acceptable day to `target` inside the year, with what was skipped on the way. */
  const nearest = (target: string, ignoreClashWith?: string): { date: string; notes: Bilingual[]; warnings: Bilingual[] } | undefined => {
    const attempts = [
      { allowClash: false, anyWeekday: false },
      { allowClash: false, anyWeekday: true },
      { allowClash: true, anyWeekday: false },
      { allowClash: true, anyWeekday: true },
    ];
    for (const opts of attempts) {
      // What was skipped on the way; a skipped preferred weekday or a clash says more than a holiday on another day.
      const notes: { da: string; en: string; weight: number }[] = [];
      for (let k = 0; k <= SEARCH_DAYS; k += 1) {
        for (const d of k === 0 ? [target] : [addDays(target, k), addDays(target, -k)]) {
          if (!d.startsWith(`${year}-`)) continue;
          const r = reject(d, { ...opts, ...(ignoreClashWith ? { ignoreClashWith } : {}) });
          if (!r) {
            const w: Bilingual[] = [];
            if (opts.anyWeekday) {
              w.push({ da: `Ingen foretrukken mødedag var ledig; ${danishWeekdays[isoWeekday(d) - 1]} er valgt`, en: `No preferred weekday was free; ${englishWeekdays[isoWeekday(d) - 1]} was chosen` });
            }
            if (opts.allowClash && busy.has(d)) {
              const with_ = [...busy.get(d)!.keys()].map(name).join(', ');
              w.push({ da: `Sammenfald for gennemgående personer kunne ikke undgås (${with_})`, en: `A clash for members who also sit in other forums could not be avoided (${with_})` });
            }
            const top = notes.map((n, i) => ({ ...n, i })).sort((a, b) => b.weight - a.weight || a.i - b.i).slice(0, 2);
            return { date: d, notes: top.map((n) => ({ da: n.da, en: n.en })), warnings: w };
          }
          const onPreferred = opts.anyWeekday || preferred.includes(isoWeekday(d));
          if (r.notable && (onPreferred || cal.closedReason(d)?.kind === 'holiday') && !notes.some((n) => n.da === r.da)) {
            notes.push({ da: r.da, en: r.en, weight: onPreferred ? 2 : 1 });
          }
        }
      }
    }
    return undefined;
  };

  const meetings: ProposedMeeting[] = [];

  // Theme days first: they are fixed by the partner forum and ordinary meetings must avoid them.
  const themeDays = terms?.themeDays;
  if (themeDays && themeDays.perYear > 0) {
    const partner = input.themeDayPartner;
    const adopted = (partner?.meetings ?? []).filter((m) => inYear(m) && m.kind === 'theme_day').sort((a, b) => (a.date < b.date ? -1 : 1));
    for (const m of adopted.slice(0, themeDays.perYear)) {
      taken.add(m.date);
      meetings.push({
        date: m.date, start: m.start, end: m.end, kind: 'theme_day', jointWithForumId: m.forumId,
        reasons: [`Temadag sammen med ${name(m.forumId)} (fastlagt af ${name(m.forumId)})`], warnings: [],
        reasonsEn: [`Theme day together with ${name(m.forumId)} (set by ${name(m.forumId)})`], warningsEn: [],
      });
    }
    const adoptedCount = Math.min(adopted.length, themeDays.perYear);
    const missing = themeDays.perYear - adoptedCount;
    const partnerId = partner?.forum.id ?? themeDays.withForumId ?? forum.parentId ?? undefined;
    for (let i = 0; i < missing; i += 1) {
      // Theme days sit between the ordinary meetings: centres shifted by a quarter of their share.
      const share = 365 / missing;
      const target = fromDayNumber(toDayNumber(`${year}-01-01`) + Math.round(share * (i + 0.75)));
      const got = nearest(target, partnerId);
      if (!got) {
        warn(`Der blev ikke fundet en dato til temadag ${i + 1}`, `No date was found for theme day ${i + 1}`);
        continue;
      }
      taken.add(got.date);
      meetings.push({
        date: got.date,
        ...THEME_DAY,
        kind: 'theme_day',
        ...(partnerId ? { jointWithForumId: partnerId } : {}),
        reasons: [`Temadag ${adoptedCount + i + 1} af ${themeDays.perYear}${partnerId ? ` med ${name(partnerId)}` : ''} (foreslået: ${partnerId ? name(partnerId) : 'partneren'} har ikke fastlagt den endnu)`, ...got.notes.map((n) => n.da)],
        warnings: got.warnings.map((w) => w.da),
        reasonsEn: [`Theme day ${adoptedCount + i + 1} of ${themeDays.perYear}${partnerId ? ` with ${name(partnerId)}` : ''} (proposed: ${partnerId ? name(partnerId) : 'the partner'} has not set it yet)`, ...got.notes.map((n) => n.en)],
        warningsEn: got.warnings.map((w) => w.en),
      });
    }
  }

  const joint = terms?.jointMeeting;
  const sisterDates = joint && input.sister ? input.sister.meetings.filter((m) => inYear(m) && m.kind !== 'theme_day' && m.kind !== 'joint').sort((a, b) => (a.date < b.date ? -1 : 1)) : [];
  const ordinary: ProposedMeeting[] = [];
  if (joint && sisterDates.length > 0) {
    const sisterName = name(joint.withForumId);
    // Follow the sister forum's dates; when it meets more often than we do, keep an even spread of them.
    const picks = sisterDates.length <= count ? sisterDates : Array.from({ length: count }, (_, i) => sisterDates[Math.floor(((i + 0.5) * sisterDates.length) / count)]!);
    if (sisterDates.length < count) {
      warn(
        `${sisterName} har kun ${sisterDates.length} møder i ${year}; der planlægges ${sisterDates.length} fællesmøder`,
        `${sisterName} has only ${sisterDates.length} ${sisterDates.length === 1 ? 'meeting' : 'meetings'} in ${year}; ${sisterDates.length} joint ${sisterDates.length === 1 ? 'meeting is' : 'meetings are'} planned`,
      );
    }
    for (const s of picks) {
      taken.add(s.date);
      const end = addMinutes(s.start, duration);
      ordinary.push({
        date: s.date, start: s.start, end, kind: 'ordinary',
        reasons: [`Samme dag som ${sisterName}s møde (fællesmøde ifølge kommissoriet)`], warnings: [],
        reasonsEn: [`Same day as the meeting of ${sisterName} (joint meeting under the terms of reference)`], warningsEn: [],
      });
      // Right after both forums' own meetings (or right before them both).
      const jointStart = end > s.end ? end : s.end;
      const j: ProposedMeeting = joint.order === 'after'
        ? {
            date: s.date,
            start: jointStart,
            end: addMinutes(jointStart, JOINT_DURATION_MINUTES),
            kind: 'joint',
            jointWithForumId: joint.withForumId,
            reasons: [`Fællesmøde med ${sisterName} lige efter møderne`],
            warnings: [],
            reasonsEn: [`Joint meeting with ${sisterName} right after the meetings`],
            warningsEn: [],
          }
        : {
            date: s.date,
            start: minusMinutes(s.start, JOINT_DURATION_MINUTES),
            end: s.start,
            kind: 'joint',
            jointWithForumId: joint.withForumId,
            reasons: [`Fællesmøde med ${sisterName} lige før møderne`],
            warnings: [],
            reasonsEn: [`Joint meeting with ${sisterName} right before the meetings`],
            warningsEn: [],
          };
      meetings.push(j);
    }
  } else {
    if (joint) {
      warn(
        `${name(joint.withForumId)} har ingen planlagte møder i ${year} endnu; fællesmøderne kan placeres, når de er planlagt`,
        `${name(joint.withForumId)} has no meetings planned in ${year} yet; the joint meetings can be placed once they are planned`,
      );
    }
    const first = toDayNumber(`${year}-01-01`);
    const len = daysBetween(`${year}-01-01`, `${year}-12-31`) + 1;
    for (let i = 0; i < count; i += 1) {
      const target = fromDayNumber(first + Math.floor(((i + 0.5) * len) / count));
      const got = nearest(target);
      if (!got) {
        warn(`Der blev ikke fundet en dato til møde ${i + 1}`, `No date was found for meeting ${i + 1}`);
        continue;
      }
      taken.add(got.date);
      const weekday = danishWeekdays[isoWeekday(got.date) - 1]!;
      const dayReason = preferredStated
        ? preferred.includes(isoWeekday(got.date))
          ? `${weekday} er foretrukken mødedag`
          : `${weekday} (ingen foretrukken mødedag ledig)`
        : `${weekday} (tirsdag-torsdag som standard)`;
      const weekdayEn = englishWeekdays[isoWeekday(got.date) - 1]!;
      const dayReasonEn = preferredStated
        ? preferred.includes(isoWeekday(got.date))
          ? `${weekdayEn} is the preferred weekday`
          : `${weekdayEn} (no preferred weekday free)`
        : `${weekdayEn} (Tuesday to Thursday by default)`;
      ordinary.push({
        date: got.date,
        start,
        end: addMinutes(start, duration),
        kind: 'ordinary',
        reasons: [spreadLabel(count, i), dayReason, ...got.notes.map((n) => n.da)],
        warnings: got.warnings.map((w) => w.da),
        reasonsEn: [spreadLabelEn(count, i), dayReasonEn, ...got.notes.map((n) => n.en)],
        warningsEn: got.warnings.map((w) => w.en),
      });
    }
  }
  ordinary.sort((a, b) => (a.date < b.date ? -1 : 1)).forEach((m, i) => (m.sequence = i + 1));
  meetings.push(...ordinary);
  meetings.sort((a, b) => (a.date === b.date ? (a.start < b.start ? -1 : 1) : a.date < b.date ? -1 : 1));
  return { forumId: forum.id, year, count: ordinary.length, meetings, warnings, warningsEn };
}

function minusMinutes(time: string, minutes: number): string {
  const total = Math.max(0, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) - minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
