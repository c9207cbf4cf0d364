import { describe, expect, it } from '@jest/globals';
import { kindAtStart, kindMentions, sectionOf } from './terms-import.lexicon.js';

describe('forum kind words and their Danish inflection', () => {
  it('knows a forum named with its definite form, whose m doubles ("Driftsforummet", "forummets")', () => {
    expect(kindAtStart('Driftsforummet mødes fire gange om året')).toMatchObject({ kind: { slug: 'driftsforum' }, length: 'Driftsforummet'.length });
    expect(kindAtStart('Driftsforummets formand')?.kind.slug).toBe('driftsforum');
    expect(kindMentions('Formanden for psykiatriforummet deltager i styregruppen').map((m) => m.text)).toEqual(['psykiatriforummet', 'styregruppen']);
  });

  it('still reads the other forms, and no longer word as a kind', () => {
    expect(kindAtStart('Driftsforum for Sundhedsråd Midt')?.length).toBe('Driftsforum'.length);
    expect(kindAtStart('Driftsfora i regionen')?.kind.slug).toBe('driftsforum');
    expect(kindAtStart('Styregruppen består af')?.length).toBe('Styregruppen'.length);
    expect(kindAtStart('Driftsforummethode')).toBeUndefined();
  });
});

describe('section headings of rules of procedure', () => {
  it('reads a heading after a paragraph sign or a chapter number ("§ 3. Deltagere", "Kapitel 2: Sammensætning")', () => {
    expect(sectionOf('§ 3. Deltagere')).toBe('members');
    expect(sectionOf('Kapitel 2: Sammensætning af deltagere')).toBe('members');
    expect(sectionOf('§ 6. Mødekadence og arrangør')).toBe('meetings');
    expect(sectionOf('§ 3. Bisiddere')).toBeUndefined();
  });
});

describe('headings met on pages of held-out round 20 (issue 17)', () => {
  it('a chapter number joined by a dash ("Kapitel 2 - Integrationsrådets sammensætning") opens its section', () => {
    expect(sectionOf('Kapitel 2 - Integrationsrådets sammensætning')).toBe('members');
    expect(sectionOf('Kapitel 1 – Rådets formål og opgaver')).toBe('purpose');
  });
});
