/**
 * Duties of the year (årshjul) for one forum, and a secretariat view across the
 * forums of a region.
 *
 * What it does: lists, by date, each meeting with its deadlines, the follow-up of
 * each collaboration agreement assigned to a meeting ("meetingIndex" = the n-th
 * ordinary meeting of the year), the yearly status to the parent, evaluations,
 * chair hand-overs, the end of an ad hoc group's mandate and tasks falling due.
 *
 * What it does not do yet: duties that repeat on a custom rule beyond these.
 */
import type { Forum, TermsOfReference } from '../registry/registry.model.js';
import type { Task } from '../meetings/meeting.model.js';
import { type WorkingDayCalendar, addMonths, danishMonths, formatDanishDate } from '../calendar/working-day.calendar.js';
import { deadlineLabels, meetingDeadlines, resolveDeadlineRules, type MeetingDeadlines } from '../deadlines/meeting.deadlines.js';
import { chairTimeline, type ChairTimeline } from '../rotation/chair.rotation.js';
import { annualStatusDate } from '../deadlines/forum.deadlines.js';

export const dutyKinds = [
  'meeting',
  'joint_meeting',
  'theme_day',
  'items_cutoff',
  'agenda_due',
  'minutes_due',
  'comment_window_closes',
  'agreement_followup',
  'annual_status',
  'evaluation',
  'chair_handover',
  'chair_evaluation',
  'mandate_ends',
  'task_due',
] as const;
export type DutyKind = (typeof dutyKinds)[number];

export type Duty = {
  date: string;
  /** UTC instant where the duty has a time (deadlines, meetings). */
  at?: string;
  kind: DutyKind;
  forumId: string;
  meetingId?: string;
  taskId?: string;
  /** Danish text for the screen. */
  title: string;
  /** The same in English (names of forums, agreements and tasks stay as they are). */
  titleEn?: string;
  /** A deadline from a rule the forum's terms do not state: the default (the kind's or the product's), awaiting the secretariat's acceptance. */
  ruleDefault?: boolean;
  /**
   * A joint meeting or theme day another forum holds with this one (and its deadlines): the id of that host forum
   * (also `forumId`). Listed for information: the duty is the host's, not this forum's secretariat's.
   */
  heldBy?: string;
};

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "11 February" from 2027-02-11. */
const englishDayMonth = (iso: string) => `${Number(iso.slice(8, 10))} ${englishMonths[Number(iso.slice(5, 7)) - 1]}`;

/** The meeting shape the wheel needs: a stored meeting or a proposal. */
export type WheelMeeting = {
  id?: string;
  date: string;
  start: string;
  end: string;
  kind: 'ordinary' | 'joint' | 'theme_day' | 'extraordinary';
  status?: 'planned' | 'held' | 'cancelled';
  minutesSentAt?: string | undefined;
  /** A joint meeting's or a theme day's other forum, named on its line. */
  jointWithForumId?: string | undefined;
  /** A theme day's theme, named on its line. */
  title?: string | undefined;
};

export type AnnualWheelInput = {
  forum: Forum;
  terms?: TermsOfReference | undefined;
  parentTerms?: TermsOfReference | undefined;
  year: number;
  meetings: readonly WheelMeeting[];
  tasks?: readonly Task[];
  calendar: WorkingDayCalendar;
  forumName?: (id: string) => string | undefined;
  organisationName?: (id: string) => string | undefined;
  /** Local date "today", for the next chair hand-over (default: 1 January of the year). */
  today?: string;
};

export type WheelMeetingEntry = WheelMeeting & { sequence?: number; deadlines?: MeetingDeadlines };

export type AnnualWheel = {
  forumId: string;
  year: number;
  meetings: WheelMeetingEntry[];
  duties: Duty[];
  chair?: ChairTimeline;
  /** Agreements assigned to a meeting number the year does not have. */
  unassigned: string[];
  /** `unassigned` in English, same order. */
  unassignedEn?: string[];
};

