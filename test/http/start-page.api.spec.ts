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
import { withAppAfterFirstPaint, withBootData, withFirstView } from '../../src/entry/http/server.js';

const page = '<!doctype html><html lang="da"><head><title>Samraad</title></head><body><div id="root"></div></body></html>';

/** The forum ids the first view (src/tab/first-view.ts) lists inside the root element, in order. */
function firstViewIds(html: string): string[] {
  const root = /<div id="root">(.*)<\/div><\/body>/s.exec(html)?.[1] ?? '';
  return [...root.matchAll(/data-forum-id="([^"]+)"/g)].map((m) => m[1]!);
}
const treeIds = (nodes: { id: string; children: unknown[] }[]): string[] => nodes.flatMap((n) => [n.id, ...treeIds(n.children as { id: string; children: unknown[] }[])]);

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

  it('shows the forum list of that same answer as HTML in the root element, before any script runs', async () => {
    const cookie = { cookie: 'samraad_dev_person=dorte-bach' };
    const html = await (await get('/', cookie)).text();
    const tree = (await (await get('/api/forums/tree', cookie)).json()) as { id: string; name: string; children: unknown[] }[];
    expect(firstViewIds(html)).toEqual(treeIds(tree));
    expect(html).toContain(`<a href="#/forums/${tree[0]!.id}">`);
    expect(html).toMatch(/<nav class="sfv-n" aria-label="Forumhierarki">/);
    expect(html).toMatch(/<style id="samraad-first-view-style">[^<]*prefers-color-scheme: dark[^<]*<\/style><\/head>/);
    // A theme in the address (as Teams passes it) is the one drawn.
    expect(await (await get('/?theme=dark', cookie)).text()).not.toMatch(/prefers-color-scheme/);
  });

  it('gives an anonymous visitor the plain page', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(page);
  });

  it('gives a member only what the API gives that member', async () => {
    const cookie = { cookie: 'samraad_dev_person=pia-strand' };
    const html = await (await get('/', cookie)).text();
    const tree = (await (await get('/api/forums/tree', cookie)).json()) as { id: string; children: unknown[] }[];
    expect(bootOf(html)!.tree).toEqual(tree);
    expect(firstViewIds(html)).toEqual(treeIds(tree));
  });

  it('shows no list to a caller the API refuses (an unknown dev person)', async () => {
    const res = await get('/', { cookie: 'samraad_dev_person=nobody-at-all' });
    const html = res.ok ? await res.text() : '';
    expect(firstViewIds(html)).toEqual([]);
    expect(html).not.toContain('samraad-first-view-style');
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
  it('keeps a $ in the data as text (not a replacement pattern)', () => {
    const html = withBootData(page, { tree: [{ name: "A $& B $' C" }] });
    expect(bootOf(html)).toEqual({ tree: [{ name: "A $& B $' C" }] });
  });
  it('leaves the page as it is when there is nothing to carry', () => {
    expect(withBootData(page, {})).toBe(page);
  });
});

/** The start page as the tab build writes it (vite: the module entry and its modulepreloads in the head). */
const built = [
  '<!doctype html><html lang="da"><head><title>Samraad</title>',
  '<script type="module" crossorigin src="/assets/index-C0dv23rq.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/rolldown-runtime-XKyaHtl9.js">',
  '<link rel="modulepreload" crossorigin href="/assets/jsx-dev-runtime-3UTX1lcf.js">',
  '</head><body><div id="root"></div></body></html>',
].join('\n');
const tree = [{ id: 'midt-ksg', name: 'KSG Midt', kind: 'cluster', region: 'midt', children: [] }];
const me = { signedIn: true, person: { id: 'p', name: 'P' }, memberships: [] };

describe('a page with a first view loads the app after drawing it (issue 18, P4)', () => {
  it('loads the same entry through app-after-paint.js, without preloading the app before the first paint', () => {
    const html = withFirstView(built, { me, tree }, '2026-12-06');
    expect(firstViewIds(html)).toEqual(['midt-ksg']);
    expect(html).toContain('<script type="module" id="samraad-app" data-entry="/assets/index-C0dv23rq.js" src="/app-after-paint.js"></script>');
    expect(html).not.toContain('crossorigin src="/assets/index-C0dv23rq.js"');
    expect(html).not.toContain('modulepreload');
    // The loader the page names is in the tab build's public folder (copied to the build as it is).
    const loader = fs.readFileSync(path.join(process.cwd(), 'src/tab/public/app-after-paint.js'), 'utf8');
    expect(loader).toContain("getElementById('samraad-app')");
    expect(loader).toContain('import(entry)');
  });
  it('leaves a page without a first view (nothing to show before the app) with the build\'s own script and preloads', () => {
    expect(withFirstView(built, {}, '2026-12-06')).toBe(built);
    expect(withFirstView(built, { me: { signedIn: false } }, '2026-12-06')).toBe(built);
  });
  it('leaves a page it does not recognise as it is', () => {
    expect(withAppAfterFirstPaint(page)).toBe(page);
  });
});
