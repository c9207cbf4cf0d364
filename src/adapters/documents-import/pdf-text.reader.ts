/**
 * Reads the text of a PDF kommissorium (the secretariats publish terms of reference as PDF)
 * into the importer's plain text, with unpdf (a maintained, dependency-free build of
 * Mozilla's PDF.js for every JavaScript runtime).
 *
 * What it does: takes each page's text items and rebuilds the lines by position (top to
 * bottom, then left to right; a gap of a type size or more inside a line parts two cells, as
 * a table's columns or a tab stop do); reads a table (lines whose cells stand under the same
 * columns) row by row into the Word reader's shape (`htmlToImportText`: 'X – 1 repræsentant',
 * 'Godkendt af: X', a group merged down its rows as a lead-in 'Regionale medlemmer:' over
 * them), a cell's wrapped lines joined and a cell of several paragraphs split over the rows;
 * writes a list item Word laid out with a tab after its bullet glyph ('•', '▪', 'o', the
 * Symbol and Wingdings glyphs) as '- item' and keeps a list number ('1.', 'a)', '§ 1');
 * removes page furniture (a line at the top or bottom of most pages, digits ignored, or a
 * line alone in a page's top or bottom 7.5 %, set apart from the body, even on a one-page
 * document, is a running header or footer; a lone page number such as "2", "- 2 -",
 * "Side 2 af 5" or "Page 2 of 5" at a page's edge is dropped) but keeps what a header or
 * footer states as the Word reader does (`withRunningText`: an approval under the title, a
 * header's title when the body has none); in a tagged PDF (Word's export) a line marked as an
 * artifact above or below the body is a running header or footer too; joins the lines of one paragraph (a line of the
 * same type size continues the one before when its first word would not have fitted at that
 * line's end), undoing line-break hyphenation ("Sundheds-" + "styregruppen" →
 * "Sundhedsstyregruppen") but keeping a real hyphen before a conjunction ("Børne-" + "og
 * kulturchefforeningen"); a title or heading in other type stays a line of its own. The
 * paragraphs, lists and tables are then read as the Word reader reads mammoth's HTML
 * (`htmlToImportText`), so a PDF saved from a Word document gives the document's text:
 * paragraphs parted by a blank line, list items on lines of their own, short lines under a
 * lead-in with a colon kept under it.
 * Not read: two or more columns of running text on a page (read line by line across them), a
 * cell merged down a table's rows (given on its first row only: a PDF has no merge, and the
 * table's drawn borders are not read), bold type (a cell in another font than the body's
 * counts as bold in a table).
 * What it does not do: decrypt a PDF protected with a password, read scanned pages (no OCR),
 * or keep images, links and annotations. Nothing is written anywhere.
 */

import { htmlToImportText, withRunningText } from './terms-document.reader.js';

export type PdfReadResult =
  | { ok: true; text: string; pages: number; warnings: string[] }
  | { ok: false; code: 'password_protected' | 'unreadable' | 'empty'; message: string; messageEn: string };

type Item = { str: string; x: number; y: number; w: number; h: number; font?: string; artifact?: boolean };
/** A run of a line's text with no wide gap in it: a table's cell, or the text on either side of a tab. */
type Cell = { text: string; x: number; right: number; font?: string };
/** A line of text; edge is the right edge of its column of running text where a page has two. */
type Line = { text: string; x: number; right: number; y: number; h: number; cells?: Cell[]; font?: string; edge?: number; artifact?: boolean };
/** A page's lines and its height (the margins are measured from its edges). */
type Page = Line[] | { lines: Line[]; height: number };

