/**
 * Attendance: a member answers (attending, apologies, or sending a named
 * substitute) until the meeting starts; the secretariat records who was actually
 * present.
 */
import { z } from 'zod';
import { AttendanceAnswer, type Attendance } from '../../domain/meetings/meeting.model.js';
import { isActiveOn } from '../../domain/registry/registry.model.js';
import { invalid, UseCaseError } from '../use-case.errors.js';
import { danishInstant, englishInstant, loadMeeting, meetingStart, requireMember, requireNotCancelled, requireSecretariat, type WorkflowDeps } from './workflow.context.js';

export const AnswerInput = z
  .object({ answer: AttendanceAnswer, substituteName: z.string().trim().min(1).max(200).optional() })
  .superRefine((v, ctx) => {
    if (v.answer === 'substitute' && !v.substituteName) ctx.addIssue({ code: 'custom', path: ['substituteName'], message: 'name the substitute' });
    if (v.answer !== 'substitute' && v.substituteName) ctx.addIssue({ code: 'custom', path: ['substituteName'], message: 'only with the answer "substitute"' });
  });
export const PresenceInput = z.object({ present: z.boolean() });

export function attendanceUseCases({ transact, clock }: WorkflowDeps) {
  return {
    async answer(meetingId: string, input: z.output<typeof AnswerInput>, actor: { personId: string }): Promise<Attendance> {
      return transact(async (uow) => {
        const now = clock.now();
        const c = await loadMeeting(uow, meetingId, actor.personId, now);
        requireMember(c, 'answer attendance', 'melde til eller fra');
        requireNotCancelled(c);
        const start = meetingStart(c.meeting);
        if (now.getTime() >= Date.parse(start)) {
          throw new UseCaseError('deadline_passed', `The meeting started ${englishInstant(start)}; ask the secretariat to record your attendance`, [], `Mødet begyndte ${danishInstant(start)}; bed sekretariatet registrere dit fremmøde`, { deadline: start });
        }
        const before = (await uow.workflow.listAttendance(meetingId)).find((a) => a.personId === actor.personId);
        const a: Attendance = { meetingId, personId: actor.personId, answer: input.answer, answeredAt: now.toISOString(), ...(input.substituteName ? { substituteName: input.substituteName } : {}), ...(before?.present !== undefined ? { present: before.present } : {}) };
        await uow.workflow.upsertAttendance(a);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'attendance.answer', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { answer: input.answer } });
        return a;
      });
    },

    async recordPresence(meetingId: string, personId: string, present: boolean, actor: { personId: string }): Promise<Attendance> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'record presence', 'registrere fremmøde');
        requireNotCancelled(c);
        const ms = await uow.registry.listMemberships({ forumId: c.forum.id });
        if (!ms.some((m) => m.personId === personId && isActiveOn(m, c.meeting.date))) {
          throw invalid('personId', `"${personId}" is not a member of the forum on the day of the meeting`, 'personen er ikke medlem af forummet på mødedagen');
        }
        const before = (await uow.workflow.listAttendance(meetingId)).find((a) => a.personId === personId);
        const a: Attendance = { ...(before ?? { meetingId, personId, answer: null }), present };
        await uow.workflow.upsertAttendance(a);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'attendance.presence', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { personId, present } });
        return a;
      });
    },
  };
}
