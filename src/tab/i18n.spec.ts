/**
 * Danish first, English second, and nothing missing in either: every text key
 * (nested, including the per-value tables such as roles and audit actions) exists
 * in both languages, texts with parameters take the same number in both, and
 * dates and times read as users expect, in Copenhagen time.
 */
import { describe, expect, it } from '@jest/globals';
import { formatDate, formatInstant, texts, textsIn } from './i18n.js';

/** Every key path in a text tree, with "()n" for a function of n parameters. */
function shape(v: unknown, at = ''): string[] {
  if (typeof v === 'function') return [`${at}()${v.length}`];
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).flatMap(([k, x]) => shape(x, at ? `${at}.${k}` : k));
  return [at];
}

describe('the tab texts', () => {
  it('has every key in both Danish and English', () => {
    const da = shape(texts.da);
    const en = shape(texts.en);
    expect({ missingInEnglish: da.filter((k) => !en.includes(k)), missingInDanish: en.filter((k) => !da.includes(k)) }).toEqual({ missingInEnglish: [], missingInDanish: [] });
    expect(da.length).toBeGreaterThan(300);
  });

  it('notices a key missing from one language', () => {
    const { nextMeetings: _, ...m } = texts.en.m;
    const en = { ...texts.en, m, roles: { ...texts.en.roles, extra: 'Extra' } };
    expect(shape(texts.da).filter((k) => !shape(en).includes(k))).toEqual(['m.nextMeetings']);
    expect(shape(en).filter((k) => !shape(texts.da).includes(k))).toEqual(['roles.extra']);
  });

  it('has no empty texts, and English texts that are not just the Danish ones', () => {
    const leaves = (v: unknown, at = ''): [string, string][] =>
      typeof v === 'string' ? [[at, v]] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => leaves(x, at ? `${at}.${k}` : k)) : [];
    const da = new Map(leaves(texts.da));
    const en = leaves(texts.en);
    expect(en.filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    // Danish letters in an English text mean it was not translated (names like "Region Midtjylland" have none).
    expect(en.filter(([, v]) => /[æøåÆØÅ]/.test(v)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
    expect(en.filter(([k, v]) => v.length > 12 && da.get(k) === v).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it('writes dates and times in Copenhagen time, the Danish and the English way', () => {
    expect(formatInstant('2027-02-11T12:00:00Z', 'da')).toBe('11. februar 2027 kl. 13.00');
    expect(formatInstant('2027-02-11T12:00:00Z', 'en')).toBe('11 February 2027, 13:00');
    // Summer time, and an instant that is the next day in Copenhagen.
    expect(formatInstant('2027-06-10T11:30:00Z', 'da')).toBe('10. juni 2027 kl. 13.30');
    expect(formatInstant('2027-06-10T22:15:00Z', 'en')).toBe('11 June 2027, 00:15');
    expect(formatDate('2027-02-11', 'da')).toBe('11. februar 2027');
    expect(formatDate('2027-02-11', 'en')).toBe('11 February 2027');
  });
});

describe('textsIn (server texts with English twins)', () => {
  it('shows the English twin in English mode and falls back to Danish when it is missing or does not line up', () => {
    expect(textsIn('da', ['Kvartalsvis fordeling (1. kvartal)'], ['Quarterly spread (1st quarter)'])).toEqual(['Kvartalsvis fordeling (1. kvartal)']);
    expect(textsIn('en', ['Kvartalsvis fordeling (1. kvartal)'], ['Quarterly spread (1st quarter)'])).toEqual(['Quarterly spread (1st quarter)']);
    expect(textsIn('en', ['Kvartalsvis fordeling (1. kvartal)'], undefined)).toEqual(['Kvartalsvis fordeling (1. kvartal)']);
    expect(textsIn('en', ['a', 'b'], ['only one'])).toEqual(['a', 'b']);
  });
});