const meetingKindDuty = { ordinary: 'meeting', extraordinary: 'meeting', joint: 'joint_meeting', theme_day: 'theme_day' } as const;

export function buildAnnualWheel(input: AnnualWheelInput): AnnualWheel {
  const { forum, terms, year, calendar: cal } = input;
  const rules = resolveDeadlineRules(terms?.deadlines);
  const name = (id: string) => input.forumName?.(id) ?? id;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inYear = (d: string) => d >= from && d <= to;
  const duties: Duty[] = [];
  const add = (d: Duty) => {
    if (inYear(d.date)) duties.push(d);
  };

  const live = input.meetings.filter((m) => inYear(m.date) && m.status !== 'cancelled').sort((a, b) => (a.date === b.date ? (a.start < b.start ? -1 : 1) : a.date < b.date ? -1 : 1));
  let seq = 0;
  const meetings: WheelMeetingEntry[] = live.map((m) => {
    const entry: WheelMeetingEntry = { ...m };
    if (m.kind === 'ordinary' || m.kind === 'extraordinary') {
      seq += 1;
      entry.sequence = seq;
    }
    // Every meeting the forum holds has its deadlines, a joint meeting and a theme day too (the forum is their host).
    entry.deadlines = meetingDeadlines(m, rules, cal);
    return entry;
  });

  for (const m of meetings) {
    const ref = m.id ? { meetingId: m.id } : {};
    const partner = m.jointWithForumId ? name(m.jointWithForumId) : undefined;
    const { da: what, en: whatEn } = m.kind === 'joint' || m.kind === 'theme_day' ? jointLabel(m, partner) : { da: `${m.sequence}. møde`, en: `Meeting ${m.sequence}` };
    add({ date: m.date, at: cal.instant(m.date, m.start), kind: meetingKindDuty[m.kind], forumId: forum.id, ...ref, title: `${what} kl. ${m.start.replace(':', '.')}-${m.end.replace(':', '.')}`, titleEn: `${whatEn}, ${m.start}–${m.end}` });
    if (!m.deadlines) continue;
    const joint = m.kind === 'joint' || m.kind === 'theme_day';
    const ofDa = !joint ? `${m.sequence}. møde` : m.kind === 'joint' ? 'fællesmøde' : 'temadag';
    const ofEn = !joint ? `meeting ${m.sequence}` : m.kind === 'joint' ? 'joint meeting' : 'theme day';
    for (const d of [m.deadlines.itemsCutoff, m.deadlines.agendaDue, m.deadlines.minutesDue, m.deadlines.commentWindowCloses]) {
      const label = deadlineLabels[d.kind].da;
      add({
        date: d.date, at: d.at, kind: d.kind, forumId: forum.id, ...ref,
        title: `${label} (${ofDa} ${formatDanishDate(m.date, false)})${d.projected ? ', forventet' : ''}`,
        titleEn: `${deadlineLabels[d.kind].en} (${ofEn}, ${englishDayMonth(m.date)})${d.projected ? ', expected' : ''}`,
      });
    }
  }

  const unassigned: string[] = [];
  const unassignedEn: string[] = [];
  for (const a of terms?.annualWheel ?? []) {
    const m = meetings.find((x) => x.sequence === a.meetingIndex);
    if (!m) {
      unassigned.push(`${a.agreement} (møde ${a.meetingIndex})`);
      unassignedEn.push(`${a.agreement} (meeting ${a.meetingIndex})`);
      continue;
    }
    add({ date: m.date, kind: 'agreement_followup', forumId: forum.id, ...(m.id ? { meetingId: m.id } : {}), title: `Opfølgning på samarbejdsaftale: ${a.agreement}`, titleEn: `Follow-up on the cooperation agreement: ${a.agreement}` });
  }

  if (terms?.annualStatus) {
    const date = annualStatusDate(cal, year, terms.annualStatus.dueMonth);
    const toForum = terms.annualStatus.toForumId ?? forum.parentId ?? undefined;
    add({ date, at: cal.instant(date, rules.endOfWorkingDay), kind: 'annual_status', forumId: forum.id, title: `Årlig status${toForum ? ` til ${name(toForum)}` : ''}`, titleEn: `Annual status${toForum ? ` to ${name(toForum)}` : ''}` });
  }
  if (terms?.evaluation) {
    const date = cal.onOrBefore(addMonths(terms.validFrom, terms.evaluation.afterMonths));
    const toForum = terms.evaluation.reportToForumId ?? forum.parentId ?? undefined;
    add({ date, at: cal.instant(date, rules.endOfWorkingDay), kind: 'evaluation', forumId: forum.id, title: `Evaluering af arbejdsformen${toForum ? `, rapporteres til ${name(toForum)}` : ''}`, titleEn: `Evaluation of the way of working${toForum ? `, reported to ${name(toForum)}` : ''}` });
  }

  let chair: ChairTimeline | undefined;
  if (terms?.chair) {
    chair = chairTimeline({
      rule: terms.chair,
      secretariat: terms.secretariat,
      parentRule: input.parentTerms?.chair,
      from,
      until: to,
      today: input.today ?? from,
      ...(input.organisationName ? { organisationName: input.organisationName } : {}),
    });
    for (const h of chair.handovers) add({ date: h.date, kind: 'chair_handover', forumId: forum.id, title: h.da.replace(/^[^:]+: /, 'Formandsskifte: '), titleEn: h.en.replace(/^[^:]+: the chairmanship passes /, 'Chair hand-over: ') });
    for (const e of chair.evaluations) add({ date: e.date, kind: 'chair_evaluation', forumId: forum.id, title: e.da, titleEn: e.en });
  }

  if (forum.level === 'ad_hoc' && forum.mandateEndsOn) {
    add({ date: forum.mandateEndsOn, kind: 'mandate_ends', forumId: forum.id, title: 'Opdraget udløber; gruppen afsluttes og melder tilbage', titleEn: 'The mandate ends; the group closes and reports back' });
  }
  for (const t of input.tasks ?? []) {
    if (t.status !== 'open') continue;
    if (t.forumId !== forum.id && t.assigneeForumId !== forum.id) continue;
    const commissioned = t.assigneeForumId === forum.id && t.forumId !== forum.id;
    const dir = commissioned ? `opdrag fra ${name(t.forumId)}` : 'opgave';
    const dirEn = commissioned ? `assignment from ${name(t.forumId)}` : 'task';
    add({ date: t.dueOn, at: cal.instant(t.dueOn, rules.endOfWorkingDay), kind: 'task_due', forumId: forum.id, taskId: t.id, title: `Frist for ${dir}: ${t.title}`, titleEn: `Deadline for ${dirEn}: ${t.title}` });
  }

  duties.sort(dutyOrder);
  const wheel: AnnualWheel = { forumId: forum.id, year, meetings, duties, unassigned, unassignedEn };
  if (chair) wheel.chair = chair;
  return wheel;
}

