import { describe, expect, it } from '@jest/globals';
import { meetingDeadlines, resolveDeadlineRules } from '../deadlines/meeting.deadlines.js';
import { calendarWithClosedDays, closedDaysByRegion, regionCalendar } from './closed-day.model.js';

const juleugen = ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'];
const rows = [
  ...juleugen.map((date) => ({ region: 'Region Midtjylland', date })),
  { region: 'Region Nordjylland', date: '2026-05-15' },
];

describe("a region's closed days in the working-day calendar", () => {
  it('groups stored rows per region, dates sorted', () => {
    expect(closedDaysByRegion([...rows].reverse())).toEqual({ 'Region Midtjylland': juleugen, 'Region Nordjylland': ['2026-05-15'] });
  });

  it("gives each region its own days only, and one shared calendar per distinct set of days", () => {
    const byRegion = closedDaysByRegion(rows);
    const midt = regionCalendar(byRegion, 'Region Midtjylland');
    expect(midt.isWorkingDay('2026-12-29')).toBe(false);
    expect(midt.closedReason('2026-12-29')).toEqual({ kind: 'closed_day', da: '29. december er lukkedag' });
    expect(midt.isWorkingDay('2026-05-15')).toBe(true);
    expect(regionCalendar(byRegion, 'Region Nordjylland').isWorkingDay('2026-12-29')).toBe(true);
    expect(regionCalendar(byRegion, 'Region Nordjylland').isWorkingDay('2026-05-15')).toBe(false);
    // A region without rows: weekends and public holidays only.
    expect(regionCalendar(byRegion, 'Region Syddanmark').isWorkingDay('2026-12-29')).toBe(true);
    expect(calendarWithClosedDays([...juleugen].reverse())).toBe(midt);
    expect(calendarWithClosedDays([])).not.toBe(midt);
  });

  describe('worked example: Region Midtjylland closes 28-31 December 2026 (Juleugen)', () => {
    const midt = regionCalendar(closedDaysByRegion(rows), 'Region Midtjylland');
    const plain = calendarWithClosedDays([]);
    const defaults = resolveDeadlineRules(undefined);

    it('minutes due 7 days after a meeting on 21 December (nominally Monday 28 December) move to the first working day after the closed week', () => {
      expect(meetingDeadlines({ date: '2026-12-21' }, defaults, plain).minutesDue.date).toBe('2026-12-28');
      const d = meetingDeadlines({ date: '2026-12-21' }, defaults, midt).minutesDue;
      expect(d.nominalDate).toBe('2026-12-28');
      // 1 January is New Year's Day, 2-3 January a weekend.
      expect(d.date).toBe('2027-01-04');
      expect(d.adjustedBecause).toBe('28. december er lukkedag; flyttet til næste hverdag, 4. januar');
    });

    it('an agenda due "at least 14 days before" a meeting on 12 January (nominally 29 December) moves to the last working day before the closed week', () => {
      expect(meetingDeadlines({ date: '2027-01-12' }, defaults, plain).agendaDue.date).toBe('2026-12-29');
      const d = meetingDeadlines({ date: '2027-01-12' }, defaults, midt).agendaDue;
      // 27 December is a Sunday, 25-26 December are Christmas holidays; Christmas Eve is a working day in the library.
      expect(d.date).toBe('2026-12-24');
      expect(d.adjustedBecause).toBe('29. december er lukkedag; flyttet til sidste hverdag før, 24. december');
    });

    it('a lead counted in working days skips the closed days too', () => {
      const rules = resolveDeadlineRules({ agendaLead: { amount: 5, unit: 'working_days' } });
      expect(meetingDeadlines({ date: '2027-01-06' }, rules, plain).agendaDue.date).toBe('2026-12-29');
      expect(meetingDeadlines({ date: '2027-01-06' }, rules, midt).agendaDue.date).toBe('2026-12-22');
    });
  });
});
