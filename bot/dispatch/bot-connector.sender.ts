/**
 * Sends one activity to one conversation through the Bot Connector REST API
 * (POST {serviceUrl}/v3/conversations/{id}/activities).
 *
 * Why not the SDK's ConnectorClient: its HTTP pipeline retries 429/5xx on its own,
 * which would hide throttling from the dispatcher and bypass the rate limiter and the
 * delivery states. Here every attempt is one request and its outcome is returned.
 * The token still comes from botbuilder's credential factory (bot-connector.token).
 */
import { hostAllowed, isLoopbackHost } from '../bot.config.js';
import type { SendOutcome } from '../bot.ports.js';

export type SendTarget = { serviceUrl: string; conversationId: string };

export interface ConversationSender {
  send(target: SendTarget, activity: Record<string, unknown>): Promise<SendOutcome>;
}

export type BotConnectorSenderOptions = {
  /** Allowed service URL hosts; empty + allowLoopback = embedded mode. */
  serviceUrlHosts: readonly string[];
  allowLoopback: boolean;
  /** Bearer token for the Bot Connector; undefined in embedded mode. */
  token: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function botConnectorSender(opts: BotConnectorSenderOptions): ConversationSender {
  const doFetch = opts.fetch ?? fetch;
  return {
    async send(target, activity) {
      let url: URL;
      try {
        url = new URL(`v3/conversations/${encodeURIComponent(target.conversationId)}/activities`, target.serviceUrl.endsWith('/') ? target.serviceUrl : `${target.serviceUrl}/`);
      } catch {
        return { ok: false, status: 400, error: 'invalid serviceUrl' };
      }
      const allowed = hostAllowed(url.hostname, opts.serviceUrlHosts) || (opts.allowLoopback && isLoopbackHost(url.hostname));
      if (!allowed || (url.protocol !== 'https:' && !isLoopbackHost(url.hostname))) {
        // Never send a bot token to a host we do not know.
        return { ok: false, status: 403, error: `service URL host ${url.hostname} not allowed` };
      }
      const token = await opts.token();
      try {
        const res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(activity),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        });
        const text = await res.text();
        if (res.ok) {
          let id: string | undefined;
          try {
            id = (JSON.parse(text) as { id?: string }).id;
          } catch {
            id = undefined;
          }
          return { ok: true, remoteId: id };
        }
        return { ok: false, status: res.status, retryAfterMs: retryAfterMs(res.headers.get('retry-after'), Date.now()), error: text.slice(0, 300) || res.statusText };
      } catch (e) {
        // Network errors and timeouts: status 0, treated as transient by the dispatcher.
        return { ok: false, status: 0, error: String(e) };
      }
    },
  };
}
