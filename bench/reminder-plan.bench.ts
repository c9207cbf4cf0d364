/**
 * P1: the reminder plan on the synthetic national data set. It runs
 * bench/plan.bench.ts (the plan benchmark of issue 3: generator, full plan,
 * re-plan after one moved meeting, bare linear scan) as a child process and reads
 * its figures, so the measuring code lives in one place. The data set is always
 * the national size: plan.bench.ts has no size switch, and it takes seconds.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow, Benchmark } from './bench.table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type PlanFigures = { fullMs: number; moveMs: number; scanMs: number; reminders: number; dataSet: string };

export function parsePlanOutput(text: string): PlanFigures {
  const grab = (re: RegExp, what: string): string => {
    const m = re.exec(text);
    if (!m?.[1]) throw new Error(`plan.bench.ts output has no ${what}:\n${text}`);
    return m[1];
  };
  return {
    fullMs: Number(grab(/full plan:\s+([\d.]+) ms/, 'full plan')),
    moveMs: Number(grab(/one meeting moved:\s+([\d.]+) ms/, 'moved meeting')),
    scanMs: Number(grab(/bare linear scan:\s+([\d.]+) ms/, 'linear scan')),
    reminders: Number(grab(/reminders planned:\s+(\d+)/, 'reminder count')),
    dataSet: grab(/data set: ([^(]+)/, 'data set').trim(),
  };
}

export function runPlanBench(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'plan.bench.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`plan.bench.ts exited ${code}: ${err}`))));
  });
}

export const reminderPlanBenchmark: Benchmark = {
  id: 'P1',
  title: 'reminder plan on the national synthetic set',
  async run(): Promise<BenchRow[]> {
    const f = parsePlanOutput(await runPlanBench());
    // The scan is sub-millisecond, so its ratio is dominated by timer noise; the absolute target is the binding one.
    const fullRatio = f.fullMs / f.scanMs;
    return [
      {
        id: 'P1', what: 'full reminder plan', value: f.fullMs, unit: 'ms', baseline: f.scanMs, baselineWhat: 'linear scan', ratio: fullRatio,
        target: '< 500 ms and <= 20x scan', meets: f.fullMs < 500 && fullRatio <= 20,
        note: `${f.dataSet}; ${f.reminders} reminders; medians from bench/plan.bench.ts`,
      },
      {
        id: 'P1', what: 're-plan after one moved meeting', value: f.moveMs, unit: 'ms', baseline: f.scanMs, baselineWhat: 'linear scan', ratio: f.moveMs / f.scanMs,
        target: '< 10 ms', meets: f.moveMs < 10,
      },
    ];
  },
};
