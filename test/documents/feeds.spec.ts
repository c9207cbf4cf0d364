import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { DOMParser } from '@xmldom/xmldom';
import { buildForumCalendar, meetingUid } from '../../src/adapters/documents/forum.ical-feed.js';
import { buildMinutesFeeds } from '../../src/adapters/documents/minutes.feed.js';
import type { Meeting } from '../../src/domain/meetings/meeting.model.js';
import { forum, meeting } from './meeting.fixture.js';

const winter: Meeting = { ...meeting, id: 'mtg-winter', date: '2020-01-15', start: '09:00', end: '11:30', sequence: 1, status: 'held', online: true, location: undefined };
const cancelled: Meeting = { ...meeting, id: 'mtg-cancel', date: '2020-10-28', sequence: 6, status: 'cancelled', cancelledReason: 'Aflyst pga. COVID-19' };
const now = new Date('2020-11-01T10:00:00Z');

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  // Register the feed's own VTIMEZONE so ical.js converts with it, as a client would.
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp;
}

describe('forum iCalendar feed', () => {
  const ics = buildForumCalendar({ forum, meetings: [cancelled, meeting, winter], uidDomain: 'samraad.example.dk', now, meetingUrl: (m) => `https://samraad.example.dk/m/${m.id}` });
  const cal = parse(ics);
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('round-trips through ical.js with Copenhagen local times on both sides of DST', () => {
    expect(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    expect(events.map((e) => e.uid)).toEqual([meetingUid('mtg-winter', 'samraad.example.dk'), meetingUid(meeting.id, 'samraad.example.dk'), meetingUid('mtg-cancel', 'samraad.example.dk')]);
    const [w, s] = events;
    expect(w!.startDate.zone!.tzid).toBe('Europe/Copenhagen');
    expect(w!.startDate.toString()).toBe('2020-01-15T09:00:00');
    expect(w!.startDate.toUnixTime()).toBe(Date.parse('2020-01-15T08:00:00Z') / 1000);
    expect(s!.startDate.toUnixTime()).toBe(Date.parse('2020-05-06T12:00:00Z') / 1000);
    expect(s!.endDate.toUnixTime()).toBe(Date.parse('2020-05-06T14:00:00Z') / 1000);
    expect(s!.summary).toBe('4. møde i Klyngestyregruppen for Midtklyngen');
    expect(s!.location).toBe('Regionshospitalet Viborg, mødelokale 3');
    expect(w!.location).toBe('Online (Teams)');
    expect(s!.sequence).toBe(3);
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Copenhagen:20200506T140000/);
  });

  it('marks cancelled meetings STATUS:CANCELLED and keeps the others confirmed', () => {
    const status = events.map((e) => e.component.getFirstPropertyValue('status'));
    expect(status).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(events[2]!.summary).toBe('Aflyst: 6. møde i Klyngestyregruppen for Midtklyngen');
  });

  it('gives the same UIDs when generated again after a change', () => {
    const again = parse(buildForumCalendar({ forum, meetings: [{ ...meeting, start: '13:00', revision: 4 }], uidDomain: 'samraad.example.dk', now }));
    const e = new ICAL.Event(again.getFirstSubcomponent('vevent')!);
    expect(e.uid).toBe(events[1]!.uid);
    expect(e.sequence).toBe(4);
  });
});

describe('published minutes feeds', () => {
  const entries = [
    { meetingId: 'a', version: 1, forumName: 'Klyngestyregruppen', title: 'Referat: 3. møde & mere', publishedAt: new Date('2020-03-01T10:00:00Z'), url: 'https://x.dk/m/a', docxUrl: 'https://x.dk/m/a.docx' },
    { meetingId: 'b', version: 2, forumName: 'Temagruppe <Ældre>', title: 'Referat: 4. møde', publishedAt: new Date('2020-05-20T10:00:00Z'), url: 'https://x.dk/m/b' },
  ];
  const { rss, atom } = buildMinutesFeeds({ title: 'Referater, Region Midtjylland', siteUrl: 'https://x.dk', rssUrl: 'https://x.dk/rss.xml', atomUrl: 'https://x.dk/atom.xml', entries });
  // xmldom 0.8 reports malformed XML as warnings, so every warning counts as an error here.
  const xml = (s: string) => {
    const errors: string[] = [];
    const record = (m: unknown) => errors.push(String(m));
    const doc = new DOMParser({ errorHandler: { warning: record, error: record, fatalError: record } }).parseFromString(s, 'text/xml');
    expect(errors).toEqual([]);
    return doc;
  };

  it('the XML check itself catches malformed XML', () => {
    const errors: string[] = [];
    const record = (m: unknown) => errors.push(String(m));
    try {
      new DOMParser({ errorHandler: { warning: record, error: record, fatalError: record } }).parseFromString('<rss><a></b></rss>', 'text/xml');
    } catch (e) {
      record(e);
    }
    expect(errors.length).toBeGreaterThan(0);
  });

  it('RSS 2.0 has a channel with the newest item first', () => {
    const doc = xml(rss);
    expect(doc.documentElement!.tagName).toBe('rss');
    expect(doc.documentElement!.getAttribute('version')).toBe('2.0');
    const titles = Array.from(doc.getElementsByTagName('item')).map((i) => i.getElementsByTagName('title')[0]!.textContent);
    expect(titles).toEqual(['Referat: 4. møde', 'Referat: 3. møde & mere']);
    expect(doc.getElementsByTagName('language')[0]!.textContent).toBe('da');
    expect(doc.getElementsByTagName('enclosure')[0]!.getAttribute('url')).toBe('https://x.dk/m/a.docx');
  });

  it('Atom has entries with stable ids and updated times', () => {
    const doc = xml(atom);
    expect(doc.documentElement!.tagName).toBe('feed');
    expect(doc.documentElement!.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const ids = Array.from(doc.getElementsByTagName('entry')).map((e) => e.getElementsByTagName('id')[0]!.textContent);
    expect(ids).toEqual(['https://x.dk/m/b#v2', 'https://x.dk/m/a#v1']);
    expect(doc.getElementsByTagName('updated')[0]!.textContent).toBe('2020-05-20T10:00:00.000Z');
  });
});
