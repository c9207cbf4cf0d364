/**
 * POST /api/messages without loading botbuilder at start-up: importing botbuilder
 * and botframework-connector takes about a second of CPU, most of a server start.
 * The endpoint (bot.http.ts, which holds every botbuilder import of the inbound path)
 * is imported and built on the first request, or when `load()` is called; a
 * failed import is not remembered (the next request tries again). The bot
 * configuration is checked at once, as createBotEndpoint would, so a production
 * start without a bot id still refuses to start.
 */
import { assertBotConfig, type BotConfig } from './bot.config.js';
import type { BotEndpoint, BotEndpointOptions, BotHttpHandler } from './bot.http.js';
import type { BotBackend, BotStores } from './bot.ports.js';

export type LazyBotEndpoint = BotHttpHandler & {
  /** Imports botbuilder and builds the endpoint (once). */
  load(): Promise<BotEndpoint>;
  /** Whether the endpoint has been built. */
  readonly loaded: boolean;
};

export function lazyBotEndpoint(config: BotConfig, backend: BotBackend, stores: BotStores, options: BotEndpointOptions = {}): LazyBotEndpoint {
  assertBotConfig(config);
  let loading: Promise<BotEndpoint> | undefined;
  let built: BotEndpoint | undefined;
  const load = (): Promise<BotEndpoint> =>
    (loading ??= import('./bot.http.js').then(
      (m) => (built = m.createBotEndpoint(config, backend, stores, options)),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  const handler: BotHttpHandler = async (req, res) => (built ?? (await load()))(req, res);
  return Object.defineProperties(handler, {
    load: { value: load },
    loaded: { get: () => built !== undefined },
  }) as LazyBotEndpoint;
}
