/**
 * The reminder plan: a pure function from (forums, terms, memberships, meetings,
 * tasks, delivered reminders, now) to the reminders due, each with an idempotency
 * key. The bot delivers them (see reminder.model.ts for the contract).
 *
 * What it does:
 * - plans, per meeting, the reminders of its deadlines (items cut-off, agenda,
 *   attendance, minutes, comment window, approval); per task, the due date; per
 *   forum, chair hand-over, evaluation and annual status;
 * - keys are `kind|subject|deadline`: stable across re-planning, and a new key when
 *   the deadline itself moves (a moved meeting gets fresh reminders);
 * - drops every (key, recipient) already delivered, so nothing is sent twice;
 * - keeps pending reminders whose send time has passed while their deadline has
 *   not (the dispatcher sends anything with sendAt <= now), so nothing is lost;
 * - is incremental: the plan is indexed by meeting, task and forum, and
 *   `replanMeeting` recomputes only the moved/changed meeting's reminders.
 *
 * What it does not do yet: quiet hours or batching several reminders to one person
 * into one message (the bot can coalesce by recipient and sendAt), and reminders
 * for forums that have no terms (they get the default deadlines, which is on purpose).
 */
import type { Forum, Membership, MembershipRole, TermsOfReference } from '../registry/registry.model.js';
import type { Attendance, Meeting, Minutes, Task } from '../meetings/meeting.model.js';
import type { DeliveredReminder, PlannedReminder, ReminderKind } from './reminder.model.js';
import { WorkingDayCalendar, addDays, addMonths, addYears } from '../calendar/working-day.calendar.js';
import { meetingDeadlines, resolveDeadlineRules, type ResolvedDeadlineRules } from '../deadlines/meeting.deadlines.js';
import { meetingRules } from '../deadlines/meeting.rules.js';
import type { ForumKindDef } from '../registry/forum-kind.model.js';
import { chairTimeline } from '../rotation/chair.rotation.js';
import { annualStatusDate } from '../deadlines/forum.deadlines.js';
import { forumEndedBy } from '../transitions/transition.changes.js';

export { annualStatusDate };

/** Kinds that are sent at or after their deadline by nature. */
export const afterDeadlineKinds: ReadonlySet<ReminderKind> = new Set<ReminderKind>([
  'agenda_overdue',
  'minutes_overdue',
  'comment_window_closed',
]);

export type ReminderPlanOptions = {
  /** Local time of day reminders go out (default 09:00). */
  sendTime?: string;
  /** Working days before a deadline the "soon" reminder goes out (default 2). */
  soonWorkingDays?: number;
  /** Working days before a task's due date (default 3). */
  taskWorkingDays?: number;
  /** Days before a chair hand-over / evaluation / annual status (default 30 / 30 / 14). */
  handoverDays?: number;
  evaluationDays?: number;
  annualStatusDays?: number;
};

export type ReminderPlanInput = {
  forums: readonly Forum[];
  /**
   * Terms of reference. A meeting's reminders follow its deadlines as every view shows them (`meetingRules`: the
   * version in force in the meeting's year, with the forum kind's defaults); a forum's own reminders (hand-over,
   * evaluation, annual status) and tasks follow the latest version valid at `now`.
   */
  terms: readonly TermsOfReference[];
  /** The catalogue of forum kinds: their default rules fill what a forum's terms leave unset. */
  forumKinds?: readonly ForumKindDef[];
  memberships: readonly Membership[];
  meetings: readonly Meeting[];
  tasks: readonly Task[];
  delivered: readonly DeliveredReminder[];
  /** ISO instant. */
  now: string;
  /** Minutes states, to stop window reminders once approved and to announce approval. */
  minutes?: readonly Minutes[];
  /** Attendance answers; members without one get "meeting tomorrow". Absent = nobody answered. */
  attendance?: readonly Attendance[];
  /** Extra closed days per region (e.g. the Christmas week). */
  closedDaysByRegion?: Readonly<Record<string, readonly string[]>>;
  options?: ReminderPlanOptions;
};

