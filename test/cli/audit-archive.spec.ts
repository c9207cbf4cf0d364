/**
 * Issue 14 point 4: audit retention is an archive, not a delete. Rows older than
 * the cut-off go to an NDJSON file with a SHA-256 manifest that reads back; the
 * table keeps every row (the append-only trigger still refuses DELETE); the run is
 * audited; a second run continues after the last archived id; a changed file fails
 * verification.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { archiveAudit, verifyAuditArchive } from '../../src/adapters/db/audit-archive.js';
import { auditLog } from '../../src/adapters/db/schema.js';
import { backends, type TestDatabase } from '../support/db.js';

describe.each(backends)('audit archive ($name)', (backend) => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await backend.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-audit-archive-'));
  });
  afterAll(async () => {
    await db?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const count = async () => Number(((await db.db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
  const add = (at: string, action: string) => db.db.insert(auditLog).values({ at, action, outcome: 'ok', forumId: 'midt-ksg', detail: { note: 'æøå' } });

  it('writes the rows older than the cut-off to NDJSON with a checksum, deletes nothing, and continues where it stopped', async () => {
    await add('2020-01-02T10:00:00Z', 'old.one');
    await add('2020-03-04T10:00:00Z', 'old.two');
    await add('2030-01-01T10:00:00Z', 'future.one');
    const total = await count();
    const m = await archiveAudit(db.db, { before: new Date('2021-01-01T00:00:00Z'), outDir: dir });
    expect(m).not.toBeNull();
    const lines = fs.readFileSync(path.join(dir, m!.file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; at: string });
    expect(lines.every((l) => l.at < '2021-01-01')).toBe(true);
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['old.one', 'old.two']));
    expect(lines.map((l) => l.action)).not.toContain('future.one');
    expect(m!.rows).toBe(lines.length);
    expect(verifyAuditArchive(path.join(dir, `${m!.file}.manifest.json`))).toMatchObject({ ok: true });
    // Nothing deleted; the run itself is one more audit row.
    expect(await count()).toBe(total + 1);
    const [run] = (await db.db.execute(sql`select detail from audit_log where action = 'audit.archive' order by id desc limit 1`) as unknown as { rows: { detail: Record<string, unknown> }[] }).rows;
    expect(run!.detail).toMatchObject({ sha256: m!.sha256, rows: m!.rows, lastId: m!.lastId });
    // The table still refuses deletion.
    await expect(db.db.execute(sql`delete from audit_log where action = 'old.one'`)).rejects.toThrow();

    // Nothing new before the cut-off: no file. A new old row: only it, after the last archived id.
    expect(await archiveAudit(db.db, { before: new Date('2021-01-01T00:00:00Z'), outDir: dir })).toBeNull();
    await add('2020-06-01T10:00:00Z', 'old.late');
    const m2 = await archiveAudit(db.db, { before: new Date('2021-01-01T00:00:00Z'), outDir: dir });
    expect(m2).toMatchObject({ rows: 1 });
    expect(m2!.firstId).toBeGreaterThan(m!.lastId);
  });

  it('a changed archive file fails verification', async () => {
    const manifest = fs.readdirSync(dir).filter((f) => f.endsWith('.manifest.json')).sort()[0]!;
    const m = JSON.parse(fs.readFileSync(path.join(dir, manifest), 'utf8')) as { file: string };
    const file = path.join(dir, m.file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('old.one', 'old.0ne'));
    expect(verifyAuditArchive(path.join(dir, manifest))).toMatchObject({ ok: false, problem: expect.stringMatching(/checksum/) });
  });
});
