/**
 * Issue 18, "the tab arrives fast": text answers go out with Brotli or gzip as the
 * client accepts, the tab's files as compressed at build time (src/tab/precompress.ts),
 * hashed assets cached for a year, index.html always revalidated; binary downloads,
 * the Graph validation handshake and small answers go out as they are, and the
 * security headers and problem+json answers are unchanged.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { syncModule } from '../../src/entry/sync.module.js';
import { workflowModule } from '../../src/entry/workflow.module.js';
import { precompressDir } from '../../src/tab/precompress.js';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createMeeting } from '../workflow/workflow.fixture.js';

const backend = backends[0]!;

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET or POST whose body is returned exactly as sent (fetch would decode it). */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(r: Raw): Buffer {
  if (r.headers['content-encoding'] === 'br') return brotliDecompressSync(r.body);
  if (r.headers['content-encoding'] === 'gzip') return gunzipSync(r.body);
  return r.body;
}

function expectSecurityHeaders(r: Raw) {
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['content-security-policy']).toMatch(/frame-ancestors /);
  expect(r.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
}

// A built tab in miniature: index.html, a hashed entry (precompressed like the build does) and a hashed chunk without.
const tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-compress-tab-'));
const entry = `/* entry */\n${Array.from({ length: 400 }, (_, i) => `export const screen${i} = () => document.querySelector('[data-forum-id="${i}"]');`).join('\n')}\n`;
const chunk = `/* chunk */\n${Array.from({ length: 200 }, (_, i) => `export function row${i}(x) { return x * ${i} + ${i % 7}; }`).join('\n')}\n`;
fs.mkdirSync(path.join(tabDir, 'assets'));
fs.writeFileSync(path.join(tabDir, 'index.html'), `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Samraad</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`);
fs.writeFileSync(path.join(tabDir, 'assets', 'index-Ab12Cd34.js'), entry);
const precompressed = precompressDir(tabDir);
fs.writeFileSync(path.join(tabDir, 'assets', 'Chunk-Ef56Gh78.js'), chunk);

