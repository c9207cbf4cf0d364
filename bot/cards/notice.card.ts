/**
 * The card and the e-mail of a notice (src/domain/notifications/notice.model.ts):
 * something went out or changed (agenda sent or changed, minutes out for remarks,
 * approved or corrected, a meeting moved or cancelled, a chair hand-over). The
 * card goes to the forum's channel and to each member in Teams; the e-mail, with
 * the same facts, Danish then English, to members the bot cannot reach.
 *
 * It carries the meeting's facts, what the notice adds (version, reason, where the
 * meeting moved from, how the minutes were approved), links to the documents it is
 * about (agenda or minutes as Word) and a link to open the meeting. Where the
 * person can act at once (answer attendance on an agenda, a remark on minutes out
 * for remarks) the personal card carries the same buttons as the reminders.
 */
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import type { NoticeDetail } from '../../src/domain/notifications/notice.model.js';
import { formatDate, formatInstant, formatTimeRange, texts } from '../bot.i18n.js';
import type { BotLocale, ReminderSubject } from '../bot.ports.js';
import { escapeHtml as esc } from '../../src/domain/documents/html-escape.js';
import { answerLine, attendanceActions, card, executeAction, heading, meetingFacts, remarkInput, tabDeepLink, textBlock, type AdaptiveCard, type CardActionData, type LinkConfig } from './card.common.js';
import { bilingualMail, mailSectionHtml, meetingMailRows, reminderLink } from './reminder.mail.js';

type NoticeData = NoticeDetail & { at: string };

export type NoticeCardInput = {
  reminder: Pick<PlannedReminder, 'key' | 'kind' | 'forumId' | 'meetingId' | 'deadline' | 'notice'>;
  subject: ReminderSubject;
  locale: BotLocale;
  links: LinkConfig;
  /** Set for a personal card: the buttons a member can use at once. */
  personal?: boolean;
  /**
   * The Teams user whose copy of the card refreshes itself when opened (Universal Actions
   * `refresh`); used by the Outlook card so that a decision by one secretary shows on the
   * cards of the others, not only on the one she tapped.
   */
  refreshForUserId?: string;
  teamsChannelId?: string;
};

const data = (r: Pick<PlannedReminder, 'notice'>): NoticeData => (r.notice ?? { at: '' }) as NoticeData;

/** The documents a notice links, as [label, URL]; only with Samraad's web address (a Word file cannot open from a Teams deep link). */
export function noticeDocuments(reminder: Pick<PlannedReminder, 'meetingId' | 'notice'>, links: LinkConfig, locale: BotLocale): [string, string][] {
  const t = texts[locale].notice;
  const d = data(reminder);
  if (!links.webBaseUrl || !reminder.meetingId) return [];
  const base = links.webBaseUrl.replace(/\/$/, '');
  const id = encodeURIComponent(reminder.meetingId);
  return (d.documents ?? []).map((k) => [k === 'agenda' ? t.agendaDoc : t.minutesDoc, `${base}/api/meetings/${id}/${k}.docx`]);
}

/** The lines a notice adds to the meeting's facts, as [label, value]. */
function noticeFacts(reminder: NoticeCardInput['reminder'], locale: BotLocale): [string, string][] {
  const t = texts[locale];
  const d = data(reminder);
  const rows: [string, string][] = [];
  if (d.version !== undefined) rows.push([t.notice.version, String(d.version)]);
  if (d.from) rows.push([t.notice.movedFrom, `${formatDate(d.from.date, locale)} ${formatTimeRange(d.from.start, d.from.end, locale)}`]);
  if (d.how) rows.push([t.notice.approvedHow[d.how], formatInstant(d.at, locale)]);
  if (d.handover) {
    rows.push([t.notice.handoverOn, formatDate(d.handover.date, locale)]);
    if (d.handover.organisationName) rows.push([t.notice.newChair, d.handover.organisationName]);
  }
  if (d.reason) rows.push([t.notice.reason, d.reason]);
  if (d.via === 'outlook') rows.push([t.notice.viaOutlook, formatInstant(d.at, locale)]);
  if (reminder.kind === 'comment_window_open') rows.push([t.notice.remarksUntil, formatInstant(reminder.deadline, locale)]);
  return rows;
}

/**
 * The secretariat's card for a meeting a secretary made in Outlook under the forum's
 * category: "Nyt møde fra Outlook: <forum> <date time>", the meeting's facts, Bekræft and
 * Afvis (the same use case as the tab's buttons) and a link to the meeting in the tab.
 * With `decided` (after a tap) it says who confirmed or rejected it and has no buttons.
 * Undecided, a personal card carries a `refresh` for its reader: Teams asks the bot for
 * the card as it is now whenever the chat shows it, so a card another secretary (or the
 * tab) decided shows who decided instead of buttons that would only be refused.
 */
