import { describe, it, expect } from '@jest/globals';
import { WorkingDayCalendar } from '../calendar/working-day.calendar.js';
import { meetingDeadlines, resolveDeadlineRules } from './meeting.deadlines.js';

const cal = new WorkingDayCalendar();

describe('meetingDeadlines: worked examples of issue 3', () => {
  it('Thursday 15 April 2021, 14-day agenda rule: agenda due Wednesday 31 March 2021 (1 April is Maundy Thursday)', () => {
    const rules = resolveDeadlineRules({ agendaLead: { amount: 14, unit: 'calendar_days' }, closedDayPolicy: {} });
    const d = meetingDeadlines({ date: '2021-04-15' }, rules, cal);
    expect(d.agendaDue.nominalDate).toBe('2021-04-01');
    expect(d.agendaDue.date).toBe('2021-03-31');
    expect(d.agendaDue.at).toBe('2021-03-31T14:00:00Z'); // 16:00 CEST
    expect(d.agendaDue.adjustedBecause).toContain('skærtorsdag');
    // Default items cut-off: 7 days before the agenda is due.
    expect(d.itemsCutoff.date).toBe('2021-03-24');
  });

  it('Friday 18 December 2026, 7-day minutes rule: minutes due Monday 28 December 2026', () => {
    const d = meetingDeadlines({ date: '2026-12-18' }, resolveDeadlineRules(undefined), cal);
    expect(d.minutesDue.nominalDate).toBe('2026-12-25');
    expect(d.minutesDue.date).toBe('2026-12-28');
    expect(d.minutesDue.at).toBe('2026-12-28T15:00:00Z'); // 16:00 CET
  });

  it('keeps local 16:00 for deadlines on both sides of the last Sundays of March and October', () => {
    const rules = resolveDeadlineRules(undefined);
    // Meeting Thu 9 April 2026: agenda due Thu 26 March (CET), minutes due Thu 16 April (CEST).
    const spring = meetingDeadlines({ date: '2026-04-09' }, rules, cal);
    expect(spring.agendaDue.at).toBe('2026-03-26T15:00:00Z');
    expect(spring.minutesDue.at).toBe('2026-04-16T14:00:00Z');
    const autumn = meetingDeadlines({ date: '2026-11-05' }, rules, cal);
    expect(autumn.agendaDue.date).toBe('2026-10-22');
    expect(autumn.agendaDue.at).toBe('2026-10-22T14:00:00Z');
    expect(autumn.minutesDue.at).toBe('2026-11-12T15:00:00Z');
  });

  it('counts weeks and working days, and the comment window from the real sending', () => {
    const rules = resolveDeadlineRules({
      agendaLead: { amount: 5, unit: 'working_days' },
      itemsCutoff: { amount: 2, unit: 'weeks' },
      endOfWorkingDay: '15:30',
      closedDayPolicy: {},
    });
    const d = meetingDeadlines({ date: '2021-04-08', minutesSentAt: '2021-04-09T10:00:00Z' }, rules, cal);
    expect(d.agendaDue.date).toBe('2021-03-29'); // Easter Mon, Good Fri, Maundy Thu skipped
    expect(d.itemsCutoff.date).toBe('2021-03-25');
    expect(d.itemsCutoff.at).toBe('2021-03-25T14:30:00Z');
    // Sent Fri 9 April: 7 days = Fri 16 April.
    expect(d.commentWindowCloses.date).toBe('2021-04-16');
    expect(d.commentWindowCloses.projected).toBeUndefined();
  });

  it('extends a comment window that ends on a closed day to the next working day, and honours "keep"', () => {
    const d = meetingDeadlines({ date: '2026-12-10', minutesSentAt: '2026-12-18T09:00:00Z' }, resolveDeadlineRules(undefined), cal);
    expect(d.commentWindowCloses.nominalDate).toBe('2026-12-25');
    expect(d.commentWindowCloses.date).toBe('2026-12-28');
    const keep = meetingDeadlines(
      { date: '2021-04-15' },
      resolveDeadlineRules({ closedDayPolicy: { agendaDue: 'keep' } }),
      cal,
    );
    expect(keep.agendaDue.date).toBe('2021-04-01');
    expect(keep.agendaDue.adjustedBecause).toBeUndefined();
  });

  it('honours a region closed day (Christmas week)', () => {
    const region = new WorkingDayCalendar({ extraClosedDays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'] });
    const d = meetingDeadlines({ date: '2026-12-18' }, resolveDeadlineRules(undefined), region);
    expect(d.minutesDue.date).toBe('2027-01-04'); // 1 January is New Year's Day, 2-3 weekend
  });
});
