/**
 * Job 'm365.forum-sync' {forumId}: the forum's Teams channel in the configured Team.
 *
 * Ensures the channel (by stored id, else by name + our tag in the description,
 * so a re-run after a crash adopts the channel it made), renames it when the
 * forum's name changed since the last sync (shortened to Teams' 50 characters),
 * keeps a private channel's members equal to the forum members who have an Entra
 * id (adding only: see the Graph adapter's notes on removal), pins the Samraad tab
 * pointing at the forum's page, and archives the channel when the forum ended or
 * has an end date (a transition, issue 15, archives it when applied); when the
 * end is taken back (a transition undone) the channel is unarchived first.
 * The channel id is recorded as soon as it is known.
 *
 * It also keeps the forum's Outlook master category ("Samraad · <forum name>") in the
 * forum's organizer mailbox (the service mailbox, else the secretary's): a secretary
 * who files an event under it schedules a meeting of the forum from Outlook (see
 * calendar-delta.handler.ts). A renamed forum gets a category of its new name and the
 * old one is removed; the category's mailbox, id and name are recorded.
 */
import { JOB, type JobPayload } from '../ports/jobs.port.js';
import { secretariatRoles } from '../../domain/registry/registry.model.js';
import { M365Error } from '../ports/m365.port.js';
import { activeMembers, forumCategoryName, forumPageUrl, organizerOf, today, tracked } from './sync.common.js';
import { SYNC_QUEUES, type SyncDeps } from './sync.ports.js';

export type ForumSyncJob = JobPayload<typeof JOB.forumSync>;

