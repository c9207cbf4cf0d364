/**
 * A meeting's Outlook side as the tab shows it, and the secretariat's answer to a
 * meeting made in Outlook.
 *
 * `outlookOf`: the join link of an online meeting (as Graph gave it when the event
 * was written or read), the event's web link, and, for a meeting a secretary made in
 * Outlook under the forum's category, where it came from and whether the secretariat
 * has confirmed or rejected it.
 *
 * `decideOutlookMeeting`: confirm keeps the meeting as it is; reject cancels it (its
 * Outlook event is cancelled by the meeting sync, the members are told by the
 * cancellation notice, the reminders are planned again). Either is audited, once: a
 * meeting already decided answers 409.
 */
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';
import { notFound, UseCaseError } from '../use-case.errors.js';
import { SYNC_QUEUES, type SyncTransact } from './sync.ports.js';
import { access, type AccessContext } from '../../domain/access/access.policy.js';
import type { Result } from '../ports/bot-backend.port.js';

export type OutlookConfirmation = 'pending' | 'confirmed' | 'rejected';
export type FromOutlook = { mailbox: string; eventId: string; at: string; confirmation: OutlookConfirmation; decidedBy?: string; decidedAt?: string };

export type MeetingOutlook = {
  meetingId: string;
  /** The Teams join link of an online meeting; null when the event has none (yet). */
  joinUrl: string | null;
  webLink: string | null;
  /** Set for a meeting made from an event a secretary created in Outlook. */
  fromOutlook: FromOutlook | null;
};

export type OutlookMeetingDeps = { transact: SyncTransact; clock: { now(): Date } };

/** `canRead(forumId)`: the caller may see the forum's meetings; others get a 404, as for a missing meeting. */
/** Whoever reads the meeting's forum, or for a joint meeting its partner forum (whose members take part in it). */
export const readsMeeting = (m: Pick<Meeting, 'forumId' | 'jointWithForumId'>, canRead: (forumId: string) => boolean): boolean =>
  canRead(m.forumId) || (!!m.jointWithForumId && canRead(m.jointWithForumId));

export async function outlookOf(deps: OutlookMeetingDeps, meetingId: string, canRead: (forumId: string) => boolean): Promise<MeetingOutlook> {
  return deps.transact(async ({ meetings, sync }) => {
    const m = await meetings.getMeeting(meetingId);
    if (!m || !readsMeeting(m, canRead)) throw notFound('meeting', meetingId);
    const d = (await sync.get('meeting', meetingId))?.detail ?? {};
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    return { meetingId, joinUrl: m.status === 'cancelled' ? null : str(d.joinUrl), webLink: str(d.webLink), fromOutlook: (d.fromOutlook as FromOutlook | undefined) ?? null };
  });
}

export async function decideOutlookMeeting(
  deps: OutlookMeetingDeps,
  meetingId: string,
  decision: 'confirm' | 'reject',
  actor: { personId: string },
  canAdminister: (forumId: string) => boolean,
): Promise<{ meeting: Meeting; fromOutlook: FromOutlook }> {
  return deps.transact(async ({ meetings, sync, audit, outbox }) => {
    const m = await meetings.getMeetingForUpdate(meetingId);
    if (!m || !canAdminister(m.forumId)) throw notFound('meeting', meetingId);
    const state = await sync.get('meeting', meetingId);
    const from = state?.detail.fromOutlook as FromOutlook | undefined;
    if (!state || !from) throw notFound('meeting made in Outlook', meetingId);
    if (from.confirmation !== 'pending') {
      throw new UseCaseError('invalid_state', `The meeting was already ${from.confirmation}`, [{ field: 'decision', reason: from.confirmation }], from.confirmation === 'confirmed' ? 'Mødet er allerede bekræftet' : 'Mødet er allerede afvist');
    }
    const now = deps.clock.now().toISOString();
    const decided: FromOutlook = { ...from, confirmation: decision === 'confirm' ? 'confirmed' : 'rejected', decidedBy: actor.personId, decidedAt: now };
    let meeting = m;
    if (decision === 'reject' && m.status === 'planned') {
      const cancelled: Meeting = { ...m, status: 'cancelled', cancelledReason: 'Afvist af sekretariatet (oprettet i Outlook)', revision: m.revision + 1 };
      if (!(await meetings.updateMeeting(cancelled, m.revision))) throw new UseCaseError('conflict', 'The meeting changed meanwhile; try again', [], 'Mødet er ændret imens; prøv igen');
      meeting = cancelled;
      await outbox.enqueue(SYNC_QUEUES.meeting, { meetingId });
      await outbox.enqueue(SYNC_QUEUES.reminderPlan, { meetingId }, { singletonKey: `meeting:${meetingId}` });
      await raiseNotice(outbox, meetingNotice('meeting_cancelled', cancelled, now, `r${cancelled.revision}`, { reason: cancelled.cancelledReason!, via: 'samraad' }));
    }
    await sync.record('meeting', meetingId, { detail: { ...state.detail, fromOutlook: decided } }, state.status);
    await audit.record({ actorPersonId: actor.personId, action: decision === 'confirm' ? 'meeting.outlook_confirmed' : 'meeting.outlook_rejected', forumId: m.forumId, target: meetingId, outcome: 'ok', detail: { mailbox: from.mailbox, eventId: from.eventId } });
    return { meeting, fromOutlook: decided };
  });
}

