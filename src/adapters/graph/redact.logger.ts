/**
 * Logger for the Graph adapter (pino-compatible `(obj, msg)` calls) that scrubs
 * secrets from every string it is given: bearer tokens, JWTs, upload-session
 * `tempauth`, client secrets and delta/skip tokens in URLs.
 */

export type GraphLogger = {
  debug?(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
};

const PATTERNS: [RegExp, string][] = [
  [/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
  [/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[jwt redacted]'],
  [/([?&](?:tempauth|access_token|client_secret|code|\$skiptoken|\$deltatoken|validationToken)=)[^&\s"]+/gi, '$1[redacted]'],
];

export function redact(text: string): string {
  return PATTERNS.reduce((s, [re, to]) => s.replace(re, to), text);
}

function scrub(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return redact(v);
  if (depth > 5 || v === null || typeof v !== 'object') return v;
  if (v instanceof Error) return { name: v.name, message: redact(v.message) };
  if (Array.isArray(v)) return v.map((x) => scrub(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = /^(authorization|token|accessToken|secret|password|clientSecret)$/i.test(k) ? '[redacted]' : scrub(x, depth + 1);
  return out;
}

export function redactingLogger(inner: GraphLogger): GraphLogger {
  const wrap = (f: ((o: Record<string, unknown>, m?: string) => void) | undefined) =>
    f ? (o: Record<string, unknown>, m?: string) => f.call(inner, scrub(o) as Record<string, unknown>, m === undefined ? undefined : redact(m)) : undefined;
  return {
    ...(inner.debug ? { debug: wrap(inner.debug)! } : {}),
    info: wrap(inner.info)!,
    warn: wrap(inner.warn)!,
    error: wrap(inner.error)!,
  };
}

export const silentLogger: GraphLogger = { info: () => {}, warn: () => {}, error: () => {} };
