/** Helpers shared by the sync jobs: time conversion, who organizes, error bookkeeping. */
import { DateTime } from 'luxon';
import { localToday } from '../../domain/calendar/working-day.calendar.js';
import { isActiveOn, secretariatRoles, type Membership, type Person } from '../../domain/registry/registry.model.js';
import { M365Error } from '../ports/m365.port.js';
import type { RegistryStore } from '../ports/store.port.js';
import type { SyncDeps, SyncKind } from './sync.ports.js';

/** A local date and HH:MM in `zone` as a UTC ISO instant. */
export function localToUtc(date: string, time: string, zone: string): string {
  const d = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!d.isValid) throw new Error(`not a valid local time: ${date} ${time} (${zone})`);
  return d.toUTC().toISO({ suppressMilliseconds: false })!;
}

/** An instant as the local date and HH:MM in `zone`. */
export function utcToLocal(instant: string, zone: string): { date: string; time: string } {
  const d = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  return { date: d.toFormat('yyyy-MM-dd'), time: d.toFormat('HH:mm') };
}

export function today(deps: Pick<SyncDeps, 'clock' | 'settings'>): string {
  return localToday(deps.clock, deps.settings.timeZone);
}

export type ActiveMember = { membership: Membership; person: Person };

export async function activeMembers(registry: RegistryStore, forumId: string, day: string): Promise<ActiveMember[]> {
  const ms = (await registry.listMemberships({ forumId })).filter((m) => isActiveOn(m, day));
  const out: ActiveMember[] = [];
  for (const m of ms) {
    const person = await registry.getPerson(m.personId);
    if (person) out.push({ membership: m, person });
  }
  return out;
}

/** The configured service mailbox, else the forum's secretary's (then a chair's) e-mail. */
export function organizerOf(members: ActiveMember[], serviceMailbox: string | undefined): string | null {
  if (serviceMailbox) return serviceMailbox;
  for (const role of ['secretary', ...secretariatRoles]) {
    const m = members.find((x) => x.membership.role === role && x.person.email);
    if (m) return m.person.email!.toLowerCase();
  }
  return null;
}

/**
 * Runs one sync job for one object with its bookkeeping: the attempt is counted,
 * success is recorded by `fn`, a failure is recorded with its message. Retryable
 * failures (throttling, transient, unknown errors) are thrown again so the queue
 * retries and finally dead-letters the job; a permanent one (invalid, permission,
 * not found) stays visible as "failed" until someone retries it from the status view.
 */
export async function tracked(deps: SyncDeps, kind: SyncKind, localId: string, forumId: string | null, fn: () => Promise<void>): Promise<void> {
  await deps.transact(({ sync }) => sync.begin(kind, localId, forumId));
  try {
    await fn();
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await deps.transact(({ sync }) => sync.fail(kind, localId, message));
    if (err instanceof M365Error && !err.retryable) {
      deps.logger.warn(`${kind} ${localId}: sync failed permanently: ${message}`);
      return;
    }
    throw err;
  }
}

/** The Outlook category that files an event under a forum. */
export function forumCategoryName(forumName: string): string {
  return `Samraad · ${forumName}`.slice(0, 255);
}

export function forumPageUrl(publicUrl: string, forumId: string): string {
  return `${publicUrl}/#/forums/${encodeURIComponent(forumId)}`;
}

export function meetingPageUrl(publicUrl: string, meetingId: string): string {
  return `${publicUrl}/#/meetings/${encodeURIComponent(meetingId)}`;
}
