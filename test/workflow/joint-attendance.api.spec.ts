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

  it('lists the joint meeting in the partner forum\'s meetings (held by the host, with the host\'s deadlines) and in a partner member\'s overview', async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const joint = await createMeeting(app, { date: '2027-04-13', start: '13:00', kind: 'joint', jointWithForumId: partnerForum });
    const own = await createMeeting(app, { date: '2027-04-20', start: '13:00' });

    const list = await app.call('GET', `/api/forums/${partnerForum}/meetings?year=2027`, 'rikke-sol');
    expect(list.status).toBe(200);
    const row = list.body.find((m: { id: string }) => m.id === joint.id);
    expect(row).toMatchObject({ forumId: 'midt-ksg', kind: 'joint', jointWithForumId: partnerForum });
    // The host's deadlines, as on the meeting's page.
    const page = (await app.call('GET', `/api/meetings/${joint.id}`, secretary)).body;
    expect(row.deadlines.agendaDue.date).toBe(page.deadlines.agendaDue.date);
    expect(list.body.map((m: { id: string }) => m.id)).not.toContain(own.id);
    // The host's own list is unchanged: its meetings only.
    expect((await app.call('GET', '/api/forums/midt-ksg/meetings?year=2027', secretary)).body.every((m: { forumId: string }) => m.forumId === 'midt-ksg')).toBe(true);

    const overview = (await app.call('GET', '/api/me/overview', partnerMember)).body;
    const next = overview.nextMeetings.map((n: { meeting: { id: string } }) => n.meeting.id);
    expect(next).toContain(joint.id);
    expect(next).not.toContain(own.id);
    expect(overview.nextMeetings.find((n: { meeting: { id: string } }) => n.meeting.id === joint.id).forum.id).toBe('midt-ksg');
  });

  it("gives a joint meeting its host's deadlines in every view: its page, both forums' Møder, the host's deadlines and year of duties", async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const joint = await createMeeting(app, { date: '2027-06-09', start: '13:00', kind: 'joint', jointWithForumId: partnerForum });
    const page = (await app.call('GET', `/api/meetings/${joint.id}`, secretary)).body;
    type D = { itemsCutoff: { date: string }; agendaDue: { date: string }; minutesDue: { date: string }; commentWindowCloses: { date: string } };
    const dates = (d: D) => ({ items_cutoff: d.itemsCutoff.date, agenda_due: d.agendaDue.date, minutes_due: d.minutesDue.date, comment_window_closes: d.commentWindowCloses.date });
    const want = dates(page.deadlines);
    expect(want.agenda_due < '2027-06-09').toBe(true);

    // The Møder lists of the host and of the partner; midt-ksg's terms state no deadline rule: defaults, marked so.
    for (const [forum, as] of [['midt-ksg', secretary], [partnerForum, 'rikke-sol']] as const) {
      const row = (await app.call('GET', `/api/forums/${forum}/meetings?year=2027`, as)).body.find((m: { id: string }) => m.id === joint.id);
      expect(dates(row.deadlines)).toEqual(want);
      expect(row.deadlines.agendaDue.fromDefault).toBe(true);
    }
    // The host's deadlines list (its own duties) has them too.
    const hostDeadlines = (await app.call('GET', '/api/forums/midt-ksg/deadlines?from=2027-05-01&to=2027-07-31', secretary)).body.deadlines.filter((d: { meetingId?: string }) => d.meetingId === joint.id);
    expect(hostDeadlines.find((d: { kind: string }) => d.kind === 'agenda_due').date).toBe(want.agenda_due);

    // The host's year of duties: its own duties, dated as on the page, marked as defaults.
    const hostYear = (await app.call('GET', '/api/forums/midt-ksg/year/2027')).body;
    const hostDuties = hostYear.duties.filter((d: { meetingId?: string }) => d.meetingId === joint.id);
    expect(Object.fromEntries(hostDuties.filter((d: { kind: string }) => d.kind in want).map((d: { kind: string; date: string }) => [d.kind, d.date]))).toEqual(want);
    expect(hostDuties.every((d: { heldBy?: string; kind: string; ruleDefault?: boolean }) => !d.heldBy && (d.kind === 'joint_meeting' || d.ruleDefault))).toBe(true);
    expect(hostDuties.find((d: { kind: string }) => d.kind === 'agenda_due').title).toBe('Dagsorden udsendes (fællesmøde 9. juni)');
    expect(dates(hostYear.meetings.find((m: { id?: string }) => m.id === joint.id).deadlines)).toEqual(want);
  });

  it("lists a joint meeting in the partner's year of duties read-only: linked, the host named, its deadlines the host's; the region's year once", async () => {
    app.clock.set('2027-02-01T09:00:00Z');
    const joint = await createMeeting(app, { date: '2027-06-16', start: '13:00', kind: 'joint', jointWithForumId: partnerForum });
    const page = (await app.call('GET', `/api/meetings/${joint.id}`, secretary)).body;
    type D = { itemsCutoff: { date: string }; agendaDue: { date: string }; minutesDue: { date: string }; commentWindowCloses: { date: string } };
    const dates = (d: D) => ({ items_cutoff: d.itemsCutoff.date, agenda_due: d.agendaDue.date, minutes_due: d.minutesDue.date, comment_window_closes: d.commentWindowCloses.date });
    const want = dates(page.deadlines);

    // The partner's year lists it read-only: linked, the host named, each line the host's (heldBy), the same dates.
    const partnerYear = (await app.call('GET', `/api/forums/${partnerForum}/year/2027`)).body;
    const mine = partnerYear.duties.filter((d: { meetingId?: string }) => d.meetingId === joint.id);
    expect(mine.map((d: { kind: string }) => d.kind).sort()).toEqual(['agenda_due', 'comment_window_closes', 'items_cutoff', 'joint_meeting', 'minutes_due']);
    expect(mine.every((d: { heldBy?: string; forumId: string }) => d.heldBy === 'midt-ksg' && d.forumId === 'midt-ksg')).toBe(true);
    expect(mine.find((d: { kind: string }) => d.kind === 'joint_meeting')).toMatchObject({ date: '2027-06-16', title: 'Fællesmøde kl. 13.00-15.30, holdes af KSG Midt', titleEn: 'Joint meeting, 13:00–15:30, held by KSG Midt' });
    expect(mine.find((d: { kind: string }) => d.kind === 'agenda_due')).toMatchObject({ date: want.agenda_due, ruleDefault: true, title: 'Dagsorden udsendes (fællesmøde 16. juni, holdes af KSG Midt)' });
    expect(Object.fromEntries(mine.filter((d: { kind: string }) => d.kind in want).map((d: { kind: string; date: string }) => [d.kind, d.date]))).toEqual(want);
    // Not a meeting of the partner's own plan.
    expect(partnerYear.meetings.map((m: { id?: string }) => m.id)).not.toContain(joint.id);

    // The region's year lists it once, under its host.
    const region = (await app.call('GET', '/api/regions/Region%20Midtjylland/year/2027', secretary)).body;
    const inRegion = region.months.flatMap((mo: { duties: { meetingId?: string; kind: string; forumName: string }[] }) => mo.duties).filter((d: { meetingId?: string; kind: string }) => d.meetingId === joint.id && d.kind === 'agenda_due');
    expect(inRegion.map((d: { forumName: string }) => d.forumName)).toEqual(['KSG Midt']);
  });

  it('shows a person in both forums of a theme day stored as one record per forum that day once in their overview', async () => {
    // yrsa-nord sits in Sundhedsstyregruppen and KSG Vest; the demo's theme day of 19 May 2027 is stored for both (KSG Vest's names ssg).
    app.clock.set('2027-05-01T09:00:00Z');
    const overview = (await app.call('GET', '/api/me/overview', 'yrsa-nord')).body;
    const themeDay = (list: { meeting: { date: string; start: string; id: string } }[]) => list.filter((n) => n.meeting.date === '2027-05-19' && n.meeting.start === '09:00').map((n) => n.meeting.id);
    expect(themeDay(overview.nextMeetings)).toEqual(['mtg-ssg-2027-tema-1']);
    expect(themeDay(overview.unanswered)).toEqual(['mtg-ssg-2027-tema-1']);
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
