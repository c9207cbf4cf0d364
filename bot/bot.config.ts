/**
 * Bot configuration, read from the variables listed in src/config/env-vars.ts.
 * Production refuses an empty bot id here, so a misconfigured server never starts
 * in the unauthenticated (Agents Playground) mode.
 */

export type BotAppType = 'SingleTenant' | 'UserAssignedMSI';

export type BotConfig = {
  production: boolean;
  /** Empty = embedded mode: only Microsoft 365 Agents Playground may talk to the bot. */
  botId: string;
  botTenantId: string;
  botType: BotAppType;
  botPassword?: string;
  /** Hosts the bot may send to (exact, or ".suffix" for subdomains). */
  serviceUrlHosts: string[];
  /** The tenant's service URL, for 1:1 chats found through Graph before any conversation of the tenant is stored. */
  defaultServiceUrl?: string;
  /** Tenants whose traffic is accepted. */
  allowedTenantIds: string[];
  /** For deep links into the tab. */
  teamsAppId: string;
  tabEntityId: string;
  /** REMINDER_CLAIM_SECONDS: how long a delivery stays claimed by the worker sending it (default 300); a killed worker's deliveries are sent by another after it. */
  deliveryClaimSeconds?: number;
};

export class BotConfigError extends Error {}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function botConfigFromEnv(env: Record<string, string | undefined>): BotConfig {
  const botType = (env.BOT_TYPE ?? 'UserAssignedMSI') as BotAppType;
  if (botType !== 'SingleTenant' && botType !== 'UserAssignedMSI') {
    throw new BotConfigError(`BOT_TYPE must be SingleTenant or UserAssignedMSI, not ${botType}`);
  }
  const config: BotConfig = {
    production: env.NODE_ENV === 'production',
    botId: (env.BOT_ID ?? '').trim(),
    botTenantId: (env.BOT_TENANT_ID ?? '').trim(),
    botType,
    botPassword: env.SECRET_BOT_PASSWORD || undefined,
    serviceUrlHosts: list(env.BOT_SERVICE_URL_HOSTS ?? 'smba.trafficmanager.net'),
    ...(env.BOT_SERVICE_URL?.trim() ? { defaultServiceUrl: env.BOT_SERVICE_URL.trim() } : {}),
    allowedTenantIds: list(env.ALLOWED_TENANT_IDS),
    teamsAppId: env.TEAMS_APP_ID ?? '',
    tabEntityId: 'samraad',
    ...(env.REMINDER_CLAIM_SECONDS?.trim() ? { deliveryClaimSeconds: Number(env.REMINDER_CLAIM_SECONDS.trim()) } : {}),
  };
  if (config.deliveryClaimSeconds !== undefined && !(Number.isInteger(config.deliveryClaimSeconds) && config.deliveryClaimSeconds >= 30 && config.deliveryClaimSeconds <= 3600)) {
    throw new BotConfigError(`REMINDER_CLAIM_SECONDS must be a whole number of seconds from 30 to 3600, not ${env.REMINDER_CLAIM_SECONDS}`);
  }
  assertBotConfig(config);
  return config;
}

export function assertBotConfig(c: BotConfig): void {
  if (c.production && !c.botId) throw new BotConfigError('BOT_ID is required in production (no unauthenticated bot in production)');
  if (!c.botId) return;
  if (!c.botTenantId) throw new BotConfigError('BOT_TENANT_ID is required when BOT_ID is set');
  if (c.botType === 'SingleTenant' && !c.botPassword) throw new BotConfigError('SECRET_BOT_PASSWORD is required for a SingleTenant bot');
  if (c.allowedTenantIds.length === 0) throw new BotConfigError('ALLOWED_TENANT_IDS is required when BOT_ID is set');
  if (c.serviceUrlHosts.length === 0) throw new BotConfigError('BOT_SERVICE_URL_HOSTS must not be empty');
}

/** True when `host` is on the allowlist (exact match, or a ".suffix" entry). */
export function hostAllowed(host: string, allow: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allow.some((a) => {
    const e = a.toLowerCase();
    return e.startsWith('.') ? h.endsWith(e) && h.length > e.length : h === e;
  });
}

export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
