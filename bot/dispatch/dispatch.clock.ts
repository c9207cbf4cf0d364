/**
 * The dispatcher's clock, a port so tests can run minutes of rate-limited sending
 * in virtual time (see testing/virtual-clock.fixture.ts). Production uses real time.
 */
export interface DispatchClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: DispatchClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms))),
};
