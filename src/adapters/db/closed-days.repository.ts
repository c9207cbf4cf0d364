/**
 * A region's extra closed days (region_closed_days): the only place their SQL lives.
 */
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ClosedDay } from '../../domain/calendar/closed-day.model.js';
import type { ClosedDayStore } from '../../usecases/ports/store.port.js';
import { regionClosedDays } from './calendar.schema.js';
import type { DbOrTx } from './database.js';

type Row = typeof regionClosedDays.$inferSelect;

const toClosedDay = (r: Row): ClosedDay => ({
  region: r.region,
  date: r.date,
  label: r.label,
  ...(r.addedBy ? { addedBy: r.addedBy } : {}),
  addedAt: new Date(r.addedAt).toISOString(),
});

export function closedDaysRepository(db: DbOrTx): ClosedDayStore {
  return {
    async list(filter = {}) {
      const where: SQL[] = [];
      if (filter.region !== undefined) where.push(eq(regionClosedDays.region, filter.region));
      if (filter.from !== undefined) where.push(gte(regionClosedDays.date, filter.from));
      if (filter.to !== undefined) where.push(lte(regionClosedDays.date, filter.to));
      const rows = await db
        .select()
        .from(regionClosedDays)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(regionClosedDays.region), asc(regionClosedDays.date));
      return rows.map(toClosedDay);
    },
    async get(region, date) {
      const [row] = await db.select().from(regionClosedDays).where(and(eq(regionClosedDays.region, region), eq(regionClosedDays.date, date)));
      return row ? toClosedDay(row) : undefined;
    },
    async put(day) {
      const updated = await db
        .update(regionClosedDays)
        .set({ label: day.label })
        .where(and(eq(regionClosedDays.region, day.region), eq(regionClosedDays.date, day.date)))
        .returning({ date: regionClosedDays.date });
      if (updated.length) return 'updated';
      await db.insert(regionClosedDays).values({
        region: day.region,
        date: day.date,
        label: day.label,
        addedBy: day.addedBy ?? null,
        ...(day.addedAt ? { addedAt: day.addedAt } : {}),
      });
      return 'created';
    },
    async remove(region, date) {
      const gone = await db
        .delete(regionClosedDays)
        .where(and(eq(regionClosedDays.region, region), eq(regionClosedDays.date, date)))
        .returning({ date: regionClosedDays.date });
      return gone.length > 0;
    },
  };
}
