/** meetingRules' provenance on the deadlines: a rule the terms do not state, tacit approval included, is marked a default. */
import { describe, expect, it } from '@jest/globals';
import { markRuleDefaults, reminderDateFromDefault, type MeetingRules } from './meeting.rules.js';
import type { Deadline, MeetingDeadlines, RuleSource } from './meeting.deadlines.js';

const dl = (kind: Deadline['kind'], date: string): Deadline => ({ kind, nominalDate: date, date, at: `${date}T15:00:00.000Z`, policy: 'previous_working_day' as Deadline['policy'] });
const deadlines: MeetingDeadlines = { itemsCutoff: dl('items_cutoff', '2027-01-10'), agendaDue: dl('agenda_due', '2027-01-12'), minutesDue: dl('minutes_due', '2027-01-26'), commentWindowCloses: dl('comment_window_closes', '2027-02-02'), tacitApproval: true };
const sources = (tacit: RuleSource, rest: RuleSource = 'terms') =>
  ({ items_cutoff: rest, agenda_due: rest, minutes_due: rest, comment_window_closes: rest, tacitApproval: tacit }) satisfies MeetingRules['sources'];

describe('markRuleDefaults', () => {
  it('marks tacit approval a default when the terms do not state it', () => {
    expect(markRuleDefaults(deadlines, sources('default')).tacitApprovalFromDefault).toBe(true);
  });
  it('leaves tacit approval stated by the terms unmarked', () => {
    expect(markRuleDefaults(deadlines, sources('terms', 'default')).tacitApprovalFromDefault).toBeUndefined();
  });
  it('marks nothing about tacit approval when there is none', () => {
    expect(markRuleDefaults({ ...deadlines, tacitApproval: false }, sources('default')).tacitApprovalFromDefault).toBeUndefined();
  });
});

describe('reminderDateFromDefault', () => {
  it('is true for a reminder announcing a date from a rule the terms do not state', () => {
    const s = { ...sources('terms'), agenda_due: 'default' as const };
    expect(reminderDateFromDefault('agenda_due_soon', s)).toBe(true);
    expect(reminderDateFromDefault('agenda_overdue', s)).toBe(true);
    expect(reminderDateFromDefault('minutes_due_soon', s)).toBe(false);
  });
  it('is false for a reminder that announces no rule\'s date (a notice, a task, the meeting itself)', () => {
    const all = sources('default', 'default');
    for (const kind of ['agenda_changed', 'task_due', 'meeting_tomorrow_unanswered', 'minutes_approved']) expect(reminderDateFromDefault(kind, all)).toBe(false);
    for (const kind of ['items_cutoff_soon', 'minutes_overdue', 'comment_window_open', 'comment_window_closing', 'comment_window_closed']) expect(reminderDateFromDefault(kind, all)).toBe(true);
  });
});
