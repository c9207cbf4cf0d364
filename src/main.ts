/**
 * `npm start` runs this (after building the tab): one process with the web
 * server and the job worker (`--role=web|worker|all`), embedded defaults when
 * nothing is configured. SIGTERM/SIGINT stop it gracefully.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirLockedError } from './adapters/db/data-dir-lock.js';
import { StartupRefused, startApp } from './entry/app.js';
import { appModules } from './entry/modules.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = {
  info: (m: string) => process.stdout.write(`${m}\n`),
  warn: (m: string) => process.stderr.write(`warning: ${m}\n`),
  error: (m: string) => process.stderr.write(`error: ${m}\n`),
};

async function main() {
  const config = loadConfig(process.env, process.argv.slice(2));
  const started = Date.now();
  const app = await startApp(config, { logger: log, modules: await appModules(config), tabDir: path.join(root, 'dist', 'tab') });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  log.info(`Samraad (${config.role}) listening on http://${config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${config.port} in ${Date.now() - started} ms; data: ${where}`);
  if (config.devSignIn) log.info('Dev sign-in is on: open the tab and pick a demo person.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping (finishing requests and jobs) ...`);
    // A hard deadline, so a stuck dependency cannot keep the process alive.
    setTimeout(() => {
      log.error('did not stop within 4.5 s; exiting');
      process.exit(1);
    }, 4500).unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error(`while stopping: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError || err instanceof StartupRefused) {
    log.error(err.message);
    process.exit(2);
  }
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    log.error(`Port ${process.env.PORT ?? 3978} is already in use. Stop the other server or set PORT.`);
    process.exit(2);
  }
  log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
