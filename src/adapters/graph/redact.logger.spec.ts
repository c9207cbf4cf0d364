import { describe, expect, it } from '@jest/globals';
import { redact, redactingLogger } from './redact.logger.js';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('log redaction', () => {
  it('removes bearer tokens, JWTs and URL secrets', () => {
    const s = redact(`Authorization: Bearer ${JWT} https://x/_upload/abc?tempauth=SECRET123&x=1 ${JWT}`);
    expect(s).not.toContain(JWT);
    expect(s).not.toContain('SECRET123');
    expect(s).toContain('x=1');
  });

  it('scrubs nested log objects and secret-named keys', () => {
    const lines: unknown[] = [];
    const log = redactingLogger({ info: (o, m) => lines.push([o, m]), warn: () => {}, error: () => {} });
    log.info({ headers: { authorization: `Bearer ${JWT}` }, token: 'plain-secret', nested: { url: `https://g/v1.0/x?$deltatoken=abc` } }, `got ${JWT}`);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(JWT);
    expect(text).not.toContain('plain-secret');
    expect(text).not.toContain('deltatoken=abc');
  });
});
