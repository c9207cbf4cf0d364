/**
 * Ports to Microsoft 365 (Teams channels, Outlook calendar, SharePoint files, mail,
 * directory, change subscriptions), provider-neutral: no Graph types, ids are opaque
 * strings, times are ISO 8601 instants plus an IANA zone.
 *
 * Every method is safe to call again after a crash or a retry (find by stored remote
 * id or by our tag before creating), so a sync job can simply re-run. Failures are
 * thrown as `M365Error`, whose `retryable` and `retryAfterMs` tell the job whether to
 * re-queue (and when) or to dead-letter.
 */

export type M365ErrorKind = 'throttled' | 'transient' | 'not-found' | 'conflict' | 'permission' | 'invalid' | 'unknown';

export class M365Error extends Error {
  readonly kind: M365ErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** Provider error code (e.g. "ErrorItemNotFound"), for logs only. */
  readonly code: string | undefined;
  constructor(input: { kind: M365ErrorKind; message: string; status?: number; retryAfterMs?: number; code?: string; cause?: unknown }) {
    super(input.message, input.cause !== undefined ? { cause: input.cause } : undefined);
    this.name = 'M365Error';
    this.kind = input.kind;
    this.status = input.status;
    this.retryAfterMs = input.retryAfterMs;
    this.code = input.code;
  }
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'transient';
  }
}

// ---------- Channels ----------

export type ChannelRef = { teamId: string; channelId: string };

export type ChannelSpec = {
  teamId: string;
  /** Our stable key of the forum; written into the channel description so a channel found by name is known to be ours. */
  forumKey: string;
  /** Channel id stored from an earlier sync, if any. */
  storedChannelId?: string | null;
  /** The forum's full name; the adapter shortens it to the 50-character limit. */
  name: string;
  description?: string;
  membershipType: 'standard' | 'private';
  /** Entra object id of the owner; required for a private channel (app-only creation needs an owner). */
  ownerUserId?: string;
};

export type EnsuredChannel = ChannelRef & { displayName: string; webUrl: string | null; created: boolean };

export type ArchiveResult = {
  /** "archived": the channel is archived; "marked": only marked as archived (see note). */
  mode: 'archived' | 'marked';
  note: string;
};

export type MemberSyncResult = {
  added: string[];
  alreadyMembers: string[];
  /** Members of the channel that are not wanted; not removed (see the adapter's notes). */
  notRemoved: string[];
  failed: { userId: string; error: string }[];
  /** Set when the channel is standard: its members are the team's, nothing to sync. */
  skipped?: 'standard-channel';
};

export type TabSpec = { appId: string; displayName: string; entityId: string; contentUrl: string; websiteUrl: string };

export interface ChannelsPort {
  ensureChannel(spec: ChannelSpec): Promise<EnsuredChannel>;
  rename(ref: ChannelRef, name: string): Promise<{ displayName: string }>;
  archive(ref: ChannelRef, input: { forumKey: string; archivedOn: string }): Promise<ArchiveResult>;
  /** Takes an archive back (a transition undone); an active channel stays as it is. */
  unarchive(ref: ChannelRef): Promise<{ unarchived: boolean }>;
  syncMembers(ref: ChannelRef, members: { userId: string; owner?: boolean }[]): Promise<MemberSyncResult>;
  pinTab(ref: ChannelRef, tab: TabSpec): Promise<{ tabId: string; created: boolean }>;
}

// ---------- Calendar ----------

export type EventSpec = {
  /** Organizer mailbox (UPN or object id): the secretary or the service mailbox. */
  mailbox: string;
  /** Our meeting id: stored on the event as a single-value extended property. */
  meetingId: string;
  storedEventId?: string | null;
  subject: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
  /** IANA zone the meeting is held in, e.g. Europe/Copenhagen. */
  timeZone: string;
  location?: string;
  bodyHtml: string;
  attendees: { email: string; name?: string; optional?: boolean }[];
  onlineMeeting: boolean;
  /** Defaults to a value derived from meetingId, so a retried create is not duplicated. */
  transactionId?: string;
};

export type RemoteEvent = {
  eventId: string;
  meetingId: string | null;
  subject: string;
  start: string;
  end: string;
  changeKey: string | null;
  webLink: string | null;
  joinUrl: string | null;
};

