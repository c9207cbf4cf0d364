/** The meeting timeline: overdue duties say how late, a future date is never shown as passed, cancelled meetings mark nothing late. */
import { describe, expect, it } from '@jest/globals';
import { daysBetween, timelineSteps } from './timeline.js';
import type { MeetingView } from './meeting.types.js';

const dl = (date: string, time = '12:00') => ({ date, at: new Date(`${date}T${time}:00+01:00`).toISOString() });
const base = (over: { meeting?: Partial<MeetingView['meeting']>; minutes?: Partial<MeetingView['minutes']> } = {}) => ({
  meeting: { id: 'm', forumId: 'f', date: '2026-11-18', start: '09:00', end: '15:00', kind: 'theme_day', status: 'held', online: false, agendaSentAt: '2026-11-04T08:00:00Z', ...over.meeting },
  deadlines: { itemsCutoff: dl('2026-10-28'), agendaDue: dl('2026-11-04'), minutesDue: dl('2026-11-25'), commentWindowCloses: dl('2026-12-02') },
  minutes: { status: 'draft', version: 0, sentAt: null, windowClosesAt: null, approvedAt: null, approvedHow: null, publishedAt: null, agendaApprovedAt: null, ...over.minutes },
});
const at = (iso: string) => Date.parse(iso);
const state = (steps: ReturnType<typeof timelineSteps>, key: string) => steps.find((s) => s.key === key)!;

