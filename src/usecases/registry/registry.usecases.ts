/**
 * Writing the forum registry: organisations, people, forums (with their first
 * terms of reference), new versions of terms, memberships.
 *
 * Every write validates the references it makes (an unknown parent, organisation
 * or person is a 400 naming the field), refuses hierarchy cycles, and writes an
 * audit entry in the same transaction. Shape validation (types, min <= max) is the
 * domain schemas' job and happens before these run.
 */
import {
  createsCycle,
  type Forum,
  ForumInput,
  type Membership,
  MembershipInput,
  type Organisation,
  OrganisationInput,
  type Person,
  type TermsOfReference,
  TermsOfReferenceInput,
} from '../../domain/registry/registry.model.js';
import { type ForumKindDef, ForumKindInput, ForumKindUpdate } from '../../domain/registry/forum-kind.model.js';
import { ForumLevel } from '../../domain/registry/registry.model.js';
import type { z } from 'zod';
import { danishNoun, forbidden, invalid, notFound } from '../use-case.errors.js';
import { applyPersonChanges, PersonCreateInput, type PersonChanges } from '../../domain/registry/registry.model.js';
import { auditPersonEvent, personScope } from './person-scope.js';
import type { Actor, IdGenerator, RegionStore, RegistryStore, Transact } from '../ports/store.port.js';
import { resolveRegion } from '../../domain/registry/region.model.js';
import { JOB } from '../ports/jobs.port.js';

type Deps = { transact: Transact; ids: IdGenerator; today: () => string };

/**
 * The name a forum's region has today: a region named by its slug, a former name
 * or a merged region's name is the region it is now ("Region Hovedstaden" after
 * the merge: "Region Østdanmark"). A name no region has is kept (the store adds it).
 */
export async function regionNameToday(regions: Pick<RegionStore, 'list'>, ref: string): Promise<string> {
  return resolveRegion(await regions.list(), ref)?.region.name ?? ref;
}

async function mustExist<T>(value: Promise<T | undefined>, field: string, what: string, id: string): Promise<T> {
  const v = await value;
  if (!v) throw invalid(field, `${what} "${id}" does not exist`, `${danishNoun(what).replace(/^./, (c) => c.toUpperCase())} "${id}" findes ikke`);
  return v;
}

async function checkTermsReferences(reg: RegistryStore, t: z.output<typeof TermsOfReferenceInput>, prefix: string) {
  const forumRefs: [string, string | undefined][] = [
    [`${prefix}approvedByForumId`, t.approvedByForumId],
    [`${prefix}jointMeeting.withForumId`, t.jointMeeting?.withForumId],
    [`${prefix}themeDays.withForumId`, t.themeDays?.withForumId],
    [`${prefix}evaluation.reportToForumId`, t.evaluation?.reportToForumId],
    [`${prefix}annualStatus.toForumId`, t.annualStatus?.toForumId],
  ];
  for (const [field, ref] of forumRefs) if (ref) await mustExist(reg.getForum(ref), field, 'forum', ref);
  for (const [i, seat] of t.seats.entries()) {
    if (seat.party.kind === 'organisation') {
      await mustExist(reg.getOrganisation(seat.party.organisationId), `${prefix}seats.${i}.party.organisationId`, 'organisation', seat.party.organisationId);
    }
  }
  for (const [i, orgId] of (t.chair?.rotationOrder ?? []).entries()) {
    await mustExist(reg.getOrganisation(orgId), `${prefix}chair.rotationOrder.${i}`, 'organisation', orgId);
  }
}

async function checkForumReferences(reg: RegistryStore, f: Forum) {
  if (f.parentId) {
    await mustExist(reg.getForum(f.parentId), 'parentId', 'forum', f.parentId);
    const all = new Map((await reg.listForums()).map((x) => [x.id, x.parentId]));
    all.set(f.id, f.parentId);
    if (createsCycle(f.id, f.parentId, (id) => all.get(id))) {
      throw invalid('parentId', 'would make the forum its own ancestor', 'forummet ville blive sin egen overordnede');
    }
  }
  for (const [i, s] of f.successorIds.entries()) {
    if (s === f.id) throw invalid(`successorIds.${i}`, 'a forum cannot succeed itself', 'Et forum kan ikke efterfølge sig selv');
    await mustExist(reg.getForum(s), `successorIds.${i}`, 'forum', s);
  }
  if (f.status === 'ended' && !f.endedOn) throw invalid('endedOn', 'is required when status is ended', 'skal udfyldes når forummet er nedlagt');
}

