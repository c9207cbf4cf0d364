/**
 * ChannelsPort on Graph: one channel per forum in a configured Team.
 *
 * ensureChannel finds the channel by its stored id, else by display name; a channel
 * found by name is adopted only if its description carries our forum tag
 * ("[samraad:<forumKey>]"), so two forums whose shortened names collide never share
 * a channel (the second gets " 2", " 3" ...). A create that hits "name already
 * exists" (our own earlier attempt, after a lost response) re-finds by name.
 *
 * `archive` and `unarchive` use Graph's channel actions (POST .../archive and
 * .../unarchive, in the contract subset since 2026-12-03); each reads the
 * channel's `isArchived` first, so a re-run is a no-op. `syncMembers` adds
 * missing members of a private channel and reports extra members as `notRemoved`
 * (the subset now has DELETE on channel members; removal is not built yet).
 */
import { M365Error, type ArchiveResult, type ChannelRef, type ChannelSpec, type ChannelsPort, type EnsuredChannel, type MemberSyncResult, type TabSpec } from '../../usecases/ports/m365.port.js';
import type { BatchRequest, BatchResponse } from './graph-batch.helper.js';
import { toM365Error, type GraphHttp } from './graph.pipeline.js';
import { CHANNEL_NAME_MAX, shortenChannelName } from './channel-name.policy.js';

type GraphChannel = { id: string; displayName: string; description?: string | null; webUrl?: string | null; membershipType?: string; isArchived?: boolean | null };

const enc = encodeURIComponent;
const q = (s: string): string => s.replaceAll("'", "''");
export const forumTag = (forumKey: string): string => `[samraad:${forumKey}]`;
const userBind = (userId: string): string => `https://graph.microsoft.com/v1.0/users('${userId}')`;
const appBind = (appId: string): string => `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}`;

function withSuffix(name: string, n: number): string {
  if (n <= 1) return name;
  const suffix = ` ${n}`;
  return shortenChannelName(name, CHANNEL_NAME_MAX - suffix.length) + suffix;
}

