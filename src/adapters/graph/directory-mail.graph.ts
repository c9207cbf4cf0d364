/**
 * MailPort, DirectoryPort and ChangeSubscriptionsPort on Graph: small enough to share
 * a file. sendMail uses the action's parameter names exactly as the contract spells
 * them (Message, SaveToSentItems). Directory look-ups of many users go in `$batch`.
 */
import type { ChangeSubscriptionsPort, DirectoryPort, DirectoryUser, MailPort } from '../../usecases/ports/m365.port.js';
import type { BatchRequest, BatchResponse } from './graph-batch.helper.js';
import { toM365Error, type GraphHttp } from './graph.pipeline.js';

const enc = encodeURIComponent;
const USER_SELECT = '$select=id,displayName,mail,userPrincipalName';

export function createGraphMail(http: GraphHttp): MailPort {
  return {
    async sendMail(m) {
      const rcpt = (a: string) => ({ emailAddress: { address: a } });
      await http.json({
        method: 'POST',
        path: `/users/${enc(m.from)}/sendMail`,
        body: {
          Message: { subject: m.subject, body: { contentType: 'html', content: m.html }, toRecipients: m.to.map(rcpt), ...(m.cc?.length ? { ccRecipients: m.cc.map(rcpt) } : {}) },
          SaveToSentItems: m.saveToSentItems ?? true,
        },
      });
    },
  };
}

const toUser = (u: { id: string; displayName?: string | null; mail?: string | null; userPrincipalName?: string | null }): DirectoryUser => ({
  id: u.id,
  displayName: u.displayName ?? '',
  mail: u.mail ?? null,
  userPrincipalName: u.userPrincipalName ?? '',
});

export function createGraphDirectory(http: GraphHttp, batch: (r: BatchRequest[]) => Promise<BatchResponse[]>): DirectoryPort {
  return {
    async getUser(idOrMail) {
      const r = await http.request<{ id: string }>({ method: 'GET', path: `/users/${enc(idOrMail)}?${USER_SELECT}` });
      if (r.status === 404) return null;
      if (r.status !== 200) throw toM365Error({ method: 'GET', path: '/users/{id}' }, r);
      return toUser(r.body);
    },
    async getUsers(ids) {
      const unique = [...new Set(ids)];
      const answers = await batch(unique.map((id) => ({ method: 'GET', url: `/users/${enc(id)}?${USER_SELECT}` })));
      const out = new Map<string, DirectoryUser>();
      unique.forEach((id, i) => {
        const a = answers[i]!;
        if (a.status === 200) out.set(id, toUser(a.body as { id: string }));
        else if (a.status !== 404) throw toM365Error({ method: 'GET', path: '/users/{id} (batch)' }, { status: a.status, headers: new Headers(a.headers), body: a.body });
      });
      return out;
    },
  };
}

export function createGraphSubscriptions(http: GraphHttp): ChangeSubscriptionsPort {
  return {
    async subscribeToEvents(s) {
      const r = await http.json<{ id: string; expirationDateTime: string }>({
        method: 'POST',
        path: '/subscriptions',
        body: {
          changeType: 'created,updated,deleted',
          notificationUrl: s.notificationUrl,
          ...(s.lifecycleNotificationUrl ? { lifecycleNotificationUrl: s.lifecycleNotificationUrl } : {}),
          resource: `/users/${s.mailbox}/events`,
          expirationDateTime: s.expiresAt,
          clientState: s.clientState,
        },
      });
      return { subscriptionId: r.body.id, expiresAt: r.body.expirationDateTime };
    },
    async renew(id, expiresAt) {
      const r = await http.json<{ expirationDateTime: string }>({ method: 'PATCH', path: `/subscriptions/${enc(id)}`, body: { expirationDateTime: expiresAt } });
      return { expiresAt: r.body.expirationDateTime };
    },
    async remove(id) {
      const r = await http.request({ method: 'DELETE', path: `/subscriptions/${enc(id)}` });
      if (r.status !== 204 && r.status !== 404) throw toM365Error({ method: 'DELETE', path: '/subscriptions/{id}' }, r);
    },
  };
}
