/**
 * A small seeded pseudo-random generator (mulberry32) for reproducible test data, fault
 * injection and noise: the Graph emulator's faults, the bench's synthetic year and the
 * import evaluation's extraction noise. Reproducibility matters here, not quality; never use
 * it for anything secret. Pure: no I/O, no imports.
 */
export type Rng = () => number;

/** mulberry32 from a 32-bit seed: numbers in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** mulberry32 seeded with the FNV-1a hash of a string. */
export function seededRng(seed: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mulberry32(h);
}
