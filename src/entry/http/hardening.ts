/**
 * HTTP hardening (issue 14, docs/security.md): the browser security headers on
 * every response (helmet's set, computed once in security-headers.ts: a CSP whose frame-ancestors are the Microsoft
 * 365 hosts that may frame the tab, nosniff, HSTS, Referrer-Policy), a CORS policy
 * (@fastify/cors: same-origin unless CORS_ORIGINS names others; a preflight gets an
 * answer instead of 404), rate limits per client address and per signed-in person
 * (@fastify/rate-limit's counters; answered as problem+json 429 with Retry-After; signed-in people
 * are counted per person, not by a NAT address they share, under a per-address ceiling),
 * request deadlines, and Fastify's own protocol-level errors (bad URL, too long a
 * parameter, too large headers, a request that does not arrive in time) as
 * problem+json that never echoes the URL.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { HelmetOptions } from 'helmet';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Config } from '../../config/config.js';
import { DEV_COOKIE } from './auth.js';
import { sendProblem } from './problem.js';
import { applySecurityHeaders, securityHeaderSet } from './security-headers.js';

/** The hosts that may frame the tab (Microsoft's list for Teams, Outlook and the Microsoft 365 app), and nobody else. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
];

export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  // The tab's bundle (teams-js included) is served from here; no inline or remote script.
  'script-src': ["'self'"],
  // Fluent UI (Griffel) inserts its style elements at run time, and the static pages carry a style attribute.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': FRAME_ANCESTORS,
};

/** helmet's options: the security headers every response carries (computed once, security-headers.ts). */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  // Teams frames the tab: frame-ancestors decides who may; X-Frame-Options cannot name them.
  frameguard: false,
  // The Teams SSO fallback opens a pop-up that must be able to talk back.
  crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
  // Calendar clients and feed readers fetch the public feeds from anywhere.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: 'no-referrer' },
};

/** The same headers helmet sets, for the few answers written before any hook runs (bad URLs, protocol errors). */
export function baselineSecurityHeaders(): Record<string, string> {
  return {
    'content-security-policy': Object.entries(CONTENT_SECURITY_POLICY)
      .map(([k, v]) => `${k} ${v.join(' ')}`)
      .join(';'),
    'x-content-type-options': 'nosniff',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'referrer-policy': 'no-referrer',
  };
}

/** Fastify's protocol-level errors, in the contract's words (Danish and English), never with the URL. */
const frameworkProblem: Record<string, { status: number; detail: string; detailDa: string; field: string }> = {
  FST_ERR_BAD_URL: { status: 400, field: 'url', detail: 'The address is not valid (a broken percent-escape or a character that is not allowed).', detailDa: 'Adressen er ugyldig (en forkert %-kode eller et tegn, der ikke er tilladt).' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, field: 'url', detail: 'A part of the address is too long (at most 100 characters).', detailDa: 'En del af adressen er for lang (højst 100 tegn).' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, field: 'url', detail: 'The request could not be routed.', detailDa: 'Forespørgslen kunne ikke sendes videre.' },
};

const clientProblem: Record<string, { status: number; detail: string; detailDa: string; field: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, field: 'body', detail: 'The request did not arrive in time; it was cut.', detailDa: 'Forespørgslen kom ikke frem i tide og blev afbrudt.' },
  HPE_HEADER_OVERFLOW: { status: 431, field: 'headers', detail: 'The request headers are too large.', detailDa: 'Forespørgslens headere er for store.' },
  HPE_URI_TOO_LONG: { status: 414, field: 'url', detail: 'The address is too long.', detailDa: 'Adressen er for lang.' },
};

/** Options for Fastify() itself: deadlines, proxy trust and the protocol-level error answers. */
export function hardenedServerOptions(config: Config): Partial<FastifyServerOptions> & { http?: http.ServerOptions } {
  const timeout = config.http.requestTimeoutMs;
  const options: Partial<FastifyServerOptions> & { http?: http.ServerOptions } = {
    trustProxy: config.http.trustProxy > 0 ? (_address: string, hop: number) => hop < config.http.trustProxy : false,
    // The whole request (headers and body) must arrive within the deadline; Node checks every second.
    requestTimeout: timeout,
    // A socket with no traffic either way for 5 minutes is closed. Not shorter: while the server
    // works on a slow answer (a large Word file on a loaded machine) the socket is silent too, and a
    // short idle limit would cut answers, not attackers (slow requests are cut by the deadlines above;
    // idle keep-alive connections by Fastify's keepAliveTimeout).
    connectionTimeout: Math.max(timeout + 5000, 300_000),
    http: { headersTimeout: Math.min(timeout, 15_000), connectionsCheckingInterval: 1000 },
    frameworkErrors(error, request, reply) {
      const p = frameworkProblem[(error as { code?: string }).code ?? ''] ?? frameworkProblem.FST_ERR_BAD_URL!;
      reply.headers(baselineSecurityHeaders());
      return sendProblem(reply, { status: p.status, detail: p.detail, detailDa: p.detailDa, errors: [{ field: p.field, reason: p.detail }] });
    },
    clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      const p = clientProblem[err.code ?? ''] ?? { status: 400, field: 'request', detail: 'The request is not valid HTTP.', detailDa: 'Forespørgslen er ikke gyldig HTTP.' };
      const body = JSON.stringify({ type: 'about:blank', title: http.STATUS_CODES[p.status], status: p.status, detail: p.detail, detailDa: p.detailDa, errors: [{ field: p.field, reason: p.detail }] });
      const headers = Object.entries({ ...baselineSecurityHeaders(), 'content-type': 'application/problem+json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n');
      if (socket.writable) socket.write(`HTTP/1.1 ${p.status} ${http.STATUS_CODES[p.status]}\r\n${headers}\r\n\r\n${body}`);
      socket.destroy();
    },
  };
  return options;
}

