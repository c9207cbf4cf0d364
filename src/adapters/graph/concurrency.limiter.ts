/** A counting semaphore: at most `limit` Graph calls in flight per tenant. */

export type ConcurrencyLimiter = {
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly inFlight: number;
  readonly maxObserved: number;
};

export function createConcurrencyLimiter(limit: number): ConcurrencyLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive integer, got ${limit}`);
  let inFlight = 0;
  let maxObserved = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(fn) {
      if (inFlight >= limit) await new Promise<void>((r) => waiting.push(r));
      inFlight++;
      maxObserved = Math.max(maxObserved, inFlight);
      try {
        return await fn();
      } finally {
        inFlight--;
        waiting.shift()?.();
      }
    },
    get inFlight() {
      return inFlight;
    },
    get maxObserved() {
      return maxObserved;
    },
  };
}

const byTenant = new Map<string, ConcurrencyLimiter>();

/** One limiter per tenant in this process, shared by every adapter for that tenant. */
export function tenantLimiter(tenantId: string, limit: number): ConcurrencyLimiter {
  const key = `${tenantId}#${limit}`;
  let l = byTenant.get(key);
  if (!l) {
    l = createConcurrencyLimiter(limit);
    byTenant.set(key, l);
  }
  return l;
}
