/**
 * docs/data-stores.md must document every table and every column of the Drizzle
 * schema files (src/adapters/db/schema.ts and *.schema.ts): a new column without
 * a line in the docs fails here.
 */
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';

const dbDir = path.resolve('src/adapters/db');
const schemaFiles = fs.readdirSync(dbDir).filter((f) => f === 'schema.ts' || f.endsWith('.schema.ts'));

describe('docs/data-stores.md', () => {
  const doc = fs.readFileSync('docs/data-stores.md', 'utf8');
  const sections = new Map<string, string>();
  for (const part of doc.split(/^### /m).slice(1)) {
    const name = part.split('\n')[0]!.replace(/`/g, '').trim();
    sections.set(name, part);
  }

  it.each(schemaFiles)('documents every table and column of %s', async (file) => {
    const mod = (await import(path.join(dbDir, file))) as Record<string, unknown>;
    const tables = Object.values(mod).filter((v): v is PgTable => v instanceof PgTable);
    expect(tables.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const table of tables) {
      const cfg = getTableConfig(table);
      const section = sections.get(cfg.name);
      if (!section) {
        missing.push(`table ${cfg.name}`);
        continue;
      }
      for (const col of cfg.columns) if (!section.includes(`\`${col.name}\``)) missing.push(`${cfg.name}.${col.name}`);
    }
    expect(missing).toEqual([]);
  });
});
