/**
 * Who may do what, from forum roles alone (pure; the HTTP layer asks, use cases
 * enforce). Secretariat = chair, co-chair or secretary with an active membership.
 *
 * - A forum's secretariat, and the secretariat of any forum above it, administer
 *   it: its terms, members and sub-forums (a parent sets up its ad hoc groups).
 * - A forum's own secretariat edits its agendas and minutes.
 * - Members of a forum read it, propose items, answer attendance and remark.
 * - Anyone signed in who sits in some forum's secretariat may register
 *   organisations and people (they are shared reference data).
 * - A region's secretariat (of a top-level forum of the region, or of its joint
 *   secretariat) edits the region's extra closed days.
 * - A tenant administrator (platform role "tenant_admin", above the forums)
 *   creates regions and merges them, creates a region's top forum, administers
 *   any region and edits the catalogue of forum kinds; it gives no right to read
 *   a forum's closed material. A region's secretariat renames its region.
 * - The region's secretariat also edits the people of the region (a person's
 *   regions: those of the forums they sit in and of their organisation); a tenant
 *   administrator edits any person, releases a person's Entra binding (with a
 *   reason) and sees every dead-lettered job.
 * - Reads: members (and whoever administers the forum or its region) read a
 *   forum's members and meetings; a person's contact details (e-mail, Entra ids)
 *   are shown to the person, to people who share a forum with them, to whoever
 *   administers one of their forums or regions, and to an administrator.
 */
import { isActiveOn, secretariatRoles, type Forum, type Membership } from '../registry/registry.model.js';

export type AccessContext = {
  personId: string;
  memberships: readonly Membership[];
  forumsById: ReadonlyMap<string, Pick<Forum, 'id' | 'parentId' | 'region'> & { kind?: Forum['kind'] }>;
  today: string;
  /** Roles above the forums (platform_roles), e.g. "tenant_admin". */
  platformRoles?: readonly string[];
};

/** What the policy needs to know about a person someone reads or edits. */
export type PersonScope = {
  personId: string;
  /** Forums the person has a membership in (any dates). */
  forumIds: readonly string[];
  /** Forums the person has an active membership in today. */
  activeForumIds: readonly string[];
  /** Regions of the person's forums and of their organisation. */
  regions: readonly string[];
};

export const TENANT_ADMIN = 'tenant_admin';

function activeIn(ctx: AccessContext, forumId: string, roles?: readonly string[]): boolean {
  return ctx.memberships.some(
    (m) => m.personId === ctx.personId && m.forumId === forumId && isActiveOn(m, ctx.today) && (!roles || roles.includes(m.role)),
  );
}

function ancestorsAndSelf(ctx: AccessContext, forumId: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let cur: string | null | undefined = forumId;
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    cur = ctx.forumsById.get(cur)?.parentId;
  }
  return out;
}

