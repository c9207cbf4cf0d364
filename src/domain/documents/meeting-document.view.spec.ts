import { describe, expect, it } from '@jest/globals';
import { buildMeetingDocument, paragraphs } from './meeting-document.view.js';
import { formatLocalDate, formatTimeRange, meetingInstants } from './danish-format.js';
import { items, meeting, minutesInput } from '../../../test/documents/meeting.fixture.js';

describe('Danish formatting', () => {
  it('writes dates and times the Danish way', () => {
    expect(formatLocalDate('2020-05-06', 'da')).toBe('6. maj 2020');
    expect(formatLocalDate('2020-05-06', 'en')).toBe('6 May 2020');
    expect(formatTimeRange(14 * 60, 16 * 60, 'da')).toBe('kl. 14.00 – 16.00');
    expect(formatTimeRange(9 * 60 + 5, 10 * 60, 'en')).toBe('09:05 – 10:00');
  });
  it('gives Copenhagen offsets on both sides of the DST change', () => {
    expect(meetingInstants('2020-03-28', '14:00', '16:00').start).toBe('2020-03-28T14:00:00.000+01:00');
    expect(meetingInstants('2020-03-30', '14:00', '16:00').start).toBe('2020-03-30T14:00:00.000+02:00');
  });
});

describe('buildMeetingDocument', () => {
  const view = buildMeetingDocument(minutesInput());
  const field = (key: string) => view.header.find((h) => h.key === key)!;

  it('fills the header as the seeds do', () => {
    expect(view.subject).toBe('4. møde i Klyngestyregruppen for Midtklyngen');
    expect(field('date').lines).toEqual(['6. maj 2020']);
    expect(field('time').lines).toEqual(['kl. 14.00 – 16.00']);
    expect(field('place').lines).toEqual(['Regionshospitalet Viborg, mødelokale 3']);
    expect(field('minuteTaker').lines[0]).toMatch(/^Erik Holm, konsulent, Regionshospitalet Viborg \(sekretariat\)$/);
    expect(field('chairOfMeeting').lines[0]).toContain('Anne Sørensen');
    expect(view.header.map((h) => h.label)).toEqual(['Emne', 'Deltagere', 'Afbud', 'Mødedato', 'Tidspunkt', 'Sted', 'Referent', 'Ordstyrer']);
  });

  it('lists participants with title, organisation and role, and the apologies', () => {
    const p = field('participants').lines;
    expect(p).toContain('Anne Sørensen, hospitalsdirektør, Regionshospitalet Viborg (regional medformand)');
    expect(p).toContain('Bjørn Ægidius, direktør for sundhed og omsorg, Viborg Kommune (kommunal medformand)');
    expect(p).toContain('Gustav Ravn, PLO Midtjylland (stedfortræder for Dorthe Lund)');
    // Frida said yes but was recorded absent on the day: the record wins.
    expect(p.some((l) => l.startsWith('Frida Dahl'))).toBe(false);
    const a = field('apologies').lines;
    expect(a).toContain('Cecilie Østergaard, sundhedschef, Skive Kommune');
    expect(a).toContain('Frida Dahl, chefkonsulent, Viborg Kommune');
    expect(a).toContain('Dorthe Lund, praktiserende læge, PLO Midtjylland (stedfortræder: Gustav Ravn)');
  });

  it('lists a member who sends an unnamed substitute under apologies', () => {
    const v = buildMeetingDocument(minutesInput({ attendance: [{ meetingId: meeting.id, personId: 'p3', answer: 'substitute' }] }));
    expect(v.participants).toEqual([]);
    expect(v.apologies.map((p) => p.name)).toEqual(['Cecilie Østergaard']);
  });

  it("puts the note given with apologies or a substitute after the name under Afbud, never a participant's", () => {
    const v = buildMeetingDocument(
      minutesInput({
        attendance: [
          { meetingId: meeting.id, personId: 'p3', answer: 'apologies', note: 'på ferie' },
          { meetingId: meeting.id, personId: 'p4', answer: 'substitute', substituteName: 'Gustav Ravn', note: 'kursus' },
          { meetingId: meeting.id, personId: 'p1', answer: 'apologies', note: 'syg', present: true },
        ],
      }),
    );
    const a = v.header.find((h) => h.key === 'apologies')!.lines;
    expect(a).toContain('Cecilie Østergaard, sundhedschef, Skive Kommune (på ferie)');
    expect(a).toContain('Dorthe Lund, praktiserende læge, PLO Midtjylland (stedfortræder: Gustav Ravn; kursus)');
    // Present on the day after all: a participant, and the note is not shown.
    expect(v.header.find((h) => h.key === 'participants')!.lines.join('\n')).not.toMatch(/syg/);
  });

  it('computes each item time from the start and the earlier items', () => {
    expect(view.items.map((i) => i.timeText)).toEqual([
      'kl. 14.00 – 14.05',
      'kl. 14.05 – 14.20',
      'kl. 14.20 – 14.40',
      'kl. 14.40 – 15.05',
      'kl. 15.05 – 15.20',
      'kl. 15.20 – 15.40',
      'kl. 15.40 – 15.45',
      'kl. 15.45 – 15.55',
    ]);
    expect(view.timing).toEqual({ meetingMinutes: 120, plannedMinutes: 115, overrunMinutes: 0 });
  });

  it('orders by position, not by array order, and numbers from 1', () => {
    const v = buildMeetingDocument(minutesInput({ items: [...items].reverse() }));
    expect(v.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(v.items[0]!.title).toBe('Velkomst og godkendelse af dagsorden');
  });

  it('words recommendations, decisions, tasks and attachments', () => {
    const i3 = view.items[2]!;
    expect(i3.recommendationLabel).toBe('Det indstilles:');
    expect(i3.decisionLabel).toBe('Beslutning');
    expect(view.items[1]!.decisionLabel).toBe('Referat');
    expect(i3.attachments.map((a) => a.text)).toEqual(['Bilag 3.1: Forløbsprogram KOL.pdf (12 sider)', 'Bilag 3.2: Økonomi & tal.xlsx']);
    expect(view.attachments.map((a) => a.label)).toEqual(['Bilag 3.1', 'Bilag 3.2', 'Bilag 6.1']);
    expect(view.items[4]!.tasks[0]!.text).toBe(
      'Opgave: Udarbejde forslag til fælles indikatorer. Ansvarlig: Driftsforum for Ældre. Frist: 1. september 2020. Afrapporteres til: Klyngestyregruppen for Midtklyngen.',
    );
    expect(view.items[3]!.presenterText).toBe('Oplæg ved: Anne Sørensen og Bjørn Ægidius');
    expect(view.statusLine).toBe('Godkendt 20. maj 2020, version 2');
  });

  it('leaves decisions and tasks out of an agenda', () => {
    const v = buildMeetingDocument(minutesInput({ kind: 'agenda' }));
    expect(v.heading).toBe('Dagsorden');
    expect(v.items.every((i) => i.decision.length === 0 && i.tasks.length === 0)).toBe(true);
    expect(v.items[0]!.recommendations.length).toBe(2);
  });

  it("names the forum in a meeting's own title (a theme day is not just 'Temadag' on a public page or in Word)", () => {
    const base = minutesInput();
    const themeDay = buildMeetingDocument({ ...base, meeting: { ...base.meeting, title: 'Temadag' } });
    expect(themeDay.subject).toBe('Klyngestyregruppen for Midtklyngen: Temadag');
    const named = buildMeetingDocument({ ...base, meeting: { ...base.meeting, title: 'Temadag i Klyngestyregruppen for Midtklyngen' } });
    expect(named.subject).toBe('Temadag i Klyngestyregruppen for Midtklyngen');
  });

  it('speaks English when asked', () => {
    const v = buildMeetingDocument(minutesInput({ language: 'en' }));
    expect(v.subject).toBe('Meeting no. 4 of Klyngestyregruppen for Midtklyngen');
    expect(v.header.find((h) => h.key === 'date')!.lines).toEqual(['6 May 2020']);
    expect(v.items[2]!.recommendationLabel).toBe('It is recommended:');
    expect(v.languageTag).toBe('en-GB');
    // The standard items by their key, as the tab shows them; the forum's own items as written; Danish unchanged.
    expect(v.items.map((i) => i.title)).toEqual([
      'Welcome (Velkomst og godkendelse af dagsorden)', 'Status på sundhedsaftalen 2019-2023', 'Forløbsprogram for KOL',
      'Samarbejdsaftale om ældre medicinske patienter', 'Indikatorer for genindlæggelser', 'Årsstatus til Sundhedsstyregruppen', 'Next meeting', 'Any other business',
    ]);
    expect(view.items.map((i) => i.title).slice(6)).toEqual(['Næste møde', 'Eventuelt']);
  });

  it('reports an overrun and a cancelled meeting', () => {
    const v = buildMeetingDocument(minutesInput({ meeting: { ...meeting, end: '15:00', status: 'cancelled', cancelledReason: 'for få tilmeldte' } }));
    expect(v.timing.overrunMinutes).toBe(55);
    expect(v.statusLine).toBe('Aflyst: for få tilmeldte');
  });

  it('splits paragraphs at blank lines', () => {
    expect(paragraphs('a\nb\n\n\n c \r\n\r\nd')).toEqual(['a\nb', 'c', 'd']);
  });
});
