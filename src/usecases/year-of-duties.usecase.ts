/**
 * Use case: a forum's year of duties (meetings with their deadlines, the joint
 * meeting / theme day constraints, chair hand-overs and the annual wheel), as a
 * JSON-able object for the REST API and the CLI, plus a Danish text rendering.
 *
 * When the forum has no (non-cancelled) meetings stored for the year, the year is
 * built from a proposed series (meeting-series planner), marked `source:
 * "proposed"`; otherwise from the stored meetings (`source: "stored"`).
 *
 * The only side effect is `port.loadForumContext`; everything else is the pure
 * rules engine, so `today` is a parameter.
 */
import { TermsOfReferenceInput, type Forum, type Membership, type Organisation, type Person, type TermsOfReference, type LeadTime } from '../domain/registry/registry.model.js';
import { withKindDefaults, type ForumKindDef } from '../domain/registry/forum-kind.model.js';
import type { Meeting, Task } from '../domain/meetings/meeting.model.js';
import { WorkingDayCalendar, danishWeekdays, englishWeekdays, formatDanishDate, formatDanishDay, formatEnglishDate, isoWeekday } from '../domain/calendar/working-day.calendar.js';
import { deadlineLabels, deadlineRuleSources, meetingDeadlines, resolveDeadlineRules, type Deadline, type ResolvedDeadlineRules } from '../domain/deadlines/meeting.deadlines.js';
import { planMeetingSeries, meetingCount } from '../domain/planning/meeting-series.planner.js';
import { buildAnnualWheel, dutyOrder, heldByOtherDuties, type Duty, type WheelMeeting } from '../domain/wheel/annual.wheel.js';
import { listedForForums } from '../domain/meetings/joint-listing.js';
import { meetingRules, termsInForceForYear } from '../domain/deadlines/meeting.rules.js';
import { describeHolders } from '../domain/rotation/chair.rotation.js';
import { checkComposition, type Finding } from '../domain/composition/composition.check.js';
import { invalid, notFound } from './use-case.errors.js';

/** A related forum (parent, sister, theme-day partner) with its terms and its meetings in the year. */
export type RelatedForum = { forum: Forum; terms?: TermsOfReference | undefined; meetings: Meeting[] };

/** What the port must provide for one forum and one year. */
export type ForumYearContext = {
  forum: Forum;
  /** The terms of reference in force in the year (the latest version with validFrom <= 31 December). */
  terms?: TermsOfReference | undefined;
  /** The parent forum (forum.parentId): its terms (chair offset) and meetings in the year (theme days). */
  parent?: RelatedForum | undefined;
  /** The forum named by terms.jointMeeting.withForumId, with its meetings in the year. */
  sister?: RelatedForum | undefined;
  /** The forum named by terms.themeDays.withForumId when it is not the parent. */
  themeDayPartner?: RelatedForum | undefined;
  /** This forum's meetings in the year, any status. */
  meetings: Meeting[];
  /** Memberships of this forum, and of the other forums its members sit in (clash check). */
  memberships: Membership[];
  /** Meetings in the year of the other forums this forum's members sit in (clash check). */
  otherMeetings?: Meeting[];
  /** Tasks owned by or assigned to this forum. */
  tasks: Task[];
  /** For names and the composition check. */
  organisations?: Organisation[];
  people?: Person[];
  /** Extra closed days of the forum's region. */
  extraClosedDays?: string[];
  /** Names of the forums referred to (parent, sister, forums of clashing meetings). */
  forumNames?: Record<string, string>;
  /** The forum's kind from the catalogue: its default rules fill what the terms leave unset. */
  kind?: ForumKindDef | undefined;
  /**
   * The joint meetings and theme days another forum holds with this one in the year (not cancelled, not in a slot the
   * forum holds a record of its own: `listedForForums`), each with its host: its terms, kind and region's closed days.
   */
  heldByOthers?: { meeting: Meeting; host: RelatedForum & { kind?: ForumKindDef | undefined; extraClosedDays?: string[] } }[];
};

export type YearOfDutiesPort = {
  loadForumContext(forumId: string, year: number): Promise<ForumYearContext | null>;
};

