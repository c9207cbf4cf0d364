/**
 * A deterministic, seeded synthetic national data set for the rules engine:
 * 5 regions, 500 forums, 15,000 people, 25,000 memberships, 2,500 meetings a
 * year and 5,000 tasks at scale 1 (sizes scale linearly; the smoke test uses a
 * tiny scale). Same seed, same data, byte for byte.
 *
 * It is shaped like the real hierarchy (political, central, theme groups,
 * clusters with their operational groups and ad hoc groups), with varied deadline
 * rules (calendar days, weeks, working days), shared chairs with a rotating
 * municipal seat, and meetings in several states around "now".
 */
import type { Forum, ForumLevel, Membership, MembershipRole, Organisation, Person, TermsOfReference } from '../src/domain/registry/registry.model.js';
import type { Meeting, Task } from '../src/domain/meetings/meeting.model.js';
import { WorkingDayCalendar, addDays } from '../src/domain/calendar/working-day.calendar.js';
import { mulberry32 } from '../src/shared/seeded-random.js';

export type SyntheticSize = {
  regions: number;
  forums: number;
  people: number;
  memberships: number;
  meetingsPerYear: number;
  tasks: number;
};

export const nationalSize: SyntheticSize = { regions: 5, forums: 500, people: 15_000, memberships: 25_000, meetingsPerYear: 2_500, tasks: 5_000 };
export const tinySize: SyntheticSize = { regions: 2, forums: 12, people: 120, memberships: 200, meetingsPerYear: 40, tasks: 30 };

export type SyntheticDataSet = {
  year: number;
  now: string;
  organisations: Organisation[];
  people: Person[];
  forums: Forum[];
  terms: TermsOfReference[];
  memberships: Membership[];
  meetings: Meeting[];
  tasks: Task[];
};

const regionNames = ['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'];

