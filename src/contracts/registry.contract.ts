/**
 * Responses of the registry routes (src/entry/http/routes/registry.routes.ts):
 * organisations, people, forums, forum kinds, terms of reference, memberships.
 *
 * The stored records are what their input schemas (src/domain/registry) let in,
 * with the id (and version) the registry gives them: the response schemas are
 * those input schemas' outputs, so they cannot drift apart. The tab imports the
 * types (`import type`), the server the schemas.
 */
import { z } from 'zod';
import { ForumInput, id, MembershipInput, OrganisationInput, PersonInput, TermsOfReferenceInput } from '../domain/registry/registry.model.js';
import { ForumKindInput } from '../domain/registry/forum-kind.model.js';

export const OrganisationResponse = OrganisationInput.extend({ id });
export type OrganisationResponse = z.output<typeof OrganisationResponse>;

/**
 * A person as the caller may see them: the contact details (email, entraObjectId,
 * tenantId) are left out where the access policy hides them; they are optional anyway.
 */
export const PersonResponse = PersonInput.extend({
  id,
  // As stored: the binding comes from a validated sign-in token (or an import), not through PersonInput's checks.
  email: z.string().optional(),
  entraObjectId: z.string().optional(),
  tenantId: z.string().optional(),
});
export type PersonResponse = z.output<typeof PersonResponse>;

export const ForumResponse = ForumInput.extend({ id });
export type ForumResponse = z.output<typeof ForumResponse>;

export type ForumNodeResponse = ForumResponse & { children: ForumNodeResponse[] };
export const ForumNodeResponse: z.ZodType<ForumNodeResponse> = ForumResponse.extend({
  get children() {
    return z.array(ForumNodeResponse);
  },
});

export const TermsResponse = TermsOfReferenceInput.extend({ id, forumId: id, version: z.number().int().min(1) });
export type TermsResponse = z.output<typeof TermsResponse>;

export const ForumKindResponse = ForumKindInput.extend({ builtIn: z.boolean().describe('Seeded with the product (still editable, never deleted)') });
export type ForumKindResponse = z.output<typeof ForumKindResponse>;

export const MembershipResponse = MembershipInput.safeExtend({ id });
export type MembershipResponse = z.output<typeof MembershipResponse>;

/** What the caller may do in a forum (the access policy's answer; the tab shows the secretariat's actions from it). */
export const ForumRights = z.object({
  member: z.boolean(),
  secretariat: z.boolean(),
  administer: z.boolean(),
  read: z.boolean().describe("Reads the forum's members and its list of meetings (also the region's secretariat)"),
  meetings: z.boolean().describe("Opens the forum's meetings: its members and the secretariat of a forum above it"),
});

/** GET /api/forums/:id */
export const ForumViewResponse = z.object({
  forum: ForumResponse,
  kind: ForumKindResponse.nullable().describe("The forum's kind from the catalogue; null for a kind not in it"),
  terms: TermsResponse.nullable(),
  parent: ForumResponse.nullable(),
  children: z.array(ForumResponse),
  rights: ForumRights,
});
export type ForumViewResponse = z.output<typeof ForumViewResponse>;

/** GET /api/forums/:id/members: a membership with its person (as the caller may see them) and organisation. */
export const MemberResponse = MembershipResponse.safeExtend({
  person: PersonResponse.nullable(),
  organisation: OrganisationResponse.nullable(),
});
export type MemberResponse = z.output<typeof MemberResponse>;

/** POST /api/forums */
export const ForumCreatedResponse = z.object({ forum: ForumResponse, terms: TermsResponse.optional() });
