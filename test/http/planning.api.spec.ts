import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { planningModule } from '../../src/entry/planning.module.js';

const secretary = 'nina-hald'; // secretary of midt-ksg
const member = 'pia-strand'; // member of midt-ksg

type Problem = { status: number; errors?: { field: string; reason: string }[] };
type Meeting = { id: string; date: string; start: string; end: string; kind: string; status: string; deadlines?: { agendaDue: { date: string } } };

describe.each(backends)('planning REST API on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [planningModule] });
  });
  afterAll(async () => app.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(app.url + path, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it("serves a forum's year publicly: 4 meetings with deadlines, theme days, the chair hand-over; and as Danish text", async () => {
    const r = await get('/api/forums/vest-fg-sb/year/2027');
    expect(r.status).toBe(200);
    const y = (await r.json()) as { source: string; meetings: Meeting[]; constraints: string[]; handovers: { date: string }[] };
    expect(y.source).toBe('stored');
    const ordinary = y.meetings.filter((m) => m.kind === 'ordinary');
    expect(ordinary).toHaveLength(4);
    expect(ordinary.every((m) => m.deadlines?.agendaDue.date)).toBe(true);
    expect(y.meetings.filter((m) => m.kind === 'theme_day')).toHaveLength(2);
    expect(y.constraints.join('\n')).toMatch(/temadage om året med KSG Vest/);
    expect(y.handovers.map((h) => h.date)).toEqual(['2027-07-01']);
    const t = await get('/api/forums/vest-fg-sb/year/2027?format=text');
    expect(t.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await t.text();
    expect(text).toContain('Fokusgruppen Sundhed og Beskæftigelse: årshjul 2027');
    expect(text).toContain('Dagsorden udsendes: tirsdag 26. januar 2027');
    expect(text).toContain('Næste formandsskifte: 1. juli 2027');
  });

  it.each([
    ['GET', '/api/forums/midt-ksg/year/abc', undefined, 'year'],
    ['GET', '/api/forums/midt-ksg/meetings?year=20x7', undefined, 'year'],
    ['POST', '/api/meetings/mtg-midt-ksg-2027-4/move', { date: '11-11-2027', start: '13:00', end: '15:00', reason: 'x' }, 'date'],
    ['POST', '/api/meetings/mtg-midt-ksg-2027-4/move', { date: '2027-11-18', start: '13:00', end: '12:00', reason: 'x' }, 'end'],
    ['POST', '/api/meetings/mtg-midt-ksg-2027-4/cancel', {}, 'reason'],
    ['POST', '/api/forums/midt-ksg/plan/2029/accept', { meetings: [{ date: '2029-02-01', start: '14:00', end: '13:00' }] }, 'meetings.0.end'],
    ['POST', '/api/forums/midt-ksg/plan/2029/accept', { meetings: [{ date: '2030-02-01', start: '13:00', end: '15:00' }] }, 'meetings.0.date'],
  ])('%s %s with bad input: 400 naming the field', async (method, path, body, field) => {
    const r = method === 'GET' ? await get(path, app.as(secretary)) : await post(path, body, app.as(secretary));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const p = (await r.json()) as Problem;
    expect(p.errors?.map((e) => e.field)).toContain(field);
  });

  it.each([
    ['GET', '/api/forums/findes-ikke/year/2027'],
    ['GET', '/api/forums/findes-ikke/plan/2027'],
    ['GET', '/api/forums/findes-ikke/meetings'],
    ['GET', '/api/forums/findes-ikke/deadlines'],
    ['GET', '/api/forums/findes-ikke/rotation'],
    ['GET', '/api/forums/findes-ikke/composition'],
    ['GET', '/api/regions/Region%20Atlantis/year/2027'],
    ['POST', '/api/meetings/findes-ikke/move'],
    ['POST', '/api/meetings/findes-ikke/cancel'],
  ])('%s %s with an unknown id: 404', async (method, path) => {
    const r = method === 'GET' ? await get(path, app.as(secretary)) : await post(path, path.endsWith('move') ? { date: '2027-12-01', start: '13:00', end: '15:00', reason: 'x' } : { reason: 'x' }, app.as(secretary));
    expect(r.status).toBe(404);
  });

  it('needs a signed-in person for the other reads, and the secretariat for writes (403 for a member, nothing changed)', async () => {
    expect((await get('/api/me/deadlines')).status).toBe(401);
    expect((await get('/api/forums/midt-ksg/meetings')).status).toBe(401);
    const move = await post('/api/meetings/mtg-midt-ksg-2027-4/move', { date: '2027-11-18', start: '13:00', end: '15:30', reason: 'x' }, app.as(member));
    expect(move.status).toBe(403);
    const accept = await post('/api/forums/midt-ksg/plan/2029/accept', { meetings: [{ date: '2029-02-01', start: '13:00', end: '15:00' }] }, app.as(member));
    expect(accept.status).toBe(403);
    const cancel = await post('/api/meetings/mtg-midt-ksg-2027-4/cancel', { reason: 'x' }, app.as(member));
    expect(cancel.status).toBe(403);
    const meetings = (await (await get('/api/forums/midt-ksg/meetings?year=2027', app.as(member))).json()) as Meeting[];
    expect(meetings.find((m) => m.id === 'mtg-midt-ksg-2027-4')).toMatchObject({ date: '2027-11-11', status: 'planned' });
    expect((await (await get('/api/forums/midt-ksg/meetings?year=2029', app.as(member))).json()) as Meeting[]).toEqual([]);
  });

  it('plans a year and accepts it; accepting the same plan twice does not double the meetings', async () => {
    const plan = (await (await get('/api/forums/midt-ksg/plan/2028', app.as(secretary))).json()) as {
      proposal: (Meeting & { reasons: string[]; reasonsEn: string[] })[];
      constraints: string[];
      constraintsEn: string[];
    };
    expect(plan.proposal).toHaveLength(4);
    expect(plan.proposal.every((m) => m.reasons.length > 0)).toBe(true);
    expect(plan.proposal.every((m) => m.reasonsEn.length === m.reasons.length)).toBe(true);
    expect(plan.constraintsEn).toHaveLength(plan.constraints.length);
    // The secretariat edits one date before accepting.
    const edited = plan.proposal.map((m, i) => ({ date: i === 0 ? '2028-02-17' : m.date, start: m.start, end: m.end, kind: m.kind }));
    const first = await post('/api/forums/midt-ksg/plan/2028/accept', { meetings: edited }, app.as(secretary));
    expect(first.status).toBe(201);
    expect(((await first.json()) as { created: Meeting[] }).created.map((m) => m.date)[0]).toBe('2028-02-17');
    const second = await post('/api/forums/midt-ksg/plan/2028/accept', { meetings: edited }, app.as(secretary));
    expect(second.status).toBe(200);
    expect(((await second.json()) as { created: Meeting[]; kept: Meeting[] }).created).toEqual([]);
    const listed = (await (await get('/api/forums/midt-ksg/meetings?year=2028', app.as(secretary))).json()) as Meeting[];
    expect(listed.map((m) => m.date)).toEqual(edited.map((m) => m.date).sort());
  });

  it("moves a meeting: the agenda deadline in the forum's year changes; a cancelled meeting cannot be moved (409)", async () => {
    const agendaOf = async () => {
      const y = (await (await get('/api/forums/midt-ksg/year/2027')).json()) as { meetings: Meeting[] };
      return y.meetings.find((m) => m.id === 'mtg-midt-ksg-2027-1')!.deadlines!.agendaDue.date;
    };
    expect(await agendaOf()).toBe('2027-01-28');
    const r = await post('/api/meetings/mtg-midt-ksg-2027-1/move', { date: '2027-02-25', start: '13:00', end: '15:30', reason: 'Formandskabet er forhindret' }, app.as(secretary));
    expect(r.status).toBe(200);
    expect(await agendaOf()).toBe('2027-02-11');
    expect((await post('/api/meetings/mtg-midt-ksg-2027-1/cancel', { reason: 'Ingen punkter' }, app.as(secretary))).status).toBe(200);
    const again = await post('/api/meetings/mtg-midt-ksg-2027-1/move', { date: '2027-03-04', start: '13:00', end: '15:30', reason: 'x' }, app.as(secretary));
    expect(again.status).toBe(409);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/forums/{id}/plan/{year}', '/api/forums/{id}/plan/{year}/accept', '/api/meetings/{id}/move', '/api/me/deadlines', '/api/forums/{id}/year/{year}', '/api/regions/{region}/year/{year}']),
    );
  });

  it("answers deadlines, rotation, composition and the region's year for a signed-in person", async () => {
    const mine = (await (await get('/api/me/deadlines?from=2027-01-01&to=2027-12-31', app.as(member))).json()) as { deadlines: { kind: string; role: string }[] };
    expect(mine.deadlines.length).toBeGreaterThan(0);
    expect(mine.deadlines.filter((d) => d.role === 'member').every((d) => d.kind === 'items_cutoff' || d.kind === 'comment_window_closes')).toBe(true);
    const forum = (await (await get('/api/forums/vest-fg-sb/deadlines?from=2027-01-01&to=2027-12-31', app.as(member))).json()) as { deadlines: unknown[] };
    // 4 ordinary meetings and 2 theme days (stored for the forum itself: its record's deadlines are its own), 4 deadlines each.
    expect(forum.deadlines).toHaveLength(24);
    const rot = (await (await get('/api/forums/vest-fg-sb/rotation', app.as(member))).json()) as { rotation: { nextHandover: { date: string } } };
    expect(rot.rotation.nextHandover.date).toBe('2027-07-01');
    // Midtklyngen's demo steering group: each municipality sends a director and chefs, which fit their seats;
    // two municipalities have no consultant in the secretariat seat, and the hospital is one short.
    const comp = (await (await get('/api/forums/midt-ksg/composition', app.as(member))).json()) as { findings: { code: string; organisationId?: string }[] };
    expect(comp.findings.map((f) => `${f.code}:${f.organisationId ?? ''}`).sort()).toEqual(['seat_vacant:hemidt', 'seat_vacant:silkeborg', 'seat_vacant:skive']);
    // Another forum's composition names its members: for its members and secretariat (vest-ksg's secretary), not for a member of midt-ksg.
    expect((await get('/api/forums/vest-ksg/composition', app.as(member))).status).toBe(403);
    const west = (await (await get('/api/forums/vest-ksg/composition', app.as('bente-vest'))).json()) as { findings: unknown[] };
    expect(west.findings).toEqual([]);
    const region = (await (await get('/api/regions/Region%20Midtjylland/year/2027', app.as(member))).json()) as { months: { duties: unknown[] }[] };
    expect(region.months).toHaveLength(12);
  });
});
