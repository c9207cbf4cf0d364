/**
 * Once a meeting has begun (or is recorded as held) its agenda is what was dealt
 * with: the API refuses adding, editing, reordering and removing items, accepting a
 * pending proposal and attaching files, for the secretariat too, with a 409
 * problem+json in Danish and English; the meeting page no longer offers the agenda
 * builder (canEditAgenda) while the secretariat still manages the meeting (canManage)
 * and the minutes stay editable (a decision is still written).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { coChair, createMeeting, member, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe.each(backends)('a begun or held meeting keeps its agenda, on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z');
  });
  afterAll(async () => app.close());

  const closedRefusal = (r: { status: number; headers: Record<string, unknown>; body: any }) => {
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body.detailDa).toContain('dagsordenen kan ikke længere ændres');
    expect(r.body.detail).toContain('agenda can no longer be changed');
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'meetingId' })]);
  };

  it('is editable before the start; refused (409, da/en) for every agenda change once the meeting has begun; the minutes stay open', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const m = await createMeeting(app, { date: '2027-03-10', start: '13:00' });
    const added = await app.call('POST', `/api/meetings/${m.id}/items`, secretary, { title: 'Status på sundhedsaftalen' });
    expect(added.status).toBe(201);
    const itemId = added.body.id as string;
    const proposed = await app.call('POST', `/api/meetings/${m.id}/proposals`, member, { title: 'Udskrivningsforløb', kind: 'orientation', background: '' });
    expect(proposed.status).toBe(201);
    let page = (await app.call('GET', `/api/meetings/${m.id}`, secretary)).body;
    expect(page.permissions).toMatchObject({ canEditAgenda: true, canManage: true });

    // 13:30 in Copenhagen on the day: the meeting has begun.
    app.clock.set('2027-03-10T12:30:00Z');
    page = (await app.call('GET', `/api/meetings/${m.id}`, secretary)).body;
    expect(page.permissions).toMatchObject({ canEditAgenda: false, canManage: true, canEditMinutes: true });
    const ids = page.items.map((i: { id: string }) => i.id);

    closedRefusal(await app.call('POST', `/api/meetings/${m.id}/items`, secretary, { title: 'Nyt punkt' }));
    closedRefusal(await app.call('PUT', `/api/meetings/${m.id}/items/${itemId}`, secretary, { title: 'Ændret titel' }));
    closedRefusal(await app.call('DELETE', `/api/meetings/${m.id}/items/${itemId}`, secretary));
    closedRefusal(await app.call('POST', `/api/meetings/${m.id}/items/reorder`, secretary, { itemIds: [...ids].reverse() }));
    closedRefusal(await app.call('POST', `/api/proposals/${proposed.body.id}/accept`, secretary));
    closedRefusal(await app.call('POST', `/api/meetings/${m.id}/items/${itemId}/attachments?fileName=bilag.pdf`, secretary, pdf, { 'content-type': 'application/pdf' }));

    const after = (await app.call('GET', `/api/meetings/${m.id}`, secretary)).body;
    expect(after.items.map((i: { id: string; title: string }) => [i.id, i.title])).toEqual(page.items.map((i: { id: string; title: string }) => [i.id, i.title]));
    expect(after.items.find((i: { id: string }) => i.id === itemId).attachments).toEqual([]);
    // The minutes are written on the same items.
    const decided = await app.call('PUT', `/api/meetings/${m.id}/items/${itemId}/decision`, secretary, { decision: 'Taget til efterretning' });
    expect(decided.status).toBe(200);
  });

  it('refuses a change to a meeting recorded as held, even before its start time', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const held = await createMeeting(app, { date: '2027-03-11', start: '13:00', status: 'held' });
    expect((await app.call('GET', `/api/meetings/${held.id}`, secretary)).body.permissions.canEditAgenda).toBe(false);
    closedRefusal(await app.call('POST', `/api/meetings/${held.id}/items`, secretary, { title: 'Nyt punkt' }));
  });

  const decisionRefusal = (r: { status: number; headers: Record<string, unknown>; body: any }, da: string, en: string) => {
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body.detailDa).toContain(`dagsordenen kan ikke længere ${da}`);
    expect(r.body.detail).toContain(`agenda can no longer be ${en}`);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'meetingId' })]);
  };

  it('refuses approving and sending the agenda once the meeting has begun (409, da/en); the permissions say so', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const m = await createMeeting(app, { date: '2027-03-12', start: '13:00' });
    expect((await app.call('POST', `/api/meetings/${m.id}/items`, secretary, { title: 'Status på sundhedsaftalen' })).status).toBe(201);
    let page = (await app.call('GET', `/api/meetings/${m.id}`, coChair)).body;
    expect(page.permissions).toMatchObject({ canApproveAgenda: true, canSendAgenda: true });

    app.clock.set('2027-03-12T12:30:00Z');
    page = (await app.call('GET', `/api/meetings/${m.id}`, coChair)).body;
    expect(page.permissions).toMatchObject({ canApproveAgenda: false, canSendAgenda: false, canManage: true });
    decisionRefusal(await app.call('POST', `/api/meetings/${m.id}/agenda/approve`, coChair), 'godkendes', 'approved');
    expect((await app.call('GET', `/api/meetings/${m.id}`, secretary)).body.minutes.agendaApprovedAt).toBeNull();

    // Approved in time, but not sent before the start: sending afterwards is refused too.
    app.clock.set('2027-02-01T09:00:00Z');
    const m2 = await createMeeting(app, { date: '2027-03-15', start: '13:00' });
    expect((await app.call('POST', `/api/meetings/${m2.id}/items`, secretary, { title: 'Status på sundhedsaftalen' })).status).toBe(201);
    expect((await app.call('POST', `/api/meetings/${m2.id}/agenda/approve`, coChair)).status).toBe(200);
    app.clock.set('2027-03-15T12:00:01Z');
    decisionRefusal(await app.call('POST', `/api/meetings/${m2.id}/agenda/send`, secretary), 'udsendes', 'sent');
    const after = (await app.call('GET', `/api/meetings/${m2.id}`, secretary)).body;
    expect(after.meeting.agendaSentAt).toBeUndefined();
    expect(after.versions.filter((v: { kind: string }) => v.kind === 'agenda')).toEqual([]);
    // A minute before the start it still goes out.
    const m3 = await createMeeting(app, { date: '2027-03-16', start: '13:00' });
    app.clock.set('2027-02-01T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${m3.id}/items`, secretary, { title: 'Status på sundhedsaftalen' })).status).toBe(201);
    expect((await app.call('POST', `/api/meetings/${m3.id}/agenda/approve`, coChair)).status).toBe(200);
    app.clock.set('2027-03-16T11:59:00Z');
    expect((await app.call('POST', `/api/meetings/${m3.id}/agenda/send`, secretary)).status).toBe(200);
  });

  it('lets a meeting recorded as history be approved after its date (history is exempt)', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const past = await createMeeting(app, { date: '2026-11-10', start: '13:00', historical: true });
    expect((await app.call('GET', `/api/meetings/${past.id}`, coChair)).body.permissions.canApproveAgenda).toBe(true);
  });
});
