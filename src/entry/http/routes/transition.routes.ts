/**
 * Transitions (issue 15, the 2027 reform). The region's secretariat or a tenant
 * administrator previews a plan (ending forums, successors, what happens to
 * tasks, proposals, items, meetings, members and channel: every consequence,
 * nothing written), applies it (one transaction plus outbox effects), lists the
 * region's transitions and undoes an applied one until its effective date.
 * Refusals are application/problem+json naming the field, Danish and English;
 * a refusal writes nothing.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TransitionPlanInput } from '../../../domain/transitions/transition.plan.js';
import { previewTransitionPlan } from '../../../usecases/transitions/transition-preview.usecase.js';
import { applyTransition, listTransitions, undoTransition, type TransitionDeps } from '../../../usecases/transitions/transition-apply.usecase.js';
import type { WorkflowDeps } from '../../../usecases/meetings/workflow.context.js';
import { id } from '../../../domain/registry/registry.model.js';
import { requirePerson } from '../auth.js';
import type { HttpContext } from '../http-context.js';
import { StoredTransitionResponse, TransitionPreviewResponse } from '../../../contracts/transitions.contract.js';

const regionParam = z.object({ region: z.string().trim().min(1).max(100) });

export function transitionRoutes(_ctx: HttpContext, deps: () => Pick<WorkflowDeps, 'transact' | 'clock'>, transitionDeps: () => TransitionDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/regions/:region/transitions/preview',
      {
        schema: {
          tags: ['transitions'],
          summary: 'Preview a transition: every consequence of ending forums and handing over to successors (writes nothing)',
          params: regionParam,
          body: TransitionPlanInput.omit({ region: true }),
          response: { 200: TransitionPreviewResponse },
        },
      },
      async (req) => {
        const person = requirePerson(req);
        return previewTransitionPlan(deps(), { ...req.body, region: req.params.region }, { personId: person.id });
      },
    );

    app.post(
      '/api/regions/:region/transitions',
      {
        schema: {
          tags: ['transitions'],
          summary: 'Apply a transition: one transaction, with the Outlook, channel and notice effects through the outbox; undoable until the effective date',
          params: regionParam,
          body: TransitionPlanInput.omit({ region: true }).extend({ title: z.string().trim().min(1).max(200).optional(), preparedId: id.optional() }),
          response: { 201: StoredTransitionResponse },
        },
      },
      async (req, reply) => {
        const person = requirePerson(req);
        const t = await applyTransition(transitionDeps(), { ...req.body, region: req.params.region }, { personId: person.id });
        return reply.code(201).send(t);
      },
    );

    app.get(
      '/api/regions/:region/transitions',
      {
        schema: { tags: ['transitions'], summary: "The region's transitions (prepared, applied, undone, in effect)", params: regionParam, response: { 200: z.array(StoredTransitionResponse) } },
      },
      async (req) => {
        const person = requirePerson(req);
        return listTransitions(transitionDeps(), req.params.region, { personId: person.id });
      },
    );

    app.post(
      '/api/regions/:region/transitions/:id/undo',
      {
        schema: {
          tags: ['transitions'],
          summary: 'Undo an applied transition before its effective date: everything it changed is put back, and new jobs reverse what reached Microsoft 365',
          params: regionParam.extend({ id }),
          response: { 200: StoredTransitionResponse },
        },
      },
      async (req) => {
        const person = requirePerson(req);
        return undoTransition(transitionDeps(), req.params.region, req.params.id, { personId: person.id });
      },
    );
  };
}
