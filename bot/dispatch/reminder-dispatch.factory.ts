/**
 * Production wiring of the reminder dispatcher: Bot Connector sender with the
 * configured host allowlist (loopback only in embedded mode, for Agents
 * Playground), botbuilder-issued tokens, Teams' documented rate limits, real time.
 * The rate limiter is this process's unless `limiter` is given: on a PostgreSQL server the
 * bot module passes the one shared by every process (src/adapters/db/shared-rate-limiter.ts).
 */
import { randomUUID } from 'node:crypto';
import type { BotConfig } from '../bot.config.js';
import type { BotBackend, BotStores, MailPort } from '../bot.ports.js';
import { botConnectorSender } from './bot-connector.sender.js';
import { botConnectorToken } from './bot-connector.token.js';
import { systemClock } from './dispatch.clock.js';
import { RateLimiter } from './rate-limiter.js';
import type { SendRateLimiter } from '../../src/usecases/ports/rate-limit.port.js';
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
    /** Shared by several processes (PostgreSQL); default: Teams' limits counted in this process. */
    limiter?: SendRateLimiter;
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
      limiter: opts.limiter ?? new RateLimiter(systemClock),
      clock: systemClock,
      links: { teamsAppId: config.teamsAppId, tabEntityId: config.tabEntityId, ...(opts.webBaseUrl ? { webBaseUrl: opts.webBaseUrl } : {}) },
      newId: randomUUID,
      log: opts.log,
    },
    opts.options,
  );
}
