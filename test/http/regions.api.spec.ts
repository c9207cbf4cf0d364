/**
 * Regions are data (issue 15, part 2), on both backends: a tenant administrator
 * creates regions and their top forums; the regions' secretariats give them
 * closed days and publish minutes; then Hovedstaden and Sjælland merge into a new
 * Region Østdanmark. Afterwards both regions' forums (with their history), closed
 * days, public pages and feeds are under Østdanmark, the old public addresses
 * answer 301 with the new one, and the API still finds the old names. Refusals
 * are 403 problem+json in Danish and English; bad input is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { TENANT_ADMIN } from '../../src/domain/access/access.policy.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { backends } from '../support/db.js';
import { member, startWorkflowApp, type WorkflowTestApp } from '../workflow/workflow.fixture.js';

const admin = 'ada-admin';
const demoRegionSecretary = 'dorte-bach'; // secretary of the demo region's top forum (Region Midtjylland)
const people = { hs: { sec: 'hs-sek', chair: 'hs-chair' }, sj: { sec: 'sj-sek', chair: 'sj-chair' } };

describe.each(backends)('regions as data on $name', (backend) => {
  let app: WorkflowTestApp;
  const forum = { hs: '', sj: '' };
  const meeting = { hs: 'reg-mtg-hs', sj: 'reg-mtg-sj' };

  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2026-12-01T09:00:00Z', { modules: (workflow) => [planningModule, workflow] });
    const reg = registryRepository(app.db.db);
    await reg.insertPerson({ id: admin, name: 'Ada Administrator', hasTeams: true });
    await reg.grantPlatformRole(admin, TENANT_ADMIN, 'test');
    for (const p of [...Object.values(people.hs), ...Object.values(people.sj)]) await reg.insertPerson({ id: p, name: `Person ${p}`, hasTeams: true });
  });
  afterAll(async () => app?.close());

  const problem = (r: { status: number; headers: Record<string, unknown>; body: { detail?: string; detailDa?: string; errors?: { field: string }[] } }) => ({
    status: r.status,
    type: String(r.headers['content-type']).split(';')[0],
    detailDa: r.body.detailDa,
    detail: r.body.detail,
    fields: (r.body.errors ?? []).map((e) => e.field),
  });

  it('lists the demo\'s regions with their names and addresses, and what the caller may do', async () => {
    expect((await app.call('GET', '/api/regions')).status).toBe(401);
    const r = await app.call('GET', '/api/regions', member);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ canCreate: false, canMerge: false });
    expect(r.body.regions.map((x: { name: string; nameEn: string; slug: string; forumCount: number }) => [x.name, x.nameEn, x.slug, x.forumCount > 5])).toEqual([
      ['Region Hovedstaden', 'Capital Region of Denmark', 'hovedstaden', false],
      ['Region Midtjylland', 'Central Denmark Region', 'midtjylland', true],
      ['Region Sjælland', 'Region Zealand', 'sjaelland', false],
    ]);
    expect(r.body.regions[1]).toMatchObject({ publicPath: '/offentlig/midtjylland', canRename: false, formerNames: [] });
    expect((await app.call('GET', '/api/regions', demoRegionSecretary)).body.regions.map((x: { canRename: boolean }) => x.canRename)).toEqual([false, true, false]);
    expect((await app.call('GET', '/api/regions', admin)).body).toMatchObject({ canCreate: true, canMerge: true });
  });

  it("says in /api/me which regions' secretariat the person is (the tab offers their transitions to them only)", async () => {
    const regionsOf = async (who: string) => ((await app.call('GET', '/api/me', who)).body as { administersRegions: string[] }).administersRegions;
    expect(await regionsOf(demoRegionSecretary)).toEqual(['Region Midtjylland']);
    // A theme group's chair (a secretariat of that forum only) and a plain member: none.
    expect(await regionsOf('lise-brandt')).toEqual([]);
    expect(await regionsOf(member)).toEqual([]);
    expect(await regionsOf(admin)).toEqual(['Region Hovedstaden', 'Region Midtjylland', 'Region Sjælland']);
    // What /api/me says is what the API grants: the chair is refused the region's transitions.
    expect((await app.call('GET', '/api/regions/Region%20Midtjylland/transitions', 'lise-brandt')).status).toBe(403);
    expect((await app.call('GET', '/api/regions/Region%20Midtjylland/transitions', demoRegionSecretary)).status).toBe(200);
  });

  it('refuses creating a region to anyone but a tenant administrator (403, Danish and English), writing nothing', async () => {
    for (const p of [member, demoRegionSecretary]) {
      const r = await app.call('POST', '/api/regions', p, { name: 'Region Nordjylland' });
      expect(problem(r)).toMatchObject({ status: 403, type: 'application/problem+json', detailDa: 'Kun en administrator kan oprette en region', detail: 'Only a tenant administrator may create a region' });
    }
    expect((await app.call('POST', '/api/regions', undefined, { name: 'Region Nordjylland' })).status).toBe(401);
    expect((await app.call('GET', '/api/regions', admin)).body.regions).toHaveLength(3);
    // The refused attempts are in the audit log.
    const rows = await app.db.db.execute(sql`select count(*)::int as n from audit_log where action = 'POST /api/regions' and outcome = 'refused'`);
    expect(((rows as unknown as { rows?: { n: number }[] }).rows ?? (rows as unknown as { n: number }[]))[0]!.n).toBeGreaterThan(0);
  });

  it.each([
    ['no name', { nameEn: 'Capital Region' }, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a too long name', { name: 'R'.repeat(101) }, 'name'],
    ['a slug with capitals', { name: 'Region Nordjylland', slug: 'Nordjylland' }, 'slug'],
    ['a slug with spaces', { name: 'Region Nordjylland', slug: 'nord jylland' }, 'slug'],
    ['an unknown field type', { name: 42 }, 'name'],
  ])('create with %s: 400 problem+json naming the field', async (_what, body, field) => {
    const r = await app.call('POST', '/api/regions', admin, body);
    expect(problem(r)).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(problem(r).fields).toContain(field);
    expect(r.body.detailDa).not.toMatch(/\b(must|the|is|not)\b/);
  });

  it('a tenant administrator creates a region, and top forums in the regions; the names and addresses are unique', async () => {
    const nord = await app.call('POST', '/api/regions', admin, { name: 'Region Nordjylland', nameEn: 'North Denmark Region' });
    expect(nord.status).toBe(201);
    expect(nord.body).toMatchObject({ name: 'Region Nordjylland', nameEn: 'North Denmark Region', slug: 'nordjylland', createdBy: admin, forumCount: 0, publicPath: '/offentlig/nordjylland' });
    const again = await app.call('POST', '/api/regions', admin, { name: 'region hovedstaden' });
    expect(problem(again)).toMatchObject({ status: 409, fields: ['name'] });
    expect(again.body.detailDa).toBe('Navnet "region hovedstaden" bruges (eller blev brugt) af en anden region');
    expect(problem(await app.call('POST', '/api/regions', admin, { name: 'Region Storkøbenhavn', slug: 'hovedstaden' }))).toMatchObject({ status: 409, fields: ['slug'] });

    // A region's top forum: the tenant administrator may; nobody else (in Danish).
    const top = (name: string, region: string) => ({ name, kind: 'health_coordination_committee', region });
    const refused = await app.call('POST', '/api/forums', demoRegionSecretary, top('Sundhedskoordinationsudvalget Hovedstaden', 'Region Hovedstaden'));
    expect(problem(refused)).toMatchObject({ status: 403, detailDa: 'Du har ikke ret til at oprette dette forum', detail: 'You may not create this forum' });
    const a = await app.call('POST', '/api/forums', admin, top('Sundhedskoordinationsudvalget Hovedstaden', 'hovedstaden'));
    expect(a.status).toBe(201);
    // Named by its address, the forum gets the region's Danish name.
    expect(a.body.forum.region).toBe('Region Hovedstaden');
    forum.hs = a.body.forum.id;
    const b = await app.call('POST', '/api/forums', admin, top('Sundhedskoordinationsudvalget Sjælland', 'Region Sjælland'));
    expect(b.status).toBe(201);
    forum.sj = b.body.forum.id;

    // Their secretariats (a secretary and a chair each).
    const reg = registryRepository(app.db.db);
    for (const [k, f] of [['hs', forum.hs], ['sj', forum.sj]] as const) {
      await reg.insertMembership({ id: `m-${k}-sec`, personId: people[k].sec, forumId: f, role: 'secretary', from: '2026-01-01' });
      await reg.insertMembership({ id: `m-${k}-chair`, personId: people[k].chair, forumId: f, role: 'chair', from: '2026-01-01' });
    }
    const list = (await app.call('GET', '/api/regions', people.hs.sec)).body.regions as { name: string; canRename: boolean; forumCount: number }[];
    expect(list.map((r) => [r.name, r.canRename, r.forumCount])).toEqual([
      ['Region Hovedstaden', true, 1],
      ['Region Midtjylland', false, expect.any(Number)],
      ['Region Nordjylland', false, 0],
      ['Region Sjælland', false, 1],
    ]);
  });

  it("each region's secretariat gives it closed days, by its address or its name", async () => {
    const put = (region: string, date: string, label: string, as: string) => app.call('PUT', `/api/regions/${encodeURIComponent(region)}/closed-days/${date}`, as, { label });
    expect((await put('hovedstaden', '2027-04-30', 'Hovedstadens lukkedag', people.hs.sec)).status).toBe(201);
    expect((await put('hovedstaden', '2027-12-28', 'Juleugen', people.hs.sec)).status).toBe(201);
    expect((await put('Region Sjælland', '2027-12-28', 'Mellem jul og nytår', people.sj.sec)).status).toBe(201);
    expect((await put('sjaelland', '2027-06-04', 'Sjællands lukkedag', people.sj.sec)).status).toBe(201);
    // Not the other region's secretariat.
    expect(problem(await put('sjaelland', '2027-06-05', 'x', people.hs.sec))).toMatchObject({ status: 403, detailDa: 'Kun regionens sekretariat må ændre regionens lukkedage' });
    expect((await app.call('GET', '/api/regions/hovedstaden/closed-days?year=2027', member)).body.region).toBe('Region Hovedstaden');
  });

  /** A meeting of the forum with its minutes sent, approved and published by the forum's secretariat. */
  async function publishMinutes(k: 'hs' | 'sj', date: string) {
    const p = people[k];
    app.clock.set('2027-01-05T09:00:00Z');
    await meetingsRepository(app.db.db).insertMeeting({ id: meeting[k], forumId: forum[k], date, start: '13:00', end: '15:00', location: 'Regionsgården', online: false, kind: 'ordinary', status: 'planned', sequence: 1, revision: 1 });
    expect((await app.call('POST', `/api/meetings/${meeting[k]}/items`, p.sec, { title: 'Sundhedsreformen', kind: 'orientation' })).status).toBe(201);
    expect((await app.call('POST', `/api/meetings/${meeting[k]}/agenda/approve`, p.chair)).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meeting[k]}/agenda/send`, p.sec)).status).toBe(200);
    app.clock.set(`${date}T16:00:00Z`);
    expect((await app.call('POST', `/api/meetings/${meeting[k]}/minutes/send`, p.sec, { confirmContradictions: true })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meeting[k]}/minutes/approve`, p.sec, { confirm: true, reason: 'Godkendt på mødet' })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meeting[k]}/minutes/publish`, p.sec, { confirmPersonalData: true })).status).toBe(200);
  }

  it('each region has its public page and feed with its published minutes', async () => {
    await publishMinutes('hs', '2027-02-10');
    await publishMinutes('sj', '2027-02-11');
    const hs = await app.call('GET', '/offentlig/hovedstaden');
    expect(hs.status).toBe(200);
    expect(hs.text).toContain('Sundhedskoordinationsudvalget Hovedstaden');
    expect(hs.text).toContain(`/offentlig/moeder/${meeting.hs}`);
    expect(hs.text).not.toContain('Sundhedskoordinationsudvalget Sjælland');
    const rss = (await app.call('GET', '/offentlig/sjaelland/referater.rss')).text;
    expect(rss).toContain(`/offentlig/moeder/${meeting.sj}`);
    expect(rss).not.toContain(`/offentlig/moeder/${meeting.hs}`);
    // The index lists the regions by their addresses.
    const index = (await app.call('GET', '/offentlig')).text;
    for (const slug of ['hovedstaden', 'sjaelland', 'midtjylland']) expect(index).toContain(`href="/offentlig/${slug}"`);
  });

  it('refuses merging to anyone but a tenant administrator, and bad merges with the field named', async () => {
    const body = { regions: ['hovedstaden', 'sjaelland'], newRegion: { name: 'Region Østdanmark', nameEn: 'Region East Denmark' } };
    for (const p of [member, people.hs.sec, demoRegionSecretary]) {
      expect(problem(await app.call('POST', '/api/regions/merge', p, body))).toMatchObject({ status: 403, type: 'application/problem+json', detailDa: 'Kun en administrator kan lægge regioner sammen', detail: 'Only a tenant administrator may merge regions' });
    }
    const bad: [unknown, string, number][] = [
      [{ regions: ['hovedstaden'] }, 'into', 400],
      [{ regions: ['hovedstaden'], into: 'sjaelland', newRegion: { name: 'X' } }, 'into', 400],
      [{ regions: ['hovedstaden'], newRegion: { name: 'Region Østdanmark' } }, 'regions', 400],
      [{ regions: [], into: 'sjaelland' }, 'regions', 400],
      [{ regions: ['atlantis'], into: 'sjaelland' }, 'regions.0', 400],
      [{ regions: ['hovedstaden'], into: 'atlantis' }, 'into', 400],
      [{ regions: ['hovedstaden'], into: 'Region Hovedstaden' }, 'regions.0', 400],
      [{ regions: ['hovedstaden', 'Region Hovedstaden'], newRegion: { name: 'Region Østdanmark' } }, 'regions.1', 400],
      [{ regions: ['hovedstaden', 'sjaelland'], newRegion: { name: 'Region Midtjylland' } }, 'newRegion.name', 409],
    ];
    for (const [b, field, status] of bad) {
      const r = await app.call('POST', '/api/regions/merge', admin, b);
      expect({ b, ...problem(r) }).toMatchObject({ b, status, type: 'application/problem+json' });
      expect(problem(r).fields).toContain(field);
      expect(r.body.detailDa).toBeTruthy();
    }
    // Nothing moved.
    const regions = (await app.call('GET', '/api/regions', admin)).body.regions as { name: string; mergedInto?: string }[];
    expect(regions.map((r) => r.name)).toEqual(['Region Hovedstaden', 'Region Midtjylland', 'Region Nordjylland', 'Region Sjælland']);
    expect(regions.every((r) => !r.mergedInto)).toBe(true);
  });

  it('merges Hovedstaden and Sjælland into a new Region Østdanmark: forums with their history, closed days, public pages and feeds; old addresses redirect', async () => {
    const auditBefore = await auditRepository(app.db.db).listForForum(forum.hs, 500);
    const r = await app.call('POST', '/api/regions/merge', admin, { regions: ['hovedstaden', 'Region Sjælland'], newRegion: { name: 'Region Østdanmark', nameEn: 'Region East Denmark' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: true, region: { name: 'Region Østdanmark', slug: 'oestdanmark', nameEn: 'Region East Denmark', forumCount: 2 } });
    expect(r.body.moved).toMatchObject({ closedDaysAdded: 3, closedDaysAlreadyThere: 1, transitions: 0 });
    expect([...r.body.moved.forums].sort()).toEqual([forum.hs, forum.sj].sort());
    expect(r.body.merged.map((m: { name: string; mergedInto: string; forumCount: number }) => [m.name, m.mergedInto, m.forumCount])).toEqual([
      ['Region Hovedstaden', r.body.region.id, 0],
      ['Region Sjælland', r.body.region.id, 0],
    ]);

    // Forums: in the new region, with their meetings, minutes and audit log as they were (one entry added).
    for (const f of [forum.hs, forum.sj]) expect((await app.call('GET', `/api/forums/${f}`, member)).body.forum.region).toBe('Region Østdanmark');
    expect((await app.call('GET', `/offentlig/moeder/${meeting.hs}`)).status).toBe(200);
    const auditAfter = await auditRepository(app.db.db).listForForum(forum.hs, 500);
    expect(auditAfter.slice(1)).toEqual(auditBefore);
    expect(auditAfter[0]).toMatchObject({ action: 'region.merge', actorPersonId: admin, detail: { region: 'Region Østdanmark', from: 'Region Hovedstaden' } });

    // Closed days of both apply under the merged region (a date both had keeps the first label).
    const days = (await app.call('GET', '/api/regions/oestdanmark/closed-days?year=2027', member)).body;
    expect(days.region).toBe('Region Østdanmark');
    expect(days.closedDays.map((d: { date: string; label: string }) => `${d.date} ${d.label}`)).toEqual(['2027-04-30 Hovedstadens lukkedag', '2027-06-04 Sjællands lukkedag', '2027-12-28 Juleugen']);
    // The old names still find them (the API takes the region as it is today).
    expect((await app.call('GET', `/api/regions/${encodeURIComponent('Region Sjælland')}/closed-days?year=2027`, member)).body.region).toBe('Region Østdanmark');
    expect((await app.call('GET', '/api/regions/hovedstaden/closed-days?year=2027', member)).body.closedDays).toHaveLength(3);
    // The region's year of duties is found by the new address and by an old one.
    for (const ref of ['oestdanmark', 'sjaelland']) expect((await app.call('GET', `/api/regions/${ref}/year/2027`, people.sj.sec)).status).toBe(200);
    // The former secretariats are the merged region's secretariat.
    expect((await app.call('PUT', '/api/regions/oestdanmark/closed-days/2027-12-29', people.sj.sec, { label: 'Juleugen' })).status).toBe(201);

    // Public pages: both regions' forums under the new address; the old ones redirect permanently.
    const page = await app.call('GET', '/offentlig/oestdanmark');
    expect(page.status).toBe(200);
    for (const text of ['Region Østdanmark', 'Sundhedskoordinationsudvalget Hovedstaden', 'Sundhedskoordinationsudvalget Sjælland', `/offentlig/moeder/${meeting.hs}`, `/offentlig/moeder/${meeting.sj}`, 'Omfatter Region Hovedstaden og Region Sjælland']) {
      expect(page.text).toContain(text);
    }
    for (const [old, to] of [
      ['/offentlig/hovedstaden', '/offentlig/oestdanmark'],
      ['/offentlig/sjaelland', '/offentlig/oestdanmark'],
      [`/offentlig/${encodeURIComponent('Region Sjælland')}`, '/offentlig/oestdanmark'],
      ['/offentlig/hovedstaden/referater.rss', '/offentlig/oestdanmark/referater.rss'],
      ['/offentlig/sjaelland/referater.atom', '/offentlig/oestdanmark/referater.atom'],
    ]) {
      const res = await fetch(app.url + old, { redirect: 'manual' });
      expect({ old, status: res.status, location: res.headers.get('location') }).toEqual({ old, status: 301, location: to });
    }
    // Following the redirect lands on the merged region's page.
    expect((await app.call('GET', '/offentlig/sjaelland')).text).toContain('Sundhedskoordinationsudvalget Hovedstaden');
    // Feeds: the merged region's feeds carry both regions' minutes; the meetings' own pages and calendars stay where they were.
    const rss = (await app.call('GET', '/offentlig/oestdanmark/referater.rss')).text;
    for (const m of [meeting.hs, meeting.sj]) expect(rss).toContain(`/offentlig/moeder/${m}`);
    expect(rss).toContain('Samraad: nye referater fra Region Østdanmark');
    const atom = (await app.call('GET', '/offentlig/oestdanmark/referater.atom')).text;
    for (const m of [meeting.hs, meeting.sj]) expect(atom).toContain(`/offentlig/moeder/${m}`);
    expect((await app.call('GET', `/offentlig/moeder/${meeting.sj}`)).status).toBe(200);
    expect((await app.call('GET', `/feeds/forums/${forum.hs}.ics`)).text).toContain('BEGIN:VEVENT');
    expect((await app.call('GET', '/feeds/minutes.rss')).text).toContain(`/offentlig/moeder/${meeting.hs}`);
    // An address nobody ever had is not found.
    expect((await app.call('GET', '/offentlig/atlantis')).status).toBe(404);

    // The merged region's audit log has the merged regions' entries too (the log itself is never rewritten).
    const log = (await app.call('GET', '/api/regions/oestdanmark/audit?limit=200', admin)).body as { action: string; detail?: { region?: string; date?: string } }[];
    expect(log.filter((x) => x.action === 'region.merged_into').map((x) => x.detail?.region).sort()).toEqual(['Region Hovedstaden', 'Region Sjælland']);
    expect(log.find((x) => x.action === 'region.closed_day.put' && x.detail?.date === '2027-06-04')?.detail?.region).toBe('Region Sjælland');

    // The index lists the merged region once, not the merged ones.
    const index = (await app.call('GET', '/offentlig')).text;
    expect(index).toContain('href="/offentlig/oestdanmark"');
    expect(index).not.toContain('href="/offentlig/hovedstaden"');

    // A merged region cannot merge again, nor be renamed.
    expect(problem(await app.call('POST', '/api/regions/merge', admin, { regions: ['hovedstaden'], into: 'midtjylland' }))).toMatchObject({ status: 409, fields: ['regions.0'] });
    expect(problem(await app.call('PATCH', '/api/regions/hovedstaden', admin, { name: 'Region Hovedstaden II' }))).toMatchObject({ status: 409 });
    // A forum created for "Region Hovedstaden" today is a forum of Østdanmark.
    const late = await app.call('POST', '/api/forums', admin, { name: 'Psykiatriforum Øst', kind: 'psychiatry_forum', region: 'Region Hovedstaden' });
    expect(late.status).toBe(201);
    expect(late.body.forum.region).toBe('Region Østdanmark');
  });

  it("renames a region (its secretariat or a tenant administrator): the old address redirects, forums and closed days follow", async () => {
    const body = { name: 'Region Midt', nameEn: 'Central Denmark Region' };
    for (const p of [member, people.hs.sec]) {
      expect(problem(await app.call('PATCH', '/api/regions/midtjylland', p, body))).toMatchObject({ status: 403, detailDa: 'Kun regionens sekretariat eller en administrator kan omdøbe regionen' });
    }
    expect(problem(await app.call('PATCH', '/api/regions/midtjylland', demoRegionSecretary, {}))).toMatchObject({ status: 400, fields: ['name'] });
    expect(problem(await app.call('PATCH', '/api/regions/midtjylland', demoRegionSecretary, { slug: 'Midt Jylland' }))).toMatchObject({ status: 400, fields: ['slug'] });
    expect(problem(await app.call('PATCH', '/api/regions/midtjylland', demoRegionSecretary, { slug: 'hovedstaden' }))).toMatchObject({ status: 409, fields: ['slug'] });
    expect(problem(await app.call('PATCH', '/api/regions/atlantis', demoRegionSecretary, body))).toMatchObject({ status: 404 });

    const r = await app.call('PATCH', '/api/regions/midtjylland', demoRegionSecretary, body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Region Midt', slug: 'midt', nameEn: 'Central Denmark Region', formerNames: [{ slug: 'midtjylland', name: 'Region Midtjylland' }] });
    expect((await app.call('GET', '/api/forums/midt-ksg', member)).body.forum.region).toBe('Region Midt');
    expect((await app.call('GET', '/api/regions/midt/closed-days?year=2026', member)).body.closedDays.map((d: { label: string }) => d.label)).toEqual(['Juleugen', 'Juleugen', 'Juleugen']);
    const res = await fetch(`${app.url}/offentlig/midtjylland`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([301, '/offentlig/midt']);
    // The demo's prepared transition follows the region: listed under the new and the old name.
    for (const ref of ['midt', encodeURIComponent('Region Midtjylland')]) {
      const t = await app.call('GET', `/api/regions/${ref}/transitions`, demoRegionSecretary);
      expect(t.status).toBe(200);
      expect(t.body.length).toBeGreaterThan(0);
      expect(t.body.every((x: { region: string }) => x.region === 'Region Midt')).toBe(true);
    }
    // The rename is audited with what it was and became.
    const audit = await auditRepository(app.db.db).listForRegion('Region Midt', 50);
    expect(audit.find((e) => e.action === 'region.rename')).toMatchObject({ actorPersonId: demoRegionSecretary, detail: { from: { name: 'Region Midtjylland', slug: 'midtjylland' }, to: { name: 'Region Midt', slug: 'midt' } } });
    // Renaming back gives the old address back.
    const back = await app.call('PATCH', '/api/regions/midt', admin, { name: 'Region Midtjylland', nameEn: null });
    expect(back.body).toMatchObject({ name: 'Region Midtjylland', slug: 'midtjylland' });
    expect(back.body.nameEn).toBeUndefined();
    expect((await app.call('GET', '/offentlig/midtjylland')).status).toBe(200);
    expect([(await fetch(`${app.url}/offentlig/midt`, { redirect: 'manual' })).headers.get('location')]).toEqual(['/offentlig/midtjylland']);
  });
});
