/**
 * Regions (tables `regions` and `region_aliases`): the only place their SQL lives,
 * and the one bulk rewrite of a region's name on forums, organisations and
 * transitions (a rename or a merge).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { regionSlug, type Region } from '../../domain/registry/region.model.js';
import type { RegionStore } from '../../usecases/ports/store.port.js';
import { regionAliases, regions } from './regions.schema.js';
import { forums, organisations } from './schema.js';
import { transitions } from './transitions.schema.js';
import type { DbOrTx } from './database.js';

type Row = typeof regions.$inferSelect;
const iso = (s: string) => new Date(s).toISOString();

function toRegion(r: Row, aliases: (typeof regionAliases.$inferSelect)[]): Region {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    ...(r.nameEn ? { nameEn: r.nameEn } : {}),
    createdAt: iso(r.createdAt),
    ...(r.createdBy ? { createdBy: r.createdBy } : {}),
    ...(r.mergedInto ? { mergedInto: r.mergedInto } : {}),
    ...(r.mergedAt ? { mergedAt: iso(r.mergedAt) } : {}),
    formerNames: aliases
      .filter((a) => a.regionId === r.id)
      .sort((a, b) => a.until.localeCompare(b.until))
      .map((a) => ({ slug: a.slug, name: a.name, until: iso(a.until) })),
  };
}

const count = (r: unknown): number => {
  const rows = (r as { rows?: unknown[] }).rows ?? (r as unknown[]);
  return Array.isArray(rows) ? rows.length : 0;
};

export function regionsRepository(db: DbOrTx): RegionStore {
  return {
    async list() {
      const [rows, aliases] = await Promise.all([db.select().from(regions).orderBy(asc(regions.name)), db.select().from(regionAliases)]);
      return rows.map((r) => toRegion(r, aliases));
    },
    async insert(r) {
      await db.insert(regions).values({
        id: r.id,
        slug: r.slug,
        name: r.name,
        nameEn: r.nameEn ?? null,
        createdBy: r.createdBy ?? null,
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
        mergedInto: r.mergedInto ?? null,
        mergedAt: r.mergedAt ?? null,
      });
    },
    async update(r) {
      await db
        .update(regions)
        .set({ slug: r.slug, name: r.name, nameEn: r.nameEn ?? null, mergedInto: r.mergedInto ?? null, mergedAt: r.mergedAt ?? null, updatedAt: sql`now()` })
        .where(eq(regions.id, r.id));
    },
    async addFormerName(regionId, alias) {
      await db.insert(regionAliases).values({ slug: alias.slug, regionId, name: alias.name, until: alias.until }).onConflictDoNothing();
    },
    async removeFormerSlug(regionId, slug) {
      await db.delete(regionAliases).where(and(eq(regionAliases.regionId, regionId), eq(regionAliases.slug, slug)));
    },
    async ensure(name) {
      const [hit] = await db.select({ id: regions.id }).from(regions).where(eq(regions.name, name));
      if (hit) return;
      const base = regionSlug(name) || 'region';
      const taken = new Set([
        ...(await db.select({ s: regions.slug, id: regions.id }).from(regions)).flatMap((r) => [r.s, r.id.replace(/^region_/, '')]),
        ...(await db.select({ s: regionAliases.slug }).from(regionAliases)).map((r) => r.s),
      ]);
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      await db.insert(regions).values({ id: `region_${slug}`, slug, name }).onConflictDoNothing();
    },
    async reassign(from, to) {
      const f = await db.update(forums).set({ region: to, updatedAt: sql`now()` }).where(eq(forums.region, from)).returning({ id: forums.id });
      const o = await db.update(organisations).set({ region: to, updatedAt: sql`now()` }).where(eq(organisations.region, from)).returning({ id: organisations.id });
      const t = await db.update(transitions).set({ region: to }).where(eq(transitions.region, from)).returning({ id: transitions.id });
      return { forums: count(f), organisations: count(o), transitions: count(t) };
    },
  };
}
