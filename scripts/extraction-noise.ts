/**
 * Deterministic extraction noise for `npm run eval:import -- --noise`: the evaluation
 * renditions are clean text (one paragraph a line, "- " or "•" bullets, LF line ends), but
 * documents arrive as text extracted from Word or PDF. Each transform below puts one kind of
 * that noise into a clean rendition; `all` puts in every one. They only move text between
 * lines, change bullet glyphs, the case of headings and invisible characters, and add page
 * furniture: a person reading the result recovers every fact as the clean text states it.
 *
 * - wrap: lines hard-wrapped at 76-84 columns like pdftotext (a bullet's continuation lines
 *   either flush left or under its text); a number is never left at a line end apart from
 *   the word after it ("4 gange", "§ 3", "15. maj" stay on one line).
 * - furniture: pages of 40-50 lines, each with a running header (the document's first line)
 *   and a footer (a date, 'Side N af M'), pages separated by a form feed.
 * - bullets: each list's "- "/"•" markers become one of •, \uF0B7 (Word's Symbol bullet),
 *   o, -, –, ▪, 1), a. followed by a space or a tab.
 * - whitespace: CRLF line ends, non-breaking spaces (after most numbers, after §, some
 *   elsewhere), soft hyphens inside long words, trailing spaces, double blank lines.
 * - hyphenation: the wrap above, a long word straddling the line end broken with a hyphen
 *   ("Sundhedskoordinations-" / "udvalget").
 * - caps: headings (a short line of at most 8 words standing alone, without a full stop or a
 *   comma) in capitals.
 * - spacing: runs of two or three spaces between words, as pdftotext -layout writes justified
 *   text and as typists put two spaces after a full stop.
 * - all: caps, bullets, wrap (a straddling long word hyphenated half the time), spacing,
 *   furniture, whitespace, in that order.
 *
 * Every transform is seeded by its name and the case id, so a run is repeatable.
 */
import { seededRng, type Rng } from '../src/shared/seeded-random.js';

export const NOISE_NAMES = ['wrap', 'furniture', 'bullets', 'whitespace', 'hyphenation', 'caps', 'spacing'] as const;
export type NoiseName = (typeof NOISE_NAMES)[number];
export type NoiseChoice = NoiseName | 'all';

export const NOISE_LABELS: Record<NoiseChoice, string> = {
  wrap: '(a) lines wrapped at ~80 columns',
  furniture: '(b) page header, footer date, Side N af M',
  bullets: '(c) bullet glyphs • U+F0B7 o - – ▪ 1) a.',
  whitespace: '(d) CRLF, no-break spaces, soft hyphens',
  hyphenation: '(e) words hyphenated at line breaks',
  caps: '(f) headings in capitals',
  spacing: '(g) runs of spaces (justified, two after .)',
  all: 'all of (a)-(g) together',
};

export { seededRng };

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const lines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** A bullet line of a clean rendition: indent, marker, text. */
const BULLET = /^([ \t]*)(?:[-•●▪*–]|\u2022)[ \t]+(?=\S)/u;
/** A list line after varyBullets too (o, Word's Symbol bullet, 1), a.). */
const ANY_BULLET = /^([ \t]*)(?:[-•●▪*–\uF0B7o]|\d{1,2}\)|[a-z]\.)[ \t]+(?=\S)/u;
/** A token a line must not end with when a word follows: a number, a range, a paragraph sign. */
const GLUE = /^(?:§+|[\d][\d.,:/–-]*|nr\.|kl\.|ca\.|pkt\.)$/iu;
/** A word that may be hyphenated at a line end: letters only (an initial capital allowed), 8 or more. */
const HYPHENATABLE = /^(\p{Lu}?\p{Ll}{7,})([.,;:)]?)$/u;

export type WrapOptions = { hyphenate: 'never' | 'always' | 'half' };

