/**
 * The crawl: real Chromium walks the whole tab as each kind of person (the demo
 * secretariat, a chair, a plain member, an ad hoc guest and anonymously): the
 * overview, every forum of the hierarchy, every tab of each forum, every meeting
 * reachable from the forum's "Møder" tab (this year's and last year's: theme days,
 * joint meetings, held and planned ones) and its "Årshjul", and the sync page; every
 * tab of the meeting page for the first meeting of each forum in each state (kind,
 * status, minutes status, agenda sent). It fails on any page error, console error, blank
 * main region, error boundary shown, "undefined"/"NaN"/"Invalid Date" on the page, 5xx response, or a 4xx other than an access
 * refusal (401/403: the screen must then say why); on a forum's screens not even an
 * access refusal (the forum's `rights` say what the caller may read, so the tab asks
 * for nothing else). One server and one browser for
 * all five; each person in a context of their own.
 *
 * Robust on a loaded machine: no fixed sleeps; each step waits for its screen's own
 * marker (`data-screen`/`data-ready`), for no request in flight and no spinner left.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { shot, signIn, startE2E, type E2E } from './e2e.support.js';

type Persona = { name: string; personId: string | null };
// The demo's people: Dorte Bach is the secretary of the region's top forums (administers every forum below);
// Lise Brandt chairs the cluster's theme group for adults; Pia Strand is a plain member (GP, PLO); Mads Vinther
// takes part ad hoc in one working group only (a guest).
const personas: Persona[] = [
  { name: 'secretariat', personId: 'dorte-bach' },
  { name: 'chair', personId: 'lise-brandt' },
  { name: 'member', personId: 'pia-strand' },
  { name: 'guest', personId: 'mads-vinther' },
  { name: 'anonymous', personId: null },
];

const STEP = 45_000;

/** Counts the tab's fetches in flight, so a step can wait until the screen has its data. */
const countFetches = () => {
  const w = window as unknown as { __inflight: number; fetch: typeof fetch };
  w.__inflight = 0;
  const original = w.fetch.bind(window);
  w.fetch = (async (...args: Parameters<typeof fetch>) => {
    w.__inflight++;
    try {
      return await original(...args);
    } finally {
      w.__inflight--;
    }
  }) as typeof fetch;
};

/**
 * Waits until the screen in #main is settled (its marker is there, nothing is loading, no fetch is in flight)
 * and returns what check() judges: the main region's text length and any error boundary shown. One round trip.
 */
async function settle(page: Page, marker?: string): Promise<{ text: number; boundary: string[]; garbage: string[] }> {
  const handle = await page.waitForFunction(
    (sel) => {
      const main = document.getElementById('main');
      const state = () => ({
        text: (main?.innerText ?? '').trim().length,
        // A red "Kunne ikke hente data" is a failure too: a missing right (401/403) is told calmly ([data-no-access]).
        boundary: [...document.querySelectorAll('[data-error-boundary], [data-load-failed]')].map((e) => (e as HTMLElement).innerText.trim().slice(0, 300)),
        // What a person must never read: a value the code did not have, printed as JavaScript prints it.
        garbage: [...(document.body.innerText.matchAll(/.{0,40}(?:\bundefined\b|\bNaN\b|\[object Object\]|Invalid Date).{0,40}/g))].map((m) => m[0]),
      });
      // The whole app is gone (an uncaught render error): settled, and check() reports it.
      if (!main) return state();
      if (sel && !main.querySelector(sel)) return false;
      if (main.querySelector('.fui-Spinner')) return false;
      if ((window as unknown as { __inflight: number }).__inflight !== 0) return false;
      return state();
    },
    marker,
    { timeout: STEP, polling: 'raf' },
  );
  return (await handle.jsonValue()) as { text: number; boundary: string[]; garbage: string[] };
}

type Problems = { list: string[]; where: string };

