/**
 * The meeting page's shapes: inferred from the response schemas the server
 * answers with (src/contracts/meetings.contract.ts), never copied by hand.
 * Type-only imports: nothing of zod enters the tab's bundle from here.
 */
import type {
  AgendaItemResponse,
  AttendanceRowResponse,
  DocumentVersionResponse,
  MeetingPageResponse,
  MinutesStateResponse,
  PermissionsResponse,
  ProposalResponse,
  RemarkResponse,
  TaskResponse,
} from '../../contracts/meetings.contract.js';

export type Item = AgendaItemResponse;
export type Proposal = ProposalResponse;
export type AttendanceRow = AttendanceRowResponse;
export type MinutesState = MinutesStateResponse;
export type Remark = RemarkResponse;
export type Task = TaskResponse;
export type Permissions = PermissionsResponse;
/** GET /api/meetings/:id */
export type MeetingView = MeetingPageResponse;
/** A stored, immutable version of the agenda or the minutes (GET .../versions/:id/document.html|docx). */
export type DocumentVersion = DocumentVersionResponse;
