/**
 * Migration 0014 seeds `regions` from the names forums, closed days and
 * transitions use (so existing data keeps working), with the slug the code makes
 * of a name (regionSlug) and a number where two names share one. The seeding
 * statement of the migration file is run again on a database holding such names.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { regionSlug } from '../../src/domain/registry/region.model.js';
import { backends, type TestDatabase } from '../support/db.js';

const migration = fs.readFileSync('src/adapters/db/migrations/0014_regions.sql', 'utf8');
const seed = migration.slice(migration.indexOf('INSERT INTO "regions"'));

describe.each(backends)('the regions migration on $name', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db?.dispose());

  it('seeds one region per name in use, with the slug the code makes', async () => {
    const names = ['Region Midtjylland', 'Region Sjælland', 'Region Hovedstaden', 'Région Île-de-Test', 'region midtjylland'];
    for (const [i, name] of names.entries()) {
      await db.db.execute(sql`insert into forums (id, name, kind, level, region) values (${`f${i}`}, ${`Forum ${i}`}, 'theme_group', 'central', ${name})`);
    }
    await db.db.execute(sql`insert into region_closed_days (region, date, label) values ('Region Nordjylland', '2027-12-28', 'Juleugen')`);
    await db.db.execute(sql`insert into transitions (id, region, effective_on, status, plan) values ('t1', 'Region Syddanmark', '2027-01-01', 'prepared', '{}'::jsonb)`);
    // The registry's inserts above went around the repository: no region rows yet, as before the migration.
    await db.db.execute(sql`delete from region_aliases`);
    await db.db.execute(sql`delete from regions`);
    await db.db.execute(sql.raw(seed));
    const result = await db.db.execute(sql`select id, slug, name from regions order by name`);
    const rows = ((result as unknown as { rows?: unknown[] }).rows ?? result) as { id: string; slug: string; name: string }[];
    const byName = Object.fromEntries(rows.map((r) => [r.name, r.slug]));
    for (const name of ['Region Midtjylland', 'Region Sjælland', 'Region Hovedstaden', 'Région Île-de-Test', 'Region Nordjylland', 'Region Syddanmark']) {
      expect([name, byName[name]]).toEqual([name, regionSlug(name)]);
    }
    // Two names with one slug: the second gets a number.
    expect([byName['Region Midtjylland'], byName['region midtjylland']].sort()).toEqual(['midtjylland', 'midtjylland-2']);
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r.id).toBe(`region_${r.slug}`);
  });
});
