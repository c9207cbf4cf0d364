/**
 * Composition check: a forum's memberships on a given day held against the seats
 * of its terms of reference.
 *
 * What it does: counts the members (member, chair, co-chair) by the organisation
 * they represent (else the organisation of the person), seat by seat: an
 * organisation seat, a sector seat in total, or a sector seat per organisation of
 * the forum's cluster ("1 fra hver kommune i klyngen"); reports vacant seats (below
 * min), too many from one party (above max), members of parties without a seat,
 * a missing co-chair per side of a shared chairmanship, a missing secretariat, and
 * "at least one continuous member" when the terms require it. Every finding has a
 * code and params (for any UI), and ready Danish and English sentences.
 *
 * What it does not do yet: match the free-text role of a seat ("direktør",
 * "leder") against a person's title; a seat's role is shown, not checked.
 */
import type { ChairSide, Forum, Membership, MembershipRole, Organisation, Person, Seat, TermsOfReference } from '../registry/registry.model.js';
import { addMonths, formatDanishDate } from '../calendar/working-day.calendar.js';

export const findingCodes = [
  'seat_vacant',
  'seat_over',
  'member_without_seat',
  'continuity_missing',
  'chair_side_missing',
  'secretariat_missing',
  'seat_organisation_unknown',
] as const;
export type FindingCode = (typeof findingCodes)[number];

export type Finding = {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  params: Record<string, string | number>;
  da: string;
  en: string;
  seatIndex?: number;
  organisationId?: string;
};

export type CompositionInput = {
  forum: Forum;
  terms: TermsOfReference;
  memberships: readonly Membership[];
  organisations: readonly Organisation[];
  people?: readonly Person[];
  /** The day to check, YYYY-MM-DD. */
  on: string;
  /** A member is "continuous" when they have sat this long (default 12 months). */
  continuityMonths?: number;
};

const seatedRoles: ReadonlySet<MembershipRole> = new Set(['member', 'chair', 'co_chair']);
const sectorDa: Record<Organisation['kind'], string> = {
  municipality: 'kommune',
  hospital: 'hospital',
  psychiatry: 'psykiatrien',
  region_administration: 'regionen',
  general_practice: 'almen praksis',
  other: 'anden organisation',
};
const sideDa: Record<ChairSide, string> = { hospital: 'hospitalet', region: 'regionen', municipality: 'kommunerne', psychiatry: 'psykiatrien', general_practice: 'almen praksis' };

function range(seat: Seat): string {
  if (seat.min !== null && seat.max !== null) return seat.min === seat.max ? `${seat.min}` : `${seat.min}-${seat.max}`;
  if (seat.min !== null) return `mindst ${seat.min}`;
  if (seat.max !== null) return `højst ${seat.max}`;
  return 'et antal';
}
function rangeEn(seat: Seat): string {
  if (seat.min !== null && seat.max !== null) return seat.min === seat.max ? `${seat.min}` : `${seat.min}-${seat.max}`;
  if (seat.min !== null) return `at least ${seat.min}`;
  if (seat.max !== null) return `at most ${seat.max}`;
  return 'some';
}

