/**
 * `npm run cli -- grant-tenant-admin <person id>`: makes a registered person a
 * tenant administrator (platform role "tenant_admin": may create a region's top
 * forum, administers every region and the catalogue of forum kinds). The first
 * one is granted here, by whoever runs the server; later ones the same way.
 *
 * It opens the store the server uses: DATABASE_URL, else the embedded database in
 * DATA_DIR (which must not be in use by a running server).
 */
import { loadConfig } from '../../../config/config.js';
import { DataDirLockedError } from '../../../adapters/db/data-dir-lock.js';
import { auditRepository } from '../../../adapters/db/audit.repository.js';
import { registryRepository } from '../../../adapters/db/registry.repository.js';
import { TENANT_ADMIN } from '../../../domain/access/access.policy.js';
import { id as idSchema } from '../../../domain/registry/registry.model.js';
import type { CliCommand, CliIo } from '../cli.types.js';
import { openCliDatabase, type CliDatabase } from '../cli.database.js';

const USAGE = `Brug: grant-tenant-admin <person-id>
Gør en registreret person til tenant-administrator (må oprette en regions øverste forum,
administrere regioner og kataloget over forumtyper).
Databasen: DATABASE_URL, ellers den indlejrede database i DATA_DIR (serveren skal være stoppet).
`;

export const command: CliCommand = {
  summary: 'Gør en person til tenant-administrator (platformsrolle)',
  async run(args: string[], io: CliIo): Promise<number> {
    const [personId, ...rest] = args;
    if (!personId || personId === '--help' || rest.length) {
      io.stdout.write(USAGE);
      return personId === '--help' ? 0 : 2;
    }
    if (!idSchema.safeParse(personId).success) {
      io.stderr.write(`Person-id'et "${personId}" er ugyldigt: kun bogstaver, tal, - og _\n`);
      return 2;
    }
    const config = loadConfig(process.env);
    let store: CliDatabase;
    try {
      store = await openCliDatabase(config);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        io.stderr.write(`Databasen i ${config.dataDir} bruges af en kørende server; stop den først.\n`);
        return 1;
      }
      throw err;
    }
    const { database } = store;
    try {
      const registry = registryRepository(database.db);
      if (!(await registry.getPerson(personId))) {
        io.stderr.write(`Personen "${personId}" findes ikke\n`);
        return 3;
      }
      await database.db.transaction(async (tx) => {
        await registryRepository(tx).grantPlatformRole(personId, TENANT_ADMIN, 'cli');
        await auditRepository(tx).record({ action: 'platform_role.grant', target: personId, outcome: 'ok', detail: { role: TENANT_ADMIN, by: 'cli' } });
      });
      io.stdout.write(`${personId} er nu tenant-administrator.\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
