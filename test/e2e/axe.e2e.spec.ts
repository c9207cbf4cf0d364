/**
 * axe-core on every tab screen (overview, the forum page's tabs with the
 * secretariat's audit log, the meeting page's tabs for the secretariat and for a
 * member, with the version history and an item's attachments; the Microsoft 365
 * sync status, on a server with the Graph emulator) in the Teams
 * light and dark themes, and on the public pages: 0 serious or critical
 * violations. A meeting is taken to publication through the API first, so the
 * screens have content and the public minutes page exists. The Teams high-contrast
 * theme and the English screens are in axe-contrast.e2e.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { shot, startE2E, type E2E } from './e2e.support.js';
import { meetingId, seedMeetings, seriousViolations, visitTabScreens } from './axe.support.js';

describe('accessibility of the tab and the public pages (axe-core, Chromium)', () => {
  let e: E2E;

  beforeAll(async () => {
    // With the Graph emulator, so the sync status screen has rows (the channels, events and the sent agenda).
    e = await startE2E('2027-01-10T09:00:00Z', { graph: 'emulator' });
    await seedMeetings(e);
  }, 180_000);
  afterAll(async () => e?.close());

  for (const theme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violations on the tab screens in the ${theme} theme`, async () => {
      const found = await visitTabScreens(e, { query: theme === 'dark' ? '?theme=dark' : '', lang: 'da', prefix: `axe-${theme}`, check: true });
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
