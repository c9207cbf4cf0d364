import { describe, expect, it, jest } from '@jest/globals';
import { M365Error } from '../../usecases/ports/m365.port.js';
import { clientCredentialsTokenProvider, onBehalfOfTokenProviderFactory, staticTokenProvider } from './token.providers.js';

const cfg = { tenantId: 'tenant', clientId: 'client', clientSecret: 'secret' };

describe('token providers', () => {
  it('shares one in-flight client-credentials acquisition between concurrent callers', async () => {
    let resolve!: (v: { accessToken: string }) => void;
    const acquire = jest.fn((_req: { scopes: string[] }) => new Promise<{ accessToken: string }>((r) => (resolve = r)));
    const p = clientCredentialsTokenProvider(cfg, { acquireTokenByClientCredential: acquire as never });
    const a = p.getToken();
    const b = p.getToken();
    resolve({ accessToken: 'tok' });
    expect(await Promise.all([a, b])).toEqual(['tok', 'tok']);
    expect(acquire).toHaveBeenCalledTimes(1);
    expect(acquire).toHaveBeenCalledWith({ scopes: ['https://graph.microsoft.com/.default'] });
  });

  it('surfaces an MSAL failure as a permission error, never swallows it', async () => {
    const p = clientCredentialsTokenProvider(cfg, { acquireTokenByClientCredential: (async () => { throw new Error('AADSTS7000215: Invalid client secret'); }) as never });
    await expect(p.getToken()).rejects.toBeInstanceOf(M365Error);
    await expect(p.getToken()).rejects.toMatchObject({ kind: 'permission', message: expect.stringContaining('AADSTS7000215') });
  });

  it('acquires on-behalf-of tokens per user assertion', async () => {
    const obo = jest.fn(async (req: { oboAssertion: string; scopes: string[] }) => ({ accessToken: `obo-for-${req.oboAssertion}` }));
    const forUser = onBehalfOfTokenProviderFactory(cfg, { acquireTokenOnBehalfOf: obo as never });
    expect(await forUser('user-a').getToken()).toBe('obo-for-user-a');
    expect(obo).toHaveBeenCalledWith({ oboAssertion: 'user-a', scopes: ['https://graph.microsoft.com/.default'] });
  });

  it('builds real MSAL clients from a secret or a certificate, and refuses neither/both', () => {
    expect(() => clientCredentialsTokenProvider(cfg)).not.toThrow();
    expect(() => clientCredentialsTokenProvider({ tenantId: 't', clientId: 'c', certificate: { privateKeyPem: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----', thumbprintSha256: 'ab'.repeat(32) } })).not.toThrow();
    expect(() => clientCredentialsTokenProvider({ tenantId: 't', clientId: 'c' })).toThrow(/secret or a certificate/);
    expect(() => clientCredentialsTokenProvider({ ...cfg, certificate: { privateKeyPem: 'x', thumbprintSha256: 'y' } })).toThrow(/not both/);
  });

  it('has a static provider for the emulator', async () => {
    expect(await staticTokenProvider().getToken()).toBe('emulator-token');
  });
});