/** Words after which a line-end hyphen is a real one: "praksis- og sundhedssamarbejde". */
const KEEPS_HYPHEN = new Set(['og', 'eller', 'samt', 'til', 'som', 'and', 'or', 'to', '&', 'm.fl.', 'mv.']);
const PAGE_NUMBER = /^(?:(?:side|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:af|of|\/)\s*\d{1,4})?$/i;
const BULLET = /^(?:[•·▪‣◦●○■□–—*-]\s|\d{1,2}[.)]\s|[a-zæøå][.)]\s)/i;
/** A list's bullet glyph as Word lays it out (a tab after it): U+2022, squares, 'o', and the Symbol and Wingdings glyphs of the private use area. */
const GLYPH = /^(?:[•·▪‣◦●○■□➢➤►✓✔–—*o-]|[\uf000-\uf0ff])$/u;
/** A list's or a section's number standing before a tab: '1.', '1.1', '2)', 'a)', '(b)', 'iv.', '§ 3', 'Stk. 2'. */
const LABEL = /^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zæøå][.)]|\(?[ivx]{1,5}[.)]|§\s*\d{1,3}[a-z]?\.?|stk\.\s*\d{1,2}\.?)$/iu;

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
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const items: Item[] = [];
      // A tagged PDF (Word's export, LibreOffice's with tags) marks running headers, footers and page numbers as artifacts.
      const marks: boolean[] = [];
      for (const it of content.items) {
        if ('type' in it) {
          // PDF.js gives the tag beside the documented fields.
          if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') marks.push((it as { tag?: string }).tag === 'Artifact');
          else if (it.type === 'endMarkedContent') marks.pop();
          continue;
        }
        if (!('str' in it) || !it.str) continue;
        const [a, b, , , e, f] = it.transform as number[];
        const size = Math.hypot(a!, b!) || it.height || 10;
        items.push({ str: it.str, x: e!, y: f!, w: it.width, h: size, font: it.fontName, ...(marks.includes(true) ? { artifact: true } : {}) });
      }
      const [, y0, , y1] = page.view as number[];
      pages.push({ lines: pageLines(items), height: Math.abs((y1 ?? 0) - (y0 ?? 0)) });
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

/**
 * A page's lines, column by column where it is set in two columns of running text: a gutter (a strip of at least a type
 * size, right of the first quarter of the text's width, that no text crosses, but a title above the columns or a footer below them) with
 * text on either side, and the left side's lines mostly prose that fills its column (a table's first column of names does
 * not). A line across the gutter above the columns comes first, then the left column's lines, the right column's and a
 * line across it below them; each column's
 * lines keep its right edge, so lines are joined into paragraphs as on a page of one column.
 */
export function pageLines(items: Item[]): Line[] {
  const text = items.filter((it) => it.str.trim());
  const split = gutter(text);
  if (split === undefined) return toLines(items);
  const right = text.filter((it) => it.x >= split);
  const top = Math.max(...right.map((it) => it.y)) + 2;
  const bottom = Math.min(...right.map((it) => it.y)) - 2;
  // A line across the gutter above the columns (a title) or below them (a footer).
  const across = text.filter((it) => it.x < split && it.x + it.w > split - size(text));
  const column = (part: Item[]) => {
    const lines = toLines(part);
    const edge = Math.max(...lines.map((l) => l.right));
    return lines.map((l) => ({ ...l, edge }));
  };
  return [
    ...toLines(across.filter((it) => it.y > top)),
    ...column(text.filter((it) => it.x < split && !across.includes(it))),
    ...column(right),
    ...toLines(across.filter((it) => it.y < bottom)),
  ];
}

const size = (items: Item[]) => [...items].sort((a, b) => a.h - b.h)[Math.floor(items.length / 2)]!.h;

