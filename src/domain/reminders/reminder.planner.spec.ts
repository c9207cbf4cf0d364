import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import type { Forum, Membership, TermsOfReference, LeadTime, ClosedDayPolicy } from '../registry/registry.model.js';
import type { Meeting, Task } from '../meetings/meeting.model.js';
import { buildReminderPlan, markDelivered, planOf, planReminders, replanMeeting, afterDeadlineKinds, type ReminderPlanInput } from './reminder.planner.js';
import { WorkingDayCalendar, addDays, fromDayNumber, toDayNumber } from '../calendar/working-day.calendar.js';
import { meetingDeadlines, resolveDeadlineRules, deadlineList } from '../deadlines/meeting.deadlines.js';

const forum = (id: string, extra: Partial<Forum> = {}): Forum => ({
  id,
  name: `Forum ${id}`,
  kind: 'cluster',
  level: 'cluster',
  parentId: null,
  region: 'Midtjylland',
  status: 'active',
  successorIds: [],
  channelType: 'standard',
  links: [],
  ...extra,
});
const terms = (forumId: string, extra: Partial<TermsOfReference> = {}): TermsOfReference => ({
  id: `t-${forumId}`,
  forumId,
  version: 1,
  validFrom: '2020-01-01',
  purpose: [],
  tasks: [],
  seats: [],
  continuityRequired: false,
  meetings: { perYearMin: null, perYearMax: null, adHoc: false, preferredWeekdays: [] },
  deadlines: { closedDayPolicy: {} },
  decisionMinutes: false,
  subGroupsAllowed: [],
  annualWheel: [],
  ...extra,
});
const member = (id: string, forumId: string, personId: string, role: Membership['role'] = 'member'): Membership => ({
  id,
  forumId,
  personId,
  role,
  from: '2020-01-01',
});
const meeting = (id: string, forumId: string, date: string, extra: Partial<Meeting> = {}): Meeting => ({
  id,
  forumId,
  date,
  start: '13:00',
  end: '15:00',
  online: false,
  kind: 'ordinary',
  status: 'planned',
  revision: 1,
  ...extra,
});

describe('planReminders: worked example', () => {
  const input: ReminderPlanInput = {
    forums: [forum('ksg')],
    terms: [terms('ksg')],
    memberships: [member('a', 'ksg', 'anna', 'secretary'), member('b', 'ksg', 'bo'), member('c', 'ksg', 'carl', 'co_chair')],
    meetings: [meeting('m1', 'ksg', '2021-04-15')],
    tasks: [],
    delivered: [],
    now: '2021-03-01T08:00:00Z',
  };

  it('plans the agenda reminder for the secretariat before Wednesday 31 March 2021 16:00', () => {
    const plan = planReminders(input);
    const agenda = plan.find((r) => r.kind === 'agenda_due_soon')!;
    expect(agenda.deadline).toBe('2021-03-31T14:00:00Z');
    expect(agenda.sendAt).toBe('2021-03-29T07:00:00Z'); // 2 working days before, 09:00 CEST
    expect(agenda.recipientIds).toEqual(['anna']);
    expect(agenda.key).toBe('agenda_due_soon|m:m1|2021-03-31T14:00:00Z');
    const cutoff = plan.find((r) => r.kind === 'items_cutoff_soon')!;
    expect(cutoff.recipientIds).toEqual(['bo', 'carl']);
    expect(cutoff.deadline).toBe('2021-03-24T15:00:00Z'); // 16:00 CET, before the DST change
    expect(plan.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['agenda_overdue', 'meeting_tomorrow_unanswered', 'minutes_due_soon', 'minutes_overdue']),
    );
  });

  it('stops the agenda reminders once sent, and switches to window reminders once the minutes are out (the "went out" messages are notices, not planned)', () => {
    const sent = { ...input, meetings: [meeting('m1', 'ksg', '2021-04-15', { agendaSentAt: '2021-03-30T10:00:00Z' })] };
    expect(planReminders(sent).map((r) => r.kind)).not.toContain('agenda_due_soon');
    expect(planReminders(sent).map((r) => r.kind)).not.toContain('agenda_overdue');
    expect(planReminders(sent).map((r) => r.kind)).not.toContain('agenda_sent');
    const held = {
      ...input,
      now: '2021-04-20T08:00:00Z',
      meetings: [meeting('m1', 'ksg', '2021-04-15', { status: 'held', agendaSentAt: '2021-03-30T10:00:00Z', minutesSentAt: '2021-04-19T10:00:00Z' })],
    };
    const kinds = planReminders(held).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['comment_window_closing', 'comment_window_closed']));
    expect(kinds).not.toContain('comment_window_open');
    const approved = { ...held, minutes: [{ meetingId: 'm1', status: 'approved' as const, version: 2, approvedAt: '2021-04-26T14:00:00Z', approvedHow: 'tacit' as const }] };
    expect(planReminders(approved)).toEqual([]);
  });

  it('a cancelled meeting has no reminders, and moving it re-plans only that meeting', () => {
    const two = { ...input, meetings: [...input.meetings, meeting('m2', 'ksg', '2021-06-10')] };
    const state = buildReminderPlan(two);
    const r = replanMeeting(state, meeting('m1', 'ksg', '2021-04-22'));
    expect(r.removedKeys.length).toBeGreaterThan(0);
    expect(r.state.byMeeting.get('m2')).toBe(state.byMeeting.get('m2'));
    const cancelled = replanMeeting(state, meeting('m1', 'ksg', '2021-04-15', { status: 'cancelled' }));
    expect(cancelled.upserted).toEqual([]);
  });
});

