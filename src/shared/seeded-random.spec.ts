import { describe, expect, it } from '@jest/globals';
import { mulberry32, seededRng } from './seeded-random.js';

describe('the seeded random generator', () => {
  it('gives the same sequence as the copies it replaced (the recorded bench and noise figures stay reproducible)', () => {
    // Taken from the three former copies (bench/synthetic.ts, emulator/graph/faults.injector.ts, scripts/extraction-noise.ts) before they were merged.
    const m = mulberry32(1);
    expect([m(), m(), m()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const s = seededRng('all:bullets:x');
    expect([s(), s(), s()]).toEqual([0.3273325173649937, 0.950785867171362, 0.6894139652140439]);
  });

  it('gives numbers in [0, 1), different for different seeds, the same for the same seed', () => {
    const a = seededRng('a');
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(9_990);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(seededRng('b')()).not.toBe(seededRng('a')());
    expect(mulberry32(7)()).toBe(mulberry32(7)());
  });
});
