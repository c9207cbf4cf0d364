/**
 * Regions as data (issue 15): list, create, rename, merge.
 *
 * - Create and merge: a tenant administrator. Rename: the region's secretariat
 *   or a tenant administrator. A refusal writes nothing (the HTTP layer audits
 *   refused attempts).
 * - Rename: the Danish name (and with it, unless a slug is given, the slug of
 *   the public address) changes; the former slug and name are kept, so the old
 *   address redirects and requests naming the old name still find the region.
 *   Forums, organisations, closed days and transitions follow the new name.
 * - Merge (Hovedstaden + Sjælland -> Østdanmark, into an existing region or a
 *   new one): every forum of the merged regions moves to the target with its
 *   history (meetings, minutes and audit are untouched: only the forum's region
 *   changes), the closed days of all of them apply to the target (a date both
 *   have keeps the target's label), organisations and transitions follow, and the
 *   merged region keeps its row with `mergedInto`, so its old addresses redirect.
 *
 * Each runs in one transaction with its audit entries (one per moved forum, in
 * the forum's log, and one for the region).
 */
import { access, type AccessContext } from '../../domain/access/access.policy.js';
import {
  findRegion,
  mergeClosedDays,
  mergeProblem,
  type Region,
  regionSlug,
  type RegionCreateInput,
  type RegionMergeInput,
  type RegionRenameInput,
  takenBy,
} from '../../domain/registry/region.model.js';
import { forbidden, invalid, notFound, UseCaseError } from '../use-case.errors.js';
import type { Actor, Clock, IdGenerator, Transact, UnitOfWork } from '../ports/store.port.js';

export type RegionDeps = { transact: Transact; ids: IdGenerator; clock: Clock; today: () => string };

export type RegionView = Region & { forumCount: number; publicPath: string; canRename: boolean };
export type RegionList = { regions: RegionView[]; canCreate: boolean; canMerge: boolean };
export type RegionMergeResult = {
  region: RegionView;
  created: boolean;
  merged: RegionView[];
  moved: { forums: string[]; closedDaysAdded: number; closedDaysAlreadyThere: number; organisations: number; transitions: number };
};

async function accessOf(uow: UnitOfWork, personId: string, today: string): Promise<AccessContext> {
  const [forums, memberships, platformRoles] = [await uow.registry.listForums(), await uow.registry.listMemberships({ personId }), await uow.registry.listPlatformRoles(personId)];
  return { personId, memberships, platformRoles, today, forumsById: new Map(forums.map((f) => [f.id, f])) };
}

function signedIn(actor: Actor, en: string, da: string): string {
  if (!actor.personId) throw new UseCaseError('unauthenticated', `Sign in to ${en}`, [], `Log ind for at ${da}`);
  return actor.personId;
}

async function views(uow: UnitOfWork, regions: Region[], ctx?: AccessContext): Promise<RegionView[]> {
  const forums = (await uow.registry.listForums()).filter((f) => f.status !== 'ended');
  return regions.map((r) => ({
    ...r,
    forumCount: forums.filter((f) => f.region === r.name).length,
    publicPath: `/offentlig/${r.slug}`,
    canRename: Boolean(ctx && !r.mergedInto && access.canRenameRegion(ctx, r.name)),
  }));
}

const conflict = (field: string, reason: string, da: string) => new UseCaseError('conflict', `${field}: ${reason}`, [{ field, reason }], da);

function refuseTaken(regions: Region[], wanted: { slug?: string; name?: string }, exceptId: string | undefined, prefix = '') {
  const hit = takenBy(regions, wanted, exceptId);
  if (!hit) return;
  if (hit.field === 'slug') throw conflict(`${prefix}slug`, `the address "${wanted.slug}" is (or was) used by ${hit.region.name}`, `Adressen "${wanted.slug}" bruges (eller blev brugt) af ${hit.region.name}`);
  throw conflict(`${prefix}name`, `the name "${wanted.name}" is (or was) used by another region`, `Navnet "${wanted.name}" bruges (eller blev brugt) af en anden region`);
}

/** Moves a region's closed days to another name: the union, the target's label kept on a date both have. */
async function moveClosedDays(uow: UnitOfWork, from: string, to: string): Promise<{ added: number; duplicates: number }> {
  const [target, source] = [await uow.closedDays.list({ region: to }), await uow.closedDays.list({ region: from })];
  const { add, duplicates } = mergeClosedDays(target, [source]);
  for (const d of add) await uow.closedDays.put({ region: to, date: d.date, label: d.label, ...(d.addedBy ? { addedBy: d.addedBy } : {}), addedAt: d.addedAt });
  for (const d of source) await uow.closedDays.remove(from, d.date);
  return { added: add.length, duplicates: duplicates.length };
}

