import { describe, it, expect } from '@jest/globals';
import type { Forum, Membership, Organisation, TermsOfReference } from '../domain/registry/registry.model.js';
import type { Meeting } from '../domain/meetings/meeting.model.js';
import { WorkingDayCalendar, isoWeek } from '../domain/calendar/working-day.calendar.js';
import { UseCaseError } from './use-case.errors.js';
import { contextFromSnapshot, termsForYear, formatYearOfDuties, yearOfDuties, type ForumYearContext, type YearOfDutiesPort } from './year-of-duties.usecase.js';

// Two demo clusters modelled on the seeds: Midtklyngen (klyngestyregruppe + fokusgruppe with
// theme days and a chair offset by half a year) and a psychiatry theme group with a joint meeting.
const f = (id: string, name: string, extra: Partial<Forum> = {}): Forum => ({ id, name, kind: 'cluster', level: 'cluster', parentId: null, region: 'Midtjylland', cluster: 'Midt', status: 'active', successorIds: [], channelType: 'standard', links: [], ...extra });
const t = (forumId: string, extra: Partial<TermsOfReference>): TermsOfReference => ({
  id: `t-${forumId}`, forumId, version: 1, validFrom: '2025-01-01', purpose: [], tasks: [], seats: [], continuityRequired: false,
  meetings: { perYearMin: 4, perYearMax: 4, adHoc: true, preferredWeekdays: [] }, deadlines: { closedDayPolicy: {} }, decisionMinutes: true, subGroupsAllowed: [], annualWheel: [], ...extra,
});
const orgs: Organisation[] = [
  { id: 'hem', name: 'Hospitalsenhed Midt', kind: 'hospital', region: 'Midtjylland', cluster: 'Midt' },
  { id: 'viborg', name: 'Viborg Kommune', kind: 'municipality', region: 'Midtjylland', cluster: 'Midt' },
  { id: 'silkeborg', name: 'Silkeborg Kommune', kind: 'municipality', region: 'Midtjylland', cluster: 'Midt' },
  { id: 'skive', name: 'Skive Kommune', kind: 'municipality', region: 'Midtjylland', cluster: 'Midt' },
];
const ksg = f('ksg-midt', 'Klyngestyregruppe Midt', { shortName: 'Klyngestyregruppen' });
const ksgTerms = t('ksg-midt', {
  chair: { shared: true, sides: ['hospital', 'municipality'], rotatingSide: 'municipality', rotationOrder: ['viborg', 'silkeborg', 'skive'], rotatesAmongAllParties: false, termYears: 2, firstTermStarts: '2025-01-01', evaluateAfterYears: 2 },
  meetings: { perYearMin: 4, perYearMax: 4, adHoc: true, preferredWeekdays: [4], preferredStart: '13:00', durationMinutes: 180 },
  annualStatus: { dueMonth: 11 },
});
const fokus = f('fokus-sb', 'Fokusgruppen Sundhed og Beskæftigelse', { level: 'cluster_operational', parentId: 'ksg-midt' });
const fokusTerms = t('fokus-sb', {
  chair: { shared: true, sides: ['hospital', 'municipality'], rotationOrder: ['skive', 'viborg', 'silkeborg'], rotatesAmongAllParties: false, termYears: 2, offsetMonthsFromParent: 6 },
  themeDays: { perYear: 2 },
  deadlines: { agendaLead: { amount: 14, unit: 'calendar_days' }, closedDayPolicy: {} },
  annualWheel: [{ agreement: 'Samarbejdsaftale om sygedagpenge og beskæftigelse', meetingIndex: 2 }],
});
const vp = f('psyk-voksen', 'Temagruppe Voksenpsykiatri', { level: 'central_theme', cluster: undefined });
const vs = f('soma-voksen', 'Temagruppe Voksensomatik', { level: 'central_theme', cluster: undefined });
const vpTerms = t('psyk-voksen', { jointMeeting: { withForumId: 'soma-voksen', order: 'after' }, deadlines: { agendaLead: { amount: 5, unit: 'working_days' }, closedDayPolicy: {} } });
const mt = (id: string, forumId: string, date: string, extra: Partial<Meeting> = {}): Meeting => ({ id, forumId, date, start: '13:00', end: '15:00', online: false, kind: 'ordinary', status: 'planned', revision: 1, ...extra });
const ksgMeetings = [mt('k1', 'ksg-midt', '2027-03-04'), mt('k2', 'ksg-midt', '2027-06-10'), mt('k3', 'ksg-midt', '2027-09-09'), mt('k4', 'ksg-midt', '2027-11-25'), mt('kt1', 'ksg-midt', '2027-04-22', { kind: 'theme_day', start: '09:00', end: '15:00' })];
const vsMeetings = ['2027-02-23', '2027-05-25', '2027-09-21', '2027-11-23'].map((d, i) => mt(`s${i}`, 'soma-voksen', d, { start: '12:00', end: '14:00' }));
const memberships: Membership[] = [
  { id: 'a', personId: 'p1', forumId: 'fokus-sb', role: 'co_chair', side: 'municipality', representingOrganisationId: 'skive', from: '2025-01-01' },
  { id: 'b', personId: 'p1', forumId: 'ksg-midt', role: 'member', representingOrganisationId: 'skive', from: '2025-01-01' },
];

