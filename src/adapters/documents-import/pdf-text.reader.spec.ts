import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { joinWrapped, pagesToText, readPdfText, toLines } from './pdf-text.reader.js';
import { readTermsDocumentFile } from './terms-document.reader.js';

const pdf = (name: string) => readFileSync(`test/fixtures/terms-import/eval/pdf/${name}.pdf`);
const item = (str: string, x: number, y: number, w = str.length * 5, h = 10) => ({ str, x, y, w, h });

describe('PDF text reader', () => {
  it('reads a two-page PDF without its running header, footer and page numbers, joining a word broken at a line end', async () => {
    const r = await readPdfText(pdf('rm-psykiatriforum'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toBe(2);
    expect(r.text).not.toMatch(/Sundhedsaftalen 2024-2027 ·|Side \d af \d/);
    expect(r.text).toMatch(/med reference til Sundhedsstyregruppen\./);
    expect(r.text).toMatch(/Formand for Børne- og kulturchefforeningen i Midtjylland/);
    expect(r.text).toMatch(/alliancen om den nære psykiatri\./);
    // One paragraph per paragraph, and short lines under a lead-in kept under it, as the Word reader gives them.
    expect(r.text).toMatch(/\n\nMedlemmer:\nKoncerndirektør, Region Midtjylland \(regional medformand\)\nKOSU-formand/);
  });

  it('drops a lone page number in the footer and a header repeated on every page', async () => {
    const r = await readPdfText(pdf('klu-aalborg-forretningsorden'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toBe(2);
    expect(r.text).not.toMatch(/Forretningsorden · Kommunalt/);
    expect(r.text.split('\n').filter((l) => /^\s*\d+\s*$/.test(l))).toEqual([]);
    expect(r.text).toMatch(/• To repræsentanter, heraf en niveau 2 leder fra Ældre- og Handicapforvaltningen\n/);
  });

  it('rebuilds lines by position: top to bottom, then left to right, a wide gap as a tab', () => {
    const lines = toLines([item('andet', 80, 700), item('Første', 50, 720), item('linje', 85, 720), item('Andet', 50, 700), item('celle', 300, 700)]);
    expect(lines.map((l) => l.text)).toEqual(['Første linje', 'Andet andet\tcelle']);
  });

  it('removes furniture only at the edges of pages: a page number, or a line on most pages', () => {
    const page = (n: number, body: string) => toLines([item('Kommissorium · Region Eksempel', 50, 800), item(body, 50, 700), item(`Side ${n} af 3`, 250, 40)]);
    const text = pagesToText([page(1, 'Gruppen mødes fire gange om året.'), page(2, 'Kommissorium · Region Eksempel'.slice(0, 5) + ' er godkendt.'), page(3, '2')]);
    expect(text).not.toMatch(/Region Eksempel|Side/);
    expect(text).toMatch(/Gruppen mødes fire gange om året\./);
  });

  it('undoes hyphenation at a line end, but keeps a real hyphen before a conjunction', () => {
    expect(joinWrapped('med reference til Sundheds-', 'styregruppen.')).toBe('med reference til Sundhedsstyregruppen.');
    expect(joinWrapped('Styregruppe for praksis-', 'og sundhedssamarbejde')).toBe('Styregruppe for praksis- og sundhedssamarbejde');
    expect(joinWrapped('social-', 'eller sundhedsområdet')).toBe('social- eller sundhedsområdet');
    expect(joinWrapped('Udvalget har repræsentanter fra PLO-', 'Aalborg')).toBe('Udvalget har repræsentanter fra PLO- Aalborg');
    expect(joinWrapped('Gruppen mødes', 'fire gange')).toBe('Gruppen mødes fire gange');
    expect(joinWrapped('6 direktører fra kommunerne (KOSU-', 'medlemmerne)')).toBe('6 direktører fra kommunerne (KOSU-medlemmerne)');
  });

  it('drops a running header and footer in the margins of a one-page document, keeping what they state as the Word reader does', async () => {
    const r = await readPdfText(
      makePdf([
        [
          { x: 300, y: 800, size: 8, text: 'Ældrerådet · Forretningsorden 2018-2021' },
          { x: 72, y: 755, size: 16, text: 'Forretningsorden for Ældrerådet' },
          { x: 72, y: 730, text: 'Ældrerådet holder 11 møder om året.' },
          { x: 280, y: 37, size: 8, text: 'Side 1 af 1' },
        ],
      ]),
    );
    expect(r.ok && r.text).toBe('Forretningsorden for Ældrerådet\n\nÆldrerådet holder 11 møder om året.\n');
    const titled = await readPdfText(
      makePdf([
        [
          { x: 72, y: 800, size: 9, text: 'Psykiatriforum' },
          { x: 300, y: 800, size: 9, text: 'Godkendt af Sundhedsstyregruppen den 3. maj 2025' },
          { x: 72, y: 755, text: 'Forummet er et administrativt forum for regionen og' },
          { x: 72, y: 743, text: 'kommunerne.' },
          { x: 72, y: 720, text: 'Det mødes fire gange om året.' },
          { x: 72, y: 37, size: 8, text: 'Sundhedssekretariatet · 12. januar 2026' },
        ],
      ]),
    );
    // The header's title over a body that opens with a sentence, its approval under it; the footer's name and date go.
    expect(titled.ok && titled.text).toBe('Psykiatriforum\n\nGodkendt af Sundhedsstyregruppen den 3. maj 2025\n\nForummet er et administrativt forum for regionen og kommunerne.\n\nDet mødes fire gange om året.\n');
  });

  it('drops a running header a tagged PDF marks as an artifact, below the top margin and in the body\'s type, keeping its approval', async () => {
    const r = await readPdfText(
      makePdf([
        [
          { x: 72, y: 770, artifact: true, text: 'Kontaktrådet · Vedtaget den 21. juni 2011' },
          { x: 72, y: 752, size: 16, text: 'Forretningsorden for Kontaktrådet' },
          { x: 72, y: 730, text: 'Kontaktrådet mødes fire gange om året.' },
          { x: 72, y: 100, artifact: true, text: 'Tønder Kommune, Social og Sundhed' },
        ],
      ]),
    );
    expect(r.ok && r.text).toBe('Forretningsorden for Kontaktrådet\n\nVedtaget den 21. juni 2011\n\nKontaktrådet mødes fire gange om året.\n');
  });

  it("reads Word's list glyphs (Symbol font) and numbers laid out with a tab as list items, numbers kept", async () => {
    const r = await readPdfText(
      makePdf([
        [
          { x: 72, y: 760, size: 13, text: '1.' },
          { x: 95, y: 760, size: 13, text: 'Møder' },
          { x: 90, y: 740, font: 'F3', text: '\xb7' },
          { x: 108, y: 740, text: 'Der afholdes ordinært møde 1 gang månedligt.' },
          { x: 90, y: 728, font: 'F3', text: '\xb7' },
          { x: 108, y: 728, text: 'Møderne er ikke åbne for offentligheden.' },
          { x: 90, y: 716, text: 'a)' },
          { x: 108, y: 716, text: 'Dagsorden udsendes 8 dage før.' },
        ],
      ]),
    );
    // A list right under a heading, as the Word reader gives it.
    expect(r.ok && r.text).toBe('1. Møder\n- Der afholdes ordinært møde 1 gang månedligt.\n- Møderne er ikke åbne for offentligheden.\na) Dagsorden udsendes 8 dage før.\n');
  });

  it('reads a members table of four columns as the Word reader does: a group merged down its rows as a lead-in over them, a wrapped cell joined', async () => {
    const row = (y: number, cells: [number, string][], font: Cell['font'] = 'F1') => cells.map(([x, text]) => ({ x, y, text, font }));
    const r = await readPdfText(
      makePdf([
        [
          { x: 72, y: 780, text: 'Sundhedsklyngen omfatter medlemmer fra kommuner, region og almen praksis.' },
          ...row(760, [[78, 'Organisation'], [213, 'Antal'], [258, 'Navn'], [371, 'Funktion']], 'F2'),
          ...row(748, [[78, 'Regionale medlemmer'], [213, '2'], [258, 'Sofie Lund']]),
          ...row(736, [[258, 'Bo Lind']]),
          ...row(724, [[78, 'Kommunale medlemmer'], [213, '2'], [258, 'Mads Skov'], [371, 'Borgmester, Haderslev Kommune']]),
          ...row(712, [[258, 'Jan Ribe'], [371, 'Borgmester, Aabenraa Kommune']]),
          ...row(700, [[78, 'Repræsentanter fra Almen'], [213, '2'], [258, 'Michael Hasle']]),
          ...row(688, [[78, 'Praksis'], [258, 'Ditte Kær']]),
          { x: 72, y: 660, text: 'Klyngen mødes fire gange om året.' },
        ],
      ]),
    );
    expect(r.ok && r.text).toBe(
      [
        'Sundhedsklyngen omfatter medlemmer fra kommuner, region og almen praksis.',
        '',
        'Regionale medlemmer:\nSofie Lund\nBo Lind',
        '',
        'Kommunale medlemmer:\nMads Skov, Borgmester, Haderslev Kommune\nJan Ribe, Borgmester, Aabenraa Kommune',
        '',
        'Repræsentanter fra Almen Praksis:\nMichael Hasle\nDitte Kær',
        '',
        'Klyngen mødes fire gange om året.',
        '',
      ].join('\n'),
    );
  });

  it('reads two-column tables as the Word reader does: a key-value table as field lines, a members table as counted lines', async () => {
    const r = await readPdfText(
      makePdf([
        [
          { x: 78, y: 780, text: 'Godkendt af' },
          { x: 200, y: 780, text: 'Handicaprådet' },
          { x: 78, y: 768, text: 'Dato' },
          { x: 200, y: 768, text: '21. april 2022' },
          { x: 72, y: 740, text: 'Kontaktrådet består af:' },
          { x: 78, y: 724, text: 'Tilbud' },
          { x: 300, y: 724, text: 'Repræsentanter' },
          { x: 78, y: 712, text: 'Vidåværkstedet, herunder Café 9' },
          { x: 300, y: 712, text: '1 repræsentant' },
          { x: 78, y: 700, text: 'Ulriksallé' },
          { x: 300, y: 700, text: '1 repræsentant' },
        ],
      ]),
    );
    expect(r.ok && r.text).toBe('Godkendt af: Handicaprådet\nDato: 21. april 2022\n\nKontaktrådet består af:\n\nVidåværkstedet, herunder Café 9 – 1 repræsentant\nUlriksallé – 1 repræsentant\n');
  });

  it("reads a page set in two columns column by column, each column's wrapped lines joined", async () => {
    const left = ['Rådet består af ni medlemmer, som', 'vælges for fire år ad gangen. Rådet', 'vælger selv sin formand og sin', 'næstformand på det første møde, og', 'formanden leder rådets møder efter', 'den dagsorden, som er udsendt.'];
    const right = ['Rådet holder fire ordinære møder', 'om året. Sekretariatet ligger i', 'kommunens social- og sundheds-', 'forvaltning, som udsender', 'dagsordenen senest otte dage før', 'hvert møde.'];
    const r = await readPdfText(
      makePdf([
        [
          { x: 72, y: 780, size: 16, text: 'Forretningsorden for Handicaprådet' },
          ...left.flatMap((text, i) => [{ x: 72, y: 750 - i * 12, text }, { x: 310, y: 750 - i * 12, text: right[i]! }]),
        ],
      ]),
    );
    expect(r.ok && r.text).toBe(
      'Forretningsorden for Handicaprådet\n\nRådet består af ni medlemmer, som vælges for fire år ad gangen. Rådet vælger selv sin formand og sin næstformand på det første møde, og formanden leder rådets møder efter den dagsorden, som er udsendt. Rådet holder fire ordinære møder om året. Sekretariatet ligger i kommunens social- og sundhedsforvaltning, som udsender dagsordenen senest otte dage før hvert møde.\n',
    );
  });

  it('keeps a page of one column with a block at its right (a signature) in order', async () => {
    const prose = 'Rådet består af ni medlemmer, som vælges for fire år ad gangen af byrådet.';
    const r = await readPdfText(
      makePdf([
        [
          { x: 72, y: 760, size: 13, text: 'Sammensætning' },
          ...[0, 1, 2, 3, 4].map((i) => ({ x: 72, y: 744 - i * 12, text: prose })),
          { x: 72, y: 684, text: 'og vælger selv sin formand.' },
          { x: 72, y: 664, size: 13, text: 'Møder' },
          ...[0, 1, 2, 3].map((i) => ({ x: 72, y: 648 - i * 12, text: prose })),
          { x: 300, y: 588, text: 'Tønder, 21. juni 2011' },
          { x: 300, y: 576, text: 'Formand for rådet' },
          { x: 300, y: 564, text: 'Karen Holm' },
        ],
      ]),
    );
    expect(r.ok && r.text.split('\n\n').map((p) => p.slice(0, 13))).toEqual(['Sammensætning', 'Rådet består ', 'Møder', 'Rådet består ', 'Tønder, 21. j']);
  });

  it('ends a table whose first column stands at the body margin at a paragraph running across its columns', async () => {
    const r = await readPdfText(
      makePdf([
        [
          { x: 72, y: 780, text: 'Navn' },
          { x: 250, y: 780, text: 'Organisation' },
          { x: 72, y: 768, text: 'Leif Gram' },
          { x: 250, y: 768, text: 'SIND i Midtjylland' },
          { x: 72, y: 756, text: 'Lise Holt' },
          { x: 250, y: 756, text: 'PLO' },
          { x: 72, y: 740, text: 'Styregruppen mødes fire gange om året og udsender referat efter hvert møde.' },
        ],
      ]),
    );
    expect(r.ok && r.text).toMatch(/\n\nStyregruppen mødes fire gange om året og udsender referat efter hvert møde\.\n$/);
  });

  it('reads a Word document saved as PDF by LibreOffice as the Word reader reads the document itself', async () => {
    for (const id of ['rsd-sundhedsklynge-sonderjylland', 'regionh-tvaersektoriel-styregruppe', 'toender-kontaktraad-forretningsorden', 'aalborg-aeldreraad-forretningsorden', 'slagelse-aeldreraad-forretningsorden']) {
      const fromPdf = await readPdfText(readFileSync(`test/fixtures/terms-import/eval/pdf-word/${id}.pdf`));
      const fromWord = await readTermsDocumentFile(`test/fixtures/terms-import/eval/docx/${id}.docx`);
      expect(fromWord.ok).toBe(true);
      expect([id, fromPdf.ok && fromPdf.text]).toEqual([id, fromWord.ok && fromWord.text]);
    }
  });

  it('refuses bytes that are not a PDF as unreadable', async () => {
    const r = await readPdfText(Buffer.from('%PDF-1.4 nothing more'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('unreadable');
  });
});

type Cell = { x: number; y: number; text: string; size?: number; font?: 'F1' | 'F2' | 'F3'; artifact?: boolean };

/**
 * A small PDF of A4 pages with text at the given places: F1 Helvetica (the body), F2 Helvetica-Bold, F3 Symbol (Word's
 * bullet is its glyph 0xB7). Text in Latin-1 (WinAnsi), as a Word-made PDF's simple fonts; a cell marked artifact is
 * marked content /Artifact, as a tagged PDF marks its running headers and footers.
 */
function makePdf(pages: Cell[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 2; // ids from 3 (1 is the catalog, 2 the pages)
  const fonts = [add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'), add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'), add('<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>')];
  const escape = (t: string) => t.replace(/[\\()]/g, (c) => `\\${c}`);
  const kids = pages.map((cells) => {
    const stream = cells.map((c) => `${c.artifact ? '/Artifact BMC ' : ''}BT /${c.font ?? 'F1'} ${c.size ?? 10} Tf ${c.x} ${c.y} Td (${escape(c.text)}) Tj ET${c.artifact ? ' EMC' : ''}`).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    return add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fonts[0]} 0 R /F2 ${fonts[1]} 0 R /F3 ${fonts[2]} 0 R >> >> /Contents ${content} 0 R >>`);
  });
  const all = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, ...objects];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  all.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
