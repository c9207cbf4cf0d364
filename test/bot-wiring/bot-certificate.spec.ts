/**
 * A tenant configured with a certificate only (no client secret) keeps the bot's
 * reminder fallbacks (issue 12): the bot builds its Graph ports in the one place the
 * sync module builds its own (src/entry/graph.adapters.ts), certificate first.
 * Before, the bot required a client secret and silently lost the e-mail and 1:1-chat
 * fallbacks.
 *
 * The bot module as wired, GRAPH_MODE=tenant, against a fake Entra (test/support/fake-entra.ts:
 * the OpenID configuration and the token endpoint MSAL calls) and the Graph emulator, which
 * accepts only tokens that fake Entra issued. A reminder to a member without a stored
 * conversation goes to the 1:1 chat found through Graph; one to a GP outside the tenant
 * goes by e-mail; both with a token got by a client assertion signed with the certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { botModule, defaultReach } from '../../src/entry/bot.module.js';
import { graphCredentials } from '../../src/entry/graph.adapters.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph/server.js';
import { FakeBotConnector } from '../../bot/testing/fake-bot-connector.fixture.js';
import { systemClock } from '../../bot/dispatch/dispatch.clock.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { backends } from '../support/db.js';
import { saveTenantTalker } from './tenant-conversation.fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { CLIENT_ASSERTION_TYPE, startFakeEntra, type FakeEntra } from '../support/fake-entra.js';

const CLIENT_ID = '6c1f4b52-0d51-4c8e-a3a4-54b1e3f7d9a1';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TEAMS_APP_ID = '0f3b9d7e-2a41-4c55-9e8a-1b2c3d4e5f60';
const MEMBER_AAD = '72f98800-0000-4000-8000-0000000000b1';
const TALKER_AAD = '72f98800-0000-4000-8000-0000000000b2';
const SENDER = 'paamindelser@rm.dk';
const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };

let dir: string;
let certPem: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-botcert-'));
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=samraad-bot-test'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl: ${r.stderr}`);
  certPem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  const pem = path.join(dir, 'both.pem');
  fs.writeFileSync(pem, `${fs.readFileSync(path.join(dir, 'key.pem'), 'utf8')}\n${certPem}`);
  env = {
    NODE_ENV: 'development',
    GRAPH_MODE: 'tenant',
    AAD_APP_CLIENT_ID: CLIENT_ID,
    AAD_APP_TENANT_ID: TENANT,
    AAD_APP_CERTIFICATE_PATH: pem,
    AAD_APP_CERTIFICATE_THUMBPRINT_SHA256: new X509Certificate(certPem).fingerprint256.replaceAll(':', ''),
    TEAMS_APP_ID,
    REMINDER_MAIL_SENDER: SENDER,
    SAMRAAD_PUBLIC_URL: 'https://samraad.rm.dk',
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(backends)('bot fallbacks with a certificate-only tenant on $name', (backend) => {
  let app: TestApp;
  let entra: FakeEntra;
  let emu: GraphEmulator;
  let connector: FakeBotConnector;
  let mod: ReturnType<typeof botModule>;

  beforeAll(async () => {
    entra = await startFakeEntra({ clientId: CLIENT_ID, certificatePem: certPem });
    emu = await startGraphEmulator({
      users: [
        { id: MEMBER_AAD, mail: 'mona@rm.dk', displayName: 'Mona Medlem' },
        { id: TALKER_AAD, mail: 'tage@rm.dk', displayName: 'Tage Taler' },
      ],
      acceptToken: (t) => entra.issued.has(t),
    });
    connector = new FakeBotConnector({ clock: systemClock });
    const connectorUrl = await connector.start();
    mod = botModule({ config: embedded, planCron: null, dispatcher: { baseBackoffMs: 50, maxBackoffMs: 200 }, entra: { authorityHost: entra.authorityHost, network: entra.network } });
    app = await startTestApp(backend, { modules: [mod], env: { ...env, GRAPH_BASE_URL: emu.graphBaseUrl } });
    expect(app.config.identity.clientSecret).toBeUndefined();
    await workflowTransactor(app.deps)(async (uow) => {
      await uow.registry.insertPerson({ id: 'cert-member', name: 'Mona Medlem', entraObjectId: MEMBER_AAD, tenantId: TENANT, hasTeams: true });
      await uow.registry.insertPerson({ id: 'cert-gp', name: 'Dr. Gitte Praksis', email: 'gitte@laegehus.dk', hasTeams: false });
    });
    // Someone of the tenant once wrote to the bot: his conversation tells the tenant's service URL.
    await saveTenantTalker(app, TENANT, connectorUrl, TALKER_AAD);
  });
  afterAll(async () => {
    await app?.close();
    await connector?.stop();
    await emu?.close();
    await entra?.close();
  });

  it('sends the chat and the e-mail fallbacks through Graph with a token got by the certificate', async () => {
    const meetingId = await workflowTransactor(app.deps)(async (uow) => (await uow.meetings.listMeetings({ forumIds: ['vest-ksg'] }))[0]!.id);
    const s = mod.services();
    expect(
      await s.dispatcher.enqueue([
        { key: 'cert-1', kind: 'agenda_sent', audience: 'personal', forumId: 'vest-ksg', meetingId, recipientIds: ['cert-member', 'cert-gp'], deadline: '2027-02-01T14:30:00Z', sendAt: '2026-01-01T00:00:00Z' },
      ]),
    ).toBe(2);
    await s.deliver();

    const rows = new Map((await botDeliveryRepository(app.db.db).list()).filter((d) => d.key === 'cert-1').map((d) => [d.recipientId, d]));
    // The chat fallback: Samraad installed for the member through Graph, the chat looked up, the card sent there.
    expect(rows.get('cert-member')).toMatchObject({ state: 'sent', route: 'teams_personal' });
    const chatId = `19:${MEMBER_AAD}_${TEAMS_APP_ID}@unq.gbl.spaces`;
    expect(connector.delivered.get(`${chatId}|cert-1`)).toBe(1);
    const ops = emu.requests.map((r) => `${r.operation} ${r.status}`);
    expect(ops).toContain('POST /users/{user-id}/teamwork/installedApps 201');
    expect(ops).toContain('GET /users/{user-id}/teamwork/installedApps/{userScopeTeamsAppInstallation-id}/chat 200');
    // The e-mail fallback: one mail from the sender mailbox.
    expect(rows.get('cert-gp')).toMatchObject({ state: 'sent', route: 'email' });
    const mails = emu.state.mail.filter((m) => JSON.stringify(m.message.toRecipients).includes('gitte@laegehus.dk'));
    expect(mails.map((m) => m.from)).toEqual([SENDER]);
    // Graph took only tokens the fake Entra issued (any other is a 401 recorded as a failure).
    expect(emu.failures).toEqual([]);

    // The token came from a client assertion signed by the certificate: no secret was sent.
    const granted = entra.requests.filter((r) => r.token);
    expect(granted.length).toBeGreaterThanOrEqual(1);
    expect(entra.requests.filter((r) => r.refused)).toEqual([]);
    for (const r of granted) {
      expect(r.tenant).toBe(TENANT);
      expect(r.form).toMatchObject({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_assertion_type: CLIENT_ASSERTION_TYPE, scope: expect.stringContaining('https://graph.microsoft.com/.default') });
      expect(r.form.client_secret).toBeUndefined();
      expect(r.assertion?.header).toMatchObject({ 'x5t#S256': expect.any(String) });
      expect(r.assertion?.claims).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: `${entra.authorityHost}/${TENANT}/oauth2/v2.0/token` });
    }
  });
});

describe('bot fallbacks without credentials', () => {
  it('builds the fallbacks from the certificate alone', () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: '/nonexistent', ...env });
    expect(config.identity.clientSecret).toBeUndefined();
    expect(graphCredentials(config)).toMatchObject({ certificate: { thumbprintSha256: expect.any(String) } });
    const warnings: string[] = [];
    const reach = defaultReach({ config, logger: { info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) } });
    expect(warnings).toEqual([]);
    expect(reach).toMatchObject({ mailFrom: SENDER, teamsAppId: TEAMS_APP_ID });
  });

  it('says so when there is neither a certificate nor a secret', () => {
    const { AAD_APP_CERTIFICATE_PATH, AAD_APP_CERTIFICATE_THUMBPRINT_SHA256, ...rest } = env;
    void AAD_APP_CERTIFICATE_PATH;
    void AAD_APP_CERTIFICATE_THUMBPRINT_SHA256;
    const warnings: string[] = [];
    expect(defaultReach({ config: loadConfig({ PORT: '0', DATA_DIR: '/nonexistent', ...rest }), logger: { info() {}, warn: (m: string) => warnings.push(m), error() {} } })).toBeNull();
    expect(warnings.join()).toMatch(/without client credentials/);
  });
});
