/**
 * Organisations, people, forums, terms of reference and memberships: the only
 * place their SQL lives. Rows are mapped to the domain's shapes (optional fields
 * absent rather than null) so use cases never see the database's vocabulary.
 */
import { and, asc, desc, eq, inArray, max, or } from 'drizzle-orm';
import type {
  Forum,
  Membership,
  Organisation,
  Person,
  TermsOfReference,
  TermsOfReferenceInput,
} from '../../domain/registry/registry.model.js';
import type { DbOrTx } from './database.js';
import { regionsRepository } from './regions.repository.js';
import type { ForumKindDef } from '../../domain/registry/forum-kind.model.js';
import { forumKinds, forums, memberships, organisations, people, platformRoles, termsOfReference } from './schema.js';

/** Drop null/undefined so optional domain fields stay absent. */
function compact<T extends Record<string, unknown>>(row: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

type OrgRow = typeof organisations.$inferSelect;
type PersonRow = typeof people.$inferSelect;
type ForumRow = typeof forums.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;
type TermsRow = typeof termsOfReference.$inferSelect;
type KindRow = typeof forumKinds.$inferSelect;

const toKind = (r: KindRow): ForumKindDef => {
  const { createdAt: _c, updatedAt: _u, defaults, ...rest } = r;
  return { ...compact(rest), defaults: (defaults ?? {}) as ForumKindDef['defaults'] } as ForumKindDef;
};
const kindValues = (k: ForumKindDef) => ({
  key: k.key,
  nameDa: k.nameDa,
  nameEn: k.nameEn,
  level: k.level,
  political: k.political,
  descriptionDa: k.descriptionDa ?? null,
  descriptionEn: k.descriptionEn ?? null,
  defaults: k.defaults,
  builtIn: k.builtIn,
});

const toOrganisation = (r: OrgRow): Organisation => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return compact(rest) as Organisation;
};
const toPerson = (r: PersonRow): Person => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return compact(rest) as Person;
};
const toForum = (r: ForumRow): Forum => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return compact(rest) as Forum;
};
const toMembership = (r: MembershipRow): Membership => {
  const { createdAt: _c, updatedAt: _u, fromDate, toDate, ...rest } = r;
  return compact({ ...rest, from: fromDate, to: toDate }) as Membership;
};
const toTerms = (r: TermsRow): TermsOfReference => ({
  ...(r.body as TermsOfReference),
  id: r.id,
  forumId: r.forumId,
  version: r.version,
  validFrom: r.validFrom,
});

const now = () => new Date().toISOString();

