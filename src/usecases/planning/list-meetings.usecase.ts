/**
 * A forum's meetings (optionally of one year), each with its deadlines; cancelled meetings are listed without. The joint
 * meetings and theme days another forum holds with this one are listed too (their `forumId` is the host's; the host plans them).
 */
import { calendarOfRegion } from '../region-calendar.js';
import { listedForForums } from '../../domain/meetings/joint-listing.js';
import { checkYear, requireForum, withDeadlines, type MeetingView, type PlanningDeps } from './planning.shared.js';

export async function listForumMeetings(deps: PlanningDeps, forumId: string, year?: number): Promise<MeetingView[]> {
  if (year !== undefined) checkYear(year);
  return deps.transact(async (uow) => {
    const forum = await requireForum(uow, forumId);
    const cal = await calendarOfRegion(uow.closedDays, forum.region);
    const range = year !== undefined ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
    const [meetings, terms] = [await uow.meetings.listMeetings({ forumIds: [forumId], ...range, withJoint: true }), await uow.registry.listTerms(forumId)];
    return listedForForums(meetings, [forumId]).map((m) => withDeadlines(m, terms, cal));
  });
}
