/**
 * Normalises a kommissorium's text so that extraction rules see one shape,
 * whether it came from a .txt, pasted text or a Word document turned into text.
 *
 * What it does: unifies line endings and odd spaces, and flattens the light HTML
 * that table cells carry when a Word table is exported as "heading<TAB>cell"
 * (`<p>`, `<i>`, `<ul>` with " - " items). A row stays "Heading\tfirst line" and
 * the cell's further paragraphs follow on their own lines; list items become
 * "- item" lines. Text extracted from a PDF or a Word file is made to read like
 * typed text: list markers ("•", "", "o", "–", "-" with a tab, runs of "1)" or
 * "a.") become "- ", page furniture (a running header, a footer date, "Side 2 af 5",
 * form feeds) is dropped, a heading in capitals is written in ordinary case,
 * hard-wrapped lines are joined back into their paragraphs, and runs of two or three
 * spaces between words become one. What it does not do:
 * keep offsets into the raw input. Every span the importer returns points into the
 * normalised text, which is returned too.
 */

const BLOCK_TAG = / *<\/?(?:p|ul|ol|li|br|div|tr|td|th|table|tbody|h[1-6])\b[^>]*> */gi;
const INLINE_TAG = /<\/?(?:i|b|em|strong|u|span|a|sup|sub|font)\b[^>]*>/gi;

export function normalizeDocumentText(raw: string): string {
  let t = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u00AD\u200B-\u200D]/g, '');
  t = dedent(t);
  t = t
    .split('\n')
    .map((line) => (line.includes('<') ? flattenHtmlLine(line) : line))
    // Bullets pasted from Word ("•", "", "▪", "o", "-" and a tab) become "- ".
    .map((line) => line.replace(/^([ \t]*)(?:[•·▪●◦■□➢►✓\uF0B7\uF0A7\uF0D8\uF0FC]|o(?=\s)|-(?=\t)|[–—](?=\t))[ \t]*/u, '$1- '))
    .join('\n');
  t = markdownTables(t);
  t = dashItems(t);
  t = t
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+$/gm, (m) => (m.includes('\t') ? '\t' : ''));
  t = numberedListsAsBullets(t);
  t = dropPageFurniture(t);
  t = recaseCapitalHeadings(t);
  t = t.replace(/\n{3,}/g, '\n\n');
  t = unwrapLines(t);
  // Two or three spaces between words (justified text from pdftotext -layout, two after a full stop) are one; the lines'
  // widths were measured with them. A wider gap may part a table's columns and stays.
  t = t.replace(/(?<=\S) {2,3}(?=\S)/g, ' ');
  return t.replace(/^\n+/, '').replace(/\s+$/, '') + '\n';
}

/**
 * A Markdown table ("| Aktør | Rolle og ansvar |" over "| --- | --- |", as GitHub pages and wiki exports write them) is read as
 * Word's tables are pasted: one row a line, its cells parted by tabs; the row of dashes under the header goes. A line with pipes
 * that heads no such separator row, or follows none, stays as it is.
 */
function markdownTables(t: string): string {
  const lines = t.split('\n');
  const ROW = /^[ \t]*\|.*\|[ \t]*$/;
  const SEP = /^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*$/;
  const out: string[] = [];
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!inTable && ROW.test(l) && SEP.test(lines[i + 1] ?? '')) inTable = true;
    else if (inTable && !ROW.test(l)) inTable = false;
    if (!inTable) {
      out.push(l);
      continue;
    }
    if (SEP.test(l)) continue;
    out.push(l.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim()).join('\t'));
  }
  return out.join('\n');
}

/** A left margin every line of text shares (pdftotext -layout indents the whole page) is taken off; deeper indents stay. */
function dedent(t: string): string {
  const lines = t.split('\n');
  const margins = lines.map((l) => l.replace(/^\f/, '')).filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const margin = margins.length ? Math.min(...margins) : 0;
  if (!margin) return t;
  return lines.map((l) => (l.startsWith('\f') ? '\f' + l.slice(1).slice(margin) : l.slice(Math.min(margin, /^ */.exec(l)![0].length)))).join('\n');
}

