/**
 * The first full sync (src/usecases/sync/initial-sync.usecase.ts): every active forum
 * and planned meeting queued once per target, with the mark in the same transaction;
 * again only when forced (the emulator started empty) or for another target.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { backends } from '../support/db.js';
import { insertMeetings, meeting, syncFixture, type SyncFixture } from './sync.fixture.js';
import { enqueueInitialSync } from '../../src/usecases/sync/initial-sync.usecase.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';

describe.each(backends)('initial sync on $name', (backend) => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await syncFixture(backend);
    await insertMeetings(f.db, [meeting('init-planned-1', 'vest-ksg', '2027-02-01'), meeting('init-planned-2', 'vest-ksg', '2027-03-01'), meeting('init-cancelled', 'vest-ksg', '2027-04-01', { status: 'cancelled' })]);
  });
  afterAll(async () => {
    await f?.close();
  });

  const queued = async (name: string) => Number(((await f.db.db.execute(sql`select count(*)::int as n from pgboss_v10.job where name = ${name}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
  const mark = async (target: string) => ((await f.db.db.execute(sql`select value from settings where key = ${`m365.initial-sync:${target}`}`)) as unknown as { rows: { value: unknown }[] }).rows[0]?.value;

  it('queues every active forum and planned meeting once per target, again only when forced', async () => {
    const forums = (await registryRepository(f.db.db).listForums()).filter((x) => x.status === 'active').length;
    const meetings = (await meetingsRepository(f.db.db).listMeetings()).filter((m) => m.status === 'planned').length;
    expect(forums).toBeGreaterThan(0);
    expect(meetings).toBeGreaterThanOrEqual(2); // not the cancelled one
    const deps = { transact: f.deps.transact, clock: f.deps.clock };

    expect(await enqueueInitialSync(deps, 'emulator:team-a')).toEqual({ forums, meetings });
    expect(await queued('m365.forum-sync')).toBe(forums);
    expect(await queued('m365.meeting-sync')).toBe(meetings);
    expect(await mark('emulator:team-a')).toEqual({ at: '2027-01-15T09:00:00.000Z' });

    // Started again: nothing queued.
    expect(await enqueueInitialSync(deps, 'emulator:team-a')).toBeNull();
    expect(await queued('m365.forum-sync')).toBe(forums);

    // Forced (the emulator's state was empty): queued again, the mark says so.
    f.now.value = new Date('2027-01-16T09:00:00Z');
    expect(await enqueueInitialSync(deps, 'emulator:team-a', true)).toEqual({ forums, meetings });
    expect(await queued('m365.forum-sync')).toBe(2 * forums);
    expect(await mark('emulator:team-a')).toEqual({ at: '2027-01-16T09:00:00.000Z', forced: true });

    // Another target (a tenant's Team) has its own first sync.
    expect(await enqueueInitialSync(deps, 'tenant:team-b')).toEqual({ forums, meetings });
    expect(await queued('m365.meeting-sync')).toBe(3 * meetings);
  });
});
