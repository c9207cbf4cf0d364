/**
 * The planning use cases' unit of work: the registry's (repositories, audit,
 * outbox) plus the meetings repository and the year-of-duties loader, all bound
 * to one transaction so a moved meeting, its audit entry and its Outlook sync job
 * commit together.
 *
 * The year loader reads plain lists (all forums, terms, memberships, tasks, and
 * the meetings of the one year) and lets the pure `contextFromSnapshot` pick what
 * the forum needs. That is a handful of queries, fine for a region; a national
 * installation would narrow the lists to the forum's neighbourhood first.
 */
import { retryTransient } from './transient.js';
import { sql } from 'drizzle-orm';
import type { RegistrySnapshot } from '../../usecases/year-of-duties.usecase.js';
import { contextFromSnapshot } from '../../usecases/year-of-duties.usecase.js';
import type { PlanningTransact, PlanningUnitOfWork } from '../../usecases/ports/planning.port.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { Database, DbOrTx } from './database.js';
import { closedDaysByRegion } from '../../domain/calendar/closed-day.model.js';
import { closedDaysRepository } from './closed-days.repository.js';
import { meetingsRepository } from './meetings.repository.js';
import { registryRepository } from './registry.repository.js';
import { unitOfWorkFor } from './unit-of-work.js';

export async function loadRegistrySnapshot(db: DbOrTx, year: number): Promise<RegistrySnapshot> {
  const registry = registryRepository(db);
  const meetings = meetingsRepository(db);
  // Sequential on purpose: a PGlite transaction has one connection anyway.
  const forums = await registry.listForums();
  const terms = [];
  for (const f of forums) terms.push(...(await registry.listTerms(f.id)));
  const memberships = await registry.listMemberships();
  const organisations = await registry.listOrganisations();
  const people = await registry.listPeople();
  const yearMeetings = await meetings.listMeetings({ from: `${year}-01-01`, to: `${year}-12-31` });
  const tasks = await meetings.listTasks();
  // Every region's closed days of the year and its neighbours (deadlines of a
  // January meeting reach into December, minutes of a December meeting into January).
  const closed = await closedDaysRepository(db).list({ from: `${year - 1}-01-01`, to: `${year + 1}-12-31` });
  const forumKinds = await registry.listForumKinds();
  return { forums, terms, memberships, organisations, people, meetings: yearMeetings, tasks, closedDaysByRegion: closedDaysByRegion(closed), forumKinds };
}

export function yearsStore(db: DbOrTx): PlanningUnitOfWork['years'] {
  return {
    snapshot: (year) => loadRegistrySnapshot(db, year),
    async loadForumContext(forumId, year) {
      // Cheap existence check first: an unknown forum should not load the region.
      if (!(await registryRepository(db).getForum(forumId))) return null;
      return contextFromSnapshot(await loadRegistrySnapshot(db, year), forumId, year);
    },
  };
}

export function planningUnitOfWorkFor(tx: DbOrTx, queue: Pick<JobQueue, 'outboxFor'>): PlanningUnitOfWork {
  return {
    ...unitOfWorkFor(tx, queue),
    meetings: meetingsRepository(tx),
    years: yearsStore(tx),
    async lockForumPlan(forumId) {
      // A transaction-scoped advisory lock: released by commit or rollback, works on PGlite and PostgreSQL.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`samraad.plan:${forumId}`}))`);
    },
  };
}

export function planningTransactor(database: Database, queue: Pick<JobQueue, 'outboxFor'>): PlanningTransact {
  return (fn) => retryTransient(() => database.db.transaction((tx) => fn(planningUnitOfWorkFor(tx, queue))));
}
