/**
 * What the Microsoft 365 sync jobs need: the M365 ports, storage (registry,
 * meetings, sync bookkeeping, audit, outbox) inside one transaction, settings.
 * A job never holds a transaction while it talks to Graph: it reads, calls Graph,
 * then records the outcome in a new short transaction.
 */
import { JOB, type JobName } from '../ports/jobs.port.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { M365Ports } from '../ports/m365.port.js';
import type { MeetingsStore as FullMeetingsStore } from '../ports/meetings.port.js';
import type { WorkflowStore } from '../ports/workflow.port.js';
import type { AuditStore, Clock, JobOutbox, RegistryStore } from '../ports/store.port.js';

/** `notice`: an e-mail to a forum's secretariat (e.g. a meeting cancelled in Outlook). */
/** `chat`: a card posted into a Teams meeting's chat (its message id, so it is posted once). */
export type SyncKind = 'forum' | 'meeting' | 'document' | 'notice' | 'chat';
export type SyncStatus = 'synced' | 'pending' | 'failed';

export type SyncRecord = {
  kind: SyncKind;
  localId: string;
  forumId: string | null;
  remoteId: string | null;
  container: string | null;
  etag: string | null;
  status: SyncStatus;
  lastError: string | null;
  attempts: number;
  lastSyncedAt: string | null;
  detail: Record<string, unknown>;
};

export type SyncOutcome = {
  forumId?: string | null;
  remoteId?: string | null;
  container?: string | null;
  etag?: string | null;
  detail?: Record<string, unknown>;
};

export type SubscriptionRecord = { id: string; mailbox: string; clientState: string; expiresAt: string };

export interface SyncStore {
  get(kind: SyncKind, localId: string): Promise<SyncRecord | undefined>;
  findByRemoteId(kind: SyncKind, remoteId: string): Promise<SyncRecord | undefined>;
  list(filter?: { kind?: SyncKind; forumIds?: string[]; status?: SyncStatus }): Promise<SyncRecord[]>;
  /** Records an attempt starting (attempts + 1). */
  begin(kind: SyncKind, localId: string, forumId: string | null): Promise<void>;
  /** Records progress or success; fields left out keep their value. */
  record(kind: SyncKind, localId: string, outcome: SyncOutcome, status: SyncStatus): Promise<void>;
  fail(kind: SyncKind, localId: string, error: string): Promise<void>;
  mailboxes(): Promise<string[]>;
  getCursor(mailbox: string): Promise<string | null>;
  /** `startedAt`: when the delta call that produced the cursor began (it covers every change before it). */
  setCursor(mailbox: string, cursor: string, startedAt: string): Promise<void>;
  listSubscriptions(): Promise<SubscriptionRecord[]>;
  getSubscription(id: string): Promise<SubscriptionRecord | undefined>;
  /** The known ones of these subscriptions, in one query (a notification batch names up to 1,000). */
  getSubscriptions(ids: readonly string[]): Promise<SubscriptionRecord[]>;
  saveSubscription(s: SubscriptionRecord): Promise<void>;
  deleteSubscription(id: string): Promise<void>;
  /**
   * True the first time a notification key is seen (or when it was last seen longer
   * ago than `windowSeconds`, so a genuinely new change with identical content still counts).
   */
  claimNotification(key: string, windowSeconds: number): Promise<boolean>;
  /**
   * Records that the first full sync to `target` was queued: true the first time; after that
   * false, unless `force`, which records it again (and answers true).
   */
  markInitialSync(target: string, at: string, force: boolean): Promise<boolean>;
}

/** The sync handlers' part of the meetings port. */
export type MeetingsStore = Pick<FullMeetingsStore, 'getMeeting' | 'listMeetings' | 'updateMeeting' | 'insertMeeting'> & {
  /** The meeting, its row locked until the transaction ends (as the workflow's writers lock it). */
  getMeetingForUpdate(id: string): Promise<Meeting | undefined>;
};

export type SyncUnitOfWork = {
  registry: RegistryStore;
  meetings: MeetingsStore;
  /** Attendance answers (the workflow's), for answers given to the Outlook invitation. */
  attendance: Pick<WorkflowStore, 'listAttendance' | 'upsertAttendance'>;
  /** The sent agenda's snapshot, for the invitation's body; the meeting's state, for its chosen referent. */
  versions: Pick<WorkflowStore, 'latestVersion' | 'getState'>;
  sync: SyncStore;
  audit: AuditStore;
  outbox: JobOutbox;
};

export type SyncTransact = <T>(fn: (uow: SyncUnitOfWork) => Promise<T>) => Promise<T>;

export type SyncSettings = {
  /** The Team whose channels mirror the forums. */
  teamId: string;
  /** Service mailbox that organizes every meeting; unset: the forum's secretary's mailbox. */
  organizerMailbox?: string;
  publicUrl: string;
  teamsAppId: string;
  timeZone: string;
};

export type SyncLogger = { info(msg: string): void; warn(msg: string): void; error(msg: string): void };

export type SyncDeps = {
  m365: Pick<M365Ports, 'channels' | 'calendar' | 'files' | 'subscriptions' | 'mail' | 'meetingChat'>;
  transact: SyncTransact;
  clock: Clock;
  settings: SyncSettings;
  logger: SyncLogger;
};

export const SYNC_QUEUES = {
  forum: JOB.forumSync,
  meeting: JOB.meetingSync,
  document: JOB.documentSync,
  delta: JOB.calendarDelta,
  notification: JOB.graphNotification,
  renew: JOB.subscriptionRenew,
  reminderPlan: JOB.reminderPlan,
  notice: JOB.secretariatNotice,
  chat: JOB.meetingChat,
} as const satisfies Record<string, JobName>;
