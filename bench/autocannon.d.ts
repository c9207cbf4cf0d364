// autocannon ships no types; only what the benchmark uses.
declare module 'autocannon' {
  type Options = { url: string; connections?: number; duration?: number; amount?: number; headers?: Record<string, string>; pipelining?: number };
  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; min: number };
  export type Result = { latency: Histogram; requests: Histogram & { total: number }; non2xx: number; errors: number; timeouts: number; '2xx': number; /** Seconds the run took. */ duration: number };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