export type UpsertedEvent = {
  eventId: string;
  changeKey: string | null;
  webLink: string | null;
  joinUrl: string | null;
  created: boolean;
  /** The event's lastModifiedDateTime after this write (UTC ISO), when Graph gave it. */
  lastModified?: string | null;
};

/** An attendee's answer to the invitation as the organizer's event shows it (`attendee.status`). */
export type AttendeeAnswer = { email: string; response: 'accepted' | 'tentativelyAccepted' | 'declined'; /** When the attendee answered (UTC ISO). */ at: string };

export type CalendarChange =
  | {
      kind: 'upsert';
      eventId: string;
      meetingId: string | null;
      subject: string;
      start: string;
      end: string;
      isCancelled: boolean;
      /** Attendees who have answered (accepted, tentative or declined); those who have not are left out. */
      answers?: AttendeeAnswer[];
      /** The event's Outlook categories (display names). */
      categories?: string[];
      location?: string | null;
      isOnlineMeeting?: boolean;
      joinUrl?: string | null;
      /**
       * The event's lastModifiedDateTime as read (UTC ISO). A read from before Samraad's own later write
       * of the event is not an Outlook change (the delta can fetch, then a sync writes, then the delta applies).
       */
      lastModified?: string | null;
    }
  | { kind: 'removed'; eventId: string };

export type DeltaResult = {
  changes: CalendarChange[];
  /** Opaque cursor to store and pass to the next call. */
  cursor: string;
  /** True when the stored cursor was no longer valid and a full resync was done. */
  restarted: boolean;
};

/** One spec's outcome in a batched upsert: its event, or the error that spec alone met. */
export type UpsertResult = { ok: true; event: UpsertedEvent } | { ok: false; error: M365Error };

export interface CalendarPort {
  upsertEvent(spec: EventSpec): Promise<UpsertedEvent>;
  /**
   * Many upserts sent together (Graph `$batch`, grouped per mailbox), results in input order.
   * `mayExist: false` says no earlier attempt can have created the event (no find before the
   * create; the create's transactionId still guards a lost answer); true or a stored event id
   * that is gone: find by the meeting tag first. Optional: without it, the caller upserts one by one.
   */
  upsertEvents?(specs: readonly (EventSpec & { mayExist: boolean })[]): Promise<UpsertResult[]>;
  findByMeetingId(mailbox: string, meetingId: string): Promise<RemoteEvent | null>;
  /** Cancels (organizer) and removes the event; `cancelled: false` when it was already gone. */
  cancel(mailbox: string, eventId: string, comment?: string): Promise<{ cancelled: boolean }>;
  /**
   * Attaches a file to the event (small files, under 3 MB). Idempotent by name: an
   * attachment of that name and size is left as it is (`added: false`); one of that
   * name and another size, and any whose name starts with `replaces` (an earlier
   * version, e.g. "dagsorden-v1.docx"), is removed first. Put the version in the name:
   * two versions may have the same size.
   */
  attachFile(mailbox: string, eventId: string, file: { name: string; contentType: string; bytes: Uint8Array; replaces?: string }): Promise<{ attachmentId: string; added: boolean }>;
  /**
   * Makes sure the mailbox's master category list holds a category of this name
   * (compared case-insensitively, as Outlook does); idempotent (`created: false`
   * when it was there, or a concurrent run made it).
   */
  ensureCategory(mailbox: string, displayName: string, color?: string): Promise<{ id: string; created: boolean }>;
  /** Removes a master category (e.g. the one of a forum's old name); `removed: false` when it was gone. */
  removeCategory(mailbox: string, categoryId: string): Promise<{ removed: boolean }>;
  /** Changes in the mailbox since `cursor` (null = initial sync of the window). */
  delta(mailbox: string, cursor: string | null, window: { start: string; end: string }): Promise<DeltaResult>;
}

// ---------- Files ----------

export type FolderRef = { driveId: string; itemId: string; webUrl: string | null };
export type FileRef = { driveId: string; itemId: string };
export type StoredFile = FileRef & { name: string; webUrl: string | null; eTag: string | null; size: number; created: boolean; reusedExisting: boolean };

export type UploadSpec = {
  folder: FolderRef;
  fileName: string;
  content: Uint8Array;
  contentType?: string;
  /**
   * "replace": overwrite (the library keeps the old version).
   * "never-overwrite": for approved minutes; if the name is taken, upload under
   * "<name> (version N)<ext>". Needs `versionKey`, which makes a re-run find its own earlier upload.
   * With "replace", a `versionKey` the file already carries makes the upload a no-op (no duplicate version).
   */
  policy: 'replace' | 'never-overwrite';
  versionKey?: string;
};

