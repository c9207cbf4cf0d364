/**
 * The way back from draftValues(): values a person has reviewed and edited in the
 * tab become a TermsDraft again, so draftToTermsInput() turns them into terms
 * exactly as it turns an unedited draft. The person is the source now: findings
 * carry confidence 1 and no span. Shapes are checked later, by the registry's
 * TermsOfReferenceInput schema. Pure.
 */
import type { DraftValues } from './terms-draft.values.js';
import type { Finding, ListFields, ListPath, ScalarPath, TermsDraft } from './terms-import.model.js';
import { listPaths } from './terms-import.model.js';

/** Every scalar path; a Record so the compiler notices a path added to the model. */
const scalarPathSet: Record<ScalarPath, true> = {
  'forum.kind': true,
  'forum.level': true,
  'parent.name': true,
  approvedByName: true,
  approvedOn: true,
  continuityRequired: true,
  'chair.shared': true,
  'chair.sides': true,
  'chair.rotatingSide': true,
  'chair.rotatesAmongAllParties': true,
  'chair.termYears': true,
  'chair.offsetMonthsFromParent': true,
  'chair.evaluateAfterYears': true,
  'secretariat.shared': true,
  'secretariat.followsChair': true,
  'meetings.perYearMin': true,
  'meetings.perYearMax': true,
  'meetings.adHoc': true,
  'deadlines.agendaLead': true,
  'deadlines.itemsCutoff': true,
  'deadlines.minutesDue': true,
  'deadlines.commentWindow': true,
  'deadlines.tacitApproval': true,
  decisionMinutes: true,
  publication: true,
  jointMeeting: true,
  themeDays: true,
  evaluation: true,
  annualStatus: true,
  'chair.by': true,
  'secretariat.by': true,
  'meetings.closed': true,
  membersTotal: true,
};
export const scalarPaths = Object.keys(scalarPathSet) as ScalarPath[];

const NO_SPAN = { start: 0, end: 0, quote: '' };
const stated = <T>(value: T): Finding<T> => ({ value, span: NO_SPAN, confidence: 1 });

export function draftFromValues(values: DraftValues): TermsDraft {
  const fields: TermsDraft['fields'] = {};
  const put = (path: ScalarPath, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    (fields as Record<string, Finding<unknown>>)[path] = stated(value);
  };
  put('forum.kind', values.forum.kind);
  put('forum.level', values.forum.level);
  put('parent.name', values.forum.parentName);
  for (const path of scalarPaths) {
    if (path.startsWith('forum.') || path.startsWith('parent.')) continue;
    put(path, getPath(values.terms, path.split('.')));
  }
  const lists = {} as TermsDraft['lists'];
  for (const p of listPaths) {
    const items = values.terms[p];
    (lists as Record<ListPath, Finding<ListFields[ListPath]>[]>)[p] = Array.isArray(items) ? items.filter((i) => i !== '' && i != null).map((i) => stated(i as ListFields[ListPath])) : [];
  }
  return { forumName: stated(values.forum.name), fields, lists };
}

function getPath(obj: Record<string, unknown>, keys: string[]): unknown {
  let cur: unknown = obj;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
