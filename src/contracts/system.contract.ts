/**
 * Responses of the system routes (src/entry/http/routes/system.routes.ts):
 * health, who am I, the dev sign-in, the audit log and the job queue's dead letters.
 */
import { z } from 'zod';
import { MembershipRole } from '../domain/registry/registry.model.js';
import { MembershipResponse, PersonResponse } from './registry.contract.js';

/** An RFC 9457 problem (application/problem+json), as every error is answered. */
export const ProblemResponse = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  detailDa: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});
export type ProblemResponse = z.output<typeof ProblemResponse>;

const HealthChecks = z.object({ database: z.string().describe('"ok" or what failed'), queue: z.string().describe('"ok", "off" or what failed') });
export const HealthResponse = z.object({ status: z.literal('ok'), checks: HealthChecks });
export const HealthProblemResponse = ProblemResponse.extend({ checks: HealthChecks });

/** GET /api/me */
export const MeResponse = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false), devSignIn: z.boolean() }),
  z.object({
    signedIn: z.literal(true),
    via: z.enum(['sso', 'dev']),
    person: PersonResponse,
    memberships: z.array(MembershipResponse),
    administersRegions: z.array(z.string()).describe("The regions (by name) whose secretariat the person is today: they prepare the region's transitions and edit its closed days; every region for a tenant administrator"),
    devSignIn: z.boolean(),
  }),
]);
export type MeResponse = z.output<typeof MeResponse>;

export const DevSignInResponse = z.object({ ok: z.literal(true), personId: z.string().nullable() });
export const DevPersonResponse = z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), roles: z.array(MembershipRole) });
export type DevPersonResponse = z.output<typeof DevPersonResponse>;

/** One event of the audit log. */
export const AuditEventResponse = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 8601 instant'),
  action: z.string(),
  outcome: z.enum(['ok', 'refused']),
  actorPersonId: z.string().optional(),
  forumId: z.string().optional(),
  target: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEventResponse = z.output<typeof AuditEventResponse>;

export const DeadLetterResponse = z.object({
  id: z.string(),
  queue: z.string(),
  originalJobId: z.string().nullable(),
  data: z.unknown().describe("The job's payload"),
  failedAt: z.string().describe('ISO 8601 instant'),
  error: z.unknown().describe('What the last attempt failed with'),
});
export const RetriedResponse = z.object({ retried: z.string() });
export const SelfTestResponse = z.object({ jobId: z.string().nullable() });
