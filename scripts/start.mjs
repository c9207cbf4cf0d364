#!/usr/bin/env node
// `npm start`: build the tab if its sources are newer than the build, bundle the
// server into dist/server.mjs if its sources are newer than the bundle
// (scripts/build-server.mjs, esbuild), then run the bundle in this process.
// Extra arguments go to the server (--role=web|worker|all, --no-demo).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, serverBundle } from './build-server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'dist', 'tab', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const needsBuild = !fs.existsSync(built) || newestMtime(path.join(root, 'src', 'tab')) > fs.statSync(built).mtimeMs;
if (needsBuild) {
  process.stdout.write('Building the tab ...\n');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src/tab/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  await ensureServerBuilt();
} catch (err) {
  process.stderr.write(`error: building the server failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
// The server reads process.argv.slice(2) and installs its own SIGINT/SIGTERM handlers;
// relative paths (DATA_DIR's default ./.data) resolve from the project, as before.
process.chdir(root);
await import(pathToFileURL(serverBundle).href);
