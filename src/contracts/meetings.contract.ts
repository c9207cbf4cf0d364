/**
 * Responses of the meeting workflow routes (src/entry/http/routes/meeting.routes.ts):
 * the meeting page, agenda, proposals, attendance, minutes, remarks, tasks,
 * attachments, "my overview" and what waits on me. Shapes of the use cases in
 * src/usecases/meetings (their return types) and the domain types they return.
 */
import { z } from 'zod';
import { AgendaItemInput, AttendanceAnswer, TaskInput } from '../domain/meetings/meeting.model.js';
import { ClosedDayPolicy, id, isoDate } from '../domain/registry/registry.model.js';
import { deadlineKinds } from '../domain/deadlines/meeting.deadlines.js';
import { ForumResponse, PersonResponse } from './registry.contract.js';
import { MeetingResponse } from './planning.contract.js';
import { ProblemResponse } from './system.contract.js';

const minutesStatus = z.enum(['draft', 'sent_for_remarks', 'revised', 'approved', 'published']);

export const AttachmentRefResponse = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), pages: z.number().int().optional() });

/** An agenda item (src/domain/meetings/meeting.model.ts, AgendaItem). */
export const AgendaItemResponse = AgendaItemInput.extend({
  id,
  meetingId: id,
  position: z.number().int(),
  attachments: z.array(AttachmentRefResponse),
  decision: z.string().optional().describe('Referat / Beslutning, written after the meeting'),
  origin: z.object({ kind: z.enum(['member', 'task_report', 'child_forum']), refId: z.string() }).optional(),
});
export type AgendaItemResponse = z.output<typeof AgendaItemResponse>;

/** A proposed item (src/domain/meetings/workflow.model.ts, Proposal). */
export const ProposalResponse = z.object({
  id: z.string(),
  meetingId: z.string(),
  proposerPersonId: z.string(),
  title: z.string(),
  kind: AgendaItemInput.shape.kind.unwrap(),
  background: z.string(),
  recommendation: z.string().optional(),
  status: z.enum(['pending', 'accepted', 'declined']),
  late: z.boolean(),
  declineReason: z.string().optional(),
  itemId: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  createdAt: z.string(),
});
export type ProposalResponse = z.output<typeof ProposalResponse>;

/** A stored attendance answer (src/domain/meetings/meeting.model.ts, Attendance). */
export const AttendanceResponse = z.object({
  meetingId: z.string(),
  personId: z.string(),
  answer: AttendanceAnswer.nullable(),
  substituteName: z.string().optional(),
  substitutePersonId: z.string().optional(),
  present: z.boolean().optional(),
  answeredAt: z.string().optional(),
  note: z.string().optional().describe('A short note with apologies or a substitute; absent with "attending"'),
});
export type AttendanceResponse = z.output<typeof AttendanceResponse>;

export const RemarkResponse = z.object({
  id: z.string(),
  meetingId: z.string(),
  personId: z.string(),
  itemId: z.string().optional().describe('Absent for a remark on the minutes as a whole'),
  text: z.string(),
  createdAt: z.string(),
  minutesVersion: z.number().int().optional().describe('The version of the minutes remarked on (in the meeting page)'),
});
export type RemarkResponse = z.output<typeof RemarkResponse>;

/** A task (src/domain/meetings/meeting.model.ts, Task). */
export const TaskResponse = TaskInput.safeExtend({ id, forumId: id, status: z.enum(['open', 'done', 'cancelled']), doneAt: z.string().optional() });
export type TaskResponse = z.output<typeof TaskResponse>;

/** A deadline as the rules engine computes it (src/domain/deadlines/meeting.deadlines.ts, Deadline). */
export const RuleDeadlineResponse = z.object({
  kind: z.enum(deadlineKinds),
  nominalDate: isoDate,
  date: isoDate,
  at: z.string().describe('ISO 8601 instant: the end of the working day on `date`'),
  policy: ClosedDayPolicy,
  adjustedBecause: z.string().optional(),
  projected: z.boolean().optional(),
  fromDefault: z.literal(true).optional().describe("The forum's terms do not state this rule: a default (the forum kind's or the product's) awaiting acceptance"),
});
export type RuleDeadlineResponse = z.output<typeof RuleDeadlineResponse>;

export const RuleMeetingDeadlinesResponse = z.object({
  itemsCutoff: RuleDeadlineResponse,
  agendaDue: RuleDeadlineResponse,
  minutesDue: RuleDeadlineResponse,
  commentWindowCloses: RuleDeadlineResponse,
  tacitApproval: z.boolean(),
  tacitApprovalFromDefault: z.literal(true).optional().describe("The forum's terms do not state tacit approval: a default awaiting acceptance"),
});
export type RuleMeetingDeadlinesResponse = z.output<typeof RuleMeetingDeadlinesResponse>;

