/**
 * The emulator's page in a real browser: it renders what the app made (channels,
 * events, files, and the cards posted into a Teams meeting's chat) and axe-core
 * finds no accessibility violations.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { meetingSpec, SECRETARY, setUp, TEAM } from './graph.fixture.js';

describe('emulator page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  it('shows channels, events and files, with no axe violations', async () => {
    const { emu, graph, close } = await setUp();
    try {
      const ch = await graph.channels.ensureChannel({ teamId: TEAM, forumKey: 'f-1', name: 'Klynge-temagruppe for børn, unge og familien', membershipType: 'standard' });
      await graph.calendar.upsertEvent(meetingSpec(1));
      await graph.files.upload({ folder: await graph.files.channelFolder(ch), fileName: 'Dagsorden.docx', content: Buffer.from('x'), policy: 'replace' });
      // A card in the chat of the event's Teams meeting, as the meeting chat job posts it.
      const online = await graph.calendar.upsertEvent(meetingSpec(2));
      const thread = await graph.meetingChat.threadOf(SECRETARY, online.joinUrl!);
      await graph.meetingChat.postCard(thread!, {
        summary: 'Dagsorden: Styregruppen 2. marts 2027 kl. 13:00',
        card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Dagsorden (version 1): Styregruppen' }, { type: 'TextBlock', text: '1\\. Status på sundhedsaftalen' }], actions: [{ type: 'Action.OpenUrl', title: 'Åbn mødet i Samraad', url: 'https://samraad.example/#/meetings/2' }] },
      });
      const page = await browser.newPage();
      await page.goto(emu.url + '/');
      expect(await page.locator('h1').innerText()).toMatch(/Graph-emulator/);
      const rows = await page.locator('table tbody tr').allInnerTexts();
      expect(rows.some((r) => r.includes('Klynge-temagruppe for børn, unge og familien'))).toBe(true);
      expect(rows.some((r) => r.includes('Møde 1 i Styregruppen') && r.includes('13:00') && r.includes('Formand, Medlem'))).toBe(true);
      expect(rows.some((r) => r.includes('Dagsorden.docx'))).toBe(true);
      // The chat message: under its meeting (the event's subject and time), with the card's text.
      const chat = await page.locator('section[aria-labelledby="h-chats"] table tbody tr').allInnerTexts();
      expect(chat).toHaveLength(1);
      expect(chat[0]).toContain('Møde 2 i Styregruppen for sundhedsaftalen');
      expect(chat[0]).toContain('Dagsorden (version 1): Styregruppen');
      expect(chat[0]).toContain('1. Status på sundhedsaftalen');
      expect(chat[0]).toContain('[Åbn mødet i Samraad]');
      await page.screenshot({ path: 'test-output/e2e/emulator-page-chats.png', fullPage: true });
      const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: { id: string; help: string }[] };
      expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await page.close();
    } finally {
      await close();
    }
  });
});
