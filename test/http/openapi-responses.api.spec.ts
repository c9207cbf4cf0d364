/**
 * Every route in the OpenAPI document (GET /api/openapi.json) describes its
 * success response: a JSON schema from src/contracts (not empty, not "any"), or
 * the content types of a file or page it answers. The responses are checked
 * against those schemas on every test server (SAMRAAD_RESPONSE_CHECK=strict,
 * test/support/app.ts), so a field a schema does not name fails the route's own
 * tests; src/entry/http/response-check.spec.ts shows that it does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { appModules } from '../../src/entry/modules.js';
import { loadConfig } from '../../src/config/config.js';

type Schema = Record<string, unknown>;
type Operation = { responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const methods = ['get', 'put', 'post', 'delete', 'patch'];

/** Routes whose responses are not described yet (issue 12, landing route file by route file): this list only shrinks. */
const notYetDescribed = new Set<string>([]);
const area = (route: string): string => {
  if (/^GET \/(offentlig|feeds)/.test(route)) return 'public';
  if (route === 'GET /') return 'tab';
  if (route.includes('/api/graph/notifications')) return 'notifications';
  if (route.includes('/api/reminders')) return 'reminders';
  if (route.includes('terms/import-confirm') || route.includes('/api/terms-import')) return 'terms-import';
  if (/\/(plan|deadlines|rotation|composition|year|closed-days|meeting-defaults)\b|\/(move|cancel)$|^GET \/api\/forums\/\{id\}\/meetings|^POST \/api\/forums\/\{id\}\/meetings|^PATCH \/api\/meetings\/\{id\}$/.test(route)) return 'planning';
  if (/\/api\/(meetings|proposals|tasks|me\/overview|me\/waiting)|\/history$/.test(route)) return 'meetings';
  if (/\/api\/(organisations|people|forums|forum-kinds|memberships)/.test(route)) return 'registry';
  return 'other';
};

/** Why a schema says nothing about the response, or null when it describes one. */
function vague(schema: Schema | undefined): string | null {
  if (!schema) return 'no schema';
  if (Object.keys(schema).filter((k) => !['description', '$schema', 'title'].includes(k)).length === 0) return 'an empty schema (anything goes)';
  if (schema.type === 'object' && !schema.properties && !schema.additionalProperties && !schema.anyOf && !schema.oneOf) return 'an object with no properties';
  return null;
}

describe('the OpenAPI document', () => {
  let app: TestApp;
  let doc: OpenApi;
  beforeAll(async () => {
    app = await startTestApp(backends[0]!, { modules: await appModules(loadConfig({ PORT: '0', GRAPH_MODE: 'off' })) });
    const res = await fetch(`${app.url}/api/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /api/openapi.json: ${res.status} ${await res.text()}`);
    doc = (await res.json()) as OpenApi;
  });
  afterAll(async () => app?.close());

  const routes = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => methods.filter((m) => ops[m]).map((m) => ({ route: `${m.toUpperCase()} ${path}`, op: ops[m]! })));

  it('lists the API', () => {
    const all = routes().map((r) => r.route);
    expect(all.length).toBeGreaterThan(60);
    expect(all).toEqual(expect.arrayContaining(['GET /api/meetings/{id}', 'GET /api/forums/{id}', 'POST /api/terms-import', 'GET /api/sync/status']));
  });

  it('describes the success response of every route', () => {
    const problems: string[] = [];
    for (const { route, op } of routes()) {
      if (notYetDescribed.has(area(route))) continue;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) {
        problems.push(`${route}: no success response`);
        continue;
      }
      for (const [status, response] of success) {
        const content = response.content ?? {};
        // 204, or a 202 that answers nothing: no content to describe, but a description of what it means.
        if ((status === '204' || status === '202') && Object.keys(content).length === 0 && response.description && response.description !== 'Default Response') continue;
        if (Object.keys(content).length === 0) {
          problems.push(`${route} ${status}: no content`);
          continue;
        }
        for (const [type, media] of Object.entries(content)) {
          const why = /json/.test(type) ? vague(media.schema) : media.schema ? null : 'no schema';
          if (why) problems.push(`${route} ${status} ${type}: ${why}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('still has routes of every area it has not yet described', () => {
    const areas = new Set(routes().map((r) => area(r.route)));
    for (const a of notYetDescribed) expect(areas).toContain(a);
  });
});
