import { describe, it, expect } from '@jest/globals';
import type { Forum, Membership, Organisation, Person, TermsOfReference } from '../registry/registry.model.js';
import { checkComposition } from './composition.check.js';

const forum: Forum = { id: 'ksg', name: 'Klyngestyregruppe Midt', kind: 'cluster', level: 'cluster', parentId: null, region: 'Midtjylland', cluster: 'Midt', status: 'active', successorIds: [], channelType: 'standard', links: [] };
const orgs: Organisation[] = [
  { id: 'hem', name: 'Hospitalsenhed Midt', kind: 'hospital', region: 'Midtjylland', cluster: 'Midt' },
  { id: 'viborg', name: 'Viborg Kommune', kind: 'municipality', region: 'Midtjylland', cluster: 'Midt' },
  { id: 'skive', name: 'Skive Kommune', kind: 'municipality', region: 'Midtjylland', cluster: 'Midt' },
  { id: 'aarhus', name: 'Aarhus Kommune', kind: 'municipality', region: 'Midtjylland', cluster: 'Aarhus' },
  { id: 'plo', name: 'PLO Midtjylland', kind: 'general_practice', region: 'Midtjylland' },
];
const terms: TermsOfReference = {
  id: 't', forumId: 'ksg', version: 1, validFrom: '2020-01-01', purpose: [], tasks: [], continuityRequired: true,
  seats: [
    { party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, role: 'direktør', min: 1, max: 1 },
    { party: { kind: 'organisation', organisationId: 'hem' }, min: 2, max: 3 },
  ],
  chair: { shared: true, sides: ['hospital', 'municipality'], rotationOrder: [], rotatesAmongAllParties: false },
  secretariat: { shared: true, followsChair: false },
  meetings: { perYearMin: 4, perYearMax: 4, adHoc: true, preferredWeekdays: [] }, deadlines: { closedDayPolicy: {} }, decisionMinutes: true, subGroupsAllowed: [], annualWheel: [],
};
const ms = (id: string, org: string, extra: Partial<Membership> = {}): Membership => ({ id, personId: `p-${id}`, forumId: 'ksg', role: 'member', representingOrganisationId: org, from: '2026-06-01', ...extra });

describe('checkComposition', () => {
  it('finds vacant seats, too many from one party, members without a seat, missing co-chair, secretary and continuity', () => {
    const findings = checkComposition({
      forum, terms, organisations: orgs, on: '2027-01-15',
      memberships: [ms('1', 'viborg', { role: 'co_chair', side: 'municipality' }), ms('2', 'viborg'), ms('3', 'hem'), ms('4', 'plo'), ms('5', 'skive', { to: '2026-12-31' })],
    });
    const codes = findings.map((f) => `${f.code}:${f.organisationId ?? f.params.side ?? ''}`);
    expect(codes).toEqual(expect.arrayContaining(['seat_over:viborg', 'seat_vacant:skive', 'seat_vacant:hem', 'member_without_seat:plo', 'chair_side_missing:hospital', 'secretariat_missing:', 'continuity_missing:']));
    expect(codes).not.toContain('seat_vacant:aarhus'); // another cluster
    const viborg = findings.find((f) => f.code === 'seat_over')!;
    expect(viborg.da).toBe('Viborg Kommune (direktør): 2 medlemmer, kommissoriet siger 1; 1 for mange');
    expect(viborg.en).toBe('Viborg Kommune (direktør): 2 members, the terms say 1; 1 too many');
    expect(findings.find((f) => f.code === 'seat_vacant' && f.organisationId === 'hem')!.params).toEqual({ party: 'Hospitalsenhed Midt', count: 1, min: 2, missing: 1 });
  });

  it('is silent for a forum that matches its terms', () => {
    const findings = checkComposition({
      forum, terms, organisations: orgs, on: '2027-01-15',
      memberships: [
        ms('1', 'viborg', { role: 'co_chair', side: 'municipality', from: '2024-01-01' }), ms('2', 'skive'), ms('3', 'hem', { role: 'co_chair', side: 'hospital' }), ms('4', 'hem'),
        ms('5', 'hem', { role: 'secretary' }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('gives each member one seat by matching the title to the seat role, as in a cluster steering group', () => {
    const ksgTerms: TermsOfReference = {
      ...terms,
      continuityRequired: false,
      chair: undefined,
      secretariat: undefined,
      seats: [
        { party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, role: 'direktør', min: 1, max: 1 },
        { party: { kind: 'sector', sector: 'municipality', perOrganisation: false }, role: 'sundheds- og ældrechef', min: 2, max: 3 },
        { party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, role: 'konsulent/sekretariat', min: 1, max: 1 },
      ],
    } as TermsOfReference;
    const people: Person[] = [
      { id: 'p-1', name: 'A', title: 'Kommunaldirektør', organisationId: 'viborg', hasTeams: true },
      { id: 'p-2', name: 'B', title: 'Sundhedschef', organisationId: 'viborg', hasTeams: true },
      { id: 'p-3', name: 'C', title: 'Sundheds- og omsorgsdirektør', organisationId: 'skive', hasTeams: true },
      { id: 'p-4', name: 'D', title: 'Ældrechef', organisationId: 'skive', hasTeams: true },
      { id: 'p-5', name: 'E', title: 'Konsulent, klyngesekretariat', organisationId: 'viborg', hasTeams: true },
    ];
    const findings = checkComposition({
      forum, terms: ksgTerms, organisations: orgs, people, on: '2027-01-15',
      memberships: [ms('1', 'viborg'), ms('2', 'viborg'), ms('3', 'skive'), ms('4', 'skive'), ms('5', 'viborg', { role: 'secretary' })],
    });
    // Two people from each municipality, but a director and a chef each: nobody is "too many".
    expect(findings.filter((f) => f.code === 'seat_over')).toEqual([]);
    // Viborg's secretary fills Viborg's secretariat seat; Skive's is vacant.
    expect(findings.map((f) => `${f.code}:${f.seatIndex}:${f.organisationId ?? ''}`)).toEqual(['seat_vacant:2:skive']);
  });

  it('still finds too many when two directors sit for one municipality', () => {
    const people: Person[] = [
      { id: 'p-1', name: 'A', title: 'Kommunaldirektør', organisationId: 'viborg', hasTeams: true },
      { id: 'p-2', name: 'B', title: 'Direktør for Sundhed og Omsorg', organisationId: 'viborg', hasTeams: true },
    ];
    const findings = checkComposition({ forum, terms, organisations: orgs, people, on: '2027-01-15', memberships: [ms('1', 'viborg'), ms('2', 'viborg')] });
    expect(findings.find((f) => f.code === 'seat_over')?.organisationId).toBe('viborg');
  });
});
