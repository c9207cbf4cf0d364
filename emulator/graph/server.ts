/**
 * Local Microsoft Graph emulator (dev and test only).
 *
 * What it does: an HTTP server on 127.0.0.1 that answers the subset of Graph v1.0
 * our adapter calls under /v1.0 (see graph.routes.ts), including `$batch`. Every
 * request, and every batch sub-request, is checked against the official OpenAPI
 * subset first: an unknown route is answered 501 and a contract violation 400, and
 * both are recorded in `failures` so the test that caused them fails; there is no
 * silent 200. Graph routes need a Bearer token. Faults (429 + Retry-After, 503, 504,
 * latency, connection reset before or after the work is done) can be injected per route or per batch sub-request, in
 * process (`faults`) or over HTTP (`/_emulator/faults`). `GET /` is a read-only page
 * of what the app made; `GET /_emulator/state` is the same as JSON. `outlook` moves
 * or cancels an event as a secretary would in Outlook (also over HTTP under
 * `/_emulator/outlook/...`), which shows up in calendarView/delta and is posted to
 * matching subscriptions. `flagMalware` (also `POST /_emulator/drives/malware`
 * {itemId, description?}) marks a file as SharePoint's scan would: its driveItem
 * then carries the contract's `malware` facet.
 *
 * What it does not do: token validation (any non-empty Bearer is accepted, unless
 * `acceptToken` says which), paging
 * of plain lists, `dependsOn` ordering in `$batch` (sub-requests run in order).
 */
import { createHash, randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContractChecker, type ContractChecker, type ContractResult } from './contract.js';
import { createFaultInjector, type FaultDecision, type FaultInjector, type FaultKind, type FaultRule } from './faults.injector.js';
import { createRoutes, GraphHttpError, outlookActions, type AttendeeResponse, type RouteResult } from './graph.routes.js';
import { renderStatePage } from './state.page.js';
import { createStateStore, type EmulatorState, type EmuUser } from './state.store.js';

export type LoggedRequest = {
  seq: number;
  /** Arrival time, ms since epoch. */
  at: number;
  respondedAt?: number;
  method: string;
  /** Path and query after /v1.0 (batch sub-requests: their relative url). */
  url: string;
  operation?: string;
  status: number | 'reset';
  batch?: { batchSeq: number; id: string };
  fault?: FaultKind;
  retryAfterSeconds?: number;
  /** method + url + body hash: identical re-sends share a key, so a test can pair a retry with its failure. */
  key: string;
};

export type EmulatorFailure = {
  at: number;
  kind: 'unknown-route' | 'contract' | 'not-implemented' | 'graph-rule' | 'auth' | 'bad-request';
  method: string;
  url: string;
  errors: string[];
  batchId?: string;
};

export type GraphEmulator = {
  url: string;
  /** Graph base URL for the adapter: `${url}/v1.0`. */
  graphBaseUrl: string;
  close(): Promise<void>;
  readonly state: EmulatorState;
  faults: FaultInjector;
  requests: LoggedRequest[];
  failures: EmulatorFailure[];
  contract: ContractChecker;
  outlook: ReturnType<typeof outlookActions>;
  addUser(user: Partial<EmuUser> & { id: string }): void;
  /** SharePoint's malware scan found something in this file: its driveItem gets the `malware` facet. False for an unknown item. */
  flagMalware(itemId: string, description?: string): boolean;
};