export function generateSynthetic(size: SyntheticSize = nationalSize, seed = 20270101, year = 2027): SyntheticDataSet {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const cal = new WorkingDayCalendar();

  const organisations: Organisation[] = [];
  const people: Person[] = [];
  const forums: Forum[] = [];
  const terms: TermsOfReference[] = [];
  const memberships: Membership[] = [];
  const meetings: Meeting[] = [];
  const tasks: Task[] = [];

  const regions = Array.from({ length: size.regions }, (_, i) => regionNames[i % regionNames.length]! + (i >= regionNames.length ? ` ${i}` : ''));
  const forumsPerRegion = Math.ceil(size.forums / size.regions);
  const peoplePerRegion = Math.ceil(size.people / size.regions);
  const clustersPerRegion = Math.max(1, Math.min(5, Math.floor(forumsPerRegion / 6)));

  const orgsByRegion = new Map<string, Organisation[]>();
  const municipalitiesByCluster = new Map<string, string[]>();
  for (const region of regions) {
    const list: Organisation[] = [];
    const r = regions.indexOf(region);
    for (let c = 0; c < clustersPerRegion; c += 1) {
      const cluster = `${region} klynge ${c + 1}`;
      list.push({ id: `org-r${r}-h${c}`, name: `Hospitalsenhed ${c + 1} (${region})`, kind: 'hospital', region, cluster });
      const munis: string[] = [];
      for (let k = 0; k < int(2, 6); k += 1) {
        const id = `org-r${r}-c${c}-k${k}`;
        list.push({ id, name: `Kommune ${c + 1}.${k + 1} (${region})`, kind: 'municipality', region, cluster });
        munis.push(id);
      }
      municipalitiesByCluster.set(cluster, munis);
    }
    list.push({ id: `org-r${r}-psyk`, name: `Psykiatrien (${region})`, kind: 'psychiatry', region });
    list.push({ id: `org-r${r}-plo`, name: `PLO (${region})`, kind: 'general_practice', region });
    list.push({ id: `org-r${r}-adm`, name: `Region ${region}`, kind: 'region_administration', region });
    orgsByRegion.set(region, list);
    organisations.push(...list);
  }

  const peopleByRegion = new Map<string, string[]>();
  for (let i = 0; i < size.people; i += 1) {
    const region = regions[Math.min(size.regions - 1, Math.floor(i / peoplePerRegion))]!;
    const org = pickOf(orgsByRegion.get(region)!);
    const id = `p${i}`;
    people.push({ id, name: `Person ${i}`, organisationId: org.id, email: `p${i}@example.dk`, hasTeams: rand() < 0.95 });
    const list = peopleByRegion.get(region) ?? [];
    list.push(id);
    peopleByRegion.set(region, list);
  }

  const levelFor = (k: number): ForumLevel => {
    if (k === 0) return 'political';
    if (k === 1) return 'central';
    if (k < 10) return 'central_theme';
    const r = (k - 10) % 17;
    if (r === 0) return 'cluster';
    if (r < 14) return 'cluster_operational';
    return 'ad_hoc';
  };
  for (let i = 0; i < size.forums; i += 1) {
    const r = Math.min(size.regions - 1, Math.floor(i / forumsPerRegion));
    const region = regions[r]!;
    const k = i - r * forumsPerRegion;
    const level = levelFor(k);
    const c = k < 10 ? 0 : Math.floor((k - 10) / 17) % clustersPerRegion;
    const cluster = `${region} klynge ${c + 1}`;
    const regionRoot = `f${r * forumsPerRegion + 1}`;
    const clusterRoot = `f${r * forumsPerRegion + 10 + Math.floor((k - 10) / 17) * 17}`;
    const parentId = k === 0 ? null : k === 1 ? `f${r * forumsPerRegion}` : level === 'central_theme' || level === 'cluster' ? regionRoot : clusterRoot;
    const forum: Forum = {
      id: `f${i}`,
      name: `${level} ${i}`,
      kind: level === 'ad_hoc' ? 'ad_hoc_gruppe' : level,
      level,
      parentId,
      region,
      status: 'active',
      successorIds: [],
      channelType: 'standard',
      links: [],
      ...(level.startsWith('cluster') || level === 'ad_hoc' ? { cluster } : {}),
      ...(level === 'ad_hoc' ? { mandateEndsOn: `${year}-${String(int(3, 12)).padStart(2, '0')}-28` } : {}),
    };
    forums.push(forum);
    const unit = pickOf(['calendar_days', 'calendar_days', 'weeks', 'working_days'] as const);
    const munis = municipalitiesByCluster.get(cluster) ?? [];
    terms.push({
      id: `t${i}`,
      forumId: forum.id,
      version: 1,
      validFrom: `${year - 2}-01-01`,
      purpose: [],
      tasks: [],
      seats: [],
      continuityRequired: false,
      meetings: { perYearMin: 4, perYearMax: 5, adHoc: true, preferredWeekdays: [int(1, 4)] },
      deadlines: {
        agendaLead: unit === 'weeks' ? { amount: 2, unit } : unit === 'working_days' ? { amount: 8, unit } : { amount: 14, unit },
        ...(rand() < 0.3 ? { itemsCutoff: { amount: int(15, 25), unit: 'calendar_days' as const } } : {}),
        closedDayPolicy: {},
      },
      decisionMinutes: true,
      subGroupsAllowed: [],
      annualWheel: [],
      ...(level === 'cluster' || level === 'cluster_operational'
        ? {
            chair: {
              shared: true,
              sides: ['hospital', 'municipality'],
              rotatingSide: 'municipality' as const,
              rotationOrder: munis,
              rotatesAmongAllParties: false,
              termYears: 2,
              firstTermStarts: `${year - int(0, 3)}-0${int(1, 7)}-01`,
              evaluateAfterYears: 2,
            },
            annualStatus: { dueMonth: int(9, 12) },
          }
        : {}),
      ...(level === 'ad_hoc' ? { evaluation: { afterMonths: 12 + int(0, 12) } } : {}),
    });
  }

  // Memberships: a forum's members come from its region; some people sit in several forums.
  const byForumCount = Math.floor(size.memberships / size.forums);
  let extra = size.memberships - byForumCount * size.forums;
  for (const f of forums) {
    const pool = peopleByRegion.get(f.region)!;
    const n = byForumCount + (extra-- > 0 ? 1 : 0);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(n, pool.length)) chosen.add(pickOf(pool));
    let j = 0;
    for (const personId of chosen) {
      const role: MembershipRole = j === 0 ? 'secretary' : j <= 2 ? 'co_chair' : 'member';
      memberships.push({ id: `ms${memberships.length}`, personId, forumId: f.id, role, from: `${year - int(0, 3)}-01-01`, ...(rand() < 0.05 ? { to: `${year}-06-30` } : {}) });
      j += 1;
    }
  }

  // Meetings over the year, on working days; those before "now" are held, sent or not.
  const now = cal.instant(`${year}-03-15`, '09:00');
  const basePerForum = Math.floor(size.meetingsPerYear / size.forums);
  let extraMeetings = size.meetingsPerYear - basePerForum * size.forums;
  for (const f of forums) {
    const perForum = basePerForum + (extraMeetings-- > 0 ? 1 : 0);
    for (let k = 0; k < perForum; k += 1) {
      const target = addDays(`${year}-01-10`, Math.floor(((k + rand()) * 350) / perForum));
      const date = cal.onOrAfter(target);
      const start = pickOf(['09:00', '10:00', '13:00', '14:00']);
      const end = `${String(Number(start.slice(0, 2)) + 2).padStart(2, '0')}:00`;
      const past = date < `${year}-03-15`;
      const m: Meeting = {
        id: `m${meetings.length}`,
        forumId: f.id,
        date,
        start,
        end,
        online: rand() < 0.3,
        kind: 'ordinary',
        status: past ? 'held' : 'planned',
        sequence: k + 1,
        revision: 1,
      };
      if (past || (date < `${year}-04-01` && rand() < 0.5)) m.agendaSentAt = cal.instant(addDays(date, -15), '12:00');
      if (past && rand() < 0.7) m.minutesSentAt = cal.instant(addDays(date, int(2, 8)), '11:00');
      meetings.push(m);
    }
  }

  const membersOf = new Map<string, Membership[]>();
  for (const m of memberships) membersOf.set(m.forumId, [...(membersOf.get(m.forumId) ?? []), m]);
  for (let i = 0; i < size.tasks; i += 1) {
    const f = forums[i % forums.length]!;
    const child = forums[int(0, forums.length - 1)]!;
    const toPerson = rand() < 0.5;
    const members = membersOf.get(f.id) ?? [];
    tasks.push({
      id: `task${i}`,
      forumId: f.id,
      title: `Opgave ${i}`,
      description: '',
      ...(toPerson && members.length ? { assigneePersonId: pickOf(members).personId } : { assigneeForumId: child.id }),
      dueOn: addDays(`${year}-01-15`, int(0, 340)),
      reportToForumId: f.id,
      status: rand() < 0.15 ? 'done' : 'open',
    });
  }
  return { year, now, organisations, people, forums, terms, memberships, meetings, tasks };
}
