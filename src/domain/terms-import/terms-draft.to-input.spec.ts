import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TermsOfReferenceInput } from '../registry/registry.model.js';
import { matchForumName, type ForumRef } from './forum-name.match.js';
import { draftToTermsInput } from './terms-draft.to-input.js';
import { extractTermsDrafts } from './terms-import.extract.js';

const seeds = resolve(process.cwd(), '../shared/seeds');
const snippets = join(process.cwd(), 'test/fixtures/terms-import/snippets');
const texts = [
  ...readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seeds, f), 'utf8')),
  ...readdirSync(snippets).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(snippets, f), 'utf8')),
];
const existing: ForumRef[] = [
  { id: 'ksg-vest', name: 'Klyngestyregruppe Vestklyngen' },
  { id: 'ksg-syd', name: 'Klyngestyregruppen Syd' },
  { id: 'df-psyk', name: 'Driftsforum for psykiatri' },
];
const forumIdFor = (name: string) => {
  const m = matchForumName(name, existing);
  return 'match' in m ? m.match.id : undefined;
};

describe('draftToTermsInput', () => {
  it('gives input the registry schema accepts for every draft of the seeds and snippets', () => {
    let drafts = 0;
    for (const text of texts) {
      for (const d of extractTermsDrafts(text).drafts) {
        drafts++;
        const { input } = draftToTermsInput(d, { validFrom: '2024-01-01', forumIdFor });
        const parsed = TermsOfReferenceInput.safeParse(input);
        expect(parsed.error?.issues ?? []).toEqual([]);
      }
    }
    expect(drafts).toBeGreaterThanOrEqual(15);
  });

  it('resolves named forums to ids and reports the rest', () => {
    const text = readFileSync(join(snippets, 'a-driftsforum-syd.txt'), 'utf8');
    const { input, unresolved } = draftToTermsInput(extractTermsDrafts(text).drafts[0]!, { validFrom: '2024-04-01', forumIdFor });
    expect(input.approvedByForumId).toBe('ksg-syd');
    expect(input.jointMeeting).toEqual({ withForumId: 'df-psyk', order: 'after' });
    expect(input.evaluation).toEqual({ afterMonths: 12, reportToForumId: 'ksg-syd' });
    expect(input.deadlines).toEqual({
      agendaLead: { amount: 2, unit: 'weeks' },
      itemsCutoff: { amount: 3, unit: 'weeks' },
      minutesDue: { amount: 5, unit: 'working_days' },
      commentWindow: { amount: 7, unit: 'calendar_days' },
      tacitApproval: true,
    });
    expect(unresolved).toEqual([]);

    const noneKnown = draftToTermsInput(extractTermsDrafts(text).drafts[0]!, { validFrom: '2024-04-01' });
    expect(noneKnown.input.jointMeeting).toBeUndefined();
    expect(noneKnown.unresolved.map((u) => u.field)).toEqual(['approvedByName', 'jointMeeting', 'evaluation', 'annualStatus']);
  });

  it('leaves unstated rules out, and says so when the schema forces a value', () => {
    const seed000 = readFileSync(join(seeds, '000_ad397ce2c6ce39fe.txt'), 'utf8');
    const [ksg, tema] = extractTermsDrafts(seed000).drafts;
    const a = draftToTermsInput(ksg!, { validFrom: '2016-01-01' });
    expect(a.input.deadlines).toBeUndefined();
    expect(a.input.chair).toMatchObject({ shared: true, termYears: 2, rotatingSide: 'municipality' });
    expect(a.assumptions).toEqual([]);
    const b = draftToTermsInput(tema!, { validFrom: '2016-01-01' });
    expect(b.input.chair).toMatchObject({ shared: false, rotatesAmongAllParties: true, termYears: 2 });
    expect(b.assumptions.map((x) => x.field)).toEqual(['chair.shared']);
  });
});
