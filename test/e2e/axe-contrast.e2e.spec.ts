/**
 * The tab for every user, beyond axe.e2e.spec.ts's Danish light and dark runs:
 * every tab screen in the Teams high-contrast theme (the tab's `?theme=contrast`,
 * what Teams' context theme "contrast" selects) with 0 serious or critical axe
 * violations, in Danish and in English; and every screen in English at desktop
 * width and at a phone's width (360 px, Teams mobile; narrower than a side panel's
 * tab), with screenshots in test-output/e2e/ and no page that scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './e2e.support.js';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { above, forumId, member, openMeetingId, secretary, seedMeetings, seriousViolations, visitTabScreens } from './axe.support.js';
import { shot, signIn } from './e2e.support.js';

describe('the tab in high contrast, in English and in a narrow side panel (axe-core, Chromium)', () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E('2027-01-10T09:00:00Z', { graph: 'emulator' });
    await seedMeetings(e);
  }, 180_000);
  afterAll(async () => e?.close());

  for (const lang of ['da', 'en'] as const) {
    it(`finds no serious or critical violations on the tab screens in the high-contrast theme (${lang})`, async () => {
      const found = await visitTabScreens(e, { query: '?theme=contrast', lang, prefix: `axe-contrast-${lang}`, check: true });
      expect(found).toEqual([]);
    }, 240_000);
  }

  /** Content wider than the main area (the page scrolls sideways), or sticking out of it. */
  const sideways = async (page: Page) => {
    const r = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      const out: string[] = [];
      if (main.scrollWidth > main.clientWidth + 1) out.push(`main is ${main.scrollWidth}px wide in ${main.clientWidth}px`);
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push(`the page is ${document.documentElement.scrollWidth}px wide in ${document.documentElement.clientWidth}px`);
      // Anything sticking out of the main area's right edge (but inside a box that scrolls on its own is fine).
      const edge = main.getBoundingClientRect().right;
      const clipped = (el: Element) => {
        for (let p = el.parentElement; p && p !== main; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      const sticking = [...main.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 1 && !clipped(el));
      for (const el of sticking.slice(0, 3)) out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> reaches ${Math.round(el.getBoundingClientRect().right)}px, past ${Math.round(edge)}px: "${(el.textContent ?? '').slice(0, 40)}"`);
      return out;
    });
    return r;
  };

  for (const lang of ['en', 'da'] as const) {
    it(`shows every tab screen (${lang}) at a phone's width (360 px) without sideways scrolling`, async () => {
      await e.page.setViewportSize({ width: 360, height: 800 });
      try {
        const found = await visitTabScreens(e, { query: '', lang, prefix: `narrow-${lang}`, fullPage: true, inspect: sideways });
        expect(found).toEqual([]);
      } finally {
        await e.page.setViewportSize({ width: 1366, height: 900 });
      }
    }, 240_000);
  }

  it('folds the forum tree away on a phone, so a meeting opened there comes first; the tree opens on demand and folds when a forum is chosen', async () => {
    const page = e.page;
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await page.goto(`${e.app.url}/#/meetings/${openMeetingId}`);
      await signIn(page, member);
      await page.locator('#meeting-title').waitFor();
      const toggle = page.getByTestId('forum-tree-toggle');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      expect(await toggle.textContent()).toMatch(/^Vis fora \(\d+\)$/);
      expect(await page.locator('#forum-tree').isVisible()).toBe(false);
      // The meeting's title is on the first screen, not under the forum names.
      const top = await page.locator('#meeting-title').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(800);
      await toggle.click();
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      expect(await toggle.textContent()).toBe('Skjul fora');
      const forum = page.locator('#forum-tree [data-forum-id] > .fui-TreeItemLayout').first();
      await forum.waitFor();
      await forum.click();
      await page.waitForFunction(() => window.location.hash.startsWith('#/forums/'));
      await page.waitForFunction(() => (document.getElementById('forum-tree') as HTMLElement).hidden);
      await shot(page, 'narrow-tree-folded');
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  }, 120_000);

  it("shows the secretariat's actions to whoever the server lets administer the forum, and pages the audit log from the server", async () => {
    const page = e.page;
    // Refused attempts under the forum: a signed-in person's are written up to 20 a minute per kind
    // (the rest counted into the next row), so 120 of them make at most a few dozen rows.
    for (let i = 0; i < 120; i++) {
      const r = await fetch(`${e.app.url}/api/meetings/${openMeetingId}/agenda/send`, { method: 'POST', headers: e.app.as(member) });
      expect(r.status).toBe(403);
    }
    // A busy forum's year of changes on top: more events than one batch of the audit log (100).
    const audit = auditRepository(e.app.deps.database.db);
    for (let i = 0; i < 100; i++) await audit.record({ action: 'meeting.update', forumId, target: openMeetingId, outcome: 'ok', actorPersonId: secretary, detail: { n: i } });
    const total = ((await (await fetch(`${e.app.url}/api/forums/${forumId}/audit`, { headers: e.app.as(secretary) })).json()) as unknown[]).length;
    expect(total).toBeGreaterThan(120);
    expect(total).toBeLessThan(200);

    // An ordinary member: no plan button, no audit tab, no import of the terms.
    await page.goto(`${e.app.url}/`);
    await page.evaluate(() => localStorage.setItem('samraad.lang', 'da'));
    await page.reload();
    await signIn(page, member);
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await page.getByRole('tab', { name: 'Møder', exact: true }).click();
    await page.getByRole('table', { name: 'Møder 2027' }).waitFor();
    expect(await page.getByRole('button', { name: 'Planlæg år' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Revisionsspor' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Importér kommissorium' }).count()).toBe(0);

    // The secretary of the forum above: all three, and the audit log 100 events at a time.
    await page.goto(`${e.app.url}/`);
    await signIn(page, above);
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await page.getByRole('tab', { name: 'Møder', exact: true }).click();
    await page.getByRole('button', { name: 'Planlæg år' }).waitFor();
    await page.getByRole('button', { name: 'Importér kommissorium' }).waitFor();
    await page.getByRole('tab', { name: 'Revisionsspor', exact: true }).click();
    const pager = page.getByRole('navigation', { name: 'Sider i revisionssporet' });
    await pager.getByText('Side 1 af 4 (100 hentede hændelser)').waitFor();
    expect(await page.getByRole('table', { name: 'Revisionsspor' }).getByRole('row').count()).toBe(26);
    await pager.getByRole('button', { name: 'Hent ældre hændelser' }).click();
    // Straight to the first of the older events, on page 5.
    await pager.getByText(`Side 5 af ${Math.ceil(total / 25)} (${total} hentede hændelser)`).waitFor();
    await pager.getByText('Alle hændelser er hentet.').waitFor();
    expect(await pager.getByRole('button', { name: 'Hent ældre hændelser' }).count()).toBe(0);
    await shot(page, 'audit-paged-above');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