export function outlookMeetingCard(input: NoticeCardInput & { decided?: { confirmation: 'confirmed' | 'rejected'; byName: string } }): AdaptiveCard {
  const { reminder, subject, locale, links } = input;
  const t = texts[locale];
  const m = subject.meeting;
  const when = m ? `${formatDate(m.date, locale)} ${formatTimeRange(m.start, m.end, locale)}` : '';
  const title = t.outlook.title(subject.forumName, when).trim();
  const body: Record<string, unknown>[] = [heading(title)];
  if (m) body.push(meetingFacts(m, locale));
  const d = data(reminder);
  if (d.mailbox) body.push({ type: 'FactSet', facts: [{ title: t.outlook.calendar, value: d.mailbox }] });
  const actions: Record<string, unknown>[] = [];
  if (input.decided) {
    const line = input.decided.confirmation === 'confirmed' ? t.outlook.confirmedBy(input.decided.byName) : t.outlook.rejectedBy(input.decided.byName);
    body.push(textBlock(`**${line}**`, { color: input.decided.confirmation === 'confirmed' ? 'Good' : 'Attention', id: 'outlook-decision' }));
  } else {
    body.push(textBlock(t.outlook.intro));
    if (m?.status === 'cancelled') body.push(textBlock(`**${t.cancelled}**`, { color: 'Attention' }));
    if (input.personal && m && m.status === 'planned') {
      const base: CardActionData = { verb: 'outlook_confirm', key: reminder.key, kind: reminder.kind, forumId: reminder.forumId, meetingId: reminder.meetingId, deadline: reminder.deadline };
      actions.push(executeAction(t.outlook.confirm, base, 'positive'), executeAction(t.outlook.reject, { ...base, verb: 'outlook_reject' }, 'destructive'));
    }
  }
  actions.push({ type: 'Action.OpenUrl', id: `open|${reminder.key}`, title: t.open, url: tabDeepLink(links, `meeting:${reminder.meetingId ?? ''}`, input.teamsChannelId) });
  const c = card(locale, body, actions, title);
  if (!input.decided && input.personal && input.refreshForUserId) {
    const refresh = executeAction(title, { verb: 'refresh', key: reminder.key, kind: reminder.kind, forumId: reminder.forumId, meetingId: reminder.meetingId, deadline: reminder.deadline });
    delete refresh.fallback; // a refresh is never shown as a button, so it needs no fallback
    c.refresh = { action: refresh, userIds: [input.refreshForUserId] };
  }
  return c;
}

export function noticeCard(input: NoticeCardInput): AdaptiveCard {
  if (input.reminder.kind === 'outlook_meeting_created') return outlookMeetingCard(input);
  const { reminder, subject, locale, links } = input;
  const t = texts[locale];
  const title = t.reminderTitle[reminder.kind];
  const m = subject.meeting;
  const body: Record<string, unknown>[] = [heading(title)];
  if (m) body.push(meetingFacts(m, locale));
  else body.push({ type: 'FactSet', facts: [{ title: t.forum, value: subject.forumName }] });
  const facts = noticeFacts(reminder, locale);
  if (facts.length) body.push({ type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) });
  if (m?.status === 'cancelled') body.push(textBlock(`**${t.cancelled}**`, { color: 'Attention' }));
  if (reminder.kind === 'outlook_decline_recorded') body.push(textBlock(t.notice.declineRecorded));

  const actions: Record<string, unknown>[] = [];
  const base: CardActionData = { verb: 'refresh', key: reminder.key, kind: reminder.kind, forumId: reminder.forumId, meetingId: reminder.meetingId, deadline: reminder.deadline };
  if (input.personal && m && m.status === 'planned' && (reminder.kind === 'agenda_sent' || reminder.kind === 'agenda_changed' || reminder.kind === 'meeting_moved')) {
    body.push(answerLine(m, locale));
    actions.push(...attendanceActions(locale, base));
  }
  if (input.personal && m && reminder.kind === 'comment_window_open' && m.remarksUntil) {
    body.push(remarkInput(locale));
    actions.push(executeAction(t.remark, { ...base, verb: 'remark' }, 'positive'));
  }
  const docs = noticeDocuments(reminder, links, locale);
  if (docs.length) {
    body.push(textBlock(`**${t.notice.documents}**`));
    body.push({ type: 'ActionSet', actions: docs.map(([label, url]) => ({ type: 'Action.OpenUrl', title: label, url })) });
  }
  const sub = reminder.meetingId ? `meeting:${reminder.meetingId}` : `forum:${reminder.forumId}`;
  // The open action carries the notice's key in its id: every card, buttons or not, names the notice it is.
  actions.push({ type: 'Action.OpenUrl', id: `open|${reminder.key}`, title: t.open, url: tabDeepLink(links, sub, input.teamsChannelId) });
  return card(locale, body, actions, title);
}

function mailSection(reminder: NoticeCardInput['reminder'], subject: ReminderSubject, locale: BotLocale, links: LinkConfig): string {
  const t = texts[locale];
  const rows = meetingMailRows(subject, locale);
  rows.push(...noticeFacts(reminder, locale));
  const docs = noticeDocuments(reminder, links, locale);
  const extra =
    (subject.meeting?.status === 'cancelled' ? `<p><strong>${esc(t.cancelled)}</strong></p>` : '') +
    (reminder.kind === 'outlook_decline_recorded' ? `<p>${esc(t.notice.declineRecorded)}</p>` : '') +
    (docs.length ? `<p><strong>${esc(t.notice.documents)}:</strong> ${docs.map(([label, url]) => `<a href="${esc(url)}">${esc(label)}</a>`).join(' · ')}</p>` : '');
  return mailSectionHtml(locale, reminder.kind, rows, extra, reminderLink(reminder, links));
}

export function noticeMail(input: { reminder: NoticeCardInput['reminder']; subject: ReminderSubject; links: LinkConfig }): { subject: string; html: string } {
  const { reminder, subject, links } = input;
  return bilingualMail(reminder.kind, subject.forumName, (locale) => mailSection(reminder, subject, locale, links));
}
