// Provenance after import: a rule the document does not state never becomes the forum's rule.
// The imported terms leave it unset, and the deadline engine reports it as a default awaiting
// acceptance (the year plan and the forum page show it so).
import { describe, expect, it } from '@jest/globals';
import { extractTermsDrafts } from './terms-import.extract.js';
import { draftToTermsInput } from './terms-draft.to-input.js';
import { TermsOfReferenceInput } from '../registry/registry.model.js';
import { deadlineRuleSources } from '../deadlines/meeting.deadlines.js';
import { defaultedRulePaths, ruleProvenance } from './terms-provenance.js';
import { draftValues } from './terms-draft.values.js';

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

describe('ruleProvenance: stated, inferred or default, never a default shown as stated', () => {
  it('marks every unstated deadline rule of a document without deadlines as a default, and no stated field lacks its quote', () => {
    const text = 'Kommunalt Lægeligt Udvalg\n\nUdvalget består af 3 repræsentanter fra de praktiserende læger og 4 repræsentanter fra kommunen.\n\nUdvalget mødes fire gange om året.\n';
    const r = extractTermsDrafts(text);
    const rules = ruleProvenance(r.drafts[0]!);
    const byPath = new Map(rules.map((x) => [x.path, x]));
    for (const p of defaultedRulePaths) expect(byPath.get(p)?.provenance).toBe('default');
    expect(byPath.get('deadlines.agendaLead')).toMatchObject({ value: { amount: 14, unit: 'calendar_days' }, meaning: { da: '14 kalenderdage før mødet' } });
    expect(byPath.get('deadlines.itemsCutoff')).toMatchObject({ value: { amount: 21, unit: 'calendar_days' } });
    expect(byPath.get('deadlines.tacitApproval')).toMatchObject({ value: true });
    expect(byPath.get('meetings.perYearMin')).toMatchObject({ provenance: 'stated', value: 4 });
    for (const x of rules) {
      if (x.provenance === 'default') continue;
      expect(x.span.quote).toBe(r.text.slice(x.span.start, x.span.end));
      expect(x.span.end).toBeGreaterThan(x.span.start);
    }
    // The draft's values hold only what the document states: no default leaks into them.
    expect(draftValues(r.drafts[0]!).terms.deadlines).toBeUndefined();
  });

  it('a stated rule is stated, with its quote; the items cut-off default follows the stated agenda lead', () => {
    const r = extractTermsDrafts('Kommuneudvalget\n\nMødefrekvens\n\nUdvalget mødes 2-3 gange årligt. Dagsorden udsendes senest 1 uge før mødets afholdelse.\n');
    const rules = ruleProvenance(r.drafts[0]!);
    const agenda = rules.find((x) => x.path === 'deadlines.agendaLead')!;
    expect(agenda.provenance).toBe('stated');
    expect(agenda.provenance === 'stated' && agenda.span.quote).toMatch(/1 uge før/);
    expect(rules.find((x) => x.path === 'deadlines.itemsCutoff')).toMatchObject({ provenance: 'default', value: { amount: 2, unit: 'weeks' } });
    expect(rules.filter((x) => x.provenance === 'default').map((x) => x.path).sort()).toEqual(['deadlines.commentWindow', 'deadlines.itemsCutoff', 'deadlines.minutesDue', 'deadlines.tacitApproval']);
  });
});

describe('ruleProvenance with the forum kind\'s defaults (the catalogue)', () => {
  const kind = {
    key: 'sundhedsraad',
    nameDa: 'Sundhedsråd',
    nameEn: 'Health council',
    defaults: { meetings: { perYearMin: 6, perYearMax: 8, adHoc: false }, deadlines: { agendaLead: { amount: 7, unit: 'working_days' as const }, tacitApproval: false, closedDayPolicy: {} } },
  };

  it('shows the kind\'s default where the kind sets one, the product\'s elsewhere, and never the kind\'s over a stated rule', () => {
    const r = extractTermsDrafts('Sundhedsrådet\n\nReferat udsendes senest 10 dage efter mødet.\n');
    const rules = new Map(ruleProvenance(r.drafts[0]!, kind).map((x) => [x.path, x]));
    expect(rules.get('deadlines.agendaLead')).toMatchObject({ provenance: 'default', source: 'kind', value: { amount: 7, unit: 'working_days' }, meaning: { da: '7 arbejdsdage (standard for sundhedsråd)' } });
    expect(rules.get('deadlines.tacitApproval')).toMatchObject({ provenance: 'default', source: 'kind', value: false });
    expect(rules.get('deadlines.itemsCutoff')).toMatchObject({ provenance: 'default', source: 'product', value: { amount: 12, unit: 'working_days' } });
    expect(rules.get('deadlines.commentWindow')).toMatchObject({ provenance: 'default', source: 'product' });
    expect(rules.get('meetings.perYearMin')).toMatchObject({ provenance: 'default', source: 'kind', value: 6 });
    expect(rules.get('meetings.perYearMax')).toMatchObject({ provenance: 'default', source: 'kind', value: 8 });
    expect(rules.get('deadlines.minutesDue')).toMatchObject({ provenance: 'stated', value: { amount: 10, unit: 'calendar_days' } });
  });
});