/** Everything a store may hand over in one go; `contextFromSnapshot` picks what one forum's year needs. */
export type RegistrySnapshot = {
  forums: readonly Forum[];
  terms: readonly TermsOfReference[];
  memberships: readonly Membership[];
  meetings: readonly Meeting[];
  tasks: readonly Task[];
  organisations?: readonly Organisation[];
  people?: readonly Person[];
  closedDaysByRegion?: Readonly<Record<string, readonly string[]>>;
  /** The catalogue of forum kinds. */
  forumKinds?: readonly ForumKindDef[];
};

/**
 * The terms the year is planned with: the forum's own, with its kind's default
 * rules filled in where they are unset; without terms, the kind's defaults alone
 * (as an unnumbered version 0), or nothing when the kind has none.
 */
export function termsWithKindDefaults(terms: TermsOfReference | undefined, kind: ForumKindDef | undefined, forumId: string, year: number): TermsOfReference | undefined {
  const merged = withKindDefaults(terms, kind);
  if (merged.fromKind.filter((r) => r !== 'publication').length === 0) return terms;
  const base: TermsOfReference = terms ?? { ...TermsOfReferenceInput.parse({ validFrom: `${year}-01-01` }), id: `kind:${kind!.key}`, forumId, version: 0 };
  return { ...base, ...(merged.meetings ? { meetings: merged.meetings } : {}), ...(merged.deadlines ? { deadlines: merged.deadlines } : {}) };
}

/** The terms in force in a year: the latest version with validFrom on or before 31 December (the one rule, `termsInForceForYear`). */
export const termsForYear = termsInForceForYear;

/**
 * Builds the port's answer from plain lists (pure), so a database-backed port
 * only has to load the lists: the forum, its terms for the year, parent / sister /
 * theme-day partner with their meetings in the year, the memberships of this
 * forum and of the other forums its members sit in, those forums' meetings
 * (clash check), the tasks owned by or assigned to it, and names.
 */
export function contextFromSnapshot(snap: RegistrySnapshot, forumId: string, year: number): ForumYearContext | null {
  const forum = snap.forums.find((f) => f.id === forumId);
  if (!forum) return null;
  const inYear = (m: Meeting) => m.date.startsWith(`${year}-`);
  const meetingsOf = (id: string) => snap.meetings.filter((m) => m.forumId === id && inYear(m));
  const related = (id: string | null | undefined): RelatedForum | undefined => {
    const f = id ? snap.forums.find((x) => x.id === id) : undefined;
    return f ? { forum: f, terms: termsForYear(snap.terms, f.id, year), meetings: meetingsOf(f.id) } : undefined;
  };
  const terms = termsForYear(snap.terms, forumId, year);
  const ownPeople = new Set(snap.memberships.filter((m) => m.forumId === forumId).map((m) => m.personId));
  const memberships = snap.memberships.filter((m) => m.forumId === forumId || ownPeople.has(m.personId));
  const otherForums = new Set(memberships.filter((m) => m.forumId !== forumId).map((m) => m.forumId));
  const partnerId = terms?.themeDays?.withForumId;
  const ctx: ForumYearContext = {
    forum,
    terms,
    parent: related(forum.parentId),
    sister: related(terms?.jointMeeting?.withForumId),
    themeDayPartner: partnerId && partnerId !== forum.parentId ? related(partnerId) : undefined,
    meetings: meetingsOf(forumId),
    memberships,
    otherMeetings: snap.meetings.filter((m) => otherForums.has(m.forumId) && inYear(m)),
    tasks: snap.tasks.filter((t) => t.forumId === forumId || t.assigneeForumId === forumId),
    forumNames: Object.fromEntries(snap.forums.map((f) => [f.id, f.shortName ?? f.name])),
    extraClosedDays: [...(snap.closedDaysByRegion?.[forum.region] ?? [])],
    kind: snap.forumKinds?.find((k) => k.key === forum.kind),
  };
  const heldByOthers = listedForForums(
    snap.meetings.filter((m) => inYear(m) && m.status !== 'cancelled' && (m.forumId === forumId || m.jointWithForumId === forumId)),
    [forumId],
  ).filter((m) => m.forumId !== forumId);
  if (heldByOthers.length) {
    ctx.heldByOthers = heldByOthers.flatMap((meeting) => {
      const host = related(meeting.forumId);
      if (!host) return [];
      return [{ meeting, host: { ...host, kind: snap.forumKinds?.find((k) => k.key === host.forum.kind), extraClosedDays: [...(snap.closedDaysByRegion?.[host.forum.region] ?? [])] } }];
    });
  }
  if (snap.organisations) ctx.organisations = [...snap.organisations];
  if (snap.people) ctx.people = [...snap.people];
  return ctx;
}

