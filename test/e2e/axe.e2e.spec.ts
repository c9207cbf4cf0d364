/**
 * axe-core on every tab screen (overview, the forum page's tabs with the
 * secretariat's audit log, the meeting page's tabs for the secretariat and for a
 * member, with the version history and an item's attachments; the Microsoft 365
 * sync status, on a server with the Graph emulator) in the Teams
 * light and dark themes, and on the public pages: 0 serious or critical
 * violations. A meeting is taken to publication through the API first, so the
 * screens have content and the public minutes page exists.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { root, shot, signIn, startE2E, type E2E } from './e2e.support.js';

const meetingId = 'mtg-midt-ksg-2027-1';
const forumId = 'midt-ksg';
const secretary = 'nina-hald';
const chair = 'gorm-ravn';
const member = 'pia-strand';

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document | object, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    // Fluent's focus manager (tabster) puts aria-hidden focus-redirecting <i data-tabster-dummy> bumpers around
    // TabList and similar; Fluent lists them as a known false positive of aria-hidden-focus (microsoft/tabster#288,
    // accessibility-insights-web#7605 suppresses them too). Only those nodes are left out; everything else is checked.
    return (await axe.run({ exclude: [['[data-tabster-dummy]']] } , { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of the tab and the public pages (axe-core, Chromium)', () => {
  let e: E2E;
  const call = async (method: string, url: string, as: string, body?: unknown) => {
    const r = await fetch(e.app.url + url, { method, headers: { ...e.app.as(as), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json().catch(() => undefined) as Promise<any>;
  };

  beforeAll(async () => {
    // With the Graph emulator, so the sync status screen has rows (the channels, events and the sent agenda).
    e = await startE2E('2027-01-10T09:00:00Z', { graph: 'emulator' });
    await e.page.clock.setFixedTime(new Date('2027-02-12T09:00:00Z'));
    // A meeting taken to publication, with a proposal, a task and a remark on the way.
    await call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på sundhedsaftalen', kind: 'discussion', presenters: ['Nina Hald'], minutes: 20, background: 'Status.', recommendations: ['At status drøftes'] });
    await call('POST', `/api/meetings/${meetingId}/proposals`, member, { title: 'Opfølgning på praksisplanen', kind: 'orientation', background: 'PLO ønsker en status.' });
    await call('PUT', `/api/meetings/${meetingId}/attendance/me`, member, { answer: 'apologies' });
    await call('POST', `/api/meetings/${meetingId}/agenda/approve`, chair);
    e.clock.set('2027-01-28T09:00:00Z');
    await call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary);
    e.clock.set('2027-02-12T09:00:00Z');
    const page = await call('GET', `/api/meetings/${meetingId}`, secretary);
    for (const item of page.items) await call('PUT', `/api/meetings/${meetingId}/items/${item.id}/decision`, secretary, { decision: `Beslutning om ${item.title}.` });
    await call('POST', `/api/meetings/${meetingId}/tasks`, secretary, { title: 'Udarbejde forslag', dueOn: '2027-05-01', assigneeForumId: 'midt-adhoc-udskr', reportToForumId: forumId });
    await call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary);
    e.clock.set('2027-02-15T09:00:00Z');
    await call('POST', `/api/meetings/${meetingId}/remarks`, member, { text: 'En bemærkning til referatet.' });
    e.clock.set('2027-02-22T09:00:00Z');
    await call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary);
    await call('POST', `/api/meetings/${meetingId}/minutes/publish`, secretary, { confirmPersonalData: true });
    // A correction with a reason, so the version history has one.
    await call('POST', `/api/meetings/${meetingId}/minutes/correct`, secretary, { reason: 'Forkert dato i punkt 2' });
    // A second meeting of the year stays open, so the agenda builder and the forms are on screen,
    // with an attachment (bilag) listed under its item.
    e.clock.set('2027-02-12T09:00:00Z');
    const second = 'mtg-midt-ksg-2027-2';
    const open = await call('POST', `/api/meetings/${second}/items`, secretary, { title: 'Økonomi 2027', kind: 'decision', minutes: 15, recommendations: ['At budgettet godkendes'] });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const up = await fetch(`${e.app.url}/api/meetings/${second}/items/${open.id}/attachments?fileName=Budget%202027.pdf`, { method: 'POST', headers: { ...e.app.as(secretary), 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) });
    expect(up.status).toBe(201);
    // A refused attempt for the audit log.
    const refused = await fetch(`${e.app.url}/api/meetings/${second}/agenda/send`, { method: 'POST', headers: e.app.as(member) });
    expect(refused.status).toBe(403);
  }, 180_000);
  afterAll(async () => e?.close());

  const tabScreens: { name: string; as: string; hash: string; ready: (p: Page) => Promise<unknown>; tab?: string }[] = [
    { name: 'overview', as: member, hash: '#/me', ready: (p) => p.getByRole('heading', { name: 'Mine næste møder' }).waitFor() },
    { name: 'forum-terms', as: secretary, hash: `#/forums/${forumId}`, ready: (p) => p.getByRole('heading', { name: 'Formål' }).waitFor() },
    { name: 'forum-members', as: secretary, hash: `#/forums/${forumId}`, tab: 'Medlemmer', ready: (p) => p.getByRole('table', { name: 'Medlemmer' }).waitFor() },
    { name: 'forum-meetings', as: secretary, hash: `#/forums/${forumId}`, tab: 'Møder', ready: (p) => p.getByRole('table', { name: /Møder 2027/ }).waitFor() },
    { name: 'forum-wheel', as: secretary, hash: `#/forums/${forumId}`, tab: 'Årshjul', ready: (p) => p.getByText('Frist for punkter til dagsorden (1. møde 11. februar)').waitFor() },
    { name: 'forum-composition', as: secretary, hash: `#/forums/${forumId}`, tab: 'Sammensætning', ready: (p) => p.getByRole('table', { name: 'Pladstjek mod kommissoriet' }).waitFor() },
    { name: 'forum-audit', as: secretary, hash: `#/forums/${forumId}`, tab: 'Revisionsspor', ready: (p) => p.getByRole('table', { name: 'Revisionsspor' }).waitFor() },
    { name: 'meeting-agenda-secretariat', as: secretary, hash: '#/meetings/mtg-midt-ksg-2027-2', ready: (p) => p.getByRole('button', { name: 'Tilføj punkt' }).waitFor() },
    { name: 'meeting-agenda-attachments', as: secretary, hash: '#/meetings/mtg-midt-ksg-2027-2', ready: (p) => p.getByRole('link', { name: 'Hent Budget 2027.pdf' }).waitFor() },
    { name: 'meeting-agenda-member', as: member, hash: '#/meetings/mtg-midt-ksg-2027-2', ready: (p) => p.getByRole('heading', { name: 'Foreslå et punkt' }).waitFor() },
    { name: 'meeting-attendance', as: member, hash: '#/meetings/mtg-midt-ksg-2027-2', tab: 'Fremmøde', ready: (p) => p.getByRole('button', { name: 'Gem svar' }).waitFor() },
    { name: 'meeting-minutes-editor', as: secretary, hash: '#/meetings/mtg-midt-ksg-2027-2', tab: 'Referat', ready: (p) => p.getByRole('switch', { name: 'Mødetilstand' }).waitFor() },
    { name: 'meeting-minutes-published', as: secretary, hash: `#/meetings/${meetingId}`, tab: 'Referat', ready: (p) => p.getByText(/Referatet er offentliggjort/).waitFor() },
    { name: 'meeting-versions', as: secretary, hash: `#/meetings/${meetingId}`, tab: 'Versioner', ready: (p) => p.getByRole('table', { name: 'Versioner og rettelser' }).getByText('Forkert dato i punkt 2').waitFor() },
    { name: 'sync-status', as: secretary, hash: '#/sync', ready: (p) => p.getByRole('table', { name: 'Synkronisering for Klyngestyregruppe for Midtklyngen' }).getByRole('row', { name: /Teams-kanal/ }).waitFor() },
    { name: 'meeting-minutes-member', as: member, hash: `#/meetings/${meetingId}`, tab: 'Referat', ready: (p) => p.getByText('En bemærkning til referatet.', { exact: false }).waitFor() },
    { name: 'meeting-versions-member', as: member, hash: `#/meetings/${meetingId}`, tab: 'Versioner', ready: (p) => p.getByRole('table', { name: 'Versioner og rettelser' }).waitFor() },
    { name: 'meeting-agenda-attachments-member', as: member, hash: '#/meetings/mtg-midt-ksg-2027-2', ready: (p) => p.getByRole('link', { name: 'Hent Budget 2027.pdf' }).waitFor() },
  ];

  for (const theme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violations on the tab screens in the ${theme} theme`, async () => {
      const page = e.page;
      const q = theme === 'dark' ? '?theme=dark' : '';
      const found: string[] = [];
      let signedInAs = '';
      for (const s of tabScreens) {
        if (signedInAs !== s.as) {
          await page.goto(`${e.app.url}/${q}`);
          await signIn(page, s.as);
          signedInAs = s.as;
        }
        await page.goto(`${e.app.url}/${q}${s.hash}`);
        if (s.tab) await page.getByRole('tab', { name: s.tab, exact: true }).click();
        await s.ready(page);
        await shot(page, `axe-${theme}-${s.name}`);
        for (const v of await seriousViolations(page)) found.push(`${s.name}: ${v}`);
      }
      expect(found).toEqual([]);
    }, 240_000);
  }

  it('finds no serious or critical violations on the public pages, in light and dark colour schemes', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await e.page.emulateMedia({ colorScheme: scheme });
      for (const url of ['/offentlig', '/offentlig/midtjylland', `/offentlig/moeder/${meetingId}`, `/offentlig/moeder/${meetingId}/dagsorden`]) {
        const r = await e.page.goto(e.app.url + url);
        expect(r?.status()).toBe(200);
        await shot(e.page, `axe-public-${scheme}${url.replace(/\//g, '_')}`);
        for (const v of await seriousViolations(e.page)) found.push(`${url} (${scheme}): ${v}`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