// ---- property tests ------------------------------------------------------

const dayArb = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const leadArb: fc.Arbitrary<LeadTime> = fc.record({
  amount: fc.integer({ min: 0, max: 30 }),
  unit: fc.constantFrom('calendar_days', 'weeks', 'working_days') as fc.Arbitrary<LeadTime['unit']>,
});
const policyArb = fc.constantFrom('previous_working_day', 'next_working_day', 'keep') as fc.Arbitrary<ClosedDayPolicy>;
const timeArb = fc.tuple(fc.integer({ min: 7, max: 18 }), fc.constantFrom(0, 30)).map(([h, m]) => `${String(h).padStart(2, '0')}:${m ? '30' : '00'}`);

const rulesArb = fc.record(
  {
    agendaLead: leadArb,
    itemsCutoff: leadArb,
    minutesDue: leadArb,
    commentWindow: fc.record({ amount: fc.integer({ min: 1, max: 20 }), unit: fc.constantFrom('calendar_days', 'working_days') as fc.Arbitrary<LeadTime['unit']> }),
    tacitApproval: fc.boolean(),
    endOfWorkingDay: fc.constantFrom('15:00', '16:00', '12:00'),
    closedDayPolicy: fc.record({ itemsCutoff: policyArb, agendaDue: policyArb, minutesDue: policyArb, commentWindowCloses: policyArb }, { requiredKeys: [] }),
  },
  { requiredKeys: ['closedDayPolicy'] },
);

