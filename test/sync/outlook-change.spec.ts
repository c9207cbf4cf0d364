/**
 * Samraad -> Microsoft 365 -> Samraad: a forum gets its channel with our tab, a
 * meeting its Outlook event; a secretary who moves the event in Outlook moves the
 * meeting (and so its agenda deadline) within one delta cycle, and one who cancels
 * it cancels the meeting and leaves an audit entry for the secretariat. A delta job
 * that dies in the middle (between two changes, or after the changes and before it
 * stores its cursor) loses and doubles nothing when it runs again.
 */
import { runSecretariatNotice, type SecretariatNoticeJob } from '../../src/usecases/sync/secretariat-notice.handler.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { WorkingDayCalendar } from '../../src/domain/calendar/working-day.calendar.js';
import { defaultDeadlineRules, meetingDeadlines } from '../../src/domain/deadlines/meeting.deadlines.js';
import { LOCAL_TEAM_ID } from '../../src/entry/sync.module.js';
import { runCalendarDelta } from '../../src/usecases/sync/calendar-delta.handler.js';
import { runForumSync } from '../../src/usecases/sync/forum-sync.handler.js';
import { runMeetingSync } from '../../src/usecases/sync/meeting-sync.handler.js';
import { backends } from '../support/db.js';
import { insertMeetings, killableDeps, meeting, syncFixture, type SyncFixture } from './sync.fixture.js';

const SECRETARY = 'nina.hald@midt.rm.dk';
const cal = new WorkingDayCalendar();