/** The left edge of a page's second column of running text, if it has two (see pageLines). */
function gutter(items: Item[]): number | undefined {
  if (items.length < 12) return undefined;
  const from = Math.min(...items.map((it) => it.x));
  const to = Math.max(...items.map((it) => it.x + it.w));
  const type = size(items);
  const chars = (part: Item[]) => part.reduce((n, it) => n + it.str.length, 0);
  let best: { at: number; width: number } | undefined;
  let start: number | undefined;
  const last = to - type * 3;
  for (let x = from + (to - from) * 0.25; x <= last; x += 1) {
    const rightOf = items.filter((it) => it.x >= x);
    const top = Math.max(...rightOf.map((it) => it.y), -Infinity) + 2;
    const bottom = Math.min(...rightOf.map((it) => it.y), Infinity) - 2;
    const crossed = !rightOf.length || items.some((it) => it.x < x && it.x + it.w > x && it.y <= top && it.y >= bottom);
    if (!crossed) start ??= x;
    if ((crossed || x + 1 > last) && start !== undefined) {
      const width = x - start;
      if (!best || width > best.width) best = { at: x, width };
      start = undefined;
    }
  }
  if (!best || best.width < type) return undefined;
  const right = items.filter((it) => it.x >= best.at - 1);
  const left = items.filter((it) => it.x + it.w <= best.at - best.width + 1);
  // Most of the page is in the columns: a page of one column with a block at its right (a signature, a date) has most of
  // its text in lines across the gap.
  const across = items.filter((it) => it.x < best.at - best.width && it.x + it.w > best.at - best.width + 1);
  if (right.length < 3 || chars(left) < chars(items) * 0.15 || chars(across) > chars(items) * 0.25) return undefined;
  const lines = toLines(left);
  const edge = best.at - best.width;
  const full = lines.filter((l) => l.text.split(/\s+/).length >= 4 && l.right >= from + (edge - from) * 0.8).length;
  return lines.length >= 4 && full >= lines.length * 0.4 ? best.at - 1 : undefined;
}

/**
 * A page's text items as lines, top to bottom, each left to right. A gap of the type size or more between two items
 * parts the line's cells (PDF.js gives the blank between two table cells or after a tab as an item of spaces, which
 * counts as the gap); a list's bullet glyph or number before such a gap stays with its item ('- item', '1. item').
 */
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
    const cells: Cell[] = [];
    let end = -Infinity;
    let spaced = false;
    for (const it of row) {
      if (!it.str.trim()) {
        spaced = true;
        continue;
      }
      const cell = cells.at(-1);
      const gap = it.x - end;
      if (!cell || gap >= it.h * 1.0) cells.push({ text: it.str, x: it.x, right: it.x + it.w, font: it.font });
      else {
        cell.text += (gap > it.h * 0.15 || spaced) && !/\s$/.test(cell.text) && !/^\s/.test(it.str) ? ` ${it.str}` : it.str;
        cell.right = Math.max(cell.right, it.x + it.w);
      }
      spaced = false;
      end = Math.max(end, it.x + it.w);
    }
    for (const c of cells) c.text = c.text.replace(/[ \u00a0]+/g, ' ').trim();
    const kept = cells.filter((c) => c.text);
    if (!kept.length) continue;
    // A list item: a bullet glyph or a number, then a tab (a cell of its own).
    if (kept.length >= 2 && (GLYPH.test(kept[0]!.text) || LABEL.test(kept[0]!.text))) {
      const [mark, next] = [kept[0]!, kept[1]!];
      kept.splice(0, 2, { ...next, text: `${GLYPH.test(mark.text) ? '-' : mark.text} ${next.text}`, x: mark.x });
    }
    const text = kept.map((c) => c.text).join('\t');
    const h = Math.max(...row.filter((r) => r.str.trim()).map((r) => r.h));
    const artifact = row.every((r) => r.artifact || !r.str.trim());
    lines.push({ text, x: kept[0]!.x, right: end, y: row[0]!.y, h, cells: kept, font: kept[0]!.font, ...(artifact ? { artifact } : {}) });
  }
  return lines;
}

const furnitureKey = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** A part of a header or footer line between separators (' · ', ' | ', tabs). */
const PIECES = /\s+[·|•–—]\s+|\s*\t+\s*|\s{3,}/u;
/** A header's or footer's piece stating an approval or when the terms apply: kept as a line of the document. */
const RUNNING_FACT = /^(?:godkendt|vedtaget|revideret|senest\s+revideret|opdateret|gældende\s+fra|trådt\s+i\s+kraft|træder\s+i\s+kraft|ikrafttræden)\b/iu;
/** A header's piece naming a forum or a document of the genre: a title. */
const RUNNING_TITLE = /(?:kommissorium|forretningsorden|vedtægt|råd(?:et)?|udvalg(?:et)?|forum(?:met)?|gruppe[n]?|klynge[n]?|netværk(?:et)?|samarbejde[t]?|bestyrelse[n]?|panel(?:et)?|komité(?:en)?|kommission(?:en)?)(?![\p{L}])/iu;

