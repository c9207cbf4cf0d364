// Issue 7, "Done when" 2: teamsapp.yml uses only actions the Toolkit documents, and
// every variable it reads exists in the env files or is written by an earlier action
// (Toolkit outputs or infra/azure.bicep outputs).
import { describe, it, expect } from '@jest/globals';
import { envVars } from '../../src/config/env-vars.js';
import { exists, parseBicep, parseEnv, placeholders, read, teamsappSteps, type Step } from './project-files.js';

/**
 * The Toolkit actions we allow, with the `with` keys and `writeToEnvironmentFile` keys
 * each one documents. Sources: the action reference (https://aka.ms/teamsfx-actions,
 * learn.microsoft.com/microsoftteams/platform/toolkit/provision, .../deploy,
 * .../publish) and the teamsapp.yml schema v1.8 (https://aka.ms/teams-toolkit/v1.8/yaml.schema.json,
 * OfficeDev/teams-toolkit packages/fx-core/resource/yaml-schema/v1.8/yaml.schema.json).
 * `implicit` = variables the action writes without being told (documented in the schema).
 */
const documentedActions: Record<string, { required: string[]; optional: string[]; writes?: string[]; implicit?: string[] }> = {
  'teamsApp/create': { required: ['name'], optional: [], writes: ['teamsAppId'] },
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: ['serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'],
    writes: ['clientId', 'clientSecret', 'objectId', 'tenantId', 'authority', 'authorityHost'],
  },
  'aadApp/update': { required: ['manifestPath', 'outputFilePath'], optional: [], implicit: ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] },
  'botAadApp/create': { required: ['name'], optional: [], writes: ['botId', 'botPassword'] },
  'botFramework/create': { required: ['botId', 'name', 'messagingEndpoint'], optional: ['description', 'iconUrl', 'channels'] },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  'script': { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] },
  'teamsApp/validateManifest': { required: ['manifestPath'], optional: [] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'], optional: [] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], optional: [] },
  'teamsApp/update': { required: ['appPackagePath'], optional: [] },
  'teamsApp/extendToM365': { required: ['appPackagePath'], optional: [], writes: ['titleId', 'appId'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], optional: [], writes: ['publishedAppId'] },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  'azureAppService/zipDeploy': { required: ['artifactFolder', 'resourceId'], optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] },
};

/** Set by the Toolkit itself for every run. */
const BUILTIN = new Set(['TEAMSFX_ENV']);

const { steps } = teamsappSteps();

