import { describe, expect, it } from '@jest/globals';
import { elapsed, notStarted, plannedSlots, pollInterval, step } from './meeting-timer.js';

describe('the meeting panel timer', () => {
  it('plans each item from the start and the minutes before it', () => {
    expect(plannedSlots('13:00', [10, 45, 5])).toEqual([{ from: '13:00', to: '13:10' }, { from: '13:10', to: '13:55' }, { from: '13:55', to: '14:00' }]);
  });

  it('shows the elapsed time and says when the item runs over', () => {
    const t0 = Date.UTC(2027, 1, 11, 12, 0, 0);
    expect(elapsed(t0, t0 + 65_000, 10)).toEqual({ used: '1:05', seconds: 65, over: false, overMinutes: 0 });
    expect(elapsed(t0, t0 + 600_000, 10).over).toBe(false);
    expect(elapsed(t0, t0 + 601_000, 10)).toMatchObject({ used: '10:01', over: true, overMinutes: 1 });
    expect(elapsed(t0, t0 + 725_000, 10).overMinutes).toBe(3);
  });

  it('starts, moves on and back, and ends after the last item', () => {
    let s = step(notStarted, 2, 1, 1000);
    expect(s).toEqual({ index: 0, startedAt: 1000 });
    s = step(s, 2, 1, 2000);
    expect(s).toEqual({ index: 1, startedAt: 2000 });
    expect(step(s, 2, -1, 3000)).toEqual({ index: 0, startedAt: 3000 });
    expect(step(s, 2, 1, 4000)).toEqual({ index: 2, startedAt: null });
    expect(step(step(s, 2, 1, 4000), 2, 1, 5000).index).toBe(2);
  });

  it('asks every two seconds on the meeting\'s day in Copenhagen, every thirty on other days', () => {
    expect(pollInterval('2027-02-11T12:00:00Z', '2027-02-11')).toBe(2000);
    // 23:30 UTC on 10 February is 00:30 on 11 February in Copenhagen: the meeting's day.
    expect(pollInterval('2027-02-10T23:30:00Z', '2027-02-11')).toBe(2000);
    expect(pollInterval('2027-02-10T22:30:00Z', '2027-02-11')).toBe(30_000);
    expect(pollInterval('2027-02-12T08:00:00Z', '2027-02-11')).toBe(30_000);
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July.
    expect(pollInterval('2027-06-30T22:30:00Z', '2027-07-01')).toBe(2000);
    // Before the meeting page has loaded, the date is not known: as on the day.
    expect(pollInterval('2027-02-12T08:00:00Z', undefined)).toBe(2000);
  });
});
