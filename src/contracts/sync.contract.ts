/**
 * Responses of the Microsoft 365 sync routes (GET /api/sync/status, POST
 * /api/sync/retry, GET /api/meetings/:id/outlook, POST
 * /api/meetings/:id/outlook/confirmation in src/entry/sync.module.ts).
 */
import { z } from 'zod';

/** The sync state of one thing: its record, or "not-synced" when there is none yet. */
export const SyncStateResponse = z.union([
  z.object({
    status: z.enum(['synced', 'pending', 'failed']),
    remoteId: z.string().nullable(),
    container: z.string().nullable(),
    etag: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    lastSyncedAt: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  }),
  z.object({ status: z.literal('not-synced') }),
]);
export type SyncStateResponse = z.output<typeof SyncStateResponse>;

export const ForumSyncResponse = z.object({
  forumId: z.string(),
  name: z.string(),
  channel: SyncStateResponse,
  events: z.array(
    z.intersection(
      z.object({
        meetingId: z.string(),
        date: z.string(),
        start: z.string(),
        meetingStatus: z.string(),
        /** Recorded afterwards as history: never sent to Outlook. */
        historical: z.boolean().optional(),
      }),
      SyncStateResponse,
    ),
  ),
  documents: z.array(z.intersection(z.object({ documentId: z.string() }), SyncStateResponse)),
  /** Cards for the Teams meetings' chats: "<meetingId>:<agenda|minutes|start>:v<version>". */
  chats: z.array(z.intersection(z.object({ chatId: z.string() }), SyncStateResponse)),
});
export type ForumSyncResponse = z.output<typeof ForumSyncResponse>;

/** GET /api/sync/status */
export const SyncStatusResponse = z.object({
  mode: z.enum(['emulator', 'tenant', 'off']),
  emulatorUrl: z.string().optional(),
  forums: z.array(ForumSyncResponse),
});
export type SyncStatusResponse = z.output<typeof SyncStatusResponse>;

/** POST /api/sync/retry */
export const SyncRetriedResponse = z.object({ queued: z.literal(true), kind: z.enum(['forum', 'meeting', 'document', 'notice', 'chat']), id: z.string() });

/** A meeting made from an event a secretary created in Outlook under the forum's category. */
export const FromOutlookResponse = z.object({
  mailbox: z.string(),
  eventId: z.string(),
  at: z.string(),
  confirmation: z.enum(['pending', 'confirmed', 'rejected']),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
});

/** GET /api/meetings/:id/outlook */
export const MeetingOutlookResponse = z.object({
  meetingId: z.string(),
  joinUrl: z.string().nullable(),
  webLink: z.string().nullable(),
  fromOutlook: FromOutlookResponse.nullable(),
});
export type MeetingOutlookResponse = z.output<typeof MeetingOutlookResponse>;

/** POST /api/meetings/:id/outlook/confirmation */
export const OutlookDecisionResponse = z.object({ meetingId: z.string(), meetingStatus: z.enum(['planned', 'held', 'cancelled']), fromOutlook: FromOutlookResponse });
export type OutlookDecisionResponse = z.output<typeof OutlookDecisionResponse>;
