/**
 * Every job queue the product uses, with its retry policy. Queues are created at
 * start-up: on PGlite a queue cannot be created from inside a use case's
 * transaction (one connection), so enqueueing to an undeclared queue is refused.
 */
import type { QueueSpec } from '../../adapters/queue/job-queue.js';

export const queues = {
  forumSync: { name: 'm365.forum-sync', retryLimit: 8, retryDelay: 5, retryDelayMax: 900 },
  meetingSync: { name: 'm365.meeting-sync', retryLimit: 8, retryDelay: 5, retryDelayMax: 900 },
  documentSync: { name: 'm365.document-sync', retryLimit: 8, retryDelay: 5, retryDelayMax: 900 },
  calendarDelta: { name: 'm365.calendar-delta', retryLimit: 3, retryDelay: 30 },
  secretariatNotice: { name: 'm365.secretariat-notice', retryLimit: 6, retryDelay: 10, retryDelayMax: 900 },
  /** Waits for the meeting's event (its join link) when the agenda goes out before the event is written. */
  meetingChat: { name: 'm365.meeting-chat', retryLimit: 8, retryDelay: 10, retryDelayMax: 900 },
  graphNotification: { name: 'm365.notification', retryLimit: 5, retryDelay: 5 },
  subscriptionRenew: { name: 'm365.subscription-renew', retryLimit: 3, retryDelay: 60 },
  reminderPlan: { name: 'reminders.plan', retryLimit: 3, retryDelay: 10 },
  reminderDeliver: { name: 'reminders.deliver', retryLimit: 6, retryDelay: 5, retryDelayMax: 600 },
  minutesTacitApproval: { name: 'minutes.tacit-approval', retryLimit: 5, retryDelay: 30 },
  /** A notice (agenda sent, minutes out, meeting moved ...) turned into deliveries: src/usecases/notifications/notice.usecase.ts. */
  notice: { name: 'notifications.notice', retryLimit: 6, retryDelay: 5, retryDelayMax: 600 },
  /** Daily at 00:10 Copenhagen time: transitions take effect (their forums are marked ended). */
  transitionsTakeEffect: { name: 'transitions.take-effect', retryLimit: 3, retryDelay: 60 },
  /** Used by the self-test and the dead-letter test: a job that always throws. */
  selfTest: { name: 'system.self-test', retryLimit: 2, retryDelay: 1, retryDelayMax: 2 },
} satisfies Record<string, QueueSpec>;

export const allQueues: QueueSpec[] = Object.values(queues);
