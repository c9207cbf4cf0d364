import { describe, expect, it } from '@jest/globals';
import { carryOverUnstated } from './terms.carry-over.js';

describe('carryOverUnstated', () => {
  const previous = {
    chair: { shared: true, sides: ['hospital'], rotationOrder: ['a', 'b'], termYears: 2 },
    meetings: { perYearMin: 4, perYearMax: 4, adHoc: false, preferredWeekdays: [2], preferredStart: '13:00' },
    deadlines: { closedDayPolicy: {} },
    annualWheel: [{ agreement: 'Demens', meetingIndex: 1 }],
  };

  it('keeps settings a document never states, only into rules the new version has', () => {
    const next = { meetings: { perYearMin: 2, perYearMax: 2, adHoc: false, preferredWeekdays: [] }, deadlines: { closedDayPolicy: {} } };
    const { terms, carried } = carryOverUnstated(previous, next);
    expect(terms.meetings).toEqual({ perYearMin: 2, perYearMax: 2, adHoc: false, preferredWeekdays: [2], preferredStart: '13:00' });
    expect(terms).not.toHaveProperty('chair'); // the document gave no chair rule: nothing to carry into
    expect(terms).toHaveProperty('annualWheel', previous.annualWheel);
    expect(carried).toEqual(['meetings.preferredWeekdays', 'meetings.preferredStart', 'annualWheel']);
    expect(next.meetings.preferredWeekdays).toEqual([]); // input untouched
  });

  it('never overrides what the new version states, and does nothing without a previous version', () => {
    const next = { chair: { shared: false, sides: [], rotationOrder: ['c'] } };
    expect(carryOverUnstated(previous, next).terms.chair.rotationOrder).toEqual(['c']);
    expect(carryOverUnstated(undefined, next)).toEqual({ terms: next, carried: [] });
  });
});
