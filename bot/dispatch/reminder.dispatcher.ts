/**
 * Reminder dispatch, after Company Communicator: one durable delivery per
 * (reminder key, recipient), explicit states, claim before send, throttled retries,
 * a visible dead-letter list.
 *
 * What it does:
 * - enqueue(): turns planned reminders into deliveries (channel posts for
 *   forum-wide kinds, one per recipient for personal kinds); re-planning is harmless;
 * - run(): sends what is due. Each conversation has one sender at a time (its
 *   deliveries queue behind each other), the RateLimiter keeps every conversation and
 *   the tenant under Teams' documented limits, and the delivery is claimed right
 *   before sending, so a delivery already sent (or owned by another worker) is
 *   skipped. 429/412/502/503/504 and network errors are retried with exponential
 *   backoff and jitter, never sooner than Retry-After; after maxAttempts the delivery
 *   is failed (dead-letter). Other errors (403 blocked/uninstalled, 404) fail at once.
 *   People without a Teams conversation get an e-mail through MailPort when they
 *   have an address, else the delivery is marked unsupported.
 *
 * Members who have the app but never wrote to the bot are reached through the
 * optional resolvePersonalChat port (Graph installedApps/chat, implemented outside
 * bot/); when it finds no chat they get e-mail. When it throws (throttled, Graph
 * down) the delivery is retried like a failed send.
 *
 * Teams: a crash between a successful send and markSent can repeat that one
 * message on restart (the claim lease then expires), as in Company Communicator.
 * E-mail has no way to ask afterwards whether a mail went out, so it is at most
 * once instead: sendStartedAt is written before the mail is handed over; an
 * attempt that finds it set (the earlier one crashed, or its answer was lost on the
 * network) does not send again but dead-letters the delivery as "may have been
 * sent", where the secretariat sees it. A refusal the mail service answered (429,
 * 503...) clears it and is retried normally.
 */
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import { texts } from '../bot.i18n.js';
import type {
  BotBackend,
  BotLocale,
  ConversationStore,
  Delivery,
  DeliveryRoute,
  DeliveryStore,
  MailPort,
  NewDelivery,
  Recipient,
  RecipientDirectory,
  SendOutcome,
  StoredConversation,
} from '../bot.ports.js';
import { CARD_CONTENT_TYPE, type LinkConfig } from '../cards/card.common.js';
import { reminderCard } from '../cards/reminder.card.js';
import { reminderMail } from '../cards/reminder.mail.js';
import { noticeCard, noticeMail } from '../cards/notice.card.js';
import { isNotice } from '../../src/domain/notifications/notice.model.js';
import type { DispatchClock } from './dispatch.clock.js';
import type { SendRateLimiter } from '../../src/usecases/ports/rate-limit.port.js';
import type { ConversationSender } from './bot-connector.sender.js';

export const CHANNEL_RECIPIENT = 'channel';
export const retryableStatuses: readonly number[] = [0, 412, 429, 502, 503, 504];
/** How many delivery targets are looked up at once when a run takes in due deliveries. */
const RESOLVE_AT_ONCE = 16;

export type DispatcherDeps = {
  deliveries: DeliveryStore;
  conversations: ConversationStore;
  directory: RecipientDirectory;
  backend: Pick<BotBackend, 'describeReminder'>;
  sender: ConversationSender;
  mail?: MailPort;
  /**
   * For members who have the app but never wrote to the bot: finds (or installs and
   * finds) their 1:1 chat, e.g. through Graph installedApps/{id}/chat. Optional.
   * null: no chat can be had (then e-mail); a throw is a transient failure, retried
   * (an error with a numeric `status` and `retryAfterMs` is reported as such).
   */
  resolvePersonalChat?: (recipient: Recipient) => Promise<StoredConversation | null>;
  /** In-process (bot/dispatch/rate-limiter.ts) or shared by all processes (PostgreSQL). */
  limiter: SendRateLimiter;
  clock: DispatchClock;
  links: LinkConfig;
  newId: () => string;
  log?: { error(msg: string, ctx?: Record<string, unknown>): void };
};

export type DispatcherOptions = {
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How many deliveries are scheduled (waiting or sending) at once. */
  maxScheduled?: number;
  claimMs?: number;
  /** Longest pause between looks at the store while waiting for retries. */
  pollMs?: number;
  random?: () => number;
};

export type DispatchSummary = { sent: number; retried: number; failed: number; unsupported: number; skipped: number };

type Target =
  | { route: 'teams_personal' | 'teams_channel'; key: string; tenantId: string; conversation: StoredConversation; locale: BotLocale; personId?: string; teamsUserId?: string }
  | { route: 'email'; key: string; email: string; locale: BotLocale; personId: string }
  | { route: 'unsupported'; reason: string }
  | { route: 'retry'; status: number; error: string; retryAfterMs?: number };

