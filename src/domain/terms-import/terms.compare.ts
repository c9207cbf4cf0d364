/**
 * The forum's current terms of reference beside the terms an imported document gives, field
 * by field, for the review screen: each field the document gives is new (the current terms do
 * not set it), changed or unchanged; each field only the current terms set is absent from the
 * document (and kept on confirming only when it is a setting the importer never reads, see
 * terms.carry-over.ts). Fields are the terms' keys and their children ("meetings.perYearMin",
 * "deadlines.agendaLead"); deeper values (a deadline's amount and unit) and lists (purpose,
 * seats) are compared whole. The date the version is valid from and bookkeeping are left out.
 * Order: changed, new, unchanged, then absent (a document that sets few rules leaves many out).
 * Pure.
 */
import { canonical, isEmpty, isPlain, type Plain } from './terms.diff.js';

export type FieldComparison = {
  path: string;
  status: 'new' | 'changed' | 'unchanged' | 'absent';
  current?: unknown;
  imported?: unknown;
  /** For an absent field: confirming keeps the current value (a setting a document never states). */
  keptOnConfirm?: boolean;
};

const IGNORED = new Set(['id', 'forumId', 'version', 'validFrom']);

/** The fields of terms: top-level values, and the children of top-level objects. */
function fields(terms: Plain): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(terms)) {
    if (IGNORED.has(k) || isEmpty(v)) continue;
    if (isPlain(v)) {
      for (const [c, w] of Object.entries(v)) if (!isEmpty(w)) out.set(`${k}.${c}`, w);
    } else out.set(k, v);
  }
  return out;
}

/**
 * current: the forum's terms now (undefined when it has none); imported: the document's terms as
 * they would be stored; confirmed: what confirming would store (imported with the carried-over settings).
 */
export function compareTerms(current: Plain | undefined | null, imported: Plain, confirmed: Plain = imported): FieldComparison[] {
  const now = fields(current ?? {});
  const next = fields(imported);
  const kept = fields(confirmed);
  const out: FieldComparison[] = [];
  for (const [path, value] of next) {
    const before = now.get(path);
    if (before === undefined) out.push({ path, status: 'new', imported: value });
    else out.push({ path, status: canonical(before) === canonical(value) ? 'unchanged' : 'changed', current: before, imported: value });
  }
  for (const [path, value] of now) {
    if (next.has(path)) continue;
    const k = kept.get(path);
    out.push({ path, status: 'absent', current: value, keptOnConfirm: k !== undefined && canonical(k) === canonical(value) });
  }
  const order = { changed: 0, new: 1, unchanged: 2, absent: 3 } as const;
  return out.sort((a, b) => order[a.status] - order[b.status] || a.path.localeCompare(b.path));
}
