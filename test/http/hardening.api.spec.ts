/**
 * The security probe of issue 14, as tests (docs/security.md): browser security
 * headers on every class of response, CORS preflight, Fastify's own protocol
 * errors as problem+json without the URL, invalid UTF-8 refused, a slow body cut,
 * a burst answered with 429 + Retry-After, and refused requests (anonymous reads,
 * forged Graph notifications) sampled into the audit instead of one row each.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../src/adapters/db/schema.js';
import { syncModule } from '../../src/entry/sync.module.js';
import { workflowModule } from '../../src/entry/workflow.module.js';
import { FRAME_ANCESTORS } from '../../src/entry/http/hardening.js';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createMeeting } from '../workflow/workflow.fixture.js';

const backend = backends[0]!;

/** A raw HTTP exchange (for what fetch refuses to send: bad escapes, huge headers, slow bodies, bad bytes). */
function raw(url: string, request: string | Buffer, opts: { keepOpenMs?: number } = {}): Promise<{ status: number; headers: Record<string, string>; body: string; ms: number }> {
  const { port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => (chunks.length ? undefined : reject(err)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), ms: Date.now() - started });
    });
    socket.write(request);
    if (!opts.keepOpenMs) socket.end();
    else setTimeout(() => socket.end(), opts.keepOpenMs).unref();
  });
}

/** Parses a chunked or plain body. */
function bodyJson(body: string): any {
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return JSON.parse(body.slice(start, end + 1));
}

function expectSecurityHeaders(headers: Headers | Record<string, string>, where: string) {
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : headers[k]) ?? '';
  expect({ where, nosniff: get('x-content-type-options') }).toEqual({ where, nosniff: 'nosniff' });
  expect({ where, hsts: get('strict-transport-security') }).toEqual({ where, hsts: expect.stringMatching(/max-age=\d{7,}/) });
  expect({ where, referrer: get('referrer-policy') }).toEqual({ where, referrer: 'no-referrer' });
  const csp = get('content-security-policy');
  const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ');
  expect({ where, ancestors }).toEqual({ where, ancestors: FRAME_ANCESTORS });
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(get('x-frame-options')).toBe('');
}

