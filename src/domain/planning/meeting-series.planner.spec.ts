import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import type { Forum, Membership, TermsOfReference } from '../registry/registry.model.js';
import type { Meeting } from '../meetings/meeting.model.js';
import { WorkingDayCalendar, isoWeek, isoWeekday } from '../calendar/working-day.calendar.js';
import { englishOrdinal, planMeetingSeries, type SeriesPlan } from './meeting-series.planner.js';

const cal = new WorkingDayCalendar();
const forum = (id: string, extra: Partial<Forum> = {}): Forum => ({
  id, name: id, kind: 'cluster', level: 'cluster', parentId: null, region: 'R', status: 'active', successorIds: [], channelType: 'standard', links: [], ...extra,
});
const terms = (extra: Partial<TermsOfReference> = {}): TermsOfReference => ({
  id: 't', forumId: 'f', version: 1, validFrom: '2020-01-01', purpose: [], tasks: [], seats: [], continuityRequired: false,
  meetings: { perYearMin: 4, perYearMax: 4, adHoc: true, preferredWeekdays: [4], preferredStart: '14:00', durationMinutes: 120 },
  deadlines: { closedDayPolicy: {} }, decisionMinutes: true, subGroupsAllowed: [], annualWheel: [], ...extra,
});
const meeting = (id: string, forumId: string, date: string, extra: Partial<Meeting> = {}): Meeting => ({
  id, forumId, date, start: '13:00', end: '15:00', online: false, kind: 'ordinary', status: 'planned', revision: 1, ...extra,
});

