import { describe, expect, it } from '@jest/globals';
import { catalogueKindByName } from './catalogue-kind.match.js';

const kinds = [
  { key: 'theme_group', nameDa: 'Temagruppe', nameEn: 'Theme group' },
  { key: 'cluster_theme_group', nameDa: 'Klynge-temagruppe', nameEn: 'Cluster theme group' },
  { key: 'praksisplanudvalg', nameDa: 'Praksisplanudvalg', nameEn: 'Practice planning committee' },
  { key: 'naersundhedsplan_group', nameDa: 'Arbejdsgruppe for nærsundhedsplan', nameEn: 'Local health plan working group' },
];

describe('catalogueKindByName', () => {
  it('finds a kind added to the catalogue by its Danish name, with a definite ending', () => {
    expect(catalogueKindByName('Praksisplanudvalget for Region Midtjylland', kinds)).toBe('praksisplanudvalg');
    expect(catalogueKindByName('Arbejdsgruppen for nærsundhedsplanen i Vestklyngen', kinds)).toBe('naersundhedsplan_group');
  });
  it('finds a kind by its English name', () => {
    expect(catalogueKindByName('Practice planning committee, North', kinds)).toBe('praksisplanudvalg');
  });
  it('prefers the longest matching name', () => {
    expect(catalogueKindByName('Klynge-temagruppen for ældre', kinds)).toBe('cluster_theme_group');
    expect(catalogueKindByName('Temagruppen for ældre', kinds)).toBe('theme_group');
  });
  it('guesses nothing: a word that only begins like a kind, or no name, gives no kind', () => {
    expect(catalogueKindByName('Praksisplanudvalgsformandens møde', kinds)).toBeUndefined();
    expect(catalogueKindByName('Styregruppen for sundhed', kinds)).toBeUndefined();
    expect(catalogueKindByName(undefined, kinds)).toBeUndefined();
    expect(catalogueKindByName('', kinds)).toBeUndefined();
  });
});
