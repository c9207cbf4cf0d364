/**
 * `npm run cli -- audit-archive --out <folder> [--retention-days N | --before <ISO date>] [--verify <manifest>]`:
 * writes the audit rows older than the retention period (default AUDIT_RETENTION_DAYS,
 * else 365 days) that are not archived yet to an NDJSON file with a SHA-256 manifest
 * (src/adapters/db/audit-archive.ts). Nothing is deleted. `--verify` checks a file
 * against its manifest.
 */
import { loadConfig } from '../../../config/config.js';
import { DataDirLockedError } from '../../../adapters/db/data-dir-lock.js';
import { archiveAudit, verifyAuditArchive } from '../../../adapters/db/audit-archive.js';
import type { CliCommand, CliIo } from '../cli.types.js';
import { openCliDatabase, type CliDatabase } from '../cli.database.js';

const USAGE = `Brug: audit-archive --out <mappe> [--retention-days N | --before <dato>]
       audit-archive --verify <manifest.json>
Skriver auditlinjer ældre end opbevaringsperioden (standard AUDIT_RETENTION_DAYS, ellers 365 dage),
som ikke er arkiveret endnu, til en NDJSON-fil med SHA-256-kontrolsum og manifest. Intet slettes.
`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const command: CliCommand = {
  summary: 'Arkivér gamle auditlinjer til NDJSON med kontrolsum (sletter intet)',
  async run(args: string[], io: CliIo): Promise<number> {
    if (args.includes('--help') || !args.length) {
      io.stdout.write(USAGE);
      return args.includes('--help') ? 0 : 2;
    }
    const verify = option(args, '--verify');
    if (verify) {
      const r = verifyAuditArchive(verify);
      io.stdout.write(r.ok ? `ok: ${r.manifest.file}, ${r.manifest.rows} linjer, sha256 ${r.manifest.sha256}\n` : `FEJL: ${r.problem}\n`);
      return r.ok ? 0 : 1;
    }
    const out = option(args, '--out');
    if (!out) {
      io.stderr.write(USAGE);
      return 2;
    }
    const beforeArg = option(args, '--before');
    const days = Number(option(args, '--retention-days') ?? process.env.AUDIT_RETENTION_DAYS ?? 365);
    const before = beforeArg ? new Date(beforeArg) : new Date(Date.now() - days * 86_400_000);
    if (Number.isNaN(before.getTime()) || !Number.isFinite(days) || days < 0) {
      io.stderr.write('Ugyldig dato eller antal dage\n');
      return 2;
    }
    const config = loadConfig(process.env);
    let store: CliDatabase;
    try {
      store = await openCliDatabase(config);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        io.stderr.write('Databasen er i brug af en kørende server; stop den først, eller brug DATABASE_URL.\n');
        return 1;
      }
      throw err;
    }
    try {
      const m = await archiveAudit(store.database.db, { before, outDir: out });
      io.stdout.write(m ? `Arkiveret ${m.rows} linjer (id ${m.firstId}-${m.lastId}) til ${m.file}, sha256 ${m.sha256}\n` : 'Ingen nye linjer at arkivere\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};
