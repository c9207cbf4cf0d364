/**
 * Crash test: a worker process (crash.worker.ts) syncs 200 meetings and their 10
 * forums to the emulator running here (state in a data file), and is killed with
 * SIGKILL at random moments at least 20 times, each time restarted on the same
 * PGlite data folder. At the end the emulator holds exactly one event per meeting
 * and one channel per forum: nothing lost, nothing duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph/server.js';
import { MEETING_ID_PROPERTY } from '../../src/adapters/graph/calendar.graph.js';
import { LOCAL_TEAM_ID } from '../../src/entry/sync.module.js';

const FORUMS = 10;
const MEETINGS = 200;
const KILLS = 20;
const ORGANIZER = 'sekretariat@samraad.test';
const WORKER = path.join(path.dirname(new URL(import.meta.url).pathname), 'crash.worker.ts');

// A seeded generator, so a failing run can be repeated with CRASH_SEED.
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);
let s = seed;
const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);

type Worker = { child: ChildProcess; ready: Promise<void>; progress: { forums: number; meetings: number }; exited: Promise<number | null>; stderr: string[] };

function startWorker(dataDir: string, graphBaseUrl: string): Worker {
  // One process (no npx/tsx wrapper in between), in its own group, so SIGKILL hits the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, graphBaseUrl, String(FORUMS), String(MEETINGS)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const w: Worker = { child, progress: { forums: 0, meetings: 0 }, stderr: [], ready: undefined as never, exited: undefined as never };
  w.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  w.ready = new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line === 'READY') resolve();
        const m = /^PROGRESS (\d+) (\d+)$/.exec(line);
        if (m) w.progress = { forums: Number(m[1]), meetings: Number(m[2]) };
      }
    });
    child.stderr!.on('data', (d: Buffer) => w.stderr.push(d.toString()));
    void w.exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready: ${w.stderr.join('')}`)));
  });
  return w;
}

async function kill(w: Worker): Promise<void> {
  try {
    process.kill(-w.child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
  await w.exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sync survives SIGKILL at random moments', () => {
  let emu: GraphEmulator;
  let dir: string;
  let current: Worker | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-crash-'));
    emu = await startGraphEmulator({ dataFile: path.join(dir, 'graph-emulator.json') });
  });
  afterAll(async () => {
    if (current) await kill(current);
    await emu?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`syncs ${MEETINGS} meetings and ${FORUMS} forums with ${KILLS} kills: 0 lost, 0 duplicates (seed ${seed})`, async () => {
    const dataDir = path.join(dir, 'pgdata');
    const started = Date.now();
    let kills = 0;
    let killedWhileWorking = 0;
    while (kills < KILLS) {
      current = startWorker(dataDir, emu.graphBaseUrl);
      await current.ready;
      // Let it work for a random while (sometimes not at all), then kill it mid-flight.
      await sleep(Math.floor(random() * 1500));
      const before = Object.keys(emu.state.mailboxes[ORGANIZER]?.events ?? {}).length;
      if (before < MEETINGS) killedWhileWorking++;
      await kill(current);
      current = undefined;
      kills++;
    }
    // The last run may finish. Jobs a killed worker held are failed by pg-boss's supervisor once they expire, then retried.
    current = startWorker(dataDir, emu.graphBaseUrl);
    await current.ready;
    // Generous: on a loaded machine a restart alone can take several seconds.
    const deadline = Date.now() + 400_000;
    while (Date.now() < deadline && (current.progress.forums < FORUMS || current.progress.meetings < MEETINGS)) await sleep(250);
    const progress = { ...current.progress };
    await kill(current);
    current = undefined;

    const events = Object.values(emu.state.mailboxes[ORGANIZER]?.events ?? {});
    const perMeeting = new Map<string, number>();
    for (const e of events) {
      const tag = ((e.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? []).find((p) => p.id.toLowerCase() === MEETING_ID_PROPERTY.toLowerCase())?.value ?? 'untagged';
      perMeeting.set(tag, (perMeeting.get(tag) ?? 0) + 1);
    }
    const channels = Object.values(emu.state.teams[LOCAL_TEAM_ID]?.channels ?? {});
    const perForum = new Map<string, number>();
    for (const c of channels) {
      const tag = /\[samraad:([^\]]+)\]/.exec(c.description ?? '')?.[1] ?? 'untagged';
      perForum.set(tag, (perForum.get(tag) ?? 0) + 1);
    }
    const lost = Array.from({ length: MEETINGS }, (_, i) => `crash-m${i}`).filter((id) => !perMeeting.has(id));
    const duplicated = [...perMeeting].filter(([, n]) => n > 1);
    process.stdout.write(
      `crash test (seed ${seed}): ${kills} kills (${killedWhileWorking} while events were still missing), ${events.length} events, ${channels.length} channels, ` +
        `lost ${lost.length}, duplicated ${duplicated.length}, ${Math.round((Date.now() - started) / 1000)} s\n`,
    );

    expect(kills).toBeGreaterThanOrEqual(20);
    expect(killedWhileWorking).toBeGreaterThanOrEqual(5); // the kills really hit the sync, not an idle worker
    expect(progress).toEqual({ forums: FORUMS, meetings: MEETINGS });
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(events).toHaveLength(MEETINGS);
    expect([...perForum.keys()].sort()).toEqual(Array.from({ length: FORUMS }, (_, i) => `crash-f${i}`).sort());
    expect(channels).toHaveLength(FORUMS);
    expect(channels.every((c) => c.tabs.length === 1)).toBe(true);
    expect(emu.failures).toEqual([]);
    // The emulator's data file holds the same.
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'graph-emulator.json'), 'utf8')) as { mailboxes: Record<string, { events: Record<string, unknown> }> };
    expect(Object.keys(onDisk.mailboxes[ORGANIZER]!.events)).toHaveLength(MEETINGS);
  }, 600_000);
});
