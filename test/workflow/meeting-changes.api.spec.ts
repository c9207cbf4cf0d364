/**
 * Issue 13 (points 2, 3, 8) through the API, on every backend: a forum's defaults
 * for new meetings; one meeting added, edited (place, online, title), moved (a
 * reason named when missing) and cancelled, each with its Outlook sync job in the
 * outbox; attendance with every explicit state, the contradiction check before
 * the minutes go out (409 listing them, then sent with the confirmation), and the
 * minute-taker never under "Afbud"; a 2020 meeting recorded as history with its
 * real dates, and nothing sent for it. Every refusal names the field and writes
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { planningModule } from '../../src/entry/planning.module.js';
import { backends } from '../support/db.js';
import { coChair, forumId, member, member2, member3, outsider, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const rows = (r: unknown) => ((r as { rows?: Record<string, unknown>[] }).rows ?? (r as Record<string, unknown>[]));

describe.each(backends)('meetings changed by the secretariat on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z', { modules: (workflow) => [planningModule, workflow] });
  });
  afterAll(async () => app?.close());

  const syncJobs = async (meetingId: string) =>
    rows(await app.db.db.execute(sql`select data from pgboss_v10.job where name = 'm365.meeting-sync' and data->>'meetingId' = ${meetingId} order by created_on`)).map((r) => (r.data as { change: string }).change);
  const meetingCount = async () => Number(rows(await app.db.db.execute(sql`select count(*)::int as n from meetings where forum_id = ${forumId}`))[0]!.n);
  const expectProblem = (r: { status: number; headers: Record<string, unknown>; body: any }, status: number, field: string) => {
    expect(r.status).toBe(status);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    expect((r.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect(typeof r.body.detail).toBe('string');
  };

  let meetingId = '';

  it("sets the forum's defaults for new meetings; refuses a blank place, and a member", async () => {
    expectProblem(await app.call('PUT', `/api/forums/${forumId}/meeting-defaults`, secretary, { location: '  ', online: true }), 400, 'location');
    expect((await app.call('PUT', `/api/forums/${forumId}/meeting-defaults`, member, { location: 'X', online: true })).status).toBe(403);
    expect((await app.call('GET', `/api/forums/${forumId}/meeting-defaults`, member)).body).toEqual({ forumId, location: null, online: false });
    const put = await app.call('PUT', `/api/forums/${forumId}/meeting-defaults`, secretary, { location: 'Regionshuset Viborg, lokale 2', online: true });
    expect(put.status).toBe(200);
    expect((await app.call('GET', `/api/forums/${forumId}/meeting-defaults`, member)).body).toEqual({ forumId, location: 'Regionshuset Viborg, lokale 2', online: true });
  });

  it('adds one extraordinary meeting with the defaults and an Outlook sync job; refuses bad input naming the field, writing nothing', async () => {
    const before = await meetingCount();
    expectProblem(await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2027-13-01', start: '10:00', end: '11:00' }), 400, 'date');
    expectProblem(await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2027-04-21', start: '10:00', end: '09:00' }), 400, 'end');
    expectProblem(await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2026-04-21', start: '10:00', end: '11:00' }), 400, 'date');
    expectProblem(await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2027-04-21', start: '10:00', end: '11:00', kind: 'joint' }), 400, 'jointWithForumId');
    expectProblem(await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2027-04-21', start: '10:00', end: '11:00', kind: 'joint', jointWithForumId: 'no-such-forum' }), 400, 'jointWithForumId');
    expect((await app.call('POST', `/api/forums/${forumId}/meetings`, member, { date: '2027-04-21', start: '10:00', end: '11:00' })).status).toBe(403);
    expect(await meetingCount()).toBe(before);

    const r = await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2027-04-21', start: '10:00', end: '12:00', kind: 'extraordinary', title: 'Ekstraordinært møde om udskrivning' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ forumId, date: '2027-04-21', start: '10:00', end: '12:00', kind: 'extraordinary', status: 'planned', location: 'Regionshuset Viborg, lokale 2', online: true });
    expect(r.body.deadlines.agendaDue.date).toBe('2027-04-07');
    meetingId = r.body.id;
    expect(await syncJobs(meetingId)).toEqual(['created']);
    expect(await meetingCount()).toBe(before + 1);
    // The same slot again is refused: the forum already meets then.
    expectProblem(await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2027-04-21', start: '11:00', end: '13:00' }), 400, 'start');
  });

  it('edits place, online and title; a change of time needs a reason; a stale revision is refused; nothing written on refusal', async () => {
    expectProblem(await app.call('PATCH', `/api/meetings/${meetingId}`, secretary, { start: '13:00', end: '15:00' }), 400, 'reason');
    expectProblem(await app.call('PATCH', `/api/meetings/${meetingId}`, secretary, { location: null, online: false }), 400, 'location');
    expectProblem(await app.call('PATCH', `/api/meetings/${meetingId}`, secretary, { end: '09:00' }), 400, 'end');
    expectProblem(await app.call('PATCH', `/api/meetings/${meetingId}`, secretary, { location: 'Et sted', revision: 99 }), 409, 'revision');
    expect((await app.call('PATCH', `/api/meetings/${meetingId}`, member, { location: 'Et sted' })).status).toBe(403);
    expect(await syncJobs(meetingId)).toEqual(['created']);

    const placed = await app.call('PATCH', `/api/meetings/${meetingId}`, secretary, { location: 'Hospitalsenhed Midt, auditoriet', online: false, revision: 1 });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ moved: false, meeting: { location: 'Hospitalsenhed Midt, auditoriet', online: false, revision: 2 } });
    const moved = await app.call('PATCH', `/api/meetings/${meetingId}`, secretary, { date: '2027-04-28', start: '13:00', end: '15:00', reason: 'Formanden er forhindret' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ moved: true, meeting: { date: '2027-04-28', start: '13:00', revision: 3 } });
    expect(moved.body.meeting.deadlines.agendaDue.date).toBe('2027-04-14');
    expect((await syncJobs(meetingId)).sort()).toEqual(['created', 'moved', 'updated']);
    const audit = rows(await app.db.db.execute(sql`select action, detail from audit_log where target = ${meetingId} order by id`)).map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['meeting.add', 'meeting.edit', 'meeting.move']));
  });

  it('cancels with a reason (the existing route); a cancelled meeting cannot be edited', async () => {
    expectProblem(await app.call('POST', `/api/meetings/${meetingId}/cancel`, secretary, { reason: '' }), 400, 'reason');
    expect((await app.call('POST', `/api/meetings/${meetingId}/cancel`, secretary, { reason: 'Punkterne kan vente til næste møde' })).status).toBe(200);
    expect((await syncJobs(meetingId)).sort()).toEqual(['cancelled', 'created', 'moved', 'updated']);
    const r = await app.call('PATCH', `/api/meetings/${meetingId}`, secretary, { location: 'Et sted' });
    expect(r.status).toBe(409);
  });

  describe('attendance without ambiguity', () => {
    let held = '';
    const standIn = 'rikke-sol';
    beforeAll(async () => {
      held = (await app.call('POST', `/api/forums/${forumId}/meetings`, secretary, { date: '2027-03-03', start: '13:00', end: '15:00' })).body.id;
      // A registered stand-in of the forum (for Kasper Toft).
      expect((await app.call('POST', '/api/memberships', secretary, { personId: standIn, forumId, role: 'substitute', substituteForId: `m-${forumId}-${member3}`, from: '2027-01-01' })).status).toBe(201);
    });

    it('keeps every state apart: not answered, attending, apologies, a registered stand-in, a named substitute', async () => {
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/me`, member2, { answer: 'attending' })).status).toBe(200);
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/me`, member, { answer: 'apologies' })).status).toBe(200);
      expectProblem(await app.call('PUT', `/api/meetings/${held}/attendance/me`, member3, { answer: 'substitute' }), 400, 'substituteName');
      expectProblem(await app.call('PUT', `/api/meetings/${held}/attendance/me`, member3, { answer: 'substitute', substitutePersonId: 'bo-lund' }), 400, 'substitutePersonId');
      expectProblem(await app.call('PUT', `/api/meetings/${held}/attendance/me`, member3, { answer: 'apologies', substituteName: 'X' }), 400, 'substituteName');
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/me`, member3, { answer: 'substitute', substitutePersonId: standIn })).status).toBe(200);
      // The secretariat records an answer given by e-mail, with a named substitute.
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/bo-lund`, secretary, { answer: 'substitute', substituteName: 'Anders Mølgaard' })).status).toBe(200);
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/bo-lund`, member, { answer: 'attending' })).status).toBe(403);
      expectProblem(await app.call('PUT', `/api/meetings/${held}/attendance/${outsider}`, secretary, { answer: 'attending' }), 400, 'personId');
      expectProblem(await app.call('PUT', `/api/meetings/${held}/attendance/bo-lund`, secretary, { answer: 'attending', present: true }), 400, 'present');

      const page = (await app.call('GET', `/api/meetings/${held}`, secretary)).body;
      const row = (id: string) => page.attendance.find((a: { personId: string }) => a.personId === id);
      expect(row(member2)).toMatchObject({ answer: 'attending', present: null });
      expect(row(member)).toMatchObject({ answer: 'apologies' });
      expect(row(member3)).toMatchObject({ answer: 'substitute', substitutePersonId: standIn, substituteName: 'Rikke Sol' });
      expect(row('bo-lund')).toMatchObject({ answer: 'substitute', substituteName: 'Anders Mølgaard', substitutePersonId: null });
      expect(row('frida-skov')).toMatchObject({ answer: null, present: null });
      expect(page.standIns).toEqual([expect.objectContaining({ personId: standIn, name: 'Rikke Sol' })]);
      // Before the meeting nothing is contradictory yet.
      expect(page.contradictions).toEqual([]);
    });

    it('after the meeting: the secretary and minute-taker present by default; contradictions listed; minutes refused (409) until confirmed', async () => {
      app.clock.set('2027-03-04T09:00:00Z');
      // Pia sent apologies but came after all (recorded present), the minute-taker Nina sent apologies.
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/${member}`, secretary, { answer: 'apologies', present: true })).status).toBe(200);
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/${secretary}`, secretary, { answer: 'apologies' })).status).toBe(200);
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/${member2}`, secretary, { answer: 'attending', present: false })).status).toBe(200);
      const page = (await app.call('GET', `/api/meetings/${held}`, secretary)).body;
      expect(page.attendance.find((a: { personId: string }) => a.personId === 'ole-bak')).toMatchObject({ present: true, presentByDefault: true });
      const codes = page.contradictions.map((c: { code: string; personId: string }) => `${c.code}:${c.personId}`);
      expect(codes).toEqual(expect.arrayContaining([`present_with_apologies:${member}`, `minute_taker_absent:${secretary}`, 'unanswered:frida-skov']));
      expect(codes).not.toContain(`unanswered:ole-bak`);

      const refused = await app.call('POST', `/api/meetings/${held}/minutes/send`, secretary);
      expect(refused.status).toBe(409);
      expect(String(refused.headers['content-type'])).toContain('application/problem+json');
      expect(refused.body.contradictions.length).toBe(page.contradictions.length);
      expect(refused.body.errors).toEqual(expect.arrayContaining([{ field: `attendance.${member}`, reason: 'present_with_apologies' }]));
      expect(refused.body.detailDa).toContain('uoverensstemmelse');
      expect((await app.call('GET', `/api/meetings/${held}`, secretary)).body.minutes.status).toBe('draft');

      // The minute-taker really was there: resolved; the rest confirmed with the send.
      expect((await app.call('PUT', `/api/meetings/${held}/attendance/${secretary}`, secretary, { answer: null, present: true })).status).toBe(200);
      const sent = await app.call('POST', `/api/meetings/${held}/minutes/send`, secretary, { confirmContradictions: true });
      expect(sent.status).toBe(200);
      const html = (await app.call('GET', `/api/meetings/${held}/minutes.html`, secretary)).text;
      const afbud = html.slice(html.indexOf('Afbud'), html.indexOf('Mødedato'));
      expect(afbud).not.toContain('Nina Hald');
      expect(afbud).toContain('Lise Brandt');
      expect(afbud).toContain('Kasper Toft');
    });
  });

  describe('history', () => {
    it('records a 2020 meeting with its real dates; nothing is sent for it', async () => {
      const jobsBefore = Number(rows(await app.db.db.execute(sql`select count(*)::int as n from pgboss_v10.job`))[0]!.n);
      const before = await meetingCount();
      const body = { date: '2020-03-12', start: '13:00', end: '15:00', location: 'Regionshuset Viborg', agendaSentOn: '2020-02-27', minutesSentOn: '2020-03-19', approvedOn: '2020-03-27', publishedOn: '2020-03-30', items: [{ title: 'Status på sundhedsaftalen', decision: 'Taget til efterretning.' }] };
      expectProblem(await app.call('POST', `/api/forums/${forumId}/history`, secretary, { ...body, date: '2027-03-12' }), 400, 'date');
      expectProblem(await app.call('POST', `/api/forums/${forumId}/history`, secretary, { ...body, agendaSentOn: '2020-03-13' }), 400, 'agendaSentOn');
      expectProblem(await app.call('POST', `/api/forums/${forumId}/history`, secretary, { ...body, approvedOn: '2020-03-18' }), 400, 'approvedOn');
      expectProblem(await app.call('POST', `/api/forums/${forumId}/history`, secretary, { ...body, approvedOn: undefined }), 400, 'approvedOn');
      expectProblem(await app.call('POST', `/api/forums/${forumId}/history`, secretary, { ...body, publishedOn: '2030-01-01' }), 400, 'publishedOn');
      expect((await app.call('POST', `/api/forums/${forumId}/history`, member, body)).status).toBe(403);
      expect(await meetingCount()).toBe(before);

      const r = await app.call('POST', `/api/forums/${forumId}/history`, secretary, body);
      expect(r.status).toBe(201);
      expect(r.body.meeting).toMatchObject({ date: '2020-03-12', status: 'held', historical: true, agendaSentAt: '2020-02-27T11:00:00Z', minutesSentAt: '2020-03-19T11:00:00Z' });
      const id = r.body.meeting.id as string;
      const page = (await app.call('GET', `/api/meetings/${id}`, member)).body;
      expect(page.meeting.historical).toBe(true);
      expect(page.minutes).toMatchObject({ status: 'published', approvedAt: '2020-03-27T11:00:00.000Z', publishedAt: '2020-03-30T10:00:00.000Z' });
      expect(page.items.map((i: { title: string; decision?: string }) => [i.title, i.decision])).toEqual([['Status på sundhedsaftalen', 'Taget til efterretning.']]);
      const html = (await app.call('GET', `/api/meetings/${id}/minutes.html`, member)).text;
      expect(html).toContain('30. marts 2020');
      expect(html).toContain('Registreret efterfølgende som historik');
      expect(html).not.toContain('2027');
      // Nothing sent: no job of any kind (no Outlook sync, no tacit approval, no notification).
      expect(Number(rows(await app.db.db.execute(sql`select count(*)::int as n from pgboss_v10.job`))[0]!.n)).toBe(jobsBefore);
      // A historical meeting cannot be moved or edited.
      expect((await app.call('PATCH', `/api/meetings/${id}`, secretary, { location: 'X' })).status).toBe(409);
      expect((await app.call('POST', `/api/meetings/${id}/move`, coChair, { date: '2027-05-05', start: '10:00', end: '11:00', reason: 'x' })).status).toBe(409);
    });
  });
});
