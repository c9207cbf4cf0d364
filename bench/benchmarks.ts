// The benchmarks `npm run bench` knows, in the order they run.
import type { Benchmark } from './bench.table.js';
import { reminderPlanBenchmark } from './reminder-plan.bench.js';
import { restReadBenchmark } from './rest-read.bench.js';
import { graphSyncBenchmark } from './graph-sync.bench.js';
import { tabLoadBenchmark } from './tab-load.bench.js';
import { reminderFanoutBenchmark } from './reminder-fanout.bench.js';
import { startupBenchmark } from './startup.bench.js';
import { clusterBenchmark } from './cluster.bench.js';

export const allBenchmarks: Benchmark[] = [reminderPlanBenchmark, restReadBenchmark, graphSyncBenchmark, tabLoadBenchmark, reminderFanoutBenchmark, startupBenchmark, clusterBenchmark];
