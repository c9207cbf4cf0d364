/**
 * A secretariat above the forum (here the secretary of the steering group above the
 * cluster steering group, i.e. the region's) records attendance for the forum's
 * meeting: canRecordAttendance on the page, answers and presence through the API;
 * it does not manage the meeting otherwise (canManage false). A member does neither.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { createMeeting, member, member2, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

/** The secretary of ssg, the forum above midt-ksg; no membership of midt-ksg. */
const regionSecretary = 'dorte-bach';

describe.each(backends)('a secretariat above the forum records attendance, on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z');
  });
  afterAll(async () => app.close());

  it('may record answers and presence (canRecordAttendance), not manage the meeting; a member may not', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const m = await createMeeting(app, { date: '2027-03-10', start: '13:00' });
    const above = (await app.call('GET', `/api/meetings/${m.id}`, regionSecretary)).body.permissions;
    expect(above).toMatchObject({ canRecordAttendance: true, canManage: false });
    expect((await app.call('GET', `/api/meetings/${m.id}`, secretary)).body.permissions).toMatchObject({ canRecordAttendance: true, canManage: true });
    expect((await app.call('GET', `/api/meetings/${m.id}`, member)).body.permissions).toMatchObject({ canRecordAttendance: false, canManage: false });

    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/${member2}`, regionSecretary, { answer: 'apologies' })).status).toBe(200);
    app.clock.set('2027-03-10T12:30:00Z');
    expect((await app.call('PUT', `/api/meetings/${m.id}/attendance/${member}/presence`, regionSecretary, { present: true })).status).toBe(200);
    const refused = await app.call('PUT', `/api/meetings/${m.id}/attendance/${member2}/presence`, member, { present: false });
    expect(refused.status).toBe(403);

    const rows = (await app.call('GET', `/api/meetings/${m.id}`, secretary)).body.attendance;
    expect(rows.find((a: { personId: string }) => a.personId === member)).toMatchObject({ present: true });
    expect(rows.find((a: { personId: string }) => a.personId === member2)).toMatchObject({ answer: 'apologies' });
  });
});
