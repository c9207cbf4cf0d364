/**
 * The one place a Graph adapter is built: the sync module and the bot's reminder
 * fallbacks both call `buildGraphAdapters`, so where Graph is (the emulator or
 * Microsoft Graph) and how tokens are had (the certificate when one is configured,
 * else the client secret) can never differ between them again. (Before, the bot
 * required a client secret and ignored the certificate the sync preferred, so a
 * tenant configured with a certificate only lost the e-mail and chat fallbacks.)
 */
import { loadCertificateCredential } from '../adapters/graph/certificate.credential.js';
import { clientCredentialsTokenProvider, staticTokenProvider, type ClientCredentialsConfig, type TokenNetwork, type TokenProvider } from '../adapters/graph/token.providers.js';
import { createGraphAdapter, type GraphAdapter, type GraphLogger } from '../adapters/graph/graph.adapter.js';
import type { Config } from '../config/config.js';
import type { Logger } from './app.js';

/** The Team and Teams app the local emulator plays when no tenant's are configured. */
export const LOCAL_TEAM_ID = 'samraad-local-team';
export const LOCAL_TEAMS_APP_ID = 'samraad-local-app';

/** Where app-only tokens come from. Default: Entra itself over MSAL's own HTTP client; tests point both at a local fake. */
export type EntraOptions = { authorityHost?: string; network?: TokenNetwork };

/** True when the configuration has what `graphCredentials` needs. */
export function hasGraphCredentials(config: Config): boolean {
  const { clientId, tenantId, clientSecret, certificate } = config.identity;
  return Boolean(clientId && tenantId && (certificate || clientSecret));
}

/**
 * The app-only credentials for Graph: the certificate when one is configured (it wins over the
 * secret, which `atk provision` writes anyway), read and checked from its PEM file now, so a wrong
 * path, key or thumbprint stops the start with a clear message.
 */
export function graphCredentials(config: Config, entra: EntraOptions = {}): ClientCredentialsConfig {
  const { clientId, tenantId, clientSecret, certificate } = config.identity;
  if (!clientId || !tenantId) throw new Error('app-only Graph tokens need AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID');
  const where = { ...(entra.authorityHost ? { authorityHost: entra.authorityHost } : {}), ...(entra.network ? { networkClient: entra.network } : {}) };
  if (certificate) return { tenantId, clientId, certificate: loadCertificateCredential(certificate), ...where };
  if (clientSecret) return { tenantId, clientId, clientSecret, ...where };
  throw new Error('app-only Graph tokens need SECRET_AAD_APP_CLIENT_SECRET or a certificate (AAD_APP_CERTIFICATE_PATH with its thumbprint)');
}

export type GraphAdapters = {
  mode: 'emulator' | 'tenant';
  /** How the tokens are had. */
  credential: 'certificate' | 'client secret' | 'emulator';
  tenantId: string;
  /** For background work (sync jobs): the pipeline retries throttling and passing faults. */
  sync: GraphAdapter;
  /**
   * One attempt per Graph call, for the reminder dispatcher: it retries with its own
   * backoff, and a sendMail is never repeated inside one attempt. Same token provider.
   */
  oneAttempt: GraphAdapter;
};

export type GraphChoice =
  | { kind: 'off' }
  /** GRAPH_MODE=tenant without what app-only tokens need. */
  | { kind: 'unconfigured'; missing: string }
  | { kind: 'ready'; adapters: GraphAdapters };

export type GraphBuildOptions = {
  logger: Logger;
  /** The emulator's Graph root when this process runs it (its real port); default http://127.0.0.1:GRAPH_EMULATOR_PORT/v1.0. */
  emulatorBaseUrl?: string;
  entra?: EntraOptions;
};

/** Graph as GRAPH_MODE says: the local emulator, Microsoft Graph with the app's credentials, or off. */
export function buildGraphAdapters(config: Config, opts: GraphBuildOptions): GraphChoice {
  const logger = graphLoggerFor(opts.logger);
  const make = (baseUrl: string, tokenProvider: TokenProvider, tenantId: string): Pick<GraphAdapters, 'sync' | 'oneAttempt'> => ({
    sync: createGraphAdapter({ baseUrl, tokenProvider, tenantId, logger }),
    oneAttempt: createGraphAdapter({ baseUrl, tokenProvider, tenantId, retry: { maxAttempts: 1 }, logger }),
  });
  if (config.graph.mode === 'off') return { kind: 'off' };
  if (config.graph.mode === 'emulator') {
    const baseUrl = opts.emulatorBaseUrl ?? `http://127.0.0.1:${config.graph.emulatorPort}/v1.0`;
    return { kind: 'ready', adapters: { mode: 'emulator', credential: 'emulator', tenantId: 'emulator', ...make(baseUrl, staticTokenProvider(), 'emulator') } };
  }
  if (!hasGraphCredentials(config)) {
    return { kind: 'unconfigured', missing: 'AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID and SECRET_AAD_APP_CLIENT_SECRET or a certificate (AAD_APP_CERTIFICATE_PATH with its thumbprint)' };
  }
  const credentials = graphCredentials(config, opts.entra);
  const tokens = clientCredentialsTokenProvider(credentials);
  return {
    kind: 'ready',
    adapters: { mode: 'tenant', credential: credentials.certificate ? 'certificate' : 'client secret', tenantId: credentials.tenantId, ...make(config.graph.baseUrl, tokens, credentials.tenantId) },
  };
}

function graphLoggerFor(logger: Logger): GraphLogger {
  const line = (obj: Record<string, unknown>, msg?: string) => `graph: ${msg ?? ''} ${JSON.stringify(obj)}`;
  return {
    debug() {},
    info() {},
    warn: (obj, msg) => logger.warn(line(obj, msg)),
    error: (obj, msg) => logger.error(line(obj, msg)),
  };
}
