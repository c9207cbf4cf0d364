/**
 * Text PostgreSQL cannot store is refused at the door: a NUL character (U+0000)
 * or an unpaired UTF-16 surrogate anywhere in a request's JSON body, query or
 * path parameters gets a 400 problem naming the field, before validation and
 * before any use case runs. Without this, such text reached the database and
 * came back as a 500 ("invalid byte sequence"), or was silently mangled.
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = { field: string; reason: string };

function problemOf(s: string): string | undefined {
  if (NUL.test(s)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return undefined;
}

/** The first string (object keys included) in `value` that cannot be stored, with its dotted path. */
export function findBadText(value: unknown, base: string, depth = 0): TextProblem | undefined {
  if (typeof value === 'string') {
    const reason = problemOf(value);
    return reason ? { field: base, reason } : undefined;
  }
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const keyReason = problemOf(k);
    const field = base ? `${base}.${k}` : k;
    if (keyReason) return { field: base ? `${base}.${JSON.stringify(k)}` : JSON.stringify(k), reason: `key ${keyReason}` };
    const found = findBadText(v, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function installTextGuard(app: FastifyInstance) {
  // Callback style: it runs on every request and needs no await (an async hook costs a promise and a turn).
  app.addHook('preValidation', (request, reply, done) => {
    const found =
      findBadText(request.params, '') ??
      findBadText(request.query, '') ??
      (typeof request.body === 'string' ? findBadText(request.body, 'body') : findBadText(request.body, ''));
    if (!found) return done();
    const field = found.field || 'body';
    sendProblem(reply, {
      status: 400,
      detail: `${field}: ${found.reason}`,
      detailDa: `${field}: teksten indeholder tegn, der ikke kan gemmes (NUL-tegn eller ugyldig Unicode)`,
      instance: request.url.split('?')[0],
      errors: [{ field, reason: found.reason }],
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * JSON bodies must be valid UTF-8 (RFC 8259): bytes that are not are refused with
 * 400 instead of being decoded to U+FFFD and stored as if the sender had meant it.
 * Parsing itself stays Fastify's (secure-json-parse: __proto__ and constructor refused).
 */
export function installStrictJson(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      const reason = 'must be valid UTF-8 (it holds bytes that are not)';
      const err = Object.assign(new Error(`body: ${reason}`), { statusCode: 400, code: 'SAMRAAD_INVALID_UTF8', detailDa: 'body: teksten er ikke gyldig UTF-8' });
      done(err, undefined);
      return;
    }
    // The default parser answers through `done` (it returns nothing to wait for).
    void parse(request, text, done);
  });
}