type Ctx = {
  /** `now` as a normalised UTC instant: every instant the planner makes has this exact shape, so strings compare. */
  nowIso: string;
  today: string;
  opts: Required<ReminderPlanOptions>;
  forums: Map<string, Forum>;
  terms: Map<string, TermsOfReference>;
  rules: Map<string, ResolvedDeadlineRules>;
  /** Every version of each forum's terms, and each forum's kind: a meeting's rules (`meetingRules`). */
  allTerms: Map<string, TermsOfReference[]>;
  kinds: Map<string, ForumKindDef>;
  /** `meetingRules` per forum and year, computed once. */
  meetingRulesCache: Map<string, ResolvedDeadlineRules>;
  members: Map<string, Membership[]>;
  minutes: Map<string, Minutes>;
  answered: Map<string, Set<string>>;
  delivered: Set<string>;
  deliveredKeys: Set<string>;
  calendars: Map<string, WorkingDayCalendar>;
  closedDaysByRegion: Readonly<Record<string, readonly string[]>>;
};

export type ReminderPlanState = {
  readonly ctx: Ctx;
  readonly meetings: ReadonlyMap<string, Meeting>;
  readonly byMeeting: ReadonlyMap<string, readonly PlannedReminder[]>;
  readonly byTask: ReadonlyMap<string, readonly PlannedReminder[]>;
  readonly byForum: ReadonlyMap<string, readonly PlannedReminder[]>;
};

const memberRoles: ReadonlySet<MembershipRole> = new Set(['member', 'chair', 'co_chair']);
const secretaryRoles: ReadonlySet<MembershipRole> = new Set(['secretary']);
const chairRoles: ReadonlySet<MembershipRole> = new Set(['chair', 'co_chair']);
const handoverRoles: ReadonlySet<MembershipRole> = new Set(['chair', 'co_chair', 'secretary']);
const DEFAULT_RULES = resolveDeadlineRules(undefined);

function pushTo<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

function buildContext(input: ReminderPlanInput): Ctx {
  if (Number.isNaN(Date.parse(input.now))) throw new Error(`now is not an ISO instant: ${input.now}`);
  const forums = new Map(input.forums.map((f) => [f.id, f]));
  const calendars = new Map<string, WorkingDayCalendar>();
  const closedDaysByRegion = input.closedDaysByRegion ?? {};
  const anyCal = new WorkingDayCalendar();
  const today = anyCal.localDate(input.now);
  const terms = new Map<string, TermsOfReference>();
  for (const t of input.terms) {
    if (t.validFrom > today) continue;
    const cur = terms.get(t.forumId);
    if (!cur || t.validFrom > cur.validFrom || (t.validFrom === cur.validFrom && t.version > cur.version)) terms.set(t.forumId, t);
  }
  // A forum whose only terms start in the future still gets their rules rather than the defaults.
  for (const t of input.terms) if (!terms.has(t.forumId)) terms.set(t.forumId, t);
  const rules = new Map<string, ResolvedDeadlineRules>();
  for (const [fid, t] of terms) rules.set(fid, resolveDeadlineRules(t.deadlines));
  const allTerms = new Map<string, TermsOfReference[]>();
  for (const t of input.terms) pushTo(allTerms, t.forumId, t);
  const kinds = new Map<string, ForumKindDef>((input.forumKinds ?? []).map((k) => [k.key, k]));
  const members = new Map<string, Membership[]>();
  for (const m of input.memberships) pushTo(members, m.forumId, m);
  const minutes = new Map((input.minutes ?? []).map((m) => [m.meetingId, m]));
  const answered = new Map<string, Set<string>>();
  for (const a of input.attendance ?? []) {
    if (a.answer === null) continue;
    let s = answered.get(a.meetingId);
    if (!s) answered.set(a.meetingId, (s = new Set()));
    s.add(a.personId);
  }
  const o = input.options ?? {};
  return {
    nowIso: toUtc(input.now),
    today,
    opts: {
      sendTime: o.sendTime ?? '09:00',
      soonWorkingDays: o.soonWorkingDays ?? 2,
      taskWorkingDays: o.taskWorkingDays ?? 3,
      handoverDays: o.handoverDays ?? 30,
      evaluationDays: o.evaluationDays ?? 30,
      annualStatusDays: o.annualStatusDays ?? 14,
    },
    forums,
    terms,
    rules,
    allTerms,
    kinds,
    meetingRulesCache: new Map(),
    members,
    minutes,
    answered,
    delivered: new Set(input.delivered.map((d) => `${d.key}\u0000${d.recipientId}`)),
    deliveredKeys: new Set(input.delivered.map((d) => d.key)),
    calendars,
    closedDaysByRegion,
  };
}