/** The pages' lines without headers, footers and page numbers, as paragraphs (what the headers state kept, as the Word reader keeps it). */
export function pagesToText(input: Page[]): string {
  const pages = input.map((p) => (Array.isArray(p) ? { lines: p, height: 0 } : p));
  const EDGE = 2;
  // A line among the first or last two of a page that recurs (digits ignored) on most pages is furniture.
  const seen = new Map<string, number>();
  for (const { lines } of pages) {
    const keys = new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)].map((l) => furnitureKey(l.text)));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const most = Math.max(2, Math.ceil(pages.length * 0.5));
  // The body's type size: the size most of the text is set in.
  const sizes = new Map<number, number>();
  for (const l of pages.flatMap((p) => p.lines)) sizes.set(Math.round(l.h), (sizes.get(Math.round(l.h)) ?? 0) + l.text.length);
  const bodySize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const bodyFont = (() => {
    const fonts = new Map<string, number>();
    for (const c of pages.flatMap((p) => p.lines.flatMap((l) => l.cells ?? []))) if (c.font) fonts.set(c.font, (fonts.get(c.font) ?? 0) + c.text.length);
    return [...fonts].sort((a, b) => b[1] - a[1])[0]?.[0];
  })();
  // A running header or footer in one page's margin: in the top or bottom 7.5 % of the page (a body's margin is wider), set
  // apart from the body by more than one and a half lines; a footer in type no larger than the body's (a footnote is).
  const inMargin = (lines: Line[], i: number, height: number) => {
    const l = lines[i]!;
    if (!height) return false;
    const zone = height * 0.075;
    if (l.y > height - zone) {
      const next = lines.slice(i + 1).find((n) => n.y <= height - zone);
      return !!next && l.y - next.y > Math.max(l.h, next.h) * 1.5 && lines.slice(0, i).every((p) => p.y > height - zone);
    }
    if (l.y < zone && Math.round(l.h) <= bodySize) {
      const prev = [...lines.slice(0, i)].reverse().find((n) => n.y >= zone);
      return !!prev && prev.y - l.y > Math.max(l.h, prev.h) * 1.5 && lines.slice(i + 1).every((n) => n.y < zone);
    }
    return false;
  };
  const running = { title: undefined as string | undefined, facts: [] as string[] };
  const isFurniture = (lines: Line[], i: number, height: number) => {
    const l = lines[i]!;
    const n = lines.length;
    const atEdge = i < EDGE || i >= n - EDGE;
    if (atEdge && PAGE_NUMBER.test(l.text)) return true;
    // Marked as an artifact by a tagged PDF, at the top or the bottom of the page.
    if (l.artifact && (lines.slice(0, i).every((p) => p.artifact) || lines.slice(i + 1).every((p) => p.artifact))) return true;
    if (inMargin(lines, i, height)) return true;
    return atEdge && pages.length >= 2 && (seen.get(furnitureKey(l.text)) ?? 0) >= most;
  };
  const body = pages.map(({ lines, height }) =>
    lines.filter((l, i) => {
      if (!isFurniture(lines, i, height)) return true;
      // What a header or footer states: an approval (kept under the title), a header's title (used when the body has none).
      const header = i < lines.length / 2;
      for (const raw of l.text.split(PIECES)) {
        const piece = raw.replace(/\s+/g, ' ').trim();
        if (!piece || PAGE_NUMBER.test(piece)) continue;
        if (RUNNING_FACT.test(piece)) {
          if (!running.facts.includes(piece)) running.facts.push(piece);
        } else if (header && !running.title && !/\d/.test(piece) && RUNNING_TITLE.test(piece) && piece.split(' ').length <= 12) running.title = piece;
      }
      return false;
    }),
  );

  // The right edge of the text: a line ends its paragraph when the next line's first word would have fit after it.
  const margin = Math.max(0, ...body.flat().filter((l) => !l.cells || l.cells.length < 2).map((l) => l.right));
  // The line spacing inside a paragraph: the tightest gap between two lines of the body's size (at least 0.9 of it, so a
  // line split over two baselines is not taken for it). A wider gap (space after a paragraph, a heading) starts a new one.
  const gaps = body.flatMap((lines) => lines.slice(1).flatMap((l, i) => (Math.abs(l.h - lines[i]!.h) < 0.5 && (!bodySize || Math.round(l.h) === bodySize) ? [lines[i]!.y - l.y] : []))).filter((g) => g > (bodySize || 1) * 0.9);
  const tight = gaps.length ? Math.min(...gaps) : 0;
  const blocks: string[][] = [];
  const tableHtml = new Map<string[], string>();
  let prev: Line | undefined;
  for (const lines of body) {
    const tables = findTables(lines, bodyMargin(body));
    lines.forEach((l, i) => {
      const table = tables.find((t) => t.from === i);
      if (table) {
        const block: string[] = [];
        tableHtml.set(block, tableToHtml(table, bodyFont));
        blocks.push(block);
        prev = undefined;
        return;
      }
      if (tables.some((t) => i > t.from && i < t.from + t.lines.length)) return;
      const block = blocks.at(-1);
      const para = block?.at(-1);
      const spaced = i > 0 && tight > 0 && lines[i - 1]!.y - l.y > tight * 1.15;
      if (block && !tableHtml.has(block) && para !== undefined && prev && !spaced && continues(para, prev, l, margin)) block[block.length - 1] = joinWrapped(para, l.text);
      else if (block && !tableHtml.has(block) && BULLET.test(l.text) && BULLET.test(block[0]!)) block.push(l.text); // list items stay one block
      else blocks.push([l.text]);
      prev = l;
    });
  }
  // Read as the Word reader reads mammoth's HTML: paragraphs parted by a blank line, '- ' items as a list, short lines under a
  // lead-in with a colon kept together, tables row by row.
  const html = blocks
    .map((b) => {
      const table = tableHtml.get(b);
      if (table) return table;
      if (b.every((l) => /^- /.test(l))) return `<ul>${b.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>`;
      return `<p>${b.map(escapeHtml).join('<br>')}</p>`;
    })
    .join('\n');
  const text = htmlToImportText(html);
  return running.title || running.facts.length ? withRunningText(text, running) : text;
}

