/**
 * Samraad inside a Teams meeting (issue 16), in real Chromium. A test page plays the
 * Teams host: it frames the tab and answers teams-js's postMessage protocol
 * (initialize with the frame context, getContext with the meeting, getAuthToken),
 * for the meeting's side panel and its stage. The bearer token the host hands out is
 * swapped for the dev sign-in header on the way to the server (the server's SSO
 * validation is tested elsewhere). The side panel shows the agenda with planned times,
 * the timer runs per item and says when an item runs over, the minute-taker's decision
 * is saved as she types; the stage shows the current item large. The timer is the
 * meeting's (kept by the server): the stage follows the secretary's panel, and a member's
 * panel follows it too, on the server's clock, without the buttons to move it. Screenshots in light
 * and dark, Danish and English, to $SHOTS_DIR (default test-output/e2e).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { shotsDir, startE2E, until, type E2E } from './e2e.support.js';

const meetingId = 'mtg-midt-ksg-2027-1';
const secretary = 'nina-hald';
const member = 'pia-strand';
const dir = process.env.SHOTS_DIR ?? shotsDir;

/** The simulated Teams host: frames `src` and answers the teams-js calls the tab makes. */
const hostPage = `<!doctype html><html><head><meta charset="utf-8"><title>Teams host (test)</title>
<style>body{margin:0;background:#292929}iframe{border:0;display:block;background:#fff}</style></head><body>
<iframe id="tab" title="Samraad"></iframe>
<script>
  window.saveTab = () => f.contentWindow.postMessage({ func: 'settings.save', args: [] }, location.origin);
  const q = new URLSearchParams(location.search);
  const frameContext = q.get('frame');
  const f = document.getElementById('tab');
  f.style.width = q.get('w') + 'px'; f.style.height = q.get('h') + 'px';
  window.hostLog = [];
  const context = {
    frameContext, hostName: 'Teams', hostClientType: 'web', theme: q.get('theme'), locale: q.get('locale'),
    meetingId: 'MCMxOTptZWV0aW5nX3Rlc3RAdGhyZWFkLnYy', chatId: '19:meeting_test@thread.v2',
    entityId: 'forum:midt-ksg', tid: '00000000-0000-0000-0000-0000000000aa', userObjectId: '00000000-0000-0000-0000-0000000000bb',
  };
  const runtime = { apiVersion: 4, supports: { appEntity: {}, authentication: {}, meeting: {}, pages: { appButton: {}, tabs: {}, config: {} }, teamsCore: {} } };
  window.addEventListener('message', (ev) => {
    if (ev.source !== f.contentWindow || typeof ev.data?.func !== 'string') return;
    const m = ev.data;
    window.hostLog.push(m.func);
    const reply = (args) => f.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, location.origin);
    if (m.func === 'initialize') reply([frameContext, 'web', JSON.stringify(runtime), '2.0.1']);
    else if (m.func === 'getContext') reply([context]);
    else if (m.func === 'authentication.getAuthToken') reply([true, 'simulated-sso-token']);
    else if (m.func === 'settings.setSettings') { window.savedSettings = m.args[0]; reply([true]); }
    else if (m.func === 'settings.setValidityState') window.valid = m.args[0];
  });
  f.src = q.get('src');
</script></body></html>`;

