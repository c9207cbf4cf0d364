/**
 * Proposing an item is possible only while the meeting is still to come: on a held
 * meeting, or once a planned meeting has begun, the API refuses everyone (the
 * secretariat too, who may otherwise propose late) with a problem+json in Danish
 * and English, and the meeting page's permissions no longer offer it. A member
 * past the cut-off is not offered it either.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { createMeeting, member, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const proposal = { title: 'Status på udskrivningsforløb', kind: 'orientation', background: '' };

describe.each(backends)('when an item can be proposed, on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z');
  });
  afterAll(async () => app.close());

  const canPropose = async (meetingId: string, as: string) => (await app.call('GET', `/api/meetings/${meetingId}`, as)).body.permissions.canPropose as boolean;

  it('refuses a proposal to a held meeting, for the secretariat and a member alike, in Danish and English', async () => {
    for (const as of [secretary, member]) {
      expect(await canPropose('mtg-midt-ksg-2026-3', as)).toBe(false);
      const r = await app.call('POST', '/api/meetings/mtg-midt-ksg-2026-3/proposals', as, proposal);
      expect(r.status).toBe(409);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.body.detailDa).toContain('Mødet er afholdt');
      expect(r.body.detail).toContain('has been held');
    }
  });

  it('takes a proposal before the cut-off; refuses it once the meeting has begun, and no longer offers it', async () => {
    const m = await createMeeting(app, { date: '2027-03-10', start: '13:00' });
    expect(await canPropose(m.id, member)).toBe(true);
    expect((await app.call('POST', `/api/meetings/${m.id}/proposals`, member, proposal)).status).toBe(201);
    // After the cut-off: the member is no longer offered it; the secretariat still is (a late item).
    app.clock.set('2027-03-08T09:00:00Z');
    expect(await canPropose(m.id, member)).toBe(false);
    expect(await canPropose(m.id, secretary)).toBe(true);
    // 13:30 in Copenhagen on the day: the meeting has begun.
    app.clock.set('2027-03-10T12:30:00Z');
    expect(await canPropose(m.id, secretary)).toBe(false);
    const r = await app.call('POST', `/api/meetings/${m.id}/proposals`, secretary, proposal);
    expect(r.status).toBe(409);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'meetingId' })]);
  });
});