describe('the meeting timeline', () => {
  it('marks minutes not sent by their deadline as overdue, with the days late in Copenhagen', () => {
    const steps = timelineSteps(base(), at('2026-12-11T09:00:00Z'));
    expect(state(steps, 'minutes_due')).toMatchObject({ state: 'overdue', daysLate: 16 });
    expect(state(steps, 'agenda_due').state).toBe('done');
    expect(state(steps, 'meeting').state).toBe('passed');
    expect(steps.filter((s) => s.state === 'next')).toEqual([]);
  });

  it('is not late before the deadline has passed, and counts calendar days', () => {
    expect(state(timelineSteps(base(), at('2026-11-25T10:00:00Z')), 'minutes_due').state).toBe('next');
    expect(state(timelineSteps(base(), at('2026-11-25T12:00:00Z')), 'minutes_due')).toMatchObject({ state: 'overdue', daysLate: 0 });
    expect(daysBetween('2026-12-31', '2027-01-02')).toBe(2);
  });

  it('never shows a future date as passed: minutes approved early are done, the window still open', () => {
    const steps = timelineSteps(base({ minutes: { status: 'approved', sentAt: '2026-11-20T08:00:00Z', windowClosesAt: '2026-12-10T15:00:00Z', approvedAt: '2026-11-27T08:00:00Z', approvedHow: 'explicit' } }), at('2026-12-01T09:00:00Z'));
    expect(state(steps, 'comment_window_closes').state).toBe('done');
    expect(state(steps, 'approval').state).toBe('done');
    expect(steps.filter((s) => s.state === 'next').map((s) => s.key)).toEqual(['publication']);
    expect(steps.every((s) => s.state !== 'passed' || Date.parse(s.at) <= at('2026-12-01T09:00:00Z'))).toBe(true);
  });

  it('shows a meeting recorded as history (no window recorded, approved and published) as done throughout, nothing next', () => {
    const steps = timelineSteps(base({ minutes: { status: 'published', sentAt: '2020-03-19T11:00:00Z', approvedAt: '2020-03-27T11:00:00Z', approvedHow: 'explicit', publishedAt: '2020-03-30T10:00:00Z' } }), at('2026-12-01T09:00:00Z'));
    expect(steps.filter((s) => s.state === 'next' || s.state === 'overdue' || s.note === 'projected')).toEqual([]);
    expect(['done', 'passed']).toContain(state(steps, 'comment_window_closes').state);
  });

  it('never shows an expected date that has passed: with the minutes late, the window is counted from when they are sent', () => {
    // Minutes due 25 November, expected window close 2 December; on 11 December neither is sent.
    const late = timelineSteps(base(), at('2026-12-11T09:00:00Z'));
    for (const key of ['comment_window_closes', 'approval']) {
      expect(state(late, key)).toMatchObject({ at: '', note: 'afterMinutes' });
      expect(['passed', 'done', 'overdue']).not.toContain(state(late, key).state);
    }
    // Before the expected date it is shown, marked as expected (a guess, not a fact).
    const early = timelineSteps(base(), at('2026-11-20T09:00:00Z'));
    expect(state(early, 'comment_window_closes')).toMatchObject({ at: dl('2026-12-02').at, note: 'projected', state: 'upcoming' });
    expect(state(early, 'approval')).toMatchObject({ note: 'projected' });
    expect(late.every((s) => s.note !== 'projected' || !s.at || Date.parse(s.at) > at('2026-12-11T09:00:00Z'))).toBe(true);
  });

  it('marks nothing late on a cancelled meeting', () => {
    const steps = timelineSteps(base({ meeting: { status: 'cancelled', agendaSentAt: undefined } }), at('2026-12-11T09:00:00Z'));
    expect(steps.some((s) => s.state === 'overdue' || s.state === 'next')).toBe(false);
  });

  it('shows a cancelled meeting\'s cancellation with its reason instead of the deadlines that no longer apply', () => {
    // Cancelled before the meeting, the agenda already sent: the sending stays, the rest is the cancellation.
    const steps = timelineSteps(base({ meeting: { status: 'cancelled', cancelledReason: 'For få punkter' } }), at('2026-11-10T09:00:00Z'));
    expect(steps.map((s) => s.key)).toEqual(['agenda_due', 'cancelled']);
    expect(state(steps, 'agenda_due')).toMatchObject({ state: 'done', at: '2026-11-04T08:00:00Z' });
    expect(state(steps, 'cancelled')).toMatchObject({ state: 'cancelled', reason: 'For få punkter' });
    // No deadline is shown as still to come.
    for (const key of ['items_cutoff', 'minutes_due', 'comment_window_closes', 'approval', 'publication', 'meeting']) expect(steps.find((s) => s.key === key)).toBeUndefined();
    // Without a reason, and before anything was sent: the cancellation alone.
    const bare = timelineSteps(base({ meeting: { status: 'cancelled', agendaSentAt: undefined } }), at('2026-10-01T09:00:00Z'));
    expect(bare).toEqual([{ key: 'cancelled', at: expect.any(String), state: 'cancelled' }]);
  });

  it("marks a date from a rule the forum's terms do not state as a default, until the duty is done", () => {
    const v = base({ meeting: { status: 'planned', agendaSentAt: undefined } });
    const d = { ...v, deadlines: { ...v.deadlines, agendaDue: { ...v.deadlines.agendaDue, fromDefault: true as const }, minutesDue: { ...v.deadlines.minutesDue, fromDefault: true as const } } };
    const steps = timelineSteps(d, at('2026-10-01T09:00:00Z'));
    expect(steps.filter((x) => x.ruleDefault).map((x) => x.key)).toEqual(['agenda_due', 'minutes_due']);
    // Once the agenda went out, its step is the sending, no rule's date.
    const sent = timelineSteps({ ...d, meeting: { ...d.meeting, agendaSentAt: '2026-11-04T08:00:00Z' } }, at('2026-11-05T09:00:00Z'));
    expect(sent.filter((x) => x.ruleDefault).map((x) => x.key)).toEqual(['minutes_due']);
  });

  it("marks tacit approval still to come as a default when the forum's terms do not state tacit approval", () => {
    const v = base({ meeting: { status: 'planned', agendaSentAt: undefined } });
    const now = at('2026-10-01T09:00:00Z');
    const byDefault = timelineSteps({ ...v, deadlines: { ...v.deadlines, tacitApproval: true, tacitApprovalFromDefault: true as const } }, now);
    expect(state(byDefault, 'approval')).toMatchObject({ note: 'projected', ruleDefault: true });
    // Stated by the terms: no mark.
    expect(state(timelineSteps({ ...v, deadlines: { ...v.deadlines, tacitApproval: true } }, now), 'approval').ruleDefault).toBeUndefined();
    // Approved (tacitly or not), it happened: no rule's date, no mark.
    const approved = base({ minutes: { status: 'approved', sentAt: '2026-11-20T08:00:00Z', windowClosesAt: '2026-12-02T15:00:00Z', approvedAt: '2026-12-02T15:00:00Z', approvedHow: 'tacit' } });
    expect(state(timelineSteps({ ...approved, deadlines: { ...approved.deadlines, tacitApproval: true, tacitApprovalFromDefault: true as const } }, at('2026-12-03T09:00:00Z')), 'approval').ruleDefault).toBeUndefined();
  });
});
