/** "Venter på mig" lists every meeting the overview shows as unanswered: the two lists never contradict. */
import { describe, expect, it } from '@jest/globals';
import { splitUnanswered, waitingWhen, withUnanswered } from './waiting.js';
import type { WaitingItemResponse } from '../../contracts/meetings.contract.js';

const meeting = (id: string, date: string, status: 'planned' | 'held' | 'cancelled' = 'planned') =>
  ({ id, forumId: 'tg-somatik-voksen', date, start: '13:00', end: '15:00', kind: 'ordinary', status, online: false, revision: 1 }) as const;
const forum = { id: 'tg-somatik-voksen', name: 'Temagruppe Behandling' };
const late: WaitingItemResponse = { kind: 'task_due', as: 'assignee', forumId: 'midt-ksg', forumName: 'KSG Midt', taskId: 't1', title: 'Notat', deadline: '2026-11-30T15:00:00.000Z', late: true, days: 3 };
const now = Date.parse('2026-12-03T09:00:00Z');

describe('what waits on me', () => {
  it('adds an unanswered meeting the server did not list, after the late items, with the days left', () => {
    const out = withUnanswered([late], [{ meeting: meeting('m1', '2027-01-14'), forum }], now);
    expect(out.map((w) => w.kind)).toEqual(['task_due', 'unanswered']);
    expect(out[1]).toMatchObject({ meetingId: 'm1', forumName: 'Temagruppe Behandling', late: false, days: 42, deadline: '2027-01-14T12:00:00.000Z' });
  });

  it('keeps the server\'s item for a meeting it listed, and never adds a held, cancelled or begun meeting', () => {
    const listed: WaitingItemResponse = { kind: 'unanswered', as: 'member', forumId: forum.id, forumName: forum.name, meetingId: 'm1', meetingDate: '2027-01-14', deadline: '2027-01-14T12:00:00.000Z', late: false, days: 42 };
    expect(withUnanswered([listed], [{ meeting: meeting('m1', '2027-01-14'), forum }], now)).toEqual([listed]);
    expect(withUnanswered([], [{ meeting: meeting('m4', '2027-02-11'), forum }], now)).toEqual([]);
    expect(withUnanswered([], [{ meeting: meeting('m2', '2027-01-14', 'cancelled'), forum }, { meeting: meeting('m3', '2026-12-03'), forum }], Date.parse('2026-12-03T12:30:00Z'))).toEqual([]);
  });

  it('says a hand-over and a task due by their date alone, never "kl. 00.00"; a meeting or a remark window by date and time', () => {
    // The planner's instants: midnight on the hand-over day, the end of the working day on the task's due date (winter and summer).
    expect(waitingWhen({ kind: 'chair_handover', deadline: '2026-12-31T23:00:00.000Z' }, 'da')).toBe('1. januar 2027');
    expect(waitingWhen({ kind: 'chair_handover', deadline: '2027-06-30T22:00:00.000Z' }, 'en')).toBe('1 July 2027');
    expect(waitingWhen({ kind: 'task_due', deadline: '2026-11-30T15:00:00.000Z' }, 'da')).toBe('30. november 2026');
    expect(waitingWhen({ kind: 'unanswered', deadline: '2027-01-14T12:00:00.000Z' }, 'da')).toBe('14. januar 2027 kl. 13.00');
    expect(waitingWhen({ kind: 'remarks_open', deadline: '2027-01-14T15:00:00.000Z' }, 'en')).toBe('14 January 2027, 16:00');
  });

  it('counts an unanswered meeting already among my next meetings and lists only the later ones', () => {
    const u = (id: string) => ({ meeting: { id }, forum: null });
    expect(splitUnanswered([u('a'), u('b'), u('c')], ['a', 'x', 'c'])).toEqual({ above: 2, later: [u('b')] });
    expect(splitUnanswered([u('a')], [])).toEqual({ above: 0, later: [u('a')] });
    expect(splitUnanswered([], ['a'])).toEqual({ above: 0, later: [] });
  });
});
