/**
 * Reads the environment (names listed in ./env-vars.ts) into one typed config.
 * Embedded defaults make `npm start` work with no configuration at all.
 */
import path from 'node:path';
import { z } from 'zod';

export type Role = 'web' | 'worker' | 'all';
/** SAMRAAD_RESPONSE_CHECK: see src/entry/http/response-check.ts. */
export const responseCheckModes = ['off', 'warn', 'strict'] as const;
export type ResponseCheck = (typeof responseCheckModes)[number];

export type Config = {
  production: boolean;
  /** Production because NODE_ENV is unset while tenant identity is configured (not because NODE_ENV=production). */
  productionImplied?: boolean;
  port: number;
  role: Role;
  /** SAMRAAD_INSTANCES: how many app processes share the database (the Bicep sets it from appInstanceCount); default 1. */
  instances: number;
  dataDir: string;
  databaseUrl?: string;
  loadDemo: boolean;
  publicUrl: string;
  devSignIn: boolean;
  /** How responses are held against their zod schemas (src/entry/http/response-check.ts); tests run strict. */
  responseCheck: ResponseCheck;
  logLevel: string;
  identity: {
    clientId?: string;
    tenantId?: string;
    appIdUri?: string;
    clientSecret?: string;
    certificatePath?: string;
    /**
     * App-only Graph tokens with a certificate instead of the secret (it wins when both are set):
     * the PEM at `path` holds the private key, `thumbprintSha256` (or the older SHA-1 `thumbprint`)
     * names the certificate registered on the Entra app. Read by src/adapters/graph/certificate.credential.ts.
     */
    certificate?: { path: string; thumbprintSha256?: string; thumbprint?: string };
    allowedTenantIds: string[];
  };
  bot: {
    appId?: string;
    tenantId?: string;
    type: 'SingleTenant' | 'UserAssignedMSI';
    password?: string;
    serviceUrlHosts: string[];
  };
  graph: {
    mode: 'emulator' | 'tenant' | 'off';
    baseUrl: string;
    emulatorPort: number;
    teamId?: string;
    organizerMailbox?: string;
    /** Mailbox reminder e-mails are sent from (people the bot cannot reach in Teams); default organizerMailbox. */
    reminderMailSender?: string;
    notificationClientState?: string;
  };
  teamsAppId?: string;
  /** HTTP hardening (issue 14): bind address, proxy trust, rate limits, timeouts, CORS. */
  http: {
    host: string;
    /** Number of trusted proxy hops (X-Forwarded-For); 0 = trust none. */
    trustProxy: number;
    /** Requests a minute from one client address that are not signed in (anonymous, or a sign-in that was refused). */
    rateLimitPerAddress: number;
    /** Every request a minute from one client address, signed in or not: the flood ceiling above a shared (NAT) address. */
    rateLimitPerAddressCeiling: number;
    rateLimitPerPerson: number;
    rateLimitWindowMs: number;
    requestTimeoutMs: number;
    corsOrigins: string[];
  };
};

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const nonEmpty = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const flag = (v: string | undefined, dflt: boolean) => (v === undefined || v === '' ? dflt : !['0', 'false', 'no', 'off'].includes(v.toLowerCase()));

