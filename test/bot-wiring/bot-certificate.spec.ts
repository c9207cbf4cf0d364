/**
 * A tenant configured with a certificate only (no client secret) keeps the bot's
 * reminder fallbacks: the bot builds its Graph ports with the same credential
 * choice as the sync module (src/entry/graph.credentials.ts). Before, the bot
 * required a client secret and silently lost the e-mail and 1:1-chat fallbacks.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { defaultReach } from '../../src/entry/bot.module.js';
import { graphCredentials } from '../../src/entry/graph.credentials.js';

describe('bot fallbacks with a certificate-only tenant', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-botcert-'));
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=samraad-bot-test'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl: ${r.stderr}`);
    const pem = path.join(dir, 'both.pem');
    fs.writeFileSync(pem, `${fs.readFileSync(path.join(dir, 'key.pem'), 'utf8')}\n${fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8')}`);
    env = {
      PORT: '0',
      DATA_DIR: '/nonexistent',
      GRAPH_MODE: 'tenant',
      AAD_APP_CLIENT_ID: '6c1f4b52-0d51-4c8e-a3a4-54b1e3f7d9a1',
      AAD_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      AAD_APP_CERTIFICATE_PATH: pem,
      AAD_APP_CERTIFICATE_THUMBPRINT_SHA256: new X509Certificate(fs.readFileSync(path.join(dir, 'cert.pem'))).fingerprint256.replaceAll(':', ''),
      TEAMS_APP_ID: '0f3b9d7e-2a41-4c55-9e8a-1b2c3d4e5f60',
      REMINDER_MAIL_SENDER: 'paamindelser@rm.dk',
    };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds the e-mail and chat fallbacks from the certificate', () => {
    const config = loadConfig(env);
    expect(config.identity.clientSecret).toBeUndefined();
    expect(graphCredentials(config)).toMatchObject({ certificate: { thumbprintSha256: expect.any(String) } });
    const warnings: string[] = [];
    const reach = defaultReach({ config, logger: { info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) } });
    expect(warnings).toEqual([]);
    expect(reach).not.toBeNull();
    // What the bot module needs for the e-mail fallback (mail port and sender) and the 1:1 chat lookup (Teams apps port and app id).
    expect(reach?.mailFrom).toBe('paamindelser@rm.dk');
    expect(reach?.teamsAppId).toBe(env.TEAMS_APP_ID);
    expect(typeof reach?.ports.mail.sendMail).toBe('function');
    expect(reach?.ports.teamsApps).toBeDefined();
  });

  it('still says so when there is neither a certificate nor a secret', () => {
    const { AAD_APP_CERTIFICATE_PATH, AAD_APP_CERTIFICATE_THUMBPRINT_SHA256, ...rest } = env;
    void AAD_APP_CERTIFICATE_PATH;
    void AAD_APP_CERTIFICATE_THUMBPRINT_SHA256;
    const warnings: string[] = [];
    expect(defaultReach({ config: loadConfig(rest), logger: { info() {}, warn: (m: string) => warnings.push(m), error() {} } })).toBeNull();
    expect(warnings.join()).toMatch(/without client credentials/);
  });
});
