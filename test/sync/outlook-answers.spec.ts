/**
 * Answers flow back (issue 16, point 2): members answer the Outlook invitation (in
 * the emulator, as Graph shows it: the attendee's status on the organizer's event),
 * and the calendar delta, run by the real job queue, makes them attendance in
 * Samraad: declined = apologies, accepted = attending, tentative audited only. The
 * later answer wins (Samraad or Outlook), both are audited, a decline takes the
 * member out of the "meeting tomorrow, answer missing" reminder, and a delta job
 * that dies between two changes and is retried neither loses nor doubles an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { workflowRepository } from '../../src/adapters/db/workflow.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { unitOfWorkFor } from '../../src/adapters/db/unit-of-work.js';
import { allQueues } from '../../src/entry/jobs/queues.js';
import { startSyncWorkers } from '../../src/entry/sync.module.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput } from '../../src/usecases/bot/reminder-plan.usecase.js';
import { attendanceUseCases } from '../../src/usecases/meetings/attendance.usecase.js';
import { meetingViewUseCases } from '../../src/usecases/meetings/meeting-view.usecase.js';
import { documentInput, takeSnapshot } from '../../src/usecases/meetings/meeting-snapshot.js';
import { buildMeetingDocument } from '../../src/domain/documents/meeting-document.view.js';
import type { WorkflowDeps, WorkflowUnitOfWork } from '../../src/usecases/meetings/workflow.context.js';
import { runMeetingSync } from '../../src/usecases/sync/meeting-sync.handler.js';
import { SYNC_QUEUES } from '../../src/usecases/sync/sync.ports.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { runNotice, type NoticeJob } from '../../src/usecases/notifications/notice.usecase.js';
import { noticeCard, noticeMail } from '../../bot/cards/notice.card.js';
import { texts } from '../../bot/bot.i18n.js';
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import type { ReminderSubject } from '../../src/usecases/ports/bot-backend.port.js';
import { backends } from '../support/db.js';
import { insertMeetings, killableDeps, meeting, syncFixture, type SyncFixture } from './sync.fixture.js';

const SECRETARY = 'nina.hald@midt.rm.dk';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The delta queue retries after 1 s here (30 s in production), so a killed job's retry comes quickly.
const queues = allQueues.map((q) => (q.name === SYNC_QUEUES.delta ? { ...q, retryDelay: 1, retryDelayMax: 1, retryLimit: 5 } : q));

describe.each(backends)('answers to the Outlook invitation ($name)', (backend) => {
  let f: SyncFixture;
  /** Transactions of the delta job; `killAfter` makes the n-th one die (as a killed process would) once. */
  const kill = { after: Infinity, count: 0, killed: 0 };
  const eventOf = async (id: string) => (await syncRepository(f.db.db).get('meeting', id))!.remoteId!;
  const attendanceOf = async (id: string) => Object.fromEntries((await workflowRepository(f.db.db).listAttendance(id)).map((a) => [a.personId, a]));
  const audits = async (action: string) => (await auditRepository(f.db.db).listForForum('midt-ksg', 500)).filter((a) => a.action === action);
  const deltaDone = async (): Promise<void> => {
    for (let i = 0; i < 240; i++) {
      const open = (await f.queue.findJobs(SYNC_QUEUES.delta)).filter((j) => j.state === 'active' || j.state === 'retry' || j.state === 'created');
      if (open.length === 0) return;
      await sleep(250);
    }
    throw new Error('the calendar delta job did not finish');
  };
  /** Through the job queue, as the webhook and the schedule run it. */
  const runDelta = async (): Promise<void> => {
    await f.queue.enqueue(SYNC_QUEUES.delta, {});
    await deltaDone();
  };

  beforeAll(async () => {
    f = await syncFixture(backend, '2027-01-15T09:00:00Z', {}, queues);
    await insertMeetings(f.db, [meeting('mtg-ans', 'midt-ksg', '2027-03-10'), meeting('mtg-crash', 'midt-ksg', '2027-03-17')]);
    const deltaDeps = killableDeps(f.deps, kill, 'worker killed between two changes of one delta');
    await startSyncWorkers(f.queue, deltaDeps, { workers: 1 });
    await runMeetingSync(f.deps, { meetingId: 'mtg-ans' });
    await runMeetingSync(f.deps, { meetingId: 'mtg-crash' });
    await runDelta(); // the initial delta: our own events, nothing to take
  });
  afterAll(async () => f?.close());

  it('makes a decline apologies and an acceptance attending, audited, and leaves tentative and non-members alone', async () => {
    const ev = await eventOf('mtg-ans');
    f.emu.outlook.respond(SECRETARY, ev, 'pia.strand@plo.dk', 'declined', { comment: 'Jeg er på ferie', at: '2027-01-15T10:00:00Z' });
    f.emu.outlook.respond(SECRETARY, ev, 'Gorm.Ravn@midt.rm.dk', 'accepted', { at: '2027-01-15T10:05:00Z' });
    f.emu.outlook.respond(SECRETARY, ev, 'frida.skov@silkeborg.dk', 'tentativelyAccepted', { at: '2027-01-15T10:06:00Z' });
    await runDelta();

    const a = await attendanceOf('mtg-ans');
    expect(a['pia-strand']).toMatchObject({ answer: 'apologies', answeredAt: '2027-01-15T10:00:00.000Z' });
    expect(a['gorm-ravn']).toMatchObject({ answer: 'attending', answeredAt: '2027-01-15T10:05:00.000Z' });
    expect(a['frida-skov']).toBeUndefined();
    const taken = await audits('attendance.answered_in_outlook');
    expect(taken.map((x) => [x.actorPersonId, (x.detail as { answer: string }).answer]).sort()).toEqual([['gorm-ravn', 'attending'], ['pia-strand', 'apologies']]);
    expect(await audits('attendance.tentative_in_outlook')).toHaveLength(1);
    // The reminders are planned again for the meeting.
    const plans = await f.queue.findJobs<{ meetingId: string }>('reminders.plan', { queued: true });
    expect(plans.map((j) => j.data.meetingId)).toContain('mtg-ans');
    // The emulator keeps the comment where Graph puts it: the response message to the organizer.
    expect(f.emu.state.mailboxes[SECRETARY]!.responses).toContainEqual(expect.objectContaining({ attendee: 'pia.strand@plo.dk', response: 'declined', comment: 'Jeg er på ferie' }));
    expect(f.emu.failures).toEqual([]);
  });

  it('records the decline with no note (the comment is not in the event contract) and tells the member once that a note can be added in Samraad', async () => {
    expect((await attendanceOf('mtg-ans'))['pia-strand']!.note).toBeUndefined();
    const declines = async () => (await f.queue.findJobs<NoticeJob>('notifications.notice')).filter((j) => j.data.event.kind === 'outlook_decline_recorded');
    const jobs = await declines();
    expect(jobs).toHaveLength(1); // Pia's decline; Gorm's acceptance and Frida's tentative answer tell nobody
    expect(jobs[0]!.data.event).toMatchObject({ forumId: 'midt-ksg', meetingId: 'mtg-ans', detail: { audience: 'person', personId: 'pia-strand' } });
    // To Pia alone: no channel post, no other member.
    const told: PlannedReminder[] = [];
    await runNotice(
      { read: (fn) => fn({ registry: registryRepository(f.db.db), meetings: meetingsRepository(f.db.db) }), sink: { enqueue: async (r) => (told.push(...r), r.length), deliverSoon: async () => {} }, clock: { now: () => f.now.value } },
      jobs[0]!.data,
    );
    expect(told.map((r) => [r.audience, r.recipientIds])).toEqual([['personal', ['pia-strand']]]);
    // The card says it is recorded as afbud and how to add a note, with a link to the meeting; the e-mail the same, Danish then English.
    const subject: ReminderSubject = { forumName: 'Klyngestyregruppe for Midtklyngen', meeting: { meetingId: 'mtg-ans', forumId: 'midt-ksg', forumName: 'Klyngestyregruppe for Midtklyngen', date: '2027-03-10', start: '13:00', end: '15:00', online: false, status: 'planned', myAnswer: 'apologies' } };
    const card = JSON.stringify(noticeCard({ reminder: told[0]!, subject, locale: 'da', links: { teamsAppId: 'app-1', tabEntityId: 'samraad' }, personal: true }));
    expect(card).toContain(texts.da.reminderTitle.outlook_decline_recorded);
    expect(card).toContain(texts.da.notice.declineRecorded);
    expect(card).toMatch(/meeting%3Amtg-ans|meeting:mtg-ans/);
    const mail = noticeMail({ reminder: told[0]!, subject, links: { teamsAppId: 'app-1', tabEntityId: 'samraad', webBaseUrl: 'https://samraad.example' } });
    expect(mail.html).toContain('tilføj den på mødet i Samraad');
    expect(mail.html).toContain('add it on the meeting in Samraad');
    expect(mail.html).toContain('https://samraad.example/#/meetings/mtg-ans');
  });

  it('does not remind a member who declined in Outlook to answer', async () => {
    const day = new Date('2027-03-08T08:00:00Z');
    const input = await f.db.db.transaction((tx) =>
      loadPlanInput({ ...unitOfWorkFor(tx, f.queue), meetings: meetingsRepository(tx), workflow: workflowRepository(tx) } as unknown as WorkflowUnitOfWork, day),
    );
    const tomorrow = planReminders(input).find((r) => r.kind === 'meeting_tomorrow_unanswered' && r.meetingId === 'mtg-ans');
    expect(tomorrow).toBeDefined();
    expect(tomorrow!.recipientIds).not.toContain('pia-strand');
    expect(tomorrow!.recipientIds).not.toContain('gorm-ravn');
    expect(tomorrow!.recipientIds).toContain('frida-skov'); // tentative is no answer
  });

  it('shows the Outlook decline as apologies on the meeting page and in the minutes\' header', async () => {
    // The meeting page (the tab) as the secretary opens it.
    const view = meetingViewUseCases({ transact: workflowTransactor({ database: f.db, queue: f.queue }), clock: { now: () => f.now.value } } as unknown as WorkflowDeps);
    const page = (await view.getMeeting('mtg-ans', 'nina-hald')) as unknown as { attendance: { personId: string; answer: string | null }[] };
    expect(page.attendance.find((a) => a.personId === 'pia-strand')).toMatchObject({ answer: 'apologies' });
    expect(page.attendance.find((a) => a.personId === 'gorm-ravn')).toMatchObject({ answer: 'attending' });
    // The minutes' header, as the minutes document is built from the meeting's snapshot.
    const doc = await workflowTransactor({ database: f.db, queue: f.queue })(async (uow) => buildMeetingDocument(await documentInput(uow.registry, await takeSnapshot(uow, 'mtg-ans'), 'minutes')));
    const apologies = doc.header.find((h) => h.key === 'apologies')!.lines.join('\n');
    const participants = doc.header.find((h) => h.key === 'participants')!.lines.join('\n');
    expect(apologies).toMatch(/Pia Strand/);
    expect(participants).not.toMatch(/Pia Strand/);
    expect(participants).toMatch(/Gorm Ravn/);
  });

  it('takes an answer once: our own later write of the event and the next cycles add nothing', async () => {
    // The meeting changes in Samraad, and its sync PATCHes the event (attendees kept with their answers).
    const repo = meetingsRepository(f.db.db);
    const m = (await repo.getMeeting('mtg-ans'))!;
    expect(await repo.updateMeeting({ ...m, location: 'Regionshuset Viborg' }, m.revision)).toBe(true);
    const patches = () => f.emu.requests.filter((r) => r.method === 'PATCH' && r.url.includes('/events/')).length;
    const before = patches();
    await runMeetingSync(f.deps, { meetingId: 'mtg-ans' });
    expect(patches()).toBe(before + 1);
    const ev = f.emu.state.mailboxes[SECRETARY]!.events[await eventOf('mtg-ans')]!;
    expect((ev.attendees as { emailAddress: { address: string }; status: { response: string } }[]).find((a) => a.emailAddress.address === 'pia.strand@plo.dk')!.status.response).toBe('declined');
    await runDelta();
    await runDelta();
    expect(await audits('attendance.answered_in_outlook')).toHaveLength(2);
    expect(await audits('attendance.tentative_in_outlook')).toHaveLength(1);
    expect(Object.keys(await attendanceOf('mtg-ans')).sort()).toEqual(['gorm-ravn', 'pia-strand']);
  });

  it('lets the later answer win, in either direction, and audits both', async () => {
    const wf = attendanceUseCases({ transact: workflowTransactor({ database: f.db, queue: f.queue }), clock: { now: () => f.now.value } } as unknown as WorkflowDeps);
    // Pia changes her mind in Samraad (11:00, after her Outlook decline at 10:00): Samraad's answer stands.
    f.now.value = new Date('2027-01-15T11:00:00Z');
    await wf.answer('mtg-ans', { answer: 'attending' }, { personId: 'pia-strand' });
    // Gorm answered in Samraad at 11:00 ...
    await wf.answer('mtg-ans', { answer: 'apologies', note: 'Tandlæge' }, { personId: 'gorm-ravn' });
    const ev = await eventOf('mtg-ans');
    // ... and Pia's older Outlook answer is re-sent at 10:30 (before her Samraad answer), Gorm declines-then-accepts in Outlook at 12:00.
    f.emu.outlook.respond(SECRETARY, ev, 'pia.strand@plo.dk', 'declined', { at: '2027-01-15T10:30:00Z' });
    f.emu.outlook.respond(SECRETARY, ev, 'gorm.ravn@midt.rm.dk', 'accepted', { at: '2027-01-15T12:00:00Z' });
    await runDelta();
    const a = await attendanceOf('mtg-ans');
    expect(a['pia-strand']).toMatchObject({ answer: 'attending', answeredAt: '2027-01-15T11:00:00.000Z' });
    expect(a['gorm-ravn']).toMatchObject({ answer: 'attending', answeredAt: '2027-01-15T12:00:00.000Z' });
    expect(a['gorm-ravn']!.note).toBeUndefined(); // an acceptance in Outlook clears the note given with the apologies
    const superseded = await audits('attendance.outlook_answer_superseded');
    expect(superseded).toHaveLength(1);
    expect(superseded[0]).toMatchObject({ actorPersonId: 'pia-strand', detail: expect.objectContaining({ response: 'declined', kept: 'attending' }) });
    expect((await audits('attendance.answer')).length).toBe(2); // the two answers given in Samraad
    // Pia's superseded decline tells her nothing more: still one notice for her.
    const piaDeclines = (await f.queue.findJobs<NoticeJob>('notifications.notice')).filter((j) => j.data.event.kind === 'outlook_decline_recorded' && j.data.event.detail?.personId === 'pia-strand');
    expect(piaDeclines).toHaveLength(1);
    expect(await audits('attendance.answered_in_outlook')).toHaveLength(3);
    // Repeated cycles change nothing, and audit nothing more.
    await runDelta();
    expect(await audits('attendance.outlook_answer_superseded')).toHaveLength(1);
    expect(await audits('attendance.answered_in_outlook')).toHaveLength(3);
  });

  it('ignores an answer given after the meeting began', async () => {
    const ev = await eventOf('mtg-ans');
    f.emu.outlook.respond(SECRETARY, ev, 'lise.brandt@silkeborg.dk', 'declined', { at: '2027-03-10T12:30:00Z' }); // the meeting began 13:00 local = 12:00 UTC
    await runDelta();
    expect((await attendanceOf('mtg-ans'))['lise-brandt']).toBeUndefined();
    expect(await audits('attendance.outlook_answer_ignored')).toHaveLength(1);
  });

  it('loses and doubles nothing when the delta job dies between two changes and is retried', async () => {
    const ev = await eventOf('mtg-crash');
    const ev2 = await eventOf('mtg-ans');
    const who = ['bo.lund@viborg.dk', 'ib.krogh@ps.rm.dk', 'kasper.toft@viborg.dk', 'jonna.friis@midt.rm.dk'];
    who.forEach((w, i) => f.emu.outlook.respond(SECRETARY, ev, w, i % 2 ? 'accepted' : 'declined', { at: `2027-01-16T09:0${i}:00Z` }));
    f.emu.outlook.respond(SECRETARY, ev2, 'mads.vinther@skive.dk', 'declined', { at: '2027-01-16T09:10:00Z' });
    const before = (await audits('attendance.answered_in_outlook')).length;
    // The job reads the cursor (1), then applies one change per transaction: die at the second change.
    kill.count = 0;
    kill.after = 3;
    await runDelta();
    expect(kill.killed).toBe(1);
    const failed = (await f.queue.findJobs(SYNC_QUEUES.delta)).filter((j) => j.retryCount > 0);
    expect(failed.length).toBeGreaterThan(0); // it was retried by the queue
    const a = await attendanceOf('mtg-crash');
    expect(Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.answer]))).toEqual({ 'bo-lund': 'apologies', 'ib-krogh': 'attending', 'kasper-toft': 'apologies', 'jonna-friis': 'attending' });
    expect((await attendanceOf('mtg-ans'))['mads-vinther']).toMatchObject({ answer: 'apologies' });
    const all = await audits('attendance.answered_in_outlook'); // newest first
    const taken = all.slice(0, all.length - before);
    expect(taken).toHaveLength(5);
    expect(new Set(taken.map((x) => `${x.target}:${x.actorPersonId}`)).size).toBe(5);
    expect(f.emu.failures).toEqual([]);
  });
});
