/**
 * The meeting sync's own job path batches (issue 18, point 2): meeting-sync jobs taken
 * from the outbox in batches write their Outlook events through Graph `$batch` (20 per
 * request, a mailbox's requests in at most 4 dependsOn chains). Counted on the
 * emulator's request log: 45 new meetings take 3 requests and no find; a run cut off
 * after its writes and before its records is re-run with a batched find first, and
 * leaves one event per meeting; sub-requests answered 429 are re-sent alone, not before
 * their Retry-After.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { LoggedRequest } from '../../emulator/graph/server.js';
import { MEETING_ID_PROPERTY } from '../../src/adapters/graph/calendar.graph.js';
import { packByLane } from '../../src/adapters/graph/graph-batch.helper.js';
import { MEETING_SYNC_BATCH } from '../../src/entry/sync.module.js';
import { runMeetingSyncBatch } from '../../src/usecases/sync/meeting-sync.handler.js';
import { SYNC_QUEUES, type SyncDeps } from '../../src/usecases/sync/sync.ports.js';
import { backends } from '../support/db.js';
import { insertMeetings, meeting, syncFixture, type SyncFixture } from './sync.fixture.js';

const N = 45;
const ids = Array.from({ length: N }, (_, i) => `batch-m${i}`);
const meetings = ids.map((id, i) => meeting(id, 'midt-ksg', `2027-${String(3 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, { title: `Møde ${i}` }));

/** Events per meeting id, over every mailbox of the emulator. */
function eventsPerMeeting(f: SyncFixture): Map<string, number> {
  const seen = new Map<string, number>();
  for (const mb of Object.values(f.emu.state.mailboxes)) {
    for (const e of Object.values(mb.events)) {
      const id = ((e.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? []).find((p) => p.id.toLowerCase() === MEETING_ID_PROPERTY.toLowerCase())?.value;
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  }
  return seen;
}

const envelopes = (log: readonly LoggedRequest[]) => log.filter((r) => !r.batch);
const subs = (log: readonly LoggedRequest[], method?: string) => log.filter((r) => r.batch && (!method || r.method === method));

describe.each(backends)('meeting sync job path, batched ($name)', (backend) => {
  let f: SyncFixture;
  beforeEach(async () => {
    f = await syncFixture(backend);
    await insertMeetings(f.db, meetings);
  }, 60_000);
  afterEach(async () => f.close());

  async function drainThroughQueue(): Promise<void> {
    await f.deps.transact(async ({ outbox }) => {
      for (const id of ids) await outbox.enqueue(SYNC_QUEUES.meeting, { meetingId: id, change: 'created' });
    });
    // The worker as startSyncWorkers registers it (one here, so the count does not depend on which worker fetched first).
    await f.queue.workBatch(SYNC_QUEUES.meeting, (jobs) => runMeetingSyncBatch(f.deps, jobs.map((j) => j.data)), { batchSize: MEETING_SYNC_BATCH, pollingIntervalSeconds: 0.5 });
    const deadline = Date.now() + 60_000;
    while ((await f.queue.findJobs(SYNC_QUEUES.meeting, { queued: true })).length > 0) {
      if (Date.now() > deadline) throw new Error('the meeting-sync queue did not drain');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('45 new meetings from the outbox: 3 $batch requests, no find, one event each, every job completed after its record', async () => {
    await drainThroughQueue();
    expect(f.emu.failures).toEqual([]);
    const log = f.emu.requests;
    expect(envelopes(log).map((r) => r.url)).toEqual(['/$batch', '/$batch', '/$batch']);
    expect(subs(log, 'POST')).toHaveLength(N);
    expect(subs(log, 'GET')).toHaveLength(0);
    expect(subs(log)).toHaveLength(N);
    const per = eventsPerMeeting(f);
    expect(ids.map((id) => per.get(id) ?? 0)).toEqual(ids.map(() => 1));
    const jobs = await f.queue.findJobs(SYNC_QUEUES.meeting);
    expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'completed'));
    const records = await f.deps.transact(({ sync }) => sync.list({ kind: 'meeting' }));
    const ours = records.filter((r) => ids.includes(r.localId));
    expect(ours.map((r) => r.status)).toEqual(ids.map(() => 'synced'));
    expect(new Set(ours.map((r) => r.remoteId)).size).toBe(N);
  }, 120_000);

  it('a run cut off after its writes and before its records: the re-run finds (batched) and duplicates nothing', async () => {
    // The "killed" worker: its writes reach Graph, then nothing more of it runs (no record, no failure noted).
    let dead = false;
    const calendar = f.deps.m365.calendar;
    const dying: SyncDeps = {
      ...f.deps,
      transact: (fn) => (dead ? Promise.reject(new Error('worker killed')) : f.deps.transact(fn)),
      m365: {
        ...f.deps.m365,
        calendar: {
          ...calendar,
          upsertEvents: async (specs) => {
            const r = await calendar.upsertEvents!(specs);
            dead = true;
            return r;
          },
        },
      },
    };
    const first = await runMeetingSyncBatch(dying, ids.map((meetingId) => ({ meetingId })));
    expect(first.every((o) => o instanceof Error)).toBe(true);
    expect(subs(f.emu.requests, 'POST')).toHaveLength(N);
    const before = f.emu.requests.length;

    const again = await runMeetingSyncBatch(f.deps, ids.map((meetingId) => ({ meetingId })));
    expect(again).toEqual(ids.map(() => undefined));
    expect(f.emu.failures).toEqual([]);
    const log = f.emu.requests.slice(before);
    // Each meeting had an attempt: found by its tag (3 requests), then updated in place (3 requests); nothing created.
    expect(subs(log, 'GET')).toHaveLength(N);
    expect(subs(log, 'PATCH')).toHaveLength(N);
    expect(subs(log, 'POST')).toHaveLength(0);
    expect(envelopes(log)).toHaveLength(6);
    const per = eventsPerMeeting(f);
    expect(ids.map((id) => per.get(id) ?? 0)).toEqual(ids.map(() => 1));
    const records = await f.deps.transact(({ sync }) => sync.list({ kind: 'meeting' }));
    expect(records.filter((r) => ids.includes(r.localId)).map((r) => r.status)).toEqual(ids.map(() => 'synced'));
  }, 120_000);

  it('sub-requests answered 429 are re-sent alone, after their Retry-After, and each meeting gets one event', async () => {
    f.emu.faults.add({ kind: '429', method: 'POST', route: '/users/{user-id}/events', scope: 'batch-item', times: 3, retryAfterSeconds: 1 });
    await drainThroughQueue();
    expect(f.emu.failures).toEqual([]);
    const log = f.emu.requests;
    const throttled = subs(log).filter((r) => r.status === 429);
    expect(throttled).toHaveLength(3);
    // The 3 failed creations go again in one more request; nothing else is re-sent.
    expect(envelopes(log)).toHaveLength(4);
    expect(subs(log, 'POST')).toHaveLength(N + 3);
    for (const t of throttled) {
      const resent = log.filter((r) => r.batch && r.key === t.key && r.seq > t.seq);
      expect(resent).toHaveLength(1);
      expect(resent[0]!.at - t.respondedAt!).toBeGreaterThanOrEqual(1000);
    }
    const per = eventsPerMeeting(f);
    expect(ids.map((id) => per.get(id) ?? 0)).toEqual(ids.map(() => 1));
  }, 120_000);
});

describe('packing per mailbox', () => {
  const item = (index: number, lane?: string) => ({ index, req: { method: 'POST' as const, url: '/x', ...(lane ? { lane } : {}) } });

  it('one mailbox: envelopes of 20 with 4 dependsOn chains, so at most 4 of its requests run at once', () => {
    const chunks = packByLane(Array.from({ length: 45 }, (_, i) => item(i, 'a')));
    expect(chunks.map((c) => c.length)).toEqual([20, 20, 5]);
    for (const c of chunks) {
      c.forEach((it, k) => expect(it.dependsOn).toBe(k < 4 ? undefined : c[k - 4]!.index));
    }
  });

  it('many mailboxes fill each envelope, a mailbox kept together', () => {
    const chunks = packByLane(Array.from({ length: 50 }, (_, i) => item(i, `m${i % 10}`)));
    expect(chunks.map((c) => c.length)).toEqual([20, 20, 10]);
    expect(chunks[0]!.slice(0, 5).map((it) => it.req.lane)).toEqual(['m0', 'm0', 'm0', 'm0', 'm0']);
    expect(chunks[0]![4]!.dependsOn).toBe(0);
  });
});
