/**
 * What the bot asks of Samraad: the person behind a Teams user, their meetings,
 * deadlines and tasks, and the answers they give from a card. The bot translates
 * Teams activities into calls on this port and renders what it returns; it owns
 * no rules. src/usecases/bot/bot.backend.ts implements it; tests implement it in
 * memory. No SDK types: any bot SDK can sit on the other side.
 */
import type { AttendanceAnswer, TaskStatus } from '../../domain/meetings/meeting.model.js';
import type { PlannedReminder, ReminderKind } from '../../domain/reminders/reminder.model.js';

export type BotLocale = 'da' | 'en';

export type BotPerson = {
  personId: string;
  displayName: string;
  /** Preferred language when known; Danish otherwise. */
  locale?: BotLocale;
};

/** A refusal the person can understand; the bot words it, the backend decides it. */
export type Refusal =
  | { refused: 'after_deadline'; deadline: string }
  | { refused: 'not_found' }
  | { refused: 'not_allowed' }
  | { refused: 'invalid'; reason: string }
  /** A meeting made in Outlook that was already confirmed or rejected (in the tab or from another card). */
  | { refused: 'already_decided'; confirmation: 'confirmed' | 'rejected'; byName: string };

export type Result<T> = ({ ok: true } & T) | ({ ok: false } & Refusal);

export type MeetingSummary = {
  meetingId: string;
  forumId: string;
  forumName: string;
  title?: string;
  /** Local date YYYY-MM-DD and times HH:MM in Europe/Copenhagen. */
  date: string;
  start: string;
  end: string;
  location?: string;
  online: boolean;
  status: 'planned' | 'held' | 'cancelled';
  /** This person's own answer (null = not answered). */
  myAnswer: AttendanceAnswer | null;
  substituteName?: string;
  /** Last moment attendance may be changed (ISO instant), when the forum sets one. */
  answerDeadline?: string;
  /** Cut-off for members' items (ISO instant), when known. */
  itemsCutoff?: string;
  /** End of the comment window on the minutes (ISO instant), while it is open. */
  remarksUntil?: string;
};

export type DeadlineSummary = {
  kind: ReminderKind;
  forumName: string;
  meetingId?: string;
  taskId?: string;
  /** ISO instant. */
  deadline: string;
  /** Short label from the backend (e.g. the meeting title or task title). */
  label?: string;
};

export type TaskSummary = {
  taskId: string;
  forumName: string;
  title: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  status: TaskStatus;
};

/** What a reminder card needs to say about its subject, seen by one person (or by the channel). */
export type ReminderSubject = {
  forumName: string;
  meeting?: MeetingSummary;
  task?: TaskSummary;
  /** The date the reminder announces comes from a default rule, not the forum's stated terms (`reminderDateFromDefault`). */
  deadlineFromDefault?: true;
};

export interface BotBackend {
  /** Maps the Teams user (validated tenant + Entra object id) to a Samraad person. */
  personByAadObjectId(aadObjectId: string, tenantId: string): Promise<BotPerson | null>;
  nextMeeting(personId: string): Promise<MeetingSummary | null>;
  /** Open deadlines of this person, soonest first. */
  myDeadlines(personId: string): Promise<DeadlineSummary[]>;
  /** Open tasks assigned to this person, soonest first. */
  myTasks(personId: string): Promise<TaskSummary[]>;
  answerAttendance(
    personId: string,
    meetingId: string,
    answer: AttendanceAnswer,
    substituteName?: string,
    /** A note with apologies or a substitute (at most 500 characters; refused with "attending"). */
    note?: string,
  ): Promise<Result<{ meeting: MeetingSummary }>>;
  proposeItem(
    personId: string,
    meetingId: string,
    item: { title: string; description: string },
  ): Promise<Result<{ itemId: string }>>;
  remark(personId: string, meetingId: string, text: string): Promise<Result<{ remarkId: string }>>;
  completeTask(personId: string, taskId: string): Promise<Result<{ task: TaskSummary }>>;
  /**
   * The secretariat confirms or rejects a meeting a secretary made in Outlook: the same use
   * case and access check as the tab's buttons (audited there). Absent where the sync is off.
   */
  decideOutlookMeeting?(personId: string, meetingId: string, decision: 'confirm' | 'reject'): Promise<Result<{ confirmation: 'confirmed' | 'rejected'; byName: string }>>;
  /**
   * Where a meeting made in Outlook stands, for the card's refresh: pending, or confirmed or
   * rejected by whom. The secretariat's right, as for the decision. Absent where the sync is off.
   */
  outlookMeetingDecision?(personId: string, meetingId: string): Promise<Result<{ confirmation: 'pending' | 'confirmed' | 'rejected'; byName?: string }>>;
  /**
   * The subject of a reminder as `personId` sees it (their own answer included);
   * without personId, as the channel sees it. null when the subject is gone.
   */
  describeReminder(
    reminder: Pick<PlannedReminder, 'kind' | 'forumId' | 'meetingId' | 'taskId'>,
    personId?: string,
  ): Promise<ReminderSubject | null>;
}
