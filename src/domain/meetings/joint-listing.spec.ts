/** A forum's list with the joint meetings other forums hold with it, a shared slot listed once. */
import { describe, expect, it } from '@jest/globals';
import { listedForForums } from './joint-listing.js';

const m = (id: string, forumId: string, date: string, start: string, jointWithForumId?: string) => ({ id, forumId, date, start, ...(jointWithForumId ? { jointWithForumId } : {}) });

describe('meetings listed for a forum', () => {
  it('keeps its own meetings and adds a joint meeting another forum holds with it', () => {
    const all = [m('a', 'tg-psyk', '2027-02-18', '10:00'), m('j', 'tg-psyk', '2027-02-18', '12:00', 'tg-soma'), m('b', 'tg-soma', '2027-02-18', '10:00')];
    expect(listedForForums(all, ['tg-soma']).map((x) => x.id)).toEqual(['j', 'b']);
    expect(listedForForums(all, ['tg-psyk']).map((x) => x.id)).toEqual(['a', 'j']);
  });

  it('lists a theme day both forums hold as their own record once: the forum\'s own', () => {
    const all = [m('ssg-tema', 'ssg', '2027-05-19', '09:00', 'skuu'), m('vest-tema', 'vest-ksg', '2027-05-19', '09:00', 'ssg')];
    expect(listedForForums(all, ['ssg']).map((x) => x.id)).toEqual(['ssg-tema']);
    expect(listedForForums(all, ['vest-ksg']).map((x) => x.id)).toEqual(['vest-tema']);
    expect(listedForForums(all, ['skuu']).map((x) => x.id)).toEqual(['ssg-tema']);
  });

  it('lists a theme day of two forums of a person\'s (one record per forum, linked by "joint with") once: the host\'s', () => {
    const all = [
      m('ssg-tema', 'ssg', '2027-05-19', '09:00', 'skuu'),
      m('vest-tema', 'vest-ksg', '2027-05-19', '09:00', 'ssg'),
      m('fg-tema', 'vest-fg-sb', '2027-05-19', '09:00', 'vest-ksg'),
      m('ssg-1', 'ssg', '2027-05-19', '13:00'),
      m('vest-1', 'vest-ksg', '2027-05-19', '13:00'),
    ];
    expect(listedForForums(all, ['ssg', 'vest-ksg']).map((x) => x.id)).toEqual(['ssg-tema', 'ssg-1', 'vest-1']);
    expect(listedForForums(all, ['vest-ksg', 'vest-fg-sb']).map((x) => x.id)).toEqual(['vest-tema', 'vest-1']);
    expect(listedForForums(all, ['ssg', 'vest-ksg', 'vest-fg-sb']).map((x) => x.id)).toEqual(['ssg-tema', 'ssg-1', 'vest-1']);
    // Two forums naming each other: one of them (the smallest id); a cancelled record is not the event.
    expect(listedForForums([m('b', 'x', '2027-01-05', '10:00', 'y'), m('a', 'y', '2027-01-05', '10:00', 'x')], ['x', 'y']).map((r) => r.id)).toEqual(['a']);
    expect(listedForForums([{ ...m('ssg-tema', 'ssg', '2027-05-19', '09:00', 'skuu'), status: 'cancelled' as const }, m('vest-tema', 'vest-ksg', '2027-05-19', '09:00', 'ssg')], ['ssg', 'vest-ksg']).map((r) => r.id)).toEqual(['ssg-tema', 'vest-tema']);
  });

  it('does not add a meeting of a forum that is neither its own nor held with it', () => {
    expect(listedForForums([m('x', 'other', '2027-03-01', '09:00', 'third')], ['ssg'])).toEqual([]);
  });
});
