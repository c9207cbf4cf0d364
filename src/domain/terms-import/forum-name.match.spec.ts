import { describe, expect, it } from '@jest/globals';
import { forumNameKey, matchForumName, type ForumRef } from './forum-name.match.js';

const forums: ForumRef[] = [
  { id: 'ksg-vest', name: 'Klyngestyregruppe Vestklyngen' },
  { id: 'ksg-midt', name: 'Klyngestyregruppe Midtklyngen' },
  { id: 'ssg', name: 'Sundhedsstyregruppe' },
  { id: 'tg-rehab', name: 'Temagruppe for Rehabilitering' },
  { id: 'fg-sb', name: 'Fokusgruppe Sundhed og Beskæftigelse' },
];

describe('matchForumName', () => {
  it('matches definite, genitive and prepositional forms', () => {
    expect(matchForumName('Klyngestyregruppen i Vestklyngen', forums)).toEqual({ match: forums[0], score: 1 });
    expect(matchForumName('Sundhedsstyregruppen', forums)).toEqual({ match: forums[2], score: 1 });
    expect(matchForumName('sundhedsstyregruppens', forums)).toEqual({ match: forums[2], score: 1 });
    expect(matchForumName('Temagruppen for Rehabilitering', forums)).toEqual({ match: forums[3], score: 1 });
    expect(matchForumName('Fokusgruppen Sundhed og Beskæftigelse', forums)).toEqual({ match: forums[4], score: 1 });
  });

  it('tolerates small spelling differences', () => {
    const r = matchForumName('Klyngestyregrupen Vestklyngen', forums);
    expect('match' in r && r.match.id).toBe('ksg-vest');
    const r2 = matchForumName('Sundhedstyregruppen', forums);
    expect('match' in r2 && r2.match.id).toBe('ssg');
  });

  it('asks instead of choosing when several forums fit', () => {
    const r = matchForumName('Klyngestyregruppen', forums);
    expect(r).toEqual({ ambiguous: [forums[0], forums[1]] });
  });

  it('matches a short name when only one forum of that name exists', () => {
    const r = matchForumName('Klyngestyregruppen', [forums[0]!, forums[2]!]);
    expect('match' in r && r.match.id).toBe('ksg-vest');
  });

  it('answers none for an unknown forum or an empty name', () => {
    expect(matchForumName('Sundhedskoordinationsudvalget', forums)).toEqual({ none: true });
    expect(matchForumName('  ', forums)).toEqual({ none: true });
    expect(matchForumName('Klyngestyregruppen', [])).toEqual({ none: true });
  });

  it('does not confuse different forums of similar kinds', () => {
    expect(matchForumName('Temagruppe for Forebyggelse', forums)).toEqual({ none: true });
  });

  it('reports two identical names as ambiguous', () => {
    const twins = [{ id: 'a', name: 'Driftsforum' }, { id: 'b', name: 'driftsforum' }];
    expect(matchForumName('Driftsforummet', twins)).toEqual({ ambiguous: twins });
  });

  it('normalises inflection to one key', () => {
    expect(forumNameKey('Klyngestyregruppens')).toEqual(forumNameKey('klyngestyregruppe'));
    expect(forumNameKey('Temagrupperne')).toEqual(forumNameKey('temagruppe'));
  });
});
