import { describe, expect, it } from '@jest/globals';
import { deflateSync } from 'node:zlib';
import {
  checkAttachmentSize,
  looksLikePlainText,
  safeFileName,
  validateAttachment,
} from '../../src/adapters/documents/attachment.validator.js';
import { buildMeetingDocument } from '../../src/domain/documents/meeting-document.view.js';
import { renderMeetingDocx, docxContentType } from '../../src/adapters/documents/meeting.docx-writer.js';
import { minutesInput } from './meeting.fixture.js';

// --- real files, built byte by byte ---------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A 2x2 red RGB PNG. */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.from([0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
/** A one-page PDF with a correct xref table. */
function pdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
/** The start of a Windows executable (DOS header + PE signature). */
function exe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

describe('validateAttachment', () => {
  it('accepts a real PNG, PDF, DOCX and UTF-8 text, and reports the sniffed type', async () => {
    const docx = await renderMeetingDocx(buildMeetingDocument(minutesInput()));
    const cases = [
      ['kort.png', 'image/png', png(), 'image/png'],
      ['Referat 6. maj.pdf', 'application/pdf', pdf(), 'application/pdf'],
      ['referat.docx', docxContentType, docx, docxContentType],
      ['noter.txt', 'text/plain; charset=utf-8', Buffer.from('Æbler, øl og ål\r\n\tlinje 2\n'), 'text/plain'],
      ['foto.JPG', 'image/jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]), 'image/jpeg'],
    ] as const;
    for (const [fileName, declared, bytes, expected] of cases) {
      const r = await validateAttachment({ fileName, declaredContentType: declared, bytes });
      expect(r).toEqual({ ok: true, value: { fileName, contentType: expected, size: bytes.length } });
    }
  });

  it('takes the sniffed type when the client declared none or octet-stream', async () => {
    const r = await validateAttachment({ fileName: 'kort.png', declaredContentType: 'application/octet-stream', bytes: png() });
    expect(r.ok && r.value.contentType).toBe('image/png');
    const noExt = await validateAttachment({ fileName: 'kort', bytes: png() });
    expect(noExt.ok && noExt.value.fileName).toBe('kort.png');
  });

  it('refuses a renamed .exe whatever it claims to be', async () => {
    const r = await validateAttachment({ fileName: 'budget.pdf', declaredContentType: 'application/pdf', bytes: exe() });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.code).toBe('type_not_allowed');
      expect(r.refusal.status).toBe(415);
      expect(r.refusal.detected).toBe('application/x-msdownload');
      expect(r.refusal.message.da).toContain('Filtypen er ikke tilladt');
      expect(r.refusal.message.en).toContain('not allowed');
    }
  });

  it('refuses a declared type or an extension that disagrees with the bytes', async () => {
    const a = await validateAttachment({ fileName: 'kort.png', declaredContentType: 'application/pdf', bytes: png() });
    expect(!a.ok && a.refusal.code).toBe('type_mismatch');
    expect(!a.ok && a.refusal.message.da).toBe('Filen er angivet som application/pdf, men indholdet er image/png.');
    const b = await validateAttachment({ fileName: 'kort.pdf', bytes: png() });
    expect(!b.ok && b.refusal.code).toBe('extension_mismatch');
  });

  it('refuses binary that is neither an allowed type nor clean UTF-8 text', async () => {
    const r = await validateAttachment({ fileName: 'data.txt', bytes: Buffer.from([0x41, 0x00, 0x42, 0xff]) });
    expect(!r.ok && r.refusal.code).toBe('type_not_allowed');
    expect(looksLikePlainText(Buffer.from('hej\u0007'))).toBe(false);
    expect(looksLikePlainText(Buffer.from([0xc3, 0x28]))).toBe(false); // invalid UTF-8
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.alloc(40)]);
    expect((await validateAttachment({ fileName: 'x.zip', bytes: zip })).ok).toBe(false);
  });

  it('refuses oversized and empty files with a clear reason, and honours a configured limit', async () => {
    const big = await validateAttachment({ fileName: 'stor.png', bytes: Buffer.alloc(25 * 1024 * 1024 + 1) });
    expect(!big.ok && big.refusal.status).toBe(413);
    expect(!big.ok && big.refusal.message.da).toBe('Filen er for stor (25 MB). Største tilladte størrelse er 25 MB.');
    const small = await validateAttachment({ fileName: 'kort.png', bytes: png() }, { maxBytes: 10 });
    expect(!small.ok && small.refusal.code).toBe('too_large');
    expect(checkAttachmentSize(25 * 1024 * 1024)).toBeUndefined();
    expect(checkAttachmentSize(30 * 1024 * 1024)?.message.en).toBe('The file is too large (30 MB). The largest allowed size is 25 MB.');
    const empty = await validateAttachment({ fileName: 'tom.txt', bytes: new Uint8Array() });
    expect(!empty.ok && empty.refusal).toMatchObject({ code: 'empty', status: 400 });
  });

  it('refuses a name with nothing usable left', async () => {
    for (const name of ['..', '../..', '   ', '\u0000\u0001', 'mappe/', '___.png']) {
      const r = await validateAttachment({ fileName: name, bytes: png() });
      expect(!r.ok && r.refusal.code).toBe('bad_name');
    }
  });
});

describe('safeFileName', () => {
  it('strips paths, including traversal and Windows paths', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\Windows\\system32\\evil.pdf')).toBe('evil.pdf');
    expect(safeFileName('C:\\Users\\anne\\Referat.docx')).toBe('Referat.docx');
    expect(safeFileName('/abs/path/bilag.pdf')).toBe('bilag.pdf');
  });
  it('removes control and bidi characters and characters Windows refuses', () => {
    expect(safeFileName('rap\u202Efdp.exe')).toBe('rapfdp.exe');
    expect(safeFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(safeFileName('spørgsmål: hvad?<>|*".pdf')).toBe('spørgsmål_ hvad______.pdf');
    expect(safeFileName('  .skjult. . ')).toBe('skjult');
  });
  it('defuses reserved Windows device names', () => {
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(safeFileName('lpt1')).toBe('_lpt1');
    expect(safeFileName('nul.tar.txt')).toBe('_nul.tar.txt');
    expect(safeFileName('console.pdf')).toBe('console.pdf');
  });
  it('keeps Danish letters and normalises them to NFC', () => {
    expect(safeFileName('Årsstatus Ærø Øster.docx')).toBe('Årsstatus Ærø Øster.docx');
    expect(safeFileName('A\u030Arsstatus.pdf')).toBe('Årsstatus.pdf');
  });
  it('caps the length and keeps the extension', () => {
    const n = safeFileName(`${'æ'.repeat(400)}.pdf`);
    expect([...n].length).toBe(150);
    expect(n.endsWith('.pdf')).toBe(true);
  });
});
