/**
 * Refused and unauthenticated requests are counted and sampled into the audit log,
 * not written one row each (issue 14): anyone can send refused requests, and the
 * audit table is append-only. The first refusal of a kind (same action, status,
 * caller and target) in a window is recorded; the rest of the window only counts,
 * and the next recorded row of that kind carries how many were left out
 * (`detail.suppressed`). Memory is bounded: past `maxKeys` kinds, the oldest window
 * is dropped (its count is lost, the next refusal is recorded again). A signed-in
 * person's refusals (accountable, and bounded by the per-person rate limit) are
 * written up to a burst of 20 a minute per kind; anonymous ones once a minute.
 */
export type AuditSampler = {
  /** True when this refusal should be written; `suppressed` is how many of its kind were not, since the last one written. */
  admit(key: string, now?: number, burst?: number): { record: boolean; suppressed: number };
};

export function auditSampler(opts: { windowMs?: number; maxKeys?: number } = {}): AuditSampler {
  const windowMs = opts.windowMs ?? 60_000;
  const maxKeys = opts.maxKeys ?? 5000;
  const windows = new Map<string, { until: number; seen: number; suppressed: number }>();
  return {
    /** `burst`: how many of a kind are written in one window before the rest are only counted (default 1). */
    admit(key, now = Date.now(), burst = 1) {
      const w = windows.get(key);
      if (w && now < w.until) {
        w.seen += 1;
        if (w.seen <= burst) return { record: true, suppressed: 0 };
        w.suppressed += 1;
        return { record: false, suppressed: 0 };
      }
      const suppressed = w?.suppressed ?? 0;
      windows.delete(key);
      if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
      windows.set(key, { until: now + windowMs, seen: 1, suppressed: 0 });
      return { record: true, suppressed };
    },
  };
}
