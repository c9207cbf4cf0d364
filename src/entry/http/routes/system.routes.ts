/**
 * Health, the dev sign-in, who-am-I, and the job queue's dead letters.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { id } from '../../../domain/registry/registry.model.js';
import { access } from '../../../domain/access/access.policy.js';
import { namesOf } from '../../../domain/registry/region.model.js';
import { forbidden, notFound, UseCaseError } from '../../../usecases/use-case.errors.js';
import { isLoopback, requirePerson, setDevCookie } from '../auth.js';
import { sendProblem } from '../problem.js';
import { meetingsRepository } from '../../../adapters/db/meetings.repository.js';
import type { HttpContext } from '../http-context.js';
import { AuditEventResponse, DeadLetterResponse, DevPersonResponse, DevSignInResponse, HealthProblemResponse, HealthResponse, MeResponse, RetriedResponse, SelfTestResponse } from '../../../contracts/system.contract.js';


/** Paging of the audit log: the cursor is an event id from X-Next-Cursor (events older than it follow). */
const AuditPage = z.object({
  before: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a cursor from X-Next-Cursor').transform(Number).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(200),
});

export function systemRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: HealthResponse, 503: HealthProblemResponse } } }, async (_req, reply) => {
      const h = await ctx.health();
      const ok = h.database === 'ok' && (h.queue === 'ok' || h.queue === 'off');
      if (!ok) return sendProblem(reply, { status: 503, detail: `database: ${h.database}; queue: ${h.queue}`, checks: h });
      return { status: 'ok' as const, checks: h };
    });

    app.get('/api/me', { schema: { tags: ['system'], summary: 'The signed-in person and their memberships', response: { 200: MeResponse } } }, async (req) => {
      if (req.identity.kind === 'anonymous') return { signedIn: false as const, devSignIn: ctx.config.devSignIn };
      const person = req.identity.person;
      const [memberships, regions] = await Promise.all([ctx.reads.listMemberships({ personId: person.id }), ctx.regions.list({ personId: person.id })]);
      // The tab offers a region's transitions only to its secretariat (the API refuses anyone else anyway). The region list
      // already says where the person is that secretariat: canRename is access.canAdministerRegion, never for a merged region.
      const administersRegions = regions.regions.filter((r) => r.canRename).map((r) => r.name);
      return { signedIn: true as const, via: req.identity.via, person, memberships, administersRegions, devSignIn: ctx.config.devSignIn };
    });

    app.post('/api/dev/sign-in', { schema: { tags: ['system'], summary: 'Embedded mode only: sign in as a demo person', body: z.object({ personId: id.nullable() }), response: { 200: DevSignInResponse } } }, async (req, reply) => {
      if (!ctx.config.devSignIn) throw new UseCaseError('forbidden', 'Dev sign-in is turned off (real identity is configured)', [], 'Demo-login er slået fra');
      if (!isLoopback(req.socket.remoteAddress)) throw new UseCaseError('forbidden', 'The dev sign-in is accepted only from this machine (loopback)', [], 'Demo-login accepteres kun fra denne maskine (loopback)');
      if (req.body.personId && !(await ctx.reads.getPerson(req.body.personId))) {
        throw new UseCaseError('validation', `personId: no person "${req.body.personId}"`, [{ field: 'personId', reason: 'unknown person' }]);
      }
      setDevCookie(reply, req.body.personId);
      return { ok: true as const, personId: req.body.personId };
    });

    app.get('/api/dev/people', { schema: { tags: ['system'], summary: 'Embedded mode only: the people one can sign in as', response: { 200: z.array(DevPersonResponse) } } }, async (req) => {
      if (!ctx.config.devSignIn) throw new UseCaseError('forbidden', 'Dev sign-in is turned off (real identity is configured)');
      if (!isLoopback(req.socket.remoteAddress)) throw new UseCaseError('forbidden', 'The dev sign-in is accepted only from this machine (loopback)', [], 'Demo-login accepteres kun fra denne maskine (loopback)');
      const [people, memberships] = await Promise.all([ctx.reads.listPeople(), ctx.reads.listMemberships()]);
      return people.map((p) => ({ id: p.id, name: p.name, title: p.title ?? null, roles: [...new Set(memberships.filter((m) => m.personId === p.id).map((m) => m.role))] }));
    });

    app.get(
      '/api/forums/:id/audit',
      {
        schema: {
          tags: ['system'],
          summary: "The forum's audit log (secretariat), newest first: `limit` events (at most 200) before the `before` cursor; the X-Next-Cursor header is the cursor of the next, older page when there is one",
          params: z.object({ id }),
          querystring: AuditPage,
          response: { 200: z.array(AuditEventResponse) },
        },
      },
      async (req, reply) => {
        const person = requirePerson(req);
        if (!(await ctx.reads.getForum(req.params.id))) throw notFound('forum', req.params.id);
        if (!access.canAdministerForum(await ctx.accessFor(person.id), req.params.id)) throw forbidden('Only the secretariat reads the audit log', 'Kun sekretariatet kan se revisionssporet');
        const { limit, before } = req.query;
        // One more than asked for tells whether an older page exists.
        const rows = await ctx.audit.listForForum(req.params.id, limit + 1, before);
        const page = rows.slice(0, limit);
        if (rows.length > limit) reply.header('x-next-cursor', String(page[page.length - 1]!.id));
        return page;
      },
    );

    app.get(
      '/api/regions/:region/audit',
      {
        schema: {
          tags: ['system'],
          summary: "The region's audit log (the region's secretariat and administrators), newest first: writes to the region's people, refused attempts included; paged like a forum's",
          params: z.object({ region: z.string().trim().min(1).max(100) }),
          querystring: AuditPage,
          response: { 200: z.array(AuditEventResponse) },
        },
      },
      async (req, reply) => {
        const person = requirePerson(req);
        const actx = await ctx.accessFor(person.id);
        if (!access.canAdministerRegion(actx, req.params.region) && !access.isAdministrator(actx)) {
          throw forbidden("Only the region's secretariat reads the region's audit log", 'Kun regionens sekretariat kan se regionens revisionsspor');
        }
        const { limit, before } = req.query;
        // The region's log is also that of its former names and of the regions merged into it (the log is never rewritten).
        const regions = await ctx.regionReads.list();
        const region = regions.find((r) => r.name === req.params.region);
        const rows = await ctx.audit.listForRegion(region ? namesOf(regions, region) : req.params.region, limit + 1, before);
        const page = rows.slice(0, limit);
        if (rows.length > limit) reply.header('x-next-cursor', String(page[page.length - 1]!.id));
        return page;
      },
    );

    const requireOperator = async (req: Parameters<typeof requirePerson>[0]) => {
      const person = requirePerson(req);
      const actx = await ctx.accessFor(person.id);
      if (!access.canEditReferenceData(actx) && !access.isAdministrator(actx)) throw forbidden('Only a secretariat sees the job queue', 'Kun et sekretariat kan se jobkøen');
      return { person, actx };
    };
    /** The forum a job belongs to: its `forumId`, or the forum of its `meetingId`. */
    const jobScope = async (data: unknown): Promise<{ forumId?: string; requestedBy?: string }> => {
      const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
      const requestedBy = typeof d.requestedBy === 'string' ? d.requestedBy : undefined;
      if (typeof d.forumId === 'string') return { forumId: d.forumId, requestedBy };
      if (typeof d.meetingId === 'string') {
        const m = await meetingsRepository(ctx.deps.database.db).getMeeting(d.meetingId);
        return { forumId: m?.forumId, requestedBy };
      }
      return { requestedBy };
    };
    app.get('/api/jobs/dead-letters', { schema: { tags: ['system'], summary: 'Jobs that failed after all their retries: those of the forums the caller administers (all of them for an administrator)', response: { 200: z.array(DeadLetterResponse) } } }, async (req) => {
      const { actx } = await requireOperator(req);
      if (!ctx.jobs) throw new UseCaseError('invalid_state', 'This process runs no job queue');
      const all = await ctx.jobs.listDeadLetters();
      const scopes = await Promise.all(all.map((j) => jobScope(j.data)));
      return all.filter((_, i) => access.canSeeJob(actx, scopes[i]!));
    });
    app.post('/api/jobs/dead-letters/:id/retry', { schema: { tags: ['system'], summary: 'Retry a dead-lettered job of a forum the caller administers', params: z.object({ id: z.uuid() }), response: { 202: RetriedResponse } } }, async (req, reply) => {
      const { actx } = await requireOperator(req);
      if (!ctx.jobs) throw new UseCaseError('invalid_state', 'This process runs no job queue');
      const job = (await ctx.jobs.listDeadLetters()).find((j) => j.id === req.params.id);
      // Another forum's job is reported as unknown: its existence is not the caller's business.
      if (!job || !access.canSeeJob(actx, await jobScope(job.data))) throw notFound('dead letter', req.params.id);
      if (!(await ctx.jobs.retryDeadLetter(req.params.id))) throw notFound('dead letter', req.params.id);
      return reply.code(202).send({ retried: req.params.id });
    });
    app.post('/api/jobs/self-test', { schema: { tags: ['system'], summary: 'Enqueue a self-test job (failing: true ends in the dead letters, seen by whoever asked)', body: z.object({ failing: z.boolean().default(false) }), response: { 202: SelfTestResponse } } }, async (req, reply) => {
      const { person } = await requireOperator(req);
      if (!ctx.jobs) throw new UseCaseError('invalid_state', 'This process runs no job queue');
      return reply.code(202).send({ jobId: await ctx.jobs.enqueueSelfTest(req.body.failing, person.id) });
    });
  };
}
