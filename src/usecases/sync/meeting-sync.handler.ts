/**
 * Job 'm365.meeting-sync' {meetingId}: the meeting's Outlook event.
 *
 * The event lives in the organizer's mailbox (the configured service mailbox,
 * else the forum's secretary's); attendees are the forum's active members with an
 * e-mail address; the body links to the agenda; the adapter tags the event with
 * our meeting id (single-value extended property) and creates it with a
 * transactionId derived from the meeting id, and finds it by that tag before it
 * creates, so a job re-run after a crash neither loses nor duplicates it. A
 * cancelled meeting cancels its event. Event id, mailbox and changeKey are
 * recorded with the meeting revision they reflect.
 *
 * Once the agenda is sent, the event's body lists the sent agenda's items and links
 * the sent agenda, and the agenda's DOCX is attached to the event (CalendarPort.attachFile: idempotent by name and size;
 * a later sending replaces it). The event is written once per change: the hash of
 * what was last written is recorded (`detail.specHash`), and a run that would write
 * the same event again (a retried or repeated job) writes nothing.
 *
 * Attendees' answers come back through the calendar delta (calendar-delta.handler.ts);
 * the record keeps the answers it has taken (`detail.answers`). A decline's comment
 * does not: Graph's event contract gives the organizer's event only
 * attendees[].status {response, time}, so an attendance note comes from Samraad.
 *
 * An event with a Teams meeting queues the start card for the meeting's chat, to run
 * at the meeting's start (meeting-chat.handler.ts, queueStartCard); `detail.startCard`
 * is the start it was queued for, so it is queued again only when the meeting moves.
 *
 * Not done: apologies given in Samraad shown as declined on the event (Graph does not
 * let the organizer set an attendee's response), changing the organizer mailbox of an
 * existing event.
 */
import { queueStartCard } from './meeting-chat.handler.js';
import { JOB, type JobPayload } from '../ports/jobs.port.js';
import { escapeHtml } from '../../domain/documents/html-escape.js';
import { activeMembers, localToUtc, meetingPageUrl, organizerOf, today, tracked } from './sync.common.js';
import { createHash } from 'node:crypto';
import { M365Error, type EventSpec, type UpsertedEvent, type UpsertResult } from '../ports/m365.port.js';
import type { AgendaItem, Meeting } from '../../domain/meetings/meeting.model.js';
import { SYNC_QUEUES, type SyncDeps } from './sync.ports.js';
import type { DocumentsPort } from '../ports/documents.port.js';
import { documentPath } from './document-sync.handler.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type MeetingSyncJob = JobPayload<typeof JOB.meetingSync>;

/** How a run writes its event: alone (`upsertEvent`), or gathered with other runs' into one batched call. */
type Upsert = (spec: EventSpec, mayExist: boolean) => Promise<UpsertedEvent>;

