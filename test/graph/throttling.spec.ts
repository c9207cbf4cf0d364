/**
 * Throttling test: 10% of calls and 10% of $batch sub-requests answered 429 with
 * Retry-After: 1, plus some 503/504 and connection resets. Every change must arrive
 * exactly once, every throttled request must be re-sent, never before its
 * Retry-After (measured on the emulator's request log), and a batch must re-send only
 * its failed sub-requests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphEmulator, LoggedRequest } from '../../emulator/graph/server.js';
import type { GraphAdapter } from '../../src/adapters/graph/graph.adapter.js';
import { meetingSpec, SECRETARY, setUp, TEAM } from './graph.fixture.js';

const MEETINGS = 40;
const FORUMS = 4;
const MEMBERS = 24;
const userId = (i: number) => `22222222-0000-0000-0000-${String(i).padStart(12, '0')}`;

describe('Graph adapter under throttling and faults', () => {
  let emu: GraphEmulator;
  let graph: GraphAdapter;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ emu, graph, close } = await setUp({ seed: 20261123 }, { timeoutMs: 10_000 }));
    for (let i = 0; i < MEMBERS + 1; i++) emu.addUser({ id: userId(i), mail: `person${i}@kommune.example` });
    emu.faults.add({ kind: '429', probability: 0.1, retryAfterSeconds: 1, scope: 'request' });
    emu.faults.add({ kind: '429', probability: 0.1, retryAfterSeconds: 1, scope: 'batch-item' });
    emu.faults.add({ kind: '503', probability: 0.03, scope: 'any' });
    emu.faults.add({ kind: '504', probability: 0.03, scope: 'request' });
    emu.faults.add({ kind: 'reset', probability: 0.02, scope: 'request' });
    // At least a few of each, whatever the draw: resets on creates, a 504 on a batch envelope.
    emu.faults.add({ kind: 'reset', method: 'POST', route: '/users/{user-id}/events', times: 2 });
    emu.faults.add({ kind: '504', route: '$batch', times: 1 });
  });
  afterAll(async () => close());

  it('delivers every change once and never retries before Retry-After', async () => {
    const started = Date.now();
    // Channels with members (members go in $batch).
    const channels = await Promise.all(
      Array.from({ length: FORUMS }, (_, f) =>
        graph.channels.ensureChannel({ teamId: TEAM, forumKey: `forum-${f}`, name: `Arbejdsgruppe ${f} om sammenhængende forløb for borgere med kronisk sygdom`, membershipType: 'private', ownerUserId: userId(0) }),
      ),
    );
    const memberResults = await Promise.all(channels.map((ch) => graph.channels.syncMembers(ch, Array.from({ length: MEMBERS }, (_, i) => ({ userId: userId(i + 1) })))));
    // Meetings: create, then update through the stored id.
    const created = await Promise.all(Array.from({ length: MEETINGS }, (_, i) => graph.calendar.upsertEvent(meetingSpec(i))));
    await Promise.all(created.map((c, i) => graph.calendar.upsertEvent({ ...meetingSpec(i), storedEventId: c.eventId, subject: `Møde ${i} (rettet)` })));
    // Directory look-ups in $batch.
    const users = await graph.directory.getUsers(Array.from({ length: MEMBERS }, (_, i) => userId(i + 1)));
    const elapsedMs = Date.now() - started;

    // 1. Nothing the adapter sent broke the contract.
    expect(emu.failures).toEqual([]);

    // 2. Every change arrived exactly once.
    const events = Object.values(emu.state.mailboxes[SECRETARY]!.events);
    expect(events).toHaveLength(MEETINGS);
    const subjects = events.map((e) => e.subject).sort();
    expect(subjects).toEqual(Array.from({ length: MEETINGS }, (_, i) => `Møde ${i} (rettet)`).sort());
    const team = emu.state.teams[TEAM]!;
    expect(Object.keys(team.channels)).toHaveLength(FORUMS);
    for (const c of Object.values(team.channels)) expect(c.members.map((m) => m.userId).sort()).toEqual(Array.from({ length: MEMBERS + 1 }, (_, i) => userId(i)).sort());
    for (const r of memberResults) expect(r.failed).toEqual([]);
    expect(users.size).toBe(MEMBERS);

    // 3. The faults really happened (otherwise this test proves nothing).
    const log = emu.requests;
    const top429 = log.filter((r) => r.status === 429 && !r.batch);
    const batch429 = log.filter((r) => r.status === 429 && r.batch);
    const other = log.filter((r) => r.fault === '503' || r.fault === '504' || r.fault === 'reset');
    expect(top429.length).toBeGreaterThan(3);
    expect(batch429.length).toBeGreaterThan(3);
    expect(other.some((r) => r.fault === 'reset')).toBe(true);
    expect(other.some((r) => r.fault === '503' || r.fault === '504')).toBe(true);

    // 4. Every throttled request was re-sent, and not before its Retry-After.
    const nextSame = (r: LoggedRequest) => log.find((x) => x.seq > r.seq && x.key === r.key);
    const gaps: number[] = [];
    for (const r of [...top429, ...batch429]) {
      const retry = nextSame(r);
      expect(retry).toBeDefined();
      const gap = retry!.at - r.at;
      gaps.push(gap);
      expect(gap).toBeGreaterThanOrEqual((r.retryAfterSeconds ?? 0) * 1000);
    }

    // 5. A batch re-sends only failed sub-requests: nothing that succeeded is sent again.
    const succeeded = new Set(log.filter((r) => r.batch && typeof r.status === 'number' && r.status < 300).map((r) => r.key));
    for (const key of succeeded) expect(log.filter((r) => r.batch && r.key === key && typeof r.status === 'number' && r.status < 300)).toHaveLength(1);
    const resentAfterSuccess = log.filter((r) => r.batch && succeeded.has(r.key) && log.some((s) => s.key === r.key && s.seq < r.seq && typeof s.status === 'number' && s.status < 300));
    expect(resentAfterSuccess).toEqual([]);

    // 6. The per-tenant concurrency limit held (and was used).
    expect(graph.limiter.maxObserved).toBeLessThanOrEqual(4);
    expect(graph.limiter.maxObserved).toBeGreaterThan(1);

    console.log(
      `throttling run: ${log.length} requests logged (${log.filter((r) => r.batch).length} batch items), ` +
        `${top429.length} top-level 429, ${batch429.length} batch-item 429, ${other.length} 503/504/reset; ` +
        `min wait after a 429 ${Math.min(...gaps)} ms, max ${Math.max(...gaps)} ms; wall time ${elapsedMs} ms`,
    );
  });
});
