/**
 * What every meeting-workflow use case shares: its unit of work (registry, audit,
 * outbox, meetings and the workflow repository in one transaction), loading a
 * meeting with the caller's role in its forum, and the meeting's deadlines from
 * the forum's terms. Rights are decided here, server-side, from forum roles.
 */
import type { MeetingsStore } from '../ports/meetings.port.js';
import type { WorkflowStore } from '../ports/workflow.port.js';
import { publicRulesOf, sharedBeyondForum, type PublicRules } from '../../domain/documents/public-version.js';
import { WorkingDayCalendar, formatDanishDate, localToday } from '../../domain/calendar/working-day.calendar.js';
import { meetingDeadlines, type MeetingDeadlines } from '../../domain/deadlines/meeting.deadlines.js';
import { markRuleDefaults, meetingRules, type MeetingRules } from '../../domain/deadlines/meeting.rules.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import { isActiveOn, secretariatRoles, type Forum, type Membership, type TermsOfReference } from '../../domain/registry/registry.model.js';
import type { MeetingDocumentInput } from '../../domain/documents/meeting-document.view.js';
import type { DocumentSafetyPort, DocumentsPort } from '../ports/documents.port.js';
import { documentPath } from '../sync/document-sync.handler.js';
import type { Clock, IdGenerator, RegistryStore, UnitOfWork } from '../ports/store.port.js';
import { UseCaseError, forbidden, notFound, withheldAsMalware } from '../use-case.errors.js';
import { jointMemberships } from '../../domain/meetings/attendance.rules.js';
import { access } from '../../domain/access/access.policy.js';
import { regionCalendars } from '../region-calendar.js';

export type WorkflowUnitOfWork = UnitOfWork & { meetings: MeetingsStore; workflow: WorkflowStore };
export type WorkflowTransact = <T>(fn: (uow: WorkflowUnitOfWork) => Promise<T>) => Promise<T>;

export type WorkflowDeps = {
  transact: WorkflowTransact;
  /**
   * Read-only use cases (the meeting page) run here when given: the same unit of
   * work on the database itself, not in a transaction, so a read neither holds a
   * pooled connection for its whole length nor (on PGlite) the single connection.
   * Absent: reads run in `transact` as writes do.
   */
  read?: WorkflowTransact;
  clock: Clock;
  ids: IdGenerator;
  documents: DocumentsPort;
  /** Renders a DOCX of an agenda or minutes (the documents adapter). */
  /** With `publicRules`: the public version (closed items redacted), for files shared beyond the forum. */
  renderDocx(input: MeetingDocumentInput, publicRules?: PublicRules): Promise<Uint8Array>;
  /** Whether a stored document is withheld (SharePoint flagged it as malware); absent: never. */
  safety?: DocumentSafetyPort;
};

/**
 * Refuses (403 problem+json, `malware_detected`) a download of a document SharePoint
 * flagged as malware (src/usecases/sync/malware-guard.ts); every download path calls it.
 */
export async function assertNotWithheld(deps: Pick<WorkflowDeps, 'safety'>, ref: { forumId: string; meetingId: string; path: string }, what: 'agenda' | 'minutes' | 'attachment'): Promise<void> {
  if (!deps.safety) return;
  if (await deps.safety.withheld(ref)) throw withheldAsMalware(what, ref.path);
}

/** Where the sent agenda or the minutes of a meeting are stored (and synced to SharePoint from). */
export function meetingDocumentPath(forumId: string, meetingId: string, kind: 'agenda' | 'minutes'): string {
  return documentPath(forumId, meetingId, kind);
}

export type Role = { secretariat: boolean; chair: boolean; member: boolean; secretariatAbove: boolean };

/**
 * Europe/Copenhagen time only (today's date, local times, instants). Not for
 * working days: those depend on the region's closed days (`MeetingContext.calendar`,
 * `calendarOfRegion`).
 */
export const timeCalendar = new WorkingDayCalendar();

export function todayOf(now: Date): string {
  return localToday(now);
}

/** "6. maj 2026 kl. 16.00" for a UTC instant, in Copenhagen time. */
export function danishInstant(at: string): string {
  const date = timeCalendar.localDate(at);
  const time = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
  return `${formatDanishDate(date)} kl. ${time.replace(':', '.')}`;
}

export function englishInstant(at: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }).format(new Date(at));
}