const worldArb = fc
  .record({
    rules: fc.array(rulesArb, { minLength: 2, maxLength: 2 }),
    people: fc.array(fc.record({ forum: fc.integer({ min: 0, max: 1 }), person: fc.integer({ min: 0, max: 5 }), role: fc.constantFrom('member', 'secretary', 'co_chair', 'chair', 'substitute') as fc.Arbitrary<Membership['role']> }), { maxLength: 10 }),
    meetings: fc.array(
      fc.record({
        forum: fc.integer({ min: 0, max: 1 }),
        date: dayArb('2026-01-01', '2027-12-31'),
        start: timeArb,
        status: fc.constantFrom('planned', 'held', 'cancelled') as fc.Arbitrary<Meeting['status']>,
        agendaSentDaysBefore: fc.option(fc.integer({ min: 1, max: 20 })),
        minutesSentDaysAfter: fc.option(fc.integer({ min: 0, max: 15 })),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    tasks: fc.array(fc.record({ forum: fc.integer({ min: 0, max: 1 }), due: dayArb('2026-01-01', '2027-12-31'), person: fc.option(fc.integer({ min: 0, max: 5 })) }), { maxLength: 4 }),
    now: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms).toISOString()),
    closed: fc.array(dayArb('2026-01-01', '2027-12-31'), { maxLength: 10 }),
    chairAnchor: dayArb('2024-01-01', '2027-06-30'),
  })
  .map((w): ReminderPlanInput => {
    const cal = new WorkingDayCalendar();
    const forums = [forum('f0', { region: 'R' }), forum('f1', { region: 'R', parentId: 'f0' })];
    return {
      forums,
      terms: w.rules.map((r, i) =>
        terms(`f${i}`, {
          deadlines: r,
          chair: { shared: true, sides: ['hospital', 'municipality'], rotationOrder: ['k1', 'k2'], rotatesAmongAllParties: false, firstTermStarts: w.chairAnchor, evaluateAfterYears: 2 },
          evaluation: { afterMonths: 24 },
          annualStatus: { dueMonth: 11 },
        }),
      ),
      memberships: w.people.map((p, i) => ({
        ...member(`ms${i}`, `f${p.forum}`, `p${p.person}`, p.role),
        ...(p.role === 'substitute' ? { substituteForId: 'ms0' } : {}),
      })),
      meetings: w.meetings.map((m, i) => ({
        ...meeting(`m${i}`, `f${m.forum}`, m.date, { start: m.start, end: '19:00', status: m.status }),
        ...(m.agendaSentDaysBefore !== null ? { agendaSentAt: cal.instant(addDays(m.date, -m.agendaSentDaysBefore), '10:00') } : {}),
        ...(m.minutesSentDaysAfter !== null ? { minutesSentAt: cal.instant(addDays(m.date, m.minutesSentDaysAfter), '10:00') } : {}),
      })),
      tasks: w.tasks.map(
        (t, i): Task => ({
          id: `task${i}`,
          forumId: `f${t.forum}`,
          title: 'Opgave',
          description: '',
          dueOn: t.due,
          status: 'open',
          ...(t.person !== null ? { assigneePersonId: `p${t.person}` } : { assigneeForumId: 'f1' }),
        }),
      ),
      delivered: [],
      now: w.now,
      closedDaysByRegion: { R: w.closed },
    };
  });

const pairs = (plan: ReturnType<typeof planReminders>) =>
  plan.flatMap((r) => (r.audience === 'channel' ? [`${r.key}|channel`] : r.recipientIds.map((p) => `${r.key}|${p}`)));

describe('property: deadlines', () => {
  it('every deadline is on a working day unless its policy is "keep"', () => {
    fc.assert(
      fc.property(rulesArb, dayArb('2020-01-01', '2030-12-31'), fc.option(fc.integer({ min: 0, max: 20 })), fc.array(dayArb('2020-01-01', '2030-12-31'), { maxLength: 30 }), (rules, date, sentAfter, closed) => {
        const cal = new WorkingDayCalendar({ extraClosedDays: closed });
        const resolved = resolveDeadlineRules(rules);
        const m = sentAfter === null ? { date } : { date, minutesSentAt: cal.instant(addDays(date, sentAfter), '10:00') };
        for (const d of deadlineList(meetingDeadlines(m, resolved, cal))) {
          if (d.policy !== 'keep') expect(cal.isWorkingDay(d.date)).toBe(true);
          expect(cal.local(d.at)).toEqual({ date: d.date, time: resolved.endOfWorkingDay });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: reminder plan', () => {
  it('is idempotent: planning twice gives the same plan, and an incremental move equals a full re-plan', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: -20, max: 20 }), fc.nat(), (input, shift, which) => {
        expect(planReminders(input)).toEqual(planReminders(input));
        const target = input.meetings[which % input.meetings.length]!;
        const moved = { ...target, date: addDays(target.date, shift), revision: target.revision + 1 };
        const incremental = planOf(replanMeeting(buildReminderPlan(input), moved).state);
        const full = planReminders({ ...input, meetings: input.meetings.map((m) => (m.id === moved.id ? moved : m)) });
        expect(incremental).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });

  it('never plans a delivered (reminder, recipient) again, and loses none that was not delivered', () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }), (input, mask) => {
        const before = pairs(planReminders(input));
        const deliveredPairs = before.filter((_, i) => mask[i % mask.length]);
        const delivered = deliveredPairs.map((p) => {
          const cut = p.lastIndexOf('|');
          return { key: p.slice(0, cut), recipientId: p.slice(cut + 1) };
        });
        const full = planReminders({ ...input, delivered });
        const after = new Set(pairs(full));
        for (const p of deliveredPairs) expect(after.has(p)).toBe(false);
        for (const p of before) if (!deliveredPairs.includes(p)) expect(after.has(p)).toBe(true);
        // Incrementally: recording the deliveries, then moving a meeting, never brings them back.
        const state = markDelivered(buildReminderPlan(input), delivered);
        expect(planOf(state)).toEqual(full);
        const m = input.meetings[0]!;
        const moved = planOf(replanMeeting(state, { ...m, revision: m.revision + 1 }).state);
        expect(moved).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });

  it('plans nothing to be sent after its deadline, except the overdue/closed kinds', () => {
    fc.assert(
      fc.property(worldArb, (input) => {
        for (const r of planReminders(input)) {
          if (!afterDeadlineKinds.has(r.kind)) expect(Date.parse(r.sendAt)).toBeLessThanOrEqual(Date.parse(r.deadline));
          expect(r.audience === 'channel' ? r.recipientIds.length === 0 : r.recipientIds.length > 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('planReminders: a joint meeting asks both forums for their answer', () => {
  // ksg holds a joint meeting with tg; dan sits in both, eva only in tg, bo only in ksg.
  const input: ReminderPlanInput = {
    forums: [forum('ksg'), forum('tg')],
    terms: [terms('ksg'), terms('tg')],
    memberships: [
      member('a', 'ksg', 'anna', 'secretary'), member('b', 'ksg', 'bo'), member('d1', 'ksg', 'dan'),
      member('r', 'tg', 'rikke', 'secretary'), member('d2', 'tg', 'dan'), member('e', 'tg', 'eva', 'co_chair'),
    ],
    meetings: [meeting('j1', 'ksg', '2021-04-15', { kind: 'joint', jointWithForumId: 'tg' }), meeting('o1', 'ksg', '2021-04-22')],
    tasks: [],
    delivered: [],
    now: '2021-03-01T08:00:00Z',
    attendance: [],
  };
  const tomorrow = (plan: ReturnType<typeof planReminders>, id: string) => plan.filter((r) => r.kind === 'meeting_tomorrow_unanswered' && r.meetingId === id);

  it("sends the 'tomorrow, unanswered' reminder to the partner forum's members too, once per person", () => {
    const [r, ...more] = tomorrow(planReminders(input), 'j1');
    expect(more).toEqual([]);
    expect(r!.recipientIds).toEqual(['bo', 'dan', 'eva']);
    // The host's own meeting asks its members only.
    expect(tomorrow(planReminders(input), 'o1')[0]!.recipientIds).toEqual(['bo', 'dan']);
  });

  it('leaves out a partner member who answered or was already reminded, and a partner forum that has ended', () => {
    const answered = planReminders({ ...input, attendance: [{ meetingId: 'j1', personId: 'eva', answer: 'attending' }] });
    expect(tomorrow(answered, 'j1')[0]!.recipientIds).toEqual(['bo', 'dan']);
    const key = tomorrow(planReminders(input), 'j1')[0]!.key;
    const delivered = planReminders({ ...input, delivered: [{ key, recipientId: 'dan' }] });
    expect(tomorrow(delivered, 'j1')[0]!.recipientIds).toEqual(['bo', 'eva']);
    const ended = planReminders({ ...input, forums: [forum('ksg'), forum('tg', { status: 'ended' })] });
    expect(tomorrow(ended, 'j1')[0]!.recipientIds).toEqual(['bo', 'dan']);
  });
});