/**
 * A new forum may come with its first terms of reference. Its kind must be in
 * the catalogue of forum kinds; its level defaults to the kind's level.
 */
export const ForumCreateInput = ForumInput.extend({ level: ForumLevel.optional(), terms: TermsOfReferenceInput.optional() });

async function requireKind(reg: RegistryStore, key: string): Promise<ForumKindDef> {
  const kind = await reg.getForumKind(key);
  if (!kind) {
    throw invalid(
      'kind',
      `forum kind "${key}" is not in the catalogue; add it first (POST /api/forum-kinds)`,
      `Forumtypen "${key}" findes ikke i kataloget; opret den først`,
    );
  }
  return kind;
}

export function registryUseCases({ transact, ids, today }: Deps) {
  return {
    async createOrganisation(input: z.output<typeof OrganisationInput>, actor: Actor): Promise<Organisation> {
      return transact(async ({ registry, audit }) => {
        const org: Organisation = { ...input, id: input.id ?? ids.newId('org') };
        if (await registry.getOrganisation(org.id)) throw invalid('id', `organisation "${org.id}" already exists`, `Organisationen "${org.id}" findes allerede`);
        await registry.insertOrganisation(org);
        await audit.record({ actorPersonId: actor.personId, action: 'organisation.create', target: org.id, outcome: 'ok' });
        return org;
      });
    },

    async updateOrganisation(id: string, input: z.output<typeof OrganisationInput>, actor: Actor): Promise<Organisation> {
      return transact(async ({ registry, audit }) => {
        if (!(await registry.getOrganisation(id))) throw notFound('organisation', id);
        const org: Organisation = { ...input, id };
        await registry.updateOrganisation(org);
        await audit.record({ actorPersonId: actor.personId, action: 'organisation.update', target: id, outcome: 'ok' });
        return org;
      });
    },

    /** Registers a person (the Entra binding is made by their first sign-in, never here). */
    async createPerson(input: Omit<z.output<typeof PersonCreateInput>, 'entraObjectId' | 'tenantId'>, actor: Actor): Promise<Person> {
      return transact(async ({ registry, audit }) => {
        const { entraObjectId: _o, tenantId: _t, ...fields } = input as z.output<typeof PersonCreateInput>;
        const person: Person = { ...fields, id: fields.id ?? ids.newId('per') };
        if (await registry.getPerson(person.id)) throw invalid('id', `person "${person.id}" already exists`, `Personen "${person.id}" findes allerede`);
        if (person.organisationId) await mustExist(registry.getOrganisation(person.organisationId), 'organisationId', 'organisation', person.organisationId);
        await registry.insertPerson(person);
        await auditPersonEvent(audit, await personScope(registry, person, today()), { actorPersonId: actor.personId, action: 'person.create', target: person.id, outcome: 'ok' });
        return person;
      });
    },

    /**
     * Changes a person's name, title, organisation, e-mail or Teams flag (PUT sends
     * them all, PATCH some; null clears). The Entra binding is kept as it is. The
     * write is audited in each of the person's forums and regions.
     */
    async updatePerson(id: string, changes: PersonChanges, actor: Actor, how: 'replace' | 'patch' = 'patch'): Promise<Person> {
      return transact(async ({ registry, audit }) => {
        const before = await registry.getPerson(id);
        if (!before) throw notFound('person', id);
        const person = applyPersonChanges(before, changes);
        if (person.organisationId && person.organisationId !== before.organisationId) {
          await mustExist(registry.getOrganisation(person.organisationId), 'organisationId', 'organisation', person.organisationId);
        }
        await registry.updatePerson(person);
        const changed = (['name', 'title', 'organisationId', 'email', 'hasTeams'] as const).filter((k) => before[k] !== person[k]);
        // The scope before and after: a change of organisation may move the person to another region; both see it.
        const [was, is] = [await personScope(registry, before, today()), await personScope(registry, person, today())];
        const scope = { ...is, regions: [...new Set([...was.regions, ...is.regions])] };
        await auditPersonEvent(audit, scope, { actorPersonId: actor.personId, action: 'person.update', target: id, outcome: 'ok', detail: { how, changed } });
        return person;
      });
    },

    /**
     * The first sign-in binds: the validated token's tenant and object id are
     * stored on the registered person whose e-mail is the token's user name, if
     * that person has no binding yet. Anything else is refused.
     */
    async bindIdentityOnSignIn(claims: { tenantId: string; objectId: string; upn: string }): Promise<Person> {
      return transact(async ({ registry, audit }) => {
        const upn = claims.upn.trim().toLowerCase();
        const candidates = upn ? (await registry.listPeople()).filter((p) => p.email?.toLowerCase() === upn) : [];
        const notRegistered = () =>
          forbidden(
            'You are signed in, but you are not registered in Samraad. Ask your secretariat to add you.',
            'Du er logget ind, men er ikke registreret i Samraad. Bed sekretariatet om at tilføje dig.',
          );
        if (candidates.length !== 1) throw notRegistered();
        const person = candidates[0]!;
        const scope = await personScope(registry, person, today());
        if (person.entraObjectId || person.tenantId) {
          // Someone else already signed in as this person: only an administrator may re-bind.
          throw forbidden(
            'This person is already bound to another Microsoft account; an administrator must release the binding first.',
            'Personen er allerede knyttet til en anden Microsoft-konto; en administrator skal frigive den først.',
          );
        }
        const bound: Person = { ...person, entraObjectId: claims.objectId, tenantId: claims.tenantId };
        await registry.updatePerson(bound);
        await auditPersonEvent(audit, scope, { actorPersonId: person.id, action: 'person.identity.bind', target: person.id, outcome: 'ok', detail: { tenantId: claims.tenantId, objectId: claims.objectId } });
        return bound;
      });
    },

    /**
     * An administrator releases a person's Entra binding, with a reason (a new
     * account, a mistaken first sign-in): the person's next sign-in binds again,
     * from the validated token.
     */
    async releaseIdentity(id: string, reason: string, actor: Actor): Promise<Person> {
      return transact(async ({ registry, audit }) => {
        const before = await registry.getPerson(id);
        if (!before) throw notFound('person', id);
        const { entraObjectId, tenantId, ...rest } = before;
        const person: Person = rest;
        await registry.updatePerson(person);
        await auditPersonEvent(audit, await personScope(registry, person, today()), {
          actorPersonId: actor.personId, action: 'person.identity.release', target: id, outcome: 'ok',
          detail: { reason, previous: entraObjectId ? { tenantId: tenantId ?? null, objectId: entraObjectId } : null },
        });
        return person;
      });
    },

    async createForum(input: z.output<typeof ForumCreateInput>, actor: Actor): Promise<{ forum: Forum; terms?: TermsOfReference }> {
      return transact(async ({ registry, audit, outbox, regions }) => {
        const { terms: termsInput, level, ...forumInput } = input;
        const kind = await requireKind(registry, forumInput.kind);
        const forum: Forum = { ...forumInput, region: await regionNameToday(regions, forumInput.region), level: level ?? kind.level, id: forumInput.id ?? ids.newId('frm') };
        if (await registry.getForum(forum.id)) throw invalid('id', `forum "${forum.id}" already exists`, `Forummet "${forum.id}" findes allerede`);
        await checkForumReferences(registry, forum);
        let terms: TermsOfReference | undefined;
        if (termsInput) {
          await checkTermsReferences(registry, termsInput, 'terms.');
          terms = { ...termsInput, id: ids.newId('tor'), forumId: forum.id, version: 1 };
        }
        await registry.insertForum(forum);
        if (terms) await registry.insertTerms(terms, actor.personId);
        await audit.record({ actorPersonId: actor.personId, action: 'forum.create', forumId: forum.id, target: forum.id, outcome: 'ok' });
        await outbox.enqueue(JOB.forumSync, { forumId: forum.id }, { singletonKey: `forum:${forum.id}` });
        return { forum, terms };
      });
    },

    async updateForum(id: string, input: z.output<typeof ForumInput>, actor: Actor): Promise<Forum> {
      return transact(async ({ registry, audit, outbox, regions }) => {
        const before = await registry.getForum(id);
        if (!before) throw notFound('forum', id);
        // A forum keeps a kind it already has; a changed kind must be in the catalogue.
        if (before.kind !== input.kind) await requireKind(registry, input.kind);
        const forum: Forum = { ...input, region: await regionNameToday(regions, input.region), id };
        await checkForumReferences(registry, forum);
        await registry.updateForum(forum);
        await audit.record({ actorPersonId: actor.personId, action: 'forum.update', forumId: id, target: id, outcome: 'ok' });
        await outbox.enqueue(JOB.forumSync, { forumId: id }, { singletonKey: `forum:${id}` });
        return forum;
      });
    },

    async createForumKind(input: z.output<typeof ForumKindInput>, actor: Actor): Promise<ForumKindDef> {
      return transact(async ({ registry, audit }) => {
        if (await registry.getForumKind(input.key)) {
          throw invalid('key', `forum kind "${input.key}" already exists`, `Forumtypen "${input.key}" findes allerede`);
        }
        const kind: ForumKindDef = { ...input, builtIn: false };
        await registry.insertForumKind(kind);
        await audit.record({ actorPersonId: actor.personId, action: 'forum_kind.create', target: kind.key, outcome: 'ok' });
        return kind;
      });
    },

    async updateForumKind(key: string, input: z.output<typeof ForumKindUpdate>, actor: Actor): Promise<ForumKindDef> {
      return transact(async ({ registry, audit }) => {
        const before = await registry.getForumKind(key);
        if (!before) throw notFound('forum kind', key);
        const kind: ForumKindDef = { ...input, key, builtIn: before.builtIn };
        await registry.updateForumKind(kind);
        await audit.record({ actorPersonId: actor.personId, action: 'forum_kind.update', target: key, outcome: 'ok' });
        return kind;
      });
    },

    async addTermsVersion(forumId: string, input: z.output<typeof TermsOfReferenceInput>, actor: Actor): Promise<TermsOfReference> {
      return transact(async ({ registry, audit }) => {
        if (!(await registry.getForum(forumId))) throw notFound('forum', forumId);
        await checkTermsReferences(registry, input, '');
        const terms: TermsOfReference = { ...input, id: ids.newId('tor'), forumId, version: await registry.nextTermsVersion(forumId) };
        await registry.insertTerms(terms, actor.personId);
        await audit.record({ actorPersonId: actor.personId, action: 'terms.add_version', forumId, target: terms.id, outcome: 'ok', detail: { version: terms.version } });
        return terms;
      });
    },

    async createMembership(input: z.output<typeof MembershipInput>, actor: Actor): Promise<Membership> {
      return transact(async ({ registry, audit, outbox }) => {
        const m: Membership = { ...input, id: input.id ?? ids.newId('mem') };
        if (await registry.getMembership(m.id)) throw invalid('id', `membership "${m.id}" already exists`, `Medlemskabet "${m.id}" findes allerede`);
        await checkMembership(registry, m);
        await registry.insertMembership(m);
        await audit.record({ actorPersonId: actor.personId, action: 'membership.create', forumId: m.forumId, target: m.id, outcome: 'ok' });
        await outbox.enqueue(JOB.forumSync, { forumId: m.forumId }, { singletonKey: `forum:${m.forumId}` });
        return m;
      });
    },

    async updateMembership(id: string, input: z.output<typeof MembershipInput>, actor: Actor): Promise<Membership> {
      return transact(async ({ registry, audit, outbox }) => {
        const before = await registry.getMembership(id);
        if (!before) throw notFound('membership', id);
        const m: Membership = { ...input, id };
        await checkMembership(registry, m);
        await registry.updateMembership(m);
        await audit.record({ actorPersonId: actor.personId, action: 'membership.update', forumId: m.forumId, target: id, outcome: 'ok' });
        await outbox.enqueue(JOB.forumSync, { forumId: m.forumId }, { singletonKey: `forum:${m.forumId}` });
        return m;
      });
    },
  };
}
export type RegistryUseCases = ReturnType<typeof registryUseCases>;

async function checkMembership(registry: RegistryStore, m: Membership) {
  await mustExist(registry.getPerson(m.personId), 'personId', 'person', m.personId);
  await mustExist(registry.getForum(m.forumId), 'forumId', 'forum', m.forumId);
  if (m.representingOrganisationId) {
    await mustExist(registry.getOrganisation(m.representingOrganisationId), 'representingOrganisationId', 'organisation', m.representingOrganisationId);
  }
  if (m.substituteForId) {
    const target = await mustExist(registry.getMembership(m.substituteForId), 'substituteForId', 'membership', m.substituteForId);
    if (target.forumId !== m.forumId) throw invalid('substituteForId', 'must be a membership of the same forum', 'Stedfortræderen skal stå for et medlemskab i samme forum');
  }
}