export async function runMeetingSync(deps: SyncDeps & { documents?: DocumentsPort }, job: MeetingSyncJob, upsert?: Upsert): Promise<void> {
  const writeEvent: Upsert = upsert ?? ((spec) => deps.m365.calendar.upsertEvent(spec));
  const day = today(deps);
  const loaded = await deps.transact(async ({ registry, meetings, sync, versions }) => {
    const meeting = await meetings.getMeeting(job.meetingId);
    if (!meeting) return undefined;
    const forum = await registry.getForum(meeting.forumId);
    if (!forum) return undefined;
    const group = meeting.historical ? undefined : await jointGroup(meetings, meeting);
    const members = await activeMembers(registry, forum.id, day);
    // A joint meeting or theme day: one event with the attendees of every forum in it.
    const partners = [];
    for (const forumId of group?.forumIds ?? []) if (forumId !== forum.id) partners.push(...(await activeMembers(registry, forumId, day)));
    // The agenda as sent (its snapshot), for the invitation's body.
    const sent = meeting.agendaSentAt ? await versions.latestVersion(meeting.id, 'agenda', 'sent') : undefined;
    const sentItems = ((sent?.snapshot as { items?: AgendaItem[] } | undefined)?.items ?? []).slice().sort((a, b) => a.position - b.position);
    return { meeting, forum, members, partners, host: group?.host, state: await sync.get('meeting', meeting.id), sentItems, sentVersion: sent?.version };
  });
  if (!loaded) {
    deps.logger.warn(`meeting-sync: meeting ${job.meetingId} (or its forum) does not exist; nothing to do`);
    return;
  }
  const { meeting, forum, members, partners, host, state, sentItems, sentVersion } = loaded;
  if (meeting.historical) {
    // Recorded as history: nothing goes to Outlook.
    deps.logger.info(`meeting-sync: meeting ${meeting.id} is recorded as history; no Outlook event`);
    return;
  }
  const { calendar } = deps.m365;

  await tracked(deps, 'meeting', meeting.id, forum.id, async () => {
    const mailbox = state?.container ?? organizerOf(members, deps.settings.organizerMailbox);
    if (!mailbox) throw new M365Error({ kind: 'invalid', message: 'no organizer mailbox: set M365_ORGANIZER_MAILBOX or give the forum a secretary with an e-mail address' });

    if (meeting.status === 'cancelled' || (host && host.id !== meeting.id)) {
      // Cancelled, or the partner forum's meeting at the same time carries the one shared event:
      // no event of its own (an earlier one is cancelled), and the host event's attendees follow.
      const eventId = state?.remoteId ?? (await calendar.findByMeetingId(mailbox, meeting.id))?.eventId ?? null;
      const r = eventId ? await calendar.cancel(mailbox, eventId, meeting.cancelledReason) : { cancelled: false };
      await deps.transact(({ sync }) =>
        // The event is gone: the record no longer points at it, so the calendar delta's later report of its
        // removal (our own cancellation) cannot be taken for a cancellation in Outlook of the meeting made
        // planned again meanwhile (a transition undone, a cancellation reversed).
        sync.record('meeting', meeting.id, { forumId: forum.id, container: mailbox, remoteId: null, detail: { ...(state?.detail ?? {}), revision: meeting.revision, cancelled: meeting.status === 'cancelled', eventWasPresent: r.cancelled, ...(eventId ? { cancelledEventId: eventId } : {}), ...(host && host.id !== meeting.id ? { sharedEventOf: host.id } : {}) } }, 'synced'),
      );
      if (host && host.id !== meeting.id) await deps.transact(({ outbox }) => outbox.enqueue(SYNC_QUEUES.meeting, { meetingId: host.id }));
      return;
    }

    const title = meeting.title ?? (meeting.sequence ? `${meeting.sequence}. møde` : 'Møde');
    const agenda = meetingPageUrl(deps.settings.publicUrl, meeting.id);
    // Once sent, the agenda itself: its public page (the sent version) beside the meeting's page.
    const sentAgenda = meeting.agendaSentAt ? `${deps.settings.publicUrl}/offentlig/moeder/${encodeURIComponent(meeting.id)}/dagsorden` : undefined;
    const organizerEmail = mailbox.toLowerCase();
    const attendees = [...members, ...partners.map((p) => ({ ...p, membership: { ...p.membership, role: p.membership.role === 'observer' || p.membership.role === 'substitute' ? p.membership.role : 'member' } }))]
      .filter((m) => m.person.email && m.person.email.toLowerCase() !== organizerEmail)
      .filter((m, i, all) => all.findIndex((x) => x.person.id === m.person.id) === i)
      .map((m) => ({ email: m.person.email!, name: m.person.name, ...(m.membership.role === 'observer' || m.membership.role === 'substitute' ? { optional: true } : {}) }));
    const spec: EventSpec = {
      mailbox,
      meetingId: meeting.id,
      storedEventId: state?.remoteId ?? null,
      subject: `${forum.shortName ?? forum.name}: ${title}`.slice(0, 255),
      start: localToUtc(meeting.date, meeting.start, deps.settings.timeZone),
      end: localToUtc(meeting.date, meeting.end, deps.settings.timeZone),
      timeZone: deps.settings.timeZone,
      ...(meeting.location ? { location: meeting.location } : {}),
      bodyHtml:
        `<p>${escapeHtml(forum.name)}</p><p>Dagsorden og materiale: <a href="${escapeHtml(agenda)}">${escapeHtml(agenda)}</a></p>` +
        (sentAgenda ? `<p>Den udsendte dagsorden / The agenda as sent: <a href="${escapeHtml(sentAgenda)}">${escapeHtml(sentAgenda)}</a> (vedhæftet / attached)</p>` + agendaItemsHtml(sentItems, agenda, sentVersion) : ''),
      attendees,
      // Online (a Teams meeting) when the secretariat says so, and always when there is no place.
      onlineMeeting: meeting.online || !meeting.location,
    };
    // Written once per change: the same event as last written (a retried or repeated job) is not written again.
    const specHash = createHash('sha256').update(JSON.stringify({ ...spec, storedEventId: null })).digest('hex').slice(0, 32);
    const unchanged = !!state?.remoteId && state.status === 'synced' && state.detail.specHash === specHash && state.detail.revision === meeting.revision;
    const r: UpsertedEvent = unchanged
      ? { eventId: state!.remoteId!, changeKey: state!.etag, webLink: (state!.detail.webLink as string | null | undefined) ?? null, joinUrl: (state!.detail.joinUrl as string | null | undefined) ?? null, created: false, lastModified: (state!.detail.written as { at?: string | null } | undefined)?.at ?? null }
      : // An earlier attempt (a record exists) may have created the event before it crashed: find it before creating.
        await writeEvent(spec, !!state);
    // The sent agenda as a Word attachment on the event: the latest sending replaces an earlier one (same name).
    let attachedAgenda: number | undefined;
    if (meeting.agendaSentAt && deps.documents) {
      const doc = await deps.documents.get(documentPath(forum.id, meeting.id, 'agenda'));
      if (doc && unchanged && state!.detail.agendaAttached === doc.version) {
        attachedAgenda = doc.version; // attached by an earlier run of this very change
      } else if (doc) {
        // The version in the name: two sendings can have the same size; the new one replaces the old.
        await calendar.attachFile(mailbox, r.eventId, { name: `dagsorden-v${doc.version}.docx`, contentType: doc.metadata.contentType || DOCX, bytes: doc.bytes, replaces: 'dagsorden-v' });
        attachedAgenda = doc.version;
      }
    }
    await deps.transact(async ({ sync, outbox }) => {
      const known = (await sync.mailboxes()).includes(mailbox);
      // The attendees' answers the calendar delta has taken (it may have run meanwhile): kept, so none is taken twice.
      const current = (await sync.get('meeting', meeting.id))?.detail;
      const answers = current?.answers;
      // A meeting made from an Outlook event keeps where it came from and the secretariat's confirmation.
      const fromOutlook = current?.fromOutlook;
      // A Teams meeting's chat gets the start card at the meeting's start (queued once per start; not for an ended forum).
      const forumGoesOn = forum.status !== 'ended' && (forum.endedOn === undefined || forum.endedOn > meeting.date);
      const startCard = r.joinUrl && forumGoesOn ? await queueStartCard(deps, { outbox }, meeting, current?.startCard) : current?.startCard;
      await sync.record(
        'meeting',
        meeting.id,
        { forumId: forum.id, remoteId: r.eventId, container: mailbox, etag: r.changeKey, detail: { revision: meeting.revision, webLink: r.webLink, joinUrl: r.joinUrl, written: { date: meeting.date, start: meeting.start, end: meeting.end, at: r.lastModified ?? null }, ...(attachedAgenda !== undefined ? { agendaAttached: attachedAgenda } : {}), specHash, ...(answers ? { answers } : {}), ...(fromOutlook ? { fromOutlook } : {}), ...(startCard ? { startCard } : {}) } },
        'synced',
      );
      // A mailbox we have not organized in before needs its change subscription.
      if (!known) await outbox.enqueue(SYNC_QUEUES.renew, {});
    });
  });
}

