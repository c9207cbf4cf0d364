/**
 * What use cases need from storage, as narrow interfaces. The database adapter
 * (src/adapters/db) implements them; a use case runs inside `transact`, so its
 * writes, its audit entry and the jobs it enqueues (the transactional outbox)
 * commit or roll back together.
 */
import type {
  Forum,
  Membership,
  Organisation,
  Person,
  TermsOfReference,
} from '../../domain/registry/registry.model.js';
import type { ForumKindDef } from '../../domain/registry/forum-kind.model.js';
import type { ClosedDay } from '../../domain/calendar/closed-day.model.js';
import type { Region } from '../../domain/registry/region.model.js';

export interface RegistryStore {
  listOrganisations(): Promise<Organisation[]>;
  getOrganisation(id: string): Promise<Organisation | undefined>;
  /** The organisations of these people and those with the extra ids (one query). */
  getOrganisationsOfPeople(personIds: readonly string[], extraIds?: readonly string[]): Promise<Organisation[]>;
  insertOrganisation(o: Organisation): Promise<void>;
  updateOrganisation(o: Organisation): Promise<void>;
  listPeople(): Promise<Person[]>;
  getPerson(id: string): Promise<Person | undefined>;
  /** Only the people with these ids (unknown ids are left out). */
  getPeople(ids: readonly string[]): Promise<Person[]>;
  findPersonByEntra(tenantId: string, objectId: string): Promise<Person | undefined>;
  insertPerson(p: Person): Promise<void>;
  updatePerson(p: Person): Promise<void>;
  listForums(): Promise<Forum[]>;
  getForum(id: string): Promise<Forum | undefined>;
  insertForum(f: Forum): Promise<void>;
  updateForum(f: Forum): Promise<void>;
  currentTerms(forumId: string): Promise<TermsOfReference | undefined>;
  listTerms(forumId: string): Promise<TermsOfReference[]>;
  allCurrentTerms(): Promise<TermsOfReference[]>;
  nextTermsVersion(forumId: string): Promise<number>;
  insertTerms(t: TermsOfReference, createdBy?: string): Promise<void>;
  listMemberships(filter?: { forumId?: string; personId?: string }): Promise<Membership[]>;
  getMembership(id: string): Promise<Membership | undefined>;
  insertMembership(m: Membership): Promise<void>;
  updateMembership(m: Membership): Promise<void>;
  /** The catalogue of forum kinds, by Danish name. */
  listForumKinds(): Promise<ForumKindDef[]>;
  getForumKind(key: string): Promise<ForumKindDef | undefined>;
  insertForumKind(k: ForumKindDef): Promise<void>;
  updateForumKind(k: ForumKindDef): Promise<void>;
  /** Platform roles of a person (e.g. "tenant_admin"). */
  listPlatformRoles(personId: string): Promise<string[]>;
  grantPlatformRole(personId: string, role: string, grantedBy?: string): Promise<void>;
}

export type AuditEntry = {
  actorPersonId?: string;
  action: string;
  forumId?: string;
  target?: string;
  outcome: 'ok' | 'refused';
  detail?: Record<string, unknown>;
};

export type AuditRecord = AuditEntry & { id: number; at: string };

export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first; `before` (an event id) pages back to older events. */
  listForForum(forumId: string, limit?: number, before?: number): Promise<AuditRecord[]>;
  /** Entries recorded for a region (`detail.region`, e.g. writes to its people), newest first; several names: any of them (a region's former names). */
  listForRegion(region: string | readonly string[], limit?: number, before?: number): Promise<AuditRecord[]>;
}

export type { JobOutbox } from './jobs.port.js';
import type { JobOutbox } from './jobs.port.js';

/** Extra closed days per region (src/adapters/db/closed-days.repository.ts). */
export interface ClosedDayStore {
  /** Sorted by region, then date; `from`/`to` inclusive. */
  list(filter?: { region?: string; from?: string; to?: string }): Promise<ClosedDay[]>;
  get(region: string, date: string): Promise<ClosedDay | undefined>;
  /** Adds the day or relabels it; the first adder and time are kept on a relabel. */
  put(day: Omit<ClosedDay, 'addedAt'> & { addedAt?: string }): Promise<'created' | 'updated'>;
  /** False when there was no such day. */
  remove(region: string, date: string): Promise<boolean>;
}

/** Regions as data (src/adapters/db/regions.repository.ts). */
export interface RegionStore {
  /** Every region, merged ones included, with their former names; sorted by name. */
  list(): Promise<Region[]>;
  insert(r: Omit<Region, 'formerNames'>): Promise<void>;
  /** Writes slug, names and the merge columns. */
  update(r: Omit<Region, 'formerNames' | 'createdAt' | 'createdBy'>): Promise<void>;
  /** Keeps a former slug and name of a region. */
  addFormerName(regionId: string, alias: Region['formerNames'][number]): Promise<void>;
  /** A slug given back to its region is no longer a former one. */
  removeFormerSlug(regionId: string, slug: string): Promise<void>;
  /** A region row for a name a forum uses and no region has yet (the name is kept as it is). */
  ensure(name: string): Promise<void>;
  /**
   * Every forum, organisation and transition named `from` is named `to`
   * (a rename or a merge); counts what moved. Closed days are the use case's.
   */
  reassign(from: string, to: string): Promise<{ forums: number; organisations: number; transitions: number }>;
}

export type UnitOfWork = {
  registry: RegistryStore;
  closedDays: ClosedDayStore;
  regions: RegionStore;
  audit: AuditStore;
  outbox: JobOutbox;
};

export type Transact = <T>(fn: (uow: UnitOfWork) => Promise<T>) => Promise<T>;

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(prefix: string): string;
}

/** Who is acting. `personId` is absent for system actors (jobs, the demo loader). */
export type Actor = { personId?: string; system?: string };
