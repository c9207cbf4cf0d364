/**
 * Which meetings a forum's list (or a person's overview) shows: its own, and the joint meetings and theme days another
 * forum holds with it (`jointWithForumId`). When the forum has a meeting of its own in the same slot (date and start),
 * the two are one event (as the Outlook sync treats them, src/usecases/sync/meeting-sync.handler.ts): the forum's own
 * record stands for it and the other forum's copy is not listed again.
 *
 * A list for several forums (a person's overview: they sit in both forums of a theme day stored as one record per
 * forum) may hold two records of one event as their own: those linked by "joint with" in one slot are listed once,
 * as the record that names no other listed one (the host, as the sync picks it; in a cycle the smallest id).
 */
import type { Meeting } from './meeting.model.js';

type Listed = Pick<Meeting, 'id' | 'forumId' | 'date' | 'start' | 'jointWithForumId'> & { status?: Meeting['status'] };

export function listedForForums<M extends Listed>(meetings: readonly M[], forumIds: readonly string[]): M[] {
  const own = new Set(forumIds);
  const ownSlots = new Set(meetings.filter((m) => own.has(m.forumId)).map((m) => `${m.date} ${m.start}`));
  const listed = meetings.filter((m) => own.has(m.forumId) || (!!m.jointWithForumId && own.has(m.jointWithForumId) && !ownSlots.has(`${m.date} ${m.start}`)));
  return onePerEvent(listed);
}

/** Records of one event (same slot, linked by "joint with", not cancelled) kept once: the one naming no other listed record. */
export function onePerEvent<M extends Listed>(meetings: readonly M[]): M[] {
  const live = (m: M) => m.status !== 'cancelled';
  const slot = (m: M) => `${m.date} ${m.start}`;
  const partnerOf = (m: M) => (m.jointWithForumId && live(m) ? meetings.find((x) => x !== m && live(x) && slot(x) === slot(m) && x.forumId === m.jointWithForumId) : undefined);
  const dropped = new Set<M>();
  const seen = new Set<M>();
  for (const start of meetings) {
    if (seen.has(start) || !live(start)) continue;
    // The records linked to this one in its slot, either way along "joint with".
    const group = new Set<M>([start]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const m of meetings) {
        if (group.has(m) || !live(m) || slot(m) !== slot(start)) continue;
        if ([...group].some((g) => partnerOf(g) === m || partnerOf(m) === g)) {
          group.add(m);
          grew = true;
        }
      }
    }
    for (const g of group) seen.add(g);
    if (group.size === 1) continue;
    const members = [...group];
    const roots = members.filter((m) => !partnerOf(m));
    const keep = (roots.length ? roots : members).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    for (const m of members) if (m !== keep) dropped.add(m);
  }
  return meetings.filter((m) => !dropped.has(m));
}
