/**
 * The bot's turn logic: translates Teams activities into BotBackend calls and
 * renders the answers as Adaptive Cards. It owns no rules (deadlines, rights) and
 * decides nothing: refusals come from the backend and are only worded here.
 *
 * Handles: install/update events (stores where the bot can talk), the chat
 * commands in Danish and English, Universal Actions (invoke adaptiveCard/action)
 * and their Action.Submit fallback (a message whose value carries the verb).
 */
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Activity,
} from 'botbuilder';
import type { PlannedReminder, ReminderKind } from '../src/domain/reminders/reminder.model.js';
import { reminderKinds } from '../src/domain/reminders/reminder.model.js';
import { formatInstant, pickLocale, texts } from './bot.i18n.js';
import type { BotBackend, BotLocale, BotPerson, ConversationStore, Refusal, StoredConversation } from './bot.ports.js';
import { CARD_CONTENT_TYPE, cardVerbs, type AdaptiveCard, type CardActionData, type CardVerb, type LinkConfig } from './cards/card.common.js';
import { deadlinesCard, helpCard, messageCard, nextMeetingCard, tasksCard } from './cards/command.cards.js';
import { reminderCard } from './cards/reminder.card.js';
import { outlookMeetingCard } from './cards/notice.card.js';

export type BotLogger = { error(msg: string, ctx?: Record<string, unknown>): void; info?(msg: string, ctx?: Record<string, unknown>): void };

export type SamraadBotDeps = {
  backend: BotBackend;
  conversations: ConversationStore;
  links: LinkConfig;
  now: () => Date;
  log?: BotLogger;
};

export type Command = 'next_meeting' | 'my_deadlines' | 'my_tasks' | 'help';

const commandWords: [RegExp, Command, BotLocale][] = [
  [/^(næste|naeste) (møde|moede|mode)$/, 'next_meeting', 'da'],
  [/^next meeting$/, 'next_meeting', 'en'],
  [/^mine frister$/, 'my_deadlines', 'da'],
  [/^my deadlines$/, 'my_deadlines', 'en'],
  [/^mine opgaver$/, 'my_tasks', 'da'],
  [/^my tasks$/, 'my_tasks', 'en'],
  [/^(hjælp|hjaelp)$/, 'help', 'da'],
  [/^help$/, 'help', 'en'],
];

/** Recognises a command; the language of the words used wins over the client locale. */
export function parseCommand(text: string): { command: Command; locale: BotLocale } | null {
  const norm = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[?!.:]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, command, locale] of commandWords) if (re.test(norm)) return { command, locale };
  return null;
}

type ActionOutcome = { card: AdaptiveCard } | { message: string };

