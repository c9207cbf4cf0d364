/**
 * Schedule from Outlook (issue 16, point 1): the forum sync keeps a category per forum
 * in the organizer mailbox; an event a secretary creates in Outlook under it becomes a
 * meeting of the forum through the calendar delta run by the job queue: deadlines and
 * reminders planned, the event tagged and given the meeting's link by the meeting sync,
 * the secretariat asked by e-mail to confirm or reject it. A move in Outlook moves it;
 * a delta job that dies after adopting the event and is retried makes no second meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { MEETING_ID_PROPERTY } from '../../src/adapters/graph/calendar.graph.js';
import { WorkingDayCalendar } from '../../src/domain/calendar/working-day.calendar.js';
import { defaultDeadlineRules, meetingDeadlines } from '../../src/domain/deadlines/meeting.deadlines.js';
import { allQueues } from '../../src/entry/jobs/queues.js';
import { adoptedMeetingId, runCalendarDelta } from '../../src/usecases/sync/calendar-delta.handler.js';
import { runForumSync } from '../../src/usecases/sync/forum-sync.handler.js';
import { runMeetingSync } from '../../src/usecases/sync/meeting-sync.handler.js';
import { decideOutlookMeeting, outlookOf } from '../../src/usecases/sync/outlook-meeting.usecase.js';
import { runSecretariatNotice } from '../../src/usecases/sync/secretariat-notice.handler.js';
import { SYNC_QUEUES } from '../../src/usecases/sync/sync.ports.js';
import { backends } from '../support/db.js';
import { killableDeps, syncFixture, type SyncFixture } from './sync.fixture.js';

const SECRETARY = 'nina.hald@midt.rm.dk';
const CATEGORY = 'Samraad · Klyngestyregruppe for Midtklyngen';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const queues = allQueues.map((q) => (q.name === SYNC_QUEUES.delta || q.name === SYNC_QUEUES.meeting ? { ...q, retryDelay: 1, retryDelayMax: 1, retryLimit: 5 } : q));
const rst = (d: string, t: string) => ({ dateTime: `${d}T${t}:00`, timeZone: 'Romance Standard Time' });

describe.each(backends)('schedule from Outlook ($name)', (backend) => {
  let f: SyncFixture;
  const kill = { after: Infinity, count: 0, killed: 0 };
  const events = () => f.emu.state.mailboxes[SECRETARY]!.events;
  const audits = async (action: string) => (await auditRepository(f.db.db).listForForum('midt-ksg', 500)).filter((a) => a.action === action);
  const idle = async (names: string[]): Promise<void> => {
    for (let i = 0; i < 240; i++) {
      let open = 0;
      for (const n of names) open += (await f.queue.findJobs(n)).filter((j) => j.state === 'active' || j.state === 'retry' || j.state === 'created').length;
      if (open === 0) return;
      await sleep(250);
    }
    throw new Error(`jobs of ${names.join(', ')} did not finish`);
  };
  const runDelta = async (): Promise<void> => {
    await f.queue.enqueue(SYNC_QUEUES.delta, {});
    await idle([SYNC_QUEUES.delta, SYNC_QUEUES.meeting, SYNC_QUEUES.notice]);
  };

  beforeAll(async () => {
    f = await syncFixture(backend, '2027-01-15T09:00:00Z', {}, queues);
    const deltaDeps = killableDeps(f.deps, kill, 'worker killed after the event was adopted, before the cursor was stored');
    // The real handlers on the real queue: the delta (with its kill switch), the meeting sync and the secretariat's e-mail.
    await f.queue.work(SYNC_QUEUES.delta, async (data) => void (await runCalendarDelta(deltaDeps, data ?? {})));
    await f.queue.work(SYNC_QUEUES.meeting, (data) => runMeetingSync(f.deps, data), { pollingIntervalSeconds: 0.5 });
    await f.queue.work(SYNC_QUEUES.notice, async (data) => void (await runSecretariatNotice(f.deps, data)));
  });
  afterAll(async () => f?.close());

  it('keeps one Outlook category per forum in the organizer mailbox, and renames it with the forum', async () => {
    await runForumSync(f.deps, { forumId: 'midt-ksg' });
    await runForumSync(f.deps, { forumId: 'midt-ksg' });
    const cats = () => Object.values(f.emu.state.mailboxes[SECRETARY]!.categories ?? {});
    expect(cats().map((c) => c.displayName)).toEqual([CATEGORY]);
    expect((await syncRepository(f.db.db).get('forum', 'midt-ksg'))!.detail.category).toMatchObject({ mailbox: SECRETARY, name: CATEGORY });

    const reg = registryRepository(f.db.db);
    const forum = (await reg.getForum('midt-ksg'))!;
    await reg.updateForum({ ...forum, name: 'Klyngestyregruppe Midt' });
    await runForumSync(f.deps, { forumId: 'midt-ksg' });
    expect(cats().map((c) => c.displayName)).toEqual(['Samraad · Klyngestyregruppe Midt']);
    await reg.updateForum(forum);
    await runForumSync(f.deps, { forumId: 'midt-ksg' });
    expect(cats().map((c) => c.displayName)).toEqual([CATEGORY]);
    expect(f.emu.failures).toEqual([]);
  });

  it('makes an event the secretary files under the category a meeting: deadlines, reminders, tag, link, a request to confirm', async () => {
    await runDelta(); // the initial delta of the mailbox
    const eventId = f.emu.outlook.createEvent(SECRETARY, {
      subject: 'Ekstra møde om akutfunktioner',
      start: rst('2027-04-20', '10:00'),
      end: rst('2027-04-20', '12:00'),
      location: { displayName: 'Regionshuset Viborg' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      categories: [CATEGORY],
      body: { contentType: 'html', content: '<p>Dagsorden følger</p>' },
      attendees: [{ emailAddress: { address: 'gorm.ravn@midt.rm.dk' }, type: 'required' }],
    });
    // Not filed under a forum: stays the secretary's own event.
    f.emu.outlook.createEvent(SECRETARY, { subject: 'Frokost', start: rst('2027-04-21', '12:00'), end: rst('2027-04-21', '13:00') });
    await runDelta();

    const id = adoptedMeetingId(SECRETARY, eventId);
    const m = (await meetingsRepository(f.db.db).getMeeting(id))!;
    expect(m).toMatchObject({ forumId: 'midt-ksg', date: '2027-04-20', start: '10:00', end: '12:00', online: true, location: 'Regionshuset Viborg', title: 'Ekstra møde om akutfunktioner', status: 'planned' });
    expect((await meetingsRepository(f.db.db).listMeetings({ forumIds: ['midt-ksg'], from: '2027-04-21', to: '2027-04-21' })).length).toBe(0);
    // Deadlines follow from the meeting; its reminders are planned.
    expect(meetingDeadlines(m, defaultDeadlineRules, new WorkingDayCalendar()).agendaDue.date < '2027-04-20').toBe(true);
    expect((await f.queue.findJobs<{ meetingId: string }>('reminders.plan')).map((j) => j.data.meetingId)).toContain(id);
    // The meeting sync tagged the secretary's event (no second event), linked the meeting, invited the members.
    const ev = events()[eventId]!;
    expect(Object.keys(events())).toHaveLength(2);
    expect(ev.singleValueExtendedProperties).toContainEqual({ id: MEETING_ID_PROPERTY, value: id });
    expect(JSON.stringify(ev.body)).toContain(`https://samraad.test/#/meetings/${id}`);
    expect(ev.categories).toEqual([CATEGORY]);
    expect((ev.attendees as { emailAddress: { address: string } }[]).map((a) => a.emailAddress.address)).toContain('pia.strand@plo.dk');
    const state = (await syncRepository(f.db.db).get('meeting', id))!;
    expect(state).toMatchObject({ status: 'synced', remoteId: eventId, container: SECRETARY });
    expect(state.detail.fromOutlook).toMatchObject({ confirmation: 'pending', mailbox: SECRETARY, eventId });
    // The secretariat is asked to confirm or reject, once.
    const asks = f.emu.state.mail.filter((x) => String((x.message as { subject?: string }).subject).includes('bekræft eller afvis'));
    expect(asks).toHaveLength(1);
    expect(JSON.stringify(asks[0]!.message)).toContain(`#/meetings/${id}`);
    expect(await audits('meeting.created_in_outlook')).toHaveLength(1);
    // The tab's view of it: the join link of the online meeting, waiting for confirmation.
    const view = await outlookOf({ transact: f.deps.transact, clock: f.deps.clock }, id, () => true);
    expect(view).toMatchObject({ joinUrl: expect.stringContaining('teams.microsoft.com'), fromOutlook: { confirmation: 'pending' } });
    expect(f.emu.failures).toEqual([]);
  });

  it('moves the meeting when the event is moved in Outlook, and adds nothing on later cycles', async () => {
    const [id] = (await meetingsRepository(f.db.db).listMeetings({ forumIds: ['midt-ksg'], from: '2027-04-20', to: '2027-04-20' })).map((m) => m.id);
    const eventId = (await syncRepository(f.db.db).get('meeting', id!))!.remoteId!;
    f.emu.outlook.moveEvent(SECRETARY, eventId, rst('2027-04-22', '13:00'), rst('2027-04-22', '15:00'));
    await runDelta();
    expect(await meetingsRepository(f.db.db).getMeeting(id!)).toMatchObject({ date: '2027-04-22', start: '13:00', end: '15:00', status: 'planned' });
    await runDelta();
    expect(await audits('meeting.created_in_outlook')).toHaveLength(1);
    expect(Object.keys(events())).toHaveLength(2);
  });

  it('makes one meeting when the delta job dies after adopting the event and is retried', async () => {
    const eventId = f.emu.outlook.createEvent(SECRETARY, { subject: 'Temamøde', start: rst('2027-05-04', '09:00'), end: rst('2027-05-04', '11:00'), categories: [CATEGORY] });
    kill.count = 0;
    kill.after = 3; // 1: read the cursor, 2: adopt the event, 3: store the cursor
    await runDelta();
    expect(kill.killed).toBe(1);
    const id = adoptedMeetingId(SECRETARY, eventId);
    expect(await meetingsRepository(f.db.db).getMeeting(id)).toMatchObject({ date: '2027-05-04', status: 'planned' });
    expect((await meetingsRepository(f.db.db).listMeetings({ forumIds: ['midt-ksg'], from: '2027-05-04', to: '2027-05-04' }))).toHaveLength(1);
    expect((await audits('meeting.created_in_outlook')).filter((a) => a.target === id)).toHaveLength(1);
    expect(f.emu.state.mail.filter((x) => JSON.stringify(x.message).includes(`#/meetings/${id}`))).toHaveLength(1);
    expect(Object.values(events()).filter((e) => e.subject && String(e.subject).includes('Temamøde'))).toHaveLength(1);
  });

  it('lets the secretariat confirm one and reject another (rejected: cancelled, its event too), each once', async () => {
    const [kept] = (await meetingsRepository(f.db.db).listMeetings({ forumIds: ['midt-ksg'], from: '2027-04-22', to: '2027-04-22' }));
    const [dropped] = (await meetingsRepository(f.db.db).listMeetings({ forumIds: ['midt-ksg'], from: '2027-05-04', to: '2027-05-04' }));
    const deps = { transact: f.deps.transact, clock: f.deps.clock };
    const r1 = await decideOutlookMeeting(deps, kept!.id, 'confirm', { personId: 'nina-hald' }, () => true);
    expect(r1.fromOutlook).toMatchObject({ confirmation: 'confirmed', decidedBy: 'nina-hald' });
    await expect(decideOutlookMeeting(deps, kept!.id, 'reject', { personId: 'nina-hald' }, () => true)).rejects.toMatchObject({ kind: 'invalid_state' });
    // Someone without the right sees no such meeting.
    await expect(decideOutlookMeeting(deps, dropped!.id, 'reject', { personId: 'pia-strand' }, () => false)).rejects.toMatchObject({ kind: 'not_found' });
    const droppedEvent = (await syncRepository(f.db.db).get('meeting', dropped!.id))!.remoteId!;
    const r2 = await decideOutlookMeeting(deps, dropped!.id, 'reject', { personId: 'nina-hald' }, () => true);
    expect(r2.meeting.status).toBe('cancelled');
    await idle([SYNC_QUEUES.meeting]);
    expect(events()[droppedEvent]).toBeUndefined();
    expect(f.emu.state.mailboxes[SECRETARY]!.cancellations.map((c) => c.eventId)).toContain(droppedEvent);
    expect(await audits('meeting.outlook_confirmed')).toHaveLength(1);
    expect(await audits('meeting.outlook_rejected')).toHaveLength(1);
    // The confirmation survives the meeting's next sync.
    await runMeetingSync(f.deps, { meetingId: kept!.id });
    expect((await syncRepository(f.db.db).get('meeting', kept!.id))!.detail.fromOutlook).toMatchObject({ confirmation: 'confirmed' });
    expect(f.emu.failures).toEqual([]);
  });

  it('refuses an Outlook-side edit the contract does not allow, and an answer from someone not invited', () => {
    expect(() => f.emu.outlook.createEvent(SECRETARY, { subject: 'x', start: rst('2027-06-01', '09:00'), end: rst('2027-06-01', '10:00'), categories: 'not a list' })).toThrow(/not a Graph POST/);
    expect(() => f.emu.outlook.createEvent(SECRETARY, { subject: 'x', start: rst('2027-06-01', '09:00'), end: rst('2027-06-01', '10:00'), categoreis: [CATEGORY] })).toThrow(/not a Graph POST/);
    const anyEvent = Object.keys(events())[0]!;
    expect(() => f.emu.outlook.respond(SECRETARY, anyEvent, 'stranger@example.org', 'declined')).toThrow(/not invited/);
    expect(() => f.emu.outlook.respond(SECRETARY, anyEvent, 'pia.strand@plo.dk', 'maybe' as never)).toThrow(/not an attendee response/);
  });
});
