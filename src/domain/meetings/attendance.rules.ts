/**
 * Attendance without ambiguity (issue 13, point 3). Before the meeting a person
 * has one of four answers: not answered, attending, apologies (afbud), or a
 * substitute (a registered stand-in or a named one). On the day the secretariat
 * records present or absent. The secretary and the minute-taker are present by
 * default (they run the meeting) until recorded otherwise.
 *
 * Contradictions are what the secretariat must resolve or confirm before the
 * minutes go out: someone recorded present who sent apologies (or a substitute),
 * the minute-taker absent or with apologies, and members with neither an answer
 * nor a recorded presence. Pure: no I/O.
 */
import type { Attendance } from './meeting.model.js';
import { isActiveOn, type Membership } from '../registry/registry.model.js';

/**
 * The people of a joint meeting: the host forum's memberships and the partner
 * forum's, a person who is a member of both on the day counted once (by the host
 * membership). Without a partner, the host's memberships as they are.
 */
export function jointMemberships<M extends Pick<Membership, 'personId' | 'from' | 'to'>>(host: readonly M[], partner: readonly M[], date: string): M[] {
  const inHost = new Set(host.filter((m) => isActiveOn(m, date)).map((m) => m.personId));
  return [...host, ...partner.filter((m) => !inHost.has(m.personId))];
}

export type Contradiction = {
  code: 'present_with_apologies' | 'minute_taker_absent' | 'unanswered';
  personId: string;
  en: string;
  da: string;
};

/** Presence with the defaults applied: the secretary and the minute-taker are present unless recorded absent. */
export function effectivePresence(a: Pick<Attendance, 'present'> | undefined, presentByDefault: boolean): { present: boolean | undefined; isDefault: boolean } {
  if (a?.present !== undefined) return { present: a.present, isDefault: false };
  return presentByDefault ? { present: true, isDefault: true } : { present: undefined, isDefault: false };
}

export function attendanceContradictions(input: {
  /** Everyone who was a member on the day, with their stored row when there is one. */
  people: readonly { personId: string; name: string; attendance?: Attendance }[];
  minuteTakerId?: string;
  /** The secretary (or secretaries) of the forum on the day: present by default. */
  secretaryIds: ReadonlySet<string>;
}): Contradiction[] {
  const out: Contradiction[] = [];
  for (const p of input.people) {
    const a = p.attendance;
    const isTaker = p.personId === input.minuteTakerId;
    const presence = effectivePresence(a, isTaker || input.secretaryIds.has(p.personId));
    const away = a?.answer === 'apologies' || a?.answer === 'substitute';
    if (isTaker && (presence.present === false || (away && a?.present !== true))) {
      out.push({ code: 'minute_taker_absent', personId: p.personId, en: `The minute-taker ${p.name} is recorded as absent or sent apologies`, da: `Referenten ${p.name} er registreret som fraværende eller har meldt afbud` });
      continue;
    }
    if (away && a?.present === true) {
      out.push({ code: 'present_with_apologies', personId: p.personId, en: `${p.name} is recorded as present but sent apologies`, da: `${p.name} er registreret som til stede, men har meldt afbud` });
      continue;
    }
    if (!a?.answer && presence.present === undefined) {
      out.push({ code: 'unanswered', personId: p.personId, en: `${p.name} has neither answered nor been recorded as present or absent`, da: `${p.name} har hverken svaret eller fået registreret fremmøde` });
    }
  }
  return out;
}
