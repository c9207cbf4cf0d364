import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { backends, type TestDatabase } from '../../../test/support/db.js';
import { startJobQueue, type JobQueue } from '../../adapters/queue/job-queue.js';
import { auditRepository } from '../../adapters/db/audit.repository.js';
import { planningTransactor } from '../../adapters/db/planning.unit-of-work.js';
import { loadDemoData, readDemoData } from '../../demo/demo-loader.js';
import { allQueues } from '../../entry/jobs/queues.js';
import { UseCaseError } from '../use-case.errors.js';
import { acceptPlan } from './accept-plan.usecase.js';
import { cancelMeeting } from './cancel-meeting.usecase.js';
import { forumComposition } from './composition.usecase.js';
import { forumDeadlines } from './forum-deadlines.usecase.js';
import { forumYear } from './forum-year.usecase.js';
import { listForumMeetings } from './list-meetings.usecase.js';
import { moveMeeting } from './move-meeting.usecase.js';
import { personDeadlines } from './my-deadlines.usecase.js';
import { planYear } from './plan-year.usecase.js';
import { regionYear } from './region-year.usecase.js';
import { forumRotation } from './rotation.usecase.js';
import type { PlanningDeps } from './planning.shared.js';

let n = 0;
const ids = { newId: (p: string) => `${p}_${++n}` };
const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const secretary = { personId: 'nina-hald' }; // secretary of midt-ksg
const member = { personId: 'pia-strand' }; // member of midt-ksg