/**
 * A line opening with an en or em dash is a list item when it is among others ("– a" / "– b") or follows a
 * lead-in ending with a colon; a lone dash at the start of a wrapped line ("... en fælles ledelse\n– en fra
 * regionen") is the sentence's own dash and stays.
 */
function dashItems(t: string): string {
  const lines = t.split('\n');
  const DASH = /^([ \t]*)[–—][ \t]+(?=\S)/u;
  const ITEM = /^[ \t]*(?:-|[–—])[ \t]+\S/u;
  const neighbour = (i: number, dir: 1 | -1) => {
    for (let j = i + dir; j >= 0 && j < lines.length; j += dir) if (lines[j]!.trim()) return lines[j]!;
    return '';
  };
  return lines
    .map((l, i) => {
      if (!DASH.test(l)) return l;
      const before = neighbour(i, -1);
      const list = ITEM.test(before) || ITEM.test(neighbour(i, 1)) || /:\s*$/.test(before) || !before;
      return list ? l.replace(DASH, '$1- ') : l;
    })
    .join('\n');
}

/**
 * "1) ...", "2) ..." or "a. ...", "b. ...": a run of two or more items counting up from 1 or a is a list; its items
 * become "- ". So does an item with a tab after its number or letter ("a.\tUdvalg for ..."), as Word writes a list.
 */
export function numberedListsAsBullets(t: string): string {
  const lines = t.split('\n');
  const ITEM = /^([ \t]*)(?:(\d{1,2})\)|\((\d{1,2})\)|([a-zæ])[.)])[ \t]+(?=\S)/u;
  const ordinal = (m: RegExpExecArray) => (m[2] ?? m[3] ? Number(m[2] ?? m[3]) : m[4]!.charCodeAt(0) - 96);
  const style = (m: RegExpExecArray) => (m[2] ? 'n)' : m[3] ? '(n)' : `a${m[0].trimEnd().slice(-1)}`);
  for (let i = 0; i < lines.length; i++) {
    const first = ITEM.exec(lines[i]!);
    if (!first || (ordinal(first) !== 1 && !/\t/.test(first[0]))) continue;
    const run = [i];
    let want = 2;
    for (let j = i + 1; j < lines.length; j++) {
      const m = ITEM.exec(lines[j]!);
      if (m && style(m) === style(first) && ordinal(m) === want) {
        run.push(j);
        want++;
      } else if (m && style(m) === style(first) && ordinal(m) === 1) break;
    }
    if (run.length < 2 && !/\t/.test(first[0]) && !amongItems(lines, i)) continue;
    for (const j of run) lines[j] = lines[j]!.replace(ITEM, '$1- ');
  }
  return lines.join('\n');
}

/** Whether the nearest list-like lines before or after line i (within three lines of text) are "- " items. */
function amongItems(lines: string[], i: number): boolean {
  for (const dir of [-1, 1] as const) {
    let seen = 0;
    for (let j = i + dir; j >= 0 && j < lines.length && seen < 3; j += dir) {
      if (!lines[j]!.trim()) continue;
      seen++;
      if (/^[ \t]*-[ \t]+\S/.test(lines[j]!)) return true;
    }
  }
  return false;
}

