/**
 * Deadlines of one meeting, from the forum's terms of reference.
 *
 * What it does: fills in the documented defaults for anything the terms leave
 * unset, counts lead times in calendar days, weeks or working days, moves a date
 * that falls on a closed day according to the per-deadline policy, and returns each
 * deadline as a local date plus a UTC instant at the end of the working day.
 *
 * Defaults (domain.md, issue 3): agenda 14 calendar days before the meeting, items
 * cut-off 7 calendar days before the agenda is due, minutes 7 calendar days after,
 * comment window 7 calendar days from when the minutes were actually sent, tacit
 * approval, end of working day 16:00. Closed-day policies: "before" deadlines move
 * to the previous working day, "after" deadlines to the next one, and a comment
 * window ending on a closed day extends to the next working day.
 *
 * What it does not do yet: deadlines at a time other than the end of the working
 * day (e.g. "kl. 12"), or lead times counted in hours.
 */
import type { ClosedDayPolicy, DeadlineRules, LeadTime } from '../registry/registry.model.js';
import { addDays, formatDanishDate, type WorkingDayCalendar } from '../calendar/working-day.calendar.js';

export const deadlineKinds = ['items_cutoff', 'agenda_due', 'minutes_due', 'comment_window_closes'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const deadlineLabels: Record<DeadlineKind, { da: string; en: string }> = {
  items_cutoff: { da: 'Frist for punkter til dagsorden', en: 'Cut-off for agenda items' },
  agenda_due: { da: 'Dagsorden udsendes', en: 'Agenda due' },
  minutes_due: { da: 'Referat udsendes', en: 'Minutes due' },
  comment_window_closes: { da: 'Frist for bemærkninger til referat', en: 'Comment window closes' },
};

export type ResolvedDeadlineRules = {
  agendaLead: LeadTime;
  /** Undefined means the default: 7 calendar days before the (adjusted) agenda due date. */
  itemsCutoff: LeadTime | undefined;
  minutesDue: LeadTime;
  commentWindow: LeadTime;
  tacitApproval: boolean;
  endOfWorkingDay: string;
  policy: Record<DeadlineKind, ClosedDayPolicy>;
};

export const defaultDeadlineRules: ResolvedDeadlineRules = {
  agendaLead: { amount: 14, unit: 'calendar_days' },
  itemsCutoff: undefined,
  minutesDue: { amount: 7, unit: 'calendar_days' },
  commentWindow: { amount: 7, unit: 'calendar_days' },
  tacitApproval: true,
  endOfWorkingDay: '16:00',
  policy: {
    items_cutoff: 'previous_working_day',
    agenda_due: 'previous_working_day',
    minutes_due: 'next_working_day',
    comment_window_closes: 'next_working_day',
  },
};

/**
 * Where each deadline rule of a forum comes from: its terms of reference (stated in the
 * document or entered by a person) or the product's documented defaults. A default is
 * never the forum's rule: screens show it as "standard, afventer accept" until the
 * secretariat accepts it, which writes it into the terms.
 */
export type RuleSource = 'terms' | 'default';
export function deadlineRuleSources(rules: Partial<DeadlineRules> | undefined): Record<DeadlineKind, RuleSource> & { tacitApproval: RuleSource } {
  const src = (v: unknown): RuleSource => (v === undefined || v === null ? 'default' : 'terms');
  return {
    items_cutoff: src(rules?.itemsCutoff),
    agenda_due: src(rules?.agendaLead),
    minutes_due: src(rules?.minutesDue),
    comment_window_closes: src(rules?.commentWindow),
    tacitApproval: src(rules?.tacitApproval),
  };
}

/** Terms leave a rule unset when the document does not state it: apply the defaults. */
export function resolveDeadlineRules(rules: Partial<DeadlineRules> | undefined): ResolvedDeadlineRules {
  const p = rules?.closedDayPolicy ?? {};
  const d = defaultDeadlineRules;
  return {
    agendaLead: rules?.agendaLead ?? d.agendaLead,
    itemsCutoff: rules?.itemsCutoff,
    minutesDue: rules?.minutesDue ?? d.minutesDue,
    commentWindow: rules?.commentWindow ?? d.commentWindow,
    tacitApproval: rules?.tacitApproval ?? d.tacitApproval,
    endOfWorkingDay: rules?.endOfWorkingDay ?? d.endOfWorkingDay,
    policy: {
      items_cutoff: p.itemsCutoff ?? d.policy.items_cutoff,
      agenda_due: p.agendaDue ?? d.policy.agenda_due,
      minutes_due: p.minutesDue ?? d.policy.minutes_due,
      comment_window_closes: p.commentWindowCloses ?? d.policy.comment_window_closes,
    },
  };
}

export type Deadline = {
  kind: DeadlineKind;
  /** The date the rule gives before any closed-day adjustment. */
  nominalDate: string;
  /** The local date of the deadline (Europe/Copenhagen). */
  date: string;
  /** The deadline as a UTC instant: end of working day on `date`. */
  at: string;
  policy: ClosedDayPolicy;
  /** Set when the nominal date was closed; Danish, e.g. "1. april er skærtorsdag; flyttet til sidste hverdag før". */
  adjustedBecause?: string;
  /** Comment window only: computed from the minutes' due date because they have not been sent yet. */
  projected?: boolean;
  /** The forum's terms do not state this rule: a default (the forum kind's or the product's) awaiting acceptance (`markRuleDefaults`). */
  fromDefault?: true;
};

export type MeetingDeadlines = {
  itemsCutoff: Deadline;
  agendaDue: Deadline;
  minutesDue: Deadline;
  commentWindowCloses: Deadline;
  /** Minutes count as approved when the window closes without objection. */
  tacitApproval: boolean;
  /** The forum's terms do not state tacit approval: the rule is a default awaiting acceptance (`markRuleDefaults`). */
  tacitApprovalFromDefault?: true;
};

/** Moves `date` by a lead time; direction -1 = before, +1 = after. */
export function shiftByLead(date: string, lead: LeadTime, direction: 1 | -1, cal: WorkingDayCalendar): string {
  switch (lead.unit) {
    case 'calendar_days':
      return addDays(date, direction * lead.amount);
    case 'weeks':
      return addDays(date, direction * 7 * lead.amount);
    case 'working_days':
      return cal.addWorkingDays(date, direction * lead.amount);
  }
}

function applyPolicy(
  kind: DeadlineKind,
  nominalDate: string,
  policy: ClosedDayPolicy,
  cal: WorkingDayCalendar,
  endOfWorkingDay: string,
): Deadline {
  let date = nominalDate;
  let adjustedBecause: string | undefined;
  const closed = cal.closedReason(nominalDate);
  if (closed && policy !== 'keep') {
    date = policy === 'previous_working_day' ? cal.onOrBefore(nominalDate) : cal.onOrAfter(nominalDate);
    const where = policy === 'previous_working_day' ? 'sidste hverdag før' : 'næste hverdag';
    adjustedBecause = `${closed.da}; flyttet til ${where}, ${formatDanishDate(date, false)}`;
  }
  const d: Deadline = { kind, nominalDate, date, at: cal.instant(date, endOfWorkingDay), policy };
  if (adjustedBecause) d.adjustedBecause = adjustedBecause;
  return d;
}

export type MeetingForDeadlines = {
  /** Local meeting date, YYYY-MM-DD. */
  date: string;
  /** When the minutes were actually sent for remarks (UTC instant). */
  minutesSentAt?: string | undefined;
};

/** All deadlines of one meeting. Pure: depends only on the meeting, the rules and the calendar. */
export function meetingDeadlines(
  meeting: MeetingForDeadlines,
  rules: ResolvedDeadlineRules,
  cal: WorkingDayCalendar,
): MeetingDeadlines {
  const eod = rules.endOfWorkingDay;
  const agendaDue = applyPolicy('agenda_due', shiftByLead(meeting.date, rules.agendaLead, -1, cal), rules.policy.agenda_due, cal, eod);
  const itemsNominal = rules.itemsCutoff
    ? shiftByLead(meeting.date, rules.itemsCutoff, -1, cal)
    : addDays(agendaDue.date, -7);
  const itemsCutoff = applyPolicy('items_cutoff', itemsNominal, rules.policy.items_cutoff, cal, eod);
  const minutesDue = applyPolicy('minutes_due', shiftByLead(meeting.date, rules.minutesDue, 1, cal), rules.policy.minutes_due, cal, eod);
  // The window runs from when the minutes were actually sent; before that, project it from their due date.
  const sentDate = meeting.minutesSentAt ? cal.localDate(meeting.minutesSentAt) : minutesDue.date;
  const commentWindowCloses = applyPolicy(
    'comment_window_closes',
    shiftByLead(sentDate, rules.commentWindow, 1, cal),
    rules.policy.comment_window_closes,
    cal,
    eod,
  );
  if (!meeting.minutesSentAt) commentWindowCloses.projected = true;
  return { itemsCutoff, agendaDue, minutesDue, commentWindowCloses, tacitApproval: rules.tacitApproval };
}

export function deadlineList(d: MeetingDeadlines): Deadline[] {
  return [d.itemsCutoff, d.agendaDue, d.minutesDue, d.commentWindowCloses];
}
