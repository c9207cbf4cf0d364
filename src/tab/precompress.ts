/**
 * Build-time compression of the tab (issue 18): after `vite build`, every text file
 * of 1 kB or more in the output folder gets a `.br` (Brotli, best quality) and a
 * `.gz` (gzip level 9) beside it, which the server sends as they lie (@fastify/static
 * `preCompressed`), so no page load pays for compression. Node-only: used by
 * vite.config.ts, never bundled into the tab.
 */
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT_FILE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes `<file>.br` and `<file>.gz` for every text file of at least `threshold` bytes under `dir`; returns the files compressed. */
export function precompressDir(dir: string, threshold = 1024): string[] {
  const done: string[] = [];
  for (const file of files(dir)) {
    if (!TEXT_FILE.test(file)) continue;
    const bytes = fs.readFileSync(file);
    if (bytes.length < threshold) continue;
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const gz = gzipSync(bytes, { level: 9 });
    // A file that does not shrink is sent as it is.
    if (br.length < bytes.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < bytes.length) fs.writeFileSync(`${file}.gz`, gz);
    done.push(path.relative(dir, file));
  }
  return done;
}

/** The vite plugin: compresses the finished build output. */
export function precompressPlugin() {
  let outDir = '';
  return {
    name: 'samraad-precompress',
    apply: 'build' as const,
    configResolved(config: { root: string; build: { outDir: string } }) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (outDir && fs.existsSync(outDir)) precompressDir(outDir);
    },
  };
}
