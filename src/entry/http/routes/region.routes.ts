/**
 * Regions as data (issue 15): list (signed in), create and merge (a tenant
 * administrator), rename (the region's secretariat or a tenant administrator).
 * Bad input is a 400 problem+json naming the field; a refusal is a 403 with
 * Danish and English text; a name or address in use is a 409. Writes are
 * audited in their transaction (src/usecases/registry/regions.usecases.ts).
 *
 * Every other route under /api/regions/:region/ (closed days, the region's
 * year, transitions, the audit log) takes the region by its id, slug or name,
 * a former one or a merged region's included: `installRegionParam` turns it
 * into the region's Danish name today before the route runs.
 */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RegionCreateInput, RegionMergeInput, RegionRef, RegionRenameInput, resolveRegion } from '../../../domain/registry/region.model.js';
import { requirePerson } from '../auth.js';
import type { HttpContext } from '../http-context.js';
import { RegionListResponse, RegionMergeResponse, RegionResponse } from '../../../contracts/regions.contract.js';

const tags = ['regions'];
const RegionParams = z.object({ region: RegionRef });

/** Routes below /api/regions/:region/ get the region's name today in `params.region`. */
export function installRegionParam(app: FastifyInstance, ctx: Pick<HttpContext, 'regionReads'>): void {
  // Callback style: every other route passes straight through (an async hook costs a promise and a turn each request).
  app.addHook('preHandler', (request, _reply, done) => {
    const params = request.params as { region?: unknown };
    if (!request.routeOptions.url?.startsWith('/api/regions/:region/') || typeof params.region !== 'string') return done();
    const region = params.region;
    ctx.regionReads.list().then((regions) => {
      const resolved = resolveRegion(regions, region);
      if (resolved) params.region = resolved.region.name;
      done();
    }, done);
  });
}

export function regionRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/regions', { schema: { tags, summary: 'Every region (merged ones with mergedInto), with what the caller may do', response: { 200: RegionListResponse } } }, async (req) => {
      const person = requirePerson(req);
      return ctx.regions.list({ personId: person.id });
    });
    app.get('/api/regions/:region', { schema: { tags, summary: 'One region, by id, slug or Danish name (a former one included)', params: RegionParams, response: { 200: RegionResponse } } }, async (req) => {
      const person = requirePerson(req);
      return ctx.regions.get(req.params.region, { personId: person.id });
    });
    app.post('/api/regions', { schema: { tags, summary: 'Create a region (a tenant administrator)', body: RegionCreateInput, response: { 201: RegionResponse } } }, async (req, reply) => {
      const person = requirePerson(req);
      return reply.code(201).send(await ctx.regions.create(req.body, { personId: person.id }));
    });
    app.patch(
      '/api/regions/:region',
      { schema: { tags, summary: "Rename a region (its secretariat or a tenant administrator): the former name and address are kept and redirect", params: RegionParams, body: RegionRenameInput, response: { 200: RegionResponse } } },
      async (req) => {
        const person = requirePerson(req);
        return ctx.regions.rename(req.params.region, req.body, { personId: person.id });
      },
    );
    app.post(
      '/api/regions/merge',
      {
        schema: {
          tags,
          summary: 'Merge regions into an existing one (into) or a new one (newRegion), a tenant administrator: forums keep their history, closed days, organisations and transitions follow, old addresses redirect',
          body: RegionMergeInput,
          response: { 200: RegionMergeResponse },
        },
      },
      async (req) => {
        const person = requirePerson(req);
        return ctx.regions.merge(req.body, { personId: person.id });
      },
    );
  };
}
