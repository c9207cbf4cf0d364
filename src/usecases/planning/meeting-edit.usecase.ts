/**
 * The secretariat changes meetings where it works (issue 13, point 2):
 * - a forum's defaults for new meetings (the usual place, online or not);
 * - one extra meeting (ordinary, extraordinary, theme day, joint), with the
 *   forum's defaults where the request leaves place or online out;
 * - editing a planned meeting: date, time, place, online, title. A change of date
 *   or time is a move and needs a reason (as POST /move does).
 *
 * Every change bumps the revision and enqueues the Outlook sync in the same
 * transaction; deadlines are computed on read and the reminder plan re-plans on
 * its next run, so both follow. Refusals name the field; nothing is written then.
 */
import { z } from 'zod';
import { hhmm, id, isoDate } from '../../domain/registry/registry.model.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { Actor } from '../ports/store.port.js';
import { invalid, notFound, UseCaseError } from '../use-case.errors.js';
import { calendarOfRegion } from '../region-calendar.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';
import { checkYear, kindOfForum, MEETING_SYNC_QUEUE, requireForum, requireSecretariat, todayOf, withDeadlines, type MeetingSyncJob, type MeetingView, type PlanningDeps } from './planning.shared.js';

const place = z.string().trim().min(1, 'must not be empty').max(300, 'at most 300 characters');

export const MeetingDefaultsInput = z.object({ location: place.nullable(), online: z.boolean() });
export type MeetingDefaultsInput = z.input<typeof MeetingDefaultsInput>;
export type MeetingDefaults = { forumId: string; location: string | null; online: boolean };

export const meetingKinds = ['ordinary', 'extraordinary', 'theme_day', 'joint'] as const;

export const AddMeetingInput = z.object({
  date: isoDate,
  start: hhmm,
  end: hhmm,
  kind: z.enum(meetingKinds).default('ordinary'),
  jointWithForumId: id.optional(),
  title: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  /** Left out: the forum's default place. */
  location: place.optional(),
  /** Left out: the forum's default. */
  online: z.boolean().optional(),
});
export type AddMeetingInput = z.input<typeof AddMeetingInput>;

export const EditMeetingInput = z.object({
  date: isoDate.optional(),
  start: hhmm.optional(),
  end: hhmm.optional(),
  /** null removes the place (an online-only meeting). */
  location: place.nullable().optional(),
  online: z.boolean().optional(),
  title: z.string().trim().min(1, 'must not be empty').max(300).nullable().optional(),
  /** Required when the date or time changes. */
  reason: z.string().trim().min(1, 'say why the meeting moves').max(500).optional(),
  /** The revision the editor saw; a stale one is refused (409) instead of overwriting. */
  revision: z.number().int().min(1).optional(),
});
export type EditMeetingInput = z.input<typeof EditMeetingInput>;

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw invalid(i.path.join('.') || 'body', i.message);
  }
  return parsed.data;
}

const stale = () => new UseCaseError('conflict', 'The meeting was changed by someone else meanwhile; reload and try again', [{ field: 'revision', reason: 'stale' }], 'Mødet er ændret af en anden imens; hent det igen og prøv igen');

export async function getMeetingDefaults(deps: PlanningDeps, forumId: string): Promise<MeetingDefaults> {
  return deps.transact(async (uow) => {
    await requireForum(uow, forumId);
    const d = await uow.meetings.getForumDefaults(forumId);
    return { forumId, location: d?.location ?? null, online: d?.online ?? false };
  });
}

export async function setMeetingDefaults(deps: PlanningDeps, forumId: string, input: MeetingDefaultsInput, actor: Actor): Promise<MeetingDefaults> {
  const v = parse(MeetingDefaultsInput, input);
  return deps.transact(async (uow) => {
    await requireForum(uow, forumId);
    const personId = await requireSecretariat(uow, actor, forumId, todayOf(deps.clock), "change the forum's meeting defaults", 'ændre forummets standarder for møder');
    await uow.meetings.setForumDefaults(forumId, { location: v.location, online: v.online });
    await uow.audit.record({ actorPersonId: personId, action: 'forum.meeting-defaults', forumId, target: forumId, outcome: 'ok', detail: { location: v.location, online: v.online } });
    return { forumId, location: v.location, online: v.online };
  });
}

