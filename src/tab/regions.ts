/**
 * Regions as the tab's addresses name them (pure; no React, no fetch).
 */
import type { RegionResponse } from '../contracts/regions.contract.js';

/** The region an address names: by its name (the nav's links), its slug, its id or a former slug or name (a renamed region's old links); a merged region leads to the one it merged into. */
type Named = Pick<RegionResponse, 'id' | 'slug' | 'name' | 'formerNames' | 'mergedInto'>;

export function resolveRegion<R extends Named>(regions: readonly R[], key: string): R | undefined {
  const k = key.trim().toLocaleLowerCase('da');
  const hit = regions.find((r) => r.name.toLocaleLowerCase('da') === k || r.slug === k || r.id === key)
    ?? regions.find((r) => r.formerNames.some((f) => f.slug === k || f.name.toLocaleLowerCase('da') === k));
  return hit?.mergedInto ? (regions.find((r) => r.id === hit.mergedInto) ?? hit) : hit;
}
