/**
 * The shape every benchmark returns and the table `npm run bench` prints. A row
 * holds the measured value, the baseline measured in the same run, their ratio,
 * the target in words and whether it was met. Ratios matter more than absolute
 * figures: the machine is shared and noisy.
 */
export type Scale = 'full' | 'smoke';

export type BenchRow = {
  id: string;
  what: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineWhat: string;
  /** value / baseline unless the benchmark defines it otherwise (then it says so in `target`). */
  ratio: number | null;
  target: string;
  meets: boolean;
  note?: string;
};

export type Benchmark = { id: string; title: string; run(scale: Scale): Promise<BenchRow[]> };

export const hr = (): bigint => process.hrtime.bigint();
export const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
export const ratioOf = (value: number, baseline: number): number | null => (baseline > 0 && Number.isFinite(baseline) ? value / baseline : null);

const num = (x: number | null, unit = ''): string => {
  if (x === null || !Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  const s = Number.isInteger(x) || a >= 1000 ? x.toFixed(0) : a >= 100 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
  return unit ? `${s} ${unit}` : s;
};

export function formatTable(rows: BenchRow[]): string {
  const header = ['id', 'what', 'measured', 'baseline (same run)', 'ratio', 'target', 'meets'];
  const body = rows.map((r) => [
    r.id,
    r.what,
    num(r.value, r.unit),
    r.baseline === null ? r.baselineWhat : `${num(r.baseline, r.unit)} ${r.baselineWhat}`,
    r.ratio === null ? '-' : `${num(r.ratio)}x`,
    r.target,
    r.meets ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.id} ${r.what}: ${r.note}`);
  return [...out, ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}