const PAGE_NO = /^\s*(?:side\s+\d+\s*(?:af|\/)\s*\d+|\d{1,3}\s*(?:\/|af)\s*\d{1,3}|page\s+\d+(?:\s+of\s+\d+)?)\s*$/i;
const BARE_PAGE_NO = /^\s*[-–—]?\s*\d{1,3}\s*[-–—]?\s*$/;
const DATE_LINE = /^\s*(?:\d{1,2}[.\-/]\s?\d{1,2}[.\-/]\s?\d{2,4}|\d{1,2}\.\s*\p{L}+\s+\d{4}|\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$/u;
const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Page furniture of text extracted from a PDF or a Word file: "Side 2 af 5" (anywhere), and at a
 * page break (a form feed or a page number line) a bare page number, a date line and a running
 * header (the first line after the break when it recurs at another break or repeats the page's
 * title). The document's first line goes too when it is the running header: a line the title
 * line a few lines below begins with. Where a page break falls inside a sentence, the sentence's
 * two halves are put on adjacent lines, for unwrapLines to join.
 */
export function dropPageFurniture(t: string): string {
  const lines = t.replace(/\f/g, '\n\f\n').split('\n');
  const drop = new Set<number>();
  const breaks: number[] = [];
  lines.forEach((l, i) => {
    if (l === '\f') {
      drop.add(i);
      breaks.push(i);
    } else if (PAGE_NO.test(l)) {
      drop.add(i);
      breaks.push(i);
    }
  });
  const content = (i: number) => lines[i]!.trim() !== '' && !drop.has(i);
  const near = (i: number, dir: 1 | -1, n: number) => {
    const out: number[] = [];
    for (let j = i + dir; j >= 0 && j < lines.length && out.length < n; j += dir) if (content(j)) out.push(j);
    return out;
  };
  // Around each break: a date or a bare number next to it is a footer (or a header's page number).
  for (const b of breaks) {
    for (const j of [...near(b, -1, 2), ...near(b, 1, 2)]) if (DATE_LINE.test(lines[j]!) || BARE_PAGE_NO.test(lines[j]!)) drop.add(j);
  }
  // The first line after each break (past the furniture): a running header when it recurs at another break.
  // (The line right after the break: past blank lines and the break's own lines, not past a date dropped above.)
  const heads = new Map<string, Set<number>>();
  for (const b of breaks) {
    let j = b + 1;
    while (j < lines.length && (!lines[j]!.trim() || breaks.includes(j))) j++;
    if (j >= lines.length || drop.has(j)) continue;
    heads.set(key(lines[j]!), (heads.get(key(lines[j]!)) ?? new Set()).add(j));
  }
  const firstIdx = lines.findIndex((l, i) => content(i));
  const first = firstIdx >= 0 ? key(lines[firstIdx]!) : '';
  // The first line is a running header when a title line just below starts with it (the header cut at a word, or whole).
  const below = firstIdx >= 0 ? near(firstIdx, 1, 5) : [];
  // The same line again, or a line of 40 characters or more that a longer title (a line of its own, not a sentence) goes on from at a word.
  const repeats = (k: string) =>
    below.some((j) => {
      const b = key(lines[j]!);
      const alone = !lines[j + 1]?.trim();
      if (b === k || k.length < 40 || !b.startsWith(`${k} `)) return b === k;
      // A title (not a sentence) of its own line, or of 55 characters or more; or the header is plainly cut short:
      // mid-sentence after a full stop, or on a word no title ends on.
      const title = b.length <= 160 && !/[.!?]$|[.!?]\s/u.test(b) && (alone || k.length >= 55);
      return title || /[.!?]\s/u.test(k) || RUNS_ON.test(k) || /(?:vedrørende|vedr\.|angående)$/u.test(k);
    });
  const firstIsHeader = first !== '' && repeats(first);
  for (const [k, at] of heads) {
    if (at.size >= 2 || k === first || repeats(k)) for (const j of at) if (j !== firstIdx || firstIsHeader) drop.add(j);
  }
  if (firstIsHeader) drop.add(firstIdx);
  if (!drop.size) return t;
  // Rebuild; across a break inside a sentence the two halves meet on adjacent lines.
  const out: string[] = [];
  let seam = false;
  lines.forEach((l, i) => {
    if (drop.has(i)) {
      seam = seam || breaks.includes(i) || i === firstIdx;
      return;
    }
    if (seam && l.trim() === '') return;
    if (seam) {
      while (out.length && out[out.length - 1]!.trim() === '') out.pop();
      // A sentence cut by the break (its last line ends mid-sentence; a list item only when the next line goes on in
      // lower case) closes up; anything else keeps a blank line, so a heading after a list stays a heading.
      // So does a block of lines without blank lines between them (a list without markers) that the break cut in two.
      const prev = out[out.length - 1];
      const mid = prev !== undefined && /[\p{L}\d,;)-]$/u.test(prev);
      const goesOn = /^\s*\p{Ll}/u.test(l) || (prev !== undefined && !/^\s*-\s/.test(prev) && prev.length >= 60);
      const nextLine = lines.slice(i + 1).find((x, k) => !drop.has(i + 1 + k));
      const block = !!out[out.length - 2]?.trim() && !!nextLine?.trim();
      if (prev !== undefined && !(mid && goesOn) && !block) out.push('');
      seam = false;
    }
    out.push(l);
  });
  return out.join('\n');
}

