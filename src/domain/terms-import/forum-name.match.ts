/**
 * Matches a forum named in a document ("Klyngestyregruppen i Vestklyngen",
 * "klyngestyregruppens") against the forums that exist.
 *
 * Tolerant of Danish inflection (definite -en/-et/-erne, genitive -s, plural -er)
 * and of small spelling differences (Levenshtein distance from the maintained
 * `fastest-levenshtein`). It never chooses among several plausible forums: those
 * come back as `ambiguous` for a person to pick.
 */
import { distance } from 'fastest-levenshtein';

export type ForumRef = { id: string; name: string };
export type ForumMatch =
  | { match: ForumRef; score: number }
  | { ambiguous: ForumRef[] }
  | { none: true };

const STOP = new Set(['i', 'for', 'af', 'på', 'til', 'om', 'den', 'det', 'de', 'og', 'med', 'kommissorium']);
const SUFFIXES = ['ernes', 'erne', 'enes', 'ene', 'ens', 'ets', 'en', 'et', 'er', 'e', 's'];

export function stemDanish(word: string): string {
  for (const suf of SUFFIXES) {
    if (word.endsWith(suf) && word.length - suf.length >= 4) return word.slice(0, -suf.length);
  }
  return word;
}

export function forumNameKey(name: string): string[] {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[-–/_.,:;()"']/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .map(stemDanish);
}

const FUZZY_MIN_SIMILARITY = 0.85;
const FUZZY_MAX_DISTANCE = 3;

export function matchForumName(name: string, forums: readonly ForumRef[]): ForumMatch {
  const key = forumNameKey(name);
  if (!key.length) return { none: true };
  const joined = key.join(' ');
  const scored = forums.map((f) => {
    const fk = forumNameKey(f.name);
    const fj = fk.join(' ');
    if (fj === joined) return { f, score: 1 };
    const d = distance(joined, fj);
    const sim = 1 - d / Math.max(joined.length, fj.length, 1);
    if (d <= FUZZY_MAX_DISTANCE && sim >= FUZZY_MIN_SIMILARITY) return { f, score: sim };
    // "Klyngestyregruppen" names "Klyngestyregruppe Vestklyngen" when it is the only one of its kind.
    if (fk.length && key.every((w) => fk.includes(w)) || key.length && fk.every((w) => key.includes(w))) return { f, score: 0.8 };
    return { f, score: 0 };
  });
  const exact = scored.filter((s) => s.score === 1);
  if (exact.length === 1) return { match: exact[0]!.f, score: 1 };
  if (exact.length > 1) return { ambiguous: exact.map((s) => s.f) };
  const plausible = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  if (plausible.length === 1) return { match: plausible[0]!.f, score: plausible[0]!.score };
  if (plausible.length > 1) return { ambiguous: plausible.map((s) => s.f) };
  return { none: true };
}
