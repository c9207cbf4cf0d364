/**
 * Runs a use case in one database transaction with the repositories, the audit
 * log and a job outbox all bound to it: everything commits together or not at all.
 */
import { retryTransient } from './transient.js';
import type { Transact, UnitOfWork } from '../../usecases/ports/store.port.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { Database, DbOrTx } from './database.js';
import { auditRepository } from './audit.repository.js';
import { closedDaysRepository } from './closed-days.repository.js';
import { registryRepository } from './registry.repository.js';
import { regionsRepository } from './regions.repository.js';

export function unitOfWorkFor(tx: DbOrTx, queue: Pick<JobQueue, 'outboxFor'>): UnitOfWork {
  return {
    registry: registryRepository(tx),
    closedDays: closedDaysRepository(tx),
    regions: regionsRepository(tx),
    audit: auditRepository(tx),
    outbox: queue.outboxFor(tx),
  };
}

export function transactor(database: Database, queue: Pick<JobQueue, 'outboxFor'>): Transact {
  return (fn) => retryTransient(() => database.db.transaction((tx) => fn(unitOfWorkFor(tx, queue))));
}
