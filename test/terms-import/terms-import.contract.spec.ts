// The preview's response schema (src/contracts/terms-import.contract.ts) holds what the importer
// reads from every real document we have: the evaluation pages and the seeds, each draft's values,
// findings and rule provenance and the contradictions, checked as the test servers check a response
// (SAMRAAD_RESPONSE_CHECK=strict): a value the schema refuses, or a field it does not name, fails.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { readTermsDocumentFile } from '../../src/adapters/documents-import/terms-document.reader.js';
import { extractTermsDrafts } from '../../src/domain/terms-import/terms-import.extract.js';
import { draftValues } from '../../src/domain/terms-import/terms-draft.values.js';
import { ruleProvenance } from '../../src/domain/terms-import/terms-provenance.js';
import { ContradictionResponse, ImportDraftResponse } from '../../src/contracts/terms-import.contract.js';
import { responseProblem } from '../../src/entry/http/response-check.js';

const evalDir = path.resolve('test/fixtures/terms-import/eval/texts');
const seedDir = path.resolve('../shared/seeds');
const files = [
  ...(existsSync(evalDir) ? readdirSync(evalDir).map((f) => path.join(evalDir, f)) : []),
  ...(existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedDir, f)) : []),
];

describe('the terms-import response schema', () => {
  it('holds every draft and contradiction read from the evaluation pages and the seeds', async () => {
    const problems: string[] = [];
    let drafts = 0;
    for (const file of files) {
      const read = await readTermsDocumentFile(file);
      if (!read.ok) continue;
      const result = extractTermsDrafts(read.text);
      for (const d of result.drafts) {
        drafts++;
        const shown = { ...draftValues(d), findings: d, provenance: ruleProvenance(d), catalogueKind: null, forumMatch: { none: true } };
        const p = responseProblem(ImportDraftResponse, shown);
        if (p) problems.push(`${path.basename(file)} (${d.forumName.value}): ${p}`);
      }
      const c = responseProblem(z.array(ContradictionResponse), result.contradictions);
      if (c) problems.push(`${path.basename(file)} contradictions: ${c}`);
    }
    expect(files.length).toBeGreaterThanOrEqual(28);
    expect(drafts).toBeGreaterThanOrEqual(28);
    expect(problems).toEqual([]);
  });
});
