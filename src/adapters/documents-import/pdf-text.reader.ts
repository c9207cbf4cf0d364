/**
 * Reads the text of a PDF kommissorium (the secretariats publish terms of reference as PDF)
 * into the importer's plain text, with unpdf (a maintained, dependency-free build of
 * Mozilla's PDF.js for every JavaScript runtime).
 *
 * What it does: takes each page's text items and rebuilds the lines by position (top to
 * bottom, then left to right; a wide gap inside a line becomes a tab, as a table cell does in
 * the Word reader); removes page furniture (a line at the top or bottom of most pages, digits
 * ignored, is a running header or footer; a lone page number such as "2", "- 2 -",
 * "Side 2 af 5" or "Page 2 of 5" at a page's edge is dropped); joins the lines of one
 * paragraph (a line continues the one before when its first word would not have fitted at
 * that line's end), undoing line-break
 * hyphenation ("Sundheds-" + "styregruppen" → "Sundhedsstyregruppen") but keeping a real
 * hyphen before a conjunction ("Børne-" + "og kulturchefforeningen"); separates paragraphs
 * with a blank line and keeps the items of a list on lines of their own.
 * What it does not do: decrypt a PDF protected with a password, read scanned pages (no OCR),
 * or keep images, links and annotations. Nothing is written anywhere.
 */

export type PdfReadResult =
  | { ok: true; text: string; pages: number; warnings: string[] }
  | { ok: false; code: 'password_protected' | 'unreadable' | 'empty'; message: string; messageEn: string };

type Item = { str: string; x: number; y: number; w: number; h: number };
type Line = { text: string; x: number; right: number; y: number; h: number };

/** Words after which a line-end hyphen is a real one: "praksis- og sundhedssamarbejde". */
const KEEPS_HYPHEN = new Set(['og', 'eller', 'samt', 'til', 'som', 'and', 'or', 'to', '&', 'm.fl.', 'mv.']);
const PAGE_NUMBER = /^(?:(?:side|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:af|of|\/)\s*\d{1,4})?$/i;
const BULLET = /^(?:[•·▪‣◦●○■□–—*-]\s|\d{1,2}[.)]\s|[a-zæøå][.)]\s)/i;

export async function readPdfText(bytes: Uint8Array): Promise<PdfReadResult> {
  // unpdf (PDF.js) is loaded on the first PDF, not at start-up.
  const { getDocumentProxy } = await import('unpdf');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of (and detaches) the buffer it gets: give it a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false, verbosity: 0 });
  } catch (err) {
    const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
    if (name === 'PasswordException') {
      return { ok: false, code: 'password_protected', message: 'PDF-filen er beskyttet med adgangskode. Gem den uden adgangskode (eller som Word-dokument) og prøv igen.', messageEn: 'The PDF is protected with a password. Save it without a password (or as a Word document) and try again.' };
    }
    return { ok: false, code: 'unreadable', message: 'PDF-filen kan ikke læses; den er måske beskadiget. Gem kommissoriet som PDF igen, eller som Word-dokument (.docx).', messageEn: 'The PDF cannot be read; it may be damaged. Save the terms of reference as PDF again, or as a Word document (.docx).' };
  }
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , , e, f] = it.transform as number[];
        const size = Math.hypot(a!, b!) || it.height || 10;
        items.push({ str: it.str, x: e!, y: f!, w: it.width, h: size });
      }
      pages.push(toLines(items));
      page.cleanup();
    }
    const text = pagesToText(pages);
    if (!text.trim()) {
      return { ok: false, code: 'empty', message: 'PDF-filen indeholder ingen tekst, der kan læses (er den en skannet side?). Gem kommissoriet som Word-dokument (.docx) og prøv igen.', messageEn: 'The PDF contains no readable text (is it a scanned page?). Save the terms of reference as a Word document (.docx) and try again.' };
    }
    return { ok: true, text, pages: doc.numPages, warnings: [] };
  } catch {
    return { ok: false, code: 'unreadable', message: 'PDF-filen kan ikke læses; den er måske beskadiget. Gem kommissoriet som PDF igen, eller som Word-dokument (.docx).', messageEn: 'The PDF cannot be read; it may be damaged. Save the terms of reference as PDF again, or as a Word document (.docx).' };
  } finally {
    await doc.loadingTask.destroy();
  }
}