/** The body's left margin: the left edge most lines start at. */
function bodyMargin(pages: Line[][]): number {
  const xs = new Map<number, number>();
  for (const l of pages.flat()) xs.set(Math.round(l.x), (xs.get(Math.round(l.x)) ?? 0) + 1);
  return [...xs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

type Table = { from: number; lines: Line[]; spanning: number };

/**
 * The tables of a page's lines: a run of lines that starts with a line of two or more cells and goes on while each line's
 * cells stand under the columns seen so far (a cell's second line, a row's cells under a merged one), the lines close
 * together. A paragraph at the body's margin, a line running across a column's left edge, or a line after a gap of more
 * than two lines, ends it. A line of one cell
 * just above it, under its first column and in from the body's margin (a cell's padding), is a row spanning the table.
 */
function findTables(lines: Line[], margin: number): Table[] {
  const tables: Table[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) <= 3;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if ((first.cells?.length ?? 0) < 2) continue;
    const columns = first.cells!.map((c) => c.x);
    let from = i;
    while (from > 0 && (tables.at(-1)?.from ?? -1) + (tables.at(-1)?.lines.length ?? 0) < from) {
      const above = lines[from - 1]!;
      const below = lines[from]!;
      if ((above.cells?.length ?? 1) > 1 || !near(above.x, columns[0]!) || near(above.x, margin) || above.y - below.y > Math.max(above.h, below.h) * 2.2) break;
      from--;
    }
    const t: Table = { from, lines: lines.slice(from, i + 1), spanning: i - from };
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      const above = lines[j - 1]!;
      if (above.y - l.y > Math.max(l.h, above.h) * 2.2) break;
      const cells = l.cells ?? [{ text: l.text, x: l.x, right: l.right }];
      const aligned = cells.filter((c) => columns.some((x) => near(x, c.x)));
      if (!aligned.length) break;
      if (cells.length === 1 && near(cells[0]!.x, margin) && !near(columns[0]!, margin)) break;
      if (aligned.length < cells.length && !near(cells[0]!.x, columns[0]!)) break;
      // Text running across a column's left edge is no cell of the table (a paragraph after it at the same margin).
      if (cells.some((c) => columns.some((x) => x > c.x + 3 && c.right > x + 3))) break;
      for (const c of cells) if (!columns.some((x) => near(x, c.x))) columns.push(c.x);
      t.lines.push(l);
    }
    tables.push(t);
    i = t.from + t.lines.length - 1;
  }
  return tables;
}

