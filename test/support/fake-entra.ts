/**
 * A fake Entra token service for tests, on 127.0.0.1: it answers the two requests
 * MSAL Node makes for app-only tokens against a known authority (the tenant's
 * OpenID configuration, then the client-credentials POST to its token endpoint)
 * and issues an opaque access token only when the client proves itself as told:
 * a client assertion (RFC 7523) signed by the registered certificate, or the
 * registered secret. Every token request is recorded with why it was refused.
 *
 * MSAL accepts only https authorities, so the app is configured with
 * `authorityHost` (an https name that resolves nowhere) and `network`, MSAL's
 * `system.networkClient`, which carries each request to this local HTTP server.
 */
import { createHash, createPublicKey, constants, randomUUID, verify, X509Certificate } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenNetwork } from '../../src/adapters/graph/token.providers.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type TokenRequest = {
  tenant: string;
  form: Record<string, string>;
  /** The client assertion's JOSE header and claims, when one was sent. */
  assertion?: { header: Record<string, unknown>; claims: Record<string, unknown> };
  /** Why the request was refused; undefined when a token was issued. */
  refused?: string;
  token?: string;
};

export type FakeEntra = {
  /** The https authority host to configure (MSAL sees only this). */
  authorityHost: string;
  network: TokenNetwork;
  requests: TokenRequest[];
  /** Tokens issued, for a resource server to accept. */
  issued: Set<string>;
  close(): Promise<void>;
};

const b64url = (s: string) => Buffer.from(s, 'base64url');

export async function startFakeEntra(opts: { clientId: string; certificatePem?: string; clientSecret?: string; authorityHost?: string }): Promise<FakeEntra> {
  const authorityHost = opts.authorityHost ?? 'https://login.samraad.test';
  const cert = opts.certificatePem ? new X509Certificate(opts.certificatePem) : undefined;
  const requests: TokenRequest[] = [];
  const issued = new Set<string>();

  const checkAssertion = (jwt: string, audience: string): { refused?: string; header: Record<string, unknown>; claims: Record<string, unknown> } => {
    const [h, c, sig] = jwt.split('.');
    if (!h || !c || !sig) return { refused: 'the client assertion is not a JWT', header: {}, claims: {} };
    const header = JSON.parse(b64url(h).toString('utf8')) as Record<string, unknown>;
    const claims = JSON.parse(b64url(c).toString('utf8')) as Record<string, unknown>;
    if (!cert) return { refused: 'no certificate is registered for this app', header, claims };
    const data = Buffer.from(`${h}.${c}`);
    const key = createPublicKey(cert.publicKey.export({ format: 'pem', type: 'spki' }));
    const ok =
      header.alg === 'PS256'
        ? verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, b64url(sig))
        : header.alg === 'RS256'
          ? verify('sha256', data, key, b64url(sig))
          : false;
    if (!ok) return { refused: `the client assertion is not signed by the registered certificate (alg ${String(header.alg)})`, header, claims };
    const sha256 = createHash('sha256').update(cert.raw).digest('base64url');
    const sha1 = createHash('sha1').update(cert.raw).digest('base64url');
    if (header['x5t#S256'] !== sha256 && header.x5t !== sha1) return { refused: "the assertion's thumbprint is not the registered certificate's", header, claims };
    if (claims.iss !== opts.clientId || claims.sub !== opts.clientId) return { refused: 'the assertion is not issued by the client', header, claims };
    if (claims.aud !== audience) return { refused: `the assertion's audience is ${String(claims.aud)}, not ${audience}`, header, claims };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return { refused: 'the assertion has expired', header, claims };
    return { header, claims };
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', authorityHost);
    const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (req.method === 'GET' && discovery) {
      const t = discovery[1]!;
      return send(res, 200, {
        issuer: `${authorityHost}/${t}/v2.0`,
        token_endpoint: `${authorityHost}/${t}/oauth2/v2.0/token`,
        authorization_endpoint: `${authorityHost}/${t}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authorityHost}/${t}/oauth2/v2.0/logout`,
        jwks_uri: `${authorityHost}/${t}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (req.method === 'POST' && token) {
      const chunks: Buffer[] = [];
      for await (const ch of req) chunks.push(ch as Buffer);
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const entry: TokenRequest = { tenant: token[1]!, form };
      requests.push(entry);
      let refused: string | undefined;
      if (form.grant_type !== 'client_credentials') refused = `grant_type ${form.grant_type}`;
      else if (form.client_id !== opts.clientId) refused = `unknown client ${form.client_id}`;
      else if (form.client_assertion !== undefined || form.client_assertion_type !== undefined) {
        if (form.client_assertion_type !== CLIENT_ASSERTION_TYPE) refused = `client_assertion_type ${form.client_assertion_type}`;
        else {
          const a = checkAssertion(form.client_assertion ?? '', `${authorityHost}${url.pathname}`);
          entry.assertion = { header: a.header, claims: a.claims };
          refused = a.refused;
        }
      } else if (form.client_secret !== undefined) {
        if (!opts.clientSecret || form.client_secret !== opts.clientSecret) refused = 'invalid client secret';
      } else refused = 'no client credential';
      if (refused) {
        entry.refused = refused;
        return send(res, 401, { error: 'invalid_client', error_description: `AADSTS7000000: ${refused}`, error_codes: [7000000] });
      }
      const accessToken = `entra-${randomUUID()}`;
      issued.add(accessToken);
      entry.token = accessToken;
      return send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
    }
    send(res, 404, { error: 'not_found', error_description: `${req.method} ${url.pathname}` });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { error: 'server_error', error_description: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const forward = async <T>(method: 'GET' | 'POST', url: string, options?: { headers?: Record<string, string>; body?: string }) => {
    if (!url.startsWith(`${authorityHost}/`)) throw new Error(`the fake Entra does not answer for ${url}`);
    const r = await fetch(`${local}${url.slice(authorityHost.length)}`, { method, headers: options?.headers ?? {}, ...(method === 'POST' ? { body: options?.body ?? '' } : {}) });
    const headers: Record<string, string> = {};
    r.headers.forEach((v, k) => (headers[k] = v));
    return { headers, body: (await r.json()) as T, status: r.status };
  };

  return {
    authorityHost,
    network: {
      sendGetRequestAsync: (url, options) => forward('GET', url, options),
      sendPostRequestAsync: (url, options) => forward('POST', url, options),
    },
    requests,
    issued,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
