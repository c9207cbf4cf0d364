/**
 * Checks an uploaded attachment (bilag) before it is stored: size, real content
 * type, and a file name that is safe on SharePoint, Windows and a local disk.
 *
 * What it does: refuses empty and oversized files (default 25 MB); sniffs the type
 * from the bytes with `file-type` and accepts only PDF, DOCX, XLSX, PPTX, PNG, JPEG,
 * or plain text (UTF-8 that decodes strictly and holds no control characters but
 * tab, line breaks and form feed); refuses when the declared content type or the
 * name's extension disagree with the bytes (a renamed .exe is caught here);
 * cleans the file name. A refusal carries an HTTP status and a Danish and English
 * reason, so the API can answer 4xx with it as it is.
 * Office files (DOCX, XLSX, PPTX) are opened (jszip) and refused when they carry
 * macros or ActiveX (a vbaProject.bin, an activeX part, or a macro-enabled content
 * type such as .docm's); plain text that holds HTML or SVG markup with active
 * content (script, event handlers, javascript: links, frames) is refused too.
 * What it does not do: virus scanning (SharePoint does that; a file it flags as
 * malware is withheld from download, see docs/security.md).
 */
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import { basename, extname } from 'node:path';

export const defaultMaxAttachmentBytes = 25 * 1024 * 1024;

export const allowedAttachmentTypes = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt'],
} as const satisfies Record<string, readonly string[]>;
export type AllowedAttachmentType = keyof typeof allowedAttachmentTypes;

export type AttachmentRefusalCode = 'empty' | 'too_large' | 'type_not_allowed' | 'type_mismatch' | 'extension_mismatch' | 'bad_name' | 'macros' | 'active_content';

export type AttachmentRefusal = {
  code: AttachmentRefusalCode;
  /** 413 for size, 415 for types, 400 for names and empty files. */
  status: 400 | 413 | 415;
  message: { da: string; en: string };
  /** What the bytes turned out to be, when known (for the log, not the user). */
  detected?: string;
};

export type AcceptedAttachment = {
  fileName: string;
  contentType: AllowedAttachmentType;
  size: number;
};

export type AttachmentCheck = { ok: true; value: AcceptedAttachment } | { ok: false; refusal: AttachmentRefusal };

export type AttachmentUpload = {
  fileName: string;
  /** The Content-Type the client sent; absent or application/octet-stream means "did not say". */
  declaredContentType?: string;
  bytes: Uint8Array;
};

export type AttachmentOptions = { maxBytes?: number };

const mb = (n: number) => (n / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 });
const mbEn = (n: number) => (n / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 });

function refuse(code: AttachmentRefusalCode, status: AttachmentRefusal['status'], da: string, en: string, detected?: string): AttachmentCheck {
  return { ok: false, refusal: { code, status, message: { da, en }, detected } };
}

/** Early refusal from a Content-Length, before reading the body. */
export function checkAttachmentSize(size: number, opts: AttachmentOptions = {}): AttachmentRefusal | undefined {
  const max = opts.maxBytes ?? defaultMaxAttachmentBytes;
  if (size > max) {
    return {
      code: 'too_large',
      status: 413,
      message: {
        da: `Filen er for stor (${mb(size)} MB). Største tilladte størrelse er ${mb(max)} MB.`,
        en: `The file is too large (${mbEn(size)} MB). The largest allowed size is ${mbEn(max)} MB.`,
      },
    };
  }
  return undefined;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name safe to store and to offer for download: the last path segment only,
 * NFC-normalised (so "å" typed on a Mac matches), without control or bidi-override
 * characters (which can disguise "exe.pdf"), without characters Windows and
 * SharePoint refuse, without leading dots and trailing dots/spaces, not a reserved
 * Windows device name, at most 150 characters with the extension kept. Letters
 * such as æ, ø and å are kept. Returns '' when nothing usable is left.
 */
export function safeFileName(raw: string): string {
  let name = raw.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  let ext = dot > 0 ? name.slice(dot) : '';
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  if (ext.length > 16) {
    stem = name;
    ext = '';
  }
  const max = 150 - ext.length;
  if ([...stem].length > max) stem = [...stem].slice(0, max).join('').trimEnd();
  return stem ? `${stem}${ext}` : '';
}

function normaliseType(t: string | undefined): string | undefined {
  const base = t?.split(';')[0]?.trim().toLowerCase();
  if (!base || base === 'application/octet-stream' || base === 'binary/octet-stream') return undefined;
  if (base === 'image/jpg' || base === 'image/pjpeg') return 'image/jpeg';
  return base;
}

/** Strict UTF-8 with no control characters other than tab, LF, CR and FF. */
export function looksLikePlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

const OFFICE_TYPES = new Set<string>([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);
const MACRO_PART = /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)activeX\//i;
const MACRO_CONTENT_TYPE = /macroEnabled|vnd\.ms-office\.vbaProject|vnd\.ms-office\.activeX/i;

/** An Office file with macros or ActiveX: a VBA project part, an activeX part, or a macro-enabled content type. */
export async function officeMacros(bytes: Uint8Array): Promise<string | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return undefined; // not a readable zip: the type checks decide
  }
  const part = Object.keys(zip.files).find((n) => MACRO_PART.test(n));
  if (part) return part;
  const types = await zip.file('[Content_Types].xml')?.async('string');
  const m = types ? MACRO_CONTENT_TYPE.exec(types) : null;
  return m ? `[Content_Types].xml: ${m[0]}` : undefined;
}

