/**
 * The attendance contradictions of a meeting (src/domain/meetings/attendance.rules.ts)
 * from storage: everyone who was a member on the day, their stored answers and
 * presence, the minute-taker and the secretary. Used by the meeting page and
 * before the minutes are sent (POST .../minutes/send refuses with 409 listing
 * them unless the request confirms them).
 */
import { attendanceContradictions, type Contradiction } from '../../domain/meetings/attendance.rules.js';
import { isActiveOn } from '../../domain/registry/registry.model.js';
import { UseCaseError } from '../use-case.errors.js';
import { minuteTakerOf } from './meeting-snapshot.js';
import { meetingMemberships, type MeetingContext, type WorkflowUnitOfWork } from './workflow.context.js';

export async function contradictionsOf(uow: WorkflowUnitOfWork, c: Pick<MeetingContext, 'meeting' | 'forum'>): Promise<Contradiction[]> {
  const [memberships, attendance, state] = await Promise.all([meetingMemberships(uow.registry, c.meeting), uow.workflow.listAttendance(c.meeting.id), uow.workflow.getState(c.meeting.id)]);
  const onDay = memberships.filter((m) => isActiveOn(m, c.meeting.date) && m.role !== 'substitute' && m.role !== 'observer');
  const ids = [...new Set(onDay.map((m) => m.personId))];
  const people = new Map((await uow.registry.getPeople(ids)).map((p) => [p.id, p.name]));
  const byPerson = new Map(attendance.map((a) => [a.personId, a]));
  const taker = minuteTakerOf(state.minuteTakerPersonId, memberships, c.forum.id, c.meeting.date);
  return attendanceContradictions({
    people: ids.map((personId) => ({ personId, name: people.get(personId) ?? personId, ...(byPerson.get(personId) ? { attendance: byPerson.get(personId)! } : {}) })),
    ...(taker ? { minuteTakerId: taker.personId } : {}),
    secretaryIds: new Set(onDay.filter((m) => m.role === 'secretary').map((m) => m.personId)),
  });
}

/** Refuses (409) while there are contradictions the request did not confirm. */
export async function requireAttendanceResolved(uow: WorkflowUnitOfWork, c: Pick<MeetingContext, 'meeting' | 'forum'>, confirmed: boolean): Promise<Contradiction[]> {
  const found = await contradictionsOf(uow, c);
  if (found.length && !confirmed) {
    throw new UseCaseError(
      'conflict',
      `The attendance has ${found.length} contradiction(s); resolve them or send again with confirmContradictions: true. ${found.map((f) => f.en).join('; ')}`,
      found.map((f) => ({ field: `attendance.${f.personId}`, reason: f.code })),
      `Fremmødet har ${found.length} uoverensstemmelse(r); ret dem, eller bekræft og send igen. ${found.map((f) => f.da).join('; ')}`,
      { contradictions: found },
    );
  }
  return found;
}
