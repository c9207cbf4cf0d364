import { describe, expect, it } from '@jest/globals';
import { defaultRetryOptions, isTransientNetworkError, parseRetryAfter, retryDelayMs } from './retry.policy.js';

describe('retry policy', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('1', 0)).toBe(1000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:30 GMT'))).toBe(30_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it('never waits less than Retry-After', () => {
    for (const r of [0, 0.5, 0.999]) expect(retryDelayMs(1, 1000, defaultRetryOptions, () => r)).toBeGreaterThanOrEqual(1000);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const max = () => 0.9999;
    expect(retryDelayMs(1, undefined, defaultRetryOptions, max)).toBeLessThan(500);
    expect(retryDelayMs(3, undefined, defaultRetryOptions, max)).toBeLessThan(2000);
    expect(retryDelayMs(30, undefined, defaultRetryOptions, max)).toBeLessThanOrEqual(defaultRetryOptions.maxDelayMs);
    expect(retryDelayMs(3, undefined, defaultRetryOptions, () => 0)).toBe(50);
  });

  it('treats resets and timeouts as transient, programming errors not', () => {
    expect(isTransientNetworkError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true);
    expect(isTransientNetworkError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientNetworkError(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isTransientNetworkError(new TypeError('Cannot read properties of undefined'))).toBe(false);
  });
});
