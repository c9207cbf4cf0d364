#!/usr/bin/env node
// The lint step of `npm test` (ESLint with the layer rules, see eslint.config.js).
// Cached in .eslintcache: a re-run only lints what changed (the cache keys on each
// file's content; a type-aware rule whose inputs changed in another file is caught
// by the full run in CI, where there is no cache). Extra arguments go to eslint.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const r = spawnSync('npx', ['eslint', '--cache', '--cache-location', '.eslintcache', '--cache-strategy', 'content', '--max-warnings', '0', ...process.argv.slice(2), '.'], { stdio: 'inherit' });
if (r.status === 0) console.log(`lint: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(r.status ?? 1);
