/**
 * A forum's meetings (optionally of one year), each with its deadlines; cancelled meetings are listed without. The joint
 * meetings and theme days another forum holds with this one are listed too (their `forumId` is the host's; the host plans
 * them), with the host's deadlines: its terms, its region's calendar (the same as on the meeting's page).
 */
import { calendarOfRegion } from '../region-calendar.js';
import { listedForForums } from '../../domain/meetings/joint-listing.js';
import { checkYear, kindOfForum, requireForum, withDeadlines, type MeetingView, type PlanningDeps } from './planning.shared.js';

export async function listForumMeetings(deps: PlanningDeps, forumId: string, year?: number): Promise<MeetingView[]> {
  if (year !== undefined) checkYear(year);
  return deps.transact(async (uow) => {
    const forum = await requireForum(uow, forumId);
    const cal = await calendarOfRegion(uow.closedDays, forum.region);
    const range = year !== undefined ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
    const [meetings, terms] = [await uow.meetings.listMeetings({ forumIds: [forumId], ...range, withJoint: true }), await uow.registry.listTerms(forumId)];
    const listed = listedForForums(meetings, [forumId]);
    // The hosts of the joint meetings listed here: their terms and calendars (sequential: one connection on PGlite).
    const hosts = new Map<string, { terms: typeof terms; cal: typeof cal; kind: Awaited<ReturnType<typeof kindOfForum>> }>([[forumId, { terms, cal, kind: await kindOfForum(uow, forum) }]]);
    for (const hostId of new Set(listed.map((m) => m.forumId))) {
      if (hosts.has(hostId)) continue;
      const host = await requireForum(uow, hostId);
      hosts.set(hostId, { terms: await uow.registry.listTerms(hostId), cal: await calendarOfRegion(uow.closedDays, host.region), kind: await kindOfForum(uow, host) });
    }
    return listed.map((m) => {
      const h = hosts.get(m.forumId)!;
      return withDeadlines(m, h.terms, h.cal, h.kind);
    });
  });
}