/** Markup that would run in a browser: HTML or SVG with scripts, event handlers, javascript: URLs, frames or objects. */
const ACTIVE_MARKUP = /<\s*(script|iframe|object|embed|svg|html|foreignObject)\b|<[^>]+\son[a-z]+\s*=|javascript\s*:/i;

export async function validateAttachment(upload: AttachmentUpload, opts: AttachmentOptions = {}): Promise<AttachmentCheck> {
  const size = upload.bytes.byteLength;
  if (size === 0) return refuse('empty', 400, 'Filen er tom.', 'The file is empty.');
  const tooLarge = checkAttachmentSize(size, opts);
  if (tooLarge) return { ok: false, refusal: tooLarge };

  const fileName = safeFileName(upload.fileName);
  if (!fileName || !/[\p{L}\p{N}]/u.test(fileName.replace(/\.[^.]*$/, ''))) {
    return refuse('bad_name', 400, 'Filnavnet kan ikke bruges. Giv filen et navn med bogstaver eller tal.', 'The file name cannot be used. Give the file a name with letters or digits.');
  }

  const sniffed = await fileTypeFromBuffer(upload.bytes);
  let contentType: AllowedAttachmentType;
  const allowedList = 'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG, JPEG, tekst (.txt)';
  const allowedListEn = 'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG, JPEG, text (.txt)';
  if (sniffed && (/macroenabled/i.test(sniffed.mime) || ['docm', 'xlsm', 'pptm', 'dotm', 'xltm', 'potm'].includes(sniffed.ext))) {
    return refuse(
      'macros',
      415,
      'Filen er et dokument med makroer (VBA) og kan ikke bruges som bilag. Gem den uden makroer (som .docx, .xlsx eller .pptx) eller som PDF, og prøv igen.',
      'The file is a document with macros (VBA) and cannot be attached. Save it without macros (as .docx, .xlsx or .pptx) or as PDF and try again.',
      sniffed.mime,
    );
  }
  if (sniffed) {
    if (!(sniffed.mime in allowedAttachmentTypes)) {
      return refuse(
        'type_not_allowed',
        415,
        `Filtypen er ikke tilladt (filen er ${sniffed.ext}). Tilladt: ${allowedList}.`,
        `This file type is not allowed (the file is ${sniffed.ext}). Allowed: ${allowedListEn}.`,
        sniffed.mime,
      );
    }
    contentType = sniffed.mime as AllowedAttachmentType;
  } else if (looksLikePlainText(upload.bytes)) {
    contentType = 'text/plain';
  } else {
    return refuse('type_not_allowed', 415, `Filtypen kunne ikke genkendes. Tilladt: ${allowedList}.`, `The file type could not be recognised. Allowed: ${allowedListEn}.`);
  }

  const declared = normaliseType(upload.declaredContentType);
  if (declared && declared !== contentType) {
    return refuse(
      'type_mismatch',
      415,
      `Filen er angivet som ${declared}, men indholdet er ${contentType}.`,
      `The file was declared as ${declared}, but its content is ${contentType}.`,
      contentType,
    );
  }

  if (OFFICE_TYPES.has(contentType) || sniffed?.ext === 'zip') {
    const macro = await officeMacros(upload.bytes);
    if (macro) {
      return refuse(
        'macros',
        415,
        'Filen indeholder makroer (VBA) eller ActiveX og kan ikke bruges som bilag. Gem den uden makroer (som .docx, .xlsx eller .pptx) eller som PDF, og prøv igen.',
        'The file contains macros (VBA) or ActiveX and cannot be attached. Save it without macros (as .docx, .xlsx or .pptx) or as PDF and try again.',
        macro,
      );
    }
  }
  if (contentType === 'text/plain' && ACTIVE_MARKUP.test(new TextDecoder().decode(upload.bytes))) {
    return refuse(
      'active_content',
      415,
      'Filen indeholder HTML eller SVG med aktivt indhold (script, hændelser eller rammer) og kan ikke bruges som bilag. Gem den som PDF, og prøv igen.',
      'The file contains HTML or SVG with active content (scripts, event handlers or frames) and cannot be attached. Save it as PDF and try again.',
      'text/html',
    );
  }

  const extensions: readonly string[] = allowedAttachmentTypes[contentType];
  const ext = extname(basename(fileName)).slice(1).toLowerCase();
  if (!ext) {
    return { ok: true, value: { fileName: `${fileName}.${extensions[0]}`, contentType, size } };
  }
  if (!extensions.includes(ext)) {
    return refuse(
      'extension_mismatch',
      415,
      `Filnavnet ender på .${ext}, men indholdet er ${contentType}. Ret filnavnet eller vælg den rigtige fil.`,
      `The file name ends in .${ext}, but its content is ${contentType}. Correct the name or choose the right file.`,
      contentType,
    );
  }
  return { ok: true, value: { fileName, contentType, size } };
}
