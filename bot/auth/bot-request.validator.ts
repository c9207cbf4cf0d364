/**
 * Hardening in front of the Bot Framework SDK: every POST /api/messages is checked
 * here before any bot code runs.
 *
 * What it does:
 * - with a bot id: requires a Bot Framework channel token (issuer
 *   https://api.botframework.com, audience = bot id, RS256 only, key id from the Bot
 *   Framework OpenID keys), refuses Entra tokens minted for the bot itself (azp/appid
 *   = bot id: a token the bot obtained for outgoing calls, replayed at us), requires
 *   the token's serviceurl claim to equal activity.serviceUrl, the serviceUrl host
 *   to be on the allowlist, the channel to be msteams, and the tenant to be allowed;
 * - without a bot id (embedded mode): accepts only unauthenticated requests whose
 *   serviceUrl is a loopback address (Microsoft 365 Agents Playground on this
 *   machine), so replies can never be sent elsewhere.
 *
 * What it does not do: check key endorsements per channel (we accept only msteams
 * and only Bot Framework keys), or support skills / the Bot Framework Emulator.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { hostAllowed, isLoopbackHost, type BotConfig } from '../bot.config.js';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_OPENID_METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

export type InboundActivity = {
  type?: unknown;
  serviceUrl?: unknown;
  channelId?: unknown;
  conversation?: { tenantId?: unknown; id?: unknown };
  channelData?: { tenant?: { id?: unknown } };
};

export type ValidationResult =
  | { ok: true; mode: 'authenticated'; claims: JWTPayload; tenantId: string }
  | { ok: true; mode: 'embedded' }
  | { ok: false; status: 400 | 401 | 403; reason: string };

/** Resolves the Bot Framework signing keys from the OpenID metadata (cached by jose). */
export function botFrameworkJwks(fetchImpl: typeof fetch = fetch): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    const res = await fetchImpl(BOT_FRAMEWORK_OPENID_METADATA);
    if (!res.ok) throw new Error(`Bot Framework OpenID metadata: HTTP ${res.status}`);
    const meta = (await res.json()) as { jwks_uri?: string };
    if (!meta.jwks_uri || !meta.jwks_uri.startsWith('https://')) throw new Error('Bot Framework OpenID metadata has no https jwks_uri');
    return createRemoteJWKSet(new URL(meta.jwks_uri));
  };
  return async (header, token) => {
    keySet ??= load().catch((e: unknown) => {
      keySet = undefined; // a failed metadata fetch must not stick
      throw e;
    });
    return (await keySet)(header, token);
  };
}

const tenantOf = (a: InboundActivity): string | undefined => {
  const fromConversation = typeof a.conversation?.tenantId === 'string' ? a.conversation.tenantId : undefined;
  const fromChannelData = typeof a.channelData?.tenant?.id === 'string' ? a.channelData.tenant.id : undefined;
  if (fromConversation && fromChannelData && fromConversation !== fromChannelData) return undefined;
  return fromConversation ?? fromChannelData;
};

const normaliseUrl = (u: string): string => u.replace(/\/+$/, '').toLowerCase();

const hostOf = (u: unknown): string | undefined => {
  if (typeof u !== 'string') return undefined;
  try {
    const url = new URL(u);
    return url.hostname;
  } catch {
    return undefined;
  }
};

export async function validateBotRequest(
  config: Pick<BotConfig, 'botId' | 'serviceUrlHosts' | 'allowedTenantIds'>,
  jwks: JWTVerifyGetKey,
  authorization: string | undefined,
  activity: InboundActivity,
): Promise<ValidationResult> {
  if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
    return { ok: false, status: 400, reason: 'body is not an activity' };
  }
  const host = hostOf(activity.serviceUrl);
  if (!host) return { ok: false, status: 400, reason: 'activity has no valid serviceUrl' };

  if (!config.botId) {
    if (authorization) return { ok: false, status: 401, reason: 'embedded mode accepts only unauthenticated Agents Playground traffic' };
    if (!isLoopbackHost(host)) return { ok: false, status: 403, reason: 'embedded mode answers only a local Agents Playground' };
    return { ok: true, mode: 'embedded' };
  }

  const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization ?? '');
  if (!m?.[1]) return { ok: false, status: 401, reason: 'missing bearer token' };
  const token = m[1];

  let header: ReturnType<typeof decodeProtectedHeader>;
  let unverified: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    unverified = decodeJwt(token);
  } catch {
    return { ok: false, status: 401, reason: 'malformed token' };
  }
  if (header.alg !== 'RS256') return { ok: false, status: 401, reason: `algorithm ${String(header.alg)} not allowed` };
  // An Entra token issued *to* the bot (azp/appid = bot id) is what the bot sends
  // outwards; accepting it inbound would let anyone holding one impersonate a channel.
  if ((unverified.azp === config.botId || unverified.appid === config.botId) && unverified.iss !== BOT_FRAMEWORK_ISSUER) {
    return { ok: false, status: 401, reason: 'Entra token issued to the bot itself' };
  }

  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, jwks, {
      issuer: BOT_FRAMEWORK_ISSUER,
      audience: config.botId,
      algorithms: ['RS256'],
      clockTolerance: 300, // the Bot Framework SDK allows 5 minutes of skew
      requiredClaims: ['exp', 'iss', 'aud'],
    }));
  } catch (e) {
    const reason =
      e instanceof errors.JWKSNoMatchingKey
        ? 'unknown key id'
        : e instanceof errors.JWTExpired
          ? 'token expired'
          : e instanceof errors.JWTClaimValidationFailed
            ? `claim ${e.claim} invalid`
            : e instanceof errors.JOSEError
              ? e.code
              : 'token rejected';
    return { ok: false, status: 401, reason };
  }

  const serviceUrlClaim = claims.serviceurl ?? claims.serviceUrl;
  if (typeof serviceUrlClaim !== 'string' || normaliseUrl(serviceUrlClaim) !== normaliseUrl(String(activity.serviceUrl))) {
    return { ok: false, status: 401, reason: 'serviceUrl does not match the token' };
  }
  if (activity.channelId !== 'msteams') return { ok: false, status: 403, reason: 'only the Teams channel is accepted' };
  if (!hostAllowed(host, config.serviceUrlHosts)) return { ok: false, status: 403, reason: `service URL host ${host} not allowed` };
  const tenantId = tenantOf(activity);
  if (!tenantId || !config.allowedTenantIds.includes(tenantId)) return { ok: false, status: 403, reason: 'tenant not allowed' };
  return { ok: true, mode: 'authenticated', claims, tenantId };
}
