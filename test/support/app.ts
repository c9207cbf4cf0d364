/**
 * A whole Samraad server on a fresh test database (PGlite, or PostgreSQL when
 * DATABASE_URL is set), with the demo region loaded. Use `as(personId)` for the
 * dev sign-in header.
 */
import { loadConfig, type Config } from '../../src/config/config.js';
import { startApp, type AppModule, type RunningApp } from '../../src/entry/app.js';
import type { Backend, Seed, TestDatabase } from './db.js';
import type { Clock } from '../../src/usecases/ports/store.port.js';
import type { JwksFetcher } from '../../src/adapters/identity/sso-token.validator.js';

export type TestApp = RunningApp & {
  db: TestDatabase;
  url: string;
  as(personId: string): Record<string, string>;
  close(): Promise<void>;
};

const quiet = { info() {}, warn() {}, error: (m: string) => process.stderr.write(`${m}\n`) };
/** The demo region as startApp loads it (src/demo/demo-loader.ts), with no module, no clock and no traffic. */
export const demoSeed: Seed = {
  key: 'demo',
  async build(database) {
    const config = loadConfig({ PORT: '0', DATA_DIR: '/nonexistent', SAMRAAD_DEMO: '1', GRAPH_MODE: 'off' });
    const app = await startApp(config, { logger: quiet, modules: [], database });
    await app.stop();
  },
};


export async function startTestApp(
  backend: Backend,
  opts: { modules?: AppModule[]; env?: Record<string, string>; demo?: boolean; configure?: (c: Config) => Config; tabDir?: string; clock?: Clock; poolSize?: number; fetchJwks?: JwksFetcher } = {},
): Promise<TestApp> {
  // Every JSON response is held against its schema in src/contracts (a mismatch or a field the schema would drop is a 500).
  // Rate limits far above anything a test sends (the defaults are for people); test/http/hardening.api.spec.ts sets its own.
  let config = loadConfig({ PORT: '0', DATA_DIR: '/nonexistent', SAMRAAD_DEMO: opts.demo === false ? '0' : '1', GRAPH_MODE: 'off', RATE_LIMIT_PER_ADDRESS: '10000000', RATE_LIMIT_PER_ADDRESS_CEILING: '10000000', RATE_LIMIT_PER_PERSON: '10000000', SAMRAAD_RESPONSE_CHECK: 'strict', ...opts.env });
  if (opts.configure) config = opts.configure(config);
  // The demo region comes from this run's seeded copy (built once, by the same startApp path): loading it costs
  // 8-15 s per server on a loaded machine. startApp then finds it loaded and leaves it as it is.
  const db = await backend.open({ ...(opts.poolSize ? { poolSize: opts.poolSize } : {}), ...(config.loadDemo ? { seed: demoSeed } : {}) });
  try {
    const app = await startApp(config, { logger: quiet, modules: opts.modules ?? [], database: db, tabDir: opts.tabDir, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.fetchJwks ? { fetchJwks: opts.fetchJwks } : {}) });
    const port = (app.server!.server.address() as { port: number }).port;
    return Object.assign(app, {
      db,
      url: `http://127.0.0.1:${port}`,
      as: (personId: string) => ({ 'x-samraad-dev-person': personId }),
      async close() {
        await app.stop();
        await db.dispose();
      },
    });
  } catch (err) {
    await db.dispose();
    throw err;
  }
}