/** A page's text items as lines, top to bottom, each left to right. */
export function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows.at(-1);
    // Same line when the baselines are within a third of the type size (sub/superscripts stay on it).
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(row[0]!.h, it.h) * 0.35) row.push(it);
    else rows.push([it]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    let text = '';
    let end = -Infinity;
    for (const it of row) {
      const gap = it.x - end;
      if (text) {
        if (gap > it.h * 2.5) text = text.trimEnd() + '\t';
        else if (gap > it.h * 0.15 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      }
      text += it.str;
      end = Math.max(end, it.x + it.w);
    }
    text = text.replace(/[ \u00a0]+/g, ' ').trim();
    if (!text) continue;
    lines.push({ text, x: row[0]!.x, right: end, y: row[0]!.y, h: Math.max(...row.map((r) => r.h)) });
  }
  return lines;
}

const furnitureKey = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** The pages' lines without headers, footers and page numbers, as paragraphs. */
export function pagesToText(pages: Line[][]): string {
  const EDGE = 2;
  // A line among the first or last two of a page that recurs (digits ignored) on most pages is furniture.
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)].map((l) => furnitureKey(l.text)));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const most = Math.max(2, Math.ceil(pages.length * 0.5));
  const isFurniture = (l: Line, i: number, n: number) => {
    const atEdge = i < EDGE || i >= n - EDGE;
    if (!atEdge) return false;
    if (PAGE_NUMBER.test(l.text)) return true;
    return pages.length >= 2 && (seen.get(furnitureKey(l.text)) ?? 0) >= most;
  };
  const body = pages.map((lines) => lines.filter((l, i) => !isFurniture(l, i, lines.length)));

  // The right edge of the text: a line ends its paragraph when the next line's first word would have fit after it.
  const margin = Math.max(0, ...body.flat().map((l) => l.right));
  // The line spacing inside a paragraph: the tightest gap between two lines of the same size. A wider gap
  // (space after a paragraph, a heading) starts a new paragraph.
  const gaps = body.flatMap((lines) => lines.slice(1).filter((l, i) => Math.abs(l.h - lines[i]!.h) < 0.5).map((l) => lines[lines.indexOf(l) - 1]!.y - l.y)).filter((g) => g > 0);
  const tight = gaps.length ? Math.min(...gaps) : 0;
  const blocks: string[][] = [];
  let prev: Line | undefined;
  for (const lines of body) {
    lines.forEach((l, i) => {
      const block = blocks.at(-1);
      const para = block?.at(-1);
      const spaced = i > 0 && tight > 0 && lines[i - 1]!.y - l.y > tight * 1.15;
      if (block && para !== undefined && prev && !spaced && continues(para, prev, l, margin)) block[block.length - 1] = joinWrapped(para, l.text);
      else if (block && BULLET.test(l.text) && BULLET.test(block[0]!)) block.push(l.text); // list items stay one block
      else blocks.push([l.text]);
      prev = l;
    });
  }
  // Paragraphs separated by a blank line, as the Word reader gives them; the items of a list by a line end.
  return blocks.map((b) => b.join('\n')).join('\n\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** Whether line l continues the paragraph para, whose last line is prev. */
function continues(para: string, prev: Line, l: Line, margin: number): boolean {
  if (BULLET.test(l.text) || l.text.includes('\t') || para.includes('\t')) return false;
  if (/\p{L}-$/u.test(para) && /^\p{Ll}/u.test(l.text)) return true; // a word broken at the line end
  // Wrapped: the first word of the line would not have fitted at the end of the line before.
  const charWidth = (l.right - l.x) / Math.max(1, l.text.length);
  const firstWord = l.text.split(/\s+/)[0]!.length;
  return prev.right + charWidth * (firstWord + 1) > margin - 3 * charWidth;
}

/** Joins a wrapped line to its paragraph, undoing line-break hyphenation. */
export function joinWrapped(para: string, next: string): string {
  const m = /(\p{L}+)-$/u.exec(para);
  if (m && /^\p{Ll}/u.test(next)) {
    const first = next.split(/\s+/)[0]!.replace(/[,.;:]$/, '');
    if (KEEPS_HYPHEN.has(first.toLowerCase())) return `${para} ${next}`;
    return para.slice(0, -1) + next;
  }
  return `${para} ${next}`;
}
