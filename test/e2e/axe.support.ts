/**
 * What the axe specs share (axe.e2e.spec.ts: light and dark; axe-contrast.e2e.spec.ts:
 * Teams high contrast and the English screens): the demo meeting taken to
 * publication through the API, so every screen has content; the list of tab
 * screens with how to reach them and when they are ready (in either language,
 * from the tab's own texts); and axe-core's serious and critical violations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { texts, type Texts } from '../../src/tab/i18n.js';
import { openInLanguage, root, shot, signIn, type E2E } from './e2e.support.js';
import { coChair, forumId, member, secretary } from '../workflow/workflow.fixture.js';

export const meetingId = 'mtg-midt-ksg-2027-1';
export const openMeetingId = 'mtg-midt-ksg-2027-2';
/** Cancelled with a reason by seedMeetings. */
export const cancelledMeetingId = 'mtg-midt-ksg-2027-3';
/** The demo's theme day of the steering group (held with the committee above) and a joint meeting of two theme groups. */
export const themeDayId = 'mtg-ssg-2027-tema-1';
export const jointMeetingId = 'mtg-tg-psyk-voksen-2027-faelles-1';
/** Takes part ad hoc in one working group only (the crawl's guest). */
export const guest = 'mads-vinther';
// The demo people the workflow tests use (one list of who is who in midt-ksg).
export { forumId, member, secretary };
export const chair = coChair;
/** Secretary of the forums above the cluster (ssg, skuu), not a member of it: administers it all the same. */
export const above = 'dorte-bach';

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

let axeScript: string | undefined;
const axeSource = () => (axeScript ??= fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));

export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script> tag: the tab's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the test must not weaken it.
  await page.evaluate(axeSource());
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