export const access = {
  isSecretariatOf(ctx: AccessContext, forumId: string): boolean {
    return activeIn(ctx, forumId, secretariatRoles);
  },
  isMemberOf(ctx: AccessContext, forumId: string): boolean {
    return activeIn(ctx, forumId);
  },
  canAdministerForum(ctx: AccessContext, forumId: string): boolean {
    return ancestorsAndSelf(ctx, forumId).some((f) => activeIn(ctx, f, secretariatRoles));
  },
  isTenantAdmin(ctx: AccessContext): boolean {
    return (ctx.platformRoles ?? []).includes(TENANT_ADMIN);
  },
  /**
   * Creating a forum: administer its parent; a top-level forum: be a tenant
   * administrator or secretariat of a top-level forum of the region.
   */
  canCreateForum(ctx: AccessContext, parentId: string | null | undefined, region: string): boolean {
    if (parentId) return access.canAdministerForum(ctx, parentId);
    if (access.isTenantAdmin(ctx)) return true;
    return [...ctx.forumsById.values()].some((f) => !f.parentId && f.region === region && activeIn(ctx, f.id, secretariatRoles));
  },
  /**
   * The region's secretariat (edits its closed days): a chair, co-chair or secretary
   * of a top-level forum of the region (its Sundhedskoordinationsudvalg) or of its
   * joint secretariat (forum kind "joint_secretariat", the Fælles sekretariat).
   */
  canAdministerRegion(ctx: AccessContext, region: string): boolean {
    if (access.isTenantAdmin(ctx)) return true;
    const r = region.toLowerCase();
    return [...ctx.forumsById.values()].some(
      (f) => f.region.toLowerCase() === r && (!f.parentId || f.kind === 'joint_secretariat') && activeIn(ctx, f.id, secretariatRoles),
    );
  },
  canEditReferenceData(ctx: AccessContext): boolean {
    return ctx.memberships.some((m) => m.personId === ctx.personId && isActiveOn(m, ctx.today) && secretariatRoles.includes(m.role));
  },
  /** Creating regions and merging them (Hovedstaden + Sjælland -> Østdanmark): a tenant administrator. */
  canCreateOrMergeRegions(ctx: AccessContext): boolean {
    return access.isTenantAdmin(ctx);
  },
  /** Renaming a region: its secretariat, or a tenant administrator. */
  canRenameRegion(ctx: AccessContext, region: string): boolean {
    return access.canAdministerRegion(ctx, region);
  },
  /** The catalogue of forum kinds: any secretariat, or a tenant administrator. */
  canEditForumKinds(ctx: AccessContext): boolean {
    return access.isTenantAdmin(ctx) || access.canEditReferenceData(ctx);
  },
  /**
   * Opening the forum's meetings (agendas, minutes, attendance): its members and the secretariat of any forum
   * above it, the same rule as the meeting's own role check (`roleOf`). The region's secretariat and a tenant
   * administrator read the forum's list of meetings (`canReadForum`) but not the meetings themselves.
   */
  canOpenMeetings(ctx: AccessContext, forumId: string): boolean {
    return access.isMemberOf(ctx, forumId) || access.canAdministerForum(ctx, forumId);
  },
  canReadForum(ctx: AccessContext, forumId: string): boolean {
    // Members read their forum; the secretariat above it and the region's secretariat read it too.
    if (activeIn(ctx, forumId) || access.canAdministerForum(ctx, forumId)) return true;
    const region = ctx.forumsById.get(forumId)?.region;
    return Boolean(region && access.canAdministerRegion(ctx, region));
  },
  /** The tenant administrator (platform role "tenant_admin"). */
  isAdministrator(ctx: AccessContext): boolean {
    return access.isTenantAdmin(ctx);
  },
  /** A secretariat of some region (a top-level forum or a joint secretariat). */
  isRegionSecretariat(ctx: AccessContext): boolean {
    const regions = new Set([...ctx.forumsById.values()].map((f) => f.region));
    return [...regions].some((r) => access.canAdministerRegion(ctx, r));
  },
  /**
   * Editing a person (name, title, organisation, e-mail): an administrator, or the
   * secretariat of one of the person's regions (of any region while the person
   * belongs to none yet).
   */
  canEditPerson(ctx: AccessContext, target: PersonScope): boolean {
    if (access.isAdministrator(ctx)) return true;
    if (target.regions.length === 0) return access.isRegionSecretariat(ctx);
    return target.regions.some((r) => access.canAdministerRegion(ctx, r));
  },
  /** Re-binding a person's Entra identity (after the first sign-in bound it): administrators only. */
  canRebindIdentity(ctx: AccessContext): boolean {
    return access.isAdministrator(ctx);
  },
  /**
   * Seeing the person at all (name, title, organisation; to add them to a forum): whoever may see their contact
   * details, and a forum secretariat in one of the person's regions (any secretariat while the person has none).
   */
  canSeePerson(ctx: AccessContext, target: PersonScope): boolean {
    if (access.canSeeContactDetails(ctx, target)) return true;
    if (target.regions.length === 0) return access.canEditReferenceData(ctx);
    const regions = new Set(target.regions.map((r) => r.toLowerCase()));
    return ctx.memberships.some(
      (m) => m.personId === ctx.personId && isActiveOn(m, ctx.today) && secretariatRoles.includes(m.role) && regions.has((ctx.forumsById.get(m.forumId)?.region ?? '').toLowerCase()),
    );
  },
  /** Contact details (e-mail, Entra object id, tenant): the person, who shares a forum with them, who administers one of their forums or regions, an administrator. */
  canSeeContactDetails(ctx: AccessContext, target: PersonScope): boolean {
    if (target.personId === ctx.personId || access.isAdministrator(ctx)) return true;
    if (target.activeForumIds.some((f) => activeIn(ctx, f))) return true;
    if (target.forumIds.some((f) => access.canAdministerForum(ctx, f))) return true;
    return target.regions.some((r) => access.canAdministerRegion(ctx, r));
  },
  /** A dead-lettered job: of a forum the caller administers, asked for by the caller, or any for an administrator. */
  canSeeJob(ctx: AccessContext, job: { forumId?: string; requestedBy?: string }): boolean {
    if (access.isAdministrator(ctx)) return true;
    if (job.requestedBy && job.requestedBy === ctx.personId) return true;
    return Boolean(job.forumId && access.canAdministerForum(ctx, job.forumId));
  },
};
