/**
 * The composition root: reads nothing from the environment itself (config comes
 * in), opens the store of record, starts the job queue and the HTTP server for
 * the chosen role, and wires ports to adapters. `stop()` shuts down in order:
 * stop accepting requests and finish in-flight ones, let running jobs finish,
 * close the database, release the data-folder lock.
 */
import { localToday } from '../domain/calendar/working-day.calendar.js';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/config.js';
import { productionRefusals } from '../config/production-guard.js';
import { openDatabase, type Database } from '../adapters/db/database.js';
import { lockDataDir, type DataDirLock } from '../adapters/db/data-dir-lock.js';
import { registryRepository } from '../adapters/db/registry.repository.js';
import { auditRepository } from '../adapters/db/audit.repository.js';
import { transactor } from '../adapters/db/unit-of-work.js';
import { planningUnitOfWorkFor } from '../adapters/db/planning.unit-of-work.js';
import { transitionsRepository } from '../adapters/db/transitions.repository.js';
import { workflowRepository } from '../adapters/db/workflow.repository.js';
import { retryTransient } from '../adapters/db/transient.js';
import { startJobQueue, type JobQueue } from '../adapters/queue/job-queue.js';
import { createSsoTokenValidator, ssoValidatorOptionsFrom, type JwksFetcher } from '../adapters/identity/sso-token.validator.js';
import { registryUseCases } from '../usecases/registry/registry.usecases.js';
import { regionUseCases } from '../usecases/registry/regions.usecases.js';
import { regionsRepository } from '../adapters/db/regions.repository.js';
import type { Clock, IdGenerator, Transact } from '../usecases/ports/store.port.js';
import { loadDemoData, type DemoTransact } from '../demo/demo-loader.js';
import { buildServer } from './http/server.js';
import type { HttpContext } from './http/http-context.js';
import { createReadCache, memoByRevision } from './http/read-cache.js';
import { allQueues, queues } from './jobs/queues.js';

export type Logger = { info(msg: string): void; warn(msg: string): void; error(msg: string): void };

export type StartedModule = { stop(): Promise<void>; stopAfterWorkers?(): Promise<void> };

export type AppModule = {
  name: string;
  /** HTTP routes this module adds (web role). */
  routes?: (ctx: HttpContext) => FastifyPluginAsync;
  /** Job workers this module runs (worker role); started once the server listens. */
  startWorkers?: (deps: AppDeps) => Promise<void>;
  /**
   * Started after the server listens; stopped before the database closes. `stop` runs before the job queue stops
   * (e.g. to cut a handler's wait short); `stopAfterWorkers` once no handler runs any more (e.g. a service the handlers
   * call, such as the Graph emulator: closed earlier, a running sync job would retry against a closed port for ~15 s).
   */
  start?: (deps: AppDeps) => Promise<StartedModule | void>;
};

export type AppDeps = {
  config: Config;
  database: Database;
  queue: JobQueue;
  transact: Transact;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
};

export type RunningApp = {
  config: Config;
  server?: FastifyInstance;
  url?: string;
  deps: AppDeps;
  stop(): Promise<void>;
};

export class StartupRefused extends Error {}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { newId: (prefix) => `${prefix}_${randomBytes(9).toString('base64url')}` };

