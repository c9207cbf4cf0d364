/**
 * Accept a year's plan: the secretariat sends the (edited) dates and they become
 * the forum's meetings, each with an Outlook sync job in the same transaction.
 *
 * Idempotent: a meeting already stored with the same date, start and kind is kept,
 * not created again, so accepting the same plan twice creates nothing the second
 * time. A plan that leaves out meetings already stored for the year is refused
 * (409): those must be moved or cancelled first, so a second, different plan can
 * never double the year's meetings.
 */
import { z } from 'zod';
import { hhmm, id, isoDate } from '../../domain/registry/registry.model.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { Actor } from '../ports/store.port.js';
import { invalid, UseCaseError } from '../use-case.errors.js';
import { calendarOfRegion } from '../region-calendar.js';
import { checkYear, kindOfForum, MEETING_SYNC_QUEUE, requireForum, requireSecretariat, todayOf, withDeadlines, type MeetingSyncJob, type MeetingView, type PlanningDeps } from './planning.shared.js';

export const AcceptedMeeting = z.object({
  date: isoDate,
  start: hhmm,
  end: hhmm,
  kind: z.enum(['ordinary', 'joint', 'theme_day', 'extraordinary']).default('ordinary'),
  jointWithForumId: id.optional(),
  location: z.string().trim().min(1).max(300).optional(),
  online: z.boolean().default(false),
  title: z.string().trim().min(1).max(300).optional(),
});
export const AcceptPlanInput = z.object({ meetings: z.array(AcceptedMeeting).min(1, 'a plan needs at least one meeting').max(60) });
export type AcceptPlanInput = z.input<typeof AcceptPlanInput>;

export type AcceptPlanResult = { forumId: string; year: number; created: MeetingView[]; kept: MeetingView[] };

const keyOf = (m: { date: string; start: string; kind: string }) => `${m.date} ${m.start} ${m.kind}`;

export async function acceptPlan(deps: PlanningDeps, forumId: string, year: number, input: AcceptPlanInput, actor: Actor): Promise<AcceptPlanResult> {
  checkYear(year);
  const parsed = AcceptPlanInput.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw invalid(i.path.length ? i.path.join('.') : 'meetings', i.message);
  }
  const plan = parsed.data.meetings;
  const seen = new Set<string>();
  for (const [i, m] of plan.entries()) {
    if (!m.date.startsWith(`${year}-`)) throw invalid(`meetings.${i}.date`, `must be in ${year}`, `Datoen skal ligge i ${year}`);
    if (m.end <= m.start) throw invalid(`meetings.${i}.end`, 'must be after start', 'Sluttidspunktet skal ligge efter starten');
    if (seen.has(keyOf(m))) throw invalid(`meetings.${i}`, 'the same meeting is in the plan twice', 'Samme møde står to gange i planen');
    seen.add(keyOf(m));
  }
  return deps.transact(async (uow) => {
    const forum = await requireForum(uow, forumId);
    const today = todayOf(deps.clock);
    const personId = await requireSecretariat(uow, actor, forumId, today, 'accept a meeting plan', 'godkende en mødeplan');
    for (const [i, m] of plan.entries()) {
      if (m.jointWithForumId && !(await uow.registry.getForum(m.jointWithForumId))) {
        throw invalid(`meetings.${i}.jointWithForumId`, `forum "${m.jointWithForumId}" does not exist`, `forummet "${m.jointWithForumId}" findes ikke`);
      }
    }
    await uow.lockForumPlan(forumId);
    const stored = (await uow.meetings.listMeetings({ forumIds: [forumId], from: `${year}-01-01`, to: `${year}-12-31` })).filter((m) => m.status !== 'cancelled');
    const storedByKey = new Map(stored.map((m) => [keyOf(m), m]));
    const left = stored.filter((m) => !seen.has(keyOf(m)));
    if (left.length) {
      throw new UseCaseError(
        'conflict',
        `${year} already has meetings that are not in this plan (${left.map((m) => `${m.date} ${m.start}`).join(', ')}); move or cancel them first`,
        [{ field: 'meetings', reason: 'differs from the meetings already planned' }],
        `${year} har allerede møder, der ikke er med i planen; flyt eller aflys dem først`,
        { meetingIds: left.map((m) => m.id) },
      );
    }
    const terms = await uow.registry.listTerms(forumId);
    const ordinaryDates = plan.filter((m) => m.kind === 'ordinary').map((m) => keyOf(m)).sort();
    const created: Meeting[] = [];
    const kept: Meeting[] = [];
    for (const m of plan) {
      const existing = storedByKey.get(keyOf(m));
      if (existing) {
        kept.push(existing);
        continue;
      }
      const meeting: Meeting = {
        id: deps.ids.newId('mtg'),
        forumId,
        date: m.date,
        start: m.start,
        end: m.end,
        online: m.online,
        kind: m.kind,
        status: 'planned',
        revision: 1,
        ...(m.location ? { location: m.location } : {}),
        ...(m.title ? { title: m.title } : {}),
        ...(m.jointWithForumId ? { jointWithForumId: m.jointWithForumId } : {}),
        ...(m.kind === 'ordinary' ? { sequence: ordinaryDates.indexOf(keyOf(m)) + 1 } : {}),
      };
      await uow.meetings.insertMeeting(meeting);
      const job: MeetingSyncJob = { meetingId: meeting.id, revision: 1, change: 'created' };
      await uow.outbox.enqueue(MEETING_SYNC_QUEUE, job);
      created.push(meeting);
    }
    await uow.audit.record({
      actorPersonId: personId,
      action: 'meetings.plan.accept',
      forumId,
      target: String(year),
      outcome: 'ok',
      detail: { created: created.map((m) => m.id), kept: kept.map((m) => m.id) },
    });
    const sort = (a: Meeting, b: Meeting) => keyOf(a).localeCompare(keyOf(b));
    const cal = await calendarOfRegion(uow.closedDays, forum.region);
    const kind = await kindOfForum(uow, forum);
    return { forumId, year, created: created.sort(sort).map((m) => withDeadlines(m, terms, cal, kind)), kept: kept.sort(sort).map((m) => withDeadlines(m, terms, cal, kind)) };
  });
}
