/**
 * Shapes of an imported kommissorium draft.
 *
 * A draft mirrors TermsOfReferenceInput (src/domain/registry/registry.model.ts) field
 * by field, but every value is a Finding: the value, the exact span of the
 * normalised document text it came from, and a confidence. Forums that the
 * document names (parent, joint-meeting partner, theme-day host, approval body)
 * are kept as names: they become ids only after parent matching
 * (forum-name.match.ts) and the secretariat's confirmation.
 */
import type { ChairSide, ForumLevel, LeadTime, OrganisationKind } from '../registry/registry.model.js';

/** Offsets are UTF-16 indices into TermsImportResult.text; `quote === text.slice(start, end)`. */
export type SourceSpan = { start: number; end: number; quote: string };

export type Finding<T> = {
  value: T;
  span: SourceSpan;
  /** 0..1: how sure the rule is that the sentence says this. */
  confidence: number;
  /** True when the value follows from a stated fact rather than being stated (e.g. level from kind). */
  inferred?: boolean;
};

export type SeatDraft = {
  party: { kind: 'sector'; sector: OrganisationKind; perOrganisation: boolean };
  role?: string;
  min: number | null;
  max: number | null;
  note?: string;
};

/** Single-valued fields, keyed by their path in TermsOfReferenceInput (forum.* and parent.* describe the forum). */
export interface ScalarFields {
  'forum.kind': string;
  'forum.level': ForumLevel;
  'parent.name': string;
  approvedByName: string;
  approvedOn: string;
  continuityRequired: boolean;
  'chair.shared': boolean;
  'chair.sides': ChairSide[];
  'chair.rotatingSide': ChairSide;
  'chair.rotatesAmongAllParties': boolean;
  'chair.termYears': number;
  'chair.offsetMonthsFromParent': number;
  'chair.evaluateAfterYears': number;
  'secretariat.shared': boolean;
  'secretariat.followsChair': boolean;
  'meetings.perYearMin': number;
  'meetings.perYearMax': number;
  'meetings.adHoc': boolean;
  'deadlines.agendaLead': LeadTime;
  'deadlines.itemsCutoff': LeadTime;
  'deadlines.minutesDue': LeadTime;
  'deadlines.commentWindow': LeadTime;
  'deadlines.tacitApproval': boolean;
  decisionMinutes: boolean;
  publication: { public: boolean; where?: string };
  jointMeeting: { withForumName?: string; order?: 'after' | 'before' };
  themeDays: { perYear: number; withForumName?: string };
  evaluation: { afterMonths: number; reportToName?: string };
  annualStatus: { toForumName?: string };
  /** Who holds the chair / provides the secretariat, as the document names them. */
  'chair.by': Holder;
  'secretariat.by': Holder;
  /** True: meetings are closed ("møder, der ikke er offentlige"); false: open ("møderne er åbne"). */
  'meetings.closed': boolean;
  /** "består af 11 medlemmer": the number of members in all. */
  membersTotal: number;
}

/** An organisation named as the holder of a role: its name as written and its sector when the name tells. */
export type Holder = { name: string; sector?: OrganisationKind };
export type ScalarPath = keyof ScalarFields;

export interface ListFields {
  purpose: string;
  tasks: string;
  seats: SeatDraft;
  subGroupsAllowed: string;
}
export type ListPath = keyof ListFields;
export const listPaths: readonly ListPath[] = ['purpose', 'tasks', 'seats', 'subGroupsAllowed'];

export type TermsDraft = {
  forumName: Finding<string>;
  fields: { [P in ScalarPath]?: Finding<ScalarFields[P]> };
  lists: { [P in ListPath]: Finding<ListFields[P]>[] };
};

/** Two sentences of one forum state different values for one field; the draft keeps the first, at low confidence. */
export type Contradiction = {
  forumName: string;
  field: ScalarPath;
  findings: Finding<unknown>[];
};

export type TermsImportResult = {
  /** The normalised document text every span points into. */
  text: string;
  drafts: TermsDraft[];
  contradictions: Contradiction[];
};
