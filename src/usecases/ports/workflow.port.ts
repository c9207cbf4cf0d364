/**
 * What the meeting-workflow use cases need to store: agenda items, attachments,
 * proposals, attendance, the agenda/minutes state, remarks and document versions.
 * src/adapters/db/workflow.repository.ts implements it.
 */
import type { AgendaItem, Attendance, Remark } from '../../domain/meetings/meeting.model.js';
import type { DocumentVersionRow, MeetingTimer, Proposal, StoredAttachment, WorkflowState } from '../../domain/meetings/workflow.model.js';

export interface WorkflowStore {
  listItems(meetingId: string): Promise<AgendaItem[]>;
  getItem(id: string): Promise<AgendaItem | undefined>;
  insertItem(i: AgendaItem): Promise<void>;
  updateItem(i: AgendaItem): Promise<void>;
  deleteItem(id: string): Promise<void>;
  setPositions(ids: readonly string[]): Promise<void>;
  listAttachments(meetingId: string): Promise<StoredAttachment[]>;
  getAttachment(id: string): Promise<StoredAttachment | undefined>;
  insertAttachment(a: StoredAttachment, createdBy: string): Promise<void>;
  countAttachments(itemId: string): Promise<number>;
  listProposals(meetingId: string): Promise<Proposal[]>;
  getProposal(id: string): Promise<Proposal | undefined>;
  insertProposal(p: Proposal): Promise<void>;
  decideProposal(p: Proposal): Promise<void>;
  listAttendance(meetingId: string): Promise<Attendance[]>;
  /** The attendance answers of several meetings in one query per 5,000 meetings (the reminder plan's input). */
  listAttendanceOfMeetings(meetingIds: readonly string[]): Promise<Attendance[]>;
  attendanceOfPerson(personId: string, meetingIds: readonly string[]): Promise<Attendance[]>;
  upsertAttendance(a: Attendance): Promise<void>;
  /** The workflow state, locked for update inside a transaction so two writers serialise. */
  getState(meetingId: string, forUpdate?: boolean): Promise<WorkflowState>;
  listStates(meetingIds: readonly string[]): Promise<WorkflowState[]>;
  saveState(s: WorkflowState): Promise<void>;
  /** The meeting's shared item timer; undefined until someone starts it. */
  getTimer(meetingId: string): Promise<MeetingTimer | undefined>;
  saveTimer(t: MeetingTimer): Promise<void>;
  listRemarks(meetingId: string): Promise<Remark[]>;
  insertRemark(r: Remark & {
    minutesVersion: number;
  }): Promise<void>;
  listVersions(meetingId: string): Promise<DocumentVersionRow[]>;
  /** Every stored version of a meeting without its snapshot (what the meeting page lists), in listVersions' order. */
  listVersionInfo(meetingId: string): Promise<Omit<DocumentVersionRow, 'snapshot'>[]>;
  /** The newest version of a kind with the given event (e.g. the last published minutes). */
  latestVersion(meetingId: string, kind: 'agenda' | 'minutes', event?: DocumentVersionRow['event']): Promise<DocumentVersionRow | undefined>;
  /** Published minutes of all meetings (newest version per meeting), for the public pages and feeds. */
  listPublished(kind: 'agenda' | 'minutes'): Promise<DocumentVersionRow[]>;
  insertVersion(v: DocumentVersionRow): Promise<void>;
  nextAgendaVersion(meetingId: string): Promise<number>;
}
