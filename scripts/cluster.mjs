#!/usr/bin/env node
// `npm run cluster`: the production shape on this machine, without docker (issue 18, point 4):
// web and worker processes (`src/main.ts --role=web|worker`, through tsx) on one fresh
// PostgreSQL database on the local server (CLUSTER_PG_URL, default
// postgres://postgres@127.0.0.1:5432/postgres). The database is created, migrated and loaded
// with the demo region once, by one process, before the others start (several processes
// migrating a fresh database at once would race). Each process gets its own port and DATA_DIR
// under the OS temp folder; GRAPH_MODE=off (the local Graph emulator is one per machine).
//
//   npm run cluster                    2 web (ports 4101, 4102) + 2 workers (4111, 4112)
//   npm run cluster -- --web=1 --worker=3 --base-port=5000 --keep
//
// Ctrl-C stops every process and drops the database (--keep keeps it). The bench (P7) uses
// `startCluster` from here.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The admin URL and the URL of database `name` on the same server. */
function urls(name) {
  const admin = process.env.CLUSTER_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return { admin, db: u.toString() };
}

async function waitHealthy(url, child, ms) {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url}/healthz did not answer 200 within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts `web` web and `worker` worker processes on a fresh database. Returns their URLs and
 * pids, `kill(i, signal)` for a worker, and `stop()` (SIGTERM everything, drop the database).
 */
export async function startCluster(opts = {}) {
  const web = opts.web ?? 2;
  const worker = opts.worker ?? 2;
  const basePort = opts.basePort ?? 4100;
  const name = opts.database ?? `samraad_cluster_${randomBytes(4).toString('hex')}`;
  const { admin, db } = urls(name);
  const log = opts.log ?? ((m) => process.stdout.write(`${m}\n`));
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-cluster-'));

  // Migrations and the demo region, once, through the same startApp path as a test seed.
  const seed = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', `
      const { loadConfig } = await import('./src/config/config.ts');
      const { startApp } = await import('./src/entry/app.ts');
      const { openDatabase } = await import('./src/adapters/db/database.ts');
      const database = await openDatabase({ kind: 'postgres', connectionString: process.env.DATABASE_URL, poolSize: 3 });
      const config = loadConfig({ PORT: '0', DATA_DIR: process.env.SEED_DIR, SAMRAAD_DEMO: ${opts.demo === false ? "'0'" : "'1'"}, GRAPH_MODE: 'off' }, ['--role=web']);
      const quiet = { info() {}, warn() {}, error: (m) => process.stderr.write(m + '\\n') };
      const app = await startApp(config, { logger: quiet, modules: [], database });
      await app.stop();
      await database.close();
    `],
    { cwd: root, env: { ...process.env, DATABASE_URL: db, SEED_DIR: path.join(tmp, 'seed') }, encoding: 'utf8' },
  );
  if (seed.status !== 0) throw new Error(`seeding ${name} failed: ${seed.stderr}`);

  const procs = [];
  const startOne = (role, i) => {
    const port = basePort + (role === 'web' ? 1 : 11) + i;
    const dataDir = path.join(tmp, `${role}-${i + 1}`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', `--role=${role}`, '--no-demo'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: db,
        PORT: String(port),
        DATA_DIR: dataDir,
        GRAPH_MODE: 'off',
        SAMRAAD_INSTANCES: String(web + worker),
        // One load generator on one address: the per-address limit is for people.
        RATE_LIMIT_PER_ADDRESS: '100000000',
        RATE_LIMIT_PER_ADDRESS_CEILING: '100000000',
        RATE_LIMIT_PER_PERSON: '100000000',
        LOG_LEVEL: 'warn',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tag = `${role}-${i + 1}`;
    const out = fs.createWriteStream(path.join(tmp, `${tag}.log`));
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    const p = { role, index: i, tag, port, url: `http://127.0.0.1:${port}`, child, pid: child.pid, log: path.join(tmp, `${tag}.log`) };
    procs.push(p);
    return p;
  };
  const stop = async () => {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise((resolve) => {
            if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
            p.child.once('exit', resolve);
            p.child.kill('SIGTERM');
            setTimeout(() => p.child.kill('SIGKILL'), 8_000).unref();
          }),
      ),
    );
    if (!opts.keep) {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  };
  try {
    const all = [...Array.from({ length: web }, (_, i) => startOne('web', i)), ...Array.from({ length: worker }, (_, i) => startOne('worker', i))];
    await Promise.all(all.map((p) => waitHealthy(p.url, p.child, opts.startTimeoutMs ?? 90_000)));
  } catch (err) {
    await stop();
    throw err;
  }
  log(`cluster on ${name}: ${procs.map((p) => `${p.tag} ${p.url} (pid ${p.pid})`).join(', ')}; logs in ${tmp}`);
  return {
    database: name,
    databaseUrl: db,
    web: procs.filter((p) => p.role === 'web'),
    workers: procs.filter((p) => p.role === 'worker'),
    /** Ends a worker with `signal` (SIGKILL: as a crash) and resolves when it is gone. */
    kill: (p, signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
        p.child.once('exit', resolve);
        p.child.kill(signal);
      }),
    stop,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (n, d) => {
    const a = process.argv.find((x) => x.startsWith(`--${n}=`));
    return a ? Number(a.slice(n.length + 3)) : d;
  };
  const cluster = await startCluster({ web: arg('web', 2), worker: arg('worker', 2), basePort: arg('base-port', 4100), keep: process.argv.includes('--keep') });
  process.stdout.write('Ctrl-C stops the cluster.\n');
  let stopping = false;
  const end = () => {
    if (stopping) return;
    stopping = true;
    cluster.stop().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`${err.stack ?? err}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
}
