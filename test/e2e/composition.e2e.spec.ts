/**
 * The seat check of a forum with no terms of reference, in the tab (issue 12): the
 * server answers no findings and a message; the tab says there are no terms to check
 * against, never "the composition matches the terms" (which a hand-copied response
 * type without `message` once made it say). The terms tab of such a forum tells its secretary to
 * import them and any other reader who can add them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { shot, signIn, startE2E, type E2E } from './e2e.support.js';

describe('the seat check in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E('2026-12-03T09:00:00Z');
  }, 180_000);
  afterAll(async () => e?.close());

  it('says a forum with no terms has nothing to check its composition against, and checks one that has terms', async () => {
    const { page, app } = e;
    await page.goto(`${app.url}/`);
    await signIn(page, 'lone-birk');
    const tree = page.getByRole('tree', { name: 'Forumhierarki' });
    // Sundhedsråd Midt has no terms of reference in the demo.
    await tree.getByText('Sundhedsråd Midt', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Sundhedsråd Midt' }).waitFor();
    // The terms tab (the first) tells its secretary how to add them: the import, reviewed before anything is saved.
    const noTerms = page.getByTestId('no-terms');
    await noTerms.waitFor();
    expect(await noTerms.innerText()).toContain('Læs det ind fra et Word-, PDF- eller tekstdokument med «Importér kommissorium» ovenfor.');
    expect(await page.getByRole('button', { name: 'Importér kommissorium' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Sammensætning' }).click();
    const notChecked = page.getByTestId('composition-not-checked');
    await notChecked.waitFor();
    expect(await notChecked.innerText()).toContain('Der er endnu intet kommissorium for dette forum.');
    expect(await page.getByText('Sammensætningen svarer til kommissoriet.').count()).toBe(0);
    expect(await page.getByText('Tjekket pr.').count()).toBe(0);
    await shot(page, 'composition-no-terms');

    // A forum with terms is checked: its findings (or the match) show, not the missing terms.
    await tree.getByText('Klyngestyregruppe for Midtklyngen', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Klyngestyregruppe for Midtklyngen' }).waitFor();
    await page.getByRole('tab', { name: 'Sammensætning' }).click();
    await page.getByRole('table', { name: 'Pladstjek mod kommissoriet' }).or(page.getByText('Sammensætningen svarer til kommissoriet.')).waitFor();
    expect(await notChecked.count()).toBe(0);
    await page.getByText('Tjekket pr. 3. december 2026').waitFor();
  });

  it('tells a reader who cannot import who adds the missing terms, without the import button', async () => {
    const { page, app } = e;
    await page.goto(`${app.url}/`);
    await signIn(page, 'pia-strand');
    await page.goto(`${app.url}/#/forums/sr-midt`);
    await page.getByRole('heading', { level: 2, name: 'Sundhedsråd Midt' }).waitFor();
    const noTerms = page.getByTestId('no-terms');
    await noTerms.waitFor();
    expect(await noTerms.innerText()).toContain('Forummets sekretær eller regionens sekretariat kan lægge det ind.');
    expect(await noTerms.innerText()).not.toContain('Importér kommissorium');
    expect(await page.getByRole('button', { name: 'Importér kommissorium' }).count()).toBe(0);
    await shot(page, 'terms-missing-reader');
  });
});
