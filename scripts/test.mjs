#!/usr/bin/env node
// `npm test`: type-check the whole project, lint it (layer rules, no floating
// promises, no swallowed errors: scripts/lint.mjs), then run every jest test
// (TypeScript run directly through @swc/jest as native ES modules). Extra
// arguments go to jest. SAMRAAD_SKIP_TYPECHECK=1 skips the type-check and
// SAMRAAD_SKIP_LINT=1 the lint for quick local runs.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (cmd, argv, env = {}) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.SAMRAAD_SKIP_TYPECHECK) run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (!process.env.SAMRAAD_SKIP_LINT) run('node', ['scripts/lint.mjs']);
run('npx', ['jest', ...args], {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim(),
});
