/**
 * REST API of the rules engine: plan a year, accept a plan, list / move / cancel
 * meetings, deadlines (a forum's and my own), chair rotation, composition, the
 * forum's year of duties (årshjul) and the region's, and the region's extra
 * closed days (read: signed in; write: the region's secretariat).
 *
 * Access: a forum's year of duties (GET /api/forums/:id/year/:year) is public,
 * like the forum and its terms: regions publish their meeting calendars, and the
 * year holds dates, deadlines, chair hand-overs and seat findings, no people.
 * Every other read needs a signed-in person; writes need the forum's secretariat
 * (or the secretariat of a forum above it), which the use cases enforce.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { id, isoDate } from '../../../domain/registry/registry.model.js';
import { RegionName } from '../../../domain/calendar/closed-day.model.js';
import { AcceptPlanInput, acceptPlan } from '../../../usecases/planning/accept-plan.usecase.js';
import { ClosedDayInput, deleteClosedDay, listClosedDays, putClosedDay } from '../../../usecases/planning/closed-days.usecase.js';
import { cancelMeeting, CancelMeetingInput } from '../../../usecases/planning/cancel-meeting.usecase.js';
import { forumComposition } from '../../../usecases/planning/composition.usecase.js';
import { forumDeadlines } from '../../../usecases/planning/forum-deadlines.usecase.js';
import { forumYear } from '../../../usecases/planning/forum-year.usecase.js';
import { listForumMeetings } from '../../../usecases/planning/list-meetings.usecase.js';
import { AddMeetingInput, addMeeting, EditMeetingInput, editMeeting, getMeetingDefaults, MeetingDefaultsInput, setMeetingDefaults } from '../../../usecases/planning/meeting-edit.usecase.js';
import { moveMeeting, MoveMeetingInput } from '../../../usecases/planning/move-meeting.usecase.js';
import { personDeadlines } from '../../../usecases/planning/my-deadlines.usecase.js';
import { planYear } from '../../../usecases/planning/plan-year.usecase.js';
import { regionYear } from '../../../usecases/planning/region-year.usecase.js';
import { forumRotation } from '../../../usecases/planning/rotation.usecase.js';
import type { PlanningDeps } from '../../../usecases/planning/planning.shared.js';
import { formatYearOfDuties } from '../../../usecases/year-of-duties.usecase.js';
import { requirePerson } from '../auth.js';
import { access } from '../../../domain/access/access.policy.js';
import { forbidden, notFound } from '../../../usecases/use-case.errors.js';
import type { HttpContext } from '../http-context.js';
import {
  AcceptPlanResponse,
  ClosedDayRemovedResponse,
  ClosedDayResponse,
  CompositionResponse,
  EditMeetingResponse,
  ForumDeadlinesResponse,
  MeetingDefaultsResponse,
  MeetingResponse,
  MeetingWithDeadlinesResponse,
  MoveMeetingResponse,
  PersonDeadlinesResponse,
  RegionClosedDaysResponse,
  RegionYearResponse,
  RotationResponse,
  YearOfDutiesResponse,
  YearPlanResponse,
} from '../../../contracts/planning.contract.js';

const year = z.coerce.number().int('must be a whole year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier');
const IdParams = z.object({ id });
const ForumYearParams = z.object({ id, year });
const Period = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const tags = ['planning'];

export function planningRoutes(ctx: HttpContext, deps: PlanningDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/forums/:id/plan/:year', { schema: { tags, summary: "The planner's proposal for a forum's meetings in a year, with reasons", params: ForumYearParams, response: { 200: YearPlanResponse } } }, async (req) => {
      requirePerson(req);
      return planYear(deps, req.params.id, req.params.year);
    });
    app.post(
      '/api/forums/:id/plan/:year/accept',
      { schema: { tags, summary: 'Accept a (edited) plan: creates the meetings; accepting the same plan again creates nothing', params: ForumYearParams, body: AcceptPlanInput, response: { 200: AcceptPlanResponse, 201: AcceptPlanResponse } } },
      async (req, reply) => {
        const person = requirePerson(req);
        const r = await acceptPlan(deps, req.params.id, req.params.year, req.body, { personId: person.id });
        return reply.code(r.created.length ? 201 : 200).send(r);
      },
    );
    /** A forum's meetings and its composition (names of its members): its members, the secretariat above it and the region's secretariat. */
    const requireForumReader = async (req: Parameters<typeof requirePerson>[0], forumId: string) => {
      const person = requirePerson(req);
      if (!(await ctx.reads.getForum(forumId))) throw notFound('forum', forumId);
      if (!access.canReadForum(await ctx.accessFor(person.id), forumId)) {
        throw forbidden("Only the forum's members and secretariat see its meetings and members", 'Kun forummets medlemmer og sekretariat kan se dets møder og medlemmer');
      }
    };
    app.get('/api/forums/:id/meetings', { schema: { tags, summary: "A forum's meetings with their deadlines (its members and secretariat)", params: IdParams, querystring: z.object({ year: year.optional() }), response: { 200: z.array(MeetingWithDeadlinesResponse) } } }, async (req) => {
      await requireForumReader(req, req.params.id);
      return listForumMeetings(deps, req.params.id, req.query.year);
    });
    app.post('/api/forums/:id/meetings', { schema: { tags, summary: 'Add one meeting (ordinary, extraordinary, theme day, joint); place and online default to the forum\'s defaults; Outlook follows by a job', params: IdParams, body: AddMeetingInput, response: { 201: MeetingWithDeadlinesResponse } } }, async (req, reply) => {
      const person = requirePerson(req);
      return reply.code(201).send(await addMeeting(deps, req.params.id, req.body, { personId: person.id }));
    });
    app.patch('/api/meetings/:id', { schema: { tags, summary: 'Change a planned meeting: date, time (a move, with a reason), place, online, title; Outlook follows by a job', params: IdParams, body: EditMeetingInput, response: { 200: EditMeetingResponse } } }, async (req) => {
      const person = requirePerson(req);
      return editMeeting(deps, req.params.id, req.body, { personId: person.id });
    });
    app.get('/api/forums/:id/meeting-defaults', { schema: { tags, summary: "The forum's defaults for new meetings (place, online)", params: IdParams, response: { 200: MeetingDefaultsResponse } } }, async (req) => {
      requirePerson(req);
      return getMeetingDefaults(deps, req.params.id);
    });
    app.put('/api/forums/:id/meeting-defaults', { schema: { tags, summary: "Set the forum's defaults for new meetings (the secretariat)", params: IdParams, body: MeetingDefaultsInput, response: { 200: MeetingDefaultsResponse } } }, async (req) => {
      const person = requirePerson(req);
      return setMeetingDefaults(deps, req.params.id, req.body, { personId: person.id });
    });
    app.post('/api/meetings/:id/move', { schema: { tags, summary: 'Move a meeting; deadlines follow, Outlook is updated by a job', params: IdParams, body: MoveMeetingInput, response: { 200: MoveMeetingResponse } } }, async (req) => {
      const person = requirePerson(req);
      return moveMeeting(deps, req.params.id, req.body, { personId: person.id });
    });
    app.post('/api/meetings/:id/cancel', { schema: { tags, summary: 'Cancel a meeting with a reason', params: IdParams, body: CancelMeetingInput, response: { 200: MeetingResponse } } }, async (req) => {
      const person = requirePerson(req);
      return cancelMeeting(deps, req.params.id, req.body, { personId: person.id });
    });
    app.get('/api/forums/:id/deadlines', { schema: { tags, summary: "A forum's deadlines in a period (default: a year from today)", params: IdParams, querystring: Period, response: { 200: ForumDeadlinesResponse } } }, async (req) => {
      requirePerson(req);
      return forumDeadlines(deps, req.params.id, req.query);
    });
    app.get('/api/me/deadlines', { schema: { tags, summary: 'My deadlines: my forums by my role in them, and my tasks', querystring: Period, response: { 200: PersonDeadlinesResponse } } }, async (req) => {
      const person = requirePerson(req);
      return personDeadlines(deps, person.id, req.query);
    });
    app.get(
      '/api/forums/:id/rotation',
      { schema: { tags, summary: 'Who chairs (and runs the secretariat) when, and the next hand-over', params: IdParams, querystring: z.object({ from: isoDate.optional(), until: isoDate.optional() }), response: { 200: RotationResponse } } },
      async (req) => {
        requirePerson(req);
        return forumRotation(deps, req.params.id, req.query);
      },
    );
    app.get('/api/forums/:id/composition', { schema: { tags, summary: "The forum's members held against the seats in its terms (its members and secretariat)", params: IdParams, querystring: z.object({ on: isoDate.optional() }), response: { 200: CompositionResponse } } }, async (req) => {
      await requireForumReader(req, req.params.id);
      return forumComposition(deps, req.params.id, req.query.on);
    });
    app.get(
      '/api/forums/:id/year/:year',
      { schema: { tags, summary: "The forum's year of duties (årshjul); ?format=text for the text, Danish or (&lang=en) English. Public.", params: ForumYearParams, querystring: z.object({ format: z.enum(['json', 'text']).default('json'), lang: z.enum(['da', 'en']).default('da') }), response: { 200: { description: 'The year of duties; as text with ?format=text (Danish, or English with &lang=en)', content: { 'application/json': { schema: YearOfDutiesResponse }, 'text/plain': { schema: z.string() } } } } } },
      async (req, reply) => {
        const y = await forumYear(deps, req.params.id, req.params.year);
        if (req.query.format === 'text') return reply.type('text/plain; charset=utf-8').send(formatYearOfDuties(y, req.query.lang));
        return y;
      },
    );
    const RegionParams = z.object({ region: RegionName });
    const RegionDateParams = z.object({ region: RegionName, date: isoDate });
    app.get(
      '/api/regions/:region/closed-days',
      { schema: { tags, summary: "The region's extra closed days (e.g. the Christmas week), optionally of one year; canEdit says whether the caller is the region's secretariat", params: RegionParams, querystring: z.object({ year: year.optional() }), response: { 200: RegionClosedDaysResponse } } },
      async (req) => {
        const person = requirePerson(req);
        return listClosedDays(deps, req.params.region, req.query.year, { personId: person.id });
      },
    );
    app.put(
      '/api/regions/:region/closed-days/:date',
      { schema: { tags, summary: "Add a closed day to the region's working-day calendar, or relabel it (the region's secretariat); deadlines follow", params: RegionDateParams, body: ClosedDayInput, response: { 200: ClosedDayResponse, 201: ClosedDayResponse } } },
      async (req, reply) => {
        const person = requirePerson(req);
        const r = await putClosedDay(deps, req.params.region, req.params.date, req.body, { personId: person.id });
        return reply.code(r.created ? 201 : 200).send(r.closedDay);
      },
    );
    app.delete(
      '/api/regions/:region/closed-days/:date',
      { schema: { tags, summary: "Remove a closed day from the region's working-day calendar (the region's secretariat)", params: RegionDateParams, response: { 200: ClosedDayRemovedResponse } } },
      async (req) => {
        const person = requirePerson(req);
        return deleteClosedDay(deps, req.params.region, req.params.date, { personId: person.id });
      },
    );
    app.get('/api/regions/:region/year/:year', { schema: { tags, summary: "The duties of all a region's forums in a year, month by month", params: z.object({ region: z.string().min(1).max(100), year }), response: { 200: RegionYearResponse } } }, async (req) => {
      requirePerson(req);
      return regionYear(deps, req.params.region, req.params.year);
    });
  };
}
