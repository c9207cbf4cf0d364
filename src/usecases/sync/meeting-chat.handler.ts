/**
 * Job 'm365.meeting-chat' {meetingId, about, version}: the Teams meeting's chat gets
 * the agenda card when the agenda is sent, and the minutes card when the minutes go
 * out for remarks, once per version. Enqueued in the same transaction as the sending.
 *
 * Only an online meeting has a chat: its Outlook event's join link (recorded by the
 * meeting sync) finds the online meeting and its chat thread. A job that runs before
 * the event was written waits (retried by the queue); a meeting that is not online,
 * cancelled, or whose agenda was sent again meanwhile (the newer version's job posts)
 * gets nothing.
 *
 * Once: a 'chat' sync record keyed "<meeting>:<about>:v<version>" keeps the posted
 * message's id, and a job that finds it posts nothing (a retried or repeated job).
 * The Graph contract has no read of a chat's messages, so Graph cannot be asked
 * whether an earlier attempt got through: a crash between Graph's answer to the post
 * and the record (or a connection lost after Graph posted) can post the card twice
 * (at least once, never lost), as with the secretariat's e-mails.
 */
import type { JobPayload } from '../ports/jobs.port.js';
import { M365Error, type ChatCard } from '../ports/m365.port.js';
import type { AgendaItem, Meeting } from '../../domain/meetings/meeting.model.js';
import { formatLocalDate } from '../../domain/documents/danish-format.js';
import { meetingPageUrl, tracked, utcToLocal } from './sync.common.js';
import type { SyncDeps } from './sync.ports.js';

export type MeetingChatJob = JobPayload<'m365.meeting-chat'>;

export type MeetingChatOutcome = { posted: boolean; messageId?: string; why?: string };

export function meetingChatKey(job: Pick<MeetingChatJob, 'meetingId' | 'about' | 'version'>): string {
  return `${job.meetingId}:${job.about}:v${job.version}`;
}

export async function runMeetingChat(deps: SyncDeps, job: MeetingChatJob): Promise<MeetingChatOutcome> {
  const key = meetingChatKey(job);
  const plan = await deps.transact(async ({ sync, meetings, registry, versions }) => {
    const done = await sync.get('chat', key);
    if (done?.status === 'synced' && done.remoteId) return { why: `posted already (message ${done.remoteId})` };
    const meeting = await meetings.getMeeting(job.meetingId);
    if (!meeting) return { why: 'no such meeting' };
    if (meeting.status === 'cancelled') return { why: 'the meeting is cancelled' };
    // Online when the secretariat says so, and always when there is no place (as the meeting sync writes the event).
    if (!meeting.online && meeting.location) return { why: 'not an online meeting: no Teams meeting chat' };
    let event = await sync.get('meeting', meeting.id);
    // A partner forum's meeting held with this one is one event, the host's.
    const host = typeof event?.detail.sharedEventOf === 'string' ? event.detail.sharedEventOf : undefined;
    if (host) event = await sync.get('meeting', host);
    const joinUrl = typeof event?.detail.joinUrl === 'string' ? event.detail.joinUrl : undefined;
    const mailbox = event?.container ?? undefined;
    if (!joinUrl || !mailbox) return { wait: true as const, meeting };
    let items: AgendaItem[] = [];
    if (job.about === 'agenda') {
      const latest = await versions.latestVersion(meeting.id, 'agenda', 'sent');
      if (latest && latest.version > job.version) return { why: `agenda version ${latest.version} was sent since; its card is posted instead` };
      items = ((latest?.snapshot as { items?: AgendaItem[] } | undefined)?.items ?? []).slice().sort((a, b) => a.position - b.position);
    }
    const forum = await registry.getForum(meeting.forumId);
    return { meeting, forumName: forum?.name ?? meeting.forumId, joinUrl, mailbox, items, chatId: done?.container ?? null };
  });
  if ('why' in plan) {
    deps.logger.info(`meeting-chat ${key}: nothing posted: ${plan.why}`);
    return { posted: false, why: plan.why };
  }
  if ('wait' in plan) {
    throw new M365Error({ kind: 'transient', message: `meeting ${job.meetingId} has no Teams meeting (join link) recorded yet; its event sync comes first` });
  }
  const { meeting, forumName, joinUrl, mailbox, items } = plan;
  let outcome: MeetingChatOutcome = { posted: false };
  await tracked(deps, 'chat', key, meeting.forumId, async () => {
    const chatId = plan.chatId ?? (await deps.m365.meetingChat.threadOf(mailbox, joinUrl));
    if (!chatId) throw new M365Error({ kind: 'not-found', message: `no Teams meeting chat for the join link of meeting ${meeting.id} (organizer ${mailbox})` });
    // The thread is kept before the post: a retry does not look it up again.
    await deps.transact(({ sync }) => sync.record('chat', key, { container: chatId, detail: { meetingId: meeting.id, about: job.about, version: job.version } }, 'pending'));
    const card = meetingChatCard({ ...job, meeting, forumName, items, meetingUrl: meetingPageUrl(deps.settings.publicUrl, meeting.id), timeZone: deps.settings.timeZone });
    const { messageId } = await deps.m365.meetingChat.postCard(chatId, card);
    await deps.transact(({ sync }) =>
      sync.record('chat', key, { remoteId: messageId, container: chatId, detail: { meetingId: meeting.id, about: job.about, version: job.version, postedAt: deps.clock.now().toISOString() } }, 'synced'),
    );
    outcome = { posted: true, messageId };
  });
  return outcome;
}

