/**
 * A joint meeting (jointWithForumId) is held with the members of both forums: its
 * page's attendance list names the partner forum's members as well as the host's,
 * a person who is a member of both once; the secretariat records their answers and
 * presence, and a partner member answers for themself.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { createMeeting, member3, outsider, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';
import { syncModule, syncTransactor } from '../../src/entry/sync.module.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { outlookOf } from '../../src/usecases/sync/outlook-meeting.usecase.js';

// tg-psyk-voksen: niels-hav, maja-eng (co-chairs), rikke-sol (secretary), lars-mose, ditte-lyng, and kasper-toft (member3, also in midt-ksg).
const partnerForum = 'tg-psyk-voksen';
const partnerMember = 'lars-mose';

describe.each(backends)('a joint meeting lists the members of both forums, on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    // With the sync module (Graph off), for the meeting's Outlook side.
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z', { modules: (workflow) => [planningModule, workflow, syncModule({ emulatorDataFile: null })] });
  });
  afterAll(async () => app.close());

  it('names the partner forum\'s members too, a person in both once; the host-only meeting does not', async () => {
    const joint = await createMeeting(app, { date: '2027-04-14', start: '13:00', kind: 'joint', jointWithForumId: partnerForum });
    const own = await createMeeting(app, { date: '2027-04-21', start: '13:00' });
    const ids = (page: any) => page.attendance.map((a: { personId: string }) => a.personId) as string[];

    const jointPage = (await app.call('GET', `/api/meetings/${joint.id}`, secretary)).body;
    const jp = ids(jointPage);
    for (const p of ['niels-hav', 'maja-eng', 'rikke-sol', partnerMember, 'ditte-lyng', member3, secretary]) expect(jp).toContain(p);
    expect(jp.filter((p) => p === member3)).toHaveLength(1);
    expect(new Set(jp).size).toBe(jp.length);
    // The partner forum's people are named like the host's.
    expect(jointPage.attendance.find((a: { personId: string }) => a.personId === partnerMember).person.name).toBeTruthy();

    const ownIds = ids((await app.call('GET', `/api/meetings/${own.id}`, secretary)).body);
    expect(ownIds).not.toContain(partnerMember);
    expect(ownIds).toContain(member3);
  });

  it('lists the joint meeting in the partner forum\'s meetings (held by the host, no deadlines of its own) and in a partner member\'s overview', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const joint = await createMeeting(app, { date: '2027-04-13', start: '13:00', kind: 'joint', jointWithForumId: partnerForum });
    const own = await createMeeting(app, { date: '2027-04-20', start: '13:00' });

    const list = await app.call('GET', `/api/forums/${partnerForum}/meetings?year=2027`, 'rikke-sol');
    expect(list.status).toBe(200);
    const row = list.body.find((m: { id: string }) => m.id === joint.id);
    expect(row).toMatchObject({ forumId: 'midt-ksg', kind: 'joint', jointWithForumId: partnerForum });
    expect(row.deadlines).toBeUndefined();
    expect(list.body.map((m: { id: string }) => m.id)).not.toContain(own.id);
    // The host's own list is unchanged: its meetings only.
    expect((await app.call('GET', '/api/forums/midt-ksg/meetings?year=2027', secretary)).body.every((m: { forumId: string }) => m.forumId === 'midt-ksg')).toBe(true);

    const overview = (await app.call('GET', '/api/me/overview', partnerMember)).body;
    const next = overview.nextMeetings.map((n: { meeting: { id: string } }) => n.meeting.id);
    expect(next).toContain(joint.id);
    expect(next).not.toContain(own.id);
    expect(overview.nextMeetings.find((n: { meeting: { id: string } }) => n.meeting.id === joint.id).forum.id).toBe('midt-ksg');
  });

  it('lets the secretariat record a partner member\'s answer and presence, and the partner member answer', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const joint = await createMeeting(app, { date: '2027-04-15', start: '13:00', kind: 'joint', jointWithForumId: partnerForum });
    const own = await createMeeting(app, { date: '2027-04-22', start: '13:00' });

    const mine = await app.call('PUT', `/api/meetings/${joint.id}/attendance/me`, 'ditte-lyng', { answer: 'apologies' });
    expect(mine.status).toBe(200);
    expect((await app.call('PUT', `/api/meetings/${joint.id}/attendance/${partnerMember}`, secretary, { answer: 'attending' })).status).toBe(200);
    // Not in the host-only meeting.
    expect((await app.call('PUT', `/api/meetings/${own.id}/attendance/${partnerMember}`, secretary, { answer: 'attending' })).status).toBe(400);

    app.clock.set('2027-04-15T11:30:00Z');
    expect((await app.call('PUT', `/api/meetings/${joint.id}/attendance/${partnerMember}/presence`, secretary, { present: true })).status).toBe(200);
    const page = (await app.call('GET', `/api/meetings/${joint.id}`, secretary)).body;
    expect(page.attendance.find((a: { personId: string }) => a.personId === partnerMember)).toMatchObject({ answer: 'attending', present: true });
    expect(page.attendance.find((a: { personId: string }) => a.personId === 'ditte-lyng')).toMatchObject({ answer: 'apologies' });
  });

  it("shows a partner member the meeting's Outlook side (the join link's place) as the host's members see it; others not", async () => {
    const joint = await createMeeting(app, { date: '2027-04-16', start: '13:00', kind: 'joint', jointWithForumId: partnerForum });
    const r = await app.call('GET', `/api/meetings/${joint.id}/outlook`, partnerMember);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ meetingId: joint.id, joinUrl: null });
    expect((await app.call('GET', `/api/meetings/${joint.id}/outlook`, outsider)).status).toBe(403);
    // With the sync running, the same rule: reading the partner forum is enough, reading neither is not.
    const deps = { transact: syncTransactor(app.db, app.deps.queue), clock: app.clock };
    await expect(outlookOf(deps, joint.id, (forumId) => forumId === partnerForum)).resolves.toMatchObject({ meetingId: joint.id });
    await expect(outlookOf(deps, joint.id, () => false)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
