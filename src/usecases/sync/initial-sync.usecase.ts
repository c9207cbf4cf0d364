/**
 * The first full sync of an installation: every active forum (its channel) and every
 * planned meeting (its Outlook event) queued once per target (the Graph mode and the
 * Team), in one transaction with the mark that it was done; `force` queues them again
 * (the local emulator started with an empty state).
 */
import type { Clock } from '../ports/store.port.js';
import { SYNC_QUEUES, type SyncTransact } from './sync.ports.js';

export async function enqueueInitialSync(deps: { transact: SyncTransact; clock: Clock }, target: string, force = false): Promise<{ forums: number; meetings: number } | null> {
  return deps.transact(async ({ sync, registry, meetings, outbox }) => {
    if (!(await sync.markInitialSync(target, deps.clock.now().toISOString(), force))) return null;
    const forums = (await registry.listForums()).filter((f) => f.status === 'active');
    for (const f of forums) await outbox.enqueue(SYNC_QUEUES.forum, { forumId: f.id });
    const planned = (await meetings.listMeetings()).filter((m) => m.status === 'planned');
    for (const m of planned) await outbox.enqueue(SYNC_QUEUES.meeting, { meetingId: m.id });
    return { forums: forums.length, meetings: planned.length };
  });
}
