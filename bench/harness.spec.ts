// Smoke tests of `npm run bench` at tiny sizes: every benchmark still runs and
// yields rows with numbers. Not timing tests: targets are neither asserted nor met.
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from '@jest/globals';
import { formatTable, type BenchRow } from './bench.table.js';
import { allBenchmarks } from './benchmarks.js';
import { parsePlanOutput, reminderPlanBenchmark } from './reminder-plan.bench.js';
import { restReadBenchmark } from './rest-read.bench.js';
import { graphSyncBenchmark } from './graph-sync.bench.js';
import { reminderFanoutBenchmark } from './reminder-fanout.bench.js';
import { expectWellFormed } from './bench.rows.fixture.js';

describe('benchmark harness', () => {
  it('knows P1-P7 and prints one table line per row with the notes', () => {
    expect(allBenchmarks.map((b) => b.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
    const rows: BenchRow[] = [
      { id: 'P9', what: 'a', value: 12.5, unit: 'ms', baseline: 5, baselineWhat: 'bare', ratio: 2.5, target: '< 20 ms', meets: true },
      { id: 'P9', what: 'b', value: 3, unit: '', baseline: null, baselineWhat: 'none', ratio: null, target: '0', meets: false, note: 'why' },
    ];
    const lines = formatTable(rows).split('\n');
    expect(lines[2]).toMatch(/\| P9 \| a .*\| 12\.50 ms .*\| 5 ms bare .*\| 2\.50x .*\| yes /);
    expect(lines[3]).toMatch(/\| P9 \| b .*\| 3 .*\| none .*\| - .*\| NO /);
    expect(lines).toContain('  P9 b: why');
  });

  it('reads the figures of bench/plan.bench.ts, and refuses output without them', () => {
    const sample = [
      'data set: 500 forums, 15000 people, 25000 memberships, 2500 meetings, 5000 tasks (generated in 163 ms)',
      'reminders planned: 16993',
      'full plan:         462.2 ms median of 5 (cold first run 486.1 ms)  target < 500 ms  OK',
      'one meeting moved: 0.336 ms median of 200 (max 30.650 ms)  target < 10 ms  OK',
      'bare linear scan:  0.54 ms median of 20',
    ].join('\n');
    expect(parsePlanOutput(sample)).toEqual({ fullMs: 462.2, moveMs: 0.336, scanMs: 0.54, reminders: 16993, dataSet: '500 forums, 15000 people, 25000 memberships, 2500 meetings, 5000 tasks' });
    expect(() => parsePlanOutput('reminders planned: 3')).toThrow(/full plan/);
  });

  it('P1 runs bench/plan.bench.ts and returns its figures', async () => {
    expectWellFormed(await reminderPlanBenchmark.run('smoke'), 'P1', 2);
  }, 300_000);

  it('P2 loads the forum overview, a meeting page and the bare route', async () => {
    const rows = await restReadBenchmark.run('smoke');
    expectWellFormed(rows, 'P2', 4);
    expect(rows.filter((r) => r.what.includes('throughput')).every((r) => r.value > 0)).toBe(true);
  }, 300_000);

  it('P3 syncs to the emulator with and without throttling, nothing lost or duplicated', async () => {
    const rows = await graphSyncBenchmark.run('smoke');
    expectWellFormed(rows, 'P3', 4);
    for (const r of rows.filter((x) => x.what.startsWith('requests'))) expect(r.note).toMatch(/0 lost, 0 duplicated, 0 not 201, 0 emulator failures/);
  }, 300_000);

  it('P5 fans reminders out through the dispatcher without an unhandled 429', async () => {
    const rows = await reminderFanoutBenchmark.run('smoke');
    expectWellFormed(rows, 'P5', 3);
    expect(rows.find((r) => r.what === 'unhandled 429')!.value).toBe(0);
  }, 300_000);

  // The command line's own plumbing (choosing, printing, refusing), on P1, the quickest benchmark: P3's figures are
  // checked in-process above, and running P3 again through the command line cost about 50 s of every `npm test`.
  it('`npm run bench -- P1 --smoke` runs just that one and prints its table', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', 'P1', '--smoke'], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\| P1 \| full reminder plan /);
    expect(r.stdout).not.toMatch(/\| P[2-7] /);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', 'P8'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown benchmark P8/);
  }, 300_000);
});
