/**
 * Turns a (confirmed) draft into a TermsOfReferenceInput for the registry.
 *
 * Forum names in the draft (approval body, joint-meeting partner, theme-day host,
 * evaluation and status recipients) become ids through `forumIdFor`, typically
 * matchForumName() plus the secretariat's choice; names that do not resolve are
 * returned in `unresolved` and their references left out. The schema requires
 * `chair.shared` whenever a chair rule exists; when the document gives chair facts
 * but never says whether the chair is shared, `shared` is set to false and listed
 * in `assumptions` so the review screen can ask. Nothing else is filled in.
 */
import type { z } from 'zod';
import type { Seat, TermsOfReferenceInput } from '../registry/registry.model.js';
import type { ScalarFields, ScalarPath, TermsDraft } from './terms-import.model.js';

export type DraftToInputOptions = {
  validFrom: string;
  /** The id of a forum the document names, or undefined when it is not (yet) known. */
  forumIdFor?: (name: string) => string | undefined;
};

export type DraftToInputResult = {
  input: TermsOfReferenceInput;
  unresolved: { field: ScalarPath; name: string }[];
  assumptions: { field: string; value: unknown; why: string }[];
};

export function draftToTermsInput(draft: TermsDraft, options: DraftToInputOptions): DraftToInputResult {
  const v = <P extends ScalarPath>(p: P): ScalarFields[P] | undefined => draft.fields[p]?.value as ScalarFields[P] | undefined;
  const unresolved: DraftToInputResult['unresolved'] = [];
  const assumptions: DraftToInputResult['assumptions'] = [];
  const idFor = (field: ScalarPath, name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const id = options.forumIdFor?.(name);
    if (!id) unresolved.push({ field, name });
    return id;
  };
  const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

  const input: TermsOfReferenceInput = { validFrom: options.validFrom };
  const approvedBy = v('approvedByName');
  if (approvedBy) {
    input.approvedByName = clip(approvedBy, 200);
    const id = idFor('approvedByName', approvedBy);
    if (id) input.approvedByForumId = id;
  }
  if (v('approvedOn')) input.approvedOn = v('approvedOn');
  if (draft.lists.purpose.length) input.purpose = draft.lists.purpose.map((f) => clip(f.value, 4000));
  if (draft.lists.tasks.length) input.tasks = draft.lists.tasks.map((f) => clip(f.value, 4000));
  if (draft.lists.seats.length) {
    input.seats = draft.lists.seats.map((f): z.input<typeof Seat> => ({
      party: f.value.party,
      ...(f.value.role ? { role: clip(f.value.role, 200) } : {}),
      min: f.value.min,
      max: f.value.max,
      ...(f.value.note ? { note: clip(f.value.note, 500) } : {}),
    }));
  }
  if (v('continuityRequired') !== undefined) input.continuityRequired = v('continuityRequired');

  const chairPaths: ScalarPath[] = ['chair.shared', 'chair.sides', 'chair.rotatingSide', 'chair.rotatesAmongAllParties', 'chair.termYears', 'chair.offsetMonthsFromParent', 'chair.evaluateAfterYears'];
  if (chairPaths.some((p) => draft.fields[p])) {
    let shared = v('chair.shared');
    if (shared === undefined) {
      shared = false;
      assumptions.push({ field: 'chair.shared', value: false, why: 'Kommissoriet siger ikke, om formandskabet er delt.' });
    }
    input.chair = {
      shared,
      ...(v('chair.sides') ? { sides: v('chair.sides') } : {}),
      ...(v('chair.rotatingSide') ? { rotatingSide: v('chair.rotatingSide') } : {}),
      ...(v('chair.rotatesAmongAllParties') !== undefined ? { rotatesAmongAllParties: v('chair.rotatesAmongAllParties') } : {}),
      ...(v('chair.termYears') !== undefined ? { termYears: v('chair.termYears') } : {}),
      ...(v('chair.offsetMonthsFromParent') !== undefined ? { offsetMonthsFromParent: v('chair.offsetMonthsFromParent') } : {}),
      ...(v('chair.evaluateAfterYears') !== undefined ? { evaluateAfterYears: v('chair.evaluateAfterYears') } : {}),
    };
  }
  const secBy = v('secretariat.by');
  if (v('secretariat.shared') !== undefined || v('secretariat.followsChair') !== undefined || secBy) {
    input.secretariat = {
      ...(v('secretariat.shared') !== undefined ? { shared: v('secretariat.shared') } : {}),
      ...(v('secretariat.followsChair') !== undefined ? { followsChair: v('secretariat.followsChair') } : {}),
      ...(secBy?.name ? { description: clip(secBy.name, 500) } : {}),
    };
  }
  const min = v('meetings.perYearMin');
  const max = v('meetings.perYearMax');
  const adHoc = v('meetings.adHoc');
  if (min !== undefined || max !== undefined || adHoc !== undefined) {
    input.meetings = { perYearMin: min ?? null, perYearMax: max ?? null, ...(adHoc !== undefined ? { adHoc } : {}) };
  }
  const deadlines: NonNullable<TermsOfReferenceInput['deadlines']> = {};
  if (v('deadlines.agendaLead')) deadlines.agendaLead = v('deadlines.agendaLead');
  if (v('deadlines.itemsCutoff')) deadlines.itemsCutoff = v('deadlines.itemsCutoff');
  if (v('deadlines.minutesDue')) deadlines.minutesDue = v('deadlines.minutesDue');
  if (v('deadlines.commentWindow')) deadlines.commentWindow = v('deadlines.commentWindow');
  if (v('deadlines.tacitApproval') !== undefined) deadlines.tacitApproval = v('deadlines.tacitApproval');
  if (Object.keys(deadlines).length) input.deadlines = deadlines;
  if (v('decisionMinutes') !== undefined) input.decisionMinutes = v('decisionMinutes');
  const pub = v('publication');
  if (pub) input.publication = { public: pub.public, ...(pub.where ? { where: clip(pub.where, 500) } : {}) };

  const jm = v('jointMeeting');
  if (jm) {
    const id = idFor('jointMeeting', jm.withForumName);
    if (id) input.jointMeeting = { withForumId: id, ...(jm.order ? { order: jm.order } : {}) };
    else if (!jm.withForumName) unresolved.push({ field: 'jointMeeting', name: '(ikke nævnt)' });
  }
  const td = v('themeDays');
  if (td) {
    const id = idFor('themeDays', td.withForumName);
    input.themeDays = { perYear: td.perYear, ...(id ? { withForumId: id } : {}) };
  }
  const ev = v('evaluation');
  if (ev) {
    const id = idFor('evaluation', ev.reportToName);
    input.evaluation = { afterMonths: ev.afterMonths, ...(id ? { reportToForumId: id } : {}) };
  }
  const st = v('annualStatus');
  if (st) {
    const id = idFor('annualStatus', st.toForumName);
    input.annualStatus = id ? { toForumId: id } : {};
  }
  if (draft.lists.subGroupsAllowed.length) input.subGroupsAllowed = draft.lists.subGroupsAllowed.map((f) => clip(f.value, 200));
  return { input, unresolved, assumptions };
}
