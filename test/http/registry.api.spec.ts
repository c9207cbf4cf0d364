import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';

const secretary = 'nina-hald'; // secretary of Klyngestyregruppe for Midtklyngen
const member = 'pia-strand'; // an ordinary member

describe.each(backends)('registry REST API on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => app.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers /healthz after checking the database', async () => {
    const r = await fetch(`${app.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', checks: { database: 'ok' } });
  });

  it('lists the demo forums and their hierarchy to a signed-in person, and nothing to anonymous callers', async () => {
    for (const path of ['/api/forums', '/api/forums/tree', '/api/forums/vest-fg-sb', '/api/forums/vest-fg-sb/terms', '/api/organisations']) {
      expect((await globalThis.fetch(`${app.url}${path}`)).status).toBe(401);
    }
    const fetch = (url: string) => globalThis.fetch(url, { headers: app.as(member) });
    const forums = (await (await fetch(`${app.url}/api/forums`)).json()) as { id: string; name: string }[];
    expect(forums.map((f) => f.name)).toEqual(expect.arrayContaining(['Klyngestyregruppe for Midtklyngen', 'Fokusgruppen Sundhed og Beskæftigelse']));
    const tree = (await (await fetch(`${app.url}/api/forums/tree`)).json()) as { id: string; children: { id: string }[] }[];
    expect(tree.map((t) => t.id)).toEqual(['skuu', 'sr-midt']); // the region's health-agreement structure and, from 2027, its sundhedsråd
    const one = (await (await fetch(`${app.url}/api/forums/vest-fg-sb`)).json()) as { terms: { deadlines: unknown; chair: { offsetMonthsFromParent: number } }; parent: { id: string } };
    expect(one.parent.id).toBe('vest-ksg');
    expect(one.terms.chair.offsetMonthsFromParent).toBe(6);
  });

  it('publishes an OpenAPI document', async () => {
    const doc = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/forums', '/api/forums/{id}/terms', '/api/memberships']));
  });

  const countForums = async () => ((await (await fetch(`${app.url}/api/forums`, { headers: app.as(member) })).json()) as unknown[]).length;

  it.each([
    ['a missing name', { kind: 'ad_hoc_group', level: 'ad_hoc', region: 'Region Midtjylland', parentId: 'midt-ksg' }, 'name'],
    ['an unknown parent', { name: 'Ny gruppe', kind: 'ad_hoc_group', level: 'ad_hoc', region: 'Region Midtjylland', parentId: 'findes-ikke' }, 'parentId'],
    [
      'terms with min > max',
      { name: 'Ny gruppe', kind: 'ad_hoc_group', level: 'ad_hoc', region: 'Region Midtjylland', parentId: 'midt-ksg', terms: { validFrom: '2027-01-01', meetings: { perYearMin: 5, perYearMax: 2 } } },
      'terms.meetings.perYearMin',
    ],
    [
      'a seat with min > max',
      { name: 'Ny gruppe', kind: 'ad_hoc_group', level: 'ad_hoc', region: 'Region Midtjylland', parentId: 'midt-ksg', terms: { validFrom: '2027-01-01', seats: [{ party: { kind: 'sector', sector: 'municipality' }, min: 4, max: 2 }] } },
      'terms.seats.0.min',
    ],
  ])('refuses a forum with %s: 400 problem+json naming the field, nothing written', async (_what, body, field) => {
    const before = await countForums();
    const r = await post('/api/forums', body, app.as(secretary));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await r.json()) as { detail: string; errors: { field: string; reason: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect(problem.detail).toContain(field);
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(await countForums()).toBe(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const r = await fetch(`${app.url}/api/forums`, { method: 'POST', headers: { 'content-type': 'application/json', ...app.as(secretary) }, body: '{"name": ' });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('lets the secretariat create an ad hoc group under its forum, and refuses anonymous and ordinary members', async () => {
    const body = { name: 'Ad hoc-gruppe om hjerneskade', kind: 'ad_hoc_group', level: 'ad_hoc', region: 'Region Midtjylland', parentId: 'midt-ksg', mandateEndsOn: '2027-12-31', terms: { validFrom: '2027-01-01', meetings: { perYearMin: 2, perYearMax: 4, adHoc: true } } };
    expect((await post('/api/forums', body)).status).toBe(401);
    expect((await post('/api/forums', body, app.as(member))).status).toBe(403);
    const r = await post('/api/forums', body, app.as(secretary));
    expect(r.status).toBe(201);
    const { forum } = (await r.json()) as { forum: { id: string } };
    const audit = (await (await fetch(`${app.url}/api/forums/midt-ksg/audit`, { headers: app.as(secretary) })).json()) as { action: string; outcome: string }[];
    expect(audit.some((a) => a.outcome === 'refused')).toBe(true);
    const child = (await (await fetch(`${app.url}/api/forums/${forum.id}`, { headers: app.as(member) })).json()) as { parent: { id: string } };
    expect(child.parent.id).toBe('midt-ksg');
  });

  it('moves a job that always throws to the dead-letter list after its retries', async () => {
    const r = await post('/api/jobs/self-test', { failing: true }, app.as(secretary));
    expect(r.status).toBe(202);
    const { jobId } = (await r.json()) as { jobId: string };
    const deadline = Date.now() + 45_000;
    let found: { originalJobId: string | null; queue: string } | undefined;
    while (!found && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 500));
      const dl = (await (await fetch(`${app.url}/api/jobs/dead-letters`, { headers: app.as(secretary) })).json()) as { originalJobId: string | null; queue: string }[];
      found = dl.find((d) => d.originalJobId === jobId);
    }
    expect(found).toMatchObject({ queue: 'system.self-test' });
  });
});
