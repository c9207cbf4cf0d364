/**
 * Responses of the kommissorium import routes (src/entry/http/routes/terms-import.routes.ts):
 * the preview of a read document (POST /api/terms-import), the reviewed import as a
 * new version of a forum's terms (POST /api/forums/:id/terms/import-confirm, dryRun or
 * not) and the forum a document describes (POST /api/terms-import/create-forum).
 *
 * The shapes are the domain's (src/domain/terms-import): a draft's every value is a
 * Finding (value, span of the document text, confidence); the `satisfies` clauses keep
 * the schemas and the domain types from drifting apart at compile time. Values the
 * domain leaves open (a stated rule's value in `provenance`, the diff's before/after,
 * an assumption's value) are `unknown` here too. The tab imports the types
 * (`import type`), the server the schemas.
 */
import { z } from 'zod';
import { ChairSide, ForumLevel, OrganisationKind, TermsOfReferenceInput } from '../domain/registry/registry.model.js';
import type { ForumMatch } from '../domain/terms-import/forum-name.match.js';
import type { DraftValues } from '../domain/terms-import/terms-draft.values.js';
import type { Contradiction, Holder, ListFields, ListPath, ScalarFields, ScalarPath, SeatDraft, SourceSpan, TermsDraft } from '../domain/terms-import/terms-import.model.js';
import type { RuleProvenance } from '../domain/terms-import/terms-provenance.js';
import type { TermsChange } from '../domain/terms-import/terms.diff.js';
import type { FieldComparison } from '../domain/terms-import/terms.compare.js';
import type { DraftToInputResult } from '../domain/terms-import/terms-draft.to-input.js';
import { ForumCreatedResponse, TermsResponse } from './registry.contract.js';

/** Offsets into the response's `text` (UTF-16); `quote === text.slice(start, end)`. */
export const SourceSpanResponse = z.object({ start: z.number().int(), end: z.number().int(), quote: z.string() }) satisfies z.ZodType<SourceSpan>;

type FindingSchema<T extends z.ZodTypeAny> = z.ZodObject<{ value: T; span: typeof SourceSpanResponse; confidence: z.ZodNumber; inferred: z.ZodOptional<z.ZodBoolean> }>;
const finding = <T extends z.ZodTypeAny>(value: T): FindingSchema<T> =>
  z.object({
    value,
    span: SourceSpanResponse,
    confidence: z.number().min(0).max(1).describe('How sure the rule is that the sentence says this (0..1)'),
    inferred: z.boolean().optional().describe('The value follows from a stated fact rather than being stated'),
  });

