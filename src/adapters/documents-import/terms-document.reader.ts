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
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
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
    for (const r of t[1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const cells = [...r[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => c[1]!);
      if (!cells.length) continue;
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

function blocksToText(html: string): string {
  return decode(
    html
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