const isVerb = (v: unknown): v is CardVerb => typeof v === 'string' && (cardVerbs as readonly string[]).includes(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function tenantOfActivity(a: Partial<Activity>): string | undefined {
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** Strips Teams' ";messageid=..." suffix so a channel thread maps to its channel. */
const baseConversationId = (id: string): string => id.split(';')[0] ?? id;

export class SamraadBot extends TeamsActivityHandler {
  constructor(private readonly deps: SamraadBotDeps) {
    super();
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.remember(ctx);
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      const teamId = (ctx.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
      const id = teamId ?? ctx.activity.conversation?.id;
      if (id) await this.deps.conversations.remove(baseConversationId(id));
      await next();
    });
    this.onConversationUpdate(async (ctx, next) => {
      const botAdded = (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient?.id);
      const eventType = (ctx.activity.channelData as { eventType?: string } | undefined)?.eventType;
      if (botAdded || eventType === 'channelCreated' || eventType === 'channelRenamed' || eventType === 'channelRestored' || eventType === 'teamRenamed') {
        await this.remember(ctx);
      }
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await this.boundary(ctx, () => this.handleMessage(ctx));
      await next();
    });
  }

  /** Stores the conversation reference(s) of this activity: personal, team and channel. */
  private async remember(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const tenantId = tenantOfActivity(a);
    if (!tenantId || !a.conversation?.id) return;
    const reference = TurnContext.getConversationReference(a) as unknown as Record<string, unknown>;
    const updatedAt = this.deps.now().toISOString();
    const common = { tenantId, serviceUrl: a.serviceUrl, locale: a.locale, updatedAt };
    const channelData = (a.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string } };
    const type = a.conversation.conversationType;
    if (type === 'personal') {
      await this.deps.conversations.save({
        ...common,
        kind: 'personal',
        conversationId: a.conversation.id,
        aadObjectId: a.from?.aadObjectId,
        teamsUserId: a.from?.id,
        reference,
      });
      return;
    }
    const teamId = channelData.team?.id;
    if (type === 'channel' && teamId) {
      const conversationId = baseConversationId(a.conversation.id);
      await this.deps.conversations.save({
        ...common,
        kind: 'team',
        conversationId: teamId,
        teamId,
        teamsChannelId: teamId,
        reference: { ...reference, conversation: { ...(reference.conversation as object), id: teamId } },
      });
      const channelId = channelData.channel?.id ?? conversationId;
      if (channelId !== teamId) {
        await this.deps.conversations.save({
          ...common,
          kind: 'channel',
          conversationId: channelId,
          teamId,
          teamsChannelId: channelId,
          reference: { ...reference, conversation: { ...(reference.conversation as object), id: channelId } },
        });
      }
    }
  }

  private async person(ctx: TurnContext): Promise<BotPerson | null> {
    const aad = ctx.activity.from?.aadObjectId;
    const tenantId = tenantOfActivity(ctx.activity);
    if (!aad || !tenantId) return null;
    return this.deps.backend.personByAadObjectId(aad, tenantId);
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const value = ctx.activity.value as Record<string, unknown> | undefined;
    const locale = pickLocale(ctx.activity.locale);
    if (value && isVerb(value.verb)) {
      // Action.Submit fallback from a client without Universal Actions.
      const outcome = await this.runAction(ctx, value.verb, value, locale);
      await this.reply(ctx, outcome);
      return;
    }
    if (ctx.activity.conversation?.conversationType === 'personal') await this.remember(ctx);
    const text = TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '';
    const parsed = parseCommand(text);
    const lang = parsed?.locale ?? locale;
    const links = this.deps.links;
    if (!parsed || parsed.command === 'help') {
      await this.sendCard(ctx, helpCard(lang, links, parsed ? undefined : text.trim().slice(0, 80) || undefined));
      return;
    }
    const person = await this.person(ctx);
    if (!person) {
      await ctx.sendActivity(texts[lang].unknownPerson);
      return;
    }
    const b = this.deps.backend;
    if (parsed.command === 'next_meeting') await this.sendCard(ctx, nextMeetingCard(await b.nextMeeting(person.personId), lang, links));
    else if (parsed.command === 'my_deadlines') await this.sendCard(ctx, deadlinesCard(await b.myDeadlines(person.personId), lang, links));
    else await this.sendCard(ctx, tasksCard(await b.myTasks(person.personId), lang, links));
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(ctx.activity.locale);
    const verb = invokeValue.action?.verb;
    const data = (invokeValue.action?.data ?? {}) as Record<string, unknown>;
    let outcome: ActionOutcome;
    try {
      outcome = isVerb(verb) ? await this.runAction(ctx, verb, data, locale) : { message: texts[locale].notFound };
    } catch (e) {
      this.deps.log?.error('card action failed', { verb, error: String(e) });
      outcome = { message: texts[locale].error };
    }
    return 'card' in outcome
      ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: outcome.card as Record<string, unknown> }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: outcome.message as unknown as Record<string, unknown> };
  }

  private refusalText(r: Refusal, locale: BotLocale): string {
    const t = texts[locale];
    switch (r.refused) {
      case 'after_deadline':
        return t.afterDeadline(formatInstant(r.deadline, locale));
      case 'not_found':
        return t.notFound;
      case 'not_allowed':
        return t.notAllowed;
      case 'invalid':
        return t.invalid(r.reason);
      case 'already_decided':
        return r.confirmation === 'confirmed' ? t.outlook.alreadyConfirmed(r.byName) : t.outlook.alreadyRejected(r.byName);
    }
  }

  /** One card action, whether it came as Action.Execute or as the Action.Submit fallback. */
  private async runAction(ctx: TurnContext, verb: CardVerb, data: Record<string, unknown>, locale: BotLocale): Promise<ActionOutcome> {
    const t = texts[locale];
    const person = await this.person(ctx);
    if (!person) return { message: t.unknownPerson };
    const b = this.deps.backend;
    const meetingId = str(data.meetingId);
    const taskId = str(data.taskId);
    const pid = person.personId;
    let refusal: Refusal | undefined;
    let note: string | undefined;

    switch (verb) {
      case 'attend':
      case 'apologies': {
        if (!meetingId) return { message: t.notFound };
        const substitute = verb === 'apologies' ? str(data.substituteName) : undefined;
        // The note typed on the card goes with apologies only ("attending" clears a note).
        const apologiesNote = verb === 'apologies' ? str(data.apologiesNote) : undefined;
        const r = await b.answerAttendance(pid, meetingId, verb === 'attend' ? 'attending' : substitute ? 'substitute' : 'apologies', substitute, apologiesNote);
        if (!r.ok) refusal = r;
        else if (!str(data.key)) return { card: nextMeetingCard(r.meeting, locale, this.deps.links) };
        break;
      }
      case 'propose_item': {
        const title = str(data.itemTitle);
        if (!meetingId) return { message: t.notFound };
        if (!title) return { message: t.missingInput };
        const r = await b.proposeItem(pid, meetingId, { title, description: str(data.itemDescription) ?? '' });
        if (!r.ok) refusal = r;
        else note = t.itemProposed(title);
        break;
      }
      case 'remark': {
        const text = str(data.remarkText);
        if (!meetingId) return { message: t.notFound };
        if (!text) return { message: t.missingInput };
        const r = await b.remark(pid, meetingId, text);
        if (!r.ok) refusal = r;
        else note = t.remarkSaved;
        break;
      }
      case 'task_done': {
        if (!taskId) return { message: t.notFound };
        const r = await b.completeTask(pid, taskId);
        if (!r.ok) refusal = r;
        else if (!str(data.key)) return { card: tasksCard(await b.myTasks(pid), locale, this.deps.links) };
        break;
      }
      case 'outlook_confirm':
      case 'outlook_reject': {
        if (!meetingId || !b.decideOutlookMeeting) return { message: t.notFound };
        const r = await b.decideOutlookMeeting(pid, meetingId, verb === 'outlook_confirm' ? 'confirm' : 'reject');
        if (!r.ok) {
          if (r.refused === 'already_decided') return { message: r.confirmation === 'confirmed' ? t.outlook.alreadyConfirmed(r.byName) : t.outlook.alreadyRejected(r.byName) };
          if (r.refused === 'not_allowed') return { message: t.outlook.notAllowed };
          return { message: this.refusalText(r, locale) };
        }
        // The card, as this person now sees it: who decided, no buttons.
        const c = await this.outlookCard(data, meetingId, pid, locale, { confirmation: r.confirmation, byName: r.byName });
        return c ? { card: c } : { message: r.confirmation === 'confirmed' ? t.outlook.confirmedBy(r.byName) : t.outlook.rejectedBy(r.byName) };
      }
      case 'refresh': {
        // The Outlook card as it stands now (another secretary or the tab may have decided).
        if (str(data.kind) !== 'outlook_meeting_created') break;
        if (!meetingId || !b.outlookMeetingDecision) return { message: t.notFound };
        const r = await b.outlookMeetingDecision(pid, meetingId);
        if (!r.ok) return { message: r.refused === 'not_allowed' ? t.outlook.notAllowed : this.refusalText(r, locale) };
        const decided = r.confirmation === 'pending' ? undefined : { confirmation: r.confirmation, byName: r.byName ?? '?' };
        const c = await this.outlookCard(data, meetingId, pid, locale, decided, ctx.activity.from?.id);
        return c ? { card: c } : { message: t.notFound };
      }
    }
    if (refusal) return { message: this.refusalText(refusal, locale) };

    // Re-render the reminder card as this person now sees it.
    const kind = str(data.kind);
    const forumId = str(data.forumId);
    if (!kind || !forumId || !(reminderKinds as readonly string[]).includes(kind) || !str(data.key)) {
      return note ? { message: note } : { message: t.notFound };
    }
    const reminder: Pick<PlannedReminder, 'key' | 'kind' | 'forumId' | 'meetingId' | 'taskId' | 'deadline'> = {
      key: str(data.key)!,
      kind: kind as ReminderKind,
      forumId,
      meetingId,
      taskId,
      deadline: str(data.deadline) ?? this.deps.now().toISOString(),
    };
    const subject = await b.describeReminder(reminder, pid);
    if (!subject) return { message: t.notFound };
    const c = reminderCard({ reminder, subject, locale, links: this.deps.links, refreshForUserId: ctx.activity.from?.id });
    if (note) c.body.unshift({ type: 'TextBlock', text: note, wrap: true, color: 'Good', id: 'action-note' });
    return { card: c };
  }

  /** The Outlook meeting card as `personId` sees it now (decided or not); null when the card's forum or meeting is gone. */
  private async outlookCard(data: Record<string, unknown>, meetingId: string, personId: string, locale: BotLocale, decided?: { confirmation: 'confirmed' | 'rejected'; byName: string }, refreshForUserId?: string): Promise<AdaptiveCard | null> {
    const forumId = str(data.forumId);
    if (!forumId) return null;
    const reminder = { key: str(data.key) ?? `outlook|${meetingId}`, kind: 'outlook_meeting_created' as const, forumId, meetingId, deadline: str(data.deadline) ?? this.deps.now().toISOString() };
    const subject = await this.deps.backend.describeReminder(reminder, personId);
    return subject ? outlookMeetingCard({ reminder, subject, locale, links: this.deps.links, personal: true, decided, refreshForUserId }) : null;
  }

  private async reply(ctx: TurnContext, outcome: ActionOutcome): Promise<void> {
    if ('card' in outcome) await this.sendCard(ctx, outcome.card);
    else await ctx.sendActivity(outcome.message);
  }

  private async sendCard(ctx: TurnContext, c: AdaptiveCard): Promise<void> {
    await ctx.sendActivity({ type: 'message', attachments: [{ contentType: CARD_CONTENT_TYPE, content: c }] });
  }

  /** One error boundary per turn: log with context, answer in words, never go silent. */
  private async boundary(ctx: TurnContext, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.deps.log?.error('bot turn failed', { type: ctx.activity.type, conversation: ctx.activity.conversation?.id, error: String(e) });
      await ctx.sendActivity(texts[pickLocale(ctx.activity.locale)].error);
    }
  }
}

export type { StoredConversation };
