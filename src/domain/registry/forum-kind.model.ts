/**
 * The catalogue of forum kinds: data, not code. A secretariat (or a tenant
 * administrator) adds a kind through the API (`POST /api/forum-kinds`) and new
 * forums may use it at once; the planner, the tab and the terms import read
 * names and default rules from it.
 *
 * A kind's defaults say only what is known for every forum of the kind (for a
 * sundhedsråd: public, closed items by title). What is not known is left unset,
 * and the rules engine's documented defaults apply; a forum's own terms of
 * reference always win over its kind's defaults.
 */
import { z } from 'zod';
import type { TermsOfReference } from './registry.model.js';
import { ClosedItemDisplay, DeadlineRules, ForumKind, ForumLevel } from './registry.model.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export { ClosedItemDisplay } from './registry.model.js';

export const ForumKindDefaults = z
  .object({
    meetings: z
      .object({
        perYearMin: z.number().int().min(0).max(52).nullable().default(null),
        perYearMax: z.number().int().min(0).max(52).nullable().default(null),
        adHoc: z.boolean().default(false),
      })
      .superRefine((v, ctx) => {
        if (v.perYearMin !== null && v.perYearMax !== null && v.perYearMin > v.perYearMax) {
          ctx.addIssue({ code: 'custom', path: ['perYearMin'], message: `perYearMin (${v.perYearMin}) must not be greater than perYearMax (${v.perYearMax})` });
        }
      })
      .optional(),
    deadlines: DeadlineRules.optional(),
    /** Agendas and minutes are published on the public pages. */
    public: z.boolean().optional(),
    /** Closed items (lukkede punkter) in the public version: "Lukket punkt" with the item's number, or left out. */
    closedItems: ClosedItemDisplay.optional(),
    /** Publish a decisions-only protocol (beslutningsprotokol) instead of the full minutes. */
    decisionMinutes: z.boolean().optional(),
  })
  .default({});
export type ForumKindDefaults = z.output<typeof ForumKindDefaults>;

export const ForumKindInput = z.object({
  key: ForumKind,
  nameDa: text(200),
  nameEn: text(200),
  level: ForumLevel,
  /** A political body (sundhedsråd): open and closed items, a beslutningsprotokol. */
  political: z.boolean().default(false),
  descriptionDa: text(2000).optional(),
  descriptionEn: text(2000).optional(),
  defaults: ForumKindDefaults,
});
export type ForumKindInput = z.input<typeof ForumKindInput>;
export type ForumKindDef = z.output<typeof ForumKindInput> & {
  /** Seeded with the product (still editable, never deleted). */
  builtIn: boolean;
};

/** The body of PUT /api/forum-kinds/:key (the key is in the path). */
export const ForumKindUpdate = ForumKindInput.omit({ key: true });

/**
 * A forum's terms with its kind's defaults filled in where the terms leave a
 * rule unset (the terms always win). Without terms, the kind's defaults alone.
 * Returns which rules came from the kind, so a screen never shows a default as
 * the forum's own rule.
 */
export function withKindDefaults<T extends Pick<TermsOfReference, 'meetings' | 'deadlines' | 'publication' | 'decisionMinutes'>>(
  terms: T | undefined,
  kind: Pick<ForumKindDef, 'defaults'> | undefined,
): { meetings?: T['meetings']; deadlines?: T['deadlines']; fromKind: ('meetings' | 'deadlines' | 'publication')[] } {
  const d = kind?.defaults ?? {};
  const fromKind: ('meetings' | 'deadlines' | 'publication')[] = [];
  let meetings = terms?.meetings;
  const unsetCount = !meetings || (meetings.perYearMin === null && meetings.perYearMax === null);
  if (d.meetings && unsetCount && (d.meetings.perYearMin !== null || d.meetings.perYearMax !== null)) {
    meetings = {
      preferredWeekdays: [],
      ...(meetings ?? {}),
      perYearMin: d.meetings.perYearMin,
      perYearMax: d.meetings.perYearMax,
      adHoc: (meetings?.adHoc ?? false) || d.meetings.adHoc,
    } as T['meetings'];
    fromKind.push('meetings');
  }
  let deadlines = terms?.deadlines;
  if (d.deadlines) {
    const own = terms?.deadlines;
    const merged = {
      ...d.deadlines,
      ...Object.fromEntries(Object.entries(own ?? {}).filter(([, v]) => v !== undefined)),
      closedDayPolicy: { ...(d.deadlines.closedDayPolicy ?? {}), ...(own?.closedDayPolicy ?? {}) },
    } as T['deadlines'];
    if (JSON.stringify(merged) !== JSON.stringify(own)) fromKind.push('deadlines');
    deadlines = merged;
  }
  if (d.public !== undefined && !terms?.publication) fromKind.push('publication');
  return { ...(meetings ? { meetings } : {}), ...(deadlines ? { deadlines } : {}), fromKind };
}

/** Is the forum's material public: its own terms first, then its kind's default, else not. */
export function isPublicForum(terms: Pick<TermsOfReference, 'publication'> | undefined, kind: Pick<ForumKindDef, 'defaults'> | undefined): boolean {
  return terms?.publication?.public ?? kind?.defaults.public ?? false;
}
