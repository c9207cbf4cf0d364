/**
 * The "Synkronisering" screen in real Chromium, on a whole server started as
 * `npm start` starts it (GRAPH_MODE=emulator, the Graph emulator inside): the demo
 * secretary opens it from the navigation, sees her forums' channels, events and the
 * sent agenda with their state, and retries a sync that failed for good (a private
 * channel needs an owner with an Entra id, which the demo people lack); once the
 * cause is gone the retried row turns synced. A card for a Teams meeting's chat whose
 * post was cut off (it may be in the chat) is shown with the reason, and the secretary
 * who has looked in the chat posts it from there. A plain member is offered no link and
 * is told why; with GRAPH_MODE=off the screen says sync is off.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { shot, signIn, startE2E, type E2E } from './e2e.support.js';

const secretary = 'nina-hald';
const chair = 'gorm-ravn';
const member = 'pia-strand';
const meetingId = 'mtg-midt-ksg-2027-1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type View = { mode: string; forums: { forumId: string; name: string; channel: { status: string; lastError?: string | null }; events: { meetingId: string; status: string }[]; documents: { documentId: string; status: string }[] }[] };
const open = (s: string) => s === 'failed' || s === 'pending';

describe('the sync status screen (Chromium, emulator mode)', () => {
  let e: E2E;
  const call = async (method: string, url: string, as: string, body?: unknown) => {
    const r = await fetch(e.app.url + url, { method, headers: { ...e.app.as(as), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };
  const view = (): Promise<View> => call('GET', '/api/sync/status', secretary);
  const until = async (what: string, ok: (v: View) => boolean) => {
    for (let i = 0; i < 600; i++) {
      const v = await view();
      if (ok(v)) return v;
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const forumId = 'midt-ktg-boern';

  beforeAll(async () => {
    e = await startE2E('2027-01-20T09:00:00Z', { graph: 'emulator' });
    // The start-up sync makes every demo forum's channel.
    await until('the first sync of the channels', (v) => v.forums.every((f) => f.channel.status === 'synced'));
    // A sent agenda, so a document row is there too.
    await call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på sundhedsaftalen', kind: 'discussion', presenters: ['Nina Hald'], minutes: 20, background: 'Status.', recommendations: ['At status drøftes'] });
    await call('POST', `/api/meetings/${meetingId}/agenda/approve`, chair);
    await call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary);
    await until('the agenda upload', (v) => v.forums.find((f) => f.forumId === 'midt-ksg')!.documents.some((d) => d.status === 'synced'));
    // A permanent failure: the forum wants a private channel, whose owner must have an Entra id.
    const repo = registryRepository(e.app.db.db);
    await repo.updateForum({ ...(await repo.getForum(forumId))!, channelType: 'private' });
    await e.app.deps.queue.enqueue('m365.forum-sync', { forumId });
    await until('the failed channel sync', (v) => v.forums.find((f) => f.forumId === forumId)!.channel.status === 'failed');
    // On a loaded machine the start-up sync may still be working through the cluster's meetings: the filter
    // below expects it to have nothing waiting.
    await until('the cluster steering group synced', (v) => {
      const ksg = v.forums.find((f) => f.forumId === 'midt-ksg')!;
      return ![ksg.channel.status, ...ksg.events.map((x) => x.status), ...ksg.documents.map((x) => x.status)].some(open);
    });
  }, 480_000);
  afterAll(async () => e?.close());

  it('shows the secretariat each forum\'s channel, events and documents, and retries a failed one', async () => {
    const page = e.page;
    await page.goto(`${e.app.url}/`);
    await signIn(page, secretary);
    const link = page.getByRole('navigation').getByRole('link', { name: 'Synkronisering' });
    await link.click();
    await page.getByRole('heading', { level: 2, name: 'Synkronisering med Microsoft 365' }).waitFor();
    expect(await link.getAttribute('aria-current')).toBe('page');
    await page.getByText('Lokal Graph-emulator').waitFor();

    const ksg = page.getByRole('table', { name: 'Synkronisering for Klyngestyregruppe for Midtklyngen' });
    await ksg.waitFor();
    const header = await ksg.getByRole('columnheader').allTextContents();
    expect(header).toEqual(['Element', 'Status', 'Forsøg', 'Senest synkroniseret', 'Bemærkning eller fejl', 'Handling']);
    await ksg.getByRole('row', { name: /Teams-kanal.*Synkroniseret/ }).waitFor();
    expect(await ksg.getByRole('row', { name: /^Møde .* kl\. \d\d\.\d\d.*Synkroniseret/ }).count()).toBeGreaterThan(0);
    await ksg.getByRole('row', { name: /Dagsorden, version 1 \(11\. februar 2027\).*Synkroniseret/ }).waitFor();
    expect(await ksg.getByRole('button', { name: /^Prøv igen/ }).count()).toBe(0); // nothing to retry there
    // A meeting held before it reached Outlook says why it has no event, instead of a bare "Ikke synkroniseret".
    const heldRow = ksg.getByRole('row', { name: /Møde 12\. november 2026 kl\. 13\.00/ });
    expect(await heldRow.textContent()).toMatch(/Ikke synkroniseret.*et afholdt møde sendes ikke til Outlook bagefter/);

    const boern = page.getByRole('table', { name: 'Synkronisering for Klynge-temagruppe for børn, unge og familien' });
    const failedRow = boern.getByRole('row', { name: /Teams-kanal.*Fejlet/ });
    await failedRow.waitFor();
    expect(await failedRow.textContent()).toMatch(/Entra id/);
    await page.getByText(/^1 fejlet · \d+ venter · \d+ synkroniseret$/).waitFor();
    // Only failed and pending: the forum with the failure is left, with its one row.
    await page.getByRole('checkbox', { name: 'Vis kun fejlede og ventende' }).check();
    await page.getByRole('table').first().waitFor();
    expect((await page.getByRole('table').all()).length).toBeGreaterThanOrEqual(1);
    // The cluster steering group has nothing failed or waiting once its follow-ups are through (after its agenda is
    // synced, its events are updated with it: a few seconds of "venter" that a fresh-clone run once caught here). Wait
    // for that in the API; the screen, reading again by itself every 15 s, then leaves its table out.
    await until('the cluster steering group quiet again', (v) => {
      const ksg = v.forums.find((f) => f.forumId === 'midt-ksg')!;
      return ![ksg.channel.status, ...ksg.events.map((x) => x.status), ...ksg.documents.map((x) => x.status)].some(open);
    });
    await page.getByRole('table', { name: 'Synkronisering for Klyngestyregruppe for Midtklyngen' }).waitFor({ state: 'detached', timeout: 45_000 });
    expect(await page.getByRole('table', { name: 'Synkronisering for Klynge-temagruppe for børn, unge og familien' }).count()).toBe(1);
    await shot(page, 'sync-status-failed');

    // The cause is fixed (the forum is back to a standard channel); the secretary retries from the screen, by keyboard.
    const repo = registryRepository(e.app.db.db);
    await repo.updateForum({ ...(await repo.getForum(forumId))!, channelType: 'standard' });
    const retry = boern.getByRole('button', { name: 'Prøv igen: Teams-kanal' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Teams-kanal er sat i kø igen.' }).waitFor();
    await shot(page, 'sync-status-retried');
    // The job runs and the screen shows it synced (it looks again by itself a few seconds later).
    await page.getByRole('checkbox', { name: 'Vis kun fejlede og ventende' }).uncheck();
    await boern.getByRole('row', { name: /Teams-kanal.*Synkroniseret/ }).waitFor({ timeout: 30_000 });
    expect((await view()).forums.find((f) => f.forumId === forumId)!.channel.status).toBe('synced');
    const audit = await call('GET', `/api/forums/${forumId}/audit`, secretary);
    expect((audit as { action: string; target: string }[]).some((a) => a.action === 'm365.sync.retry' && a.target === `forum:${forumId}`)).toBe(true);
    await page.getByText(/^0 fejlet · \d+ venter · \d+ synkroniseret$/).waitFor();
    await shot(page, 'sync-status');

    await page.selectOption('#lang', 'en');
    await page.getByRole('heading', { level: 2, name: 'Sync with Microsoft 365' }).waitFor();
    await page.getByRole('table', { name: 'Sync of Klyngestyregruppe for Midtklyngen' }).getByRole('columnheader', { name: 'Last synced' }).waitFor();
    await page.selectOption('#lang', 'da');
  });

  it('shows a meeting chat card whose post was cut off, with the reason, and lets the secretary post it', async () => {
    // A meeting in a room (its job, when run, posts nothing and leaves the record as the retry left it).
    const m = (await meetingsRepository(e.app.db.db).listMeetings({ forumIds: ['midt-ksg'] })).find((x) => x.status === 'planned' && !x.online && !!x.location)!;
    const key = `${m.id}:minutes:v3`;
    const sync = syncRepository(e.app.db.db);
    await sync.begin('chat', key, 'midt-ksg');
    await sync.record('chat', key, { container: '19:meeting_x@thread.v2', detail: { meetingId: m.id, about: 'minutes', version: 3, attempt: { at: '2027-01-20T09:00:00.000Z' }, uncertainSince: '2027-01-20T09:00:10.000Z' } }, 'failed');
    await sync.fail('chat', key, 'Ukendt om kortet kom i mødechatten: forsøget blev afbrudt efter afsendelsen (nedbrud eller mistet forbindelse), og Graph kan ikke spørges. Se efter i mødets chat. / Unknown whether the card reached the meeting chat.');
    const page = e.page;
    // A real page load: the page is still on #/sync from the test before, and going to the same
    // address with only a fragment does not reload it; the screen would show what it read then
    // (this passed only while the test before's delayed look again happened after these writes).
    await page.goto('about:blank');
    await page.goto(`${e.app.url}/#/sync`);
    await page.getByRole('heading', { level: 2, name: 'Synkronisering med Microsoft 365' }).waitFor();
    const ksg = page.getByRole('table', { name: 'Synkronisering for Klyngestyregruppe for Midtklyngen' });
    const row = ksg.getByRole('row', { name: /Kort i mødechatten: Referat, version 3 \(.+\).*Fejlet/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Ukendt om kortet kom i mødechatten.*Se efter i mødets chat/);
    const post = row.getByRole('button', { name: /^Send kortet, det er ikke i chatten: Kort i mødechatten: Referat, version 3/ });
    expect(await post.textContent()).toBe('Send kortet (det er ikke i chatten)');
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'sync-status-chat-card');
    await post.click();
    await page.getByRole('status').filter({ hasText: /Kort i mødechatten: Referat, version 3 .* er sat i kø igen\./ }).waitFor();
    const jobs = (await e.app.deps.queue.findJobs<{ meetingId: string; about: string; version: number }>('m365.meeting-chat')).filter((j) => j.data.meetingId === m.id && j.data.version === 3);
    expect(jobs.map((j) => j.data)).toEqual([{ meetingId: m.id, about: 'minutes', version: 3 }]);
    expect((await sync.get('chat', key))!.detail).not.toHaveProperty('attempt');
  });

  it('keeps up by itself when left open: a channel that fails meanwhile shows as failed without a reload', async () => {
    const page = e.page;
    await page.goto('about:blank');
    await page.goto(`${e.app.url}/#/sync`);
    const boern = page.getByRole('table', { name: 'Synkronisering for Klynge-temagruppe for børn, unge og familien' });
    await boern.getByRole('row', { name: /Teams-kanal.*Synkroniseret/ }).waitFor();
    const stamp = page.locator('[data-sync-loaded="ok"]');
    expect(await stamp.innerText()).toMatch(/^Opdateret kl\. \d\d\.\d\d\.\d\d; opdateres af sig selv hvert 15\. sekund$/);
    // Broken and synced again behind the screen's back (as another secretary's change or a nightly job would).
    const repo = registryRepository(e.app.db.db);
    await repo.updateForum({ ...(await repo.getForum(forumId))!, channelType: 'private' });
    await e.app.deps.queue.enqueue('m365.forum-sync', { forumId });
    await until('the failed channel sync', (v) => v.forums.find((f) => f.forumId === forumId)!.channel.status === 'failed');
    // No reload, no click: the next refresh (every 15 s) shows it.
    await boern.getByRole('row', { name: /Teams-kanal.*Fejlet/ }).waitFor({ timeout: 60_000 });
    await repo.updateForum({ ...(await repo.getForum(forumId))!, channelType: 'standard' });
    await e.app.deps.queue.enqueue('m365.forum-sync', { forumId });
    await boern.getByRole('row', { name: /Teams-kanal.*Synkroniseret/ }).waitFor({ timeout: 60_000 });
  }, 240_000);

  it('offers a plain member no link, and tells them why when they open it anyway', async () => {
    const page = e.page;
    await page.goto(`${e.app.url}/`);
    await signIn(page, member);
    await page.getByRole('navigation').getByRole('link', { name: 'Mit overblik' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Synkronisering' }).count()).toBe(0);
    await page.goto(`${e.app.url}/#/sync`);
    await page.getByText('Kun et forums sekretariat (sekretær, formand eller medformand) kan se synkroniseringen.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });
});

describe('the sync status screen with GRAPH_MODE=off', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E('2027-01-20T09:00:00Z');
  });
  afterAll(async () => e?.close());

  it('says that sync is off instead of showing a table', async () => {
    await e.page.goto(`${e.app.url}/`);
    await signIn(e.page, secretary);
    await e.page.getByRole('navigation').getByRole('link', { name: 'Synkronisering' }).click();
    await e.page.getByText(/er slået fra på denne server \(GRAPH_MODE=off\)/).waitFor();
    expect(await e.page.getByRole('table').count()).toBe(0);
    await shot(e.page, 'sync-status-off');
  });
});
