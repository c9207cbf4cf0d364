/**
 * A snapshot of what a sent agenda or a minutes version contained (items with
 * decisions and attachments, attendance, tasks, minutes state), stored insert-only
 * so a published version can always be shown exactly as it was; and the document
 * input (renderMeetingDocuments) built from a snapshot or from the live state.
 */
import type { AgendaItem, Attendance, Meeting, Minutes, Task } from '../../domain/meetings/meeting.model.js';
import type { MeetingDocumentInput, DocumentKind } from '../../domain/documents/meeting-document.view.js';
import type { WorkflowState } from '../../domain/meetings/workflow.model.js';
import type { RegistryStore } from '../ports/store.port.js';
import { effectivePresence } from '../../domain/meetings/attendance.rules.js';
import { isActiveOn, type Membership } from '../../domain/registry/registry.model.js';
import { meetingMemberships, type WorkflowUnitOfWork } from './workflow.context.js';

export type MeetingSnapshot = {
  meeting: Meeting;
  items: AgendaItem[];
  attendance: Attendance[];
  tasks: Task[];
  minutes: Minutes;
  /** The referent the secretariat chose (absent: the forum's secretary on the day, see defaultMinuteTaker). */
  minuteTakerPersonId?: string;
};

/**
 * The referent when the secretariat chose none: the person with the secretary
 * role in the forum on the meeting date (the earliest appointed, then by id, when
 * there are several).
 */
export function defaultMinuteTaker(memberships: readonly Membership[], forumId: string, date: string): string | undefined {
  return memberships
    .filter((m) => m.forumId === forumId && m.role === 'secretary' && isActiveOn(m, date))
    .sort((a, b) => a.from.localeCompare(b.from) || a.personId.localeCompare(b.personId))[0]?.personId;
}

/** The referent of a meeting: the secretariat's choice, else the default. */
export function minuteTakerOf(chosen: string | undefined, memberships: readonly Membership[], forumId: string, date: string): { personId: string; isDefault: boolean } | undefined {
  if (chosen) return { personId: chosen, isDefault: false };
  const d = defaultMinuteTaker(memberships, forumId, date);
  return d ? { personId: d, isDefault: true } : undefined;
}

export function minutesOf(s: WorkflowState): Minutes {
  const m: Minutes = { meetingId: s.meetingId, status: s.minutesStatus, version: s.minutesVersion };
  if (s.minutesSentAt) m.sentAt = s.minutesSentAt;
  if (s.approvedAt) m.approvedAt = s.approvedAt;
  if (s.approvedHow) m.approvedHow = s.approvedHow;
  if (s.publishedAt) m.publishedAt = s.publishedAt;
  return m;
}

/** Reads only what it names, so the demo loader (src/demo) can take a snapshot in its own transaction. */
export type SnapshotReads = {
  meetings: Pick<WorkflowUnitOfWork['meetings'], 'getMeeting' | 'listTasks'>;
  workflow: Pick<WorkflowUnitOfWork['workflow'], 'listItems' | 'listAttendance' | 'getState'>;
};

export async function takeSnapshot(uow: SnapshotReads, meetingId: string): Promise<MeetingSnapshot> {
  const meeting = (await uow.meetings.getMeeting(meetingId))!;
  const items = await uow.workflow.listItems(meetingId);
  const attendance = await uow.workflow.listAttendance(meetingId);
  const tasks = (await uow.meetings.listTasks({ forumIds: [meeting.forumId], sourceMeetingId: meetingId })).filter((t) => t.sourceMeetingId === meetingId);
  const state = await uow.workflow.getState(meetingId);
  const minutes = minutesOf(state);
  return { meeting, items, attendance, tasks, minutes, ...(state.minuteTakerPersonId ? { minuteTakerPersonId: state.minuteTakerPersonId } : {}) };
}

export async function documentInput(registry: RegistryStore, snapshot: MeetingSnapshot, kind: DocumentKind): Promise<MeetingDocumentInput> {
  const forum = (await registry.getForum(snapshot.meeting.forumId))!;
  const people = await registry.listPeople();
  const organisations = await registry.listOrganisations();
  const memberships = await meetingMemberships(registry, snapshot.meeting);
  const forums = await registry.listForums();
  // Everyone who was a member on the day is a participant unless they sent apologies;
  // members who never answered are listed as participants too (the minutes' convention).
  const onDay = memberships.filter((m) => m.from <= snapshot.meeting.date && (!m.to || m.to >= snapshot.meeting.date));
  const recorded = new Map(snapshot.attendance.map((a) => [a.personId, a]));
  const minuteTaker = minuteTakerOf(snapshot.minuteTakerPersonId, memberships, forum.id, snapshot.meeting.date);
  // In the minutes the secretary and the minute-taker are present unless recorded absent
  // (they ran the meeting): an earlier "afbud" of theirs never puts them under Afbud.
  const presentByDefault = new Set([...onDay.filter((m) => m.role === 'secretary').map((m) => m.personId), ...(minuteTaker ? [minuteTaker.personId] : [])]);
  const attendance: Attendance[] = [...new Set(onDay.map((m) => m.personId))].map((personId) => {
    const a = recorded.get(personId) ?? { meetingId: snapshot.meeting.id, personId, answer: null };
    const presence = effectivePresence(a, kind === 'minutes' && presentByDefault.has(personId));
    return presence.present === undefined ? a : { ...a, present: presence.present };
  });
  return {
    kind,
    forum,
    meeting: snapshot.meeting,
    items: snapshot.items,
    attendance,
    people,
    organisations,
    memberships,
    forums,
    ...(minuteTaker ? { minuteTaker: { personId: minuteTaker.personId } } : {}),
    ...(kind === 'minutes' ? { minutes: snapshot.minutes, tasks: snapshot.tasks } : {}),
  };
}