describe('Samraad in a Teams meeting: side panel and stage (Chromium)', () => {
  let e: E2E;
  /** Who the simulated host's SSO token stands for. */
  let signedIn = secretary;
  const api = async (p: string, as: string, init: RequestInit = {}) =>
    (await fetch(e.app.url + p, { ...init, headers: { 'content-type': 'application/json', ...e.app.as(as) } })).json() as Promise<any>;

  beforeAll(async () => {
    e = await startE2E('2027-01-05T09:00:00Z');
    await e.context.route(`${e.app.url}/__test/teams-host.html*`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage }));
    await e.context.route(`${e.app.url}/api/**`, async (route) => {
      const headers = { ...route.request().headers() };
      // Only what the tab got from the host: a request without the host's token is not let through as anyone.
      if (headers.authorization !== 'Bearer simulated-sso-token') return route.continue();
      delete headers.authorization;
      return route.continue({ headers: { ...headers, 'x-samraad-dev-person': signedIn } });
    });
    for (const [title, minutes, presenters] of [['Sundhedsaftalens indsatsområder 2027', 45, ['Gorm Ravn']], ['Status på udskrivningsforløb', 20, []]] as const) {
      const r = await api(`/api/meetings/${meetingId}/items`, secretary, { method: 'POST', body: JSON.stringify({ title, minutes, presenters }) });
      expect(JSON.stringify(r)).toContain(title);
    }
  }, 240_000);
  afterAll(async () => {
    await e?.close();
  });

  const open = async (page: Page, frame: 'sidePanel' | 'meetingStage' | 'settings', o: { theme?: string; locale?: string; w?: number; h?: number } = {}): Promise<Frame> => {
    const src = frame === 'settings' ? `${e.app.url}/config.html` : `${e.app.url}/#/meetings/${meetingId}`;
    const q = new URLSearchParams({ frame, theme: o.theme ?? 'default', locale: o.locale ?? 'da-dk', w: String(o.w ?? (frame === 'sidePanel' ? 320 : 1280)), h: String(o.h ?? (frame === 'sidePanel' ? 1000 : 720)), src });
    await page.goto(`${e.app.url}/__test/teams-host.html?${q}`);
    const part = frame === 'settings' ? '/config.html' : '/#/meetings/';
    await page.waitForFunction((p) => document.querySelector('iframe')?.contentWindow?.location.href.includes(p), part);
    const f = page.frames().find((x) => x.url().includes(part))!;
    expect(f).toBeDefined();
    return f;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(dir, `${name}.png`) });

  it('the side panel shows the agenda with times, runs the timer per item, and saves the minute-taker\'s decision', async () => {
    fs.mkdirSync(dir, { recursive: true });
    signedIn = secretary;
    const page = e.page;
    await page.clock.install({ time: new Date('2027-02-11T12:00:00Z') });
    // The timer is the meeting's, on the server's clock: it is set with the browser's (the server's test clock stands still).
    e.clock.set('2027-02-11T12:00:00Z');
    const panel = await open(page, 'sidePanel');
    // The tab knew it was in the side panel: the compact view, not the whole tab (no forum tree).
    await panel.getByText('1. Velkommen').waitFor();
    expect(await panel.getByRole('tree').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).hostLog as string[])).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']));
    await panel.getByText('kl. 13:05–13:50 · 45 min. afsat').waitFor();
    await panel.getByText('Tiden er ikke startet.').waitFor();
    await shot(page, 'panel-side-light-da-not-started');

    await panel.getByRole('button', { name: 'Start mødet' }).click();
    await panel.getByRole('status').filter({ hasText: 'Punkt 1 er i gang: Velkommen. 5 minutter afsat.' }).waitFor();
    await panel.getByRole('button', { name: 'Næste punkt' }).click();
    const item2 = panel.getByTestId('panel-item-2');
    // The step goes through the server (the meeting's timer): the panel shows it when the answer is back.
    await panel.locator('[data-testid="panel-item-2"][aria-current="step"]').waitFor();
    expect(await panel.getByTestId('panel-item-1').textContent()).toContain('✓ Behandlet');
    e.clock.set('2027-02-11T12:10:05Z');
    await page.clock.fastForward('10:05');
    await item2.getByRole('timer').filter({ hasText: /^10:0\d af 45 min\. · Inden for tiden$/ }).waitFor();
    e.clock.set('2027-02-11T12:46:05Z');
    await page.clock.fastForward('36:00');
    // Over time is said in words (and a sign), not only in colour, and announced once.
    await item2.getByRole('timer').filter({ hasText: /46:0\d af 45 min\. · ⚠ Over tid med 2 min\./ }).waitFor();
    await panel.getByRole('status').filter({ hasText: 'Tiden for punkt 2 er brugt.' }).waitFor();
    expect(await panel.locator('[aria-live="polite"]').count()).toBeGreaterThan(0);

    // The minute-taker writes the decision where the meeting happens; it is saved as she types.
    const items = (await api(`/api/meetings/${meetingId}`, secretary)).items as { id: string; title: string }[];
    const second = items.find((i) => i.title.startsWith('Sundhedsaftalens'))!;
    await panel.getByRole('textbox', { name: 'Beslutning, punkt 2: Sundhedsaftalens indsatsområder 2027' }).fill('Styregruppen godkendte indsatsområderne med de faldne bemærkninger.');
    await page.clock.fastForward(1000);
    await panel.getByTestId(`decision-state-${second.id}`).filter({ hasText: 'Gemt' }).waitFor();
    const saved = await until(async () => ((await api(`/api/meetings/${meetingId}`, secretary)).items as { id: string; decision?: string }[]).find((i) => i.id === second.id)?.decision, (d) => Boolean(d));
    expect(saved).toBe('Styregruppen godkendte indsatsområderne med de faldne bemærkninger.');
    await shot(page, 'panel-side-light-da-running');

    // The stage shows the item the panel is on, large: the meeting's timer, which every participant's client reads.
    const stagePage = await e.context.newPage();
    await stagePage.clock.install({ time: new Date('2027-02-11T12:46:05Z') });
    const stage = await open(stagePage, 'meetingStage');
    await stage.getByRole('heading', { level: 1, name: 'Sundhedsaftalens indsatsområder 2027' }).waitFor();
    await stage.getByText('Punkt 2 · 13:05–13:50 · 45 min. afsat').waitFor();
    await stage.getByText('Oplæg: Gorm Ravn').waitFor();
    await stage.getByText('Derefter: Punkt 3 · Status på udskrivningsforløb').waitFor();
    await stage.getByRole('timer').filter({ hasText: /Over tid med/ }).waitFor();
    await shot(stagePage, 'panel-stage-light-da');

    // The panel moves on: the stage follows.
    await panel.getByRole('button', { name: 'Næste punkt' }).click();
    await stage.getByRole('heading', { level: 1, name: 'Status på udskrivningsforløb' }).waitFor();

    // Dark and English (from the Teams locale: the choice saved in the browser is cleared first).
    await stage.evaluate(() => localStorage.removeItem('samraad.lang'));
    await open(stagePage, 'meetingStage', { theme: 'dark', locale: 'en-us' });
    const stageEn = stagePage.frames().find((x) => x.url().includes('/#/meetings/'))!;
    await stageEn.getByText('Item 3 · 13:50–14:10 · 20 min allotted').waitFor();
    await shot(stagePage, 'panel-stage-dark-en');
    await stagePage.close();
    const panelEn = await open(page, 'sidePanel', { theme: 'dark', locale: 'en-us' });
    await panelEn.getByText('13:50–14:10 · 20 min allotted · ▶ Now').waitFor();
    expect(await panelEn.getByRole('textbox', { name: 'Decision, item 2: Sundhedsaftalens indsatsområder 2027' }).inputValue()).toBe('Styregruppen godkendte indsatsområderne med de faldne bemærkninger.');
    await shot(page, 'panel-side-dark-en');
  }, 300_000);

  it('a member follows the meeting\'s timer in the side panel on the server\'s clock, cannot move it, sees no decision boxes and not the draft decisions', async () => {
    signedIn = member;
    // This browser's clock is today's, not the meeting's: the panel counts on the server's clock all the same.
    e.clock.set('2027-02-11T12:51:05Z');
    // Danish again (the host page has the tab's origin, so the same storage).
    await e.page.evaluate(() => localStorage.setItem('samraad.lang', 'da'));
    const page = await e.context.newPage();
    const panel = await open(page, 'sidePanel', { theme: 'dark' });
    await panel.getByText('1. Velkommen').waitFor();
    // Item 3 was started by the secretary at 12:46:05 (the first case): the member's panel is on it, five minutes in.
    const item3 = panel.getByTestId('panel-item-3');
    await panel.locator('[data-testid="panel-item-3"][aria-current="step"]').waitFor();
    await item3.getByRole('timer').filter({ hasText: /^5:0\d af 20 min\. · Inden for tiden$/ }).waitFor();
    await panel.getByTestId('timer-follows').filter({ hasText: 'Formanden eller sekretariatet styrer tiden' }).waitFor();
    for (const name of ['Start mødet', 'Næste punkt', 'Forrige punkt']) expect(await panel.getByRole('button', { name }).count()).toBe(0);
    // The minute-taker's decision (saved in the first case) is a draft: members read the minutes once they are sent.
    await panel.getByText('Kun referenten og sekretariatet skriver referatet. Du læser referatet og giver bemærkninger, når det er sendt til bemærkninger.').waitFor();
    expect(await panel.getByRole('textbox').count()).toBe(0);
    expect(await panel.getByText('Styregruppen godkendte indsatsområderne med de faldne bemærkninger.').count()).toBe(0);
    await shot(page, 'panel-side-dark-da-member');
    await page.close();
  }, 180_000);

  it('added to a Teams meeting, the configuration page offers my next meetings and saves the tab pointing at the chosen one', async () => {
    signedIn = secretary;
    // Back to the suite's day (the cases above moved the server's clock to the meeting's): the meeting is ahead.
    e.clock.set('2027-01-05T09:00:00Z');
    const page = await e.context.newPage();
    const config = await open(page, 'settings', { w: 700, h: 400 });
    await config.getByText('Hvilket møde skal fanen vise? / Which meeting should the tab show?').waitFor();
    await config.locator(`#forum option[value="${meetingId}"]`).waitFor({ state: 'attached' });
    expect(await config.locator(`#forum option[value="${meetingId}"]`).textContent()).toBe('Klyngestyregruppe for Midtklyngen, 11. februar 2027 kl. 13:00');
    await config.selectOption('#forum', meetingId);
    expect(await until(() => page.evaluate(() => (window as any).valid as boolean | undefined), (v) => v === true)).toBe(true);
    await shot(page, 'panel-config-meeting-da');
    await page.evaluate(() => (window as any).saveTab());
    const saved = await until(() => page.evaluate(() => (window as any).savedSettings as { entityId: string; contentUrl: string } | undefined), (v) => Boolean(v));
    expect(saved).toMatchObject({ entityId: `meeting:${meetingId}`, contentUrl: `${e.app.url}/#/meetings/${meetingId}` });
    await page.close();
  }, 180_000);
});
