/**
 * Reads an uploaded kommissorium (.docx, a saved web page .html, or plain text) into
 * text the importer understands, or refuses it with a clear Danish message.
 *
 * What it does: checks size and emptiness before parsing; recognises an OLE
 * compound file (D0 CF 11 E0), which is what a password-protected .docx is (and
 * also an old binary .doc); checks that a ZIP is really a Word document
 * (word/document.xml) before mammoth reads it; puts Word's numbers of section headings back (set on the
 * paragraph or its style) and reads what the running headers and footers state (a title, an approval; not their
 * page furniture), both in word-parts.ts with an XML parser; turns two-column Word tables into
 * "heading<TAB>cell" rows so table-shaped kommissorier read like the seeds, and tables of three or more
 * columns or with merged cells into the lines typed terms write (gridTableLines); reads a
 * web page (the secretariats publish terms on their sites) from its main content,
 * without scripts, styles, navigation, header and footer, keeping headings, lists
 * and tables as the Word reader does; reads a PDF's text (pdf-text.reader.ts: lines
 * rebuilt by position, page headers, footers and numbers removed, line-break hyphenation
 * undone).
 * Reads a text file as UTF-8, as UTF-16 when it opens with a byte order mark (Word's "Unicode
 * text"), else as Windows-1252.
 * What it does not do: decrypt protected files, read .doc/.odt or scanned PDFs, or keep
 * images, comments, deleted text (tracked changes) or footnotes. Nothing is written anywhere.
 */
import { open, stat } from 'node:fs/promises';
import type JSZip from 'jszip';
import { readPdfText } from './pdf-text.reader.js';
import { parseXml, readRunningText, restoreNumberingIn, type RunningText } from './word-parts.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type DocumentReadErrorCode = 'empty' | 'too_large' | 'password_protected' | 'legacy_doc' | 'not_word' | 'unreadable';
/** message is Danish, messageEn the same in English. */
export type DocumentReadError = { code: DocumentReadErrorCode; message: string; messageEn: string };
export type DocumentReadResult =
  | { ok: true; format: 'docx' | 'html' | 'txt' | 'pdf'; text: string; warnings: string[] }
  | { ok: false; error: DocumentReadError };

export type ReadOptions = { fileName?: string; maxBytes?: number };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

const fail = (code: DocumentReadErrorCode, message: string, messageEn: string): DocumentReadResult => ({ ok: false, error: { code, message, messageEn } });
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

export async function readTermsDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<DocumentReadResult> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) return fail('empty', 'Filen er tom. Vælg kommissoriet som Word-dokument (.docx), PDF eller tekstfil (.txt).', 'The file is empty. Choose the terms of reference as a Word document (.docx), PDF or text file (.txt).');
  if (bytes.length > max) return fail('too_large', `Filen fylder ${mb(bytes.length)}; et kommissorium må højst fylde ${mb(max)}.`, `The file is ${mb(bytes.length)}; terms of reference may be at most ${mb(max)}.`);
  if (startsWith(bytes, OLE)) {
    // An encrypted .docx is an OLE container holding the streams EncryptionInfo and EncryptedPackage.
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      return fail('password_protected', 'Dokumentet er beskyttet med adgangskode. Fjern adgangskoden i Word (Filer > Oplysninger > Beskyt dokument) og prøv igen.', 'The document is protected with a password. Remove the password in Word (File > Info > Protect Document) and try again.');
    }
    return fail('legacy_doc', 'Dokumentet er i det gamle Word-format (.doc) eller beskyttet med adgangskode. Gem det som .docx uden adgangskode og prøv igen.', 'The document is in the old Word format (.doc) or protected with a password. Save it as .docx without a password and try again.');
  }
  if (startsWith(bytes, ZIP)) return readDocx(bytes);
  if (startsWith(bytes, PDF)) return readPdf(bytes);
  if (/\.pdf$/i.test(options.fileName ?? '')) return fail('not_word', 'Filen hedder .pdf, men er ikke en PDF-fil.', 'The file is named .pdf but is not a PDF file.');
  if (/\.docx$/i.test(options.fileName ?? '')) return fail('not_word', 'Filen hedder .docx, men er ikke et Word-dokument.', 'The file is named .docx but is not a Word document.');
  return readText(bytes, options.fileName);
}

