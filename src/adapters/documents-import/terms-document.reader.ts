/**
 * Reads an uploaded kommissorium (.docx, a saved web page .html, or plain text) into
 * text the importer understands, or refuses it with a clear Danish message.
 *
 * What it does: checks size and emptiness before parsing; recognises an OLE
 * compound file (D0 CF 11 E0), which is what a password-protected .docx is (and
 * also an old binary .doc); checks that a ZIP is really a Word document
 * (word/document.xml) before mammoth reads it; turns Word tables into
 * "heading<TAB>cell" rows so table-shaped kommissorier read like the seeds; reads a
 * web page (the secretariats publish terms on their sites) from its main content,
 * without scripts, styles, navigation, header and footer, keeping headings, lists
 * and tables as the Word reader does; reads a PDF's text (pdf-text.reader.ts: lines
 * rebuilt by position, page headers, footers and numbers removed, line-break hyphenation
 * undone).
 * Reads a text file as UTF-8, as UTF-16 when it opens with a byte order mark (Word's "Unicode
 * text"), else as Windows-1252.
 * What it does not do: decrypt protected files, read .doc/.odt or scanned PDFs, or keep
 * images and comments. Nothing is written anywhere.
 */
import { open, stat } from 'node:fs/promises';
import type JSZip from 'jszip';
import { readPdfText } from './pdf-text.reader.js';

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
    // Word's own numbers of section headings ('§ 1', '1.') are not in the paragraphs' text: put them back first.
    const document = await zip.file('word/document.xml')!.async('string');
    const numbered = restoreWordNumbering(document, (await zip.file('word/numbering.xml')?.async('string')) ?? '', (await zip.file('word/styles.xml')?.async('string')) ?? '');
    let buffer: Buffer = Buffer.from(bytes);
    if (numbered !== document) {
      zip.file('word/document.xml', numbered);
      buffer = await zip.generateAsync({ type: 'nodebuffer' });
    }
    const result = await mammoth.convertToHtml({ buffer });
    const text = htmlToImportText(result.value);
    if (!text.trim()) return fail('empty', 'Word-dokumentet indeholder ingen tekst.', 'The Word document contains no text.');
    return { ok: true, format: 'docx', text, warnings: result.messages.map((m) => m.message) };
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

type WordLevel = { format: string; text: string; start: number };

/**
 * Puts Word's number back into a numbered paragraph's text where the number is part of what the reader sees: a heading
 * numbered by Word ('§ 1 Ældrerådets møder' on a Heading style with the numbering '§ %1'), a numbering whose text is more
 * than the number ('§ %1', 'Stk. %1', 'Bilag %1'), and a numbered paragraph standing alone between ordinary paragraphs (a
 * section heading '1. Sammensætning' in a bold Normal paragraph). mammoth drops these numbers (a numbered heading loses its
 * '§ 1', a numbered Normal paragraph becomes a one-item list). The paragraph then carries its label as text and no numbering;
 * lists of two or more adjacent numbered items, and bullets, are left to mammoth's lists.
 */
