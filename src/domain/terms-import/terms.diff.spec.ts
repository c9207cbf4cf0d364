import { describe, expect, it } from '@jest/globals';
import { diffTerms } from './terms.diff.js';

describe('diffTerms', () => {
  it('reports nothing for equal terms, whatever the key order and bookkeeping', () => {
    const a = { id: 'tor_1', version: 1, forumId: 'f', deadlines: { agendaLead: { amount: 14, unit: 'calendar_days' } }, tasks: ['a'] };
    const b = { tasks: ['a'], deadlines: { agendaLead: { unit: 'calendar_days', amount: 14 } }, version: 2, id: 'tor_2' };
    expect(diffTerms(a, b)).toEqual([]);
  });

  it('names changed leaves by path, and added and removed fields', () => {
    const before = { meetings: { perYearMin: 4, perYearMax: 4, adHoc: false }, decisionMinutes: true, evaluation: { afterMonths: 12 } };
    const after = { meetings: { perYearMin: 2, perYearMax: 4, adHoc: false }, decisionMinutes: true, themeDays: { perYear: 2 } };
    expect(diffTerms(before, after)).toEqual([
      { path: 'evaluation', kind: 'removed', before: { afterMonths: 12 } },
      { path: 'meetings.perYearMin', kind: 'changed', before: 4, after: 2 },
      { path: 'themeDays', kind: 'added', after: { perYear: 2 } },
    ]);
  });

  it('lists the items added to and removed from a list of texts', () => {
    expect(diffTerms({ tasks: ['a', 'b'] }, { tasks: ['b', 'c'] })).toEqual([{ path: 'tasks', kind: 'list', added: ['c'], removed: ['a'] }]);
  });

  it('treats empty lists and absent values alike, and compares lists of objects whole', () => {
    expect(diffTerms({ subGroupsAllowed: [] }, {})).toEqual([]);
    const seat = { party: { kind: 'sector', sector: 'hospital' }, min: 1, max: null };
    expect(diffTerms({ seats: [seat] }, { seats: [{ ...seat, min: 2 }] })).toEqual([{ path: 'seats', kind: 'changed', before: [seat], after: [{ ...seat, min: 2 }] }]);
  });

  it('diffs against nothing when the forum has no terms yet', () => {
    expect(diffTerms(undefined, { validFrom: '2027-01-01' })).toEqual([{ path: 'validFrom', kind: 'added', after: '2027-01-01' }]);
  });
});
