/**
 * When to retry a Graph call and how long to wait: 429/503/504 and network errors
 * are retried; the wait is never shorter than the server's Retry-After, otherwise
 * an exponential backoff with full jitter, capped.
 */

export type RetryOptions = {
  /** Attempts in total, first one included (default 6). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound on a Retry-After we are willing to wait inside one call (longer: give up, let the job re-queue). */
  maxRetryAfterMs: number;
};

export const defaultRetryOptions: RetryOptions = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

export const RETRYABLE_STATUS = new Set([429, 503, 504]);

/** Retry-After as seconds or an HTTP date; undefined when absent or unparseable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1). With a Retry-After the
 * delay is Retry-After plus a small jitter (never less); without, full jitter over
 * min(cap, base * 2^(attempt-1)).
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, opts: RetryOptions, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.floor(random() * Math.min(250, opts.baseDelayMs));
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(50, Math.floor(random() * ceiling));
}

/** Network-level failures worth retrying (reset, refused, timeout); not programming errors. */
export function isTransientNetworkError(e: unknown): boolean {
  // Duck-typed on purpose: fetch errors can come from another realm (e.g. under a test VM), where instanceof fails.
  if (!e || typeof e !== 'object') return false;
  const err = e as { name?: string; message?: string; code?: string; cause?: { code?: string; name?: string } };
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return true;
  const code = err.code ?? err.cause?.code;
  if (code && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|EAI_AGAIN)$/.test(code)) return true;
  return err.name === 'TypeError' && /fetch failed|terminated|other side closed/i.test(err.message ?? '');
}
