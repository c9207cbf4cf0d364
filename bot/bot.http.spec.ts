/**
 * /api/messages hardening with locally signed tokens: every bad request is refused
 * with 401/403 and the bot logic never runs; a good one reaches it.
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import type { TurnContext } from 'botbuilder';
import { BotConfigError, type BotConfig } from './bot.config.js';
import { createBotEndpoint, type BotHttpResponse } from './bot.http.js';
import { MemoryBackend, MemoryConversationStore, MemoryDeliveryStore, MemoryDirectory } from './testing/in-memory-ports.fixture.js';

const BOT = '00000000-0000-0000-0000-00000000b07a';
const TENANT = '11111111-1111-1111-1111-111111111111';
const SERVICE = 'https://smba.trafficmanager.net/emea/';
const config: BotConfig = {
  production: true, botId: BOT, botTenantId: TENANT, botType: 'SingleTenant', botPassword: 'not-used-here',
  serviceUrlHosts: ['smba.trafficmanager.net'], allowedTenantIds: [TENANT], teamsAppId: 'app', tabEntityId: 'samraad',
};
const stores = { conversations: new MemoryConversationStore(), deliveries: new MemoryDeliveryStore(), directory: new MemoryDirectory() };
const backend = new MemoryBackend(() => new Date().toISOString());

let key: CryptoKey;
let otherKey: CryptoKey;
let jwks: JWTVerifyGetKey;

beforeAll(async () => {
  const signing = await generateKeyPair('RS256', { extractable: true });
  key = signing.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(signing.publicKey)), kid: 'bf-1', alg: 'RS256', use: 'sig' }] });
});

const activity = (over: Record<string, unknown> = {}) => ({
  type: 'message', text: 'hjælp', channelId: 'msteams', serviceUrl: SERVICE, id: 'a1',
  from: { id: '29:u', aadObjectId: 'aad-1' }, recipient: { id: `28:${BOT}` },
  conversation: { id: 'a:c1', tenantId: TENANT, conversationType: 'personal' }, channelData: { tenant: { id: TENANT } },
  ...over,
});

async function token(opts: { iss?: string; aud?: string; exp?: number; kid?: string; signWith?: CryptoKey; claims?: Record<string, unknown> } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: SERVICE, ...opts.claims })
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'bf-1', typ: 'JWT' })
    .setIssuer(opts.iss ?? 'https://api.botframework.com')
    .setAudience(opts.aud ?? BOT)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(opts.exp ?? now + 3600)
    .sign(opts.signWith ?? key);
}

function response() {
  const r = { code: 0, body: undefined as unknown };
  const res: BotHttpResponse = {
    status: (c) => (r.code = c),
    header: () => undefined,
    send: (b) => (r.body = b),
    end: () => undefined,
  };
  return { r, res };
}

async function call(cfg: BotConfig, authorization: string | undefined, body: unknown) {
  const logic = jest.fn(async (_ctx: TurnContext) => undefined);
  const endpoint = createBotEndpoint(cfg, backend, stores, { jwks, logic });
  const { r, res } = response();
  await endpoint({ method: 'POST', headers: authorization ? { authorization } : {}, body }, res);
  return { status: r.code, ran: logic.mock.calls.length > 0 };
}

describe('POST /api/messages with a bot id', () => {
  it('accepts a valid Bot Framework channel token and runs the bot', async () => {
    expect(await call(config, `Bearer ${await token()}`, activity())).toEqual({ status: 200, ran: true });
  });

  const refusals: [string, () => Promise<string | undefined>, Record<string, unknown>?, number?][] = [
    ['no token', async () => undefined],
    ['expired', async () => `Bearer ${await token({ exp: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['wrong audience', async () => `Bearer ${await token({ aud: 'someone-else' })}`],
    ['wrong issuer', async () => `Bearer ${await token({ iss: 'https://sts.windows.net/evil/' })}`],
    ['Entra token whose azp is the bot id', async () => `Bearer ${await token({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, claims: { azp: BOT, tid: TENANT } })}`],
    ['alg none', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: BOT, exp: now + 3600, serviceurl: SERVICE })}.`;
    }],
    ['unknown key id', async () => `Bearer ${await token({ kid: 'not-in-jwks', signWith: otherKey })}`],
    ['known key id, wrong signature', async () => `Bearer ${await token({ signWith: otherKey })}`],
    ['serviceUrl mismatch', async () => `Bearer ${await token()}`, { serviceUrl: 'https://smba.trafficmanager.net/amer/' }],
    ['service URL host not on the allowlist', async () => `Bearer ${await token({ claims: { serviceurl: 'https://attacker.example/' } })}`, { serviceUrl: 'https://attacker.example/' }, 403],
    ['tenant not allowed', async () => `Bearer ${await token()}`, { conversation: { id: 'a:c1', tenantId: 'other-tenant', conversationType: 'personal' }, channelData: { tenant: { id: 'other-tenant' } } }, 403],
    ['tenant ids that disagree', async () => `Bearer ${await token()}`, { channelData: { tenant: { id: 'other-tenant' } } }, 403],
    ['another channel', async () => `Bearer ${await token()}`, { channelId: 'webchat' }, 403],
  ];
  for (const [name, auth, over, status] of refusals) {
    it(`refuses: ${name}`, async () => {
      const result = await call(config, await auth(), activity(over));
      expect(result.ran).toBe(false);
      expect(result.status).toBe(status ?? 401);
    });
  }

  it('refuses other methods and non-activities without running the bot', async () => {
    const logic = jest.fn(async () => undefined);
    const endpoint = createBotEndpoint(config, backend, stores, { jwks, logic });
    const { r, res } = response();
    await endpoint({ method: 'GET', headers: {} }, res);
    expect(r.code).toBe(405);
    await endpoint({ method: 'POST', headers: {}, body: '{not json' }, res);
    expect(r.code).toBe(400);
    expect(logic).not.toHaveBeenCalled();
  });
});

describe('embedded mode (no bot id): Agents Playground only', () => {
  const embedded: BotConfig = { ...config, production: false, botId: '', botTenantId: '', allowedTenantIds: [] };
  const local = { serviceUrl: 'http://127.0.0.1:56150', conversation: { id: 'c1', conversationType: 'personal' }, channelData: {} };

  it('accepts unauthenticated traffic from a local playground', async () => {
    expect(await call(embedded, undefined, activity(local))).toEqual({ status: 200, ran: true });
  });
  it('refuses a request that carries a token (it could not be checked)', async () => {
    expect(await call(embedded, `Bearer ${await token()}`, activity(local))).toEqual({ status: 401, ran: false });
  });
  it('refuses a non-local serviceUrl (replies would leave the machine)', async () => {
    expect(await call(embedded, undefined, activity({ ...local, serviceUrl: SERVICE }))).toEqual({ status: 403, ran: false });
  });
  it('production refuses to start without a bot id', () => {
    expect(() => createBotEndpoint({ ...embedded, production: true }, backend, stores, { jwks })).toThrow(BotConfigError);
  });
});
