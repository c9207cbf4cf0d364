/**
 * Someone of the tenant once wrote to the bot: the personal conversation that tells the bot
 * the tenant's service URL (what the chat and e-mail fallbacks need to reach others).
 */
import { botConversationRepository } from '../../src/adapters/db/bot.repository.js';
import type { TestApp } from '../support/app.js';

export async function saveTenantTalker(app: TestApp, tenantId: string, serviceUrl: string, aadObjectId: string): Promise<void> {
  await botConversationRepository(app.db.db).save({
    kind: 'personal',
    conversationId: 'a:tage-chat',
    tenantId,
    serviceUrl,
    aadObjectId,
    teamsUserId: '29:tage',
    reference: { conversation: { id: 'a:tage-chat' }, serviceUrl },
    updatedAt: new Date().toISOString(),
  });
}
