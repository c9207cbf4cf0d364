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
