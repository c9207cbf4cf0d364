/**
 * Forum kinds are data (issue 15): the catalogue is seeded with the 2027 kinds,
 * a secretariat extends it through the API without code, a new forum uses the new
 * kind and the planner plans with its default rules. A tenant administrator
 * (platform role) may create a region's top forum; refusals say so in Danish.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { termsImportModule } from '../../src/entry/terms-import.module.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';

const secretary = 'nina-hald'; // secretary of Klyngestyregruppe for Midtklyngen
const member = 'pia-strand'; // an ordinary member
const admin = 'tenant-admin-test'; // made a tenant administrator below

type Kind = { key: string; nameDa: string; nameEn: string; level: string; political: boolean; builtIn: boolean; defaults: Record<string, unknown> };
type Problem = { detail: string; detailDa?: string; errors?: { field: string; reason: string }[] };

describe.each(backends)('the catalogue of forum kinds on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [planningModule, termsImportModule] });
    const reg = registryRepository(app.db.db);
    await reg.insertPerson({ id: admin, name: 'Tina Tenant', hasTeams: true });
    await reg.grantPlatformRole(admin, 'tenant_admin', 'test');
  });
  afterAll(async () => app.close());

  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(app.url + path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const kinds = async () => (await (await fetch(`${app.url}/api/forum-kinds`)).json()) as Kind[];
  const forumCount = async () => ((await (await fetch(`${app.url}/api/forums`)).json()) as unknown[]).length;

  it('is seeded with the 2027 kinds and today\'s kinds, in Danish and English', async () => {
    const all = await kinds();
    const byKey = new Map(all.map((k) => [k.key, k]));
    for (const key of [
      'sundhedsraad', 'sundhedsraad_committee', 'sundhedsraad_working_group', 'steering_group', 'operations_forum', 'theme_group', 'focus_group',
      'ad_hoc_group', 'kommunalt_laegeligt_udvalg', 'psychiatry_forum', 'bilateral_meeting', 'cluster_steering_group', 'health_coordination_committee', 'joint_secretariat',
      // Migration 0018: the kinds terms of reference name beyond those.
      'practice_planning_committee', 'coordination_committee', 'health_cooperation_committee', 'working_group', 'reference_group', 'coordination_group',
      'network', 'committee', 'council', 'komite', 'panel', 'forum', 'board',
    ]) {
      expect(byKey.get(key)?.builtIn).toBe(true);
    }
    expect(byKey.get('sundhedsraad')).toMatchObject({ nameDa: 'Sundhedsråd', nameEn: 'Health council', level: 'political', political: true, defaults: { public: true, closedItems: 'placeholder' } });
    expect(byKey.get('kommunalt_laegeligt_udvalg')?.nameDa).toBe('Kommunalt-lægeligt udvalg');
    // Every kind a demo forum uses is in the catalogue.
    const forums = (await (await fetch(`${app.url}/api/forums`, { headers: app.as('dorte-bach') })).json()) as { kind: string }[];
    expect(forums.length).toBeGreaterThan(0);
    for (const f of forums) expect(byKey.has(f.kind)).toBe(true);
  });

  it('adds a kind through the API; a new forum uses it (level from the kind) and the planner plans with its defaults', async () => {
    const body = {
      key: 'naersundhedsplan_group',
      nameDa: 'Arbejdsgruppe for nærsundhedsplan',
      nameEn: 'Local health plan working group',
      level: 'cluster_operational',
      defaults: { meetings: { perYearMin: 6, perYearMax: 6 }, deadlines: { agendaLead: { amount: 5, unit: 'working_days' } } },
    };
    expect((await send('POST', '/api/forum-kinds', body)).status).toBe(401);
    const refused = await send('POST', '/api/forum-kinds', body, app.as(member));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).detailDa).toBe('Du har ikke ret til at tilføje forumtyper');
    const r = await send('POST', '/api/forum-kinds', body, app.as(secretary));
    expect(r.status).toBe(201);
    expect((await r.json()) as Kind).toMatchObject({ key: body.key, builtIn: false });
    expect((await send('POST', '/api/forum-kinds', body, app.as(secretary))).status).toBe(400); // the key exists

    const created = await send('POST', '/api/forums', { name: 'Nærsundhedsplan Midt', kind: body.key, region: 'Region Midtjylland', parentId: 'midt-ksg' }, app.as(secretary));
    expect(created.status).toBe(201);
    const { forum } = (await created.json()) as { forum: { id: string; level: string; kind: string } };
    expect(forum).toMatchObject({ kind: body.key, level: 'cluster_operational' });
    const page = (await (await fetch(`${app.url}/api/forums/${forum.id}`, { headers: app.as(secretary) })).json()) as { kind: Kind };
    expect(page.kind.nameDa).toBe('Arbejdsgruppe for nærsundhedsplan');

    // No terms of reference: the planner plans the kind's 6 meetings and says the rule is the kind's default.
    const plan = (await (await fetch(`${app.url}/api/forums/${forum.id}/plan/2027`, { headers: app.as(secretary) })).json()) as {
      proposal: { kind: string; deadlines: { agendaDue: { date: string; nominalDate: string } } }[];
      constraints: string[];
      constraintsEn: string[];
    };
    expect(plan.proposal.filter((m) => m.kind === 'ordinary')).toHaveLength(6);
    expect(plan.constraints).toContain('Mødes 6 gange om året (standard for forumtypen Arbejdsgruppe for nærsundhedsplan)');
    expect(plan.constraintsEn).toContain('Meets 6 times a year (default of the forum kind Local health plan working group)');

    // The kind's changed default reaches the planner at once, with no code change.
    const put = await send('PUT', `/api/forum-kinds/${body.key}`, { ...body, key: undefined, defaults: { meetings: { perYearMin: 3, perYearMax: 3 } } }, app.as(secretary));
    expect(put.status).toBe(200);
    const plan2 = (await (await fetch(`${app.url}/api/forums/${forum.id}/plan/2027`, { headers: app.as(secretary) })).json()) as { proposal: { kind: string }[] };
    expect(plan2.proposal.filter((m) => m.kind === 'ordinary')).toHaveLength(3);
  });

  it('the terms import knows a kind added through the API: a document about such a forum gets that kind and its defaults', async () => {
    const body = { key: 'praksisplanudvalg', nameDa: 'Praksisplanudvalg', nameEn: 'Practice planning committee', level: 'central', defaults: { meetings: { perYearMin: 4, perYearMax: 4 } } };
    const text = [
      'Kommissorium for Praksisplanudvalget i Region Midtjylland',
      '',
      'Formål',
      'Udvalget følger op på praksisplanen for almen praksis.',
      '',
      'Formand',
      'Formand er regionens direktør for sundhed.',
    ].join('\n');
    const importDoc = async () => {
      const r = await send('POST', '/api/terms-import', { text }, app.as(secretary));
      expect(r.status).toBe(200);
      return (await r.json()) as { drafts: { catalogueKind: string | null; provenance: { path: string; provenance: string; value: unknown; source?: string; meaning?: { da: string } }[] }[] };
    };
    // Before the secretariat adds its own kind, the import finds the built-in one, which sets no rules.
    const before = await importDoc();
    expect(before.drafts).toHaveLength(1);
    expect(before.drafts[0]!.catalogueKind).toBe('practice_planning_committee');

    expect((await send('POST', '/api/forum-kinds', body, app.as(secretary))).status).toBe(201);
    const after = await importDoc();
    expect(after.drafts[0]!.catalogueKind).toBe('praksisplanudvalg');
    // The meeting count the document leaves unstated comes from the new kind, marked as its default.
    const meetings = after.drafts[0]!.provenance.filter((p) => p.path.startsWith('meetings.'));
    expect(meetings.map((p) => [p.path, p.provenance, p.source, p.value])).toEqual([
      ['meetings.perYearMin', 'default', 'kind', 4],
      ['meetings.perYearMax', 'default', 'kind', 4],
    ]);
    expect(before.drafts[0]!.provenance.filter((p) => p.path.startsWith('meetings.'))).toEqual([]);
  });

  it('the terms import gives documents about generic and other regions\' kinds a kind from the catalogue, not "not in the catalogue"', async () => {
    const kindOf = async (title: string) => {
      const text = [title, '', 'Formål', 'Forummet koordinerer samarbejdet mellem region og kommuner.', '', 'Mødeform', 'Der holdes fire møder om året.'].join('\n');
      const r = await send('POST', '/api/terms-import', { text }, app.as(secretary));
      expect(r.status).toBe(200);
      const { drafts } = (await r.json()) as { drafts: { catalogueKind: string | null }[] };
      return drafts.map((d) => d.catalogueKind);
    };
    expect(await kindOf('Kommissorium for Kvalitetsrådet')).toEqual(['council']);
    expect(await kindOf('Kommissorium for Lægemiddelkomitéen')).toEqual(['komite']);
    expect(await kindOf('Kommissorium for Udvalget for nære sundhedstilbud')).toEqual(['committee']);
    expect(await kindOf('Kommissorium for Arbejdsgruppen om genoptræning')).toEqual(['working_group']);
    expect(await kindOf('Kommissorium for Følgegruppen for psykiatri')).toEqual(['reference_group']);
    expect(await kindOf('Forretningsorden for Sundhedssamarbejdsudvalget')).toEqual(['health_cooperation_committee']);
    expect(await kindOf('Kommissorium for Samordningsudvalget for Nordsjælland')).toEqual(['coordination_committee']);
    // The narrow kinds keep theirs.
    expect(await kindOf('Kommissorium for Klyngestyregruppen i Vestklyngen')).toEqual(['cluster_steering_group']);
  });

  it('refuses a forum of a kind not in the catalogue, naming the field in English and Danish, and writes nothing', async () => {
    const before = await forumCount();
    const r = await send('POST', '/api/forums', { name: 'Ukendt', kind: 'no_such_kind', level: 'ad_hoc', region: 'Region Midtjylland', parentId: 'midt-ksg' }, app.as(secretary));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const p = (await r.json()) as Problem;
    expect(p.errors?.map((e) => e.field)).toEqual(['kind']);
    expect(p.detailDa).toBe('Forumtypen "no_such_kind" findes ikke i kataloget; opret den først');
    expect(await forumCount()).toBe(before);
  });

  it.each([
    ['a missing Danish name', { key: 'x_kind', nameEn: 'X', level: 'ad_hoc' }, 'nameDa'],
    ['a key that is not a slug', { key: 'Æ kind', nameDa: 'X', nameEn: 'X', level: 'ad_hoc' }, 'key'],
    ['an unknown level', { key: 'x_kind', nameDa: 'X', nameEn: 'X', level: 'galactic' }, 'level'],
    ['min > max meetings', { key: 'x_kind', nameDa: 'X', nameEn: 'X', level: 'ad_hoc', defaults: { meetings: { perYearMin: 5, perYearMax: 2 } } }, 'defaults.meetings.perYearMin'],
  ])('refuses a kind with %s: 400 naming the field', async (_what, body, field) => {
    const r = await send('POST', '/api/forum-kinds', body, app.as(secretary));
    expect(r.status).toBe(400);
    expect(((await r.json()) as Problem).errors?.map((e) => e.field)).toContain(field);
    expect((await kinds()).some((k) => k.key === 'x_kind')).toBe(false);
  });

  it("lets a tenant administrator create a new region's top forum; a cluster secretary gets a Danish refusal", async () => {
    const body = { name: 'Sundhedsråd Østdanmark Nord', kind: 'sundhedsraad', region: 'Region Østdanmark' };
    const refused = await send('POST', '/api/forums', body, app.as(secretary));
    expect(refused.status).toBe(403);
    const p = (await refused.json()) as Problem;
    expect(p.detailDa).toBe('Du har ikke ret til at oprette dette forum');
    const r = await send('POST', '/api/forums', body, app.as(admin));
    expect(r.status).toBe(201);
    const { forum } = (await r.json()) as { forum: { id: string; level: string; parentId?: string } };
    expect(forum.level).toBe('political');
    expect(forum.parentId ?? null).toBeNull();
    // The tenant administrator may also extend the catalogue.
    expect((await send('POST', '/api/forum-kinds', { key: 'praksisudvalg', nameDa: 'Praksisudvalg', nameEn: 'Practice committee', level: 'central' }, app.as(admin))).status).toBe(201);
  });
});
