/**
 * The bot's tables: where the bot can talk (Bot Framework conversation references,
 * keyed by the Teams conversation id, with the person or the forum they belong to)
 * and one durable reminder delivery per (reminder key, recipient).
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const botConversations = pgTable(
  'bot_conversations',
  {
    conversationId: text('conversation_id').primaryKey(),
    /** personal | team | channel */
    kind: text('kind').notNull(),
    tenantId: text('tenant_id').notNull(),
    serviceUrl: text('service_url').notNull(),
    /** personal: the member's Entra object id and Teams user id. */
    aadObjectId: text('aad_object_id'),
    teamsUserId: text('teams_user_id'),
    /** team / channel. */
    teamId: text('team_id'),
    teamsChannelId: text('teams_channel_id'),
    /** The forum whose channel this is, when the channel is a mirrored forum channel. */
    forumId: text('forum_id'),
    locale: text('locale'),
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('bot_conversations_aad_idx').on(t.aadObjectId),
    index('bot_conversations_channel_idx').on(t.teamsChannelId),
    index('bot_conversations_team_idx').on(t.teamId),
    index('bot_conversations_forum_idx').on(t.forumId),
  ],
);

export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    /** A person id, or 'channel' for a post in the forum's channel. */
    recipientId: text('recipient_id').notNull(),
    forumId: text('forum_id').notNull(),
    /** The PlannedReminder as planned. */
    reminder: jsonb('reminder').$type<Record<string, unknown>>().notNull(),
    /** pending | sent | retrying | failed | unsupported */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: ts('not_before').notNull(),
    claimExpiresAt: ts('claim_expires_at'),
    route: text('route'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    remoteId: text('remote_id'),
    /**
     * Set right before an e-mail is handed to Graph sendMail, cleared when the attempt
     * is known not to have sent it. Found set on a later attempt, the earlier one may
     * have sent the mail: it is not sent again (dead-letter instead of a duplicate).
     */
    sendStartedAt: ts('send_started_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reminder_deliveries_key_recipient_uq').on(t.key, t.recipientId),
    index('reminder_deliveries_due_idx').on(t.state, t.notBefore),
    index('reminder_deliveries_forum_state_idx').on(t.forumId, t.state),
  ],
);
