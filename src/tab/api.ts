/** The tab's calls to the Samraad API: with the SSO token inside a host, the dev sign-in cookie outside. */
export type ApiError = { status: number; detail: string; detailDa?: string; errors?: { field: string; reason: string }[]; body?: Record<string, unknown> };

let tokenSource: (() => Promise<string | undefined>) | undefined;
export function useTokenSource(source: () => Promise<string | undefined>) {
  tokenSource = source;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await apiWithHeaders<T>(path, init)).body;
}

/** As api(), with the response headers (e.g. a paging cursor). */
export async function apiWithHeaders<T>(path: string, init: RequestInit = {}): Promise<{ body: T; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const token = tokenSource ? await tokenSource().catch(() => undefined) : undefined;
  if (token) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as Partial<ApiError>;
    throw { status: res.status, detail: body.detail ?? res.statusText, detailDa: body.detailDa, errors: body.errors, body: body as Record<string, unknown> } satisfies ApiError;
  }
  return { body: (res.status === 204 ? undefined : await res.json()) as T, headers: res.headers };
}
