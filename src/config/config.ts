/**
 * Reads the environment (names listed in ./env-vars.ts) into one typed config.
 * Embedded defaults make `npm start` work with no configuration at all.
 */
import path from 'node:path';
import { z } from 'zod';

export type Role = 'web' | 'worker' | 'all';

export type Config = {
  production: boolean;
  port: number;
  role: Role;
  dataDir: string;
  databaseUrl?: string;
  loadDemo: boolean;
  publicUrl: string;
  devSignIn: boolean;
  logLevel: string;
  identity: {
    clientId?: string;
    tenantId?: string;
    appIdUri?: string;
    clientSecret?: string;
    certificatePath?: string;
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
    notificationClientState?: string;
  };
  teamsAppId?: string;
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
  const production = env.NODE_ENV === 'production';
  const roleArg = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);
  const role = (roleArg ?? env.SAMRAAD_ROLE ?? 'all') as Role;
  if (!['web', 'worker', 'all'].includes(role)) throw new ConfigError(`--role must be web, worker or all (got "${role}")`);
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

  return {
    production,
    port: port.data,
    role,
    dataDir: path.resolve(nonEmpty(env.DATA_DIR) ?? './.data'),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    loadDemo: !noDemo && flag(env.SAMRAAD_DEMO, true),
    publicUrl: (nonEmpty(env.SAMRAAD_PUBLIC_URL) ?? `http://localhost:${port.data}`).replace(/\/$/, ''),
    // Dev sign-in is on by default only while no real identity is configured.
    devSignIn: flag(env.DEV_SIGN_IN, !identityConfigured && !production),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    identity: {
      clientId: nonEmpty(env.AAD_APP_CLIENT_ID),
      tenantId: nonEmpty(env.AAD_APP_TENANT_ID),
      appIdUri: nonEmpty(env.AAD_APP_ID_URI),
      clientSecret: nonEmpty(env.SECRET_AAD_APP_CLIENT_SECRET),
      certificatePath: nonEmpty(env.AAD_APP_CERTIFICATE_PATH),
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
      notificationClientState: nonEmpty(env.GRAPH_NOTIFICATION_CLIENT_STATE),
    },
    teamsAppId: nonEmpty(env.TEAMS_APP_ID),
  };
}