/**
 * Many meeting-sync jobs at once (the worker takes them from the outbox in batches):
 * each job runs as runMeetingSync does, but the event writes of all of them are sent
 * together through `CalendarPort.upsertEvents` (Graph `$batch`, 20 per request, grouped
 * per mailbox). Jobs for the same meeting are one run. Each run loads its meeting and
 * counts its attempt first (committed), then waits until every other run has either
 * reached its write or ended; the writes go out in one call; each run then records its
 * own outcome. Returns one outcome per job, in order: undefined when done, else the
 * error (a retryable one: the job is retried; a permanent one was recorded as failed by
 * `tracked` and the job is done).
 */
export async function runMeetingSyncBatch(deps: SyncDeps & { documents?: DocumentsPort }, jobs: readonly MeetingSyncJob[]): Promise<(unknown | undefined)[]> {
  const { calendar } = deps.m365;
  const byMeeting = new Map<string, MeetingSyncJob>();
  for (const j of jobs) if (!byMeeting.has(j.meetingId)) byMeeting.set(j.meetingId, j);
  // Runs that may still reach their write; when all of them wait at it, the writes go out.
  let open = byMeeting.size;
  let waiting: { spec: EventSpec; mayExist: boolean; resolve: (e: UpsertedEvent) => void; reject: (err: unknown) => void }[] = [];
  const flush = () => {
    if (!waiting.length || waiting.length < open) return;
    const now = waiting;
    waiting = [];
    open -= now.length;
    const send = calendar.upsertEvents
      ? calendar.upsertEvents(now.map((w) => ({ ...w.spec, mayExist: w.mayExist })))
      : Promise.all(now.map((w) => calendar.upsertEvent(w.spec).then((event): UpsertResult => ({ ok: true, event }), (error: unknown): UpsertResult => ({ ok: false, error: error as M365Error }))));
    send.then(
      (results) => now.forEach((w, i) => {
        const r = results[i]!;
        if (r.ok) w.resolve(r.event);
        else w.reject(r.error);
      }),
      (err: unknown) => now.forEach((w) => w.reject(err)),
    );
  };
  const outcomes = new Map<string, unknown>();
  await Promise.all(
    [...byMeeting.values()].map(async (job) => {
      let wrote = false;
      const upsert: Upsert = (spec, mayExist) =>
        new Promise<UpsertedEvent>((resolve, reject) => {
          wrote = true;
          waiting.push({ spec, mayExist, resolve, reject });
          flush();
        });
      try {
        await runMeetingSync(deps, job, upsert);
      } catch (err) {
        outcomes.set(job.meetingId, err);
      } finally {
        if (!wrote) {
          open--;
          flush();
        }
      }
    }),
  );
  return jobs.map((j) => outcomes.get(j.meetingId));
}

