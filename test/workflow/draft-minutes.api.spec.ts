/**
 * Minutes being written for the first time are the secretariat's and the
 * minute-taker's: a member does not read the decisions on the meeting page, nor
 * the minutes as Word or HTML, until they are sent for remarks (found in a persona
 * walk: Pia Strand, a plain member, read the minute-taker's unsent decisions and
 * downloaded the draft). Once sent, the member reads them as before.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { coChair, createMeeting, member, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

describe.each(backends)('minutes not yet sent, through the API on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId: string;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meetingId = (await createMeeting(app)).id;
    const item = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Lukning af tilbud', kind: 'decision', minutes: 20 });
    expect(item.status).toBe(201);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/items/${item.body.id}/decision`, secretary, { decision: 'Udkast: tilbuddet lukkes.' })).status).toBe(200);
  });
  afterAll(async () => app?.close());

  const decisions = async (as: string) => ((await app.call('GET', `/api/meetings/${meetingId}`, as)).body.items as { fixed?: string; decision?: string }[]).filter((i) => !i.fixed).map((i) => i.decision);

  it('shows the draft decisions to the secretariat only, and refuses the draft documents to a member with the reason', async () => {
    expect(await decisions(secretary)).toEqual(['Udkast: tilbuddet lukkes.']);
    expect(await decisions(coChair)).toEqual(['Udkast: tilbuddet lukkes.']);
    expect(await decisions(member)).toEqual([undefined]);
    expect((await app.call('GET', `/api/meetings/${meetingId}`, member)).body.minutes.draftWithheld).toBe(true);
    for (const doc of ['minutes.docx', 'minutes.html']) {
      const r = await app.call('GET', `/api/meetings/${meetingId}/${doc}`, member);
      expect(r.status).toBe(403);
      expect(String(r.headers['content-type'])).toContain('application/problem+json');
      expect(r.body.detailDa).toBe('Referatet er ikke udsendt endnu: medlemmerne læser det, når det sendes til bemærkninger');
      expect(r.body.detail).toBe('The minutes have not been sent yet: members read them when they go out for remarks');
      expect((await app.call('GET', `/api/meetings/${meetingId}/${doc}`, secretary)).status).toBe(200);
    }
    // The agenda is not the minutes: a member reads it as before.
    expect((await app.call('GET', `/api/meetings/${meetingId}/agenda.html`, member)).status).toBe(200);
  });

  it('lets the member read them once they are sent for remarks', async () => {
    app.clock.set('2027-03-11T09:00:00Z'); // after the meeting
    const sent = await app.call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary, { confirmContradictions: true });
    expect(sent.status).toBe(200);
    expect(await decisions(member)).toEqual(['Udkast: tilbuddet lukkes.']);
    expect((await app.call('GET', `/api/meetings/${meetingId}`, member)).body.minutes.draftWithheld).toBeUndefined();
    expect((await app.call('GET', `/api/meetings/${meetingId}/minutes.html`, member)).text).toContain('Udkast: tilbuddet lukkes.');
  });
});
