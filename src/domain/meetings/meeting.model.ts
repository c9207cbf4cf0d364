/**
 * Meetings, agenda items, attendance, minutes, remarks and tasks: the shapes
 * shared by the rules engine, the meeting workflow, documents and the bot.
 *
 * Instants are ISO-8601 strings with offset (UTC "Z" in storage); local dates are
 * YYYY-MM-DD in Europe/Copenhagen. Pure: no I/O.
 */
import { z } from 'zod';
import { hhmm, id, isoDate } from '../registry/registry.model.js';

const text = (max = 500) => z.string().trim().min(1, 'must not be empty').max(max);
export const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' });

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export const MeetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MeetingInput = z
  .object({
    id: id.optional(),
    forumId: id,
    /** Local start date and time in Europe/Copenhagen. */
    date: isoDate,
    start: hhmm,
    end: hhmm,
    location: text(300).optional(),
    online: z.boolean().default(false),
    title: text(300).optional(),
    /** Set when this meeting is a joint meeting (fællesmøde) or a theme day (temadag). */
    kind: z.enum(['ordinary', 'joint', 'theme_day', 'extraordinary']).default('ordinary'),
    jointWithForumId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  });
export type MeetingInput = z.input<typeof MeetingInput>;
export type Meeting = z.output<typeof MeetingInput> & {
  id: string;
  status: MeetingStatus;
  /** Sequence number within the forum's year ("4. møde i ..."). */
  sequence?: number;
  /** Set when the agenda was actually sent, and when the minutes were actually sent for remarks. */
  agendaSentAt?: string;
  minutesSentAt?: string;
  cancelledReason?: string;
  /** Recorded afterwards as history: its dates are as entered; no Outlook event, reminders or notifications. */
  historical?: boolean;
  /** Increased on every change; guards concurrent edits and Outlook round-trips. */
  revision: number;
};

export const itemKinds = ['decision', 'discussion', 'orientation'] as const;
export const ItemKind = z.enum(itemKinds);
export type ItemKind = z.infer<typeof ItemKind>;

export const AgendaItemInput = z.object({
  title: text(300),
  kind: ItemKind.default('discussion'),
  presenters: z.array(text(200)).max(10).default([]),
  minutes: z.number().int().min(0).max(600).default(10),
  background: z.string().max(20000).default(''),
  /** "Det indstilles: 1. At ..." */
  recommendations: z.array(text(2000)).max(20).default([]),
  /** Fixed items: welcome, next meeting, any other business. */
  fixed: z.enum(['welcome', 'next_meeting', 'any_other_business']).optional(),
  /**
   * A closed item (lukket punkt): its title, text, attachments and decision are for
   * the forum only and never appear in a public page, feed, iCal, public document or
   * a file shared outside the forum. Left out of an update, the item keeps its state.
   */
  closed: z.boolean().optional(),
});
export type AgendaItemInput = z.input<typeof AgendaItemInput>;
export type AgendaItem = z.output<typeof AgendaItemInput> & {
  id: string;
  meetingId: string;
  position: number;
  attachments: AttachmentRef[];
  /** Referat / Beslutning, written after the meeting. */
  decision?: string;
  /** Where the item came from, when not written by the secretariat. */
  origin?: { kind: 'member' | 'task_report' | 'child_forum'; refId: string };
};

export type AttachmentRef = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Page count where known (for the list of attachments). */
  pages?: number;
};

export const attendanceAnswers = ['attending', 'apologies', 'substitute'] as const;
export const AttendanceAnswer = z.enum(attendanceAnswers);
export type AttendanceAnswer = z.infer<typeof AttendanceAnswer>;

export type Attendance = {
  meetingId: string;
  personId: string;
  answer: AttendanceAnswer | null;
  substituteName?: string;
  /** The registered stand-in chosen (a member of the forum with the role "substitute"). */
  substitutePersonId?: string;
  /** Recorded by the secretariat on the day. */
  present?: boolean;
  answeredAt?: string;
  /**
   * A short note with apologies or a substitute ("på ferie"), given by the member or
   * recorded by the secretariat; shown beside the answer and in the minutes' header
   * ("Afbud: Navn (note)"). Never with "attending". An Outlook decline's comment is not
   * readable through Graph's event contract, so a note only ever comes from Samraad.
   */
  note?: string;
};

/** The longest attendance note, in characters. */
export const ATTENDANCE_NOTE_MAX = 500;
/** The reason zod gives for a note that is too long (src/usecases/use-case.errors.ts has its Danish). */
export const attendanceNoteTooLong = `the note is at most ${ATTENDANCE_NOTE_MAX} characters`;

export const minutesStatuses = ['draft', 'sent_for_remarks', 'revised', 'approved', 'published'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

export type Minutes = {
  meetingId: string;
  status: MinutesStatus;
  version: number;
  sentAt?: string;
  approvedAt?: string;
  approvedHow?: 'explicit' | 'tacit';
  publishedAt?: string;
};

export type Remark = {
  id: string;
  meetingId: string;
  personId: string;
  /** Absent for a remark on the minutes as a whole. */
  itemId?: string;
  text: string;
  createdAt: string;
};

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const TaskInput = z
  .object({
    title: text(500),
    description: z.string().max(10000).default(''),
    /** Assigned to a forum (often a child or ad hoc group), a person or an organisation. */
    assigneeForumId: id.optional(),
    assigneePersonId: id.optional(),
    assigneeOrganisationId: id.optional(),
    dueOn: isoDate,
    /** The forum to report back to; its agenda gets the report-back item. */
    reportToForumId: id.optional(),
    sourceMeetingId: id.optional(),
    sourceItemId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.assigneeForumId && !v.assigneePersonId && !v.assigneeOrganisationId) {
      ctx.addIssue({ code: 'custom', path: ['assigneePersonId'], message: 'a task needs a person, an organisation or a forum to do it' });
    }
  });
export type TaskInput = z.input<typeof TaskInput>;
export type Task = z.output<typeof TaskInput> & {
  id: string;
  /** The forum that owns the task (gave the opdrag). */
  forumId: string;
  status: TaskStatus;
  doneAt?: string;
};
