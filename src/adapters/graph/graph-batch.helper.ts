/**
 * JSON batching: up to 20 requests per `POST /$batch`. Graph throttles per
 * sub-request (a 200 batch can hold 429s), and the client's retry handler never
 * looks inside, so this helper re-sends ONLY the sub-requests that came back
 * 429/503/504, after the longest Retry-After among them (never earlier), with
 * capped jittered backoff when there is none. Results come back in input order.
 *
 * The envelope itself goes through the normal pipeline (so a 429 on the whole batch
 * is retried there). Sub-requests are independent operations.
 *
 * Lanes (`BatchRequest.lane`, e.g. the mailbox an Outlook request addresses): Graph
 * counts a batch's sub-requests against the per-mailbox limit of 4 concurrent
 * requests, and runs sub-requests without `dependsOn` in parallel. Requests with a
 * lane are packed lane by lane (a lane's requests together, filling each envelope up to
 * 20 across lanes); inside one envelope a lane runs in at most LANE_CONCURRENCY chains
 * (`dependsOn` on the request LANE_CONCURRENCY places before it in the same lane), and
 * two envelopes that share a lane are never in flight at the same time. A 424 (failed
 * dependency: the request before it in its chain failed) is re-sent like a 429.
 */
import type { GraphHttp } from './graph.pipeline.js';
import type { GraphLogger } from './redact.logger.js';
import { defaultRetryOptions, parseRetryAfter, RETRYABLE_STATUS, retryDelayMs, type RetryOptions } from './retry.policy.js';

export const BATCH_LIMIT = 20;
/** Graph's limit of concurrent requests per mailbox (per app): the sub-requests of one lane in flight at once. */
export const LANE_CONCURRENCY = 4;

export type BatchRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. "/users/abc". */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A concurrency lane (the mailbox addressed): at most LANE_CONCURRENCY of a lane's requests run at once. */
  lane?: string;
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

  const sendChunk = async (chunk: Item[]): Promise<Map<number, { status: number; headers: Record<string, string>; body: unknown }>> => {
    const body = {
      requests: chunk.map(({ index, req, dependsOn }) => ({
        id: String(index),
        method: req.method,
        url: req.url,
        ...(dependsOn !== undefined ? { dependsOn: [String(dependsOn)] } : {}),
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
    let pending: Item[] = requests.map((req, index) => ({ index, req }));
    const laned = requests.some((r) => r.lane !== undefined);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const chunks = laned ? packByLane(pending) : plainChunks(pending);
      const answered = laned ? await sendExclusive(chunks, sendChunk) : await Promise.all(chunks.map(sendChunk));
      const retry: typeof pending = [];
      let waitMs: number | undefined;
      let anyRetryAfter = false;
      for (const [ci, chunk] of chunks.entries()) {
        for (const item of chunk) {
          const res = answered[ci]!.get(item.index) ?? { status: 500, headers: {}, body: { error: { code: 'MissingBatchResponse', message: 'no response for this id' } } };
          results[item.index] = { ...res, attempts: attempt };
          // 424: its chain's earlier request failed, so this one was not run.
          if ((RETRYABLE_STATUS.has(res.status) || (res.status === 424 && item.dependsOn !== undefined)) && attempt < opts.maxAttempts) {
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
      pending = retry.map(({ index, req }) => ({ index, req }));
    }
    return results as BatchResponse[];
  };
}

type Item = { index: number; req: BatchRequest; dependsOn?: number };

function plainChunks(pending: Item[]): Item[][] {
  const chunks: Item[][] = [];
  for (let i = 0; i < pending.length; i += BATCH_LIMIT) chunks.push(pending.slice(i, i + BATCH_LIMIT));
  return chunks;
}

/**
 * Envelopes of up to BATCH_LIMIT, a lane's requests kept together (in input order of
 * their first appearance); inside an envelope the n-th request of a lane depends on the
 * (n - LANE_CONCURRENCY)-th of the same lane, so at most LANE_CONCURRENCY run at once.
 * Requests without a lane are independent and fill the envelopes after the laned ones.
 */
export function packByLane(pending: readonly Item[]): Item[][] {
  const lanes = new Map<string, Item[]>();
  const free: Item[] = [];
  for (const it of pending) {
    if (it.req.lane === undefined) free.push(it);
    else {
      const l = lanes.get(it.req.lane);
      if (l) l.push(it);
      else lanes.set(it.req.lane, [it]);
    }
  }
  const chunks: Item[][] = [];
  let current: Item[] = [];
  let inChunk = new Map<string, number[]>();
  const push = (it: Item) => {
    if (current.length === BATCH_LIMIT) {
      chunks.push(current);
      current = [];
      inChunk = new Map();
    }
    const lane = it.req.lane;
    if (lane === undefined) {
      current.push({ index: it.index, req: it.req });
      return;
    }
    const before = inChunk.get(lane) ?? [];
    const dep = before.length >= LANE_CONCURRENCY ? before[before.length - LANE_CONCURRENCY] : undefined;
    current.push({ index: it.index, req: it.req, ...(dep !== undefined ? { dependsOn: dep } : {}) });
    before.push(it.index);
    inChunk.set(lane, before);
  };
  for (const items of lanes.values()) for (const it of items) push(it);
  for (const it of free) push(it);
  if (current.length) chunks.push(current);
  return chunks;
}

/** Sends the envelopes, never two that share a lane at the same time (the pipeline's limiter bounds the rest). */
async function sendExclusive<R>(chunks: Item[][], send: (c: Item[]) => Promise<R>): Promise<R[]> {
  const lanesOf = chunks.map((c) => new Set(c.flatMap((it) => (it.req.lane !== undefined ? [it.req.lane] : []))));
  const out: R[] = new Array(chunks.length);
  const busy = new Set<string>();
  const waiting = new Set(chunks.map((_, i) => i));
  const running = new Map<number, Promise<void>>();
  let failure: unknown;
  while (waiting.size || running.size) {
    if (failure === undefined) {
      for (const i of [...waiting]) {
        const lanes = lanesOf[i]!;
        if ([...lanes].some((l) => busy.has(l))) continue;
        for (const l of lanes) busy.add(l);
        waiting.delete(i);
        running.set(
          i,
          send(chunks[i]!).then(
            (r) => {
              out[i] = r;
            },
            (err: unknown) => {
              failure ??= err;
            },
          ).finally(() => {
            for (const l of lanes) busy.delete(l);
            running.delete(i);
          }),
        );
      }
    } else waiting.clear();
    if (running.size) await Promise.race(running.values());
  }
  if (failure !== undefined) throw failure;
  return out;
}
