/**
 * Fault injection for the Graph emulator: 429 with Retry-After, 503, 504, added
 * latency and connection resets, per route (contract template) or per `$batch`
 * sub-request, with a probability drawn from a seeded generator so a failing run
 * can be replayed with the same seed.
 */
import { mulberry32 } from '../../src/shared/seeded-random.js';

/** "reset-after": the request is carried out, then the connection is reset (the answer is lost). */
export type FaultKind = '429' | '503' | '504' | 'reset' | 'reset-after' | 'latency';

export type FaultRule = {
  kind: FaultKind;
  /** HTTP method (any when unset). */
  method?: string;
  /** Contract path template, e.g. "/users/{user-id}/events"; "$batch" for the batch envelope; any when unset. */
  route?: string;
  /** Regular expression tested against the request path (after /v1.0). */
  pathRegex?: string;
  /** "request": whole HTTP requests only; "batch-item": `$batch` sub-requests only; "any" (default): both. */
  scope?: 'request' | 'batch-item' | 'any';
  /** 0..1, default 1. */
  probability?: number;
  /** Stop after this many injections. */
  times?: number;
  /** Retry-After in seconds for 429 (default 1) and 503/504 (none unless set). */
  retryAfterSeconds?: number;
  /** Added delay for "latency" (default 200 ms). */
  latencyMs?: number;
};

export type StoredRule = FaultRule & { id: string; injected: number };

export type FaultDecision =
  | { kind: '429' | '503' | '504'; status: number; retryAfterSeconds?: number; ruleId: string }
  | { kind: 'reset' | 'reset-after'; ruleId: string }
  | { kind: 'latency'; latencyMs: number; ruleId: string };

export type FaultInjector = {
  add(rule: FaultRule): string;
  remove(id: string): void;
  clear(): void;
  seed(seed: number): void;
  list(): StoredRule[];
  /** Total faults injected since start (latency included). */
  readonly injectedCount: number;
  /** Decides for one request; latency decisions come first and do not exclude an error. */
  decide(input: { method: string; route?: string; path: string; inBatch: boolean }): FaultDecision[];
};

export function createFaultInjector(initialSeed = 1): FaultInjector {
  let rand = mulberry32(initialSeed);
  let rules: StoredRule[] = [];
  let next = 1;
  let injected = 0;
  return {
    add(rule) {
      const id = `fault-${next++}`;
      rules.push({ ...rule, id, injected: 0 });
      return id;
    },
    remove(id) {
      rules = rules.filter((r) => r.id !== id);
    },
    clear() {
      rules = [];
    },
    seed(seed) {
      rand = mulberry32(seed);
    },
    list: () => rules.map((r) => ({ ...r })),
    get injectedCount() {
      return injected;
    },
    decide({ method, route, path, inBatch }) {
      const out: FaultDecision[] = [];
      let errorChosen = false;
      for (const r of rules) {
        const scope = r.scope ?? 'any';
        if (scope === 'request' && inBatch) continue;
        if (scope === 'batch-item' && !inBatch) continue;
        if (inBatch && (r.kind === 'reset' || r.kind === 'reset-after')) continue; // a sub-request has no connection of its own
        if (r.method && r.method.toUpperCase() !== method.toUpperCase()) continue;
        if (r.route && r.route !== route) continue;
        if (r.pathRegex && !new RegExp(r.pathRegex).test(path)) continue;
        if (r.times !== undefined && r.injected >= r.times) continue;
        if (r.kind !== 'latency' && errorChosen) continue;
        if (rand() >= (r.probability ?? 1)) continue;
        r.injected++;
        injected++;
        if (r.kind === 'latency') out.unshift({ kind: 'latency', latencyMs: r.latencyMs ?? 200, ruleId: r.id });
        else if (r.kind === 'reset' || r.kind === 'reset-after') {
          out.push({ kind: r.kind, ruleId: r.id });
          errorChosen = true;
        } else {
          const retryAfterSeconds = r.kind === '429' ? (r.retryAfterSeconds ?? 1) : r.retryAfterSeconds;
          out.push({ kind: r.kind, status: Number(r.kind), ruleId: r.id, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
          errorChosen = true;
        }
      }
      return out;
    },
  };
}
