/**
 * One card per reminder kind. The same builder renders the card as first sent and
 * as refreshed for one person (Universal Actions refresh), so the card always shows
 * that person's own answer.
 */
import type { PlannedReminder, ReminderKind } from '../../src/domain/reminders/reminder.model.js';
import { texts } from '../bot.i18n.js';
import type { BotLocale, ReminderSubject } from '../bot.ports.js';
import {
  answerLine,
  attendanceActions,
  card,
  deadlineLine,
  executeAction,
  heading,
  meetingFacts,
  openAction,
  remarkInput,
  tabDeepLink,
  textBlock,
  type AdaptiveCard,
  type CardActionData,
  type LinkConfig,
} from './card.common.js';

export type ReminderCardInput = {
  reminder: Pick<PlannedReminder, 'key' | 'kind' | 'forumId' | 'meetingId' | 'taskId' | 'deadline'>;
  subject: ReminderSubject;
  locale: BotLocale;
  links: LinkConfig;
  /** Teams user id (29:...) of the one person who sees this card: turns on automatic refresh. */
  refreshForUserId?: string;
  teamsChannelId?: string;
};

/** Kinds whose card carries attendance buttons, and so on. */
const attendanceKinds: ReminderKind[] = ['agenda_sent', 'meeting_tomorrow_unanswered'];
const remarkKinds: ReminderKind[] = ['comment_window_open', 'comment_window_closing'];
const itemKinds: ReminderKind[] = ['items_cutoff_soon'];
const taskKinds: ReminderKind[] = ['task_due'];

export function reminderCard(input: ReminderCardInput): AdaptiveCard {
  const { reminder, subject, locale, links } = input;
  const t = texts[locale];
  const base: CardActionData = {
    verb: 'refresh',
    key: reminder.key,
    kind: reminder.kind,
    forumId: reminder.forumId,
    meetingId: reminder.meetingId,
    taskId: reminder.taskId,
    deadline: reminder.deadline,
  };
  const title = t.reminderTitle[reminder.kind];
  const body: Record<string, unknown>[] = [heading(title)];
  const actions: Record<string, unknown>[] = [];
  const m = subject.meeting;

  if (m) {
    body.push(meetingFacts(m, locale));
    if (m.status === 'cancelled') body.push(textBlock(`**${t.cancelled}**`, { color: 'Attention' }));
  } else if (subject.task) {
    body.push({ type: 'FactSet', facts: [{ title: t.forum, value: subject.forumName }, { title: t.task, value: subject.task.title }] });
  } else {
    body.push({ type: 'FactSet', facts: [{ title: t.forum, value: subject.forumName }] });
  }
  body.push(deadlineLine(reminder.deadline, locale, subject.deadlineFromDefault));

  if (m && m.status !== 'cancelled' && attendanceKinds.includes(reminder.kind)) {
    body.push(answerLine(m, locale));
    body.push({ type: 'Input.Text', id: 'substituteName', placeholder: t.substitutePlaceholder, maxLength: 200, label: t.substitutePlaceholder });
    body.push({ type: 'Input.Text', id: 'apologiesNote', placeholder: t.apologiesNote, maxLength: 500, label: t.apologiesNote });
    actions.push(...attendanceActions(locale, base));
  }
  if (m && itemKinds.includes(reminder.kind)) {
    body.push({ type: 'Input.Text', id: 'itemTitle', label: t.itemTitle, isRequired: true, errorMessage: t.missingInput, maxLength: 300 });
    body.push({ type: 'Input.Text', id: 'itemDescription', label: t.itemDescription, isMultiline: true, maxLength: 4000 });
    actions.push(executeAction(t.proposeItem, { ...base, verb: 'propose_item' }, 'positive'));
  }
  if (m && remarkKinds.includes(reminder.kind)) {
    body.push(remarkInput(locale));
    actions.push(executeAction(t.remark, { ...base, verb: 'remark' }, 'positive'));
  }
  if (subject.task && taskKinds.includes(reminder.kind)) {
    if (subject.task.status === 'done') body.push(textBlock(`**${t.taskIsDone}**`, { id: 'task-state', color: 'Good' }));
    else actions.push(executeAction(t.taskDone, { ...base, verb: 'task_done' }, 'positive'));
  }

  const sub = reminder.taskId ? `task:${reminder.taskId}` : reminder.meetingId ? `meeting:${reminder.meetingId}` : `forum:${reminder.forumId}`;
  actions.push(openAction(locale, tabDeepLink(links, sub, input.teamsChannelId)));

  const c = card(locale, body, actions, title);
  if (input.refreshForUserId) {
    const refresh = executeAction(title, base);
    delete refresh.fallback; // a refresh is never shown as a button, so it needs no fallback
    c.refresh = { action: refresh, userIds: [input.refreshForUserId] };
  }
  return c;
}