export type MetadataValue = string | number | boolean | null;

export interface FilesPort {
  channelFolder(ref: ChannelRef): Promise<FolderRef>;
  ensureFolder(parent: FolderRef, name: string): Promise<FolderRef>;
  /** Simple upload for small files, an upload session for large ones. */
  upload(spec: UploadSpec): Promise<StoredFile>;
  /** Sets metadata columns on the file's list item (column internal names). */
  setMetadata(file: FileRef, fields: Record<string, MetadataValue>): Promise<void>;
  /**
   * What SharePoint says about a stored file now: its `malware` facet when its scan
   * flagged the file (description or null), else null. null for a file that is gone.
   */
  scanStatus(file: FileRef): Promise<{ malware: { description: string | null } | null; exists: boolean }>;
}

// ---------- Mail, directory, subscriptions ----------

export type MailSpec = { from: string; to: string[]; cc?: string[]; subject: string; html: string; saveToSentItems?: boolean };

export interface MailPort {
  sendMail(mail: MailSpec): Promise<void>;
}

export type DirectoryUser = { id: string; displayName: string; mail: string | null; userPrincipalName: string };

export interface DirectoryPort {
  /** By object id, UPN or mail; null when there is no such user. */
  getUser(idOrMail: string): Promise<DirectoryUser | null>;
  /** Many at once (batched); missing users are left out of the map. */
  getUsers(idsOrMails: string[]): Promise<Map<string, DirectoryUser>>;
}

export type SubscriptionSpec = {
  mailbox: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState: string;
  expiresAt: string;
};

export interface ChangeSubscriptionsPort {
  subscribeToEvents(spec: SubscriptionSpec): Promise<{ subscriptionId: string; expiresAt: string }>;
  renew(subscriptionId: string, expiresAt: string): Promise<{ expiresAt: string }>;
  remove(subscriptionId: string): Promise<void>;
}

// ---------- Teams apps for a user (proactive install) ----------

export type PersonalChat = {
  /** Id of the 1:1 chat between the user and the app's bot (the bot's conversation id). */
  chatId: string;
  /** True when this call installed the app for the user; false when it already was. */
  installedNow: boolean;
};

export interface TeamsAppsPort {
  /**
   * The 1:1 chat between `userId` (Entra object id) and the app `teamsAppId` (its
   * id in the Teams app catalog), installing the app in the user's personal scope
   * first when it is not there. null when no chat can be had: the user is not in the
   * tenant, the app is not in the catalog, or installing it is refused (policy,
   * permission). Throttling and outages throw M365Error (retryable).
   */
  personalChat(userId: string, teamsAppId: string): Promise<PersonalChat | null>;
}

/**
 * An Adaptive Card (1.5) to post: `summary` is the plain text shown in notifications and previews;
 * `marker` (optional) names the card's attachment in the message, so the message can be recognised
 * as this card (e.g. "samraad-<hash of the job's key>").
 */
export type ChatCard = { summary: string; card: Record<string, unknown>; marker?: string };

/**
 * The chat of a Teams meeting (the online meeting an Outlook event carries).
 * There is no read of a chat's messages in the Graph contract we call, so a caller
 * that must post once records the returned message id itself.
 */
export interface MeetingChatPort {
  /**
   * The chat thread id of the online meeting joined by `joinUrl`, organised from
   * `organizer` (a mailbox address); null when Graph knows no such meeting (or the
   * organizer is not a user of the tenant). Throttling and outages throw M365Error.
   */
  threadOf(organizer: string, joinUrl: string): Promise<string | null>;
  /**
   * Posts the card into the chat; the new message's id. An M365Error with an HTTP
   * `status` means Graph answered and posted nothing; one without (the connection
   * failed or timed out) leaves it unknown whether the message was posted.
   */
  postCard(chatId: string, card: ChatCard): Promise<{ messageId: string }>;
}

export type M365Ports = {
  teamsApps: TeamsAppsPort;
  meetingChat: MeetingChatPort;
  channels: ChannelsPort;
  calendar: CalendarPort;
  files: FilesPort;
  mail: MailPort;
  directory: DirectoryPort;
  subscriptions: ChangeSubscriptionsPort;
};
