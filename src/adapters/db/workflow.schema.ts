/**
 * Tables of the meeting workflow: agenda items and their attachments, proposals
 * from members, attendance, the minutes' state, remarks and the immutable
 * versions (snapshots) of sent agendas and minutes. The meeting itself and tasks
 * live in schema.ts.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { meetings } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    presenters: jsonb('presenters').$type<string[]>().notNull(),
    minutes: integer('minutes').notNull(),
    background: text('background').notNull().default(''),
    recommendations: jsonb('recommendations').$type<string[]>().notNull(),
    fixed: text('fixed'),
    decision: text('decision'),
    origin: jsonb('origin').$type<{ kind: 'member' | 'task_report' | 'child_forum'; refId: string }>(),
    /** A closed item (lukket punkt): never in a public page, feed, iCal or public document. */
    closed: boolean('closed').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

export const itemAttachments = pgTable(
  'item_attachments',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => agendaItems.id),
    meetingId: text('meeting_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Where the bytes are in the documents store. */
    documentPath: text('document_path').notNull(),
    documentVersion: integer('document_version').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('item_attachments_item_idx').on(t.itemId)],
);

export const proposals = pgTable(
  'proposals',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    proposerPersonId: text('proposer_person_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    background: text('background').notNull(),
    recommendation: text('recommendation'),
    status: text('status').notNull().default('pending'),
    /** Submitted after the items cut-off (only the secretariat can then accept it). */
    late: boolean('late').notNull().default(false),
    declineReason: text('decline_reason'),
    itemId: text('item_id'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('proposals_meeting_idx').on(t.meetingId)],
);

export const attendance = pgTable(
  'attendance',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: text('person_id').notNull(),
    answer: text('answer'),
    substituteName: text('substitute_name'),
    /** The registered stand-in (a member with the role "substitute") chosen, when not just named. */
    substitutePersonId: text('substitute_person_id'),
    present: boolean('present'),
    answeredAt: ts('answered_at'),
    /** A short note with apologies or a substitute (at most 500 characters); empty with "attending". */
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index('attendance_person_idx').on(t.personId)],
);

/** One row per meeting once the workflow touches it: agenda approval and the minutes' state. */
export const meetingWorkflow = pgTable('meeting_workflow', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  agendaApprovedAt: ts('agenda_approved_at'),
  agendaApprovedBy: text('agenda_approved_by'),
  minutesStatus: text('minutes_status').notNull().default('draft'),
  minutesVersion: integer('minutes_version').notNull().default(1),
  minutesSentAt: ts('minutes_sent_at'),
  windowClosesAt: ts('window_closes_at'),
  approvedAt: ts('approved_at'),
  approvedHow: text('approved_how'),
  publishedAt: ts('published_at'),
  /** The referent chosen by the secretariat; empty means the forum's secretary on the meeting date. */
  minuteTakerPersonId: text('minute_taker_person_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The shared item timer of a meeting in progress (the Teams meeting's side panel and stage): one row per meeting once started. */
export const meetingTimer = pgTable('meeting_timer', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  itemIndex: integer('item_index').notNull(),
  startedAt: ts('started_at'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const remarks = pgTable(
  'remarks',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: text('person_id').notNull(),
    itemId: text('item_id'),
    text: text('text').notNull(),
    minutesVersion: integer('minutes_version').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('remarks_meeting_idx').on(t.meetingId)],
);

/**
 * Insert-only: every sent agenda, every minutes version sent, approved, published
 * or corrected, as a snapshot of what was in it. Never updated or deleted.
 */
export const meetingDocumentVersions = pgTable(
  'meeting_document_versions',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    /** sent | approved | published | correction */
    event: text('event').notNull(),
    reason: text('reason'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [uniqueIndex('meeting_document_versions_uq').on(t.meetingId, t.kind, t.version, t.event), index('meeting_document_versions_meeting_idx').on(t.meetingId)],
);
