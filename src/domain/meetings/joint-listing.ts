/**
 * Which meetings a forum's list (or a person's overview) shows: its own, and the joint meetings and theme days another
 * forum holds with it (`jointWithForumId`). When the forum has a meeting of its own in the same slot (date and start),
 * the two are one event (as the Outlook sync treats them, src/usecases/sync/meeting-sync.handler.ts): the forum's own
 * record stands for it and the other forum's copy is not listed again.
 */
import type { Meeting } from './meeting.model.js';

type Listed = Pick<Meeting, 'forumId' | 'date' | 'start' | 'jointWithForumId'>;

export function listedForForums<M extends Listed>(meetings: readonly M[], forumIds: readonly string[]): M[] {
  const own = new Set(forumIds);
  const ownSlots = new Set(meetings.filter((m) => own.has(m.forumId)).map((m) => `${m.date} ${m.start}`));
  return meetings.filter((m) => own.has(m.forumId) || (!!m.jointWithForumId && own.has(m.jointWithForumId) && !ownSlots.has(`${m.date} ${m.start}`)));
}
