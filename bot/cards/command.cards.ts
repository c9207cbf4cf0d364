/** Cards that answer the chat commands: next meeting, my deadlines, my tasks, help. */
import { formatDate, formatInstant, texts } from '../bot.i18n.js';
import type { BotLocale, DeadlineSummary, MeetingSummary, TaskSummary } from '../bot.ports.js';
import {
  answerLine,
  attendanceActions,
  card,
  executeAction,
  heading,
  meetingFacts,
  openAction,
  tabDeepLink,
  textBlock,
  type AdaptiveCard,
  type LinkConfig,
} from './card.common.js';

export function nextMeetingCard(m: MeetingSummary | null, locale: BotLocale, links: LinkConfig): AdaptiveCard {
  const t = texts[locale];
  if (!m) return card(locale, [heading(t.nextMeetingTitle), textBlock(t.noNextMeeting)], [openAction(locale, tabDeepLink(links, 'home'))], t.noNextMeeting);
  const body = [heading(m.title ? `${t.nextMeetingTitle}: ${m.title}` : t.nextMeetingTitle), meetingFacts(m, locale)];
  const actions: Record<string, unknown>[] = [];
  if (m.status === 'cancelled') body.push(textBlock(`**${t.cancelled}**`, { color: 'Attention' }));
  else {
    body.push(answerLine(m, locale));
    if (m.answerDeadline) body.push(textBlock(`**${t.deadline}:** ${formatInstant(m.answerDeadline, locale)}`, { isSubtle: true }));
    actions.push(...attendanceActions(locale, { forumId: m.forumId, meetingId: m.meetingId }));
  }
  actions.push(openAction(locale, tabDeepLink(links, `meeting:${m.meetingId}`)));
  return card(locale, body, actions, t.nextMeetingTitle);
}

export function deadlinesCard(list: DeadlineSummary[], locale: BotLocale, links: LinkConfig): AdaptiveCard {
  const t = texts[locale];
  const body: Record<string, unknown>[] = [heading(t.deadlinesTitle)];
  if (list.length === 0) body.push(textBlock(t.noDeadlines));
  else
    body.push({
      type: 'FactSet',
      facts: list.slice(0, 20).map((d) => ({
        title: formatInstant(d.deadline, locale),
        value: `${t.reminderTitle[d.kind]} (${d.forumName}${d.label ? `: ${d.label}` : ''})`,
      })),
    });
  return card(locale, body, [openAction(locale, tabDeepLink(links, 'deadlines'))], t.deadlinesTitle);
}

export function tasksCard(list: TaskSummary[], locale: BotLocale, links: LinkConfig): AdaptiveCard {
  const t = texts[locale];
  const body: Record<string, unknown>[] = [heading(t.tasksTitle)];
  if (list.length === 0) body.push(textBlock(t.noTasks));
  for (const task of list.slice(0, 10)) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(`**${task.title}**`),
        textBlock(`${task.forumName} · ${t.due}: ${formatDate(task.dueOn, locale)}`, { isSubtle: true, spacing: 'None' }),
        task.status === 'done'
          ? textBlock(t.taskIsDone, { color: 'Good' })
          : { type: 'ActionSet', actions: [executeAction(t.taskDone, { verb: 'task_done', taskId: task.taskId }, 'positive')] },
      ],
    });
  }
  return card(locale, body, [openAction(locale, tabDeepLink(links, 'tasks'))], t.tasksTitle);
}

export function helpCard(locale: BotLocale, links: LinkConfig, notUnderstood?: string): AdaptiveCard {
  const t = texts[locale];
  const body: Record<string, unknown>[] = [];
  if (notUnderstood) body.push(textBlock(t.unknownCommand(notUnderstood)));
  body.push(heading(t.helpTitle), textBlock(t.helpIntro), {
    type: 'FactSet',
    facts: t.helpCommands.map(([title, value]) => ({ title, value })),
  });
  return card(locale, body, [openAction(locale, tabDeepLink(links, 'home'))], t.helpTitle);
}

/** Short card that answers an action, for clients that cannot show a refreshed reminder card. */
export function messageCard(locale: BotLocale, text: string): AdaptiveCard {
  return card(locale, [textBlock(text)], [], text);
}
