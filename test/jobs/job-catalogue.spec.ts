/**
 * The job catalogue (src/usecases/ports/jobs.port.ts) is checked on both sides:
 * the queue refuses to enqueue a payload its handler would not read (outside and
 * inside a transaction, nothing committed), and a handler never runs on a payload
 * that does not fit (a job written by other means fails instead).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { backends, type TestDatabase } from '../support/db.js';
import { startJobQueue, type JobQueue } from '../../src/adapters/queue/job-queue.js';
import { allQueues, queues } from '../../src/entry/jobs/queues.js';
import { JOB, jobCatalogue, parseJob, type JobPayload } from '../../src/usecases/ports/jobs.port.js';
import { MEETING_SYNC_QUEUE, type MeetingSyncJob } from '../../src/usecases/planning/planning.shared.js';
import type { MeetingSyncJob as HandledMeetingSyncJob } from '../../src/usecases/sync/meeting-sync.handler.js';

describe('job catalogue', () => {
  it('has a payload schema for every declared queue, and every catalogued job has a queue', () => {
    expect(allQueues.map((q) => q.name).sort()).toEqual(Object.keys(jobCatalogue).sort());
  });

  it('has each job name written once: the catalogue is keyed by JOB, and no code elsewhere spells a name out', () => {
    expect(Object.keys(jobCatalogue).sort()).toEqual(Object.values(JOB).sort());
    const names = new Set<string>(Object.values(JOB));
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const spelled: string[] = [];
    for (const file of [...files('src'), ...files('bot')]) {
      if (file.endsWith(path.join('ports', 'jobs.port.ts'))) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\*|\/\/|\/\*)/.test(line)) return; // comments may name a job
          // A singleton key or an audit detail may read like a job name; a queue argument may not.
          for (const m of line.matchAll(/(singletonKey: |system: )?'([a-z0-9.-]+)'/g)) if (!m[1] && names.has(m[2]!)) spelled.push(`${file}:${i + 1}: ${m[2]}`);
        });
    }
    expect(spelled).toEqual([]);
  });

  it('reads the meeting-sync payload the planning use cases enqueue (it was {meetingId} vs {meetingId, revision, change})', () => {
    const enqueued: MeetingSyncJob = { meetingId: 'm1', revision: 3, change: 'moved' };
    const handled: HandledMeetingSyncJob = parseJob(MEETING_SYNC_QUEUE, enqueued);
    expect(handled).toEqual(enqueued);
    expect(parseJob('m365.meeting-sync', { meetingId: 'm1' })).toEqual({ meetingId: 'm1' });
    expect(() => parseJob('m365.meeting-sync', { meetingId: 'm1', change: 'renamed' })).toThrow(/m365.meeting-sync.*change/);
    expect(() => parseJob('m365.forum-sync', { id: 'f1' })).toThrow(/forumId/);
  });
});

describe.each(backends)('job payloads validated by the queue on $name', (backend) => {
  let db: TestDatabase;
  let queue: JobQueue;
  beforeAll(async () => {
    db = await backend.open();
    queue = await startJobQueue(db, { supervise: false, queues: allQueues });
  });
  afterAll(async () => {
    await queue.stop();
    await db.dispose();
  });

  const count = async (name: string) => (await queue.findJobs(name, { queued: true })).length;

  it('refuses to enqueue a payload that does not fit, outside and inside a transaction', async () => {
    const before = await count(queues.forumSync.name);
    await expect(queue.enqueue('m365.forum-sync', { forumId: 42 } as unknown as JobPayload<'m365.forum-sync'>)).rejects.toThrow(/job "m365.forum-sync": invalid payload \(forumId/);
    await expect(
      db.db.transaction(async (tx) => {
        await queue.outboxFor(tx).enqueue('m365.meeting-sync', { meetingId: '' });
      }),
    ).rejects.toThrow(/meetingId/);
    expect(await count(queues.forumSync.name)).toBe(before);
    expect(await count(queues.meetingSync.name)).toBe(0);
  });

  it('hands the handler the parsed payload and fails a job whose payload does not fit without running the handler', async () => {
    const seen: unknown[] = [];
    await queue.work('system.self-test', async (data) => {
      seen.push(data);
    }, { pollingIntervalSeconds: 0.5 });
    // Written past the catalogue (as an old release or a hand-made job would).
    const bad = await queue.boss.send('system.self-test', { failing: 'yes' });
    const good = await queue.enqueue('system.self-test', { failing: false });
    const deadline = Date.now() + 120_000;
    let badState: string | undefined;
    while (Date.now() < deadline) {
      const [job] = await queue.findJobs('system.self-test', { id: bad! });
      badState = job?.state;
      if (seen.length >= 1 && badState && badState !== 'created' && badState !== 'active') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen).toEqual([{ failing: false }]);
    expect(['retry', 'failed']).toContain(badState);
    expect(good).toBeTruthy();
  });
});