describe.each(backends)('Outlook-side changes ($name)', (backend) => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await syncFixture(backend);
    await insertMeetings(f.db, [meeting('mtg-move', 'midt-ksg', '2027-03-10'), meeting('mtg-cancel', 'midt-ksg', '2027-04-14'), meeting('mtg-other', 'vest-ksg', '2027-03-11')]);
  });
  afterAll(async () => f?.close());

  it('mirrors the forum as a channel with the Samraad tab, and the meetings as tagged events in the secretary\'s mailbox', async () => {
    await runForumSync(f.deps, { forumId: 'midt-ksg' });
    await runForumSync(f.deps, { forumId: 'midt-ksg' }); // idempotent
    const channels = Object.values(f.emu.state.teams[LOCAL_TEAM_ID]!.channels);
    expect(channels).toHaveLength(1);
    expect(channels[0]!.displayName).toBe('Klyngestyregruppe for Midtklyngen');
    expect(channels[0]!.tabs).toHaveLength(1);
    expect(channels[0]!.tabs[0]!.configuration).toMatchObject({ entityId: 'forum-midt-ksg', contentUrl: 'https://samraad.test/#/forums/midt-ksg' });

    for (const id of ['mtg-move', 'mtg-cancel', 'mtg-other']) await runMeetingSync(f.deps, { meetingId: id });
    await runMeetingSync(f.deps, { meetingId: 'mtg-move' }); // an update, not a second event
    const events = Object.values(f.emu.state.mailboxes[SECRETARY]!.events);
    expect(events).toHaveLength(2);
    const moveState = await syncRepository(f.db.db).get('meeting', 'mtg-move');
    expect(moveState).toMatchObject({ status: 'synced', container: SECRETARY, remoteId: expect.any(String) });
    const ev = f.emu.state.mailboxes[SECRETARY]!.events[moveState!.remoteId!]!;
    expect(ev.subject).toBe('KSG Midt: Møde');
    expect(JSON.stringify(ev.body)).toContain('https://samraad.test/#/meetings/mtg-move');
    const attendees = (ev.attendees as { emailAddress: { address: string } }[]).map((a) => a.emailAddress.address);
    expect(attendees).toContain('gorm.ravn@midt.rm.dk');
    expect(attendees).not.toContain(SECRETARY);
    expect(f.emu.failures).toEqual([]);
  });

  it('moves the meeting and its agenda deadline when the event is moved in Outlook, within one delta cycle', async () => {
    const first = await runCalendarDelta(f.deps);
    expect(first.flatMap((s) => s.moved)).toEqual([]); // our own events, unchanged: nothing to do
    const before = (await meetingsRepository(f.db.db).getMeeting('mtg-move'))!;
    const agendaBefore = meetingDeadlines(before, defaultDeadlineRules, cal).agendaDue.date;

    const eventId = (await syncRepository(f.db.db).get('meeting', 'mtg-move'))!.remoteId!;
    f.emu.outlook.moveEvent(SECRETARY, eventId, { dateTime: '2027-03-24T09:30:00', timeZone: 'Romance Standard Time' }, { dateTime: '2027-03-24T11:00:00', timeZone: 'Romance Standard Time' });
    const cycle = await runCalendarDelta(f.deps);
    expect(cycle.flatMap((s) => s.moved)).toEqual(['mtg-move']);

    const after = (await meetingsRepository(f.db.db).getMeeting('mtg-move'))!;
    expect(after).toMatchObject({ date: '2027-03-24', start: '09:30', end: '11:00', status: 'planned', revision: before.revision + 1 });
    const agendaAfter = meetingDeadlines(after, defaultDeadlineRules, cal).agendaDue.date;
    expect(agendaAfter).not.toBe(agendaBefore);
    expect(agendaAfter < '2027-03-24').toBe(true);
    const plans = await f.queue.findJobs<{ meetingId: string }>('reminders.plan', { queued: true });
    expect(plans.map((j) => j.data.meetingId)).toContain('mtg-move');

    // The next cycle, and our own re-sync of the moved meeting, change nothing more.
    await runMeetingSync(f.deps, { meetingId: 'mtg-move' });
    const idle = await runCalendarDelta(f.deps);
    expect(idle.flatMap((s) => [...s.moved, ...s.cancelled])).toEqual([]);
    expect((await meetingsRepository(f.db.db).getMeeting('mtg-move'))!.revision).toBe(after.revision);
  });

  it('cancels the meeting and tells the secretariat (audit log and an e-mail) when the event is cancelled in Outlook', async () => {
    const eventId = (await syncRepository(f.db.db).get('meeting', 'mtg-cancel'))!.remoteId!;
    f.emu.outlook.cancelEvent(SECRETARY, eventId, 'Aflyst');
    const cycle = await runCalendarDelta(f.deps);
    expect(cycle.flatMap((s) => s.cancelled)).toEqual(['mtg-cancel']);
    expect(await meetingsRepository(f.db.db).getMeeting('mtg-cancel')).toMatchObject({ status: 'cancelled', cancelledReason: 'Aflyst i Outlook' });
    const audit = await auditRepository(f.db.db).listForForum('midt-ksg');
    expect(audit.find((a) => a.action === 'meeting.cancelled_in_outlook')).toMatchObject({ target: 'mtg-cancel', outcome: 'ok', detail: expect.objectContaining({ eventId }) });
    // The e-mail to the secretariat was enqueued in the same transaction as the cancellation ...
    const notices = (await f.queue.findJobs<SecretariatNoticeJob>('m365.secretariat-notice', { queued: true })).filter((j) => j.data.meetingId === 'mtg-cancel');
    expect(notices).toHaveLength(1);
    // ... and running it sends one mail, from the organizer mailbox, to the forum's secretariat (nina-hald, ole-bak, gorm-ravn, helle-dam).
    const first = await runSecretariatNotice(f.deps, notices[0]!.data);
    expect(first.sent).toBe(true);
    expect(first.to).toEqual(expect.arrayContaining(['nina.hald@midt.rm.dk', 'ole.bak@viborg.dk', 'gorm.ravn@midt.rm.dk', 'helle.dam@skive.dk']));
    expect(first.to).not.toContain('pia.strand@plo.dk'); // an ordinary member
    const sentMail = f.emu.state.mail.filter((m) => String((m.message as { subject?: string }).subject).includes('aflyst i Outlook'));
    expect(sentMail).toHaveLength(1);
    expect(sentMail[0]!.from).toBe(SECRETARY);
    // A retry after success sends nothing more.
    expect((await runSecretariatNotice(f.deps, notices[0]!.data)).sent).toBe(false);
    expect(f.emu.state.mail.filter((m) => String((m.message as { subject?: string }).subject).includes('aflyst i Outlook'))).toHaveLength(1);
    // Our own sync of the now cancelled meeting does not fail on the gone event, and nothing is cancelled twice.
    await runMeetingSync(f.deps, { meetingId: 'mtg-cancel' });
    expect((await syncRepository(f.db.db).get('meeting', 'mtg-cancel'))!.status).toBe('synced');
    const again = await runCalendarDelta(f.deps);
    expect(again.flatMap((s) => s.cancelled)).toEqual([]);
    expect(f.emu.failures).toEqual([]);
  });

  it('loses and doubles nothing when the delta job dies between two changes, or after them before it stores its cursor', async () => {
    const repo = meetingsRepository(f.db.db);
    await insertMeetings(f.db, [meeting('mtg-c-move', 'midt-ksg', '2027-06-16'), meeting('mtg-c-cancel', 'midt-ksg', '2027-06-23')]);
    for (const id of ['mtg-c-move', 'mtg-c-cancel']) await runMeetingSync(f.deps, { meetingId: id });
    await runCalendarDelta(f.deps); // the cursor after our own writes: the next cycle reads only the two Outlook changes
    const before = { move: (await repo.getMeeting('mtg-c-move'))!, cancel: (await repo.getMeeting('mtg-c-cancel'))! };
    const eventOf = async (id: string) => (await syncRepository(f.db.db).get('meeting', id))!.remoteId!;
    const cancelledEvent = await eventOf('mtg-c-cancel');
    f.emu.outlook.moveEvent(SECRETARY, await eventOf('mtg-c-move'), { dateTime: '2027-06-17T09:00:00', timeZone: 'Romance Standard Time' }, { dateTime: '2027-06-17T11:00:00', timeZone: 'Romance Standard Time' });
    f.emu.outlook.cancelEvent(SECRETARY, cancelledEvent, 'Aflyst');
    const cursorBefore = await syncRepository(f.db.db).getCursor(SECRETARY);
    const kill = { after: Infinity, count: 0, killed: 0 };
    // The job's transactions: the cursor read (1), one per change (2, 3), the cursor stored (4).
    // Dies at the second change: the first is applied, the cursor stays.
    kill.after = 3;
    await expect(runCalendarDelta(killableDeps(f.deps, kill, 'delta worker killed'), { mailbox: SECRETARY })).rejects.toThrow(/delta worker killed/);
    expect(await syncRepository(f.db.db).getCursor(SECRETARY)).toBe(cursorBefore);
    // Run again, and dies after both changes, before the cursor is stored.
    kill.count = 0;
    kill.after = 4;
    await expect(runCalendarDelta(killableDeps(f.deps, kill, 'delta worker killed'), { mailbox: SECRETARY })).rejects.toThrow(/delta worker killed/);
    expect(kill.killed).toBe(2);
    expect(await syncRepository(f.db.db).getCursor(SECRETARY)).toBe(cursorBefore);
    // The retry that completes: each change taken once.
    await runCalendarDelta(f.deps, { mailbox: SECRETARY });
    expect(await syncRepository(f.db.db).getCursor(SECRETARY)).not.toBe(cursorBefore);
    expect(await repo.getMeeting('mtg-c-move')).toMatchObject({ date: '2027-06-17', start: '09:00', end: '11:00', status: 'planned', revision: before.move.revision + 1 });
    expect(await repo.getMeeting('mtg-c-cancel')).toMatchObject({ status: 'cancelled', cancelledReason: 'Aflyst i Outlook', revision: before.cancel.revision + 1 });
    const audit = await auditRepository(f.db.db).listForForum('midt-ksg', 500);
    expect(audit.filter((a) => a.action === 'meeting.moved_in_outlook' && a.target === 'mtg-c-move')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'meeting.cancelled_in_outlook' && a.target === 'mtg-c-cancel')).toHaveLength(1);
    // One e-mail to the secretariat queued for the cancellation, one notice per change.
    const mails = (await f.queue.findJobs<SecretariatNoticeJob>('m365.secretariat-notice')).filter((j) => j.data.meetingId === 'mtg-c-cancel');
    expect(mails).toHaveLength(1);
    const notices = (await f.queue.findJobs<{ event: { meetingId?: string; kind: string } }>('notifications.notice')).filter((j) => j.data.event.meetingId === 'mtg-c-move' || j.data.event.meetingId === 'mtg-c-cancel');
    expect(notices.map((j) => `${j.data.event.meetingId}:${j.data.event.kind}`).sort()).toEqual(['mtg-c-cancel:meeting_cancelled', 'mtg-c-move:meeting_moved']);
    // The next cycle finds nothing more.
    const idle = await runCalendarDelta(f.deps, { mailbox: SECRETARY });
    expect(idle.flatMap((x) => [...x.moved, ...x.cancelled])).toEqual([]);
    expect(f.emu.failures).toEqual([]);
  });

  it('does not take the echo of its own last write for an Outlook move while a newer change is on its way', async () => {
    const repo = meetingsRepository(f.db.db);
    await insertMeetings(f.db, [meeting('mtg-echo', 'midt-ksg', '2027-05-05')]);
    await runMeetingSync(f.deps, { meetingId: 'mtg-echo' });
    await runCalendarDelta(f.deps);
    const m1 = (await repo.getMeeting('mtg-echo'))!;
    expect(await repo.updateMeeting({ ...m1, date: '2027-05-06' }, m1.revision)).toBe(true);
    await runMeetingSync(f.deps, { meetingId: 'mtg-echo' }); // the event now says 6 May
    const m2 = (await repo.getMeeting('mtg-echo'))!;
    expect(await repo.updateMeeting({ ...m2, date: '2027-05-07' }, m2.revision)).toBe(true); // its sync has not run yet
    const cycle = await runCalendarDelta(f.deps);
    expect(cycle.flatMap((x) => x.moved)).toEqual([]);
    expect((await repo.getMeeting('mtg-echo'))!.date).toBe('2027-05-07');
  });
  it('does not take a read of the event from before its own later write for an Outlook move (fetched, then the sync writes, then applied)', async () => {
    const repo = meetingsRepository(f.db.db);
    await insertMeetings(f.db, [meeting('mtg-stale', 'midt-ksg', '2027-05-12')]);
    await runMeetingSync(f.deps, { meetingId: 'mtg-stale' });
    await runCalendarDelta(f.deps);
    // Moved in the tab to 13 May and synced: the next delta will report the event as saying 13 May.
    const m1 = (await repo.getMeeting('mtg-stale'))!;
    expect(await repo.updateMeeting({ ...m1, date: '2027-05-13', revision: m1.revision + 1 }, m1.revision)).toBe(true);
    await runMeetingSync(f.deps, { meetingId: 'mtg-stale' });
    // The delta fetches that; before it applies it, the secretary moves the meeting to 14 May and its sync writes the event.
    const delta = f.deps.m365.calendar.delta;
    const interleaved = {
      ...f.deps,
      m365: { ...f.deps.m365, calendar: {
        ...f.deps.m365.calendar,
        delta: async (...args: Parameters<typeof delta>) => {
          const fetched = await delta(...args);
          const m2 = (await repo.getMeeting('mtg-stale'))!;
          if (m2.date === '2027-05-13') {
            await new Promise((r) => setTimeout(r, 5)); // a later write is later in Graph's clock too
            expect(await repo.updateMeeting({ ...m2, date: '2027-05-14', revision: m2.revision + 1 }, m2.revision)).toBe(true);
            await runMeetingSync(f.deps, { meetingId: 'mtg-stale' });
          }
          return fetched;
        },
      } },
    };
    const cycle = await runCalendarDelta(interleaved);
    expect(cycle.flatMap((x) => x.moved)).toEqual([]);
    expect((await repo.getMeeting('mtg-stale'))!.date).toBe('2027-05-14');
    const ev = Object.values(f.emu.state.mailboxes[SECRETARY]!.events).find((e) => JSON.stringify(e.singleValueExtendedProperties ?? []).includes('mtg-stale'));
    expect(String((ev!.start as { dateTime: string }).dateTime)).toMatch(/^2027-05-14/);
    // A real move in Outlook after that write is still taken.
    await new Promise((r) => setTimeout(r, 5));
    f.emu.outlook.moveEvent(SECRETARY, ev!.id as string, { dateTime: '2027-05-18T09:30:00', timeZone: 'Romance Standard Time' }, { dateTime: '2027-05-18T11:00:00', timeZone: 'Romance Standard Time' });
    expect((await runCalendarDelta(f.deps)).flatMap((x) => x.moved)).toEqual(['mtg-stale']);
    expect(await repo.getMeeting('mtg-stale')).toMatchObject({ date: '2027-05-18', start: '09:30' });
  });

  it('does not take the report of its own cancellation for an Outlook cancellation of the meeting made planned again meanwhile (an undone transition)', async () => {
    const repo = meetingsRepository(f.db.db);
    await insertMeetings(f.db, [meeting('mtg-undo', 'midt-ksg', '2027-06-09')]);
    await runMeetingSync(f.deps, { meetingId: 'mtg-undo' });
    await runCalendarDelta(f.deps);
    const first = (await syncRepository(f.db.db).get('meeting', 'mtg-undo'))!.remoteId!;
    // Cancelled in Samraad and synced: the event is cancelled in Outlook ...
    const m1 = (await repo.getMeeting('mtg-undo'))!;
    expect(await repo.updateMeeting({ ...m1, status: 'cancelled', cancelledReason: 'Forummet nedlægges', revision: m1.revision + 1 }, m1.revision)).toBe(true);
    await runMeetingSync(f.deps, { meetingId: 'mtg-undo' });
    expect(f.emu.state.mailboxes[SECRETARY]!.events[first]).toBeUndefined();
    // ... then made planned again before the delta has reported the removal.
    const m2 = (await repo.getMeeting('mtg-undo'))!;
    expect(await repo.updateMeeting({ ...m2, status: 'planned', revision: m2.revision + 1 }, m2.revision)).toBe(true);
    const cycle = await runCalendarDelta(f.deps);
    expect(cycle.flatMap((x) => x.cancelled)).toEqual([]);
    expect((await repo.getMeeting('mtg-undo'))!.status).toBe('planned');
    // Its sync makes the event again, once.
    await runMeetingSync(f.deps, { meetingId: 'mtg-undo' });
    await runMeetingSync(f.deps, { meetingId: 'mtg-undo' });
    const again = (await syncRepository(f.db.db).get('meeting', 'mtg-undo'))!.remoteId!;
    expect(again).not.toBe(first);
    const tagged = Object.values(f.emu.state.mailboxes[SECRETARY]!.events).filter((e) => JSON.stringify(e.singleValueExtendedProperties ?? []).includes('mtg-undo'));
    expect(tagged.map((e) => e.id)).toEqual([again]);
    expect((await runCalendarDelta(f.deps)).flatMap((x) => x.cancelled)).toEqual([]);
    expect((await repo.getMeeting('mtg-undo'))!.status).toBe('planned');
  });
});
