/**
 * Loads the demo region (src/demo/demo-region.json, a file a person can read and
 * edit) into an empty database, in one transaction: every record is validated
 * with the same domain schemas as the API, so a mistake in the file is reported
 * with its place, and nothing half-loaded is left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  ForumInput,
  MembershipInput,
  OrganisationInput,
  PersonInput,
  TermsOfReferenceInput,
  isActiveOn,
  isoDate,
  type Forum,
  type Membership,
} from '../domain/registry/registry.model.js';
import { ClosedDayInput } from '../domain/calendar/closed-day.model.js';
import { RegionCreateInput, regionSlug } from '../domain/registry/region.model.js';
import { AgendaItemInput, instant, MeetingInput, MeetingStatus, type Attendance, type Meeting } from '../domain/meetings/meeting.model.js';
import type { WorkflowState } from '../domain/meetings/workflow.model.js';
import type { Transact, UnitOfWork } from '../usecases/ports/store.port.js';
import type { MeetingStore } from '../usecases/ports/planning.port.js';
import type { TransitionsStore } from '../usecases/ports/transitions.port.js';
import type { WorkflowStore } from '../usecases/ports/workflow.port.js';
import { takeSnapshot } from '../usecases/meetings/meeting-snapshot.js';
import { TransitionPlanInput } from '../domain/transitions/transition.plan.js';

/** The demo loader needs the registry and the meetings (and, where given, the transitions) in one transaction. */
export type DemoTransact = <T>(
  fn: (uow: UnitOfWork & { meetings: Pick<MeetingStore, 'insertMeeting' | 'getMeeting' | 'listTasks'>; transitions?: Pick<TransitionsStore, 'insert'>; workflow?: WorkflowStore }) => Promise<T>,
) => Promise<T>;

/**
 * What happened to a held meeting's agenda and minutes, as the secretariat did it:
 * the items with their decisions, the members' remarks (answered by a revision),
 * the approval (explicit, or tacit when the window closed) and the publication.
 * Written with the real instants, so the timeline, the versions and the public
 * archive show a complete year. A held meeting without it has draft minutes.
 */
const DemoMinutes = z.object({
  items: z.array(AgendaItemInput.extend({ decision: z.string().trim().min(1).max(20000).optional() })).max(50).default([]),
  remarks: z.array(z.object({ personId: z.string(), text: z.string().trim().min(1).max(5000), at: instant })).default([]),
  /** Absent: the minutes are still a draft (their items and the sent agenda are there, nothing approved). */
  approvedAt: instant.optional(),
  approvedHow: z.enum(['explicit', 'tacit']).optional(),
  publishedAt: instant.optional(),
});

/** A stored meeting as written in the file: the API's MeetingInput plus its status and what already happened. */
const DemoMeeting = MeetingInput.and(
  z.object({
    id: z.string(),
    status: MeetingStatus.default('planned'),
    sequence: z.number().int().min(1).optional(),
    agendaSentAt: instant.optional(),
    minutesSentAt: instant.optional(),
    /** A cancelled meeting's reason, as the tab and the public pages show it. */
    cancelledReason: z.string().trim().min(1).max(500).optional(),
    minutes: DemoMinutes.optional(),
  }),
);

/** The five Danish regions were made on 1 January 2007: the demo's regions are dated so. */
const DANISH_REGIONS_FROM = '2007-01-01T00:00:00.000Z';

export const demoFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-region.json');

const DemoFile = z.object({
  region: z.string(),
  /** The regions as data (Danish and English names, public address); the demo's own region and its neighbours. */
  regions: z.array(RegionCreateInput).default([]),
  organisations: z.array(OrganisationInput.extend({ id: z.string() })),
  people: z.array(PersonInput.extend({ id: z.string() })),
  forums: z.array(ForumInput.extend({ id: z.string() })),
  terms: z.array(TermsOfReferenceInput.extend({ forumId: z.string() })),
  memberships: z.array(MembershipInput),
  meetings: z.array(DemoMeeting).default([]),
  /** The region's extra closed days (e.g. the Christmas week). */
  closedDays: z.array(z.object({ date: isoDate }).and(ClosedDayInput)).default([]),
  /** Prepared (not applied) transitions, e.g. the 2027 reform: the tab previews and applies them. */
  transitions: z.array(TransitionPlanInput.omit({ region: true }).extend({ id: z.string(), title: z.string() })).default([]),
});
export type DemoData = z.output<typeof DemoFile>;

export function readDemoData(file = demoFile): DemoData {
  const parsed = DemoFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`The demo file ${file} is invalid at ${i.path.join('.')}: ${i.message}`);
  }
  return parsed.data;
}

