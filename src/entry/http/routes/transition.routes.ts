/**
 * Transitions (issue 15, the 2027 reform): so far the preview. The region's
 * secretariat or a tenant administrator sends a plan (ending forums, successors,
 * what happens to tasks, proposals, items, meetings, members and channel) and gets
 * every consequence back; nothing is written.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TransitionPlanInput } from '../../../domain/transitions/transition.plan.js';
import { previewTransitionPlan } from '../../../usecases/transitions/transition-preview.usecase.js';
import type { WorkflowDeps } from '../../../usecases/meetings/workflow.context.js';
import { requirePerson } from '../auth.js';
import type { HttpContext } from '../http-context.js';
import { TransitionPreviewResponse } from '../../../contracts/transitions.contract.js';

export function transitionRoutes(_ctx: HttpContext, deps: () => Pick<WorkflowDeps, 'transact' | 'clock'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/regions/:region/transitions/preview',
      {
        schema: {
          tags: ['transitions'],
          summary: 'Preview a transition: every consequence of ending forums and handing over to successors (writes nothing)',
          params: z.object({ region: z.string().trim().min(1).max(100) }),
          body: TransitionPlanInput.omit({ region: true }),
          response: { 200: TransitionPreviewResponse },
        },
      },
      async (req) => {
        const person = requirePerson(req);
        return previewTransitionPlan(deps(), { ...req.body, region: req.params.region }, { personId: person.id });
      },
    );
  };
}
