import { describe, it, expect } from '@jest/globals';
import type { Forum, TermsOfReference } from '../registry/registry.model.js';
import { WorkingDayCalendar } from '../calendar/working-day.calendar.js';
import { buildAnnualWheel, buildRegionWheel } from './annual.wheel.js';

const cal = new WorkingDayCalendar();
const forum = (id: string, extra: Partial<Forum> = {}): Forum => ({ id, name: id, kind: 'x', level: 'cluster', parentId: null, region: 'Midtjylland', status: 'active', successorIds: [], channelType: 'standard', links: [], ...extra });
const terms: TermsOfReference = {
  id: 't', forumId: 'ksg', version: 1, validFrom: '2026-03-01', purpose: [], tasks: [], seats: [], continuityRequired: false,
  meetings: { perYearMin: 4, perYearMax: 4, adHoc: true, preferredWeekdays: [] }, deadlines: { closedDayPolicy: {} }, decisionMinutes: true, subGroupsAllowed: [],
  annualWheel: [{ agreement: 'Samarbejdsaftale om udskrivelse', meetingIndex: 2 }, { agreement: 'Samarbejdsaftale om hjælpemidler', meetingIndex: 7 }],
  annualStatus: { dueMonth: 10 }, evaluation: { afterMonths: 12 },
  chair: { shared: true, sides: ['hospital', 'municipality'], rotationOrder: ['viborg', 'skive'], rotatesAmongAllParties: false, firstTermStarts: '2025-07-01', evaluateAfterYears: 2 },
};
const meetings = ['2027-03-04', '2027-06-03', '2027-09-02', '2027-12-02'].map((date, i) => ({ id: `m${i}`, date, start: '13:00', end: '15:00', kind: 'ordinary' as const }));

