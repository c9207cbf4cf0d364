/**
 * Transitions applied and undone (issue 15) through the API, on every backend.
 * The Midtklyngen cluster steering group ends on 31 December 2026 and hands over
 * to the Vestklyngen steering group: future meetings cancelled with the notice
 * (Outlook sync and a notice in the outbox), tasks, proposals and items carried
 * or closed as chosen, seats ended and new seats in the successor, the forum
 * ended on the date. Undo before the date restores everything the apply changed;
 * after the date nothing can be undone and no reminder for the ended forum is
 * planned on any of the next 60 days. A refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { backends } from '../support/db.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { workflowRepository } from '../../src/adapters/db/workflow.repository.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput } from '../../src/usecases/bot/reminder-plan.usecase.js';
import { takeTransitionsIntoEffect } from '../../src/usecases/transitions/transition-apply.usecase.js';
import { transitionDeps, workflowTransactor } from '../../src/entry/workflow.module.js';
import { createMeeting, member, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';
import type { Meeting } from '../../src/domain/meetings/meeting.model.js';

/** Secretary of the Sundhedskoordinationsudvalg and of the Fælles sekretariat: the region's secretariat. */
const secretary = 'dorte-bach';
const region = encodeURIComponent('Region Midtjylland');
const base = `/api/regions/${region}/transitions`;
const NOTICE = 'Mødet aflyses: Klyngestyregruppen nedlægges 31. december 2026 ved sundhedsreformen';
const plan = (over: Record<string, unknown> = {}) => ({
  effectiveOn: '2027-01-01',
  title: 'Sundhedsreformen 2027: Midtklyngen',
  forums: [
    {
      forumId: 'midt-ksg',
      successorIds: ['vest-ksg'],
      tasks: { action: 'carry', toForumId: 'vest-ksg' },
      proposals: { action: 'carry', toForumId: 'vest-ksg' },
      items: { action: 'close', reason: 'Punktet bortfalder, forummet nedlægges' },
      meetings: { notice: NOTICE },
      members: { action: 'carry', toForumId: 'vest-ksg' },
      ...over,
    },
  ],
});
const rows = (r: unknown) => ((r as { rows?: Record<string, unknown>[] }).rows ?? (r as Record<string, unknown>[]));

