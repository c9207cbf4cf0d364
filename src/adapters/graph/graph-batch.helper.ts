/**
 * JSON batching: up to 20 requests per `POST /$batch`. Graph throttles per
 * sub-request (a 200 batch can hold 429s), and the client's retry handler never
 * looks inside, so this helper re-sends ONLY the sub-requests that came back
 * 429/503/504, after the longest Retry-After among them (never earlier), with
 * capped jittered backoff when there is none. Results come back in input order.
 *
 * The envelope itself goes through the normal pipeline (so a 429 on the whole batch
 * is retried there). Sub-requests are independent (no dependsOn).
 */
import type { GraphHttp } from './graph.pipeline.js';
import type { GraphLogger } from './redact.logger.js';
import { defaultRetryOptions, parseRetryAfter, RETRYABLE_STATUS, retryDelayMs, type RetryOptions } from './retry.policy.js';

export const BATCH_LIMIT = 20;

export type BatchRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. "/users/abc". */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
};

export type BatchResponse = { status: number; headers: Record<string, string>; body: unknown; attempts: number };

type Deps = { http: GraphHttp; logger: GraphLogger; retry?: Partial<RetryOptions>; sleep?: (ms: number) => Promise<void>; random?: () => number };

function header(h: Record<string, string> | undefined, name: string): string | undefined {
  return h ? Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1] : undefined;
}

export function createBatcher(d: Deps): (requests: BatchRequest[]) => Promise<BatchResponse[]> {
  const opts = { ...defaultRetryOptions, ...d.retry };
  const sleep = d.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = d.random ?? Math.random;

  const sendChunk = async (chunk: { index: number; req: BatchRequest }[]): Promise<Map<number, { status: number; headers: Record<string, string>; body: unknown }>> => {
    const body = {
      requests: chunk.map(({ index, req }) => ({
        id: String(index),
        method: req.method,
        url: req.url,
        ...(req.body !== undefined ? { body: req.body, headers: { 'Content-Type': 'application/json', ...(req.headers ?? {}) } } : req.headers ? { headers: req.headers } : {}),
      })),
    };
    const r = await d.http.json<{ responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] }>({ method: 'POST', path: '/$batch', body });
    const out = new Map<number, { status: number; headers: Record<string, string>; body: unknown }>();
    for (const s of r.body.responses ?? []) out.set(Number(s.id), { status: s.status, headers: s.headers ?? {}, body: s.body });
    return out;
  };

  return async (requests) => {
    const results: (BatchResponse | undefined)[] = new Array(requests.length);
    let pending = requests.map((req, index) => ({ index, req }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      const chunks: (typeof pending)[] = [];
      for (let i = 0; i < pending.length; i += BATCH_LIMIT) chunks.push(pending.slice(i, i + BATCH_LIMIT));
      const answered = await Promise.all(chunks.map(sendChunk));
      const retry: typeof pending = [];
      let waitMs: number | undefined;
      let anyRetryAfter = false;
      for (const [ci, chunk] of chunks.entries()) {
        for (const item of chunk) {
          const res = answered[ci]!.get(item.index) ?? { status: 500, headers: {}, body: { error: { code: 'MissingBatchResponse', message: 'no response for this id' } } };
          results[item.index] = { ...res, attempts: attempt };
          if (RETRYABLE_STATUS.has(res.status) && attempt < opts.maxAttempts) {
            const ra = parseRetryAfter(header(res.headers, 'retry-after'), Date.now());
            if (ra !== undefined && ra > opts.maxRetryAfterMs) continue; // leave it failed; the job re-queues
            if (ra !== undefined) anyRetryAfter = true;
            waitMs = Math.max(waitMs ?? 0, ra ?? 0);
            retry.push(item);
          }
        }
      }
      if (retry.length) {
        const delay = retryDelayMs(attempt, anyRetryAfter ? waitMs : undefined, opts, random);
        d.logger.warn({ attempt, retrying: retry.length, of: requests.length, delayMs: delay }, 'graph batch: re-sending failed sub-requests');
        await sleep(delay);
      }
      pending = retry;
    }
    return results as BatchResponse[];
  };
}
