/** Response of GET /api/reminders/failed (src/entry/bot.module.ts): failed reminder deliveries. */
import { z } from 'zod';
import { reminderKinds } from '../domain/reminders/reminder.model.js';

export const FailedRemindersResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      key: z.string().describe("The reminder's idempotency key"),
      kind: z.enum(reminderKinds),
      forumId: z.string(),
      meetingId: z.string().nullable(),
      taskId: z.string().nullable(),
      recipientId: z.string().describe("A person's id, or 'channel' for a channel post"),
      deadline: z.string().describe('ISO instant (UTC) of the deadline the reminder is about'),
      attempts: z.number().int(),
      lastStatus: z.number().int().nullable(),
      lastError: z.string().nullable(),
    }),
  ),
});
export type FailedRemindersResponse = z.output<typeof FailedRemindersResponse>;
