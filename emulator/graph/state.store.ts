/**
 * In-memory (optionally file-backed) state of the Graph emulator: teams and their
 * channels, mailboxes with events and a per-mailbox change log (for calendarView
 * delta), drives with items and content, sent mail, subscriptions, users and the
 * apps installed in users' personal scope (with their bot chats).
 * Persistence is a whole-file JSON snapshot written atomically after changes; it is
 * meant for `npm start`, not for large data.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type EmuUser = { id: string; displayName: string; mail: string; userPrincipalName: string };
export type EmuMember = { id: string; userId: string; displayName: string; email: string; roles: string[] };
export type EmuTab = { id: string; displayName: string; teamsAppId: string; configuration: Record<string, unknown> };
export type EmuChannel = {
  id: string;
  displayName: string;
  description: string | null;
  membershipType: string;
  createdDateTime: string;
  isArchived: boolean;
  webUrl: string;
  members: EmuMember[];
  tabs: EmuTab[];
  folderItemId: string;
};
export type EmuTeam = { id: string; driveId: string; channels: Record<string, EmuChannel> };
export type EmuEvent = Record<string, unknown> & { id: string; transactionId?: string | null };
export type EmuChange = { seq: number; eventId: string };
export type EmuAttachment = { id: string; name: string; contentType: string; size: number; contentBytes: string; lastModifiedDateTime: string };
export type EmuMailbox = {
  key: string;
  events: Record<string, EmuEvent>;
  changes: EmuChange[];
  cancellations: { eventId: string; subject: string; comment: string | null; at: string }[];
  /** File attachments by event id (absent in snapshots written before attachments existed). */
  attachments?: Record<string, EmuAttachment[]>;
  /** The mailbox's master list of Outlook categories (`outlook/masterCategories`). */
  categories?: Record<string, EmuCategory>;
  /**
   * Attendees' answers as the organizer receives them (the response message with its comment);
   * the event's attendee status is what Graph exposes of them on the event.
   */
  responses?: { eventId: string; attendee: string; response: string; comment: string | null; at: string }[];
};
export type EmuCategory = { id: string; displayName: string; color: string };
export type EmuDriveItem = {
  id: string;
  name: string;
  parentId: string | null;
  isFolder: boolean;
  size: number;
  mimeType?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  eTag: string;
  version: number;
  contentBase64?: string;
  fields: Record<string, unknown>;
  versions: { id: string; size: number; lastModifiedDateTime: string }[];
  /** Set by the emulator's control (`POST /_emulator/drives/malware`): SharePoint found malware in the file (driveItem `malware` facet). */
  malware?: { description?: string };
};
export type EmuDrive = { id: string; items: Record<string, EmuDriveItem> };
export type EmuMail = { from: string; message: Record<string, unknown>; saveToSentItems: boolean; at: string };
export type EmuSubscription = Record<string, unknown> & { id: string; notificationUrl: string; resource: string; clientState?: string; expirationDateTime: string; changeType: string };
/** An app installed in a user's personal scope, with the 1:1 chat between the user and the app's bot. */
export type EmuUserApp = { id: string; userId: string; teamsAppId: string; chatId: string; installedAt: string };
/** A message posted into a chat (a Teams meeting's chat or a bot's 1:1 chat). */
export type EmuChatMessage = { id: string; chatId: string; createdDateTime: string; summary: string | null; body: { contentType: string; content: string }; attachments: { id: string; contentType: string; content: string | null }[] };
export type EmuUploadSession = { id: string; driveId: string; parentId: string; name: string; conflictBehavior: string; expires: string; received: number; total?: number; chunks: string[] };

export type EmulatorState = {
  seq: number;
  users: Record<string, EmuUser>;
  teams: Record<string, EmuTeam>;
  mailboxes: Record<string, EmuMailbox>;
  drives: Record<string, EmuDrive>;
  mail: EmuMail[];
  subscriptions: Record<string, EmuSubscription>;
  uploadSessions: Record<string, EmuUploadSession>;
  /** Personal-scope app installations by installation id. */
  userApps: Record<string, EmuUserApp>;
  /** Messages posted into chats, by chat id (absent in snapshots written before chats existed). */
  chats?: Record<string, EmuChatMessage[]>;
};

export function emptyState(): EmulatorState {
  return { seq: 0, users: {}, teams: {}, mailboxes: {}, drives: {}, mail: [], subscriptions: {}, uploadSessions: {}, userApps: {}, chats: {} };
}

export type StateStore = {
  state: EmulatorState;
  /** Marks the state changed; the snapshot is written on the next tick (coalesced). */
  touch(): void;
  flush(): void;
};

export function createStateStore(dataFile?: string): StateStore {
  let state = emptyState();
  if (dataFile && existsSync(dataFile)) {
    state = { ...emptyState(), ...(JSON.parse(readFileSync(dataFile, 'utf8')) as Partial<EmulatorState>) };
  }
  let dirty = false;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (!dataFile || !dirty) return;
    dirty = false;
    mkdirSync(path.dirname(dataFile), { recursive: true });
    const tmp = `${dataFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, dataFile);
  };
  return {
    get state() {
      return state;
    },
    touch() {
      dirty = true;
      if (dataFile && !scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