export function roleOf(memberships: readonly Membership[], forums: readonly Forum[], personId: string, forumId: string, today: string): Role {
  const active = memberships.filter((m) => m.personId === personId && isActiveOn(m, today));
  const here = active.filter((m) => m.forumId === forumId);
  const byId = new Map(forums.map((f) => [f.id, f]));
  let secretariatAbove = false;
  let cur = byId.get(forumId)?.parentId;
  const seen = new Set<string>();
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    const id = cur;
    if (active.some((m) => m.forumId === id && secretariatRoles.includes(m.role))) secretariatAbove = true;
    cur = byId.get(cur)?.parentId;
  }
  return {
    secretariat: here.some((m) => secretariatRoles.includes(m.role)),
    chair: here.some((m) => m.role === 'chair' || m.role === 'co_chair'),
    member: here.length > 0,
    secretariatAbove,
  };
}

export type MeetingContext = {
  meeting: Meeting;
  forum: Forum;
  /** The forum's terms in force in the meeting's year (`meetingRules`). */
  terms: TermsOfReference | undefined;
  /** The meeting's deadline rules: those terms, the forum kind's defaults, the product's (`meetingRules`). */
  rules: MeetingRules;
  role: Role;
  now: Date;
  today: string;
  /** The working-day calendar of the forum's region (its closed days included). */
  calendar: WorkingDayCalendar;
  deadlines: MeetingDeadlines;
};

/**
 * A meeting's deadlines by its rules (`rulesOfMeeting` / `meetingRules`: the terms in force in its year, the forum
 * kind's defaults), each whose rule the terms do not state marked `fromDefault`. `cal`: the calendar of the meeting's
 * forum's region (`MeetingContext.calendar`, `calendarOfRegion`).
 */
export function deadlinesOf(meeting: Pick<Meeting, 'date'> & { minutesSentAt?: string | undefined }, rules: MeetingRules, cal: WorkingDayCalendar, minutesSentAt?: string): MeetingDeadlines {
  return markRuleDefaults(meetingDeadlines({ date: meeting.date, minutesSentAt: minutesSentAt ?? meeting.minutesSentAt }, rules.rules, cal), rules.sources);
}

/** Loads a meeting's deadline rules: its host forum's terms in force in its year, with the forum kind's defaults (`meetingRules`). */
export async function rulesOfMeeting(registry: Pick<RegistryStore, 'listTerms' | 'getForum' | 'getForumKind'>, meeting: Pick<Meeting, 'forumId' | 'date'>, forum?: Forum): Promise<MeetingRules> {
  const f = forum ?? (await registry.getForum(meeting.forumId));
  const [terms, kind] = await Promise.all([registry.listTerms(meeting.forumId), f ? registry.getForumKind(f.kind) : Promise.resolve(undefined)]);
  return meetingRules(meeting, terms, kind);
}

/** The meeting's start as a UTC instant. */
export function meetingStart(meeting: Pick<Meeting, 'date' | 'start'>): string {
  return timeCalendar.instant(meeting.date, meeting.start);
}

