import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { joinWrapped, pagesToText, readPdfText, toLines } from './pdf-text.reader.js';

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
    // One paragraph per paragraph, as the Word reader gives them.
    expect(r.text).toMatch(/\n\nMedlemmer:\n\nKoncerndirektør, Region Midtjylland \(regional medformand\)\n\nKOSU-formand/);
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
    const lines = toLines([item('andet', 100, 700), item('Første', 50, 720), item('linje', 85, 720), item('Andet', 50, 700), item('celle', 300, 700)]);
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
  });

  it('refuses bytes that are not a PDF as unreadable', async () => {
    const r = await readPdfText(Buffer.from('%PDF-1.4 nothing more'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('unreadable');
  });
});