/**
 * The meetings held together with this one: a joint meeting or theme day names a
 * partner forum; when that forum has a meeting at the same date and start, the two
 * are one event (and so on along the chain). The host is the meeting that names no
 * partner meeting (or, in a cycle, the smallest id). Forums: every forum in the
 * group, plus the partner forums named without a meeting of their own.
 */
async function jointGroup(meetings: { listMeetings(f: { from: string; to: string }): Promise<Meeting[]> }, meeting: Meeting): Promise<{ host: Meeting; forumIds: string[] } | undefined> {
  const isJoint = (m: Meeting) => (m.kind === 'joint' || m.kind === 'theme_day') && !!m.jointWithForumId;
  const sameSlot = (await meetings.listMeetings({ from: meeting.date, to: meeting.date })).filter((m) => m.start === meeting.start && m.status !== 'cancelled' && !m.historical);
  const partnerOf = (m: Meeting) => (isJoint(m) ? sameSlot.find((x) => x.forumId === m.jointWithForumId && x.id !== m.id) : undefined);
  // Everyone connected to this meeting through "joint with" links in this slot.
  const group = new Map<string, Meeting>([[meeting.id, meeting]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of sameSlot) {
      if (group.has(m.id)) continue;
      const linked = [...group.values()].some((g) => partnerOf(g)?.id === m.id || partnerOf(m)?.id === g.id);
      if (linked) {
        group.set(m.id, m);
        grew = true;
      }
    }
  }
  if (group.size === 1 && !isJoint(meeting)) return undefined;
  const members = [...group.values()];
  const roots = members.filter((m) => !partnerOf(m));
  const host = (roots.length ? roots : members).sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
  const forumIds = new Set<string>();
  for (const m of members) {
    forumIds.add(m.forumId);
    if (m.jointWithForumId) forumIds.add(m.jointWithForumId);
  }
  return { host, forumIds: [...forumIds] };
}

/**
 * The sent agenda's items in the invitation: number and title, with the meeting's page
 * for the material. A closed item shows as "Lukket punkt" only (its title is for the
 * forum's own pages, not an e-mail that may reach a partner forum or a guest).
 */
export function agendaItemsHtml(items: readonly AgendaItem[], meetingUrl: string, version: number | undefined): string {
  if (!items.length) return '';
  const li = items.map((i) => `<li>${i.closed ? 'Lukket punkt <span lang="en">(closed item)</span>' : escapeHtml(i.title)}</li>`).join('');
  const v = version ? ` (version ${version})` : '';
  return `<p><strong>Dagsorden${escapeHtml(v)}</strong> <span lang="en">(agenda)</span>:</p><ol>${li}</ol><p>Materiale til punkterne / The items' material: <a href="${escapeHtml(meetingUrl)}">${escapeHtml(meetingUrl)}</a></p>`;
}
