/**
 * Extra closed days a region adds to the Danish working-day calendar (e.g. the
 * Christmas week). One row per region and date; the region is named as forums
 * name it ("Region Midtjylland"). docs/data-stores.md documents every column.
 */
import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const regionClosedDays = pgTable(
  'region_closed_days',
  {
    region: text('region').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** Danish label shown next to the date ("Juleugen"). */
    label: text('label').notNull(),
    /** Person id of whoever added or last relabelled it; null for the demo loader. */
    addedBy: text('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.region, t.date] })],
);
