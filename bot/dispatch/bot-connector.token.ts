/**
 * Bot Connector tokens for proactive sends, from botbuilder's own credential
 * factory (SingleTenant secret or user-assigned managed identity), so we never
 * hand-roll client credentials. Embedded mode has no token.
 *
 * Not exercised by the tests (no tenant here); verified only against a real
 * registration.
 */
import type { AppCredentials } from 'botframework-connector';
import type { BotConfig } from '../bot.config.js';

export function botConnectorToken(config: BotConfig): () => Promise<string | undefined> {
  if (!config.botId) return async () => undefined;
  let creds: Promise<AppCredentials> | undefined;
  return async () => {
    // botbuilder is imported on the first send, not at start-up (about a second of CPU).
    creds ??= Promise.all([import('botbuilder'), import('botframework-connector')])
      .then(async ([{ ConfigurationServiceClientCredentialFactory }, { AppCredentials, AuthenticationConstants }]) => {
        const factory = new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: config.botId,
          MicrosoftAppType: config.botType,
          MicrosoftAppTenantId: config.botTenantId,
          ...(config.botType === 'SingleTenant' ? { MicrosoftAppPassword: config.botPassword ?? '' } : {}),
        });
        const c = await factory.createCredentials(
          config.botId,
          AuthenticationConstants.ToChannelFromBotOAuthScope,
          `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${config.botTenantId}`,
          true,
        );
        if (!(c instanceof AppCredentials)) throw new Error('bot credentials cannot issue tokens');
        return c;
      });
    try {
      return await (await creds).getToken();
    } catch (e) {
      creds = undefined; // do not cache a failure; the dispatcher retries the delivery
      throw e;
    }
  };
}
