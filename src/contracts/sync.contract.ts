/**
 * Responses of the Microsoft 365 sync routes (GET /api/sync/status, POST
 * /api/sync/retry in src/entry/sync.module.ts).
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
  events: z.array(z.intersection(z.object({ meetingId: z.string(), date: z.string(), start: z.string(), meetingStatus: z.string() }), SyncStateResponse)),
  documents: z.array(z.intersection(z.object({ documentId: z.string() }), SyncStateResponse)),
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
export const SyncRetriedResponse = z.object({ queued: z.literal(true), kind: z.enum(['forum', 'meeting', 'document', 'notice']), id: z.string() });
