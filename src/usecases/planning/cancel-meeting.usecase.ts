/** Cancel a planned meeting with a reason; its deadlines disappear and Outlook is told through a sync job (same transaction). */
import { z } from 'zod';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { Actor } from '../ports/store.port.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';
import { invalid, notFound, UseCaseError } from '../use-case.errors.js';
import { MEETING_SYNC_QUEUE, requireSecretariat, todayOf, type MeetingSyncJob, type PlanningDeps } from './planning.shared.js';

export const CancelMeetingInput = z.object({ reason: z.string().trim().min(1, 'say why the meeting is cancelled').max(500) });
export type CancelMeetingInput = z.input<typeof CancelMeetingInput>;

export async function cancelMeeting(deps: PlanningDeps, meetingId: string, input: CancelMeetingInput, actor: Actor): Promise<Meeting> {
  const parsed = CancelMeetingInput.safeParse(input);
  if (!parsed.success) {
    const empty = !String((input as { reason?: unknown } | null)?.reason ?? '').trim();
    throw invalid('reason', parsed.error.issues[0]!.message, empty ? 'Skriv hvorfor mødet aflyses' : 'Begrundelsen for aflysningen er for lang (højst 500 tegn)');
  }
  return deps.transact(async (uow) => {
    const m = await uow.meetings.getMeeting(meetingId);
    if (!m) throw notFound('meeting', meetingId);
    const personId = await requireSecretariat(uow, actor, m.forumId, todayOf(deps.clock), 'cancel this meeting', 'aflyse dette møde');
    if (m.status !== 'planned') {
      throw new UseCaseError('invalid_state', `A ${m.status} meeting cannot be cancelled`, [{ field: 'status', reason: m.status }], m.status === 'cancelled' ? 'Mødet er allerede aflyst' : 'Et afholdt møde kan ikke aflyses');
    }
    const cancelled: Meeting = { ...m, status: 'cancelled', cancelledReason: parsed.data.reason, revision: m.revision + 1 };
    if (!(await uow.meetings.updateMeeting(cancelled, m.revision))) {
      throw new UseCaseError('conflict', 'The meeting was changed by someone else meanwhile; reload and try again', [], 'Mødet er ændret af en anden imens; hent det igen og prøv igen');
    }
    const job: MeetingSyncJob = { meetingId, revision: cancelled.revision, change: 'cancelled' };
    await uow.outbox.enqueue(MEETING_SYNC_QUEUE, job);
    await raiseNotice(uow.outbox, meetingNotice('meeting_cancelled', cancelled, deps.clock.now().toISOString(), `r${cancelled.revision}`, { reason: parsed.data.reason, via: 'samraad' }));
    await uow.audit.record({ actorPersonId: personId, action: 'meeting.cancel', forumId: m.forumId, target: meetingId, outcome: 'ok', detail: { date: m.date, reason: parsed.data.reason } });
    return cancelled;
  });
}
