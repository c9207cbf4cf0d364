/**
 * Tasks (opgaver/opdrag) and report-back, and items sent up to the parent.
 *
 * What it does: for each open task with a forum to report to, proposes a
 * report-back item on the first planned meeting of that forum on or after the
 * task's due date whose items cut-off has not passed at `now` (the item must be
 * proposed before the cut-off). Items a forum decides to send up are proposed on
 * the parent forum's next meeting the same way. Ad hoc groups whose mandate has
 * ended are listed to be ended.
 *
 * What it does not do yet: decide whether a proposal was already accepted (the
 * caller filters out items that already exist, by `origin.refId`).
 */
import type { Forum } from '../registry/registry.model.js';
import type { Meeting, Task } from '../meetings/meeting.model.js';
import type { WorkingDayCalendar } from '../calendar/working-day.calendar.js';
import { formatDanishDate } from '../calendar/working-day.calendar.js';
import { meetingDeadlines, type Deadline, type ResolvedDeadlineRules } from '../deadlines/meeting.deadlines.js';

export type ProposedAgendaItem = {
  forumId: string;
  meetingId: string;
  meetingDate: string;
  title: string;
  origin: { kind: 'task_report' | 'child_forum'; refId: string };
  /** The items cut-off of that meeting: propose the item before it. */
  proposeBy: Deadline;
  /** Danish explanation. */
  reason: string;
};

export type ReportBackContext = {
  meetings: readonly Meeting[];
  rulesFor: (forumId: string) => ResolvedDeadlineRules;
  calendarFor: (forumId: string) => WorkingDayCalendar;
  /** ISO instant. */
  now: string;
  forumName?: (forumId: string) => string | undefined;
};

function meetingsByForum(meetings: readonly Meeting[]): Map<string, Meeting[]> {
  const map = new Map<string, Meeting[]>();
  for (const m of meetings) {
    if (m.status !== 'planned') continue;
    const list = map.get(m.forumId);
    if (list) list.push(m);
    else map.set(m.forumId, [m]);
  }
  for (const list of map.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return map;
}

/** First meeting on/after `from` whose items cut-off is still ahead of now; notes a skipped one. */
function nextOpenMeeting(list: readonly Meeting[] | undefined, from: string, ctx: ReportBackContext, forumId: string) {
  const nowMs = Date.parse(ctx.now);
  let skipped: Meeting | undefined;
  for (const m of list ?? []) {
    if (m.date < from) continue;
    const d = meetingDeadlines(m, ctx.rulesFor(forumId), ctx.calendarFor(forumId));
    if (Date.parse(d.itemsCutoff.at) > nowMs) return { meeting: m, cutoff: d.itemsCutoff, skipped };
    skipped ??= m;
  }
  return undefined;
}

export function proposeReportBackItems(tasks: readonly Task[], ctx: ReportBackContext): ProposedAgendaItem[] {
  const byForum = meetingsByForum(ctx.meetings);
  const name = (id: string) => ctx.forumName?.(id) ?? id;
  const out: ProposedAgendaItem[] = [];
  for (const t of tasks) {
    if (t.status !== 'open' || !t.reportToForumId) continue;
    const next = nextOpenMeeting(byForum.get(t.reportToForumId), t.dueOn, ctx, t.reportToForumId);
    if (!next) continue;
    const who = t.assigneeForumId ? name(t.assigneeForumId) : 'den ansvarlige';
    let reason = `Opgaven har frist ${formatDanishDate(t.dueOn)}; ${who} melder tilbage på mødet ${formatDanishDate(next.meeting.date)}`;
    if (next.skipped) reason += ` (fristen for punkter til mødet ${formatDanishDate(next.skipped.date)} er passeret)`;
    out.push({
      forumId: t.reportToForumId,
      meetingId: next.meeting.id,
      meetingDate: next.meeting.date,
      title: `Tilbagemelding: ${t.title}`,
      origin: { kind: 'task_report', refId: t.id },
      proposeBy: next.cutoff,
      reason,
    });
  }
  return out;
}

export type SentUpItem = { forumId: string; itemId: string; title: string; /** Local date of the decision to send it up. */ decidedOn: string };

export function proposeEscalations(items: readonly SentUpItem[], forums: readonly Forum[], ctx: ReportBackContext): ProposedAgendaItem[] {
  const parentOf = new Map(forums.map((f) => [f.id, f.parentId ?? undefined]));
  const byForum = meetingsByForum(ctx.meetings);
  const name = (id: string) => ctx.forumName?.(id) ?? id;
  const out: ProposedAgendaItem[] = [];
  for (const item of items) {
    const parent = parentOf.get(item.forumId);
    if (!parent) continue;
    const next = nextOpenMeeting(byForum.get(parent), item.decidedOn, ctx, parent);
    if (!next) continue;
    out.push({
      forumId: parent,
      meetingId: next.meeting.id,
      meetingDate: next.meeting.date,
      title: item.title,
      origin: { kind: 'child_forum', refId: item.itemId },
      proposeBy: next.cutoff,
      reason: `Sendt videre fra ${name(item.forumId)} ${formatDanishDate(item.decidedOn)}; næste møde i ${name(parent)} er ${formatDanishDate(next.meeting.date)}`,
    });
  }
  return out;
}

export type MandateEnd = { forumId: string; mandateEndsOn: string; da: string; en: string };

/** Active ad hoc groups whose mandate ended before `today`: they are to be ended (archive kept). */
export function adHocGroupsToEnd(forums: readonly Forum[], today: string): MandateEnd[] {
  return forums
    .filter((f) => f.level === 'ad_hoc' && f.status === 'active' && f.mandateEndsOn !== undefined && f.mandateEndsOn < today)
    .map((f) => ({
      forumId: f.id,
      mandateEndsOn: f.mandateEndsOn!,
      da: `${f.name}: opdraget udløb ${formatDanishDate(f.mandateEndsOn!)}; gruppen afsluttes`,
      en: `${f.name}: the mandate ended on ${f.mandateEndsOn}; the group ends`,
    }));
}
