/**
 * What changes between two versions of a forum's terms of reference, field by
 * field, for the secretariat to see before confirming an import.
 *
 * Objects are compared key by key (paths like "deadlines.agendaLead.amount");
 * lists of plain values (purpose, tasks) report the items added and removed;
 * other lists (seats) and values are compared whole. Bookkeeping (id, forumId,
 * version) is not part of the terms and is ignored. Pure.
 */
export type TermsChange =
  | { path: string; kind: 'added'; after: unknown }
  | { path: string; kind: 'removed'; before: unknown }
  | { path: string; kind: 'changed'; before: unknown; after: unknown }
  | { path: string; kind: 'list'; added: unknown[]; removed: unknown[] };

const IGNORED = new Set(['id', 'forumId', 'version']);

export type Plain = Record<string, unknown>;
export const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isEmpty = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isPlain(v) && Object.values(v).every(isEmpty));
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** JSON with sorted keys, so key order never counts as a change. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isPlain(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

export function diffTerms(before: Plain | undefined | null, after: Plain): TermsChange[] {
  const out: TermsChange[] = [];
  walk(before ?? {}, after, '', out, true);
  return out;
}

function walk(a: Plain, b: Plain, prefix: string, out: TermsChange[], top: boolean) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !(top && IGNORED.has(k))).sort();
  for (const k of keys) {
    const path = prefix ? `${prefix}.${k}` : k;
    const x = a[k];
    const y = b[k];
    if (same(x, y)) continue;
    if (isEmpty(x) && isEmpty(y)) continue;
    if (isEmpty(x)) out.push({ path, kind: 'added', after: y });
    else if (isEmpty(y)) out.push({ path, kind: 'removed', before: x });
    else if (isPlain(x) && isPlain(y)) walk(x, y, path, out, false);
    else if (Array.isArray(x) && Array.isArray(y) && [...x, ...y].every((i) => !isPlain(i) && !Array.isArray(i))) {
      const xs = new Set(x.map(canonical));
      const ys = new Set(y.map(canonical));
      out.push({ path, kind: 'list', added: y.filter((i) => !xs.has(canonical(i))), removed: x.filter((i) => !ys.has(canonical(i))) });
    } else out.push({ path, kind: 'changed', before: x, after: y });
  }
}