/** Hard-wraps every line longer than the document's width (76-84 columns). */
export function wrapLines(text: string, rng: Rng, opts: WrapOptions = { hyphenate: 'never' }): string {
  const width = 76 + Math.floor(rng() * 9);
  const hanging = rng() < 0.5;
  const out: string[] = [];
  for (const line of lines(text)) {
    const bullet = ANY_BULLET.exec(line);
    const lead = bullet ? bullet[0] : /^[ \t]*/.exec(line)![0];
    // A table row (a tab after the lead) stays one line, as a Word table saved as text does.
    if (line.length <= width || line.slice(lead.length).includes('\t')) {
      out.push(line);
      continue;
    }
    const cont = hanging ? ' '.repeat(lead.length) : '';
    const words = line.slice(lead.length).split(/ +/).filter(Boolean);
    let cur = lead + words[0]!;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      const prev = words[i - 1]!;
      if (cur.length + 1 + w.length <= width || GLUE.test(prev)) {
        cur += ' ' + w;
        continue;
      }
      const hy = HYPHENATABLE.exec(w);
      const room = width - cur.length - 2; // a space before, a hyphen after
      const doHyphen = opts.hyphenate === 'always' || (opts.hyphenate === 'half' && rng() < 0.5);
      const at = hy && doHyphen ? hyphenPoint(hy[1]!, room) : 0;
      if (at) {
        out.push(`${cur} ${w.slice(0, at)}-`);
        cur = cont + w.slice(at);
        continue;
      }
      out.push(cur);
      cur = cont + w;
    }
    out.push(cur);
  }
  return out.join('\n');
}

const VOWEL = /[aeiouyæøåé]/i;

/** Where a word is broken to fit `room` characters: before a consonant that opens a syllable, 3 letters kept each side; 0 for none. */
function hyphenPoint(word: string, room: number): number {
  for (let k = Math.min(room, word.length - 3); k >= 3; k--) {
    if (!VOWEL.test(word[k]!) && VOWEL.test(word[k + 1] ?? '') && VOWEL.test(word.slice(0, k))) return k;
  }
  return 0;
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** The running header: the document's first line (not a web page's breadcrumb trail) without a bullet, cut at a word before 70 characters. */
export function runningHeader(text: string): string {
  const ls = lines(text).filter((l) => l.trim());
  const first = (ls.find((l) => !/ [/›>»] .* [/›>»] /.test(l)) ?? ls[0] ?? '').trim().replace(BULLET, '');
  if (first.length <= 70) return first;
  return first.slice(0, 70).replace(/\s+\S*$/, '');
}