export function createGraphChannels(http: GraphHttp, batch: (r: BatchRequest[]) => Promise<BatchResponse[]>): ChannelsPort {
  const path = (ref: ChannelRef): string => `/teams/${enc(ref.teamId)}/channels/${enc(ref.channelId)}`;

  const getChannel = async (ref: ChannelRef): Promise<GraphChannel | null> => {
    const r = await http.request<GraphChannel>({ method: 'GET', path: path(ref) });
    if (r.status === 404) return null;
    if (r.status !== 200) throw toM365Error({ method: 'GET', path: '/teams/{team}/channels/{channel}' }, r);
    return r.body;
  };
  const findByName = async (teamId: string, displayName: string): Promise<GraphChannel | null> => {
    const r = await http.json<{ value: GraphChannel[] }>({ method: 'GET', path: `/teams/${enc(teamId)}/channels?$filter=${enc(`displayName eq '${q(displayName)}'`)}` });
    return r.body.value?.find((c) => c.displayName.toLowerCase() === displayName.toLowerCase()) ?? null;
  };
  const ensured = (teamId: string, c: GraphChannel, created: boolean): EnsuredChannel => ({ teamId, channelId: c.id, displayName: c.displayName, webUrl: c.webUrl ?? null, created });

  return {
    async ensureChannel(spec) {
      if (spec.membershipType === 'private' && !spec.ownerUserId) throw new M365Error({ kind: 'invalid', message: 'a private channel needs ownerUserId' });
      if (spec.storedChannelId) {
        const c = await getChannel({ teamId: spec.teamId, channelId: spec.storedChannelId });
        if (c) return ensured(spec.teamId, c, false);
      }
      const tag = forumTag(spec.forumKey);
      const description = `${spec.description ? spec.description + ' ' : ''}${tag}`;
      const base = shortenChannelName(spec.name) || shortenChannelName(`Forum ${spec.forumKey}`);
      for (let n = 1; n <= 20; n++) {
        const displayName = withSuffix(base, n);
        const found = await findByName(spec.teamId, displayName);
        if (found) {
          if ((found.description ?? '').includes(tag)) return ensured(spec.teamId, found, false);
          continue; // another forum's (or a person's) channel: try the next name
        }
        const body: Record<string, unknown> = { displayName, description, membershipType: spec.membershipType };
        if (spec.membershipType === 'private') {
          body.members = [{ '@odata.type': '#microsoft.graph.aadUserConversationMember', 'user@odata.bind': userBind(spec.ownerUserId!), roles: ['owner'] }];
        }
        const r = await http.request<GraphChannel>({ method: 'POST', path: `/teams/${enc(spec.teamId)}/channels`, body });
        if (r.status === 201 || r.status === 200) return ensured(spec.teamId, r.body, true);
        if (r.status === 400 || r.status === 409) {
          // Most likely our own earlier attempt whose response was lost: look again.
          const again = await findByName(spec.teamId, displayName);
          if (again && (again.description ?? '').includes(tag)) return ensured(spec.teamId, again, false);
          if (again) continue;
        }
        throw toM365Error({ method: 'POST', path: '/teams/{team}/channels' }, r);
      }
      throw new M365Error({ kind: 'conflict', message: `no free channel name for forum ${spec.forumKey}` });
    },

    async rename(ref, name) {
      const displayName = shortenChannelName(name);
      await http.json({ method: 'PATCH', path: path(ref), body: { displayName } });
      return { displayName };
    },

    async archive(ref, _input): Promise<ArchiveResult> {
      const c = await getChannel(ref);
      if (!c) throw new M365Error({ kind: 'not-found', message: 'channel to archive not found' });
      if (c.isArchived) return { mode: 'archived', note: 'the channel was already archived' };
      const r = await http.request({ method: 'POST', path: `${path(ref)}/archive`, body: {} });
      if (r.status !== 204 && r.status !== 202 && r.status !== 200) {
        // A lost answer to an earlier archive: the channel is archived already.
        if (r.status === 400 && (await getChannel(ref))?.isArchived) return { mode: 'archived', note: 'the channel was already archived' };
        throw toM365Error({ method: 'POST', path: '/teams/{team}/channels/{channel}/archive' }, r);
      }
      return { mode: 'archived', note: 'archived with the Graph channel archive action' };
    },

    async unarchive(ref) {
      const c = await getChannel(ref);
      if (!c) throw new M365Error({ kind: 'not-found', message: 'channel to unarchive not found' });
      if (!c.isArchived) return { unarchived: false };
      // The action takes no body (the pipeline would send {} for a POST without one).
      const r = await http.request({ method: 'POST', path: `${path(ref)}/unarchive`, body: Buffer.alloc(0) });
      if (r.status !== 204 && r.status !== 202 && r.status !== 200) {
        if (r.status === 400 && (await getChannel(ref))?.isArchived === false) return { unarchived: false };
        throw toM365Error({ method: 'POST', path: '/teams/{team}/channels/{channel}/unarchive' }, r);
      }
      return { unarchived: true };
    },

    async syncMembers(ref, members): Promise<MemberSyncResult> {
      const c = await getChannel(ref);
      if (!c) throw new M365Error({ kind: 'not-found', message: 'channel not found' });
      const result: MemberSyncResult = { added: [], alreadyMembers: [], notRemoved: [], failed: [] };
      if (c.membershipType !== 'private' && c.membershipType !== 'shared') return { ...result, skipped: 'standard-channel' };
      const r = await http.json<{ value: { userId?: string }[] }>({ method: 'GET', path: `${path(ref)}/members` });
      const current = new Set((r.body.value ?? []).map((m) => m.userId).filter((x): x is string => !!x));
      const wanted = new Map(members.map((m) => [m.userId, m]));
      const missing = [...wanted.values()].filter((m) => !current.has(m.userId));
      result.alreadyMembers = [...wanted.keys()].filter((u) => current.has(u));
      result.notRemoved = [...current].filter((u) => !wanted.has(u));
      const answers = await batch(
        missing.map((m) => ({
          method: 'POST' as const,
          url: `${path(ref)}/members`,
          body: { '@odata.type': '#microsoft.graph.aadUserConversationMember', 'user@odata.bind': userBind(m.userId), roles: m.owner ? ['owner'] : [] },
        })),
      );
      missing.forEach((m, i) => {
        const a = answers[i]!;
        if (a.status === 201 || a.status === 200) result.added.push(m.userId);
        else if (a.status === 409) result.alreadyMembers.push(m.userId);
        else result.failed.push({ userId: m.userId, error: `${a.status} ${JSON.stringify((a.body as { error?: { code?: string } } | undefined)?.error?.code ?? '')}` });
      });
      return result;
    },

    async pinTab(ref, tab: TabSpec) {
      const ours = async () => {
        const r = await http.json<{ value: { id: string; teamsApp?: { id?: string }; configuration?: { entityId?: string } }[] }>({ method: 'GET', path: `${path(ref)}/tabs?$expand=teamsApp` });
        return (r.body.value ?? []).filter((t) => t.teamsApp?.id === tab.appId && t.configuration?.entityId === tab.entityId).map((t) => t.id);
      };
      // Graph keeps any number of tabs of one app and configuration: two syncs of a forum at
      // once (a job run again while its first run still works, after its expiry) each find
      // none and each pin one. Every run keeps the same one of those it sees (the lowest id)
      // and removes the others, so the channel ends with one tab however the runs interleave.
      const keepOne = async (ids: string[]): Promise<string> => {
        const [keep, ...extra] = [...ids].sort();
        for (const id of extra) {
          const call = { method: 'DELETE' as const, path: `${path(ref)}/tabs/${encodeURIComponent(id)}` };
          const r = await http.request(call);
          // 404: the other run removed it first.
          if (r.status !== 204 && r.status !== 200 && r.status !== 404) throw toM365Error(call, r);
        }
        return keep!;
      };
      const existing = await ours();
      if (existing.length) return { tabId: await keepOne(existing), created: false };
      const created = await http.json<{ id: string }>({
        method: 'POST',
        path: `${path(ref)}/tabs`,
        body: { displayName: tab.displayName, 'teamsApp@odata.bind': appBind(tab.appId), configuration: { entityId: tab.entityId, contentUrl: tab.contentUrl, websiteUrl: tab.websiteUrl } },
      });
      const after = await ours();
      const tabId = await keepOne(after.includes(created.body.id) ? after : [...after, created.body.id]);
      return { tabId, created: tabId === created.body.id };
    },
  };
}
