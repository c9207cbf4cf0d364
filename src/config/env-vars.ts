/**
 * Every environment variable the server reads: the single list that the config
 * loader, the README's configuration table, docs/deploy.md and the infra test
 * (every variable is an infra output, a parameter, or set by hand) are checked
 * against. Add a variable here first.
 */

export type EnvVarSpec = {
  name: string;
  description: string;
  /** Default in the embedded (development) mode; undefined = unset. */
  default?: string;
  /** Must be set in production mode. */
  requiredInProduction: boolean;
  /** A secret: lives in Key Vault / *.user env files, never logged. */
  secret: boolean;
  /** Where a deployed value comes from. */
  source: 'infra-output' | 'teamsapp' | 'by-hand' | 'dev-only';
};

export const envVars: readonly EnvVarSpec[] = [
  { name: 'NODE_ENV', description: 'production turns on the production refusals', requiredInProduction: true, secret: false, source: 'infra-output' },
  { name: 'PORT', description: 'HTTP port', default: '3978', requiredInProduction: false, secret: false, source: 'infra-output' },
  { name: 'SAMRAAD_ROLE', description: 'web | worker | all (default all): which parts this process runs', default: 'all', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'SAMRAAD_INSTANCES', description: 'how many app processes share the database (default 1); in production more than one (or a web/worker split) refuses the local documents folder', default: '1', requiredInProduction: false, secret: false, source: 'infra-output' },
  { name: 'DATA_DIR', description: 'folder of the embedded PGlite database and local documents', default: './.data', requiredInProduction: false, secret: false, source: 'dev-only' },
  { name: 'DATABASE_URL', description: 'PostgreSQL connection string; unset = embedded PGlite in DATA_DIR', requiredInProduction: true, secret: true, source: 'infra-output' },
  { name: 'SAMRAAD_DEMO', description: '0 skips loading the demo region into an empty embedded database', default: '1', requiredInProduction: false, secret: false, source: 'dev-only' },
  { name: 'SAMRAAD_PUBLIC_URL', description: 'public base URL of the server (links in cards, feeds, Outlook bodies)', default: 'http://localhost:3978', requiredInProduction: true, secret: false, source: 'infra-output' },
  { name: 'DEV_SIGN_IN', description: '1 allows the dev sign-in (pick a demo person); refused in production and when real identity is configured', default: '1', requiredInProduction: false, secret: false, source: 'dev-only' },
  { name: 'SAMRAAD_RESPONSE_CHECK', description: 'off | warn | strict: hold every JSON response against its zod schema (strict: a mismatch or an unnamed field is a 500; the test servers run strict)', default: 'off', requiredInProduction: false, secret: false, source: 'dev-only' },
  { name: 'AAD_APP_CLIENT_ID', description: 'Entra app (tab SSO + Graph) client id', requiredInProduction: true, secret: false, source: 'teamsapp' },
  { name: 'AAD_APP_TENANT_ID', description: 'home tenant of the Entra app', requiredInProduction: true, secret: false, source: 'teamsapp' },
  { name: 'SECRET_AAD_APP_CLIENT_SECRET', description: 'Entra app client secret (or use a certificate)', requiredInProduction: false, secret: true, source: 'teamsapp' },
  { name: 'AAD_APP_CERTIFICATE_PATH', description: 'PEM file with the private key (and usually the certificate) for MSAL client credentials; used instead of the secret for app-only Graph tokens', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'AAD_APP_CERTIFICATE_THUMBPRINT_SHA256', description: 'SHA-256 thumbprint (hex) of that certificate; needed with AAD_APP_CERTIFICATE_PATH (or the SHA-1 one)', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'AAD_APP_CERTIFICATE_THUMBPRINT', description: 'SHA-1 thumbprint (hex) of that certificate, as older Entra portals show it; alternative to the SHA-256 one', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'AAD_APP_ID_URI', description: 'api://<domain>/<client id> audience of the tab SSO token', requiredInProduction: true, secret: false, source: 'teamsapp' },
  { name: 'ALLOWED_TENANT_IDS', description: 'comma-separated tenant ids allowed to call the API and the bot', requiredInProduction: true, secret: false, source: 'by-hand' },
  { name: 'BOT_ID', description: 'bot app id (client id of the bot identity)', requiredInProduction: true, secret: false, source: 'infra-output' },
  { name: 'BOT_TENANT_ID', description: 'tenant of the SingleTenant bot / managed identity', requiredInProduction: true, secret: false, source: 'infra-output' },
  { name: 'BOT_TYPE', description: 'SingleTenant | UserAssignedMSI', default: 'UserAssignedMSI', requiredInProduction: true, secret: false, source: 'infra-output' },
  { name: 'SECRET_BOT_PASSWORD', description: 'bot client secret (SingleTenant only)', requiredInProduction: false, secret: true, source: 'teamsapp' },
  { name: 'BOT_SERVICE_URL', description: 'Bot Framework service URL of the tenant (e.g. https://smba.trafficmanager.net/emea/), for a member\'s first 1:1 chat found through Graph before any conversation of the tenant is stored', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'BOT_SERVICE_URL_HOSTS', description: 'comma-separated host allowlist for outgoing bot calls', default: 'smba.trafficmanager.net', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'REMINDER_CLAIM_SECONDS', description: 'how long a reminder delivery stays claimed by the worker sending it (30-3600, default 300): a killed worker\'s deliveries go out from another worker after this', default: '300', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'GRAPH_MODE', description: 'emulator | tenant | off: where Microsoft 365 sync goes (default emulator when no tenant is configured)', default: 'emulator', requiredInProduction: true, secret: false, source: 'infra-output' },
  { name: 'GRAPH_BASE_URL', description: 'Graph base URL; set automatically to the local emulator in the embedded mode', default: 'https://graph.microsoft.com/v1.0', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'GRAPH_EMULATOR_PORT', description: 'port of the local Graph emulator', default: '3979', requiredInProduction: false, secret: false, source: 'dev-only' },
  { name: 'M365_TEAM_ID', description: 'the Team that holds the region\'s forum channels', requiredInProduction: true, secret: false, source: 'by-hand' },
  { name: 'M365_ORGANIZER_MAILBOX', description: 'service mailbox (UPN) that organises forum meetings when the secretary\'s own is not used', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'REMINDER_MAIL_SENDER', description: 'mailbox (UPN) that e-mails reminders to people the bot cannot reach in Teams (Graph sendMail; default M365_ORGANIZER_MAILBOX; unset in tenant mode = no reminder e-mail)', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'GRAPH_NOTIFICATION_CLIENT_STATE', description: 'shared secret echoed in Graph change notifications', requiredInProduction: false, secret: true, source: 'by-hand' },
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', description: 'Application Insights connection string', requiredInProduction: false, secret: false, source: 'infra-output' },
  { name: 'TEAMS_APP_ID', description: 'Teams app id (deep links to the tab)', requiredInProduction: true, secret: false, source: 'teamsapp' },
  { name: 'HOST', description: 'address the HTTP server binds to; default 127.0.0.1 (set 0.0.0.0 in a container or App Service)', default: '127.0.0.1', requiredInProduction: true, secret: false, source: 'by-hand' },
  { name: 'TRUST_PROXY', description: 'how many proxies in front set X-Forwarded-For (1 on App Service), so rate limits and the audit see the client address; default 0', default: '0', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'RATE_LIMIT_PER_ADDRESS', description: 'requests per minute from one client address that are not signed in (anonymous or a refused sign-in) before 429 (default 1200)', default: '1200', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'RATE_LIMIT_PER_ADDRESS_CEILING', description: 'all requests per minute from one client address, signed in or not, before 429 (default 12000: staff behind one NAT address are limited per person)', default: '12000', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'RATE_LIMIT_PER_PERSON', description: 'requests per minute by one signed-in person before 429 (default 600)', default: '600', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'HTTP_REQUEST_TIMEOUT_MS', description: 'a request (headers and body) must arrive within this many milliseconds, or it is cut with 408 (default 20000)', default: '20000', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'CORS_ORIGINS', description: 'comma-separated origins allowed to call the API from a browser page of another origin (default none: the tab is same-origin)', requiredInProduction: false, secret: false, source: 'by-hand' },
  { name: 'LOG_LEVEL', description: 'pino log level', default: 'info', requiredInProduction: false, secret: false, source: 'by-hand' },
];
