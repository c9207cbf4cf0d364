import { describe, expect, it } from '@jest/globals';
import { currentRegion, findRegion, mergeClosedDays, mergeProblem, namesOf, type Region, RegionMergeInput, RegionRenameInput, regionSlug, resolveRegion, takenBy } from './region.model.js';

const region = (id: string, name: string, over: Partial<Region> = {}): Region => ({ id, slug: regionSlug(name), name, createdAt: '2026-01-01T00:00:00.000Z', formerNames: [], ...over });

describe('regionSlug', () => {
  it.each([
    ['Region Midtjylland', 'midtjylland'],
    ['Region Sjælland', 'sjaelland'],
    ['Region Østdanmark', 'oestdanmark'],
    ['Region Hovedstaden', 'hovedstaden'],
    ['  region  Nord- og Vestjylland ', 'nord-og-vestjylland'],
    ['Région Île', 'region-ile'],
    ['Åbenrå', 'aabenraa'],
    ['!!!', ''],
  ])('%s -> %s', (name, slug) => expect(regionSlug(name)).toBe(slug));

  it('stays within 60 characters and never ends with a hyphen', () => {
    const s = regionSlug(`Region ${'ab '.repeat(40)}`);
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s).not.toMatch(/-$/);
  });
});

describe('finding a region today', () => {
  const east = region('r-east', 'Region Østdanmark');
  const capital = region('r-cap', 'Region Hovedstaden', { mergedInto: 'r-east', mergedAt: '2027-01-01T00:00:00.000Z' });
  const zealand = region('r-zea', 'Region Sjælland', { mergedInto: 'r-east' });
  const midt = region('r-midt', 'Region Midt', { slug: 'midt', formerNames: [{ slug: 'midtjylland', name: 'Region Midtjylland', until: '2026-06-01T00:00:00.000Z' }] });
  const all = [east, capital, zealand, midt];

  it('by id, slug, name (any case) and former slug or name', () => {
    expect(findRegion(all, 'r-cap')?.id).toBe('r-cap');
    expect(findRegion(all, 'sjaelland')?.id).toBe('r-zea');
    expect(findRegion(all, 'region SJÆLLAND')?.id).toBe('r-zea');
    expect(findRegion(all, 'midtjylland')?.id).toBe('r-midt');
    expect(findRegion(all, 'Region Midtjylland')?.id).toBe('r-midt');
    expect(findRegion(all, 'atlantis')).toBeUndefined();
  });

  it('follows merges to the region it is now, and says whether the address is its own', () => {
    expect(resolveRegion(all, 'hovedstaden')).toEqual({ region: east, current: false });
    expect(resolveRegion(all, 'oestdanmark')).toEqual({ region: east, current: true });
    expect(resolveRegion(all, 'Region Østdanmark')).toEqual({ region: east, current: false });
    expect(resolveRegion(all, 'midtjylland')).toEqual({ region: midt, current: false });
    expect(resolveRegion(all, 'midt')).toEqual({ region: midt, current: true });
  });

  it('follows a chain of merges, and stops on a cycle instead of looping', () => {
    const a = region('a', 'Region A', { mergedInto: 'b' });
    const b = region('b', 'Region B', { mergedInto: 'c' });
    const c = region('c', 'Region C');
    expect(currentRegion([a, b, c], a).id).toBe('c');
    const x = region('x', 'Region X', { mergedInto: 'y' });
    const y = region('y', 'Region Y', { mergedInto: 'x' });
    expect(['x', 'y']).toContain(currentRegion([x, y], x).id);
  });

  it('knows every name a region has been called, merged regions included', () => {
    expect(namesOf(all, east).sort()).toEqual(['Region Hovedstaden', 'Region Sjælland', 'Region Østdanmark']);
    expect(namesOf(all, midt)).toEqual(['Region Midt', 'Region Midtjylland']);
  });

  it('finds a name or address in use, current or former, never the region\'s own', () => {
    expect(takenBy(all, { name: 'region hovedstaden' })).toMatchObject({ field: 'name', region: { id: 'r-cap' } });
    expect(takenBy(all, { slug: 'midtjylland' })).toMatchObject({ field: 'slug', region: { id: 'r-midt' } });
    expect(takenBy(all, { slug: 'midtjylland', name: 'Region Midtjylland' }, 'r-midt')).toBeUndefined();
    expect(takenBy(all, { slug: 'nord', name: 'Region Nord' })).toBeUndefined();
  });
});

