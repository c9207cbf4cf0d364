/**
 * Transitions, first step (issue 15): the region's secretariat previews a plan
 * (a forum ends on 31 December 2026 and hands over to a successor) and sees every
 * consequence; nothing is written. Bad plans are refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { isActiveOn } from '../../src/domain/registry/registry.model.js';
import { member, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

/** Secretary of the Sundhedskoordinationsudvalg and of the Fælles sekretariat: the region's secretariat. */
const secretary = 'dorte-bach';

const region = encodeURIComponent('Region Midtjylland');
const url = `/api/regions/${region}/transitions/preview`;
const plan = (over: Record<string, unknown> = {}) => ({
  effectiveOn: '2027-01-01',
  forums: [
    {
      forumId: 'midt-ksg',
      successorIds: ['vest-ksg'],
      tasks: { action: 'carry', toForumId: 'vest-ksg' },
      proposals: { action: 'close', reason: 'Forummet nedlægges ved sundhedsreformen' },
      items: { action: 'carry', toForumId: 'vest-ksg' },
      meetings: { notice: 'Mødet aflyses: forummet nedlægges 31. december 2026' },
      members: { action: 'carry', toForumId: 'vest-ksg' },
      ...over,
    },
  ],
});

describe.each(backends)('transition preview on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2026-12-03T09:00:00Z');
  });
  afterAll(async () => app.close());

  it('is for the region\'s secretariat: 401 anonymous, 403 with a Danish refusal for a member', async () => {
    expect((await app.call('POST', url, undefined, plan())).status).toBe(401);
    const r = await app.call('POST', url, member, plan());
    expect(r.status).toBe(403);
    expect(r.body.detailDa).toBe('Kun regionens sekretariat må forberede en omstilling');
  });

  it('refuses a plan naming the field: a carry-over to a forum that is not a successor, an effective date already passed, an unknown forum', async () => {
    const bad = await app.call('POST', url, secretary, plan({ tasks: { action: 'carry', toForumId: 'skuu' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'forums.0.tasks.toForumId', reason: "must be one of the forum's successors" }]);
    expect(bad.body.detailDa).toBe('Skal være en af forummets efterfølgere');
    const past = await app.call('POST', url, secretary, { ...plan(), effectiveOn: '2026-12-01' });
    expect(past.status).toBe(400);
    expect(past.body.errors.map((e: { field: string }) => e.field)).toEqual(['effectiveOn']);
    const unknown = await app.call('POST', url, secretary, plan({ forumId: 'findes-ikke' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['forums.0.forumId']);
    const noReason = await app.call('POST', url, secretary, plan({ proposals: { action: 'close', reason: '' } }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('forums.0.proposals.reason');
  });

  it('lists every consequence and writes nothing', async () => {
    const meetings = meetingsRepository(app.db.db);
    const before = await meetings.listMeetings({ forumIds: ['midt-ksg'] });
    const r = await app.call('POST', url, secretary, plan());
    expect(r.status).toBe(200);
    const p = r.body;
    expect(p.endsOn).toBe('2026-12-31');
    expect(p.endingForums).toEqual([{ forumId: 'midt-ksg', name: 'Klyngestyregruppe for Midtklyngen', successors: [{ id: 'vest-ksg', name: 'Klyngestyregruppe for Vestklyngen' }] }]);
    const future = before.filter((m) => m.status === 'planned' && m.date >= '2027-01-01').map((m) => m.id).sort();
    expect(future.length).toBeGreaterThan(0);
    expect(p.meetingsCancelled.map((m: { meetingId: string }) => m.meetingId).sort()).toEqual(future);
    expect(p.meetingsCancelled.every((m: { notice: string }) => m.notice === 'Mødet aflyses: forummet nedlægges 31. december 2026')).toBe(true);
    expect(p.remindersStopped.meetingIds.sort()).toEqual(future);
    const seated = (await registryRepository(app.db.db).listMemberships({ forumId: 'midt-ksg' })).filter((m) => isActiveOn(m, '2026-12-31'));
    expect(p.members.map((m: { membershipId: string }) => m.membershipId).sort()).toEqual(seated.map((m) => m.id).sort());
    expect(p.members.every((m: { to: { action: string; toForumId: string } }) => m.to.action === 'carry' && m.to.toForumId === 'vest-ksg')).toBe(true);
    expect(p.channelsArchived).toEqual([{ forumId: 'midt-ksg', name: 'Klyngestyregruppe for Midtklyngen' }]);
    // A preview changes nothing.
    expect(await meetings.listMeetings({ forumIds: ['midt-ksg'] })).toEqual(before);
    expect((await registryRepository(app.db.db).getForum('midt-ksg'))!.status).toBe('active');
  });
});
