// Runs the kommissorium importer on the three real seeds (../shared/seeds) and on
// hand-written snippets, and compares with drafts written by hand in
// test/fixtures/terms-import/. Prints precision and recall per field; requires
// recall 1.0 (every stated value found) and precision 1.0 (nothing invented).
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractTermsDrafts } from '../../src/domain/terms-import/terms-import.extract.js';
import type { SeatDraft, TermsDraft, TermsImportResult } from '../../src/domain/terms-import/terms-import.model.js';

const root = process.cwd();
const seedsDir = resolve(root, '../shared/seeds');
const fixturesDir = join(root, 'test/fixtures/terms-import');

type ExpectedSeat = { sector: string; perOrganisation?: boolean; min?: number; max?: number; role?: string; note?: string };
type ExpectedForum = {
  name: string;
  fields: Record<string, unknown>;
  lists: { purpose: string[]; tasks: string[]; seats: ExpectedSeat[]; subGroupsAllowed: string[] };
};
type Expected = { seed?: string; forums: ExpectedForum[]; contradictions?: { forumName: string; field: string }[] };

type Tally = Map<string, { tp: number; fp: number; fn: number; misses: string[]; extras: string[] }>;

const seat = (s: ExpectedSeat): SeatDraft => ({
  party: { kind: 'sector', sector: s.sector as SeatDraft['party']['sector'], perOrganisation: s.perOrganisation ?? false },
  ...(s.role !== undefined ? { role: s.role } : {}),
  min: s.min ?? null,
  max: s.max ?? null,
  ...(s.note !== undefined ? { note: s.note } : {}),
});

/** Order-free, key-order-free form of a value, for comparison. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return JSON.stringify(v.map(canon).sort());
  if (v && typeof v === 'object') {
    return JSON.stringify(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]));
  }
  return JSON.stringify(v);
}

/** (field, value) pairs of a draft: one per scalar field, one per list item, plus the forum itself. */
function pairsOfDraft(d: TermsDraft): [string, string][] {
  const out: [string, string][] = [['forum.name', canon(d.forumName.value)]];
  for (const [k, f] of Object.entries(d.fields)) out.push([k, canon(f!.value)]);
  for (const [k, list] of Object.entries(d.lists)) for (const f of list) out.push([k, canon(f.value)]);
  return out;
}

function pairsOfExpected(e: ExpectedForum): [string, string][] {
  const out: [string, string][] = [['forum.name', canon(e.name)]];
  for (const [k, v] of Object.entries(e.fields)) out.push([k, canon(v)]);
  for (const p of e.lists.purpose) out.push(['purpose', canon(p)]);
  for (const t of e.lists.tasks) out.push(['tasks', canon(t)]);
  for (const s of e.lists.seats) out.push(['seats', canon(seat(s))]);
  for (const g of e.lists.subGroupsAllowed) out.push(['subGroupsAllowed', canon(g)]);
  return out;
}

function score(result: TermsImportResult, expected: Expected, tally: Tally, label: string) {
  const bump = (field: string) => {
    if (!tally.has(field)) tally.set(field, { tp: 0, fp: 0, fn: 0, misses: [], extras: [] });
    return tally.get(field)!;
  };
  const used = new Set<TermsDraft>();
  for (const e of expected.forums) {
    const d = result.drafts.find((x) => x.forumName.value === e.name && !used.has(x));
    if (d) used.add(d);
    const found = d ? pairsOfDraft(d) : [];
    for (const [field, value] of pairsOfExpected(e)) {
      const i = found.findIndex(([f, v]) => f === field && v === value);
      if (i >= 0) {
        bump(field).tp++;
        found.splice(i, 1);
      } else {
        bump(field).fn++;
        bump(field).misses.push(`${label} / ${e.name}: ${value}`);
      }
    }
    for (const [field, value] of found) {
      bump(field).fp++;
      bump(field).extras.push(`${label} / ${e.name}: ${value}`);
    }
  }
  for (const d of result.drafts.filter((x) => !used.has(x))) {
    for (const [field, value] of pairsOfDraft(d)) {
      bump(field).fp++;
      bump(field).extras.push(`${label} / (unexpected forum ${d.forumName.value}): ${value}`);
    }
  }
}

