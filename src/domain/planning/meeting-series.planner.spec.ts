import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import type { Forum, Membership, TermsOfReference } from '../registry/registry.model.js';
import type { Meeting } from '../meetings/meeting.model.js';
import { WorkingDayCalendar, isoWeek, isoWeekday } from '../calendar/working-day.calendar.js';
import { planMeetingSeries } from './meeting-series.planner.js';

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
