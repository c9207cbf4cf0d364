/**
 * P4: the tab. Builds it (vite, src/tab/vite.config.ts) into a temporary folder,
 * gzips the JavaScript its index.html loads up front (the module entry and its
 * modulepreload links; chunks imported later are not counted), then serves that
 * folder from a whole Samraad server (demo region, PGlite) and times, in one
 * headless Chromium, how long until the forum list is visible: the tab at / (the
 * forum tree's `[data-forum-id]` items) against a static HTML page with the same
 * list served by the same server. Each load is a fresh browser context (cold
 * cache); the two pages alternate so drift on the machine hits both.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startTestApp } from '../test/support/app.js';
import { backends } from '../test/support/db.js';
import { generateSynthetic, tinySize } from './synthetic.js';
import { hr, median, msSince, type BenchRow, type Benchmark, type Scale } from './bench.table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function buildTab(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src/tab/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited ${code}:\n${out}`))));
  });
}

/** The scripts index.html loads before anything runs: module entries and modulepreloads. */
export function initialScripts(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const m of indexHtml.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) found.add(m[1]!);
  for (const m of indexHtml.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) found.add(m[1]!);
  return [...found];
}

export function initialJsGzipBytes(dir: string): { bytes: number; raw: number; files: string[] } {
  const files = initialScripts(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
  if (!files.length) throw new Error('index.html loads no module script');
  let bytes = 0;
  let raw = 0;
  for (const f of files) {
    const content = fs.readFileSync(path.join(dir, f.replace(/^\//, '')));
    raw += content.length;
    bytes += gzipSync(content, { level: 9 }).length;
  }
  return { bytes, raw, files };
}

/** Bytes on the wire (no decoding) and the content-encoding of one GET. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ bytes: number; encoding?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => (res.statusCode === 200 ? resolve({ bytes, encoding: res.headers['content-encoding'] }) : reject(new Error(`GET ${url}: ${res.statusCode}`))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export const tabLoadBenchmark: Benchmark = {
  id: 'P4',
  title: 'tab initial JavaScript and time to the forum list',
  async run(scale: Scale): Promise<BenchRow[]> {
    const runs = scale === 'full' ? 7 : 1;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-bench-tab-'));
    try {
      await buildTab(dir);
      const js = initialJsGzipBytes(dir);
      // The static page lists the same forums the tab's tree shows, with the same marker.
      const demo = JSON.parse(fs.readFileSync(path.join(root, 'src', 'demo', 'demo-region.json'), 'utf8')) as { forums?: { id: string; name: string }[] };
      const forums = demo.forums ?? generateSynthetic(tinySize).forums;
      fs.writeFileSync(path.join(dir, 'static-forums.html'), `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Fora</title></head><body><ul>${forums.map((f) => `<li data-forum-id="${esc(f.id)}">${esc(f.name)}</li>`).join('')}</ul></body></html>`);

      const app = await startTestApp(backends[0]!, { tabDir: dir });
      // What the server actually sends for those scripts to a browser that accepts Brotli (issue 18).
      const wire = { bytes: 0, encodings: new Set<string>() };
      for (const f of js.files) {
        const got = await rawGet(`${app.url}${f}`, { 'accept-encoding': 'br, gzip' });
        wire.bytes += got.bytes;
        wire.encodings.add(got.encoding ?? 'identity');
      }
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
      try {
        const load = async (url: string): Promise<number> => {
          const context = await browser.newContext();
          // Signed in (dev sign-in cookie) as the region's secretariat: forums are not listed to anonymous callers.
          await context.addCookies([{ name: 'samraad_dev_person', value: 'dorte-bach', url: app.url }]);
          try {
            const page = await context.newPage();
            const t = hr();
            await page.goto(url, { waitUntil: 'commit' });
            await page.locator('[data-forum-id]').first().waitFor({ state: 'visible', timeout: 60_000 });
            return msSince(t);
          } finally {
            await context.close();
          }
        };
        // One unmeasured load of each warms the server's and Chromium's code paths.
        await load(`${app.url}/`);
        await load(`${app.url}/static-forums.html`);
        const tab: number[] = [];
        const stat: number[] = [];
        for (let i = 0; i < runs; i++) {
          tab.push(await load(`${app.url}/`));
          stat.push(await load(`${app.url}/static-forums.html`));
        }
        const tabMs = median(tab);
        const staticMs = median(stat);
        return [
          {
            id: 'P4', what: 'tab initial JavaScript (gzip)', value: js.bytes / 1000, unit: 'kB', baseline: null, baselineWhat: '-', ratio: null,
            target: '<= 250 KB gzip', meets: js.bytes <= 250 * 1000,
            note: `${js.files.join(', ')}: ${(js.raw / 1000).toFixed(0)} kB raw, gzip level 9`,
          },
          {
            id: 'P4', what: 'tab initial JavaScript sent', value: wire.bytes / 1000, unit: 'kB', baseline: js.raw / 1000, baselineWhat: 'uncompressed', ratio: wire.bytes / js.raw,
            target: 'sent compressed', meets: !wire.encodings.has('identity'),
            note: `GET of the same files with Accept-Encoding: br, gzip; content-encoding ${[...wire.encodings].join(', ')}`,
          },
          {
            id: 'P4', what: 'tab: forum list visible', value: tabMs, unit: 'ms', baseline: staticMs, baselineWhat: 'static HTML page', ratio: tabMs / staticMs,
            target: '<= 2x static page', meets: tabMs <= 2 * staticMs,
            note: `headless Chromium, cold context per load, median of ${runs} (tab ${tab.map((x) => x.toFixed(0)).join(', ')}; static ${stat.map((x) => x.toFixed(0)).join(', ')} ms)`,
          },
        ];
      } finally {
        await browser.close();
        await app.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