type CardDeps = OutlookMeetingDeps & { accessFor(personId: string): Promise<AccessContext> };

/** The name the card shows for a person ("?" when unknown). */
const nameOf = (deps: OutlookMeetingDeps, id: string | undefined) => deps.transact(async ({ registry }) => (id ? (await registry.getPerson(id))?.name : undefined) ?? id ?? '?');

/** The card's access check: the meeting exists and the person administers its forum (the tab's check). */
async function cardAccess(deps: CardDeps, personId: string, meetingId: string): Promise<{ ok: true; can: (forumId: string) => boolean } | { ok: false; refused: 'not_found' | 'not_allowed' }> {
  const actx = await deps.accessFor(personId);
  const can = (forumId: string) => access.canAdministerForum(actx, forumId);
  const m = await deps.transact(({ meetings }) => meetings.getMeeting(meetingId));
  if (!m) return { ok: false, refused: 'not_found' };
  if (!can(m.forumId)) return { ok: false, refused: 'not_allowed' };
  return { ok: true, can };
}

/**
 * The same decision from the secretariat's Teams card (bot): the tab's access check first
 * (administer the meeting's forum, as POST /api/meetings/:id/outlook/confirmation), then
 * `decideOutlookMeeting` (audited there). Answers in the bot's Result shape: who decided,
 * or why not (not allowed, not found, already confirmed or rejected and by whom).
 */
export async function decideOutlookMeetingByCard(deps: CardDeps, personId: string, meetingId: string, decision: 'confirm' | 'reject'): Promise<Result<{ confirmation: 'confirmed' | 'rejected'; byName: string }>> {
  const checked = await cardAccess(deps, personId, meetingId);
  if (!checked.ok) return checked;
  try {
    const r = await decideOutlookMeeting(deps, meetingId, decision, { personId }, checked.can);
    return { ok: true, confirmation: r.fromOutlook.confirmation as 'confirmed' | 'rejected', byName: await nameOf(deps, personId) };
  } catch (e) {
    if (!(e instanceof UseCaseError)) throw e;
    if (e.kind === 'not_found') return { ok: false, refused: 'not_found' };
    if (e.kind === 'invalid_state') {
      const from = (await outlookOf(deps, meetingId, checked.can)).fromOutlook;
      if (from && from.confirmation !== 'pending') return { ok: false, refused: 'already_decided', confirmation: from.confirmation, byName: await nameOf(deps, from.decidedBy) };
    }
    return { ok: false, refused: 'invalid', reason: e.messageDa ?? e.message };
  }
}

/**
 * Where a meeting made in Outlook stands, as the secretariat's card shows it when Teams
 * refreshes it: pending, or confirmed or rejected by whom. Only the forum's secretariat
 * (who get the card) may ask; a meeting that did not come from Outlook is not found.
 */
export async function outlookDecisionForCard(deps: CardDeps, personId: string, meetingId: string): Promise<Result<{ confirmation: OutlookConfirmation; byName?: string }>> {
  const checked = await cardAccess(deps, personId, meetingId);
  if (!checked.ok) return checked;
  const from = (await outlookOf(deps, meetingId, checked.can)).fromOutlook;
  if (!from) return { ok: false, refused: 'not_found' };
  if (from.confirmation === 'pending') return { ok: true, confirmation: 'pending' };
  return { ok: true, confirmation: from.confirmation, byName: await nameOf(deps, from.decidedBy) };
}