async function refusal(p: Promise<unknown>): Promise<UseCaseError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UseCaseError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe.each(backends)('planning use cases on $name', (backend) => {
  let db: TestDatabase;
  let queue: JobQueue;
  let deps: PlanningDeps;
  const syncJobs = async (meetingId: string) => {
    const r = (await db.db.execute(sql`select data from pgboss_v10.job where name = 'm365.meeting-sync'`)) as unknown as { rows: { data: { meetingId: string; change: string; revision: number } }[] };
    return r.rows.map((x) => x.data).filter((d) => d.meetingId === meetingId);
  };

  beforeAll(async () => {
    db = await backend.open();
    queue = await startJobQueue(db, { supervise: false, queues: allQueues });
    deps = { transact: planningTransactor(db, queue), clock, ids };
    const loaded = await loadDemoData(deps.transact);
    expect(loaded).toEqual({ loaded: true, meetings: readDemoData().meetings.length });
  });
  afterAll(async () => {
    await queue.stop();
    await db.dispose();
  });

  it('loads the demo meetings: midt-ksg has 4 stored meetings in 2027, the year is built from them with deadlines', async () => {
    const y = await forumYear(deps, 'midt-ksg', 2027);
    expect(y.source).toBe('stored');
    expect(y.meetings.map((m) => m.id)).toEqual(['mtg-midt-ksg-2027-1', 'mtg-midt-ksg-2027-2', 'mtg-midt-ksg-2027-3', 'mtg-midt-ksg-2027-4']);
    expect(y.meetings.every((m) => m.deadlines?.agendaDue.date)).toBe(true);
    expect(y.chair?.nextHandover?.date).toBe('2027-01-01');
  });

  it('proposes a year with reasons, on the forum preferred weekday, without writing anything', async () => {
    const p = await planYear(deps, 'midt-ksg', 2028);
    expect(p.proposal).toHaveLength(4);
    for (const m of p.proposal) {
      expect(new Date(`${m.date}T12:00:00Z`).getUTCDay()).toBe(4); // Thursday in the terms
      expect(m.reasons.length).toBeGreaterThan(0);
    }
    expect(p.existing).toEqual([]);
    expect(await listForumMeetings(deps, 'midt-ksg', 2028)).toEqual([]);
  });

  it('accepts a plan once: meetings, sync jobs and audit; accepting the same plan again creates nothing', async () => {
    const p = await planYear(deps, 'midt-ksg', 2028);
    const plan = { meetings: p.proposal.map((m) => ({ date: m.date, start: m.start, end: m.end, kind: m.kind, location: 'Regionshuset Viborg, mødelokale 1' })) };
    const first = await acceptPlan(deps, 'midt-ksg', 2028, plan, secretary);
    expect(first.created).toHaveLength(4);
    expect(first.created.map((m) => m.sequence)).toEqual([1, 2, 3, 4]);
    expect(await syncJobs(first.created[0]!.id)).toEqual([{ meetingId: first.created[0]!.id, revision: 1, change: 'created' }]);
    const audit = await auditRepository(db.db).listForForum('midt-ksg');
    expect(audit.find((a) => a.action === 'meetings.plan.accept')).toMatchObject({ actorPersonId: 'nina-hald', outcome: 'ok', target: '2028' });
    const again = await acceptPlan(deps, 'midt-ksg', 2028, plan, secretary);
    expect(again.created).toEqual([]);
    expect(again.kept.map((m) => m.id)).toEqual(first.created.map((m) => m.id));
    expect(await listForumMeetings(deps, 'midt-ksg', 2028)).toHaveLength(4);
    // A different plan for a year that already has meetings would double them: refused.
    const other = await refusal(acceptPlan(deps, 'midt-ksg', 2028, { meetings: [{ date: '2028-03-02', start: '13:00', end: '15:00' }] }, secretary));
    expect(other.kind).toBe('conflict');
    expect(await listForumMeetings(deps, 'midt-ksg', 2028)).toHaveLength(4);
  });

  it('refuses a plan from a member, for an unknown forum, and with bad dates (naming the field)', async () => {
    const plan = { meetings: [{ date: '2029-03-01', start: '13:00', end: '15:00' }] };
    expect((await refusal(acceptPlan(deps, 'midt-ksg', 2029, plan, member))).kind).toBe('forbidden');
    expect((await refusal(acceptPlan(deps, 'findes-ikke', 2029, plan, secretary))).kind).toBe('not_found');
    const wrongYear = await refusal(acceptPlan(deps, 'midt-ksg', 2030, plan, secretary));
    expect(wrongYear.errors).toEqual([{ field: 'meetings.0.date', reason: 'must be in 2030' }]);
    const backwards = await refusal(acceptPlan(deps, 'midt-ksg', 2029, { meetings: [{ date: '2029-03-01', start: '15:00', end: '13:00' }] }, secretary));
    expect(backwards.errors[0]!.field).toBe('meetings.0.end');
    expect(await listForumMeetings(deps, 'midt-ksg', 2029)).toEqual([]);
  });

  it('moves a meeting: its agenda deadline follows, the revision goes up and an Outlook sync job is enqueued', async () => {
    const before = (await listForumMeetings(deps, 'midt-ksg', 2027)).find((m) => m.id === 'mtg-midt-ksg-2027-2')!;
    expect(before.date).toBe('2027-05-13');
    expect(before.deadlines!.agendaDue.date).toBe('2027-04-29');
    const r = await moveMeeting(deps, 'mtg-midt-ksg-2027-2', { date: '2027-05-27', start: '13:00', end: '15:30', reason: 'Kristi himmelfart-ugen passer dårligt' }, secretary);
    expect(r.previous.deadlines!.agendaDue.date).toBe('2027-04-29');
    expect(r.meeting.deadlines!.agendaDue.date).toBe('2027-05-13');
    expect(r.meeting.revision).toBe(before.revision + 1);
    const after = (await listForumMeetings(deps, 'midt-ksg', 2027)).find((m) => m.id === 'mtg-midt-ksg-2027-2')!;
    expect(after.deadlines!.agendaDue.date).toBe('2027-05-13');
    expect(await syncJobs('mtg-midt-ksg-2027-2')).toEqual([{ meetingId: 'mtg-midt-ksg-2027-2', revision: before.revision + 1, change: 'moved' }]);
    const y = await forumYear(deps, 'midt-ksg', 2027);
    expect(y.meetings.find((m) => m.id === 'mtg-midt-ksg-2027-2')!.deadlines!.agendaDue.date).toBe('2027-05-13');
  });

  it('refuses to move a meeting for a member, into the past, or once it is cancelled; a cancelled meeting has no deadlines', async () => {
    const move = { date: '2027-08-26', start: '13:00', end: '15:30', reason: 'Sommerferie' };
    expect((await refusal(moveMeeting(deps, 'mtg-midt-ksg-2027-3', move, member))).kind).toBe('forbidden');
    expect((await refusal(moveMeeting(deps, 'mtg-midt-ksg-2027-3', { ...move, date: '2026-01-05' }, secretary))).errors[0]!.field).toBe('date');
    expect((await refusal(moveMeeting(deps, 'findes-ikke', move, secretary))).kind).toBe('not_found');
    const cancelled = await cancelMeeting(deps, 'mtg-midt-ksg-2027-3', { reason: 'Ingen punkter' }, secretary);
    expect(cancelled.status).toBe('cancelled');
    const refused = await refusal(moveMeeting(deps, 'mtg-midt-ksg-2027-3', move, secretary));
    expect(refused.kind).toBe('invalid_state');
    expect((await refusal(cancelMeeting(deps, 'mtg-midt-ksg-2027-3', { reason: 'igen' }, secretary))).kind).toBe('invalid_state');
    const listed = (await listForumMeetings(deps, 'midt-ksg', 2027)).find((m) => m.id === 'mtg-midt-ksg-2027-3')!;
    expect(listed.deadlines).toBeUndefined();
    expect((await forumYear(deps, 'midt-ksg', 2027)).meetings).toHaveLength(3);
    // A held meeting cannot be moved either.
    expect((await refusal(moveMeeting(deps, 'mtg-midt-ksg-2026-1', move, secretary))).kind).toBe('invalid_state');
  });

  it("lists a forum's deadlines in a period, and a person's by their role", async () => {
    const f = await forumDeadlines(deps, 'midt-ksg', { from: '2027-01-01', to: '2027-03-31' });
    expect(f.deadlines.map((d) => `${d.kind} ${d.date}`)).toEqual([
      'items_cutoff 2027-01-21',
      'agenda_due 2027-01-28',
      'minutes_due 2027-02-18',
      'comment_window_closes 2027-02-25',
    ]);
    const secretaryView = await personDeadlines(deps, 'nina-hald', { from: '2027-01-01', to: '2027-03-31' });
    expect(secretaryView.deadlines.filter((d) => d.forumId === 'midt-ksg').map((d) => d.kind)).toEqual(['items_cutoff', 'agenda_due', 'minutes_due', 'comment_window_closes']);
    const memberView = await personDeadlines(deps, 'pia-strand', { from: '2027-01-01', to: '2027-03-31' });
    const mine = memberView.deadlines.filter((d) => d.forumId === 'midt-ksg');
    expect(mine.map((d) => d.kind)).toEqual(['items_cutoff', 'comment_window_closes']);
    expect(mine.every((d) => d.role === 'member')).toBe(true);
    expect((await refusal(forumDeadlines(deps, 'midt-ksg', { from: '2027-03-01', to: '2027-01-01' }))).errors[0]!.field).toBe('to');
  });

  it('gives the rotation timeline with the next hand-over, and composition findings', async () => {
    const r = await forumRotation(deps, 'midt-ksg');
    expect(r.rotation?.nextHandover).toMatchObject({ date: '2027-01-01' });
    expect(r.rotation?.nextHandover?.text).toContain('Skive Kommune');
    expect(r.rotation?.terms.filter((t) => t.current)).toHaveLength(1);
    const none = await forumRotation(deps, 'faelles-sek');
    expect(none.rotation).toBeNull();
    const c = await forumComposition(deps, 'midt-ksg');
    expect(c.findings.length).toBeGreaterThan(0);
    expect(c.findings.every((x) => typeof x.da === 'string' && x.da.length > 0)).toBe(true);
  });

  it("builds the region's year, month by month, from several forums", async () => {
    const r = await regionYear(deps, 'Region Midtjylland', 2027);
    expect(r.months).toHaveLength(12);
    const feb = r.months[1]!.duties;
    expect(new Set(feb.map((d) => d.forumId)).size).toBeGreaterThan(5);
    expect(feb.some((d) => d.kind === 'meeting' && d.meetingId === 'mtg-vest-fg-sb-2027-1')).toBe(true);
    expect((await refusal(regionYear(deps, 'Region Atlantis', 2027))).kind).toBe('not_found');
  });
});
