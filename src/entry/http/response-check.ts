/**
 * How a JSON response meets its zod response schema (src/contracts/*).
 *
 * The zod type provider's own serializer encodes every response through its
 * schema: a field missing from the schema silently vanishes from the JSON and a
 * mismatch becomes a 500. Here the JSON sent is always exactly what the route
 * returned (as before the schemas were precise), and the schema is checked
 * according to the mode (SAMRAAD_RESPONSE_CHECK):
 *
 *  - `off` (the default): not checked; the schemas document the API (OpenAPI)
 *    and type the handlers and the tab.
 *  - `warn`: checked; a mismatch or a field the schema does not name is logged.
 *  - `strict` (every test server, test/support/app.ts): checked, and a mismatch
 *    or a field the schema would drop fails the request with a 500 that names
 *    the route and the path of the offending field.
 */
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ResponseCheck } from '../../config/config.js';


type Log = { warn(obj: object, msg: string): void };

/** The first place where `sent` and what its schema keeps of it differ, or null when they are the same. */
export function firstDifference(sent: unknown, kept: unknown, at = '$'): string | null {
  if (sent === kept) return null;
  if (Array.isArray(sent) && Array.isArray(kept)) {
    if (sent.length !== kept.length) return `${at}: ${sent.length} elements, the schema keeps ${kept.length}`;
    for (let i = 0; i < sent.length; i++) {
      const d = firstDifference(sent[i], kept[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (sent && kept && typeof sent === 'object' && typeof kept === 'object' && !Array.isArray(sent) && !Array.isArray(kept)) {
    const s = sent as Record<string, unknown>;
    const k = kept as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (!Object.hasOwn(k, key)) return `${at}.${key}: not in the response schema (it would be dropped)`;
      const d = firstDifference(s[key], k[key], `${at}.${key}`);
      if (d) return d;
    }
    for (const key of Object.keys(k)) if (!Object.hasOwn(s, key)) return `${at}.${key}: added by the response schema`;
    return null;
  }
  return `${at}: ${JSON.stringify(sent)?.slice(0, 80)} becomes ${JSON.stringify(kept)?.slice(0, 80)}`;
}

/** What is wrong with `data` as a response of `schema`, or null. */
export function responseProblem(schema: z.ZodType, data: unknown): string | null {
  // The JSON as the client receives it (dates as strings, undefined fields gone).
  const sent: unknown = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
  let encoded: ReturnType<typeof z.safeEncode>;
  try {
    encoded = z.safeEncode(schema, sent);
  } catch (err) {
    return `the schema cannot encode: ${(err as Error).message}`;
  }
  if (!encoded.success) {
    return encoded.error.issues
      .slice(0, 3)
      .map((i) => `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`)
      .join('; ');
  }
  return firstDifference(sent, encoded.data === undefined ? undefined : JSON.parse(JSON.stringify(encoded.data)));
}

export function responseSerializerCompiler(mode: ResponseCheck, log: Log): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    const zodSchema = schema instanceof z.ZodType ? schema : undefined;
    return (data: unknown) => {
      const json = JSON.stringify(data);
      if (mode === 'off' || !zodSchema) return json;
      const problem = responseProblem(zodSchema, data);
      if (!problem) return json;
      if (mode === 'strict') {
        process.stderr.write(`response of ${method} ${url} does not match its schema: ${problem}\n`);
        throw new ResponseSerializationError(method, url, { cause: new z.ZodError([{ code: 'custom', message: problem, path: [], input: data }]) });
      }
      log.warn({ method, url, problem }, 'response does not match its schema');
      return json;
    };
  };
}
