// Smoke test of the benchmark's generator and plan at a tiny size, so the bench cannot rot.
import { describe, it, expect } from '@jest/globals';
import { generateSynthetic, tinySize } from './synthetic.js';
import { buildReminderPlan, planOf, planReminders, replanMeeting } from '../src/domain/reminders/reminder.planner.js';
import { addDays } from '../src/domain/calendar/working-day.calendar.js';

describe('synthetic data set (tiny)', () => {
  const data = generateSynthetic(tinySize, 7);

  it('is deterministic and has the asked sizes', () => {
    expect(generateSynthetic(tinySize, 7)).toEqual(data);
    expect(generateSynthetic(tinySize, 8)).not.toEqual(data);
    expect(data.forums).toHaveLength(tinySize.forums);
    expect(data.people).toHaveLength(tinySize.people);
    expect(data.memberships).toHaveLength(tinySize.memberships);
    expect(data.meetings).toHaveLength(tinySize.meetingsPerYear);
    expect(data.tasks).toHaveLength(tinySize.tasks);
    const ids = new Set(data.forums.map((f) => f.id));
    for (const f of data.forums) if (f.parentId) expect(ids.has(f.parentId)).toBe(true);
  });

  it('plans reminders, and a moved meeting re-planned incrementally equals a full plan', () => {
    const input = { forums: data.forums, terms: data.terms, memberships: data.memberships, meetings: data.meetings, tasks: data.tasks, delivered: [], now: data.now };
    const state = buildReminderPlan(input);
    expect(planOf(state).length).toBeGreaterThan(20);
    const m = data.meetings.find((x) => x.status === 'planned')!;
    const moved = { ...m, date: addDays(m.date, 9) };
    const inc = planOf(replanMeeting(state, moved).state);
    expect(inc).toEqual(planReminders({ ...input, meetings: data.meetings.map((x) => (x.id === m.id ? moved : x)) }));
  });
});
