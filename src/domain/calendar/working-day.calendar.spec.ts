import { describe, it, expect } from '@jest/globals';
import { WorkingDayCalendar, isoWeek, isoWeekday, addDays, danishPublicHolidays, addMonths, toDayNumber, fromDayNumber, danishHolidayInSentence } from './working-day.calendar.js';

describe('WorkingDayCalendar', () => {
  const cal = new WorkingDayCalendar();

  it('knows Danish public holidays and that Store Bededag stopped in 2024', () => {
    expect(cal.holidayName('2021-04-01')).toBe('Skærtorsdag');
    expect(cal.isWorkingDay('2023-05-05')).toBe(false); // Store Bededag 2023
    expect(cal.isWorkingDay('2024-04-26')).toBe(true); // would have been Store Bededag 2024
    expect([...danishPublicHolidays(2025).values()]).not.toContain('Store Bededag');
    // Christmas Eve and Constitution Day are not public holidays.
    expect(cal.isWorkingDay('2026-12-24')).toBe(true);
    expect(cal.isWorkingDay('2026-06-05')).toBe(true);
    expect(cal.isWorkingDay('2026-12-25')).toBe(false);
  });

  it('treats weekends and extra closed days as closed', () => {
    const region = new WorkingDayCalendar({ extraClosedDays: ['2026-12-28', '2026-12-29'] });
    expect(region.isWorkingDay('2026-12-28')).toBe(false);
    expect(cal.isWorkingDay('2026-12-28')).toBe(true);
    expect(cal.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(region.onOrAfter('2026-12-25')).toBe('2026-12-30');
    expect(region.closedReason('2026-12-28')?.kind).toBe('closed_day');
  });

  it('steps over closed days', () => {
    expect(cal.onOrBefore('2021-04-01')).toBe('2021-03-31');
    expect(cal.onOrAfter('2026-12-25')).toBe('2026-12-28');
    // 5 working days before Thursday 8 April 2021 (Easter Monday 5 April closed).
    expect(cal.addWorkingDays('2021-04-08', -5)).toBe('2021-03-29'); // 7, 6, 31, 30, 29
    expect(cal.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(cal.addWorkingDays('2026-11-20', 0)).toBe('2026-11-20');
  });

  it('does date arithmetic and ISO weeks', () => {
    expect(isoWeekday('2021-04-15')).toBe(4);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeek('2026-07-06')).toBe(28);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2021-01-04')).toBe(1);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });

  it('keeps 16:00 local across the DST changes', () => {
    expect(cal.instant('2026-03-28', '16:00')).toBe('2026-03-28T15:00:00Z'); // before spring change (CET)
    expect(cal.instant('2026-03-29', '16:00')).toBe('2026-03-29T14:00:00Z'); // CEST
    expect(cal.instant('2026-10-24', '16:00')).toBe('2026-10-24T14:00:00Z');
    expect(cal.instant('2026-10-25', '16:00')).toBe('2026-10-25T15:00:00Z');
    expect(cal.local('2026-10-25T15:00:00Z')).toEqual({ date: '2026-10-25', time: '16:00' });
  });
});

describe('WorkingDayCalendar instants agree with luxon', () => {
  it('for every hour and half hour of 2026-2027 (both DST changes, gap and overlap included)', async () => {
    const { DateTime } = await import('luxon');
    const cal = new WorkingDayCalendar();
    let checked = 0;
    for (let day = toDayNumber('2026-01-01'); day <= toDayNumber('2027-12-31'); day += 1) {
      const date = fromDayNumber(day);
      for (const time of ['00:00', '01:30', '02:00', '02:30', '03:00', '09:00', '16:00', '23:59']) {
        // The autumn hour that happens twice: luxon's answer depends on today's offset; ours is fixed below.
        if ((date === '2026-10-25' || date === '2027-10-31') && time.startsWith('02')) {
          checked += 1;
          continue;
        }
        const expected = DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Copenhagen' }).toUTC().toISO({ suppressMilliseconds: true });
        expect(cal.instant(date, time)).toBe(expected);
        checked += 1;
      }
      const noon = cal.instant(date, '12:00');
      expect(cal.localDate(noon)).toBe(date);
      expect(cal.localDate(cal.instant(date, '00:00'))).toBe(date);
      expect(cal.localDate(cal.instant(date, '23:59'))).toBe(date);
    }
    expect(checked).toBe(730 * 8);
    expect(cal.instant('2026-10-25', '02:30')).toBe('2026-10-25T01:30:00Z'); // second occurrence, CET
    expect(cal.instant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00Z'); // gap: moved forward to 03:30 CEST
  });
});

describe('a holiday named in a Danish sentence', () => {
  it('is in lower case, but Kristi keeps its capital', () => {
    const cal = new WorkingDayCalendar();
    expect(cal.closedReason('2027-05-06')?.da).toBe('6. maj er Kristi himmelfartsdag');
    expect(cal.closedReason('2026-12-25')?.da).toBe('25. december er juledag');
    expect(danishHolidayInSentence('Anden Pinsedag')).toBe('anden pinsedag');
  });
});
