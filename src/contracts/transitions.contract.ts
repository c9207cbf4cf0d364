/**
 * Response of POST /api/regions/:region/transitions/preview
 * (src/entry/http/routes/transition.routes.ts): every consequence of a transition
 * plan (src/domain/transitions/transition.plan.ts, TransitionPreview).
 */
import { z } from 'zod';

const To = z.discriminatedUnion('action', [
  z.object({ action: z.literal('carry'), toForumId: z.string(), toName: z.string() }),
  z.object({ action: z.literal('close'), reason: z.string() }),
]);

export const TransitionPreviewResponse = z.object({
  effectiveOn: z.string(),
  endsOn: z.string(),
  endingForums: z.array(z.object({ forumId: z.string(), name: z.string(), successors: z.array(z.object({ id: z.string(), name: z.string() })) })),
  meetingsCancelled: z.array(z.object({ meetingId: z.string(), forumId: z.string(), date: z.string(), start: z.string(), notice: z.string() })),
  remindersStopped: z.object({ meetingIds: z.array(z.string()), taskIds: z.array(z.string()) }).describe('Every deadline of a cancelled meeting, and the reminders of tasks that close'),
  tasks: z.array(z.object({ taskId: z.string(), forumId: z.string(), title: z.string(), dueOn: z.string(), to: To })),
  proposals: z.array(z.object({ proposalId: z.string(), forumId: z.string(), meetingId: z.string(), title: z.string(), to: To })),
  items: z.array(z.object({ itemId: z.string(), forumId: z.string(), meetingId: z.string(), title: z.string(), to: To })),
  members: z.array(z.object({ membershipId: z.string(), forumId: z.string(), personId: z.string(), role: z.string(), to: To })),
  channelsArchived: z.array(z.object({ forumId: z.string(), name: z.string() })),
});
export type TransitionPreviewResponse = z.output<typeof TransitionPreviewResponse>;

const Disposition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('carry'), toForumId: z.string() }),
  z.object({ action: z.literal('close'), reason: z.string() }),
]);

const SeatOut = z.object({
  id: z.string(),
  personId: z.string(),
  forumId: z.string(),
  role: z.string(),
  side: z.string().optional(),
  substituteForId: z.string().optional(),
  representingOrganisationId: z.string().optional(),
  from: z.string(),
  to: z.string().optional(),
});

/** Every change an apply made, with the value it replaced (src/domain/transitions/transition.changes.ts): what an undo restores. */
export const TransitionChangesResponse = z.object({
  forums: z.array(z.object({ forumId: z.string(), before: z.object({ endedOn: z.string().nullable(), successorIds: z.array(z.string()) }), after: z.object({ endedOn: z.string(), successorIds: z.array(z.string()) }) })),
  meetings: z.array(z.object({ meetingId: z.string(), forumId: z.string(), date: z.string(), notice: z.string(), before: z.object({ status: z.string(), cancelledReason: z.string().nullable() }) })),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      before: z.object({ forumId: z.string(), reportToForumId: z.string().nullable(), status: z.string() }),
      after: z.object({ forumId: z.string(), reportToForumId: z.string().nullable(), status: z.string() }),
      reason: z.string().optional(),
    }),
  ),
  proposals: z.array(
    z.object({
      proposalId: z.string(),
      before: z.object({ meetingId: z.string(), status: z.string(), declineReason: z.string().nullable() }),
      after: z.object({ meetingId: z.string(), status: z.string(), declineReason: z.string().nullable() }),
    }),
  ),
  items: z.array(
    z.union([
      z.object({ itemId: z.string(), action: z.literal('carry'), before: z.object({ meetingId: z.string(), position: z.number() }), after: z.object({ meetingId: z.string(), position: z.number() }) }),
      z.object({ itemId: z.string(), action: z.literal('close'), meetingId: z.string(), reason: z.string() }),
    ]),
  ),
  seatsEnded: z.array(z.object({ membershipId: z.string(), before: z.object({ to: z.string().nullable() }), after: z.object({ to: z.string() }) })),
  seatsCreated: z.array(SeatOut),
});

/** A stored transition (GET/POST /api/regions/:region/transitions, POST .../:id/undo). */
export const StoredTransitionResponse = z.object({
  id: z.string(),
  region: z.string(),
  effectiveOn: z.string(),
  status: z.enum(['prepared', 'applied', 'undone', 'effective']),
  title: z.string().optional(),
  plan: z.object({
    effectiveOn: z.string(),
    forums: z.array(
      z.object({
        forumId: z.string(),
        successorIds: z.array(z.string()),
        tasks: Disposition,
        proposals: Disposition,
        items: Disposition,
        meetings: z.object({ notice: z.string() }),
        members: Disposition,
      }),
    ),
  }),
  preview: TransitionPreviewResponse.optional(),
  changes: TransitionChangesResponse.optional(),
  preparedBy: z.string().optional(),
  appliedBy: z.string().optional(),
  appliedAt: z.string().optional(),
  undoneBy: z.string().optional(),
  undoneAt: z.string().optional(),
  effectiveAt: z.string().optional(),
  createdAt: z.string(),
});
export type StoredTransitionResponse = z.output<typeof StoredTransitionResponse>;
