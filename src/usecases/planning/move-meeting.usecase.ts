/**
 * Move a meeting to another date and time: the deadlines follow (they are always
 * computed from the meeting), the revision goes up, and an Outlook sync job is
 * enqueued in the same transaction. A cancelled or held meeting cannot be moved.
 */
import { z } from 'zod';
import { hhmm, isoDate } from '../../domain/registry/registry.model.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { Actor } from '../ports/store.port.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';
import { invalid, notFound, UseCaseError } from '../use-case.errors.js';
import { calendarOfRegion } from '../region-calendar.js';
import { checkYear, kindOfForum, MEETING_SYNC_QUEUE, requireSecretariat, todayOf, withDeadlines, type MeetingSyncJob, type MeetingView, type PlanningDeps } from './planning.shared.js';

export const MoveMeetingInput = z.object({
  date: isoDate,
  start: hhmm,
  end: hhmm,
  reason: z.string().trim().min(1, 'say why the meeting moves').max(500),
});
export type MoveMeetingInput = z.input<typeof MoveMeetingInput>;

export type MoveMeetingResult = { meeting: MeetingView; previous: MeetingView };

export async function moveMeeting(deps: PlanningDeps, meetingId: string, input: MoveMeetingInput, actor: Actor): Promise<MoveMeetingResult> {
  const parsed = MoveMeetingInput.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw invalid(i.path.join('.') || 'body', i.message);
  }
  const v = parsed.data;
  if (v.end <= v.start) throw invalid('end', 'must be after start', 'Sluttidspunktet skal ligge efter starten');
  checkYear(Number(v.date.slice(0, 4)), 'date');
  return deps.transact(async (uow) => {
    const m = await uow.meetings.getMeeting(meetingId);
    if (!m) throw notFound('meeting', meetingId);
    const today = todayOf(deps.clock);
    const personId = await requireSecretariat(uow, actor, m.forumId, today, 'move this meeting', 'flytte dette møde');
    if (m.status !== 'planned') {
      throw new UseCaseError('invalid_state', `A ${m.status} meeting cannot be moved`, [{ field: 'status', reason: m.status }], m.status === 'cancelled' ? 'Et aflyst møde kan ikke flyttes' : 'Et afholdt møde kan ikke flyttes');
    }
    if (v.date < today) throw invalid('date', 'must not be in the past', 'Et møde kan ikke flyttes til en dato, der er gået');
    const moved: Meeting = { ...m, date: v.date, start: v.start, end: v.end, revision: m.revision + 1 };
    if (!(await uow.meetings.updateMeeting(moved, m.revision))) {
      throw new UseCaseError('conflict', 'The meeting was changed by someone else meanwhile; reload and try again', [], 'Mødet er ændret af en anden imens; hent det igen og prøv igen');
    }
    const job: MeetingSyncJob = { meetingId, revision: moved.revision, change: 'moved' };
    await uow.outbox.enqueue(MEETING_SYNC_QUEUE, job);
    await raiseNotice(uow.outbox, meetingNotice('meeting_moved', moved, deps.clock.now().toISOString(), `r${moved.revision}`, { from: { date: m.date, start: m.start, end: m.end }, reason: v.reason, via: 'samraad' }));
    await uow.audit.record({
      actorPersonId: personId,
      action: 'meeting.move',
      forumId: m.forumId,
      target: meetingId,
      outcome: 'ok',
      detail: { from: { date: m.date, start: m.start, end: m.end }, to: { date: v.date, start: v.start, end: v.end }, reason: v.reason },
    });
    const terms = await uow.registry.listTerms(m.forumId);
    const host = await uow.registry.getForum(m.forumId);
    const cal = await calendarOfRegion(uow.closedDays, host?.region ?? '');
    const kind = host ? await kindOfForum(uow, host) : undefined;
    return { meeting: withDeadlines(moved, terms, cal, kind), previous: withDeadlines(m, terms, cal, kind) };
  });
}