/** A held meeting's agenda, remarks, approval and publication, with their versions (the public archive reads the published one). */
async function loadMinutes(uow: { meetings: Pick<MeetingStore, 'getMeeting' | 'listTasks'>; workflow: WorkflowStore }, meeting: Meeting, minutes: z.output<typeof DemoMinutes>, secretaryId: string | undefined) {
  const where = `The demo meeting ${meeting.id}`;
  if (meeting.status !== 'held') throw new Error(`${where} has minutes but is not held`);
  for (const [i, item] of minutes.items.entries()) {
    await uow.workflow.insertItem({ ...item, id: `itm-${meeting.id}-${i + 1}`, meetingId: meeting.id, position: i + 1, attachments: [] });
  }
  if (!minutes.approvedAt) {
    // Draft minutes: the agenda was approved and sent with these items; nothing after that.
    if (minutes.remarks.length || minutes.publishedAt || meeting.minutesSentAt) throw new Error(`${where}: draft minutes have no remarks, publication or minutesSentAt`);
    await uow.workflow.saveState({ meetingId: meeting.id, minutesStatus: 'draft', minutesVersion: 1, ...(meeting.agendaSentAt ? { agendaApprovedAt: meeting.agendaSentAt } : {}) });
    if (meeting.agendaSentAt) {
      const snapshot = await takeSnapshot(uow, meeting.id);
      await uow.workflow.insertVersion({ id: `ver-${meeting.id}-agenda-sent-1`, meetingId: meeting.id, kind: 'agenda', version: 1, event: 'sent', createdAt: meeting.agendaSentAt, snapshot, ...(secretaryId ? { createdBy: secretaryId } : {}) });
    }
    return;
  }
  if (!meeting.minutesSentAt || !minutes.approvedHow) throw new Error(`${where}: approved minutes need minutesSentAt and approvedHow`);
  if (minutes.approvedAt < meeting.minutesSentAt || (minutes.publishedAt && minutes.publishedAt < minutes.approvedAt)) throw new Error(`${where}: approved before sent, or published before approved`);
  const version = minutes.remarks.length ? 2 : 1;
  const windowClosesAt = new Date(Date.parse(meeting.minutesSentAt) + 7 * 86_400_000).toISOString();
  for (const [i, r] of minutes.remarks.entries()) await uow.workflow.insertRemark({ id: `rem-${meeting.id}-${i + 1}`, meetingId: meeting.id, personId: r.personId, text: r.text, createdAt: r.at, minutesVersion: 1 });
  const state: WorkflowState = {
    meetingId: meeting.id,
    minutesStatus: minutes.publishedAt ? 'published' : 'approved',
    minutesVersion: version,
    minutesSentAt: meeting.minutesSentAt,
    windowClosesAt,
    approvedAt: minutes.approvedAt,
    approvedHow: minutes.approvedHow,
    ...(meeting.agendaSentAt ? { agendaApprovedAt: meeting.agendaSentAt } : {}),
    ...(minutes.publishedAt ? { publishedAt: minutes.publishedAt } : {}),
  };
  await uow.workflow.saveState(state);
  const snapshot = await takeSnapshot(uow, meeting.id);
  const row = (kind: 'agenda' | 'minutes', v: number, event: 'sent' | 'approved' | 'published', createdAt: string) =>
    uow.workflow.insertVersion({ id: `ver-${meeting.id}-${kind}-${event}-${v}`, meetingId: meeting.id, kind, version: v, event, createdAt, snapshot, ...(event === 'approved' && minutes.approvedHow === 'tacit' ? { createdBy: 'system' } : secretaryId ? { createdBy: secretaryId } : {}) });
  if (meeting.agendaSentAt) await row('agenda', 1, 'sent', meeting.agendaSentAt);
  await row('minutes', 1, 'sent', meeting.minutesSentAt);
  await row('minutes', version, 'approved', minutes.approvedAt);
  if (minutes.publishedAt) await row('minutes', version, 'published', minutes.publishedAt);
}

/**
 * A held meeting's attendance as the secretariat recorded it: each member of the forum (and of a joint meeting's
 * partner forum, a person in both once) active on the day answered before the meeting and was present, except about
 * one in seven who sent apologies (afbud) and was absent; the secretary always took part. Deterministic, so every
 * start of the demo shows the same year; stand-ins (role "substitute") answer only for someone, so they have no row.
 */
