/**
 * The one HTTP pipeline to Microsoft Graph, built on @microsoft/microsoft-graph-client
 * 3.0.7 with our own middleware chain: auth -> retry -> concurrency limit -> log -> HTTP.
 *
 * Why our own chain: the client's default auth middleware sends no Authorization to
 * http:// hosts (the local emulator), and its RetryHandler has no cap on Retry-After
 * nor jitter and does not log. Retry honours Retry-After on 429/503/504, backs off
 * with capped full jitter otherwise, and also retries network errors (resets). POSTs
 * are retried too: callers make creates idempotent (transactionId, find-before-create,
 * conflictBehavior). Each attempt takes a concurrency slot only while it is on the
 * wire, so a request waiting out a Retry-After does not block others. Logs carry
 * method, redacted URL, status, attempt and duration; never headers or tokens.
 *
 * `request()` answers every HTTP status (no throw); `json()` throws M365Error on
 * non-2xx. `sleep` and `random` are injectable for tests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client, HTTPMessageHandler, ResponseType, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { M365Error, type M365ErrorKind } from '../../usecases/ports/m365.port.js';
import type { ConcurrencyLimiter } from './concurrency.limiter.js';
import { redact, type GraphLogger } from './redact.logger.js';
import { defaultRetryOptions, isTransientNetworkError, parseRetryAfter, RETRYABLE_STATUS, retryDelayMs, type RetryOptions } from './retry.policy.js';
import type { TokenProvider } from './token.providers.js';

export type GraphCall = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the version root ("/users/x/events?$top=1"), or an absolute link Graph gave us (nextLink, deltaLink). */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Not idempotent (e.g. a chat message: Graph has no key to recognise a repeat): a call
   * that may have reached Graph (the connection reset or timed out after it went out,
   * or 504/500/502) is not sent again here; the caller is told (M365Error, no status or
   * that status) and decides. Throttling (429/503) and a refused connection are still retried.
   */
  once?: boolean;
};

export type GraphResult<T = unknown> = { status: number; headers: Headers; body: T };

export type GraphHttp = {
  request<T = unknown>(call: GraphCall): Promise<GraphResult<T>>;
  /** Like request, but a non-2xx status throws M365Error. */
  json<T = unknown>(call: GraphCall): Promise<GraphResult<T>>;
  /** A plain (no Authorization) call to an opaque URL Graph gave us, e.g. an upload session, with the same retry and limit. */
  fetchOpaque(url: string, init: { method: string; headers: Record<string, string>; body?: Buffer }): Promise<Response>;
  readonly baseUrl: string;
};

