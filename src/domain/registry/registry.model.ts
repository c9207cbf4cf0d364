/**
 * The forum registry: organisations, people, forums, terms of reference
 * (kommissorium) and memberships.
 *
 * What it does: defines the shapes (as zod schemas, so the HTTP layer validates
 * with exactly the domain's rules and generates OpenAPI from them) and the pure
 * invariants that span several fields (min <= max, a forum cannot be its own
 * ancestor). What it does not do: any I/O. Repositories store these shapes.
 *
 * Terms of reference leave a rule *unset* when the document does not state it;
 * the rules engine applies the documented defaults (agenda 14 days before, minutes
 * 7 days after, 7-day comment window). An importer never invents a value.
 */
import { z } from 'zod';

/** A real calendar day (no 30 February) in the years the calendar of duties can plan (1900-2999). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Format errors are the regex's to report; this adds the calendar check only.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isRealDate(s), 'must be a real calendar date between 1900-01-01 and 2999-12-31');
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM');
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');
const text = (max = 500) => z.string().trim().min(1, 'must not be empty').max(max);

export const organisationKinds = [
  'municipality',
  'hospital',
  'psychiatry',
  'region_administration',
  'general_practice',
  'other',
] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const OrganisationInput = z.object({
  id: id.optional(),
  name: text(200),
  kind: OrganisationKind,
  region: text(100).optional(),
  cluster: text(100).optional(),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export type Organisation = OrganisationInput & { id: string };

export const PersonInput = z.object({
  id: id.optional(),
  name: text(200),
  title: text(200).optional(),
  organisationId: id.optional(),
  email: z.email('must be an e-mail address').max(320).optional(),
  entraObjectId: z.uuid('must be an Entra object id (a GUID)').optional(),
  tenantId: z.uuid('must be a tenant id (a GUID)').optional(),
  hasTeams: z.boolean().default(true),
});
export type PersonInput = z.infer<typeof PersonInput>;
export type Person = z.output<typeof PersonInput> & { id: string };

/**
 * A person's Entra object id and tenant come only from a validated sign-in token
 * (the first sign-in binds them; an administrator re-binds). The write schemas
 * accept the keys so the route can refuse them by name (400), never ignore them.
 */
