/**
 * What the tab is told about the caller's rights in a forum (GET /api/forums/:id
 * `rights`, from the access policy: a forum's own secretariat and the secretariat
 * of any forum above it administer it), and the audit log's cursor paging
 * (`?before=&limit=`, newest first, X-Next-Cursor to the next older page).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { workflowModule } from '../../src/entry/workflow.module.js';

const forumId = 'midt-ksg';
const secretary = 'nina-hald'; // secretary of midt-ksg
const coChair = 'gorm-ravn'; // co-chair of midt-ksg
const member = 'pia-strand'; // an ordinary member of midt-ksg
const above = 'dorte-bach'; // secretary of ssg and skuu, the forums above midt-ksg; not a member of midt-ksg
const outsider = 'frida-skov';

type Rights = { member: boolean; secretariat: boolean; administer: boolean; read: boolean; meetings: boolean } | null;
type AuditRow = { id: number; at: string; action: string; outcome: string };

describe.each(backends)('forum rights and audit paging on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [planningModule, workflowModule({})] });
  });
  afterAll(async () => app.close());

  const forum = async (id: string, as?: string) => {
    const r = await fetch(`${app.url}/api/forums/${id}`, { headers: as ? app.as(as) : {} });
    expect(r.status).toBe(200);
    return (await r.json()) as { forum: { id: string }; terms: unknown; parent: { id: string } | null; children: unknown[]; rights: Rights };
  };

  it("tells the caller their rights in the forum, by the server's access policy", async () => {
    // Forums are read signed in (published documents are on the public pages).
    expect((await fetch(`${app.url}/api/forums/${forumId}`)).status).toBe(401);
    const asMember = await forum(forumId, member);
    expect(Object.keys(asMember)).toEqual(['forum', 'kind', 'terms', 'parent', 'children', 'rights']);
    expect(asMember.parent?.id).toBe('ssg');
    expect((await forum(forumId, secretary)).rights).toEqual({ member: true, secretariat: true, administer: true, read: true, meetings: true });
    expect((await forum(forumId, coChair)).rights).toEqual({ member: true, secretariat: true, administer: true, read: true, meetings: true });
    expect(asMember.rights).toEqual({ member: true, secretariat: false, administer: false, read: true, meetings: true });
    // The secretariat of a forum above administers the cluster without sitting in it ...
    expect((await forum(forumId, above)).rights).toEqual({ member: false, secretariat: false, administer: true, read: true, meetings: true });
    // ... but not the other way round.
    expect((await forum('ssg', secretary)).rights).toEqual({ member: false, secretariat: false, administer: false, read: false, meetings: false });
    const frida = await forum('skuu', outsider);
    expect(frida.rights?.administer).toBe(false);
  });

  it("the region's secretariat reads a forum's list of meetings but not the meetings, and the server agrees", async () => {
    // sr-midt (a sundhedsråd of 2027) is a top-level forum of Region Midtjylland: dorte-bach, in the region's
    // secretariat, reads its plan, but the meetings (agendas, minutes, attendance) are its members' and the
    // secretariat above it (it has none), so the tab must offer her no link that opens to a refusal.
    expect((await forum('sr-midt', above)).rights).toEqual({ member: false, secretariat: false, administer: false, read: true, meetings: false });
    const list = await fetch(`${app.url}/api/forums/sr-midt/meetings?year=2027`, { headers: app.as(above) });
    expect(list.status).toBe(200);
    const meetings = (await list.json()) as { id: string }[];
    expect(meetings.length).toBeGreaterThan(0);
    expect((await fetch(`${app.url}/api/meetings/${meetings[0]!.id}`, { headers: app.as(above) })).status).toBe(403);
    // Where `meetings` is true the meeting opens: the secretariat above midt-ksg opens its meetings.
    const own = (await (await fetch(`${app.url}/api/forums/${forumId}/meetings?year=2027`, { headers: app.as(above) })).json()) as { id: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect((await fetch(`${app.url}/api/meetings/${own[0]!.id}`, { headers: app.as(above) })).status).toBe(200);
  });

  it('agrees with what the server then allows: the secretariat above reads the audit log, a member does not', async () => {
    for (const [who, status] of [[above, 200], [secretary, 200], [member, 403]] as const) {
      expect((await fetch(`${app.url}/api/forums/${forumId}/audit`, { headers: app.as(who) })).status).toBe(status);
    }
  });

  it('pages the audit log back in time with a cursor', async () => {
    // Refused attempts are audited under the forum.
    for (let i = 0; i < 7; i++) {
      const r = await fetch(`${app.url}/api/forums/${forumId}/terms`, { method: 'POST', headers: { ...app.as(member), 'content-type': 'application/json' }, body: JSON.stringify({ validFrom: '2027-01-01' }) });
      expect(r.status).toBe(403);
    }
    const all = await fetch(`${app.url}/api/forums/${forumId}/audit`, { headers: app.as(secretary) });
    const everything = (await all.json()) as AuditRow[];
    expect(everything.length).toBeGreaterThanOrEqual(7);
    expect(everything.length).toBeLessThan(200);
    expect(all.headers.get('x-next-cursor')).toBeNull();

    const pages: AuditRow[][] = [];
    let cursor: string | null = null;
    do {
      const r: Response = await fetch(`${app.url}/api/forums/${forumId}/audit?limit=3${cursor ? `&before=${cursor}` : ''}`, { headers: app.as(secretary) });
      expect(r.status).toBe(200);
      const page = (await r.json()) as AuditRow[];
      pages.push(page);
      cursor = r.headers.get('x-next-cursor');
      if (cursor) expect(cursor).toBe(String(page[page.length - 1]!.id));
    } while (cursor && pages.length < 100);
    expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    expect(pages[pages.length - 1]!.length).toBeGreaterThan(0);
    expect(pages.flat()).toEqual(everything);
    const ids = pages.flat().map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('refuses a bad cursor or limit with a 400', async () => {
    for (const q of ['limit=0', 'limit=201', 'limit=ten', 'before=abc', 'before=-5', 'before=0', 'before=1e3']) {
      const r = await fetch(`${app.url}/api/forums/${forumId}/audit?${q}`, { headers: app.as(secretary) });
      expect([q, r.status]).toEqual([q, 400]);
    }
    const ok = await fetch(`${app.url}/api/forums/${forumId}/audit?limit=200&before=1`, { headers: app.as(secretary) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual([]);
  });
});
