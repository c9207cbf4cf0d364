/**
 * The meeting's shared item timer through the REST API, on every backend: what the Teams
 * meeting's side panel and stage of every participant show. The forum's secretariat (chair,
 * co-chair, secretary) starts it, moves it to the next or previous item, past the last item
 * (through) and back to not started; each step starts the item's time on the server's clock.
 * Members read it and cannot move it; outsiders and the anonymous cannot read it; a step past
 * the agenda's end is refused naming the field, in Danish and English, and nothing is written;
 * a cancelled meeting's timer does not move.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { coChair, createMeeting, member, outsider, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

describe.each(backends)('the meeting timer through the API on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId: string;
  /** The agenda's items (the standard items come with the first one added). */
  let n: number;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meetingId = (await createMeeting(app)).id;
    expect((await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på sundhedsaftalen', kind: 'orientation', minutes: 10 })).status).toBe(201);
    n = (await app.call('GET', `/api/meetings/${meetingId}`, secretary)).body.items.length;
    expect(n).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => app?.close());

  const timer = (as: string | undefined = member) => app.call('GET', `/api/meetings/${meetingId}/timer`, as);
  const move = (index: unknown, as: string = secretary) => app.call('PUT', `/api/meetings/${meetingId}/timer`, as, { index });

  it('is not started until the secretariat starts it; members read it and may not run it', async () => {
    const r = await timer(member);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toEqual({ meetingId, index: -1, startedAt: null, serverNow: app.clock.now().toISOString(), canRun: false });
    expect((await timer(secretary)).body.canRun).toBe(true);
    expect((await timer(coChair)).body.canRun).toBe(true);
    const refused = await move(0, member);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detailDa).toMatch(/Kun forummets sekretariat/);
    expect((await timer(outsider)).status).toBe(403);
    expect((await app.call('GET', `/api/meetings/${meetingId}/timer`, undefined)).status).toBe(401);
    expect((await timer(member)).body.index).toBe(-1);
  });

  it('starts, steps on and back with the time of each step, goes through and back to not started', async () => {
    app.clock.set('2027-03-10T12:00:00.000Z');
    let r = await move(0);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ index: 0, startedAt: '2027-03-10T12:00:00.000Z', canRun: true });
    app.clock.set('2027-03-10T12:07:30.000Z');
    r = await timer(member);
    // Every participant sees the same item and counts from the same start, with the server's clock beside it.
    expect(r.body).toMatchObject({ index: 0, startedAt: '2027-03-10T12:00:00.000Z', serverNow: '2027-03-10T12:07:30.000Z', canRun: false });
    r = await move(1, coChair);
    expect(r.body).toMatchObject({ index: 1, startedAt: '2027-03-10T12:07:30.000Z' });
    app.clock.set('2027-03-10T12:20:00.000Z');
    // Past the last item: the meeting is through, no item's time runs.
    expect((await move(n)).body).toMatchObject({ index: n, startedAt: null });
    expect((await timer(member)).body).toMatchObject({ index: n, startedAt: null });
    expect((await move(0)).body).toMatchObject({ index: 0, startedAt: '2027-03-10T12:20:00.000Z' });
    expect((await move(-1)).body).toMatchObject({ index: -1, startedAt: null });
    const audit = await app.call('GET', `/api/forums/midt-ksg/audit?limit=50`, secretary);
    expect(audit.status).toBe(200);
    const rows = (audit.body.items ?? audit.body).filter((a: { action: string }) => a.action === 'meeting.timer');
    expect(rows.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a step past the end of the agenda or a bad index, naming the field in Danish and English, and writes nothing', async () => {
    await move(1);
    for (const bad of [n + 1, 1.5, '1', null, -2]) {
      const r = await move(bad);
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(r.body)).toMatch(/index/);
      expect(r.body.detailDa ?? r.body.titleDa).toBeTruthy();
    }
    const past = await move(n + 1);
    expect(past.body.detailDa).toMatch(/dagsordenens sidste punkt/);
    expect(past.body.detail).toMatch(/past the end of the agenda/);
    expect((await timer(member)).body.index).toBe(1);
  });

  it('does not move on a cancelled meeting, and shows no one as able to run it', async () => {
    const cancelled = (await createMeeting(app, { date: '2027-05-12', status: 'cancelled' })).id;
    const r = await app.call('PUT', `/api/meetings/${cancelled}/timer`, secretary, { index: 0 });
    expect(r.status).toBe(409);
    expect(r.body.detailDa).toMatch(/aflyst/);
    expect((await app.call('GET', `/api/meetings/${cancelled}/timer`, secretary)).body).toMatchObject({ index: -1, canRun: false });
  });
});