export const identityFields = ['entraObjectId', 'tenantId'] as const;
const refusedIdentity = {
  entraObjectId: z.unknown().optional().describe('Refused: set only by the person\'s own sign-in'),
  tenantId: z.unknown().optional().describe('Refused: set only by the person\'s own sign-in'),
};
const requiredInPut = (what: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? `is required in a PUT (send null to clear it, or use PATCH to change only some fields)` : what),
});
const emailField = z.email('must be an e-mail address').max(320);
/** POST /api/people. */
export const PersonCreateInput = PersonInput.omit({ entraObjectId: true, tenantId: true }).extend(refusedIdentity);
/** PUT /api/people/:id replaces the record: every field must be sent (null clears an optional one). */
export const PersonReplaceInput = z.object({
  name: z.string(requiredInPut('must be text')).trim().min(1, 'must not be empty').max(200),
  title: z.string(requiredInPut('must be text or null')).trim().min(1, 'must not be empty').max(200).nullable(),
  organisationId: z.string(requiredInPut('must be an id or null')).min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _').nullable(),
  email: z.email(requiredInPut('must be an e-mail address or null')).max(320).nullable(),
  hasTeams: z.boolean(requiredInPut('must be true or false')),
  ...refusedIdentity,
});
/** PATCH /api/people/:id changes only the fields sent (null clears an optional one). */
export const PersonPatchInput = z.object({
  name: text(200).optional(),
  title: text(200).nullable().optional(),
  organisationId: id.nullable().optional(),
  email: emailField.nullable().optional(),
  hasTeams: z.boolean().optional(),
  ...refusedIdentity,
});
export type PersonChanges = { name?: string; title?: string | null; organisationId?: string | null; email?: string | null; hasTeams?: boolean };
/** The person after a PUT or PATCH: fields not sent keep their value, null clears; the Entra binding is never touched. */
export function applyPersonChanges(before: Person, changes: PersonChanges): Person {
  const out: Person = { ...before };
  if (changes.name !== undefined) out.name = changes.name;
  if (changes.hasTeams !== undefined) out.hasTeams = changes.hasTeams;
  for (const k of ['title', 'organisationId', 'email'] as const) {
    const v = changes[k];
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out;
}

export const forumLevels = [
  'political',
  'central',
  'central_theme',
  'cluster',
  'cluster_operational',
  'ad_hoc',
] as const;
export const ForumLevel = z.enum(forumLevels);
export type ForumLevel = z.infer<typeof ForumLevel>;

/** Forum kinds are data (a slug), not code: new kinds need no release. */
export const ForumKind = z.string().min(2).max(60).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case slug');

export const ForumInput = z.object({
  id: id.optional(),
  name: text(200),
  shortName: text(50).optional(),
  kind: ForumKind,
  level: ForumLevel,
  parentId: id.nullable().optional(),
  region: text(100),
  cluster: text(100).optional(),
  status: z.enum(['active', 'ended']).default('active'),
  endedOn: isoDate.optional(),
  successorIds: z.array(id).max(20).default([]),
  /** Ad hoc groups: the mandate ends on this date. */
  mandateEndsOn: isoDate.optional(),
  channelType: z.enum(['standard', 'private']).default('standard'),
  links: z.array(z.object({ label: text(100), url: z.url('must be an absolute URL') })).max(20).default([]),
});
export type ForumInput = z.input<typeof ForumInput>;
export type Forum = z.output<typeof ForumInput> & { id: string };

/** A duration as terms of reference write it: "14 dage", "2 uger", "5 hverdage". */
export const LeadTime = z.object({
  amount: z.number().int().min(0).max(365),
  unit: z.enum(['calendar_days', 'weeks', 'working_days']),
});
export type LeadTime = z.infer<typeof LeadTime>;

/** What to do when a deadline falls on a closed day (weekend, holiday, closed day). */
export const ClosedDayPolicy = z.enum(['previous_working_day', 'next_working_day', 'keep']);
export type ClosedDayPolicy = z.infer<typeof ClosedDayPolicy>;

const countRange = z
  .object({ min: z.number().int().min(0).max(100).nullable(), max: z.number().int().min(0).max(100).nullable() })
  .superRefine((v, ctx) => {
    if (v.min !== null && v.max !== null && v.min > v.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${v.min}) must not be greater than max (${v.max})` });
    }
  });

export const SeatParty = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), organisationId: id }),
  /** One seat group per organisation of this sector in the forum's cluster ("fra hver af de 3 kommuner"). */
  z.object({ kind: z.literal('sector'), sector: OrganisationKind, perOrganisation: z.boolean().default(false) }),
]);
export type SeatParty = z.infer<typeof SeatParty>;

export const Seat = z
  .object({
    party: SeatParty,
    role: text(200).optional(),
    min: z.number().int().min(0).max(100).nullable().default(null),
    max: z.number().int().min(0).max(100).nullable().default(null),
    note: text(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.min !== null && v.max !== null && v.min > v.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${v.min}) must not be greater than max (${v.max})` });
    }
  });
export type Seat = z.output<typeof Seat>;

export const chairSides = ['hospital', 'region', 'municipality', 'psychiatry', 'general_practice'] as const;
export const ChairSide = z.enum(chairSides);
export type ChairSide = z.infer<typeof ChairSide>;

