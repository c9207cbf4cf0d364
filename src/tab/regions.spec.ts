import { describe, expect, it } from '@jest/globals';
import { resolveRegion } from './regions.js';

const midt = { id: 'region_midtjylland', slug: 'midtjylland', name: 'Region Midtjylland', formerNames: [] };
const nord = { id: 'region_nord', slug: 'nord', name: 'Region Nord', formerNames: [{ slug: 'nordjylland', name: 'Region Nordjylland', until: '2026-06-01T00:00:00Z' }] };
const old = { id: 'region_gammel', slug: 'gammel', name: 'Region Gammel', formerNames: [], mergedInto: 'region_nord' };
const all = [midt, nord, old];

describe('resolveRegion: the region an address names', () => {
  it('finds a region by its name (any case), its slug or its id', () => {
    expect(resolveRegion(all, 'Region Midtjylland')).toBe(midt);
    expect(resolveRegion(all, 'region midtjylland')).toBe(midt);
    expect(resolveRegion(all, 'midtjylland')).toBe(midt);
    expect(resolveRegion(all, 'region_midtjylland')).toBe(midt);
  });
  it('finds a renamed region by its former slug or name, and a merged one leads to the region it merged into', () => {
    expect(resolveRegion(all, 'nordjylland')).toBe(nord);
    expect(resolveRegion(all, 'Region Nordjylland')).toBe(nord);
    expect(resolveRegion(all, 'gammel')).toBe(nord);
  });
  it('finds nothing for a name no region has, nor for part of a name', () => {
    expect(resolveRegion(all, 'Atlantis')).toBeUndefined();
    expect(resolveRegion(all, 'Midt')).toBeUndefined();
  });
});