/** A JSON call to the test server as a demo person; throws on an error status. */
export function caller(e: () => E2E) {
  return async (method: string, url: string, as: string, body?: unknown) => {
    const r = await fetch(e().app.url + url, { method, headers: { ...e().app.as(as), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    // Some answers have no body (204); the status was checked above.
    // eslint-disable-next-line samraad/no-swallowed-catch -- an empty body is not an error here
    return r.json().catch(() => undefined) as Promise<any>;
  };
}

/** A meeting taken to publication (with a proposal, a task, a remark and a correction), and a second one left open with an attachment. */
export async function seedMeetings(e: E2E) {
  const call = caller(() => e);
  await e.page.clock.setFixedTime(new Date('2027-02-12T09:00:00Z'));
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
  await call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary, { confirmContradictions: true });
  e.clock.set('2027-02-15T09:00:00Z');
  await call('POST', `/api/meetings/${meetingId}/remarks`, member, { text: 'En bemærkning til referatet.' });
  e.clock.set('2027-02-22T09:00:00Z');
  // The member's remark is not taken into a revision: approving now takes a confirmation and a reason.
  await call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary, { confirm: true, reason: 'Bemærkningen er drøftet med formanden' });
  await call('POST', `/api/meetings/${meetingId}/minutes/publish`, secretary, { confirmPersonalData: true });
  // A correction with a reason, so the version history has one.
  await call('POST', `/api/meetings/${meetingId}/minutes/correct`, secretary, { reason: 'Forkert dato i punkt 2' });
  // A second meeting of the year stays open, so the agenda builder and the forms are on screen,
  // with an attachment (bilag) listed under its item.
  e.clock.set('2027-02-12T09:00:00Z');
  const open = await call('POST', `/api/meetings/${openMeetingId}/items`, secretary, { title: 'Økonomi 2027', kind: 'decision', minutes: 15, recommendations: ['At budgettet godkendes'] });
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const up = await fetch(`${e.app.url}/api/meetings/${openMeetingId}/items/${open.id}/attachments?fileName=Budget%202027.pdf`, { method: 'POST', headers: { ...e.app.as(secretary), 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) });
  expect(up.status).toBe(201);
  // A cancelled meeting, so its page is among the screens.
  await call('POST', `/api/meetings/${cancelledMeetingId}/cancel`, secretary, { reason: 'Formanden er forhindret; punkterne tages på næste møde' });
  // A refused attempt for the audit log.
  const refused = await fetch(`${e.app.url}/api/meetings/${openMeetingId}/agenda/send`, { method: 'POST', headers: e.app.as(member) });
  expect(refused.status).toBe(403);
}

export type TabScreen = { name: string; as: string; hash: string; ready: (p: Page, t: Texts) => Promise<unknown>; tab?: (t: Texts) => string };

export const tabScreens: TabScreen[] = [
  { name: 'overview', as: member, hash: '#/me', ready: (p, t) => p.getByRole('heading', { name: t.m.nextMeetings }).waitFor() },
  { name: 'forum-terms', as: secretary, hash: `#/forums/${forumId}`, ready: (p, t) => p.getByRole('heading', { name: t.purpose }).waitFor() },
  { name: 'forum-members', as: secretary, hash: `#/forums/${forumId}`, tab: (t) => t.members, ready: (p, t) => p.getByRole('table', { name: t.members }).waitFor() },
  { name: 'forum-meetings', as: secretary, hash: `#/forums/${forumId}`, tab: (t) => t.m.meetingsTab, ready: (p, t) => p.getByRole('table', { name: `${t.m.meetingsTab} 2027` }).waitFor() },
  { name: 'forum-wheel', as: secretary, hash: `#/forums/${forumId}`, tab: (t) => t.m.wheelTab, ready: (p, t) => p.getByRole('region', { name: t.m.wheelTab }).getByRole('heading', { level: 3 }).first().waitFor() },
  { name: 'forum-composition', as: secretary, hash: `#/forums/${forumId}`, tab: (t) => t.m.compositionTab, ready: (p, t) => p.getByRole('table', { name: t.m.seatCheck }).waitFor() },
  { name: 'forum-audit', as: secretary, hash: `#/forums/${forumId}`, tab: (t) => t.wf.auditTab, ready: (p, t) => p.getByRole('table', { name: t.wf.auditTitle }).waitFor() },
  // The secretariat of a forum above plans the cluster's year and reads its audit log (the server's `rights`).
  { name: 'forum-plan-above', as: above, hash: `#/forums/${forumId}`, tab: (t) => t.m.meetingsTab, ready: async (p, t) => {
    await p.getByRole('button', { name: t.m.planYear }).click();
    await p.getByRole('heading', { name: `${t.m.plannerProposal} 2027` }).waitFor();
  } },
  // The region's secretariat edits the region's closed days under the årshjul (Fælles sekretariat is a top forum's secretariat).
  { name: 'region-closed-days-editor', as: above, hash: '#/forums/faelles-sek', tab: (t) => t.m.wheelTab, ready: (p) => p.getByRole('button', { name: /^(Tilføj lukkedag|Add closed day)$/ }).waitFor() },
  { name: 'forum-audit-above', as: above, hash: `#/forums/${forumId}`, tab: (t) => t.wf.auditTab, ready: (p, t) => p.getByRole('table', { name: t.wf.auditTitle }).waitFor() },
  { name: 'meeting-agenda-secretariat', as: secretary, hash: `#/meetings/${openMeetingId}`, ready: (p, t) => p.getByRole('button', { name: t.m.addItem }).waitFor() },
  { name: 'meeting-agenda-attachments', as: secretary, hash: `#/meetings/${openMeetingId}`, ready: (p, t) => p.getByRole('link', { name: t.wf.download('Budget 2027.pdf') }).waitFor() },
  { name: 'meeting-agenda-member', as: member, hash: `#/meetings/${openMeetingId}`, ready: (p, t) => p.getByRole('heading', { name: t.m.propose }).waitFor() },
  { name: 'meeting-attendance', as: member, hash: `#/meetings/${openMeetingId}`, tab: (t) => t.m.attendance, ready: (p, t) => p.getByRole('button', { name: t.m.saveAnswer }).waitFor() },
  { name: 'meeting-minutes-editor', as: secretary, hash: `#/meetings/${openMeetingId}`, tab: (t) => t.m.minutes, ready: (p, t) => p.getByRole('switch', { name: t.m.meetingMode }).waitFor() },
  { name: 'meeting-minutes-published', as: secretary, hash: `#/meetings/${meetingId}`, tab: (t) => t.m.minutes, ready: (p, t) => p.getByText(t.m.published('').replace(/\s*\.$/, '')).waitFor() },
  { name: 'meeting-versions', as: secretary, hash: `#/meetings/${meetingId}`, tab: (t) => t.wf.versionsTab, ready: (p, t) => p.getByRole('table', { name: t.wf.versionsTitle }).getByText('Forkert dato i punkt 2').waitFor() },
  // Regions are data (issue 15): the region's secretariat sees the list with a rename button for its own region.
  { name: 'regions', as: above, hash: '#/regions', ready: (p) => p.getByRole('button', { name: /^(Omdøb|Rename) Region Midtjylland$/ }).waitFor() },
  { name: 'sync-status', as: secretary, hash: '#/sync', ready: (p, t) => p.getByRole('table', { name: t.sy.tableLabel('Klyngestyregruppe for Midtklyngen') }).getByRole('row', { name: new RegExp(t.sy.channel) }).waitFor() },
  { name: 'meeting-minutes-member', as: member, hash: `#/meetings/${meetingId}`, tab: (t) => t.m.minutes, ready: (p) => p.getByText('En bemærkning til referatet.', { exact: false }).waitFor() },
  { name: 'meeting-versions-member', as: member, hash: `#/meetings/${meetingId}`, tab: (t) => t.wf.versionsTab, ready: (p, t) => p.getByRole('table', { name: t.wf.versionsTitle }).waitFor() },
  { name: 'meeting-agenda-attachments-member', as: member, hash: `#/meetings/${openMeetingId}`, ready: (p, t) => p.getByRole('link', { name: t.wf.download('Budget 2027.pdf') }).waitFor() },
  // A member of another forum: the members tab says who may see them (and the tab asked for nothing it may not read).
  { name: 'forum-members-outsider', as: member, hash: '#/forums/ssg', tab: (t) => t.members, ready: (p, t) => p.locator('#main').getByText(t.membersOnly).waitFor() },
  // The held meeting's agenda, read-only for the secretariat with the note why; the cancelled meeting.
  { name: 'meeting-agenda-held', as: secretary, hash: `#/meetings/${meetingId}`, ready: (p) => p.locator('[data-agenda-closed]').waitFor() },
  { name: 'meeting-cancelled', as: secretary, hash: `#/meetings/${cancelledMeetingId}`, ready: (p) => p.locator('article[data-status="cancelled"] [data-cancelled-reason]').getByText('Formanden er forhindret', { exact: false }).waitFor() },
  // A theme day held with the forum above, and a joint meeting of two theme groups, as the secretariat above them.
  { name: 'meeting-theme-day', as: above, hash: `#/meetings/${themeDayId}`, ready: (p) => p.locator('article[data-kind="theme_day"]').waitFor() },
  { name: 'meeting-theme-day-attendance', as: above, hash: `#/meetings/${themeDayId}`, tab: (t) => t.m.attendance, ready: (p, t) => p.getByRole('table', { name: t.m.participants }).waitFor() },
  { name: 'meeting-joint', as: above, hash: `#/meetings/${jointMeetingId}`, ready: (p) => p.locator('article[data-kind="joint"]').waitFor() },
  { name: 'overview-guest', as: guest, hash: '#/me', ready: (p, t) => p.getByRole('heading', { name: t.m.nextMeetings }).waitFor() },
  { name: 'forum-guest', as: guest, hash: '#/forums/ssg', ready: (p, t) => p.getByRole('heading', { name: t.purpose }).waitFor() },
  // Anonymous (as: ''): the start page and a forum's address both say to sign in.
  { name: 'anonymous-start', as: '', hash: '#/', ready: (p, t) => p.locator('#main').getByText(t.signInFirst).waitFor() },
  { name: 'anonymous-forum', as: '', hash: `#/forums/${forumId}`, ready: (p, t) => p.locator('#main').getByText(t.signInToSeeForums).waitFor() },
];

export type Visit = { query: string; lang: 'da' | 'en'; prefix: string; check?: boolean; fullPage?: boolean; inspect?: (page: Page, name: string) => Promise<string[]> };

/**
 * Opens every tab screen (signing in as its person), waits until it is ready,
 * takes a screenshot `<prefix>-<name>.png` and, with `check`, returns axe's
 * serious and critical violations (and what `inspect` finds).
 */
export async function visitTabScreens(e: E2E, v: Visit, screens: TabScreen[] = tabScreens): Promise<string[]> {
  const page = e.page;
  const t = texts[v.lang];
  const found: string[] = [];
  let signedInAs: string | undefined;
  for (const s of screens) {
    if (signedInAs !== s.as) {
      // Anonymous (as: ''): without the dev sign-in cookie.
      if (!s.as) await page.context().clearCookies();
      // The language is read when the tab starts (from the user's last choice); the screens below are reached by hash.
      await openInLanguage(page, `${e.app.url}/${v.query}`, v.lang);
      if (s.as) await signIn(page, s.as);
      signedInAs = s.as;
    }
    await page.goto(`${e.app.url}/${v.query}${s.hash}`);
    if (s.tab) await page.getByRole('tab', { name: s.tab(t), exact: true }).click();
    await s.ready(page, t);
    await shot(page, `${v.prefix}-${s.name}`, { fullPage: v.fullPage });
    if (v.check) for (const x of await seriousViolations(page)) found.push(`${s.name}: ${x}`);
    if (v.inspect) for (const x of await v.inspect(page, s.name)) found.push(`${s.name}: ${x}`);
  }
  return found;
}