/** Reads a file from disk, refusing oversized files before loading them. */
export async function readTermsDocumentFile(path: string, options: Omit<ReadOptions, 'fileName'> = {}): Promise<DocumentReadResult> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return fail('unreadable', `${path} er ikke en fil.`, `${path} is not a file.`);
    size = s.size;
  } catch {
    return fail('unreadable', `Filen ${path} findes ikke eller kan ikke læses.`, `The file ${path} does not exist or cannot be read.`);
  }
  if (size > max) return fail('too_large', `Filen fylder ${mb(size)}; et kommissorium må højst fylde ${mb(max)}.`, `The file is ${mb(size)}; terms of reference may be at most ${mb(max)}.`);
  const fh = await open(path, 'r');
  try {
    const buf = await fh.readFile();
    return await readTermsDocument(buf, { ...options, fileName: path });
  } finally {
    await fh.close();
  }
}

async function readDocx(bytes: Uint8Array): Promise<DocumentReadResult> {
  // jszip and mammoth (0.2-0.3 s to import) are loaded on the first Word document, not at start-up.
  const [{ default: JSZipLib }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  let zip: JSZip;
  try {
    zip = await JSZipLib.loadAsync(bytes);
  } catch {
    return fail('not_word', 'Filen ligner en ZIP-fil, men kan ikke åbnes. Er den beskadiget?', 'The file looks like a ZIP file but cannot be opened. Is it damaged?');
  }
  if (!zip.file('word/document.xml')) {
    return fail('not_word', 'Filen er en ZIP-fil, men ikke et Word-dokument (.docx).', 'The file is a ZIP file but not a Word document (.docx).');
  }
  try {
    // Word's own numbers of section headings ('§ 1', '1.', also when set on a Heading style) are not in the paragraphs'
    // text: put them back first (word-parts.ts, with an XML parser).
    const document = await zip.file('word/document.xml')!.async('string');
    const part = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
    const warnings: string[] = [];
    let buffer: Buffer = Buffer.from(bytes);
    try {
      const parsed = parseXml(document);
      if (restoreNumberingIn(parsed, await part('word/numbering.xml'), await part('word/styles.xml'))) {
        const { XMLSerializer } = await import('@xmldom/xmldom');
        zip.file('word/document.xml', new XMLSerializer().serializeToString(parsed));
        buffer = await zip.generateAsync({ type: 'nodebuffer' });
      }
    } catch (err) {
      // A damaged numbering or style part: the text is read as mammoth reads it, without Word's numbers, and the user told.
      warnings.push(`Word's numbering could not be read (${err instanceof Error ? err.message : String(err)}); section numbers may be missing.`);
    }
    // mammoth leaves out the running headers and footers: read what they state (a title, an approval), not their page furniture.
    let running: RunningText = { facts: [] };
    try {
      const parts = new Map<string, string>();
      for (const path of Object.keys(zip.files)) if (/^word\/(?:header|footer)\d*\.xml$/.test(path)) parts.set(path, await part(path));
      running = readRunningText(document, await part('word/_rels/document.xml.rels'), (path) => parts.get(path));
    } catch (err) {
      warnings.push(`The headers and footers could not be read (${err instanceof Error ? err.message : String(err)}).`);
    }
    const result = await mammoth.convertToHtml({ buffer });
    const text = withRunningText(htmlToImportText(result.value), running);
    if (!text.trim()) return fail('empty', 'Word-dokumentet indeholder ingen tekst.', 'The Word document contains no text.');
    return { ok: true, format: 'docx', text, warnings: [...warnings, ...result.messages.map((m) => m.message)] };
  } catch (err) {
    return fail('unreadable', `Word-dokumentet kunne ikke læses: ${err instanceof Error ? err.message : String(err)}`, `The Word document could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function readPdf(bytes: Uint8Array): Promise<DocumentReadResult> {
  const r = await readPdfText(bytes);
  if (!r.ok) return fail(r.code, r.message, r.messageEn);
  return { ok: true, format: 'pdf', text: r.text, warnings: r.warnings };
}

function readText(bytes: Uint8Array, fileName?: string): DocumentReadResult {
  // Word's "Unicode text" (.txt) is UTF-16 with a byte order mark: every other byte of Danish text is 0.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    if (!text.trim()) return fail('empty', 'Filen indeholder ingen tekst.', 'The file contains no text.');
    return { ok: true, format: 'txt', text, warnings: [] };
  }
  if (bytes.includes(0)) {
    return fail('not_word', 'Filen er hverken et Word-dokument (.docx), en PDF eller en tekstfil. Gem kommissoriet som .docx, .pdf eller .txt.', 'The file is neither a Word document (.docx), a PDF nor a text file. Save the terms of reference as .docx, .pdf or .txt.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Danish text files are often Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (!text.trim()) return fail('empty', 'Filen indeholder ingen tekst.', 'The file contains no text.');
  if (/\.x?html?$/i.test(fileName ?? '') || /^\s*(?:<!doctype\s+html|<html[\s>])/i.test(text)) {
    const page = webPageToImportText(text);
    if (!page.trim()) return fail('empty', 'Websiden indeholder ingen tekst.', 'The web page contains no text.');
    return { ok: true, format: 'html', text: page, warnings: [] };
  }
  return { ok: true, format: 'txt', text, warnings: [] };
}

/**
 * Puts what a Word document's running headers and footers state into its text: an approval or a date the terms apply from
 * ('Vedtaget af Ældrerådet den 13. februar 2025') under the title, and the header's title at the top when the body opens
 * with no title of its own (a first paragraph that is a sentence). Lines the body already has are not repeated.
 */
export function withRunningText(text: string, running: RunningText): string {
  const has = (line: string) => text.toLowerCase().replace(/\s+/g, ' ').includes(line.toLowerCase());
  const facts = running.facts.filter((f) => !has(f));
  const blocks = text.replace(/^\n+/, '').split(/\n{2,}/);
  const first = blocks[0] ?? '';
  const titled = !first.includes('\n') && !/[.:;,!?]$/.test(first.trim()) && first.trim().split(/\s+/).length <= 12;
  const lines = text.split('\n').map((l) => l.trim().toLowerCase());
  const title = !titled && running.title && !lines.includes(running.title.toLowerCase()) ? running.title : undefined;
  if (!title && !facts.length) return text;
  const head = [...(title ? [title] : titled ? [first] : []), ...(facts.length ? [facts.join('\n')] : [])];
  const rest = titled ? blocks.slice(1) : blocks;
  return [...head, ...rest].join('\n\n');
}

type GridCell = { html: string; text: string; bold: boolean; paras: number; rowSpan: number; colSpan: number; row: number; col: number };

/** Short labels that name a field in a key-value table ('Formand', 'Sekretariat', 'Godkendt af'), bold or not. */
const FIELD_LABEL = /^(?:titel|forum|navn|formand|formandskab|forperson|næstformand|sekretariat|sekretær|sekretariatsbetjening|dato|godkendt|godkendt af|godkendt den|godkendelsesdato|vedtaget|vedtaget af|vedtaget den|version|ansvarlig|kontaktperson|refererer til|reference|mødefrekvens|møder|medlemmer|periode|status|gyldig|gældende fra|udarbejdet af|opdrag|opdragsgiver|tidsramme|revideres)$/iu;
/** Column headings of a members table. */
const COLUMN_LABEL = /^(?:navn|funktion|titel|stilling|organisation|repræsentant|repræsentanter|repræsenterer|antal|kommune|region|parti|rolle|medlem|medlemmer|sektor|part|enhed|forvaltning|afdeling|e-?mail|telefon|udpeget af|udpegning|suppleant|bemærkning|bemærkninger)$/iu;
/** A count of people standing alone in a cell ('7-9', '2'), to be read with the name of the group it counts. */
const BARE_COUNT = /^\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/u;
/** A row's name that is itself a group of people ('Kommunale repræsentanter', 'Repræsentanter fra PLO'). */
const PEOPLE = /^(?:[\p{L}-]+\s+)?(?:repræsentant|medlem|deltager|person|direktør|chef|leder|læge|borgmester|politiker|sekretær|konsulent|medarbejder|formand)/iu;

/**
 * A table of three or more columns, or one with merged cells, as the lines typed terms write: a row spanning the table
 * ('Regionale medlemmer') or a group cell merged down its rows as a lead-in 'Regionale medlemmer:' over the group's rows; a
 * row of short cells as one line, its cells parted by commas ('Mads Skov, Borgmester, Haderslev Kommune'), a cell merged
 * down the rows given on each of them ('Region Midtjylland'); a count standing alone with the group it counts ('7-9
 * kommunale repræsentanter'); the header row of column headings left out. A grid of label and value pairs ('Formand | X |
 * Sekretariat | Y') is read as field lines 'Formand: X'. A row of longer text is read as before (first cell, TAB, the rest).
 */
function gridTableLines(rows: GridCell[][]): string[] {
  const grid: (GridCell | undefined)[][] = [];
  for (const [r, cells] of rows.entries()) {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c]) c++;
      cell.row = r;
      cell.col = c;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (grid[r + dr] ??= [])[c + dc] = cell;
      c += cell.colSpan;
    }
  }
  const height = rows.length;
  const width = Math.max(...grid.map((r) => r.length));
  const at = (r: number, c: number) => grid[r]?.[c];
  const label = (t: string) => /^[\p{L}][\p{L}'’ ./-]*:?$/u.test(t) && t.split(' ').length <= 4;
  const merged = rows.some((cells) => cells.some((c) => c.rowSpan > 1 || c.colSpan > 1));
  // A grid of label and value pairs.
  if (!merged && width >= 4 && width % 2 === 0) {
    const pairs = grid.every((row) => row.length === width && row.every((cell, c) => (c % 2 === 0 ? label(cell!.text) && (cell!.bold || /:$/.test(cell!.text) || FIELD_LABEL.test(cell!.text)) : !cell!.bold && cell!.paras <= 1)));
    if (pairs) {
      const out: string[] = [];
      for (const row of grid) for (let c = 0; c < width; c += 2) if (row[c + 1]!.text) out.push(`${row[c]!.text.replace(/:$/, '')}: ${row[c + 1]!.text}`);
      return out;
    }
  }
  const short = (c: GridCell) => c.paras <= 1 && c.text.split(' ').length <= 12 && !/[.!?]\s+\p{Lu}/u.test(c.text);
  const header = height >= 2 && rows[0]!.length >= 2 && rows[0]!.every((c) => !c.text || (label(c.text) && (c.bold || COLUMN_LABEL.test(c.text)))) && rows[0]!.some((c) => c.text) && rows.slice(1).some((cells) => cells.some((c) => c.text && !c.bold));
  // A group column: the first column's cells merged down their rows ('Regionale medlemmer' over four names).
  const grouped = rows.some((cells, r) => (!header || r > 0) && cells[0]?.col === 0 && cells[0].rowSpan > 1 && label(cells[0].text));
  const out: string[] = [];
  const block = (line: string) => {
    if (out.length && out[out.length - 1] !== '') out.push('');
    out.push(/[:.!?]$/.test(line) ? line : `${line}:`);
  };
  // A column of offices beside a column of organisations (headed 'Funktion' | 'Organisation') reads as typed lists write a
  // member: 'Direktør i Silkeborg Kommune' ('Formand, SIND' would read as the forum's chair).
  const headings = header ? (grid[0] ?? []).map((c) => c?.text.toLowerCase() ?? '') : [];
  const office = headings.findIndex((h) => /^(?:funktion|titel|stilling|rolle)$/.test(h));
  const organisation = office >= 0 && /^(?:organisation|arbejdssted|enhed|forvaltning|afdeling|kommune|region|repræsenterer)$/.test(headings[office + 1] ?? '') ? office + 1 : -1;
  const dropped = new Set<GridCell>();
  for (let r = header ? 1 : 0; r < height; r++) {
    const row = grid[r] ?? [];
    const origins = [...new Set(row.filter((c): c is GridCell => Boolean(c)))];
    const own = origins.filter((c) => c.row === r);
    // A row spanning the table: a heading over the rows under it.
    if (own.length === 1 && origins.length === 1 && own[0]!.colSpan >= 2) {
      if (own[0]!.text) block(own[0]!.text);
      continue;
    }
    let cells = origins;
    if (grouped) {
      const group = at(r, 0);
      if (group && group.row === r && group.rowSpan > 1) {
        block(group.text);
        // A count merged with its group ('4' beside 'Regionale medlemmer') is the number of the rows it heads: they count.
        for (const c of origins) if (c !== group && c.row === r && c.rowSpan === group.rowSpan && BARE_COUNT.test(c.text) && Number(c.text) === group.rowSpan) dropped.add(c);
      } else if (group && group.row === r && group.text) {
        block(group.text);
      }
      cells = origins.filter((c) => c !== group);
    }
    cells = cells.filter((c) => !dropped.has(c));
    const officeCell = organisation >= 0 ? at(r, office) : undefined;
    const organisationCell = organisation >= 0 ? at(r, organisation) : undefined;
    const joined = officeCell?.text && organisationCell?.text && officeCell !== organisationCell ? `${officeCell.text} i ${organisationCell.text}` : undefined;
    const texts = cells.flatMap((c) => (joined && c === officeCell ? [joined] : joined && c === organisationCell ? [] : [c.text])).filter(Boolean);
    if (!texts.length) continue;
    if (!cells.every((c) => !c.text || short(c))) {
      const [head, ...rest] = cells;
      out.push(`${head!.text}\t${rest.map((c) => c.html.replace(/<li\b[^>]*>/gi, ' - ').replace(/<\/li>/gi, '').replace(/\s*\n\s*/g, ' ')).join(' ')}`);
      continue;
    }
    const count = texts.length === 2 ? texts.findIndex((t) => BARE_COUNT.test(t)) : -1;
    if (count >= 0 && !BARE_COUNT.test(texts[1 - count]!)) {
      const name = texts[1 - count]!;
      out.push(PEOPLE.test(name) ? `${texts[count]} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : `${name} – ${texts[count]}`);
      continue;
    }
    out.push(texts.join(', '));
  }
  return out;
}

