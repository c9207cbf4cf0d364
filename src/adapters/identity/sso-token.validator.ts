/**
 * Validates the tab's SSO token (teams-js `authentication.getAuthToken`) on every API
 * call and returns who is calling, taken only from validated claims.
 *
 * What it does:
 * - accepts RS256 only (refuses `alg: none`, HS256 "key confusion" and anything else);
 * - checks the tenant (`tid`) against the allowlist BEFORE fetching any keys, so a
 *   token from a stranger's tenant never makes us call out;
 * - verifies the signature with that tenant's Entra signing keys, cached per tenant
 *   and re-fetched on an unknown `kid` at most once per 30 s (key rollover without
 *   letting garbage tokens hammer login.microsoftonline.com);
 * - issuer built from the token's tenant, v1 (`https://sts.windows.net/{tid}/`) or
 *   v2 (`https://login.microsoftonline.com/{tid}/v2.0`);
 * - audience = our client id (GUID) or our Application ID URI (`api://...`);
 * - refuses ID tokens (no `scp`/`roles`, or a `nonce`): they prove a sign-in to
 *   some client, not a grant to call our API;
 * - `scp` must contain `access_as_user`; `azp`/`appid` must be a pre-authorised
 *   Teams/Microsoft 365/Outlook client.
 * What it does not do: on-behalf-of exchange (the Graph adapter's job) and
 * authorisation inside the app (forum roles).
 */
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose';
import { preAuthorizedClientIds } from './teams-clients.js';

export type SsoIdentity = { tenantId: string; objectId: string; name: string; upn: string };

export type SsoRefusal =
  | 'malformed'
  | 'algorithm-not-allowed'
  | 'tenant-not-allowed'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'id-token'
  | 'missing-scope'
  | 'unknown-client'
  | 'missing-claims';

export class SsoTokenError extends Error {
  constructor(readonly refusal: SsoRefusal, message: string) {
    super(message);
    this.name = 'SsoTokenError';
  }
}

/** Fetches a JWKS document; injectable so tests use local keys and no network. */
export type JwksFetcher = (jwksUri: string) => Promise<JSONWebKeySet>;

