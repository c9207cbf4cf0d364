/**
 * The one rule that gives a meeting its deadline rules, for every view (the meeting's
 * page, a forum's Møder, its deadlines, "my deadlines", the year of duties, the bot)
 * and for the reminder planner, so they never differ.
 *
 * - The terms: the host forum's (`meeting.forumId`) version in force in the meeting's
 *   year: the latest version with validFrom on or before 31 December of that year
 *   (`termsInForceForYear`). A revision therefore changes the meetings of the years
 *   it covers, and never a meeting of an earlier year.
 * - A rule those terms leave unset takes the forum kind's default from the catalogue
 *   (`withKindDefaults`), else the product's documented default
 *   (`resolveDeadlineRules`).
 * - `sources`: each deadline whose rule the terms do not state is a default (the
 *   kind's or the product's) awaiting the secretariat's acceptance ("standard,
 *   afventer accept"), never the forum's stated rule.
 *
 * Pure: no clock, no I/O.
 */
import type { TermsOfReference } from '../registry/registry.model.js';
import { withKindDefaults, type ForumKindDef } from '../registry/forum-kind.model.js';
import { deadlineRuleSources, resolveDeadlineRules, type MeetingDeadlines, type ResolvedDeadlineRules, type RuleSource, type DeadlineKind } from './meeting.deadlines.js';

/** The terms in force in a year: the latest version with validFrom on or before 31 December (ties: the higher version). */
export function termsInForceForYear(all: readonly TermsOfReference[], forumId: string, year: number): TermsOfReference | undefined {
  let best: TermsOfReference | undefined;
  for (const t of all) {
    if (t.forumId !== forumId || t.validFrom > `${year}-12-31`) continue;
    if (!best || t.validFrom > best.validFrom || (t.validFrom === best.validFrom && t.version > best.version)) best = t;
  }
  return best;
}

export type MeetingRules = {
  /** The host forum's own terms in force in the meeting's year (undefined: none registered for it). */
  terms: TermsOfReference | undefined;
  /** The resolved deadline rules: the terms, then the forum kind's defaults, then the product's. */
  rules: ResolvedDeadlineRules;
  /** Per deadline kind: stated by the terms, or a default awaiting acceptance. */
  sources: Record<DeadlineKind, RuleSource> & { tacitApproval: RuleSource };
};

/**
 * The deadline rules of a meeting of `meeting.forumId` on `meeting.date`. `allTerms`: that forum's versions (others are
 * ignored); `kind`: the forum's kind from the catalogue (its default rules fill what the terms leave unset).
 */
export function meetingRules(meeting: { forumId: string; date: string }, allTerms: readonly TermsOfReference[], kind?: Pick<ForumKindDef, 'defaults'> | undefined): MeetingRules {
  const terms = termsInForceForYear(allTerms, meeting.forumId, Number(meeting.date.slice(0, 4)));
  const merged = withKindDefaults(terms, kind);
  return { terms, rules: resolveDeadlineRules(merged.deadlines), sources: deadlineRuleSources(terms?.deadlines) };
}

/** The deadline rule a reminder's date comes from (undefined: the reminder announces no rule's date, e.g. a notice). */
const reminderRule: Partial<Record<string, DeadlineKind>> = {
  items_cutoff_soon: 'items_cutoff',
  agenda_due_soon: 'agenda_due',
  agenda_overdue: 'agenda_due',
  minutes_due_soon: 'minutes_due',
  minutes_overdue: 'minutes_due',
  comment_window_open: 'comment_window_closes',
  comment_window_closing: 'comment_window_closes',
  comment_window_closed: 'comment_window_closes',
};

/** A reminder of `kind` announces a date from a rule the forum's terms do not state (a default): its card and mail say so. */
export function reminderDateFromDefault(kind: string, sources: MeetingRules['sources']): boolean {
  const rule = reminderRule[kind];
  return rule !== undefined && sources[rule] === 'default';
}

/** The deadlines with each one whose rule the terms do not state marked `fromDefault` (the same mark in every view). */
export function markRuleDefaults(d: MeetingDeadlines, sources: MeetingRules['sources']): MeetingDeadlines {
  const mark = <T extends MeetingDeadlines['agendaDue']>(x: T): T => (sources[x.kind] === 'default' ? { ...x, fromDefault: true as const } : x);
  return {
    ...d,
    itemsCutoff: mark(d.itemsCutoff),
    agendaDue: mark(d.agendaDue),
    minutesDue: mark(d.minutesDue),
    commentWindowCloses: mark(d.commentWindowCloses),
    ...(d.tacitApproval && sources.tacitApproval === 'default' ? { tacitApprovalFromDefault: true as const } : {}),
  };
}
