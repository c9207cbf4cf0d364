/**
 * Responses of the region routes (src/entry/http/routes/region.routes.ts):
 * regions as data (issue 15), with what the caller may do. The tab imports the
 * types (`import type`), the server the schemas.
 */
import { z } from 'zod';

export const RegionFormerName = z.object({
  slug: z.string(),
  name: z.string(),
  until: z.string().describe('When the region stopped being called this (ISO instant)'),
});

export const RegionResponse = z.object({
  id: z.string(),
  slug: z.string().describe('The region\'s part of the public address, /offentlig/<slug>'),
  name: z.string().describe('Danish name, as forums name the region'),
  nameEn: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string().optional(),
  mergedInto: z.string().optional().describe('The id of the region this one merged into'),
  mergedAt: z.string().optional(),
  formerNames: z.array(RegionFormerName).describe('Former slugs and names (renames), oldest first; their addresses redirect'),
  forumCount: z.number().int().describe('Active forums of the region'),
  publicPath: z.string().describe('The public page of the region'),
  canRename: z.boolean().describe("Whether the caller may rename the region (its secretariat or a tenant administrator; never a merged region)"),
});
export type RegionResponse = z.output<typeof RegionResponse>;

/** GET /api/regions */
export const RegionListResponse = z.object({
  regions: z.array(RegionResponse),
  canCreate: z.boolean().describe('Whether the caller may create regions (a tenant administrator)'),
  canMerge: z.boolean().describe('Whether the caller may merge regions (a tenant administrator)'),
});
export type RegionListResponse = z.output<typeof RegionListResponse>;

/** POST /api/regions/merge */
export const RegionMergeResponse = z.object({
  region: RegionResponse.describe('The region the others merged into'),
  created: z.boolean().describe('Whether that region was made by this merge'),
  merged: z.array(RegionResponse),
  moved: z.object({
    forums: z.array(z.string()).describe('Ids of the forums that moved, with their history'),
    closedDaysAdded: z.number().int(),
    closedDaysAlreadyThere: z.number().int().describe('Closed days the target had already (its label kept)'),
    organisations: z.number().int(),
    transitions: z.number().int(),
  }),
});
export type RegionMergeResponse = z.output<typeof RegionMergeResponse>;
