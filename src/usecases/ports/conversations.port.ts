/** Where the bot can talk: stored conversation references (src/adapters/db/bot.repository.ts). */

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