/** `fromDefault`: the forum's terms do not state this rule; the date follows the product's default, awaiting the secretariat's acceptance. */
export type DeadlineView = { date: string; at: string; nominalDate: string; adjustedBecause?: string; projected?: boolean; fromDefault?: true };

export type YearOfDuties = {
  forum: { id: string; name: string; level: string; region: string; cluster?: string; parentId?: string };
  year: number;
  source: 'stored' | 'proposed';
  rules: { agenda: string; itemsCutoff: string; minutes: string; commentWindow: string; tacitApproval: boolean; endOfWorkingDay: string };
  /** `rules` in English. */
  rulesEn: { agenda: string; itemsCutoff: string; minutes: string; commentWindow: string; tacitApproval: boolean; endOfWorkingDay: string };
  constraints: string[];
  /** `constraints` in English, same order and count. */
  constraintsEn: string[];
  meetings: {
    id?: string;
    sequence?: number;
    date: string;
    start: string;
    end: string;
    kind: WheelMeeting['kind'];
    status?: string;
    jointWithForumId?: string;
    reasons: string[];
    warnings: string[];
    /** `reasons` / `warnings` in English, same order and count. */
    reasonsEn: string[];
    warningsEn: string[];
    deadlines?: { itemsCutoff: DeadlineView; agendaDue: DeadlineView; minutesDue: DeadlineView; commentWindowCloses: DeadlineView };
  }[];
  chair: null | {
    termYears: number;
    anchor: string;
    anchorSource: 'stated' | 'parent_offset' | 'assumed';
    terms: { from: string; to: string; chairs: string; secretariat: string }[];
    nextHandover?: { date: string; text: string; textEn: string };
    notes: string[];
  };
  handovers: { date: string; text: string; textEn: string }[];
  duties: Duty[];
  unassignedAgreements: string[];
  composition: Finding[];
  warnings: string[];
  /** `warnings` in English, same order and count. */
  warningsEn: string[];
};

const unitDa: Record<LeadTime['unit'], [string, string]> = {
  calendar_days: ['dag', 'dage'],
  weeks: ['uge', 'uger'],
  working_days: ['hverdag', 'hverdage'],
};
const lead = (l: LeadTime) => `${l.amount} ${unitDa[l.unit][l.amount === 1 ? 0 : 1]}`;
const unitEn: Record<LeadTime['unit'], [string, string]> = {
  calendar_days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  working_days: ['working day', 'working days'],
};
const leadEn = (l: LeadTime) => `${l.amount} ${unitEn[l.unit][l.amount === 1 ? 0 : 1]}`;

function describeRulesEn(r: ResolvedDeadlineRules): YearOfDuties['rulesEn'] {
  return {
    agenda: `Agenda sent ${leadEn(r.agendaLead)} before the meeting`,
    itemsCutoff: r.itemsCutoff ? `Items at the latest ${leadEn(r.itemsCutoff)} before the meeting` : 'Items at the latest 7 days before the agenda is sent',
    minutes: `Minutes sent at the latest ${leadEn(r.minutesDue)} after the meeting`,
    commentWindow: `Remarks on the minutes within ${leadEn(r.commentWindow)} of sending`,
    tacitApproval: r.tacitApproval,
    endOfWorkingDay: r.endOfWorkingDay,
  };
}

function describeRules(r: ResolvedDeadlineRules): YearOfDuties['rules'] {
  return {
    agenda: `Dagsorden udsendes ${lead(r.agendaLead)} før mødet`,
    itemsCutoff: r.itemsCutoff ? `Punkter senest ${lead(r.itemsCutoff)} før mødet` : 'Punkter senest 7 dage før dagsordenen udsendes',
    minutes: `Referat udsendes senest ${lead(r.minutesDue)} efter mødet`,
    commentWindow: `Bemærkninger til referatet inden ${lead(r.commentWindow)} efter udsendelse`,
    tacitApproval: r.tacitApproval,
    endOfWorkingDay: r.endOfWorkingDay,
  };
}