export function restoreWordNumbering(documentXml: string, numberingXml: string, stylesXml = ''): string {
  if (!numberingXml || !documentXml.includes('<w:numPr>')) return documentXml;
  const attr = (xml: string, tag: string) => new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];
  const abstract = new Map<string, Map<number, WordLevel>>();
  for (const a of numberingXml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, WordLevel>();
    for (const l of a[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { format: attr(l[2]!, 'numFmt') ?? 'decimal', text: attr(l[2]!, 'lvlText') ?? '', start: Number(attr(l[2]!, 'start') ?? 1) });
    }
    abstract.set(a[1]!, levels);
  }
  const nums = new Map<string, Map<number, WordLevel>>();
  for (const n of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = abstract.get(attr(n[2]!, 'abstractNumId') ?? '');
    if (levels) nums.set(n[1]!, levels);
  }
  const headingStyles = new Set<string>();
  for (const st of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    if (/^(?:heading|overskrift|title|titel)\b/i.test(attr(st[2]!, 'name') ?? '')) headingStyles.add(st[1]!);
  }
  const isHeading = (style: string | undefined) => Boolean(style && (headingStyles.has(style) || /^(?:heading|overskrift|title|titel)\s*\d*$/i.test(style)));
  type Para = { start: number; end: number; xml: string; numId?: string; ilvl: number; style?: string; text: string };
  const paras: Para[] = [];
  for (const m of documentXml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)) {
    const xml = m[0];
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(xml)?.[1];
    const numId = numPr ? attr(numPr, 'numId') : undefined;
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    paras.push({ start: m.index, end: m.index + xml.length, xml, numId: numId && numId !== '0' ? numId : undefined, ilvl: Number((numPr && attr(numPr, 'ilvl')) ?? 0), style: attr(/<w:pPr>[\s\S]*?<\/w:pPr>/.exec(xml)?.[0] ?? '', 'pStyle'), text });
  }
  const counters = new Map<string, number[]>();
  const out: string[] = [];
  let last = 0;
  const filled = paras.filter((p) => p.text.trim() !== '');
  for (const p of paras) {
    if (!p.numId || !p.text.trim()) continue;
    const levels = nums.get(p.numId);
    const level = levels?.get(p.ilvl);
    if (!levels || !level) continue;
    const count = counters.get(p.numId) ?? [];
    for (let k = 0; k <= p.ilvl; k++) if (count[k] === undefined) count[k] = (levels.get(k)?.start ?? 1) - (k === p.ilvl ? 1 : 0);
    count[p.ilvl]! += 1;
    count.length = p.ilvl + 1;
    counters.set(p.numId, count);
    if (level.format === 'bullet' || level.format === 'none') continue;
    const label = level.text.replace(/%(\d)/g, (_m, d: string) => formatWordNumber(count[Number(d) - 1] ?? 1, levels.get(Number(d) - 1)?.format ?? 'decimal')).trim();
    const i = filled.indexOf(p);
    const sameList = (q: Para | undefined) => Boolean(q && q.numId === p.numId && q.ilvl === p.ilvl);
    const alone = !sameList(filled[i - 1]) && !sameList(filled[i + 1]);
    const wordy = /[^\s\d.)(\-–:]/u.test(level.text.replace(/%\d/g, ''));
    if (!label || !(isHeading(p.style) || wordy || alone)) continue;
    const run = `<w:r><w:t xml:space="preserve">${label.replace(/&/g, '&amp;').replace(/</g, '&lt;')} </w:t></w:r>`;
    let xml = p.xml.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, '');
    xml = /<\/w:pPr>/.test(xml) ? xml.replace(/<\/w:pPr>/, `</w:pPr>${run}`) : xml.replace(/^<w:p(\s[^>]*)?>/, (m0) => `${m0}${run}`);
    out.push(documentXml.slice(last, p.start), xml);
    last = p.end;
  }
  if (!out.length) return documentXml;
  out.push(documentXml.slice(last));
  return out.join('');
}

function formatWordNumber(n: number, format: string): string {
  const letters = (k: number) => {
    let s = '';
    for (let x = k; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(97 + ((x - 1) % 26)) + s;
    return s;
  };
  const roman = (k: number) => {
    const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let s = '';
    let x = k;
    for (const [v, r] of table) while (x >= v) { s += r; x -= v; }
    return s;
  };
  if (format === 'lowerLetter') return letters(n);
  if (format === 'upperLetter') return letters(n).toUpperCase();
  if (format === 'lowerRoman') return roman(n);
  if (format === 'upperRoman') return roman(n).toUpperCase();
  return String(n);
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
    const table = [...t[1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) => [...r[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => c[1]!)).filter((cells) => cells.length);
    const plain = (c: string) => decode(c.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
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
