/**
 * Chair and secretariat rotation: who holds the chairmanship (and the
 * secretariat) in which period, and when the next hand-over is.
 *
 * What it does: anchors the rotation on the stated first term, or on the parent
 * forum's anchor shifted by the stated offset ("½ års forskydning"), or, when
 * neither is stated, on 1 January of the first year asked for (flagged as assumed).
 * Terms last `termYears` (default 2). In a shared chairmanship every side keeps its
 * seat and the rotating side's seat goes round `rotationOrder`; with
 * `rotatesAmongAllParties` one party at a time holds chair and secretariat.
 *
 * What it does not do yet: irregular terms (a party stepping down early), or
 * naming the persons: it names organisations and sides; memberships name people.
 */
import type { ChairRule, ChairSide, SecretariatRule } from '../registry/registry.model.js';
import { addDays, addYears, addMonths, formatDanishDate, formatEnglishDate } from '../calendar/working-day.calendar.js';

export const DEFAULT_TERM_YEARS = 2;

export type Holder = { side?: ChairSide; organisationId?: string };

export type ChairTerm = {
  /** 0 = the anchor term; negative before it. */
  index: number;
  from: string;
  /** Last day of the term (inclusive). */
  to: string;
  chairs: Holder[];
  secretariat: Holder[];
};

export type Handover = {
  date: string;
  fromTerm: ChairTerm;
  toTerm: ChairTerm;
  da: string;
  /** The same in English, e.g. "1 July 2027: the chairmanship passes from Viborg Kommune to Skive Kommune". */
  en: string;
};

export type ChairTimeline = {
  termYears: number;
  anchor: string;
  anchorSource: 'stated' | 'parent_offset' | 'assumed';
  terms: ChairTerm[];
  handovers: Handover[];
  nextHandover?: Handover;
  evaluations: { date: string; da: string; en: string }[];
  notes: string[];
};

export type ChairTimelineInput = {
  rule: ChairRule;
  secretariat?: SecretariatRule | undefined;
  /** The parent forum's chair rule, for `offsetMonthsFromParent`. */
  parentRule?: ChairRule | undefined;
  from: string;
  until: string;
  /** Local date "today", for the next hand-over. */
  today?: string;
  /** Names for readable text; ids are used when missing. */
  organisationName?: (id: string) => string | undefined;
};

function anchorOf(input: ChairTimelineInput): { anchor: string; source: ChairTimeline['anchorSource'] } {
  const { rule, parentRule } = input;
  if (rule.firstTermStarts) return { anchor: rule.firstTermStarts, source: 'stated' };
  if (rule.offsetMonthsFromParent !== undefined && parentRule?.firstTermStarts) {
    return { anchor: addMonths(parentRule.firstTermStarts, rule.offsetMonthsFromParent), source: 'parent_offset' };
  }
  const base = `${input.from.slice(0, 4)}-01-01`;
  return { anchor: addMonths(base, rule.offsetMonthsFromParent ?? 0), source: 'assumed' };
}

function pick<T>(list: readonly T[], k: number): T | undefined {
  if (list.length === 0) return undefined;
  return list[((k % list.length) + list.length) % list.length];
}

function holdersFor(rule: ChairRule, secretariat: SecretariatRule | undefined, k: number): Pick<ChairTerm, 'chairs' | 'secretariat'> {
  const rotating = pick(rule.rotationOrder, k);
  let chairs: Holder[];
  if (rule.rotatesAmongAllParties) {
    chairs = [rotating ? { organisationId: rotating } : {}];
    return { chairs, secretariat: chairs.map((c) => ({ ...c })) };
  }
  if (rule.shared && rule.sides.length > 0) {
    const rotatingSide = rule.rotatingSide ?? (rule.sides.includes('municipality') && rule.rotationOrder.length ? 'municipality' : undefined);
    chairs = rule.sides.map((side) => (side === rotatingSide && rotating ? { side, organisationId: rotating } : { side }));
  } else {
    chairs = [rotating ? { organisationId: rotating } : {}];
  }
  const sec = secretariat?.followsChair ? chairs.map((c) => ({ ...c })) : [];
  return { chairs, secretariat: sec };
}

const holderWords: Record<'da' | 'en', { sides: Record<ChairSide, string>; unknown: string; and: string }> = {
  da: {
    sides: { hospital: 'hospitalet', region: 'regionen', municipality: 'kommunerne', psychiatry: 'psykiatrien', general_practice: 'almen praksis' },
    unknown: 'ikke angivet',
    and: ' og ',
  },
  en: {
    sides: { hospital: 'the hospital', region: 'the region', municipality: 'the municipalities', psychiatry: 'psychiatry', general_practice: 'general practice' },
    unknown: 'not stated',
    and: ' and ',
  },
};

