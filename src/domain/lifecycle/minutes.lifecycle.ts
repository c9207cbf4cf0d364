/**
 * The minutes lifecycle and meeting changes as state machines.
 *
 * Minutes: draft -> sent_for_remarks -> (remarks) -> revised -> approved ->
 * published. Approval is explicit (the chair approves) or tacit: when the comment
 * window has closed and the terms say silence means approval. A revised version
 * may be sent for a new round of remarks. Meetings: planned -> held, planned ->
 * cancelled, planned -> moved (still planned, new date).
 *
 * Every refusal carries a code and a Danish and English reason, so the API can
 * answer 409 with a sentence a secretary understands.
 */
import type { Meeting, Minutes, MinutesStatus } from '../meetings/meeting.model.js';

export type Refusal = { code: string; da: string; en: string };
export type Transition<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export type MinutesEvent =
  | { type: 'send_for_remarks'; at: string }
  | { type: 'remark'; at: string; windowClosesAt: string }
  | { type: 'revise'; at: string }
  | { type: 'approve'; at: string }
  | { type: 'close_window'; at: string; windowClosesAt: string; tacitApproval: boolean }
  | { type: 'publish'; at: string };

const statusDa: Record<MinutesStatus, string> = {
  draft: 'kladde',
  sent_for_remarks: 'sendt til bemærkninger',
  revised: 'revideret',
  approved: 'godkendt',
  published: 'offentliggjort',
};

const allowedFrom: Record<MinutesEvent['type'], readonly MinutesStatus[]> = {
  send_for_remarks: ['draft', 'revised'],
  remark: ['sent_for_remarks'],
  revise: ['sent_for_remarks'],
  approve: ['sent_for_remarks', 'revised'],
  close_window: ['sent_for_remarks', 'revised'],
  publish: ['approved'],
};
const eventDa: Record<MinutesEvent['type'], string> = {
  send_for_remarks: 'sende referatet til bemærkninger',
  remark: 'give bemærkninger',
  revise: 'revidere referatet',
  approve: 'godkende referatet',
  close_window: 'lukke bemærkningsfristen',
  publish: 'offentliggøre referatet',
};

const refuse = <T>(code: string, da: string, en: string): Transition<T> => ({ ok: false, refusal: { code, da, en } });

export function transitionMinutes(m: Minutes, e: MinutesEvent): Transition<Minutes> {
  if (!allowedFrom[e.type].includes(m.status)) {
    return refuse(
      'invalid_transition',
      `Man kan ikke ${eventDa[e.type]}, når referatet er ${statusDa[m.status]}`,
      `Cannot ${e.type.replace(/_/g, ' ')} when the minutes are ${m.status.replace(/_/g, ' ')}`,
    );
  }
  switch (e.type) {
    case 'send_for_remarks':
      // A revised version may go out for a new round; the window then runs from this sending.
      return { ok: true, value: { ...m, status: 'sent_for_remarks', sentAt: e.at } };
    case 'remark':
      if (Date.parse(e.at) >= Date.parse(e.windowClosesAt)) {
        return refuse('window_closed', 'Fristen for bemærkninger er udløbet', 'The comment window has closed');
      }
      return { ok: true, value: m };
    case 'revise':
      return { ok: true, value: { ...m, status: 'revised', version: m.version + 1 } };
    case 'approve':
      return { ok: true, value: { ...m, status: 'approved', approvedAt: e.at, approvedHow: 'explicit' } };
    case 'close_window':
      if (Date.parse(e.at) < Date.parse(e.windowClosesAt)) {
        return refuse('window_still_open', 'Fristen for bemærkninger er ikke udløbet endnu', 'The comment window is still open');
      }
      if (!e.tacitApproval) {
        return refuse('no_tacit_approval', 'Kommissoriet giver ikke stiltiende godkendelse; referatet skal godkendes udtrykkeligt', 'The terms do not allow tacit approval; approve the minutes explicitly');
      }
      return { ok: true, value: { ...m, status: 'approved', approvedAt: e.windowClosesAt, approvedHow: 'tacit' } };
    case 'publish':
      return { ok: true, value: { ...m, status: 'published', publishedAt: e.at } };
  }
}

export type MeetingEvent =
  | { type: 'cancel'; at: string; reason: string }
  | { type: 'move'; at: string; date: string; start: string; end: string; today: string }
  /** `startsAt`: the meeting's start instant; a meeting is not recorded as held before it starts. */
  | { type: 'hold'; at: string; startsAt?: string };

export function transitionMeeting(m: Meeting, e: MeetingEvent): Transition<Meeting> {
  if (m.status === 'cancelled') return refuse('meeting_cancelled', 'Mødet er aflyst', 'The meeting is cancelled');
  if (m.status === 'held') {
    return refuse('meeting_held', 'Mødet er afholdt og kan ikke ændres', 'The meeting has been held and cannot be changed');
  }
  switch (e.type) {
    case 'cancel':
      if (!e.reason.trim()) return refuse('reason_required', 'Angiv en begrundelse for aflysningen', 'Give a reason for cancelling');
      return { ok: true, value: { ...m, status: 'cancelled', cancelledReason: e.reason.trim(), revision: m.revision + 1 } };
    case 'move':
      if (e.end <= e.start) return refuse('end_before_start', 'Sluttidspunktet skal ligge efter starttidspunktet', 'The end must be after the start');
      if (e.date < e.today) return refuse('moved_into_past', 'Et møde kan ikke flyttes til en dato, der er passeret', 'A meeting cannot be moved to a past date');
      if (e.date === m.date && e.start === m.start && e.end === m.end) return refuse('not_moved', 'Mødet har allerede dette tidspunkt', 'The meeting already has this time');
      return { ok: true, value: { ...m, date: e.date, start: e.start, end: e.end, revision: m.revision + 1 } };
    case 'hold':
      if (e.startsAt && Date.parse(e.at) < Date.parse(e.startsAt)) {
        return refuse('not_started', 'Mødet er ikke begyndt endnu', 'The meeting has not started yet');
      }
      return { ok: true, value: { ...m, status: 'held', revision: m.revision + 1 } };
  }
}

/** Why an explicit approval now needs a confirmation and a reason (empty: it does not). */
export type EarlyApprovalGround = 'window_open' | 'open_remarks';

/**
 * Explicit approval before the comment window closes, or while remarks on the
 * version out for remarks have not been taken into a revision, takes a
 * confirmation and a reason. `openRemarks`: remarks on the current version (a
 * revision makes a new version, which is how a remark is answered).
 */
export function earlyApprovalGrounds(input: { at: string; windowClosesAt?: string | undefined; openRemarks: number }): EarlyApprovalGround[] {
  const out: EarlyApprovalGround[] = [];
  if (input.windowClosesAt && Date.parse(input.at) < Date.parse(input.windowClosesAt)) out.push('window_open');
  if (input.openRemarks > 0) out.push('open_remarks');
  return out;
}