const iso = (ms: number): string => new Date(ms).toISOString();

export class ReminderDispatcher {
  private readonly o: Required<DispatcherOptions>;

  constructor(
    private readonly d: DispatcherDeps,
    options: DispatcherOptions = {},
  ) {
    this.o = {
      maxAttempts: options.maxAttempts ?? 6,
      baseBackoffMs: options.baseBackoffMs ?? 2_000,
      maxBackoffMs: options.maxBackoffMs ?? 10 * 60_000,
      maxScheduled: options.maxScheduled ?? 500,
      claimMs: options.claimMs ?? 5 * 60_000,
      pollMs: options.pollMs ?? 5_000,
      random: options.random ?? Math.random,
    };
  }

  /** One delivery per (reminder, recipient). Returns how many deliveries were new. */
  async enqueue(reminders: readonly PlannedReminder[]): Promise<number> {
    const rows: NewDelivery[] = [];
    for (const r of reminders) {
      const recipients = r.audience === 'channel' ? [CHANNEL_RECIPIENT] : [...new Set(r.recipientIds)];
      for (const recipientId of recipients) rows.push({ id: this.d.newId(), key: r.key, recipientId, reminder: r, notBefore: r.sendAt });
    }
    return rows.length ? this.d.deliveries.addPending(rows) : 0;
  }