export async function runForumSync(deps: SyncDeps, job: ForumSyncJob): Promise<void> {
  const day = today(deps);
  const loaded = await deps.transact(async ({ registry, sync }) => {
    const forum = await registry.getForum(job.forumId);
    if (!forum) return undefined;
    return { forum, members: await activeMembers(registry, forum.id, day), state: await sync.get('forum', forum.id) };
  });
  if (!loaded) {
    deps.logger.warn(`forum-sync: forum ${job.forumId} does not exist; nothing to do`);
    return;
  }
  const { forum, members, state } = loaded;
  const { channels } = deps.m365;
  const teamId = deps.settings.teamId;

  await tracked(deps, 'forum', forum.id, forum.id, async () => {
    // An end date set by an applied transition archives the channel at once (the forum's history stays readable).
    const ended = forum.status === 'ended' || forum.endedOn !== undefined;
    if (ended) {
      if (!state?.remoteId) {
        // Never mirrored: do not create a channel only to archive it.
        await deps.transact(({ sync }) => sync.record('forum', forum.id, { forumId: forum.id, detail: { ...(state?.detail ?? {}), archived: true, note: 'ended before a channel was made' } }, 'synced'));
        return;
      }
      const ref = { teamId: state.container ?? teamId, channelId: state.remoteId };
      const r = await channels.archive(ref, { forumKey: forum.id, archivedOn: forum.endedOn ?? day });
      await deps.transact(({ sync }) => sync.record('forum', forum.id, { detail: { ...state.detail, archived: true, archiveMode: r.mode, archiveNote: r.note } }, 'synced'));
      return;
    }
    if (state?.remoteId && state.detail.archived === true) {
      // The end was taken back (a transition undone): the channel is unarchived before anything else.
      await channels.unarchive({ teamId: state.container ?? teamId, channelId: state.remoteId });
      await deps.transact(({ sync }) => sync.record('forum', forum.id, { detail: { ...state.detail, archived: false, unarchivedOn: day } }, 'pending'));
    }

    const withEntra = members.filter((m) => m.person.entraObjectId);
    const owner = withEntra.find((m) => secretariatRoles.includes(m.membership.role)) ?? withEntra[0];
    if (forum.channelType === 'private' && !owner) {
      throw new M365Error({ kind: 'invalid', message: 'a private channel needs an owner: no member of the forum has an Entra id' });
    }
    const ensured = await channels.ensureChannel({
      teamId,
      forumKey: forum.id,
      storedChannelId: state?.container === teamId ? state.remoteId : null,
      name: forum.name,
      ...(forum.shortName ? { description: forum.shortName } : {}),
      membershipType: forum.channelType,
      ...(owner ? { ownerUserId: owner.person.entraObjectId! } : {}),
    });
    const ref = { teamId: ensured.teamId, channelId: ensured.channelId };
    let displayName = ensured.displayName;
    // Recorded at once: a crash from here on finds the channel by its id.
    await deps.transact(({ sync }) =>
      sync.record('forum', forum.id, { forumId: forum.id, remoteId: ref.channelId, container: ref.teamId, detail: { ...(state?.detail ?? {}), displayName, webUrl: ensured.webUrl } }, 'pending'),
    );

    const lastName = state?.detail.forumName;
    if (!ensured.created && typeof lastName === 'string' && lastName !== forum.name) {
      // The port shortens the name to Teams' limit, as it did on create.
      displayName = (await channels.rename(ref, forum.name)).displayName;
    }

    let members_: Record<string, unknown> | undefined;
    if (forum.channelType === 'private') {
      const wanted = new Map<string, boolean>();
      for (const m of withEntra) wanted.set(m.person.entraObjectId!, (wanted.get(m.person.entraObjectId!) ?? false) || secretariatRoles.includes(m.membership.role));
      const r = await channels.syncMembers(ref, [...wanted].map(([userId, isOwner]) => ({ userId, owner: isOwner })));
      if (r.failed.length) throw new M365Error({ kind: 'transient', message: `adding ${r.failed.length} channel member(s) failed: ${r.failed.map((f) => f.error).join('; ')}` });
      members_ = { added: r.added.length, alreadyMembers: r.alreadyMembers.length, notRemoved: r.notRemoved.length };
    }

    const url = forumPageUrl(deps.settings.publicUrl, forum.id);
    const tab = await channels.pinTab(ref, { appId: deps.settings.teamsAppId, displayName: 'Samraad', entityId: `forum-${forum.id}`, contentUrl: url, websiteUrl: url });

    // The forum's Outlook category in its organizer mailbox: an event a secretary files under it becomes a meeting.
    const category = await ensureForumCategory(deps, forum.name, organizerOf(members, deps.settings.organizerMailbox), state?.detail.category as ForumCategory | undefined);

    const watched = category ? (await deps.transact(({ sync }) => sync.mailboxes())).includes(category.mailbox) : true;
    await deps.transact(async ({ sync, outbox }) => {
      await sync.record(
        'forum',
        forum.id,
        {
          forumId: forum.id,
          remoteId: ref.channelId,
          container: ref.teamId,
          detail: { displayName, webUrl: ensured.webUrl, forumName: forum.name, tabId: tab.tabId, membershipType: forum.channelType, ...(members_ ? { members: members_ } : {}), ...(category ? { category } : {}) },
        },
        'synced',
      );
      // A mailbox not watched before needs its change subscription (and is in the calendar delta from now on).
      if (!watched) await outbox.enqueue(SYNC_QUEUES.renew, {});
    });
  });
}

type ForumCategory = { mailbox: string; id: string; name: string };

async function ensureForumCategory(deps: SyncDeps, forumName: string, mailbox: string | null, before: ForumCategory | undefined): Promise<ForumCategory | undefined> {
  if (!mailbox) return undefined; // no organizer mailbox: no meetings in Outlook either
  const name = forumCategoryName(forumName);
  const { id } = await deps.m365.calendar.ensureCategory(mailbox, name);
  if (before && (before.mailbox !== mailbox || before.name.toLowerCase() !== name.toLowerCase()) && before.id !== id) {
    await deps.m365.calendar.removeCategory(before.mailbox, before.id);
  }
  return { mailbox, id, name };
}