describe('merge checks', () => {
  const east = region('r-east', 'Region Østdanmark');
  const capital = region('r-cap', 'Region Hovedstaden');
  const zealand = region('r-zea', 'Region Sjælland');
  const old = region('r-old', 'Region Gammel', { mergedInto: 'r-east' });

  it('accepts distinct, unmerged sources into another unmerged region', () => {
    expect(mergeProblem([{ ref: 'a', region: capital }, { ref: 'b', region: zealand }], east, 'oestdanmark')).toBeUndefined();
    expect(mergeProblem([{ ref: 'a', region: capital }, { ref: 'b', region: zealand }], undefined)).toBeUndefined();
  });

  it.each([
    ['an unknown target', [{ ref: 'hovedstaden', region: capital }], undefined, 'atlantis', 'into', /does not exist/],
    ['a merged target', [{ ref: 'hovedstaden', region: capital }], old, 'gammel', 'into', /merged/],
    ['an unknown source', [{ ref: 'atlantis', region: undefined }], east, 'oestdanmark', 'regions.0', /does not exist/],
    ['a merged source', [{ ref: 'x', region: capital }, { ref: 'gammel', region: old }], east, 'oestdanmark', 'regions.1', /merged already/],
    ['the target as source', [{ ref: 'oestdanmark', region: east }], east, 'oestdanmark', 'regions.0', /itself/],
    ['a source twice', [{ ref: 'hovedstaden', region: capital }, { ref: 'Region Hovedstaden', region: capital }], east, 'oestdanmark', 'regions.1', /twice/],
  ])('refuses %s, naming the field in English and Danish', (_what, sources, target, ref, field, reason) => {
    const p = mergeProblem(sources, target, ref);
    expect(p?.field).toBe(field);
    expect(p?.reason).toMatch(reason);
    expect(p?.reasonDa).toMatch(/findes ikke|lagt sammen|sig selv|to gange/);
  });

  it('the request: exactly one of into and newRegion; a new region from at least two', () => {
    expect(RegionMergeInput.safeParse({ regions: ['a'], into: 'b' }).success).toBe(true);
    expect(RegionMergeInput.safeParse({ regions: ['a', 'b'], newRegion: { name: 'Region Østdanmark' } }).success).toBe(true);
    expect(RegionMergeInput.safeParse({ regions: ['a'] }).success).toBe(false);
    expect(RegionMergeInput.safeParse({ regions: ['a', 'b'], into: 'c', newRegion: { name: 'X' } }).success).toBe(false);
    expect(RegionMergeInput.safeParse({ regions: ['a'], newRegion: { name: 'X' } }).success).toBe(false);
    expect(RegionRenameInput.safeParse({}).success).toBe(false);
    expect(RegionRenameInput.safeParse({ nameEn: null }).success).toBe(true);
  });
});

describe('closed days of a merged region', () => {
  const d = (date: string, label: string) => ({ date, label });
  it('is the union; a date both have keeps the target\'s label, then the first source\'s', () => {
    const { add, duplicates } = mergeClosedDays([d('2027-12-28', 'Juleugen')], [
      [d('2027-12-28', 'Mellem jul og nytår'), d('2027-04-30', 'Hovedstadens lukkedag')],
      [d('2027-04-30', 'Sjællands lukkedag'), d('2027-06-04', 'Sjællands lukkedag')],
    ]);
    expect(add).toEqual([d('2027-04-30', 'Hovedstadens lukkedag'), d('2027-06-04', 'Sjællands lukkedag')]);
    expect(duplicates).toEqual([d('2027-12-28', 'Mellem jul og nytår'), d('2027-04-30', 'Sjællands lukkedag')]);
  });
  it('adds nothing when the sources have none', () => {
    expect(mergeClosedDays([d('2027-01-01', 'x')], [[], []])).toEqual({ add: [], duplicates: [] });
  });
});
