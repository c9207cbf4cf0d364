import { describe, it, expect } from '@jest/globals';
import type { Meeting, Minutes } from '../meetings/meeting.model.js';
import { earlyApprovalGrounds, transitionMeeting, transitionMinutes } from './minutes.lifecycle.js';

const draft: Minutes = { meetingId: 'm1', status: 'draft', version: 1 };
const close = '2027-03-19T15:00:00Z';

function run(m: Minutes, ...events: Parameters<typeof transitionMinutes>[1][]): Minutes {
  return events.reduce((acc, e) => {
    const r = transitionMinutes(acc, e);
    if (!r.ok) throw new Error(r.refusal.en);
    return r.value;
  }, m);
}

describe('minutes lifecycle', () => {
  it('draft -> sent -> remark -> revised -> approved explicitly -> published', () => {
    const m = run(
      draft,
      { type: 'send_for_remarks', at: '2027-03-12T10:00:00Z' },
      { type: 'remark', at: '2027-03-15T10:00:00Z', windowClosesAt: close },
      { type: 'revise', at: '2027-03-16T10:00:00Z' },
      { type: 'approve', at: '2027-03-17T10:00:00Z' },
      { type: 'publish', at: '2027-03-18T10:00:00Z' },
    );
    expect(m).toMatchObject({ status: 'published', version: 2, approvedHow: 'explicit', sentAt: '2027-03-12T10:00:00Z', publishedAt: '2027-03-18T10:00:00Z' });
  });

  it('approves tacitly when the window closes, only when the terms allow it and the window has closed', () => {
    const sent = run(draft, { type: 'send_for_remarks', at: '2027-03-12T10:00:00Z' });
    expect(transitionMinutes(sent, { type: 'close_window', at: '2027-03-19T14:59:00Z', windowClosesAt: close, tacitApproval: true })).toMatchObject({ ok: false, refusal: { code: 'window_still_open' } });
    expect(transitionMinutes(sent, { type: 'close_window', at: close, windowClosesAt: close, tacitApproval: false })).toMatchObject({ ok: false, refusal: { code: 'no_tacit_approval' } });
    const ok = transitionMinutes(sent, { type: 'close_window', at: '2027-03-20T08:00:00Z', windowClosesAt: close, tacitApproval: true });
    expect(ok).toMatchObject({ ok: true, value: { status: 'approved', approvedHow: 'tacit', approvedAt: close } });
  });

  it('refuses invalid transitions with a reason in Danish and English', () => {
    const r = transitionMinutes(draft, { type: 'publish', at: '2027-03-12T10:00:00Z' });
    expect(r).toEqual({ ok: false, refusal: { code: 'invalid_transition', da: 'Man kan ikke offentliggøre referatet, når referatet er kladde', en: 'Cannot publish when the minutes are draft' } });
    const sent = run(draft, { type: 'send_for_remarks', at: '2027-03-12T10:00:00Z' });
    expect(transitionMinutes(sent, { type: 'remark', at: '2027-03-20T10:00:00Z', windowClosesAt: close })).toMatchObject({ ok: false, refusal: { code: 'window_closed' } });
    const approved = run(sent, { type: 'approve', at: '2027-03-13T10:00:00Z' });
    expect(transitionMinutes(approved, { type: 'revise', at: '2027-03-14T10:00:00Z' }).ok).toBe(false);
  });
});

describe('meeting changes', () => {
  const m: Meeting = { id: 'm1', forumId: 'f', date: '2027-04-08', start: '13:00', end: '15:00', online: false, kind: 'ordinary', status: 'planned', revision: 3 };
  it('moves and cancels a planned meeting, bumping the revision', () => {
    const moved = transitionMeeting(m, { type: 'move', at: '2027-03-01T10:00:00Z', date: '2027-04-15', start: '13:00', end: '15:00', today: '2027-03-01' });
    expect(moved).toMatchObject({ ok: true, value: { date: '2027-04-15', revision: 4, status: 'planned' } });
    expect(transitionMeeting(m, { type: 'cancel', at: '2027-03-01T10:00:00Z', reason: 'For få tilmeldte' })).toMatchObject({ ok: true, value: { status: 'cancelled', cancelledReason: 'For få tilmeldte' } });
  });
  it('refuses to move into the past, to cancel without reason, or to change a cancelled or held meeting', () => {
    expect(transitionMeeting(m, { type: 'move', at: 'x', date: '2027-02-01', start: '13:00', end: '15:00', today: '2027-03-01' })).toMatchObject({ ok: false, refusal: { code: 'moved_into_past' } });
    expect(transitionMeeting(m, { type: 'cancel', at: 'x', reason: ' ' })).toMatchObject({ ok: false, refusal: { code: 'reason_required' } });
    expect(transitionMeeting({ ...m, status: 'cancelled' }, { type: 'hold', at: 'x' })).toMatchObject({ ok: false, refusal: { code: 'meeting_cancelled' } });
    expect(transitionMeeting({ ...m, status: 'held' }, { type: 'cancel', at: 'x', reason: 'x' })).toMatchObject({ ok: false, refusal: { code: 'meeting_held' } });
    expect(transitionMeeting(m, { type: 'hold', at: '2027-04-08T10:00:00Z', startsAt: '2027-04-08T11:00:00Z' })).toMatchObject({ ok: false, refusal: { code: 'not_started' } });
    expect(transitionMeeting(m, { type: 'hold', at: '2027-04-08T11:00:00Z', startsAt: '2027-04-08T11:00:00Z' })).toMatchObject({ ok: true, value: { status: 'held' } });
  });
});

describe('early approval', () => {
  it('needs a reason before the window closes or with open remarks, and not after a closed, quiet window', () => {
    expect(earlyApprovalGrounds({ at: '2027-03-01T10:00:00Z', windowClosesAt: '2027-03-08T15:00:00Z', openRemarks: 0 })).toEqual(['window_open']);
    expect(earlyApprovalGrounds({ at: '2027-03-09T10:00:00Z', windowClosesAt: '2027-03-08T15:00:00Z', openRemarks: 2 })).toEqual(['open_remarks']);
    expect(earlyApprovalGrounds({ at: '2027-03-01T10:00:00Z', windowClosesAt: '2027-03-08T15:00:00Z', openRemarks: 1 })).toEqual(['window_open', 'open_remarks']);
    expect(earlyApprovalGrounds({ at: '2027-03-08T15:00:00Z', windowClosesAt: '2027-03-08T15:00:00Z', openRemarks: 0 })).toEqual([]);
  });
});
