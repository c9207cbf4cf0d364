/**
 * P6: `npm start` (node scripts/start.mjs) in embedded mode, with the tab already
 * built and a data folder that was initialised by one earlier start, until
 * GET /healthz answers 200. Baseline: `node -e ''` from spawn to exit, in the
 * same run. Each start runs on a random free port with GRAPH_MODE=off and no
 * DATABASE_URL (embedded PGlite), and is stopped with SIGTERM before the next.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hr, median, msSince, type BenchRow, type Benchmark, type Scale } from './bench.table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

async function startOnce(dataDir: string, timeoutMs = 60_000): Promise<{ ms: number; built: boolean }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), GRAPH_MODE: 'off', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const t = hr();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${out.slice(-2000)}`);
      if (msSince(t) > timeoutMs) throw new Error(`/healthz did not answer within ${timeoutMs} ms:\n${out.slice(-2000)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
        async (r) => (await r.body?.cancel(), r.status === 200),
        () => false,
      );
      if (ok) return { ms: msSince(t), built: out.includes('Building the tab') };
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited(child), new Promise<'late'>((r) => setTimeout(() => r('late'), 15_000))]);
    if (stopped === 'late') {
      child.kill('SIGKILL');
      await exited(child);
    }
  }
}

async function nodeNothing(): Promise<number> {
  const t = hr();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await exited(child);
  return msSince(t);
}

export const startupBenchmark: Benchmark = {
  id: 'P6',
  title: 'npm start until /healthz answers (embedded)',
  async run(scale: Scale): Promise<BenchRow[]> {
    const runs = scale === 'full' ? 5 : 1;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-bench-start-'));
    try {
      // First start: creates the database, runs migrations, loads the demo region (and builds the tab if its sources changed).
      const first = await startOnce(dataDir, 180_000);
      const starts: number[] = [];
      let rebuilt = 0;
      for (let i = 0; i < runs; i++) {
        const s = await startOnce(dataDir);
        if (s.built) rebuilt++;
        starts.push(s.ms);
      }
      const bare: number[] = [];
      for (let i = 0; i < runs; i++) bare.push(await nodeNothing());
      const value = median(starts);
      const baseline = median(bare);
      return [{
        id: 'P6', what: 'npm start to /healthz 200', value, unit: 'ms', baseline, baselineWhat: "node -e ''", ratio: value / baseline,
        target: '<= 3 s', meets: value <= 3000,
        note: `median of ${runs} starts on an existing data folder (first start ${first.ms.toFixed(0)} ms${first.built ? ', built the tab' : ''}); runs ${starts.map((s) => s.toFixed(0)).join(', ')} ms${rebuilt ? `; ${rebuilt} of them rebuilt the tab (its sources changed meanwhile)` : ''}`,
      }];
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
