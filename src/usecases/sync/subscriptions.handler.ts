/**
 * Change notifications on the organizer mailboxes' events.
 *
 * 'm365.subscription-renew' (scheduled): every organizer mailbox has a
 * subscription that does not expire within the renewal margin; one that is
 * about to expire is renewed, one Graph no longer knows is made again.
 * 'm365.notification' {mailbox, subscriptionId, lifecycleEvent?}: the work
 * behind a notification the webhook acknowledged: a delta run for the mailbox;
 * `reauthorizationRequired` also renews the subscription, `subscriptionRemoved`
 * makes a new one, `missed` only needs the delta (which is a full catch-up).
 */
import { JOB, type JobPayload } from '../ports/jobs.port.js';
import { randomBytes } from 'node:crypto';
import { M365Error } from '../ports/m365.port.js';
import { allMailboxes, runCalendarDelta } from './calendar-delta.handler.js';
import type { SyncDeps } from './sync.ports.js';

/** Outlook event subscriptions live at most 4230 minutes; we ask for two days and renew with 12 hours left. */
export const SUBSCRIPTION_LIFETIME_MS = 48 * 3600_000;
export const RENEW_MARGIN_MS = 12 * 3600_000;

export type NotificationJob = JobPayload<typeof JOB.graphNotification>;

export type SubscriptionSummary = { created: string[]; renewed: string[]; kept: string[] };

export async function ensureSubscriptions(deps: SyncDeps, notificationUrl: string | undefined): Promise<SubscriptionSummary> {
  const summary: SubscriptionSummary = { created: [], renewed: [], kept: [] };
  if (!notificationUrl) return summary; // the server is not reachable from Graph: the scheduled delta does the work
  const now = deps.clock.now().getTime();
  const mailboxes = await allMailboxes(deps);
  const existing = await deps.transact(({ sync }) => sync.listSubscriptions());
  for (const mailbox of mailboxes) {
    const mine = existing.filter((s) => s.mailbox === mailbox);
    const current = mine.find((s) => Date.parse(s.expiresAt) > now);
    if (current && Date.parse(current.expiresAt) - now > RENEW_MARGIN_MS) {
      summary.kept.push(current.id);
      continue;
    }
    if (current && (await renew(deps, current.id))) {
      summary.renewed.push(current.id);
      continue;
    }
    for (const stale of mine) await deps.transact(({ sync }) => sync.deleteSubscription(stale.id));
    summary.created.push(await create(deps, mailbox, notificationUrl));
  }
  return summary;
}

async function create(deps: SyncDeps, mailbox: string, notificationUrl: string): Promise<string> {
  const clientState = randomBytes(24).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + SUBSCRIPTION_LIFETIME_MS).toISOString();
  const r = await deps.m365.subscriptions.subscribeToEvents({ mailbox, notificationUrl, lifecycleNotificationUrl: notificationUrl, clientState, expiresAt });
  await deps.transact(({ sync }) => sync.saveSubscription({ id: r.subscriptionId, mailbox, clientState, expiresAt: r.expiresAt }));
  return r.subscriptionId;
}

/** False when Graph no longer knows the subscription. */
async function renew(deps: SyncDeps, id: string): Promise<boolean> {
  const expiresAt = new Date(deps.clock.now().getTime() + SUBSCRIPTION_LIFETIME_MS).toISOString();
  try {
    const r = await deps.m365.subscriptions.renew(id, expiresAt);
    await deps.transact(async ({ sync }) => {
      const s = await sync.getSubscription(id);
      if (s) await sync.saveSubscription({ ...s, expiresAt: r.expiresAt });
    });
    return true;
  } catch (err) {
    if (err instanceof M365Error && err.kind === 'not-found') return false;
    throw err;
  }
}

export async function runNotification(deps: SyncDeps, job: NotificationJob, notificationUrl: string | undefined): Promise<void> {
  if (job.lifecycleEvent === 'reauthorizationRequired') {
    if (!(await renew(deps, job.subscriptionId))) await deps.transact(({ sync }) => sync.deleteSubscription(job.subscriptionId));
  }
  if (job.lifecycleEvent === 'subscriptionRemoved') {
    await deps.transact(({ sync }) => sync.deleteSubscription(job.subscriptionId));
  }
  if (job.lifecycleEvent) await ensureSubscriptions(deps, notificationUrl);
  await runCalendarDelta(deps, { mailbox: job.mailbox });
}
