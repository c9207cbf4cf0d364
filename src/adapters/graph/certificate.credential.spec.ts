/**
 * Certificate credentials for app-only Graph tokens: the PEM file is read and checked
 * against its thumbprint, and MSAL's confidential client built from it signs the token
 * request with that key (seen through MSAL's network hook: no network is used).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { loadConfig } from '../../config/config.js';
import { graphCredentials } from '../../entry/graph.adapters.js';
import { loadCertificateCredential, normaliseThumbprint } from './certificate.credential.js';
import { clientCredentialsTokenProvider } from './token.providers.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '6c1f4b52-0d51-4c8e-a3a4-54b1e3f7d9a1';

function openssl(args: string[], cwd: string) {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

describe('certificate credentials', () => {
  let dir: string;
  let certPem: string;
  let keyPem: string;
  let sha256: string;
  let sha1: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-cert-'));
    // A self-signed certificate as one would upload it to the Entra app; the key in PKCS#1 ("RSA PRIVATE KEY") on purpose.
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=samraad-test'], dir);
    openssl(['rsa', '-in', 'key.pem', '-out', 'key-pkcs1.pem', '-traditional'], dir);
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other-key.pem', '-out', 'other-cert.pem', '-days', '2', '-subj', '/CN=other'], dir);
    certPem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    keyPem = fs.readFileSync(path.join(dir, 'key-pkcs1.pem'), 'utf8');
    const x = new X509Certificate(certPem);
    sha256 = normaliseThumbprint(x.fingerprint256);
    sha1 = normaliseThumbprint(x.fingerprint);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads key and certificate from one PEM, as PKCS#8, with the thumbprint checked against the certificate', () => {
    const p = file('both.pem', `${keyPem}\n${certPem}`);
    const c = loadCertificateCredential({ path: p, thumbprintSha256: sha256.toUpperCase().match(/../g)!.join(':') });
    expect(c.thumbprintSha256).toBe(sha256);
    expect(c.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(loadCertificateCredential({ path: p, thumbprint: sha1 })).toMatchObject({ thumbprint: sha1 });
    // A key alone is enough when the thumbprint is given.
    expect(loadCertificateCredential({ path: file('key-only.pem', keyPem), thumbprintSha256: sha256 }).thumbprintSha256).toBe(sha256);
  });

  it('refuses a wrong thumbprint, a key of another certificate, an encrypted key, a file without key, a missing file', () => {
    const p = file('both2.pem', `${certPem}\n${keyPem}`);
    expect(() => loadCertificateCredential({ path: p, thumbprintSha256: 'ab'.repeat(32) })).toThrow(/THUMBPRINT_SHA256 is not the thumbprint of the certificate/);
    expect(() => loadCertificateCredential({ path: p, thumbprint: 'ab'.repeat(20) })).toThrow(/THUMBPRINT is not the SHA-1 thumbprint/);
    const mixed = file('mixed.pem', `${fs.readFileSync(path.join(dir, 'other-key.pem'), 'utf8')}\n${certPem}`);
    expect(() => loadCertificateCredential({ path: mixed, thumbprintSha256: sha256 })).toThrow(/does not belong to the certificate/);
    openssl(['pkcs8', '-topk8', '-in', 'key.pem', '-out', 'enc.pem', '-passout', 'pass:secret'], dir);
    expect(() => loadCertificateCredential({ path: path.join(dir, 'enc.pem'), thumbprintSha256: sha256 })).toThrow(/is encrypted/);
    expect(() => loadCertificateCredential({ path: file('cert-only.pem', certPem), thumbprintSha256: sha256 })).toThrow(/holds no private key/);
    expect(() => loadCertificateCredential({ path: path.join(dir, 'nope.pem'), thumbprintSha256: sha256 })).toThrow(/cannot read the certificate file/);
  });

  it('builds the confidential client with the certificate: the token request carries a client assertion signed by its key', async () => {
    const p = file('app.pem', `${keyPem}\n${certPem}`);
    // What the server does in GRAPH_MODE=tenant: config -> credentials; the secret that atk writes anyway is not used.
    const config = loadConfig({ AAD_APP_CLIENT_ID: CLIENT, AAD_APP_TENANT_ID: TENANT, SECRET_AAD_APP_CLIENT_SECRET: 'also-set', AAD_APP_CERTIFICATE_PATH: p, AAD_APP_CERTIFICATE_THUMBPRINT_SHA256: sha256 });
    const creds = graphCredentials(config);
    expect(creds.clientSecret).toBeUndefined();
    const posts: { url: string; body: URLSearchParams }[] = [];
    const gets: string[] = [];
    const json = <T>(body: T): NetworkResponse<T> => ({ headers: { 'content-type': 'application/json' }, body, status: 200 });
    const authority = `https://login.microsoftonline.com/${TENANT}`;
    const networkClient: INetworkModule = {
      async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
        gets.push(url);
        if (url.includes('discovery/instance')) {
          return json({ tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }] }) as NetworkResponse<T>;
        }
        return json({ token_endpoint: `${authority}/oauth2/v2.0/token`, issuer: `${authority}/v2.0`, authorization_endpoint: `${authority}/oauth2/v2.0/authorize`, end_session_endpoint: `${authority}/oauth2/v2.0/logout`, jwks_uri: `${authority}/discovery/v2.0/keys` }) as NetworkResponse<T>;
      },
      async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
        posts.push({ url, body: new URLSearchParams(String(options?.body ?? '')) });
        return json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'app-only-token' }) as NetworkResponse<T>;
      },
    };
    const provider = clientCredentialsTokenProvider({ ...creds, networkClient });
    expect(await provider.getToken()).toBe('app-only-token');
    expect(gets.every((u) => u.startsWith('https://login.microsoftonline.com/'))).toBe(true);
    expect(posts).toHaveLength(1);
    const { url, body } = posts[0]!;
    expect(url.split('?')[0]).toBe(`${authority}/oauth2/v2.0/token`);
    expect(body.get('grant_type')).toBe('client_credentials');
    expect(body.get('client_id')).toBe(CLIENT);
    expect(body.get('client_secret')).toBeNull();
    expect(body.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = body.get('client_assertion')!;
    const header = decodeProtectedHeader(assertion);
    expect(header).toMatchObject({ alg: 'PS256', 'x5t#S256': Buffer.from(sha256, 'hex').toString('base64url') });
    const { payload } = await jwtVerify(assertion, await importX509(certPem, 'PS256'), { audience: `${authority}/oauth2/v2.0/token`, issuer: CLIENT, subject: CLIENT, clockTolerance: 60 });
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
  });

  it('refuses a half-configured certificate in the config, clearly', () => {
    const base = { AAD_APP_CLIENT_ID: CLIENT, AAD_APP_TENANT_ID: TENANT };
    expect(() => loadConfig({ ...base, AAD_APP_CERTIFICATE_PATH: '/run/secrets/samraad.pem' })).toThrow(/AAD_APP_CERTIFICATE_PATH is set but the certificate has no thumbprint: set AAD_APP_CERTIFICATE_THUMBPRINT_SHA256/);
    expect(() => loadConfig({ ...base, AAD_APP_CERTIFICATE_THUMBPRINT_SHA256: sha256 })).toThrow(/AAD_APP_CERTIFICATE_THUMBPRINT_SHA256 is set but AAD_APP_CERTIFICATE_PATH is not/);
    expect(() => loadConfig({ ...base, AAD_APP_CERTIFICATE_THUMBPRINT: sha1 })).toThrow(/AAD_APP_CERTIFICATE_THUMBPRINT is set but AAD_APP_CERTIFICATE_PATH is not/);
    expect(() => loadConfig({ ...base, AAD_APP_CERTIFICATE_PATH: '/x.pem', AAD_APP_CERTIFICATE_THUMBPRINT_SHA256: sha1 })).toThrow(/must be 64 hex digits/);
    expect(() => loadConfig({ ...base, AAD_APP_CERTIFICATE_PATH: '/x.pem', AAD_APP_CERTIFICATE_THUMBPRINT: 'not-hex' })).toThrow(/must be 40 hex digits/);
    expect(loadConfig({ ...base, AAD_APP_CERTIFICATE_PATH: '/x.pem', AAD_APP_CERTIFICATE_THUMBPRINT: sha1.toUpperCase() }).identity.certificate).toEqual({ path: '/x.pem', thumbprint: sha1 });
    expect(loadConfig(base).identity.certificate).toBeUndefined();
    // A certificate file that does not fit its thumbprint stops the start of tenant mode, before any token request.
    const p = file('wrong.pem', `${keyPem}\n${certPem}`);
    expect(() => graphCredentials(loadConfig({ ...base, AAD_APP_CERTIFICATE_PATH: p, AAD_APP_CERTIFICATE_THUMBPRINT_SHA256: 'cd'.repeat(32) }))).toThrow(/not the thumbprint of the certificate/);
  });
});