/** A row's text naming a group of people ('Regionale medlemmer', 'Repræsentanter fra lægerne', 'Kommuner:'): a heading over the rows under it. */
const GROUP = /^(?:[\p{L}-]+\s+)?(?:medlemmer|repræsentanter|deltagere|parter|politikere|borgmestre|direktører|ledere|kommuner|regioner|organisationer)(?:\s+(?:fra|for|i|af)\s+.+)?:?$|:$/iu;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A table's lines as the HTML the Word reader reads a table from: the columns from the cells' left edges; a row starts at a
 * line with a cell in the first column that does not go on from the cell just above it (a wrapped name), the lines under
 * it its cells' further lines; a cell's lines are joined where one is wrapped (its next word would not have fitted), else
 * each is a paragraph; a row whose cells hold as many paragraphs each, beside cells of one, is as many rows with those
 * cells merged down them; a row of one cell in the first column above the table's first row of cells, or in a table of
 * three or more columns, spans the table. Cells set in another face than the body's (bold) are marked strong.
 */
function tableToHtml(table: Table, bodyFont?: string): string {
  const { lines } = table;
  const xs = [...new Set(lines.flatMap((l) => (l.cells ?? [{ x: l.x }]).map((c) => Math.round(c.x))))].sort((a, b) => a - b);
  const columns: number[] = [];
  for (const x of xs) if (!columns.length || x - columns.at(-1)! > 3) columns.push(x);
  const col = (x: number) => columns.reduce((best, c, k) => (Math.abs(c - x) < Math.abs(columns[best]! - x) ? k : best), 0);
  // A column's width: to the next column's left edge (less a cell's padding), the last column's to its widest line.
  const widest = Math.max(...lines.flatMap((l) => (l.cells ?? [l]).filter((c) => col(c.x) === columns.length - 1).map((c) => c.right)));
  const width = (k: number) => (k + 1 < columns.length ? columns[k + 1]! - columns[k]! - 6 : widest - columns[k]! + 1);
  type Piece = { text: string; right: number; x: number; font?: string; line: number; first: number; lines: { text: string; y: number }[] };
  type Row = { cells: Piece[][]; spans: boolean };
  const rows: Row[] = [];
  lines.forEach((l, j) => {
    const cells = (l.cells ?? [{ text: l.text, x: l.x, right: l.right, font: l.font }]).map((c) => ({ ...c, k: col(c.x) }));
    const row = rows.at(-1);
    // A wrapped line of a cell: right under the cell's last line, whose next word would not have fitted in the column.
    const wraps = (c: (typeof cells)[number]) => {
      const last = row?.cells[c.k]?.at(-1);
      if (!last || last.line !== j - 1 || last.right - columns[c.k]! > width(c.k)) return false;
      const charWidth = (c.right - c.x) / Math.max(1, c.text.length);
      return last.right - columns[c.k]! + charWidth * (c.text.split(/\s+/)[0]!.length + 1) > width(c.k);
    };
    const starts = !row || row.spans || cells.some((c) => c.k === 0 && !wraps(c));
    const target: Row = starts ? { cells: [], spans: false } : row!;
    if (starts) rows.push(target);
    for (const c of cells) {
      const paras = (target.cells[c.k] ??= []);
      const last = paras.at(-1);
      if (last && !starts && wraps(c)) {
        last.text = joinWrapped(last.text, c.text);
        last.right = c.right;
        last.line = j;
        last.lines.push({ text: c.text, y: l.y });
      } else paras.push({ text: c.text, right: c.right, x: c.x, font: c.font, line: j, first: l.y, lines: [{ text: c.text, y: l.y }] });
    }
    if (starts && cells.length === 1 && cells[0]!.k === 0 && columns.length >= 2 && (j < table.spanning || (columns.length >= 3 && GROUP.test(cells[0]!.text)))) target.spans = true;
  });
  // A column beside a column of several paragraphs (names a row each), its lines on the same baselines as their first
  // lines, holds a paragraph a line too ('Borgmester, Haderslev Kommune' beside 'Mads Skov'), though a line may look wrapped.
  for (const row of rows) {
    const starts = (ps: Piece[]) => ps.map((p) => p.first);
    const clear = row.cells.filter((ps) => ps && ps.length > 1);
    for (const [c, ps] of row.cells.entries()) {
      if (!ps || c === 0 || ps.length !== 1 || ps[0]!.lines.length < 2) continue;
      const beside = clear.find((other) => other.length === ps[0]!.lines.length && starts(other).every((y, r) => Math.abs(y - ps[0]!.lines[r]!.y) <= 2));
      if (beside) row.cells[c] = ps[0]!.lines.map((l, r) => ({ ...ps[0]!, text: l.text, first: l.y, lines: [l], line: r }));
    }
  }
  const html: string[] = [];
  const cell = (ps: Piece[] | undefined, attrs = '') => {
    const strong = !!ps?.length && !!bodyFont && ps.every((p) => p.font && p.font !== bodyFont);
    const inner = (ps ?? []).map((p) => `<p>${strong ? `<strong>${escapeHtml(p.text)}</strong>` : escapeHtml(p.text)}</p>`).join('');
    return `<td${attrs}>${inner}</td>`;
  };
  for (const row of rows) {
    if (row.spans) {
      html.push(`<tr>${cell(row.cells[0], ` colspan="${columns.length}"`)}</tr>`);
      continue;
    }
    const counts = columns.map((_, k) => row.cells[k]?.length ?? 0);
    const k = Math.max(...counts);
    const split = k > 1 && counts.every((n) => n <= 1 || n === k) && counts.some((n) => n <= 1);
    if (!split) {
      html.push(`<tr>${columns.map((_, c) => cell(row.cells[c])).join('')}</tr>`);
      continue;
    }
    for (let r = 0; r < k; r++) {
      html.push(`<tr>${columns.map((_, c) => (counts[c] === k ? cell([row.cells[c]![r]!]) : r === 0 ? cell(row.cells[c], ` rowspan="${k}"`) : '')).join('')}</tr>`);
    }
  }
  return `<table>${html.join('')}</table>`;
}