describe('planMeetingSeries', () => {
  it('spreads 4 meetings quarterly on the preferred Thursday, with reasons', () => {
    const plan = planMeetingSeries({ forum: forum('f'), terms: terms(), year: 2027, calendar: cal });
    expect(plan.meetings).toHaveLength(4);
    plan.meetings.forEach((m, i) => {
      expect(isoWeekday(m.date)).toBe(4);
      expect(Math.floor((Number(m.date.slice(5, 7)) - 1) / 3)).toBe(i);
      expect(m.reasons[0]).toBe(`Kvartalsvis fordeling (${i + 1}. kvartal)`);
      expect(m.reasons[1]).toBe('torsdag er foretrukken mødedag');
      expect(m).toMatchObject({ start: '14:00', end: '16:00', sequence: i + 1 });
    });
  });

  it('steps around Easter and says why ("1. april er skærtorsdag")', () => {
    const plan = planMeetingSeries({ forum: forum('f'), terms: terms({ meetings: { perYearMin: 2, perYearMax: 2, adHoc: false, preferredWeekdays: [4] } }), year: 2021, calendar: cal });
    const first = plan.meetings[0]!;
    expect(first.date).toBe('2021-04-08');
    expect(first.reasons).toEqual(['Halvårlig fordeling (1. halvår)', 'torsdag er foretrukken mødedag', '1. april er skærtorsdag', '2. april er langfredag']);
  });

  it('avoids a day on which members sit in another forum (gennemgående personer)', () => {
    const memberships: Membership[] = [
      { id: 'a', personId: 'p1', forumId: 'f', role: 'member', from: '2020-01-01' },
      { id: 'b', personId: 'p1', forumId: 'parent', role: 'member', from: '2020-01-01' },
    ];
    const free = planMeetingSeries({ forum: forum('f'), terms: terms(), year: 2027, calendar: cal });
    const clashDate = free.meetings[1]!.date;
    const plan = planMeetingSeries({
      forum: forum('f'), terms: terms(), year: 2027, calendar: cal,
      otherMeetings: [meeting('pm', 'parent', clashDate)], memberships, forumName: (id) => (id === 'parent' ? 'Klyngestyregruppen' : undefined),
    });
    expect(plan.meetings[1]!.date).not.toBe(clashDate);
    expect(plan.meetings[1]!.reasons.join('; ')).toContain('1 gennemgående person møde i Klyngestyregruppen');
  });

  it('holds the joint meeting the same day as the sister forum, right after', () => {
    const sisterMeetings = ['2027-03-04', '2027-06-03', '2027-09-02', '2027-11-25'].map((d, i) => meeting(`s${i}`, 'sister', d, { start: '13:00', end: '15:00' }));
    const plan = planMeetingSeries({
      forum: forum('f'), terms: terms({ jointMeeting: { withForumId: 'sister', order: 'after' }, meetings: { perYearMin: 4, perYearMax: 4, adHoc: false, preferredWeekdays: [], preferredStart: '13:00', durationMinutes: 90 } }),
      year: 2027, calendar: cal, sister: { forum: forum('sister'), meetings: sisterMeetings },
    });
    const own = plan.meetings.filter((m) => m.kind === 'ordinary');
    const joint = plan.meetings.filter((m) => m.kind === 'joint');
    expect(own.map((m) => m.date)).toEqual(sisterMeetings.map((m) => m.date));
    expect(joint.map((m) => [m.date, m.start, m.jointWithForumId])).toEqual(sisterMeetings.map((m) => [m.date, '15:00', 'sister']));
  });

  it('adopts the parent forum\'s theme days and proposes the missing ones', () => {
    const parentMeetings = [meeting('t1', 'parent', '2027-04-20', { kind: 'theme_day' }), meeting('o1', 'parent', '2027-02-10')];
    const plan = planMeetingSeries({
      forum: forum('f', { parentId: 'parent' }), terms: terms({ themeDays: { perYear: 2 } }), year: 2027, calendar: cal,
      themeDayPartner: { forum: forum('parent'), meetings: parentMeetings },
    });
    const themes = plan.meetings.filter((m) => m.kind === 'theme_day');
    expect(themes).toHaveLength(2);
    expect(themes[0]!.date).toBe('2027-04-20');
    expect(themes[1]!.reasons[0]).toContain('foreslået');
    expect(plan.meetings.filter((m) => m.kind === 'ordinary')).toHaveLength(4);
    expect(new Set(plan.meetings.map((m) => m.date)).size).toBe(plan.meetings.length);
  });

  it('property: every proposed date is a distinct working day outside the summer weeks and Christmas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.subarray([1, 2, 3, 4, 5]), fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 0, max: 3 }), (n, days, year, themes) => {
        const plan = planMeetingSeries({
          forum: forum('f'), year, calendar: cal, count: n,
          terms: terms({ meetings: { perYearMin: null, perYearMax: null, adHoc: false, preferredWeekdays: days }, ...(themes ? { themeDays: { perYear: themes } } : {}) }),
        });
        expect(plan.meetings.filter((m) => m.kind === 'ordinary')).toHaveLength(n);
        expect(new Set(plan.meetings.map((m) => m.date)).size).toBe(plan.meetings.length);
        for (const m of plan.meetings) {
          expect(cal.isWorkingDay(m.date)).toBe(true);
          expect(m.date.startsWith(`${year}-`)).toBe(true);
          expect(isoWeek(m.date) >= 28 && isoWeek(m.date) <= 31).toBe(false);
          expect(m.date.slice(5) >= '12-20' || m.date.slice(5) <= '01-03').toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('planMeetingSeries in English', () => {
  const clashMemberships: Membership[] = [
    { id: 'a', personId: 'p1', forumId: 'f', role: 'member', from: '2020-01-01' },
    { id: 'b', personId: 'p1', forumId: 'parent', role: 'member', from: '2020-01-01' },
  ];
  const sisterMeetings = ['2027-03-04', '2027-06-03', '2027-09-02', '2027-11-25'].map((d, i) => meeting(`s${i}`, 'sister', d, { start: '13:00', end: '15:00' }));
  const freeSecond = planMeetingSeries({ forum: forum('f'), terms: terms(), year: 2027, calendar: cal }).meetings[1]!.date;
  // The cases above, plus the ones that make every kind of warning.
  const cases: Record<string, SeriesPlan> = {
    quarterly: planMeetingSeries({ forum: forum('f'), terms: terms(), year: 2027, calendar: cal }),
    easter: planMeetingSeries({ forum: forum('f'), terms: terms({ meetings: { perYearMin: 2, perYearMax: 2, adHoc: false, preferredWeekdays: [4] } }), year: 2021, calendar: cal }),
    clash: planMeetingSeries({
      forum: forum('f'), terms: terms(), year: 2027, calendar: cal,
      otherMeetings: [meeting('pm', 'parent', freeSecond)], memberships: clashMemberships, forumName: (id) => (id === 'parent' ? 'Klyngestyregruppen' : undefined),
    }),
    jointAfter: planMeetingSeries({
      forum: forum('f'), terms: terms({ jointMeeting: { withForumId: 'sister', order: 'after' }, meetings: { perYearMin: 4, perYearMax: 4, adHoc: false, preferredWeekdays: [], preferredStart: '13:00', durationMinutes: 90 } }),
      year: 2027, calendar: cal, sister: { forum: forum('sister'), meetings: sisterMeetings },
    }),
    jointBeforeFewer: planMeetingSeries({
      forum: forum('f'), terms: terms({ jointMeeting: { withForumId: 'sister', order: 'before' } }),
      year: 2027, calendar: cal, sister: { forum: forum('sister'), meetings: sisterMeetings.slice(0, 2) },
    }),
    jointNoSisterDates: planMeetingSeries({ forum: forum('f'), terms: terms({ jointMeeting: { withForumId: 'sister', order: 'after' } }), year: 2027, calendar: cal, sister: { forum: forum('sister'), meetings: [] } }),
    themeDays: planMeetingSeries({
      forum: forum('f', { parentId: 'parent' }), terms: terms({ themeDays: { perYear: 2 } }), year: 2027, calendar: cal,
      themeDayPartner: { forum: forum('parent'), meetings: [meeting('t1', 'parent', '2027-04-20', { kind: 'theme_day' }), meeting('o1', 'parent', '2027-02-10')] },
    }),
    countOutsideTerms: planMeetingSeries({ forum: forum('f'), terms: terms(), year: 2027, calendar: cal, count: 6 }),
    defaultWeekdays: planMeetingSeries({ forum: forum('f'), terms: terms({ meetings: { perYearMin: null, perYearMax: null, adHoc: false, preferredWeekdays: [] } }), year: 2026, calendar: cal, count: 12 }),
    // Only Saturday preferred: no preferred weekday is ever free, so another day is chosen with a warning.
    noPreferredFree: planMeetingSeries({ forum: forum('f'), terms: terms({ meetings: { perYearMin: 1, perYearMax: 1, adHoc: false, preferredWeekdays: [6] } }), year: 2027, calendar: cal }),
  };
  const danishLetters = /[æøåÆØÅ]/;

  it.each(Object.entries(cases))('%s: every reason and warning has an English twin without Danish letters', (_, plan) => {
    expect(plan.meetings.length).toBeGreaterThan(0);
    expect(plan.warningsEn).toHaveLength(plan.warnings.length);
    for (const m of plan.meetings) {
      expect(m.reasonsEn).toHaveLength(m.reasons.length);
      expect(m.warningsEn).toHaveLength(m.warnings.length);
    }
    const english = [...plan.warningsEn, ...plan.meetings.flatMap((m) => [...m.reasonsEn, ...m.warningsEn])];
    expect(english.filter((x) => danishLetters.test(x))).toEqual([]);
    expect(english.every((x) => x.trim().length > 0)).toBe(true);
  });

  it('says the same things in English', () => {
    cases.quarterly!.meetings.forEach((m, i) => expect(m.reasonsEn.slice(0, 2)).toEqual([`Quarterly spread (${englishOrdinal(i + 1)} quarter)`, 'Thursday is the preferred weekday']));
    expect(cases.easter!.meetings[0]!.reasonsEn).toEqual(['Half-yearly spread (1st half)', 'Thursday is the preferred weekday', '1 April is Maundy Thursday', '2 April is Good Friday']);
    expect(cases.clash!.meetings[1]!.reasonsEn.join('; ')).toContain('1 member who also sits in Klyngestyregruppen has a meeting there');
    expect(cases.jointAfter!.meetings.find((m) => m.kind === 'joint')!.reasonsEn).toEqual(['Joint meeting with sister right after the meetings']);
    expect(cases.jointBeforeFewer!.warningsEn).toEqual(['sister has only 2 meetings in 2027; 2 joint meetings are planned']);
    expect(cases.jointNoSisterDates!.warningsEn).toEqual(['sister has no meetings planned in 2027 yet; the joint meetings can be placed once they are planned']);
    expect(cases.themeDays!.meetings.filter((m) => m.kind === 'theme_day').map((m) => m.reasonsEn[0])).toEqual([
      'Theme day together with parent (set by parent)',
      'Theme day 2 of 2 with parent (proposed: parent has not set it yet)',
    ]);
    expect(cases.countOutsideTerms!.warningsEn).toEqual(["6 meetings are outside the terms of reference's 4-4 a year"]);
    expect(cases.defaultWeekdays!.meetings[0]!.reasonsEn[0]).toBe('Even spread over the year (1st of 12 meetings)');
    expect(cases.defaultWeekdays!.meetings[0]!.reasonsEn[1]).toMatch(/^(Tuesday|Wednesday|Thursday) \(Tuesday to Thursday by default\)$/);
    expect(cases.noPreferredFree!.meetings[0]!.warningsEn[0]).toMatch(/^No preferred weekday was free; (Monday|Tuesday|Wednesday|Thursday|Friday) was chosen$/);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23].map(englishOrdinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd']);
  });
});
