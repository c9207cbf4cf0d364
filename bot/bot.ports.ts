/**
 * The only doors between the bot and the rest of Samraad.
 *
 * The bot translates Teams activities into calls on these ports and renders what
 * they return; it owns no rules. The lead implements them on the database and the
 * use cases; tests implement them in memory. Nothing here imports botbuilder, so
 * the use-case side never sees SDK types.
 */
import type { AttendanceAnswer, TaskStatus } from '../src/domain/meetings/meeting.model.js';
import type { DeliveryState, PlannedReminder, ReminderKind } from '../src/domain/reminders/reminder.model.js';

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
  | { refused: 'invalid'; reason: string };

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
  ): Promise<Result<{ meeting: MeetingSummary }>>;
  proposeItem(
    personId: string,
    meetingId: string,
    item: { title: string; description: string },
  ): Promise<Result<{ itemId: string }>>;
  remark(personId: string, meetingId: string, text: string): Promise<Result<{ remarkId: string }>>;
  completeTask(personId: string, taskId: string): Promise<Result<{ task: TaskSummary }>>;
  /**
   * The subject of a reminder as `personId` sees it (their own answer included);
   * without personId, as the channel sees it. null when the subject is gone.
   */
  describeReminder(
    reminder: Pick<PlannedReminder, 'kind' | 'forumId' | 'meetingId' | 'taskId'>,
    personId?: string,
  ): Promise<ReminderSubject | null>;
}

export type ConversationKind = 'personal' | 'team' | 'channel';

/**
 * Where the bot can talk. `reference` is the Bot Framework conversation reference
 * as plain JSON (what the SDK needs to continue the conversation); the other fields
 * are the keys we look it up by.
 */
export type StoredConversation = {
  kind: ConversationKind;
  conversationId: string;
  tenantId: string;
  serviceUrl: string;
  /** personal: the member's Entra object id and Teams user id (29:...). */
  aadObjectId?: string;
  teamsUserId?: string;
  /** team / channel: Teams ids (19:...@thread...). */
  teamId?: string;
  teamsChannelId?: string;
  locale?: string;
  reference: Record<string, unknown>;
  updatedAt: string;
};

export interface ConversationStore {
  /** Upsert by conversationId. */
  save(conversation: StoredConversation): Promise<void>;
  /** The app was removed: drops this conversation; when it is a team id, also every channel of that team. */
  remove(conversationId: string): Promise<void>;
  findPersonal(aadObjectId: string): Promise<StoredConversation | null>;
  findChannel(teamsChannelId: string): Promise<StoredConversation | null>;
  findTeam(teamId: string): Promise<StoredConversation | null>;
}

/** Who a reminder goes to, as far as the dispatcher needs to know. */
export type Recipient = {
  personId: string;
  displayName: string;
  locale?: BotLocale;
  /** Entra object id when the person has a Teams account in an allowed tenant. */
  aadObjectId?: string;
  /** The tenant of that Entra id, when the registry knows it. */
  tenantId?: string;
  /** E-mail for people without Teams (for example general practitioners outside the tenant). */
  email?: string;
};

export interface RecipientDirectory {
  person(personId: string): Promise<Recipient | null>;
  /** The forum's Teams channel (and its team), when the forum is mirrored into Teams. */
  forumChannel(forumId: string): Promise<{ teamId: string; teamsChannelId: string } | null>;
}

export type DeliveryRoute = 'teams_personal' | 'teams_channel' | 'email';

/** One durable delivery per (reminder key, recipient); recipientId is 'channel' for channel posts. */
export type Delivery = {
  id: string;
  key: string;
  recipientId: string;
  reminder: PlannedReminder;
  state: DeliveryState;
  /** Send attempts started (a claim counts as an attempt). */
  attempts: number;
  /** Not to be sent before this instant (ISO); the retry backoff writes it. */
  notBefore: string;
  /** While set and in the future another worker owns the delivery. */
  claimedUntil?: string;
  route?: DeliveryRoute;
  lastStatus?: number;
  lastError?: string;
  sentAt?: string;
  /** Id of the Teams message (to update the card later) or of the mail. */
  remoteId?: string;
  /**
   * E-mail only: when an attempt was about to hand the mail to the mail service.
   * Cleared when that attempt is known not to have sent it; found set by a later
   * attempt, the mail may already be out, so it is not sent again.
   */
  sendStartedAt?: string;
};

export type NewDelivery = Pick<Delivery, 'id' | 'key' | 'recipientId' | 'reminder' | 'notBefore'>;

export interface DeliveryStore {
  /** Inserts the rows whose (key, recipientId) is new; existing rows are left alone. Returns how many were new. */
  addPending(rows: NewDelivery[]): Promise<number>;
  /** Pending or retrying rows with notBefore <= now and no live claim, oldest first. */
  due(now: string, limit: number): Promise<Delivery[]>;
  /** Earliest moment any pending/retrying row becomes claimable (max of notBefore and a live claim's end), or null when nothing is left. */
  nextDueAt(): Promise<string | null>;
  /**
   * Atomically: if the row is still pending/retrying and unclaimed (or its claim
   * expired at `now`), set claimedUntil and attempts+1 and return the row; else null.
   * This check-before-send is what makes a re-run harmless.
   */
  claim(id: string, now: string, claimedUntil: string): Promise<Delivery | null>;
  markSent(id: string, at: string, route: DeliveryRoute, remoteId?: string): Promise<void>;
  /** E-mail only: records sendStartedAt (durably, before the send) without ending the claim. */
  markSending(id: string, at: string): Promise<void>;
  /** Clears sendStartedAt: also used when the mail service answered that it did not take the mail. */
  markRetrying(id: string, notBefore: string, status: number, error: string): Promise<void>;
  /** Dead-letter. */
  markFailed(id: string, status: number, error: string): Promise<void>;
  markUnsupported(id: string, reason: string): Promise<void>;
  /** The dead-letter list the secretariat sees. */
  listFailed(filter?: { forumId?: string }): Promise<Delivery[]>;
}

/** E-mail fallback (Graph sendMail in production). */
export interface MailPort {
  send(mail: { to: string; subject: string; html: string; idempotencyKey: string }): Promise<SendOutcome>;
}

export type SendOutcome =
  | { ok: true; remoteId?: string }
  | {
      ok: false;
      status: number;
      retryAfterMs?: number;
      error: string;
      /** The request may have been carried out (connection lost after it was sent, timeout): sending again could duplicate it. */
      ambiguous?: boolean;
    };

export type BotStores = {
  conversations: ConversationStore;
  deliveries: DeliveryStore;
  directory: RecipientDirectory;
};
