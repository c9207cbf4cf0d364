#!/usr/bin/env node
// `npm run package [-- --env <name>] [--out <dir>]`: builds the Teams app package.
// It fills every ${{VAR}} in appPackage/manifest.json from env/.env.<name> (default
// "local"), refuses when a placeholder has no value, and zips manifest.json + the two
// icons into <out>/appPackage.<name>.zip (default out: appPackage/build), next to the
// filled manifest.<name>.json. It reads only the non-secret env file: the manifest
// must never contain a SECRET_ value. This is what teamsApp/zipAppPackage does in
// teamsapp.yml, without the Toolkit, so CI can build and validate the package offline.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Parses a dotenv-style file the way the Toolkit does: KEY=VALUE, # comments, optional quotes. */
export function parseEnvFile(text) {
  const vars = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new Error(`cannot parse env line: ${raw}`);
    let value = m[2];
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    vars[m[1]] = value;
  }
  return vars;
}

/** Replaces ${{NAME}}; returns the text and the names that had no (or an empty) value. */
export function fillPlaceholders(text, vars) {
  const missing = new Set();
  const filled = text.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name) => {
    const v = vars[name];
    if (v === undefined || v === '') {
      // APP_NAME_SUFFIX may legitimately be empty (the production name has none).
      if (v === '' && name === 'APP_NAME_SUFFIX') return '';
      missing.add(name);
      return '';
    }
    if (name.startsWith('SECRET_')) throw new Error(`the manifest must not contain secrets (${name})`);
    // JSON-escape: the placeholder sits inside a JSON string.
    return JSON.stringify(v).slice(1, -1);
  });
  return { filled, missing: [...missing] };
}

export async function buildPackage({ env = 'local', out = join(root, 'appPackage', 'build'), envDir = join(root, 'env') } = {}) {
  const envFile = join(envDir, `.env.${env}`);
  if (!existsSync(envFile)) throw new Error(`no env file ${envFile}`);
  const vars = parseEnvFile(readFileSync(envFile, 'utf8'));
  const template = readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8');
  const { filled, missing } = fillPlaceholders(template, vars);
  if (missing.length) throw new Error(`env/.env.${env} has no value for: ${missing.join(', ')}`);
  const manifest = JSON.parse(filled);
  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical across runs with the same inputs.
  const date = new Date(Date.UTC(2026, 0, 1));
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date });
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.file(icon, readFileSync(join(root, 'appPackage', icon)), { date });
  }
  mkdirSync(out, { recursive: true });
  const zipPath = join(out, `appPackage.${env}.zip`);
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  writeFileSync(zipPath, data);
  writeFileSync(join(out, `manifest.${env}.json`), JSON.stringify(manifest, null, 2));
  return { zipPath, manifest };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    const { zipPath } = await buildPackage({
      env: opt('env') ?? process.env.TEAMSFX_ENV ?? 'local',
      ...(opt('out') ? { out: resolve(opt('out')) } : {}),
      ...(opt('env-dir') ? { envDir: resolve(opt('env-dir')) } : {}),
    });
    console.log(`wrote ${zipPath}`);
  } catch (e) {
    console.error(`package: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
