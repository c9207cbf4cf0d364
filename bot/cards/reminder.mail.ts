/**
 * The e-mail form of a reminder card, for people the bot cannot reach in Teams
 * (for example general practitioners outside the tenant): the same facts as the
 * card (title, forum, meeting time and place or task, the person's own answer,
 * the deadline in Europe/Copenhagen, a link to open Samraad), Danish first and
 * English below. Plain HTML, no SDK; the buttons of the card have no e-mail form,
 * the link opens Samraad where the person can act.
 *
 * The link goes to Samraad on the web (`webBaseUrl`, the public URL) when it is
 * known, since a mail reader without Teams cannot follow a Teams deep link;
 * otherwise to the Teams tab.
 */
import type { PlannedReminder, ReminderKind } from '../../src/domain/reminders/reminder.model.js';
import { formatDate, formatInstant, formatTimeRange, texts } from '../bot.i18n.js';
import type { BotLocale, ReminderSubject } from '../bot.ports.js';
import { tabDeepLink, type LinkConfig } from './card.common.js';
import { escapeHtml as esc } from '../../src/domain/documents/html-escape.js';

export type ReminderMail = { subject: string; html: string };

const attendanceKinds: ReminderKind[] = ['agenda_sent', 'meeting_tomorrow_unanswered'];


/** Where the mail's link points: the meeting or forum page of Samraad on the web, else the Teams tab. */
export function reminderLink(reminder: Pick<PlannedReminder, 'forumId' | 'meetingId' | 'taskId'>, links: LinkConfig): string {
  if (links.webBaseUrl) {
    const base = links.webBaseUrl.replace(/\/$/, '');
    return reminder.meetingId ? `${base}/#/meetings/${encodeURIComponent(reminder.meetingId)}` : `${base}/#/forums/${encodeURIComponent(reminder.forumId)}`;
  }
  const sub = reminder.taskId ? `task:${reminder.taskId}` : reminder.meetingId ? `meeting:${reminder.meetingId}` : `forum:${reminder.forumId}`;
  return tabDeepLink(links, sub);
}

/** The mail's opening lines: the forum, then the meeting's title, time and place. */
export function meetingMailRows(subject: ReminderSubject, locale: BotLocale): [string, string][] {
  const t = texts[locale];
  const rows: [string, string][] = [[t.forum, subject.forumName]];
  const m = subject.meeting;
  if (m) {
    if (m.title) rows.push([locale === 'da' ? 'Møde' : 'Meeting', m.title]);
    rows.push([t.when, `${formatDate(m.date, locale)} ${formatTimeRange(m.start, m.end, locale)}`]);
    if (m.location || m.online) rows.push([t.where, [m.location, m.online ? t.online : undefined].filter(Boolean).join(', ')]);
  }
  return rows;
}

/** One language's part of a mail: title, the facts as label: value lines, extra paragraphs, the link to open Samraad. */
export function mailSectionHtml(locale: BotLocale, kind: ReminderKind, rows: [string, string][], extraHtml: string, link: string): string {
  const t = texts[locale];
  return (
    `<div lang="${locale}">` +
    `<h2>${esc(t.reminderTitle[kind])}</h2>` +
    `<p>${rows.map(([k, v]) => `<strong>${esc(k)}:</strong> ${esc(v)}`).join('<br>')}</p>` +
    extraHtml +
    `<p><a href="${esc(link)}">${esc(t.open)}</a></p>` +
    `</div>`
  );
}

/** A mail in Danish then English: the subject names the kind in both and the forum; the body is the two sections. */
export function bilingualMail(kind: ReminderKind, forumName: string, section: (locale: BotLocale) => string): ReminderMail {
  return {
    subject: `${texts.da.reminderTitle[kind]} (${forumName}) / ${texts.en.reminderTitle[kind]}`,
    html: `${section('da')}<hr>${section('en')}`,
  };
}

function section(reminder: Pick<PlannedReminder, 'kind' | 'deadline'>, subject: ReminderSubject, locale: BotLocale, link: string): string {
  const t = texts[locale];
  const rows = meetingMailRows(subject, locale);
  const m = subject.meeting;
  if (subject.task) rows.push([t.task, subject.task.title]);
  rows.push([t.deadline, `${formatInstant(reminder.deadline, locale)}${subject.deadlineFromDefault ? ` ${t.defaultDeadline}` : ''}`]);
  if (m && m.status !== 'cancelled' && attendanceKinds.includes(reminder.kind)) {
    rows.push([t.yourAnswer, `${t.answers[m.myAnswer ?? 'none']}${m.substituteName ? ` (${t.substitute(m.substituteName)})` : ''}`]);
  }
  const extra: string[] = [];
  if (m?.status === 'cancelled') extra.push(`<p><strong>${esc(t.cancelled)}</strong></p>`);
  if (subject.task?.status === 'done') extra.push(`<p><strong>${esc(t.taskIsDone)}</strong></p>`);
  return mailSectionHtml(locale, reminder.kind, rows, extra.join(''), link);
}

export function reminderMail(input: { reminder: Pick<PlannedReminder, 'kind' | 'deadline' | 'forumId' | 'meetingId' | 'taskId'>; subject: ReminderSubject; links: LinkConfig }): ReminderMail {
  const { reminder, subject, links } = input;
  const link = reminderLink(reminder, links);
  return bilingualMail(reminder.kind, subject.forumName, (locale) => section(reminder, subject, locale, link));
}