/**
 * A heading in capitals ("FORRETNINGSORDEN FOR HANDICAPRÅDET", "§ 3 MØDER") in ordinary case: each
 * word as the document writes it elsewhere ("Handicaprådet", "PLO"), else in lower case, the first
 * word capitalised. A short run of capitals ("PLO", "KL") is left alone.
 */
export function recaseCapitalHeadings(t: string): string {
  const seen = new Map<string, Map<string, number>>();
  const lines = t.split('\n');
  // Two words in a row and how the document writes them there: "Fokusgruppen Sundhed" though prose writes "fokusgruppen".
  const pairs = new Map<string, Map<string, number>>();
  const isCaps = (l: string) => !/\p{Ll}/u.test(l) && !l.includes('\t') && (((l.match(/\p{Lu}/gu)?.length ?? 0) >= 5 && /\p{Lu}{4}/u.test(l)) || MONTH_CAPS.test(l));
  const count = (map: Map<string, Map<string, number>>, k: string, form: string) => {
    if (!map.has(k)) map.set(k, new Map());
    const forms = map.get(k)!;
    forms.set(form, (forms.get(form) ?? 0) + 1);
  };
  for (const l of lines) {
    if (isCaps(l)) continue;
    const words = [...l.matchAll(/[\p{L}][\p{L}-]*/gu)];
    words.forEach((m, i) => {
      const next = words[i + 1];
      if (next && /^\s+$/.test(l.slice(m.index + m[0].length, next.index))) count(pairs, `${m[0]} ${next[0]}`.toLowerCase(), `${m[0]} ${next[0]}`);
      // Words away from the start of a line or a sentence: how the document writes them.
      const before = l.slice(0, m.index).trimEnd();
      if (!before || /[.!?:]$|^[-•]$/u.test(before)) return;
      count(seen, m[0].toLowerCase(), m[0]);
    });
  }
  const top = (forms: Map<string, number> | undefined) => (forms ? [...forms.entries()].sort((a, b) => b[1] - a[1])[0]![0] : undefined);
  const usual = (w: string): string | undefined => {
    const forms = seen.get(w.toLowerCase());
    if (!forms) return undefined;
    // The form written most often decides; ties go to the lower-case form.
    return [...forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] === a[0].toLowerCase() ? -1 : 1))[0]![0];
  };
  return lines
    .map((l) => {
      if (!isCaps(l)) return l;
      const named = acronymNamed(l);
      const ws = [...l.matchAll(/[\p{L}][\p{L}-]*/gu)];
      // A word next to another as the document writes the two together elsewhere; with the word after it first
      // ("Fokusgruppen Sundhed" over "i fokusgruppen"), the first word of the line aside.
      const after = new Map<number, string>();
      const before = new Map<number, string>();
      ws.forEach((m, i) => {
        const next = ws[i + 1];
        if (!next || !/^\s+$/.test(l.slice(m.index + m[0].length, next.index))) return;
        const form = top(pairs.get(`${m[0]} ${next[0]}`.toLowerCase()));
        if (!form) return;
        const [a, b] = form.split(' ');
        if (i > 0) after.set(m.index, a!);
        before.set(next.index, b!);
      });
      const paired = new Map([...before, ...after]);
      let first = true;
      let prevProper = false;
      let end = 0;
      return l.replace(/[\p{L}][\p{L}-]*/gu, (w, at: number) => {
        // A number between two words ends a name: "HANDICAPRÅDET 7. NOVEMBER".
        if (/\d/.test(l.slice(end, at))) prevProper = false;
        end = at + w.length;
        // The first word opens the heading unless a count stands before it ("9 REGIONSRÅDSMEDLEMMER").
        if (first && !/^\s*(?:§+\s*\d+\s*[a-z]?\.?|\d+(?:\.\d+)*[.)]|[A-Z][.)])?\s*$/u.test(l.slice(0, at))) first = false;
        const known = usual(w);
        let out: string;
        if (named.has(at)) out = w.charAt(0) + w.slice(1).toLowerCase();
        else if (paired.has(at)) out = paired.get(at)!;
        else if (MONTH.test(w) || w.length === 1) out = w.toLowerCase();
        else if (known) out = known;
        else if (FUNCTION_WORD.test(w)) out = w.toLowerCase();
        else if (w.length <= 3) out = w;
        // A word the document writes nowhere else after a capitalised one goes on a name ("Region SYDDANMARK"), unless it
        // is in the definite form ("Horsens KLYNGEN") or follows a genitive ("Region Midtjyllands SUNDHEDSPLAN").
        else if (prevProper && !/(?:en|et|ne)$/iu.test(w)) out = w.charAt(0) + w.slice(1).toLowerCase();
        else out = w.toLowerCase();
        if (first) out = out.charAt(0).toUpperCase() + out.slice(1);
        prevProper = /^\p{Lu}/u.test(known ?? '') && !/s$/u.test(known ?? '');
        first = false;
        return out;
      });
    })
    .join('\n');
}

