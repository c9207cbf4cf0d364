/**
 * REST API of the forum registry. Forums, their terms of reference and
 * organisations are public information (regions publish them); people and
 * memberships need a signed-in caller; writes need the secretariat rights the
 * access policy gives.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  buildForumTree,
  ForumInput,
  ForumKind,
  id,
  MembershipInput,
  OrganisationInput,
  PersonInput,
  TermsOfReferenceInput,
} from '../../../domain/registry/registry.model.js';
import { ForumKindInput, ForumKindUpdate } from '../../../domain/registry/forum-kind.model.js';
import { access } from '../../../domain/access/access.policy.js';
import { ForumCreateInput } from '../../../usecases/registry/registry.usecases.js';
import { forbidden, invalid, notFound } from '../../../usecases/use-case.errors.js';
import { requirePerson } from '../auth.js';
import type { HttpContext } from '../http-context.js';

const IdParams = z.object({ id });
const KindParams = z.object({ key: ForumKind });
const json = z.any();

export function registryRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reads = ctx.reads;

    /** `what` / `whatDa`: the action in English and in Danish ("create this forum" / "oprette dette forum"). */
    const guard = async (request: Parameters<typeof requirePerson>[0], check: (a: Awaited<ReturnType<HttpContext['accessFor']>>) => boolean, what: string, whatDa: string) => {
      const person = requirePerson(request);
      const actx = await ctx.accessFor(person.id);
      if (!check(actx)) throw forbidden(`You may not ${what}`, `Du har ikke ret til at ${whatDa}`);
      return person;
    };

    // Organisations
    app.get('/api/organisations', { schema: { tags: ['registry'], summary: 'List organisations', response: { 200: json } } }, async () => reads.listOrganisations());
    app.post('/api/organisations', { schema: { tags: ['registry'], summary: 'Register an organisation', body: OrganisationInput, response: { 201: json } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canEditReferenceData(a), 'register organisations', 'registrere organisationer');
      return reply.code(201).send(await ctx.registry.createOrganisation(req.body, { personId: person.id }));
    });
    app.put('/api/organisations/:id', { schema: { tags: ['registry'], summary: 'Update an organisation', params: IdParams, body: OrganisationInput, response: { 200: json } } }, async (req) => {
      const person = await guard(req, (a) => access.canEditReferenceData(a), 'edit organisations', 'redigere organisationer');
      return ctx.registry.updateOrganisation(req.params.id, req.body, { personId: person.id });
    });

    // People
    app.get('/api/people', { schema: { tags: ['registry'], summary: 'List people', response: { 200: json } } }, async (req) => {
      requirePerson(req);
      return reads.listPeople();
    });
    app.get('/api/people/:id', { schema: { tags: ['registry'], summary: 'One person', params: IdParams, response: { 200: json } } }, async (req) => {
      requirePerson(req);
      const p = await reads.getPerson(req.params.id);
      if (!p) throw notFound('person', req.params.id);
      return p;
    });
    app.post('/api/people', { schema: { tags: ['registry'], summary: 'Register a person', body: PersonInput, response: { 201: json } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canEditReferenceData(a), 'register people', 'registrere personer');
      return reply.code(201).send(await ctx.registry.createPerson(req.body, { personId: person.id }));
    });
    app.put('/api/people/:id', { schema: { tags: ['registry'], summary: 'Update a person', params: IdParams, body: PersonInput, response: { 200: json } } }, async (req) => {
      const person = await guard(req, (a) => access.canEditReferenceData(a), 'edit people', 'redigere personer');
      return ctx.registry.updatePerson(req.params.id, req.body, { personId: person.id });
    });

    // Forums
    app.get('/api/forums', { schema: { tags: ['registry'], summary: 'List forums', response: { 200: json } } }, async () => reads.listForums());
    app.get('/api/forums/tree', { schema: { tags: ['registry'], summary: 'The forum hierarchy as a tree', response: { 200: json } } }, async () =>
      buildForumTree(await reads.listForums()),
    );
    app.get('/api/forums/:id', { schema: { tags: ['registry'], summary: 'A forum with its current terms of reference', params: IdParams, response: { 200: json } } }, async (req) => {
      // Queries side by side (the forum comes from the list the parent and children need anyway).
      const caller = req.identity.kind === 'person' ? req.identity.person.id : undefined;
      const [forums, terms, actx] = await Promise.all([reads.listForums(), reads.currentTerms(req.params.id), caller ? ctx.accessFor(caller) : undefined]);
      const forum = forums.find((f) => f.id === req.params.id);
      if (!forum) throw notFound('forum', req.params.id);
      // The forum's kind from the catalogue (names in both languages, default rules); null for a kind not in it.
      const kind = (await reads.getForumKind(forum.kind)) ?? null;
      const parent = forum.parentId ? forums.find((f) => f.id === forum.parentId) : undefined;
      const children = forums.filter((f) => f.parentId === forum.id);
      // What the caller may do here, from the same access policy the write routes use (null when not signed in):
      // the tab shows the secretariat's actions (plan the year, the audit log) from this, not from its own rule.
      const rights = actx
        ? { member: access.isMemberOf(actx, forum.id), secretariat: access.isSecretariatOf(actx, forum.id), administer: access.canAdministerForum(actx, forum.id) }
        : null;
      return { forum, kind, terms: terms ?? null, parent: parent ?? null, children, rights };
    });
    app.post('/api/forums', { schema: { tags: ['registry'], summary: 'Create a forum (optionally with its first terms of reference)', body: ForumCreateInput, response: { 201: json } } }, async (req, reply) => {
      // Forums are public, so an unknown parent is reported as bad input before rights are checked.
      if (req.body.parentId && !(await reads.getForum(req.body.parentId))) {
        throw invalid('parentId', `forum "${req.body.parentId}" does not exist`, `forummet "${req.body.parentId}" findes ikke`);
      }
      const person = await guard(req, (a) => access.canCreateForum(a, req.body.parentId, req.body.region), 'create this forum', 'oprette dette forum');
      return reply.code(201).send(await ctx.registry.createForum(req.body, { personId: person.id }));
    });
    app.put('/api/forums/:id', { schema: { tags: ['registry'], summary: 'Update a forum', params: IdParams, body: ForumInput, response: { 200: json } } }, async (req) => {
      const person = await guard(req, (a) => access.canAdministerForum(a, req.params.id), 'administer this forum', 'administrere dette forum');
      return ctx.registry.updateForum(req.params.id, req.body, { personId: person.id });
    });

    // The catalogue of forum kinds (public, like the forums; any secretariat or a tenant administrator extends it)
    app.get('/api/forum-kinds', { schema: { tags: ['registry'], summary: 'The catalogue of forum kinds with names and default rules', response: { 200: json } } }, async () => reads.listForumKinds());
    app.get('/api/forum-kinds/:key', { schema: { tags: ['registry'], summary: 'One forum kind', params: KindParams, response: { 200: json } } }, async (req) => {
      const kind = await reads.getForumKind(req.params.key);
      if (!kind) throw notFound('forum kind', req.params.key);
      return kind;
    });
    app.post('/api/forum-kinds', { schema: { tags: ['registry'], summary: 'Add a forum kind to the catalogue', body: ForumKindInput, response: { 201: json } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canEditForumKinds(a), 'add forum kinds', 'tilføje forumtyper');
      return reply.code(201).send(await ctx.registry.createForumKind(req.body, { personId: person.id }));
    });
    app.put('/api/forum-kinds/:key', { schema: { tags: ['registry'], summary: 'Change a forum kind (names, level, default rules)', params: KindParams, body: ForumKindUpdate, response: { 200: json } } }, async (req) => {
      const person = await guard(req, (a) => access.canEditForumKinds(a), 'change forum kinds', 'ændre forumtyper');
      return ctx.registry.updateForumKind(req.params.key, req.body, { personId: person.id });
    });

    // Terms of reference (versioned)
    app.get('/api/forums/:id/terms', { schema: { tags: ['registry'], summary: 'Every version of the forum\'s terms of reference', params: IdParams, response: { 200: json } } }, async (req) => {
      if (!(await reads.getForum(req.params.id))) throw notFound('forum', req.params.id);
      return reads.listTerms(req.params.id);
    });
    app.post('/api/forums/:id/terms', { schema: { tags: ['registry'], summary: 'Add a new version of the terms of reference', params: IdParams, body: TermsOfReferenceInput, response: { 201: json } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canAdministerForum(a, req.params.id), 'change the terms of reference of this forum', 'ændre kommissoriet for dette forum');
      return reply.code(201).send(await ctx.registry.addTermsVersion(req.params.id, req.body, { personId: person.id }));
    });

    // Memberships
    app.get('/api/forums/:id/members', { schema: { tags: ['registry'], summary: 'Memberships of a forum with the people', params: IdParams, response: { 200: json } } }, async (req) => {
      requirePerson(req);
      if (!(await reads.getForum(req.params.id))) throw notFound('forum', req.params.id);
      const [ms, people, orgs] = await Promise.all([reads.listMemberships({ forumId: req.params.id }), reads.listPeople(), reads.listOrganisations()]);
      const pById = new Map(people.map((p) => [p.id, p]));
      const oById = new Map(orgs.map((o) => [o.id, o]));
      return ms.map((m) => {
        const p = pById.get(m.personId);
        const orgId = m.representingOrganisationId ?? p?.organisationId;
        return { ...m, person: p ?? null, organisation: orgId ? (oById.get(orgId) ?? null) : null };
      });
    });
    app.get('/api/memberships', { schema: { tags: ['registry'], summary: 'List memberships', querystring: z.object({ forumId: id.optional(), personId: id.optional() }), response: { 200: json } } }, async (req) => {
      requirePerson(req);
      return reads.listMemberships(req.query);
    });
    app.post('/api/memberships', { schema: { tags: ['registry'], summary: 'Add a membership', body: MembershipInput, response: { 201: json } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canAdministerForum(a, req.body.forumId), 'change the members of this forum', 'ændre medlemmerne af dette forum');
      return reply.code(201).send(await ctx.registry.createMembership(req.body, { personId: person.id }));
    });
    app.put('/api/memberships/:id', { schema: { tags: ['registry'], summary: 'Change a membership (e.g. end it with a to-date)', params: IdParams, body: MembershipInput, response: { 200: json } } }, async (req) => {
      const person = await guard(req, (a) => access.canAdministerForum(a, req.body.forumId), 'change the members of this forum', 'ændre medlemmerne af dette forum');
      const before = await reads.getMembership(req.params.id);
      if (before && before.forumId !== req.body.forumId) {
        const a = await ctx.accessFor(person.id);
        if (!access.canAdministerForum(a, before.forumId)) throw forbidden('You may not move this membership', 'Du har ikke ret til at flytte dette medlemskab');
      }
      return ctx.registry.updateMembership(req.params.id, req.body, { personId: person.id });
    });
  };
}
