/**
 * Job 'm365.meeting-chat' {meetingId, about, version}: the Teams meeting's chat gets
 * the agenda card when the agenda is sent, the minutes card when the minutes go out
 * for remarks (once per version), and the start card when the meeting begins (once
 * per meeting). The first two are enqueued in the same transaction as the sending;
 * the start card by the meeting sync, to run at the meeting's start (see
 * queueStartCard).
 *
 * Only an online meeting has a chat: its Outlook event's join link (recorded by the
 * meeting sync) finds the online meeting and its chat thread. A job that runs before
 * the event was written waits (retried by the queue); a meeting that is not online,
 * cancelled, or whose agenda was sent again meanwhile (the newer version's job posts)
 * gets nothing. The start card is not posted for a meeting moved since the job was
 * queued (the job for its new start posts), one that is over, or a forum that has ended.
 *
 * Once: a 'chat' sync record keyed "<meeting>:<about>:v<version>" keeps the posted
 * message's id, and a job that finds it posts nothing (a retried or repeated job).
 * The Graph contract (reference/graph-v1.0-subset.openapi.json) has no read of a
 * chat's messages (only POST /chats/{id}/messages), so Graph cannot be asked whether
 * an earlier attempt got through. Instead the attempt is written down (committed)
 * before the post, and cleared when Graph answers that it posted nothing (a 4xx or
 * 503). A job that finds an attempt with no outcome (the worker died between the
 * post and its record, or the connection failed or timed out after the request went
 * out) does not post again: the card is posted at most once, and that unknown
 * outcome is shown to the secretariat (the record failed with the reason, an audit
 * entry on the forum) to look in the meeting chat; the sync page lets them post it
 * when it is not there (POST /api/sync/retry, kind 'chat'). The card carries its key
 * as the attachment's id, so a read of the chat (when the contract gains one) can settle it.
 */
import { JOB, type JobPayload } from '../ports/jobs.port.js';
import { createHash } from 'node:crypto';
import { M365Error, type ChatCard } from '../ports/m365.port.js';
import type { AgendaItem, Meeting } from '../../domain/meetings/meeting.model.js';
import { formatLocalDate } from '../../domain/documents/danish-format.js';
import { minuteTakerOf } from '../meetings/meeting-snapshot.js';
import { localToUtc, meetingPageUrl, tracked, utcToLocal } from './sync.common.js';
import type { SyncDeps, SyncUnitOfWork } from './sync.ports.js';

export type MeetingChatJob = JobPayload<typeof JOB.meetingChat>;

export type MeetingChatOutcome = { posted: boolean; messageId?: string; why?: string };

export function meetingChatKey(job: Pick<MeetingChatJob, 'meetingId' | 'about' | 'version'>): string {
  return `${job.meetingId}:${job.about}:v${job.version}`;
}