const contexts: Record<string, ForumYearContext> = {
  'ksg-midt': { forum: ksg, terms: ksgTerms, meetings: ksgMeetings, memberships: [], tasks: [], organisations: orgs },
  'fokus-sb': {
    forum: fokus, terms: fokusTerms, parent: { forum: ksg, terms: ksgTerms, meetings: ksgMeetings }, meetings: [], memberships,
    tasks: [{ id: 'task1', forumId: 'ksg-midt', title: 'Kortlægning af fælles borgere', description: '', assigneeForumId: 'fokus-sb', dueOn: '2027-08-31', reportToForumId: 'ksg-midt', status: 'open' }],
    organisations: orgs,
  },
  'psyk-voksen': { forum: vp, terms: vpTerms, sister: { forum: vs, meetings: vsMeetings }, meetings: [], memberships: [], tasks: [] },
};
const port: YearOfDutiesPort = { loadForumContext: async (id) => contexts[id] ?? null };
const cal = new WorkingDayCalendar();

describe('yearOfDuties', () => {
  it('klyngestyregruppe: stored meetings with deadlines and the next chair hand-over', async () => {
    const y = await yearOfDuties(port, 'ksg-midt', 2027);
    expect(y.source).toBe('stored');
    expect(y.meetings.filter((m) => m.kind === 'ordinary')).toHaveLength(4);
    expect(y.meetings[0]!.deadlines!.agendaDue.date).toBe('2027-02-18');
    expect(y.handovers.map((h) => h.date)).toEqual(['2027-01-01']);
    expect(y.handovers[0]!.text).toContain('fra hospitalet og Viborg Kommune til hospitalet og Silkeborg Kommune');
    expect(y.duties.some((d) => d.kind === 'chair_evaluation' && d.date === '2027-01-01')).toBe(true);
    expect(JSON.parse(JSON.stringify(y))).toEqual(y);
    expect((await yearOfDuties(port, 'ksg-midt', 2027, { today: '2026-11-23' })).chair!.nextHandover!.date).toBe('2027-01-01');
  });

  it('a forum whose terms set no deadlines shows every deadline as a default awaiting acceptance, never as its rule', async () => {
    const y = await yearOfDuties(port, 'ksg-midt', 2027);
    for (const m of y.meetings.filter((x) => x.deadlines)) {
      const d = m.deadlines!;
      expect([d.itemsCutoff.fromDefault, d.agendaDue.fromDefault, d.minutesDue.fromDefault, d.commentWindowCloses.fromDefault]).toEqual([true, true, true, true]);
    }
    expect(y.warnings.some((w) => /afventer sekretariatets accept/.test(w))).toBe(true);
    // The fokusgruppe's terms state the agenda lead: that one is its rule, the rest are defaults.
    const f = await yearOfDuties(port, 'fokus-sb', 2027);
    const d = f.meetings.find((m) => m.deadlines)!.deadlines!;
    expect(d.agendaDue.fromDefault).toBeUndefined();
    expect(d.minutesDue.fromDefault).toBe(true);
    // And so does each line of the year (årshjul), not only the warning: a deadline duty from a default is marked.
    const deadlineKinds = ['items_cutoff', 'agenda_due', 'minutes_due', 'comment_window_closes'];
    const ksgDeadlines = y.duties.filter((x) => deadlineKinds.includes(x.kind));
    expect(ksgDeadlines.length).toBeGreaterThan(0);
    expect(ksgDeadlines.every((x) => x.ruleDefault === true)).toBe(true);
    expect(y.duties.filter((x) => !deadlineKinds.includes(x.kind)).every((x) => x.ruleDefault === undefined)).toBe(true);
    expect(f.duties.filter((x) => x.kind === 'agenda_due').every((x) => x.ruleDefault === undefined)).toBe(true);
    expect(f.duties.filter((x) => x.kind === 'minutes_due').every((x) => x.ruleDefault === true)).toBe(true);
  });

  it('fokusgruppe: proposes 4 meetings and takes the 2 theme days with the parent, hand-over offset half a year', async () => {
    const y = await yearOfDuties(port, 'fokus-sb', 2027);
    expect(y.source).toBe('proposed');
    const ordinary = y.meetings.filter((m) => m.kind === 'ordinary');
    expect(ordinary).toHaveLength(4);
    for (const m of ordinary) {
      expect(cal.isWorkingDay(m.date)).toBe(true);
      expect(isoWeek(m.date) >= 28 && isoWeek(m.date) <= 31).toBe(false);
      expect(m.reasons[0]).toMatch(/^Kvartalsvis fordeling/);
      expect(m.deadlines!.agendaDue.date < m.date).toBe(true);
      // p1 sits in both forums: never on a day the parent meets.
      expect(ksgMeetings.map((k) => k.date)).not.toContain(m.date);
    }
    const themes = y.meetings.filter((m) => m.kind === 'theme_day');
    expect(themes.map((m) => m.date)).toContain('2027-04-22');
    expect(themes).toHaveLength(2);
    expect(themes[1]!.reasons[0]).toMatch(/^Temadag 2 af 2 med Klyngestyregruppen/);
    expect(y.chair!.anchor).toBe('2025-07-01');
    expect(y.handovers.map((h) => h.date)).toEqual(['2027-07-01']);
    expect(y.duties.some((d) => d.kind === 'agreement_followup')).toBe(true);
    expect(y.duties.some((d) => d.kind === 'task_due' && d.title.includes('opdrag fra Klyngestyregruppen'))).toBe(true);
    const text = formatYearOfDuties(y);
    expect(text).toContain('Fokusgruppen Sundhed og Beskæftigelse: årshjul 2027 (forslag til mødeplan)');
    expect(text).toContain('2 temadage om året med Klyngestyregruppen');
    expect(text).toContain('Temadag: torsdag 22. april 2027');
    expect(text).toContain('Næste formandsskifte');
  });

  it('voksenpsykiatri: joint meeting with voksensomatik the same day right after', async () => {
    const y = await yearOfDuties(port, 'psyk-voksen', 2027);
    const joint = y.meetings.filter((m) => m.kind === 'joint');
    expect(joint.map((m) => [m.date, m.start])).toEqual(vsMeetings.map((s) => [s.date, '14:00']));
    expect(y.constraints).toContain('Fællesmøde med Temagruppe Voksensomatik samme dag, lige efter møderne');
    expect(y.rules.agenda).toBe('Dagsorden udsendes 5 hverdage før mødet');
  });

  it('gives every constraint, reason and warning an English twin, and names both parties of a hand-over in English', async () => {
    const danishLetters = /[æøåÆØÅ]/;
    // Forum and organisation names stay as they are.
    const unnamed = (x: string) => x.replace(/Klyngestyregruppen|Temagruppe Voksensomatik|Samarbejdsaftale om sygedagpenge og beskæftigelse/g, '');
    for (const id of ['ksg-midt', 'fokus-sb', 'psyk-voksen']) {
      const y = await yearOfDuties(port, id, 2027);
      expect(y.constraintsEn).toHaveLength(y.constraints.length);
      expect(y.warningsEn).toHaveLength(y.warnings.length);
      for (const m of y.meetings) {
        expect(m.reasonsEn).toHaveLength(m.reasons.length);
        expect(m.warningsEn).toHaveLength(m.warnings.length);
      }
      const english = [...y.constraintsEn, ...y.warningsEn, ...y.meetings.flatMap((m) => [...m.reasonsEn, ...m.warningsEn]), ...y.handovers.map((h) => h.textEn)];
      expect(english.map(unnamed).filter((x) => danishLetters.test(x))).toEqual([]);
      for (const h of y.handovers) expect(h.textEn).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}: the chairmanship passes from .+ to .+$/);
    }
    const ksgYear = await yearOfDuties(port, 'ksg-midt', 2027);
    expect(ksgYear.constraints).toEqual(['Mødes 4 gange om året samt ad hoc', 'Foretrukken mødedag: torsdag']);
    expect(ksgYear.constraintsEn).toEqual(['Meets 4 times a year and ad hoc', 'Preferred weekday: Thursday']);
    expect(ksgYear.handovers[0]!.text).toBe('1. januar 2027: formandskabet overgår fra hospitalet og Viborg Kommune til hospitalet og Silkeborg Kommune');
    expect(ksgYear.handovers[0]!.textEn).toBe('1 January 2027: the chairmanship passes from the hospital and Viborg Kommune to the hospital and Silkeborg Kommune');
    const fokusYear = await yearOfDuties(port, 'fokus-sb', 2027);
    expect(fokusYear.constraintsEn).toEqual(['Meets 4 times a year and ad hoc', '2 theme days a year with Klyngestyregruppen', 'The chairmanship changes 6 months offset from Klyngestyregruppen']);
    const vpYear = await yearOfDuties(port, 'psyk-voksen', 2027);
    expect(vpYear.constraintsEn).toContain('Joint meeting with Temagruppe Voksensomatik on the same day, right after the meetings');
    expect(vpYear.meetings.find((m) => m.kind === 'joint')!.reasonsEn).toEqual(['Joint meeting with Temagruppe Voksensomatik right after the meetings']);
  });

  it('refuses an unknown forum and a silly year', async () => {
    await expect(yearOfDuties(port, 'nope', 2027)).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    await expect(yearOfDuties(port, 'ksg-midt', 27)).rejects.toBeInstanceOf(UseCaseError);
    await expect(yearOfDuties(port, 'ksg-midt', 27)).rejects.toMatchObject({ kind: 'validation', status: 400 });
  });

  it('contextFromSnapshot gives the same year as a hand-built context, and picks the terms in force', async () => {
    const snap = {
      forums: [ksg, fokus, vp, vs],
      terms: [ksgTerms, fokusTerms, vpTerms, { ...fokusTerms, id: 'future', version: 2, validFrom: '2028-01-01', themeDays: { perYear: 0 } }],
      memberships,
      meetings: [...ksgMeetings, ...vsMeetings, mt('old', 'fokus-sb', '2026-05-05')],
      tasks: contexts['fokus-sb']!.tasks,
      organisations: orgs,
    };
    expect(termsForYear(snap.terms, 'fokus-sb', 2027)!.id).toBe('t-fokus-sb');
    expect(termsForYear(snap.terms, 'fokus-sb', 2028)!.id).toBe('future');
    expect(contextFromSnapshot(snap, 'nope', 2027)).toBeNull();
    const viaSnapshot = await yearOfDuties({ loadForumContext: async (id, year) => contextFromSnapshot(snap, id, year) }, 'fokus-sb', 2027);
    const direct = await yearOfDuties(port, 'fokus-sb', 2027);
    expect(viaSnapshot.meetings).toEqual(direct.meetings);
    expect(viaSnapshot.handovers).toEqual(direct.handovers);
    const joint = await yearOfDuties({ loadForumContext: async (id, year) => contextFromSnapshot(snap, id, year) }, 'psyk-voksen', 2027);
    expect(joint.meetings.filter((m) => m.kind === 'joint')).toHaveLength(4);
  });
});
