import { describe, expect, it } from '@jest/globals';
import type { Forum, Membership } from '../registry/registry.model.js';
import type { Meeting } from '../meetings/meeting.model.js';
import { checkTransitionPlan, previewTransition, TransitionPlanInput } from './transition.plan.js';

const forum = (id: string, extra: Partial<Forum> = {}): Forum => ({ id, name: `Forum ${id}`, kind: 'cluster_steering_group', level: 'cluster', parentId: null, region: 'Region X', status: 'active', successorIds: [], channelType: 'standard', links: [], ...extra });
const meeting = (id: string, forumId: string, date: string, status: Meeting['status'] = 'planned'): Meeting => ({ id, forumId, date, start: '13:00', end: '15:00', online: false, kind: 'ordinary', status, revision: 1 });
const seat = (id: string, forumId: string, from: string, to?: string): Membership => ({ id, personId: `p-${id}`, forumId, role: 'member', from, ...(to ? { to } : {}) });
const close = { action: 'close', reason: 'Nedlagt' } as const;
const ending = (forumId: string, successorIds: string[], to?: string) => ({
  forumId, successorIds,
  tasks: to ? { action: 'carry', toForumId: to } : close, proposals: close, items: close,
  meetings: { notice: 'Aflyst' }, members: to ? { action: 'carry', toForumId: to } : close,
});
const state = {
  forums: [forum('a'), forum('b'), forum('raad'), forum('drift'), forum('old', { status: 'ended', endedOn: '2025-12-31' }), forum('other', { region: 'Region Y' })],
  meetings: [meeting('a1', 'a', '2026-12-10'), meeting('a2', 'a', '2027-01-01'), meeting('a3', 'a', '2027-03-01', 'cancelled'), meeting('b1', 'b', '2027-02-02')],
  tasks: [], proposals: [], items: [],
  memberships: [seat('1', 'a', '2025-01-01'), seat('2', 'a', '2025-01-01', '2026-06-30'), seat('3', 'b', '2025-01-01')],
  today: '2026-12-03',
};

describe('transition plans', () => {
  it('previews many-to-one: two forums end on the day before the date and hand over to one successor', () => {
    const plan = TransitionPlanInput.parse({ region: 'Region X', effectiveOn: '2027-01-01', forums: [ending('a', ['raad'], 'raad'), ending('b', ['raad'], 'raad')] });
    expect(checkTransitionPlan(plan, state)).toEqual([]);
    const p = previewTransition(plan, state);
    expect(p.endsOn).toBe('2026-12-31');
    // Only planned meetings on or after the effective date are cancelled.
    expect(p.meetingsCancelled.map((m) => m.meetingId)).toEqual(['a2', 'b1']);
    // Only members still seated on the last day move.
    expect(p.members.map((m) => [m.membershipId, m.to])).toEqual([['1', { action: 'carry', toForumId: 'raad', toName: 'Forum raad' }], ['3', { action: 'carry', toForumId: 'raad', toName: 'Forum raad' }]]);
  });

  it('previews one-to-many: one forum with two successors, each kind of thing going where the plan says', () => {
    const plan = TransitionPlanInput.parse({ region: 'Region X', effectiveOn: '2027-01-01', forums: [{ ...ending('a', ['raad', 'drift'], 'drift'), members: { action: 'carry', toForumId: 'raad' } }] });
    expect(checkTransitionPlan(plan, state)).toEqual([]);
    expect(previewTransition(plan, state).members.every((m) => m.to.action === 'carry' && m.to.toForumId === 'raad')).toBe(true);
  });

  it('names every problem by its field', () => {
    const plan = TransitionPlanInput.parse({
      region: 'Region X', effectiveOn: '2026-12-03',
      forums: [ending('a', ['b'], 'b'), ending('b', ['old'], 'old'), ending('other', []), ending('a', [])],
    });
    expect(checkTransitionPlan(plan, state).map((p) => p.field)).toEqual([
      'effectiveOn',
      'forums.0.successorIds.0', // b ends in the same transition
      'forums.1.successorIds.0', // old has ended
      'forums.2.forumId', // another region
      'forums.3.forumId', // named twice
    ]);
  });
});

describe('transition changes (apply and undo as data)', () => {
  const withSeats = {
    ...state,
    meetings: [...state.meetings, meeting('r1', 'raad', '2027-01-20'), meeting('r0', 'raad', '2026-12-20')],
    memberships: [
      seat('1', 'a', '2025-01-01'),
      { ...seat('1s', 'a', '2025-01-01'), role: 'substitute' as const, substituteForId: '1' },
      seat('2', 'a', '2025-01-01', '2026-06-30'),
      { ...seat('x', 'raad', '2026-01-01'), personId: 'p-3' },
      seat('3', 'b', '2025-01-01', '2027-12-31'),
    ],
  };
  it('ends seats on the last day and seats people in the successor from the date, substitutes pointing at the new seat; no second seat for someone already there', async () => {
    const { transitionChanges, checkApply } = await import('./transition.changes.js');
    const plan = TransitionPlanInput.parse({ region: 'Region X', effectiveOn: '2027-01-01', forums: [{ ...ending('a', ['raad'], 'raad'), proposals: { action: 'carry', toForumId: 'raad' } }, ending('b', ['raad'], 'raad')] });
    expect(checkApply(plan, withSeats)).toEqual([]);
    let n = 0;
    const c = transitionChanges(plan, withSeats, (p) => `${p}-${++n}`);
    expect(c.forums.map((f) => [f.forumId, f.after.endedOn])).toEqual([['a', '2026-12-31'], ['b', '2026-12-31']]);
    expect(c.meetings.map((m) => m.meetingId)).toEqual(['a2', 'b1']);
    expect(c.seatsEnded.map((s) => [s.membershipId, s.before.to, s.after.to])).toEqual([['1', null, '2026-12-31'], ['1s', null, '2026-12-31'], ['3', '2027-12-31', '2026-12-31']]);
    // p-3 already sits in the successor as a member: no second seat; the term that ran to 2027-12-31 would have run on.
    expect(c.seatsCreated).toEqual([
      { id: 'ms-1', personId: 'p-1', forumId: 'raad', role: 'member', from: '2027-01-01' },
      { id: 'ms-2', personId: 'p-1s', forumId: 'raad', role: 'substitute', from: '2027-01-01', substituteForId: 'ms-1' },
    ]);
  });
  it('needs a receiving meeting on or after the date for carried proposals and items', async () => {
    const { checkApply } = await import('./transition.changes.js');
    const plan = TransitionPlanInput.parse({ region: 'Region X', effectiveOn: '2027-01-01', forums: [{ ...ending('a', ['drift'], 'drift'), items: { action: 'carry', toForumId: 'drift' } }] });
    expect(checkApply(plan, withSeats).map((p) => p.field)).toEqual(['forums.0.items.toForumId']);
  });
  it('is ended for reminders from the day after its last day', async () => {
    const { forumEndedBy } = await import('./transition.changes.js');
    expect(forumEndedBy({ status: 'active', endedOn: '2026-12-31' }, '2026-12-31')).toBe(false);
    expect(forumEndedBy({ status: 'active', endedOn: '2026-12-31' }, '2027-01-01')).toBe(true);
    expect(forumEndedBy({ status: 'ended' }, '2026-01-01')).toBe(true);
  });
});