export function demoAttendance(meeting: Pick<Meeting, 'id' | 'forumId' | 'jointWithForumId' | 'date' | 'agendaSentAt'>, memberships: readonly Pick<Membership, 'personId' | 'forumId' | 'role' | 'from' | 'to'>[]): Attendance[] {
  const forums = new Set([meeting.forumId, ...(meeting.jointWithForumId ? [meeting.jointWithForumId] : [])]);
  const answeredAt = new Date(Date.parse(meeting.agendaSentAt ?? `${meeting.date}T08:00:00Z`) + (meeting.agendaSentAt ? 1 : -3) * 86_400_000).toISOString();
  const out = new Map<string, Attendance>();
  for (const m of memberships) {
    if (!forums.has(m.forumId) || m.role === 'substitute' || !isActiveOn(m, meeting.date)) continue;
    const secretary = m.role === 'secretary';
    const prior = out.get(m.personId);
    if (prior && (prior.answer === 'attending' || !secretary)) continue;
    const hash = [...`${meeting.id}|${m.personId}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_003, 7);
    const apologies = !secretary && hash % 7 === 0;
    out.set(m.personId, { meetingId: meeting.id, personId: m.personId, answer: apologies ? 'apologies' : 'attending', present: !apologies, answeredAt });
  }
  return [...out.values()];
}

/** Parents before children, so foreign references always point backwards. */
function parentFirst(forums: Forum[]): Forum[] {
  const byId = new Map(forums.map((f) => [f.id, f]));
  const out: Forum[] = [];
  const done = new Set<string>();
  const visit = (f: Forum) => {
    if (done.has(f.id)) return;
    done.add(f.id);
    if (f.parentId && byId.has(f.parentId)) visit(byId.get(f.parentId)!);
    out.push(f);
  };
  forums.forEach(visit);
  return out;
}

/**
 * Loads the file into an empty database. With the planning transactor
 * (src/adapters/db/planning.unit-of-work.ts) the meetings are loaded too, in the
 * same transaction; with the registry's plain `Transact` (older callers, tests
 * that bring their own meetings) only the registry is loaded.
 */
export async function loadDemoData(transact: DemoTransact | Transact, data: DemoData = readDemoData()): Promise<{ loaded: boolean; meetings: number }> {
  const forumIds = new Set(data.forums.map((f) => f.id));
  for (const [i, m] of data.meetings.entries()) {
    // Checked before writing so the message names the place in the file, not a foreign-key error.
    if (!forumIds.has(m.forumId)) throw new Error(`The demo file is invalid at meetings.${i}.forumId: no forum "${m.forumId}"`);
    if (m.jointWithForumId && !forumIds.has(m.jointWithForumId)) throw new Error(`The demo file is invalid at meetings.${i}.jointWithForumId: no forum "${m.jointWithForumId}"`);
  }
  return (transact as DemoTransact)(async (uow) => {
    const { registry, audit } = uow;
    // Absent when called with the registry's plain Transact (see above).
    const meetings = (uow as Partial<typeof uow>).meetings;
    if ((await registry.listForums()).length > 0) return { loaded: false, meetings: 0 };
    for (const r of data.regions) {
      const slug = r.slug ?? regionSlug(r.name);
      await uow.regions.insert({ id: `region_${slug}`, slug, name: r.name, ...(r.nameEn ? { nameEn: r.nameEn } : {}), createdAt: DANISH_REGIONS_FROM });
    }
    for (const o of data.organisations) await registry.insertOrganisation(o);
    for (const p of data.people) await registry.insertPerson(p);
    for (const f of parentFirst(data.forums)) await registry.insertForum(f);
    for (const [i, t] of data.terms.entries()) {
      const { forumId, ...body } = t;
      await registry.insertTerms({ ...body, id: `tor-${forumId}-1`, forumId, version: 1 });
      void i;
    }
    const ms = data.memberships.map((m, i) => ({ ...m, id: m.id ?? `m-demo-${i}` }));
    // Substitutes point at other memberships: insert those last.
    for (const m of [...ms].sort((a, b) => Number(Boolean(a.substituteForId)) - Number(Boolean(b.substituteForId)))) {
      await registry.insertMembership(m);
    }
    for (const d of data.closedDays) await uow.closedDays.put({ region: data.region, date: d.date, label: d.label });
    const toLoad = meetings ? data.meetings : [];
    for (const { minutes, ...m } of toLoad) {
      const meeting: Meeting = { ...m, revision: 1 };
      await meetings!.insertMeeting(meeting);
      // Before the minutes: their snapshots (the published minutes' Til stede / Afbud) read the attendance.
      if (meeting.status === 'held' && uow.workflow) for (const a of demoAttendance(meeting, ms)) await uow.workflow.upsertAttendance(a);
      if (minutes && uow.workflow) await loadMinutes(uow as Parameters<typeof loadMinutes>[0], meeting, minutes, data.memberships.find((x) => x.forumId === m.forumId && x.role === 'secretary')?.personId);
    }
    const transitions = (uow as Partial<typeof uow>).transitions;
    if (transitions && meetings) {
      for (const { id, title, ...plan } of data.transitions) await transitions.insert({ id, title, region: data.region, effectiveOn: plan.effectiveOn, status: 'prepared', plan });
    }
    await audit.record({ action: 'demo.load', outcome: 'ok', detail: { forums: data.forums.length, people: data.people.length, meetings: toLoad.length, closedDays: data.closedDays.length } });
    return { loaded: true, meetings: toLoad.length };
  });
}
