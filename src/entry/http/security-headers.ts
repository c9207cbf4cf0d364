/**
 * The browser security headers (issue 14, docs/security.md) as one precomputed set (issue 18, P2).
 *
 * @fastify/helmet builds helmet's middleware again on every request (it parses the CSP
 * directives, validates every option and dash-cases every name each time: about an eighth of
 * the CPU of a cached read). The headers do not depend on the request (no CSP nonces, no
 * per-route options), so they are computed once here, by running helmet itself with the same
 * options against a recorder, and every request gets exactly that set, written the way helmet
 * writes it (on the raw response in an onRequest hook, so answers written past Fastify's reply
 * carry them too).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

export type SecurityHeaderSet = {
  /** Headers to set, in helmet's order (names as helmet writes them). */
  set: readonly (readonly [string, string])[];
  /** Headers helmet removes (X-Powered-By). */
  removed: readonly string[];
};

/** What helmet, run with `options`, does to a response: recorded once. */
export function securityHeaderSet(options: HelmetOptions): SecurityHeaderSet {
  // A directive computed per request (a nonce) cannot be recorded once: refuse it rather than freeze one value.
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' && csp ? Object.entries(csp.directives ?? {}) : [];
  for (const [name, values] of directives) {
    if (typeof values === 'function' || (Array.isArray(values) && values.some((v) => typeof v === 'function'))) {
      throw new Error(`the CSP directive ${name} is computed per request; it cannot be part of a precomputed header set`);
    }
  }
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a value that is not one string`);
      set.push([name, value]);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let failed: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return { set, removed };
}

/** Writes the set on a raw response (what helmet's middleware does on every request). */
export function applySecurityHeaders(res: Pick<ServerResponse, 'setHeader' | 'removeHeader'>, headers: SecurityHeaderSet): void {
  for (const name of headers.removed) res.removeHeader(name);
  for (const [name, value] of headers.set) res.setHeader(name, value);
}
