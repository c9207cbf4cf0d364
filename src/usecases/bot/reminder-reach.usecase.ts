/**
 * How reminders reach people the bot has never talked to (issue 6, item 2), as two
 * ports of the dispatcher (src/usecases/ports/deliveries.port.ts, conversations.port.ts) built on the Microsoft 365 ports:
 *
 * - personalChatResolver: a member with an Entra object id and no stored 1:1
 *   conversation gets Samraad installed in their personal scope (if it is not
 *   already) and their chat with the bot looked up (TeamsAppsPort); the chat id is
 *   the bot's conversation id, sent to at the tenant's service URL (that of a
 *   conversation already stored for the tenant, else the configured one). No known
 *   service URL, or no chat to be had (not in the tenant, app blocked, no
 *   permission): null, and the dispatcher falls back to e-mail. Throttling and
 *   outages are thrown on, so the delivery is retried.
 * - reminderMailer: the dispatcher's MailPort on the Microsoft 365 MailPort
 *   (Graph sendMail from the configured sender mailbox). It reports whether a
 *   failure may still have sent the mail (`ambiguous`): the dispatcher never sends
 *   such a mail again. Graph's answers 429 and 503 are refusals (retried); 500, 502
 *   and 504, a lost connection and a timeout may hide a mail that went out.
 *
 * No botbuilder or Graph types here: plain ports both ways.
 */
import type { MailPort as ReminderMailPort, Recipient, SendOutcome } from '../ports/deliveries.port.js';
import type { StoredConversation } from '../ports/conversations.port.js';
import { M365Error, type MailPort, type TeamsAppsPort } from '../ports/m365.port.js';

type Log = { warn(msg: string, ctx?: Record<string, unknown>): void };

export type PersonalChatDeps = {
  teamsApps: TeamsAppsPort;
  /** The app's id in the Teams app catalog (teamsApp@odata.bind). */
  teamsAppId: string;
  /** The bot's app id, written into the stored reference (28:<id>) when known. */
  botId?: string;
  /** Service URL to reach this tenant's users: of a stored conversation, else configured; null when unknown. */
  serviceUrl(tenantId: string | undefined): Promise<{ serviceUrl: string; tenantId: string } | null>;
  clock: { now(): Date };
  log?: Log;
};

export function personalChatResolver(deps: PersonalChatDeps): (recipient: Recipient) => Promise<StoredConversation | null> {
  return async (recipient) => {
    if (!recipient.aadObjectId) return null;
    const where = await deps.serviceUrl(recipient.tenantId);
    if (!where) {
      deps.log?.warn('no Bot Framework service URL known for the tenant: cannot open a Teams chat', { personId: recipient.personId });
      return null;
    }
    let chat;
    try {
      chat = await deps.teamsApps.personalChat(recipient.aadObjectId, deps.teamsAppId);
    } catch (e) {
      if (e instanceof M365Error && !e.retryable) {
        deps.log?.warn('cannot install Samraad for the member or find their chat', { personId: recipient.personId, error: e.message });
        return null;
      }
      throw e;
    }
    if (!chat) return null;
    const tenantId = recipient.tenantId ?? where.tenantId;
    return {
      kind: 'personal',
      conversationId: chat.chatId,
      tenantId,
      serviceUrl: where.serviceUrl,
      aadObjectId: recipient.aadObjectId,
      reference: {
        channelId: 'msteams',
        serviceUrl: where.serviceUrl,
        conversation: { id: chat.chatId, conversationType: 'personal', tenantId },
        user: { aadObjectId: recipient.aadObjectId, name: recipient.displayName },
        ...(deps.botId ? { bot: { id: `28:${deps.botId}` } } : {}),
        // How the reference was found, for whoever reads the table.
        source: chat.installedNow ? 'graph-installed' : 'graph-existing-install',
      },
      updatedAt: deps.clock.now().toISOString(),
    };
  };
}

/** Network failures where the request never reached the server: safe to send again. */
const NOT_CONNECTED = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT|EHOSTUNREACH|ENETUNREACH)$/;

function causeCode(e: unknown): string | undefined {
  for (let c: unknown = e, i = 0; c && typeof c === 'object' && i < 5; c = (c as { cause?: unknown }).cause, i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

export function reminderMailer(deps: { mail: MailPort; from: string }): ReminderMailPort {
  return {
    async send(m): Promise<SendOutcome> {
      try {
        await deps.mail.sendMail({ from: deps.from, to: [m.to], subject: m.subject, html: m.html, saveToSentItems: true });
        return { ok: true };
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        if (e instanceof M365Error && e.status !== undefined) {
          const refused = e.status < 500 || e.status === 503;
          return { ok: false, status: e.status, error, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}), ...(refused ? {} : { ambiguous: true }) };
        }
        const code = causeCode(e);
        return { ok: false, status: 0, error, ...(code && NOT_CONNECTED.test(code) ? {} : { ambiguous: true }) };
      }
    },
  };
}
