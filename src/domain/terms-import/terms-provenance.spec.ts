// Provenance after import: a rule the document does not state never becomes the forum's rule.
// The imported terms leave it unset, and the deadline engine reports it as a default awaiting
// acceptance (the year plan and the forum page show it so).
import { describe, expect, it } from '@jest/globals';
import { extractTermsDrafts } from './terms-import.extract.js';
import { draftToTermsInput } from './terms-draft.to-input.js';
import { TermsOfReferenceInput } from '../registry/registry.model.js';
import { deadlineRuleSources } from '../deadlines/meeting.deadlines.js';

const importTerms = (text: string) => {
  const draft = extractTermsDrafts(text).drafts[0]!;
  return TermsOfReferenceInput.parse(draftToTermsInput(draft, { validFrom: '2027-01-01' }).input);
};

describe('provenance of imported rules', () => {
  it('leaves every deadline of a document without deadlines as a default awaiting acceptance', () => {
    // Written in our own words, in the phrasing of municipal web pages.
    const terms = importTerms('Kommunalt Lægeligt Udvalg\n\nUdvalget består af 3 repræsentanter fra de praktiserende læger og 4 repræsentanter fra kommunen.\n\nUdvalget mødes fire gange om året.\n');
    expect(terms.deadlines?.agendaLead).toBeUndefined();
    expect(terms.deadlines?.minutesDue).toBeUndefined();
    expect(terms.deadlines?.commentWindow).toBeUndefined();
    expect(terms.deadlines?.tacitApproval).toBeUndefined();
    expect(terms.deadlines?.itemsCutoff).toBeUndefined();
    expect(deadlineRuleSources(terms.deadlines)).toEqual({
      items_cutoff: 'default',
      agenda_due: 'default',
      minutes_due: 'default',
      comment_window_closes: 'default',
      tacitApproval: 'default',
    });
  });

  it('marks only the stated rule as the forum\'s own', () => {
    const terms = importTerms('Kommuneudvalget\n\nMødefrekvens\n\nUdvalget mødes 2-3 gange årligt. Dagsorden udsendes senest 1 uge før mødets afholdelse.\n');
    expect(terms.deadlines?.agendaLead).toEqual({ amount: 1, unit: 'weeks' });
    const src = deadlineRuleSources(terms.deadlines);
    expect(src.agenda_due).toBe('terms');
    expect([src.items_cutoff, src.minutes_due, src.comment_window_closes, src.tacitApproval]).toEqual(['default', 'default', 'default', 'default']);
  });
});
