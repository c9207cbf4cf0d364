/**
 * What the browser tests share: a whole Samraad server (the real modules from
 * src/entry/modules.ts, the built tab from dist/tab, a settable clock) on a fresh
 * PGlite database with the demo region, and headless Debian Chromium through
 * playwright-core. The tab is built first when dist/tab is missing or older than
 * its sources.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { appModules } from '../../src/entry/modules.js';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const tabDir = path.join(root, 'dist/tab');
export const shotsDir = path.join(root, 'test-output/e2e');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const tabIsFresh = () => {
  const index = path.join(tabDir, 'index.html');
  return fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(path.join(root, 'src/tab'));
};

/** Builds the tab when it is missing or stale; under a lock, as the browser specs run in parallel workers. */
export function ensureTabBuilt() {
  if (tabIsFresh()) return;
  const build = `test -f ${tabDir}/index.html && [ -z "$(find ${root}/src/tab -newer ${tabDir}/index.html -type f | head -1)" ] || npx vite build --config src/tab/vite.config.ts`;
  const r = spawnSync('flock', [path.join(os.tmpdir(), 'samraad-tab-build.lock'), 'sh', '-c', build], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !tabIsFresh()) throw new Error(`building the tab failed:\n${r.stdout}\n${r.stderr}`);
}

/** A port free right now (the OS picks it; closed again before it is used). */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve, reject) => srv.once('error', reject).listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export type SettableClock = { now(): Date; set(iso: string): void };

export type E2E = { app: TestApp; clock: SettableClock; browser: Browser; context: BrowserContext; page: Page; dataDir: string; close(): Promise<void> };

/** `graph: 'emulator'` runs the Microsoft 365 sync against the local Graph emulator (on a free port), as `npm start` does. */
export async function startE2E(start: string, opts: { graph?: 'off' | 'emulator' } = {}): Promise<E2E> {
  ensureTabBuilt();
  fs.mkdirSync(shotsDir, { recursive: true });
  let t = new Date(start);
  const clock: SettableClock = { now: () => new Date(t), set: (iso) => (t = new Date(iso)) };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-e2e-'));
  // A free port found now rather than "0": the bot's e-mail and chat fallbacks address the emulator by
  // GRAPH_EMULATOR_PORT, and with "0" only the sync module would know where it listens.
  const env: Record<string, string> = { DATA_DIR: dataDir, ...(opts.graph === 'emulator' ? { GRAPH_MODE: 'emulator', GRAPH_EMULATOR_PORT: String(await freePort()) } : {}) };
  const modules = await appModules(loadConfig({ PORT: '0', SAMRAAD_DEMO: '1', GRAPH_MODE: 'off', ...env }));
  const app = await startTestApp(backends[0]!, { modules, tabDir, clock, env });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  // A loaded machine (CI on two cores, every suite at once) can take well over 30 s to load the tab.
  context.setDefaultNavigationTimeout(90_000);
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  return {
    app, clock, browser, context, page, dataDir,
    async close() {
      await browser.close().catch((err: unknown) => console.warn(`closing the browser failed: ${String(err)}`));
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the tab's dev sign-in picker and waits until the app knows it. */
export async function signIn(page: Page, personId: string) {
  await page.locator('#person').waitFor();
  await page.locator(`#person option[value="${personId}"]`).waitFor({ state: 'attached' });
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/me') && r.ok()), page.selectOption('#person', personId)]);
}

export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: Boolean(opts.fullPage) });
}

/**
 * Reads until `ok` holds or the time is up (generous: the machine may be loaded);
 * returns the last value for expect to judge.
 */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

export type EmuEvent = Record<string, unknown> & { id: string; subject?: string; start?: { dateTime: string; timeZone: string }; end?: { dateTime: string; timeZone: string }; location?: { displayName?: string }; isOnlineMeeting?: boolean };
export type EmuState = {
  mailboxes: Record<string, { events: Record<string, EmuEvent>; cancellations: { eventId: string; subject: string; comment: string | null }[] }>;
  mail: { from?: string; message: { subject?: string; toRecipients?: { emailAddress: { address: string } }[]; body?: { content: string } } }[];
};

/** The Graph emulator's whole state (GET /_emulator/state), as the emulator page shows it; its URL from the sync status. */
export async function emulatorState(e: E2E, as: string): Promise<EmuState> {
  const status = (await (await fetch(`${e.app.url}/api/sync/status`, { headers: e.app.as(as) })).json()) as { emulatorUrl?: string };
  if (!status.emulatorUrl) throw new Error('the server runs no Graph emulator');
  return (await (await fetch(`${status.emulatorUrl}/_emulator/state`)).json()) as EmuState;
}

/** The Outlook events (in any mailbox) that belong to a meeting. */
export async function eventsOf(e: E2E, as: string, meetingId: string): Promise<EmuEvent[]> {
  const s = await emulatorState(e, as);
  return Object.values(s.mailboxes).flatMap((m) => Object.values(m.events)).filter((ev) => JSON.stringify(ev).includes(meetingId));
}

/**
 * Opens `url` with the tab in `lang`. The tab stores its language when it starts, so a choice
 * written while the page is still starting can be overwritten by the starting tab: write it,
 * reload, and check the started tab took it (a few rounds), instead of trusting the first write.
 */
export async function openInLanguage(page: Page, url: string, lang: 'da' | 'en') {
  await page.goto(url);
  for (let i = 0; ; i++) {
    await page.evaluate((l) => localStorage.setItem('samraad.lang', l), lang);
    await page.reload();
    // The tab sets <html lang> from its language once it has started.
    const took = await page
      .waitForFunction((l) => document.documentElement.lang === l && localStorage.getItem('samraad.lang') === l && Boolean(document.getElementById('root')?.childElementCount), lang, { timeout: 10_000 })
      .then(() => true, () => false);
    if (took) return;
    if (i === 4) throw new Error(`the tab did not start in ${lang}`);
  }
}

/**
 * Screenshots of the screen in light and dark, Danish and English, into
 * SHOTS_DIR (default test-output/e2e/variants): `ready(lang)` waits for the screen
 * after each reload. Only when SHOTS_DIR is set, so the plain test run stays fast.
 */
export async function shotVariants(page: Page, name: string, ready: (lang: 'da' | 'en') => Promise<void>) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const back = page.url();
  for (const theme of ['light', 'dark'] as const) {
    const u = new URL(back);
    if (theme === 'dark') u.searchParams.set('theme', 'dark');
    else u.searchParams.delete('theme');
    for (const lang of ['da', 'en'] as const) {
      await openInLanguage(page, u.toString(), lang);
      await ready(lang);
      await page.screenshot({ path: path.join(dir, `${name}-${theme}-${lang}.png`), fullPage: true });
    }
  }
  await openInLanguage(page, back, 'da');
}
