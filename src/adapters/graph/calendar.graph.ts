/**
 * CalendarPort on Graph: events in the organizer's mailbox (`/users/{mailbox}/events`).
 *
 * Idempotent upsert: PATCH the stored event id; if there is none (or it is gone),
 * find the event by our single-value extended property (the meeting id); only then
 * POST, with a transactionId derived from the meeting id so a create retried after a
 * lost response is not duplicated. Delta: `calendarView/delta` per mailbox; the
 * cursor is Graph's deltaLink. Delta does not return extended properties, so the
 * meeting id of each changed event is looked up in `$batch` GETs.
 *
 * Attendees' answers come back with each changed event (`attendees[].status`: response
 * and time); the comment of a decline is not on the event (Graph sends it to the
 * organizer as a response message, an eventMessageResponse; the contract subset has
 * that schema but no operation that reads a mailbox's messages or mail folders, so
 * it cannot be read). The attendee's `status` (responseStatus) has only `response`
 * and `time`.
 *
 * Not done: an answer given in Samraad shown on the event (apologies as declined) -
 * Graph does not let the organizer set another attendee's response.
 */
import { createHash } from 'node:crypto';
import { M365Error, type AttendeeAnswer, type CalendarChange, type CalendarPort, type DeltaResult, type EventSpec, type RemoteEvent, type UpsertedEvent, type UpsertResult } from '../../usecases/ports/m365.port.js';
import type { BatchRequest, BatchResponse } from './graph-batch.helper.js';
import { toM365Error, type GraphHttp } from './graph.pipeline.js';
import { fromGraphDateTime, toGraphDateTime } from './time-zone.mapping.js';

/** Our named property: a fixed GUID namespace for Samraad, name "SamraadMeetingId". */
export const MEETING_ID_PROPERTY = 'String {8c6e1a47-2d3e-4f5a-9b36-5f4a2d8f0c6e} Name SamraadMeetingId';

type GraphEvent = {
  id: string;
  subject?: string;
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
  changeKey?: string;
  lastModifiedDateTime?: string;
  webLink?: string;
  isCancelled?: boolean;
  onlineMeeting?: { joinUrl?: string } | null;
  isOnlineMeeting?: boolean;
  categories?: string[];
  location?: { displayName?: string | null } | null;
  attendees?: { emailAddress?: { address?: string }; status?: { response?: string | null; time?: string | null } | null }[];
  singleValueExtendedProperties?: { id: string; value: string }[];
  '@removed'?: { reason: string };
};

const q = (s: string): string => s.replaceAll("'", "''");
const enc = encodeURIComponent;

