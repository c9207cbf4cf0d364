/**
 * POST /api/messages as a framework-neutral handler (Fastify, node:http, tests).
 *
 * What it does: checks every request with our own validator (bot-request.validator)
 * BEFORE the SDK sees it; refusals answer 401/403 and no bot code runs. Accepted
 * requests go to botbuilder's CloudAdapter with the claims we validated (so the SDK
 * does not fetch keys a second time), configured through
 * ConfigurationBotFrameworkAuthentication for SingleTenant or UserAssignedMSI.
 * With no bot id it runs in embedded mode for Microsoft 365 Agents Playground only;
 * production refuses to construct without a bot id.
 *
 * What it does not do: streaming (web socket) connections, skills.
 */
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import type { JWTVerifyGetKey } from 'jose';
import { assertBotConfig, type BotConfig } from './bot.config.js';
import { SamraadBot, type BotLogger } from './bot.activity-handler.js';
import type { BotBackend, BotStores } from './bot.ports.js';
import { botFrameworkJwks, validateBotRequest, type InboundActivity } from './auth/bot-request.validator.js';

export type BotHttpRequest = {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  method?: string;
};
export type BotHttpResponse = {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
};
export type BotHttpHandler = (req: BotHttpRequest, res: BotHttpResponse) => Promise<void>;

export type BotEndpointOptions = {
  /** Signing keys of inbound tokens; defaults to the Bot Framework OpenID metadata keys. */
  jwks?: JWTVerifyGetKey;
  now?: () => Date;
  log?: BotLogger;
  /** Replaces the bot's turn logic (tests that only need to know whether it ran). */
  logic?: (context: TurnContext) => Promise<void>;
};

export type BotEndpoint = BotHttpHandler & { adapter: SamraadCloudAdapter; bot: SamraadBot; auth: ConfigurationBotFrameworkAuthentication };

/** CloudAdapter that can run a turn with claims we validated ourselves. */
export class SamraadCloudAdapter extends CloudAdapter {
  runTurn(auth: string | AuthenticateRequestResult, activity: Activity, logic: (c: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return typeof auth === 'string' ? this.processActivity(auth, activity, logic) : this.processActivity(auth, activity, logic);
  }
}

export function createBotAuthentication(config: BotConfig): ConfigurationBotFrameworkAuthentication {
  if (!config.botId) return new ConfigurationBotFrameworkAuthentication({});
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.botId,
    MicrosoftAppType: config.botType,
    MicrosoftAppTenantId: config.botTenantId,
    ...(config.botType === 'SingleTenant' ? { MicrosoftAppPassword: config.botPassword ?? '' } : {}),
  });
}

const header = (h: BotHttpRequest['headers'], name: string): string | undefined => {
  const v = h[name] ?? h[name.toLowerCase()] ?? Object.entries(h).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(v) ? v[0] : v;
};

function parseBody(body: unknown): unknown {
  if (typeof body === 'string') return JSON.parse(body);
  if (body instanceof Uint8Array) return JSON.parse(Buffer.from(body).toString('utf8'));
  return body;
}

export function createBotEndpoint(config: BotConfig, backend: BotBackend, stores: BotStores, options: BotEndpointOptions = {}): BotEndpoint {
  assertBotConfig(config);
  const auth = createBotAuthentication(config);
  const adapter = new SamraadCloudAdapter(auth);
  const log = options.log;
  const bot = new SamraadBot({
    backend,
    conversations: stores.conversations,
    links: { teamsAppId: config.teamsAppId, tabEntityId: config.tabEntityId },
    now: options.now ?? (() => new Date()),
    log,
  });
  adapter.onTurnError = async (context, error) => {
    log?.error('unhandled bot turn error', { conversation: context.activity.conversation?.id, error: String(error) });
  };
  const jwks = options.jwks ?? botFrameworkJwks();
  const logic = options.logic ?? ((ctx: TurnContext) => bot.run(ctx));

  const refuse = (res: BotHttpResponse, status: number, reason: string): void => {
    log?.info?.('bot request refused', { status, reason });
    res.status(status);
    res.header('content-type', 'application/json');
    res.send(JSON.stringify({ error: status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad request' }));
  };

  const handler = async (req: BotHttpRequest, res: BotHttpResponse): Promise<void> => {
    if ((req.method ?? 'POST').toUpperCase() !== 'POST') {
      res.status(405);
      res.header('allow', 'POST');
      res.end();
      return;
    }
    let activity: InboundActivity;
    try {
      activity = parseBody(req.body) as InboundActivity;
    } catch {
      refuse(res, 400, 'body is not JSON');
      return;
    }
    const verdict = await validateBotRequest(config, jwks, header(req.headers, 'authorization'), activity);
    if (!verdict.ok) {
      refuse(res, verdict.status, verdict.reason);
      return;
    }
    let authResult: string | AuthenticateRequestResult = '';
    if (verdict.mode === 'authenticated') {
      const claimsIdentity = new ClaimsIdentity(
        Object.entries(verdict.claims).map(([type, value]) => ({ type, value: String(value) })),
        true,
      );
      authResult = {
        audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
        claimsIdentity,
        callerId: CallerIdConstants.PublicAzureChannel,
        connectorFactory: auth.createConnectorFactory(claimsIdentity),
      };
    }
    try {
      const invokeResponse = await adapter.runTurn(authResult, activity as Activity, logic);
      if (invokeResponse) {
        res.status(invokeResponse.status);
        if (invokeResponse.body !== undefined) {
          res.header('content-type', 'application/json');
          res.send(JSON.stringify(invokeResponse.body));
        } else res.end();
      } else {
        res.status(200);
        res.end();
      }
    } catch (e) {
      log?.error('bot request failed', { error: String(e) });
      res.status(500);
      res.end();
    }
  };
  return Object.assign(handler, { adapter, bot, auth });
}