describe('compression and caching (issue 18)', () => {
  let app: TestApp;
  let meetingId: string;
  const sec = { 'x-samraad-dev-person': 'nina-hald' };
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [workflowModule({}), syncModule({ emulatorDataFile: null })], env: { GRAPH_MODE: 'emulator', GRAPH_EMULATOR_PORT: '0' }, tabDir });
    meetingId = (await createMeeting(app)).id;
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(tabDir, { recursive: true, force: true });
  });

  it('the build step writes .br and .gz beside each text file of 1 kB or more', () => {
    expect(precompressed.sort()).toEqual(['assets/index-Ab12Cd34.js', 'index.html']);
    expect(brotliDecompressSync(fs.readFileSync(path.join(tabDir, 'assets', 'index-Ab12Cd34.js.br'))).toString()).toBe(entry);
    expect(gunzipSync(fs.readFileSync(path.join(tabDir, 'assets', 'index-Ab12Cd34.js.gz'))).toString()).toBe(entry);
  });

  it('sends a hashed tab script with Brotli or gzip, smaller, the same bytes decoded, cached for a year', async () => {
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip, deflate', 'gzip']] as const) {
      for (const [file, source] of [['index-Ab12Cd34.js', entry], ['Chunk-Ef56Gh78.js', chunk]] as const) {
        const r = await raw(`${app.url}/assets/${file}`, { 'accept-encoding': accept });
        expect({ file, accept, status: r.status, encoding: r.headers['content-encoding'] }).toEqual({ file, accept, status: 200, encoding });
        expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript/);
        expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(r.headers.vary).toMatch(/accept-encoding/i);
        expect(r.body.length).toBeLessThan(Buffer.byteLength(source) / 3);
        expect(decode(r).toString()).toBe(source);
        expectSecurityHeaders(r);
      }
    }
    // A client that accepts nothing gets the file as it is.
    const plain = await raw(`${app.url}/assets/index-Ab12Cd34.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(entry);
  });

  it('sends index.html compressed and always revalidated (no-cache), with the strict CSP', async () => {
    const r = await raw(`${app.url}/`, { 'accept-encoding': 'br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    // private: for a browser signed in with the dev sign-in the start page carries that person's first data (issue 18, P4).
    expect(r.headers['cache-control']).toBe('private, no-cache');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(decode(r).toString()).toContain('<div id="root">');
    expectSecurityHeaders(r);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  it('sends the index.html a rebuild of the tab wrote, not the one read at start (its assets are gone), and the new assets it names', async () => {
    const file = path.join(tabDir, 'index.html');
    const before = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, before.replace('index-Ab12Cd34.js', 'index-Zz99Yy88.js'));
      fs.writeFileSync(path.join(tabDir, 'assets', 'index-Zz99Yy88.js'), entry);
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(file, later, later); // a different mtime even on a file system with coarse timestamps
      const r = await raw(`${app.url}/`);
      expect(r.status).toBe(200);
      expect(r.body.toString()).toContain('/assets/index-Zz99Yy88.js');
      expect(r.body.toString()).not.toContain('index-Ab12Cd34.js');
      // ... and the new script it names is there too, as immutable as the ones built before the server started.
      const script = await raw(`${app.url}/assets/index-Zz99Yy88.js`);
      expect(script.status).toBe(200);
      expect(script.body.toString()).toBe(entry);
      expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expectSecurityHeaders(script);
      // A name no build wrote is still the not-found answer.
      const missing = await raw(`${app.url}/assets/index-Nope0000.js`);
      expect(missing.status).toBe(404);
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  it('compresses JSON API answers, public pages and feeds above 1 kB; the decoded body equals the plain one', async () => {
    const urls: [string, Record<string, string>][] = [
      ['/api/openapi.json', {}],
      ['/api/forums', sec],
      [`/api/meetings/${meetingId}`, sec],
      [`/api/meetings/${meetingId}/agenda.html`, sec],
      ['/offentlig/midtjylland', {}], // the region's address (its name answers 301 to it since regions are data)
      ['/feeds/forums/midt-ksg.ics', {}],
    ];
    for (const [url, headers] of urls) {
      const plain = await raw(app.url + url, headers);
      expect({ url, status: plain.status, size: plain.body.length >= 1024 }).toEqual({ url, status: 200, size: true });
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const accept of ['br', 'gzip']) {
        const r = await raw(app.url + url, { ...headers, 'accept-encoding': accept });
        expect({ url, encoding: r.headers['content-encoding'] }).toEqual({ url, encoding: accept });
        expect(r.headers['content-type']).toBe(plain.headers['content-type']);
        expect(r.body.length).toBeLessThan(plain.body.length);
        expectSecurityHeaders(r);
        const decoded = decode(r).toString();
        // The calendar feed stamps the time it was made; everything else is byte for byte the same.
        if (url.endsWith('.ics')) expect(decoded.replace(/DTSTAMP:\S+/g, '')).toBe(plain.body.toString().replace(/DTSTAMP:\S+/g, ''));
        else expect(decoded).toBe(plain.body.toString());
      }
    }
  });

  it('sends a DOCX download as it is, with its exact Content-Length, even to a client that accepts Brotli', async () => {
    const r = await raw(`${app.url}/api/meetings/${meetingId}/agenda.docx`, { ...sec, 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/wordprocessingml/);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.subarray(0, 2).toString()).toBe('PK');
    expectSecurityHeaders(r);
  });

  it('echoes the Graph validation token as plain text, uncompressed, however long', async () => {
    const token = `Validation: ${'x'.repeat(2000)}`;
    const r = await raw(`${app.url}/api/graph/notifications?validationToken=${encodeURIComponent(token)}`, { 'accept-encoding': 'br, gzip', 'content-type': 'text/plain' }, 'POST');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString()).toBe(token);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leaves problem+json answers and small answers as they are', async () => {
    const notFound = await raw(`${app.url}/api/meetings/no-such-meeting`, { ...sec, 'accept-encoding': 'br' });
    expect(notFound.status).toBe(404);
    expect(notFound.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(decode(notFound).toString()) as { status: number };
    expect(body.status).toBe(404);
    const health = await raw(`${app.url}/healthz`, { 'accept-encoding': 'br' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
