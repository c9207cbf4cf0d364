import { describe, it, expect } from '@jest/globals';
import type { ChairRule } from '../registry/registry.model.js';
import { chairTimeline, describeHolders } from './chair.rotation.js';

const rule = (extra: Partial<ChairRule>): ChairRule => ({ shared: true, sides: ['hospital', 'municipality'], rotationOrder: [], rotatesAmongAllParties: false, ...extra });
const names: Record<string, string> = { viborg: 'Viborg Kommune', silkeborg: 'Silkeborg Kommune', skive: 'Skive Kommune', hem: 'Hospitalsenhed Midt' };

describe('chairTimeline', () => {
  it('shared chair: the hospital keeps its seat, the municipal seat rotates every 2 years in the stated order', () => {
    const tl = chairTimeline({ rule: rule({ rotationOrder: ['viborg', 'silkeborg', 'skive'], firstTermStarts: '2025-01-01', evaluateAfterYears: 2 }), from: '2025-01-01', until: '2030-12-31', today: '2026-11-23' });
    expect(tl.termYears).toBe(2);
    expect(tl.terms.map((t) => [t.from, t.to, t.chairs.map((c) => c.organisationId ?? c.side)])).toEqual([
      ['2025-01-01', '2026-12-31', ['hospital', 'viborg']],
      ['2027-01-01', '2028-12-31', ['hospital', 'silkeborg']],
      ['2029-01-01', '2030-12-31', ['hospital', 'skive']],
    ]);
    expect(tl.nextHandover?.date).toBe('2027-01-01');
    expect(describeHolders(tl.nextHandover!.toTerm.chairs, (id) => names[id])).toBe('hospitalet og Silkeborg Kommune');
    expect(tl.evaluations).toEqual([expect.objectContaining({ date: '2027-01-01' })]);
  });

  it('hands nothing over when the terms state no rotation: no "from psychiatry and the municipalities to psychiatry and the municipalities" on a guessed 1 January', () => {
    const tl = chairTimeline({ rule: rule({ sides: ['psychiatry', 'municipality'] }), from: '2027-01-01', until: '2027-12-31', today: '2026-12-05' });
    expect(tl.handovers).toEqual([]);
    expect(tl.nextHandover).toBeUndefined();
    expect(tl.terms.length).toBeGreaterThan(0);
    expect(describeHolders(tl.terms[0]!.chairs)).toBe('psykiatrien og kommunerne');
  });

  it('offset half a year against the parent forum', () => {
    const parent = rule({ firstTermStarts: '2025-01-01' });
    const tl = chairTimeline({ rule: rule({ offsetMonthsFromParent: 6, rotationOrder: ['viborg', 'skive'] }), parentRule: parent, from: '2027-01-01', until: '2027-12-31', today: '2027-01-01' });
    expect(tl.anchorSource).toBe('parent_offset');
    expect(tl.anchor).toBe('2025-07-01');
    expect(tl.handovers.map((h) => h.date)).toEqual(['2027-07-01']);
    expect(tl.terms.map((t) => t.chairs[1]!.organisationId)).toEqual(['viborg', 'skive']);
  });

  it('chair and secretariat rotate among all parties (3 municipalities and the hospital)', () => {
    const tl = chairTimeline({ rule: rule({ shared: false, rotatesAmongAllParties: true, rotationOrder: ['hem', 'viborg', 'silkeborg', 'skive'], firstTermStarts: '2024-01-01' }), from: '2024-01-01', until: '2031-12-31' });
    expect(tl.terms.map((t) => t.chairs[0]!.organisationId)).toEqual(['hem', 'viborg', 'silkeborg', 'skive']);
    expect(tl.terms.map((t) => t.secretariat[0]!.organisationId)).toEqual(['hem', 'viborg', 'silkeborg', 'skive']);
  });

  it('works backwards from the anchor and flags an assumed anchor', () => {
    const tl = chairTimeline({ rule: rule({ rotationOrder: ['a', 'b', 'c'], firstTermStarts: '2027-01-01' }), from: '2023-01-01', until: '2024-12-31' });
    expect(tl.terms.map((t) => [t.from, t.chairs[1]!.organisationId])).toEqual([['2023-01-01', 'b']]); // 2 terms before 2027's 'a'
    const assumed = chairTimeline({ rule: rule({}), from: '2027-03-01', until: '2027-12-31' });
    expect(assumed.anchorSource).toBe('assumed');
    expect(assumed.notes.length).toBeGreaterThan(0);
  });
});
