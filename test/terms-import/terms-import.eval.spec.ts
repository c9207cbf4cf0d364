// The evaluation set of real public pages (test/fixtures/terms-import/eval): every case whose
// rendition is stored is read through the document reader and scored as `npm run eval:import`
// scores it, and so is every rendition stored as PDF (eval/pdf/<case id>.pdf), as a Word document
// (eval/docx/<case id>.docx) or as a Word document saved as PDF (eval/pdf-word/<case id>.pdf). The importer
// must recover at least 85 % of the stated facts and invent none, from the texts, the PDFs, the Word
// documents and the Word-made PDFs.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readTermsDocumentFile } from '../../src/adapters/documents-import/terms-document.reader.js';
import { extractTermsDrafts } from '../../src/domain/terms-import/terms-import.extract.js';
import { caseFiles, scoreCase, type Cases } from '../../scripts/eval-import.js';

const dir = path.resolve('test/fixtures/terms-import/eval');
const { nd, cases } = JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as Cases;

describe('terms import on the evaluation set of real pages', () => {
  it('reads at least 25 stored pages, recalls at least 85 % of the stated facts and invents none', async () => {
    const scores = [];
    for (const c of cases) {
      for (const { id, path: file } of caseFiles(c, path.join(dir, 'texts'), path.join(dir, 'pdf'), path.join(dir, 'docx'), path.join(dir, 'pdf-word'))) {
        if (!existsSync(file)) continue;
        const read = await readTermsDocumentFile(file);
        if (!read.ok) throw new Error(`${id}: ${read.error.message}`);
        scores.push({ ...scoreCase(c, extractTermsDrafts(read.text).drafts, nd), id });
      }
    }
    const pdfs = scores.filter((s) => s.id.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(4);
    expect(pdfs.reduce((a, s) => a + s.found, 0) / pdfs.reduce((a, s) => a + s.stated, 0)).toBeGreaterThanOrEqual(0.85);
    const docxs = scores.filter((s) => s.id.endsWith('.docx'));
    expect(docxs.length).toBeGreaterThanOrEqual(8);
    expect(docxs.reduce((a, s) => a + s.found, 0) / docxs.reduce((a, s) => a + s.stated, 0)).toBeGreaterThanOrEqual(0.85);
    const wordPdfs = scores.filter((s) => s.id.endsWith('.wordpdf'));
    expect(wordPdfs.length).toBeGreaterThanOrEqual(17);
    expect(wordPdfs.reduce((a, s) => a + s.found, 0) / wordPdfs.reduce((a, s) => a + s.stated, 0)).toBeGreaterThanOrEqual(0.85);
    const stated = scores.reduce((a, s) => a + s.stated, 0);
    const found = scores.reduce((a, s) => a + s.found, 0);
    expect(scores.length).toBeGreaterThanOrEqual(25);
    expect(scores.flatMap((s) => s.inventions.map((i) => `${s.id}: ${i}`))).toEqual([]);
    expect(found / stated).toBeGreaterThanOrEqual(0.85);
  });
});
