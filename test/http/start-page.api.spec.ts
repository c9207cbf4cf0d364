/**
 * The start page carries the first data (issue 18, P4): a browser signed in with the dev
 * sign-in gets who it is and the forum tree inside the HTML, exactly as the API answers them,
 * so the forum list needs no round trip after the JavaScript. Nobody else gets any: not an
 * anonymous visitor, not a request without the cookie (Teams, where the SSO token decides).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { withBootData } from '../../src/entry/http/server.js';

const page = '<!doctype html><html lang="da"><head><title>Samraad</title></head><body><div id="root"></div></body></html>';

function bootOf(html: string): Record<string, unknown> | null {
  const m = /<script id="samraad-boot" type="application\/json">([^<]*)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1]!) as Record<string, unknown>) : null;
}

describe.each(backends)('the start page on $name', (backend) => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-start-page-'));
    fs.writeFileSync(path.join(dir, 'index.html'), page);
    app = await startTestApp(backend, { tabDir: dir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => fetch(app.url + url, { headers });

  it('carries who is signed in and the forum tree, as the API answers them for the same cookie', async () => {
    const cookie = { cookie: 'samraad_dev_person=dorte-bach' };
    const res = await get('/', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toMatch(/cookie/i);
    const boot = bootOf(await res.text());
    expect(boot).not.toBeNull();
    const me = await (await get('/api/me', cookie)).json();
    const tree = await (await get('/api/forums/tree', cookie)).json();
    expect(boot!.me).toEqual(me);
    expect(boot!.tree).toEqual(tree);
    expect((boot!.me as { person: { id: string } }).person.id).toBe('dorte-bach');
    expect((boot!.tree as unknown[]).length).toBeGreaterThan(0);
  });

  it('gives an anonymous visitor the plain page', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(page);
  });

  it('gives a member only what the API gives that member', async () => {
    const cookie = { cookie: 'samraad_dev_person=pia-strand' };
    const boot = bootOf(await (await get('/', cookie)).text());
    expect(boot!.tree).toEqual(await (await get('/api/forums/tree', cookie)).json());
  });
});

describe('withBootData', () => {
  it('escapes text that could end the script element', () => {
    const html = withBootData(page, { tree: [{ name: '</script><script>alert(1)</script>\u2028' }] });
    const m = /<script id="samraad-boot" type="application\/json">(.*)<\/script><\/head>/s.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toMatch(/<|\u2028/);
    expect(JSON.parse(m![1]!)).toEqual({ tree: [{ name: '</script><script>alert(1)</script>\u2028' }] });
  });
  it('leaves the page as it is when there is nothing to carry', () => {
    expect(withBootData(page, {})).toBe(page);
  });
});
