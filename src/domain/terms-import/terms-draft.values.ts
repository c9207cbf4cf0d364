/**
 * A draft's values without their provenance, nested like TermsOfReferenceInput
 * (meetings.perYearMin, deadlines.agendaLead, ...). Forum references stay names
 * (parentName, withForumName, reportToName): ids are set after matching and the
 * secretariat's confirmation. Unstated fields are absent, never defaulted.
 */
import type { ScalarPath, TermsDraft } from './terms-import.model.js';

export type DraftValues = {
  forum: { name: string; kind?: string; level?: string; parentName?: string };
  terms: Record<string, unknown>;
};

export function draftValues(draft: TermsDraft): DraftValues {
  const forum: DraftValues['forum'] = { name: draft.forumName.value };
  const terms: Record<string, unknown> = {};
  for (const [path, finding] of Object.entries(draft.fields) as [ScalarPath, { value: unknown }][]) {
    if (path === 'forum.kind') forum.kind = finding.value as string;
    else if (path === 'forum.level') forum.level = finding.value as string;
    else if (path === 'parent.name') forum.parentName = finding.value as string;
    else setPath(terms, path.split('.'), finding.value);
  }
  for (const [path, list] of Object.entries(draft.lists)) {
    if (list.length) terms[path] = list.map((f) => f.value);
  }
  return { forum, terms };
}

function setPath(obj: Record<string, unknown>, keys: string[], value: unknown) {
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys[keys.length - 1]!] = value;
}
