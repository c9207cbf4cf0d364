/**
 * Reminder deliveries: who a reminder goes to, the durable delivery rows that make
 * a re-run harmless (nothing lost, nothing sent twice), and the e-mail fallback.
 * src/adapters/db/bot.repository.ts implements the stores.
 */
import type { DeliveryState, PlannedReminder } from '../../domain/reminders/reminder.model.js';
import type { BotLocale } from './bot-backend.port.js';
import type { ConversationStore } from './conversations.port.js';

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
