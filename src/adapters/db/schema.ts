/**
 * Drizzle table definitions: the single source of the database schema.
 * `npm run db:generate` turns changes here into a new forward-only SQL migration
 * in src/adapters/db/migrations/. docs/data-stores.md documents every column.
 *
 * Rich, rarely-queried structure (a terms-of-reference body, links) is stored as
 * jsonb validated by the domain's zod schemas on the way in; what is filtered or
 * joined on is a real column.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });
const audit = {
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
};

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  region: text('region'),
  cluster: text('cluster'),
  ...audit,
});

export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    title: text('title'),
    organisationId: text('organisation_id').references(() => organisations.id),
    email: text('email'),
    entraObjectId: text('entra_object_id'),
    tenantId: text('tenant_id'),
    hasTeams: boolean('has_teams').notNull().default(true),
    ...audit,
  },
  (t) => [uniqueIndex('people_tenant_oid_uq').on(t.tenantId, t.entraObjectId)],
);

export const forums = pgTable(
  'forums',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    parentId: text('parent_id'),
    region: text('region').notNull(),
    cluster: text('cluster'),
    status: text('status').notNull().default('active'),
    endedOn: day('ended_on'),
    successorIds: jsonb('successor_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    mandateEndsOn: day('mandate_ends_on'),
    channelType: text('channel_type').notNull().default('standard'),
    links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default(sql`'[]'::jsonb`),
    ...audit,
  },
  (t) => [index('forums_parent_idx').on(t.parentId), index('forums_region_idx').on(t.region)],
);

export const termsOfReference = pgTable(
  'terms_of_reference',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id),
    version: integer('version').notNull(),
    validFrom: day('valid_from').notNull(),
    /** The whole TermsOfReferenceInput (validated by the domain schema). */
    body: jsonb('body').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('terms_forum_version_uq').on(t.forumId, t.version)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id),
    role: text('role').notNull(),
    side: text('side'),
    substituteForId: text('substitute_for_id'),
    representingOrganisationId: text('representing_organisation_id').references(() => organisations.id),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date'),
    ...audit,
  },
  (t) => [index('memberships_forum_idx').on(t.forumId), index('memberships_person_idx').on(t.personId)],
);

/** Append-only: every write and every refused attempt. Never updated, never deleted. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorPersonId: text('actor_person_id'),
    action: text('action').notNull(),
    forumId: text('forum_id'),
    target: text('target'),
    outcome: text('outcome').notNull(),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_forum_idx').on(t.forumId, t.at)],
);

/** A small key/value table for installation facts (demo loaded, instance id). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A forum's meetings (planned, held or cancelled). Times are local Europe/Copenhagen. */
export const meetings = pgTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id),
    date: day('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    location: text('location'),
    online: boolean('online').notNull().default(false),
    title: text('title'),
    kind: text('kind').notNull().default('ordinary'),
    jointWithForumId: text('joint_with_forum_id'),
    status: text('status').notNull().default('planned'),
    sequence: integer('sequence'),
    agendaSentAt: ts('agenda_sent_at'),
    minutesSentAt: ts('minutes_sent_at'),
    cancelledReason: text('cancelled_reason'),
    /** Recorded afterwards as history: real dates as entered, no Outlook event, reminders or notifications. */
    historical: boolean('historical').notNull().default(false),
    /** Optimistic concurrency and Outlook round-trips: increased on every change. */
    revision: integer('revision').notNull().default(1),
    ...audit,
  },
  (t) => [index('meetings_forum_date_idx').on(t.forumId, t.date), index('meetings_date_idx').on(t.date)],
);

/** A forum's defaults for new meetings: the usual place and whether they are held online (Teams) too. */
export const forumMeetingDefaults = pgTable('forum_meeting_defaults', {
  forumId: text('forum_id')
    .primaryKey()
    .references(() => forums.id),
  location: text('location'),
  online: boolean('online').notNull().default(false),
  ...audit,
});

/** Tasks (opgaver/opdrag) given by a forum, usually from an agenda item. */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    assigneeForumId: text('assignee_forum_id'),
    assigneePersonId: text('assignee_person_id'),
    /** A task given to an organisation (a municipality, a hospital): its people in the giving forum see it. */
    assigneeOrganisationId: text('assignee_organisation_id'),
    dueOn: day('due_on').notNull(),
    reportToForumId: text('report_to_forum_id'),
    sourceMeetingId: text('source_meeting_id'),
    sourceItemId: text('source_item_id'),
    status: text('status').notNull().default('open'),
    doneAt: ts('done_at'),
    ...audit,
  },
  (t) => [index('tasks_forum_idx').on(t.forumId), index('tasks_assignee_person_idx').on(t.assigneePersonId), index('tasks_due_idx').on(t.dueOn)],
);

/** The catalogue of forum kinds (src/domain/registry/forum-kind.model.ts); forums.kind names a key. Seeded by migration 0010. */
export const forumKinds = pgTable('forum_kinds', {
  key: text('key').primaryKey(),
  nameDa: text('name_da').notNull(),
  nameEn: text('name_en').notNull(),
  level: text('level').notNull(),
  political: boolean('political').notNull().default(false),
  descriptionDa: text('description_da'),
  descriptionEn: text('description_en'),
  /** ForumKindDefaults (validated by the domain schema). */
  defaults: jsonb('defaults').notNull().default(sql`'{}'::jsonb`),
  builtIn: boolean('built_in').notNull().default(false),
  ...audit,
});

/** Roles above the forums: a tenant administrator may create a region's top forum and edit the catalogue. */
export const platformRoles = pgTable(
  'platform_roles',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    grantedBy: text('granted_by'),
    grantedAt: ts('granted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('platform_roles_person_role_uq').on(t.personId, t.role)],
);
