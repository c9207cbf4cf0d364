/**
 * A region's extra closed days end to end: the API (rights, validation, audit),
 * and every place that computes a forum's deadlines following them (meetings
 * list, meeting page, årshjul, my deadlines), on both backends. The demo region
 * closes 28-30 December 2026 and 2027 ("Juleugen").
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { backends } from '../support/db.js';
import { coChair, createMeeting, forumId, member, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const regionSecretary = 'dorte-bach'; // secretary of Sundhedskoordinationsudvalget (top level) and of the Fælles sekretariat
const jointChair = 'camilla-holm'; // chair of the Fælles sekretariat
const region = encodeURIComponent('Region Midtjylland');
const days = `/api/regions/${region}/closed-days`;

describe.each(backends)("a region's closed days on $name", (backend) => {
  let app: WorkflowTestApp;
  let before: string; // meeting 21 December 2026: minutes nominally due Monday 28 December
  let after: string; // meeting 12 January 2027: agenda nominally due Tuesday 29 December
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2026-12-01T09:00:00Z', { modules: (workflow) => [planningModule, workflow] });
    before = (await createMeeting(app, { date: '2026-12-21', start: '13:00', end: '15:00' })).id;
    after = (await createMeeting(app, { date: '2027-01-12', start: '13:00', end: '15:00' })).id;
  });
  afterAll(async () => app?.close());

  const listed = async (year: number) => (await app.call('GET', `${days}?year=${year}`, member)).body.closedDays.map((d: { date: string }) => d.date);
  const meetingIn = async (year: number, id: string) => (await app.call('GET', `/api/forums/${forumId}/meetings?year=${year}`, member)).body.find((m: { id: string }) => m.id === id);
  const writes = async () => (await auditRepository(app.db.db).listForForum('skuu')).filter((e) => e.action.startsWith('region.closed_day'));

  it('lists the demo Christmas week to anyone signed in; canEdit only for the region secretariat', async () => {
    expect((await app.call('GET', days)).status).toBe(401);
    const r = await app.call('GET', `${days}?year=2026`, member);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ region: 'Region Midtjylland', year: 2026, canEdit: false });
    expect(r.body.closedDays.map((d: { date: string; label: string }) => `${d.date} ${d.label}`)).toEqual(['2026-12-28 Juleugen', '2026-12-29 Juleugen', '2026-12-30 Juleugen']);
    expect(await listed(2027)).toEqual(['2027-12-28', '2027-12-29', '2027-12-30']);
    // With a year, Denmark's public holidays of that year too, named in both languages (the meeting form names the day).
    expect(r.body.publicHolidays).toHaveLength(10);
    expect(r.body.publicHolidays).toContainEqual({ date: '2026-12-25', da: 'Juledag', en: 'Christmas Day' });
    expect(r.body.publicHolidays).toContainEqual({ date: '2026-04-02', da: 'Skærtorsdag', en: 'Maundy Thursday' });
    expect((await app.call('GET', days, member)).body.closedDays).toHaveLength(6);
    expect((await app.call('GET', days, member)).body.publicHolidays).toBeUndefined();
    for (const p of [regionSecretary, jointChair]) expect((await app.call('GET', days, p)).body.canEdit).toBe(true);
    for (const p of [secretary, coChair]) expect((await app.call('GET', days, p)).body.canEdit).toBe(false);
    // The region's name as forums spell it, in any case.
    expect((await app.call('GET', `/api/regions/${encodeURIComponent('region midtjylland')}/closed-days`, member)).body.region).toBe('Region Midtjylland');
    expect((await app.call('GET', `/api/regions/${encodeURIComponent('Region Atlantis')}/closed-days`, member)).status).toBe(404);
  });

  it('the demo Christmas week moves deadlines: in the meetings list, on the meeting page, in the årshjul and in my deadlines', async () => {
    const a = await meetingIn(2026, before);
    expect(a.deadlines.minutesDue).toMatchObject({ nominalDate: '2026-12-28', date: '2026-12-31' });
    expect(a.deadlines.minutesDue.adjustedBecause).toMatch(/28\. december er lukkedag/);
    expect((await meetingIn(2027, after)).deadlines.agendaDue).toMatchObject({ nominalDate: '2026-12-29', date: '2026-12-24' });
    expect((await app.call('GET', `/api/meetings/${before}`, member)).body.deadlines.minutesDue.date).toBe('2026-12-31');
    const wheel = (await app.call('GET', `/api/forums/${forumId}/year/2026`)).body;
    expect(wheel.meetings.find((m: { id?: string }) => m.id === before).deadlines.minutesDue.date).toBe('2026-12-31');
    const mine = (await app.call('GET', '/api/me/deadlines', secretary)).body.deadlines;
    expect(mine.find((d: { kind: string; meetingId: string }) => d.kind === 'minutes_due' && d.meetingId === before).date).toBe('2026-12-31');
    expect(mine.find((d: { kind: string; meetingId: string }) => d.kind === 'agenda_due' && d.meetingId === after).date).toBe('2026-12-24');
  });

  it.each([
    ['a date that does not exist', 'PUT', `${days}/2026-02-30`, { label: 'Lukket' }, 'date'],
    ['a date in another format', 'PUT', `${days}/31-12-2026`, { label: 'Lukket' }, 'date'],
    ['a year out of range', 'PUT', `${days}/2150-12-31`, { label: 'Lukket' }, 'date'],
    ['no label', 'PUT', `${days}/2026-12-31`, {}, 'label'],
    ['an empty label', 'PUT', `${days}/2026-12-31`, { label: '  ' }, 'label'],
    ['a too long label', 'PUT', `${days}/2026-12-31`, { label: 'x'.repeat(101) }, 'label'],
    ['a bad date to delete', 'DELETE', `${days}/2026-13-01`, undefined, 'date'],
    ['a bad year to list', 'GET', `${days}?year=20x6`, undefined, 'year'],
  ])('%s: 400 problem+json naming the field, nothing written', async (_what, method, url, body, field) => {
    const r = await app.call(method, url, regionSecretary, body);
    expect(r.status).toBe(400);
    expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await listed(2026)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30']);
    expect(await writes()).toEqual([]);
  });

  it("refuses writes to everyone but the region's secretariat (the forum's own secretariat is not enough), writing nothing", async () => {
    for (const [method, body] of [['PUT', { label: 'Nytårsaftensdag' }], ['DELETE', undefined]] as const) {
      expect((await app.call(method, `${days}/2026-12-28`, undefined, body)).status).toBe(401);
      for (const p of [member, secretary, coChair]) {
        const r = await app.call(method, `${days}/2026-12-28`, p, body);
        expect(r.status).toBe(403);
        expect(r.body.detailDa).toBe('Kun regionens sekretariat må ændre regionens lukkedage');
      }
    }
    expect((await app.call('PUT', `/api/regions/${encodeURIComponent('Region Atlantis')}/closed-days/2026-12-31`, regionSecretary, { label: 'x' })).status).toBe(404);
    expect((await app.call('GET', `${days}?year=2026`, member)).body.closedDays.map((d: { label: string }) => d.label)).toEqual(['Juleugen', 'Juleugen', 'Juleugen']);
    expect(await writes()).toEqual([]);
  });

  it('the comment window of minutes already sent keeps the close it was given, and so does its tacit-approval job', async () => {
    const item = await app.call('POST', `/api/meetings/${before}/items`, secretary, { title: 'Status' });
    expect(item.status).toBe(201);
    expect((await app.call('POST', `/api/meetings/${before}/agenda/approve`, coChair)).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${before}/agenda/send`, secretary)).status).toBe(200);
    app.clock.set('2026-12-22T09:00:00Z');
    expect((await app.call('PUT', `/api/meetings/${before}/items/${item.body.id}/decision`, secretary, { decision: 'Taget til efterretning.' })).status).toBe(200);
    const sent = await app.call('POST', `/api/meetings/${before}/minutes/send`, secretary, { confirmContradictions: true });
    expect(sent.status).toBe(200);
    // 7 days from Tuesday 22 December is Tuesday 29 December, closed: Thursday 31 December, 16:00 in Copenhagen.
    expect(sent.body.windowClosesAt).toBe('2026-12-31T15:00:00.000Z');
    // The region reopens 29 December; the open window and its job stay as told.
    expect((await app.call('DELETE', `${days}/2026-12-29`, regionSecretary)).status).toBe(200);
    const page = (await app.call('GET', `/api/meetings/${before}`, member)).body;
    expect(page.minutes.windowClosesAt).toBe('2026-12-31T15:00:00.000Z');
    expect(page.deadlines.commentWindowCloses).toMatchObject({ date: '2026-12-31', at: '2026-12-31T15:00:00Z' });
    const job = await app.db.db.execute(sql`select start_after from pgboss_v10.job where name = 'minutes.tacit-approval' and singleton_key = ${`${before}:v1`}`);
    const rows = (job as unknown as { rows?: { start_after: unknown }[] }).rows ?? (job as unknown as { start_after: unknown }[]);
    expect(rows).toHaveLength(1);
    expect(new Date(String(rows[0]!.start_after instanceof Date ? rows[0]!.start_after.toISOString() : rows[0]!.start_after)).toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect((await app.call('PUT', `${days}/2026-12-29`, regionSecretary, { label: 'Juleugen' })).status).toBe(201);
  });

  it('adds, relabels and removes closed days with audit entries; deadlines follow on the next read', async () => {
    const added = await app.call('PUT', `${days}/2026-12-31`, jointChair, { label: 'Nytårsaftensdag' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ region: 'Region Midtjylland', date: '2026-12-31', label: 'Nytårsaftensdag', addedBy: jointChair });
    // Now the whole week is closed: minutes due after it, on Monday 4 January (1 January is a holiday, 2-3 a weekend).
    expect((await meetingIn(2026, before)).deadlines.minutesDue.date).toBe('2027-01-04');
    const relabelled = await app.call('PUT', `${days}/2026-12-31`, regionSecretary, { label: 'Juleugen' });
    expect(relabelled.status).toBe(200);
    expect(relabelled.body).toMatchObject({ label: 'Juleugen', addedBy: jointChair });

    for (const d of ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']) expect((await app.call('DELETE', `${days}/${d}`, regionSecretary)).status).toBe(200);
    expect((await app.call('DELETE', `${days}/2026-12-31`, regionSecretary)).status).toBe(404);
    expect(await listed(2026)).toEqual([]);
    expect((await meetingIn(2026, before)).deadlines.minutesDue).toMatchObject({ date: '2026-12-28' });
    expect((await meetingIn(2027, after)).deadlines.agendaDue).toMatchObject({ date: '2026-12-29' });
    expect((await app.call('GET', `/api/forums/${forumId}/year/2026`)).body.meetings.find((m: { id?: string }) => m.id === before).deadlines.minutesDue.date).toBe('2026-12-28');

    const log = await writes();
    expect(log.map((e) => `${e.action} ${e.target} ${e.actorPersonId}`).sort()).toEqual(
      [
        'region.closed_day.delete Region Midtjylland/2026-12-28 dorte-bach',
        'region.closed_day.delete Region Midtjylland/2026-12-29 dorte-bach',
        'region.closed_day.delete Region Midtjylland/2026-12-29 dorte-bach',
        'region.closed_day.delete Region Midtjylland/2026-12-30 dorte-bach',
        'region.closed_day.delete Region Midtjylland/2026-12-31 dorte-bach',
        'region.closed_day.put Region Midtjylland/2026-12-29 dorte-bach',
        'region.closed_day.put Region Midtjylland/2026-12-31 camilla-holm',
        'region.closed_day.put Region Midtjylland/2026-12-31 dorte-bach',
      ].sort(),
    );
    expect(log.find((e) => e.action === 'region.closed_day.put' && e.actorPersonId === regionSecretary && e.target?.endsWith('12-31'))?.detail).toMatchObject({ label: 'Juleugen', previousLabel: 'Nytårsaftensdag' });
  });
});
