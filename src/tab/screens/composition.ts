/**
 * What the seat check (GET /api/forums/:id/composition) found, for the forum's
 * composition tab. A forum with no terms of reference has nothing to be checked
 * against: the server answers no findings and a `message`, which must not read as
 * "the composition matches the terms" (a hand-copied response type without
 * `message` once made the tab say exactly that, issue 12).
 */
import type { CompositionResponse } from '../../contracts/planning.contract.js';

export type CompositionVerdict = 'not_checked' | 'matches' | 'findings';

export function compositionVerdict(r: Pick<CompositionResponse, 'findings' | 'message'>): CompositionVerdict {
  if (r.findings.length > 0) return 'findings';
  return r.message !== undefined ? 'not_checked' : 'matches';
}