const view = (d: Deadline, fromDefault = false): DeadlineView => ({
  date: d.date,
  at: d.at,
  nominalDate: d.nominalDate,
  ...(d.adjustedBecause ? { adjustedBecause: d.adjustedBecause } : {}),
  ...(d.projected ? { projected: true } : {}),
  ...(fromDefault ? { fromDefault: true as const } : {}),
});

export type YearOfDutiesOptions = {
  /** Local date (YYYY-MM-DD) "today": the next chair hand-over is counted from it (default 1 January of the year). */
  today?: string;
};

/** Builds the year from an already loaded context (pure). */
export function buildYearOfDuties(ctx: ForumYearContext, year: number, options: YearOfDutiesOptions = {}): YearOfDuties {
  const { forum } = ctx;
  // The forum's own terms, with its kind's default rules (catalogue) where the terms leave them unset.
  const terms = termsWithKindDefaults(ctx.terms, ctx.kind, forum.id, year);
  const kindRules = withKindDefaults(ctx.terms, ctx.kind).fromKind;
  const cal = new WorkingDayCalendar({ extraClosedDays: ctx.extraClosedDays ?? [] });
  const names = new Map<string, string>(Object.entries(ctx.forumNames ?? {}));
  for (const r of [ctx.parent, ctx.sister, ctx.themeDayPartner]) if (r) names.set(r.forum.id, r.forum.shortName ?? r.forum.name);
  names.set(forum.id, forum.shortName ?? forum.name);
  const forumName = (id: string) => names.get(id);
  const orgNames = new Map((ctx.organisations ?? []).map((o) => [o.id, o.name]));
  const organisationName = (id: string) => orgNames.get(id);
  const rules = resolveDeadlineRules(terms?.deadlines);
  // A rule the forum's own terms do not state is a default (the kind's or the product's), awaiting acceptance.
  const sources = deadlineRuleSources(ctx.terms?.deadlines);
  const warnings: string[] = [];
  const warningsEn: string[] = [];
  const warn = (da: string, en: string) => {
    warnings.push(da);
    warningsEn.push(en);
  };
  const constraints: string[] = [];
  const constraintsEn: string[] = [];
  const constrain = (da: string, en: string) => {
    constraints.push(da);
    constraintsEn.push(en);
  };

  if (!ctx.terms) warn('Forummet har intet kommissorium registreret; standardfristerne bruges', 'The forum has no terms of reference registered; the default deadlines are used');
  else {
    const unstated = (['agenda_due', 'items_cutoff', 'minutes_due', 'comment_window_closes'] as const).filter((k) => sources[k] === 'default');
    if (unstated.length) {
      warn(
        `Kommissoriet fastsætter ikke ${unstated.map((k) => deadlineLabels[k].da.toLowerCase()).join(', ')}: standardfrister, der afventer sekretariatets accept`,
        `The terms of reference do not set ${unstated.map((k) => deadlineLabels[k].en.toLowerCase()).join(', ')}: default deadlines awaiting the secretariat's acceptance`,
      );
    }
  }
  const mr = terms?.meetings;
  if (mr && (mr.perYearMin !== null || mr.perYearMax !== null)) {
    const span = mr.perYearMin === mr.perYearMax || mr.perYearMax === null ? `${mr.perYearMin ?? mr.perYearMax}` : `${mr.perYearMin ?? 0}-${mr.perYearMax}`;
    const fromKind = kindRules.includes('meetings') && ctx.kind;
    constrain(
      `Mødes ${span} gange om året${mr.adHoc ? ' samt ad hoc' : ''}${fromKind ? ` (standard for forumtypen ${ctx.kind!.nameDa})` : ''}`,
      `Meets ${span} ${span === '1' ? 'time' : 'times'} a year${mr.adHoc ? ' and ad hoc' : ''}${fromKind ? ` (default of the forum kind ${ctx.kind!.nameEn})` : ''}`,
    );
  }
  if (mr?.preferredWeekdays.length) {
    constrain(
      `Foretrukken mødedag: ${mr.preferredWeekdays.map((d) => danishWeekdays[d - 1]).join(', ')}`,
      `Preferred weekday: ${mr.preferredWeekdays.map((d) => englishWeekdays[d - 1]).join(', ')}`,
    );
  }
  const sisterId = terms?.jointMeeting?.withForumId;
  if (terms?.jointMeeting) {
    const sisterName = forumName(terms.jointMeeting.withForumId) ?? terms.jointMeeting.withForumId;
    constrain(
      `Fællesmøde med ${sisterName} samme dag, lige ${terms.jointMeeting.order === 'after' ? 'efter' : 'før'} møderne`,
      `Joint meeting with ${sisterName} on the same day, right ${terms.jointMeeting.order === 'after' ? 'after' : 'before'} the meetings`,
    );
  }
  const themePartner = ctx.themeDayPartner ?? (terms?.themeDays && (!terms.themeDays.withForumId || terms.themeDays.withForumId === forum.parentId) ? ctx.parent : undefined);
  if (terms?.themeDays?.perYear) {
    const withId = terms.themeDays.withForumId ?? forum.parentId ?? undefined;
    constrain(
      `${terms.themeDays.perYear} temadag${terms.themeDays.perYear === 1 ? '' : 'e'} om året${withId ? ` med ${forumName(withId) ?? withId}` : ''}`,
      `${terms.themeDays.perYear} theme day${terms.themeDays.perYear === 1 ? '' : 's'} a year${withId ? ` with ${forumName(withId) ?? withId}` : ''}`,
    );
  }
  if (terms?.chair?.offsetMonthsFromParent) {
    const n = terms.chair.offsetMonthsFromParent;
    constrain(
      `Formandskabet skifter ${n} måneder forskudt af ${forumName(forum.parentId ?? '') ?? 'det overordnede forum'}`,
      `The chairmanship changes ${n} ${n === 1 ? 'month' : 'months'} offset from ${forumName(forum.parentId ?? '') ?? 'the parent forum'}`,
    );
  }

  const stored = ctx.meetings.filter((m) => m.date.startsWith(`${year}-`) && m.status !== 'cancelled');
  let source: YearOfDuties['source'] = 'stored';
  type Row = WheelMeeting & { jointWithForumId?: string; reasons: string[]; warnings: string[]; reasonsEn: string[]; warningsEn: string[] };
  let rows: Row[];
  if (stored.length > 0) {
    rows = stored.map((m) => ({ ...m, reasons: [], warnings: [], reasonsEn: [], warningsEn: [] }));
    const { count } = meetingCount(terms);
    const ordinary = stored.filter((m) => m.kind === 'ordinary').length;
    if (mr && ((mr.perYearMin !== null && ordinary < mr.perYearMin) || (mr.perYearMax !== null && ordinary > mr.perYearMax))) {
      warn(
        `${ordinary} ordinære møder i ${year}; kommissoriet siger ${mr.perYearMin ?? 0}-${mr.perYearMax ?? count}`,
        `${ordinary} ordinary ${ordinary === 1 ? 'meeting' : 'meetings'} in ${year}; the terms of reference say ${mr.perYearMin ?? 0}-${mr.perYearMax ?? count}`,
      );
    }
  } else {
    source = 'proposed';
    const plan = planMeetingSeries({
      forum,
      terms,
      year,
      calendar: cal,
      sister: sisterId && ctx.sister && ctx.sister.forum.id === sisterId ? { forum: ctx.sister.forum, meetings: ctx.sister.meetings } : undefined,
      themeDayPartner: themePartner ? { forum: themePartner.forum, meetings: themePartner.meetings } : undefined,
      otherMeetings: [...(ctx.otherMeetings ?? []), ...(ctx.parent?.meetings ?? [])],
      memberships: ctx.memberships,
      forumName,
    });
    plan.warnings.forEach((w, i) => warn(w, plan.warningsEn[i] ?? w));
    rows = plan.meetings.map((p) => ({ ...p, reasons: p.reasons, warnings: p.warnings, reasonsEn: p.reasonsEn, warningsEn: p.warningsEn }));
  }

  const wheel = buildAnnualWheel({
    forum,
    terms,
    parentTerms: ctx.parent?.terms,
    year,
    meetings: rows,
    tasks: ctx.tasks,
    calendar: cal,
    forumName,
    organisationName,
    ...(options.today ? { today: options.today } : {}),
  });

  // Wheel entries are the rows sorted and numbered; pair them back by date, start and kind.
  const meetings: YearOfDuties['meetings'] = wheel.meetings.map((w) => {
    const row = rows.find((r) => r.date === w.date && r.start === w.start && r.kind === w.kind)!;
    return {
      ...(w.id ? { id: w.id } : {}),
      ...(w.sequence ? { sequence: w.sequence } : {}),
      date: w.date,
      start: w.start,
      end: w.end,
      kind: w.kind,
      ...(w.status ? { status: w.status } : {}),
      ...(row.jointWithForumId ? { jointWithForumId: row.jointWithForumId } : {}),
      reasons: row.reasons,
      warnings: row.warnings,
      reasonsEn: row.reasonsEn,
      warningsEn: row.warningsEn,
      ...(w.deadlines
        ? {
            deadlines: {
              itemsCutoff: view(w.deadlines.itemsCutoff, sources.items_cutoff === 'default'),
              agendaDue: view(w.deadlines.agendaDue, sources.agenda_due === 'default'),
              minutesDue: view(w.deadlines.minutesDue, sources.minutes_due === 'default'),
              commentWindowCloses: view(w.deadlines.commentWindowCloses, sources.comment_window_closes === 'default'),
            },
          }
        : {}),
    };
  });

  let chair: YearOfDuties['chair'] = null;
  const handovers: YearOfDuties['handovers'] = [];
  if (wheel.chair) {
    const c = wheel.chair;
    chair = {
      termYears: c.termYears,
      anchor: c.anchor,
      anchorSource: c.anchorSource,
      terms: c.terms.map((t) => ({ from: t.from, to: t.to, chairs: describeHolders(t.chairs, organisationName), secretariat: t.secretariat.length ? describeHolders(t.secretariat, organisationName) : 'ikke angivet' })),
      notes: c.notes,
    };
    if (c.nextHandover) chair.nextHandover = { date: c.nextHandover.date, text: c.nextHandover.da, textEn: c.nextHandover.en };
    handovers.push(...c.handovers.map((h) => ({ date: h.date, text: h.da, textEn: h.en })));
  }

  const composition =
    terms && ctx.organisations ? checkComposition({ forum, terms, memberships: ctx.memberships, organisations: ctx.organisations, ...(ctx.people ? { people: ctx.people } : {}), on: `${year}-01-01` }) : [];
  if (wheel.unassigned.length) warn(`Samarbejdsaftaler uden møde: ${wheel.unassigned.join(', ')}`, `Cooperation agreements without a meeting: ${(wheel.unassignedEn ?? wheel.unassigned).join(', ')}`);

  return {
    forum: {
      id: forum.id,
      name: forum.name,
      level: forum.level,
      region: forum.region,
      ...(forum.cluster ? { cluster: forum.cluster } : {}),
      ...(forum.parentId ? { parentId: forum.parentId } : {}),
    },
    year,
    source,
    rules: describeRules(rules),
    rulesEn: describeRulesEn(rules),
    constraints,
    constraintsEn,
    meetings,
    chair,
    handovers,
    // Each deadline from an unstated rule says so where it is shown, not only in the warning below the year.
    duties: [...wheel.duties.map((d) => (isDeadlineKind(d.kind) && sources[d.kind] === 'default' ? { ...d, ruleDefault: true } : d)), ...heldByOthersDuties(ctx, year)].sort(dutyOrder),
    unassignedAgreements: wheel.unassigned,
    composition,
    warnings,
    warningsEn,
  };
}