describe.each(backends)('transitions applied and undone on $name', (backend) => {
  let app: WorkflowTestApp;
  let receiving: Meeting;
  let cancelledLater: Meeting;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2026-12-03T09:00:00Z');
    const db = app.db.db;
    // The successor's first 2027 meeting receives carried proposals; an ending forum's 2027 meeting with an item, a proposal and a task.
    receiving = await createMeeting(app, { forumId: 'vest-ksg', date: '2027-01-05', sequence: 1 });
    cancelledLater = await createMeeting(app, { forumId: 'midt-ksg', date: '2027-01-12', sequence: 1 });
    // Its last meeting, in December: held before the date, its minutes would be due after it.
    await createMeeting(app, { forumId: 'midt-ksg', date: '2026-12-17', sequence: 5 });
    await workflowRepository(db).insertItem({ id: 'tr-item-1', meetingId: cancelledLater.id, position: 1, title: 'Fælles udskrivningsforløb: status', kind: 'discussion', presenters: [], minutes: 15, background: '', recommendations: [], attachments: [] });
    await workflowRepository(db).insertProposal({ id: 'tr-prop-1', meetingId: cancelledLater.id, proposerPersonId: member, title: 'Forslag om tværsektoriel akutfunktion', kind: 'decision', background: 'Baggrund', status: 'pending', late: false, createdAt: '2026-11-20T10:00:00.000Z' });
    await meetingsRepository(db).insertTask({ id: 'tr-task-1', forumId: 'midt-ksg', title: 'Udarbejd status på udskrivningsforløb', description: '', assigneePersonId: member, reportToForumId: 'midt-ksg', dueOn: '2027-02-15', status: 'open' });
  });
  afterAll(async () => app?.close());

  const counts = async () => ({
    transitions: Number(rows(await app.db.db.execute(sql`select count(*)::int as n from transitions`))[0]!.n),
    jobs: Number(rows(await app.db.db.execute(sql`select count(*)::int as n from pgboss_v10.job`))[0]!.n),
  });
  /** Everything a transition may change, as stored. */
  const snapshot = async () => {
    const db = app.db.db;
    const meetings = await meetingsRepository(db).listMeetings({ forumIds: ['midt-ksg', 'vest-ksg'] });
    const items = [];
    const proposals = [];
    for (const m of meetings) {
      items.push(...(await workflowRepository(db).listItems(m.id)));
      proposals.push(...(await workflowRepository(db).listProposals(m.id)));
    }
    const reg = registryRepository(db);
    return {
      forums: [await reg.getForum('midt-ksg'), await reg.getForum('vest-ksg')],
      meetings: meetings.map(({ revision: _r, ...m }) => m).sort((a, b) => a.id.localeCompare(b.id)),
      items: items.sort((a, b) => a.id.localeCompare(b.id)),
      proposals: proposals.sort((a, b) => a.id.localeCompare(b.id)),
      tasks: (await meetingsRepository(db).listTasks({ forumIds: ['midt-ksg', 'vest-ksg'] })).sort((a, b) => a.id.localeCompare(b.id)),
      memberships: [...(await reg.listMemberships({ forumId: 'midt-ksg' })), ...(await reg.listMemberships({ forumId: 'vest-ksg' }))].sort((a, b) => a.id.localeCompare(b.id)),
    };
  };
  const syncJobs = async (meetingId: string) =>
    rows(await app.db.db.execute(sql`select data from pgboss_v10.job where name = 'm365.meeting-sync' and data->>'meetingId' = ${meetingId} order by created_on`)).map((r) => (r.data as { change: string }).change);
  const forumSyncs = async (forumId: string) => Number(rows(await app.db.db.execute(sql`select count(*)::int as n from pgboss_v10.job where name = 'm365.forum-sync' and data->>'forumId' = ${forumId}`))[0]!.n);

  let original: Awaited<ReturnType<typeof snapshot>>;
  let transitionId = '';

  it('refuses with problem+json in Danish and English, and writes nothing', async () => {
    original = await snapshot();
    const before = await counts();
    expect((await app.call('POST', base, undefined, plan())).status).toBe(401);
    const forbidden = await app.call('POST', base, member, plan());
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detailDa).toBe('Kun regionens sekretariat må gennemføre en omstilling');
    expect(String(forbidden.headers['content-type'])).toContain('application/problem+json');
    const notSuccessor = await app.call('POST', base, secretary, plan({ tasks: { action: 'carry', toForumId: 'skuu' } }));
    expect(notSuccessor.status).toBe(400);
    expect(notSuccessor.body.errors).toEqual([{ field: 'forums.0.tasks.toForumId', reason: "must be one of the forum's successors" }]);
    expect(notSuccessor.body.detailDa).toBe('Skal være en af forummets efterfølgere');
    // Proposals carried to a successor with no meeting on or after the date: nowhere to land.
    const nowhere = await app.call('POST', base, secretary, plan({ successorIds: ['midt-adhoc-udskr'], tasks: { action: 'close', reason: 'x' }, members: { action: 'close', reason: 'x' }, proposals: { action: 'carry', toForumId: 'midt-adhoc-udskr' } }));
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors.map((e: { field: string }) => e.field)).toEqual(['forums.0.proposals.toForumId']);
    expect(nowhere.body.detailDa).toMatch(/har intet planlagt møde den 2027-01-01 eller senere/);
    const noReason = await app.call('POST', base, secretary, plan({ items: { action: 'close', reason: ' ' } }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('forums.0.items.reason');
    expect(await counts()).toEqual(before);
    expect(await snapshot()).toEqual(original);
  });

  it('applies in one step: meetings cancelled with the notice, things carried or closed, seats moved, Outlook and channel jobs in the outbox', async () => {
    const r = await app.call('POST', base, secretary, plan());
    expect(r.status).toBe(201);
    transitionId = r.body.id;
    expect(r.body).toMatchObject({ status: 'applied', region: 'Region Midtjylland', effectiveOn: '2027-01-01', appliedBy: secretary, title: 'Sundhedsreformen 2027: Midtklyngen' });
    const future = original.meetings.filter((m) => m.forumId === 'midt-ksg' && m.status === 'planned' && m.date >= '2027-01-01');
    expect(future.map((m) => m.id)).toContain(cancelledLater.id);
    const meetings = meetingsRepository(app.db.db);
    for (const m of future) {
      const now = (await meetings.getMeeting(m.id))!;
      expect(now).toMatchObject({ status: 'cancelled', cancelledReason: NOTICE });
      expect(await syncJobs(m.id)).toEqual(['cancelled']);
    }
    // A December meeting still takes place.
    const december = original.meetings.filter((m) => m.forumId === 'midt-ksg' && m.status === 'planned' && m.date < '2027-01-01');
    for (const m of december) expect((await meetings.getMeeting(m.id))!.status).toBe('planned');
    const notices = rows(await app.db.db.execute(sql`select data from pgboss_v10.job where name = 'notifications.notice'`)).map((x) => (x.data as { event: { kind: string; meetingId: string; detail: { reason: string } } }).event);
    expect(notices.filter((e) => e.kind === 'meeting_cancelled').map((e) => e.meetingId).sort()).toEqual(future.map((m) => m.id).sort());
    expect(notices.every((e) => e.detail.reason === NOTICE)).toBe(true);
    expect(await forumSyncs('midt-ksg')).toBe(1);
    expect(await forumSyncs('vest-ksg')).toBe(1);

    const forum = (await registryRepository(app.db.db).getForum('midt-ksg'))!;
    expect(forum).toMatchObject({ status: 'active', endedOn: '2026-12-31', successorIds: ['vest-ksg'] });
    expect(await meetings.getTask('tr-task-1')).toMatchObject({ forumId: 'vest-ksg', reportToForumId: 'vest-ksg', status: 'open' });
    expect(await workflowRepository(app.db.db).getProposal('tr-prop-1')).toMatchObject({ meetingId: receiving.id, status: 'pending' });
    // The item was closed: it stays on its cancelled meeting; the reason is in the transition.
    expect(await workflowRepository(app.db.db).getItem('tr-item-1')).toMatchObject({ meetingId: cancelledLater.id });
    expect(r.body.changes.items).toContainEqual({ itemId: 'tr-item-1', action: 'close', meetingId: cancelledLater.id, reason: 'Punktet bortfalder, forummet nedlægges' });

    const seatedOnLastDay = original.memberships.filter((m) => m.forumId === 'midt-ksg' && m.from <= '2026-12-31' && (!m.to || m.to >= '2026-12-31'));
    expect(seatedOnLastDay.length).toBeGreaterThan(0);
    const reg = registryRepository(app.db.db);
    for (const m of seatedOnLastDay) expect((await reg.getMembership(m.id))!.to).toBe('2026-12-31');
    const successorSeats = (await reg.listMemberships({ forumId: 'vest-ksg' })).filter((m) => m.from <= '2027-01-01' && (!m.to || m.to >= '2027-01-01'));
    for (const m of seatedOnLastDay.filter((s) => s.role !== 'substitute')) {
      expect(successorSeats.some((s) => s.personId === m.personId && s.role === m.role)).toBe(true);
    }

    const list = await app.call('GET', base, secretary);
    expect(list.status).toBe(200);
    expect(list.body.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([['demo-reform-2027', 'prepared'], [transitionId, 'applied']]);
    expect((await app.call('GET', base, member)).status).toBe(403);

    // The forum cannot end twice.
    const again = await app.call('POST', base, secretary, plan());
    expect(again.status).toBe(400);
    expect(again.body.detailDa).toBe('Forummet har allerede en slutdato (2026-12-31)');
  });

  it('undoes before the date: everything the apply changed is back, and new jobs restore Outlook and the channel', async () => {
    expect((await app.call('POST', `${base}/${transitionId}/undo`, member)).status).toBe(403);
    expect((await app.call('POST', `${base}/findes-ikke/undo`, secretary)).status).toBe(404);
    app.clock.set('2026-12-20T10:00:00Z');
    const r = await app.call('POST', `${base}/${transitionId}/undo`, secretary);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'undone', undoneBy: secretary });
    expect(await snapshot()).toEqual(original);
    for (const m of original.meetings.filter((m) => m.forumId === 'midt-ksg' && m.status === 'planned' && m.date >= '2027-01-01')) {
      expect(await syncJobs(m.id)).toEqual(['cancelled', 'updated']);
    }
    expect(await forumSyncs('midt-ksg')).toBe(2);
    const twice = await app.call('POST', `${base}/${transitionId}/undo`, secretary);
    expect(twice.status).toBe(409);
    expect(twice.body.detailDa).toBe('Omstillingen er allerede fortrudt');
  });

  it('after the date: the forum is ended, nothing can be undone, and no reminder for it is planned on any of the next 60 days', async () => {
    const r = await app.call('POST', base, secretary, plan());
    expect(r.status).toBe(201);
    app.clock.set('2027-01-01T00:30:00Z');
    const deps = transitionDeps(app.deps);
    expect(await takeTransitionsIntoEffect(deps)).toEqual([r.body.id]);
    expect(await takeTransitionsIntoEffect(deps)).toEqual([]);
    expect((await registryRepository(app.db.db).getForum('midt-ksg'))!).toMatchObject({ status: 'ended', endedOn: '2026-12-31' });
    const late = await app.call('POST', `${base}/${r.body.id}/undo`, secretary);
    expect(late.status).toBe(409);
    expect(late.body.detailDa).toBe('Omstillingen er trådt i kraft og kan ikke fortrydes');

    const transact = workflowTransactor(app.deps);
    let forOthers = 0;
    for (let day = 0; day < 60; day++) {
      const now = new Date(Date.parse('2027-01-01T08:00:00Z') + day * 86_400_000);
      const planned = planReminders(await transact((uow) => loadPlanInput(uow, now)));
      expect(planned.filter((p) => p.forumId === 'midt-ksg')).toEqual([]);
      forOthers += planned.length;
    }
    // The plan is not simply empty: the other forums keep their reminders.
    expect(forOthers).toBeGreaterThan(0);
  }, 180_000);
});

