/**
 * Parallel writes on the same meeting (issue 14 point 7): the fuzz test once saw
 * `POST /api/meetings/:id/agenda/init` answer 500 on PostgreSQL when eight copies
 * ran at once (two transactions inserting the fixed items and renumbering the same
 * rows: duplicates and a deadlock). Here every write route of the agenda, the
 * proposals, attendance, decisions and minutes is hit by many requests at the same
 * time on one meeting, in waves, on every backend. None may answer 5xx, and the
 * agenda must come out consistent (each fixed item once, positions 1..n).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { createMeeting, member, member2, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const PARALLEL = Number(process.env.CONCURRENCY_FUZZ_PARALLEL ?? 16);

describe.each(backends)('parallel writes on one meeting on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
  });
  afterAll(async () => app?.close());

  async function wave(requests: (() => Promise<{ status: number; text: string }>)[]) {
    const results = await Promise.all(requests.map((r) => r()));
    const fives = results.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.text.slice(0, 300)}`);
    return { statuses: results.map((r) => r.status), fives };
  }

  it(`${PARALLEL} parallel agenda/init on a fresh meeting: no 5xx, each fixed item once`, async () => {
    const meeting = (await createMeeting(app)).id;
    const { fives, statuses } = await wave(Array.from({ length: PARALLEL }, () => () => app.call('POST', `/api/meetings/${meeting}/agenda/init`, secretary, {})));
    expect(fives).toEqual([]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const items = (await app.call('GET', `/api/meetings/${meeting}`, secretary)).body.items as { fixed?: string; position: number }[];
    expect(items.filter((i) => i.fixed).map((i) => i.fixed).sort()).toEqual(['any_other_business', 'next_meeting', 'welcome']);
    expect(items.map((i) => i.position)).toEqual(items.map((_, k) => k + 1));
  });

  it('mixed parallel writes on one meeting: no 5xx, a consistent agenda', async () => {
    const meeting = (await createMeeting(app)).id;
    const base = `/api/meetings/${meeting}`;
    const proposals: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      proposals.push((await app.call('POST', `${base}/proposals`, member, { title: `Forslag ${i}`, kind: 'discussion', background: '' })).body.id as string);
    }
    // Wave 1: the first items, the fixed items and proposals accepted, all at once.
    const w1 = await wave([
      ...Array.from({ length: PARALLEL / 2 }, (_, i) => () => app.call('POST', `${base}/items`, secretary, { title: `Punkt ${i}`, kind: 'decision' })),
      ...Array.from({ length: 4 }, () => () => app.call('POST', `${base}/agenda/init`, secretary, {})),
      ...proposals.map((p) => () => app.call('POST', `/api/proposals/${p}/accept`, secretary)),
      ...proposals.map((p) => () => app.call('POST', `/api/proposals/${p}/accept`, secretary)),
    ]);
    expect(w1.fives).toEqual([]);
    const items = (await app.call('GET', base, secretary)).body.items as { id: string; fixed?: string; position: number }[];
    // Wave 2: reorder, edit, delete, decide, attend and the minute-taker, all at once.
    const plain = items.filter((i) => !i.fixed);
    const w2 = await wave([
      ...Array.from({ length: 4 }, (_, k) => () => app.call('POST', `${base}/items/reorder`, secretary, { itemIds: k % 2 ? items.map((i) => i.id).reverse() : items.map((i) => i.id) })),
      ...plain.slice(0, 4).map((i) => () => app.call('PUT', `${base}/items/${i.id}`, secretary, { title: 'Rettet', kind: 'discussion' })),
      ...plain.slice(4, 6).map((i) => () => app.call('DELETE', `${base}/items/${i.id}`, secretary)),
      ...plain.slice(4, 6).map((i) => () => app.call('DELETE', `${base}/items/${i.id}`, secretary)),
      ...plain.slice(0, 4).map((i) => () => app.call('PUT', `${base}/items/${i.id}/decision`, secretary, { decision: 'Godkendt' })),
      ...[member, member2, member, member2].map((p) => () => app.call('PUT', `${base}/attendance/me`, p, { answer: 'attending' })),
      ...[member, member2].map((p) => () => app.call('PUT', `${base}/minute-taker`, secretary, { personId: p })),
      ...Array.from({ length: 3 }, () => () => app.call('POST', `${base}/agenda/init`, secretary, {})),
    ]);
    expect(w2.fives).toEqual([]);
    // Wave 3: send the agenda and the minutes twice each, with remarks.
    const w3 = await wave([
      ...Array.from({ length: 3 }, () => () => app.call('POST', `${base}/agenda/send`, secretary)),
      ...Array.from({ length: 3 }, () => () => app.call('POST', `${base}/minutes/send`, secretary, { confirmContradictions: true })),
      ...Array.from({ length: 4 }, () => () => app.call('POST', `${base}/items`, secretary, { title: 'Sent punkt', kind: 'orientation' })),
    ]);
    expect(w3.fives).toEqual([]);
    const after = (await app.call('GET', base, secretary)).body.items as { fixed?: string; position: number }[];
    expect(after.filter((i) => i.fixed).map((i) => i.fixed).sort()).toEqual(['any_other_business', 'next_meeting', 'welcome']);
    expect(after.map((i) => i.position)).toEqual(after.map((_, k) => k + 1));
  }, 180_000);
});
