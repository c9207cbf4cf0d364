/**
 * axe-core on every tab screen (overview, the forum page's tabs with the
 * secretariat's audit log, the meeting page's tabs for the secretariat and for a
 * member, with the version history and an item's attachments; a held meeting's
 * read-only agenda, a cancelled meeting, a theme day held with the forum above and a
 * joint meeting; a member of another forum and a guest; the anonymous start page and
 * a forum's address; the Microsoft 365 sync status, on a server with the Graph
 * emulator) in the Teams light and dark themes, each in Danish and in English, and on
 * the public pages: 0 serious or critical violations. A meeting is taken to
 * publication through the API first, so the screens have content and the public
 * minutes page exists. The Teams high-contrast theme and the narrow side panel are in
 * axe-contrast.e2e.spec.ts. One server and one browser for all of it.
 *
 * And the meeting timeline's cards split no word mid-word ("bemærkninge r") at any
 * width from a phone's 300 px to a wide screen, in Danish and in English.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openInLanguage, shot, signIn, startE2E, type E2E } from './e2e.support.js';
import { meetingId, seedMeetings, seriousViolations, secretary, tabScreens, visitTabScreens } from './axe.support.js';
import type { Page } from 'playwright-core';

/**
 * The words (runs of `word`, a regular expression's source) inside `selector` whose characters lie on more than one
 * line: split inside by overflow-wrap, without a hyphen.
 */
function splitWords(page: Page, selector: string, word: string): Promise<string[]> {
  return page.evaluate(([sel, w]) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of (n.textContent ?? '').matchAll(new RegExp(w, 'g'))) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          if (new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  }, [selector, word] as const);
}

describe('accessibility of the tab and the public pages (axe-core, Chromium)', () => {
  let e: E2E;

  beforeAll(async () => {
    // With the Graph emulator, so the sync status screen has rows (the channels, events and the sent agenda).
    e = await startE2E('2027-01-10T09:00:00Z', { graph: 'emulator' });
    await seedMeetings(e);
  }, 900_000); // the server, the browser and the seeded meetings: slow on a loaded machine
  afterAll(async () => e?.close());

  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['da', 'en'] as const) {
      it(`finds no serious or critical violations on the tab screens in the ${theme} theme (${lang})`, async () => {
        const found = await visitTabScreens(e, { query: theme === 'dark' ? '?theme=dark' : '', lang, prefix: `axe-${theme}-${lang}`, check: true });
        expect(found).toEqual([]);
      }, 300_000);
    }
  }

  it('splits no word of the meeting timeline mid-word at any width (300–1400 px), in Danish and in English', async () => {
    const page = e.page;
    const found: string[] = [];
    try {
      for (const lang of ['da', 'en'] as const) {
        await page.setViewportSize({ width: 1366, height: 900 });
        await openInLanguage(page, `${e.app.url}/`, lang);
        await signIn(page, secretary);
        await page.goto(`${e.app.url}/#/meetings/${meetingId}`);
        await page.locator('[data-step]').first().waitFor();
        for (let width = 300; width <= 1400; width += 10) {
          await page.setViewportSize({ width, height: 900 });
          const split = await splitWords(page, '[data-step]', '[^\\s·–]+');
          for (const w of split) found.push(`${lang} ${width}px: "${w}"`);
        }
        await page.setViewportSize({ width: 320, height: 900 });
        await shot(page, `timeline-320-${lang}`, { fullPage: true });
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('splits no word in the tables of people and meetings on a phone (375 px): the table scrolls sideways instead, in Danish and in English', async () => {
    const screens = tabScreens.filter((s) => ['forum-members', 'forum-meetings', 'meeting-attendance', 'meeting-theme-day-attendance'].includes(s.name));
    expect(screens).toHaveLength(4);
    const found: string[] = [];
    await e.page.setViewportSize({ width: 375, height: 800 });
    try {
      for (const lang of ['da', 'en'] as const) {
        found.push(...(await visitTabScreens(e, { query: '', lang, prefix: `phone-${lang}`, inspect: async (page) => [...new Set(await splitWords(page, '#main td, #main th', '[^\\s·–-]+'))].map((w) => `${lang}: "${w}"`) }, screens)));
      }
    } finally {
      await e.page.setViewportSize({ width: 1366, height: 900 });
    }
    expect(found).toEqual([]);
  }, 240_000);

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
  });
});