// As extracted (not the input limits of TermsOfReferenceInput: the review screen shows what the document says).
const LeadTimeValue = z.object({ amount: z.number().int(), unit: z.enum(['calendar_days', 'weeks', 'working_days']) });
const HolderValue = z.object({ name: z.string(), sector: OrganisationKind.optional() }) satisfies z.ZodType<Holder>;
const SeatValue = z.object({
  party: z.object({ kind: z.literal('sector'), sector: OrganisationKind, perOrganisation: z.boolean() }),
  role: z.string().optional(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  note: z.string().optional(),
}) satisfies z.ZodType<SeatDraft>;

/** The value of every single-valued field the importer reads, by its path (ScalarFields). */
const scalarValues = {
  'forum.kind': z.string(),
  'forum.level': ForumLevel,
  'parent.name': z.string(),
  approvedByName: z.string(),
  approvedOn: z.string(),
  continuityRequired: z.boolean(),
  'chair.shared': z.boolean(),
  'chair.sides': z.array(ChairSide),
  'chair.rotatingSide': ChairSide,
  'chair.rotatesAmongAllParties': z.boolean(),
  'chair.termYears': z.number(),
  'chair.offsetMonthsFromParent': z.number(),
  'chair.evaluateAfterYears': z.number(),
  'secretariat.shared': z.boolean(),
  'secretariat.followsChair': z.boolean(),
  'meetings.perYearMin': z.number(),
  'meetings.perYearMax': z.number(),
  'meetings.adHoc': z.boolean(),
  'deadlines.agendaLead': LeadTimeValue,
  'deadlines.itemsCutoff': LeadTimeValue,
  'deadlines.minutesDue': LeadTimeValue,
  'deadlines.commentWindow': LeadTimeValue,
  'deadlines.tacitApproval': z.boolean(),
  decisionMinutes: z.boolean(),
  publication: z.object({ public: z.boolean(), where: z.string().optional() }),
  jointMeeting: z.object({ withForumName: z.string().optional(), order: z.enum(['after', 'before']).optional() }),
  themeDays: z.object({ perYear: z.number(), withForumName: z.string().optional() }),
  evaluation: z.object({ afterMonths: z.number(), reportToName: z.string().optional() }),
  annualStatus: z.object({ toForumName: z.string().optional() }),
  'chair.by': HolderValue,
  'secretariat.by': HolderValue,
  'meetings.closed': z.boolean(),
  membersTotal: z.number(),
} satisfies { [P in ScalarPath]-?: z.ZodType<ScalarFields[P]> };

export const ScalarPathResponse = z.enum(Object.keys(scalarValues) as [ScalarPath, ...ScalarPath[]]);

const listValues = { purpose: z.string(), tasks: z.string(), seats: SeatValue, subGroupsAllowed: z.string() } satisfies { [P in ListPath]-?: z.ZodType<ListFields[P]> };

/** Each value schema as an optional Finding of it. */
function optionalFindings<S extends Record<string, z.ZodTypeAny>>(values: S): { [K in keyof S]: z.ZodOptional<FindingSchema<S[K]>> } {
  return Object.fromEntries(Object.entries(values).map(([k, s]) => [k, finding(s).optional()])) as { [K in keyof S]: z.ZodOptional<FindingSchema<S[K]>> };
}

/** A draft: every value the document states for one forum, with where it says it. */
export const TermsDraftResponse = z.object({
  forumName: finding(z.string()),
  fields: z.object(optionalFindings(scalarValues)),
  lists: z.object({
    purpose: z.array(finding(listValues.purpose)),
    tasks: z.array(finding(listValues.tasks)),
    seats: z.array(finding(listValues.seats)),
    subGroupsAllowed: z.array(finding(listValues.subGroupsAllowed)),
  }),
}) satisfies z.ZodType<TermsDraft>;
export type TermsDraftResponse = z.output<typeof TermsDraftResponse>;

/**
 * A draft's values nested like TermsOfReferenceInput (draftValues): the forum's own facts
 * and the terms; names of other forums stay names. Unstated fields are absent.
 */
const v = scalarValues;
export const DraftTermsValues = z.object({
  approvedByName: v.approvedByName.optional(),
  approvedOn: v.approvedOn.optional(),
  continuityRequired: v.continuityRequired.optional(),
  chair: z
    .object({
      shared: v['chair.shared'].optional(),
      sides: v['chair.sides'].optional(),
      rotatingSide: v['chair.rotatingSide'].optional(),
      rotatesAmongAllParties: v['chair.rotatesAmongAllParties'].optional(),
      termYears: v['chair.termYears'].optional(),
      offsetMonthsFromParent: v['chair.offsetMonthsFromParent'].optional(),
      evaluateAfterYears: v['chair.evaluateAfterYears'].optional(),
      by: v['chair.by'].optional(),
    })
    .optional(),
  secretariat: z.object({ shared: v['secretariat.shared'].optional(), followsChair: v['secretariat.followsChair'].optional(), by: v['secretariat.by'].optional() }).optional(),
  meetings: z
    .object({ perYearMin: v['meetings.perYearMin'].optional(), perYearMax: v['meetings.perYearMax'].optional(), adHoc: v['meetings.adHoc'].optional(), closed: v['meetings.closed'].optional() })
    .optional(),
  deadlines: z
    .object({
      agendaLead: v['deadlines.agendaLead'].optional(),
      itemsCutoff: v['deadlines.itemsCutoff'].optional(),
      minutesDue: v['deadlines.minutesDue'].optional(),
      commentWindow: v['deadlines.commentWindow'].optional(),
      tacitApproval: v['deadlines.tacitApproval'].optional(),
    })
    .optional(),
  decisionMinutes: v.decisionMinutes.optional(),
  publication: v.publication.optional(),
  jointMeeting: v.jointMeeting.optional(),
  themeDays: v.themeDays.optional(),
  evaluation: v.evaluation.optional(),
  annualStatus: v.annualStatus.optional(),
  membersTotal: v.membersTotal.optional(),
  purpose: z.array(listValues.purpose).optional(),
  tasks: z.array(listValues.tasks).optional(),
  seats: z.array(listValues.seats).optional(),
  subGroupsAllowed: z.array(listValues.subGroupsAllowed).optional(),
});
export const DraftValuesResponse = z.object({
  forum: z.object({ name: z.string(), kind: z.string().optional(), level: z.string().optional(), parentName: z.string().optional() }),
  terms: DraftTermsValues,
}) satisfies z.ZodType<DraftValues>;
export type DraftValuesResponse = z.output<typeof DraftValuesResponse>;

const ForumRefResponse = z.object({ id: z.string(), name: z.string() });
/** How a forum name the document gives matches the forums that exist: one, several for a person to pick, or none. */
export const ForumMatchResponse = z.union([
  z.object({ match: ForumRefResponse, score: z.number() }),
  z.object({ ambiguous: z.array(ForumRefResponse) }),
  z.object({ none: z.literal(true) }),
]) satisfies z.ZodType<ForumMatch>;
export type ForumMatchResponse = z.output<typeof ForumMatchResponse>;

const defaultedPath = z.enum([
  'deadlines.agendaLead',
  'deadlines.itemsCutoff',
  'deadlines.minutesDue',
  'deadlines.commentWindow',
  'deadlines.tacitApproval',
  'meetings.perYearMin',
  'meetings.perYearMax',
]);
/** Where a rule of the draft comes from: the document (stated, with its quote), a stated fact (inferred), or a default (never in the values). */
export const RuleProvenanceResponse = z.union([
  z.object({ path: ScalarPathResponse, provenance: z.enum(['stated', 'inferred']), value: z.unknown().describe('As in the finding for this path'), span: SourceSpanResponse }),
  z.object({
    path: defaultedPath,
    provenance: z.literal('default'),
    value: z.union([LeadTimeValue, z.boolean(), z.number()]).describe('The value Samraad applies if the secretary accepts it'),
    meaning: z.object({ da: z.string(), en: z.string() }),
    source: z.enum(['kind', 'product']).describe("The forum kind's default (catalogue) or the product's"),
  }),
]) satisfies z.ZodType<RuleProvenance>;
export type RuleProvenanceResponse = z.output<typeof RuleProvenanceResponse>;

/** One draft of the preview: its values, its findings, where each rule comes from, and how its forum name matches. */
export const ImportDraftResponse = DraftValuesResponse.extend({
  findings: TermsDraftResponse,
  provenance: z.array(RuleProvenanceResponse),
  catalogueKind: z.string().nullable().describe("The catalogue's key for the kind the draft names, if the catalogue has it"),
  forumMatch: ForumMatchResponse,
});
export type ImportDraftResponse = z.output<typeof ImportDraftResponse>;

export const ContradictionResponse = z.object({
  forumName: z.string(),
  field: ScalarPathResponse,
  findings: z.array(finding(z.unknown())),
}) satisfies z.ZodType<Contradiction>;

/** One field of the forum's current terms beside the document's (src/domain/terms-import/terms.compare.ts). */
export const FieldComparisonResponse = z.object({
  path: z.string().describe('A field of the terms, e.g. "meetings.perYearMin" or "deadlines.agendaLead"'),
  status: z.enum(['new', 'changed', 'unchanged', 'absent']).describe('absent: the current terms set it, the document does not'),
  current: z.unknown().optional(),
  imported: z.unknown().optional(),
  keptOnConfirm: z.boolean().optional().describe('For an absent field: confirming keeps the current value (a setting a document never states)'),
}) satisfies z.ZodType<FieldComparison>;
export type FieldComparisonResponse = z.output<typeof FieldComparisonResponse>;

/** Importing for a forum (?forumId=): its current terms beside the draft that is the forum, before the person's edits. */
export const TermsComparisonResponse = z.object({
  forumId: z.string(),
  draftIndex: z.number().int(),
  currentVersion: z.number().int().nullable(),
  fields: z.array(FieldComparisonResponse),
});
export type TermsComparisonResponse = z.output<typeof TermsComparisonResponse>;

/** POST /api/terms-import: the document read into drafts; nothing is written. */
export const TermsImportPreviewResponse = z.object({
  fileName: z.string().nullable(),
  format: z.enum(['docx', 'pdf', 'html', 'txt']),
  warnings: z.array(z.string()).describe("The reader's warnings (e.g. Word content it could not convert)"),
  text: z.string().describe('The normalised document text every span points into'),
  drafts: z.array(ImportDraftResponse),
  contradictions: z.array(ContradictionResponse),
  parentMatches: z.array(z.object({ draftIndex: z.number().int(), name: z.string().nullable(), match: ForumMatchResponse.nullable() })),
  nameMatches: z.record(z.string(), ForumMatchResponse).describe('Every other forum a draft names, matched'),
  forumDraftIndex: z.number().int().nullable().describe('The draft for the forum given as ?forumId=, when one is'),
  comparison: TermsComparisonResponse.nullable().describe("The forum's current terms beside the document's, when importing for a forum"),
});
export type TermsImportPreviewResponse = z.output<typeof TermsImportPreviewResponse>;

/** What the reviewed draft left open: forum names without a forum, and values the conversion assumed. */
const reviewOutcome = {
  unresolved: z.array(z.object({ field: ScalarPathResponse, name: z.string() })),
  assumptions: z.array(z.object({ field: z.string(), value: z.unknown(), why: z.string() })),
} satisfies { [K in 'unresolved' | 'assumptions']: z.ZodType<DraftToInputResult[K]> };

export const TermsChangeResponse = z.union([
  z.object({ path: z.string(), kind: z.literal('added'), after: z.unknown() }),
  z.object({ path: z.string(), kind: z.literal('removed'), before: z.unknown() }),
  z.object({ path: z.string(), kind: z.literal('changed'), before: z.unknown(), after: z.unknown() }),
  z.object({ path: z.string(), kind: z.literal('list'), added: z.array(z.unknown()), removed: z.array(z.unknown()) }),
]) satisfies z.ZodType<TermsChange>;
export type TermsChangeResponse = z.output<typeof TermsChangeResponse>;

const confirmCommon = {
  previousVersion: z.number().int().nullable(),
  diff: z.array(TermsChangeResponse),
  carriedOver: z.array(z.string()).describe('Settings the document never states, kept from the previous version'),
  ...reviewOutcome,
};
/** POST /api/forums/:id/terms/import-confirm with dryRun: the terms as they would be stored (no id or version yet) and the diff. */
export const TermsImportDryRunResponse = z.object({ dryRun: z.literal(true), terms: TermsOfReferenceInput, ...confirmCommon });
/** POST /api/forums/:id/terms/import-confirm: the new version as stored. */
export const TermsImportConfirmedResponse = z.object({ dryRun: z.literal(false), terms: TermsResponse, ...confirmCommon });
export type TermsImportDryRunResponse = z.output<typeof TermsImportDryRunResponse>;
export type TermsImportConfirmedResponse = z.output<typeof TermsImportConfirmedResponse>;
export type TermsImportConfirmResponse = TermsImportDryRunResponse | TermsImportConfirmedResponse;

/** POST /api/terms-import/create-forum: the new forum with its first terms, and what the review left open. */
export const TermsImportForumCreatedResponse = ForumCreatedResponse.extend(reviewOutcome);
export type TermsImportForumCreatedResponse = z.output<typeof TermsImportForumCreatedResponse>;
