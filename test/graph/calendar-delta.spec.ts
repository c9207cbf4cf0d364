/**
 * Outlook -> Samraad: a secretary moves or cancels a tagged event in Outlook (the
 * emulator's `outlook` actions); the next calendarView/delta of that mailbox reports
 * it with our meeting id, in UTC, across the DST change.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphEmulator } from '../../emulator/graph/server.js';
import type { GraphAdapter } from '../../src/adapters/graph/graph.adapter.js';
import { MEETING_ID_PROPERTY } from '../../src/adapters/graph/calendar.graph.js';
import { meetingSpec, SECRETARY, setUp } from './graph.fixture.js';

const WINDOW = { start: '2027-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' };

describe('calendar delta after Outlook-side changes', () => {
  let emu: GraphEmulator;
  let graph: GraphAdapter;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ emu, graph, close } = await setUp());
  });
  afterAll(async () => close());

  it('reports a moved event with its meeting id, then a cancelled one as removed', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => graph.calendar.upsertEvent(meetingSpec(i))));
    // Initial sync: 12 events over two pages (the emulator pages by 10).
    const first = await graph.calendar.delta(SECRETARY, null, WINDOW);
    expect(first.changes).toHaveLength(12);
    expect(first.changes.every((c) => c.kind === 'upsert' && c.meetingId?.startsWith('meeting-'))).toBe(true);
    expect(emu.requests.some((r) => r.url.includes('$skiptoken='))).toBe(true);

    // Nothing changed: empty delta.
    const idle = await graph.calendar.delta(SECRETARY, first.cursor, WINDOW);
    expect(idle.changes).toEqual([]);

    // The secretary moves meeting-3 in Outlook across the DST change (summer time from 28 March 2027).
    emu.outlook.moveEvent(SECRETARY, created[3]!.eventId, { dateTime: '2027-04-06T10:00:00', timeZone: 'Romance Standard Time' }, { dateTime: '2027-04-06T12:00:00', timeZone: 'Romance Standard Time' });
    const moved = await graph.calendar.delta(SECRETARY, idle.cursor, WINDOW);
    expect(moved.changes).toEqual([
      expect.objectContaining({ kind: 'upsert', eventId: created[3]!.eventId, meetingId: 'meeting-3', subject: expect.any(String), start: '2027-04-06T08:00:00.000Z', end: '2027-04-06T10:00:00.000Z', isCancelled: false, answers: [] }),
    ]);

    // ... and cancels meeting-5.
    emu.outlook.cancelEvent(SECRETARY, created[5]!.eventId);
    const cancelled = await graph.calendar.delta(SECRETARY, moved.cursor, WINDOW);
    expect(cancelled.changes).toEqual([{ kind: 'removed', eventId: created[5]!.eventId }]);
    expect(emu.state.mailboxes[SECRETARY]!.cancellations.map((c) => c.eventId)).toEqual([created[5]!.eventId]);
    expect(emu.failures).toEqual([]);
  });

  it('picks up an event created in Outlook with our tag, and ignores the tag on untagged events', async () => {
    const { cursor } = await graph.calendar.delta(SECRETARY, null, WINDOW);
    const post = (body: unknown) =>
      fetch(`${emu.graphBaseUrl}/users/${encodeURIComponent(SECRETARY)}/events`, { method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ id: string }>);
    const base = { start: { dateTime: '2027-05-04T09:00:00', timeZone: 'Romance Standard Time' }, end: { dateTime: '2027-05-04T10:00:00', timeZone: 'Romance Standard Time' } };
    const tagged = await post({ ...base, subject: 'Planlagt i Outlook', singleValueExtendedProperties: [{ id: MEETING_ID_PROPERTY, value: 'meeting-new' }] });
    const plain = await post({ ...base, subject: 'Frokost' });
    const d = await graph.calendar.delta(SECRETARY, cursor, WINDOW);
    const byId = new Map(d.changes.map((c) => [c.eventId, c]));
    expect(byId.get(tagged.id)).toMatchObject({ kind: 'upsert', meetingId: 'meeting-new', start: '2027-05-04T07:00:00.000Z' });
    expect(byId.get(plain.id)).toMatchObject({ kind: 'upsert', meetingId: null });
    expect(emu.failures).toEqual([]);
  });

  it('starts over when the stored cursor is no longer valid', async () => {
    const bad = `${emu.graphBaseUrl}/users/${encodeURIComponent(SECRETARY)}/calendarView/delta?$deltatoken=not-a-token`;
    const d = await graph.calendar.delta(SECRETARY, bad, WINDOW);
    expect(d.restarted).toBe(true);
    expect(d.changes.length).toBeGreaterThan(0);
  });
});