/** Whether line l continues the paragraph para, whose last line is prev. */
function continues(para: string, prev: Line, l: Line, margin: number): boolean {
  if (BULLET.test(l.text) || l.text.includes('\t') || para.includes('\t')) return false;
  // A line in other type (a title over the text, a heading) is no part of the paragraph.
  if (Math.abs(l.h - prev.h) > 0.5) return false;
  if (/\p{L}-$/u.test(para) && /^\p{Ll}/u.test(l.text)) return true; // a word broken at the line end
  // Wrapped: the first word of the line would not have fitted at the end of the line before.
  const charWidth = (l.right - l.x) / Math.max(1, l.text.length);
  const firstWord = l.text.split(/\s+/)[0]!.length;
  return prev.right + charWidth * (firstWord + 1) > (prev.edge ?? margin) - 3 * charWidth;
}

/** Joins a wrapped line to its paragraph, undoing line-break hyphenation. */
export function joinWrapped(para: string, next: string): string {
  // An abbreviation's hyphen is its own: "KOSU-" + "medlemmerne" → "KOSU-medlemmerne".
  if (/(?<![\p{L}])\p{Lu}{2,}-$/u.test(para) && /^\p{Ll}/u.test(next)) return para + next;
  const m = /(\p{L}+)-$/u.exec(para);
  if (m && /^\p{Ll}/u.test(next)) {
    const first = next.split(/\s+/)[0]!.replace(/[,.;:]$/, '');
    if (KEEPS_HYPHEN.has(first.toLowerCase())) return `${para} ${next}`;
    return para.slice(0, -1) + next;
  }
  return `${para} ${next}`;
}
