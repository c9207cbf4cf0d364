/** What the HTTP routes get from the composition root (src/entry/app.ts). */
import type { Config } from '../../config/config.js';
import type { AccessContext } from '../../domain/access/access.policy.js';
import type { RegistryUseCases } from '../../usecases/registry/registry.usecases.js';
import type { AuditStore, Clock, RegionStore, RegistryStore } from '../../usecases/ports/store.port.js';
import type { RegionUseCases } from '../../usecases/registry/regions.usecases.js';
import type { DeadLetter } from '../../adapters/queue/job-queue.js';
import type { IdentityDeps } from './auth.js';
import type { AppDeps } from '../app.js';
import type { ReadCache } from './read-cache.js';

export type HttpContext = {
  config: Config;
  clock: Clock;
  /** Reads outside a transaction. */
  reads: RegistryStore;
  audit: AuditStore;
  registry: RegistryUseCases;
  /** Regions as data: the use cases, and reads outside a transaction. */
  regions: RegionUseCases;
  regionReads: Pick<RegionStore, 'list'>;
  identity: IdentityDeps;
  /** Whole answers of the busiest read routes, kept while the data and the time stay the same (read-cache.ts). */
  readCache: ReadCache;
  accessFor(personId: string): Promise<AccessContext>;
  health(): Promise<{ database: 'ok' | string; queue: 'ok' | 'off' | string }>;
  jobs?: {
    listDeadLetters(limit?: number): Promise<DeadLetter[]>;
    retryDeadLetter(id: string): Promise<boolean>;
    enqueueSelfTest(failing: boolean, requestedBy?: string): Promise<string | null>;
  };
  /** Directory of the built tab (index.html and assets). */
  tabDir?: string;
  /** The composition root's dependencies, for feature modules that wire their own use cases (database, queue, ids). */
  deps: AppDeps;
};
