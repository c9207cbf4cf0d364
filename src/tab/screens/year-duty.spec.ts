/** The year list's sent / late marks: late only after the instant, never for cancelled or historical meetings. */
import { describe, expect, it } from '@jest/globals';
import { yearDutyState } from './year-duty.js';

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
});