export type GraphEmulatorOptions = {
  /** 0 or unset: a random free port. */
  port?: number;
  /** JSON snapshot of the state; loaded at start and written after changes. */
  dataFile?: string;
  referenceDir?: string;
  users?: (Partial<EmuUser> & { id: string })[];
  /** Seed of the fault generator (default 1). */
  seed?: number;
  /** Do the validationToken handshake with the notificationUrl on POST /subscriptions (default true). */
  validateSubscriptions?: boolean;
  /**
   * Which Bearer tokens are valid (default: any non-empty one). A test that must prove
   * where the caller's token came from (a fake Entra) rejects every other with 401.
   */
  acceptToken?: (token: string) => boolean;
};

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json' } : {}), ...headers });
  res.end(text);
};
const errorBody = (code: string, message: string): unknown => ({ error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function lowerHeaders(h: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v === undefined ? undefined : String(v);
  return out;
}

export async function startGraphEmulator(opts: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const store = createStateStore(opts.dataFile);
  const contract = createContractChecker(opts.referenceDir ? { referenceDir: opts.referenceDir } : {});
  const faults = createFaultInjector(opts.seed ?? 1);
  const requests: LoggedRequest[] = [];
  const failures: EmulatorFailure[] = [];
  let seq = 0;
  let batchSeq = 0;
  let baseUrl = '';

  const notify = (mailbox: string, eventId: string, changeType: 'created' | 'updated' | 'deleted'): void => {
    for (const sub of Object.values(store.state.subscriptions)) {
      const res = sub.resource.toLowerCase().replace(/^\//, '');
      if (!res.startsWith(`users/${mailbox}/`) && !res.startsWith(`users/${mailbox}`)) continue;
      if (!sub.changeType.split(',').includes(changeType)) continue;
      const payload = { value: [{ subscriptionId: sub.id, clientState: sub.clientState ?? null, changeType, resource: `Users/${mailbox}/Events/${eventId}`, subscriptionExpirationDateTime: sub.expirationDateTime, tenantId: 'emulator-tenant', resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: eventId } }] };
      // Fire and forget, as Graph does: a receiver that is down just misses it (delta catches up).
      void fetch(sub.notificationUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }).catch((err: unknown) => {
        console.warn(`graph emulator: change notification to ${sub.notificationUrl} not delivered: ${err instanceof Error ? err.message : String(err)}`);
      });
    }
  };
  const hooks = {
    state: () => store.state,
    touch: () => store.touch(),
    onEventChange: notify,
    validateSubscription: async (notificationUrl: string): Promise<boolean> => {
      if (opts.validateSubscriptions === false) return true;
      const token = `Validation: emulator ${randomUUID()}`;
      try {
        const sep = notificationUrl.includes('?') ? '&' : '?';
        const r = await fetch(`${notificationUrl}${sep}validationToken=${encodeURIComponent(token)}`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
        return r.status === 200 && (r.headers.get('content-type') ?? '').startsWith('text/plain') && (await r.text()) === token;
      } catch {
        return false;
      }
    },
  };
  const { routes, uploadChunk } = createRoutes(hooks);
  const outlook = outlookActions({
    ...hooks,
    checkContract: (method, url, body) => {
      const r = contract.check({ method, url, headers: { 'content-type': 'application/json' }, body });
      return r.ok ? [] : r.errors;
    },
  });
  const addUser = (u: Partial<EmuUser> & { id: string }): void => {
    const mail = u.mail ?? u.userPrincipalName ?? `${u.id}@emulator.invalid`;
    store.state.users[u.id] = { id: u.id, displayName: u.displayName ?? mail, mail, userPrincipalName: u.userPrincipalName ?? mail };
    store.touch();
  };
  for (const u of opts.users ?? []) addUser(u);
  const flagMalware = (itemId: string, description?: string): boolean => {
    const item = Object.values(store.state.drives).map((d) => d.items[itemId]).find((i) => i && !i.isFolder);
    if (!item) return false;
    item.malware = description === undefined ? {} : { description };
    store.touch();
    return true;
  };

  const keyOf = (method: string, url: string, body: unknown): string =>
    `${method.toUpperCase()} ${url} ${createHash('sha1').update(Buffer.isBuffer(body) ? body : JSON.stringify(body ?? null)).digest('hex').slice(0, 12)}`;

  const fail = (f: Omit<EmulatorFailure, 'at'>): void => {
    failures.push({ at: Date.now(), ...f });
  };

  /** Runs one checked Graph request (top-level or batch item) and returns its result. */
  const runOperation = async (
    method: string,
    url: string,
    checked: ContractResult,
    headers: Record<string, string | undefined>,
    body: unknown,
    batchId?: string,
  ): Promise<RouteResult & { failure?: boolean }> => {
    if (!checked.ok) {
      const kind = checked.kind === 'unknown-route' ? 'unknown-route' : 'contract';
      fail({ kind, method, url, errors: checked.errors, ...(batchId ? { batchId } : {}) });
      return checked.kind === 'unknown-route'
        ? { status: 501, body: errorBody('NotImplemented', `not in the Graph contract subset: ${checked.errors.join('; ')}`), failure: true }
        : { status: 400, body: errorBody('BadRequest', `contract violation on ${checked.operation}: ${checked.errors.join('; ')}`), failure: true };
    }
    const handler = routes[checked.operation];
    if (!handler) {
      fail({ kind: 'not-implemented', method, url, errors: [`emulator does not implement ${checked.operation}`], ...(batchId ? { batchId } : {}) });
      return { status: 501, body: errorBody('NotImplemented', `emulator does not implement ${checked.operation}`), failure: true };
    }
    try {
      return await handler({ params: checked.params, query: checked.query, headers, body, baseUrl, ...(checked.itemPath !== undefined ? { itemPath: checked.itemPath } : {}) });
    } catch (e) {
      if (e instanceof GraphHttpError) {
        if (e.failureKind) fail({ kind: e.failureKind, method, url, errors: [e.message], ...(batchId ? { batchId } : {}) });
        return { status: e.status, body: errorBody(e.code, e.message), ...(e.failureKind ? { failure: true } : {}) };
      }
      throw e;
    }
  };

  const faultResult = (d: Extract<FaultDecision, { status: number }>): RouteResult => ({
    status: d.status,
    body: errorBody(d.status === 429 ? 'TooManyRequests' : d.status === 503 ? 'ServiceUnavailable' : 'GatewayTimeout', 'injected by the emulator'),
    headers: d.retryAfterSeconds !== undefined ? { 'Retry-After': String(d.retryAfterSeconds) } : {},
  });

  const handleBatch = async (res: ServerResponse, body: unknown, entry: LoggedRequest): Promise<void> => {
    const check = contract.checkBatch(body);
    if (!check.ok) {
      fail({ kind: 'contract', method: 'POST', url: '/$batch', errors: check.errors });
      entry.status = 400;
      return json(res, 400, errorBody('BadRequest', check.errors.join('; ')));
    }
    const bn = ++batchSeq;
    const reqs = (body as { requests: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[] }).requests;
    const responses: unknown[] = [];
    for (const [i, r] of reqs.entries()) {
      const url = r.url.startsWith('/') ? r.url : '/' + r.url;
      const checked = check.items[i]!;
      const sub: LoggedRequest = { seq: ++seq, at: Date.now(), method: r.method.toUpperCase(), url, status: 0, batch: { batchSeq: bn, id: r.id }, key: keyOf(r.method, url, r.body), ...(checked.ok ? { operation: checked.operation } : {}) };
      requests.push(sub);
      let result: RouteResult | undefined;
      if (checked.ok) {
        for (const d of faults.decide({ method: r.method, route: checked.template, path: new URL(url, 'http://x').pathname, inBatch: true })) {
          if (d.kind === 'latency') await sleep(d.latencyMs);
          else if ('status' in d) {
            result = faultResult(d);
            sub.fault = d.kind;
            if (d.retryAfterSeconds !== undefined) sub.retryAfterSeconds = d.retryAfterSeconds;
          }
        }
      }
      result ??= await runOperation(r.method.toUpperCase(), url, checked, lowerHeaders(r.headers ?? {}), r.body, r.id);
      sub.status = result.status;
      sub.respondedAt = Date.now();
      responses.push({ id: r.id, status: result.status, headers: { ...(result.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(result.headers ?? {}) }, ...(result.body !== undefined ? { body: result.body } : {}) });
    }
    entry.status = 200;
    json(res, 200, { responses });
  };

  const handleGraph = async (req: IncomingMessage, res: ServerResponse, rel: string, entry: LoggedRequest): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = lowerHeaders(req.headers);
    const bearer = /^Bearer (\S+)/.exec(headers['authorization'] ?? '')?.[1];
    if (!bearer) {
      fail({ kind: 'auth', method, url: rel, errors: ['no Bearer token'] });
      entry.status = 401;
      return json(res, 401, errorBody('InvalidAuthenticationToken', 'Access token is empty.'));
    }
    if (opts.acceptToken && !opts.acceptToken(bearer)) {
      fail({ kind: 'auth', method, url: rel, errors: ['a Bearer token this emulator did not accept'] });
      entry.status = 401;
      return json(res, 401, errorBody('InvalidAuthenticationToken', 'Access token validation failure.'));
    }
    const raw = await readBody(req);
    let body: unknown = raw.length ? raw : undefined;
    if (raw.length && /^application\/json/i.test(headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        fail({ kind: 'bad-request', method, url: rel, errors: ['body is not valid JSON'] });
        entry.status = 400;
        return json(res, 400, errorBody('BadRequest', 'Unable to read JSON request payload.'));
      }
    }
    entry.key = keyOf(method, rel, body);
    const isBatch = new URL(rel, 'http://x').pathname === '/$batch';
    const checked = isBatch ? undefined : contract.check({ method, url: rel, headers, body });
    if (checked?.ok) entry.operation = checked.operation;
    else if (isBatch) entry.operation = 'POST /$batch';
    const route = isBatch ? '$batch' : checked?.ok ? checked.template : undefined;
    let resetAfter = false;
    if (!isBatch || method === 'POST') {
      for (const d of faults.decide({ method, ...(route ? { route } : {}), path: new URL(rel, 'http://x').pathname, inBatch: false })) {
        if (d.kind === 'latency') await sleep(d.latencyMs);
        else if (d.kind === 'reset-after') resetAfter = true;
        else if (d.kind === 'reset') {
          entry.fault = 'reset';
          entry.status = 'reset';
          req.socket.destroy();
          return;
        } else if ('status' in d) {
          const r = faultResult(d);
          entry.fault = d.kind;
          entry.status = r.status;
          if (d.retryAfterSeconds !== undefined) entry.retryAfterSeconds = d.retryAfterSeconds;
          return json(res, r.status, r.body, r.headers);
        }
      }
    }
    if (isBatch) {
      if (method !== 'POST') {
        fail({ kind: 'unknown-route', method, url: rel, errors: ['$batch takes POST only'] });
        entry.status = 405;
        return json(res, 405, errorBody('MethodNotAllowed', '$batch takes POST only'));
      }
      if (resetAfter) {
        entry.fault = 'reset-after';
        await handleBatch({ writeHead: () => undefined, end: () => undefined } as unknown as ServerResponse, body, entry);
        req.socket.destroy();
        return;
      }
      return handleBatch(res, body, entry);
    }
    const result = await runOperation(method, rel, checked!, headers, body);
    entry.status = result.status;
    if (resetAfter) {
      // Done on the server, but the client never hears: the case idempotent creates must survive.
      entry.fault = 'reset-after';
      req.socket.destroy();
      return;
    }
    json(res, result.status, result.body, result.headers);
  };

  const handleEmulatorApi = async (req: IncomingMessage, res: ServerResponse, p: string): Promise<void> => {
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    if (p === '/_emulator/state' && method === 'GET') return json(res, 200, store.state);
    if (p === '/_emulator/requests' && method === 'GET') return json(res, 200, requests);
    if (p === '/_emulator/failures' && method === 'GET') return json(res, 200, failures);
    if (p === '/_emulator/coverage' && method === 'GET') return json(res, 200, contract.covered());
    if (p === '/_emulator/faults') {
      if (method === 'GET') return json(res, 200, faults.list());
      if (method === 'DELETE') {
        faults.clear();
        return json(res, 204, undefined);
      }
      if (method === 'POST') {
        if (typeof body.seed === 'number') faults.seed(body.seed);
        const rules = (Array.isArray(body.rules) ? body.rules : body.kind ? [body] : []) as FaultRule[];
        return json(res, 201, { ids: rules.map((r) => faults.add(r)) });
      }
    }
    if (p === '/_emulator/users' && method === 'POST') {
      addUser(body as EmuUser);
      return json(res, 201, body);
    }
    if (p === '/_emulator/drives/malware' && method === 'POST') {
      const ok = flagMalware(String(body.itemId), typeof body.description === 'string' ? body.description : undefined);
      return ok ? json(res, 204, undefined) : json(res, 404, errorBody('itemNotFound', `no file ${String(body.itemId)}`));
    }
    if (p === '/_emulator/outlook/move' && method === 'POST') {
      outlook.moveEvent(String(body.mailbox), String(body.eventId), body.start as never, body.end as never);
      return json(res, 204, undefined);
    }
    if (p === '/_emulator/outlook/respond' && method === 'POST') {
      outlook.respond(String(body.mailbox), String(body.eventId), String(body.attendee), body.response as AttendeeResponse, {
        ...(typeof body.comment === 'string' ? { comment: body.comment } : {}),
        ...(typeof body.at === 'string' ? { at: body.at } : {}),
      });
      return json(res, 204, undefined);
    }
    if (p === '/_emulator/outlook/create' && method === 'POST') {
      return json(res, 201, { id: outlook.createEvent(String(body.mailbox), body.event as Record<string, unknown>) });
    }
    if (p === '/_emulator/outlook/edit' && method === 'POST') {
      outlook.editEvent(String(body.mailbox), String(body.eventId), body.patch as Record<string, unknown>);
      return json(res, 204, undefined);
    }
    if (p === '/_emulator/outlook/cancel' && method === 'POST') {
      outlook.cancelEvent(String(body.mailbox), String(body.eventId), body.comment as string | undefined);
      return json(res, 204, undefined);
    }
    json(res, 404, errorBody('NotFound', `unknown emulator endpoint ${method} ${p}`));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = url.pathname;
    void (async () => {
      try {
        if (p === '/' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return res.end(renderStatePage(store.state, { failures: failures.length, requests: requests.length }));
        }
        if (p.startsWith('/_emulator/')) return await handleEmulatorApi(req, res, p);
        if (p.startsWith('/_upload/') && req.method === 'GET') {
          const sess = store.state.uploadSessions[p.slice('/_upload/'.length)];
          if (!sess) return json(res, 404, errorBody('itemNotFound', 'upload session not found'));
          return json(res, 200, { expirationDateTime: sess.expires, nextExpectedRanges: [`${sess.received}-`] });
        }
        if (p.startsWith('/_upload/') && req.method === 'PUT') {
          const entry: LoggedRequest = { seq: ++seq, at: Date.now(), method: 'PUT', url: '/_upload/…', operation: 'PUT uploadUrl', status: 0, key: '' };
          requests.push(entry);
          const bytes = await readBody(req);
          entry.key = keyOf('PUT', `${p} ${req.headers['content-range'] ?? ''}`, bytes);
          for (const d of faults.decide({ method: 'PUT', route: 'uploadUrl', path: p, inBatch: false })) {
            if (d.kind === 'latency') await sleep(d.latencyMs);
            else if (d.kind === 'reset-after') entry.fault = 'reset-after';
            else if (d.kind === 'reset') {
              entry.status = 'reset';
              entry.fault = 'reset';
              return req.socket.destroy();
            } else if ('status' in d) {
              const r = faultResult(d);
              Object.assign(entry, { status: r.status, fault: d.kind, ...(d.retryAfterSeconds !== undefined ? { retryAfterSeconds: d.retryAfterSeconds } : {}) });
              return json(res, r.status, r.body, r.headers);
            }
          }
          try {
            const r = uploadChunk(p.slice('/_upload/'.length), lowerHeaders(req.headers), bytes, baseUrl);
            entry.status = r.status;
            entry.respondedAt = Date.now();
            if (entry.fault === 'reset-after') return req.socket.destroy();
            return json(res, r.status, r.body, r.headers);
          } catch (e) {
            if (!(e instanceof GraphHttpError)) throw e;
            if (e.failureKind) fail({ kind: e.failureKind, method: 'PUT', url: '/_upload/…', errors: [e.message] });
            entry.status = e.status;
            return json(res, e.status, errorBody(e.code, e.message));
          }
        }
        if (p.startsWith('/v1.0/') || p === '/v1.0') {
          const rel = (req.url ?? '/').replace(/^\/v1\.0/, '') || '/';
          const entry: LoggedRequest = { seq: ++seq, at: Date.now(), method: (req.method ?? 'GET').toUpperCase(), url: rel, status: 0, key: '' };
          requests.push(entry);
          await handleGraph(req, res, rel, entry);
          entry.respondedAt = Date.now();
          return;
        }
        fail({ kind: 'unknown-route', method: req.method ?? 'GET', url: req.url ?? '/', errors: ['not a Graph v1.0 path'] });
        json(res, 501, errorBody('NotImplemented', `unknown route ${req.method} ${p}`));
      } catch (e) {
        fail({ kind: 'bad-request', method: req.method ?? 'GET', url: req.url ?? '/', errors: [e instanceof Error ? e.message : String(e)] });
        if (!res.headersSent) json(res, 500, errorBody('InternalServerError', e instanceof Error ? e.message : String(e)));
        else res.end();
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Long keep-alive, as Graph's front doors have: with Node's 5 s default, a socket the emulator closes
    // just as a loaded client reuses it is a network error Graph would not cause (and an e-mail "may have been sent").
    server.keepAliveTimeout = 120_000;
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    graphBaseUrl: `${baseUrl}/v1.0`,
    async close() {
      store.flush();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
    get state() {
      return store.state;
    },
    faults,
    requests,
    failures,
    contract,
    outlook,
    addUser,
    flagMalware,
  };
}