/** Pages of 40-50 lines with a running header, a footer date and 'Side N af M'; a form feed between pages. */
export function addPageFurniture(text: string, rng: Rng): string {
  const pageLen = 40 + Math.floor(rng() * 11);
  const header = runningHeader(text);
  const d = 1 + Math.floor(rng() * 28);
  const m = Math.floor(rng() * 12);
  const y = 2015 + Math.floor(rng() * 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = pick(rng, [`${pad(d)}.${pad(m + 1)}.${y}`, `${d}. ${MONTHS[m]} ${y}`, `${pad(d)}-${pad(m + 1)}-${y}`]);
  const body = lines(text.replace(/\n+$/, ''));
  const pages: string[][] = [];
  for (let i = 0; i < body.length; i += pageLen) pages.push(body.slice(i, i + pageLen));
  const n = pages.length;
  return pages.map((p, i) => `${i ? '\f' : ''}${header}\n\n${p.join('\n')}\n\n${date}\nSide ${i + 1} af ${n}\n`).join('');
}

const GLYPHS = ['•', '\uF0B7', 'o', '-', '–', '▪', '1)', 'a.'] as const;

/** Each list (bullet lines, blank lines allowed between items) gets one glyph, numbered styles counting up. */
export function varyBullets(text: string, rng: Rng): string {
  const ls = lines(text);
  let style: (typeof GLYPHS)[number] | null = null;
  let sep = ' ';
  let n = 0;
  for (let i = 0; i < ls.length; i++) {
    const b = BULLET.exec(ls[i]!);
    if (!b) {
      if (ls[i]!.trim()) style = null;
      continue;
    }
    if (!style) {
      style = pick(rng, GLYPHS);
      sep = rng() < 0.4 ? '\t' : ' ';
      n = 0;
    }
    n++;
    const marker = style === '1)' ? `${n})` : style === 'a.' ? (n <= 26 ? `${String.fromCharCode(96 + n)}.` : `${n})`) : style;
    ls[i] = b[1] + marker + sep + ls[i]!.slice(b[0].length);
  }
  return ls.join('\n');
}

/** CRLF, no-break spaces, soft hyphens, trailing spaces and doubled blank lines. */
export function noisyWhitespace(text: string, rng: Rng): string {
  const out: string[] = [];
  for (let line of lines(text)) {
    line = line.replace(/(\S+) (?=\S)/g, (m, w: string) => {
      const p = /^(?:§|\d[\d.,–-]*)$/.test(w) ? 0.7 : 0.03;
      return rng() < p ? `${w}\u00A0` : m;
    });
    line = line.replace(/\p{L}{10,}/gu, (w) => {
      if (rng() >= 0.25) return w;
      const at = 4 + Math.floor(rng() * (w.length - 7));
      return `${w.slice(0, at)}\u00AD${w.slice(at)}`;
    });
    if (line.trim() && rng() < 0.2) line += pick(rng, [' ', '  ']);
    out.push(line);
    if (!line.trim() && rng() < 0.3) out.push('');
  }
  return out.join('\r\n');
}

/** Two or three spaces in some gaps between words (a fifth of them), and two after most full stops. */
export function justifySpacing(text: string, rng: Rng): string {
  return lines(text)
    .map((l) => l.replace(/(\S) (?=\S)/g, (_m, a: string) => a + (a === '.' && rng() < 0.5 ? '  ' : rng() < 0.2 ? ' '.repeat(2 + Math.floor(rng() * 2)) : ' ')))
    .join('\n');
}

/** A heading: a short line standing alone (blank or nothing before and after), at most 8 words, no full stop, comma or 'label: value', not a list item. */
export function capitaliseHeadings(text: string): string {
  const ls = lines(text);
  return ls
    .map((l, i) => {
      const t = l.trim();
      const alone = !ls[i - 1]?.trim() && !ls[i + 1]?.trim();
      const heading = alone && t.length >= 3 && t.length <= 70 && t.split(/\s+/).length <= 8 && /^[\p{Lu}\d§]/u.test(t) && !/[.!?]$|[,;]|:\s*\S/u.test(t) && !BULLET.test(l) && !/^\d+[.)]\s/.test(t) && !l.includes('\t');
      return heading && /\p{Ll}/u.test(t) ? l.toLocaleUpperCase('da') : l;
    })
    .join('\n');
}

/** The noisy text of a clean rendition under one transform (or all), seeded by the transform and the case id. */
export function applyNoise(choice: NoiseChoice, text: string, id: string): string {
  const rng = (step: string) => seededRng(`${choice}:${step}:${id}`);
  switch (choice) {
    case 'wrap':
      return wrapLines(text, rng('wrap'));
    case 'furniture':
      return addPageFurniture(text, rng('furniture'));
    case 'bullets':
      return varyBullets(text, rng('bullets'));
    case 'whitespace':
      return noisyWhitespace(text, rng('whitespace'));
    case 'hyphenation':
      return wrapLines(text, rng('wrap'), { hyphenate: 'always' });
    case 'caps':
      return capitaliseHeadings(text);
    case 'spacing':
      return justifySpacing(text, rng('spacing'));
    case 'all': {
      let t = capitaliseHeadings(text);
      t = varyBullets(t, rng('bullets'));
      t = wrapLines(t, rng('wrap'), { hyphenate: 'half' });
      t = justifySpacing(t, rng('spacing'));
      t = addPageFurniture(t, rng('furniture'));
      return noisyWhitespace(t, rng('whitespace'));
    }
  }
}