/** The card's mark in its message (the attachment's id): the job's key, hashed (an attachment id is short and plain). */
export function meetingChatMarker(key: string): string {
  return `samraad-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

/** Graph answered and posted nothing: a refusal (4xx) or 503 Service Unavailable. A 500/502/504 or no answer leaves it unknown. */
function postedNothing(err: unknown): boolean {
  return err instanceof M365Error && err.status !== undefined && err.status !== 500 && err.status !== 502 && err.status !== 504;
}

const UNCERTAIN =
  'Ukendt om kortet kom i mødechatten: forsøget blev afbrudt efter afsendelsen (nedbrud eller mistet forbindelse), og Graph kan ikke spørges. Se efter i mødets chat. / ' +
  'Unknown whether the card reached the meeting chat: the attempt was cut off after it was sent (a crash or a lost connection), and Graph cannot be asked. Look in the meeting chat.';

/** The meeting's start as an ISO instant (UTC). */
export function meetingStartsAt(meeting: Pick<Meeting, 'date' | 'start'>, zone: string): string {
  return localToUtc(meeting.date, meeting.start, zone);
}

/**
 * Queues the start card of an online meeting whose event carries a Teams meeting, to
 * run at its start (called by the meeting sync in the transaction that records the
 * event). Once per start: `queued` (kept in the meeting's sync record) is the start
 * it was queued for; a moved meeting queues a new job, the old one finds the start
 * changed and posts nothing. Not for a meeting that is over.
 */
export async function queueStartCard(deps: Pick<SyncDeps, 'clock' | 'settings'>, uow: Pick<SyncUnitOfWork, 'outbox'>, meeting: Meeting, queued: unknown): Promise<string | undefined> {
  const startsAt = meetingStartsAt(meeting, deps.settings.timeZone);
  const endsAt = localToUtc(meeting.date, meeting.end, deps.settings.timeZone);
  if (queued === startsAt) return startsAt;
  if (Date.parse(endsAt) <= deps.clock.now().getTime()) return typeof queued === 'string' ? queued : undefined;
  await uow.outbox.enqueue(JOB.meetingChat, { meetingId: meeting.id, about: 'start', version: 1, startsAt }, { startAfter: new Date(startsAt), singletonKey: `chat:${meeting.id}:start:${startsAt}` });
  return startsAt;
}

export async function runMeetingChat(deps: SyncDeps, job: MeetingChatJob): Promise<MeetingChatOutcome> {
  const key = meetingChatKey(job);
  const plan = await deps.transact(async ({ sync, meetings, registry, versions, audit }) => {
    const done = await sync.get('chat', key);
    if (done?.status === 'synced' && done.remoteId) return { why: `posted already (message ${done.remoteId})` };
    const meeting = await meetings.getMeeting(job.meetingId);
    if (done?.detail.attempt) {
      // An attempt with no outcome: it may have posted. Not again; the secretariat is told once.
      if (!done.detail.uncertainSince) {
        const at = deps.clock.now().toISOString();
        await sync.record('chat', key, { detail: { ...done.detail, uncertainSince: at } }, 'failed');
        await sync.fail('chat', key, UNCERTAIN);
        await audit.record({ action: 'meeting.chat_card_uncertain', ...(meeting ? { forumId: meeting.forumId } : {}), target: job.meetingId, outcome: 'ok', detail: { about: job.about, version: job.version, chatId: done.container, attempt: done.detail.attempt } });
      }
      return { why: 'an earlier attempt was cut off after the post went out: it may be in the chat, so it is not posted again (the secretariat is told)' };
    }
    if (!meeting) return { why: 'no such meeting' };
    if (meeting.status === 'cancelled') return { why: 'the meeting is cancelled' };
    // Online when the secretariat says so, and always when there is no place (as the meeting sync writes the event).
    if (!meeting.online && meeting.location) return { why: 'not an online meeting: no Teams meeting chat' };
    const forum = await registry.getForum(meeting.forumId);
    let referent: { name: string; isDefault: boolean } | undefined;
    if (job.about === 'start') {
      const startsAt = meetingStartsAt(meeting, deps.settings.timeZone);
      if (job.startsAt && job.startsAt !== startsAt) return { why: `the meeting was moved (now starts ${startsAt}); the job for its new start posts` };
      if (forum && (forum.status === 'ended' || (forum.endedOn !== undefined && forum.endedOn <= meeting.date))) return { why: 'the forum has ended' };
      const now = deps.clock.now().getTime();
      if (Date.parse(localToUtc(meeting.date, meeting.end, deps.settings.timeZone)) <= now) return { why: 'the meeting is over' };
      if (now < Date.parse(startsAt) - 60_000) return { early: startsAt };
      const state = await versions.getState(meeting.id);
      const taker = minuteTakerOf(state.minuteTakerPersonId, await registry.listMemberships({ forumId: meeting.forumId }), meeting.forumId, meeting.date);
      const person = taker ? await registry.getPerson(taker.personId) : undefined;
      referent = taker && person ? { name: person.name, isDefault: taker.isDefault } : undefined;
    }
    let event = await sync.get('meeting', meeting.id);
    // A partner forum's meeting held with this one is one event, the host's.
    const host = typeof event?.detail.sharedEventOf === 'string' ? event.detail.sharedEventOf : undefined;
    if (host) event = await sync.get('meeting', host);
    const joinUrl = typeof event?.detail.joinUrl === 'string' ? event.detail.joinUrl : undefined;
    const mailbox = event?.container ?? undefined;
    if (!joinUrl || !mailbox) return { wait: true as const, meeting };
    let items: AgendaItem[] = [];
    if (job.about === 'agenda' || job.about === 'start') {
      const latest = await versions.latestVersion(meeting.id, 'agenda', 'sent');
      if (job.about === 'agenda' && latest && latest.version > job.version) return { why: `agenda version ${latest.version} was sent since; its card is posted instead` };
      items = ((latest?.snapshot as { items?: AgendaItem[] } | undefined)?.items ?? []).slice().sort((a, b) => a.position - b.position);
    }
    return { meeting, forumName: forum?.name ?? meeting.forumId, joinUrl, mailbox, items, referent, chatId: done?.container ?? null };
  });
  if ('why' in plan) {
    deps.logger.info(`meeting-chat ${key}: nothing posted: ${plan.why}`);
    return { posted: false, why: plan.why };
  }
  if ('early' in plan) {
    throw new M365Error({ kind: 'transient', message: `meeting ${job.meetingId} starts ${plan.early}: its start card waits until then` });
  }
  if ('wait' in plan) {
    throw new M365Error({ kind: 'transient', message: `meeting ${job.meetingId} has no Teams meeting (join link) recorded yet; its event sync comes first` });
  }
  const { meeting, forumName, joinUrl, mailbox, items, referent } = plan;
  // What the job carried, so the card can be queued again from its record (POST /api/sync/retry).
  const detail = { meetingId: meeting.id, about: job.about, version: job.version, ...(job.remarksUntil ? { remarksUntil: job.remarksUntil } : {}), ...(job.startsAt ? { startsAt: job.startsAt } : {}) };
  let outcome: MeetingChatOutcome = { posted: false };
  await tracked(deps, 'chat', key, meeting.forumId, async () => {
    const chatId = plan.chatId ?? (await deps.m365.meetingChat.threadOf(mailbox, joinUrl));
    if (!chatId) throw new M365Error({ kind: 'not-found', message: `no Teams meeting chat for the join link of meeting ${meeting.id} (organizer ${mailbox})` });
    // The thread, and the attempt, are written down before the post: a retry does not look the thread up
    // again, and one that finds the attempt without its outcome knows the card may be in the chat.
    await deps.transact(({ sync }) => sync.record('chat', key, { container: chatId, detail: { ...detail, attempt: { at: deps.clock.now().toISOString() } } }, 'pending'));
    const card = meetingChatCard({ ...job, meeting, forumName, items, referent, meetingUrl: meetingPageUrl(deps.settings.publicUrl, meeting.id), timeZone: deps.settings.timeZone });
    let messageId: string;
    try {
      ({ messageId } = await deps.m365.meetingChat.postCard(chatId, { ...card, marker: meetingChatMarker(key) }));
    } catch (err) {
      // Graph answered that it posted nothing: the attempt is cleared, so the retry posts.
      if (postedNothing(err)) await deps.transact(({ sync }) => sync.record('chat', key, { detail }, 'pending'));
      throw err;
    }
    await deps.transact(({ sync }) => sync.record('chat', key, { remoteId: messageId, container: chatId, detail: { ...detail, postedAt: deps.clock.now().toISOString() } }, 'synced'));
    outcome = { posted: true, messageId };
  });
  return outcome;
}

type CardInput = MeetingChatJob & { meeting: Meeting; forumName: string; items: readonly AgendaItem[]; referent?: { name: string; isDefault: boolean } | undefined; meetingUrl: string; timeZone: string };

/**
 * The card for the meeting's chat (Adaptive Card 1.5), Danish first, English second.
 * Agenda: the items by number and title (a closed item shows as "Lukket punkt" only,
 * as in the invitation); minutes: when the remarks window closes; start: the referent
 * (said to be the default when the secretariat chose none), the sent agenda's items,
 * and that the agenda and minutes are in the meeting's side panel. All open the meeting in Samraad.
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
  } else if (i.about === 'start') {
    summary = `Mødet er begyndt: ${i.forumName}`;
    body.push(text(`Mødet er begyndt: dagsorden og referent. ${i.forumName}, ${when}`, { weight: 'Bolder', size: 'Medium', style: 'heading' }));
    body.push(text(`The meeting has begun: agenda and minute-taker. ${i.forumName}, ${whenEn}`, { isSubtle: true, spacing: 'None' }));
    if (i.referent) {
      body.push(
        text(
          i.referent.isDefault
            ? `Referent: ${i.referent.name} (forummets sekretær; ingen anden er valgt). / Minute-taker: ${i.referent.name} (the forum's secretary; no one else was chosen).`
            : `Referent: ${i.referent.name}. / Minute-taker: ${i.referent.name}.`,
        ),
      );
    } else {
      body.push(text('Ingen referent er valgt. / No minute-taker has been chosen.'));
    }
    if (i.items.length) i.items.forEach((it, n) => body.push(text(`${n + 1}\\. ${it.closed ? 'Lukket punkt (closed item)' : it.title}`, { spacing: n === 0 ? 'Medium' : 'Small' })));
    else body.push(text('Dagsordenen er ikke sendt. / The agenda has not been sent.'));
    body.push(
      text('Dagsordenen med tid pr. punkt og referatet er i Samraad i mødets sidepanel. / The agenda with a timer per item and the minutes are in Samraad in the meeting side panel.', { spacing: 'Medium' }),
    );
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