function calendarFor(ctx: Ctx, forumId: string): WorkingDayCalendar {
  const region = ctx.forums.get(forumId)?.region ?? '';
  let cal = ctx.calendars.get(region);
  if (!cal) {
    cal = new WorkingDayCalendar({ extraClosedDays: ctx.closedDaysByRegion[region] ?? [] });
    ctx.calendars.set(region, cal);
  }
  return cal;
}

function activeOn(list: readonly Membership[] | undefined, day: string, roles: ReadonlySet<MembershipRole>): string[] {
  if (!list) return [];
  const out = new Set<string>();
  for (const m of list) if (roles.has(m.role) && m.from <= day && (!m.to || m.to >= day)) out.add(m.personId);
  return [...out].sort();
}

function secretariatOf(ctx: Ctx, forumId: string, day: string): string[] {
  const list = ctx.members.get(forumId);
  const sec = activeOn(list, day, secretaryRoles);
  return sec.length ? sec : activeOn(list, day, chairRoles);
}

/** Builds one reminder, dropping recipients already delivered; undefined when nothing is left. */
function make(
  ctx: Ctx,
  r: Omit<PlannedReminder, 'key' | 'audience' | 'recipientIds'> & { subject: string; recipients: string[] | 'channel' },
): PlannedReminder | undefined {
  const key = `${r.kind}|${r.subject}|${r.deadline}`;
  const audience = r.recipients === 'channel' ? 'channel' : 'personal';
  let recipientIds: string[] = [];
  const anyDelivered = ctx.deliveredKeys.has(key);
  if (r.recipients === 'channel') {
    if (anyDelivered && ctx.delivered.has(`${key}\u0000channel`)) return undefined;
  } else {
    recipientIds = anyDelivered ? r.recipients.filter((p) => !ctx.delivered.has(`${key}\u0000${p}`)) : r.recipients.slice();
    if (recipientIds.length === 0) return undefined;
  }
  // Reminders about a deadline never go out after it; overdue/closed ones are about its passing.
  const sendAt = !afterDeadlineKinds.has(r.kind) && r.sendAt > r.deadline ? r.deadline : r.sendAt;
  const p: PlannedReminder = { key, kind: r.kind, audience, forumId: r.forumId, recipientIds, deadline: r.deadline, sendAt };
  if (r.meetingId) p.meetingId = r.meetingId;
  if (r.taskId) p.taskId = r.taskId;
  return p;
}