export function checkComposition(input: CompositionInput): Finding[] {
  const { forum, terms, on } = input;
  const findings: Finding[] = [];
  const orgs = new Map(input.organisations.map((o) => [o.id, o]));
  const personOrg = new Map((input.people ?? []).map((p) => [p.id, p.organisationId]));
  const active = input.memberships.filter((m) => m.forumId === forum.id && m.from <= on && (!m.to || m.to >= on));
  const seated = active.filter((m) => seatedRoles.has(m.role));
  const orgOf = (m: Membership) => m.representingOrganisationId ?? personOrg.get(m.personId);
  const orgName = (id: string) => orgs.get(id)?.name ?? id;
  const covered = new Set<string>();
  const coveredKinds = new Set<Organisation['kind']>();

  const inForumArea = (o: Organisation) =>
    (!o.region || o.region === forum.region) && (!forum.cluster || !o.cluster || o.cluster === forum.cluster);

  const count = (seat: Seat, seatIndex: number, label: { da: string; en: string }, members: Membership[], organisationId?: string) => {
    const n = new Set(members.map((m) => m.personId)).size;
    const role = seat.role ? ` (${seat.role})` : '';
    const base = { seatIndex, ...(organisationId ? { organisationId } : {}) };
    if (seat.min !== null && n < seat.min) {
      findings.push({
        ...base, code: 'seat_vacant', severity: 'warning',
        params: { party: label.da, count: n, min: seat.min, missing: seat.min - n },
        da: `${label.da}${role}: ${n} medlem${n === 1 ? '' : 'mer'}, kommissoriet siger ${range(seat)}; ${seat.min - n} ${seat.min - n === 1 ? 'plads er' : 'pladser er'} ledig${seat.min - n === 1 ? '' : 'e'}`,
        en: `${label.en}${role}: ${n} member${n === 1 ? '' : 's'}, the terms say ${rangeEn(seat)}; ${seat.min - n} seat${seat.min - n === 1 ? ' is' : 's are'} vacant`,
      });
    }
    if (seat.max !== null && n > seat.max) {
      findings.push({
        ...base, code: 'seat_over', severity: 'warning',
        params: { party: label.da, count: n, max: seat.max, extra: n - seat.max },
        da: `${label.da}${role}: ${n} medlemmer, kommissoriet siger ${range(seat)}; ${n - seat.max} for mange`,
        en: `${label.en}${role}: ${n} members, the terms say ${rangeEn(seat)}; ${n - seat.max} too many`,
      });
    }
  };

  terms.seats.forEach((seat, i) => {
    if (seat.party.kind === 'organisation') {
      const id = seat.party.organisationId;
      covered.add(id);
      if (!orgs.has(id)) {
        findings.push({ code: 'seat_organisation_unknown', severity: 'error', seatIndex: i, organisationId: id, params: { organisationId: id }, da: `Pladsen er givet til en ukendt organisation (${id})`, en: `The seat names an unknown organisation (${id})` });
      }
      count(seat, i, { da: orgName(id), en: orgName(id) }, seated.filter((m) => orgOf(m) === id), id);
      return;
    }
    const kind = seat.party.sector;
    coveredKinds.add(kind);
    const area = input.organisations.filter((o) => o.kind === kind && inForumArea(o));
    for (const o of area) covered.add(o.id);
    if (seat.party.perOrganisation) {
      for (const o of area) count(seat, i, { da: o.name, en: o.name }, seated.filter((m) => orgOf(m) === o.id), o.id);
    } else {
      const ids = new Set(area.map((o) => o.id));
      const members = seated.filter((m) => {
        const id = orgOf(m);
        return id !== undefined && (ids.has(id) || orgs.get(id)?.kind === kind);
      });
      count(seat, i, { da: `Samlet fra ${sectorDa[kind]}`, en: `In total from ${kind.replace('_', ' ')}` }, members);
    }
  });

  if (terms.seats.length > 0) {
    const without = new Map<string, number>();
    for (const m of seated) {
      const id = orgOf(m);
      if (!id || covered.has(id)) continue;
      if (coveredKinds.has(orgs.get(id)?.kind ?? 'other') && !orgs.get(id)?.cluster) continue;
      without.set(id, (without.get(id) ?? 0) + 1);
    }
    for (const [id, n] of without) {
      findings.push({
        code: 'member_without_seat', severity: 'info', organisationId: id, params: { party: orgName(id), count: n },
        da: `${orgName(id)} har ${n} medlem${n === 1 ? '' : 'mer'}, men ingen plads i kommissoriet`,
        en: `${orgName(id)} has ${n} member${n === 1 ? '' : 's'} but no seat in the terms of reference`,
      });
    }
  }

  if (terms.continuityRequired && seated.length > 0) {
    const months = input.continuityMonths ?? 12;
    const since = addMonths(on, -months);
    if (!seated.some((m) => m.from <= since)) {
      findings.push({
        code: 'continuity_missing', severity: 'warning', params: { months, since },
        da: `Ingen medlemmer har siddet siden ${formatDanishDate(since)}; kommissoriet kræver mindst én gennemgående person`,
        en: `No member has sat since ${since}; the terms require at least one continuous member`,
      });
    }
  }

  if (terms.chair?.shared) {
    for (const side of terms.chair.sides) {
      if (!active.some((m) => (m.role === 'co_chair' || m.role === 'chair') && m.side === side)) {
        findings.push({
          code: 'chair_side_missing', severity: 'warning', params: { side },
          da: `Der er ingen medformand for ${sideDa[side]}`,
          en: `There is no co-chair for the ${side.replace('_', ' ')} side`,
        });
      }
    }
  }
  if (terms.secretariat && !active.some((m) => m.role === 'secretary')) {
    findings.push({ code: 'secretariat_missing', severity: 'warning', params: {}, da: 'Forummet har ingen sekretær', en: 'The forum has no secretary' });
  }
  return findings;
}
