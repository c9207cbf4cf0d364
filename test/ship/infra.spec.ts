// Issue 7, item 4: the Bicep is checked structurally (no Bicep CLI on this machine; it
// is compiled by arm/deploy in a real subscription). Every server variable is an
// output, a parameter/app setting, or documented as set by hand.
import { describe, it, expect } from '@jest/globals';
import { envVars } from '../../src/config/env-vars.js';
import { exists, parseBicep, placeholders, read } from './project-files.js';

const main = parseBicep('infra/azure.bicep');
const appService = parseBicep('infra/modules/appservice.bicep');
const outputs = new Set(main.outputs.map((o) => o.name));

/** Keys of the app settings the server gets: azure.bicep's appSettings + the module's union(). */
function appSettingKeys(): Set<string> {
  const keys = new Set<string>();
  const block = (text: string, opener: RegExp) => {
    const start = text.search(opener);
    if (start < 0) throw new Error(`no ${opener} block`);
    let depth = 0;
    let i = text.indexOf('{', start);
    const from = i;
    for (; i < text.length; i++) {
      if (text[i] === '{') depth++;
      if (text[i] === '}' && --depth === 0) break;
    }
    return text.slice(from, i);
  };
  for (const m of block(main.text, /appSettings:\s*\{/).matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)) keys.add(m[1]!);
  for (const m of block(appService.text, /union\(appSettings,\s*\{/).matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)) keys.add(m[1]!);
  return keys;
}

describe('infra/azure.bicep', () => {
  it("has an output for every server variable whose source is 'infra-output', named exactly like it", () => {
    const missing = envVars.filter((v) => v.source === 'infra-output' && !outputs.has(v.name)).map((v) => v.name);
    expect(missing).toEqual([]);
  });

  it('sets every variable the server needs in production as an app setting', () => {
    const keys = appSettingKeys();
    const missing = envVars.filter((v) => v.requiredInProduction && !keys.has(v.name)).map((v) => v.name);
    expect(missing).toEqual([]);
    // ... and no dev-only switch leaks into production except to turn it off.
    for (const v of envVars.filter((e) => e.source === 'dev-only' && keys.has(e.name))) expect(v.name).toBe('DEV_SIGN_IN');
    expect(main.text).toMatch(/DEV_SIGN_IN:\s*'0'/);
    expect(main.text).toMatch(/NODE_ENV:\s*'production'/);
  });

  it("documents every 'by-hand' variable in docs/deploy.md", () => {
    const doc = read('docs/deploy.md');
    const missing = envVars.filter((v) => v.source === 'by-hand' && !doc.includes(v.name)).map((v) => v.name);
    expect(missing).toEqual([]);
  });

  it('secrets are @secure() parameters that go to Key Vault and never to an output', () => {
    for (const p of main.params.filter((x) => /password|secret|clientstate/i.test(x.name))) expect({ p: p.name, secure: p.secure }).toEqual({ p: p.name, secure: true });
    const secureNames = main.params.filter((p) => p.secure).map((p) => p.name);
    for (const o of main.outputs) {
      expect(o.name).not.toMatch(/SECRET|PASSWORD/);
      for (const s of secureNames) expect(o.expr).not.toContain(s);
    }
    // Secret app settings are Key Vault references.
    for (const name of ['DATABASE_URL', 'SECRET_AAD_APP_CLIENT_SECRET', 'GRAPH_NOTIFICATION_CLIENT_STATE']) {
      expect(main.text).toMatch(new RegExp(`${name}: keyVault\\.outputs\\.references\\[`));
    }
  });

  it('azure.parameters.json provides every required parameter and nothing unknown, from env placeholders', () => {
    const params = JSON.parse(read('infra/azure.parameters.json').replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, n) => (/(COUNT|AVAILABILITY)$/.test(n) ? '1' : 'x'))).parameters as Record<string, unknown>;
    const declared = new Set(main.params.map((p) => p.name));
    for (const k of Object.keys(params)) expect({ k, declared: declared.has(k) }).toEqual({ k, declared: true });
    for (const p of main.params.filter((x) => !x.hasDefault)) expect({ p: p.name, given: p.name in params }).toEqual({ p: p.name, given: true });
    // Secure parameters come from SECRET_ variables (the .user file), never a committed value.
    const raw = read('infra/azure.parameters.json');
    for (const p of main.params.filter((x) => x.secure)) {
      const line = raw.split('\n').find((l) => l.includes(`"${p.name}"`))!;
      expect(placeholders(line)[0]).toMatch(/^SECRET_/);
    }
  });

  it('every module exists and gets exactly the parameters it declares', () => {
    for (const m of main.modules) {
      expect({ module: m.path, exists: exists(m.path) }).toEqual({ module: m.path, exists: true });
      const mod = parseBicep(m.path);
      const declared = new Set(mod.params.map((p) => p.name));
      for (const k of m.paramKeys) expect({ module: m.name, param: k, declared: declared.has(k) }).toEqual({ module: m.name, param: k, declared: true });
      for (const p of mod.params.filter((x) => !x.hasDefault)) expect({ module: m.name, param: p.name, given: m.paramKeys.includes(p.name) }).toEqual({ module: m.name, param: p.name, given: true });
      // Outputs used from the module exist.
      const outs = new Set(mod.outputs.map((o) => o.name));
      for (const use of main.text.matchAll(new RegExp(`\\b${m.name}\\.outputs\\.(\\w+)`, 'g'))) expect({ module: m.name, output: use[1], exists: outs.has(use[1]!) }).toEqual({ module: m.name, output: use[1], exists: true });
    }
  });

  it('builds what issue 7 asks: Node 20 on Linux with /healthz and several instances, private PostgreSQL with PITR and optional zone-redundant HA, Key Vault, managed-identity bot, monitoring', () => {
    const t = (f: string) => parseBicep(`infra/modules/${f}.bicep`).text;
    expect(t('appservice')).toContain("linuxFxVersion: 'NODE|20-lts'");
    expect(t('appservice')).toContain("healthCheckPath: '/healthz'");
    expect(t('appservice')).toMatch(/capacity: instanceCount/);
    expect(main.text).toMatch(/@minValue\(1\)\s*\n@maxValue\(30\)[\s\S]*?param appInstanceCount int = 1/);
    expect(t('postgres')).toContain("publicNetworkAccess: 'Disabled'");
    expect(t('postgres')).toContain('delegatedSubnetResourceId');
    expect(t('postgres')).toContain('backupRetentionDays: backupRetentionDays');
    expect(t('postgres')).toContain("highAvailability ? 'ZoneRedundant' : 'Disabled'");
    expect(t('keyvault')).toContain('enableRbacAuthorization: true');
    expect(t('bot')).toContain("msaAppType: 'UserAssignedMSI'");
    expect(t('bot')).toContain("'MsTeamsChannel'");
    expect(t('monitoring')).toContain('Microsoft.Insights/components');
    expect(t('monitoring')).toContain('Microsoft.OperationalInsights/workspaces');
  });
});
