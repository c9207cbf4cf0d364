/**
 * The iCalendar feed of one forum's meetings (subscribe from Outlook or a phone).
 *
 * What it does: one VEVENT per meeting with a UID that depends only on the meeting
 * id and the host (so a re-generated feed updates events instead of duplicating
 * them), SEQUENCE from the meeting's revision, local times with TZID
 * Europe/Copenhagen and a real VTIMEZONE (from @touch4it/ical-timezones), and
 * STATUS:CANCELLED for cancelled meetings (kept in the feed so subscribers drop them).
 * What it does not do: attendees (the feed is public) or alarms. Uses ical-generator.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import type { Forum } from '../../domain/registry/registry.model.js';
import { documentZone, type DocumentLanguage } from '../../domain/documents/danish-format.js';
import { documentLabels } from '../../domain/documents/document-labels.js';

export const icalContentType = 'text/calendar; charset=utf-8';

export type ForumCalendarInput = {
  forum: Forum;
  meetings: readonly Meeting[];
  /** Host part of the UIDs, e.g. "samraad.rm.dk"; never change it once published. */
  uidDomain: string;
  /** DTSTAMP of every event: when the feed was generated. */
  now: Date;
  language?: DocumentLanguage;
  /** Link to a meeting's public page, when it has one. */
  meetingUrl?: (meeting: Meeting) => string | undefined;
};

/** The stable UID of a meeting's event. */
export function meetingUid(meetingId: string, uidDomain: string): string {
  return `meeting-${meetingId}@${uidDomain}`;
}

export function buildForumCalendar(input: ForumCalendarInput): string {
  const language = input.language ?? 'da';
  const L = documentLabels(language);
  const cal = ical({
    name: input.forum.name,
    prodId: { company: 'Samraad', product: 'Samraad', language: language === 'da' ? 'DA' : 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: documentZone, generator: getVtimezoneComponent },
  });
  const sorted = [...input.meetings].filter((m) => m.forumId === input.forum.id).sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
  for (const m of sorted) {
    const start = DateTime.fromISO(`${m.date}T${m.start}`, { zone: documentZone });
    const end = DateTime.fromISO(`${m.date}T${m.end}`, { zone: documentZone });
    // Every event says which forum it is (a calendar app mixes many feeds): a meeting's own title gets the forum's name.
    const summary = m.title
      ? m.title.includes(input.forum.name) ? m.title : `${input.forum.name}: ${m.title}`
      : m.sequence ? L.meetingNumber(m.sequence, input.forum.name) : L.meetingOf(input.forum.name);
    const location = [m.location, m.online ? L.online : undefined].filter((s): s is string => !!s).join(' / ');
    cal.createEvent({
      id: meetingUid(m.id, input.uidDomain),
      sequence: m.revision,
      stamp: input.now,
      start,
      end,
      timezone: documentZone,
      summary: m.status === 'cancelled' ? `${L.cancelled}: ${summary}` : summary,
      description: m.status === 'cancelled' && m.cancelledReason ? m.cancelledReason : undefined,
      location: location || undefined,
      url: input.meetingUrl?.(m) ?? undefined,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 3.8.7.2: DTSTAMP is in UTC, written with a trailing Z. The calendar's
  // time zone makes the library write it without one, so it is written here.
  const stamp = `DTSTAMP:${DateTime.fromJSDate(input.now, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss")}Z`;
  return cal.toString().replace(/^DTSTAMP:[^\r\n]*/gm, stamp);
}
