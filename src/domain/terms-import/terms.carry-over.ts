/**
 * Settings a kommissorium never states (rotation order of the organisations,
 * preferred weekday and time, closed-day policies, the årshjul ...) are kept from
 * the previous version when a new version is imported, so confirming an import
 * does not wipe what the secretariat set up by hand. Only settings the importer
 * cannot extract are carried, and only into a rule the new version has; what the
 * document states always wins. Pure.
 */
type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSet = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && !(isPlain(v) && Object.keys(v).length === 0);

/** Paths the importer has no rule for. A one-segment path is carried when absent; deeper ones only into an existing parent. */
export const notExtractedPaths = [
  'chair.rotationOrder',
  'chair.firstTermStarts',
  'chair.note',
  'secretariat.description',
  'meetings.preferredWeekdays',
  'meetings.preferredStart',
  'meetings.durationMinutes',
  'deadlines.endOfWorkingDay',
  'deadlines.closedDayPolicy',
  'annualStatus.dueMonth',
  'annualWheel',
] as const;

export function carryOverUnstated<T extends Plain>(previous: Plain | undefined | null, next: T): { terms: T; carried: string[] } {
  if (!previous) return { terms: next, carried: [] };
  const out = structuredClone(next) as Plain;
  const carried: string[] = [];
  for (const path of notExtractedPaths) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let src: unknown = previous;
    let dst: unknown = out;
    for (const k of keys) {
      src = isPlain(src) ? src[k] : undefined;
      dst = isPlain(dst) ? dst[k] : undefined;
    }
    if (!isPlain(src) || !isPlain(dst)) continue;
    if (isSet(src[last]) && !isSet(dst[last])) {
      dst[last] = structuredClone(src[last]);
      carried.push(path);
    }
  }
  return { terms: out as T, carried };
}
