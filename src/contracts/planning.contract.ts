/**
 * Responses of the planning routes (src/entry/http/routes/planning.routes.ts):
 * meetings with their deadlines, the year plan, deadlines, rotation,
 * composition, the year of duties (årshjul) and the region's closed days.
 * Shapes of the use cases in src/usecases/planning and year-of-duties.usecase.ts.
 */
import { z } from 'zod';
import { hhmm, id, isoDate } from '../domain/registry/registry.model.js';
import { MeetingInput, MeetingStatus } from '../domain/meetings/meeting.model.js';
import { ClosedDay } from '../domain/calendar/closed-day.model.js';
import { dutyKinds } from '../domain/wheel/annual.wheel.js';
import { findingCodes } from '../domain/composition/composition.check.js';
import { deadlineKinds } from '../domain/deadlines/meeting.deadlines.js';

/** A stored meeting (src/domain/meetings/meeting.model.ts, Meeting). */
export const MeetingResponse = MeetingInput.safeExtend({
  id,
  status: MeetingStatus,
  sequence: z.number().int().optional().describe('Number within the forum\'s year ("4. møde i ...")'),
  agendaSentAt: z.string().optional(),
  minutesSentAt: z.string().optional(),
  cancelledReason: z.string().optional(),
  historical: z.boolean().optional().describe('Recorded afterwards as history: no Outlook event, reminders or notifications'),
  revision: z.number().int().describe('Increased on every change'),
});
export type MeetingResponse = z.output<typeof MeetingResponse>;

/** One deadline of a meeting: the day and instant it falls at, and why it moved off its nominal day. */
export const DeadlineResponse = z.object({
  date: isoDate,
  at: z.string().describe('ISO 8601 instant'),
  nominalDate: isoDate,
  adjustedBecause: z.string().optional(),
  projected: z.boolean().optional(),
  fromDefault: z.literal(true).optional().describe("The forum's terms do not state this rule: a default"),
});
export type DeadlineResponse = z.output<typeof DeadlineResponse>;

export const MeetingDeadlinesResponse = z.object({
  itemsCutoff: DeadlineResponse,
  agendaDue: DeadlineResponse,
  minutesDue: DeadlineResponse,
  commentWindowCloses: DeadlineResponse,
});
export type MeetingDeadlinesResponse = z.output<typeof MeetingDeadlinesResponse>;

/** A meeting with its deadlines (none for a meeting of a forum without rules). */
export const MeetingWithDeadlinesResponse = MeetingResponse.safeExtend({ deadlines: MeetingDeadlinesResponse.optional() });
export type MeetingWithDeadlinesResponse = z.output<typeof MeetingWithDeadlinesResponse>;

const Rules = z.object({ agenda: z.string(), itemsCutoff: z.string(), minutes: z.string(), commentWindow: z.string(), tacitApproval: z.boolean(), endOfWorkingDay: z.string() });