type CardInput = MeetingChatJob & { meeting: Meeting; forumName: string; items: readonly AgendaItem[]; meetingUrl: string; timeZone: string };

/**
 * The card for the meeting's chat (Adaptive Card 1.5), Danish first, English second.
 * Agenda: the items by number and title (a closed item shows as "Lukket punkt" only,
 * as in the invitation); minutes: when the remarks window closes. Both open the meeting in Samraad.
 */
export function meetingChatCard(i: CardInput): ChatCard {
  const when = `${formatLocalDate(i.meeting.date, 'da')} kl. ${i.meeting.start}`;
  const whenEn = `${formatLocalDate(i.meeting.date, 'en')} at ${i.meeting.start}`;
  const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
  const body: Record<string, unknown>[] = [];
  let summary: string;
  if (i.about === 'agenda') {
    summary = `Dagsorden: ${i.forumName} ${when}`;
    body.push(text(`Dagsorden (version ${i.version}): ${i.forumName}, ${when}`, { weight: 'Bolder', size: 'Medium', style: 'heading' }));
    body.push(text(`Agenda (version ${i.version}): ${i.forumName}, ${whenEn}`, { isSubtle: true, spacing: 'None' }));
    i.items.forEach((it, n) => body.push(text(`${n + 1}\\. ${it.closed ? 'Lukket punkt (closed item)' : it.title}`, { spacing: n === 0 ? 'Medium' : 'Small' })));
  } else {
    summary = `Referat til bemærkninger: ${i.forumName} ${when}`;
    body.push(text(`Referatet er sendt til bemærkninger: ${i.forumName}, ${when}`, { weight: 'Bolder', size: 'Medium', style: 'heading' }));
    body.push(text(`The minutes are out for remarks: ${i.forumName}, ${whenEn}`, { isSubtle: true, spacing: 'None' }));
    if (i.remarksUntil) {
      const until = utcToLocal(i.remarksUntil, i.timeZone);
      body.push(text(`Bemærkninger senest ${formatLocalDate(until.date, 'da')} kl. ${until.time}. / Remarks by ${formatLocalDate(until.date, 'en')} at ${until.time}.`));
    }
  }
  return {
    summary,
    card: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      lang: 'da',
      body,
      actions: [{ type: 'Action.OpenUrl', title: 'Åbn mødet i Samraad / Open the meeting', url: i.meetingUrl }],
    },
  };
}