export async function startApp(
  config: Config,
  opts: {
    logger: Logger;
    modules?: AppModule[];
    tabDir?: string;
    httpLogger?: boolean;
    clock?: Clock;
    /** Tests pass a database they opened (and close) themselves. */
    database?: Database;
    /** Where Entra's signing keys come from (tests: local keys, no network). */
    fetchJwks?: JwksFetcher;
    /** How often the job queue looks for due schedules (pg-boss's default 30 s; tests shorten it). */
    cronMonitorIntervalSeconds?: number;
  } = { logger: console },
): Promise<RunningApp> {
  const { logger } = opts;
  const refusals = productionRefusals(config);
  if (refusals.length) {
    const why = config.productionImplied ? ' (NODE_ENV is not set but tenant identity is configured, so this is treated as production; set NODE_ENV=development to develop against a tenant)' : '';
    throw new StartupRefused(`Refusing to start in production mode${why}:\n${refusals.map((r) => `  - ${r.message}`).join('\n')}`);
  }

  let lock: DataDirLock | undefined;
  let database: Database;
  if (opts.database) {
    database = opts.database;
  } else if (config.databaseUrl) {
    database = await openDatabase({ kind: 'postgres', connectionString: config.databaseUrl });
  } else {
    lock = lockDataDir(config.dataDir); // throws DataDirLockedError with a clear message
    try {
      database = await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pgdata') });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const clock = opts.clock ?? systemClock;
  const runsWorkers = config.role !== 'web';
  // A caller that hands in its database keeps using it (and its process) after stop: running handlers get up to 20 s
  // to finish first. The process itself (src/main.ts) exits right after stopping, within its 4.5 s budget.
  const queue = await startJobQueue(database, { queues: allQueues, supervise: runsWorkers, schedule: runsWorkers, handlerGraceMs: opts.database ? 20_000 : 250, ...(opts.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds } : {}) });
  const transact = transactor(database, queue);
  const deps: AppDeps = { config, database, queue, transact, clock, ids: randomIds, logger };

  if (config.loadDemo && (database.kind === 'pglite' || opts.database)) {
    // The demo's meetings and its prepared transition load in the same transaction as its registry.
    const demoTransact: DemoTransact = (fn) => retryTransient(() => database.db.transaction((tx) => fn({ ...planningUnitOfWorkFor(tx, queue), transitions: transitionsRepository(tx), workflow: workflowRepository(tx) })));
    const { loaded } = await loadDemoData(demoTransact);
    if (loaded) logger.info('Loaded the demo region (src/demo/demo-region.json).');
  }

  const modules = opts.modules ?? [];

  const reads = registryRepository(database.db);
  const audit = auditRepository(database.db);
  // Other processes' writes reach this one's caches by PostgreSQL notices (src/adapters/db/data-revision.ts).
  await database.revision.listen();
  const personByEntra = memoByRevision(database.revision, (key: string) => {
    const [tenantId, objectId] = key.split('\u0000') as [string, string];
    return reads.findPersonByEntra(tenantId, objectId);
  });
  const ssoOptions = ssoValidatorOptionsFrom(config.identity);
  const sso = ssoOptions ? createSsoTokenValidator({ ...ssoOptions, ...(opts.fetchJwks ? { fetchJwks: opts.fetchJwks } : {}) }) : undefined;
  const registry = registryUseCases({ transact, ids: randomIds, today: () => localToday(clock) });
  const ctx: HttpContext = {
    config,
    clock,
    reads,
    audit,
    registry,
    regions: regionUseCases({ transact, ids: randomIds, clock, today: () => localToday(clock) }),
    regionReads: regionsRepository(database.db),
    readCache: createReadCache({ revision: database.revision, clockMs: () => clock.now().getTime() }),
    identity: {
      devSignIn: config.devSignIn && !sso,
      // Asked on every request with the dev sign-in: kept while the data stays the same.
      findPersonById: memoByRevision(database.revision, (id: string) => reads.getPerson(id)),
      findPersonByEntra: (t, o) => personByEntra(`${t}\u0000${o}`),
      bindOnFirstSignIn: (claims) => registry.bindIdentityOnSignIn(claims),
      ...(sso ? { validateSsoToken: async (token: string) => sso.validate(token) } : {}),
    },
    async accessFor(personId) {
      const [memberships, forums, platformRoles] = await Promise.all([reads.listMemberships({ personId }), reads.listForums(), reads.listPlatformRoles(personId)]);
      return {
        personId,
        memberships,
        platformRoles,
        forumsById: new Map(forums.map((f) => [f.id, f])),
        today: localToday(clock),
      };
    },
    async health() {
      let db = 'ok';
      try {
        await database.ping();
      } catch (err) {
        db = err instanceof Error ? err.message : 'unreachable';
      }
      return { database: db, queue: 'ok' };
    },
    jobs: {
      listDeadLetters: (limit) => queue.listDeadLetters(limit),
      retryDeadLetter: (id) => queue.retryDeadLetter(id),
      enqueueSelfTest: (failing, requestedBy) => queue.enqueue(queues.selfTest.name, { failing, ...(requestedBy ? { requestedBy } : {}) }),
    },
    tabDir: opts.tabDir,
    deps,
  };

  let server: FastifyInstance | undefined;
  let url: string | undefined;
  const started: StartedModule[] = [];
  try {
    server = await buildServer(ctx, { logger: opts.httpLogger ?? false, extraRoutes: modules.flatMap((m) => (m.routes ? [m.routes] : [])) });
    // Loopback unless HOST says otherwise: a development server is not reachable from the network by accident.
    url = await server.listen({ port: config.port, host: config.http.host });
    // Workers start once the API is up (/healthz answers when the database, the queue and
    // HTTP are ready); a job enqueued meanwhile waits in its queue. startApp still returns
    // only when they run.
    if (runsWorkers) {
      await queue.work(queues.selfTest.name, async (data) => {
        if (data.failing) throw new Error('self-test job asked to fail');
      });
      for (const m of modules) await m.startWorkers?.(deps);
    }
    for (const m of modules) {
      const s = await m.start?.(deps);
      if (s) started.push(s);
    }
  } catch (err) {
    // Clean up after a failed start; the start error is what the caller gets, the rest is logged.
    await server?.close().catch((e: unknown) => logger.warn(`closing the HTTP server after a failed start failed: ${String(e)}`));
    const last = [...started].reverse();
    for (const s of last) await s.stop().catch((e: unknown) => logger.warn(`stopping a module after a failed start failed: ${String(e)}`));
    await queue.stop().catch((e: unknown) => logger.warn(`stopping the job queue after a failed start failed: ${String(e)}`));
    for (const s of last) await s.stopAfterWorkers?.().catch((e: unknown) => logger.warn(`stopping a module after a failed start failed: ${String(e)}`));
    if (!opts.database) await database.close().catch((e: unknown) => logger.warn(`closing the database after a failed start failed: ${String(e)}`));
    lock?.release();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    config,
    server,
    url,
    deps,
    stop() {
      stopping ??= (async () => {
        await server?.close(); // stops accepting, waits for in-flight requests
        const last = [...started].reverse();
        for (const s of last) await s.stop().catch((e: unknown) => logger.warn(`stopping a module failed: ${String(e)}`));
        await queue.stop().catch((e: unknown) => logger.warn(`stopping the job queue failed: ${String(e)}`));
        for (const s of last) await s.stopAfterWorkers?.().catch((e: unknown) => logger.warn(`stopping a module failed: ${String(e)}`));
        if (!opts.database) await database.close();
        lock?.release();
      })();
      return stopping;
    },
  };
}
