/**
 * Regions are data (issue 15, part 2): a region has a stable id, a slug (its part
 * of the public address, /offentlig/<slug>), a Danish name (what forums, closed
 * days and transitions name it by: "Region Midtjylland") and an optional English
 * name. A region can be renamed (its former slugs and names are kept, so old
 * addresses redirect) and merged into another (Hovedstaden + Sjælland ->
 * Østdanmark): the merged region keeps its row with `mergedInto`, and its forums,
 * closed days, organisations and transitions move to the region it merged into.
 *
 * Pure: the shapes, the slug of a name, how an address finds its region today,
 * the checks of a merge and the union of closed days.
 */
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** "Region Midtjylland" -> "midtjylland": the region's part of the public URL. */
export function regionSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\s*region\s+/, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // the accents NFKD split off (é -> e)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

export const RegionSlug = z
  .string()
  .min(1, 'must not be empty')
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters a-z, digits and single hyphens (e.g. "oestdanmark")');

/** How a region is named in an address or a request: its id, its slug (current or former) or its Danish name. */
export const RegionRef = z.string().trim().min(1, 'must not be empty').max(100);

export const RegionCreateInput = z.object({
  /** Danish name, as forums name the region ("Region Østdanmark"). */
  name: text(100),
  nameEn: text(100).optional(),
  /** Defaults to the slug of the name. */
  slug: RegionSlug.optional(),
});
export type RegionCreateInput = z.output<typeof RegionCreateInput>;

export const RegionRenameInput = z
  .object({
    name: text(100).optional(),
    /** null removes the English name. */
    nameEn: text(100).nullable().optional(),
    /** Defaults to the slug of the new name when the name changes. */
    slug: RegionSlug.optional(),
  })
  .refine((r) => r.name !== undefined || r.nameEn !== undefined || r.slug !== undefined, { message: 'give at least one of name, nameEn or slug', path: ['name'] });
export type RegionRenameInput = z.output<typeof RegionRenameInput>;

/**
 * Merge regions: every region in `regions` merges into `into` (an existing
 * region) or into a new region made from `newRegion`; exactly one of the two.
 */
export const RegionMergeInput = z
  .object({
    regions: z.array(RegionRef).min(1, 'name at least one region to merge').max(10),
    into: RegionRef.optional(),
    newRegion: RegionCreateInput.optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.into === undefined) === (m.newRegion === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['into'], message: 'give either into (an existing region) or newRegion (a new one), not both and not neither' });
    }
    if (m.newRegion && m.regions.length < 2) ctx.addIssue({ code: 'custom', path: ['regions'], message: 'a new region is made from at least two regions' });
  });
export type RegionMergeInput = z.output<typeof RegionMergeInput>;

/** A former slug and name of a region (kept after a rename, so old addresses redirect). */
export type RegionAlias = { slug: string; name: string; until: string };

export type Region = {
  id: string;
  slug: string;
  name: string;
  nameEn?: string;
  createdAt: string;
  createdBy?: string;
  /** The region this one merged into (then it has no forums of its own any more). */
  mergedInto?: string;
  mergedAt?: string;
  /** Former slugs and names (renames), oldest first. */
  formerNames: RegionAlias[];
};

const norm = (s: string) => s.trim().toLowerCase();

/** What naming and merging read of a region (the tab passes its API answers, the server its rows). */
export type RegionRef = Pick<Region, 'id' | 'slug' | 'name' | 'formerNames' | 'mergedInto'>;

/** The region a reference names as written (id, slug, name, former slug or former name), before following merges. */
export function findRegion<R extends RegionRef>(regions: readonly R[], ref: string): R | undefined {
  const r = norm(ref);
  return (
    regions.find((x) => x.id === ref.trim() || x.slug === r || norm(x.name) === r) ??
    regions.find((x) => x.formerNames.some((a) => a.slug === r || norm(a.name) === r)) ??
    // An address written from a name by the old rule ("/offentlig/midtjylland" for "Region Midtjylland").
    regions.find((x) => regionSlug(x.name) === r || x.formerNames.some((a) => regionSlug(a.name) === r))
  );
}

/** The region a region is today: itself, or the one it merged into (followed to the end). */
export function currentRegion<R extends RegionRef>(regions: readonly R[], region: R): R {
  const byId = new Map(regions.map((r) => [r.id, r]));
  let cur = region;
  const seen = new Set<string>();
  while (cur.mergedInto && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = byId.get(cur.mergedInto);
    if (!next) break;
    cur = next;
  }
  return cur;
}