export type PipelineOptions = {
  /** e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:3979/v1.0 */
  baseUrl: string;
  tokenProvider: TokenProvider;
  tenantId: string;
  limiter: ConcurrencyLimiter;
  logger: GraphLogger;
  retry?: Partial<RetryOptions>;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function setHeader(options: RequestInit, name: string, value: string): void {
  if (options.headers instanceof Headers) options.headers.set(name, value);
  else options.headers = { ...((options.headers as Record<string, string> | undefined) ?? {}), [name]: value };
}

function urlOf(request: RequestInfo): string {
  return typeof request === 'string' ? request : request.url;
}

// The client wraps any middleware error into a GraphError that drops our M365Error;
// the original is kept here per call so request() can rethrow it unchanged.
const callErrors = new AsyncLocalStorage<{ error?: unknown; once?: boolean }>();

/** The request never left: nothing can have reached Graph. */
function neverSent(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | undefined;
  const code = err?.code ?? err?.cause?.code;
  return !!code && /^(ECONNREFUSED|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT)$/.test(code);
}

class AuthMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly tokens: TokenProvider) {}
  async execute(context: Context): Promise<void> {
    try {
      const token = await this.tokens.getToken();
      context.options ??= {};
      setHeader(context.options, 'Authorization', `Bearer ${token}`);
      await this.next!.execute(context);
    } catch (e) {
      const store = callErrors.getStore();
      if (store) store.error = e;
      throw e;
    }
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

type RetryDeps = { opts: RetryOptions; logger: GraphLogger; tenantId: string; sleep: (ms: number) => Promise<void>; random: () => number; timeoutMs: number };

/** Shared by the middleware and by fetchOpaque. `send` performs one attempt. */
async function withRetry(describe: { method: string; url: string; once?: boolean }, send: (signal: AbortSignal) => Promise<Response>, d: RetryDeps): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let error: unknown;
    try {
      response = await send(AbortSignal.timeout(d.timeoutMs));
    } catch (e) {
      error = e;
    }
    // A call that must not be repeated is not retried when it may have reached Graph.
    const mayHaveLanded = describe.once === true && (response ? response.status === 504 : !neverSent(error));
    const retryable = !mayHaveLanded && (response ? RETRYABLE_STATUS.has(response.status) : isTransientNetworkError(error));
    if (!retryable || attempt >= d.opts.maxAttempts) {
      if (response) return response;
      throw error instanceof M365Error
        ? error
        : new M365Error({ kind: isTransientNetworkError(error) ? 'transient' : 'unknown', message: `${describe.method} ${redact(describe.url)}: ${error instanceof Error ? error.message : String(error)}`, cause: error });
    }
    const retryAfterMs = response ? parseRetryAfter(response.headers.get('retry-after'), Date.now()) : undefined;
    if (retryAfterMs !== undefined && retryAfterMs > d.opts.maxRetryAfterMs) return response!; // the job re-queues with this Retry-After
    const delay = retryDelayMs(attempt, retryAfterMs, d.opts, d.random);
    // Read the body to free the socket; a failure here only means the socket is gone already.
    if (response) await response.arrayBuffer().catch((err: unknown) => d.logger.debug?.({ err }, 'graph: discarding a retried response body failed'));
    d.logger.warn(
      { tenantId: d.tenantId, method: describe.method, url: redact(describe.url), attempt, status: response?.status ?? 'network-error', error: error instanceof Error ? error.message : undefined, retryAfterMs, delayMs: delay },
      'graph call will be retried',
    );
    await d.sleep(delay);
  }
}

class RetryMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly d: RetryDeps) {}
  async execute(context: Context): Promise<void> {
    const original = context.options ?? {};
    context.response = await withRetry(
      { method: original.method ?? 'GET', url: urlOf(context.request), once: callErrors.getStore()?.once === true },
      async (signal) => {
        context.options = { ...original, signal };
        context.response = undefined;
        await this.next!.execute(context);
        return context.response!;
      },
      this.d,
    );
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

class LimitMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly limiter: ConcurrencyLimiter) {}
  async execute(context: Context): Promise<void> {
    await this.limiter.run(() => this.next!.execute(context));
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

class LogMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly logger: GraphLogger, private readonly tenantId: string) {}
  async execute(context: Context): Promise<void> {
    const started = Date.now();
    const method = context.options?.method ?? 'GET';
    const url = redact(urlOf(context.request));
    try {
      await this.next!.execute(context);
      (this.logger.debug ?? this.logger.info).call(this.logger, { tenantId: this.tenantId, method, url, status: context.response?.status, ms: Date.now() - started }, 'graph call');
    } catch (e) {
      this.logger.warn({ tenantId: this.tenantId, method, url, error: e instanceof Error ? e.message : String(e), ms: Date.now() - started }, 'graph call failed on the network');
      throw e;
    }
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function errorKindFor(status: number): M365ErrorKind {
  if (status === 429) return 'throttled';
  if (status === 503 || status === 504 || status === 502 || status === 500) return 'transient';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 401 || status === 403) return 'permission';
  if (status >= 400 && status < 500) return 'invalid';
  return 'unknown';
}

