import { describe, it, expect, beforeAll } from '@jest/globals';
import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { createSsoTokenValidator, ssoValidatorOptionsFrom, SsoTokenError, type SsoRefusal } from './sso-token.validator.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const CLIENT_ID = '6c1f4b52-0d51-4c8e-a3a4-54b1e3f7d9a1';
const APP_ID_URI = `api://samraad.example.dk/${CLIENT_ID}`;
const TEAMS_DESKTOP = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const OID = '0b6a5c8e-1111-4222-8333-944455556666';
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

type Key = { priv: CryptoKey; jwk: JWK };
let k1: Key, k2: Key, stranger: Key;

async function makeKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { priv: privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

beforeAll(async () => {
  k1 = await makeKey('key-1');
  k2 = await makeKey('key-2');
  stranger = await makeKey('key-1'); // same kid, different key: forged signature
});

/** A fake Entra key endpoint: serves what `published` holds now, counts fetches. */
function fakeEntra(published: JWK[]) {
  const calls: string[] = [];
  const state = { published };
  return {
    calls,
    state,
    fetchJwks: async (uri: string): Promise<JSONWebKeySet> => {
      calls.push(uri);
      return { keys: state.published };
    },
  };
}

function setup(published: JWK[] = [k1.jwk]) {
  const entra = fakeEntra(published);
  const clock = { t: T0 };
  const validator = createSsoTokenValidator({
    clientId: CLIENT_ID,
    appIdUri: APP_ID_URI,
    allowedTenantIds: [TENANT],
    fetchJwks: entra.fetchJwks,
    now: () => clock.t,
  });
  return { entra, clock, validator };
}

type Claims = Record<string, unknown>;
const v2Claims = (over: Claims = {}): Claims => ({
  aud: APP_ID_URI,
  iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  tid: TENANT,
  oid: OID,
  azp: TEAMS_DESKTOP,
  scp: 'access_as_user',
  name: 'Mette Frederiksen',
  preferred_username: 'mette@region.example.dk',
  ver: '2.0',
  ...over,
});

async function sign(claims: Claims, key: Key = k1, opts: { iat?: number; exp?: number; alg?: string } = {}) {
  const iat = opts.iat ?? Math.floor(T0 / 1000) - 60;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: key.jwk.kid!, typ: 'JWT' })
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(opts.exp ?? iat + 3600)
    .sign(key.priv);
}