/**
 * The tab's own files (the page, its scripts and styles): Teams loads them without a sign-in, so a hundred colleagues
 * opening a meeting's tab from one hospital address would otherwise spend the address's limit for requests that are
 * not signed in on files that cost nothing to send. They count against the ceiling only.
 */
function isTabFile(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0]!;
  return path === '/' || path.startsWith('/assets/') || /^\/[\w.-]+\.(?:js|css|html|svg|png|ico|woff2?)$/.test(path);
}

/** Whether a request carries a sign-in (a bearer token, or the dev sign-in's header or cookie); it is checked later. */
function triesToSignIn(request: FastifyRequest): boolean {
  const h = request.headers;
  return h.authorization !== undefined || h['x-samraad-dev-person'] !== undefined || (h.cookie?.includes(`${DEV_COOKIE}=`) ?? false);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a refused sign-in against its address's limit for requests that are not signed in; true when 429 was sent. */
    limitRefusedSignIn(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  }
}

function tooMany(reply: FastifyReply, retryAfterSeconds: number, who: 'address' | 'person') {
  reply.header('retry-after', String(Math.max(1, retryAfterSeconds)));
  return sendProblem(reply, {
    status: 429,
    type: 'https://samraad.dk/problems/rate-limited',
    detail: `Too many requests from this ${who === 'person' ? 'person' : 'address'}; try again in ${Math.max(1, retryAfterSeconds)} seconds.`,
    detailDa: `For mange forespørgsler fra ${who === 'person' ? 'denne person' : 'denne adresse'}; prøv igen om ${Math.max(1, retryAfterSeconds)} sekunder.`,
  });
}

/** Registers headers, CORS and the rate limits. Call before any route is registered. */
export async function installHardening(app: FastifyInstance, config: Config) {
  // helmet's headers, computed once (security-headers.ts): the same on every response, first of all hooks.
  const securityHeaders = securityHeaderSet(HELMET_OPTIONS);
  app.addHook('onRequest', (_request, reply, done) => {
    applySecurityHeaders(reply.raw, securityHeaders);
    done();
  });
  await app.register(fastifyCors, {
    // Same-origin by default: no Access-Control-Allow-Origin for any other page, but a preflight is answered (204), not 404.
    origin: (origin: string | undefined, cb: (err: Error | null, allow: boolean) => void) => cb(null, origin !== undefined && config.http.corsOrigins.includes(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'authorization'],
    maxAge: 600,
  });
  // A preflight from an origin that is not allowed: a plain 204 without Access-Control-Allow-Origin
  // (the browser then refuses the call), instead of the 404 it used to get.
  // (Callback style: this runs on every request, and an async hook costs a promise and a turn each time.)
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'OPTIONS' || reply.sent) return done();
    reply.code(204).header('allow', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS').header('content-length', '0').send();
  });
  await app.register(fastifyRateLimit, { global: false, timeWindow: config.http.rateLimitWindowMs });
  const window = config.http.rateLimitWindowMs;
  // Three counters. A hospital's or a municipality's staff often reach us from one NAT address, so signed-in
  // people are limited each on their own (per person), not by the address they share; requests that are not
  // signed in (anonymous, or a sign-in that was refused) are limited per address; and every request from an
  // address counts against a ceiling far above what a shared address sends, which stops a flood before sign-in.
  const ceiling = app.createRateLimit({ max: config.http.rateLimitPerAddressCeiling, timeWindow: window, keyGenerator: (req: FastifyRequest) => `c:${req.ip}` });
  const perAddress = app.createRateLimit({ max: config.http.rateLimitPerAddress, timeWindow: window, keyGenerator: (req: FastifyRequest) => `a:${req.ip}` });
  const perPerson = app.createRateLimit({
    max: config.http.rateLimitPerPerson,
    timeWindow: window,
    keyGenerator: (req: FastifyRequest) => (req.identity?.kind === 'person' ? `p:${req.identity.person.id}` : `a:${req.ip}`),
  });
  // Before anything costs (sign-in, body parsing): the ceiling for all, the per-address limit for a request that
  // does not even try to sign in.
  app.addHook('onRequest', async (request, reply) => {
    const c = await ceiling(request);
    if (!c.isAllowed && c.isExceeded) return tooMany(reply, c.ttlInSeconds, 'address');
    if (triesToSignIn(request) || isTabFile(request)) return;
    const r = await perAddress(request);
    if (!r.isAllowed && r.isExceeded) return tooMany(reply, r.ttlInSeconds, 'address');
  });
  // A sign-in that was refused counts as not signed in (src/entry/http/server.ts calls this before its 401/403).
  app.decorate('limitRefusedSignIn', async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const r = await perAddress(request);
    if (!r.isAllowed && r.isExceeded) {
      tooMany(reply, r.ttlInSeconds, 'address');
      return true;
    }
    return false;
  });
  // Once the caller is known: per person; a request that tried to sign in and came out anonymous (a dev
  // sign-in cookie on a server without dev sign-in) counts per address like any other anonymous request.
  app.addHook('preValidation', async (request, reply) => {
    if (request.identity?.kind !== 'person') {
      if (!triesToSignIn(request)) return;
      const r = await perAddress(request);
      if (!r.isAllowed && r.isExceeded) return tooMany(reply, r.ttlInSeconds, 'address');
      return;
    }
    const r = await perPerson(request);
    if (!r.isAllowed && r.isExceeded) return tooMany(reply, r.ttlInSeconds, 'person');
  });
}
