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
  const token = tokenSource ? await tokenSource().catch((err: unknown) => { throw ssoFailure(err); }) : undefined;
  if (token) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (!res.ok) {
    // An error answer without a JSON body (a proxy's HTML page) still has its status.
    const body = (await res.json().catch((err: unknown) => {
      console.warn(`Samraad: ${res.status} from ${path} had no JSON body`, err);
      return {};
    })) as Partial<ApiError>;
    throw { status: res.status, detail: body.detail ?? res.statusText, detailDa: body.detailDa, errors: body.errors, body: body as Record<string, unknown> } satisfies ApiError;
  }
  return { body: (res.status === 204 ? undefined : await res.json()) as T, headers: res.headers };
}

/**
 * Teams would not hand out the SSO token (consent missing, the host timed out):
 * the call is not sent without it, and the person is told why instead of a bare 401.
 */
function ssoFailure(err: unknown): ApiError {
  console.error('Samraad: Teams did not give a sign-in token', err);
  const reason = err instanceof Error ? err.message : String(err);
  return {
    status: 401,
    detail: `Teams did not sign you in to Samraad (${reason}). Reload the tab; if it persists, ask your administrator to grant consent.`,
    detailDa: `Teams kunne ikke logge dig ind i Samraad (${reason}). Genindlæs fanen; sker det igen, så bed din administrator om at give samtykke.`,
  };
}
