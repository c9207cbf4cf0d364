import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, Footer, Header, HeadingLevel, InsertedTextRun, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, Textbox, TextRun } from 'docx';
import JSZip from 'jszip';
import { extractTermsDrafts } from '../../domain/terms-import/terms-import.extract.js';
import { readTermsDocument, readTermsDocumentFile } from './terms-document.reader.js';

const cell = (...paras: string[]) => new TableCell({ children: paras.map((p) => new Paragraph(p)) });
const row = (head: string, ...paras: string[]) => new TableRow({ children: [cell(head), cell(...paras)] });

async function kommissoriumDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Kommissorium for Fokusgruppe Sundhed og Beskæftigelse', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Fokusgruppen refererer til Klyngestyregruppen i Vestklyngen.'),
          new Table({
            rows: [
              row('Formål', 'Fokusgruppen skal sikre gode forløb for borgere tæt på arbejdsmarkedet.'),
              row('Medlemmer', '1-2 repræsentanter fra hver kommune', '3 repræsentanter fra hospitalet'),
              row('Formandskab', 'Delt formandsskab mellem Hospital og Kommune for 2 år ad gangen.'),
              row('Mødefrekvens', 'Fire gange om året samt ad hoc. Dagsordenen udsendes 14 dage før mødet.'),
            ],
          }),
          new Paragraph('Godkendt i Klyngestyregruppen: 3. maj 2017'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** An OLE compound file header, as Word writes a password-protected .docx. */
function oleFile(streamNames: string[]): Uint8Array {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([header, Buffer.alloc(504), ...streamNames.map((n) => Buffer.from(n, 'utf16le')), Buffer.alloc(64)]);
}

describe('readTermsDocument', () => {
  it('reads a real .docx made with the docx package, tables as heading<TAB>cell rows', async () => {
    const r = await readTermsDocument(await kommissoriumDocx(), { fileName: 'k.docx' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('docx');
    expect(r.text).toMatch(/^Formål\t<p>Fokusgruppen skal sikre/m);

    const result = extractTermsDrafts(r.text);
    expect(result.text).toMatch(/^Medlemmer\t1-2 repræsentanter fra hver kommune\n3 repræsentanter fra hospitalet$/m);
    const drafts = result.drafts;
    expect(drafts).toHaveLength(1);
    const d = drafts[0]!;
    expect(d.forumName.value).toBe('Fokusgruppe Sundhed og Beskæftigelse');
    expect(d.fields['parent.name']?.value).toBe('Klyngestyregruppen i Vestklyngen');
    expect(d.fields['chair.shared']?.value).toBe(true);
    expect(d.fields['chair.termYears']?.value).toBe(2);
    expect(d.fields['meetings.perYearMin']?.value).toBe(4);
    expect(d.fields['meetings.adHoc']?.value).toBe(true);
    expect(d.fields['deadlines.agendaLead']?.value).toEqual({ amount: 14, unit: 'calendar_days' });
    expect(d.fields.approvedOn?.value).toBe('2017-05-03');
    expect(d.lists.seats.map((s) => [s.value.party.sector, s.value.min, s.value.max])).toEqual([
      ['municipality', 1, 2],
      ['hospital', 3, 3],
    ]);
    expect(d.lists.purpose.map((p) => p.value)).toEqual(['Fokusgruppen skal sikre gode forløb for borgere tæt på arbejdsmarkedet.']);
  });

  it('refuses a ZIP that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'ikke word');
    const r = await readTermsDocument(await zip.generateAsync({ type: 'uint8array' }), { fileName: 'k.docx' });
    expect(r).toEqual({ ok: false, error: { code: 'not_word', message: expect.stringContaining('ikke et Word-dokument'), messageEn: expect.stringContaining('not a Word document') } });
  });

  it('refuses an empty file', async () => {
    const r = await readTermsDocument(new Uint8Array(0));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('empty');
  });

  it('refuses a whitespace-only text file as empty', async () => {
    const r = await readTermsDocument(Buffer.from('  \n\n \t\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('empty');
  });

  it('refuses an oversized file with its size in the message', async () => {
    const r = await readTermsDocument(Buffer.alloc(2048, 0x41), { maxBytes: 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('too_large');
      expect(r.error.message).toMatch(/højst/);
    }
  });

  it('recognises a password-protected .docx (OLE container with EncryptedPackage)', async () => {
    const r = await readTermsDocument(oleFile(['EncryptionInfo', 'EncryptedPackage']), { fileName: 'k.docx' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('password_protected');
      expect(r.error.message).toMatch(/adgangskode/);
    }
  });

  it('tells an old binary .doc apart from an encrypted .docx', async () => {
    const r = await readTermsDocument(oleFile(['WordDocument']), { fileName: 'k.doc' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('legacy_doc');
  });

  it('refuses binary data that is neither Word nor text', async () => {
    const r = await readTermsDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), { fileName: 'billede.png' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_word');
  });

  it('reads UTF-8 text and falls back to Windows-1252 for older files', async () => {
    const utf8 = await readTermsDocument(Buffer.from('Mødefrekvens\t4 gange om året', 'utf8'));
    expect(utf8.ok && utf8.text).toBe('Mødefrekvens\t4 gange om året');
    const cp1252 = await readTermsDocument(Buffer.from([0x4d, 0xf8, 0x64, 0x65, 0x72])); // "Møder" in Windows-1252
    expect(cp1252.ok && cp1252.text).toBe('Møder');
  });

  it('reads a text file Word saved as Unicode (UTF-16 with a byte order mark, little- or big-endian)', async () => {
    const text = 'Kommissorium for Styregruppen\r\nStyregruppen mødes 4 gange om året.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const r = await readTermsDocument(bytes, { fileName: 'kommissorium.txt' });
      expect(r.ok && r.format).toBe('txt');
      expect(r.ok && r.text).toBe(text);
    }
  });

  it('checks the size on disk before reading a file, and reports a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terms-import-'));
    const big = join(dir, 'stor.docx');
    writeFileSync(big, Buffer.alloc(4096));
    const r = await readTermsDocumentFile(big, { maxBytes: 1000 });
    expect(r.ok || r.error.code).toBe('too_large');
    const missing = await readTermsDocumentFile(join(dir, 'findes-ikke.docx'));
    expect(missing.ok || missing.error.code).toBe('unreadable');
  });
});

describe('web pages and PDF files', () => {
  // A page in the shape the secretariats publish (written in our own words): navigation, a cookie
  // script, the terms in <main> with headings, a members list and a key-value table, and a footer.
  const page = `<!DOCTYPE html><html lang="da"><head><title>Psykiatriforum</title><style>p{color:red}</style><script>var cookie = "Udvalget mødes 12 gange om året";</script></head>
<body><header><nav><ul><li><a href="/">Forside</a></li><li>Kontakt</li></ul></nav></header>
<main><h1>Psykiatriforum</h1>
<p>Psykiatriforum er et administrativt forum med reference til Sundhedsstyregruppen.</p>
<h2>Medlemmer</h2><ul><li>Koncerndirektør, Region Midtjylland (regional medformand)</li><li>KOSU-formand, kommunaldirektør (kommunal medformand)</li></ul>
<h2>M&oslash;der</h2><p>Psykiatriforum m&#248;des kvartalsvist.</p>
<table><tr><th>Sekretariat</th><td>Sekretariatet varetages af Region Midtjylland.</td></tr></table>
</main><footer><p>Region Midtjylland &middot; Skottenborg 26</p></footer></body></html>`;

  it('reads a saved web page from its main content, keeping headings, lists and tables, without scripts or navigation', async () => {
    const r = await readTermsDocument(Buffer.from(page, 'utf8'), { fileName: 'psykiatriforum.html' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('html');
    expect(r.text).not.toMatch(/cookie|Forside|color:red|Skottenborg/);
    expect(r.text).toMatch(/^Psykiatriforum\n\nPsykiatriforum er et administrativt forum/);
    expect(r.text).toMatch(/\n- Koncerndirektør, Region Midtjylland \(regional medformand\)\n- KOSU-formand/);
    expect(r.text).toMatch(/Møder\n\nPsykiatriforum mødes kvartalsvist\./);
    expect(r.text).toMatch(/Sekretariat\tSekretariatet varetages af Region Midtjylland\./);
    const d = extractTermsDrafts(r.text).drafts.find((x) => /Psykiatriforum/.test(x.forumName.value))!;
    expect(d.fields['meetings.perYearMin']?.value).toBe(4);
    expect(d.fields['parent.name']?.value).toBe('Sundhedsstyregruppen');
    expect(d.fields['chair.sides']?.value).toEqual(['region', 'municipality']);
  });

  it('recognises a page pasted or uploaded without a file name by its doctype', async () => {
    const r = await readTermsDocument(Buffer.from(page, 'utf8'));
    expect(r.ok && r.format).toBe('html');
  });

  it('refuses a damaged PDF, and one protected with a password, in Danish and English', async () => {
    const damaged = await readTermsDocument(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), { fileName: 'kommissorium.pdf' });
    expect(damaged.ok).toBe(false);
    if (damaged.ok) return;
    expect(damaged.error.code).toBe('unreadable');
    expect(damaged.error.message).toMatch(/PDF-filen kan ikke læses/);
    expect(damaged.error.messageEn).toMatch(/cannot be read/);
    // Made by LibreOffice from a text in our own words, exported with a password to open.
    const locked = await readTermsDocumentFile(join('test/fixtures/terms-import/hemmelig-adgangskode.pdf'));
    expect(locked.ok).toBe(false);
    if (locked.ok) return;
    expect(locked.error.code).toBe('password_protected');
    expect(locked.error.messageEn).toMatch(/password/);
  });

  it('reads a PDF exported from Word into the importer\'s text', async () => {
    const r = await readTermsDocumentFile('test/fixtures/terms-import/eval/pdf/medst-styregruppe.pdf');
    expect(r.ok && r.format).toBe('pdf');
    if (!r.ok) return;
    const d = extractTermsDrafts(r.text).drafts[0]!;
    expect(d.forumName.value).toBe('Styregruppe for ledelses- og kompetenceaftalen');
    expect(d.fields['meetings.perYearMin']?.value).toBe(4);
  });

  it('refuses a file named .pdf that is not a PDF', async () => {
    const r = await readTermsDocument(Buffer.from('hej'), { fileName: 'k.pdf' });
    expect(!r.ok && r.error.code).toBe('not_word');
  });
});

describe('Word documents as secretariats write them', () => {
  const numbering = {
    config: [
      { reference: 'paragraphs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '§ %1', alignment: AlignmentType.LEFT }] },
      { reference: 'sections', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      { reference: 'list', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT }] },
    ],
  };
  const read = async (children: (Paragraph | Table)[]) => {
    const r = await readTermsDocument(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })), { fileName: 'k.docx' });
    if (!r.ok) throw new Error(r.error.message);
    return r.text;
  };
  const p = (text: string) => new Paragraph(text);
  const bold = (text: string, reference?: string) => new Paragraph({ ...(reference ? { numbering: { reference, level: 0 } } : {}), children: [new TextRun({ text, bold: true })] });

  it("puts Word's numbers of section headings back: '§ 1' on a numbered Heading, '1.' on a numbered paragraph standing alone", async () => {
    const text = await read([
      new Paragraph({ text: 'Forretningsorden for Ældrerådet', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'Ældrerådets møder', heading: HeadingLevel.HEADING_2, numbering: { reference: 'paragraphs', level: 0 } }),
      p('Rådet holder 11 møder om året.'),
      new Paragraph({ text: 'Dagsorden og referat', heading: HeadingLevel.HEADING_2, numbering: { reference: 'paragraphs', level: 0 } }),
      p('Dagsordenen udsendes 8 dage før mødet.'),
      bold('Sammensætning', 'sections'),
      p('Rådet består af 9 medlemmer.'),
      bold('Møder', 'sections'),
      p('Dagsordenen har faste punkter:'),
      new Paragraph({ text: 'Godkendelse af dagsorden', numbering: { reference: 'list', level: 0 } }),
      new Paragraph({ text: 'Meddelelser', numbering: { reference: 'list', level: 0 } }),
      new Paragraph({ text: 'Eventuelt', numbering: { reference: 'bullets', level: 0 } }),
    ]);
    expect(text).toMatch(/^§ 1 Ældrerådets møder$/m);
    expect(text).toMatch(/^§ 2 Dagsorden og referat$/m);
    expect(text).toMatch(/^1\. Sammensætning$/m);
    expect(text).toMatch(/\n\n2\. Møder\n\n/);
    // A list of adjacent numbered items, and bullets, stay list items.
    expect(text).toMatch(/^- Godkendelse af dagsorden\n- Meddelelser\n- Eventuelt$/m);
  });

  it('keeps the lines under a lead-in together, as typed terms write them, up to a sentence of its own', async () => {
    const text = await read([
      p('Sundhedsstyregruppen'),
      p('Medlemmer:'),
      p('6 direktører fra kommunerne'),
      p('Kontorchef, Region Midtjylland, Sundhedsplanlægning'),
      p('Sekretærer fra kommuner og region.'),
      p('Styregruppen mødes 4-5 gange om året.'),
      p('Herudover vil der være:'),
      p('2 medarbejderrepræsentanter'),
      p('Områdelederen er sekretær for rådet.'),
    ]);
    expect(text).toContain('Medlemmer:\n6 direktører fra kommunerne\nKontorchef, Region Midtjylland, Sundhedsplanlægning\nSekretærer fra kommuner og region.\n\nStyregruppen mødes');
    expect(text).toContain('Herudover vil der være:\n2 medarbejderrepræsentanter\n\nOmrådelederen er sekretær');
    const d = extractTermsDrafts(text).drafts[0]!;
    expect(d.lists.seats.map((s) => s.value.party.sector)).toEqual(expect.arrayContaining(['municipality', 'region_administration']));
  });

  it('reads a table of members, a name and a count a row, as member lines without its header row', async () => {
    const row = (...cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c)] })) });
    const text = await read([
      p('Forretningsorden for Kontaktrådet'),
      p('Pårørenderepræsentanter:'),
      new Table({ rows: [row('Tilbud', 'Repræsentanter'), row('Vidåværkstedet', '1 repræsentant'), row('Kastaniebo', '1 repræsentant'), row('Bofællesskaberne i Tønder', '2 repræsentanter')] }),
    ]);
    expect(text).toContain('Vidåværkstedet – 1 repræsentant\nKastaniebo – 1 repræsentant\nBofællesskaberne i Tønder – 2 repræsentanter');
    expect(text).not.toContain('Tilbud');
    const seats = extractTermsDrafts(text).drafts[0]!.lists.seats.map((s) => [s.value.role, s.value.min]);
    expect(seats).toEqual([
      ['Vidåværkstedet', 1],
      ['Kastaniebo', 1],
      ['Bofællesskaberne i Tønder', 2],
    ]);
  });

  it('reads a key-value table as field lines, and the approval in it', async () => {
    const row = (k: string, v: string) => new TableRow({ children: [new TableCell({ children: [bold(k)] }), new TableCell({ children: [p(v)] })] });
    const text = await read([
      new Paragraph({ text: 'Forretningsorden for Handicaprådet', heading: HeadingLevel.HEADING_1 }),
      new Table({ rows: [row('Titel', 'Forretningsorden for Handicaprådet'), row('Godkendt af', 'Handicaprådet'), row('Dato', '21. april 2022')] }),
      p('Handicaprådet holder fire møder om året.'),
    ]);
    expect(text).toContain('Titel: Forretningsorden for Handicaprådet\nGodkendt af: Handicaprådet\nDato: 21. april 2022');
    const d = extractTermsDrafts(text).drafts[0]!;
    expect([d.fields.approvedByName?.value, d.fields.approvedOn?.value]).toEqual(['Handicaprådet', '2022-04-21']);
  });
});