/** "Fællesmøde med X" / "Temadag »Y« med X" (Danish, English) of a joint meeting or theme day. */
function jointLabel(m: Pick<WheelMeeting, 'kind' | 'title'>, partner: string | undefined): { da: string; en: string } {
  const theme = m.kind === 'theme_day' && m.title?.trim() ? m.title.trim() : undefined;
  const themeDa = theme ? (/^temadag\b/i.test(theme) ? theme : `Temadag »${theme}«`) : 'Temadag';
  const themeEn = theme ? (/^temadag\b/i.test(theme) ? `Theme day (${theme})` : `Theme day “${theme}”`) : 'Theme day';
  const withDa = partner ? ` med ${partner}` : '';
  const withEn = partner ? ` with ${partner}` : '';
  return m.kind === 'joint' ? { da: `Fællesmøde${withDa}`, en: `Joint meeting${withEn}` } : { da: `${themeDa}${withDa}`, en: `${themeEn}${withEn}` };
}

/**
 * The lines of a joint meeting or theme day another forum (the host) holds with this one, for this forum's year: the
 * meeting and the host's deadlines (computed by the caller with the host's rules and calendar, `meetingDeadlines`), each
 * naming the host ("holdes af …") and marked `heldBy`, as they are the host's duties. `ruleDefault`: the host's deadline
 * kinds whose rule its terms do not state. Lines outside the year are left out.
 */
