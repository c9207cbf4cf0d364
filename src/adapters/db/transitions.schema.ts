/**
 * Transitions (issue 15): a region's planned ending of forums with their
 * successors, as prepared, applied, undone or in effect. `changes` holds every
 * value the apply replaced, so an undo restores exactly what it changed.
 * docs/data-stores.md documents every column.
 */
import { date, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const transitions = pgTable(
  'transitions',
  {
    id: text('id').primaryKey(),
    region: text('region').notNull(),
    /** The first day of the new order; the ending forums' last day is the day before. */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /** prepared | applied | undone | effective */
    status: text('status').notNull(),
    /** A short Danish title shown in the tab ("Sundhedsreformen 2027: Midtklyngen"). */
    title: text('title'),
    /** The plan as sent (TransitionPlanInput without the region). */
    plan: jsonb('plan').notNull(),
    /** The preview at the time of applying (what the secretariat saw). */
    preview: jsonb('preview'),
    /** Every change the apply made, with the values it replaced (TransitionChanges). */
    changes: jsonb('changes'),
    preparedBy: text('prepared_by'),
    appliedBy: text('applied_by'),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'string' }),
    undoneBy: text('undone_by'),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'string' }),
    /** When the forums were marked ended (the effective date's job). */
    effectiveAt: timestamp('effective_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('transitions_region_idx').on(t.region, t.effectiveOn)],
);
