/** The seat check says the composition matches the terms only when there were terms to check it against. */
import { describe, expect, it } from '@jest/globals';
import { compositionVerdict } from './composition.js';
import type { CompositionFindingResponse, CompositionResponse } from '../../contracts/planning.contract.js';

const finding: CompositionFindingResponse = { code: 'seat_vacant', severity: 'warning', params: {}, da: 'En plads er ledig', en: 'A seat is vacant' };

describe('the seat check verdict', () => {
  it('is "not checked" for a forum with no terms of reference (no findings, a message), never "matches"', () => {
    const noTerms: CompositionResponse = { forumId: 'f1', on: '2026-12-03', findings: [], message: 'Forummet har intet kommissorium registreret' };
    expect(compositionVerdict(noTerms)).toBe('not_checked');
  });

  it('is "matches" only for a checked forum with no findings, and "findings" when there are any', () => {
    expect(compositionVerdict({ findings: [] })).toBe('matches');
    expect(compositionVerdict({ findings: [finding] })).toBe('findings');
  });
});
