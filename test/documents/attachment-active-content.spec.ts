/**
 * Issue 14 point 5: Office files with macros (a VBA project, ActiveX, a macro-enabled
 * content type) and text holding HTML/SVG with active content are refused with a
 * Danish and English reason; the same document without macros is accepted.
 */
import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { validateAttachment } from '../../src/adapters/documents/attachment.validator.js';
import { buildMeetingDocument } from '../../src/domain/documents/meeting-document.view.js';
import { renderMeetingDocxNow, docxContentType } from '../../src/adapters/documents/meeting.docx-writer.js';
import { minutesInput } from './meeting.fixture.js';

async function docxWith(edit: (zip: JSZip) => void | Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await renderMeetingDocxNow(buildMeetingDocument(minutesInput())));
  await edit(zip);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('macros and active content in attachments', () => {
  it('accepts the plain DOCX', async () => {
    const r = await validateAttachment({ fileName: 'bilag.docx', declaredContentType: docxContentType, bytes: await docxWith(() => {}) });
    expect(r.ok).toBe(true);
  });

  it('refuses a DOCX carrying word/vbaProject.bin (415, Danish and English)', async () => {
    const bytes = await docxWith((z) => void z.file('word/vbaProject.bin', Buffer.from('VBA project')));
    const r = await validateAttachment({ fileName: 'bilag.docx', declaredContentType: docxContentType, bytes });
    expect(r).toMatchObject({ ok: false, refusal: { code: 'macros', status: 415, message: { da: expect.stringMatching(/makroer/), en: expect.stringMatching(/macros/) } } });
  });

  it('refuses a macro-enabled content type (a .docm renamed .docx) and ActiveX parts', async () => {
    const docm = await docxWith(async (z) => {
      const types = await z.file('[Content_Types].xml')!.async('string');
      z.file('[Content_Types].xml', types.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'));
    });
    const r1 = await validateAttachment({ fileName: 'bilag.docx', bytes: docm });
    expect(r1).toMatchObject({ ok: false, refusal: { code: 'macros' } });
    const activeX = await docxWith((z) => void z.file('word/activeX/activeX1.xml', '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>'));
    const r2 = await validateAttachment({ fileName: 'bilag.docx', bytes: activeX });
    expect(r2).toMatchObject({ ok: false, refusal: { code: 'macros' } });
  });

  it('refuses HTML or SVG with active content sent as text; ordinary text passes', async () => {
    for (const text of ['<html><body><script>alert(1)</script></body></html>', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '<a href="javascript:alert(1)">klik</a>', '<img src=x onerror=alert(1)>']) {
      const r = await validateAttachment({ fileName: 'noter.txt', bytes: new TextEncoder().encode(text) });
      expect({ text, r }).toMatchObject({ text, r: { ok: false, refusal: { code: 'active_content', status: 415 } } });
    }
    const ok = await validateAttachment({ fileName: 'noter.txt', bytes: new TextEncoder().encode('Referat: 3 < 4 og x > y; se punkt 5.\n') });
    expect(ok.ok).toBe(true);
  });
});
