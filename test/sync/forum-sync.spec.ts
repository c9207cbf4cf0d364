/**
 * Forum -> Teams channel: renamed with the forum (shortened to Teams' 50
 * characters), a private channel's members are the forum members with an Entra id
 * (the secretariat as owners), and the channel is marked archived when the forum ends.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { shortenChannelName } from '../../src/adapters/graph/channel-name.policy.js';
import { LOCAL_TEAM_ID } from '../../src/entry/sync.module.js';
import { runForumSync } from '../../src/usecases/sync/forum-sync.handler.js';
import { backends } from '../support/db.js';
import { syncFixture, type SyncFixture } from './sync.fixture.js';

const OID = { 'nina-hald': '6f1c2a10-0000-4000-8000-000000000001', 'jonna-friis': '6f1c2a10-0000-4000-8000-000000000002', 'lise-brandt': '6f1c2a10-0000-4000-8000-000000000003' } as const;

describe.each(backends)('forum sync ($name)', (backend) => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await syncFixture(backend);
  });
  afterAll(async () => f?.close());

  const channelOf = (forumId: string) => Object.values(f.emu.state.teams[LOCAL_TEAM_ID]?.channels ?? {}).filter((c) => (c.description ?? '').includes(`[samraad:${forumId}]`));

  it('renames the channel when the forum is renamed, within 50 characters', async () => {
    const reg = registryRepository(f.db.db);
    await runForumSync(f.deps, { forumId: 'midt-ktg-voksen' });
    const forum = (await reg.getForum('midt-ktg-voksen'))!;
    await reg.updateForum({ ...forum, name: 'Klynge-temagruppe for den voksne patient og borger i Midtklyngen og omegn' });
    await runForumSync(f.deps, { forumId: 'midt-ktg-voksen' });
    const chans = channelOf('midt-ktg-voksen');
    expect(chans).toHaveLength(1);
    expect(chans[0]!.displayName.length).toBeLessThanOrEqual(50);
    expect(chans[0]!.displayName).toBe(shortenChannelName('Klynge-temagruppe for den voksne patient og borger i Midtklyngen og omegn'));
    expect(chans[0]!.displayName).toMatch(/Midtklyngen og omegn$/);
    expect(f.emu.failures).toEqual([]);
  });

  it('keeps a private channel\'s members equal to the forum members who have an Entra id', async () => {
    const reg = registryRepository(f.db.db);
    for (const [personId, oid] of Object.entries(OID)) {
      const p = (await reg.getPerson(personId))!;
      await reg.updatePerson({ ...p, entraObjectId: oid, tenantId: '6f1c2a10-0000-4000-8000-00000000aaaa' });
      f.emu.addUser({ id: oid, displayName: p.name, mail: p.email! });
    }
    const forum = (await reg.getForum('midt-adhoc-udskr'))!;
    await reg.updateForum({ ...forum, channelType: 'private' });
    await runForumSync(f.deps, { forumId: 'midt-adhoc-udskr' });
    await runForumSync(f.deps, { forumId: 'midt-adhoc-udskr' });
    const [chan] = channelOf('midt-adhoc-udskr');
    expect(chan!.membershipType).toBe('private');
    const members = new Map(chan!.members.map((m) => [m.userId, m.roles]));
    expect([...members.keys()].sort()).toEqual(Object.values(OID).sort());
    expect(members.get(OID['nina-hald'])).toContain('owner'); // secretary
    expect(members.get(OID['jonna-friis'])).toContain('owner'); // chair
    expect(members.get(OID['lise-brandt'])).not.toContain('owner');
    expect(f.emu.failures).toEqual([]);
  });

  it('archives the channel (Graph channel archive) when the forum has ended, and unarchives it when the end is taken back', async () => {
    const reg = registryRepository(f.db.db);
    const forum = (await reg.getForum('midt-adhoc-udskr'))!;
    await reg.updateForum({ ...forum, status: 'ended', endedOn: '2027-01-10' });
    await runForumSync(f.deps, { forumId: 'midt-adhoc-udskr' });
    const [chan] = channelOf('midt-adhoc-udskr');
    expect(chan!.isArchived).toBe(true);
    expect((await syncRepository(f.db.db).get('forum', 'midt-adhoc-udskr'))!.detail).toMatchObject({ archived: true, archiveMode: 'archived' });
    // A re-run changes nothing (the archive action is not sent twice).
    await runForumSync(f.deps, { forumId: 'midt-adhoc-udskr' });
    expect(channelOf('midt-adhoc-udskr')[0]!.isArchived).toBe(true);
    // A transition undone: the forum is active again, with no end date.
    const { endedOn: _e, ...active } = forum;
    await reg.updateForum({ ...active, status: 'active' });
    await runForumSync(f.deps, { forumId: 'midt-adhoc-udskr' });
    expect(channelOf('midt-adhoc-udskr')[0]!.isArchived).toBe(false);
    expect((await syncRepository(f.db.db).get('forum', 'midt-adhoc-udskr'))!.detail).not.toMatchObject({ archived: true });
    expect(f.emu.failures).toEqual([]);
  });
});
