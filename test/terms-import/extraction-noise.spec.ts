// The extraction-noise transforms of `npm run eval:import -- --noise` (scripts/extraction-noise.ts):
// repeatable, and a person reading the noisy text recovers every word and number of the clean one.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { addPageFurniture, applyNoise, capitaliseHeadings, NOISE_NAMES, noisyWhitespace, runningHeader, seededRng, varyBullets, wrapLines, type NoiseChoice } from '../../scripts/extraction-noise.js';
import { noiseChoices } from '../../scripts/eval-import.js';

const dir = path.resolve('test/fixtures/terms-import/eval/texts');
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(dir, f), 'utf8') }));
const choices: NoiseChoice[] = [...NOISE_NAMES, 'all'];

const tidy = (l: string) => l.replace(/[\u00A0]/g, ' ').replace(/\u00AD/g, '').trim().toLocaleLowerCase('da');

/**
 * The letters and digits a reader sees, where the transform adds page furniture without each
 * page's first line (the header) and last two (date, Side N af M).
 */
function reading(text: string, furniture: boolean): string {
  const pages = text.split('\f').map((p) => {
    const ls = p.split(/\r?\n/);
    if (!furniture) return ls;
    while (ls.length && !ls[ls.length - 1]!.trim()) ls.pop();
    expect(ls[ls.length - 1]).toMatch(/^Side\s\d+\saf\s\d+\s*$/);
    expect(ls[ls.length - 2]).toMatch(/^(?:\d{2}[.-]\d{2}[.-]\d{4}|\d{1,2}\.[ \u00A0]\p{L}+[ \u00A0]\d{4})\s*$/u);
    return ls.slice(1, -2);
  });
  return pages
    .flat()
    .map(tidy)
    .join(' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lines that end with a number (or §) while the paragraph goes on: a number apart from its unit. */
function numbersAtLineEnd(text: string): number {
  const ls = text.split('\n');
  return ls.filter((l, i) => /(?:^|\s)(?:§+|\d[\d.,:/–-]*)$/.test(l) && ls[i + 1]?.trim()).length;
}

describe('extraction noise for the import evaluation', () => {
  it('stores enough renditions to measure on', () => {
    expect(texts.length).toBeGreaterThanOrEqual(200);
  });

  it('is repeatable: the same transform of the same case gives the same text, another case another wrap', () => {
    const long = [...texts].sort((a, b) => b.text.length - a.text.length)[0]!;
    for (const c of choices) expect(applyNoise(c, long.text, long.id)).toBe(applyNoise(c, long.text, long.id));
    const widths = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => Math.max(...applyNoise('wrap', long.text, id).split('\n').map((l) => l.length))));
    expect(widths.size).toBeGreaterThan(1);
  });

  it('keeps every letter and digit of every rendition in order, once page furniture is set aside', () => {
    for (const { id, text } of texts) {
      const clean = reading(text, false);
      for (const c of ['wrap', 'furniture', 'whitespace', 'hyphenation', 'caps', 'spacing'] as const) {
        expect(`${c} ${id}: ${reading(applyNoise(c, text, id), c === 'furniture')}`).toBe(`${c} ${id}: ${clean}`);
      }
      // All together: the text after its first two steps (capitals, bullet glyphs) is what the rest keeps.
      const marked = varyBullets(capitaliseHeadings(text), seededRng(`all:bullets:${id}`));
      expect(`all ${id}: ${reading(applyNoise('all', text, id), true)}`).toBe(`all ${id}: ${reading(marked, false)}`);
    }
  });

  it('changes only the list markers when it varies bullets', () => {
    for (const { id, text } of texts) {
      const before = text.split('\n');
      const after = applyNoise('bullets', text, id).split('\n');
      expect(after).toHaveLength(before.length);
      before.forEach((l, i) => {
        const b = /^([ \t]*)(?:[-•●▪*–]|\u2022)[ \t]+(?=\S)/u.exec(l);
        if (!b) expect(after[i]).toBe(l);
        else expect(after[i]).toMatch(new RegExp(`^${b[1]}(?:[-•▪–\uF0B7o]|\\d{1,2}\\)|[a-z]\\.)[ \t]${l.slice(b[0].length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'u'));
      });
    }
  });

  it('never leaves a number at a line end apart from the word after it when it wraps', () => {
    for (const { id, text } of texts) {
      for (const c of ['wrap', 'hyphenation'] as const) expect(`${c} ${id}: ${numbersAtLineEnd(applyNoise(c, text, id))}`).toBe(`${c} ${id}: ${numbersAtLineEnd(text)}`);
    }
  });

  it('wraps a long line at 76-84 columns and hyphenates a long word only between syllables, 3 letters each side', () => {
    const line = 'Sundhedskoordinationsudvalget koordinerer sundhedsaftalesamarbejdet, kommunalbestyrelsernes forebyggelsesindsatser, sygehusenes udskrivningsprocedurer og praksiskonsulentordningen; det mødes 4 gange om året.';
    const wrapped = wrapLines(line, seededRng('x')).split('\n');
    expect(wrapped.length).toBeGreaterThan(1);
    for (const l of wrapped.slice(0, -1)) expect(l.length).toBeLessThanOrEqual(84);
    expect(wrapped.join(' ')).toBe(line);
    const hyph = wrapLines(line, seededRng('x'), { hyphenate: 'always' }).split('\n');
    expect(hyph.some((l) => /\p{L}{3}-$/u.test(l))).toBe(true);
    expect(hyph.map((l) => l.replace(/(\p{L})-$/u, '$1¤')).join(' ').replace(/¤ /g, '')).toBe(line);
  });

  it('puts a running header, a footer date and Side N af M on every page, a form feed between pages', () => {
    const text = ['Kommissorium for Styregruppen', '', ...Array.from({ length: 60 }, (_v, i) => `Linje ${i + 1}.`)].join('\n');
    const paged = addPageFurniture(text, seededRng('p'));
    const pages = paged.split('\f');
    expect(pages).toHaveLength(2);
    expect(runningHeader(text)).toBe('Kommissorium for Styregruppen');
    pages.forEach((p, i) => {
      expect(p.startsWith('Kommissorium for Styregruppen\n')).toBe(true);
      expect(p.trimEnd().endsWith(`Side ${i + 1} af 2`)).toBe(true);
      expect(p).toMatch(/\n(?:\d{2}[.-]\d{2}[.-]\d{4}|\d{1,2}\. \p{L}+ \d{4})\nSide /u);
    });
  });

  it('gives each list one bullet style, numbered styles counting up', () => {
    const text = 'Medlemmer:\n- 2 fra regionen\n- 2 fra kommunerne\n\nOpgaver:\n- at koordinere\n- at følge op';
    const out = varyBullets(text, seededRng('b')).split('\n');
    const markers = [out[1], out[2]].map((l) => /^(\S+)[ \t]/.exec(l!)![1]);
    expect(['•', '\uF0B7', 'o', '-', '–', '▪', '1)', 'a.']).toContain(markers[0]!.replace(/^\d\)$/, '1)').replace(/^[a-z]\.$/, 'a.'));
    if (/\d\)|[a-z]\./.test(markers[0]!)) expect(markers[1]).not.toBe(markers[0]);
    else expect(markers[1]).toBe(markers[0]);
    expect(out[1]).toMatch(/[ \t]2 fra regionen$/);
  });

  it('writes CRLF line ends and puts no-break spaces after numbers and soft hyphens in long words', () => {
    const text = Array.from({ length: 20 }, () => 'Udvalget mødes 4 gange om året i sundhedskoordinationsudvalget.').join('\n');
    const out = noisyWhitespace(text, seededRng('w'));
    expect(out.split('\r\n').length).toBeGreaterThanOrEqual(20);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(out).toMatch(/4\u00A0gange/);
    expect(out).toMatch(/\p{L}\u00AD\p{L}/u);
  });

  it('writes a heading that stands alone in capitals, not a sentence or a list item', () => {
    const text = 'Kommissorium for Styregruppen\n\nSammensætning\n\n- 2 fra regionen\n\nStyregruppen mødes 4 gange om året.\n\nMedlemmer\n- 1 fra hver kommune';
    expect(capitaliseHeadings(text)).toBe('KOMMISSORIUM FOR STYREGRUPPEN\n\nSAMMENSÆTNING\n\n- 2 fra regionen\n\nStyregruppen mødes 4 gange om året.\n\nMedlemmer\n- 1 fra hver kommune');
  });

  it('takes --noise as every transform and all together, --noise=a,b as those named, and refuses an unknown one', () => {
    expect(noiseChoices('--noise')).toEqual([...NOISE_NAMES, 'all']);
    expect(noiseChoices('--noise=wrap,all')).toEqual(['wrap', 'all']);
    expect(() => noiseChoices('--noise=wobble')).toThrow(/unknown transform wobble/);
  });
});
