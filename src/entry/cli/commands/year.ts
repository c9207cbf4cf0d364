/**
 * `npm run cli -- year --forum ID --year YYYY [--json]`: prints a forum's year of
 * duties (årshjul) in Danish, or with --json the same JSON as
 * GET /api/forums/:id/year/:year.
 *
 * It opens the store the server uses: DATABASE_URL, else the embedded database in
 * DATA_DIR (default ./.data), under the same folder lock, loading the demo region
 * into an empty embedded database like the server does. When a running server
 * holds the folder, it asks that server over HTTP instead and says so on stderr.
 */
import { loadConfig, type Config } from '../../../config/config.js';
import { DataDirLockedError } from '../../../adapters/db/data-dir-lock.js';
import { planningTransactor } from '../../../adapters/db/planning.unit-of-work.js';
import { loadDemoData } from '../../../demo/demo-loader.js';
import { id as idSchema } from '../../../domain/registry/registry.model.js';
import { forumYear } from '../../../usecases/planning/forum-year.usecase.js';
import { UseCaseError } from '../../../usecases/use-case.errors.js';
import { formatYearOfDuties } from '../../../usecases/year-of-duties.usecase.js';
import type { CliCommand, CliIo } from '../cli.types.js';
import { openCliDatabase, type CliDatabase } from '../cli.database.js';

const USAGE = `Brug: year --forum ID --year ÅÅÅÅ [--json] [--lang da|en]

Viser et forums årshjul: møderne med frister, betingelser (fællesmøder,
temadage), de møder andre fora holder med forummet, og formandsskifter.
--lang en giver teksten på engelsk. --json giver de samme data som
GET /api/forums/ID/year/ÅÅÅÅ.

Databasen: DATABASE_URL, ellers den indlejrede database i DATA_DIR
(standard ./.data). Kører serveren på samme datamappe, spørges den via
http://localhost:\${PORT:-3978}.
`;

type Args = { forumId: string; year: number; json: boolean; lang: 'da' | 'en' };

function parse(args: string[]): Args | { help: true } | { error: string } {
  let forumId: string | undefined;
  let yearText: string | undefined;
  let json = false;
  let langText = 'da';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    else if (a === '--json') json = true;
    else if (a === '--lang') langText = args[++i] ?? '';
    else if (a.startsWith('--lang=')) langText = a.slice('--lang='.length);
    else if (a === '--forum') forumId = args[++i];
    else if (a.startsWith('--forum=')) forumId = a.slice('--forum='.length);
    else if (a === '--year') yearText = args[++i];
    else if (a.startsWith('--year=')) yearText = a.slice('--year='.length);
    else return { error: `Ukendt tilvalg: ${a}` };
  }
  if (!forumId) return { error: 'Angiv forummet med --forum ID.' };
  if (!idSchema.safeParse(forumId).success) return { error: `Ugyldigt forum-id: ${forumId}` };
  if (!yearText) return { error: 'Angiv året med --year ÅÅÅÅ.' };
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) return { error: `Året skal være mellem 2000 og 2100 (fik ${yearText}).` };
  if (langText !== 'da' && langText !== 'en') return { error: `Sproget skal være da eller en (fik ${langText}).` };
  return { forumId, year, json, lang: langText };
}

// The CLI only reads; nothing it runs enqueues jobs, so no job queue is started.
const noJobs = {
  outboxFor: () => ({
    enqueue: async () => {
      throw new Error('the CLI does not enqueue jobs');
    },
  }),
};

async function viaServer(config: Config, a: Args, locked: DataDirLockedError, io: CliIo): Promise<number> {
  const url = `http://localhost:${config.port}/api/forums/${encodeURIComponent(a.forumId)}/year/${a.year}${a.json ? '' : `?format=text&lang=${a.lang}`}`;
  io.stderr.write(`Datamappen ${locked.dataDir} bruges af en kørende server (pid ${locked.pid}); spørger den via ${url}\n`);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  } catch (err) {
    io.stderr.write(`Serveren svarer ikke på ${url}: ${err instanceof Error ? err.message : String(err)}. Sæt PORT til serverens port.\n`);
    return 1;
  }
  const body = await res.text();
  if (!res.ok) {
    let detail = body;
    try {
      const p = JSON.parse(body) as { detailDa?: string; detail?: string };
      detail = p.detailDa ?? p.detail ?? body;
    } catch {
      // Not a problem document: show it as it came.
    }
    io.stderr.write(`Serveren svarede ${res.status}: ${detail}\n`);
    return res.status === 404 ? 3 : 1;
  }
  io.stdout.write(a.json ? `${JSON.stringify(JSON.parse(body), null, 2)}\n` : body);
  return 0;
}

export const command: CliCommand = {
  summary: 'Vis et forums årshjul (møder, frister, formandsskifter) for et år',
  async run(args: string[], io: CliIo): Promise<number> {
    const a = parse(args);
    if ('help' in a) {
      io.stdout.write(USAGE);
      return 0;
    }
    if ('error' in a) {
      io.stderr.write(`${a.error}\n${USAGE}`);
      return 2;
    }
    const config = loadConfig(process.env);
    let store: CliDatabase;
    try {
      store = await openCliDatabase(config);
    } catch (err) {
      if (err instanceof DataDirLockedError) return viaServer(config, a, err, io);
      throw err;
    }
    const { database } = store;
    try {
      const transact = planningTransactor(database, noJobs);
      // Like the server: the demo goes into an empty embedded database only.
      if (config.loadDemo && database.kind === 'pglite') {
        const { loaded } = await loadDemoData(transact);
        if (loaded) io.stderr.write(`Databasen i ${config.dataDir} var tom; demo-regionen er indlæst.\n`);
      }
      const y = await forumYear({ transact, clock: { now: () => new Date() }, ids: { newId: (p) => p } }, a.forumId, a.year);
      io.stdout.write(a.json ? `${JSON.stringify(y, null, 2)}\n` : formatYearOfDuties(y, a.lang));
      return 0;
    } catch (err) {
      if (err instanceof UseCaseError) {
        io.stderr.write(`${err.messageDa ?? err.message}\n`);
        return err.kind === 'not_found' ? 3 : 2;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
