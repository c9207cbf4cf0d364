import type { ForumRef, Meeting, MeetingDeadlines } from './shared.js';

export type Item = {
  id: string; position: number; title: string; kind: string; presenters: string[]; minutes: number; background: string; recommendations: string[];
  fixed?: string; decision?: string; closed?: boolean; origin?: { kind: string; refId: string }; attachments: { id: string; fileName: string; contentType?: string; size?: number }[];
};
export type Proposal = { id: string; proposerPersonId: string; title: string; kind: string; background: string; recommendation?: string; status: 'pending' | 'accepted' | 'declined'; late: boolean; declineReason?: string; createdAt: string };
export type AttendanceRow = { personId: string; role: string; person: { name: string; title: string | null; organisation: string | null }; answer: 'attending' | 'apologies' | 'substitute' | null; substituteName: string | null; present: boolean | null };
export type MinutesState = { status: string; version: number; sentAt: string | null; windowClosesAt: string | null; approvedAt: string | null; approvedHow: string | null; publishedAt: string | null; agendaApprovedAt: string | null };
export type Remark = { id: string; personId: string; itemId?: string; text: string; createdAt: string };
export type Task = { id: string; title: string; dueOn: string; assigneeForumId?: string; assigneePersonId?: string; status: string };
export type Permissions = { canEditAgenda: boolean; canApproveAgenda: boolean; canPropose: boolean; canAnswer: boolean; canRemark: boolean; canEditMinutes: boolean; canPublish: boolean; canCorrect?: boolean };
export type MeetingView = {
  meeting: Meeting; forum: ForumRef; deadlines: MeetingDeadlines; items: Item[]; proposals: Proposal[]; attendance: AttendanceRow[]; minutes: MinutesState;
  remarks: Remark[]; tasks: Task[]; versions: DocumentVersion[]; permissions: Permissions;
  /** The referent: chosen by the secretariat, or by default the forum's secretary (null when the forum has none). */
  minuteTaker?: { personId: string; name: string; isDefault: boolean } | null;
};
/** A stored, immutable version of the agenda or the minutes (GET .../versions/:id/document.html|docx). */
export type DocumentVersion = { id: string; kind: string; version: number; event: string; reason?: string; createdBy?: string; createdByName?: string | null; createdAt: string };
