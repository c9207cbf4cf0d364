#!/usr/bin/env node
// Bundles the server (src/main.ts and everything it imports from src/, bot/ and
// emulator/) with esbuild into dist/server.mjs, so `npm start` runs plain
// JavaScript instead of transpiling TypeScript through tsx at every start.
// Packages in node_modules stay external (PGlite's wasm and data files, pg-boss,
// botbuilder, ... are loaded from node_modules as usual).
//
// `import.meta.url` in a bundled file is rewritten to the URL of its source file
// (relative to the bundle), so paths like the migrations folder, the demo JSON or
// the emulator's reference contract resolve exactly as they do under tsx.
//
// Code reached only through a dynamic import() (the bot endpoint and botbuilder,
// loaded on the first /api/messages) goes into dist/server-<name>-<hash>.mjs chunks.
//
// dist/server.meta.json lists the bundle's inputs: the build is stale when one of
// them (or this script) is newer than the bundle or is gone. That check is one
// stat per input (about 150), a few milliseconds.
//
//   node scripts/build-server.mjs          build when stale
//   node scripts/build-server.mjs --force  build always
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, 'dist', 'server.mjs');
const metaFile = path.join(root, 'dist', 'server.meta.json');
const entry = path.join(root, 'src', 'main.ts');

/** Why the bundle must be (re)built, or undefined when it is up to date. */
export function serverBuildStale() {
  let built;
  try {
    built = fs.statSync(serverBundle).mtimeMs;
  } catch {
    return 'no bundle yet';
  }
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(metaFile, 'utf8')).inputs;
  } catch {
    return 'no input list';
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return 'no input list';
  for (const rel of [...inputs, 'scripts/build-server.mjs']) {
    let m;
    try {
      m = fs.statSync(path.join(root, rel)).mtimeMs;
    } catch {
      return `${rel} is gone`;
    }
    if (m > built) return `${rel} changed`;
  }
  return undefined;
}

/** Rewrites `import.meta.url` in each source file to its own URL, relative to the bundle. */
const sourceImportMetaUrl = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(m?ts|tsx)$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8');
      if (contents.includes('import.meta.url')) {
        const rel = path.relative(path.dirname(serverBundle), args.path).split(path.sep).join('/');
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

/** Builds dist/server.mjs (and its source map and input list); atomic, so concurrent starts never see half a file. */
export async function buildServer() {
  const { build } = await import('esbuild');
  // A source saved while the build runs must still count as newer than the bundle.
  const started = new Date();
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    sourcemap: 'linked',
    // Code reached only through a dynamic import() (the bot's inbound endpoint, which
    // loads botbuilder) goes into dist/server-<name>-<hash>.mjs chunks next to the
    // bundle, loaded when first used; external packages a chunk imports load with it.
    splitting: true,
    outdir: path.dirname(serverBundle),
    entryNames: 'server',
    chunkNames: 'server-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: [sourceImportMetaUrl],
  });
  fs.mkdirSync(path.dirname(serverBundle), { recursive: true });
  const tmp = `.${process.pid}.tmp`;
  const inputs = Object.keys(result.metafile.inputs).map((p) => path.relative(root, path.resolve(root, p)).split(path.sep).join('/'));
  const files = [...result.outputFiles.map((f) => [f.path, f.contents]), [metaFile, JSON.stringify({ inputs }, null, 1)]];
  for (const [p, contents] of files) fs.writeFileSync(p + tmp, contents);
  // The bundle last: its mtime (the build's start) is what the staleness check compares with.
  for (const [p] of files) if (p !== serverBundle) fs.renameSync(p + tmp, p);
  fs.utimesSync(serverBundle + tmp, started, started);
  fs.renameSync(serverBundle + tmp, serverBundle);
  // Chunks of earlier builds: removed once they are an hour old (a server started from
  // an earlier bundle may still load its chunks lazily).
  const current = new Set(result.outputFiles.map((f) => path.basename(f.path)));
  const dir = path.dirname(serverBundle);
  for (const name of fs.readdirSync(dir)) {
    if (!/^server-.+\.mjs(\.map)?$/.test(name) || current.has(name)) continue;
    const p = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { force: true });
    } catch {
      // gone already
    }
  }
}

/** Builds when stale; returns whether it built. */
export async function ensureServerBuilt({ force = false, log = (m) => process.stdout.write(`${m}\n`) } = {}) {
  const why = force ? 'forced' : serverBuildStale();
  if (!why) return false;
  log(`Building the server (${why}) ...`);
  await buildServer();
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureServerBuilt({ force: process.argv.includes('--force') }).catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
