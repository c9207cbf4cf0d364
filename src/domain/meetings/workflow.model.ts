/**
 * The meeting workflow's records beside the meeting itself: proposals for the
 * agenda, the agenda/minutes state machine's state, stored document versions and
 * attachments as stored. Pure types; the database adapter maps rows to them.
 */
import type { AgendaItem, AttachmentRef } from './meeting.model.js';

export type StoredAttachment = AttachmentRef & { itemId: string; meetingId: string; documentPath: string; documentVersion: number };

export type Proposal = {
  id: string;
  meetingId: string;
  proposerPersonId: string;
  title: string;
  kind: AgendaItem['kind'];
  background: string;
  recommendation?: string;
  status: 'pending' | 'accepted' | 'declined';
  late: boolean;
  declineReason?: string;
  itemId?: string;
  decidedBy?: string;
  decidedAt?: string;
  createdAt: string;
};

export type WorkflowState = {
  meetingId: string;
  agendaApprovedAt?: string;
  agendaApprovedBy?: string;
  minutesStatus: 'draft' | 'sent_for_remarks' | 'revised' | 'approved' | 'published';
  minutesVersion: number;
  minutesSentAt?: string;
  windowClosesAt?: string;
  approvedAt?: string;
  approvedHow?: 'explicit' | 'tacit';
  publishedAt?: string;
  /** The referent chosen by the secretariat; absent means the forum's secretary (see defaultMinuteTaker). */
  minuteTakerPersonId?: string;
};

/**
 * The meeting's shared item timer (the Teams meeting's side panel and stage): the item being discussed (0-based;
 * -1 not started; the number of items when the meeting is through) and when it started. One per meeting, set by
 * whoever runs the meeting, read by every participant's panel and stage.
 */
export type MeetingTimer = {
  meetingId: string;
  index: number;
  startedAt?: string;
  updatedBy: string;
  updatedAt: string;
};

export type DocumentVersionRow = {
  id: string;
  meetingId: string;
  kind: 'agenda' | 'minutes';
  version: number;
  event: 'sent' | 'approved' | 'published' | 'correction';
  reason?: string;
  createdBy?: string;
  createdAt: string;
  snapshot: unknown;
};
