/**
 * Refused and unauthenticated requests are counted and sampled into the audit log,
 * not written one row each (issue 14): anyone can send refused requests, and the
 * audit table is append-only. The first refusal of a kind (same action, status,
 * caller and target) in a window is recorded; the rest of the window only counts,
 * and the next recorded row of that kind carries how many were left out
 * (`detail.suppressed`). Memory is bounded: past `maxKeys` kinds, the oldest window
 * is dropped (its count is lost, the next refusal is recorded again).
 */
export type AuditSampler = {
  /** True when this refusal should be written; `suppressed` is how many of its kind were not, since the last one written. */
  admit(key: string, now?: number): { record: boolean; suppressed: number };
};

export function auditSampler(opts: { windowMs?: number; maxKeys?: number } = {}): AuditSampler {
  const windowMs = opts.windowMs ?? 60_000;
  const maxKeys = opts.maxKeys ?? 5000;
  const windows = new Map<string, { until: number; suppressed: number }>();
  return {
    admit(key, now = Date.now()) {
      const w = windows.get(key);
      if (w && now < w.until) {
        w.suppressed += 1;
        return { record: false, suppressed: 0 };
      }
      const suppressed = w?.suppressed ?? 0;
      windows.delete(key);
      if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
      windows.set(key, { until: now + windowMs, suppressed: 0 });
      return { record: true, suppressed };
    },
  };
}