/**
 * mammoth's HTML as the importer's text: paragraphs and headings separated by blank
 * lines, list items as "- item", and each table row as "first cell<TAB>other cells"
 * (other cells keep <p>/<ul> so normalizeDocumentText splits them into lines).
 */
export function htmlToImportText(html: string): string {
  const parts: string[] = [];
  const tableRe = /<table\b[^>]*>([\s\S]*?)<\/table>/gi;
  let last = 0;
  for (const t of html.matchAll(tableRe)) {
    parts.push(blocksToText(html.slice(last, t.index)));
    const rows: string[] = [];
    const plain = (c: string) => decode(c.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
    const cellRows = [...t[1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)]
      .map((r) =>
        [...r[1]!.matchAll(/<t[dh]\b([^>]*)>([\s\S]*?)<\/t[dh]>/gi)].map((c): GridCell => {
          const html = c[2]!;
          const text = plain(html);
          return { html, text, bold: text !== '' && plain(html.replace(/<strong>[\s\S]*?<\/strong>/gi, '')) === '', paras: html.match(/<(?:p|li)\b/gi)?.length ?? 0, rowSpan: Number(/rowspan="(\d+)"/i.exec(c[1]!)?.[1] ?? 1), colSpan: Number(/colspan="(\d+)"/i.exec(c[1]!)?.[1] ?? 1), row: 0, col: 0 };
        }),
      )
      .filter((cells) => cells.length);
    // Three or more columns, or merged cells: read row by row as typed terms write them (gridTableLines).
    if (cellRows.some((cells) => cells.reduce((n, c) => n + c.colSpan, 0) >= 3 || cells.some((c) => c.rowSpan > 1 || c.colSpan > 1))) {
      const lines = gridTableLines(cellRows);
      const before = parts[parts.length - 1] ?? '';
      // Right under a lead-in ('Styregruppens parter:') the rows are its lines.
      const under = /:\s*$/.test(before) && !/:$/.test(lines[0] ?? '');
      if (under) parts[parts.length - 1] = before.replace(/\s+$/, '');
      parts.push((under ? '\n' : '\n\n') + lines.join('\n') + '\n\n');
      last = t.index + t[0].length;
      continue;
    }
    const table = cellRows.map((cells) => cells.map((c) => c.html));
    const oneParagraph = (c: string) => (c.match(/<(?:p|li)\b/gi)?.length ?? 0) <= 1;
    // A table of members, a name and a count a row ('Vidåværkstedet' | '1 repræsentant'), reads as the lines a typed list
    // writes: 'Vidåværkstedet – 1 repræsentant'. Its header row ('Tilbud' | 'Repræsentanter': column headings, no count, above
    // the counted rows) goes, as a typed list has none and the importer would read it as a row heading that ends the list.
    const COUNT = /^\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s+(?:[\p{L}-]*(?:repræsentant|medlem|person|deltager|suppleant|plads|pladser)[\p{L}]*)(?:\s+[\p{L}-]+)?)?$/iu;
    const counted = table.filter((cells) => cells.length === 2 && oneParagraph(cells[1]!) && COUNT.test(plain(cells[1]!)) && plain(cells[0]!) && !COUNT.test(plain(cells[0]!)));
    const memberTable = counted.length >= 2 && counted.length >= table.length - 1;
    // A key-value table ('Godkendt af' | 'Handicaprådet', 'Dato' | '21. april 2022'): a short label and a short value a row,
    // reads as the field lines typed terms write ('Godkendt af: Handicaprådet').
    const label = (c: string) => /^[\p{L}][\p{L}'’ -]*$/u.test(plain(c)) && plain(c).split(' ').length <= 4;
    const keyValue = table.length >= 2 && table.every((cells) => cells.length === 2 && label(cells[0]!) && oneParagraph(cells[1]!) && plain(cells[1]!) !== '' && plain(cells[1]!).split(' ').length <= 12 && !/[.!?]\s+\p{Lu}/u.test(plain(cells[1]!)));
    for (const [r, cells] of table.entries()) {
      if (memberTable && r === 0 && !counted.includes(cells)) continue;
      if (memberTable && counted.includes(cells)) {
        rows.push(`${plain(cells[0]!)} – ${plain(cells[1]!)}`);
        continue;
      }
      if (keyValue) {
        rows.push(`${plain(cells[0]!)}: ${plain(cells[1]!)}`);
        continue;
      }
      const head = decode(cells[0]!.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
      const rest = cells
        .slice(1)
        .map((c) => c.replace(/<li\b[^>]*>/gi, ' - ').replace(/<\/li>/gi, '').replace(/\s*\n\s*/g, ' '))
        .join(' ');
      rows.push(`${head}\t${rest}`);
    }
    parts.push('\n\n' + rows.join('\n') + '\n\n');
    last = t.index + t[0].length;
  }
  parts.push(blocksToText(html.slice(last)));
  return parts.join('').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/**
 * A saved web page as the importer's text: its main content (<main>, else <article>, else
 * <body>) without scripts, styles, navigation, header, footer, forms and comments, then
 * read like a Word document's HTML (headings and paragraphs as blocks, lists, tables).
 */
export function webPageToImportText(html: string): string {
  let h = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|svg|template|iframe|form|button|select)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(h) ?? /<article\b[^>]*>([\s\S]*?)<\/article>/i.exec(h);
  if (main) h = main[1]!;
  else {
    const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(h);
    if (body) h = body[1]!;
    h = h.replace(/<(nav|header|footer|aside)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  }
  // Web pages wrap text in <section>, <span>, <a>, <strong>: keep the words, drop the markup.
  h = h.replace(/<\/?(?:section|main|article|figure|figcaption|blockquote|dl)\b[^>]*>/gi, '\n\n').replace(/<(?:dt|dd)\b[^>]*>/gi, '\n\n');
  h = h.replace(/\s*\n\s*/g, ' ');
  return htmlToImportText(h);
}

/**
 * Word writes the lines under a lead-in ('Medlemmer:', 'Herudover vil der være:') as paragraphs of their own, which would
 * come out parted by blank lines; typed terms write them as the lines of one block. Short paragraphs (one phrase each, no
 * second sentence) right after a paragraph ending with a colon are joined to it line by line, up to one ending with a
 * full stop.
 */
// A line with a finite verb is a sentence of its own ('Områdelederen er sekretær for Kontaktrådet.'), not a line of the list.
const FINITE = /(?<![\p{L}])(?:er|var|har|havde|skal|kan|vil|bliver|blev|består|mødes|afholdes|holdes|udpeges|vælges|deltager|indgår)(?![\p{L}])/iu;

function joinLeadInLines(html: string): string {
  const parts = html.split(/(<p\b[^>]*>[\s\S]*?<\/p>)/i);
  const text = (p: string) => decode(p.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
  const isPara = (p: string | undefined) => p !== undefined && /^<p\b/i.test(p);
  for (let i = 1; i < parts.length; i += 2) {
    if (!isPara(parts[i]) || !/:$/.test(text(parts[i]!))) continue;
    let j = i;
    while (j + 2 < parts.length && !parts[j + 1]!.trim() && isPara(parts[j + 2])) {
      const item = text(parts[j + 2]!);
      if (!item || /:$/.test(item) || item.split(' ').length > 14 || /[.!?]\s+[\p{Lu}\d]/u.test(item) || FINITE.test(item)) break;
      parts[i] = parts[i]!.replace(/<\/p>$/i, `<br />${parts[j + 2]!.replace(/^<p\b[^>]*>/i, '').replace(/<\/p>$/i, '')}</p>`);
      parts[j + 1] = '';
      parts[j + 2] = '';
      j += 2;
      if (/[.!?]$/.test(item)) break;
    }
    i = j;
  }
  return parts.join('');
}

function blocksToText(html: string): string {
  return decode(
    joinLeadInLines(html)
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/li>/gi, '')
      .replace(/<\/?(?:p|h[1-6]|ul|ol|div)\b[^>]*>/gi, '\n\n')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\n(?:\s*\n)+(?=- )/g, '\n')
    .replace(/[ \t]+\n/g, '\n');
}

const NAMED: Record<string, string> = { aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å', eacute: 'é', uuml: 'ü', ouml: 'ö', auml: 'ä', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '„', bull: '•', shy: '' };

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([A-Za-z]+);/g, (m, n: string) => NAMED[n] ?? m)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(s, 'utf16le'));
}
