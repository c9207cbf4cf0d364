/** A database with the demo region, a job queue, an in-memory Graph emulator and the sync deps pointed at it. */
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from '../../emulator/graph/server.js';
import { createGraphAdapter, staticTokenProvider, type GraphAdapter } from '../../src/adapters/graph/graph.adapter.js';
import { startJobQueue, type JobQueue, type QueueSpec } from '../../src/adapters/queue/job-queue.js';
import { transactor } from '../../src/adapters/db/unit-of-work.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { loadDemoData } from '../../src/demo/demo-loader.js';
import { allQueues } from '../../src/entry/jobs/queues.js';
import { LOCAL_TEAM_ID, syncTransactor } from '../../src/entry/sync.module.js';
import type { Meeting } from '../../src/domain/meetings/meeting.model.js';
import type { SyncDeps } from '../../src/usecases/sync/sync.ports.js';
import type { Backend, TestDatabase } from '../support/db.js';

export type SyncFixture = { db: TestDatabase; queue: JobQueue; emu: GraphEmulator; graph: GraphAdapter; deps: SyncDeps; logs: string[]; now: { value: Date }; close(): Promise<void> };

export async function syncFixture(backend: Backend, start = '2027-01-15T09:00:00Z', emuOpts: GraphEmulatorOptions = {}, queues: QueueSpec[] = allQueues): Promise<SyncFixture> {
  const db = await backend.open();
  const queue = await startJobQueue(db, { queues, supervise: false });
  await loadDemoData(transactor(db, queue));
  const emu = await startGraphEmulator(emuOpts);
  const graph = createGraphAdapter({ baseUrl: emu.graphBaseUrl, tokenProvider: staticTokenProvider(), tenantId: 'test' });
  const logs: string[] = [];
  const now = { value: new Date(start) };
  const deps: SyncDeps = {
    m365: graph,
    transact: syncTransactor(db, queue),
    clock: { now: () => now.value },
    settings: { teamId: LOCAL_TEAM_ID, publicUrl: 'https://samraad.test', teamsAppId: 'samraad-test-app', timeZone: 'Europe/Copenhagen' },
    logger: { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`) },
  };
  return {
    db,
    queue,
    emu,
    graph,
    deps,
    logs,
    now,
    async close() {
      await emu.close();
      await queue.stop();
      await db.dispose();
    },
  };
}

export function meeting(id: string, forumId: string, date: string, overrides: Partial<Meeting> = {}): Meeting {
  return { id, forumId, date, start: '13:00', end: '15:00', online: false, kind: 'ordinary', status: 'planned', revision: 1, ...overrides };
}

export async function insertMeetings(db: TestDatabase, ms: Meeting[]): Promise<void> {
  const repo = meetingsRepository(db.db);
  for (const m of ms) await repo.insertMeeting(m);
}

/** A switch that kills a worker at its Nth transaction (a crash between two changes), once. */
export type KillSwitch = { after: number; count: number; killed: number };

/** The sync dependencies with a kill switch in front of their transactions: the armed one throws `message` instead of running. */
export function killableDeps(deps: SyncDeps, kill: KillSwitch, message: string): SyncDeps {
  const inner = deps.transact;
  return {
    ...deps,
    transact: (fn) => {
      if (++kill.count === kill.after) {
        kill.after = Infinity;
        kill.killed++;
        throw new Error(message);
      }
      return inner(fn);
    },
  };
}