const portSchema = z.coerce.number().int().min(0).max(65535);

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Config {
  // Production is the default for a tenant deployment: NODE_ENV unset while tenant identity is
  // configured counts as production (NODE_ENV=development says otherwise, explicitly).
  const tenantIdentity = Boolean(nonEmpty(env.AAD_APP_CLIENT_ID) || nonEmpty(env.ALLOWED_TENANT_IDS) || nonEmpty(env.BOT_TENANT_ID));
  const productionImplied = !nonEmpty(env.NODE_ENV) && tenantIdentity;
  const production = env.NODE_ENV === 'production' || productionImplied;
  const roleArg = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);
  const role = (roleArg ?? env.SAMRAAD_ROLE ?? 'all') as Role;
  if (!['web', 'worker', 'all'].includes(role)) throw new ConfigError(`--role must be web, worker or all (got "${role}")`);
  const instancesRaw = nonEmpty(env.SAMRAAD_INSTANCES) ?? '1';
  if (!/^[1-9][0-9]{0,2}$/.test(instancesRaw)) throw new ConfigError(`SAMRAAD_INSTANCES must be a whole number of processes, 1 or more (got "${instancesRaw}")`);
  const instances = Number(instancesRaw);
  const port = portSchema.safeParse(env.PORT ?? '3978');
  if (!port.success) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const identityConfigured = Boolean(nonEmpty(env.AAD_APP_CLIENT_ID));
  const graphModeRaw = nonEmpty(env.GRAPH_MODE) ?? (nonEmpty(env.M365_TEAM_ID) && identityConfigured ? 'tenant' : 'emulator');
  if (!['emulator', 'tenant', 'off'].includes(graphModeRaw)) throw new ConfigError(`GRAPH_MODE must be emulator, tenant or off (got "${graphModeRaw}")`);
  const emulatorPort = portSchema.safeParse(env.GRAPH_EMULATOR_PORT ?? '3979');
  if (!emulatorPort.success) throw new ConfigError(`GRAPH_EMULATOR_PORT must be a port number`);
  const botType = nonEmpty(env.BOT_TYPE) ?? (nonEmpty(env.SECRET_BOT_PASSWORD) ? 'SingleTenant' : 'UserAssignedMSI');
  if (botType !== 'SingleTenant' && botType !== 'UserAssignedMSI') throw new ConfigError(`BOT_TYPE must be SingleTenant or UserAssignedMSI`);
  const noDemo = argv.includes('--no-demo');
  const certificate = certificateFrom(env);

  return {
    production,
    productionImplied,
    port: port.data,
    role,
    instances,
    dataDir: path.resolve(nonEmpty(env.DATA_DIR) ?? './.data'),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    loadDemo: !noDemo && flag(env.SAMRAAD_DEMO, true),
    publicUrl: (nonEmpty(env.SAMRAAD_PUBLIC_URL) ?? `http://localhost:${port.data}`).replace(/\/$/, ''),
    // Dev sign-in is on by default only while no real identity is configured.
    devSignIn: flag(env.DEV_SIGN_IN, !identityConfigured && !production),
    responseCheck: responseCheckFrom(env),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    identity: {
      clientId: nonEmpty(env.AAD_APP_CLIENT_ID),
      tenantId: nonEmpty(env.AAD_APP_TENANT_ID),
      appIdUri: nonEmpty(env.AAD_APP_ID_URI),
      clientSecret: nonEmpty(env.SECRET_AAD_APP_CLIENT_SECRET),
      certificatePath: nonEmpty(env.AAD_APP_CERTIFICATE_PATH),
      ...(certificate ? { certificate } : {}),
      allowedTenantIds: list(env.ALLOWED_TENANT_IDS),
    },
    bot: {
      appId: nonEmpty(env.BOT_ID),
      tenantId: nonEmpty(env.BOT_TENANT_ID),
      type: botType,
      password: nonEmpty(env.SECRET_BOT_PASSWORD),
      serviceUrlHosts: list(env.BOT_SERVICE_URL_HOSTS ?? 'smba.trafficmanager.net'),
    },
    graph: {
      mode: graphModeRaw as Config['graph']['mode'],
      baseUrl: nonEmpty(env.GRAPH_BASE_URL) ?? 'https://graph.microsoft.com/v1.0',
      emulatorPort: emulatorPort.data,
      teamId: nonEmpty(env.M365_TEAM_ID),
      organizerMailbox: nonEmpty(env.M365_ORGANIZER_MAILBOX),
      reminderMailSender: nonEmpty(env.REMINDER_MAIL_SENDER),
      notificationClientState: nonEmpty(env.GRAPH_NOTIFICATION_CLIENT_STATE),
    },
    teamsAppId: nonEmpty(env.TEAMS_APP_ID),
    http: {
      host: nonEmpty(env.HOST) ?? '127.0.0.1',
      trustProxy: positiveInt(env, 'TRUST_PROXY', 0, 0),
      rateLimitPerAddress: positiveInt(env, 'RATE_LIMIT_PER_ADDRESS', 1200),
      rateLimitPerAddressCeiling: positiveInt(env, 'RATE_LIMIT_PER_ADDRESS_CEILING', 12_000),
      rateLimitPerPerson: positiveInt(env, 'RATE_LIMIT_PER_PERSON', 600),
      rateLimitWindowMs: 60_000,
      requestTimeoutMs: positiveInt(env, 'HTTP_REQUEST_TIMEOUT_MS', 20_000, 1000),
      corsOrigins: list(env.CORS_ORIGINS),
    },
  };
}

function responseCheckFrom(env: NodeJS.ProcessEnv): ResponseCheck {
  const raw = nonEmpty(env.SAMRAAD_RESPONSE_CHECK) ?? 'off';
  if (!(responseCheckModes as readonly string[]).includes(raw)) throw new ConfigError(`SAMRAAD_RESPONSE_CHECK must be off, warn or strict (got "${raw}")`);
  return raw as ResponseCheck;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, dflt: number, min = 1): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return n;
}

/** The certificate settings; a half-configured certificate (a path without a thumbprint, or the reverse) is refused. */
function certificateFrom(env: NodeJS.ProcessEnv): Config['identity']['certificate'] {
  const path = nonEmpty(env.AAD_APP_CERTIFICATE_PATH);
  const sha256 = nonEmpty(env.AAD_APP_CERTIFICATE_THUMBPRINT_SHA256);
  const sha1 = nonEmpty(env.AAD_APP_CERTIFICATE_THUMBPRINT);
  if (!path && !sha256 && !sha1) return undefined;
  if (!path) {
    throw new ConfigError(`${sha256 ? 'AAD_APP_CERTIFICATE_THUMBPRINT_SHA256' : 'AAD_APP_CERTIFICATE_THUMBPRINT'} is set but AAD_APP_CERTIFICATE_PATH is not: give the path of the PEM file with the certificate's private key too (or unset the thumbprint to use the client secret)`);
  }
  if (!sha256 && !sha1) {
    throw new ConfigError('AAD_APP_CERTIFICATE_PATH is set but the certificate has no thumbprint: set AAD_APP_CERTIFICATE_THUMBPRINT_SHA256 (64 hex digits; or the SHA-1 AAD_APP_CERTIFICATE_THUMBPRINT, 40 hex digits) to the thumbprint the Entra app shows for it');
  }
  const hex = (v: string) => v.replace(/[\s:]/g, '').toLowerCase();
  if (sha256 && !/^[0-9a-f]{64}$/.test(hex(sha256))) throw new ConfigError('AAD_APP_CERTIFICATE_THUMBPRINT_SHA256 must be 64 hex digits (the SHA-256 thumbprint of the certificate)');
  if (sha1 && !/^[0-9a-f]{40}$/.test(hex(sha1))) throw new ConfigError('AAD_APP_CERTIFICATE_THUMBPRINT must be 40 hex digits (the SHA-1 thumbprint of the certificate)');
  return { path, ...(sha256 ? { thumbprintSha256: hex(sha256) } : {}), ...(sha1 ? { thumbprint: hex(sha1) } : {}) };
}