describe('HTTP hardening (issue 14)', () => {
  let app: TestApp;
  let meetingId: string;
  beforeAll(async () => {
    const workflow = workflowModule({});
    app = await startTestApp(backend, { modules: [workflow, syncModule({ emulatorDataFile: null })], env: { GRAPH_MODE: 'emulator', GRAPH_EMULATOR_PORT: '0' } });
    meetingId = (await createMeeting(app)).id;
  });
  afterAll(async () => app?.close());

  it('sets CSP (frame-ancestors: Teams, Outlook, Microsoft 365 only), nosniff, HSTS and Referrer-Policy on every class of response', async () => {
    const sec = { 'x-samraad-dev-person': 'nina-hald' };
    const urls: [string, string, RequestInit?][] = [
      ['tab', '/'],
      ['API', '/api/forums', { headers: sec }],
      ['API 404', '/api/no-such-thing'],
      ['API 401', '/api/me/overview'],
      ['public page', '/offentlig'],
      ['feed', '/feeds/minutes.rss'],
      ['calendar feed', '/feeds/forums/midt-ksg.ics'],
      ['download (DOCX)', `/api/meetings/${meetingId}/agenda.docx`, { headers: sec }],
      ['download (HTML)', `/api/meetings/${meetingId}/agenda.html`, { headers: sec }],
      ['Graph validation token echo', '/api/graph/notifications?validationToken=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { method: 'POST', headers: { 'content-type': 'text/plain' } }],
      ['health', '/healthz'],
    ];
    for (const [where, url, init] of urls) {
      const r = await fetch(app.url + url, init);
      await r.arrayBuffer();
      expect({ where, status: r.status < 500 }).toEqual({ where, status: true });
      expectSecurityHeaders(r.headers, where);
    }
  });

  it('answers a CORS preflight (204, not 404) and gives no other origin access', async () => {
    const r = await fetch(`${app.url}/api/forums`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${app.url}/api/forums`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("answers Fastify's own errors as problem+json without echoing the URL", async () => {
    const long = 'x'.repeat(101);
    const cases: [string, number, string | Buffer][] = [
      ['414 too long an id', 414, `GET /api/meetings/${long}SECRETMARK HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
      ['400 bad percent-escape', 400, 'GET /api/meetings/%E0%A4%A/SECRETMARK HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
      ['431 headers too large', 431, `GET /api/forums HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
      ['400 not HTTP', 400, 'HELLO SECRETMARK\r\n\r\n'],
      ['413 body too large', 413, `POST /api/organisations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${3 * 1024 * 1024}\r\nConnection: close\r\n\r\n{"SECRETMARK":"${'a'.repeat(1000)}`],
    ];
    for (const [name, status, request] of cases) {
      const r = await raw(app.url, request);
      expect({ name, status: r.status }).toEqual({ name, status });
      expect({ name, type: r.headers['content-type'] }).toEqual({ name, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(r.body).not.toContain('SECRETMARK');
      expect(r.body).not.toContain('FST_ERR');
      const p = bodyJson(r.body);
      expect({ name, status: p.status, hasDa: typeof p.detailDa === 'string', hasDetail: typeof p.detail === 'string' }).toEqual({ name, status, hasDa: true, hasDetail: true });
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses invalid UTF-8 in a JSON body with 400 (not stored as U+FFFD); a valid body still passes', async () => {
    const before = ((await app.db.db.execute(sql`select count(*)::int as n from organisations`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const bad = Buffer.concat([Buffer.from('{"name":"ok '), Buffer.from([0xff, 0xfe]), Buffer.from(' end","kind":"municipality"}')]);
    const r = await fetch(`${app.url}/api/organisations`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-samraad-dev-person': 'nina-hald' }, body: new Uint8Array(bad) });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const p = (await r.json()) as { errors: { field: string }[]; detailDa: string };
    expect(p.errors[0]!.field).toBe('body');
    expect(p.detailDa).toMatch(/UTF-8/);
    const after = ((await app.db.db.execute(sql`select count(*)::int as n from organisations`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    expect(after).toBe(before);
    // Proper UTF-8 (æøå, emoji) is parsed as before.
    const ok = await fetch(`${app.url}/api/meetings/${meetingId}/items`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-samraad-dev-person': 'nina-hald' }, body: JSON.stringify({ title: 'Æblegrød 🍎' }) });
    expect([201, 409]).toContain(ok.status);
  });

  it('samples refused requests into the audit: 200 anonymous reads and 1,000 forged notifications add a handful of rows', async () => {
    const count = async (action: string) => ((await app.db.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and outcome = 'refused'`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const readsBefore = await count('GET /api/me/overview');
    for (let i = 0; i < 200; i += 20) await Promise.all(Array.from({ length: 20 }, () => fetch(`${app.url}/api/me/overview`).then((r) => r.arrayBuffer())));
    expect((await count('GET /api/me/overview')) - readsBefore).toBeLessThanOrEqual(3);

    const forgedBefore = await count('graph.notification');
    const forged = { value: Array.from({ length: 1000 }, (_, i) => ({ subscriptionId: `forged-${i}`, clientState: 'guess', changeType: 'updated', resource: `Users/x/Events/${i}`, resourceData: { id: `e${i}` } })) };
    const r = await fetch(`${app.url}/api/graph/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(r.status).toBe(403);
    const r2 = await fetch(`${app.url}/api/graph/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(r2.status).toBe(403);
    const rows = await app.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'graph.notification'), eq(auditLog.outcome, 'refused')));
    expect(rows.length - forgedBefore).toBeLessThanOrEqual(2);
    expect(rows.at(-1)!.detail).toMatchObject({ refused: 1000 });
  });
});

describe('rate limits and deadlines with the default settings (issue 14)', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The defaults, not the suite's generous ones.
    app = await startTestApp(backend, { env: { RATE_LIMIT_PER_ADDRESS: '1200', RATE_LIMIT_PER_ADDRESS_CEILING: '12000', RATE_LIMIT_PER_PERSON: '600', HTTP_REQUEST_TIMEOUT_MS: '20000' } });
  });
  afterAll(async () => app?.close());

  it('cuts a POST that declares 100 bytes and sends 9 within 30 s, with a problem+json 408', async () => {
    const r = await raw(app.url, 'POST /api/organisations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":"', { keepOpenMs: 60_000 });
    expect(r.ms).toBeLessThan(30_000);
    expect(r.status).toBe(408);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('lets the signed-in people behind one shared (NAT) address through, each limited on their own', async () => {
    // Three colleagues at one hospital, one address: 1,250 requests together, more than the 1,200 a minute an
    // address gets when nobody signs in, and none refused; then one of them alone passes her own 600.
    const statuses = (rs: number[]) => rs.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<number, number>());
    const send = async (personId: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i += 50) {
        out.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, async () => {
          const r = await fetch(`${app.url}/healthz`, { headers: app.as(personId) });
          if (r.status === 429) expect(await r.json()).toMatchObject({ status: 429, detailDa: expect.stringMatching(/denne person/) });
          else await r.arrayBuffer();
          return r.status;
        }))));
      }
      return out;
    };
    const started = Date.now();
    const together = [...(await send('pia-strand', 500)), ...(await send('lise-brandt', 500)), ...(await send('nina-hald', 250))];
    expect([...statuses(together)]).toEqual([[200, 1250]]);
    const alone = statuses(await send('nina-hald', 400));
    // nina-hald has sent 250 + 400 = 650: 600 pass in her window (a window that turned on a slow machine lets more through).
    const windows = 1 + Math.ceil((Date.now() - started) / 60_000);
    expect(alone.get(200)).toBeGreaterThanOrEqual(350);
    if (windows === 1) expect(alone.get(429)).toBe(50);
  }, 180_000);

  it('answers a burst of 5,000 requests from one address with 429s, problem+json and Retry-After', async () => {
    const started = Date.now();
    const statuses = new Map<number, number>();
    let sample: { retryAfter: string | null; type: string | null; body: any } | undefined;
    for (let i = 0; i < 5000; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, async () => {
          const r = await fetch(`${app.url}/healthz`);
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 429 && !sample) sample = { retryAfter: r.headers.get('retry-after'), type: r.headers.get('content-type'), body: await r.json() };
          else await r.arrayBuffer();
        }),
      );
    }
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // 1,200 a minute pass; on a slow machine the burst may outlast a window and a few more pass.
    // The address's window may have opened before the burst (the test before), so allow one more boundary.
    const windows = 1 + Math.ceil((Date.now() - started) / 60_000);
    // The slow POST of the test before is this address's request too: it may fall in the same window.
    expect(statuses.get(200)).toBeGreaterThanOrEqual(1200 - 1);
    expect(statuses.get(200)).toBeLessThanOrEqual(1200 * windows);
    expect(statuses.get(429)).toBe(5000 - statuses.get(200)!);
    expect(Number(sample!.retryAfter)).toBeGreaterThan(0);
    expect(sample!.type).toMatch(/^application\/problem\+json/);
    expect(sample!.body).toMatchObject({ status: 429, detailDa: expect.stringMatching(/For mange/) });
  }, 180_000);
});

describe('the ceiling per address and refused sign-ins (issue 14)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { env: { RATE_LIMIT_PER_ADDRESS: '50', RATE_LIMIT_PER_ADDRESS_CEILING: '200' } });
  });
  afterAll(async () => app?.close());

  it('counts a refused sign-in as not signed in, and every request from an address against its ceiling', async () => {
    const started = Date.now();
    // The tab's files (Teams loads them without a sign-in) count against the ceiling only: 60 of them, more than
    // the address's 50 for requests that are not signed in, are none of them refused.
    const files: number[] = [];
    for (let i = 0; i < 30; i++) {
      for (const url of ['/assets/index-abc123.js', '/app-after-paint.js']) {
        const r = await fetch(`${app.url}${url}`);
        files.push(r.status);
        await r.arrayBuffer();
      }
    }
    expect(files.filter((s) => s === 429)).toEqual([]);
    const forged: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await fetch(`${app.url}/api/me`, { headers: { authorization: 'Bearer not-a-token' } });
      forged.push(r.status);
      await r.arrayBuffer();
    }
    const people: number[] = [];
    for (const personId of ['pia-strand', 'lise-brandt']) {
      for (let i = 0; i < 100; i++) {
        const r = await fetch(`${app.url}/healthz`, { headers: app.as(personId) });
        people.push(r.status);
        if (r.status === 429) expect(await r.json()).toMatchObject({ status: 429, detailDa: expect.stringMatching(/denne adresse/) });
        else await r.arrayBuffer();
      }
    }
    if (Date.now() - started > 50_000) return; // a window turned on a very slow machine: the counts below would not hold
    // 50 refused sign-ins are answered 401, the rest 429; the address's ceiling (200) has counted the 60 files and the
    // 60 refused sign-ins, and lets 80 of the people's 200 through.
    expect(forged.filter((s) => s === 401)).toHaveLength(50);
    expect(forged.filter((s) => s === 429)).toHaveLength(10);
    expect(people.filter((s) => s === 200)).toHaveLength(80);
    expect(people.filter((s) => s === 429)).toHaveLength(120);
  }, 120_000);
});
