/**
 * The production switches: a pure function of the loaded config that lists every
 * reason the server must refuse to start in production mode (NODE_ENV=production).
 * The entry point prints them all and exits non-zero when the list is not empty;
 * outside production it returns nothing, so `npm start` stays zero-config.
 */
import type { Config } from './config.js';

export type ProductionRefusal = { code: string; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

function isLocalUrl(u: string): boolean {
  try {
    return LOCAL_HOSTS.has(new URL(u).hostname);
  } catch {
    return true; // an unparseable URL is as good as no URL
  }
}

export type GuardInput = Pick<Config, 'production' | 'databaseUrl' | 'devSignIn' | 'publicUrl' | 'role'> & Partial<Pick<Config, 'instances'>> & {
  identity: Pick<Config['identity'], 'clientId' | 'appIdUri' | 'allowedTenantIds' | 'clientSecret' | 'certificatePath'>;
  bot: Pick<Config['bot'], 'appId' | 'tenantId' | 'type' | 'password'>;
  graph: Pick<Config['graph'], 'mode' | 'baseUrl'>;
};

export function productionRefusals(config: GuardInput): ProductionRefusal[] {
  if (!config.production) return [];
  const out: ProductionRefusal[] = [];
  const refuse = (code: string, message: string) => out.push({ code, message });

  if (!config.databaseUrl) {
    refuse('embedded-database', 'DATABASE_URL is not set: the embedded PGlite database is single-process, unreplicated and not backed up; use Azure Database for PostgreSQL');
  }
  if (config.devSignIn) {
    refuse('dev-sign-in', 'DEV_SIGN_IN is on: anyone could pick any person; production accepts only Teams SSO tokens');
  }
  if (!config.bot.appId) {
    refuse('bot-id-empty', 'BOT_ID is empty: the bot would accept unauthenticated activities');
  }
  if (config.bot.type === 'SingleTenant' && !config.bot.password) {
    refuse('bot-password-missing', 'BOT_TYPE=SingleTenant needs SECRET_BOT_PASSWORD (or use UserAssignedMSI)');
  }
  if (!config.bot.tenantId) {
    refuse('bot-tenant-missing', 'BOT_TENANT_ID is empty');
  }
  if (config.graph.mode === 'emulator' || isLocalUrl(config.graph.baseUrl)) {
    refuse('graph-emulator', `Microsoft 365 sync points at the local Graph emulator (GRAPH_MODE=${config.graph.mode}, GRAPH_BASE_URL=${config.graph.baseUrl}); use GRAPH_MODE=tenant or off`);
  }
  if (!config.identity.clientId || !config.identity.appIdUri) {
    refuse('sso-unconfigured', 'AAD_APP_CLIENT_ID and AAD_APP_ID_URI are needed to validate Teams SSO tokens');
  }
  if (config.identity.allowedTenantIds.length === 0) {
    refuse('tenant-allowlist-empty', 'ALLOWED_TENANT_IDS is empty: no tenant could call the API (or, worse, every tenant could)');
  }
  if (config.graph.mode === 'tenant' && !config.identity.clientSecret && !config.identity.certificatePath) {
    refuse('graph-credentials-missing', 'GRAPH_MODE=tenant needs SECRET_AAD_APP_CLIENT_SECRET or AAD_APP_CERTIFICATE_PATH for app-only Graph tokens');
  }
  if (isLocalUrl(config.publicUrl) || !config.publicUrl.startsWith('https://')) {
    refuse('public-url', `SAMRAAD_PUBLIC_URL must be the public https address (got ${config.publicUrl}); Teams loads tabs only over https`);
  }
  // Documents (agendas, minutes, attachments) are kept in a local folder (DATA_DIR/documents):
  // another instance cannot read what this one wrote. SharePoint through Graph is the
  // store for several instances; until it is built, production runs one process.
  const instances = config.instances ?? 1;
  if (instances > 1 || config.role !== 'all') {
    refuse(
      'documents-local-folder',
      `Dokumenterne ligger i en lokal mappe på denne instans (DATA_DIR/documents), og ${instances > 1 ? `SAMRAAD_INSTANCES=${instances}` : `SAMRAAD_ROLE=${config.role}`} betyder flere processer: en anden instans kan ikke læse dem. / Documents are kept in a local folder on this instance (DATA_DIR/documents), and ${instances > 1 ? `SAMRAAD_INSTANCES=${instances}` : `SAMRAAD_ROLE=${config.role}`} means several processes: another instance cannot read them. A SharePoint documents store (GRAPH_MODE=tenant) is not built yet; run one instance with SAMRAAD_ROLE=all and SAMRAAD_INSTANCES=1 (docs/deploy.md, "Several instances")`,
    );
  }
  return out;
}