/** "PRAKTISERENDE LÆGERS ORGANISATION (PLO)": the words whose initials the acronym after them spells are a name (their offsets). */
function acronymNamed(l: string): Set<number> {
  const named = new Set<number>();
  for (const m of l.matchAll(/\((\p{Lu}{2,6})\)/gu)) {
    const words = [...l.slice(0, m.index).matchAll(/[\p{L}][\p{L}-]*/gu)];
    const letters = m[1]!;
    const tail = words.slice(-letters.length);
    if (tail.length === letters.length && tail.every((w, i) => w[0]![0] === letters[i])) for (const w of tail) named.add(w.index);
  }
  return named;
}

const MONTH = /^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)$/iu;
const MONTH_CAPS = /(?:^|[^\p{L}])(?:JANUAR|FEBRUAR|MARTS|APRIL|MAJ|JUNI|JULI|AUGUST|SEPTEMBER|OKTOBER|NOVEMBER|DECEMBER)(?![\p{L}])/u;
const FUNCTION_WORD = /^(?:af|og|i|for|til|med|om|på|fra|den|det|de|en|et|som|ved|at|eller|samt|under|efter|hos|mellem|der|er|mv|mm)$/iu;

function flattenHtmlLine(line: string): string {
  // Items of an HTML list exported as " - a - b" run on one line: give each its own.
  let s = line.replace(/<ul\b[^>]*>([\s\S]*?)(?=<\/ul>|<p>|<\/p>|$)/gi, (_m, body: string) =>
    '\n' + body.replace(/(^|\s)-\s+/g, '\n- '),
  );
  s = s.replace(INLINE_TAG, '');
  s = s.replace(BLOCK_TAG, '\n');
  // A cell that starts with a paragraph stays on its row line: "Formål\tBeslutningsorgan ...".
  s = s.replace(/\t\n+/g, '\t');
  return s.replace(/\n(?:[ \t]*\n)+/g, '\n').replace(/\n+$/, '');
}

const KEEP_HYPHEN = /^(?:og|eller|samt|som|til|and)$/;

/**
 * Text from PDFs and e-mails is hard-wrapped: a sentence runs on over line breaks and
 * a word is split with a hyphen ("Sundheds-\nstyregruppen", "Sundheds- styregruppen").
 * Page furniture ("Side 3 af 10", a bare page number) is dropped. A line joins the
 * next when it ends mid-sentence (a letter, digit or comma) and the next starts with a
 * lower-case letter; lists, table rows and headings are left alone. In a text that is
 * hard-wrapped throughout (wrapWidth), a line also joins the next when it is full (the
 * next line's first word would not have fitted at its end), whatever the next begins with.
 */
