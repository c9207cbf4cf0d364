/**
 * The Teams meeting's chat gets its cards once (issue 16): sending the agenda of an
 * online meeting posts one agenda card into the chat of the Teams meeting its Outlook
 * event carries (found by the join link: onlineMeetings -> chatInfo.threadId, then
 * POST /chats/{thread}/messages, every request checked against the Graph contract);
 * the minutes going out for remarks post the minutes card. A repeated or retried job
 * posts nothing more, a job that dies before the post posts once when retried, a
 * throttled post is retried without a second message, and a meeting that is not
 * online gets nothing. A job that dies after the post but before its record, or whose
 * connection is lost after Graph posted, does not post again (the contract has no read
 * of a chat's messages): one message, and the secretariat is told the outcome is unknown.
 * At the meeting's start the chat gets the start card (agenda and referent) once,
 * queued by the meeting sync for that time; not for a meeting moved since, cancelled,
 * or of a forum that has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { allQueues } from '../../src/entry/jobs/queues.js';
import { startSyncWorkers } from '../../src/entry/sync.module.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { agendaUseCases } from '../../src/usecases/meetings/agenda.usecase.js';
import { minutesUseCases } from '../../src/usecases/meetings/minutes.usecase.js';
import type { WorkflowDeps } from '../../src/usecases/meetings/workflow.context.js';
import { meetingChatMarker, runMeetingChat, type MeetingChatJob } from '../../src/usecases/sync/meeting-chat.handler.js';
import { runMeetingSync } from '../../src/usecases/sync/meeting-sync.handler.js';
import { SYNC_QUEUES } from '../../src/usecases/sync/sync.ports.js';
import type { EmuChatMessage } from '../../emulator/graph/state.store.js';
import { backends } from '../support/db.js';
import { insertMeetings, killableDeps, meeting, syncFixture, type SyncFixture } from './sync.fixture.js';

const SECRETARY = 'nina.hald@midt.rm.dk';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The chat queue retries after 1 s here (10 s in production), so a killed job's retry comes quickly.
const queues = allQueues.map((q) => (q.name === SYNC_QUEUES.chat ? { ...q, retryDelay: 1, retryDelayMax: 1, retryLimit: 5 } : q));

const require = createRequire(import.meta.url);
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;
// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
addFormats(ajv);
const card15 = JSON.parse(readFileSync(new URL('../../../shared/reference/adaptive-card-1.5.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const { id: cardSchemaId, ...cardSchema } = card15;
const validateCard = ajv.compile({ $id: cardSchemaId as string, ...cardSchema });

describe.each(backends)('cards in the Teams meeting chat ($name)', (backend) => {
  let f: SyncFixture;
  const kill = { after: Infinity, count: 0, killed: 0 };
  const posts = () => f.emu.requests.filter((r) => r.method === 'POST' && /\/chats\/[^/]+\/messages$/.test(new URL(r.url, 'http://x').pathname));
  const messages = (): EmuChatMessage[] => Object.values(f.emu.state.chats ?? {}).flat();
  const cardOf = (m: EmuChatMessage) => JSON.parse(m.attachments[0]!.content!) as { body: { text: string }[]; actions: { url: string }[] };
  const chatJobsDone = async (): Promise<void> => {
    for (let i = 0; i < 240; i++) {
      // Start cards wait for their meeting's start (in 2027): not waited for here.
      const open = (await f.queue.findJobs<{ about: string }>(SYNC_QUEUES.chat)).filter((j) => j.data.about !== 'start' && (j.state === 'active' || j.state === 'retry' || j.state === 'created'));
      if (open.length === 0) return;
      await sleep(250);
    }
    throw new Error('the meeting chat job did not finish');
  };
  const threadOf = async (meetingId: string): Promise<string> => {
    const rec = (await syncRepository(f.db.db).get('meeting', meetingId))!;
    const ev = f.emu.state.mailboxes[SECRETARY]!.events[rec.remoteId!]!;
    const joinUrl = (ev.onlineMeeting as { joinUrl: string }).joinUrl;
    const r = await f.graph.meetingChat.threadOf(SECRETARY, joinUrl);
    return r!;
  };

  beforeAll(async () => {
    f = await syncFixture(backend, '2027-01-15T09:00:00Z', { users: [{ id: 'user-nina-hald', mail: SECRETARY }] }, queues);
    await insertMeetings(f.db, [
      meeting('mtg-online', 'midt-ksg', '2027-03-10', { online: true }),
      meeting('mtg-room', 'midt-ksg', '2027-03-17', { location: 'Regionshuset Viborg' }),
      meeting('mtg-late', 'midt-ksg', '2027-03-24', { online: true }),
      meeting('mtg-crash', 'midt-ksg', '2027-03-31', { online: true }),
      meeting('mtg-reset', 'midt-ksg', '2027-04-14', { online: true }),
      meeting('mtg-start', 'midt-ksg', '2027-04-21', { online: true }),
      meeting('mtg-move', 'midt-ksg', '2027-05-05', { online: true }),
      meeting('mtg-cancel', 'midt-ksg', '2027-05-12', { online: true }),
      meeting('mtg-adhoc', 'midt-adhoc-udskr', '2027-05-19', { online: true }),
    ]);
    await startSyncWorkers(f.queue, killableDeps(f.deps, kill, 'worker killed before the post'), { workers: 1 });
    await runMeetingSync(f.deps, { meetingId: 'mtg-online' });
    await runMeetingSync(f.deps, { meetingId: 'mtg-room' });
  });
  afterAll(async () => f?.close());

  const uncertainAudits = async (meetingId: string) => (await auditRepository(f.db.db).listForForum('midt-ksg', 500)).filter((a) => a.action === 'meeting.chat_card_uncertain' && a.target === meetingId);
  const startJobs = async (meetingId: string) =>
    (await f.queue.findJobs<MeetingChatJob>(SYNC_QUEUES.chat)).filter((j) => j.data.meetingId === meetingId && j.data.about === 'start');
  const textsOf = (m: EmuChatMessage) => cardOf(m).body.map((b) => b.text).join('\n');

  let n = 0;
  const workflowDeps = () =>
    ({
      transact: workflowTransactor({ database: f.db, queue: f.queue }),
      clock: { now: () => f.now.value },
      ids: { newId: (p: string) => `${p}-${++n}-${randomUUID().slice(0, 8)}` },
      documents: { put: async () => ({}) },
      renderDocx: async () => new Uint8Array([0x50, 0x4b]),
    }) as unknown as WorkflowDeps;

  it('posts one agenda card into the online meeting chat when the agenda is sent, checked against the contracts', async () => {
    const wf = agendaUseCases(workflowDeps());
    await wf.createItem('mtg-online', { title: 'Status på sundhedsaftalen', kind: 'discussion', presenters: [], minutes: 20, background: '', recommendations: [] }, { personId: 'nina-hald' });
    await wf.approveAgenda('mtg-online', { personId: 'gorm-ravn' });
    await wf.sendAgenda('mtg-online', { personId: 'nina-hald' });
    await chatJobsDone();

    expect(posts()).toHaveLength(1);
    const thread = await threadOf('mtg-online');
    expect(thread).toMatch(/^19:meeting_.+@thread\.v2$/);
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    const msg = f.emu.state.chats![thread]![0]!;
    expect(msg.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = cardOf(msg);
    expect(validateCard(card)).toBe(true);
    const texts = card.body.map((b) => b.text).join('\n');
    expect(texts).toMatch(/Dagsorden \(version 1\)/);
    expect(texts).toMatch(/Agenda \(version 1\)/);
    expect(texts).toMatch(/Status på sundhedsaftalen/);
    expect(card.actions[0]!.url).toBe('https://samraad.test/#/meetings/mtg-online');
    // The message id is recorded: the card is known to be posted.
    expect(await syncRepository(f.db.db).get('chat', 'mtg-online:agenda:v1')).toMatchObject({ status: 'synced', remoteId: msg.id, container: thread });
    expect(f.emu.failures).toEqual([]);
  });

  it('posts nothing more when the same job runs again, through the queue or directly', async () => {
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-online', about: 'agenda', version: 1 });
    await chatJobsDone();
    expect(await runMeetingChat(f.deps, { meetingId: 'mtg-online', about: 'agenda', version: 1 })).toMatchObject({ posted: false, why: expect.stringMatching(/posted already/) });
    expect(posts()).toHaveLength(1);
    expect(messages()).toHaveLength(1);
  });

  it('posts the minutes card once when the minutes go out, and survives a worker killed before the post', async () => {
    // The job's transactions: the plan (1), the attempt (2), the chat thread (3): die at the thread, before the post.
    kill.count = 0;
    kill.after = 3;
    // The day after the meeting the secretary sends the minutes for remarks.
    f.now.value = new Date('2027-03-11T09:00:00Z');
    const sent = await minutesUseCases(workflowDeps()).send('mtg-online', { personId: 'nina-hald' }, { confirmContradictions: true });
    await chatJobsDone();
    expect(kill.killed).toBe(1);
    const retried = (await f.queue.findJobs<{ about: string }>(SYNC_QUEUES.chat)).filter((j) => j.data.about === 'minutes' && j.retryCount > 0);
    expect(retried).toHaveLength(1);
    expect(posts()).toHaveLength(2);
    const thread = await threadOf('mtg-online');
    const minutes = f.emu.state.chats![thread]![1]!;
    const card = cardOf(minutes);
    expect(validateCard(card)).toBe(true);
    const texts = card.body.map((b) => b.text).join('\n');
    expect(texts).toMatch(/Referatet er sendt til bemærkninger/);
    expect(texts).toMatch(/The minutes are out for remarks/);
    const until = DateTime.fromISO(sent.windowClosesAt).setZone('Europe/Copenhagen');
    expect(texts).toContain(`Bemærkninger senest ${until.setLocale('da').toFormat('d. MMMM yyyy')} kl. ${until.toFormat('HH:mm')}`);
    // Again: nothing.
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-online', about: 'minutes', version: 1, remarksUntil: sent.windowClosesAt });
    await chatJobsDone();
    expect(posts()).toHaveLength(2);
    expect(f.emu.failures).toEqual([]);
  });

  it('retries a throttled post without a second message', async () => {
    await runMeetingSync(f.deps, { meetingId: 'mtg-late' });
    f.emu.faults.add({ kind: '429', route: '/chats/{chat-id}/messages', method: 'POST', times: 2, retryAfterSeconds: 0 });
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-late', about: 'minutes', version: 1 });
    await chatJobsDone();
    const thread = await threadOf('mtg-late');
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    expect(posts().filter((r) => r.status === 429)).toHaveLength(2);
    expect(await syncRepository(f.db.db).get('chat', 'mtg-late:minutes:v1')).toMatchObject({ status: 'synced' });
  });

  it('posts once when the worker dies after the post, before its record: the retry does not post again, and the secretariat is told', async () => {
    await runMeetingSync(f.deps, { meetingId: 'mtg-crash' });
    const thread = await threadOf('mtg-crash');
    // The job's transactions: the plan (1), the attempt (2), the thread and the attempt written down (3), the post,
    // the message id (4): die at the message id, after Graph posted.
    const killedBefore = kill.killed;
    kill.count = 0;
    kill.after = 4;
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-crash', about: 'minutes', version: 1 });
    await chatJobsDone();
    expect(kill.killed).toBe(killedBefore + 1);
    const retried = (await f.queue.findJobs<{ meetingId: string }>(SYNC_QUEUES.chat)).filter((j) => j.data.meetingId === 'mtg-crash' && j.retryCount > 0);
    expect(retried).toHaveLength(1);
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    // The card carries its key as the attachment's id (for a read of the chat, when the contract has one).
    expect(f.emu.state.chats![thread]![0]!.attachments[0]!.id).toBe(meetingChatMarker('mtg-crash:minutes:v1'));
    const rec = (await syncRepository(f.db.db).get('chat', 'mtg-crash:minutes:v1'))!;
    expect(rec).toMatchObject({ status: 'failed', container: thread });
    expect(rec.lastError).toMatch(/^Ukendt om kortet kom i mødechatten.*Unknown whether the card reached the meeting chat/);
    expect(await uncertainAudits('mtg-crash')).toHaveLength(1);
    // Again, through the queue and directly: nothing posted, the secretariat not told twice.
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-crash', about: 'minutes', version: 1 });
    await chatJobsDone();
    expect(await runMeetingChat(f.deps, { meetingId: 'mtg-crash', about: 'minutes', version: 1 })).toMatchObject({ posted: false, why: expect.stringMatching(/may be in the chat/) });
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    expect(await uncertainAudits('mtg-crash')).toHaveLength(1);
    expect(f.emu.failures).toEqual([]);
  });

  it('does not send the post again when the connection is lost after Graph posted (no second message)', async () => {
    await runMeetingSync(f.deps, { meetingId: 'mtg-reset' });
    const thread = await threadOf('mtg-reset');
    // Graph takes the post, then the connection drops before its answer.
    f.emu.faults.add({ kind: 'reset-after', route: '/chats/{chat-id}/messages', method: 'POST', times: 1 });
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-reset', about: 'minutes', version: 1 });
    await chatJobsDone();
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    expect(await syncRepository(f.db.db).get('chat', 'mtg-reset:minutes:v1')).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/Ukendt om kortet/) });
    expect(await uncertainAudits('mtg-reset')).toHaveLength(1);
  });

  it('posts the start card once at the meeting start, queued by the meeting sync for that time', async () => {
    f.now.value = new Date('2027-04-01T09:00:00Z');
    await runMeetingSync(f.deps, { meetingId: 'mtg-start' });
    // 13:00 in Copenhagen on 21 April 2027 (summer time) is 11:00 UTC.
    const jobs = await startJobs('mtg-start');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toMatchObject({ about: 'start', version: 1, startsAt: '2027-04-21T11:00:00.000Z' });
    expect(new Date(jobs[0]!.startAfter).toISOString()).toBe('2027-04-21T11:00:00.000Z');
    // The meeting synced again (nothing moved): no second job.
    await runMeetingSync(f.deps, { meetingId: 'mtg-start' });
    expect(await startJobs('mtg-start')).toHaveLength(1);
    const thread = await threadOf('mtg-start');
    // Half an hour early (the injected clock): the job waits (the queue retries it).
    f.now.value = new Date('2027-04-21T10:30:00Z');
    await expect(runMeetingChat(f.deps, jobs[0]!.data)).rejects.toThrow(/start card waits until then/);
    expect(f.emu.state.chats?.[thread] ?? []).toHaveLength(0);
    // At the start: the card.
    f.now.value = new Date('2027-04-21T11:00:20Z');
    expect(await runMeetingChat(f.deps, jobs[0]!.data)).toMatchObject({ posted: true });
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    const msg = f.emu.state.chats![thread]![0]!;
    expect(msg.summary).toMatch(/^Mødet er begyndt/);
    expect(validateCard(cardOf(msg))).toBe(true);
    const texts = textsOf(msg);
    expect(texts).toMatch(/Mødet er begyndt: dagsorden og referent/);
    expect(texts).toMatch(/The meeting has begun: agenda and minute-taker/);
    // No referent chosen: the forum's secretary, said to be the default.
    expect(texts).toMatch(/Referent: Nina Hald \(forummets sekretær; ingen anden er valgt\)/);
    expect(texts).toMatch(/Dagsordenen er ikke sendt/);
    expect(texts).toMatch(/mødets sidepanel/);
    expect(cardOf(msg).actions[0]!.url).toBe('https://samraad.test/#/meetings/mtg-start');
    // Once: the same job again posts nothing.
    expect(await runMeetingChat(f.deps, jobs[0]!.data)).toMatchObject({ posted: false, why: expect.stringMatching(/posted already/) });
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    expect(f.emu.failures).toEqual([]);
  });

  it('does not post the start card for a meeting moved since (the job for its new start posts), cancelled, or of a forum that has ended', async () => {
    f.now.value = new Date('2027-04-01T09:00:00Z');
    const repo = meetingsRepository(f.db.db);
    for (const id of ['mtg-move', 'mtg-cancel', 'mtg-adhoc']) await runMeetingSync(f.deps, { meetingId: id });
    const [oldJob] = await startJobs('mtg-move');
    expect(oldJob!.data.startsAt).toBe('2027-05-05T11:00:00.000Z');
    // Moved to 14:00: the meeting sync queues the card for the new start.
    const moving = (await repo.getMeeting('mtg-move'))!;
    expect(await repo.updateMeeting({ ...moving, start: '14:00', end: '16:00' }, moving.revision)).toBe(true);
    await runMeetingSync(f.deps, { meetingId: 'mtg-move' });
    const newJob = (await startJobs('mtg-move')).find((j) => j.id !== oldJob!.id)!;
    expect(newJob.data.startsAt).toBe('2027-05-05T12:00:00.000Z');
    f.now.value = new Date('2027-05-05T11:00:10Z');
    expect(await runMeetingChat(f.deps, oldJob!.data)).toMatchObject({ posted: false, why: expect.stringMatching(/was moved/) });
    f.now.value = new Date('2027-05-05T12:00:10Z');
    expect(await runMeetingChat(f.deps, newJob.data)).toMatchObject({ posted: true });
    expect(f.emu.state.chats?.[await threadOf('mtg-move')]).toHaveLength(1);

    // Cancelled after its card was queued.
    const [cancelJob] = await startJobs('mtg-cancel');
    const threadCancelled = await threadOf('mtg-cancel');
    const c = (await repo.getMeeting('mtg-cancel'))!;
    expect(await repo.updateMeeting({ ...c, status: 'cancelled' }, c.revision)).toBe(true);
    f.now.value = new Date('2027-05-12T11:00:10Z');
    expect(await runMeetingChat(f.deps, cancelJob!.data)).toMatchObject({ posted: false, why: expect.stringMatching(/cancelled/) });
    expect(f.emu.state.chats?.[threadCancelled] ?? []).toHaveLength(0);

    // The forum ended before the meeting's day.
    const [adhocJob] = await startJobs('mtg-adhoc');
    const threadAdhoc = await threadOf('mtg-adhoc');
    const reg = registryRepository(f.db.db);
    const forum = (await reg.getForum('midt-adhoc-udskr'))!;
    await reg.updateForum({ ...forum, status: 'ended', endedOn: '2027-05-01' });
    f.now.value = new Date('2027-05-19T11:00:10Z');
    expect(await runMeetingChat(f.deps, adhocJob!.data)).toMatchObject({ posted: false, why: expect.stringMatching(/forum has ended/) });
    expect(f.emu.state.chats?.[threadAdhoc] ?? []).toHaveLength(0);
    // The meeting is over: nothing either (the job came too late).
    f.now.value = new Date('2027-05-05T15:00:00Z');
    expect(await runMeetingChat(f.deps, { meetingId: 'mtg-move', about: 'start', version: 2, startsAt: '2027-05-05T12:00:00.000Z' })).toMatchObject({ posted: false, why: expect.stringMatching(/over/) });
  });

  it('posts nothing for a meeting that is not online, and waits for the join link of one whose event is not written yet', async () => {
    const before = posts().length;
    expect(await runMeetingChat(f.deps, { meetingId: 'mtg-room', about: 'agenda', version: 1 })).toMatchObject({ posted: false, why: expect.stringMatching(/not an online meeting/) });
    await insertMeetings(f.db, [meeting('mtg-new', 'midt-ksg', '2027-04-07', { online: true })]);
    await expect(runMeetingChat(f.deps, { meetingId: 'mtg-new', about: 'minutes', version: 1 })).rejects.toThrow(/no Teams meeting \(join link\) recorded yet/);
    expect(posts().length).toBe(before);
  });
});
