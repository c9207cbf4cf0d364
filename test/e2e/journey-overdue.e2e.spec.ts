/**
 * Issue 13, journey 3, in real Chromium with an injected clock (the server's and
 * the browser's moved together): the agenda of Klyngestyregruppe for Midtklyngen's
 * first 2027 meeting is not sent by its deadline, and a task given to a member is
 * past its due date. The meeting's timeline marks the agenda step as overdue with
 * how late; "Mit overblik" shows each person what waits on them, late first: the
 * secretary the agenda not sent, the chair the agenda waiting for their approval,
 * the member their late task, each "overskredet med N dage". Nothing there says
 * the opposite ("Intet venter på dig").
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { shot, shotVariants, signIn, startE2E, type E2E } from './e2e.support.js';

const meetingId = 'mtg-midt-ksg-2027-1';
const secretary = 'nina-hald';
const chair = 'gorm-ravn';
const member = 'pia-strand';

describe('journey 3: an overdue duty on the timeline and in three people\'s overviews (Chromium, injected clock)', () => {
  let e: E2E;
  let page: Page;
  const call = async (method: string, path: string, as: string, body?: unknown) => {
    const r = await fetch(e.app.url + path, { method, headers: { ...e.app.as(as), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };
  const at = async (iso: string) => {
    e.clock.set(iso);
    await page.clock.setFixedTime(new Date(iso));
  };
  const overview = async (personId: string) => {
    await page.goto(`${e.app.url}/`);
    await signIn(page, personId);
    await page.waitForURL(/#\/me$/);
    await page.getByRole('heading', { name: 'Mit overblik' }).waitFor();
    const waiting = page.getByRole('region', { name: 'Venter på mig' });
    await waiting.getByRole('list').waitFor();
    return waiting;
  };

  beforeAll(async () => {
    e = await startE2E('2027-01-10T09:00:00Z');
    page = e.page;
    page.setDefaultTimeout(60_000); // a loaded 2-core machine
    await page.clock.setFixedTime(new Date('2027-01-10T09:00:00Z'));
    // A task from the last 2026 meeting, given to a member, due 29 January 2027.
    const held = ((await call('GET', '/api/forums/midt-ksg/meetings?year=2026', secretary)) as { id: string; status: string; date: string }[])
      .filter((m) => m.status === 'held').sort((a, b) => b.date.localeCompare(a.date))[0]!;
    await call('POST', `/api/meetings/${held.id}/tasks`, secretary, { title: 'Skriv notat om udskrivningsforløb', dueOn: '2027-01-29', assigneePersonId: member, reportToForumId: 'midt-ksg' });
    // The agenda's deadline (28 January) has passed six days ago; nothing was sent, nothing approved.
    await at('2027-02-03T09:00:00Z');
  }, 180_000);
  afterAll(async () => e?.close());

  it('marks the agenda step overdue on the meeting\'s timeline, with how late', async () => {
    await page.goto(`${e.app.url}/`);
    await signIn(page, secretary);
    await page.waitForURL(/#\/me$/);
    await page.goto(`${e.app.url}/#/meetings/${meetingId}`);
    const timeline = page.getByRole('list', { name: 'Tidslinje' });
    await timeline.waitFor();
    const overdue = timeline.locator('li[data-state="overdue"]');
    await overdue.first().waitFor();
    expect(await overdue.count()).toBe(1);
    expect(await overdue.getAttribute('data-step')).toMatch(/agenda/);
    expect(await overdue.innerText()).toContain('overskredet med 6 dage');
    expect(await overdue.getAttribute('aria-current')).toBe('step');
    // Nothing after the overdue step is shown as passed (the minutes' and later steps are in the future).
    const states = await timeline.locator('li[data-step]').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    expect(states.slice(states.indexOf('overdue') + 1).filter((x) => x === 'passed' || x === 'done')).toEqual([]);
    await shot(page, 'journey3-01-timeline');
    await shotVariants(page, 'moede-tidslinje', async () => {
      await page.locator('ol[aria-label], ul[aria-label]').filter({ has: page.locator('li[data-state="overdue"]') }).first().waitFor();
    });
  }, 300_000);

  it('shows the secretary the agenda not sent, late', async () => {
    const waiting = await overview(secretary);
    const row = waiting.locator(`li[data-waiting="agenda_late"]`).filter({ hasText: '11. februar 2027' });
    await row.waitFor();
    expect(await row.getAttribute('data-late')).toBe('true');
    expect(await row.innerText()).toMatch(/Dagsordenen er ikke udsendt[\s\S]*Klyngestyregruppe for Midtklyngen, 11\. februar 2027[\s\S]*overskredet med 6 dage/);
    // Late first.
    expect(await waiting.locator('li').first().getAttribute('data-late')).toBe('true');
    expect(await waiting.getByText('Intet venter på dig lige nu.').count()).toBe(0);
    await shot(page, 'journey3-02-overblik-sekretaer');
  }, 300_000);

  it('shows the chair the agenda waiting for their approval, late', async () => {
    const waiting = await overview(chair);
    const row = waiting.locator(`li[data-waiting="agenda_approval"]`).filter({ hasText: '11. februar 2027' });
    await row.waitFor();
    expect(await row.getAttribute('data-late')).toBe('true');
    expect(await row.innerText()).toMatch(/Dagsordenen venter på din godkendelse[\s\S]*overskredet med 6 dage/);
    await shot(page, 'journey3-03-overblik-formand');
  }, 300_000);

  it('shows the member their task, late, and in "Mine opgaver"', async () => {
    const waiting = await overview(member);
    const row = waiting.locator(`li[data-waiting="task_due"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-late')).toBe('true');
    expect(await row.innerText()).toMatch(/Skriv notat om udskrivningsforløb[\s\S]*overskredet med 5 dage/);
    // The secretariat's late agenda is not the member's duty.
    expect(await waiting.locator('li[data-waiting="agenda_late"]').count()).toBe(0);
    await page.getByRole('region', { name: 'Mine opgaver' }).getByText('Skriv notat om udskrivningsforløb').waitFor();
    await shot(page, 'journey3-04-overblik-medlem');
    await shotVariants(page, 'mit-overblik-medlem', async (lang) => {
      await page.getByRole('region', { name: lang === 'da' ? 'Venter på mig' : 'Waiting on me' }).locator('li[data-late="true"]').first().waitFor();
    });
  }, 300_000);
});
