import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { buildMeetingDocument } from '../../src/domain/documents/meeting-document.view.js';
import { renderMeetingDocx } from '../../src/adapters/documents/meeting.docx-writer.js';
import { items, minutesInput } from './meeting.fixture.js';

const run = promisify(execFile);

describe('minutes DOCX of a meeting with 8 items', () => {
  const view = buildMeetingDocument(minutesInput());
  let bytes: Buffer;

  it('reads back with mammoth with every header field, item time, recommendation, decision and attachment', async () => {
    bytes = await renderMeetingDocx(view);
    expect(items).toHaveLength(8);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes });
    // mammoth warns about styles and constructs it cannot map; a clean document gives none.
    expect(messages).toEqual([]);

    for (const label of ['Emne', 'Deltagere', 'Afbud', 'Mødedato', 'Tidspunkt', 'Sted', 'Referent', 'Ordstyrer']) {
      expect(html).toContain(`<strong>${label}</strong>`);
    }
    expect(text).toContain('4. møde i Klyngestyregruppen for Midtklyngen');
    expect(text).toContain('6. maj 2020');
    expect(text).toContain('kl. 14.00 – 16.00');
    expect(text).toContain('Anne Sørensen, hospitalsdirektør, Regionshospitalet Viborg (regional medformand)');
    expect(text).toContain('Cecilie Østergaard, sundhedschef, Skive Kommune');
    expect(text).toContain('Erik Holm, konsulent');

    for (const item of view.items) {
      expect(html).toContain(`<h2>${item.number}. ${item.title}</h2>`);
      expect(text).toContain(item.timeText);
      for (const r of item.recommendations) expect(html).toContain(`<li>${r}</li>`);
      expect(text).toContain(items[item.number - 1]!.decision!);
    }
    // Headings are real heading styles (mammoth maps Heading 1-3 to h1-h3).
    expect(html).toMatch(/<h1>Referat: 4\. møde i Klyngestyregruppen for Midtklyngen<\/h1>/);
    expect((html.match(/<h3>Det indstilles:<\/h3>/g) ?? []).length).toBe(8);
    expect((html.match(/<h3>Beslutning<\/h3>/g) ?? []).length).toBe(4);
    expect(text).toContain('Opgave: Udarbejde forslag til fælles indikatorer');

    // The document ends with the list of attachments.
    const tail = html.slice(html.lastIndexOf('<h2>Bilag</h2>'));
    expect(tail).toContain('Bilag 3.1: Forløbsprogram KOL.pdf (12 sider)');
    expect(tail).toContain('Bilag 3.2: Økonomi &amp; tal.xlsx');
    expect(tail).toContain('Bilag 6.1: Årsstatus 2019.docx (4 sider)');
  });

  it('puts the minute-taker in the Referent row of the header table (a person with role, a name as written, or a dash when none)', async () => {
    const referentCell = async (input: ReturnType<typeof minutesInput>) => {
      const { value: html } = await mammoth.convertToHtml({ buffer: await renderMeetingDocx(buildMeetingDocument(input)) });
      const row = /<tr><td><p><strong>Referent<\/strong><\/p><\/td><td>(.*?)<\/td><\/tr>/.exec(html);
      expect(row).not.toBeNull();
      return row![1]!.replace(/<[^>]+>/g, '');
    };
    expect(await referentCell(minutesInput())).toBe('Erik Holm, konsulent, Regionshospitalet Viborg (sekretariat)');
    expect(await referentCell(minutesInput({ minuteTaker: { personId: 'p1' } }))).toMatch(/^Anne Sørensen, hospitalsdirektør, Regionshospitalet Viborg \(regional medformand\)$/);
    expect(await referentCell(minutesInput({ minuteTaker: { name: 'Jens Referent' } }))).toBe('Jens Referent');
    expect(await referentCell(minutesInput({ minuteTaker: undefined }))).toBe('–');
  });

  it('declares da-DK and carries the title in the core properties', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Referat: 4. møde i Klyngestyregruppen for Midtklyngen</dc:title>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="da-DK"[\s\S]*<\/w:docDefaults>/);
    expect(styles).toContain('w:styleId="Heading2"');
  });

  it('converts to PDF in LibreOffice without error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samraad-docx-'));
    try {
      const file = join(dir, 'referat.docx');
      await writeFile(file, bytes);
      // A private profile so parallel runs do not fight over the user's LibreOffice lock.
      const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
      const { stderr } = await run('libreoffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
      expect(stderr).not.toMatch(/Error/i);
      const pdf = await readFile(join(dir, 'referat.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await stat(join(dir, 'referat.pdf'))).size).toBeGreaterThan(5000);
      // And LibreOffice reads the content, not just an empty shell: export its text too.
      await run('libreoffice', [profile, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file], { timeout: 120_000 });
      const txt = await readFile(join(dir, 'referat.txt'), 'utf8');
      for (const s of ['Referat: 4. møde i Klyngestyregruppen for Midtklyngen', 'Mødedato', '6. maj 2020', 'kl. 15.45 – 15.55', 'Det indstilles:', 'Bilag 6.1: Årsstatus 2019.docx (4 sider)']) {
        expect(txt).toContain(s);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('writes an English agenda without decisions', async () => {
    const agenda = buildMeetingDocument(minutesInput({ kind: 'agenda', language: 'en' }));
    const { value: html } = await mammoth.convertToHtml({ buffer: await renderMeetingDocx(agenda) });
    expect(html).toContain('<h1>Agenda: Meeting no. 4 of Klyngestyregruppen for Midtklyngen</h1>');
    expect(html).toContain('<h3>It is recommended:</h3>');
    expect(html).not.toContain('Beslutning 1');
  });
});
