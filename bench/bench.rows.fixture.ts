// Smoke-test helper: every row a benchmark returns must carry real numbers.
import { expect } from '@jest/globals';
import type { BenchRow } from './bench.table.js';

export function expectWellFormed(rows: BenchRow[], id: string, minRows: number): void {
  expect(rows.length).toBeGreaterThanOrEqual(minRows);
  for (const r of rows) {
    expect(r.id).toBe(id);
    expect(r.what.length).toBeGreaterThan(0);
    expect(r.target.length).toBeGreaterThan(0);
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.value).toBeGreaterThanOrEqual(0);
    expect(typeof r.meets).toBe('boolean');
    if (r.baseline !== null) {
      expect(Number.isFinite(r.baseline)).toBe(true);
      // A latency baseline can be 0 ms: autocannon measures in whole milliseconds, and a
      // bare route on a quiet machine answers in under one (the ratio is then null).
      expect(r.baseline).toBeGreaterThanOrEqual(0);
    }
    if (r.ratio !== null) expect(Number.isFinite(r.ratio)).toBe(true);
  }
}
