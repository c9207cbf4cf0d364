// Issue 7, "Done when" 4: the permissions named in docs/deploy.md match the manifest's
// RSC permissions, aad.manifest.json and the Graph adapter's list
// (src/adapters/graph/permissions.ts), and every operation in that list is a real
// Graph v1.0 operation of the reference contract.
import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { entraPermissionNames, graphPermissions, permissionsFor, rscPermissionNames } from '../../src/adapters/graph/permissions.js';
import { preAuthorizedClientIds } from '../../src/adapters/identity/teams-clients.js';
import { read, root } from './project-files.js';

const GRANT_LABEL: Record<string, string> = {
  rsc: 'RSC (Team owner, at install)',
  'admin-consent': 'Entra admin consent',
  'exchange-rbac': 'Exchange RBAC for Applications',
  delegated: 'Delegated (user or admin consent)',
};

function docTable() {
  const doc = read('docs/deploy.md');
  const start = doc.indexOf('<!-- permissions:start -->');
  const end = doc.indexOf('<!-- permissions:end -->');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return doc
    .slice(start, end)
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) => {
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      return { name: cells[0]!.replace(/`/g, ''), type: cells[1]!, grant: cells[2]!, why: cells[3]!, narrowedBy: cells[4]! };
    });
}

describe('Graph permissions: code, manifest, Entra app and docs agree', () => {
  const manifest = JSON.parse(read('appPackage/manifest.json'));
  const aad = JSON.parse(read('aad.manifest.json'));

  it('the manifest asks exactly the RSC permissions of the Graph adapter', () => {
    const inManifest = manifest.authorization.permissions.resourceSpecific.map((p: { name: string; type: string }) => `${p.name}/${p.type}`).sort();
    expect(inManifest).toEqual(graphPermissions.filter((p) => p.grant === 'rsc').map((p) => `${p.name}/${p.type}`).sort());
    expect(rscPermissionNames.length).toBeGreaterThan(0);
  });

  it('aad.manifest.json asks exactly the Entra-consented permissions, and not the Exchange-RBAC ones', () => {
    const graph = aad.requiredResourceAccess.find((r: { resourceAppId: string }) => r.resourceAppId === 'Microsoft Graph');
    const asked = graph.resourceAccess.map((a: { id: string; type: string }) => `${a.id}/${a.type === 'Role' ? 'Application' : 'Delegated'}`).sort();
    expect(asked).toEqual(graphPermissions.filter((p) => entraPermissionNames.includes(p.name)).map((p) => `${p.name}/${p.type}`).sort());
    for (const p of graphPermissions.filter((x) => x.grant === 'exchange-rbac')) expect(asked.join(' ')).not.toContain(p.name);
  });

  it('aad.manifest.json exposes access_as_user to exactly the pre-authorised clients the validator accepts', () => {
    expect(aad.oauth2Permissions.map((s: { value: string }) => s.value)).toEqual(['access_as_user']);
    expect(aad.preAuthorizedApplications.map((a: { appId: string }) => a.appId).sort()).toEqual([...preAuthorizedClientIds].sort());
    expect(aad.identifierUris).toEqual(['${{AAD_APP_ID_URI}}']);
    expect(aad.accessTokenAcceptedVersion).toBe(2);
  });

  it('docs/deploy.md lists every permission once, with the same type and grant, a reason and a narrowing', () => {
    const rows = docTable();
    expect(rows.map((r) => r.name).sort()).toEqual(graphPermissions.map((p) => p.name).sort());
    for (const p of graphPermissions) {
      const row = rows.find((r) => r.name === p.name)!;
      expect({ name: p.name, type: row.type, grant: row.grant }).toEqual({ name: p.name, type: p.type, grant: GRANT_LABEL[p.grant] });
      expect(row.why.length).toBeGreaterThan(10);
      expect(row.narrowedBy.length).toBeGreaterThan(10);
    }
    // Every permission named anywhere in the doc's prose is one we use.
    const known = new Set(graphPermissions.map((p) => p.name));
    const named = [...read('docs/deploy.md').matchAll(/`((?:[A-Z][A-Za-z]+\.)+(?:All|Group|Selected|Send|Read|ReadWrite))`/g)].map((m) => m[1]!);
    for (const n of named) expect({ n, known: known.has(n) }).toEqual({ n, known: true });
  });

  it('every operation a permission covers is a Graph v1.0 operation of the reference contract', () => {
    const spec = JSON.parse(readFileSync(`${root}/../shared/reference/graph-v1.0-subset.openapi.json`, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    for (const p of graphPermissions) {
      expect(p.operations.length).toBeGreaterThan(0);
      for (const op of p.operations) {
        const [method, path] = op.split(' ');
        expect({ op, inContract: Boolean(spec.paths[path!]?.[method!.toLowerCase()]) }).toEqual({ op, inContract: true });
      }
    }
    expect(permissionsFor('post', '/teams/{team-id}/channels').map((p) => p.name)).toEqual(['Channel.Create.Group']);
    expect(permissionsFor('GET', '/groups/{group-id}/events')).toEqual([]);
  });
});