  /**
   * Sends everything due. With untilIdle, also waits for retries that fall due
   * and returns when no delivery is pending or retrying (or maxWaitMs has passed).
   */
  async run(opts: { untilIdle?: boolean; maxWaitMs?: number } = {}): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, retried: 0, failed: 0, unsupported: 0, skipped: 0 };
    const deadline = this.d.clock.now() + (opts.maxWaitMs ?? Number.POSITIVE_INFINITY);
    for (;;) {
      await this.runDue(summary);
      if (!opts.untilIdle) return summary;
      const next = await this.d.deliveries.nextDueAt();
      if (next === null) return summary;
      // Never spin (a row another worker is sending is due but not claimable), and never sleep
      // past pollMs: that other worker may finish, or fail and hand the row back, any moment.
      const wait = Math.min(Math.max(Date.parse(next) - this.d.clock.now(), 50), this.o.pollMs);
      if (this.d.clock.now() + wait > deadline) return summary;
      await this.d.clock.sleep(wait);
    }
  }

  private async runDue(summary: DispatchSummary): Promise<void> {
    const scheduled = new Set<string>();
    const chains = new Map<string, { queue: Array<{ delivery: Delivery; target: Target }>; running: boolean }>();
    let wake: (() => void) | undefined;
    let exhausted = false;

    const finished = (id: string): void => {
      scheduled.delete(id);
      // Refill in bulk (half empty) rather than per delivery: each refill is a store query.
      if (scheduled.size <= this.o.maxScheduled / 2) wake?.();
    };

    const runChain = async (key: string): Promise<void> => {
      const chain = chains.get(key)!;
      chain.running = true;
      while (chain.queue.length) {
        const { delivery, target } = chain.queue.shift()!;
        try {
          await this.deliver(delivery, target, summary);
        } catch (e) {
          this.d.log?.error('delivery crashed', { id: delivery.id, error: String(e) });
        } finally {
          finished(delivery.id);
        }
      }
      chain.running = false;
      chains.delete(key);
    };

    const feed = async (): Promise<void> => {
      const room = this.o.maxScheduled - scheduled.size;
      if (room <= 0) return;
      const due = await this.d.deliveries.due(iso(this.d.clock.now()), room + scheduled.size);
      const fresh = due.filter((x) => !scheduled.has(x.id)).slice(0, room);
      if (fresh.length === 0) {
        exhausted = true;
        return;
      }
      for (const delivery of fresh) scheduled.add(delivery.id);
      // Targets are looked up a few at a time (each is a store read); each batch is queued in due
      // order before the next is looked up, so one conversation's deliveries still go out in order.
      for (let i = 0; i < fresh.length; i += RESOLVE_AT_ONCE) {
        const batch = fresh.slice(i, i + RESOLVE_AT_ONCE);
        const targets = await Promise.all(
          batch.map((delivery) =>
            this.resolve(delivery).catch((e: unknown) => {
              this.d.log?.error('cannot resolve delivery target', { id: delivery.id, error: String(e) });
              return null;
            }),
          ),
        );
        for (const [j, delivery] of batch.entries()) {
          const target = targets[j];
          if (!target) {
            finished(delivery.id);
            continue;
          }
          const key = target.route === 'unsupported' || target.route === 'retry' ? `u:${delivery.id}` : target.key;
          let chain = chains.get(key);
          if (!chain) chains.set(key, (chain = { queue: [], running: false }));
          chain.queue.push({ delivery, target });
          if (!chain.running) void runChain(key);
        }
      }
    };

    for (;;) {
      exhausted = false;
      await feed();
      if (exhausted && scheduled.size === 0) return;
      // Wait until some delivery finishes (room to feed) or, if nothing new was due, until all are done.
      await new Promise<void>((r) => {
        wake = r;
        if (!exhausted && scheduled.size < this.o.maxScheduled / 2) r();
      });
      wake = undefined;
    }
  }

  private async resolve(delivery: Delivery): Promise<Target> {
    const r = delivery.reminder;
    if (delivery.recipientId === CHANNEL_RECIPIENT) {
      const where = await this.d.directory.forumChannel(r.forumId);
      if (!where) return { route: 'unsupported', reason: 'forum has no Teams channel' };
      let conv = await this.d.conversations.findChannel(where.teamsChannelId);
      if (!conv) {
        const team = await this.d.conversations.findTeam(where.teamId);
        if (team) {
          // Posting to a channel of a team where the app is installed needs only the channel id.
          const ref = team.reference as { conversation?: Record<string, unknown> };
          conv = { ...team, kind: 'channel', conversationId: where.teamsChannelId, teamsChannelId: where.teamsChannelId, reference: { ...team.reference, conversation: { ...ref.conversation, id: where.teamsChannelId } } };
        }
      }
      if (!conv) return { route: 'unsupported', reason: 'the app is not installed in the forum\'s team' };
      return { route: 'teams_channel', key: `${conv.tenantId}|${conv.conversationId}`, tenantId: conv.tenantId, conversation: conv, locale: 'da' };
    }
    const person = await this.d.directory.person(delivery.recipientId);
    if (!person) return { route: 'unsupported', reason: 'unknown person' };
    const locale: BotLocale = person.locale ?? 'da';
    let conv = person.aadObjectId ? await this.d.conversations.findPersonal(person.aadObjectId) : null;
    if (!conv && person.aadObjectId && this.d.resolvePersonalChat) {
      try {
        conv = await this.d.resolvePersonalChat(person);
      } catch (e) {
        const err = e as { status?: unknown; retryAfterMs?: unknown };
        return {
          route: 'retry',
          status: typeof err.status === 'number' ? err.status : 0,
          error: `finding the member's Teams chat failed: ${e instanceof Error ? e.message : String(e)}`,
          ...(typeof err.retryAfterMs === 'number' ? { retryAfterMs: err.retryAfterMs } : {}),
        };
      }
      if (conv) await this.d.conversations.save(conv);
    }
    if (conv) {
      return { route: 'teams_personal', key: `${conv.tenantId}|${conv.conversationId}`, tenantId: conv.tenantId, conversation: conv, locale, personId: person.personId, teamsUserId: conv.teamsUserId };
    }
    // A Teams-only notice (the secretariat's card for a meeting made in Outlook): those without Teams are told by e-mail elsewhere.
    if (delivery.reminder.notice?.teamsOnly === true) return { route: 'unsupported', reason: 'a Teams card only; people without Teams are told by e-mail otherwise' };
    if (person.email && this.d.mail) return { route: 'email', key: `mail|${person.email.toLowerCase()}`, email: person.email, locale, personId: person.personId };
    return { route: 'unsupported', reason: person.email ? 'no Teams conversation and no mail sender' : 'no Teams conversation and no e-mail address' };
  }

  private async deliver(delivery: Delivery, target: Target, summary: DispatchSummary): Promise<void> {
    const { deliveries, clock, limiter } = this.d;
    if (target.route === 'unsupported') {
      if (await deliveries.claim(delivery.id, iso(clock.now()), iso(clock.now() + this.o.claimMs))) {
        await deliveries.markUnsupported(delivery.id, target.reason);
        summary.unsupported++;
      } else summary.skipped++;
      return;
    }
    if (target.route === 'retry') {
      const claimed = await deliveries.claim(delivery.id, iso(clock.now()), iso(clock.now() + this.o.claimMs));
      if (!claimed) {
        summary.skipped++;
        return;
      }
      // Not a refusal of this message: retried while attempts last, whatever the status.
      await this.afterFailure(delivery.id, claimed.attempts, { ok: false, status: retryableStatuses.includes(target.status) ? target.status : 0, error: target.error, ...(target.retryAfterMs !== undefined ? { retryAfterMs: target.retryAfterMs } : {}) }, summary);
      return;
    }
    const personId = target.personId;
    const subject = await this.d.backend.describeReminder(delivery.reminder, personId);
    if (!subject) {
      if (await deliveries.claim(delivery.id, iso(clock.now()), iso(clock.now() + this.o.claimMs))) {
        await deliveries.markUnsupported(delivery.id, 'the reminder\'s subject no longer exists');
        summary.unsupported++;
      } else summary.skipped++;
      return;
    }

    // Claim right before sending: a delivery sent or taken by someone else meanwhile is skipped.
    // With a limiter shared by several processes, claim before the wait instead: two processes
    // that both fetched this delivery must not both spend a turn of the tenant's rate on it.
    const claimFirst = limiter.shared === true && target.route !== 'email';
    if (target.route !== 'email' && !claimFirst) await limiter.acquire(target.key, target.tenantId);
    const claimedUntil = clock.now() + this.o.claimMs;
    const claimed = await deliveries.claim(delivery.id, iso(clock.now()), iso(claimedUntil));
    if (!claimed) {
      summary.skipped++;
      return;
    }
    if (claimFirst) {
      await limiter.acquire(target.key, target.tenantId);
      // A wait that ate the claim (the lease is about to run out) could let another worker send it too.
      if (clock.now() > claimedUntil - 5_000) {
        summary.skipped++;
        return;
      }
    }

    let outcome: SendOutcome;
    let route: DeliveryRoute;
    if (target.route === 'email') {
      if (claimed.sendStartedAt) {
        // An earlier attempt handed this mail over and never recorded the outcome.
        await deliveries.markFailed(delivery.id, 0, `an earlier attempt (started ${claimed.sendStartedAt}) may have sent this e-mail; not sent again to avoid a duplicate`);
        summary.failed++;
        return;
      }
      await deliveries.markSending(delivery.id, iso(clock.now()));
    }
    try {
      if (target.route === 'email') {
        route = 'email';
        const mail = isNotice(delivery.reminder) ? noticeMail({ reminder: delivery.reminder, subject, links: this.d.links }) : reminderMail({ reminder: delivery.reminder, subject, links: this.d.links });
        outcome = await this.d.mail!.send({ to: target.email, ...mail, idempotencyKey: `${delivery.reminder.key}|${delivery.recipientId}` });
      } else {
        route = target.route;
        const card = isNotice(delivery.reminder)
          ? noticeCard({
              reminder: delivery.reminder,
              subject,
              locale: target.locale,
              links: this.d.links,
              personal: target.route === 'teams_personal',
              refreshForUserId: target.route === 'teams_personal' ? target.teamsUserId : undefined,
              teamsChannelId: target.route === 'teams_channel' ? target.conversation.teamsChannelId : undefined,
            })
          : reminderCard({
          reminder: delivery.reminder,
          subject,
          locale: target.locale,
          links: this.d.links,
          refreshForUserId: target.route === 'teams_personal' ? target.teamsUserId : undefined,
          teamsChannelId: target.route === 'teams_channel' ? target.conversation.teamsChannelId : undefined,
        });
        outcome = await this.d.sender.send(
          { serviceUrl: target.conversation.serviceUrl, conversationId: target.conversation.conversationId },
          {
            type: 'message',
            summary: texts[target.locale].reminderTitle[delivery.reminder.kind],
            attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
          },
        );
      }
    } catch (e) {
      route = target.route === 'email' ? 'email' : target.route;
      // What the mail port threw is not known to have left the mail unsent.
      outcome = { ok: false, status: 0, error: String(e), ...(target.route === 'email' ? { ambiguous: true } : {}) };
    }

    const now = clock.now();
    if (outcome.ok) {
      await deliveries.markSent(delivery.id, iso(now), route, outcome.remoteId);
      summary.sent++;
      return;
    }
    if (outcome.status === 429 && outcome.retryAfterMs !== undefined && target.route !== 'email') {
      await limiter.blockConversation(target.key, now + outcome.retryAfterMs);
    }
    if (target.route === 'email' && outcome.ambiguous) {
      await deliveries.markFailed(delivery.id, outcome.status, `the e-mail may have been sent (${outcome.error}); not sent again to avoid a duplicate`);
      summary.failed++;
      return;
    }
    await this.afterFailure(delivery.id, claimed.attempts, outcome, summary);
  }

  /** Retry with backoff (never sooner than Retry-After) while attempts last and the status is transient; else dead-letter. */
  private async afterFailure(id: string, attempts: number, outcome: Extract<SendOutcome, { ok: false }>, summary: DispatchSummary): Promise<void> {
    const { deliveries, clock } = this.d;
    const now = clock.now();
    if (retryableStatuses.includes(outcome.status) && attempts < this.o.maxAttempts) {
      const exp = Math.min(this.o.maxBackoffMs, this.o.baseBackoffMs * 2 ** (attempts - 1));
      const backoff = exp / 2 + (this.o.random() * exp) / 2;
      const wait = Math.max(backoff, outcome.retryAfterMs ?? 0);
      await deliveries.markRetrying(id, iso(now + wait), outcome.status, outcome.error);
      summary.retried++;
      return;
    }
    await deliveries.markFailed(id, outcome.status, outcome.error);
    summary.failed++;
  }
}
