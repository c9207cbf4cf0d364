/**
 * PostgreSQL errors that mean "try the same transaction again": a deadlock the
 * server broke (40P01) or a serialization failure (40001). Under parallel writes
 * these are expected now and then; a use case's transaction has no effect outside
 * the database (outside effects go through the outbox in the same transaction),
 * so running it again is safe. A client never sees them as a 500.
 */
const TRANSIENT = new Set(['40P01', '40001']);

/** The SQLSTATE of a driver error, also when Drizzle wrapped it (`cause`). */
export function sqlStateOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isTransient(err: unknown): boolean {
  const code = sqlStateOf(err);
  return code !== undefined && TRANSIENT.has(code);
}

/** Runs `run` again (up to `attempts` times in all, with a short random pause) while it fails transiently. */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isTransient(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
