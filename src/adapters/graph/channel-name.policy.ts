/**
 * Teams channel display names: at most 50 characters, none of ~ # % & * { } + / \ : < > ? | ' "
 * or "..", and no leading "_" / "." or trailing ".". Forum names are longer than
 * that, so we shorten by word, from the left, and keep the distinctive end of the
 * name ("... for børn, unge og familien") untouched as long as possible.
 */

export const CHANNEL_NAME_MAX = 50;

// Frequent words in Danish forum names with their usual abbreviations.
const KNOWN = new Map<string, string>(Object.entries({
  sundhedssamarbejdsudvalget: 'SSU',
  sundhedssamarbejdsudvalg: 'SSU',
  sundhedsaftalen: 'sundhedsaft.',
  sundhedsaftale: 'sundhedsaft.',
  administrative: 'adm.',
  administrativ: 'adm.',
  styregruppe: 'styregr.',
  styregruppen: 'styregr.',
  arbejdsgruppe: 'arb.gr.',
  arbejdsgruppen: 'arb.gr.',
  temagruppe: 'temagr.',
  temagruppen: 'temagr.',
  samarbejdsudvalg: 'samarb.udv.',
  kommunerne: 'kom.',
  kommune: 'kom.',
  regionen: 'reg.',
  region: 'Reg.',
  praksisplanudvalg: 'PPU',
}));
const FILLER = new Set(['for', 'og', 'i', 'af', 'til', 'med', 'på', 'om', 'den', 'det', 'de']);

/** Replaces characters Teams refuses in channel names. */
export function sanitizeChannelName(name: string): string {
  return name
    .replace(/[&+]/g, ' og ')
    .replace(/[/\\|]/g, '-')
    .replace(/:/g, ' -')
    .replace(/[~#%*{}<>?'"]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[_.\s]+/, '')
    .replace(/[.\s]+$/, '');
}

const keepCase = (original: string, abbr: string): string =>
  /^\p{Lu}/u.test(original) ? abbr.charAt(0).toUpperCase() + abbr.slice(1) : abbr;

function abbreviateWord(word: string): string {
  const m = /^([\p{L}-]+)([,;]?)$/u.exec(word);
  if (!m) return word;
  const [, core, punct] = m as unknown as [string, string, string];
  const known = KNOWN.get(core.toLowerCase());
  if (known) return keepCase(core, known) + punct;
  if (core.includes('-')) return core.split('-').map((p) => (p.length > 5 ? p.slice(0, 4) + '.' : p)).join('-') + punct;
  return core.length > 5 ? core.slice(0, 4) + '.' + punct : word;
}

/** The display name to use for a forum's channel. */
export function shortenChannelName(name: string, max = CHANNEL_NAME_MAX): string {
  // Abbreviations end in "."; Teams refuses a name that ends in one.
  return shorten(name, max).replace(/[.\s]+$/, '');
}

function shorten(name: string, max: number): string {
  let words = sanitizeChannelName(name).split(' ').filter(Boolean);
  const join = (): string => words.join(' ');
  if (join().length <= max) return join();
  // Keep the last three words (the distinctive end) as they are while we can.
  const protectedTail = Math.min(3, words.length);
  // 1) known abbreviations anywhere, then 2) abbreviate long words from the left.
  words = words.map((w) => {
    const m = /^([\p{L}-]+)([,;]?)$/u.exec(w);
    const known = m ? KNOWN.get(m[1]!.toLowerCase()) : undefined;
    return known ? keepCase(m![1]!, known) + (m![2] ?? '') : w;
  });
  for (let i = 0; i < words.length - protectedTail && join().length > max; i++) words[i] = abbreviateWord(words[i]!);
  // 3) drop filler words on the left.
  for (let i = words.length - protectedTail - 1; i >= 1 && join().length > max; i--) {
    if (FILLER.has(words[i]!.toLowerCase())) words.splice(i, 1);
  }
  // 4) abbreviate the tail as well.
  for (let i = words.length - protectedTail; i < words.length && join().length > max; i++) if (i >= 0) words[i] = abbreviateWord(words[i]!);
  // 5) last resort: keep the first word and as much of the end as fits.
  if (join().length > max) {
    const first = words[0]!;
    const rest = words.slice(1).join(' ');
    const room = max - first.length - 3;
    const tail = room > 0 ? rest.slice(rest.length - room).replace(/^\S*\s/, '') : '';
    const s = room > 0 ? `${first} … ${tail}`.trim() : first.slice(0, max);
    return s.length <= max ? s : s.slice(0, max);
  }
  return join();
}
