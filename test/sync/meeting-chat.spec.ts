/**
 * The Teams meeting's chat gets its cards once (issue 16): sending the agenda of an
 * online meeting posts one agenda card into the chat of the Teams meeting its Outlook
 * event carries (found by the join link: onlineMeetings -> chatInfo.threadId, then
 * POST /chats/{thread}/messages, every request checked against the Graph contract);
 * the minutes going out for remarks post the minutes card. A repeated or retried job
 * posts nothing more, a job that dies before the post posts once when retried, a
 * throttled post is retried without a second message, and a meeting that is not
 * online gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { allQueues } from '../../src/entry/jobs/queues.js';
import { startSyncWorkers } from '../../src/entry/sync.module.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { agendaUseCases } from '../../src/usecases/meetings/agenda.usecase.js';
import { minutesUseCases } from '../../src/usecases/meetings/minutes.usecase.js';
import type { WorkflowDeps } from '../../src/usecases/meetings/workflow.context.js';
import { runMeetingChat } from '../../src/usecases/sync/meeting-chat.handler.js';
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
      const open = (await f.queue.boss.findJobs(SYNC_QUEUES.chat)).filter((j) => j.state === 'active' || j.state === 'retry' || j.state === 'created');
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
    ]);
    await startSyncWorkers(f.queue, killableDeps(f.deps, kill, 'worker killed before the post'), { workers: 1 });
    await runMeetingSync(f.deps, { meetingId: 'mtg-online' });
    await runMeetingSync(f.deps, { meetingId: 'mtg-room' });
  }, 90_000);
  afterAll(async () => f?.close());

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
  }, 90_000);

  it('posts nothing more when the same job runs again, through the queue or directly', async () => {
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-online', about: 'agenda', version: 1 });
    await chatJobsDone();
    expect(await runMeetingChat(f.deps, { meetingId: 'mtg-online', about: 'agenda', version: 1 })).toMatchObject({ posted: false, why: expect.stringMatching(/posted already/) });
    expect(posts()).toHaveLength(1);
    expect(messages()).toHaveLength(1);
  }, 60_000);

  it('posts the minutes card once when the minutes go out, and survives a worker killed before the post', async () => {
    // The job's transactions: the plan (1), the attempt (2), the chat thread (3): die at the thread, before the post.
    kill.count = 0;
    kill.after = 3;
    // The day after the meeting the secretary sends the minutes for remarks.
    f.now.value = new Date('2027-03-11T09:00:00Z');
    const sent = await minutesUseCases(workflowDeps()).send('mtg-online', { personId: 'nina-hald' }, { confirmContradictions: true });
    await chatJobsDone();
    expect(kill.killed).toBe(1);
    const retried = (await f.queue.boss.findJobs<{ about: string }>(SYNC_QUEUES.chat)).filter((j) => j.data.about === 'minutes' && j.retryCount > 0);
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
  }, 90_000);

  it('retries a throttled post without a second message', async () => {
    await runMeetingSync(f.deps, { meetingId: 'mtg-late' });
    f.emu.faults.add({ kind: '429', route: '/chats/{chat-id}/messages', method: 'POST', times: 2, retryAfterSeconds: 0 });
    await f.queue.enqueue(SYNC_QUEUES.chat, { meetingId: 'mtg-late', about: 'minutes', version: 1 });
    await chatJobsDone();
    const thread = await threadOf('mtg-late');
    expect(f.emu.state.chats?.[thread]).toHaveLength(1);
    expect(posts().filter((r) => r.status === 429)).toHaveLength(2);
    expect(await syncRepository(f.db.db).get('chat', 'mtg-late:minutes:v1')).toMatchObject({ status: 'synced' });
  }, 90_000);

  it('posts nothing for a meeting that is not online, and waits for the join link of one whose event is not written yet', async () => {
    const before = posts().length;
    expect(await runMeetingChat(f.deps, { meetingId: 'mtg-room', about: 'agenda', version: 1 })).toMatchObject({ posted: false, why: expect.stringMatching(/not an online meeting/) });
    await insertMeetings(f.db, [meeting('mtg-new', 'midt-ksg', '2027-04-07', { online: true })]);
    await expect(runMeetingChat(f.deps, { meetingId: 'mtg-new', about: 'minutes', version: 1 })).rejects.toThrow(/no Teams meeting \(join link\) recorded yet/);
    expect(posts().length).toBe(before);
  }, 60_000);
});