describe('annual wheel', () => {
  const wheel = buildAnnualWheel({ forum: forum('ksg', { parentId: 'ssg' }), terms, year: 2027, meetings, calendar: cal, forumName: (id) => (id === 'ssg' ? 'Sundhedsstyregruppen' : undefined) });

  it('lists meetings with deadlines, agreements on their meeting, status, evaluation and hand-over, in date order', () => {
    const kinds = wheel.duties.map((d) => d.kind);
    expect(kinds.filter((k) => k === 'meeting')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'agenda_due')).toHaveLength(4);
    expect(wheel.duties.find((d) => d.kind === 'agreement_followup')).toMatchObject({ date: '2027-06-03', meetingId: 'm1', title: 'Opfølgning på samarbejdsaftale: Samarbejdsaftale om udskrivelse' });
    expect(wheel.unassigned).toEqual(['Samarbejdsaftale om hjælpemidler (møde 7)']);
    expect(wheel.duties.find((d) => d.kind === 'annual_status')).toMatchObject({ date: '2027-10-29', title: 'Årlig status til Sundhedsstyregruppen' });
    expect(wheel.duties.find((d) => d.kind === 'evaluation')!.date).toBe('2027-03-01');
    expect(wheel.duties.find((d) => d.kind === 'chair_handover')!.date).toBe('2027-07-01');
    expect(wheel.duties.find((d) => d.kind === 'chair_evaluation')!.date).toBe('2027-07-01');
    const dates = wheel.duties.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d.startsWith('2027-'))).toBe(true);
  });

  it('gives every duty an English title as well as the Danish one', () => {
    expect(wheel.duties.every((d) => d.titleEn && !/[æøåÆØÅ]/.test(d.titleEn.replace(/Sundhedsstyregruppen|Samarbejdsaftale om udskrivelse/g, '')))).toBe(true);
    expect(wheel.duties.find((d) => d.kind === 'meeting')).toMatchObject({ title: '1. møde kl. 13.00-15.00', titleEn: 'Meeting 1, 13:00–15:00' });
    expect(wheel.duties.find((d) => d.kind === 'items_cutoff')!.titleEn).toBe('Cut-off for agenda items (meeting 1, 4 March)');
    expect(wheel.duties.find((d) => d.kind === 'annual_status')!.titleEn).toBe('Annual status to Sundhedsstyregruppen');
  });

  it('names a joint meeting\'s other forum and a theme day\'s theme on their lines', () => {
    const names: Record<string, string> = { 'ksg-vest': 'KSG Vest', tg: 'Temagruppe Psykiatri' };
    const y = buildAnnualWheel({
      forum: forum('ksg'), year: 2027, calendar: cal, forumName: (id) => names[id],
      meetings: [
        { id: 'j', date: '2027-04-08', start: '13:00', end: '15:30', kind: 'joint', jointWithForumId: 'ksg-vest' },
        { id: 't', date: '2027-10-07', start: '09:00', end: '15:00', kind: 'theme_day', jointWithForumId: 'tg', title: 'Unge med psykisk sårbarhed' },
        { id: 'u', date: '2027-11-04', start: '09:00', end: '15:00', kind: 'theme_day' },
      ],
    });
    const line = (id: string) => y.duties.find((d) => d.meetingId === id && (d.kind === 'joint_meeting' || d.kind === 'theme_day'))!;
    expect(line('j')).toMatchObject({ kind: 'joint_meeting', title: 'Fællesmøde med KSG Vest kl. 13.00-15.30', titleEn: 'Joint meeting with KSG Vest, 13:00–15:30' });
    expect(line('t')).toMatchObject({ kind: 'theme_day', title: 'Temadag »Unge med psykisk sårbarhed« med Temagruppe Psykiatri kl. 09.00-15.00', titleEn: 'Theme day “Unge med psykisk sårbarhed” with Temagruppe Psykiatri, 09:00–15:00' });
    expect(line('u')).toMatchObject({ title: 'Temadag kl. 09.00-15.00', titleEn: 'Theme day, 09:00–15:00' });
  });

  it('gives a joint meeting and a theme day the forum\'s deadlines, as an ordinary meeting (the forum holds them)', () => {
    const y = buildAnnualWheel({
      forum: forum('ksg'), year: 2027, calendar: cal,
      meetings: [
        { id: 'o', date: '2027-04-08', start: '10:00', end: '12:00', kind: 'ordinary' },
        { id: 'j', date: '2027-04-08', start: '13:00', end: '15:30', kind: 'joint', jointWithForumId: 'ksg-vest' },
        { id: 't', date: '2027-10-07', start: '09:00', end: '15:00', kind: 'theme_day', jointWithForumId: 'tg' },
      ],
    });
    const deadlines = (id: string) => y.duties.filter((d) => d.meetingId === id && d.kind !== 'meeting' && d.kind !== 'joint_meeting' && d.kind !== 'theme_day').map((d) => [d.kind, d.date]);
    expect(deadlines('j')).toEqual(deadlines('o'));
    expect(deadlines('t').map(([k]) => k)).toEqual(['items_cutoff', 'agenda_due', 'minutes_due', 'comment_window_closes']);
    expect(y.duties.find((d) => d.meetingId === 'j' && d.kind === 'agenda_due')).toMatchObject({ title: 'Dagsorden udsendes (fællesmøde 8. april)', titleEn: 'Agenda due (joint meeting, 8 April)' });
    expect(y.duties.find((d) => d.meetingId === 't' && d.kind === 'minutes_due')!.titleEn).toBe('Minutes due (theme day, 7 October)');
    // Only ordinary and extraordinary meetings are numbered.
    expect(y.meetings.map((m) => m.sequence)).toEqual([1, undefined, undefined]);
  });

  it('names who hands the chair over to whom, in English as in Danish', () => {
    const orgNames: Record<string, string> = { viborg: 'Viborg Kommune', skive: 'Skive Kommune' };
    const named = buildAnnualWheel({ forum: forum('ksg', { parentId: 'ssg' }), terms, year: 2027, meetings, calendar: cal, organisationName: (id) => orgNames[id] });
    const handover = named.duties.find((d) => d.kind === 'chair_handover')!;
    expect(handover.title).toMatch(/^Formandsskifte: formandskabet overgår fra .+ til .+$/);
    expect(handover.titleEn).toMatch(/^Chair hand-over: from .+ to .+$/);
    const [from, to] = handover.titleEn!.replace('Chair hand-over: from ', '').split(' to ');
    expect(from).not.toBe(to);
    expect(`${from} ${to}`).toMatch(/Viborg Kommune|Skive Kommune/);
    expect(handover.titleEn).not.toMatch(/[æøåÆØÅ]/);
  });

  it('gathers a region\'s forums month by month for the secretariat', () => {
    const other = buildAnnualWheel({ forum: forum('fokus'), year: 2027, meetings: [{ date: '2027-03-11', start: '09:00', end: '11:00', kind: 'ordinary' }], calendar: cal });
    const elsewhere = buildAnnualWheel({ forum: forum('syd', { region: 'Syddanmark' }), year: 2027, meetings: [{ date: '2027-03-11', start: '09:00', end: '11:00', kind: 'ordinary' }], calendar: cal });
    const region = buildRegionWheel('Midtjylland', 2027, [wheel, other, elsewhere], [forum('ksg', { shortName: 'KSG' }), forum('fokus'), forum('syd', { region: 'Syddanmark' })]);
    const march = region.months[2]!;
    expect(march.name).toBe('marts');
    expect(new Set(march.duties.map((d) => d.forumName))).toEqual(new Set(['KSG', 'fokus']));
  });
});
