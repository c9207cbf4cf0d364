/**
 * TEST DOUBLE ONLY: discrete-event time for the dispatch load test. Virtual time
 * stands still while any HTTP request is in flight and otherwise jumps to the next
 * sleeper once everything else has settled (checked with setImmediate). So
 * minutes of rate-limited sending run as fast as the CPU allows, and the fake Bot
 * Connector stamps each arrival with the virtual time at which it was sent, free
 * of the event-loop stalls that scaled real time suffers on a shared machine.
 */
import type { DispatchClock } from '../dispatch/dispatch.clock.js';

export class VirtualClock implements DispatchClock {
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;
  private inFlight = 0;
  private kickPending = false;

  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
      this.kick();
    });
  }

  /** Wraps one outside call (an HTTP request): time does not move until it settles. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.kick();
    }
  }

  private kick(): void {
    if (this.kickPending) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      if (this.inFlight > 0 || this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const at = this.timers[0]!.at;
      this.t = Math.max(this.t, at);
      const due = this.timers.filter((x) => x.at <= at);
      this.timers = this.timers.filter((x) => x.at > at);
      due.forEach((x) => x.resolve());
      this.kick();
    });
  }
}
