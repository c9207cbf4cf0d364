/**
 * The Graph adapter: `createGraphAdapter(...)` returns our provider-neutral M365
 * ports (src/usecases/ports/m365.port.ts) over one HTTP pipeline. The same code talks
 * to Microsoft Graph (https://graph.microsoft.com/v1.0 with an MSAL token provider)
 * and to the local emulator (its `graphBaseUrl` with `staticTokenProvider()`).
 */
import type { M365Ports } from '../../usecases/ports/m365.port.js';
import { tenantLimiter, type ConcurrencyLimiter } from './concurrency.limiter.js';
import { createBatcher, type BatchRequest, type BatchResponse } from './graph-batch.helper.js';
import { createGraphHttp, type GraphHttp } from './graph.pipeline.js';
import { createGraphCalendar } from './calendar.graph.js';
import { createGraphChannels } from './channels.graph.js';
import { createGraphDirectory, createGraphMail, createGraphSubscriptions } from './directory-mail.graph.js';
import { createGraphFiles, type FilesOptions } from './files.graph.js';
import { createGraphTeamsApps } from './teams-apps.graph.js';
import { createGraphMeetingChat } from './meeting-chat.graph.js';
import { redactingLogger, silentLogger, type GraphLogger } from './redact.logger.js';
import type { RetryOptions } from './retry.policy.js';
import type { TokenProvider } from './token.providers.js';

export type GraphAdapterOptions = {
  /** Graph root including the version, e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  tokenProvider: TokenProvider;
  tenantId: string;
  /** Max Graph calls in flight for this tenant in this process (default 4). */
  concurrency?: number;
  logger?: GraphLogger;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  files?: FilesOptions;
  /** Test seams. */
  limiter?: ConcurrencyLimiter;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type GraphAdapter = M365Ports & {
  /** `$batch` with re-send of only the failed sub-requests; for jobs that need raw Graph calls. */
  batch(requests: BatchRequest[]): Promise<BatchResponse[]>;
  http: GraphHttp;
  limiter: ConcurrencyLimiter;
};

export function createGraphAdapter(o: GraphAdapterOptions): GraphAdapter {
  const logger = redactingLogger(o.logger ?? silentLogger);
  const limiter = o.limiter ?? tenantLimiter(o.tenantId, o.concurrency ?? 4);
  const http = createGraphHttp({
    baseUrl: o.baseUrl,
    tokenProvider: o.tokenProvider,
    tenantId: o.tenantId,
    limiter,
    logger,
    ...(o.retry ? { retry: o.retry } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.sleep ? { sleep: o.sleep } : {}),
    ...(o.random ? { random: o.random } : {}),
  });
  const batch = createBatcher({ http, logger, ...(o.retry ? { retry: o.retry } : {}), ...(o.sleep ? { sleep: o.sleep } : {}), ...(o.random ? { random: o.random } : {}) });
  return {
    channels: createGraphChannels(http, batch),
    calendar: createGraphCalendar(http, batch),
    files: createGraphFiles(http, o.files),
    mail: createGraphMail(http),
    directory: createGraphDirectory(http, batch),
    subscriptions: createGraphSubscriptions(http),
    teamsApps: createGraphTeamsApps(http),
    meetingChat: createGraphMeetingChat(http),
    batch,
    http,
    limiter,
  };
}

export { staticTokenProvider, clientCredentialsTokenProvider, onBehalfOfTokenProviderFactory, type TokenProvider } from './token.providers.js';
export { shortenChannelName } from './channel-name.policy.js';
export { windowsZoneFor } from './time-zone.mapping.js';
export type { GraphLogger } from './redact.logger.js';
