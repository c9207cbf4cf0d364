/**
 * Regions in the tab (issue 15), real Chromium on the demo: a tenant
 * administrator opens "Regioner", merges the demo's Region Hovedstaden and Region
 * Sjælland into a new Region Østdanmark, and the list says so; the old public
 * addresses redirect to the new one. A region's secretariat sees the list with
 * a rename button for its own region only, and no create or merge forms.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { TENANT_ADMIN } from '../../src/domain/access/access.policy.js';
import { shot, signIn, startE2E, type E2E } from './e2e.support.js';

const admin = 'ada-admin';
const regionSecretary = 'dorte-bach'; // Region Midtjylland's secretariat

describe('regions in the tab (Chromium)', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E('2026-12-03T09:00:00Z');
    const reg = registryRepository(e.app.db.db);
    await reg.insertPerson({ id: admin, name: 'Ada Administrator', email: 'ada.admin@rm.dk', hasTeams: true });
    await reg.grantPlatformRole(admin, TENANT_ADMIN, 'test');
  }, 240_000);
  afterAll(async () => e?.close());

  it("a region's secretariat may rename its own region only, and neither create nor merge", async () => {
    const page = e.page;
    await page.goto(`${e.app.url}/#/regions`);
    await signIn(page, regionSecretary);
    await page.getByRole('heading', { level: 2, name: 'Regioner' }).waitFor();
    await page.getByRole('row', { name: /Region Midtjylland.*Central Denmark Region/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Omdøb / }).allTextContents()).toEqual(['Omdøb']);
    expect(await page.getByRole('button', { name: 'Omdøb Region Midtjylland' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Læg regioner sammen' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Opret region' }).count()).toBe(0);
    await shot(page, 'regions-secretariat', { fullPage: true });
  }, 240_000);

  it('a tenant administrator merges Hovedstaden and Sjælland into a new Region Østdanmark', async () => {
    const page = e.page;
    await page.goto(`${e.app.url}/#/regions`);
    await signIn(page, admin);
    await page.getByRole('heading', { name: 'Læg regioner sammen' }).waitFor();
    await page.getByRole('checkbox', { name: 'Region Hovedstaden' }).check();
    await page.getByRole('checkbox', { name: 'Region Sjælland' }).check();
    await page.getByRole('textbox', { name: 'Den nye regions navn (dansk)' }).fill('Region Østdanmark');
    await page.getByRole('textbox', { name: 'Den nye regions navn (engelsk, valgfrit)' }).fill('Region East Denmark');
    await shot(page, 'regions-merge-form', { fullPage: true });
    await page.getByRole('button', { name: 'Læg sammen', exact: true }).click();
    await page.getByText('Region Hovedstaden og Region Sjælland er lagt sammen i Region Østdanmark.').waitFor();
    await page.getByRole('row', { name: /Region Hovedstaden.*Lagt sammen med Region Østdanmark/ }).waitFor();
    await page.getByRole('row', { name: /Region Østdanmark.*Region East Denmark.*\/offentlig\/oestdanmark.*Aktiv/ }).waitFor();
    await shot(page, 'regions-merged', { fullPage: true });
    const old = await fetch(`${e.app.url}/offentlig/hovedstaden`, { redirect: 'manual' });
    expect([old.status, old.headers.get('location')]).toEqual([301, '/offentlig/oestdanmark']);
    const now = await fetch(`${e.app.url}/offentlig/oestdanmark`);
    expect(now.status).toBe(200);
    expect(await now.text()).toContain('Omfatter Region Hovedstaden og Region Sjælland');
  }, 240_000);
});
