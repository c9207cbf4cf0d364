/**
 * Every background job of Samraad: its name and its payload, as one catalogue.
 * Producers (use cases through the outbox, entry points through the queue) and
 * handlers are typed from it, and the queue adapter validates the payload on
 * both sides: a producer cannot enqueue a payload its handler would not read,
 * and a handler never runs on one (a job that fails validation dead-letters with
 * zod's reason). Retry policies per queue are in src/entry/jobs/queues.ts.
 */
import { z } from 'zod';
import { noticeKinds, type NoticeEvent } from '../../domain/notifications/notice.model.js';

const id = z.string().min(1).max(200);

/**
 * The job names, each written here once: code names a job as `JOB.meetingSync`, never by
 * its string, so a queue, a producer and a handler cannot drift apart.
 */
export const JOB = {
  forumSync: 'm365.forum-sync',
  meetingSync: 'm365.meeting-sync',
  documentSync: 'm365.document-sync',
  calendarDelta: 'm365.calendar-delta',
  secretariatNotice: 'm365.secretariat-notice',
  meetingChat: 'm365.meeting-chat',
  graphNotification: 'm365.notification',
  subscriptionRenew: 'm365.subscription-renew',
  reminderPlan: 'reminders.plan',
  reminderDeliver: 'reminders.deliver',
  minutesTacitApproval: 'minutes.tacit-approval',
  notice: 'notifications.notice',
  transitionsTakeEffect: 'transitions.take-effect',
  selfTest: 'system.self-test',
} as const;

export const jobCatalogue = {
  /** Mirror a forum into its Teams channel (src/usecases/sync/forum-sync.handler.ts). */
  [JOB.forumSync]: z.object({ forumId: id }),
  /**
   * Mirror a meeting into its Outlook event (meeting-sync.handler.ts). The handler
   * always syncs the meeting as it is now; `revision` and `change` say what caused
   * the job (logged, and shown in the dead-letter list).
   */
  [JOB.meetingSync]: z.object({
    meetingId: id,
    revision: z.number().int().positive().optional(),
    change: z.enum(['created', 'moved', 'updated', 'cancelled', 'agenda']).optional(),
  }),
  /** Upload an agenda, minutes or attachment version to the forum's SharePoint folder. */
  [JOB.documentSync]: z.object({
    meetingId: id,
    kind: z.enum(['agenda', 'minutes', 'attachment']),
    version: z.number().int().positive().optional(),
    path: z.string().min(1).max(1000).optional(),
  }),
  /** Read Outlook changes of one mailbox (or all) since the last delta link. */
  [JOB.calendarDelta]: z.object({ mailbox: z.string().min(1).optional() }),
  /** Tell the secretariat that a meeting was cancelled in Outlook, or made there and waits for confirmation. */
  [JOB.secretariatNotice]: z.object({ meetingId: id, mailbox: z.string().min(1), about: z.enum(['cancelled_in_outlook', 'created_in_outlook']).optional() }),
  /**
   * Post the agenda card (when the agenda is sent) or the minutes card (when they go out
   * for remarks) into the Teams meeting's chat, once per version (meeting-chat.handler.ts).
   */
  [JOB.meetingChat]: z.object({
    meetingId: id,
    /** 'start': the card at the meeting's start (agenda and referent), once per meeting; version 1. */
    about: z.enum(['agenda', 'minutes', 'start']),
    version: z.number().int().positive(),
    /** Minutes: when the remarks window closes (ISO instant). */
    remarksUntil: z.string().datetime({ offset: true }).optional(),
    /** Start: the start (ISO instant) the job was queued for; a meeting moved since is left to the job for its new start. */
    startsAt: z.string().datetime({ offset: true }).optional(),
  }),
  /** A Graph change notification, accepted by the webhook. */
  [JOB.graphNotification]: z.object({
    mailbox: z.string().min(1),
    subscriptionId: z.string().min(1),
    lifecycleEvent: z.string().optional(),
    eventId: z.string().optional(),
    receivedAt: z.string().optional(),
  }),
  /** Create or renew the Graph subscriptions. */
  [JOB.subscriptionRenew]: z.object({}),
  /** Plan the reminders (a meeting changed, or the schedule). */
  [JOB.reminderPlan]: z.object({ meetingId: id.optional() }),
  /** Send the reminder deliveries that are due. */
  [JOB.reminderDeliver]: z.object({}),
  /** Approve the minutes tacitly when the remarks window closed without objection. */
  [JOB.minutesTacitApproval]: z.object({ meetingId: id, version: z.number().int().positive() }),
  /** A notice (agenda sent, minutes out, meeting moved ...) to turn into deliveries (src/usecases/notifications). */
  [JOB.notice]: z.object({
    event: z.custom<NoticeEvent>(
      (v) => {
        const e = v as Partial<NoticeEvent> | null;
        return !!e && typeof e === 'object' && (noticeKinds as readonly string[]).includes(String(e.kind)) && typeof e.forumId === 'string' && typeof e.at === 'string' && typeof e.occurrence === 'string' && typeof e.deadline === 'string';
      },
      { message: 'must be a notice event (kind, forumId, at, occurrence, deadline)' },
    ),
  }),
  /** Daily: applied transitions whose effective date has come mark their forums ended (src/usecases/transitions). */
  [JOB.transitionsTakeEffect]: z.object({}),
  /** The self-test and the dead-letter test: a job that throws when asked to. */
  [JOB.selfTest]: z.object({ failing: z.boolean().optional(), requestedBy: z.string().min(1).max(64).optional() }),
} as const;

export type JobName = keyof typeof jobCatalogue;
export type JobPayload<N extends JobName> = z.output<(typeof jobCatalogue)[N]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalogue, name);
}

/** The payload as its handler will read it; throws a message naming the job and the field. */
export function parseJob<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const r = jobCatalogue[name].safeParse(data);
  if (!r.success) {
    const why = r.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new Error(`job "${name}": invalid payload (${why})`);
  }
  return r.data as JobPayload<N>;
}

/** Enqueue a job in the same transaction as the change that causes it (transactional outbox). */
export interface JobOutbox {
  enqueue<N extends JobName>(queue: N, data: JobPayload<N>, options?: { singletonKey?: string; startAfter?: Date }): Promise<void>;
}