/** A meeting of the year of duties: stored, or proposed by the planner with its reasons. */
export const YearMeetingResponse = z.object({
  id: z.string().optional(),
  sequence: z.number().int().optional(),
  date: isoDate,
  start: hhmm,
  end: hhmm,
  kind: z.enum(['ordinary', 'joint', 'theme_day', 'extraordinary']),
  status: z.string().optional(),
  jointWithForumId: z.string().optional(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  reasonsEn: z.array(z.string()),
  warningsEn: z.array(z.string()),
  deadlines: MeetingDeadlinesResponse.optional(),
});
export type YearMeetingResponse = z.output<typeof YearMeetingResponse>;

/** GET /api/forums/:id/plan/:year */
export const YearPlanResponse = z.object({
  forumId: z.string(),
  year: z.number().int(),
  constraints: z.array(z.string()),
  constraintsEn: z.array(z.string()),
  rules: Rules,
  proposal: z.array(YearMeetingResponse),
  existing: z.array(z.object({ id: z.string(), date: z.string(), start: z.string(), end: z.string(), kind: z.string(), status: z.string() })),
  warnings: z.array(z.string()),
  warningsEn: z.array(z.string()),
});
export type YearPlanResponse = z.output<typeof YearPlanResponse>;

/** POST /api/forums/:id/plan/:year/accept */
export const AcceptPlanResponse = z.object({ forumId: z.string(), year: z.number().int(), created: z.array(MeetingWithDeadlinesResponse), kept: z.array(MeetingWithDeadlinesResponse) });
export type AcceptPlanResponse = z.output<typeof AcceptPlanResponse>;

/** PATCH /api/meetings/:id */
export const EditMeetingResponse = z.object({ meeting: MeetingWithDeadlinesResponse, moved: z.boolean() });
export type EditMeetingResponse = z.output<typeof EditMeetingResponse>;
/** POST /api/meetings/:id/move */
export const MoveMeetingResponse = z.object({ meeting: MeetingWithDeadlinesResponse, previous: MeetingWithDeadlinesResponse });

export const MeetingDefaultsResponse = z.object({ forumId: z.string(), location: z.string().nullable(), online: z.boolean() });
export type MeetingDefaultsResponse = z.output<typeof MeetingDefaultsResponse>;

/** One deadline in a period: a meeting's, or a task's due date. */
export const DeadlineItemResponse = z.object({
  kind: z.enum([...deadlineKinds, 'task_due']),
  title: z.string(),
  date: isoDate,
  at: z.string().optional(),
  forumId: z.string(),
  meetingId: z.string().optional(),
  meetingDate: z.string().optional(),
  taskId: z.string().optional(),
  adjustedBecause: z.string().optional(),
  projected: z.boolean().optional(),
  fromDefault: z.literal(true).optional(),
  done: z.boolean(),
});
export const ForumDeadlinesResponse = z.object({ forumId: z.string(), from: isoDate, to: isoDate, deadlines: z.array(DeadlineItemResponse) });
export const PersonDeadlinesResponse = z.object({
  personId: z.string(),
  from: isoDate,
  to: isoDate,
  deadlines: z.array(DeadlineItemResponse.extend({ role: z.enum(['secretariat', 'member', 'assignee']), forumName: z.string() })),
});
export type PersonDeadlinesResponse = z.output<typeof PersonDeadlinesResponse>;

const Term = { from: isoDate, to: isoDate, chairs: z.string(), secretariat: z.string() };
const Dated = z.object({ date: isoDate, text: z.string() });
/** GET /api/forums/:id/rotation */
export const RotationResponse = z.object({
  forumId: z.string(),
  from: isoDate,
  until: isoDate,
  rotation: z
    .object({
      termYears: z.number().int(),
      anchor: isoDate,
      anchorSource: z.enum(['stated', 'parent_offset', 'assumed']),
      terms: z.array(z.object({ ...Term, current: z.boolean() })),
      handovers: z.array(Dated),
      nextHandover: Dated.optional(),
      evaluations: z.array(Dated),
      notes: z.array(z.string()),
    })
    .nullable(),
  message: z.string().optional(),
});

/** A finding of the composition check (src/domain/composition/composition.check.ts). */
export const CompositionFindingResponse = z.object({
  code: z.enum(findingCodes),
  severity: z.enum(['error', 'warning', 'info']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  da: z.string(),
  en: z.string(),
  seatIndex: z.number().int().optional(),
  organisationId: z.string().optional(),
});
export type CompositionFindingResponse = z.output<typeof CompositionFindingResponse>;
/** GET /api/forums/:id/composition */
export const CompositionResponse = z.object({ forumId: z.string(), on: isoDate, findings: z.array(CompositionFindingResponse), message: z.string().optional().describe('Set when nothing could be checked (the forum has no terms of reference); findings is then empty') });
export type CompositionResponse = z.output<typeof CompositionResponse>;

/** A duty of the year (src/domain/wheel/annual.wheel.ts, Duty). */
export const DutyResponse = z.object({
  date: isoDate,
  at: z.string().optional().describe('ISO 8601 instant where the duty has a time'),
  kind: z.enum(dutyKinds),
  forumId: z.string(),
  meetingId: z.string().optional(),
  taskId: z.string().optional(),
  title: z.string(),
  titleEn: z.string().optional(),
  ruleDefault: z.boolean().optional().describe("set on a deadline whose rule the forum's terms do not state (a default awaiting acceptance)"),
  heldBy: z.string().optional().describe('set on a joint meeting or theme day another forum holds with this one, and on its deadlines: the host forum (the duty is its own, listed here for information)'),
});
export type DutyResponse = z.output<typeof DutyResponse>;

const Handover = z.object({ date: isoDate, text: z.string(), textEn: z.string() });
/** GET /api/forums/:id/year/:year (the year of duties, årshjul) */
export const YearOfDutiesResponse = z.object({
  forum: z.object({ id: z.string(), name: z.string(), level: z.string(), region: z.string(), cluster: z.string().optional(), parentId: z.string().optional() }),
  year: z.number().int(),
  source: z.enum(['stored', 'proposed']),
  rules: Rules,
  rulesEn: Rules.describe('`rules` in English'),
  constraints: z.array(z.string()),
  constraintsEn: z.array(z.string()),
  meetings: z.array(YearMeetingResponse),
  chair: z
    .object({
      termYears: z.number().int(),
      anchor: isoDate,
      anchorSource: z.enum(['stated', 'parent_offset', 'assumed']),
      terms: z.array(z.object(Term)),
      nextHandover: Handover.optional(),
      notes: z.array(z.string()),
    })
    .nullable(),
  handovers: z.array(Handover),
  duties: z.array(DutyResponse),
  unassignedAgreements: z.array(z.string()),
  composition: z.array(CompositionFindingResponse),
  warnings: z.array(z.string()),
  warningsEn: z.array(z.string()),
});
export type YearOfDutiesResponse = z.output<typeof YearOfDutiesResponse>;

/** GET /api/regions/:region/year/:year */
export const RegionYearResponse = z.object({
  region: z.string(),
  year: z.number().int(),
  months: z.array(z.object({ month: z.number().int(), name: z.string(), duties: z.array(DutyResponse.extend({ forumName: z.string() })) })),
  forums: z.array(z.object({ id: z.string(), name: z.string(), source: z.enum(['stored', 'proposed']) })),
});
export type RegionYearResponse = z.output<typeof RegionYearResponse>;

export const ClosedDayResponse = ClosedDay;
export type ClosedDayResponse = z.output<typeof ClosedDayResponse>;
/** GET /api/regions/:region/closed-days */
export const RegionClosedDaysResponse = z.object({
  region: z.string(),
  year: z.number().int().optional(),
  closedDays: z.array(ClosedDay),
  publicHolidays: z.array(z.object({ date: isoDate, da: z.string(), en: z.string() })).optional().describe("Denmark's public holidays of the year asked for (only with ?year), named in Danish and English"),
  canEdit: z.boolean().describe("Whether the caller is the region's secretariat (may edit)"),
});
export type RegionClosedDaysResponse = z.output<typeof RegionClosedDaysResponse>;
export const ClosedDayRemovedResponse = z.object({ removed: ClosedDay });
