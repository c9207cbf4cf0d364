/**
 * The reminder contract between the rules engine (which plans reminders, a pure
 * function of state and "now") and the bot (which delivers them).
 *
 * A planned reminder has a stable idempotency `key`: planning twice gives the same
 * keys, so the dispatcher stores one delivery per (key, recipient) and a delivered
 * reminder is never sent again, whatever changes in between.
 */

export const reminderKinds = [
  'items_cutoff_soon', // members: the cut-off for proposing items is coming
  'agenda_due_soon', // secretariat
  'agenda_overdue', // secretariat
  'agenda_sent', // members (channel post)
  'meeting_tomorrow_unanswered', // members who have not answered attendance
  'minutes_due_soon', // secretariat
  'minutes_overdue', // secretariat
  'comment_window_open', // members (channel post)
  'comment_window_closing', // members: closes tomorrow
  'comment_window_closed', // secretariat
  'minutes_approved', // members (channel post)
  'task_due', // assignee
  'chair_handover_soon', // secretariat and chairs
  'evaluation_due', // secretariat
  'annual_status_due', // secretariat
  // Notices (src/domain/notifications/notice.model.ts): raised when something goes out, to the channel and every member.
  'agenda_changed',
  'minutes_corrected',
  'meeting_moved',
  'meeting_cancelled',
  'chair_handover',
  'outlook_meeting_created', // secretariat: a meeting made in Outlook under the forum's category, to confirm or reject
  'document_withheld', // secretariat: SharePoint flagged a document Samraad stored as malware; it is withheld from download
  'outlook_decline_recorded', // one member: their decline of the Outlook invitation is recorded as apologies; a note can be added in Samraad
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** Forum-wide reminders go to the forum's channel; the rest are personal (1:1 chat or e-mail). */
export type ReminderAudience = 'channel' | 'personal';

export type PlannedReminder = {
  /** Idempotency key, stable across re-planning: kind + subject + the deadline it is about. */
  key: string;
  kind: ReminderKind;
  audience: ReminderAudience;
  forumId: string;
  meetingId?: string;
  taskId?: string;
  /** People to reach (personal reminders); empty for channel posts. */
  recipientIds: string[];
  /** The deadline this reminder is about (ISO instant, UTC). */
  deadline: string;
  /** When to send it (ISO instant, UTC); never after `deadline` except for "overdue"/"closed" kinds. */
  sendAt: string;
  /** Only on notices (key "notice|..."): what the notice says besides its subject (NoticeDetail and when it happened). */
  notice?: Record<string, unknown> & { at: string };
};

/** A (reminder, recipient) pair already delivered; recipient is 'channel' for channel posts. */
export type DeliveredReminder = { key: string; recipientId: string };

export const deliveryStates = ['pending', 'sent', 'retrying', 'failed', 'unsupported'] as const;
export type DeliveryState = (typeof deliveryStates)[number];
