/**
 * The meeting page and the forum page are answered from a cache (issue 18, P2). What a
 * user must never see: an answer from before a write that has completed (through the
 * API, straight into the database, or, on PostgreSQL, by another process), or an answer
 * computed for a time the clock has left.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { backends } from '../support/db.js';
import { openDatabase } from '../../src/adapters/db/database.js';
import { createMeeting, member, secretary, startWorkflowApp, type WorkflowTestApp } from '../workflow/workflow.fixture.js';

describe.each(backends)('cached reads on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId: string;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meetingId = (await createMeeting(app)).id;
  });
  afterAll(async () => app?.close());

  const page = async (as = secretary) => {
    const r = await app.call('GET', `/api/meetings/${meetingId}`, as);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('application/json');
    return r.body;
  };

  it('a read changes nothing: reading the page twice leaves the data revision as it was', async () => {
    await page();
    const before = app.deps.database.revision.value;
    await page();
    await app.call('GET', '/api/forums/midt-ksg', member);
    expect(app.deps.database.revision.value).toBe(before);
  });

  it('sends a cached page compressed as the caller accepts (Brotli, gzip or none), the same JSON each way', async () => {
    const plain = await app.call('GET', `/api/meetings/${meetingId}`, secretary, undefined, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, encoding] of [['br', 'br'], ['gzip, deflate', 'gzip'], ['gzip;q=1, br;q=0.5', 'gzip'], ['br;q=0, *', 'gzip']] as const) {
      // Twice: the fill and a hit from the kept bytes.
      for (let i = 0; i < 2; i++) {
        const r = await app.call('GET', `/api/meetings/${meetingId}`, secretary, undefined, { 'accept-encoding': accept });
        expect(r.status).toBe(200);
        expect(r.headers['content-encoding']).toBe(encoding);
        expect(String(r.headers['vary'])).toMatch(/accept-encoding/i);
        expect(r.body).toEqual(plain.body);
      }
    }
  });

  it('shows a change made through the API at once', async () => {
    await page(member);
    const before = (await page(member)).attendance.find((a: { personId: string }) => a.personId === member).answer;
    expect(before).toBeNull();
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/me`, member, { answer: 'attending' })).status).toBe(200);
    expect((await page(member)).attendance.find((a: { personId: string }) => a.personId === member).answer).toBe('attending');
  });

  it('shows a change written straight into the database at once (a job, a CLI command, a test)', async () => {
    await page();
    await app.deps.database.db.execute(sql`update meetings set location = 'Aarhus Rådhus, mødesal 1' where id = ${meetingId}`);
    expect((await page()).meeting.location).toBe('Aarhus Rådhus, mødesal 1');
  });

  it('shows a forum renamed in the database on the forum page at once', async () => {
    const name = async () => (await app.call('GET', '/api/forums/midt-ksg', member)).body.forum.name as string;
    const was = await name();
    await app.deps.database.db.execute(sql`update forums set name = ${`${was} (omdøbt)`} where id = 'midt-ksg'`);
    expect(await name()).toBe(`${was} (omdøbt)`);
    await app.deps.database.db.execute(sql`update forums set name = ${was} where id = 'midt-ksg'`);
    expect(await name()).toBe(was);
  });

  it('follows the clock: the meeting has started once the clock passes its start', async () => {
    app.clock.set('2027-03-10T11:00:00Z'); // 12:00 in Copenhagen, the meeting starts 13:00
    expect((await page()).started).toBe(false);
    app.clock.set('2027-03-10T12:05:00Z');
    expect((await page()).started).toBe(true);
    app.clock.set('2027-02-01T09:00:00Z');
    expect((await page()).started).toBe(false);
  });

  it('keeps one caller\'s answer from another: a member does not get the secretary\'s page', async () => {
    const s = await page(secretary);
    const m = await page(member);
    expect(s.permissions).not.toEqual(m.permissions);
  });

  if (backend.name === 'postgres') {
    it('shows a change made by another process on the same database within a moment (LISTEN/NOTIFY)', async () => {
      await page();
      const other = await openDatabase({ kind: 'postgres', connectionString: app.deps.database.connectionString!, poolSize: 1 });
      try {
        const before = app.deps.database.revision.value;
        await other.db.execute(sql`update meetings set location = 'Skejby, auditorium' where id = ${meetingId}`);
        const until = Date.now() + 10_000;
        while (app.deps.database.revision.value === before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        expect(app.deps.database.revision.value).not.toBe(before);
        expect((await page()).meeting.location).toBe('Skejby, auditorium');
      } finally {
        await other.close();
      }
    });
  }
});