/** Loads the meeting and the caller's role; refuses callers who may not even read it. */
export async function loadMeeting(uow: WorkflowUnitOfWork, meetingId: string, personId: string, now: Date): Promise<MeetingContext> {
  const meeting = await uow.meetings.getMeeting(meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  const today = todayOf(now);
  // One round after the meeting: the forum comes from the list the role check needs anyway.
  const [memberships, forums, allTerms, state, calendars] = await Promise.all([
    uow.registry.listMemberships({ personId }),
    uow.registry.listForums(),
    uow.registry.listTerms(meeting.forumId),
    uow.workflow.getState(meetingId),
    regionCalendars(uow.closedDays),
  ]);
  const forum = forums.find((f) => f.id === meeting.forumId);
  if (!forum) throw notFound('forum', meeting.forumId);
  // The same rules as every list, the year of duties and the reminder planner: the terms in force in the meeting's year.
  const rules = meetingRules(meeting, allTerms, await uow.registry.getForumKind(forum.kind));
  const terms = rules.terms;
  const role = roleOf(memberships, forums, personId, forum.id, today);
  // A member of the partner forum of a joint meeting takes part in it (answers, proposes, remarks).
  if (!role.member && meeting.jointWithForumId) {
    const partnerId = meeting.jointWithForumId;
    role.member = memberships.some((m) => m.personId === personId && m.forumId === partnerId && isActiveOn(m, today));
  }
  // Who opens a forum's meetings is the access policy's rule (the forum's `rights.meetings` tells the tab the same).
  if (!role.member && !access.canOpenMeetings({ personId, memberships, forumsById: new Map(forums.map((f) => [f.id, f])), today }, forum.id)) {
    throw forbidden('Only members of the forum and its secretariat can see this meeting', 'Kun forummets medlemmer og sekretariat kan se dette møde');
  }
  const calendar = calendars.of(forum.region);
  const deadlines = deadlinesOf(meeting, rules, calendar, state.minutesSentAt);
  // Once the minutes are out, the window's close is the one fixed at sending (the
  // tacit-approval job is scheduled for it), even if the region's closed days changed since.
  if (state.windowClosesAt && Date.parse(state.windowClosesAt) !== Date.parse(deadlines.commentWindowCloses.at)) {
    const at = new Date(state.windowClosesAt).toISOString().replace('.000Z', 'Z');
    const { adjustedBecause: _recomputed, ...rest } = deadlines.commentWindowCloses;
    deadlines.commentWindowCloses = { ...rest, at, date: timeCalendar.localDate(at) };
  }
  return { meeting, forum, terms, rules, role, now, today, calendar, deadlines };
}

/** Everyone who takes part in the meeting: the host forum's memberships and, for a joint meeting, the partner forum's (a person in both once). */
export async function meetingMemberships(registry: Pick<RegistryStore, 'listMemberships'>, meeting: Pick<Meeting, 'forumId' | 'date' | 'jointWithForumId'>): Promise<Membership[]> {
  const hostRead = registry.listMemberships({ forumId: meeting.forumId });
  if (!meeting.jointWithForumId) return hostRead;
  const [host, partner] = await Promise.all([hostRead, registry.listMemberships({ forumId: meeting.jointWithForumId })]);
  return jointMemberships(host, partner, meeting.date);
}

export function requireSecretariat(c: MeetingContext, what: string, whatDa: string) {
  if (!c.role.secretariat) throw forbidden(`Only the forum's secretariat (chair, co-chair or secretary) may ${what}`, `Kun forummets sekretariat (formand, medformand eller sekretær) må ${whatDa}`);
}

/** Who records attendance (answers on others' behalf, presence): the forum's secretariat or a secretariat above it (e.g. the region's). */
export function canRecordAttendance(c: Pick<MeetingContext, 'role'>): boolean {
  return c.role.secretariat || c.role.secretariatAbove;
}

export function requireAttendanceRecorder(c: MeetingContext, what: string, whatDa: string) {
  if (!canRecordAttendance(c)) throw forbidden(`Only the forum's secretariat or a secretariat above it may ${what}`, `Kun forummets sekretariat eller et sekretariat over det må ${whatDa}`);
}

export function requireMember(c: MeetingContext, what: string, whatDa: string) {
  if (!c.role.member) throw forbidden(`Only members of the forum may ${what}`, `Kun forummets medlemmer må ${whatDa}`);
}

export function requireNotCancelled(c: MeetingContext) {
  if (c.meeting.status === 'cancelled') throw new UseCaseError('invalid_state', 'The meeting is cancelled', [], 'Mødet er aflyst');
}

export const stateError = (en: string, da: string, extra: Record<string, unknown> = {}) => new UseCaseError('invalid_state', en, [], da, extra);

/**
 * A unit of work whose read methods (get*, list*, current*) remember their results
 * for the life of the wrapper, so a read use case that asks for the same meeting,
 * state or list in several helpers queries once. Only for read-only use cases: a
 * write through the wrapper would not update what it remembers.
 */
export function memoizedReads(uow: WorkflowUnitOfWork): WorkflowUnitOfWork {
  const memo = new Map<string, unknown>();
  const wrap = <R extends object>(name: string, repo: R): R =>
    new Proxy(repo, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== 'string' || typeof value !== 'function' || !/^(get|list|current)/.test(prop)) return value;
        return (...args: unknown[]) => {
          const key = `${name}.${prop}(${JSON.stringify(args)})`;
          if (!memo.has(key)) {
            const p = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            // A failed read is not remembered; its error reaches whoever awaits `p`.
            // eslint-disable-next-line samraad/no-swallowed-catch -- surfaced through the returned promise
            Promise.resolve(p).catch(() => memo.delete(key));
            memo.set(key, p);
          }
          return memo.get(key);
        };
      },
    });
  return { ...uow, registry: wrap('registry', uow.registry), meetings: wrap('meetings', uow.meetings), workflow: wrap('workflow', uow.workflow) };
}

/**
 * A file put in the channel folder is shared beyond the forum when the channel is
 * a standard one (the whole team sees it): then closed items are redacted in it.
 */
export async function sharedFileRules(registry: WorkflowUnitOfWork['registry'], forum: Forum): Promise<PublicRules | undefined> {
  if (!sharedBeyondForum(forum)) return undefined;
  const rules = publicRulesOf(await registry.currentTerms(forum.id), await registry.getForumKind(forum.kind));
  return { ...rules, decisionsOnly: false };
}
