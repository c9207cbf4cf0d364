/** The year list's sent / late marks: late only after the instant, never for cancelled or historical meetings. */
import { describe, expect, it } from '@jest/globals';
import { meetingsWithLateDuties, yearDutyState } from './year-duty.js';

const due = '2026-11-19T15:00:00Z'; // 19 November 2026, 16.00 in Copenhagen
const held = { date: '2026-11-12', status: 'held' };

describe("a forum's year list: sent and late", () => {
  it('says the minutes are late only once their instant has passed, and by how many days', () => {
    expect(yearDutyState('minutes', held, due, Date.parse('2026-11-19T14:59:59Z'))).toBeNull();
    expect(yearDutyState('minutes', held, due, Date.parse('2026-11-19T15:00:00Z'))).toBeNull();
    expect(yearDutyState('minutes', held, due, Date.parse('2026-11-19T15:00:01Z'))).toEqual({ state: 'late', days: 0 });
    expect(yearDutyState('minutes', held, due, Date.parse('2026-12-07T10:00:00Z'))).toEqual({ state: 'late', days: 18 });
  });
  it('says sent when it was, whatever the clock', () => {
    expect(yearDutyState('minutes', { ...held, minutesSentAt: '2026-11-20T08:00:00Z' }, due, Date.parse('2026-12-07T10:00:00Z'))).toEqual({ state: 'sent' });
    expect(yearDutyState('agenda', { date: '2027-02-11', status: 'planned', agendaSentAt: '2027-01-20T08:00:00Z' }, '2027-01-28T15:00:00Z', Date.parse('2026-12-07T10:00:00Z'))).toEqual({ state: 'sent' });
  });
  it('marks nothing late for a cancelled meeting or one recorded afterwards', () => {
    const late = Date.parse('2026-12-07T10:00:00Z');
    expect(yearDutyState('minutes', { ...held, status: 'cancelled' }, due, late)).toBeNull();
    expect(yearDutyState('minutes', { ...held, historical: true }, due, late)).toBeNull();
  });
  it('holds the agenda late only while the meeting is ahead', () => {
    const agendaDue = '2026-11-05T15:00:00Z';
    expect(yearDutyState('agenda', { date: '2026-11-12', status: 'planned' }, agendaDue, Date.parse('2026-11-06T09:00:00Z'))).toEqual({ state: 'late', days: 1 });
    expect(yearDutyState('agenda', { date: '2026-11-12', status: 'planned' }, agendaDue, Date.parse('2026-11-13T09:00:00Z'))).toBeNull();
    expect(yearDutyState('agenda', held, agendaDue, Date.parse('2026-11-06T09:00:00Z'))).toBeNull();
  });
  it('counts the meetings of a year with a duty late now, none for those sent, cancelled or not yet due', () => {
    const dl = (agenda: string, minutes: string) => ({ agendaDue: { at: agenda }, minutesDue: { at: minutes } });
    const now = Date.parse('2026-12-07T10:00:00Z');
    const year = [
      { ...held, deadlines: dl('2026-11-05T15:00:00Z', due) },
      { ...held, minutesSentAt: '2026-11-18T09:00:00Z', deadlines: dl('2026-11-05T15:00:00Z', due) },
      { ...held, status: 'cancelled', deadlines: dl('2026-11-05T15:00:00Z', due) },
      { date: '2026-12-17', status: 'planned', deadlines: dl('2026-12-03T15:00:00Z', '2026-12-24T15:00:00Z') },
      { date: '2026-12-30', status: 'planned', deadlines: dl('2026-12-16T15:00:00Z', '2027-01-06T15:00:00Z') },
      { date: '2026-06-01', status: 'held' },
    ];
    expect(meetingsWithLateDuties(year, now)).toBe(2);
    expect(meetingsWithLateDuties(year, Date.parse('2026-11-01T10:00:00Z'))).toBe(0);
  });
});
