import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { extractTermsDrafts } from './terms-import.extract.js';
import { draftValues } from './terms-draft.values.js';
import { draftFromValues } from './terms-draft.from-values.js';
import { draftToTermsInput } from './terms-draft.to-input.js';

const seed002 = readFileSync(new URL('../../../../shared/seeds/002_2c09deccaef39801.txt', import.meta.url), 'utf8');

describe('draftFromValues', () => {
  it('round-trips draftValues: the same terms come out as from the extracted draft', () => {
    const [draft] = extractTermsDrafts(seed002).drafts;
    const opts = { validFrom: '2027-01-01', forumIdFor: (n: string) => (/klyngestyregruppe/i.test(n) ? 'vest-ksg' : undefined) };
    const direct = draftToTermsInput(draft!, opts);
    const back = draftToTermsInput(draftFromValues(draftValues(draft!)), opts);
    expect(back.input).toEqual(direct.input);
    expect(back.unresolved).toEqual(direct.unresolved);
  });

  it('takes the person\'s edits and drops emptied values instead of inventing them', () => {
    const [draft] = extractTermsDrafts(seed002).drafts;
    const v = draftValues(draft!);
    (v.terms.meetings as Record<string, unknown>).perYearMin = 2;
    (v.terms.deadlines as Record<string, unknown>).agendaLead = undefined;
    v.terms.tasks = ['Ny opgave', ''];
    const { input } = draftToTermsInput(draftFromValues(v), { validFrom: '2027-01-01' });
    expect(input.meetings).toMatchObject({ perYearMin: 2, perYearMax: 4 });
    expect(input.deadlines?.agendaLead).toBeUndefined();
    expect(input.tasks).toEqual(['Ny opgave']);
  });
});