function watch(page: Page, p: Problems) {
  page.on('pageerror', (err) => p.list.push(`${p.where}: page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // A refused call (401/403) is logged by Chromium as a failed resource; responses are judged below.
    if (/^Failed to load resource: the server responded with a status of 40[13]\b/.test(msg.text())) return;
    p.list.push(`${p.where}: console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('response', (r) => {
    const s = r.status();
    if (s >= 500) p.list.push(`${p.where}: ${s} from ${r.request().method()} ${r.url()}`);
    else if (s >= 400 && s !== 401 && s !== 403) p.list.push(`${p.where}: ${s} from ${r.request().method()} ${r.url()}`);
    // A forum's screens ask only for what the caller may read (the forum's `rights` say what): a refused
    // request there is a console error for every member of another forum, guest or anonymous visitor.
    else if ((s === 401 || s === 403) && /\/api\/forums\//.test(new URL(r.url()).pathname)) p.list.push(`${p.where}: refused ${s} from ${r.request().method()} ${r.url()} (the screen asked for what the caller may not read)`);
  });
}

/** After each step: the main region is not blank, no screen's error boundary is shown and no "undefined", "NaN", "[object Object]" or "Invalid Date" is on the page. */
function check(state: { text: number; boundary: string[]; garbage: string[] }, p: Problems) {
  if (state.text === 0) p.list.push(`${p.where}: the main region is blank`);
  for (const b of state.boundary) p.list.push(`${p.where}: error boundary shown: ${b}`);
  for (const g of state.garbage) p.list.push(`${p.where}: a missing value printed on the page: ${g}`);
}

async function tabsOf(page: Page, scope: string): Promise<string[]> {
  return page.locator(`${scope} [role="tablist"] [role="tab"]`).allInnerTexts();
}

async function crawl(e: E2E, context: BrowserContext, persona: Persona, forums: { id: string; name: string }[]) {
  const page = await context.newPage();
  const p: Problems = { list: [], where: persona.name };
  watch(page, p);
  await page.addInitScript(countFetches);
  await page.goto(`${e.app.url}/`);
  if (persona.personId) await signIn(page, persona.personId);
  const seenMeetings = new Set<string>();
  const seenStates = new Set<string>();
  const meetingIds: { id: string; from: string }[] = [];
  let steps = 0;
  const step = async (where: string, act: () => Promise<unknown>, marker?: string) => {
    p.where = `${persona.name} ${where}`;
    const t0 = Date.now();
    await act();
    check(await settle(page, marker), p);
    if (process.env.CRAWL_LOG) fs.appendFileSync(process.env.CRAWL_LOG, `${Date.now() - t0}ms ${p.where}\n`);
    steps++;
    // After a blanked app, start it again (the sign-in cookie stays) so the crawl goes on and reports everything.
    if (!(await page.locator('#main').count())) {
      await page.reload();
      await page.locator(persona.personId ? '[data-forum-id]' : '#main').first().waitFor({ timeout: STEP });
    }
  };

  if (persona.personId) {
    await step('overview', () => page.evaluate(() => (window.location.hash = '/me')), '[data-screen="overview"]');
    await shot(page, `crawl-${persona.name}-overview`);
  }
  await step('sync page', () => page.evaluate(() => (window.location.hash = '/sync')), '[data-screen="sync"]');

  for (const f of forums) {
    // Signed in: from the forum tree. Anonymous: the tree lists nothing, so by the forum's address
    // (a link someone was sent), which must answer with the sign-in, not a blank page or an error.
    await step(
      `forum ${f.id}`,
      () => (persona.personId ? page.locator(`[data-forum-id="${f.id}"] > .fui-TreeItemLayout`).first().click() : page.evaluate((id) => (window.location.hash = `/forums/${id}`), f.id)),
      persona.personId ? `[data-screen="forum"][data-id="${f.id}"]` : undefined,
    );
    if (!persona.personId) continue;
    const tabs = await tabsOf(page, '[data-screen="forum"]');
    // What the forum's rights let this person read: a screen offers no link to a meeting that would open to "no access".
    const rights = ((await (await fetch(`${e.app.url}/api/forums/${f.id}`, { headers: { 'x-samraad-dev-person': persona.personId } })).json()) as { rights?: { meetings?: boolean; member?: boolean } }).rights;
    const mayReadMeetings = Boolean(rights?.meetings ?? rights?.member);
    for (const tab of tabs) {
      await step(`forum ${f.id} tab "${tab}"`, () => page.locator('[data-screen="forum"] [role="tablist"]').getByRole('tab', { name: tab, exact: true }).click());
      // The meetings of this year and of last year, from the list and from the annual wheel.
      const yearSelect = page.locator('#meetings-year, #wheel-year');
      if (await yearSelect.count()) {
        const years = await yearSelect.locator('option').allInnerTexts();
        const current = await yearSelect.inputValue();
        const last = String(Number(current) - 1);
        for (const y of [current, ...(years.includes(last) ? [last] : [])]) {
          if (y !== current) await step(`forum ${f.id} tab "${tab}" ${y}`, () => yearSelect.selectOption(y));
          const hrefs = await page.locator('#main a[href^="#/meetings/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
          if (!mayReadMeetings && hrefs.length) p.list.push(`${persona.name} forum ${f.id} tab "${tab}" ${y}: ${hrefs.length} meeting link(s) for someone the forum's rights do not let read its meetings`);
          for (const h of hrefs) {
            const id = h.replace('#/meetings/', '').split('?')[0]!;
            if (!seenMeetings.has(id)) {
              seenMeetings.add(id);
              meetingIds.push({ id, from: f.id });
            }
          }
        }
      }
    }
  }

  for (const m of meetingIds) {
    await step(`meeting ${m.id} (from ${m.from})`, () => page.evaluate((id) => (window.location.hash = `/meetings/${id}`), m.id), `[data-screen="meeting"][data-id="${m.id}"]`);
    // Every tab of the first meeting of each forum in each state (kind, status, minutes, agenda sent): the tabs
    // render from the same page data, so the next meeting in the same state shows nothing new and only costs time.
    const article = page.locator('[data-screen="meeting"] article[data-kind]');
    const state = (await article.count()) ? await article.first().evaluate((a) => ['kind', 'status', 'minutes', 'agendaSent'].map((k) => (a as HTMLElement).dataset[k]).join('|')) : 'refused';
    // Every link the screens offered must open: a meeting that answers "no access" was a dead end.
    if (state === 'refused') p.list.push(`${persona.name} meeting ${m.id} (linked from ${m.from}): the link opens to a refusal`);
    const kindOfPage = `${m.from}|${state}`;
    if (seenStates.has(kindOfPage)) continue;
    seenStates.add(kindOfPage);
    const tabs = await tabsOf(page, '[data-screen="meeting"]');
    for (const tab of tabs.slice(1)) {
      await step(`meeting ${m.id} tab "${tab}"`, () => page.locator('[data-screen="meeting"] [role="tablist"]').getByRole('tab', { name: tab, exact: true }).click());
    }
  }
  await page.close();
  return { problems: p.list, steps, meetings: meetingIds.length };
}

describe('the crawl: every screen of the tab as every kind of person (Chromium)', () => {
  let e: E2E;
  let forums: { id: string; name: string }[] = [];

  beforeAll(async () => {
    // With the Graph emulator, as `npm start` runs: the sync page then has its state to show.
    e = await startE2E('2026-12-03T09:00:00Z', { graph: 'emulator' });
    // Every forum, as the region's secretariat sees them (anonymous callers may not list forums).
    const tree = (await (await fetch(`${e.app.url}/api/forums/tree`, { headers: { 'x-samraad-dev-person': 'dorte-bach' } })).json()) as { id: string; name: string; children: unknown[] }[];
    const flat = (ns: { id: string; name: string; children: unknown[] }[]): { id: string; name: string }[] => ns.flatMap((n) => [{ id: n.id, name: n.name }, ...flat(n.children as typeof ns)]);
    forums = flat(tree);
  }, 180_000);
  afterAll(async () => e?.close());

  for (const persona of personas) {
    it(`opens every screen as the ${persona.name} without an error, a blank page or a 5xx`, async () => {
      const context = await e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      // A loaded machine: every wait of the crawl (navigation, clicks, sign-in) is as generous as a step.
      context.setDefaultTimeout(STEP);
      context.setDefaultNavigationTimeout(STEP);
      try {
        const r = await crawl(e, context, persona, forums);
        expect(r.problems).toEqual([]);
        expect(r.steps).toBeGreaterThan(forums.length);
        if (persona.personId) expect(r.meetings).toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    }, 900_000);
  }

  it('opens every public page (regions, forums, agendas, minutes) without a console error, a dead link or a page without a way back', async () => {
    const context = await e.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    context.setDefaultTimeout(STEP);
    context.setDefaultNavigationTimeout(STEP);
    const problems: string[] = [];
    let where = '';
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`${where}: page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${where}: console error: ${msg.text()} (${msg.location().url})`);
    });
    const seen = new Set<string>();
    const queue = ['/offentlig'];
    let pages = 0;
    let files = 0;
    try {
      while (queue.length) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        where = path;
        if (!path.startsWith('/offentlig')) continue;
        // Word files, attachments and feeds: downloaded, not opened (a non-empty answer with a 2xx).
        if (/\.(docx|pdf|rss|atom|ics)$|\/bilag\//.test(path)) {
          const r = await fetch(`${e.app.url}${path}`);
          const size = (await r.arrayBuffer()).byteLength;
          if (!r.ok || size === 0) problems.push(`${path}: ${r.status}, ${size} bytes`);
          files++;
          continue;
        }
        const r = await page.goto(`${e.app.url}${path}`);
        if (!r || !r.ok()) {
          problems.push(`${path}: ${r?.status()}`);
          continue;
        }
        pages++;
        if (!(await page.locator('h1').count())) problems.push(`${path}: no heading`);
        // Every page but the start leads back to the list of all published documents.
        if (path !== '/offentlig' && !(await page.locator('a[href="/offentlig"]').count())) problems.push(`${path}: no way back to /offentlig`);
        const title = await page.title();
        if (/^(Dagsorden|Referat): (Temadag|Fællesmøde)$/.test(title)) problems.push(`${path}: the title "${title}" does not say which forum`);
        for (const href of await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) if (!seen.has(href)) queue.push(href);
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThan(20);
    expect(files).toBeGreaterThan(20);
  }, 900_000);
});