/** A stored, immutable version of the agenda or the minutes (without its snapshot). */
export const DocumentVersionResponse = z.object({
  id: z.string(),
  meetingId: z.string(),
  kind: z.enum(['agenda', 'minutes']),
  version: z.number().int(),
  event: z.enum(['sent', 'approved', 'published', 'correction']),
  reason: z.string().optional(),
  createdBy: z.string().optional(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentVersionResponse = z.output<typeof DocumentVersionResponse>;

export const AttendanceRowResponse = z.object({
  personId: z.string(),
  role: z.string(),
  person: z.object({ name: z.string(), title: z.string().nullable(), organisation: z.string().nullable() }),
  answer: AttendanceAnswer.nullable(),
  substituteName: z.string().nullable(),
  substitutePersonId: z.string().nullable(),
  present: z.boolean().nullable(),
  presentByDefault: z.boolean(),
  note: z.string().nullable().describe('The note given with apologies or a substitute'),
});
export type AttendanceRowResponse = z.output<typeof AttendanceRowResponse>;

export const ContradictionResponse = z.object({ code: z.enum(['present_with_apologies', 'minute_taker_absent', 'unanswered']), personId: z.string(), en: z.string(), da: z.string() });
export type ContradictionResponse = z.output<typeof ContradictionResponse>;

export const MinutesStateResponse = z.object({
  meetingId: z.string(),
  status: minutesStatus,
  version: z.number().int(),
  sentAt: z.string().nullable(),
  windowClosesAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedHow: z.enum(['explicit', 'tacit']).nullable(),
  publishedAt: z.string().nullable(),
  agendaApprovedAt: z.string().nullable(),
  draftWithheld: z.boolean().optional().describe("set for a reader who is not the secretariat or the minute-taker while the minutes are being written and have never been sent (draft): the items' decisions are left out"),
});
export type MinutesStateResponse = z.output<typeof MinutesStateResponse>;

export const PermissionsResponse = z.object({
  /** The secretariat manages the meeting (attendance, Outlook, revising the minutes) until the minutes are approved. */
  canManage: z.boolean(),
  /** Attendance (answers on others' behalf, presence): the forum's secretariat or a secretariat above it (e.g. the region's). */
  canRecordAttendance: z.boolean(),
  /** Items can be added, edited, reordered or removed: the secretariat, before the meeting begins. */
  canEditAgenda: z.boolean(),
  /** The chair's approval and the secretariat's sending: only before the meeting begins (a meeting recorded as history is exempt). */
  canApproveAgenda: z.boolean(),
  canSendAgenda: z.boolean(),
  canPropose: z.boolean(),
  canAnswer: z.boolean(),
  canRemark: z.boolean(),
  canEditMinutes: z.boolean(),
  canPublish: z.boolean(),
  /** The secretariat may correct approved or published minutes (a new version with a reason). */
  canCorrect: z.boolean(),
});
export type PermissionsResponse = z.output<typeof PermissionsResponse>;

/** A report-back item the rules engine proposes (src/domain/tasks/task.report-back.ts). */
export const SuggestionResponse = z.object({
  forumId: z.string(),
  meetingId: z.string(),
  meetingDate: isoDate,
  title: z.string(),
  origin: z.object({ kind: z.enum(['task_report', 'child_forum']), refId: z.string() }),
  proposeBy: RuleDeadlineResponse,
  reason: z.string(),
});

/** GET /api/meetings/:id: the meeting page (src/usecases/meetings/meeting-view.usecase.ts, getMeeting). */
export const MeetingPageResponse = z.object({
  meeting: MeetingResponse,
  forum: ForumResponse,
  deadlines: RuleMeetingDeadlinesResponse,
  items: z.array(AgendaItemResponse),
  timing: z.object({ plannedMinutes: z.number().int(), meetingMinutes: z.number().int() }).describe("The agenda's total time against the meeting's length"),
  proposals: z.array(ProposalResponse),
  suggestions: z.array(SuggestionResponse).describe('Report-back items the rules engine proposes (secretariat only)'),
  attendance: z.array(AttendanceRowResponse),
  standIns: z.array(z.object({ personId: z.string(), name: z.string(), organisation: z.string().nullable() })),
  contradictions: z.array(ContradictionResponse),
  started: z.boolean(),
  minutes: MinutesStateResponse,
  minuteTaker: z.object({ personId: z.string(), name: z.string(), isDefault: z.boolean() }).nullable(),
  remarks: z.array(RemarkResponse),
  tasks: z.array(TaskResponse),
  versions: z.array(DocumentVersionResponse),
  permissions: PermissionsResponse,
});
export type MeetingPageResponse = z.output<typeof MeetingPageResponse>;

/** GET /api/me/overview */
export const OverviewResponse = z.object({
  person: PersonResponse,
  nextMeetings: z.array(z.object({ meeting: MeetingResponse, forum: ForumResponse.nullable(), answer: AttendanceAnswer.nullable(), substituteName: z.string().nullable() })),
  deadlines: z.array(RuleDeadlineResponse.extend({ meetingId: z.string(), forumId: z.string(), forumName: z.string() })),
  tasks: z.array(TaskResponse.safeExtend({ forumName: z.string(), via: z.literal('organisation').optional() })),
  unanswered: z.array(z.object({ meeting: MeetingResponse, forum: ForumResponse.nullable() })),
});
export type OverviewResponse = z.output<typeof OverviewResponse>;

export const WaitingItemResponse = z.object({
  kind: z.enum(['agenda_late', 'agenda_due', 'minutes_late', 'minutes_due', 'approval_due', 'agenda_approval', 'chair_handover', 'unanswered', 'remarks_open', 'task_due']),
  as: z.enum(['secretariat', 'chair', 'member', 'assignee']),
  forumId: z.string(),
  forumName: z.string(),
  meetingId: z.string().optional(),
  meetingDate: z.string().optional(),
  meetingKind: z.string().optional(),
  taskId: z.string().optional(),
  title: z.string().optional(),
  deadline: z.string().describe('UTC instant'),
  late: z.boolean(),
  days: z.number().int().describe('Whole Copenhagen days past the deadline (late) or left until it'),
});
export type WaitingItemResponse = z.output<typeof WaitingItemResponse>;
/** GET /api/me/waiting */
export const WaitingResponse = z.object({ now: z.string(), items: z.array(WaitingItemResponse) });
export type WaitingResponse = z.output<typeof WaitingResponse>;

export const AgendaApprovedResponse = z.object({ approvedAt: z.string(), approvedBy: z.string() });
export const AgendaSentResponse = z.object({ version: z.number().int(), sentAt: z.string() });
export const HistoryRecordedResponse = z.object({ meeting: MeetingResponse, minutesStatus });
export const MinuteTakerResponse = z.object({ personId: z.string().nullable(), isDefault: z.boolean() });
export type MinuteTakerResponse = z.output<typeof MinuteTakerResponse>;
/** The meeting's shared item timer: index -1 not started, the number of items when through; serverNow to count from on any client clock. */
export const MeetingTimerResponse = z.object({ meetingId: z.string(), index: z.number().int(), startedAt: z.string().nullable(), serverNow: z.string(), canRun: z.boolean() });
export type MeetingTimerResponse = z.output<typeof MeetingTimerResponse>;
export const MinutesVersionResponse = z.object({ status: minutesStatus, version: z.number().int() });
export const MinutesSentResponse = MinutesVersionResponse.extend({ sentAt: z.string(), windowClosesAt: z.string() });
export const MinutesApprovedResponse = MinutesVersionResponse.extend({
  approvedAt: z.string().optional(),
  approvedHow: z.enum(['explicit', 'tacit']).optional(),
  early: z.array(z.enum(['window_open', 'open_remarks'])).optional().describe('Why the approval was early (confirmed with a reason)'),
  reason: z.string().optional(),
});
/** A passage of the minutes that may be personal data (src/domain/documents/personal-data.detector.ts, LocatedFinding). */
export const PersonalDataFindingResponse = z.object({
  kind: z.enum(['cpr', 'phone', 'person_hint']),
  start: z.number().int(),
  end: z.number().int(),
  match: z.string(),
  confidence: z.enum(['high', 'medium']),
  reason: z.object({ da: z.string(), en: z.string() }),
  field: z.string().describe('The field of the item or task the passage is in'),
  itemId: z.string().optional(),
});
export type PersonalDataFindingResponse = z.output<typeof PersonalDataFindingResponse>;
/** 409 of POST /api/meetings/:id/minutes/publish: with `findings` when the minutes may hold personal data (publish again with confirmPersonalData: true). */
export const PublishRefusedResponse = ProblemResponse.extend({ findings: z.array(PersonalDataFindingResponse).optional() });
export type PublishRefusedResponse = z.output<typeof PublishRefusedResponse>;
/** 409 of POST /api/meetings/:id/minutes/approve: an early approval needs `confirm: true` and a reason (code confirmation_required, with why). */
export const EarlyApprovalRefusedResponse = ProblemResponse.extend({
  code: z.string().optional().describe('confirmation_required for an early approval; other refusals (the state does not allow it) carry their own code'),
  grounds: z.array(z.enum(['window_open', 'open_remarks'])).optional(),
  openRemarks: z.number().int().optional().describe('Remarks on this version not answered by a revision'),
  windowClosesAt: z.string().optional().describe('ISO 8601 instant: when the comment window closes'),
});
export type EarlyApprovalRefusedResponse = z.output<typeof EarlyApprovalRefusedResponse>;
export const MinutesPublishedResponse = MinutesVersionResponse.extend({ publishedAt: z.string(), personalDataFindings: z.number().int() });
export const AttachmentAddedResponse = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() });
