/**
 * How a meeting names itself in lists and headings: its kind, and its title when the
 * title says more than the kind. A title that already begins with the kind
 * ("Ekstraordinært møde om rygestopforløb") is shown alone, not after the kind again.
 */
export function kindAndTitle(kindLabel: string, title: string | null | undefined, otherKindLabels: readonly string[] = []): { kind: string; title: string | null } {
  const tt = (title ?? '').trim();
  if (!tt) return { kind: kindLabel, title: null };
  const lower = tt.toLocaleLowerCase('da');
  const same = [kindLabel, ...otherKindLabels].some((k) => k && lower === k.toLocaleLowerCase('da'));
  if (same) return { kind: kindLabel, title: null };
  const startsWithKind = [kindLabel, ...otherKindLabels].some((k) => k && lower.startsWith(k.toLocaleLowerCase('da') + ' '));
  return startsWithKind ? { kind: '', title: tt } : { kind: kindLabel, title: tt };
}

/** "Kind: title", or the title alone when it begins with the kind, or the kind alone. */
export function meetingListLabel(kindLabel: string, title: string | null | undefined, otherKindLabels: readonly string[] = []): string {
  const k = kindAndTitle(kindLabel, title, otherKindLabels);
  if (!k.title) return k.kind;
  return k.kind ? `${k.kind}: ${k.title}` : k.title;
}

/**
 * The minutes' state as the meeting's header and the minutes tab say it: before the meeting begins, minutes
 * nobody has sent are "not started", not a draft (a member would otherwise read that someone is writing them).
 */
export function minutesStateLabel(
  state: { started: boolean; minutes: { status: string } },
  words: { minutesStatus: Record<string, string>; minutesNotStarted: string },
): string {
  if (!state.started && state.minutes.status === 'draft') return words.minutesNotStarted;
  return words.minutesStatus[state.minutes.status] ?? state.minutes.status;
}
