/**
 * `npm run bench`: runs P1-P7 one after another in this process tree and prints
 * one table (measured value, baseline measured in the same run, ratio, target,
 * whether it is met). `npm run bench -- P3 P5` runs only those. `--smoke` runs the
 * tiny sizes the test suite uses. Exit code 0 even when targets are missed: these
 * are measurements, not tests; a benchmark that crashes exits 1.
 */
import os from 'node:os';
import { formatTable, type BenchRow, type Benchmark, type Scale } from './bench.table.js';
import { allBenchmarks } from './benchmarks.js';

const args = process.argv.slice(2);
const scale: Scale = args.includes('--smoke') ? 'smoke' : 'full';
const wanted = args.filter((a) => !a.startsWith('--')).map((a) => a.toUpperCase());
const unknown = wanted.filter((w) => !allBenchmarks.some((b) => b.id === w));
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; known: ${allBenchmarks.map((b) => b.id).join(' ')}\n`);
  process.exit(2);
}
const chosen: Benchmark[] = wanted.length ? allBenchmarks.filter((b) => wanted.includes(b.id)) : allBenchmarks;

const rows: BenchRow[] = [];
let crashed = false;
const started = Date.now();
process.stdout.write(`Samraad benchmarks (${scale}) on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}${process.env.DATABASE_URL ? ', PostgreSQL from DATABASE_URL' : ''}\n`);
for (const b of chosen) {
  const t = Date.now();
  process.stdout.write(`${b.id} ${b.title} ...`);
  try {
    const got = await b.run(scale);
    rows.push(...got);
    process.stdout.write(` ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  } catch (err) {
    crashed = true;
    process.stdout.write(` FAILED after ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    process.stderr.write(`${b.id}: ${(err as Error).stack ?? String(err)}\n`);
  }
}
process.stdout.write(`\n${formatTable(rows)}\n\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
// Servers, pools and browsers are closed by each benchmark; exit anyway so a stray handle cannot hang the run.
process.exit(crashed ? 1 : 0);
