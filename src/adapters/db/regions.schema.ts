/**
 * Regions as data (issue 15): one row per region, merged ones included (with
 * `merged_into`), and the former slugs and names a rename left behind, so old
 * public addresses redirect. Forums, organisations, closed days and transitions
 * name a region by its Danish name (`regions.name`); a rename or a merge rewrites
 * those names in the same transaction. docs/data-stores.md documents every column.
 */
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    /** The region's part of the public address (/offentlig/<slug>). */
    slug: text('slug').notNull(),
    /** Danish name, as forums name the region ("Region Midtjylland"). */
    name: text('name').notNull(),
    nameEn: text('name_en'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** The region this one merged into; its forums, closed days and transitions moved there. */
    mergedInto: text('merged_into'),
    mergedAt: ts('merged_at'),
  },
  (t) => [uniqueIndex('regions_slug_uq').on(t.slug), uniqueIndex('regions_name_uq').on(t.name)],
);

/** A region's former slugs and names (one row per rename); a former slug redirects to the region's slug. */
export const regionAliases = pgTable(
  'region_aliases',
  {
    slug: text('slug').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    /** When the region stopped being called this. */
    until: ts('until').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.slug, t.name] }), index('region_aliases_slug_idx').on(t.slug)],
);