function unwrapLines(t: string): string {
  const lines = t.split('\n').filter((l) => !PAGE_NO.test(l));
  const width = wrapWidth(lines);
  const out: string[] = [];
  // The last physical line of each output line: whether it was full decides a join, not the joined paragraph's length.
  const last: string[] = [];
  // glue '' drops the line-break hyphen ("Sundheds-" + "styregruppen"); '-' keeps it with no space, as in a
  // double name broken at its hyphen ("Ringkøbing-" + "Skjern").
  const join = (line: string, glue: string) => {
    const before = out[out.length - 1]!;
    out[out.length - 1] = (glue === '' ? before.slice(0, -1) : glue === '-' ? before : before + glue) + line;
    last[last.length - 1] = line;
  };
  lines.forEach((raw, i) => {
    const prev = out[out.length - 1];
    const line = prev !== undefined && prev.trim() !== '' && width && /^[ \t]+\S/.test(raw) && !/^[ \t]*-\s/.test(raw) ? raw.trimStart() : raw;
    const starts = /^[\p{Ll}]/u.test(line) && !/^[\p{Ll}][.)]\s/u.test(line);
    if (prev !== undefined && starts && !prev.includes('\t') && !line.includes('\t')) {
      const hy = /([\p{L}])-$/u.exec(prev);
      const firstWord = /^[\p{L}]+/u.exec(line)?.[0] ?? '';
      if (hy && !KEEP_HYPHEN.test(firstWord)) return join(line, '');
      if (/[\p{L}\d,)]$/u.test(prev) && !/:$/.test(prev)) return join(line, ' ');
    }
    // The document's first line is its title: a line after it in capitals or digits opens a line of its own.
    const afterTitle = out.length === 1 && out[0] === last[0] && !/^\s*[\p{Ll}(]/u.test(line);
    if (prev !== undefined && width && !afterTitle && continuesFullLine(prev, last[last.length - 1]!, line, lines[i + 1] ?? '', width)) {
      const hy = /\p{Ll}-$/u.test(prev) && /^\p{Ll}/u.test(line) && !KEEP_HYPHEN.test(/^[\p{L}]+/u.exec(line)?.[0] ?? '');
      const doubleName = /\p{L}-$/u.test(prev) && /^\p{Lu}\p{Ll}/u.test(line);
      return join(line.replace(/^\s*-\s+(?=[\p{Ll}\d])/u, '- '), hy ? '' : doubleName ? '-' : ' ');
    }
    out.push(raw);
    last.push(raw);
  });
  // "Sundheds- styregruppen" (a PDF's line-break hyphen left inside a line): one word again.
  return out.join('\n').replace(/([\p{Ll}])- ([\p{Ll}]{3,})/gu, (m, a: string, b: string) => (KEEP_HYPHEN.test(b) ? m : a + b));
}

/** Words a sentence does not end on: a line ending on one goes on in the next. */
const RUNS_ON = /(?:^|\s)(?:i|og|af|for|med|til|fra|på|den|det|de|en|et|som|at|der|om|under|efter|samt|eller|mellem|hos|ved|ved|fx|jf\.|bl\.a\.|herunder|inden|over)$/iu;

/**
 * The width a text is hard-wrapped at, or 0 when it is not: the longest lines (the top 5 % set
 * aside) are at most 130 characters, and at least two of the lines that come near that width
 * run on into the next (it starts with a lower-case letter, or the line ends on a word no
 * sentence ends on: 'i', 'og', 'af', 'for' ...).
 */
/** A line as its words stand, runs of two or three spaces between them read as one (justified text). */
const words1 = (l: string) => l.replace(/(?<=\S) {2,3}(?=\S)/g, ' ').trimEnd();

export function wrapWidth(raw: string[]): number {
  const lines = raw.map(words1);
  const lens = lines.filter((l) => l.trim() && !l.includes('\t')).map((l) => l.length).sort((a, b) => a - b);
  if (lens.length < 6) return 0;
  const w = lens[Math.floor(0.95 * (lens.length - 1))]!;
  if (w < 40 || w > 130) return 0;
  let carried = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!.trimEnd();
    const b = lines[i + 1]!;
    if (a.length < w - 15 || !b.trim() || /^\s*-\s/.test(b)) continue;
    if ((/[\p{L},-]$/u.test(a) && /^[ \t]*\p{Ll}/u.test(b)) || RUNS_ON.test(a)) carried++;
  }
  return carried >= 2 ? w : 0;
}

