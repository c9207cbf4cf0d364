/** The security headers computed once (security-headers.ts) are helmet's, exactly, on every response. */
import { describe, expect, it } from '@jest/globals';
import http from 'node:http';
import helmet from 'helmet';
import { HELMET_OPTIONS } from './hardening.js';
import { applySecurityHeaders, securityHeaderSet } from './security-headers.js';

/** The headers a tiny node server answers with when `handle` prepares the response (Date and connection headers left out). */
async function headersOf(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Record<string, string | string[] | undefined>> {
  const server = http.createServer((req, res) => {
    res.setHeader('x-powered-by', 'something');
    handle(req, res);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`http://127.0.0.1:${port}/`, resolve).on('error', reject));
    res.resume();
    const { date: _d, connection: _c, 'keep-alive': _k, ...rest } = res.headers;
    return rest;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('security headers computed once (issue 18, P2)', () => {
  const set = securityHeaderSet(HELMET_OPTIONS);

  it('are exactly what helmet, run on each request with the same options, sends', async () => {
    const perRequest = await headersOf((req, res) => helmet(HELMET_OPTIONS)(req, res, () => undefined));
    const precomputed = await headersOf((_req, res) => applySecurityHeaders(res, set));
    expect(precomputed).toEqual(perRequest);
    expect(perRequest['x-powered-by']).toBeUndefined();
  });

  it('hold the policy of docs/security.md', () => {
    const h = Object.fromEntries(set.set.map(([k, v]) => [k.toLowerCase(), v]));
    expect(h['content-security-policy']).toContain("frame-ancestors 'self' https://teams.microsoft.com");
    expect(h['content-security-policy']).toContain("script-src 'self';");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    expect(h['cross-origin-resource-policy']).toBe('cross-origin');
    // Teams frames the tab: frame-ancestors decides, X-Frame-Options would forbid it.
    expect(h['x-frame-options']).toBeUndefined();
    expect(set.removed.map((n) => n.toLowerCase())).toContain('x-powered-by');
  });

  it('refuses a directive computed per request (it would be frozen to one value)', () => {
    expect(() => securityHeaderSet({ contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'self'", () => "'nonce-x'"] } } })).toThrow(/per request/);
  });
});
