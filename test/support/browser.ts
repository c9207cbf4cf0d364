/**
 * Real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) driven by
 * playwright-core, with the flags this machine needs, and the tab built once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export const tabDir = path.resolve('dist/tab');
export const screenshotDir = path.resolve('test-output/e2e');

export function ensureTabBuilt(): string {
  const srcNewest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? srcNewest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const index = path.join(tabDir, 'index.html');
  if (!fs.existsSync(index) || srcNewest(path.resolve('src/tab')) > fs.statSync(index).mtimeMs) {
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'src/tab/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the tab failed');
  }
  return tabDir;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
