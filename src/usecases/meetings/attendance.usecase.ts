/**
 * Attendance: a member answers (attending, apologies, or sending a named
 * substitute) until the meeting starts, with apologies or a substitute optionally a
 * short note (shown beside the answer and in the minutes' header); the secretariat
 * records answers and notes on a member's behalf, and who was actually present.
 */
import { z } from 'zod';
import { ATTENDANCE_NOTE_MAX, AttendanceAnswer, attendanceNoteTooLong, type Attendance } from '../../domain/meetings/meeting.model.js';
import { isActiveOn } from '../../domain/registry/registry.model.js';
import { id } from '../../domain/registry/registry.model.js';
import { invalid, UseCaseError } from '../use-case.errors.js';
import { danishInstant, englishInstant, loadMeeting, meetingMemberships, meetingStart, requireAttendanceRecorder, requireMember, requireNotCancelled, type WorkflowDeps, type WorkflowUnitOfWork } from './workflow.context.js';

/**
 * A short note with apologies or a substitute ("på ferie"), trimmed; empty or null
 * clears it, absent keeps the one given before (while the answer stays apologies or
 * substitute). Never with "attending": that answer clears it.
 */
const AttendanceNote = z.string().trim().max(ATTENDANCE_NOTE_MAX, attendanceNoteTooLong).nullable().optional();
const noteOnlyWithAbsence = 'a note only with the answer "apologies" or "substitute"';

export const AnswerInput = z
  .object({
    answer: AttendanceAnswer,
    substituteName: z.string().trim().min(1).max(200).optional(),
    /** A registered stand-in of the forum (a member with the role "substitute"). */
    substitutePersonId: id.optional(),
    note: AttendanceNote,
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'substitute' && !v.substituteName && !v.substitutePersonId) ctx.addIssue({ code: 'custom', path: ['substituteName'], message: 'choose a registered stand-in or name the substitute' });
    if (v.answer !== 'substitute' && (v.substituteName || v.substitutePersonId)) ctx.addIssue({ code: 'custom', path: [v.substituteName ? 'substituteName' : 'substitutePersonId'], message: 'only with the answer "substitute"' });
    if (v.answer === 'attending' && v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: noteOnlyWithAbsence });
  });
export const PresenceInput = z.object({ present: z.boolean() });
/**
 * The secretariat sets a person's attendance explicitly: the answer (null: not
 * answered) and, on the day, present or absent (null: not recorded).
 */
export const PersonAttendanceInput = z
  .object({
    answer: AttendanceAnswer.nullable(),
    substituteName: z.string().trim().min(1).max(200).optional(),
    substitutePersonId: id.optional(),
    present: z.boolean().nullable().optional(),
    /** The member's note with apologies or a substitute, as the secretariat was told it (e.g. by e-mail). */
    note: AttendanceNote,
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'substitute' && !v.substituteName && !v.substitutePersonId) ctx.addIssue({ code: 'custom', path: ['substituteName'], message: 'choose a registered stand-in or name the substitute' });
    if (v.answer !== 'substitute' && (v.substituteName || v.substitutePersonId)) ctx.addIssue({ code: 'custom', path: [v.substituteName ? 'substituteName' : 'substitutePersonId'], message: 'only with the answer "substitute"' });
    if (v.answer !== 'apologies' && v.answer !== 'substitute' && v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: noteOnlyWithAbsence });
  });

/**
 * The note kept with an answer: the one given (empty or null clears it); none given,
 * the earlier note while the answer stays apologies or substitute; never with any
 * other answer.
 */
export function noteFor(answer: Attendance['answer'], given: string | null | undefined, before: Attendance | undefined): string | undefined {
  if (answer !== 'apologies' && answer !== 'substitute') return undefined;
  if (given !== undefined) return given || undefined;
  return before?.answer === 'apologies' || before?.answer === 'substitute' ? before.note : undefined;
}

/** The forum's registered stand-ins on the day, resolved to a name; refuses one that is not. */
async function standIn(uow: WorkflowUnitOfWork, forumId: string, date: string, substitutePersonId: string): Promise<string> {
  const ms = await uow.registry.listMemberships({ forumId });
  if (!ms.some((m) => m.personId === substitutePersonId && m.role === 'substitute' && isActiveOn(m, date))) {
    throw invalid('substitutePersonId', `"${substitutePersonId}" is not a registered stand-in of the forum on the day of the meeting`, 'personen er ikke registreret stedfortræder i forummet på mødedagen');
  }
  const [p] = await uow.registry.getPeople([substitutePersonId]);
  return p?.name ?? substitutePersonId;
}

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
        const name = input.substitutePersonId ? await standIn(uow, c.forum.id, c.meeting.date, input.substitutePersonId) : input.substituteName;
        const note = noteFor(input.answer, input.note, before);
        const a: Attendance = {
          meetingId, personId: actor.personId, answer: input.answer, answeredAt: now.toISOString(),
          ...(name ? { substituteName: name } : {}),
          ...(input.substitutePersonId ? { substitutePersonId: input.substitutePersonId } : {}),
          ...(before?.present !== undefined ? { present: before.present } : {}),
          ...(note ? { note } : {}),
        };
        await uow.workflow.upsertAttendance(a);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'attendance.answer', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { answer: input.answer, note: note ?? null } });
        return a;
      });
    },

    /** The secretariat sets one person's answer and presence explicitly (e.g. apologies sent by e-mail). */
    async setFor(meetingId: string, personId: string, input: z.output<typeof PersonAttendanceInput>, actor: { personId: string }): Promise<Attendance> {
      return transact(async (uow) => {
        const now = clock.now();
        const c = await loadMeeting(uow, meetingId, actor.personId, now);
        requireAttendanceRecorder(c, 'record attendance', 'registrere fremmøde');
        requireNotCancelled(c);
        const ms = await meetingMemberships(uow.registry, c.meeting);
        if (!ms.some((m) => m.personId === personId && isActiveOn(m, c.meeting.date))) {
          throw invalid('personId', `"${personId}" is not a member of the forum on the day of the meeting`, 'personen er ikke medlem af forummet på mødedagen');
        }
        if (typeof input.present === 'boolean' && now.getTime() < Date.parse(meetingStart(c.meeting)) && !c.meeting.historical) {
          throw invalid('present', 'presence is recorded once the meeting has started', 'Fremmøde registreres, når mødet er begyndt');
        }
        const before = (await uow.workflow.listAttendance(meetingId)).find((a) => a.personId === personId);
        const name = input.substitutePersonId ? await standIn(uow, c.forum.id, c.meeting.date, input.substitutePersonId) : input.substituteName;
        const present = input.present === undefined ? before?.present : input.present ?? undefined;
        const note = noteFor(input.answer, input.note, before);
        const a: Attendance = {
          meetingId, personId, answer: input.answer,
          ...(input.answer ? { answeredAt: before?.answer === input.answer && before.answeredAt ? before.answeredAt : now.toISOString() } : {}),
          ...(name ? { substituteName: name } : {}),
          ...(input.substitutePersonId ? { substitutePersonId: input.substitutePersonId } : {}),
          ...(present !== undefined ? { present } : {}),
          ...(note ? { note } : {}),
        };
        await uow.workflow.upsertAttendance(a);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'attendance.set', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { personId, answer: input.answer, present: present ?? null, note: note ?? null } });
        return a;
      });
    },

    async recordPresence(meetingId: string, personId: string, present: boolean, actor: { personId: string }): Promise<Attendance> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireAttendanceRecorder(c, 'record presence', 'registrere fremmøde');
        requireNotCancelled(c);
        const ms = await meetingMemberships(uow.registry, c.meeting);
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
