/**
 * Every job queue the product uses, with its retry policy. Queues are created at
 * start-up: on PGlite a queue cannot be created from inside a use case's
 * transaction (one connection), so enqueueing to an undeclared queue is refused.
 */
import type { QueueSpec } from '../../adapters/queue/job-queue.js';
import { JOB } from '../../usecases/ports/jobs.port.js';

export const queues = {
  forumSync: { name: JOB.forumSync, retryLimit: 8, retryDelay: 5, retryDelayMax: 900 },
  meetingSync: { name: JOB.meetingSync, retryLimit: 8, retryDelay: 5, retryDelayMax: 900 },
  documentSync: { name: JOB.documentSync, retryLimit: 8, retryDelay: 5, retryDelayMax: 900 },
  calendarDelta: { name: JOB.calendarDelta, retryLimit: 3, retryDelay: 30 },
  secretariatNotice: { name: JOB.secretariatNotice, retryLimit: 6, retryDelay: 10, retryDelayMax: 900 },
  /** Waits for the meeting's event (its join link) when the agenda goes out before the event is written. */
  meetingChat: { name: JOB.meetingChat, retryLimit: 8, retryDelay: 10, retryDelayMax: 900 },
  graphNotification: { name: JOB.graphNotification, retryLimit: 5, retryDelay: 5 },
  subscriptionRenew: { name: JOB.subscriptionRenew, retryLimit: 3, retryDelay: 60 },
  reminderPlan: { name: JOB.reminderPlan, retryLimit: 3, retryDelay: 10 },
  reminderDeliver: { name: JOB.reminderDeliver, retryLimit: 6, retryDelay: 5, retryDelayMax: 600 },
  minutesTacitApproval: { name: JOB.minutesTacitApproval, retryLimit: 5, retryDelay: 30 },
  /** A notice (agenda sent, minutes out, meeting moved ...) turned into deliveries: src/usecases/notifications/notice.usecase.ts. */
  notice: { name: JOB.notice, retryLimit: 6, retryDelay: 5, retryDelayMax: 600 },
  /** Daily at 00:10 Copenhagen time: transitions take effect (their forums are marked ended). */
  transitionsTakeEffect: { name: JOB.transitionsTakeEffect, retryLimit: 3, retryDelay: 60 },
  /** Used by the self-test and the dead-letter test: a job that always throws. */
  selfTest: { name: JOB.selfTest, retryLimit: 2, retryDelay: 1, retryDelayMax: 2 },
} satisfies Record<string, QueueSpec>;

export const allQueues: QueueSpec[] = Object.values(queues);