async function refusal(p: Promise<unknown>): Promise<SsoRefusal> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SsoTokenError) return e.refusal;
    throw e;
  }
  throw new Error('token was accepted');
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('SSO token validation', () => {
  it('accepts a v2 token for the api:// audience and returns only validated claims', async () => {
    const { validator, entra } = setup();
    const id = await validator.validate(await sign(v2Claims()));
    expect(id).toEqual({ tenantId: TENANT, objectId: OID, name: 'Mette Frederiksen', upn: 'mette@region.example.dk' });
    expect(entra.calls).toEqual([`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`]);
  });

  it('accepts a v1 token (sts.windows.net issuer, GUID audience, appid, upn)', async () => {
    const { validator } = setup();
    const token = await sign({
      aud: CLIENT_ID, iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, oid: OID,
      appid: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', scp: 'User.Read access_as_user', upn: 'anders@region.example.dk', name: 'Anders', ver: '1.0',
    });
    expect(await validator.validate(token)).toEqual({ tenantId: TENANT, objectId: OID, name: 'Anders', upn: 'anders@region.example.dk' });
  });

  it('refuses a wrong issuer (another tenant, or another host)', async () => {
    const { validator } = setup();
    expect(await refusal(validator.validate(await sign(v2Claims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }))))).toBe('wrong-issuer');
    expect(await refusal(validator.validate(await sign(v2Claims({ iss: `https://login.evil.example/${TENANT}/v2.0` }))))).toBe('wrong-issuer');
  });

  it('refuses a token for another audience', async () => {
    const { validator } = setup();
    expect(await refusal(validator.validate(await sign(v2Claims({ aud: '00000003-0000-0000-c000-000000000000' }))))).toBe('wrong-audience');
    expect(await refusal(validator.validate(await sign(v2Claims({ aud: 'api://other.example/' + CLIENT_ID }))))).toBe('wrong-audience');
  });

  it('refuses a token without the access_as_user scope', async () => {
    const { validator } = setup();
    expect(await refusal(validator.validate(await sign(v2Claims({ scp: 'User.Read' }))))).toBe('missing-scope');
    // An app-only token (roles, no scp) is not a user.
    expect(await refusal(validator.validate(await sign(v2Claims({ scp: undefined, roles: ['Something.All'] }))))).toBe('missing-scope');
  });

  it('refuses a client that is not a pre-authorised Teams/Office/Outlook client', async () => {
    const { validator } = setup();
    expect(await refusal(validator.validate(await sign(v2Claims({ azp: '11111111-2222-4333-8444-555555555555' }))))).toBe('unknown-client');
    expect(await refusal(validator.validate(await sign(v2Claims({ azp: undefined }))))).toBe('unknown-client');
  });

  it('refuses a tenant that is not on the allowlist without fetching its keys', async () => {
    const { validator, entra } = setup();
    const token = await sign(v2Claims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }));
    expect(await refusal(validator.validate(token))).toBe('tenant-not-allowed');
    expect(entra.calls).toEqual([]);
  });

  it('refuses an ID token', async () => {
    const { validator } = setup();
    const idToken = await sign(v2Claims({ aud: CLIENT_ID, scp: undefined, nonce: 'abc' }));
    expect(await refusal(validator.validate(idToken))).toBe('id-token');
    const idTokenNoNonce = await sign(v2Claims({ aud: CLIENT_ID, scp: undefined }));
    expect(await refusal(validator.validate(idTokenNoNonce))).toBe('id-token');
  });

  it('refuses an expired token, beyond the clock tolerance', async () => {
    const { validator, clock } = setup();
    const token = await sign(v2Claims());
    clock.t = T0 + 3600_000 - 120_000; // still valid
    await expect(validator.validate(token)).resolves.toMatchObject({ objectId: OID });
    clock.t = T0 + 3600_000 + 120_000; // an hour after issue + 3 min
    expect(await refusal(validator.validate(token))).toBe('expired');
  });

  it('refuses alg none and HS256 signed with the public key', async () => {
    const { validator, entra } = setup();
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...v2Claims(), iat: T0 / 1000, exp: T0 / 1000 + 3600 })}.`;
    expect(await refusal(validator.validate(unsigned))).toBe('algorithm-not-allowed');
    const hs = await new SignJWT(v2Claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
      .setIssuedAt(T0 / 1000).setExpirationTime(T0 / 1000 + 3600)
      .sign(new TextEncoder().encode(JSON.stringify(k1.jwk)));
    expect(await refusal(validator.validate(hs))).toBe('algorithm-not-allowed');
    expect(entra.calls).toEqual([]);
  });

  it('refuses a forged signature (right kid, wrong key) and garbage', async () => {
    const { validator } = setup();
    expect(await refusal(validator.validate(await sign(v2Claims(), stranger)))).toBe('bad-signature');
    expect(await refusal(validator.validate('not.a.jwt'))).toBe('malformed');
  });

  it('refreshes keys on an unknown kid at most once per 30 s, and picks up a rolled key', async () => {
    const { validator, entra, clock } = setup([k1.jwk]);
    await validator.validate(await sign(v2Claims())); // first fetch
    expect(entra.calls).toHaveLength(1);

    // Entra rolls over to key-2, but we fetched 10 s ago: no refetch, refused.
    entra.state.published = [k1.jwk, k2.jwk];
    clock.t = T0 + 10_000;
    const rolled = await sign(v2Claims(), k2);
    expect(await refusal(validator.validate(rolled))).toBe('unknown-key');
    expect(entra.calls).toHaveLength(1);

    // 30 s after the last fetch: one refetch, and the new key is accepted.
    clock.t = T0 + 30_000;
    await expect(validator.validate(rolled)).resolves.toMatchObject({ objectId: OID });
    expect(entra.calls).toHaveLength(2);

    // A flood of tokens with made-up kids right after: no further fetches.
    const bogus = await makeKey('made-up');
    for (let i = 0; i < 5; i++) expect(await refusal(validator.validate(await sign(v2Claims(), bogus)))).toBe('unknown-key');
    expect(entra.calls).toHaveLength(2);

    // Later the unknown kid triggers exactly one more fetch, and is still refused.
    clock.t = T0 + 61_000;
    expect(await refusal(validator.validate(await sign(v2Claims(), bogus)))).toBe('unknown-key');
    expect(entra.calls).toHaveLength(3);
  });

  it('a failed key fetch is an error of ours (not a refusal) and is not retried within 30 s', async () => {
    const clock = { t: T0 };
    const calls: string[] = [];
    let reachable = false;
    const v = createSsoTokenValidator({
      clientId: CLIENT_ID, appIdUri: APP_ID_URI, allowedTenantIds: [TENANT], now: () => clock.t,
      fetchJwks: async (uri) => {
        calls.push(uri);
        if (!reachable) throw new Error('login.microsoftonline.com unreachable');
        return { keys: [k1.jwk] };
      },
    });
    const token = await sign(v2Claims());
    await expect(v.validate(token)).rejects.toThrow('unreachable');
    await expect(v.validate(token)).rejects.toThrow('throttled');
    expect(calls).toHaveLength(1);
    reachable = true;
    clock.t = T0 + 31_000;
    await expect(v.validate(token)).resolves.toMatchObject({ objectId: OID });
    expect(calls).toHaveLength(2);
  });

  it('concurrent requests with a new kid share one key fetch', async () => {
    const { validator, entra, clock } = setup([k1.jwk]);
    await validator.validate(await sign(v2Claims()));
    entra.state.published = [k2.jwk];
    clock.t = T0 + 45_000;
    const rolled = await sign(v2Claims(), k2);
    await Promise.all([validator.validate(rolled), validator.validate(rolled), validator.validate(rolled)]);
    expect(entra.calls).toHaveLength(2);
  });
});

describe('ssoValidatorOptionsFrom', () => {
  it('needs client id, Application ID URI and a tenant allowlist', () => {
    expect(ssoValidatorOptionsFrom({ clientId: CLIENT_ID, appIdUri: APP_ID_URI, allowedTenantIds: [TENANT] })).toEqual({ clientId: CLIENT_ID, appIdUri: APP_ID_URI, allowedTenantIds: [TENANT] });
    expect(ssoValidatorOptionsFrom({ clientId: CLIENT_ID, appIdUri: APP_ID_URI, allowedTenantIds: [] })).toBeUndefined();
    expect(ssoValidatorOptionsFrom({ appIdUri: APP_ID_URI, allowedTenantIds: [TENANT] })).toBeUndefined();
  });
});
