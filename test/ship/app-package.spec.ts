// Issue 7, "Done when" 1: `npm run package` builds a zip whose manifest validates
// offline against the v1.30 schema and whose icons have the sizes Teams requires.
import { describe, it, expect, beforeAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { readPng, type Png } from './png.js';

const root = resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(join(root, '../shared/reference/teams-manifest.schema.json'), 'utf8'));
// Both are CommonJS with a default export; under NodeNext their type is the module object.
type AjvLike = { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null } };
const Ajv04 = ((Ajv04Module as unknown as { default?: unknown }).default ?? Ajv04Module) as new (o: object) => AjvLike;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: unknown) => void;
const ajv = new Ajv04({ strict: false, allErrors: true });
addFormats(ajv);
const validateManifest = ajv.compile(schema);

function runPackage(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

type Manifest = Record<string, any>;
let manifest: Manifest;
let color: Png;
let outline: Png;
let zipNames: string[];

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'samraad-pkg-'));
  const r = runPackage(['--env', 'local', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(join(out, 'appPackage.local.zip')));
  zipNames = Object.keys(zip.files).sort();
  manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  color = readPng(await zip.file(manifest.icons.color)!.async('nodebuffer'));
  outline = readPng(await zip.file(manifest.icons.outline)!.async('nodebuffer'));
});

describe('npm run package', () => {
  it('zips exactly the manifest and the two icons at the root', () => {
    expect(zipNames).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('fills every placeholder and the manifest validates against the v1.30 schema offline', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
    expect(manifest.manifestVersion).toBe('1.30');
    const ok = validateManifest(manifest);
    expect(validateManifest.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator is live: a broken manifest is rejected', () => {
    expect(validateManifest({ ...manifest, manifestVersion: '1.29' })).toBe(false);
    expect(validateManifest({ ...manifest, id: 'not-a-guid' })).toBe(false);
  });

  it('declares the Samraad surfaces: two personal tabs, the forum channel tab, the bot in three scopes, SSO, private channels', () => {
    const personal = manifest.staticTabs.filter((t: any) => t.contentUrl).map((t: any) => new URL(t.contentUrl).hash);
    expect(personal).toEqual(['#/me', '#/deadlines']);
    expect(manifest.configurableTabs[0].scopes).toEqual(['team', 'groupChat']);
    // Issue 16: the same tab in a Teams meeting (its chat and details, the side panel and the stage).
    expect(manifest.configurableTabs[0].context).toEqual(expect.arrayContaining(['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage']));
    expect(manifest.configurableTabs[0].meetingSurfaces).toEqual(['sidePanel', 'stage']);
    expect(new URL(manifest.configurableTabs[0].configurationUrl).pathname).toBe('/config.html');
    expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = manifest.bots[0].commandLists.flatMap((l: any) => l.commands.map((c: any) => c.title));
    for (const t of ['næste møde', 'mine frister', 'mine opgaver', 'hjælp', 'next meeting', 'my deadlines', 'my tasks', 'help']) expect(titles).toContain(t);
    expect(manifest.supportedChannelTypes).toContain('privateChannels');
    expect(manifest.webApplicationInfo.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.webApplicationInfo.resource).toBe(`api://${manifest.validDomains[0]}/${manifest.webApplicationInfo.id}`);
  });

  it('every URL the manifest points at is https on a valid domain, and validDomains has no wildcard', () => {
    expect(manifest.validDomains.length).toBeGreaterThan(0);
    for (const d of manifest.validDomains) expect(d).not.toContain('*');
    const urls = [
      ...manifest.staticTabs.flatMap((t: any) => [t.contentUrl, t.websiteUrl]).filter(Boolean),
      manifest.configurableTabs[0].configurationUrl,
    ];
    for (const u of urls) {
      const url = new URL(u);
      expect(url.protocol).toBe('https:');
      expect(manifest.validDomains).toContain(url.host);
    }
  });

  it('asks only resource-specific (per-team) Graph permissions in the manifest', () => {
    const rsc = manifest.authorization.permissions.resourceSpecific;
    expect(rsc.length).toBeGreaterThan(0);
    for (const p of rsc) expect(p.name).toMatch(/\.(Group|Chat)$/);
  });

  it('colour icon is 192x192 and opaque', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    let translucent = 0;
    for (let i = 3; i < color.rgba.length; i += 4) if (color.rgba[i] !== 255) translucent++;
    expect(translucent).toBe(0);
  });

  it('outline icon is 32x32, white on a transparent background', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colorType).toBe(6); // has an alpha channel
    let transparent = 0, white = 0, other = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = [outline.rgba[i], outline.rgba[i + 1], outline.rgba[i + 2], outline.rgba[i + 3]];
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else other++;
    }
    expect(other).toBe(0);
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
  });

  it('the committed icons are what scripts/make-icons.mjs draws, and the accent colour matches', () => {
    const out = mkdtempSync(join(tmpdir(), 'samraad-icons-'));
    const r = spawnSync(process.execPath, [join(root, 'scripts/make-icons.mjs'), '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const f of ['color.png', 'outline.png']) expect(readFileSync(join(out, f)).equals(readFileSync(join(root, 'appPackage', f)))).toBe(true);
    // The colour icon's background is the manifest's accentColor.
    const hex = '#' + [...color.rgba.slice(0, 3)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
    expect(hex).toBe(manifest.accentColor.toUpperCase());
  });

  it('refuses to build when the env file lacks a value, naming it', () => {
    const envDir = mkdtempSync(join(tmpdir(), 'samraad-env-'));
    const local = readFileSync(join(root, 'env/.env.local'), 'utf8').replace(/^BOT_ID=.*$/m, 'BOT_ID=');
    writeFileSync(join(envDir, '.env.broken'), local);
    const out = join(envDir, 'out');
    mkdirSync(out);
    const r = runPackage(['--env', 'broken', '--env-dir', envDir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BOT_ID');
  });
});