export function regionUseCases({ transact, ids, clock, today }: RegionDeps) {
  const newRegion = async (uow: UnitOfWork, regions: Region[], input: RegionCreateInput, personId: string, prefix = ''): Promise<Region> => {
    const slug = input.slug ?? regionSlug(input.name);
    if (!slug) throw invalid(`${prefix}slug`, 'give a slug: the name has no letters a slug can be made of', 'Angiv en adresse (slug): navnet har ingen bogstaver den kan laves af');
    refuseTaken(regions, { slug, name: input.name }, undefined, prefix);
    const region: Region = { id: ids.newId('region'), slug, name: input.name, ...(input.nameEn ? { nameEn: input.nameEn } : {}), createdAt: clock.now().toISOString(), createdBy: personId, formerNames: [] };
    await uow.regions.insert(region);
    return region;
  };

  return {
    /** Every region (merged ones with `mergedInto`), with what the caller may do. */
    async list(actor: Actor): Promise<RegionList> {
      const personId = signedIn(actor, 'see the regions', 'se regionerne');
      return transact(async (uow) => {
        const ctx = await accessOf(uow, personId, today());
        return { regions: await views(uow, await uow.regions.list(), ctx), canCreate: access.canCreateOrMergeRegions(ctx), canMerge: access.canCreateOrMergeRegions(ctx) };
      });
    },

    /** One region by id, slug or name (current or former); a merged one as it is, with `mergedInto`. */
    async get(ref: string, actor: Actor): Promise<RegionView> {
      const personId = signedIn(actor, 'see the regions', 'se regionerne');
      return transact(async (uow) => {
        const regions = await uow.regions.list();
        const r = findRegion(regions, ref);
        if (!r) throw notFound('region', ref);
        return (await views(uow, [r], await accessOf(uow, personId, today())))[0]!;
      });
    },

    async create(input: RegionCreateInput, actor: Actor): Promise<RegionView> {
      const personId = signedIn(actor, 'create a region', 'oprette en region');
      return transact(async (uow) => {
        const ctx = await accessOf(uow, personId, today());
        if (!access.canCreateOrMergeRegions(ctx)) throw forbidden('Only a tenant administrator may create a region', 'Kun en administrator kan oprette en region');
        const region = await newRegion(uow, await uow.regions.list(), input, personId);
        await uow.audit.record({ actorPersonId: personId, action: 'region.create', target: region.id, outcome: 'ok', detail: { region: region.name, slug: region.slug, ...(region.nameEn ? { nameEn: region.nameEn } : {}) } });
        return (await views(uow, [region], ctx))[0]!;
      });
    },

    async rename(ref: string, input: RegionRenameInput, actor: Actor): Promise<RegionView> {
      const personId = signedIn(actor, 'rename a region', 'omdøbe en region');
      return transact(async (uow) => {
        const regions = await uow.regions.list();
        const r = findRegion(regions, ref);
        if (!r) throw notFound('region', ref);
        const ctx = await accessOf(uow, personId, today());
        if (!access.canRenameRegion(ctx, r.name)) throw forbidden("Only the region's secretariat or a tenant administrator may rename the region", 'Kun regionens sekretariat eller en administrator kan omdøbe regionen');
        if (r.mergedInto) {
          const into = regions.find((x) => x.id === r.mergedInto);
          throw new UseCaseError('invalid_state', `${r.name} is merged into ${into?.name ?? r.mergedInto}; rename that region instead`, [{ field: 'region', reason: 'is merged into another region' }], `${r.name} er lagt sammen med ${into?.name ?? 'en anden region'}; omdøb den region i stedet`);
        }
        const name = input.name ?? r.name;
        const slug = input.slug ?? (name !== r.name ? regionSlug(name) : r.slug);
        if (!slug) throw invalid('slug', 'give a slug: the name has no letters a slug can be made of', 'Angiv en adresse (slug): navnet har ingen bogstaver den kan laves af');
        refuseTaken(regions, { ...(slug !== r.slug ? { slug } : {}), ...(name.toLowerCase() !== r.name.toLowerCase() ? { name } : {}) }, r.id);
        const nameEn = input.nameEn === null ? undefined : (input.nameEn ?? r.nameEn);
        const now = clock.now().toISOString();
        let moved = { forums: 0, organisations: 0, transitions: 0, closedDays: 0 };
        if (name !== r.name || slug !== r.slug) await uow.regions.addFormerName(r.id, { slug: r.slug, name: r.name, until: now });
        if (slug !== r.slug) await uow.regions.removeFormerSlug(r.id, slug);
        if (name !== r.name) {
          // The row first (the name is unique), then everything that names the region.
          await uow.regions.update({ ...r, name, slug, ...(nameEn ? { nameEn } : { nameEn: undefined }) });
          const days = await moveClosedDays(uow, r.name, name);
          moved = { ...(await uow.regions.reassign(r.name, name)), closedDays: days.added };
        } else {
          await uow.regions.update({ ...r, slug, ...(nameEn ? { nameEn } : { nameEn: undefined }) });
        }
        const after = (await uow.regions.list()).find((x) => x.id === r.id)!;
        await uow.audit.record({
          actorPersonId: personId,
          action: 'region.rename',
          target: r.id,
          outcome: 'ok',
          detail: { region: after.name, from: { name: r.name, slug: r.slug, nameEn: r.nameEn ?? null }, to: { name: after.name, slug: after.slug, nameEn: after.nameEn ?? null }, moved },
        });
        return (await views(uow, [after], ctx))[0]!;
      });
    },

    async merge(input: RegionMergeInput, actor: Actor): Promise<RegionMergeResult> {
      const personId = signedIn(actor, 'merge regions', 'lægge regioner sammen');
      return transact(async (uow) => {
        const ctx = await accessOf(uow, personId, today());
        if (!access.canCreateOrMergeRegions(ctx)) throw forbidden('Only a tenant administrator may merge regions', 'Kun en administrator kan lægge regioner sammen');
        const regions = await uow.regions.list();
        const sources = input.regions.map((ref) => ({ ref, region: findRegion(regions, ref) }));
        const named = input.into !== undefined ? findRegion(regions, input.into) : undefined;
        const problem = mergeProblem(sources, named, input.into);
        if (problem) {
          const kind = /merged/.test(problem.reason) ? 'conflict' : 'validation';
          throw new UseCaseError(kind, `${problem.field}: ${problem.reason}`, [{ field: problem.field, reason: problem.reason }], problem.reasonDa);
        }
        const target = named ?? (await newRegion(uow, regions, input.newRegion!, personId, 'newRegion.'));
        const now = clock.now().toISOString();
        const before = await uow.registry.listForums();
        const moved: RegionMergeResult['moved'] = { forums: [], closedDaysAdded: 0, closedDaysAlreadyThere: 0, organisations: 0, transitions: 0 };
        for (const { region: source } of sources) {
          const s = source!;
          const forums = before.filter((f) => f.region === s.name);
          const days = await moveClosedDays(uow, s.name, target.name);
          const counts = await uow.regions.reassign(s.name, target.name);
          await uow.regions.update({ ...s, mergedInto: target.id, mergedAt: now });
          // Every moved forum's own log says where it went (its meetings, minutes and audit stay as they are).
          for (const f of forums) {
            await uow.audit.record({ actorPersonId: personId, action: 'region.merge', forumId: f.id, target: target.id, outcome: 'ok', detail: { region: target.name, from: s.name } });
          }
          moved.forums.push(...forums.map((f) => f.id));
          moved.closedDaysAdded += days.added;
          moved.closedDaysAlreadyThere += days.duplicates;
          moved.organisations += counts.organisations;
          moved.transitions += counts.transitions;
        }
        const mergedNames = sources.map((s) => s.region!.name);
        await uow.audit.record({ actorPersonId: personId, action: 'region.merge', target: target.id, outcome: 'ok', detail: { region: target.name, merged: mergedNames, created: !named, ...moved, forums: moved.forums.length } });
        // The merged regions' own logs (listed by their names) say it too.
        for (const n of mergedNames) await uow.audit.record({ actorPersonId: personId, action: 'region.merged_into', target: target.id, outcome: 'ok', detail: { region: n, into: target.name } });
        const after = await uow.regions.list();
        const [region, ...merged] = await views(uow, [after.find((x) => x.id === target.id)!, ...sources.map((s) => after.find((x) => x.id === s.region!.id)!)], ctx);
        return { region: region!, created: !named, merged, moved };
      });
    },
  };
}

export type RegionUseCases = ReturnType<typeof regionUseCases>;
