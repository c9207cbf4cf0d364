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
 *   creates a region's top forum, administers any region and edits the
 *   catalogue of forum kinds; it gives no right to read a forum's closed material.
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
  /** The catalogue of forum kinds: any secretariat, or a tenant administrator. */
  canEditForumKinds(ctx: AccessContext): boolean {
    return access.isTenantAdmin(ctx) || access.canEditReferenceData(ctx);
  },
  canReadForum(ctx: AccessContext, forumId: string): boolean {
    // Members read their forum; the secretariat above reads it too.
    return activeIn(ctx, forumId) || access.canAdministerForum(ctx, forumId);
  },
};
