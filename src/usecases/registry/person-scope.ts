/**
 * Where a person belongs, for the access policy and the audit: the forums they
 * sit in (all dates, and today) and their regions (of those forums and of their
 * organisation). One read of memberships, forums and organisations serves any
 * number of people.
 */
import { isActiveOn, type Forum, type Membership, type Organisation, type Person } from '../../domain/registry/registry.model.js';
import type { PersonScope } from '../../domain/access/access.policy.js';
import type { AuditEntry, AuditStore, RegistryStore } from '../ports/store.port.js';

export type ScopeData = { memberships: readonly Membership[]; forums: readonly Forum[]; organisations: readonly Organisation[] };

export async function loadScopeData(reg: RegistryStore): Promise<ScopeData> {
  const [memberships, forums, organisations] = await Promise.all([reg.listMemberships(), reg.listForums(), reg.listOrganisations()]);
  return { memberships, forums, organisations };
}

export function scopesOf(data: ScopeData, people: readonly Pick<Person, 'id' | 'organisationId'>[], today: string): Map<string, PersonScope> {
  const forumById = new Map(data.forums.map((f) => [f.id, f]));
  const orgById = new Map(data.organisations.map((o) => [o.id, o]));
  const byPerson = new Map<string, Membership[]>();
  for (const m of data.memberships) {
    const list = byPerson.get(m.personId) ?? [];
    list.push(m);
    byPerson.set(m.personId, list);
  }
  const out = new Map<string, PersonScope>();
  for (const p of people) {
    const ms = byPerson.get(p.id) ?? [];
    const forumIds = [...new Set(ms.map((m) => m.forumId))];
    const activeForumIds = [...new Set(ms.filter((m) => isActiveOn(m, today)).map((m) => m.forumId))];
    const regions = new Set<string>();
    for (const f of forumIds) {
      const r = forumById.get(f)?.region;
      if (r) regions.add(r);
    }
    const orgRegion = p.organisationId ? orgById.get(p.organisationId)?.region : undefined;
    if (orgRegion) regions.add(orgRegion);
    out.set(p.id, { personId: p.id, forumIds, activeForumIds, regions: [...regions] });
  }
  return out;
}

export async function personScope(reg: RegistryStore, person: Pick<Person, 'id' | 'organisationId'>, today: string): Promise<PersonScope> {
  return scopesOf(await loadScopeData(reg), [person], today).get(person.id)!;
}

/**
 * A write to (or a refused attempt on) a person is audited in every forum the
 * person belongs to and in every region of theirs, so each forum's and each
 * region's audit view shows it. One row per forum, one per region.
 */
export async function auditPersonEvent(audit: AuditStore, scope: PersonScope, entry: Omit<AuditEntry, 'forumId'>): Promise<void> {
  const detail = { ...(entry.detail ?? {}), regions: scope.regions, forumIds: scope.forumIds };
  for (const forumId of scope.forumIds) await audit.record({ ...entry, forumId, detail });
  for (const region of scope.regions) await audit.record({ ...entry, detail: { ...detail, region } });
  if (!scope.forumIds.length && !scope.regions.length) await audit.record({ ...entry, detail });
}
