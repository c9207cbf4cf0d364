/**
 * One rule gives a meeting its deadlines in every view (issue 13): the terms in force in the
 * meeting's year, with the forum kind's defaults where the terms leave a rule unset, each such
 * deadline marked as a default ("standard, afventer accept"), never as the forum's stated rule.
 * The meeting's page, the forum's Møder, its deadlines, the year of duties (årshjul) and the
 * reminders planned for the meeting agree, for a meeting before and one after a terms revision.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { createMeeting, forumId, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput } from '../../src/usecases/bot/reminder-plan.usecase.js';
import type { Meeting } from '../../src/domain/meetings/meeting.model.js';

type D = { date: string; at: string; fromDefault?: true };
type Ds = { itemsCutoff: D; agendaDue: D; minutesDue: D; commentWindowCloses: D };
const NOW = '2026-10-01T08:00:00Z';

describe.each(backends)('a meeting\'s deadlines agree in every view on $name', (backend) => {
  let app: WorkflowTestApp;
  let before: Meeting; // in 2026: the 2016 terms (no deadline rule stated)
  let after: Meeting; // in 2027: the revision of 1 January 2027 (agenda 3 weeks before)

  beforeAll(async () => {
    app = await startWorkflowApp(backend, NOW, { modules: (workflow) => [planningModule, workflow] });
    const reg = registryRepository(app.db.db);
    const versions = await reg.listTerms(forumId);
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    expect(latest.deadlines.agendaLead).toBeUndefined();
    await reg.insertTerms({ ...latest, id: 'terms-midt-ksg-2027', version: latest.version + 1, validFrom: '2027-01-01', deadlines: { agendaLead: { amount: 3, unit: 'weeks' }, closedDayPolicy: {} } }, secretary);
    before = await createMeeting(app, { date: '2026-12-09', start: '13:00' });
    after = await createMeeting(app, { date: '2027-03-10', start: '13:00' });
  });
  afterAll(async () => app?.close());

  /** Every view's deadlines of one meeting, and the reminders planned for it. */
  async function views(m: Meeting) {
    const year = m.date.slice(0, 4);
    const page = await app.call('GET', `/api/meetings/${m.id}`, secretary);
    expect(page.status).toBe(200);
    const list = await app.call('GET', `/api/forums/${forumId}/meetings?year=${year}`, secretary);
    expect(list.status).toBe(200);
    const row = (list.body as { id: string; deadlines: Ds }[]).find((x) => x.id === m.id)!;
    const deadlines = await app.call('GET', `/api/forums/${forumId}/deadlines?from=${year}-01-01&to=${year}-12-31`, secretary);
    expect(deadlines.status).toBe(200);
    const items = (deadlines.body.deadlines as { meetingId?: string; kind: string; date: string; fromDefault?: true }[]).filter((d) => d.meetingId === m.id);
    const y = await app.call('GET', `/api/forums/${forumId}/year/${year}`);
    expect(y.status).toBe(200);
    const duties = (y.body.duties as { meetingId?: string; kind: string; date: string; ruleDefault?: boolean }[]).filter((d) => d.meetingId === m.id);
    const yearRow = (y.body.meetings as { id?: string; deadlines: Ds }[]).find((x) => x.id === m.id)!;
    const input = await workflowTransactor(app.deps)((uow) => loadPlanInput(uow, new Date(NOW)));
    const reminders = planReminders(input).filter((r) => r.meetingId === m.id);
    return { page: page.body.deadlines as Ds, row: row.deadlines, items, duties, yearRow: yearRow.deadlines, reminders };
  }

  const deadlineKinds = ['items_cutoff', 'agenda_due', 'minutes_due', 'comment_window_closes'];
  const byKind = (list: { kind: string; date: string }[]) => Object.fromEntries(list.filter((d) => deadlineKinds.includes(d.kind)).map((d) => [d.kind, d.date]));
  const dates = (d: Ds) => ({ items_cutoff: d.itemsCutoff.date, agenda_due: d.agendaDue.date, minutes_due: d.minutesDue.date, comment_window_closes: d.commentWindowCloses.date });

  it('uses the terms in force in the meeting\'s year on its page, in the Møder list, the deadlines, the year and the reminders', async () => {
    for (const [m, agendaDue] of [[before, '2026-11-25'], [after, '2027-02-17']] as const) {
      const v = await views(m);
      expect(v.page.agendaDue.date).toBe(agendaDue);
      expect(dates(v.row)).toEqual(dates(v.page));
      expect(dates(v.yearRow)).toEqual(dates(v.page));
      expect(byKind(v.items)).toEqual(dates(v.page));
      expect(byKind(v.duties)).toEqual(dates(v.page));
      // The reminders about the agenda are planned for the deadline the page shows.
      const overdue = v.reminders.find((r) => r.kind === 'agenda_overdue')!;
      expect(Date.parse(overdue.deadline)).toBe(Date.parse(v.page.agendaDue.at));
      expect(Date.parse(v.reminders.find((r) => r.kind === 'minutes_overdue')!.deadline)).toBe(Date.parse(v.page.minutesDue.at));
    }
  });

  it("fills a rule the terms leave unset from the forum kind's defaults everywhere, marked as a default awaiting acceptance", async () => {
    const reg = registryRepository(app.db.db);
    const kind = (await reg.getForumKind('cluster_steering_group'))!;
    await reg.updateForumKind({ ...kind, defaults: { ...kind.defaults, deadlines: { minutesDue: { amount: 3, unit: 'working_days' }, closedDayPolicy: {} } } });
    try {
      // 3 working days after Wednesday 9 December 2026 / 10 March 2027 (the product's default would be 7 calendar days).
      for (const [m, minutesDue, agendaStated] of [[before, '2026-12-14', false], [after, '2027-03-15', true]] as const) {
        const v = await views(m);
        expect(v.page.minutesDue).toMatchObject({ date: minutesDue, fromDefault: true });
        expect(v.row.minutesDue).toMatchObject({ date: minutesDue, fromDefault: true });
        expect(v.yearRow.minutesDue).toMatchObject({ date: minutesDue, fromDefault: true });
        expect(v.items.find((d) => d.kind === 'minutes_due')).toMatchObject({ date: minutesDue, fromDefault: true });
        expect(v.duties.find((d) => d.kind === 'minutes_due')).toMatchObject({ date: minutesDue, ruleDefault: true });
        expect(Date.parse(v.reminders.find((r) => r.kind === 'minutes_overdue')!.deadline)).toBe(Date.parse(v.page.minutesDue.at));
        // A rule the terms state is never marked; one they do not state always is.
        for (const d of [v.page.agendaDue, v.row.agendaDue, v.yearRow.agendaDue]) expect(d.fromDefault).toBe(agendaStated ? undefined : true);
        expect(v.items.find((d) => d.kind === 'agenda_due')!.fromDefault).toBe(agendaStated ? undefined : true);
      }
    } finally {
      await reg.updateForumKind(kind);
    }
  });
});
