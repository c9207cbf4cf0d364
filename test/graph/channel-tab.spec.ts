/**
 * The forum tab in a channel, pinned by two syncs of the forum at once (a job run again
 * after its expiry while its first run still works: seen in the crash test under load).
 * Graph keeps any number of tabs of one app and configuration, so each run finding none and
 * pinning one would leave two. Against the emulator (contract-checked): the channel ends with
 * one tab however the runs interleave, and a sync repairs a channel that already has two.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphEmulator } from '../../emulator/graph/server.js';
import type { GraphAdapter } from '../../src/adapters/graph/graph.adapter.js';
import { setUp, TEAM } from './graph.fixture.js';

const spec = (entityId: string) => ({ appId: 'samraad-app', displayName: 'Samraad', entityId, contentUrl: `https://samraad.example/#/forums/${entityId}`, websiteUrl: `https://samraad.example/#/forums/${entityId}` });

describe('pinning the forum tab', () => {
  let emu: GraphEmulator;
  let graph: GraphAdapter;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ emu, graph, close } = await setUp());
  });
  afterAll(async () => close());

  const tabsOf = (channelId: string) => emu.state.teams[TEAM]!.channels[channelId]!.tabs;

  it('two syncs at once leave one tab, and one of them names it', async () => {
    const ch = await graph.channels.ensureChannel({ teamId: TEAM, forumKey: 'forum-tab-1', name: 'Klyngestyregruppen Vest', membershipType: 'standard' });
    const [a, b, c] = await Promise.all([graph.channels.pinTab(ch, spec('forum-tab-1')), graph.channels.pinTab(ch, spec('forum-tab-1')), graph.channels.pinTab(ch, spec('forum-tab-1'))]);
    const tabs = tabsOf(ch.channelId);
    expect(tabs).toHaveLength(1);
    // At least the run that saw every copy names the one kept; a sync after them all names it too.
    expect([a.tabId, b.tabId, c.tabId]).toContain(tabs[0]!.id);
    expect(await graph.channels.pinTab(ch, spec('forum-tab-1'))).toEqual({ tabId: tabs[0]!.id, created: false });
    expect(emu.failures).toEqual([]);
  });

  it('a channel that already has two copies is repaired by the next sync; another forum\'s tab is left alone', async () => {
    const ch = await graph.channels.ensureChannel({ teamId: TEAM, forumKey: 'forum-tab-2', name: 'Temagruppe Psykiatri', membershipType: 'standard' });
    const other = { ...spec('forum-other'), displayName: 'Andet forum' };
    // Two copies as two runs at once may leave them (each run found none), and another forum's tab.
    const post = (s: ReturnType<typeof spec>) =>
      fetch(`${emu.graphBaseUrl}/teams/${TEAM}/channels/${ch.channelId}/tabs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test' },
        body: JSON.stringify({ displayName: s.displayName, 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${s.appId}`, configuration: { entityId: s.entityId, contentUrl: s.contentUrl, websiteUrl: s.websiteUrl } }),
      });
    for (const s of [spec('forum-tab-2'), spec('forum-tab-2'), other]) expect((await post(s)).status).toBe(201);
    expect(tabsOf(ch.channelId)).toHaveLength(3);
    const r = await graph.channels.pinTab(ch, spec('forum-tab-2'));
    const left = tabsOf(ch.channelId);
    expect(left.map((t) => t.configuration.entityId).sort()).toEqual(['forum-other', 'forum-tab-2']);
    expect(r).toEqual({ tabId: left.find((t) => t.configuration.entityId === 'forum-tab-2')!.id, created: false });
    expect(emu.failures).toEqual([]);
  });
});
