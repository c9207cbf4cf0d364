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

  it('does not add a meeting of a forum that is neither its own nor held with it', () => {
    expect(listedForForums([m('x', 'other', '2027-03-01', '09:00', 'third')], ['ssg'])).toEqual([]);
  });
});
