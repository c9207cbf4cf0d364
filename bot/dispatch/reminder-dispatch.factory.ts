/**
 * Production wiring of the reminder dispatcher: Bot Connector sender with the
 * configured host allowlist (loopback only in embedded mode, for Agents
 * Playground), botbuilder-issued tokens, Teams' documented rate limits, real time.
 * Run one dispatcher per tenant at a time (for example a pg-boss singleton job):
 * the rate limiter lives in this process.
 */
import { randomUUID } from 'node:crypto';
import type { BotConfig } from '../bot.config.js';
import type { BotBackend, BotStores, MailPort } from '../bot.ports.js';
import { botConnectorSender } from './bot-connector.sender.js';
import { botConnectorToken } from './bot-connector.token.js';
import { systemClock } from './dispatch.clock.js';
import { RateLimiter } from './rate-limiter.js';
import { ReminderDispatcher, type DispatcherDeps, type DispatcherOptions } from './reminder.dispatcher.js';

export function createReminderDispatcher(
  config: BotConfig,
  backend: Pick<BotBackend, 'describeReminder'>,
  stores: BotStores,
  opts: {
    mail?: MailPort;
    resolvePersonalChat?: DispatcherDeps['resolvePersonalChat'];
    /** Samraad's public URL: the link in reminder e-mails. */
    webBaseUrl?: string;
    log?: { error(msg: string, ctx?: Record<string, unknown>): void };
    options?: DispatcherOptions;
  } = {},
): ReminderDispatcher {
  const embedded = !config.botId;
  return new ReminderDispatcher(
    {
      deliveries: stores.deliveries,
      conversations: stores.conversations,
      directory: stores.directory,
      backend,
      sender: botConnectorSender({ serviceUrlHosts: embedded ? [] : config.serviceUrlHosts, allowLoopback: embedded, token: botConnectorToken(config) }),
      mail: opts.mail,
      resolvePersonalChat: opts.resolvePersonalChat,
      limiter: new RateLimiter(systemClock),
      clock: systemClock,
      links: { teamsAppId: config.teamsAppId, tabEntityId: config.tabEntityId, ...(opts.webBaseUrl ? { webBaseUrl: opts.webBaseUrl } : {}) },
      newId: randomUUID,
      log: opts.log,
    },
    opts.options,
  );
}
