/**
 * Audit retention as an archive, not a delete (issue 14 point 4). The audit log is
 * append-only (a trigger refuses UPDATE and DELETE) and Samraad never deletes it
 * (docs/security.md "Audit retention"). What retention means here: the rows older
 * than the retention period are written, in id order, to an NDJSON file with a
 * SHA-256 checksum and a manifest (first and last id, row count, cut-off), the file
 * is read back and checked before the run counts, and the run is itself recorded in
 * the audit (`audit.archive`, with the checksum). Each run continues after the last
 * archived id, so the files form an unbroken chain. Handing the files to the
 * region's archive (and any disposal the archive decides) happens outside Samraad;
 * nothing is deleted without an archive because nothing is deleted here at all.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from './database.js';
import { auditLog } from './schema.js';
import { auditRepository } from './audit.repository.js';

export type AuditArchiveManifest = {
  file: string;
  sha256: string;
  rows: number;
  firstId: number;
  lastId: number;
  /** Rows recorded before this instant were archived. */
  before: string;
  createdAt: string;
};

const PAGE = 1000;

/** Writes the not yet archived rows older than `before` to `outDir`; null when there are none. */
export async function archiveAudit(db: DbOrTx, opts: { before: Date; outDir: string; now?: Date }): Promise<AuditArchiveManifest | null> {
  const [last] = await db.select().from(auditLog).where(eq(auditLog.action, 'audit.archive')).orderBy(desc(auditLog.id)).limit(1);
  let after = Number((last?.detail as { lastId?: number } | null)?.lastId ?? 0);
  const cutoff = opts.before.toISOString();
  fs.mkdirSync(opts.outDir, { recursive: true, mode: 0o700 });
  const tmp = path.join(opts.outDir, `.audit-${process.pid}-${Date.now()}.ndjson.tmp`);
  const hash = createHash('sha256');
  const fd = fs.openSync(tmp, 'w', 0o600);
  let rows = 0;
  let firstId = 0;
  let lastId = 0;
  try {
    for (;;) {
      const page = await db.select().from(auditLog).where(and(gt(auditLog.id, after), lt(auditLog.at, cutoff))).orderBy(asc(auditLog.id)).limit(PAGE);
      for (const r of page) {
        const line = JSON.stringify({ id: r.id, at: new Date(r.at).toISOString(), actorPersonId: r.actorPersonId, action: r.action, forumId: r.forumId, target: r.target, outcome: r.outcome, detail: r.detail }) + '\n';
        fs.writeSync(fd, line);
        hash.update(line);
        if (!firstId) firstId = r.id;
        lastId = r.id;
        rows++;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (!rows) {
    fs.rmSync(tmp, { force: true });
    return null;
  }
  const sha256 = hash.digest('hex');
  const file = `audit-${String(firstId).padStart(12, '0')}-${String(lastId).padStart(12, '0')}.ndjson`;
  fs.renameSync(tmp, path.join(opts.outDir, file));
  const manifest: AuditArchiveManifest = { file, sha256, rows, firstId, lastId, before: cutoff, createdAt: (opts.now ?? new Date()).toISOString() };
  fs.writeFileSync(path.join(opts.outDir, `${file}.manifest.json`), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  // Read back before the run counts: a file that does not match is not an archive.
  const check = verifyAuditArchive(path.join(opts.outDir, `${file}.manifest.json`));
  if (!check.ok) throw new Error(`the archive ${file} does not read back as written: ${check.problem}`);
  await auditRepository(db).record({ action: 'audit.archive', outcome: 'ok', target: file, detail: { sha256, rows, firstId, lastId, before: cutoff } });
  return manifest;
}

/** Checks an archive file against its manifest: checksum, row count, ids in order. */
export function verifyAuditArchive(manifestPath: string): { ok: true; manifest: AuditArchiveManifest } | { ok: false; problem: string } {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as AuditArchiveManifest;
  const bytes = fs.readFileSync(path.join(path.dirname(manifestPath), manifest.file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== manifest.sha256) return { ok: false, problem: `checksum ${sha256} is not the manifest's ${manifest.sha256}` };
  const ids = bytes.toString('utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: number }).id);
  if (ids.length !== manifest.rows) return { ok: false, problem: `${ids.length} rows, the manifest says ${manifest.rows}` };
  if (ids[0] !== manifest.firstId || ids[ids.length - 1] !== manifest.lastId || ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) return { ok: false, problem: 'ids out of order or not the manifest range' };
  return { ok: true, manifest };
}