export async function addMeeting(deps: PlanningDeps, forumId: string, input: AddMeetingInput, actor: Actor): Promise<MeetingView> {
  const v = parse(AddMeetingInput, input);
  if (v.end <= v.start) throw invalid('end', 'must be after start', 'Sluttidspunktet skal ligge efter starten');
  checkYear(Number(v.date.slice(0, 4)), 'date');
  if (v.kind === 'joint' && !v.jointWithForumId) {
    throw invalid('jointWithForumId', 'a joint meeting needs the forum it is held with', 'Et fællesmøde skal have det forum, det holdes sammen med');
  }
  if (v.jointWithForumId === forumId) throw invalid('jointWithForumId', 'must be another forum', 'Skal være et andet forum');
  return deps.transact(async (uow) => {
    const forum = await requireForum(uow, forumId);
    const today = todayOf(deps.clock);
    const personId = await requireSecretariat(uow, actor, forumId, today, 'add a meeting', 'tilføje et møde');
    if (v.date < today) throw invalid('date', 'must not be in the past (record a past meeting as history instead)', 'Datoen er gået; registrér et tidligere møde som historik i stedet');
    if (v.jointWithForumId && !(await uow.registry.getForum(v.jointWithForumId))) {
      throw invalid('jointWithForumId', `forum "${v.jointWithForumId}" does not exist`, `forummet "${v.jointWithForumId}" findes ikke`);
    }
    await uow.lockForumPlan(forumId);
    const sameDay = (await uow.meetings.listMeetings({ forumIds: [forumId], from: v.date, to: v.date })).filter((m) => m.status !== 'cancelled');
    if (sameDay.some((m) => m.start < v.end && v.start < m.end)) {
      throw invalid('start', 'the forum already has a meeting at that time', 'Forummet har allerede et møde på det tidspunkt');
    }
    const defaults = await uow.meetings.getForumDefaults(forumId);
    const location = v.location ?? defaults?.location ?? undefined;
    const meeting: Meeting = {
      id: deps.ids.newId('mtg'),
      forumId,
      date: v.date,
      start: v.start,
      end: v.end,
      online: v.online ?? defaults?.online ?? false,
      kind: v.kind,
      status: 'planned',
      revision: 1,
      ...(location ? { location } : {}),
      ...(v.title ? { title: v.title } : {}),
      ...(v.jointWithForumId ? { jointWithForumId: v.jointWithForumId } : {}),
    };
    await uow.meetings.insertMeeting(meeting);
    const job: MeetingSyncJob = { meetingId: meeting.id, revision: 1, change: 'created' };
    await uow.outbox.enqueue(MEETING_SYNC_QUEUE, job);
    await uow.audit.record({ actorPersonId: personId, action: 'meeting.add', forumId, target: meeting.id, outcome: 'ok', detail: { date: v.date, start: v.start, end: v.end, kind: v.kind } });
    const cal = await calendarOfRegion(uow.closedDays, forum.region);
    return withDeadlines(meeting, await uow.registry.listTerms(forumId), cal, await kindOfForum(uow, forum));
  });
}

export async function editMeeting(deps: PlanningDeps, meetingId: string, input: EditMeetingInput, actor: Actor): Promise<{ meeting: MeetingView; moved: boolean }> {
  const v = parse(EditMeetingInput, input);
  if (v.date) checkYear(Number(v.date.slice(0, 4)), 'date');
  return deps.transact(async (uow) => {
    const m = await uow.meetings.getMeeting(meetingId);
    if (!m) throw notFound('meeting', meetingId);
    const today = todayOf(deps.clock);
    const personId = await requireSecretariat(uow, actor, m.forumId, today, 'change this meeting', 'ændre dette møde');
    if (m.status !== 'planned' || m.historical) {
      throw new UseCaseError('invalid_state', `A ${m.status} meeting cannot be changed`, [{ field: 'status', reason: m.status }], m.status === 'cancelled' ? 'Et aflyst møde kan ikke ændres' : 'Et afholdt møde kan ikke ændres');
    }
    if (v.revision !== undefined && v.revision !== m.revision) throw stale();
    const date = v.date ?? m.date;
    const start = v.start ?? m.start;
    const end = v.end ?? m.end;
    if (end <= start) throw invalid('end', 'must be after start', 'Sluttidspunktet skal ligge efter starten');
    const moved = date !== m.date || start !== m.start || end !== m.end;
    if (moved && !v.reason) throw invalid('reason', 'say why the meeting moves', 'Skriv hvorfor mødet flyttes');
    if (moved && date < today) throw invalid('date', 'must not be in the past', 'Et møde kan ikke flyttes til en dato, der er gået');
    const next: Meeting = { ...m, date, start, end, online: v.online ?? m.online, revision: m.revision + 1 };
    if (v.location === null) delete next.location;
    else if (v.location !== undefined) next.location = v.location;
    if (v.title === null) delete next.title;
    else if (v.title !== undefined) next.title = v.title;
    if ((v.location !== undefined || v.online !== undefined) && !next.location && !next.online) throw invalid('location', 'a meeting needs a place, online, or both', 'Et møde skal have et sted, være online eller begge dele');
    if (!(await uow.meetings.updateMeeting(next, m.revision))) throw stale();
    const job: MeetingSyncJob = { meetingId, revision: next.revision, change: moved ? 'moved' : 'updated' };
    await uow.outbox.enqueue(MEETING_SYNC_QUEUE, job);
    // A move tells the members, as POST /move does (one notice per revision).
    if (moved) await raiseNotice(uow.outbox, meetingNotice('meeting_moved', next, deps.clock.now().toISOString(), `r${next.revision}`, { from: { date: m.date, start: m.start, end: m.end }, reason: v.reason!, via: 'samraad' }));
    await uow.audit.record({
      actorPersonId: personId,
      action: moved ? 'meeting.move' : 'meeting.edit',
      forumId: m.forumId,
      target: meetingId,
      outcome: 'ok',
      detail: {
        from: { date: m.date, start: m.start, end: m.end, location: m.location ?? null, online: m.online, title: m.title ?? null },
        to: { date, start, end, location: next.location ?? null, online: next.online, title: next.title ?? null },
        ...(v.reason ? { reason: v.reason } : {}),
      },
    });
    const host = await uow.registry.getForum(m.forumId);
    const cal = await calendarOfRegion(uow.closedDays, host?.region ?? '');
    return { meeting: withDeadlines(next, await uow.registry.listTerms(m.forumId), cal, host ? await kindOfForum(uow, host) : undefined), moved };
  });
}