export type SsoValidatorOptions = {
  clientId: string;
  appIdUri: string;
  allowedTenantIds: readonly string[];
  requiredScope?: string;
  allowedClientIds?: readonly string[];
  fetchJwks?: JwksFetcher;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  minRefreshIntervalMs?: number;
  clockToleranceSec?: number;
  /** Authority host; sovereign clouds differ. */
  authorityHost?: string;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const defaultJwksFetcher: JwksFetcher = async (uri) => {
  const res = await fetch(uri, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`JWKS fetch ${uri} failed: HTTP ${res.status}`);
  return (await res.json()) as JSONWebKeySet;
};

type TenantKeys = { resolver?: JWTVerifyGetKey; fetchedAt: number; inFlight?: Promise<void> };

export function createSsoTokenValidator(opts: SsoValidatorOptions) {
  const requiredScope = opts.requiredScope ?? 'access_as_user';
  const allowedClients = new Set((opts.allowedClientIds ?? preAuthorizedClientIds).map((s) => s.toLowerCase()));
  const allowedTenants = new Set(opts.allowedTenantIds.map((s) => s.toLowerCase()));
  const fetchJwks = opts.fetchJwks ?? defaultJwksFetcher;
  const now = opts.now ?? (() => Date.now());
  const minRefresh = opts.minRefreshIntervalMs ?? 30_000;
  const authority = (opts.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/$/, '');
  const keys = new Map<string, TenantKeys>();

  async function refresh(tenantId: string, entry: TenantKeys): Promise<void> {
    // Single flight: concurrent requests with the same new kid share one fetch.
    entry.inFlight ??= (async () => {
      try {
        const jwks = await fetchJwks(`${authority}/${tenantId}/discovery/v2.0/keys`);
        entry.resolver = createLocalJWKSet(jwks);
      } finally {
        entry.fetchedAt = now();
        entry.inFlight = undefined;
      }
    })();
    return entry.inFlight;
  }

  function keyResolver(tenantId: string): JWTVerifyGetKey {
    return async (header, token) => {
      let entry = keys.get(tenantId);
      if (!entry) {
        entry = { fetchedAt: Number.NEGATIVE_INFINITY };
        keys.set(tenantId, entry);
      }
      if (!entry.resolver) {
        // The last fetch failed: do not turn every request into another fetch.
        if (now() - entry.fetchedAt < minRefresh) throw new Error(`signing keys of tenant ${tenantId} unavailable (refetch throttled)`);
        await refresh(tenantId, entry);
      }
      try {
        return await entry.resolver!(header, token);
      } catch (e) {
        if (!(e instanceof errors.JWKSNoMatchingKey)) throw e;
        if (now() - entry.fetchedAt < minRefresh) {
          throw new SsoTokenError('unknown-key', `no signing key "${header.kid}" (key refresh throttled)`);
        }
        await refresh(tenantId, entry);
        try {
          return await entry.resolver!(header, token);
        } catch (e2) {
          if (e2 instanceof errors.JWKSNoMatchingKey) throw new SsoTokenError('unknown-key', `no signing key "${header.kid}"`);
          throw e2;
        }
      }
    };
  }

  async function validate(token: string): Promise<SsoIdentity> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new SsoTokenError('malformed', 'not a JWT');
    }
    if (header.alg !== 'RS256') throw new SsoTokenError('algorithm-not-allowed', `algorithm ${String(header.alg)} is not accepted`);
    const tid = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    if (!GUID.test(tid)) throw new SsoTokenError('missing-claims', 'token has no tenant id');
    if (!allowedTenants.has(tid)) throw new SsoTokenError('tenant-not-allowed', `tenant ${tid} is not allowed`);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keyResolver(tid), {
        algorithms: ['RS256'],
        issuer: [`https://sts.windows.net/${tid}/`, `${authority}/${tid}/v2.0`],
        audience: [opts.clientId, opts.appIdUri],
        currentDate: new Date(now()),
        clockTolerance: opts.clockToleranceSec ?? 60,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (e) {
      throw translate(e);
    }

    const scp = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if ((!payload.scp && !payload.roles) || payload.nonce !== undefined) {
      throw new SsoTokenError('id-token', 'an ID token is not an access token for this API');
    }
    if (!scp.includes(requiredScope)) throw new SsoTokenError('missing-scope', `scope ${requiredScope} missing`);
    const client = String(payload.azp ?? payload.appid ?? '').toLowerCase();
    if (!allowedClients.has(client)) throw new SsoTokenError('unknown-client', `client ${client || '(none)'} is not a pre-authorised Teams/Office/Outlook client`);
    const oid = typeof payload.oid === 'string' ? payload.oid : '';
    if (!GUID.test(oid)) throw new SsoTokenError('missing-claims', 'token has no object id');
    const upn = String(payload.preferred_username ?? payload.upn ?? payload.unique_name ?? '');
    return { tenantId: tid, objectId: oid.toLowerCase(), name: String(payload.name ?? upn), upn };
  }

  return { validate };
}

function translate(e: unknown): SsoTokenError {
  if (e instanceof SsoTokenError) return e;
  if (e instanceof errors.JWTExpired) return new SsoTokenError('expired', 'token expired');
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'iss') return new SsoTokenError('wrong-issuer', 'unexpected issuer');
    if (e.claim === 'aud') return new SsoTokenError('wrong-audience', 'token is not for this API');
    if (e.claim === 'nbf' || e.claim === 'iat') return new SsoTokenError('not-yet-valid', 'token not yet valid');
    return new SsoTokenError('missing-claims', `claim ${e.claim} invalid`);
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return new SsoTokenError('bad-signature', 'signature does not verify');
  if (e instanceof errors.JOSEAlgNotAllowed) return new SsoTokenError('algorithm-not-allowed', 'algorithm not accepted');
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid) return new SsoTokenError('malformed', 'malformed token');
  // Key fetch failures and the like are not the caller's fault: let them surface as 5xx.
  throw e;
}

/**
 * Validator options from the loaded config's identity section; undefined while real
 * identity is not configured (embedded mode with dev sign-in), so the caller decides.
 */
export function ssoValidatorOptionsFrom(identity: { clientId?: string; appIdUri?: string; allowedTenantIds: readonly string[] }): SsoValidatorOptions | undefined {
  if (!identity.clientId || !identity.appIdUri || identity.allowedTenantIds.length === 0) return undefined;
  return { clientId: identity.clientId, appIdUri: identity.appIdUri, allowedTenantIds: identity.allowedTenantIds };
}