/** The files an action fills with ${{...}} before using them. */
function filesRead(step: Step): string[] {
  const w = step.with as Record<string, any>;
  const files: string[] = [];
  if (typeof w.manifestPath === 'string') files.push(w.manifestPath);
  if (step.uses === 'arm/deploy') for (const t of w.templates as { parameters?: string }[]) if (t.parameters) files.push(t.parameters);
  return files.map((f) => f.replace(/^\.\//, ''));
}

function varsRead(step: Step): string[] {
  return [...new Set([...placeholders(JSON.stringify(step.with)), ...filesRead(step).flatMap((f) => placeholders(read(f)))])];
}

function varsWritten(step: Step): string[] {
  const out = [...Object.values(step.writeToEnvironmentFile), ...(documentedActions[step.uses]?.implicit ?? [])];
  if (step.uses === 'arm/deploy') {
    for (const t of (step.with as any).templates as { path: string }[]) out.push(...parseBicep(t.path.replace(/^\.\//, '')).outputs.map((o) => o.name));
  }
  if (step.uses === 'script') out.push(...[...String((step.with as any).run).matchAll(/::set-teamsfx-env\s+([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!));
  return out;
}

describe('teamsapp.yml', () => {
  it('uses only documented actions with documented parameters', () => {
    expect(steps.length).toBeGreaterThan(5);
    for (const s of steps) {
      const doc = documentedActions[s.uses];
      expect({ step: `${s.stage}[${s.index}]`, uses: s.uses, documented: Boolean(doc) }).toEqual({ step: `${s.stage}[${s.index}]`, uses: s.uses, documented: true });
      const keys = Object.keys(s.with);
      for (const k of doc!.required) expect({ uses: s.uses, missing: k, present: keys.includes(k) }).toEqual({ uses: s.uses, missing: k, present: true });
      for (const k of keys) expect({ uses: s.uses, param: k, documented: [...doc!.required, ...doc!.optional].includes(k) }).toEqual({ uses: s.uses, param: k, documented: true });
      for (const k of Object.keys(s.writeToEnvironmentFile)) expect({ uses: s.uses, writes: k, documented: (doc!.writes ?? []).includes(k) }).toEqual({ uses: s.uses, writes: k, documented: true });
    }
  });

  it('comments every action', () => {
    for (const s of steps) expect({ step: `${s.stage}[${s.index}] ${s.uses}`, commented: s.comment.length > 10 }).toEqual({ step: `${s.stage}[${s.index}] ${s.uses}`, commented: true });
  });

  it('provisions, deploys and publishes the pieces issue 7 asks for', () => {
    const uses = (stage: string) => steps.filter((s) => s.stage === stage).map((s) => s.uses);
    expect(uses('provision')).toEqual(expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'aadApp/update', 'arm/deploy', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']));
    expect(uses('deploy')).toEqual(expect.arrayContaining(['cli/runNpmCommand', 'azureAppService/zipDeploy']));
    expect(uses('publish')).toContain('teamsApp/publishAppPackage');
    // Files the actions point at exist.
    for (const s of steps) for (const f of filesRead(s)) expect({ file: f, exists: exists(f) }).toEqual({ file: f, exists: true });
    for (const s of steps.filter((x) => x.uses === 'arm/deploy')) for (const t of (s.with as any).templates) expect(exists(t.path)).toBe(true);
    const ignore = steps.find((s) => s.uses === 'azureAppService/zipDeploy')!.with.ignoreFile as string;
    expect(exists(ignore)).toBe(true);
  });

  it('every variable read is set by hand in env/.env.dev (or its .user file), built in, or written by an EARLIER action', () => {
    const declared = parseEnv(read('env/.env.dev'));
    const userSample = parseEnv(read('env/.env.dev.user.sample'));
    const writtenAnywhere = new Set(steps.flatMap(varsWritten));
    // Inputs: declared in the env files and not produced by any action.
    const inputs = new Set([...declared.keys(), ...userSample.keys()].filter((k) => !writtenAnywhere.has(k)));
    const available = new Set([...BUILTIN, ...inputs]);
    const problems: string[] = [];
    for (const s of steps) {
      // aadApp/update generates the scope id it reads from its own manifest when empty.
      for (const v of documentedActions[s.uses]?.implicit ?? []) available.add(v);
      for (const v of varsRead(s)) if (!available.has(v)) problems.push(`${s.stage}[${s.index}] ${s.uses} reads ${v} before anything sets it`);
      for (const v of varsWritten(s)) available.add(v);
    }
    expect(problems).toEqual([]);
  });

  it('every non-secret variable an action writes is declared in env/.env.dev, secrets only in the .user file', () => {
    const declared = parseEnv(read('env/.env.dev'));
    const userSample = parseEnv(read('env/.env.dev.user.sample'));
    for (const v of new Set(steps.flatMap(varsWritten))) {
      if (v.startsWith('SECRET_')) expect({ v, inUserSample: userSample.has(v), inCommitted: declared.has(v) }).toEqual({ v, inUserSample: true, inCommitted: false });
      else expect({ v, declared: declared.has(v) }).toEqual({ v, declared: true });
    }
    // The committed env files hold no secrets at all.
    for (const f of ['env/.env.dev', 'env/.env.local']) for (const k of parseEnv(read(f)).keys()) expect(k.startsWith('SECRET_')).toBe(false);
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
  });

  it("writes every server variable whose source is 'teamsapp' (src/config/env-vars.ts)", () => {
    const written = new Set(steps.flatMap(varsWritten));
    // The only exception: the bot password exists only for BOT_TYPE=SingleTenant; our
    // bot identity is a user-assigned managed identity (infra/modules/bot.bicep), so no
    // action creates one. If an action starts writing it, drop the exception.
    const singleTenantOnly = new Set(['SECRET_BOT_PASSWORD']);
    for (const v of envVars.filter((e) => e.source === 'teamsapp')) {
      if (singleTenantOnly.has(v.name)) {
        expect(written.has(v.name)).toBe(false);
        expect(parseBicep('infra/modules/bot.bicep').text).toContain("msaAppType: 'UserAssignedMSI'");
        continue;
      }
      expect({ v: v.name, written: written.has(v.name) }).toEqual({ v: v.name, written: true });
    }
  });
});