function describeHoldersIn(lang: 'da' | 'en', holders: readonly Holder[], name: (id: string) => string | undefined): string {
  const w = holderWords[lang];
  return holders.map((h) => (h.organisationId ? (name(h.organisationId) ?? h.organisationId) : h.side ? w.sides[h.side] : w.unknown)).join(w.and);
}

/** "hospitalet og Viborg Kommune" */
export function describeHolders(holders: readonly Holder[], name: (id: string) => string | undefined = () => undefined): string {
  return describeHoldersIn('da', holders, name);
}

/** English twin of `describeHolders`: "the hospital and Viborg Kommune". */
export function describeHoldersEn(holders: readonly Holder[], name: (id: string) => string | undefined = () => undefined): string {
  return describeHoldersIn('en', holders, name);
}

export function chairTimeline(input: ChairTimelineInput): ChairTimeline {
  const { rule } = input;
  const termYears = rule.termYears ?? DEFAULT_TERM_YEARS;
  const { anchor, source } = anchorOf(input);
  const notes: string[] = [];
  if (source === 'assumed') notes.push('Første periodes start er ikke angivet; rotationen regnes fra 1. januar.');
  if (rule.rotationOrder.length === 0 && (rule.rotatesAmongAllParties || rule.rotatingSide)) {
    notes.push('Rækkefølgen for rotationen er ikke angivet.');
  }
  const startOf = (k: number) => addYears(anchor, k * termYears);
  const until = input.today && input.today > input.until ? input.today : input.until;
  // First term that may overlap `from`, counted from the anchor (also backwards).
  let k = Math.floor((Number(input.from.slice(0, 4)) - Number(anchor.slice(0, 4))) / termYears) - 1;
  while (startOf(k + 1) <= input.from) k += 1;
  // One term earlier too, so a hand-over falling exactly on `from` is listed.
  k -= 1;
  const terms: ChairTerm[] = [];
  // One extra term beyond `until` so the next hand-over is always known.
  for (; startOf(k) <= until || terms.length === 0 || terms[terms.length - 1]!.to < until; k += 1) {
    terms.push({ index: k, from: startOf(k), to: addDays(startOf(k + 1), -1), ...holdersFor(rule, input.secretariat, k) });
  }
  terms.push({ index: k, from: startOf(k), to: addDays(startOf(k + 1), -1), ...holdersFor(rule, input.secretariat, k) });
  const name = input.organisationName ?? (() => undefined);
  const handovers: Handover[] = [];
  for (let i = 1; i < terms.length; i += 1) {
    const fromTerm = terms[i - 1]!;
    const toTerm = terms[i]!;
    // A new term with the very same holders (no rotation stated) hands nothing over: no "from X to X" on a guessed date.
    if (describeHolders(fromTerm.chairs, name) === describeHolders(toTerm.chairs, name)) continue;
    handovers.push({
      date: toTerm.from,
      fromTerm,
      toTerm,
      da: `${formatDanishDate(toTerm.from)}: formandskabet overgår fra ${describeHolders(fromTerm.chairs, name)} til ${describeHolders(toTerm.chairs, name)}`,
      en: `${formatEnglishDate(toTerm.from)}: the chairmanship passes from ${describeHoldersEn(fromTerm.chairs, name)} to ${describeHoldersEn(toTerm.chairs, name)}`,
    });
  }
  const timeline: ChairTimeline = {
    termYears,
    anchor,
    anchorSource: source,
    terms: terms.filter((t) => t.to >= input.from && t.from <= input.until),
    handovers: handovers.filter((h) => h.date >= input.from && h.date <= input.until),
    evaluations: [],
    notes,
  };
  if (input.today) {
    const next = handovers.find((h) => h.date > input.today!);
    if (next) timeline.nextHandover = next;
  }
  if (rule.evaluateAfterYears) {
    const date = addYears(anchor, rule.evaluateAfterYears);
    timeline.evaluations.push({
      date,
      da: `Formandskabet evalueres (${rule.evaluateAfterYears} år efter ${formatDanishDate(anchor)})`,
      en: `Evaluate the chairmanship (${rule.evaluateAfterYears} years after ${anchor})`,
    });
  }
  return timeline;
}