export function toM365Error(call: { method: string; path: string }, result: GraphResult): M365Error {
  const err = (result.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const retryAfterMs = parseRetryAfter(result.headers.get('retry-after'), Date.now());
  return new M365Error({
    kind: errorKindFor(result.status),
    status: result.status,
    message: `${call.method} ${redact(call.path.split('?')[0]!)} -> ${result.status}${err?.code ? ` ${err.code}` : ''}${err?.message ? `: ${redact(err.message)}` : ''}`,
    ...(err?.code ? { code: err.code } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

export function createGraphHttp(o: PipelineOptions): GraphHttp {
  const m = /^(https?:\/\/[^/]+)\/?(.*)$/.exec(o.baseUrl.replace(/\/$/, ''));
  if (!m) throw new Error(`invalid Graph base URL ${o.baseUrl}`);
  const origin = m[1]!;
  const version = m[2] || 'v1.0';
  const retryDeps: RetryDeps = {
    opts: { ...defaultRetryOptions, ...o.retry },
    logger: o.logger,
    tenantId: o.tenantId,
    sleep: o.sleep ?? defaultSleep,
    random: o.random ?? Math.random,
    timeoutMs: o.timeoutMs ?? 30_000,
  };
  const client = Client.initWithMiddleware({
    baseUrl: origin + '/',
    defaultVersion: version,
    middleware: [new AuthMiddleware(o.tokenProvider), new RetryMiddleware(retryDeps), new LimitMiddleware(o.limiter), new LogMiddleware(o.logger, o.tenantId), new HTTPMessageHandler()],
  });
  const fullBase = `${origin}/${version}`;

  const relative = (p: string): string => {
    if (/^https?:\/\//i.test(p)) {
      // Links Graph hands back (nextLink, deltaLink) are absolute; they must point at our base.
      if (!p.startsWith(fullBase + '/')) throw new M365Error({ kind: 'invalid', message: `refusing to follow a link outside ${fullBase}` });
      return p.slice(fullBase.length);
    }
    return p.startsWith('/') ? p : '/' + p;
  };

  const request = async <T>(call: GraphCall): Promise<GraphResult<T>> => {
    let req = client.api(relative(call.path)).responseType(ResponseType.RAW);
    const headers = { ...(call.headers ?? {}) };
    const isBinary = Buffer.isBuffer(call.body);
    if (call.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = isBinary ? 'application/octet-stream' : 'application/json';
    }
    if (Object.keys(headers).length) req = req.headers(headers);
    const holder: { error?: unknown; once?: boolean } = call.once ? { once: true } : {};
    let raw: Response;
    try {
      raw = (await callErrors.run(holder, () => {
        switch (call.method) {
          case 'GET':
            return req.get();
          case 'POST':
            return req.post(call.body ?? {});
          case 'PUT':
            return req.put(call.body);
          case 'PATCH':
            return req.patch(call.body);
          case 'DELETE':
            return req.delete();
        }
      })) as Response;
    } catch (e) {
      const inner = holder.error ?? e;
      throw inner instanceof M365Error ? inner : new M365Error({ kind: 'unknown', message: `${call.method} ${redact(call.path.split('?')[0]!)}: ${inner instanceof Error ? redact(inner.message) : String(inner)}`, cause: inner });
    }
    const text = await raw.text();
    let body: unknown = undefined;
    if (text && /json/i.test(raw.headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    } else if (text) body = text;
    return { status: raw.status, headers: raw.headers, body: body as T };
  };

  return {
    baseUrl: fullBase,
    request,
    async json<T>(call: GraphCall) {
      const r = await request<T>(call);
      if (r.status < 200 || r.status >= 300) throw toM365Error(call, r);
      return r;
    },
    fetchOpaque(url, init) {
      return withRetry({ method: init.method, url }, (signal) => o.limiter.run(() => fetch(url, { method: init.method, headers: init.headers, signal, ...(init.body ? { body: new Uint8Array(init.body) } : {}) })), retryDeps);
    },
  };
}