/**
 * The lines of the joint meetings and theme days other forums hold with this one: each host's meeting with the host's
 * deadlines, computed as for the host's own year (its terms with its kind's defaults, its region's calendar), a rule
 * its terms do not state marked as a default, and every line naming the host (`heldBy`).
 */
function heldByOthersDuties(ctx: ForumYearContext, year: number): Duty[] {
  const out: Duty[] = [];
  for (const { meeting: m, host } of ctx.heldByOthers ?? []) {
    if (m.kind !== 'joint' && m.kind !== 'theme_day') continue;
    // The host's rules by the one rule of every view (`meetingRules`): its terms of the year, its kind's defaults.
    const { rules, sources } = meetingRules(m, host.terms ? [host.terms] : [], host.kind);
    const cal = new WorkingDayCalendar({ extraClosedDays: host.extraClosedDays ?? [] });
    const deadlines = meetingDeadlines(m, rules, cal);
    out.push(...heldByOtherDuties({ ...m, kind: m.kind }, { id: host.forum.id, name: host.forum.shortName ?? host.forum.name }, year, deadlines, cal, (k) => sources[k] === 'default'));
  }
  return out;
}

/** The use case: load through the port, then build. Throws UseCaseError: validation (bad year), not_found (no forum). */
export async function yearOfDuties(port: YearOfDutiesPort, forumId: string, year: number, options: YearOfDutiesOptions = {}): Promise<YearOfDuties> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw invalid('year', `must be a whole year between 2000 and 2100, got ${year}`, 'Året skal være mellem 2000 og 2100');
  }
  const ctx = await port.loadForumContext(forumId, year);
  if (!ctx) throw notFound('forum', forumId);
  return buildYearOfDuties(ctx, year, options);
}

