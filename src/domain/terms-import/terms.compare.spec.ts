import { describe, expect, it } from '@jest/globals';
import { compareTerms } from './terms.compare.js';

describe('compareTerms', () => {
  const current = {
    id: 't1', forumId: 'f', version: 3, validFrom: '2024-01-01',
    purpose: ['Samarbejde'],
    meetings: { perYearMin: 4, perYearMax: 4, preferredWeekdays: [2] },
    deadlines: { agendaLead: { amount: 14, unit: 'calendar_days' }, minutesDue: { amount: 7, unit: 'calendar_days' } },
  };

  it('marks each field the document gives as new, changed or unchanged, and each it leaves out as absent', () => {
    const imported = {
      validFrom: '2027-01-01',
      purpose: ['Samarbejde'],
      meetings: { perYearMin: 3, perYearMax: 4 },
      deadlines: { agendaLead: { amount: 14, unit: 'calendar_days' }, itemsCutoff: { amount: 21, unit: 'calendar_days' } },
    };
    const confirmed = { ...imported, meetings: { ...imported.meetings, preferredWeekdays: [2] } };
    expect(compareTerms(current, imported, confirmed)).toEqual([
      { path: 'meetings.perYearMin', status: 'changed', current: 4, imported: 3 },
      { path: 'deadlines.itemsCutoff', status: 'new', imported: { amount: 21, unit: 'calendar_days' } },
      { path: 'deadlines.agendaLead', status: 'unchanged', current: { amount: 14, unit: 'calendar_days' }, imported: { amount: 14, unit: 'calendar_days' } },
      { path: 'meetings.perYearMax', status: 'unchanged', current: 4, imported: 4 },
      { path: 'purpose', status: 'unchanged', current: ['Samarbejde'], imported: ['Samarbejde'] },
      { path: 'deadlines.minutesDue', status: 'absent', current: { amount: 7, unit: 'calendar_days' }, keptOnConfirm: false },
      { path: 'meetings.preferredWeekdays', status: 'absent', current: [2], keptOnConfirm: true },
    ]);
  });

  it('finds every field new for a forum without terms, and ignores key order', () => {
    expect(compareTerms(undefined, { meetings: { perYearMin: 2 } })).toEqual([{ path: 'meetings.perYearMin', status: 'new', imported: 2 }]);
    const a = { deadlines: { agendaLead: { unit: 'weeks', amount: 2 } } };
    expect(compareTerms({ deadlines: { agendaLead: { amount: 2, unit: 'weeks' } } }, a)[0]!.status).toBe('unchanged');
  });
});
