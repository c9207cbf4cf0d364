import { describe, expect, it } from '@jest/globals';
import { fromGraphDateTime, toGraphDateTime, windowsZoneFor } from './time-zone.mapping.js';

describe('time zones for Graph', () => {
  it('maps Europe/Copenhagen to the Windows name Graph expects', () => {
    expect(windowsZoneFor('Europe/Copenhagen')).toBe('Romance Standard Time');
    expect(() => windowsZoneFor('Mars/Olympus')).toThrow();
  });

  it('writes local wall time in winter and summer (DST from 28 March 2027)', () => {
    expect(toGraphDateTime('2027-03-02T12:00:00Z', 'Europe/Copenhagen')).toEqual({ dateTime: '2027-03-02T13:00:00', timeZone: 'Romance Standard Time' });
    expect(toGraphDateTime('2027-04-06T08:00:00Z', 'Europe/Copenhagen')).toEqual({ dateTime: '2027-04-06T10:00:00', timeZone: 'Romance Standard Time' });
  });

  it('reads Graph times back as UTC instants', () => {
    expect(fromGraphDateTime({ dateTime: '2027-04-06T08:00:00.0000000', timeZone: 'UTC' })).toBe('2027-04-06T08:00:00.000Z');
    expect(fromGraphDateTime({ dateTime: '2027-04-06T10:00:00', timeZone: 'Romance Standard Time' })).toBe('2027-04-06T08:00:00.000Z');
  });
});