const kl = (t: string) => t.replace(':', '.');
type DeadlineKey = 'items_cutoff' | 'agenda_due' | 'minutes_due' | 'comment_window_closes';
const isDeadlineKind = (k: string): k is DeadlineKey =>
  k === 'items_cutoff' || k === 'agenda_due' || k === 'minutes_due' || k === 'comment_window_closes';

const englishDay = (date: string) => `${englishWeekdays[isoWeekday(date) - 1]} ${formatEnglishDate(date)}`;
const deadlineKeys = [
  ['items_cutoff', 'itemsCutoff'],
  ['agenda_due', 'agendaDue'],
  ['minutes_due', 'minutesDue'],
  ['comment_window_closes', 'commentWindowCloses'],
] as const;

/**
 * The year as text for the CLI (and GET .../year/:year?format=text), Danish or English: the rules, the conditions, the
 * forum's own meetings with their deadlines, the joint meetings and theme days other forums hold with it (each naming its
 * host, with the host's deadlines, as the tab's year lists them), the chairmanship, other duties, composition and
 * warnings. A deadline whose rule the terms do not state says it is a default awaiting acceptance.
 */
export function formatYearOfDuties(y: YearOfDuties, lang: 'da' | 'en' = 'da'): string {
  const en = lang === 'en';
  const day = en ? englishDay : formatDanishDay;
  const date = en ? formatEnglishDate : formatDanishDate;
  const time = (t: string) => (en ? t : kl(t));
  const rules = en ? (y.rulesEn ?? y.rules) : y.rules;
  const ruleDefault = en ? 'default, awaiting acceptance' : 'standard, afventer accept';
  const out: string[] = [];
  out.push(en ? `${y.forum.name}: year of duties ${y.year}${y.source === 'proposed' ? ' (proposed meeting plan)' : ''}` : `${y.forum.name}: årshjul ${y.year}${y.source === 'proposed' ? ' (forslag til mødeplan)' : ''}`);
  out.push('');
  out.push(en ? 'Deadlines by the terms of reference:' : 'Frister ifølge kommissoriet:');
  out.push(`  ${rules.itemsCutoff}`, `  ${rules.agenda}`, `  ${rules.minutes}`, `  ${rules.commentWindow}${rules.tacitApproval ? (en ? '; then tacitly approved' : '; derefter godkendt stiltiende') : ''}`);
  out.push(en ? `  Deadlines fall at ${time(rules.endOfWorkingDay)}` : `  Frister gælder til kl. ${kl(rules.endOfWorkingDay)}`);
  const constraints = en ? y.constraintsEn : y.constraints;
  if (constraints.length) {
    out.push('', en ? 'Conditions:' : 'Betingelser:');
    for (const c of constraints) out.push(`  - ${c}`);
  }
  out.push('', en ? 'Meetings:' : 'Møder:');
  if (y.meetings.length === 0) out.push(en ? '  (none)' : '  (ingen)');
  for (const m of y.meetings) {
    const what = en ? (m.kind === 'joint' ? 'Joint meeting' : m.kind === 'theme_day' ? 'Theme day' : `Meeting ${m.sequence}`) : m.kind === 'joint' ? 'Fællesmøde' : m.kind === 'theme_day' ? 'Temadag' : `${m.sequence}. møde`;
    out.push(en ? `  ${what}: ${day(m.date)}, ${m.start}–${m.end}` : `  ${what}: ${day(m.date)} kl. ${kl(m.start)}-${kl(m.end)}`);
    const reasons = en ? m.reasonsEn : m.reasons;
    if (reasons.length) out.push(`      ${en ? 'Reason' : 'Begrundelse'}: ${reasons.join('; ')}`);
    for (const w of en ? m.warningsEn : m.warnings) out.push(`      ${en ? 'Note' : 'OBS'}: ${w}`);
    if (m.deadlines) {
      for (const [k, field] of deadlineKeys) {
        const d = m.deadlines[field];
        const notes = [d.adjustedBecause && !en ? d.adjustedBecause : undefined, d.adjustedBecause && en ? `moved from ${date(d.nominalDate, false)}, a closed day` : undefined, !d.adjustedBecause && d.projected ? (en ? 'expected' : 'forventet') : undefined, d.fromDefault ? ruleDefault : undefined].filter(Boolean);
        out.push(`      ${deadlineLabels[k][lang]}: ${day(d.date)}${notes.length ? ` (${notes.join('; ')})` : ''}`);
      }
    }
  }
  // The joint meetings and theme days another forum holds with this one: the host's, listed for information.
  const held = y.duties.filter((d) => d.heldBy && (d.kind === 'joint_meeting' || d.kind === 'theme_day'));
  if (held.length) {
    out.push('', en ? 'Meetings other forums hold with this one:' : 'Møder, som andre fora holder med forummet:');
    for (const h of held) {
      out.push(`  ${day(h.date)}: ${en ? (h.titleEn ?? h.title) : h.title}`);
      for (const d of y.duties.filter((x) => x.heldBy && x.meetingId === h.meetingId && isDeadlineKind(x.kind))) {
        const notes = [/, (expected|forventet)$/.test(en ? (d.titleEn ?? '') : d.title) ? (en ? 'expected' : 'forventet') : undefined, d.ruleDefault ? ruleDefault : undefined].filter(Boolean);
        out.push(`      ${deadlineLabels[d.kind as DeadlineKey][lang]}: ${day(d.date)}${notes.length ? ` (${notes.join('; ')})` : ''}`);
      }
    }
  }
  if (y.chair) {
    out.push('', en ? `Chairmanship (terms of ${y.chair.termYears} ${y.chair.termYears === 1 ? 'year' : 'years'}):` : `Formandskab (perioder på ${y.chair.termYears} år):`);
    for (const t of y.chair.terms) out.push(`  ${date(t.from)} - ${date(t.to)}: ${t.chairs}${t.secretariat !== 'ikke angivet' ? `; ${en ? 'secretariat' : 'sekretariat'}: ${t.secretariat}` : ''}`);
    if (y.chair.nextHandover) out.push(en ? `  Next chair hand-over: ${y.chair.nextHandover.textEn}` : `  Næste formandsskifte: ${y.chair.nextHandover.text}`);
    for (const n of y.chair.notes) out.push(`  ${en ? 'Note' : 'OBS'}: ${n}`);
  }
  const other = y.duties.filter((d) => !d.heldBy && !['meeting', 'joint_meeting', 'theme_day', 'items_cutoff', 'agenda_due', 'minutes_due', 'comment_window_closes'].includes(d.kind));
  if (other.length) {
    out.push('', en ? 'Other duties in the year:' : 'Øvrige opgaver i året:');
    for (const d of other) out.push(`  ${date(d.date)}: ${en ? (d.titleEn ?? d.title) : d.title}`);
  }
  if (y.composition.length) {
    out.push('', en ? 'Composition:' : 'Sammensætning:');
    for (const f of y.composition) out.push(`  - ${en ? f.en : f.da}`);
  }
  const warnings = en ? y.warningsEn : y.warnings;
  if (warnings.length) {
    out.push('', en ? 'Note:' : 'Bemærk:');
    for (const w of warnings) out.push(`  - ${w}`);
  }
  return out.join('\n') + '\n';
}