/** Normalises an ISO instant to the planner's UTC shape ("2027-03-15T08:00:00Z", milliseconds only when not zero). */
function toUtc(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an ISO instant: ${instant}`);
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The reminders of one meeting. */
/** A forum that has ended (marked ended, or past its last day after a transition) gets no reminder, card or post. */
function endedForum(ctx: Ctx, forumId: string): boolean {
  const f = ctx.forums.get(forumId);
  return !!f && forumEndedBy(f, ctx.today);
}

/** A meeting's rules as every view has them (`meetingRules`): its forum's terms in force in its year, the kind's defaults. */
function rulesOfMeeting(ctx: Ctx, m: Meeting): ResolvedDeadlineRules {
  const key = `${m.forumId}\u0000${m.date.slice(0, 4)}`;
  let r = ctx.meetingRulesCache.get(key);
  if (!r) {
    const f = ctx.forums.get(m.forumId);
    r = meetingRules(m, ctx.allTerms.get(m.forumId) ?? [], f ? ctx.kinds.get(f.kind) : undefined).rules;
    ctx.meetingRulesCache.set(key, r);
  }
  return r;
}

export function meetingReminders(ctx: Ctx, m: Meeting): PlannedReminder[] {
  if (m.status === 'cancelled' || m.historical || endedForum(ctx, m.forumId)) return [];
  const out: PlannedReminder[] = [];
  const add = (r: Parameters<typeof make>[1]) => {
    const p = make(ctx, r);
    if (p) out.push(p);
  };
  const cal = calendarFor(ctx, m.forumId);
  const d = meetingDeadlines(m, rulesOfMeeting(ctx, m), cal);
  const { sendTime, soonWorkingDays } = ctx.opts;
  const soon = (date: string) => cal.instant(cal.addWorkingDays(cal.onOrBefore(date), -soonWorkingDays), sendTime);
  const start = cal.instant(m.date, m.start);
  const now = ctx.nowIso;
  const base = { forumId: m.forumId, meetingId: m.id, subject: `m:${m.id}` };
  let membersList: string[] | undefined;
  let secretariatList: string[] | undefined;
  const members = () => (membersList ??= activeOn(ctx.members.get(m.forumId), m.date, memberRoles));
  // Invited to answer: the host's members and, for a joint meeting (or theme day) with another forum, that forum's
  // members too (they see it in their overview and answer it), a person in both once.
  let invitedList: string[] | undefined;
  const invited = () =>
    (invitedList ??=
      m.jointWithForumId && m.jointWithForumId !== m.forumId && !endedForum(ctx, m.jointWithForumId)
        ? [...new Set([...members(), ...activeOn(ctx.members.get(m.jointWithForumId), m.date, memberRoles)])].sort()
        : members());
  const secretariat = () => (secretariatList ??= secretariatOf(ctx, m.forumId, m.date));

  if (m.status === 'planned' && start > now) {
    if (!m.agendaSentAt) {
      if (d.itemsCutoff.at > now) {
        add({ ...base, kind: 'items_cutoff_soon', recipients: members(), deadline: d.itemsCutoff.at, sendAt: soon(d.itemsCutoff.date) });
      }
      if (d.agendaDue.at > now) {
        add({ ...base, kind: 'agenda_due_soon', recipients: secretariat(), deadline: d.agendaDue.at, sendAt: soon(d.agendaDue.date) });
      }
      add({ ...base, kind: 'agenda_overdue', recipients: secretariat(), deadline: d.agendaDue.at, sendAt: d.agendaDue.at });
    }
    // "The agenda is sent" is a notice raised by the sending itself (src/usecases/notifications), not planned here.
    const answered = ctx.answered.get(m.id);
    const unanswered = invited().filter((p) => !answered?.has(p));
    add({ ...base, kind: 'meeting_tomorrow_unanswered', recipients: unanswered, deadline: start, sendAt: cal.instant(addDays(m.date, -1), sendTime) });
  }

  if (!m.minutesSentAt) {
    if (d.minutesDue.at > now) {
      // Never before the meeting itself: a "soon" reminder about minutes of a meeting not yet held is noise.
      const s = soon(d.minutesDue.date);
      add({ ...base, kind: 'minutes_due_soon', recipients: secretariat(), deadline: d.minutesDue.at, sendAt: s < start ? start : s });
    }
    add({ ...base, kind: 'minutes_overdue', recipients: secretariat(), deadline: d.minutesDue.at, sendAt: d.minutesDue.at });
    return out;
  }

  const minutes = ctx.minutes.get(m.id);
  const close = d.commentWindowCloses;
  // "Approved" and "out for remarks" are notices raised by the approval and the sending (src/usecases/notifications).
  if (minutes && (minutes.status === 'approved' || minutes.status === 'published')) return out;
  const sent = toUtc(m.minutesSentAt);
  if (close.at > now) {
    const dayBefore = cal.instant(addDays(close.date, -1), sendTime);
    add({
      ...base,
      kind: 'comment_window_closing',
      recipients: members(),
      deadline: close.at,
      sendAt: dayBefore < sent ? sent : dayBefore,
    });
  }
  add({ ...base, kind: 'comment_window_closed', recipients: secretariat(), deadline: close.at, sendAt: close.at });
  return out;
}

/** A task given to an organisation: the people representing it in the forum that gave the task (else that forum's secretariat). */
function organisationPeople(ctx: Ctx, forumId: string, organisationId: string): string[] {
  const reps = [...new Set((ctx.members.get(forumId) ?? []).filter((m) => m.representingOrganisationId === organisationId && m.from <= ctx.today && (!m.to || m.to >= ctx.today)).map((m) => m.personId))].sort();
  return reps.length ? reps : secretariatOf(ctx, forumId, ctx.today);
}

export function taskReminders(ctx: Ctx, t: Task): PlannedReminder[] {
  if (t.status !== 'open' || endedForum(ctx, t.forumId)) return [];
  const cal = calendarFor(ctx, t.forumId);
  const rules = ctx.rules.get(t.forumId) ?? DEFAULT_RULES;
  const deadline = cal.instant(t.dueOn, rules.endOfWorkingDay);
  if (deadline <= ctx.nowIso) return [];
  const recipients = t.assigneePersonId
    ? [t.assigneePersonId]
    : t.assigneeForumId
      ? secretariatOf(ctx, t.assigneeForumId, ctx.today)
      : t.assigneeOrganisationId
        ? organisationPeople(ctx, t.forumId, t.assigneeOrganisationId)
        : [];
  const sendAt = cal.instant(cal.addWorkingDays(cal.onOrBefore(t.dueOn), -ctx.opts.taskWorkingDays), ctx.opts.sendTime);
  const p = make(ctx, { kind: 'task_due', forumId: t.forumId, taskId: t.id, subject: `t:${t.id}`, recipients, deadline, sendAt });
  return p ? [p] : [];
}

export function forumReminders(ctx: Ctx, f: Forum): PlannedReminder[] {
  if (f.status !== 'active' || forumEndedBy(f, ctx.today)) return [];
  const terms = ctx.terms.get(f.id);
  if (!terms) return [];
  const out: PlannedReminder[] = [];
  const cal = calendarFor(ctx, f.id);
  const rules = ctx.rules.get(f.id) ?? DEFAULT_RULES;
  const { sendTime } = ctx.opts;
  const people = () => secretariatOf(ctx, f.id, ctx.today);
  const before = (date: string, days: number) => cal.instant(cal.onOrBefore(addDays(date, -days)), sendTime);
  const future = (at: string) => at > ctx.nowIso;

  if (terms.chair) {
    const parentTerms = f.parentId ? ctx.terms.get(f.parentId) : undefined;
    const tl = chairTimeline({
      rule: terms.chair,
      secretariat: terms.secretariat,
      parentRule: parentTerms?.chair,
      from: ctx.today,
      until: addYears(ctx.today, 1),
      today: ctx.today,
    });
    const next = tl.nextHandover;
    // Only hand-overs of a stated or derived rotation: an assumed anchor would remind of a guess.
    if (next && tl.anchorSource !== 'assumed' && next.date <= addYears(ctx.today, 1)) {
      const chairs = activeOn(ctx.members.get(f.id), ctx.today, handoverRoles);
      const deadline = cal.instant(next.date, '00:00');
      const p = make(ctx, { kind: 'chair_handover_soon', forumId: f.id, subject: `f:${f.id}:handover`, recipients: chairs, deadline, sendAt: before(next.date, ctx.opts.handoverDays) });
      if (p) out.push(p);
    }
    for (const e of tl.evaluations) {
      const deadline = cal.instant(cal.onOrBefore(e.date), rules.endOfWorkingDay);
      if (!future(deadline)) continue;
      const p = make(ctx, { kind: 'evaluation_due', forumId: f.id, subject: `f:${f.id}:chair-evaluation`, recipients: people(), deadline, sendAt: before(e.date, ctx.opts.evaluationDays) });
      if (p) out.push(p);
    }
  }
  if (terms.evaluation) {
    const date = cal.onOrBefore(addMonths(terms.validFrom, terms.evaluation.afterMonths));
    const deadline = cal.instant(date, rules.endOfWorkingDay);
    if (future(deadline)) {
      const p = make(ctx, { kind: 'evaluation_due', forumId: f.id, subject: `f:${f.id}:evaluation`, recipients: people(), deadline, sendAt: before(date, ctx.opts.evaluationDays) });
      if (p) out.push(p);
    }
  }
  if (terms.annualStatus) {
    const date = annualStatusDate(cal, Number(ctx.today.slice(0, 4)), terms.annualStatus.dueMonth);
    const thisYear = cal.instant(date, rules.endOfWorkingDay);
    const due = future(thisYear) ? date : annualStatusDate(cal, Number(ctx.today.slice(0, 4)) + 1, terms.annualStatus.dueMonth);
    const deadline = cal.instant(due, rules.endOfWorkingDay);
    const p = make(ctx, { kind: 'annual_status_due', forumId: f.id, subject: `f:${f.id}:annual-status`, recipients: people(), deadline, sendAt: before(due, ctx.opts.annualStatusDays) });
    if (p) out.push(p);
  }
  return out;
}

/** Builds the indexed plan. */
export function buildReminderPlan(input: ReminderPlanInput): ReminderPlanState {
  const ctx = buildContext(input);
  const meetings = new Map<string, Meeting>();
  const byMeeting = new Map<string, PlannedReminder[]>();
  for (const m of input.meetings) {
    meetings.set(m.id, m);
    byMeeting.set(m.id, meetingReminders(ctx, m));
  }
  const byTask = new Map<string, PlannedReminder[]>();
  for (const t of input.tasks) byTask.set(t.id, taskReminders(ctx, t));
  const byForum = new Map<string, PlannedReminder[]>();
  for (const f of input.forums) byForum.set(f.id, forumReminders(ctx, f));
  return { ctx, meetings, byMeeting, byTask, byForum };
}

const byTimeThenKey = (a: PlannedReminder, b: PlannedReminder) =>
  a.sendAt < b.sendAt ? -1 : a.sendAt > b.sendAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** All planned reminders, ordered by send time then key. */
export function planOf(state: ReminderPlanState): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  for (const map of [state.byMeeting, state.byTask, state.byForum]) for (const list of map.values()) out.push(...list);
  return out.sort(byTimeThenKey);
}

/** The pure function of issue 3: state + now -> the reminders to send (now or later). */
export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  return planOf(buildReminderPlan(input));
}

export type ReplanResult = {
  state: ReminderPlanState;
  /** Keys that were planned for this meeting and are not any more (the dispatcher cancels them). */
  removedKeys: string[];
  /** This meeting's reminders as now planned (the dispatcher upserts them by key). */
  upserted: PlannedReminder[];
};

/**
 * Re-plans one meeting after it was moved, cancelled or otherwise changed (or
 * added). Only that meeting's reminders are recomputed; the rest of the plan is
 * shared with the previous state, which stays valid (nothing is mutated).
 */
export function replanMeeting(state: ReminderPlanState, meeting: Meeting): ReplanResult {
  const before = state.byMeeting.get(meeting.id) ?? [];
  const after = meetingReminders(state.ctx, meeting);
  const afterKeys = new Set(after.map((r) => r.key));
  const meetings = new Map(state.meetings).set(meeting.id, meeting);
  const byMeeting = new Map(state.byMeeting).set(meeting.id, after);
  return {
    state: { ...state, meetings, byMeeting },
    removedKeys: before.filter((r) => !afterKeys.has(r.key)).map((r) => r.key),
    upserted: after,
  };
}

/**
 * Records deliveries in an indexed plan without re-planning everything: the
 * delivered (key, recipient) pairs leave the plan, and later `replanMeeting` calls
 * will not plan them again. Same result as a full plan with these deliveries.
 */
export function markDelivered(state: ReminderPlanState, delivered: readonly DeliveredReminder[]): ReminderPlanState {
  if (delivered.length === 0) return state;
  const ctx: Ctx = { ...state.ctx, delivered: new Set(state.ctx.delivered), deliveredKeys: new Set(state.ctx.deliveredKeys) };
  const touched = new Set<string>();
  for (const d of delivered) {
    ctx.delivered.add(`${d.key}\u0000${d.recipientId}`);
    ctx.deliveredKeys.add(d.key);
    touched.add(d.key);
  }
  const byMeeting = new Map(state.byMeeting);
  const byTask = new Map(state.byTask);
  const byForum = new Map(state.byForum);
  const strip = (list: readonly PlannedReminder[]): PlannedReminder[] =>
    list.flatMap((r) => {
      if (!touched.has(r.key)) return [r];
      if (r.audience === 'channel') return ctx.delivered.has(`${r.key}\u0000channel`) ? [] : [r];
      const left = r.recipientIds.filter((p) => !ctx.delivered.has(`${r.key}\u0000${p}`));
      return left.length ? [{ ...r, recipientIds: left }] : [];
    });
  for (const key of touched) {
    // Keys are `kind|subject|deadline`; the subject names the owner: m:<meeting>, t:<task>, f:<forum>:<what>.
    const subject = key.split('|')[1] ?? '';
    const id = subject.slice(2);
    if (subject.startsWith('m:') && byMeeting.has(id)) byMeeting.set(id, strip(byMeeting.get(id)!));
    else if (subject.startsWith('t:') && byTask.has(id)) byTask.set(id, strip(byTask.get(id)!));
    else if (subject.startsWith('f:')) {
      const fid = id.slice(0, id.lastIndexOf(':'));
      if (byForum.has(fid)) byForum.set(fid, strip(byForum.get(fid)!));
    }
  }
  return { ctx, meetings: state.meetings, byMeeting, byTask, byForum };
}