describe('Word documents from templates: headers and footers, numbered styles, wide and merged tables, revisions', () => {
  const readBuffer = async (buffer: Buffer | Uint8Array) => {
    const r = await readTermsDocument(buffer, { fileName: 'k.docx' });
    if (!r.ok) throw new Error(r.error.message);
    return r.text;
  };
  const p = (text: string) => new Paragraph(text);
  const b = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
  type C = string | { t: string; span?: number; rows?: number; bold?: boolean };
  const table = (rows: C[][]) =>
    new Table({
      rows: rows.map(
        (r) =>
          new TableRow({
            children: r.map((c) => {
              const o = typeof c === 'string' ? { t: c } : c;
              return new TableCell({ ...(o.span ? { columnSpan: o.span } : {}), ...(o.rows ? { rowSpan: o.rows } : {}), children: [o.bold ? b(o.t) : p(o.t)] });
            }),
          }),
      ),
    });
  const doc = (children: (Paragraph | Table | Textbox)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}, section: Record<string, unknown> = {}) =>
    Packer.toBuffer(new Document({ ...extra, sections: [{ ...section, children }] }));

  it("reads a header's title and approval, and keeps page furniture in headers and footers out", async () => {
    const text = await readBuffer(
      await doc([new Paragraph({ text: 'Forretningsorden for Ældrerådet', heading: HeadingLevel.HEADING_1 }), p('Ældrerådet holder 11 ordinære møder om året.')], {}, {
        properties: { titlePage: true },
        headers: { first: new Header({ children: [p('Forretningsorden for Ældrerådet'), p('Vedtaget af Ældrerådet den 13. februar 2025')] }), default: new Header({ children: [p('Aalborg Kommune · Ældrerådet · marts 2025')] }) },
        footers: {
          default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES] })] }), p('G:\\Ældrerådet\\Forretningsorden 2025.docx'), p('Udskrevet 3. marts 2025')] }),
          first: new Footer({ children: [p('Sag nr. 2025-0042 · 12.03.2025')] }),
        },
      }),
    );
    expect(text).toMatch(/^Forretningsorden for Ældrerådet\n\nVedtaget af Ældrerådet den 13\. februar 2025\n\nÆldrerådet holder/);
    expect(text).not.toMatch(/Side|Udskrevet|\.docx|Sag nr|marts 2025|Aalborg Kommune/);
    const d = extractTermsDrafts(text).drafts[0]!;
    expect([d.fields.approvedByName?.value, d.fields.approvedOn?.value, d.fields['meetings.perYearMin']?.value]).toEqual(['Ældrerådet', '2025-02-13', 11]);

    // A body that opens with a sentence takes its title from the header (a piece naming the forum, not the programme's name).
    const untitled = await readBuffer(await doc([p('Psykiatriforum er et tværsektorielt, administrativt forum.'), p('Psykiatriforum mødes kvartalsvist.')], {}, { headers: { default: new Header({ children: [p('Psykiatriforum'), p('Sundhedsaftalen 2024-2027')] }) } }));
    expect(untitled).toMatch(/^Psykiatriforum\n\nPsykiatriforum er et/);
    expect(untitled).not.toContain('Sundhedsaftalen 2024-2027');
  });

  it('puts back numbering set on a Heading style (styles.xml), not on the paragraphs', async () => {
    const numbering = { config: [{ reference: 'paragraphs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '§ %1', alignment: AlignmentType.LEFT }] }] };
    const made = await doc(
      [
        new Paragraph({ text: 'Forretningsorden for Psykiatrirådet', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Rådets opgaver', heading: HeadingLevel.HEADING_2, numbering: { reference: 'paragraphs', level: 0 } }),
        p('Stk. 1. Psykiatrirådet er et rådgivende organ.'),
        new Paragraph({ text: 'Rådets sammensætning', heading: HeadingLevel.HEADING_2, numbering: { reference: 'paragraphs', level: 0 } }),
        p('Stk. 1. Rådet består af op til 16 medlemmer.'),
      ],
      { numbering },
    );
    // As a template writes it: the paragraphs carry only their style ('Overskrift2'), the style carries the numbering.
    const zip = await JSZip.loadAsync(made);
    const document = await zip.file('word/document.xml')!.async('string');
    const numPr = /<w:numPr>[\s\S]*?<\/w:numPr>/.exec(document)![0];
    zip.file('word/document.xml', document.split(numPr).join('').replace(/w:val="Heading(\d)"/g, 'w:val="Overskrift$1"'));
    const styles = (await zip.file('word/styles.xml')!.async('string')).replace(/w:styleId="Heading(\d)"/g, 'w:styleId="Overskrift$1"');
    zip.file('word/styles.xml', styles.replace(/(w:styleId="Overskrift2">[\s\S]*?<w:qFormat\/>)/, `$1<w:pPr>${numPr.replace(/<w:ilvl w:val="0"\/>/, '')}</w:pPr>`));
    const text = await readBuffer(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(text).toMatch(/^§ 1 Rådets opgaver$/m);
    expect(text).toMatch(/^§ 2 Rådets sammensætning$/m);
    expect(text).not.toMatch(/^- Rådets/m);
  });

  it('reads a members table of three or four columns with merged cells row by row, as member lines under their group', async () => {
    const text = await readBuffer(
      await doc([
        p('Sundhedsklynge Sønderjylland'),
        p('Medlemmer'),
        table([
          [{ t: 'Organisation', bold: true }, { t: 'Antal', bold: true }, { t: 'Navn', bold: true }, { t: 'Funktion', bold: true }],
          [{ t: 'Regionale medlemmer', rows: 2 }, { t: '2', rows: 2 }, 'Sofie Lund', ''],
          ['Bo Lind', ''],
          [{ t: 'Kommunale medlemmer', rows: 2 }, { t: '2', rows: 2 }, 'Mads Skov', 'Borgmester, Haderslev Kommune'],
          ['Jan Ribe', 'Borgmester, Aabenraa Kommune'],
        ]),
        p('Styregruppens parter:'),
        table([
          [{ t: 'Navn', bold: true }, { t: 'Funktion', bold: true }, { t: 'Organisation', bold: true }],
          ['Leif Gram', 'Formand', 'SIND i Midtjylland'],
          ['Christian Bøgh', 'Koncerndirektør', { t: 'Region Midtjylland', rows: 2 }],
          ['Tina Eg', 'Direktør Psykiatri og Social'],
        ]),
        table([
          [{ t: 'Repræsentanter fra lægerne', span: 3, bold: true }],
          ['Michael Hald', 'Praktiserende læge', 'PLO'],
        ]),
      ]),
    );
    expect(text).toContain('Regionale medlemmer:\nSofie Lund\nBo Lind\n\nKommunale medlemmer:\nMads Skov, Borgmester, Haderslev Kommune\nJan Ribe, Borgmester, Aabenraa Kommune');
    // The office and the organisation read as one ('Formand, SIND' would be the forum's chair); a merged cell on each row.
    expect(text).toContain('Styregruppens parter:\nLeif Gram, Formand i SIND i Midtjylland\nChristian Bøgh, Koncerndirektør i Region Midtjylland\nTina Eg, Direktør Psykiatri og Social i Region Midtjylland');
    expect(text).toContain('Repræsentanter fra lægerne:\nMichael Hald, Praktiserende læge, PLO');
    expect(text).not.toMatch(/Organisation|Antal|\t/);
    const d = extractTermsDrafts(text).drafts[0]!;
    expect(d.lists.seats.map((s) => [s.value.party.sector, s.value.min])).toEqual(expect.arrayContaining([['region_administration', 2], ['municipality', 2]]));
    expect(d.fields['chair.by']).toBeUndefined();
  });

  it('reads a four-column grid of labels and values as field lines, and counts in a table under a merged title row with their group', async () => {
    const text = await readBuffer(
      await doc([
        p('Tværsektoriel strategisk styregruppe'),
        table([
          [{ t: 'Formand', bold: true }, 'Koncerndirektør, Region Hovedstaden', { t: 'Sekretariat', bold: true }, 'Koncern Plan, Udvikling og Kvalitet'],
          [{ t: 'Møder', bold: true }, '4 gange årligt', { t: 'Dato', bold: true }, '1. september 2019'],
        ]),
        table([
          [{ t: 'Styregruppen består af', span: 2, bold: true }],
          ['Kommunale repræsentanter', '7-9'],
          ['Repræsentanter fra PLO-Hovedstaden', '2-3'],
          ['Vidåværkstedet', '1'],
        ]),
      ]),
    );
    expect(text).toContain('Formand: Koncerndirektør, Region Hovedstaden\nSekretariat: Koncern Plan, Udvikling og Kvalitet\nMøder: 4 gange årligt\nDato: 1. september 2019');
    expect(text).toContain('Styregruppen består af:\n7-9 kommunale repræsentanter\n2-3 repræsentanter fra PLO-Hovedstaden\nVidåværkstedet – 1');
    const d = extractTermsDrafts(text).drafts[0]!;
    expect(d.lists.seats.slice(0, 2).map((s) => [s.value.party.sector, s.value.min, s.value.max])).toEqual([
      ['municipality', 7, 9],
      ['general_practice', 2, 3],
    ]);
    expect(d.fields['meetings.perYearMin']?.value).toBe(4);
    expect(d.fields.approvedOn).toBeUndefined();
  });

  it('keeps inserted text and drops deleted text and comments, in the body and in a header; reads a title in a text box or a content control', async () => {
    const change = { author: 'Sekretariatet', date: '2025-11-03T10:00:00Z' };
    const made = await doc(
      [
        new Paragraph({ text: 'Psykiatrirådet', heading: HeadingLevel.HEADING_1 }),
        new Textbox({ style: { width: '16cm', height: '2cm' }, children: [new Paragraph({ text: 'Kommissorium for Psykiatriforum', heading: HeadingLevel.HEADING_1 })] }),
        new Paragraph({
          children: [
            new CommentRangeStart(0),
            new TextRun('Psykiatriforum mødes '),
            new DeletedTextRun({ ...change, id: 1, text: '6 gange årligt, ' }),
            new InsertedTextRun({ ...change, id: 2, text: 'kvartalsvist' }),
            new TextRun('.'),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
          ],
        }),
      ],
      { comments: { children: [{ id: 0, author: 'Sekretariatet', children: [p('Bør rådet mødes 2 gange om året? Formand: regionen.')] }] } },
      { headers: { default: new Header({ children: [new Paragraph({ children: [new DeletedTextRun({ ...change, id: 3, text: 'Vedtaget 1. maj 2019' }), new InsertedTextRun({ ...change, id: 4, text: 'Vedtaget den 3. maj 2025' })] })] }) } },
    );
    // The first heading in a content control (w:sdt), as a template's title field.
    const zip = await JSZip.loadAsync(made);
    const document = await zip.file('word/document.xml')!.async('string');
    const start = document.indexOf('<w:body>') + '<w:body>'.length;
    const end = document.indexOf('</w:p>', start) + '</w:p>'.length;
    zip.file('word/document.xml', `${document.slice(0, start)}<w:sdt><w:sdtPr><w:alias w:val="Titel"/><w:text/></w:sdtPr><w:sdtContent>${document.slice(start, end)}</w:sdtContent></w:sdt>${document.slice(end)}`);
    const text = await readBuffer(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(text).toMatch(/^Psykiatrirådet\n\nVedtaget den 3\. maj 2025\n/);
    expect(text).toContain('Kommissorium for Psykiatriforum');
    expect(text).toContain('Psykiatriforum mødes kvartalsvist.');
    expect(text).not.toMatch(/6 gange|2019|Bør rådet|Formand/);
  });

  it('reads the body of a document whose header is damaged, with a warning', async () => {
    const zip = await JSZip.loadAsync(await doc([p('Kommissorium for Fokusgruppe Demens'), p('Fokusgruppen mødes 4 gange om året.')], {}, { headers: { default: new Header({ children: [p('Vedtaget 1. maj 2025')] }) } }));
    const header = Object.keys(zip.files).find((f) => /^word\/header\d*\.xml$/.test(f))!;
    zip.file(header, '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Vedtaget');
    const r = await readTermsDocument(await zip.generateAsync({ type: 'nodebuffer' }), { fileName: 'k.docx' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('Fokusgruppen mødes 4 gange om året.');
    expect(r.text).not.toContain('Vedtaget');
    expect(r.warnings.join(' ')).toContain('headers and footers could not be read');
  });
});