export function transactionIdFor(meetingId: string): string {
  // Deterministic, so the retry of a create carries the same id. GUID-shaped like Outlook's own.
  const h = createHash('sha256').update(`samraad-meeting:${meetingId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function meetingIdOf(e: GraphEvent): string | null {
  return e.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === MEETING_ID_PROPERTY.toLowerCase())?.value ?? null;
}

function toRemote(e: GraphEvent): RemoteEvent {
  return {
    eventId: e.id,
    meetingId: meetingIdOf(e),
    subject: e.subject ?? '',
    start: fromGraphDateTime(e.start),
    end: fromGraphDateTime(e.end),
    changeKey: e.changeKey ?? null,
    webLink: e.webLink ?? null,
    joinUrl: e.onlineMeeting?.joinUrl ?? null,
  };
}

/** Graph's instant (UTC, up to 7 fractional digits) as a UTC ISO string, or null when absent or unreadable. */
function utcOrNull(at: string | undefined): string | null {
  if (!at) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(at) ? at : `${at}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const ANSWERS = new Set(['accepted', 'tentativelyAccepted', 'declined']);

/** The attendees who answered, as the organizer's event shows them (Graph keeps no comment on the event). */
export function answersOf(e: GraphEvent): AttendeeAnswer[] {
  const out: AttendeeAnswer[] = [];
  for (const a of e.attendees ?? []) {
    const email = a.emailAddress?.address?.toLowerCase();
    const response = a.status?.response ?? '';
    const at = a.status?.time;
    if (!email || !ANSWERS.has(response) || !at || at.startsWith('0001-')) continue;
    out.push({ email, response: response as AttendeeAnswer['response'], at: new Date(at).toISOString() });
  }
  return out;
}

const EXPAND_TAG = `$expand=${enc(`singleValueExtendedProperties($filter=id eq '${MEETING_ID_PROPERTY}')`)}`;

export function createGraphCalendar(http: GraphHttp, batch: (r: BatchRequest[]) => Promise<BatchResponse[]>): CalendarPort {
  const eventBody = (s: EventSpec): Record<string, unknown> => ({
    subject: s.subject,
    body: { contentType: 'html', content: s.bodyHtml },
    start: toGraphDateTime(s.start, s.timeZone),
    end: toGraphDateTime(s.end, s.timeZone),
    ...(s.location ? { location: { displayName: s.location } } : {}),
    attendees: s.attendees.map((a) => ({ emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) }, type: a.optional ? 'optional' : 'required' })),
    isOnlineMeeting: s.onlineMeeting,
    ...(s.onlineMeeting ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
    allowNewTimeProposals: false,
    responseRequested: true,
    singleValueExtendedProperties: [{ id: MEETING_ID_PROPERTY, value: s.meetingId }],
  });

  const findByMeetingId = async (mailbox: string, meetingId: string): Promise<RemoteEvent | null> => {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${q(MEETING_ID_PROPERTY)}' and ep/value eq '${q(meetingId)}')`;
    const r = await http.json<{ value: GraphEvent[] }>({ method: 'GET', path: `/users/${enc(mailbox)}/events?$filter=${enc(filter)}&${EXPAND_TAG}&$top=2` });
    const found = r.body.value ?? [];
    if (found.length > 1) {
      // Should not happen (transactionId + find-before-create); keep the first, the caller can clean up.
      throw new M365Error({ kind: 'conflict', message: `mailbox holds ${found.length} events tagged with meeting ${meetingId}` });
    }
    return found[0] ? toRemote(found[0]) : null;
  };

  const patch = async (mailbox: string, eventId: string, s: EventSpec): Promise<UpsertedEvent | null> => {
    const r = await http.request<GraphEvent>({ method: 'PATCH', path: `/users/${enc(mailbox)}/events/${enc(eventId)}`, body: eventBody(s) });
    if (r.status === 404) return null;
    if (r.status !== 200) throw toM365Error({ method: 'PATCH', path: '/users/{mailbox}/events/{id}' }, r);
    return { eventId: r.body.id, changeKey: r.body.changeKey ?? null, webLink: r.body.webLink ?? null, joinUrl: r.body.onlineMeeting?.joinUrl ?? null, created: false, lastModified: utcOrNull(r.body.lastModifiedDateTime) };
  };

  const fromBatch = (call: { method: string; path: string }, r: BatchResponse): M365Error => toM365Error(call, { status: r.status, headers: new Headers(r.headers), body: r.body });
  const upserted = (b: GraphEvent, created: boolean): UpsertedEvent => ({ eventId: b.id, changeKey: b.changeKey ?? null, webLink: b.webLink ?? null, joinUrl: b.onlineMeeting?.joinUrl ?? null, created, lastModified: utcOrNull(b.lastModifiedDateTime) });
  const findUrl = (mailbox: string, meetingId: string): string =>
    `/users/${enc(mailbox)}/events?$filter=${enc(`singleValueExtendedProperties/Any(ep: ep/id eq '${q(MEETING_ID_PROPERTY)}' and ep/value eq '${q(meetingId)}')`)}&${EXPAND_TAG}&$top=2`;

  return {
    findByMeetingId,

    /**
     * Many upserts in `$batch` rounds (each request's mailbox its lane: at most 4 of a
     * mailbox's requests run at once). Each spec walks the same steps as upsertEvent:
     * PATCH the stored event; else (or when it is gone) find by the meeting tag, but only
     * when the spec `mayExist` (an earlier attempt may have created it: find-before-create)
     * or its stored event is gone; PATCH what was found; else POST with the transactionId.
     * Every round sends all specs' next steps together. A spec whose step still fails
     * after the batcher's re-sends of 429/503/504 gets its error; the others go on.
     */
    async upsertEvents(specs) {
      type Step = { kind: 'patchStored' | 'patchFound'; eventId: string } | { kind: 'find' } | { kind: 'create' };
      const out: UpsertResult[] = new Array(specs.length);
      const steps = new Map<number, Step>();
      specs.forEach((s, i) => steps.set(i, s.storedEventId ? { kind: 'patchStored', eventId: s.storedEventId } : s.mayExist ? { kind: 'find' } : { kind: 'create' }));
      while (steps.size) {
        const round = [...steps.entries()];
        const requests: BatchRequest[] = round.map(([i, step]) => {
          const s = specs[i]!;
          const base = `/users/${enc(s.mailbox)}/events`;
          const lane = s.mailbox.toLowerCase();
          if (step.kind === 'find') return { method: 'GET', url: findUrl(s.mailbox, s.meetingId), lane };
          if (step.kind === 'create') return { method: 'POST', url: base, body: { ...eventBody(s), transactionId: s.transactionId ?? transactionIdFor(s.meetingId) }, lane };
          return { method: 'PATCH', url: `${base}/${enc(step.eventId)}`, body: eventBody(s), lane };
        });
        const answers = await batch(requests);
        round.forEach(([i, step], k) => {
          const r = answers[k]!;
          const s = specs[i]!;
          if (step.kind === 'find') {
            if (r.status !== 200) {
              out[i] = { ok: false, error: fromBatch({ method: 'GET', path: '/users/{mailbox}/events' }, r) };
              steps.delete(i);
              return;
            }
            const found = (r.body as { value?: GraphEvent[] } | undefined)?.value ?? [];
            if (found.length > 1) {
              out[i] = { ok: false, error: new M365Error({ kind: 'conflict', message: `mailbox holds ${found.length} events tagged with meeting ${s.meetingId}` }) };
              steps.delete(i);
            } else steps.set(i, found[0] ? { kind: 'patchFound', eventId: found[0].id } : { kind: 'create' });
            return;
          }
          if (step.kind === 'create') {
            if (r.status === 201 || r.status === 200) out[i] = { ok: true, event: upserted(r.body as GraphEvent, true) };
            else out[i] = { ok: false, error: fromBatch({ method: 'POST', path: '/users/{mailbox}/events' }, r) };
            steps.delete(i);
            return;
          }
          if (r.status === 404) {
            // The stored event is gone: find it by its tag (it may have been re-created); a found one gone too: create.
            steps.set(i, step.kind === 'patchStored' ? { kind: 'find' } : { kind: 'create' });
            return;
          }
          if (r.status === 200) out[i] = { ok: true, event: upserted(r.body as GraphEvent, false) };
          else out[i] = { ok: false, error: fromBatch({ method: 'PATCH', path: '/users/{mailbox}/events/{id}' }, r) };
          steps.delete(i);
        });
      }
      return out;
    },

    async upsertEvent(s) {
      if (s.storedEventId) {
        const done = await patch(s.mailbox, s.storedEventId, s);
        if (done) return done;
      }
      const existing = await findByMeetingId(s.mailbox, s.meetingId);
      if (existing) {
        const done = await patch(s.mailbox, existing.eventId, s);
        if (done) return done;
      }
      const r = await http.json<GraphEvent>({
        method: 'POST',
        path: `/users/${enc(s.mailbox)}/events`,
        body: { ...eventBody(s), transactionId: s.transactionId ?? transactionIdFor(s.meetingId) },
      });
      return { eventId: r.body.id, changeKey: r.body.changeKey ?? null, webLink: r.body.webLink ?? null, joinUrl: r.body.onlineMeeting?.joinUrl ?? null, created: true, lastModified: utcOrNull(r.body.lastModifiedDateTime) };
    },

    async attachFile(mailbox, eventId, file) {
      const base = `/users/${enc(mailbox)}/events/${enc(eventId)}/attachments`;
      const list = await http.json<{ value: { id: string; name?: string; size?: number }[] }>({ method: 'GET', path: `${base}?$select=id,name,size` });
      const all = list.body.value ?? [];
      const kept = all.find((a) => a.name === file.name && a.size === file.bytes.byteLength);
      if (kept) return { attachmentId: kept.id, added: false };
      const replaces = file.replaces;
      for (const old of all.filter((a) => a.name === file.name || (replaces !== undefined && (a.name ?? '').startsWith(replaces)))) {
        const r = await http.request({ method: 'DELETE', path: `${base}/${enc(old.id)}` });
        if (r.status !== 204 && r.status !== 404) throw toM365Error({ method: 'DELETE', path: '/users/{mailbox}/events/{id}/attachments/{id}' }, r);
      }
      const r = await http.json<{ id: string }>({
        method: 'POST',
        path: base,
        body: { '@odata.type': '#microsoft.graph.fileAttachment', name: file.name, contentType: file.contentType, contentBytes: Buffer.from(file.bytes).toString('base64') },
      });
      return { attachmentId: r.body.id, added: true };
    },

    async ensureCategory(mailbox, displayName, color = 'preset7') {
      const base = `/users/${enc(mailbox)}/outlook/masterCategories`;
      const find = async (): Promise<{ id: string } | undefined> => {
        const r = await http.json<{ value: { id: string; displayName?: string }[] }>({ method: 'GET', path: base });
        return (r.body.value ?? []).find((c) => (c.displayName ?? '').toLowerCase() === displayName.toLowerCase());
      };
      const found = await find();
      if (found) return { id: found.id, created: false };
      const r = await http.request<{ id: string }>({ method: 'POST', path: base, body: { displayName, color } });
      if (r.status === 201 || r.status === 200) return { id: r.body.id, created: true };
      if (r.status === 409) {
        // Made meanwhile (a concurrent run, or a retried POST whose answer was lost).
        const again = await find();
        if (again) return { id: again.id, created: false };
      }
      throw toM365Error({ method: 'POST', path: '/users/{mailbox}/outlook/masterCategories' }, r);
    },

    async removeCategory(mailbox, categoryId) {
      const r = await http.request({ method: 'DELETE', path: `/users/${enc(mailbox)}/outlook/masterCategories/${enc(categoryId)}` });
      if (r.status === 404) return { removed: false };
      if (r.status !== 204 && r.status !== 200) throw toM365Error({ method: 'DELETE', path: '/users/{mailbox}/outlook/masterCategories/{id}' }, r);
      return { removed: true };
    },

    async cancel(mailbox, eventId, comment) {
      const r = await http.request({ method: 'POST', path: `/users/${enc(mailbox)}/events/${enc(eventId)}/cancel`, body: comment ? { Comment: comment } : {} });
      if (r.status === 404) return { cancelled: false };
      if (r.status < 200 || r.status >= 300) throw toM365Error({ method: 'POST', path: '/users/{mailbox}/events/{id}/cancel' }, r);
      return { cancelled: true };
    },

    async delta(mailbox, cursor, window): Promise<DeltaResult> {
      const initial = `/users/${enc(mailbox)}/calendarView/delta?startDateTime=${enc(window.start)}&endDateTime=${enc(window.end)}`;
      let restarted = false;
      let link: string = cursor ?? initial;
      const items: GraphEvent[] = [];
      for (;;) {
        const r = await http.request<{ value: GraphEvent[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string }>({
          method: 'GET',
          path: link,
          headers: { Prefer: 'odata.maxpagesize=50' },
        });
        if ((r.status === 410 || r.status === 400) && cursor && !restarted && link === cursor) {
          // The sync state expired or is unknown: start over with a full sync of the window.
          restarted = true;
          link = initial;
          continue;
        }
        if (r.status !== 200) throw toM365Error({ method: 'GET', path: '/users/{mailbox}/calendarView/delta' }, r);
        items.push(...(r.body.value ?? []));
        if (r.body['@odata.nextLink']) link = r.body['@odata.nextLink'];
        else if (r.body['@odata.deltaLink']) {
          link = r.body['@odata.deltaLink'];
          break;
        } else throw new M365Error({ kind: 'unknown', message: 'calendarView/delta page without nextLink or deltaLink' });
      }
      // The same event can appear on several pages; the last one wins.
      const latest = new Map<string, GraphEvent>();
      for (const e of items) latest.set(e.id, e);
      const live = [...latest.values()].filter((e) => !e['@removed']);
      const tags = live.length
        ? await batch(live.map((e) => ({ method: 'GET', url: `/users/${enc(mailbox)}/events/${enc(e.id)}?$select=id&${EXPAND_TAG}` })))
        : [];
      const tagOf = new Map<string, BatchResponse>();
      live.forEach((e, i) => tagOf.set(e.id, tags[i]!));
      const changes: CalendarChange[] = [];
      for (const e of latest.values()) {
        const t = tagOf.get(e.id);
        if (e['@removed'] || t?.status === 404) {
          changes.push({ kind: 'removed', eventId: e.id });
          continue;
        }
        if (!t || t.status !== 200) throw new M365Error({ kind: t && (t.status === 429 || t.status >= 500) ? 'transient' : 'unknown', status: t?.status, message: `reading the meeting tag of a changed event failed with ${t?.status}` });
        changes.push({
          kind: 'upsert',
          eventId: e.id,
          meetingId: meetingIdOf(t.body as GraphEvent),
          subject: e.subject ?? '',
          start: fromGraphDateTime(e.start),
          end: fromGraphDateTime(e.end),
          isCancelled: e.isCancelled === true,
          answers: answersOf(e),
          categories: e.categories ?? [],
          location: e.location?.displayName || null,
          isOnlineMeeting: e.isOnlineMeeting === true,
          joinUrl: e.onlineMeeting?.joinUrl ?? null,
          lastModified: utcOrNull(e.lastModifiedDateTime),
        });
      }
      return { changes, cursor: link, restarted };
    },
  };
}
