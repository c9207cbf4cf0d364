/**
 * Flags text that may hold a citizen's personal data before minutes are published,
 * for the secretariat to confirm or redact. It suggests; it never decides.
 *
 * What it finds:
 * - CPR numbers, DDMMYY-XXXX or DDMMYYXXXX, whose first six digits are a real date
 *   once the century is read from the 7th digit (CPR-kontoret's table). Modulus 11
 *   is NOT checked: numbers issued since 2007 need not satisfy it.
 * - Danish phone numbers: 8 digits, optionally +45 / 0045, grouped as people write
 *   them ("12 34 56 78", "1234 5678").
 * - A name next to a word that marks a private person ("borgeren Hans Jensen",
 *   "patient Anna K. Holm", "Hans Jensen (patient)").
 * What it does not do: recognise names without such a hint, addresses, diagnoses,
 * or e-mail addresses; officials' work phone numbers are flagged too (confirm them).
 * Pure: no I/O.
 */

export type PersonalDataKind = 'cpr' | 'phone' | 'person_hint';

export type PersonalDataFinding = {
  kind: PersonalDataKind;
  /** Span in the scanned text in UTF-16 code units (JavaScript string indices): text.slice(start, end) === match. */
  start: number;
  end: number;
  match: string;
  confidence: 'high' | 'medium';
  reason: { da: string; en: string };
};

/** Full year of a CPR number from its two-digit year and 7th digit, or undefined when the 7th digit is not a digit. */
export function cprCentury(yy: number, seventh: number): number | undefined {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  if (seventh <= 8) return yy <= 57 ? 2000 + yy : 1800 + yy;
  return undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/** Is this a plausible CPR number (ten digits, optionally with a hyphen after six)? */
export function looksLikeCpr(candidate: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/.exec(candidate);
  if (!m) return false;
  const year = cprCentury(Number(m[3]), Number(m[4]));
  return year !== undefined && isRealDate(year, Number(m[2]), Number(m[1]));
}

// Not preceded or followed by a digit, hyphen or decimal separator: a part of a
// longer number, an account number or a decimal is not a CPR number.
const CPR = /(?<![\d.,-])(\d{6})(-?)(\d{4})(?![\d-]|[.,]\d)/g;
// Spaces only as separators: "2019-2023" is a period, not a phone number.
const PHONE = /(?<![\d+.,-])(?:(?:\+|00)45 ?)?(?:\d{2} ?\d{2} ?\d{2} ?\d{2}|\d{4} \d{4})(?![\d-]|[.,]\d)/g;

const HINT_WORDS = [
  'borger', 'borgeren', 'borgerens', 'patient', 'patienten', 'patientens', 'pårørende', 'klient', 'klienten',
  'beboer', 'beboeren', 'barnet', 'forælder', 'forælderen', 'citizen', 'patient’s',
];
const NAME = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+(?:\p{Lu}\.|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)){0,3}`;
// Case-insensitive on the first letter only (sentence starts): the name part must
// stay case-sensitive, which a global `i` flag would break.
const hintAlternation = HINT_WORDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
// keyword [ved navn | kaldet | named | ,] Name
const HINT_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:${hintAlternation})(?:,?\s+(?:ved navn|kaldet|named))?,?\s+(${NAME})`, 'gu');
// Name (keyword)  /  Name, keyword
const HINT_AFTER = new RegExp(String.raw`(${NAME})\s*(?:\(|,\s*)(?:${hintAlternation})(?![\p{L}])`, 'gu');

export function detectPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const cprSpans: Array<[number, number]> = [];

  for (const m of text.matchAll(CPR)) {
    const candidate = m[0];
    if (!looksLikeCpr(candidate)) continue;
    const start = m.index!;
    cprSpans.push([start, start + candidate.length]);
    findings.push({
      kind: 'cpr',
      start,
      end: start + candidate.length,
      match: candidate,
      confidence: m[2] === '-' ? 'high' : 'medium',
      reason: { da: 'Ligner et CPR-nummer (gyldig fødselsdato).', en: 'Looks like a CPR number (valid date of birth).' },
    });
  }

  for (const m of text.matchAll(PHONE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (cprSpans.some(([s, e]) => start < e && end > s)) continue;
    findings.push({
      kind: 'phone',
      start,
      end,
      match: m[0],
      confidence: 'medium',
      reason: { da: 'Ligner et telefonnummer.', en: 'Looks like a phone number.' },
    });
  }

  const hint = (start: number, match: string) =>
    findings.push({
      kind: 'person_hint',
      start,
      end: start + match.length,
      match,
      confidence: 'medium',
      reason: {
        da: 'Et navn står ved et ord, der peger på en borger eller patient.',
        en: 'A name stands next to a word that points to a citizen or patient.',
      },
    });
  for (const m of text.matchAll(HINT_BEFORE)) {
    const name = m[1]!;
    hint(m.index! + m[0].length - name.length, name);
  }
  for (const m of text.matchAll(HINT_AFTER)) {
    const name = m[1]!;
    // "Patienten Hans" would match both ways round; the keyword itself is not a name.
    if (HINT_WORDS.includes(name.split(/\s+/)[0]!.toLowerCase())) continue;
    hint(m.index!, name);
  }

  // One finding per span; keep text order so the secretariat reads them top-down.
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.kind}:${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Replaces the confirmed findings' spans (non-overlapping after merging) with a marker. */
export function redact(text: string, findings: readonly Pick<PersonalDataFinding, 'start' | 'end'>[], marker = '[skjult]'): string {
  const spans = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const f of spans) {
    if (f.end <= pos) continue;
    out += text.slice(pos, Math.max(pos, f.start)) + marker;
    pos = f.end;
  }
  return out + text.slice(pos);
}

/** Where a finding sits in a meeting document, so the UI can point at the field. */
export type LocatedFinding = PersonalDataFinding & { field: string; itemId?: string };

/**
 * Scans every text the public will see: item titles, background, recommendations,
 * decisions, attachment file names, and the titles and descriptions of tasks.
 * Takes the meeting model's AgendaItem and Task as they are.
 */
export function scanMeetingTexts(
  items: ReadonlyArray<{ id: string; title: string; background: string; recommendations: readonly string[]; decision?: string; attachments: ReadonlyArray<{ fileName: string }> }>,
  tasks: ReadonlyArray<{ id: string; title: string; description: string; sourceItemId?: string }> = [],
): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const scan = (field: string, text: string | undefined, itemId: string | undefined) => {
    if (!text) return;
    for (const f of detectPersonalData(text)) out.push({ ...f, field, itemId });
  };
  for (const item of items) {
    scan('title', item.title, item.id);
    scan('background', item.background, item.id);
    item.recommendations.forEach((r, i) => scan(`recommendations.${i}`, r, item.id));
    scan('decision', item.decision, item.id);
    item.attachments.forEach((a, i) => scan(`attachments.${i}.fileName`, a.fileName, item.id));
  }
  for (const t of tasks) {
    scan(`tasks.${t.id}.title`, t.title, t.sourceItemId);
    scan(`tasks.${t.id}.description`, t.description, t.sourceItemId);
  }
  return out;
}
