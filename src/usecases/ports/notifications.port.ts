/**
 * Where notices go once their recipients are known: the bot's delivery store (one
 * durable delivery per notice key and recipient: a card in the channel, a card
 * in a member's Teams chat, else an e-mail). The bot module implements it with its
 * dispatcher; use cases never see bot/.
 */
import type { PlannedReminder } from '../../domain/reminders/reminder.model.js';

export interface NoticeSink {
  /** Adds the deliveries that are new (by key and recipient); returns how many were new. */
  enqueue(reminders: readonly PlannedReminder[]): Promise<number>;
  /** Asks for a delivery run (it may happen later, in another process). */
  deliverSoon(): Promise<void>;
}
