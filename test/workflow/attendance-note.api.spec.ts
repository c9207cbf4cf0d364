/**
 * Issue 16: a short note with apologies or a substitute ("på ferie"). A member gives
 * it with the answer (PUT /api/meetings/:id/attendance/me), the secretariat records it
 * on a member's behalf; it is trimmed, shown on the meeting page and in the minutes'
 * header ("Afbud: Navn (note)"), kept while the answer stays apologies or substitute,
 * cleared by "attending", audited, and a note that is too long is refused (400
 * problem+json in Danish and English) with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { workflowRepository } from '../../src/adapters/db/workflow.repository.js';
import { backends } from '../support/db.js';
import { createMeeting, forumId, member, member2, member3, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

describe.each(backends)('the note with apologies, on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z');
  });
  afterAll(async () => app.close());

  const rowOf = async (meetingId: string, personId: string) =>
    ((await app.call('GET', `/api/meetings/${meetingId}`, secretary)).body.attendance as { personId: string; answer: string | null; note: string | null }[]).find((a) => a.personId === personId)!;
  const stored = async (meetingId: string, personId: string) => (await workflowRepository(app.db.db).listAttendance(meetingId)).find((a) => a.personId === personId);

  it('is given with apologies (trimmed), shown on the meeting page, audited, kept while the answer stays, cleared by attending', async () => {
    const m = await createMeeting(app);
    const put = await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member, { answer: 'apologies', note: '  På ferie i uge 10  ' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ answer: 'apologies', note: 'På ferie i uge 10' });
    expect(await rowOf(m.id, member)).toMatchObject({ answer: 'apologies', note: 'På ferie i uge 10' });
    const audit = (await auditRepository(app.db.db).listForForum(forumId, 500)).find((e) => e.action === 'attendance.answer' && e.target === m.id);
    expect(audit?.detail).toMatchObject({ answer: 'apologies', note: 'På ferie i uge 10' });

    // Answering apologies again without a note (as the bot's button does) keeps it; a substitute keeps it too.
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member, { answer: 'apologies' })).status).toBe(200);
    expect((await rowOf(m.id, member)).note).toBe('På ferie i uge 10');
    // An empty note clears it.
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member, { answer: 'apologies', note: '   ' })).status).toBe(200);
    expect((await rowOf(m.id, member)).note).toBeNull();

    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member, { answer: 'substitute', substituteName: 'Anders Mølgaard', note: 'Kursus' })).status).toBe(200);
    expect(await rowOf(m.id, member)).toMatchObject({ answer: 'substitute', note: 'Kursus' });
    // Attending clears it, in the store too.
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member, { answer: 'attending' })).status).toBe(200);
    expect((await rowOf(m.id, member)).note).toBeNull();
    expect((await stored(m.id, member))?.note).toBeUndefined();
    // A note with "attending" is refused.
    const withAttending = await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member, { answer: 'attending', note: 'Kommer lidt senere' });
    expect(withAttending.status).toBe(400);
    expect(withAttending.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
  });

  it('refuses a note over 500 characters with a clear 400 in Danish and English, and writes nothing', async () => {
    const m = await createMeeting(app);
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member2, { answer: 'apologies', note: 'Syg' })).status).toBe(200);
    const long = 'x'.repeat(501);
    const r = await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member2, { answer: 'substitute', substituteName: 'Anders Mølgaard', note: long });
    expect(r.status).toBe(400);
    expect(String(r.headers['content-type'])).toMatch(/application\/problem\+json/);
    expect(r.body.errors).toEqual([{ field: 'note', reason: 'the note is at most 500 characters' }]);
    expect(r.body.detail).toMatch(/note.*500 characters/);
    expect(r.body.detailDa).toBe('Kommentaren til afbuddet må højst være på 500 tegn');
    expect(await stored(m.id, member2)).toMatchObject({ answer: 'apologies', note: 'Syg' });
    // Exactly 500 is taken; the secretariat's route refuses 501 the same way.
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/me`, member2, { answer: 'apologies', note: 'y'.repeat(500) })).status).toBe(200);
    const bySecretary = await app.call('PUT', `/api/meetings/${m.id}/attendance/${member2}`, secretary, { answer: 'apologies', note: long });
    expect(bySecretary.status).toBe(400);
    expect(bySecretary.body.detailDa).toBe('Kommentaren til afbuddet må højst være på 500 tegn');
    expect((await stored(m.id, member2))?.note).toBe('y'.repeat(500));
  });

  it('is recorded by the secretariat on a member\'s behalf, kept by a presence change, and shown in the minutes\' header', async () => {
    const m = await createMeeting(app);
    const set = await app.call('PUT', `/api/meetings/${m.id}/attendance/${member3}`, secretary, { answer: 'apologies', note: 'Meldt pr. mail: sygdom' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ answer: 'apologies', note: 'Meldt pr. mail: sygdom' });
    const audit = (await auditRepository(app.db.db).listForForum(forumId, 500)).find((e) => e.action === 'attendance.set' && e.target === m.id);
    expect(audit).toMatchObject({ actorPersonId: secretary, detail: expect.objectContaining({ personId: member3, answer: 'apologies', note: 'Meldt pr. mail: sygdom' }) });
    // A member may not record a note for someone else.
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/${member3}`, member, { answer: 'apologies', note: 'x' })).status).toBe(403);

    // On the day: presence recorded (the route the tab's presence select uses) keeps the note.
    app.clock.set('2027-03-10T12:30:00Z');
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/${member3}`, secretary, { answer: 'apologies', present: false })).status).toBe(200);
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/${member3}/presence`, secretary, { present: false })).status).toBe(200);
    expect(await rowOf(m.id, member3)).toMatchObject({ answer: 'apologies', note: 'Meldt pr. mail: sygdom', present: false });

    // The minutes' header: "Afbud: Navn (note)".
    const html = await app.call('GET', `/api/meetings/${m.id}/minutes.html`, secretary);
    expect(html.status).toBe(200);
    const afbud = html.text.slice(html.text.indexOf('Afbud'));
    expect(afbud).toMatch(/Kasper Toft[^<]*\(Meldt pr\. mail: sygdom\)/);

    // The secretariat sets attending: the note is gone.
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/${member3}`, secretary, { answer: 'attending', present: true })).status).toBe(200);
    expect((await rowOf(m.id, member3)).note).toBeNull();
    app.clock.set('2027-02-01T09:00:00Z');
  });
});