export function registryRepository(db: DbOrTx) {
  return {
    // Organisations
    async listOrganisations(): Promise<Organisation[]> {
      return (await db.select().from(organisations).orderBy(asc(organisations.name))).map(toOrganisation);
    },
    /** The organisations of these people (their own organisation) and those with the extra ids, in one query. */
    async getOrganisationsOfPeople(personIds: readonly string[], extraIds: readonly string[] = []): Promise<Organisation[]> {
      const ids = [...new Set(personIds)];
      const extra = [...new Set(extraIds)];
      if (ids.length === 0 && extra.length === 0) return [];
      const ofPeople = db.select({ id: people.organisationId }).from(people).where(inArray(people.id, ids.length ? ids : ['']));
      const where = extra.length ? or(inArray(organisations.id, ofPeople), inArray(organisations.id, extra)) : inArray(organisations.id, ofPeople);
      return (await db.select().from(organisations).where(where).orderBy(asc(organisations.name))).map(toOrganisation);
    },
    async getOrganisation(id: string): Promise<Organisation | undefined> {
      const [r] = await db.select().from(organisations).where(eq(organisations.id, id));
      return r && toOrganisation(r);
    },
    async insertOrganisation(o: Organisation): Promise<void> {
      await db.insert(organisations).values({ ...o, region: o.region ?? null, cluster: o.cluster ?? null });
    },
    async updateOrganisation(o: Organisation): Promise<void> {
      await db
        .update(organisations)
        .set({ name: o.name, kind: o.kind, region: o.region ?? null, cluster: o.cluster ?? null, updatedAt: now() })
        .where(eq(organisations.id, o.id));
    },

    // People
    async listPeople(): Promise<Person[]> {
      return (await db.select().from(people).orderBy(asc(people.name))).map(toPerson);
    },
    /** The people with these ids (unknown ids are left out), by name. */
    async getPeople(ids: readonly string[]): Promise<Person[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      return (await db.select().from(people).where(inArray(people.id, unique)).orderBy(asc(people.name))).map(toPerson);
    },
    async getPerson(id: string): Promise<Person | undefined> {
      const [r] = await db.select().from(people).where(eq(people.id, id));
      return r && toPerson(r);
    },
    async findPersonByEntra(tenantId: string, objectId: string): Promise<Person | undefined> {
      const [r] = await db
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.entraObjectId, objectId)));
      return r && toPerson(r);
    },
    async insertPerson(p: Person): Promise<void> {
      await db.insert(people).values(personValues(p));
    },
    async updatePerson(p: Person): Promise<void> {
      await db.update(people).set({ ...personValues(p), updatedAt: now() }).where(eq(people.id, p.id));
    },

    // Forums
    async listForums(): Promise<Forum[]> {
      return (await db.select().from(forums).orderBy(asc(forums.name))).map(toForum);
    },
    async getForum(id: string): Promise<Forum | undefined> {
      const [r] = await db.select().from(forums).where(eq(forums.id, id));
      return r && toForum(r);
    },
    async insertForum(f: Forum): Promise<void> {
      // A forum's region is always a stored region (regions are data, issue 15).
      await regionsRepository(db).ensure(f.region);
      await db.insert(forums).values(forumValues(f));
    },
    async updateForum(f: Forum): Promise<void> {
      await regionsRepository(db).ensure(f.region);
      await db.update(forums).set({ ...forumValues(f), updatedAt: now() }).where(eq(forums.id, f.id));
    },

    // Terms of reference (versioned, never updated in place)
    async currentTerms(forumId: string): Promise<TermsOfReference | undefined> {
      const [r] = await db
        .select()
        .from(termsOfReference)
        .where(eq(termsOfReference.forumId, forumId))
        .orderBy(desc(termsOfReference.version))
        .limit(1);
      return r && toTerms(r);
    },
    async listTerms(forumId: string): Promise<TermsOfReference[]> {
      return (
        await db
          .select()
          .from(termsOfReference)
          .where(eq(termsOfReference.forumId, forumId))
          .orderBy(asc(termsOfReference.version))
      ).map(toTerms);
    },
    async allCurrentTerms(): Promise<TermsOfReference[]> {
      const rows = await db.select().from(termsOfReference).orderBy(asc(termsOfReference.forumId), desc(termsOfReference.version));
      const seen = new Set<string>();
      const out: TermsOfReference[] = [];
      for (const r of rows) {
        if (seen.has(r.forumId)) continue;
        seen.add(r.forumId);
        out.push(toTerms(r));
      }
      return out;
    },
    async nextTermsVersion(forumId: string): Promise<number> {
      const [r] = await db
        .select({ v: max(termsOfReference.version) })
        .from(termsOfReference)
        .where(eq(termsOfReference.forumId, forumId));
      return (r?.v ?? 0) + 1;
    },
    async insertTerms(t: TermsOfReference, createdBy?: string): Promise<void> {
      const { id, forumId, version, validFrom, ...body } = t;
      await db.insert(termsOfReference).values({ id, forumId, version, validFrom, body: { validFrom, ...body }, createdBy: createdBy ?? null });
    },

    // Memberships
    async listMemberships(filter: { forumId?: string; personId?: string } = {}): Promise<Membership[]> {
      const conds = [];
      if (filter.forumId) conds.push(eq(memberships.forumId, filter.forumId));
      if (filter.personId) conds.push(eq(memberships.personId, filter.personId));
      const q = db.select().from(memberships);
      const rows = await (conds.length ? q.where(and(...conds)) : q).orderBy(asc(memberships.forumId), asc(memberships.fromDate));
      return rows.map(toMembership);
    },
    async getMembership(id: string): Promise<Membership | undefined> {
      const [r] = await db.select().from(memberships).where(eq(memberships.id, id));
      return r && toMembership(r);
    },
    async insertMembership(m: Membership): Promise<void> {
      await db.insert(memberships).values(membershipValues(m));
    },
    async updateMembership(m: Membership): Promise<void> {
      await db.update(memberships).set({ ...membershipValues(m), updatedAt: now() }).where(eq(memberships.id, m.id));
    },

    // The catalogue of forum kinds
    async listForumKinds(): Promise<ForumKindDef[]> {
      return (await db.select().from(forumKinds).orderBy(asc(forumKinds.nameDa))).map(toKind);
    },
    async getForumKind(key: string): Promise<ForumKindDef | undefined> {
      const [r] = await db.select().from(forumKinds).where(eq(forumKinds.key, key));
      return r && toKind(r);
    },
    async insertForumKind(k: ForumKindDef): Promise<void> {
      await db.insert(forumKinds).values(kindValues(k));
    },
    async updateForumKind(k: ForumKindDef): Promise<void> {
      await db.update(forumKinds).set({ ...kindValues(k), updatedAt: now() }).where(eq(forumKinds.key, k.key));
    },

    // Platform roles (tenant administrator)
    async listPlatformRoles(personId: string): Promise<string[]> {
      return (await db.select({ role: platformRoles.role }).from(platformRoles).where(eq(platformRoles.personId, personId))).map((r) => r.role);
    },
    async grantPlatformRole(personId: string, role: string, grantedBy?: string): Promise<void> {
      await db.insert(platformRoles).values({ personId, role, grantedBy: grantedBy ?? null }).onConflictDoNothing();
    },
  };
}
export type RegistryRepository = ReturnType<typeof registryRepository>;

function personValues(p: Person) {
  return {
    id: p.id,
    name: p.name,
    title: p.title ?? null,
    organisationId: p.organisationId ?? null,
    email: p.email ?? null,
    entraObjectId: p.entraObjectId ?? null,
    tenantId: p.tenantId ?? null,
    hasTeams: p.hasTeams ?? true,
  };
}

function forumValues(f: Forum) {
  return {
    id: f.id,
    name: f.name,
    shortName: f.shortName ?? null,
    kind: f.kind,
    level: f.level,
    parentId: f.parentId ?? null,
    region: f.region,
    cluster: f.cluster ?? null,
    status: f.status,
    endedOn: f.endedOn ?? null,
    successorIds: f.successorIds ?? [],
    mandateEndsOn: f.mandateEndsOn ?? null,
    channelType: f.channelType,
    links: f.links ?? [],
  };
}

function membershipValues(m: Membership) {
  return {
    id: m.id,
    personId: m.personId,
    forumId: m.forumId,
    role: m.role,
    side: m.side ?? null,
    substituteForId: m.substituteForId ?? null,
    representingOrganisationId: m.representingOrganisationId ?? null,
    fromDate: m.from,
    toDate: m.to ?? null,
  };
}