describe.each(backends)("the demo's prepared 2027 transition on $name", (backend) => {
  let app: WorkflowTestApp;
  let published = '';
  beforeAll(async () => {
    // November 2026: the steering group meets and publishes its minutes, before the transition is applied.
    app = await startWorkflowApp(backend, '2026-11-16T09:00:00Z');
    published = (await createMeeting(app, { forumId: 'midt-ksg', date: '2026-11-26', title: 'Sidste møde i klyngestyregruppen' })).id;
    expect((await app.call('POST', `/api/meetings/${published}/items`, 'nina-hald', { title: 'Overdragelse til Sundhedsråd Midt', kind: 'decision' })).status).toBe(201);
    expect((await app.call('POST', `/api/meetings/${published}/agenda/approve`, 'gorm-ravn')).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${published}/agenda/send`, 'nina-hald')).status).toBe(200);
    app.clock.set('2026-11-27T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${published}/minutes/send`, 'nina-hald', { confirmContradictions: true })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${published}/minutes/approve`, 'nina-hald', { confirm: true, reason: 'Godkendt på mødet' })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${published}/minutes/publish`, 'nina-hald', { confirmPersonalData: true })).status).toBe(200);
    app.clock.set('2026-12-03T09:00:00Z');
  });
  afterAll(async () => app?.close());

  it('is prepared in the demo region, previews, and applies as the prepared transition: the Midtklyngen forums hand over to Sundhedsråd Midt', async () => {
    const list = await app.call('GET', base, secretary);
    const prepared = list.body.find((t: { id: string }) => t.id === 'demo-reform-2027');
    expect(prepared).toMatchObject({ status: 'prepared', effectiveOn: '2027-01-01', region: 'Region Midtjylland' });
    expect(prepared.plan.forums.map((f: { forumId: string }) => f.forumId)).toEqual(['midt-ksg', 'midt-ktg-voksen', 'midt-ktg-boern']);
    const preview = await app.call('POST', `${base}/preview`, secretary, prepared.plan);
    expect(preview.status).toBe(200);
    expect(preview.body.meetingsCancelled.length).toBeGreaterThan(0);
    expect(preview.body.channelsArchived.map((c: { forumId: string }) => c.forumId)).toEqual(['midt-ksg', 'midt-ktg-voksen', 'midt-ktg-boern']);
    const applied = await app.call('POST', base, secretary, { ...prepared.plan, preparedId: prepared.id });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ id: 'demo-reform-2027', status: 'applied', title: prepared.title });
    const seats = await registryRepository(app.db.db).listMemberships({ forumId: 'sr-midt-sg' });
    expect(seats.filter((m) => m.from === '2027-01-01').map((m) => m.personId)).toEqual(expect.arrayContaining(['gorm-ravn', 'helle-dam', 'nina-hald']));
    // The steering group's own secretary keeps her seat.
    expect(seats.filter((m) => m.personId === 'lone-birk').map((m) => m.role)).toEqual(['secretary']);
    const again = await app.call('POST', base, secretary, { ...prepared.plan, preparedId: prepared.id });
    expect(again.status).toBe(409);
    expect(again.body.detailDa).toBe('Den forberedte omstilling er allerede gennemført eller fortrudt');
  });

  it("after the date the ended forum's published minutes stay at the same address and in the feeds", async () => {
    app.clock.set('2027-01-05T09:00:00Z');
    expect(await takeTransitionsIntoEffect(transitionDeps(app.deps))).toEqual(['demo-reform-2027']);
    expect((await registryRepository(app.db.db).getForum('midt-ksg'))!.status).toBe('ended');
    const page = await app.call('GET', `/offentlig/moeder/${published}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Overdragelse til Sundhedsråd Midt');
    expect((await app.call('GET', `/offentlig/moeder/${published}/referat.docx`)).status).toBe(200);
    expect((await app.call('GET', '/feeds/minutes.rss')).text).toContain(published);
    expect((await app.call('GET', '/feeds/minutes.atom')).text).toContain(published);
  });
});
