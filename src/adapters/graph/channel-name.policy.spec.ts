import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CHANNEL_NAME_MAX, sanitizeChannelName, shortenChannelName } from './channel-name.policy.js';

const FORBIDDEN = /[~#%&*{}+/\\:<>?|'"]|\.\./;

describe('channel names', () => {
  it('keeps a name that fits', () => {
    expect(shortenChannelName('Klynge-temagruppe for børn, unge og familien')).toBe('Klynge-temagruppe for børn, unge og familien');
  });

  it('abbreviates longer names by word and keeps the distinctive end', () => {
    const s = shortenChannelName('Den administrative styregruppe for sundhedsaftalen i Region Hovedstaden');
    expect(s.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
    expect(s).toMatch(/^Den adm\. styregr\..*Hovedstaden$/);
    expect(shortenChannelName('Arbejdsgruppe 3 om sammenhængende forløb for borgere med kronisk sygdom')).toMatch(/^Arb\.gr\. 3 .*kronisk sygdom$/);
  });

  it('replaces characters Teams refuses', () => {
    expect(sanitizeChannelName('Psykiatri & misbrug / dobbeltdiagnoser: "status"')).toBe('Psykiatri og misbrug - dobbeltdiagnoser - status');
  });

  it('always gives a valid name of at most 50 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-zÆØÅæøå&/:,.()-]{1,25}$/), { minLength: 1, maxLength: 14 }), (words) => {
        const s = shortenChannelName(words.join(' '));
        if (s === '') return true; // only punctuation in: nothing usable out (the caller then falls back to the forum key)
        expect(s.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
        expect(FORBIDDEN.test(s)).toBe(false);
        expect(/^[_.]|\.$/.test(s)).toBe(false);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
