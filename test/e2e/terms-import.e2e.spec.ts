/**
 * The kommissorium import in real Chromium: the secretary of Fokusgruppen Sundhed
 * og Beskæftigelse opens the import from the forum page, pastes the text of seed
 * 002, sees each value's source highlighted in the document as she moves through
 * the fields, answers which "Klyngestyregruppe" is meant, reviews the diff and
 * confirms version 2. Screens go to test-output/e2e/terms-import*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { root, shot, signIn, startE2E, type E2E } from './e2e.support.js';

const seed002 = readFileSync(path.join(root, '../shared/seeds/002_2c09deccaef39801.txt'), 'utf8');
const forumId = 'vest-fg-sb';
const secretary = 'bente-vest';

describe('importing a kommissorium in the tab (Chromium)', () => {
  let e: E2E;
  let page: Page;
  beforeAll(async () => {
    e = await startE2E('2026-11-23T09:00:00Z');
    page = e.page;
  }, 180_000);
  afterAll(async () => e?.close());

  const highlight = () => page.getByTestId('source-highlight');

  it('reads pasted seed 002, highlights each field\'s source, and confirms version 2 with the diff', async () => {
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await signIn(page, secretary);
    await page.getByRole('heading', { level: 2, name: 'Fokusgruppen Sundhed og Beskæftigelse' }).waitFor();
    await page.getByRole('button', { name: 'Importér kommissorium' }).click();
    await page.getByRole('heading', { level: 2, name: 'Importér kommissorium for Fokusgruppen Sundhed og Beskæftigelse' }).waitFor();
    expect(page.url()).toMatch(/#\/forums\/vest-fg-sb\/import$/);

    await page.getByLabel('Eller indsæt kommissoriets tekst').fill(seed002);
    await page.getByRole('button', { name: 'Læs kommissoriet' }).click();
    await page.getByRole('heading', { level: 3, name: 'Udkast til kommissorium: Fokusgruppen Sundhed og Beskæftigelse' }).waitFor();

    // Keyboard focus on a field highlights its source sentence in the document.
    const agenda = page.locator('[data-field="deadlines.agendaLead"]');
    await agenda.getByRole('spinbutton', { name: 'Dagsorden udsendes før mødet' }).focus();
    await expect(highlight().textContent()).resolves.toMatch(/14 dage/);
    expect(await agenda.getByRole('spinbutton', { name: 'Dagsorden udsendes før mødet' }).inputValue()).toBe('14');
    await expect(agenda.getByText(/\d+ % sikker/).textContent()).resolves.toMatch(/% sikker/);
    // ... and so does pointing at one.
    await page.locator('[data-field="meetings.perYearMin"]').hover();
    await expect(highlight().textContent()).resolves.toMatch(/4 gange årligt/);
    expect(await page.getByRole('spinbutton', { name: 'Møder om året (mindst)' }).inputValue()).toBe('4');

    // The parent is matched; the bare "Klyngestyregruppe" is asked, not chosen.
    await page.getByText('Fundet: Klyngestyregruppe for Vestklyngen').first().waitFor();
    const question = page.getByRole('radiogroup').first();
    expect(await question.getByRole('radio', { checked: true }).count()).toBe(0);
    await question.getByRole('radio', { name: 'Klyngestyregruppe for Vestklyngen' }).check();

    // The person edits a value before confirming.
    await page.getByRole('spinbutton', { name: 'Møder om året (mindst)' }).fill('3');
    await page.getByLabel('Gælder fra').fill('2027-01-01');
    const confirm = page.getByRole('button', { name: 'Bekræft og gem ny version' });
    expect(await confirm.isDisabled()).toBe(true); // the diff must be seen first
    await page.getByRole('button', { name: 'Se ændringer' }).click();
    const diff = page.getByRole('table', { name: 'Ændringer i forhold til version 1' });
    await diff.waitFor();
    await diff.getByRole('row', { name: /Gælder fra .*2017-05-03 .*2027-01-01/ }).waitFor();
    await diff.getByRole('row', { name: /Møder om året \(mindst\) 4 3/ }).waitFor();
    await diff.scrollIntoViewIfNeeded();
    await shot(page, 'terms-import-review');

    await confirm.click();
    await page.getByText('Version 2 af kommissoriet er gemt.').waitFor();
    await agenda.getByRole('spinbutton', { name: 'Dagsorden udsendes før mødet' }).focus();
    await highlight().waitFor();
    await shot(page, 'terms-import');

    const versions = (await (await fetch(`${e.app.url}/api/forums/${forumId}/terms`, { headers: e.app.as('bente-vest') })).json()) as { version: number; meetings: { perYearMin: number }; approvedByForumId?: string }[];
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]!.meetings.perYearMin).toBe(3);
    expect(versions[1]!.approvedByForumId).toBe('vest-ksg');

    await page.getByRole('link', { name: 'Tilbage til forummet' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Fokusgruppen Sundhed og Beskæftigelse' }).waitFor();
    await page.getByText(/Version 2 · Gældende fra 1\. januar 2027/).waitFor();
    await shot(page, 'terms-import-forum');
  }, 120_000);
});