/** The first unit of a line that a wrap keeps together: a number, a range or "§" with the word after it. */
const FIRST_UNIT = /^(?:(?:§+|\d[\d.,:/–-]*|nr\.|kl\.|ca\.|d\.)\s+)?\S+/iu;

/**
 * Whether `line` carries on the full line `prev` of a hard-wrapped text: prev is not a table row nor ends with a colon
 * or a sentence before a heading, and `line` is not blank, a list item, a table row, a section ("§ 3", "Stk. 2") or a
 * heading in capitals, and its first word would not have fitted at prev's end.
 */
function continuesFullLine(prevRaw: string, prevLineRaw: string, lineRaw: string, nextRaw: string, width: number): boolean {
  const [prev, prevLine, line, next] = [prevRaw, prevLineRaw, lineRaw, nextRaw].map(words1) as [string, string, string, string];
  if (!prev.trim() || !line.trim() || prev.includes('\t') || line.includes('\t')) return false;
  const item = (l: string) => /^\s*-\s/.test(l);
  // "... (PPU)\n- gældende til ...": a dash opening a wrapped line among no list items is the sentence's own.
  const ownDash = item(line) && !item(prevLine) && !item(next) && /[\p{L}\d)]$/u.test(prev.trimEnd()) && /^\s*-\s+[\p{Ll}\d]/u.test(line);
  if ((item(line) && !ownDash) || /^\s*(?:§|[Ss]tk\.\s*\d|[Kk]apitel\s+\d|\d{1,2}(?:\.\d+)*\.?\s+\p{Lu})/u.test(line)) return false;
  const full = (l: string, share: number) => l.trimEnd().length >= share * width;
  // A lead-in ending with a colon keeps its list, unless it and the next line are full lines of one run-on paragraph, or
  // the next line closes the sentence (a full stop, then a blank line: "... fra fire hospitaler:\nAalborg, Hjørring og Thisted.").
  const closes = /[.!?]$/.test(line.trimEnd()) && !next.trim();
  if (/:$/.test(prev.trimEnd()) && !(full(prevLine, 0.85) && ((full(line, 0.85) && /[\p{L},]$/u.test(line.trimEnd())) || closes))) return false;
  if (!/\p{Ll}/u.test(line) && /\p{Lu}{3}/u.test(line) && !/^\s*\(/.test(line)) return false;
  // "Sekretær: Jonas Friis, ...": a label opens a line of its own.
  if (/^\s*\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2}:\s/u.test(line)) return false;
  const unit = FIRST_UNIT.exec(line.trimStart())?.[0] ?? '';
  const room = prevLine.trimEnd().length + 1 + unit.length;
  // A lower-case start carries a sentence on, so a line a little short of the width (a proportional font) still joins;
  // a capital or a digit may open a line of its own, so the first word must truly not have fitted, or prev run on.
  const lower = /^\s*[\p{Ll}(]/u.test(line);
  if (lower ? room <= 0.85 * width : room <= width - 1 && !RUNS_ON.test(prev.trimEnd())) return false;
  // Lines of one shape ("<unit> – 1 repræsentant" twice): a list without markers, not a wrapped sentence.
  const tail = (l: string) => /(?:\d+\s+)?\p{L}+\.?$/u.exec(l.trim())?.[0].toLowerCase();
  if (!lower && /\d/.test(tail(prevLine) ?? '') && tail(prevLine) === tail(line)) return false;
  // A sentence that ends a full line (not an abbreviation: 'd.', 'nr.'), then a short line of no sentence of its own:
  // a heading, not a carried-over line.
  const sentenceEnd = /[.!?]$/.test(prev.trimEnd()) && !ABBREVIATION.test(prev.trimEnd());
  if (sentenceEnd && line.trim().length < 0.6 * width && !/[.!?,;]$/.test(line.trim())) return false;
  return true;
}

const ABBREVIATION = /(?:^|[\s(])(?:d|nr|kl|ca|jf|pkt|stk|fx|mv|evt|inkl|ekskl|vedr|bl\.a|m\.fl|f\.eks|o\.l|mht|ang)\.$/iu;
