/**
 * Regions as the tab's addresses name them: the domain's own resolution (src/domain/registry/region.model.ts, the one the
 * server's region routes and public pages use), over the regions GET /api/regions answered.
 */
import { resolveRegion as resolveRegionToday, type RegionRef } from '../domain/registry/region.model.js';

/** The region an address names: by its name (the nav's links), its slug, its id or a former slug or name (a renamed region's old links); a merged region leads to the one it merged into. */
export function resolveRegion<R extends RegionRef>(regions: readonly R[], key: string): R | undefined {
  return resolveRegionToday(regions, key)?.region;
}
