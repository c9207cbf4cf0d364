/**
 * Building blocks shared by every card: Adaptive Cards 1.5 JSON (plain objects, no
 * SDK), Universal Actions with an Action.Submit fallback for clients that predate
 * Action.Execute, and the deep link into the Samraad tab.
 */
import { formatDate, formatInstant, formatTimeRange, texts } from '../bot.i18n.js';
import type { BotLocale, MeetingSummary } from '../bot.ports.js';

export type AdaptiveCard = {
  type: 'AdaptiveCard';
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  refresh?: { type?: 'Refresh'; action: Record<string, unknown>; userIds?: string[] };
  fallbackText?: string;
  lang?: string;
  msteams?: Record<string, unknown>;
  [k: string]: unknown;
};

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export const cardVerbs = ['attend', 'apologies', 'propose_item', 'remark', 'task_done', 'refresh', 'outlook_confirm', 'outlook_reject'] as const;
export type CardVerb = (typeof cardVerbs)[number];

/** What every action carries back to the bot (Action.Execute data / Action.Submit value). */
export type CardActionData = {
  verb: CardVerb;
  /** Reminder key when the card came from a reminder. */
  key?: string;
  kind?: string;
  forumId?: string;
  meetingId?: string;
  taskId?: string;
  /** The reminder's deadline (ISO), so a refreshed card can be rebuilt without a lookup. */
  deadline?: string;
};

export type LinkConfig = {
  teamsAppId: string;
  tabEntityId: string;
  /** Samraad's public web address, for links that must work outside Teams (reminder e-mails). */
  webBaseUrl?: string;
};

export function tabDeepLink(links: LinkConfig, subEntityId: string, teamsChannelId?: string): string {
  const context = JSON.stringify(teamsChannelId ? { subEntityId, channelId: teamsChannelId } : { subEntityId });
  const appId = encodeURIComponent(links.teamsAppId || 'samraad-local');
  return `https://teams.microsoft.com/l/entity/${appId}/${encodeURIComponent(links.tabEntityId)}?context=${encodeURIComponent(context)}`;
}

export function openAction(locale: BotLocale, url: string): Record<string, unknown> {
  return { type: 'Action.OpenUrl', title: texts[locale].open, url };
}

/** Action.Execute with an Action.Submit fallback carrying the same data. */
export function executeAction(title: string, data: CardActionData, style?: 'positive' | 'destructive'): Record<string, unknown> {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return {
    type: 'Action.Execute',
    title,
    verb: data.verb,
    data: clean,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: clean },
  };
}

export const textBlock = (text: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

export const heading = (text: string): Record<string, unknown> => textBlock(text, { size: 'Medium', weight: 'Bolder', style: 'heading' });

export function meetingFacts(m: MeetingSummary, locale: BotLocale): Record<string, unknown> {
  const t = texts[locale];
  const facts = [
    { title: t.forum, value: m.forumName },
    { title: t.when, value: `${formatDate(m.date, locale)} ${formatTimeRange(m.start, m.end, locale)}` },
  ];
  if (m.location || m.online) facts.push({ title: t.where, value: [m.location, m.online ? t.online : undefined].filter(Boolean).join(', ') });
  return { type: 'FactSet', facts };
}

export function answerLine(m: MeetingSummary, locale: BotLocale): Record<string, unknown> {
  const t = texts[locale];
  const answer = t.answers[m.myAnswer ?? 'none'];
  const sub = m.substituteName ? ` (${t.substitute(m.substituteName)})` : '';
  return textBlock(`**${t.yourAnswer}:** ${answer}${sub}`, { id: 'my-answer' });
}

/** The two attendance buttons (attend, apologies) every card that asks for an answer carries. */
export function attendanceActions(locale: BotLocale, data: Omit<CardActionData, 'verb'>): Record<string, unknown>[] {
  const t = texts[locale];
  return [executeAction(t.attend, { ...data, verb: 'attend' }, 'positive'), executeAction(t.apologies, { ...data, verb: 'apologies' }, 'destructive')];
}

/** The remark field of a card about minutes out for remarks. */
export function remarkInput(locale: BotLocale): Record<string, unknown> {
  const t = texts[locale];
  return { type: 'Input.Text', id: 'remarkText', label: t.remark, placeholder: t.remarkPlaceholder, isRequired: true, errorMessage: t.missingInput, isMultiline: true, maxLength: 4000 };
}

/** `fromDefault`: the date comes from a default rule, not the forum's stated terms: "(standardfrist)". */
export function deadlineLine(deadline: string, locale: BotLocale, fromDefault?: boolean): Record<string, unknown> {
  return textBlock(`**${texts[locale].deadline}:** ${formatInstant(deadline, locale)}${fromDefault ? ` ${texts[locale].defaultDeadline}` : ''}`, { isSubtle: true });
}

export function card(locale: BotLocale, body: Record<string, unknown>[], actions: Record<string, unknown>[], fallbackText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    lang: locale,
    body,
    ...(actions.length ? { actions } : {}),
    fallbackText,
    msteams: { width: 'Full' },
  };
}
