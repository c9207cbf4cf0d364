import { describe, it, expect } from '@jest/globals';
import { loadConfig } from './config.js';
import { productionRefusals } from './production-guard.js';

// A complete, valid production environment, as App Service gets it from infra/azure.bicep.
const prodEnv: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://samraad@pg.example.postgres.database.azure.com:5432/samraad?sslmode=require',
  SAMRAAD_PUBLIC_URL: 'https://samraad-dev.azurewebsites.net',
  AAD_APP_CLIENT_ID: '6c1f4b52-0d51-4c8e-a3a4-54b1e3f7d9a1',
  AAD_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  AAD_APP_ID_URI: 'api://samraad-dev.azurewebsites.net/6c1f4b52-0d51-4c8e-a3a4-54b1e3f7d9a1',
  SECRET_AAD_APP_CLIENT_SECRET: 'from-key-vault',
  ALLOWED_TENANT_IDS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  BOT_ID: '9a8b7c6d-0000-4000-8000-000000000001',
  BOT_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  BOT_TYPE: 'UserAssignedMSI',
  GRAPH_MODE: 'tenant',
  M365_TEAM_ID: '19:abc',
};

const codes = (env: NodeJS.ProcessEnv) => productionRefusals(loadConfig(env)).map((r) => r.code);

describe('production refusals', () => {
  it('a complete production environment starts', () => {
    expect(productionRefusals(loadConfig(prodEnv))).toEqual([]);
  });

  it('outside production nothing is refused (npm start with no configuration)', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses the embedded PGlite database', () => {
    expect(codes({ ...prodEnv, DATABASE_URL: '' })).toEqual(['embedded-database']);
  });

  it('refuses the local documents folder with several instances or a web/worker split (issue 18), saying why in Danish and English', () => {
    expect(codes({ ...prodEnv, SAMRAAD_INSTANCES: '2' })).toEqual(['documents-local-folder']);
    expect(codes({ ...prodEnv, SAMRAAD_ROLE: 'web' })).toEqual(['documents-local-folder']);
    expect(productionRefusals(loadConfig({ ...prodEnv, SAMRAAD_INSTANCES: '1' }))).toEqual([]);
    const [r] = productionRefusals(loadConfig({ ...prodEnv }, ['--role=worker']));
    expect(r!.message).toMatch(/^Dokumenterne ligger i en lokal mappe .* \/ Documents are kept in a local folder .*SAMRAAD_ROLE=worker/);
    // Outside production the embedded default stays: two local processes for tests and the bench.
    expect(codes({ SAMRAAD_INSTANCES: '4', DATABASE_URL: 'postgres://x@127.0.0.1/y' })).toEqual([]);
    expect(() => loadConfig({ SAMRAAD_INSTANCES: 'two' })).toThrow(/SAMRAAD_INSTANCES must be a whole number/);
    expect(() => loadConfig({ SAMRAAD_INSTANCES: '0' })).toThrow(/SAMRAAD_INSTANCES/);
  });

  it('refuses dev sign-in', () => {
    expect(codes({ ...prodEnv, DEV_SIGN_IN: '1' })).toEqual(['dev-sign-in']);
  });

  it('refuses an empty bot app id', () => {
    expect(codes({ ...prodEnv, BOT_ID: '' })).toEqual(['bot-id-empty']);
  });

  it('refuses the Graph emulator, by mode or by a local base URL', () => {
    expect(codes({ ...prodEnv, GRAPH_MODE: 'emulator' })).toEqual(['graph-emulator']);
    expect(codes({ ...prodEnv, GRAPH_BASE_URL: 'http://127.0.0.1:3979/v1.0' })).toEqual(['graph-emulator']);
  });

  it('refuses a SingleTenant bot without a password, missing SSO settings, an empty tenant allowlist and a local public URL', () => {
    expect(codes({ ...prodEnv, BOT_TYPE: 'SingleTenant' })).toEqual(['bot-password-missing']);
    expect(codes({ ...prodEnv, AAD_APP_ID_URI: '' })).toEqual(['sso-unconfigured']);
    expect(codes({ ...prodEnv, ALLOWED_TENANT_IDS: '' })).toEqual(['tenant-allowlist-empty']);
    expect(codes({ ...prodEnv, SAMRAAD_PUBLIC_URL: 'http://localhost:3978' })).toEqual(['public-url']);
    expect(codes({ ...prodEnv, SECRET_AAD_APP_CLIENT_SECRET: '' })).toEqual(['graph-credentials-missing']);
  });

  it('lists every refusal at once, so one restart fixes them all', () => {
    expect(codes({ NODE_ENV: 'production' })).toEqual(expect.arrayContaining(['embedded-database', 'bot-id-empty', 'graph-emulator', 'sso-unconfigured']));
  });
});
