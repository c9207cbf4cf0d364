/**
 * Access-token providers for the Graph pipeline: MSAL client credentials (secret or
 * certificate) for background work, on-behalf-of for user-initiated actions, and a
 * static token for the local emulator. MSAL caches tokens; on top of that concurrent
 * callers share one in-flight acquisition (single flight). Failures are never
 * swallowed: they surface as M365Error("permission") with MSAL's message (which
 * carries no token).
 */
import type { ConfidentialClientApplication, Configuration, INetworkModule } from '@azure/msal-node';
import { M365Error } from '../../usecases/ports/m365.port.js';

export type TokenProvider = { getToken(): Promise<string> };

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export type ClientCredentialsConfig = {
  tenantId: string;
  clientId: string;
  /** Either a client secret ... */
  clientSecret?: string;
  /**
   * ... or a certificate: PEM private key plus its thumbprint in hex, SHA-256 (preferred) or
   * SHA-1 (older registrations; MSAL uses SHA-256 when both are given), optionally the x5c chain for SN+I.
   * certificate.credential.ts reads one from AAD_APP_CERTIFICATE_PATH.
   */
  certificate?: { privateKeyPem: string; thumbprintSha256?: string; thumbprint?: string; x5c?: string };
  /**
   * Entra's host, https (default https://login.microsoftonline.com; a national cloud's, or a
   * local fake in tests). Any other host is given to MSAL as a known authority: MSAL then reads
   * the tenant's OpenID configuration from that host instead of asking Microsoft's instance discovery.
   */
  authorityHost?: string;
  scopes?: string[];
  /** MSAL's HTTP client (its `system.networkClient`); default its own fetch. Tests route it to a local fake Entra. */
  networkClient?: TokenNetwork;
};

/** MSAL's HTTP client interface (GET for discovery, POST for the token request). */
export type TokenNetwork = INetworkModule;

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export function msalConfig(c: ClientCredentialsConfig): Configuration {
  const host = (c.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/$/, '');
  const authority = `${host}/${c.tenantId}`;
  const known = host === DEFAULT_AUTHORITY_HOST ? {} : { knownAuthorities: [new URL(host).host] };
  if (c.clientSecret && c.certificate) throw new Error('give either a client secret or a certificate, not both');
  const system = c.networkClient ? { system: { networkClient: c.networkClient } } : {};
  if (c.clientSecret) return { auth: { clientId: c.clientId, authority, ...known, clientSecret: c.clientSecret }, ...system };
  if (c.certificate) {
    const { thumbprintSha256, thumbprint, privateKeyPem, x5c } = c.certificate;
    if (!thumbprintSha256 && !thumbprint) throw new Error('a client certificate needs its SHA-256 (or SHA-1) thumbprint');
    return {
      auth: {
        clientId: c.clientId,
        authority,
        ...known,
        clientCertificate: { ...(thumbprintSha256 ? { thumbprintSha256 } : { thumbprint }), privateKey: privateKeyPem, ...(x5c ? { x5c } : {}) },
      },
      ...system,
    };
  }
  throw new Error('client credentials need a client secret or a certificate');
}

function singleFlight(acquire: () => Promise<string>): TokenProvider {
  let pending: Promise<string> | undefined;
  return {
    getToken() {
      pending ??= acquire().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

const authFailure = (what: string, e: unknown): M365Error =>
  new M365Error({ kind: 'permission', message: `${what} failed: ${e instanceof Error ? e.message : String(e)}`, cause: e });

/**
 * MSAL (about 0.2 s to import) is loaded on the first token request, not at start-up;
 * the configuration is checked at once (a secret or a certificate, not both).
 */
function lazyMsalApp(c: ClientCredentialsConfig): () => Promise<ConfidentialClientApplication> {
  const config = msalConfig(c);
  let app: Promise<ConfidentialClientApplication> | undefined;
  return () =>
    (app ??= import('@azure/msal-node').then(
      (m) => new m.ConfidentialClientApplication(config),
      (e: unknown) => {
        app = undefined;
        throw e;
      },
    ));
}

export function clientCredentialsTokenProvider(c: ClientCredentialsConfig, app?: Pick<ConfidentialClientApplication, 'acquireTokenByClientCredential'>): TokenProvider {
  const lazy = app ? undefined : lazyMsalApp(c);
  const scopes = c.scopes ?? [GRAPH_DEFAULT_SCOPE];
  return singleFlight(async () => {
    let r;
    try {
      r = await (app ?? (await lazy!())).acquireTokenByClientCredential({ scopes });
    } catch (e) {
      throw authFailure('client-credentials token', e);
    }
    if (!r?.accessToken) throw new M365Error({ kind: 'permission', message: 'client-credentials token: MSAL returned no token' });
    return r.accessToken;
  });
}

/** On-behalf-of: one provider per incoming user token (the tab's SSO token, already validated). */
export function onBehalfOfTokenProviderFactory(
  c: ClientCredentialsConfig,
  app?: Pick<ConfidentialClientApplication, 'acquireTokenOnBehalfOf'>,
): (userAssertion: string, scopes?: string[]) => TokenProvider {
  const lazy = app ? undefined : lazyMsalApp(c);
  return (userAssertion, scopes) =>
    singleFlight(async () => {
      let r;
      try {
        r = await (app ?? (await lazy!())).acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes: scopes ?? c.scopes ?? [GRAPH_DEFAULT_SCOPE] });
      } catch (e) {
        throw authFailure('on-behalf-of token', e);
      }
      if (!r?.accessToken) throw new M365Error({ kind: 'permission', message: 'on-behalf-of token: MSAL returned no token' });
      return r.accessToken;
    });
}

/** For the local emulator, which accepts any Bearer token. */
export function staticTokenProvider(token = 'emulator-token'): TokenProvider {
  return { getToken: async () => token };
}