export function heldByOtherDuties(
  m: WheelMeeting & { id: string; kind: 'joint' | 'theme_day' },
  host: { id: string; name: string },
  year: number,
  deadlines: MeetingDeadlines,
  cal: WorkingDayCalendar,
  ruleDefault: (kind: keyof typeof deadlineLabels) => boolean = () => false,
): Duty[] {
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const { da, en } = jointLabel(m, undefined);
  const base = { forumId: host.id, meetingId: m.id, heldBy: host.id };
  const out: Duty[] = [];
  if (inYear(m.date)) {
    out.push({
      ...base, date: m.date, at: cal.instant(m.date, m.start), kind: meetingKindDuty[m.kind],
      title: `${da} kl. ${m.start.replace(':', '.')}-${m.end.replace(':', '.')}, holdes af ${host.name}`,
      titleEn: `${en}, ${m.start}–${m.end}, held by ${host.name}`,
    });
  }
  const ofDa = m.kind === 'joint' ? 'fællesmøde' : 'temadag';
  const ofEn = m.kind === 'joint' ? 'joint meeting' : 'theme day';
  for (const d of [deadlines.itemsCutoff, deadlines.agendaDue, deadlines.minutesDue, deadlines.commentWindowCloses]) {
    if (!inYear(d.date)) continue;
    out.push({
      ...base, date: d.date, at: d.at, kind: d.kind,
      title: `${deadlineLabels[d.kind].da} (${ofDa} ${formatDanishDate(m.date, false)}, holdes af ${host.name})${d.projected ? ', forventet' : ''}`,
      titleEn: `${deadlineLabels[d.kind].en} (${ofEn}, ${englishDayMonth(m.date)}, held by ${host.name})${d.projected ? ', expected' : ''}`,
      ...(ruleDefault(d.kind) ? { ruleDefault: true } : {}),
    });
  }
  return out;
}

/** The order of a year's duties: by date, then time, then kind. */
export const dutyOrder = (a: Duty, b: Duty) => (a.date === b.date ? (a.at ?? '').localeCompare(b.at ?? '') || a.kind.localeCompare(b.kind) : a.date < b.date ? -1 : 1);

export type RegionWheel = {
  region: string;
  year: number;
  months: { month: number; name: string; duties: (Duty & { forumName: string })[] }[];
};

/** The secretariat's view: all forums' duties of a region, month by month. */
export function buildRegionWheel(region: string, year: number, wheels: readonly AnnualWheel[], forums: readonly Forum[]): RegionWheel {
  const byId = new Map(forums.map((f) => [f.id, f]));
  const months: RegionWheel['months'] = danishMonths.map((n, i) => ({ month: i + 1, name: n, duties: [] }));
  for (const w of wheels) {
    const f = byId.get(w.forumId);
    if (!f || f.region !== region || w.year !== year) continue;
    for (const d of w.duties) months[Number(d.date.slice(5, 7)) - 1]!.duties.push({ ...d, forumName: f.shortName ?? f.name });
  }
  for (const m of months) m.duties.sort((a, b) => (a.date === b.date ? (a.at ?? '').localeCompare(b.at ?? '') || a.forumName.localeCompare(b.forumName, 'da') : a.date < b.date ? -1 : 1));
  return { region, year, months };
}