export const ChairRule = z.object({
  /** Delt formandskab: one co-chair per side. */
  shared: z.boolean(),
  sides: z.array(ChairSide).max(4).default([]),
  /** The side whose seat rotates among organisations (usually the municipal side). */
  rotatingSide: ChairSide.optional(),
  /** Organisations in rotation order. */
  rotationOrder: z.array(id).max(20).default([]),
  /** Chair *and* secretariat rotate among all parties ("går på skift mellem de tre kommuner og hospitalet"). */
  rotatesAmongAllParties: z.boolean().default(false),
  termYears: z.number().int().min(1).max(10).optional(),
  /** Offset of the hand-over against the parent forum's chair term, in months ("½ års forskydning" = 6). */
  offsetMonthsFromParent: z.number().int().min(-60).max(60).optional(),
  /** The first term starts on this date (anchor of the rotation timeline). */
  firstTermStarts: isoDate.optional(),
  evaluateAfterYears: z.number().int().min(1).max(10).optional(),
  note: text(2000).optional(),
});
export type ChairRule = z.output<typeof ChairRule>;

export const SecretariatRule = z.object({
  shared: z.boolean().default(false),
  /** Secretariat comes from the organisations holding the chair. */
  followsChair: z.boolean().default(false),
  description: text(2000).optional(),
});
export type SecretariatRule = z.output<typeof SecretariatRule>;

export const MeetingRule = z
  .object({
    perYearMin: z.number().int().min(0).max(52).nullable().default(null),
    perYearMax: z.number().int().min(0).max(52).nullable().default(null),
    adHoc: z.boolean().default(false),
    preferredWeekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    preferredStart: hhmm.optional(),
    durationMinutes: z.number().int().min(15).max(600).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.perYearMin !== null && v.perYearMax !== null && v.perYearMin > v.perYearMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['perYearMin'],
        message: `perYearMin (${v.perYearMin}) must not be greater than perYearMax (${v.perYearMax})`,
      });
    }
  });
export type MeetingRule = z.output<typeof MeetingRule>;

export const DeadlineRules = z.object({
  /** Dagsorden udsendes N før mødet (default 14 calendar days). */
  agendaLead: LeadTime.optional(),
  /** Members' items must arrive N before the meeting (default: 7 days before the agenda is due). */
  itemsCutoff: LeadTime.optional(),
  /** Referat udsendes senest N efter mødet (default 7 calendar days). */
  minutesDue: LeadTime.optional(),
  /** Bemærkninger til referatet inden N (default 7 calendar days from sending). */
  commentWindow: LeadTime.optional(),
  /** Minutes count as approved when the window closes without objection. */
  tacitApproval: z.boolean().optional(),
  /** End of the working day: the local time of day every deadline falls at. */
  endOfWorkingDay: hhmm.optional(),
  closedDayPolicy: z
    .object({
      itemsCutoff: ClosedDayPolicy.optional(),
      agendaDue: ClosedDayPolicy.optional(),
      minutesDue: ClosedDayPolicy.optional(),
      commentWindowCloses: ClosedDayPolicy.optional(),
    })
    .default({}),
});
export type DeadlineRules = z.output<typeof DeadlineRules>;

/**
 * How a closed agenda item (lukket punkt) shows in the public version:
 * "placeholder" = its number with the words "Lukket punkt" and nothing else;
 * "hidden" = left out (the other items keep their numbers).
 */
export const ClosedItemDisplay = z.enum(['placeholder', 'hidden']);
export type ClosedItemDisplay = z.infer<typeof ClosedItemDisplay>;