function report(title: string, tally: Tally): { precision: number; recall: number; problems: string[] } {
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = [`${title}`, `${'field'.padEnd(34)} ${'found'.padStart(5)} ${'stated'.padStart(6)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`];
  let tp = 0, fp = 0, fn = 0;
  const problems: string[] = [];
  for (const [field, t] of rows) {
    tp += t.tp; fp += t.fp; fn += t.fn;
    const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
    const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
    lines.push(`${field.padEnd(34)} ${String(t.tp + t.fp).padStart(5)} ${String(t.tp + t.fn).padStart(6)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)}`);
    problems.push(...t.misses.map((m) => `MISSED ${field}: ${m}`), ...t.extras.map((x) => `INVENTED ${field}: ${x}`));
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  lines.push(`${'ALL'.padEnd(34)} ${String(tp + fp).padStart(5)} ${String(tp + fn).padStart(6)} ${precision.toFixed(3).padStart(9)} ${recall.toFixed(3).padStart(7)}`);
  console.log(lines.join('\n') + (problems.length ? '\n' + problems.join('\n') : ''));
  return { precision, recall, problems };
}

function checkProvenance(result: TermsImportResult) {
  for (const d of result.drafts) {
    const findings = [d.forumName, ...Object.values(d.fields), ...Object.values(d.lists).flat()];
    for (const f of findings) {
      expect(result.text.slice(f!.span.start, f!.span.end)).toBe(f!.span.quote);
      expect(f!.span.end).toBeGreaterThan(f!.span.start);
      expect(f!.confidence).toBeGreaterThanOrEqual(0);
      expect(f!.confidence).toBeLessThanOrEqual(1);
    }
  }
}

const readExpected = (file: string): Expected => JSON.parse(readFileSync(file, 'utf8')) as Expected;

describe('kommissorium import on the real seeds', () => {
  const cases = ['000', '001', '002'].map((n) => {
    const expected = readExpected(join(fixturesDir, `${n}.expected.json`));
    return { n, expected, text: readFileSync(join(seedsDir, expected.seed!), 'utf8') };
  });

  it('finds every stated value and invents none (precision and recall 1.0 per field)', () => {
    const tally: Tally = new Map();
    for (const c of cases) {
      const result = extractTermsDrafts(c.text);
      checkProvenance(result);
      expect(result.contradictions).toEqual([]);
      score(result, c.expected, tally, `seed ${c.n}`);
    }
    const { precision, recall, problems } = report('Seeds 000, 001, 002', tally);
    expect(problems).toEqual([]);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });

  it('returns one draft per forum: 4 in seed 000, 5 in seed 001, 1 in seed 002', () => {
    expect(cases.map((c) => extractTermsDrafts(c.text).drafts.length)).toEqual([4, 5, 1]);
  });

  it('leaves unstated rules unset instead of filling defaults', () => {
    const d = extractTermsDrafts(cases[0]!.text).drafts[0]!;
    expect(d.fields['deadlines.agendaLead']).toBeUndefined();
    expect(d.fields['deadlines.minutesDue']).toBeUndefined();
    expect(d.fields['deadlines.commentWindow']).toBeUndefined();
    expect(d.fields.approvedOn).toBeUndefined();
  });
});

describe('kommissorium import on hand-written snippets in the same tradition', () => {
  const dir = join(fixturesDir, 'snippets');
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

  it('has snippets to run', () => expect(names.length).toBeGreaterThanOrEqual(4));

  it('finds every stated value, invents none, and reports contradictions', () => {
    const tally: Tally = new Map();
    for (const name of names) {
      const expected = readExpected(join(dir, name.replace(/\.txt$/, '.expected.json')));
      const result = extractTermsDrafts(readFileSync(join(dir, name), 'utf8'));
      checkProvenance(result);
      score(result, expected, tally, name);
      expect(result.contradictions.map((c) => ({ forumName: c.forumName, field: c.field }))).toEqual(expected.contradictions ?? []);
      for (const c of result.contradictions) expect(c.findings.length).toBeGreaterThanOrEqual(2);
    }
    const { precision, recall, problems } = report('Snippets', tally);
    expect(problems).toEqual([]);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });

  it('marks a contradicted field as low confidence', () => {
    const r = extractTermsDrafts(readFileSync(join(dir, 'c-modstrid.txt'), 'utf8'));
    expect(r.drafts[0]!.fields['deadlines.agendaLead']!.confidence).toBeLessThanOrEqual(0.4);
    expect(r.contradictions[0]!.findings.map((f) => f.span.quote)).toEqual(['14 dage før', 'senest 5 hverdage inden']);
  });
});
