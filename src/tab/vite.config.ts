import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompressPlugin } from './precompress.js';

const here = path.dirname(fileURLToPath(import.meta.url));

// The tab is built into dist/tab and served by the Samraad server at /.
// config-page.js (the channel tab's configuration page) keeps a fixed name
// because public/config.html refers to it.
export default defineConfig({
  root: here,
  base: '/',
  publicDir: path.join(here, 'public'),
  // Every text file of the build gets a .br and a .gz beside it, sent as they lie by the server.
  plugins: [precompressPlugin()],
  build: {
    outDir: path.resolve(here, '../../dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // Fluent's "use client" directives mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: { index: path.join(here, 'index.html'), 'config-page': path.join(here, 'config-page.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'config-page' ? 'config-page.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