/**
 * How a reference resolves today: the region it names now, and whether the
 * reference is that region's current slug (its public address; a former slug, a
 * name or a merged region's slug is not, and the public pages redirect it).
 */
export function resolveRegion<R extends RegionRef>(regions: readonly R[], ref: string): { region: R; current: boolean } | undefined {
  const found = findRegion(regions, ref);
  if (!found) return undefined;
  const region = currentRegion(regions, found);
  return { region, current: region.slug === ref.trim() };
}

/**
 * Every name a region has been known by: its own, its former names, and those of
 * the regions merged into it (and theirs). Old audit entries carry these.
 */
export function namesOf(regions: readonly Region[], region: Region): string[] {
  const out = new Set<string>([region.name, ...region.formerNames.map((a) => a.name)]);
  for (const r of regions) if (r.id !== region.id && currentRegion(regions, r).id === region.id) for (const n of [r.name, ...r.formerNames.map((a) => a.name)]) out.add(n);
  return [...out];
}

/** Where a name or slug is taken already (by another region's current or former name or slug); the name is checked first. */
export function takenBy(regions: readonly Region[], wanted: { slug?: string; name?: string }, exceptId?: string): { field: 'slug' | 'name'; region: Region } | undefined {
  for (const r of regions) {
    if (r.id === exceptId) continue;
    if (wanted.name && (norm(r.name) === norm(wanted.name) || r.formerNames.some((a) => norm(a.name) === norm(wanted.name!)))) return { field: 'name', region: r };
  }
  for (const r of regions) {
    if (r.id === exceptId) continue;
    if (wanted.slug && (r.slug === wanted.slug || r.formerNames.some((a) => a.slug === wanted.slug))) return { field: 'slug', region: r };
  }
  return undefined;
}

export type MergeProblem = { field: string; reason: string; reasonDa: string };

/**
 * The checks of a merge, given the regions the request names (resolved by
 * `findRegion`, undefined when unknown) and the target: every source exists, is
 * not merged already, is named once and is not the target; the target is not
 * merged itself. Returns the first problem, or nothing.
 */
export function mergeProblem(sources: readonly { ref: string; region: Region | undefined }[], target: Region | undefined, targetRef?: string): MergeProblem | undefined {
  if (targetRef !== undefined && !target) return { field: 'into', reason: `region "${targetRef}" does not exist`, reasonDa: `Regionen "${targetRef}" findes ikke` };
  if (target?.mergedInto) return { field: 'into', reason: `region "${target.name}" is merged into another region already`, reasonDa: `${target.name} er allerede lagt sammen med en anden region` };
  const seen = new Set<string>();
  for (const [i, s] of sources.entries()) {
    if (!s.region) return { field: `regions.${i}`, reason: `region "${s.ref}" does not exist`, reasonDa: `Regionen "${s.ref}" findes ikke` };
    if (s.region.mergedInto) return { field: `regions.${i}`, reason: `region "${s.region.name}" is merged already`, reasonDa: `${s.region.name} er allerede lagt sammen med en anden region` };
    if (target && s.region.id === target.id) return { field: `regions.${i}`, reason: 'a region cannot merge into itself', reasonDa: 'En region kan ikke lægges sammen med sig selv' };
    if (seen.has(s.region.id)) return { field: `regions.${i}`, reason: `region "${s.region.name}" is named twice`, reasonDa: `${s.region.name} er nævnt to gange` };
    seen.add(s.region.id);
  }
  return undefined;
}

type Day = { date: string; label: string };

/**
 * The closed days of a merged region: the union of its own and those of the
 * regions merged into it. A date both have keeps the target's label (or the
 * first source's when the target has none); `add` is what the target gains.
 */
export function mergeClosedDays<D extends Day>(target: readonly D[], sources: readonly (readonly D[])[]): { add: D[]; duplicates: D[] } {
  const have = new Set(target.map((d) => d.date));
  const add: D[] = [];
  const duplicates: D[] = [];
  for (const list of sources) {
    for (const d of list) {
      if (have.has(d.date)) duplicates.push(d);
      else {
        have.add(d.date);
        add.push(d);
      }
    }
  }
  add.sort((a, b) => a.date.localeCompare(b.date));
  return { add, duplicates };
}
