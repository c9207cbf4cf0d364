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
 * When several seats are open to the same member (a municipality's "direktør"
 * seat and the municipalities' "sundheds- og ældrechef" seats), each member takes
 * one seat only: the one whose role shares a Danish head noun with the person's
 * title ("Kommunaldirektør" and "Sundheds- og omsorgsdirektør" are directors,
 * "Ældrechef" a chef) and, between equals, names the person's field of work
 * ("Sundhedschef" for a seat "fra sundhedsområdet"), else a seat that still has room. A secretary counts only
 * for a seat whose role names the secretariat ("konsulent/sekretariat").
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

/**
 * Head nouns of Danish role names. Danish compounds put the head last
 * ("omsorgsdirektør", "praksiskonsulent"), so a title word matches a head when it
 * ends with it; a seat's role matches when it contains it.
 */
const roleHeads = ['direktør', 'chef', 'leder', 'ledelse', 'konsulent', 'sekretariat', 'koordinator', 'overlæge', 'læge', 'sygeplejerske', 'formand', 'medarbejder', 'repræsentant'] as const;
const SECRETARIAT_HEADS = new Set(['sekretariat']);
/** Fields of work, as stems: a tie between seats goes to the one naming the person's field. */
const fieldStems = ['sundhed', 'ældre', 'omsorg', 'social', 'handicap', 'psykiatri', 'beskæftigelse', 'jobcenter', 'arbejdsmarked', 'børn', 'unge', 'forebyggelse', 'kvalitet', 'praksis', 'hospital'] as const;
function fieldsOf(text: string | undefined): Set<string> {
  const t = (text ?? '').toLowerCase();
  return new Set(fieldStems.filter((f) => t.includes(f)));
}

export function headsOfSeatRole(role: string | undefined): Set<string> {
  const r = (role ?? '').toLowerCase();
  return new Set(roleHeads.filter((h) => r.includes(h)));
}
export function headsOfTitle(title: string | undefined): Set<string> {
  // "Konsulent, klyngesekretariat": the part before the first comma is the job; the rest is where.
  const job = (title ?? '').toLowerCase().split(',')[0] ?? '';
  const words = job.split(/[^a-zæøåéü]+/).filter(Boolean);
  // The longest head that ends the word wins: "overlæge" is not also a "læge".
  const heads = words.map((w) => [...roleHeads].filter((h) => w.endsWith(h)).sort((a, b) => b.length - a.length)[0]).filter((h): h is (typeof roleHeads)[number] => !!h);
  return new Set(heads);
}
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

  // The parties each seat is open to, and (for a seat per organisation) its instance per organisation.
  type Slot = { seat: Seat; index: number; organisationId?: string; label: { da: string; en: string }; heads: Set<string>; members: Membership[]; covers: (orgId: string | undefined) => boolean };
  const slots: Slot[] = [];
  terms.seats.forEach((seat, i) => {
    const heads = headsOfSeatRole(seat.role);
    if (seat.party.kind === 'organisation') {
      const id = seat.party.organisationId;
      covered.add(id);
      if (!orgs.has(id)) {
        findings.push({ code: 'seat_organisation_unknown', severity: 'error', seatIndex: i, organisationId: id, params: { organisationId: id }, da: `Pladsen er givet til en ukendt organisation (${id})`, en: `The seat names an unknown organisation (${id})` });
      }
      slots.push({ seat, index: i, organisationId: id, label: { da: orgName(id), en: orgName(id) }, heads, members: [], covers: (o) => o === id });
      return;
    }
    const kind = seat.party.sector;
    coveredKinds.add(kind);
    const area = input.organisations.filter((o) => o.kind === kind && inForumArea(o));
    for (const o of area) covered.add(o.id);
    if (seat.party.perOrganisation) {
      for (const o of area) slots.push({ seat, index: i, organisationId: o.id, label: { da: o.name, en: o.name }, heads, members: [], covers: (x) => x === o.id });
    } else {
      const ids = new Set(area.map((o) => o.id));
      slots.push({
        seat, index: i, heads, members: [],
        label: { da: `Samlet fra ${sectorDa[kind]}`, en: `In total from ${kind.replace('_', ' ')}` },
        covers: (x) => x !== undefined && (ids.has(x) || orgs.get(x)?.kind === kind),
      });
    }
  });

  // Each member takes one seat: the best match of role and title, then a seat with room.
  const titleOf = new Map((input.people ?? []).map((p) => [p.id, p.title]));
  const room = (s: Slot) => (s.seat.min !== null && s.members.length < s.seat.min ? 2 : s.seat.max === null || s.members.length < s.seat.max ? 1 : 0);
  const secretaries = active.filter((m) => m.role === 'secretary');
  const candidates = [...seated, ...secretaries].sort((a, b) => a.personId.localeCompare(b.personId) || a.id.localeCompare(b.id));
  for (const m of candidates) {
    const org = orgOf(m);
    const isSecretary = m.role === 'secretary';
    const open = slots.filter((s) => s.covers(org) && (!isSecretary || [...s.heads].some((h) => SECRETARIAT_HEADS.has(h))));
    if (!open.length) continue;
    const title = headsOfTitle(titleOf.get(m.personId));
    const fields = fieldsOf(titleOf.get(m.personId));
    const score = (s: Slot) => 2 * [...s.heads].filter((h) => title.has(h)).length + [...fieldsOf(s.seat.role)].filter((f) => fields.has(f)).length;
    const best = open.reduce((a, b) => {
      const d = score(b) - score(a);
      if (d !== 0) return d > 0 ? b : a;
      return room(b) > room(a) ? b : a;
    });
    best.members.push(m);
  }
  for (const s of slots) count(s.seat, s.index, s.label, s.members, s.organisationId);

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