export const TermsOfReferenceInput = z.object({
  validFrom: isoDate,
  approvedByForumId: id.optional(),
  approvedByName: text(200).optional(),
  approvedOn: isoDate.optional(),
  purpose: z.array(text(4000)).max(50).default([]),
  tasks: z.array(text(4000)).max(100).default([]),
  seats: z.array(Seat).max(100).default([]),
  /** "Minimum én person er gennemgående": at least one member continues across terms. */
  continuityRequired: z.boolean().default(false),
  chair: ChairRule.optional(),
  secretariat: SecretariatRule.optional(),
  meetings: MeetingRule.default({ perYearMin: null, perYearMax: null, adHoc: false, preferredWeekdays: [] }),
  deadlines: DeadlineRules.default({ closedDayPolicy: {} }),
  decisionMinutes: z.boolean().default(false),
  publication: z
    .object({
      public: z.boolean(),
      where: text(500).optional(),
      /** Closed items in the public version (default: the forum kind's rule, else "placeholder"). */
      closedItems: ClosedItemDisplay.optional(),
      /** Publish the beslutningsprotokol (decisions only) instead of the full minutes. */
      decisionsOnly: z.boolean().optional(),
    })
    .optional(),
  jointMeeting: z.object({ withForumId: id, order: z.enum(['after', 'before']).default('after') }).optional(),
  themeDays: z.object({ perYear: z.number().int().min(0).max(12), withForumId: id.optional() }).optional(),
  evaluation: z.object({ afterMonths: z.number().int().min(1).max(120), reportToForumId: id.optional() }).optional(),
  annualStatus: z.object({ toForumId: id.optional(), dueMonth: z.number().int().min(1).max(12).optional() }).optional(),
  subGroupsAllowed: z.array(text(200)).max(20).default([]),
  /** Follow-up of collaboration agreements (samarbejdsaftaler) scheduled across the year. */
  annualWheel: z
    .array(z.object({ agreement: text(300), meetingIndex: z.number().int().min(1).max(52) }))
    .max(100)
    .default([]),
});
export type TermsOfReferenceInput = z.input<typeof TermsOfReferenceInput>;
export type TermsOfReference = z.output<typeof TermsOfReferenceInput> & {
  id: string;
  forumId: string;
  version: number;
};

export const membershipRoles = [
  'chair',
  'co_chair',
  'secretary',
  'member',
  'substitute',
  'ad_hoc',
  'observer',
] as const;
export const MembershipRole = z.enum(membershipRoles);
export type MembershipRole = z.infer<typeof MembershipRole>;

export const MembershipInput = z
  .object({
    id: id.optional(),
    personId: id,
    forumId: id,
    role: MembershipRole,
    /** Co-chairs: which side they chair for (regional / municipal medformand). */
    side: ChairSide.optional(),
    /** Substitutes: the membership they stand in for. */
    substituteForId: id.optional(),
    representingOrganisationId: id.optional(),
    from: isoDate,
    to: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (v.role === 'substitute' && !v.substituteForId) {
      ctx.addIssue({ code: 'custom', path: ['substituteForId'], message: 'is required for a substitute' });
    }
  });
export type MembershipInput = z.input<typeof MembershipInput>;
export type Membership = z.output<typeof MembershipInput> & { id: string };

/** Roles that run the forum: they edit agendas and minutes. */
export const secretariatRoles: readonly MembershipRole[] = ['chair', 'co_chair', 'secretary'];

export function isActiveOn(m: Pick<Membership, 'from' | 'to'>, day: string): boolean {
  return m.from <= day && (!m.to || m.to >= day);
}

/** Would setting `parentId` as the parent of `forumId` create a cycle? */
export function createsCycle(forumId: string, parentId: string | null | undefined, parentOf: (id: string) => string | null | undefined): boolean {
  let cur = parentId ?? null;
  const seen = new Set<string>();
  while (cur) {
    if (cur === forumId || seen.has(cur)) return true;
    seen.add(cur);
    cur = parentOf(cur) ?? null;
  }
  return false;
}

export type ForumNode = Forum & { children: ForumNode[] };

/** The forum hierarchy as a forest, children sorted by name (Danish collation). */
export function buildForumTree(forums: readonly Forum[]): ForumNode[] {
  const nodes = new Map<string, ForumNode>(forums.map((f) => [f.id, { ...f, children: [] }]));
  const roots: ForumNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const collator = new Intl.Collator('da');
  const sort = (list: ForumNode[]) => {
    list.sort((a, b) => collator.compare(a.name, b.name));
    list.forEach((c) => sort(c.children));
  };
  sort(roots);
  return roots;
}
