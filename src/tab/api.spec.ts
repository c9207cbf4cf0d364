import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { api, useTokenSource } from './api.js';

describe('tab api: the SSO token', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    jest.restoreAllMocks();
  });

  it('surfaces a failed SSO token fetch as a Danish and English 401 and does not send the call without it', async () => {
    const fetchMock = jest.fn<typeof fetch>();
    globalThis.fetch = fetchMock;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    useTokenSource(() => Promise.reject(new Error('consent_required')));
    await expect(api('/api/me')).rejects.toMatchObject({
      status: 401,
      detail: expect.stringContaining('consent_required'),
      detailDa: expect.stringContaining('Teams kunne ikke logge dig ind'),
    });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalled();
  });

  it('sends the token it gets', async () => {
    const fetchMock = jest.fn<typeof fetch>().mockResolvedValue(new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }));
    globalThis.fetch = fetchMock;
    useTokenSource(() => Promise.resolve('tok'));
    await expect(api('/api/me')).resolves.toEqual({ ok: true });
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('authorization')).toBe('Bearer tok');
  });
});
