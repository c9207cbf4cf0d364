/**
 * The per-item timer of the meeting side panel (issue 16), pure: the clock is passed in.
 * The running state is the meeting's, kept by the server (GET/PUT /api/meetings/:id/timer),
 * so every participant's side panel and stage show the same item.
 */
import { copenhagenToday } from './today.js';
export type TimerState = { index: number; startedAt: number | null };
export const notStarted: TimerState = { index: -1, startedAt: null };

/** Each item's planned slot from the meeting's start ("HH:MM") and the minutes allotted to the items before it. */
export function plannedSlots(start: string, minutes: number[]): { from: string; to: string }[] {
  const [h, m] = start.split(':').map(Number);
  let at = (h ?? 0) * 60 + (m ?? 0);
  const hhmm = (x: number) => `${String(Math.floor(x / 60) % 24).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return minutes.map((len) => {
    const slot = { from: hhmm(at), to: hhmm(at + len) };
    at += len;
    return slot;
  });
}

/** Elapsed time of the running item against its allotted minutes. */
export function elapsed(startedAt: number, now: number, allottedMinutes: number): { used: string; seconds: number; over: boolean; overMinutes: number } {
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  const used = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const overSeconds = seconds - allottedMinutes * 60;
  return { used, seconds, over: overSeconds > 0, overMinutes: overSeconds > 0 ? Math.ceil(overSeconds / 60) : 0 };
}

/** Start (from not started), next and previous: the item changes and its time starts now; past the last item the meeting is done. */
export function step(state: TimerState, itemCount: number, by: 1 | -1, now: number): TimerState {
  const index = Math.min(itemCount, Math.max(0, state.index + by));
  return { index, startedAt: index < itemCount ? now : null };
}

/**
 * How often a participant's panel and stage ask for the meeting's timer: every two seconds on the meeting's day
 * by the server's clock in Copenhagen (or before the meeting's date is known), every thirty on any other day, so a
 * panel left open days before costs little and a hospital's staff behind one address stay far under its rate limit.
 */
export function pollInterval(serverNow: string, meetingDate: string | undefined): number {
  return meetingDate === undefined || copenhagenToday(new Date(serverNow)) === meetingDate ? 2000 : 30_000;
}
