/**
 * REST API of the forum registry. Every read needs a signed-in caller (what is
 * published is on the public pages, /offentlig, and the feeds). A forum's members
 * are read by its members, the secretariat above it and the region's secretariat;
 * a person's contact details (e-mail, Entra ids) only by the person, who shares a
 * forum with them, who administers one of their forums or regions, and a tenant
 * administrator. Editing a person is the region secretariat's (or an
 * administrator's); the Entra binding is never set from a form. Other writes need
 * the secretariat rights the access policy gives.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  buildForumTree,
  ForumInput,
  ForumKind,
  id,
  MembershipInput,
  identityFields,
  OrganisationInput,
  type Person,
  PersonCreateInput,
  PersonPatchInput,
  PersonReplaceInput,
  TermsOfReferenceInput,
} from '../../../domain/registry/registry.model.js';
import { ForumKindInput, ForumKindUpdate } from '../../../domain/registry/forum-kind.model.js';
import { access, type AccessContext, type PersonScope } from '../../../domain/access/access.policy.js';
import { auditPersonEvent, loadScopeData, personScope, scopesOf } from '../../../usecases/registry/person-scope.js';
import { ForumCreateInput, regionNameToday } from '../../../usecases/registry/registry.usecases.js';
import { forbidden, invalid, notFound } from '../../../usecases/use-case.errors.js';
import { requirePerson } from '../auth.js';
import { responseSerializerCompiler } from '../response-check.js';
import { localToday } from '../../../domain/calendar/working-day.calendar.js';
import type { HttpContext } from '../http-context.js';
import {
  ForumCreatedResponse,
  ForumKindResponse,
  ForumNodeResponse,
  ForumResponse,
  ForumViewResponse,
  MemberResponse,
  MembershipResponse,
  OrganisationResponse,
  PersonResponse,
  TermsResponse,
} from '../../../contracts/registry.contract.js';

const IdParams = z.object({ id });
const KindParams = z.object({ key: ForumKind });

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
    app.get('/api/organisations', { schema: { tags: ['registry'], summary: 'List organisations (signed in; the public pages show what is published)', response: { 200: z.array(OrganisationResponse) } } }, async (req) => {
      requirePerson(req);
      return reads.listOrganisations();
    });
    app.post('/api/organisations', { schema: { tags: ['registry'], summary: 'Register an organisation', body: OrganisationInput, response: { 201: OrganisationResponse } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canEditReferenceData(a), 'register organisations', 'registrere organisationer');
      return reply.code(201).send(await ctx.registry.createOrganisation(req.body, { personId: person.id }));
    });
    app.put('/api/organisations/:id', { schema: { tags: ['registry'], summary: 'Update an organisation', params: IdParams, body: OrganisationInput, response: { 200: OrganisationResponse } } }, async (req) => {
      const person = await guard(req, (a) => access.canEditReferenceData(a), 'edit organisations', 'redigere organisationer');
      return ctx.registry.updateOrganisation(req.params.id, req.body, { personId: person.id });
    });

    // People. Who sees whom and whose contact details: the access policy, per person (src/domain/access/access.policy.ts).
    const today = () => localToday(ctx.clock);
    const peopleView = async (caller: string) => {
      const [actx, people, data] = await Promise.all([ctx.accessFor(caller), reads.listPeople(), loadScopeData(reads)]);
      const scopes = scopesOf(data, people, today());
      return { actx, people, scopes };
    };
    /** What the caller may see of a person: all of it, the person without contact details, or nothing (undefined). */
    const shown = (actx: AccessContext, p: Person, scope: PersonScope): Person | Omit<Person, 'email' | 'entraObjectId' | 'tenantId'> | undefined => {
      if (access.canSeeContactDetails(actx, scope)) return p;
      if (!access.canSeePerson(actx, scope)) return undefined;
      const { email: _e, entraObjectId: _o, tenantId: _t, ...rest } = p;
      return rest;
    };
    const refuseIdentityFields = (body: Record<string, unknown>) => {
      for (const field of identityFields) {
        if (body[field] !== undefined) {
          throw invalid(
            field,
            'is set only from the person\'s own validated sign-in (the first sign-in binds it; an administrator releases it with POST /api/people/:id/identity/release), never from a form',
            `${field} sættes kun af personens egen login (første login knytter den; en administrator frigiver den), aldrig fra en formular`,
          );
        }
      }
    };
    /** Editing a person: refused attempts are audited in the person's forums and regions too (an attempted identity takeover shows there). */
    const guardPersonEdit = async (req: Parameters<typeof requirePerson>[0], target: Person, action: string) => {
      const caller = requirePerson(req);
      const [actx, scope] = await Promise.all([ctx.accessFor(caller.id), personScope(reads, target, today())]);
      if (!access.canEditPerson(actx, scope)) {
        const body = (req.body ?? {}) as Record<string, unknown>;
        await auditPersonEvent(ctx.audit, scope, { actorPersonId: caller.id, action, target: target.id, outcome: 'refused', detail: { fields: Object.keys(body).sort() } });
        throw forbidden(
          'Only the secretariat of the person\'s region or a tenant administrator may edit a person',
          'Kun sekretariatet i personens region eller en administrator kan rette en person',
        );
      }
      return { caller, actx };
    };

    app.get('/api/people', { schema: { tags: ['registry'], summary: 'The people the caller may see (contact details only where the caller shares a forum with them or serves as their secretariat)', response: { 200: z.array(PersonResponse) } } }, async (req) => {
      const caller = requirePerson(req);
      const { actx, people, scopes } = await peopleView(caller.id);
      return people.flatMap((p) => shown(actx, p, scopes.get(p.id)!) ?? []);
    });
    app.get('/api/people/:id', { schema: { tags: ['registry'], summary: 'One person', params: IdParams, response: { 200: PersonResponse } } }, async (req) => {
      const caller = requirePerson(req);
      const p = await reads.getPerson(req.params.id);
      if (!p) throw notFound('person', req.params.id);
      const [actx, scope] = await Promise.all([ctx.accessFor(caller.id), personScope(reads, p, today())]);
      const view = shown(actx, p, scope);
      if (!view) throw forbidden('You share no forum with this person', 'Du sidder ikke i et forum sammen med denne person');
      return view;
    });
    app.post('/api/people', { schema: { tags: ['registry'], summary: 'Register a person (the Entra binding comes from their first sign-in)', body: PersonCreateInput, response: { 201: PersonResponse } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canEditReferenceData(a) || access.isAdministrator(a), 'register people', 'registrere personer');
      refuseIdentityFields(req.body);
      return reply.code(201).send(await ctx.registry.createPerson(req.body, { personId: person.id }));
    });
    const loadPerson = async (id: string) => {
      const p = await reads.getPerson(id);
      if (!p) throw notFound('person', id);
      return p;
    };
    app.put('/api/people/:id', { schema: { tags: ['registry'], summary: 'Replace a person\'s record: every field is required (null clears one); use PATCH to change some', params: IdParams, body: PersonReplaceInput, response: { 200: PersonResponse } } }, async (req) => {
      const { caller } = await guardPersonEdit(req, await loadPerson(req.params.id), 'person.update');
      refuseIdentityFields(req.body);
      const { entraObjectId: _o, tenantId: _t, ...changes } = req.body;
      return ctx.registry.updatePerson(req.params.id, changes, { personId: caller.id }, 'replace');
    });
    app.patch('/api/people/:id', { schema: { tags: ['registry'], summary: 'Change some fields of a person (fields not sent keep their value; null clears)', params: IdParams, body: PersonPatchInput, response: { 200: PersonResponse } } }, async (req) => {
      const { caller } = await guardPersonEdit(req, await loadPerson(req.params.id), 'person.update');
      refuseIdentityFields(req.body);
      const { entraObjectId: _o, tenantId: _t, ...changes } = req.body;
      return ctx.registry.updatePerson(req.params.id, changes, { personId: caller.id }, 'patch');
    });
    app.post('/api/people/:id/identity/release', { schema: { tags: ['registry'], summary: 'Release a person\'s Entra binding (administrators, with a reason): their next sign-in binds again', params: IdParams, body: z.object({ reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(500) }), response: { 200: PersonResponse } } }, async (req) => {
      const target = await loadPerson(req.params.id);
      const caller = requirePerson(req);
      const actx = await ctx.accessFor(caller.id);
      if (!access.canRebindIdentity(actx)) {
        await auditPersonEvent(ctx.audit, await personScope(reads, target, today()), { actorPersonId: caller.id, action: 'person.identity.release', target: target.id, outcome: 'refused' });
        throw forbidden('Only a tenant administrator may release a person\'s sign-in binding', 'Kun en administrator kan frigive en persons login-binding');
      }
      return ctx.registry.releaseIdentity(req.params.id, req.body.reason, { personId: caller.id });
    });

    // Forums
    app.get('/api/forums', { schema: { tags: ['registry'], summary: 'List forums (signed in)', response: { 200: z.array(ForumResponse) } } }, async (req) => {
      requirePerson(req);
      return reads.listForums();
    });
    app.get('/api/forums/tree', { schema: { tags: ['registry'], summary: 'The forum hierarchy as a tree (signed in)', response: { 200: z.array(ForumNodeResponse) } } }, async (req) => {
      requirePerson(req);
      return buildForumTree(await reads.listForums());
    });
    // The forum's page: kept per caller while the data and the time stay the same (read-cache.ts).
    const forumViewJson = responseSerializerCompiler(ctx.config.responseCheck, app.log)({ schema: ForumViewResponse, method: 'GET', url: '/api/forums/:id', httpStatus: '200' });
    app.get('/api/forums/:id', { schema: { tags: ['registry'], summary: 'A forum with its current terms of reference', params: IdParams, response: { 200: ForumViewResponse } } }, async (req, reply) => {
      const caller = requirePerson(req).id;
      return ctx.readCache.send(reply, `forum|${req.params.id}|${caller}`, () => forumView(req.params.id, caller), forumViewJson);
    });
    const forumView = async (forumId: string, caller: string) => {
      // Queries side by side (the forum comes from the list the parent and children need anyway).
      const [forums, terms, actx] = await Promise.all([reads.listForums(), reads.currentTerms(forumId), ctx.accessFor(caller)]);
      const forum = forums.find((f) => f.id === forumId);
      if (!forum) throw notFound('forum', forumId);
      // The forum's kind from the catalogue (names in both languages, default rules); null for a kind not in it.
      const kind = (await reads.getForumKind(forum.kind)) ?? null;
      const parent = forum.parentId ? forums.find((f) => f.id === forum.parentId) : undefined;
      const children = forums.filter((f) => f.parentId === forum.id);
      // What the caller may do here, from the same access policy the write routes use (null when not signed in):
      // the tab shows the secretariat's actions (plan the year, the audit log) from this, not from its own rule.
      const rights = { member: access.isMemberOf(actx, forum.id), secretariat: access.isSecretariatOf(actx, forum.id), administer: access.canAdministerForum(actx, forum.id), read: access.canReadForum(actx, forum.id), meetings: access.canOpenMeetings(actx, forum.id) };
      return { forum, kind, terms: terms ?? null, parent: parent ?? null, children, rights };
    };
    app.post('/api/forums', { schema: { tags: ['registry'], summary: 'Create a forum (optionally with its first terms of reference)', body: ForumCreateInput, response: { 201: ForumCreatedResponse } } }, async (req, reply) => {
      // Forums are public, so an unknown parent is reported as bad input before rights are checked.
      if (req.body.parentId && !(await reads.getForum(req.body.parentId))) {
        throw invalid('parentId', `forum "${req.body.parentId}" does not exist`, `forummet "${req.body.parentId}" findes ikke`);
      }
      // The region as it is named today (a former name or a merged region's is the region it is now).
      const region = await regionNameToday(ctx.regionReads, req.body.region);
      const person = await guard(req, (a) => access.canCreateForum(a, req.body.parentId, region), 'create this forum', 'oprette dette forum');
      return reply.code(201).send(await ctx.registry.createForum({ ...req.body, region }, { personId: person.id }));
    });
    app.put('/api/forums/:id', { schema: { tags: ['registry'], summary: 'Update a forum', params: IdParams, body: ForumInput, response: { 200: ForumResponse } } }, async (req) => {
      const person = await guard(req, (a) => access.canAdministerForum(a, req.params.id), 'administer this forum', 'administrere dette forum');
      return ctx.registry.updateForum(req.params.id, req.body, { personId: person.id });
    });

    // The catalogue of forum kinds (public, like the forums; any secretariat or a tenant administrator extends it)
    app.get('/api/forum-kinds', { schema: { tags: ['registry'], summary: 'The catalogue of forum kinds with names and default rules', response: { 200: z.array(ForumKindResponse) } } }, async () => reads.listForumKinds());
    app.get('/api/forum-kinds/:key', { schema: { tags: ['registry'], summary: 'One forum kind', params: KindParams, response: { 200: ForumKindResponse } } }, async (req) => {
      const kind = await reads.getForumKind(req.params.key);
      if (!kind) throw notFound('forum kind', req.params.key);
      return kind;
    });
    app.post('/api/forum-kinds', { schema: { tags: ['registry'], summary: 'Add a forum kind to the catalogue', body: ForumKindInput, response: { 201: ForumKindResponse } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canEditForumKinds(a), 'add forum kinds', 'tilføje forumtyper');
      return reply.code(201).send(await ctx.registry.createForumKind(req.body, { personId: person.id }));
    });
    app.put('/api/forum-kinds/:key', { schema: { tags: ['registry'], summary: 'Change a forum kind (names, level, default rules)', params: KindParams, body: ForumKindUpdate, response: { 200: ForumKindResponse } } }, async (req) => {
      const person = await guard(req, (a) => access.canEditForumKinds(a), 'change forum kinds', 'ændre forumtyper');
      return ctx.registry.updateForumKind(req.params.key, req.body, { personId: person.id });
    });

    // Terms of reference (versioned)
    app.get('/api/forums/:id/terms', { schema: { tags: ['registry'], summary: 'Every version of the forum\'s terms of reference (signed in)', params: IdParams, response: { 200: z.array(TermsResponse) } } }, async (req) => {
      requirePerson(req);
      if (!(await reads.getForum(req.params.id))) throw notFound('forum', req.params.id);
      return reads.listTerms(req.params.id);
    });
    app.post('/api/forums/:id/terms', { schema: { tags: ['registry'], summary: 'Add a new version of the terms of reference', params: IdParams, body: TermsOfReferenceInput, response: { 201: TermsResponse } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canAdministerForum(a, req.params.id), 'change the terms of reference of this forum', 'ændre kommissoriet for dette forum');
      return reply.code(201).send(await ctx.registry.addTermsVersion(req.params.id, req.body, { personId: person.id }));
    });

    // Memberships
    app.get('/api/forums/:id/members', { schema: { tags: ['registry'], summary: 'Memberships of a forum with the people (its members, its secretariat above, the region\'s secretariat)', params: IdParams, response: { 200: z.array(MemberResponse) } } }, async (req) => {
      const caller = requirePerson(req);
      if (!(await reads.getForum(req.params.id))) throw notFound('forum', req.params.id);
      const { actx, people, scopes } = await peopleView(caller.id);
      if (!access.canReadForum(actx, req.params.id)) throw forbidden('Only the forum\'s members and secretariat see its members', 'Kun forummets medlemmer og sekretariat kan se medlemmerne');
      const [ms, orgs] = await Promise.all([reads.listMemberships({ forumId: req.params.id }), reads.listOrganisations()]);
      const pById = new Map(people.map((p) => [p.id, p]));
      const oById = new Map(orgs.map((o) => [o.id, o]));
      return ms.map((m) => {
        const found = pById.get(m.personId);
        const p = found ? shown(actx, found, scopes.get(found.id)!) : undefined;
        const orgId = m.representingOrganisationId ?? p?.organisationId;
        return { ...m, person: p ?? null, organisation: orgId ? (oById.get(orgId) ?? null) : null };
      });
    });
    app.get('/api/memberships', { schema: { tags: ['registry'], summary: 'List memberships of the forums the caller may read (and the caller\'s own)', querystring: z.object({ forumId: id.optional(), personId: id.optional() }), response: { 200: z.array(MembershipResponse) } } }, async (req) => {
      const caller = requirePerson(req);
      const actx = await ctx.accessFor(caller.id);
      if (req.query.forumId && !access.canReadForum(actx, req.query.forumId)) {
        throw forbidden('Only the forum\'s members and secretariat see its members', 'Kun forummets medlemmer og sekretariat kan se medlemmerne');
      }
      const readable = new Map<string, boolean>();
      return (await reads.listMemberships(req.query)).filter((m) => {
        if (m.personId === caller.id) return true;
        if (!readable.has(m.forumId)) readable.set(m.forumId, access.canReadForum(actx, m.forumId));
        return readable.get(m.forumId);
      });
    });
    app.post('/api/memberships', { schema: { tags: ['registry'], summary: 'Add a membership', body: MembershipInput, response: { 201: MembershipResponse } } }, async (req, reply) => {
      const person = await guard(req, (a) => access.canAdministerForum(a, req.body.forumId), 'change the members of this forum', 'ændre medlemmerne af dette forum');
      return reply.code(201).send(await ctx.registry.createMembership(req.body, { personId: person.id }));
    });
    app.put('/api/memberships/:id', { schema: { tags: ['registry'], summary: 'Change a membership (e.g. end it with a to-date)', params: IdParams, body: MembershipInput, response: { 200: MembershipResponse } } }, async (req) => {
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
