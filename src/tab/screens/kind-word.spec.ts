import { describe, expect, it } from '@jest/globals';
import { forumKinds } from '../../domain/terms-import/terms-import.lexicon.js';
import { kindWord } from './kind-word.js';

describe('the word shown for a forum kind outside the catalogue', () => {
  it('is Danish, not the slug', () => {
    expect(kindWord('raad')).toBe('råd');
    expect(kindWord('repraesentantskab')).toBe('repræsentantskab');
    expect(kindWord('foelgegruppe')).toBe('følgegruppe');
    expect(kindWord('faelles_sekretariat')).toBe('fælles sekretariat');
    expect(kindWord('bilateralt_moede')).toBe('bilateralt møde');
    expect(kindWord('udvalg')).toBe('udvalg');
  });

  it('is a word the lexicon itself reads as that kind, for every kind it knows', () => {
    for (const kind of forumKinds.filter((k) => k.slug)) {
      const word = kindWord(kind.slug);
      // The stem matches the start of its own word (e.g. "netværk", "styregrupp(e)"), so no letter was spelled wrongly.
      expect({ slug: kind.slug, reads: new RegExp(`^(?:${kind.stem})`, 'iu').test(word) || word.includes(' ') }).toEqual({ slug: kind.slug, reads: true });
    }
  });
});
