/**
 * The 2027 reform in real Chromium, on a whole server with the Graph emulator (as
 * `npm start` runs): the region's secretary opens "Omstilling", loads the demo's
 * prepared transition (the Midtklyngen forums end on 31 December 2026 and hand
 * over to Sundhedsråd Midt), changes one choice, previews and applies it. Then the
 * emulator shows the ending forums' 2027 meetings cancelled with the notice and
 * their channels archived; the members sit in the successors; no reminder for the
 * ended forums is planned on any of the 60 days after the date; their public
 * archive is still there. Undo, before the date, restores everything (the events
 * are made again and the channels unarchived).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { planReminders } from '../../src/domain/reminders/reminder.planner.js';
import { loadPlanInput } from '../../src/usecases/bot/reminder-plan.usecase.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { shot, signIn, startE2E, type E2E } from './e2e.support.js';

const regionSecretary = 'dorte-bach';
const ending = ['midt-ksg', 'midt-ktg-voksen', 'midt-ktg-boern'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type EmuState = {
  teams: Record<string, { channels: Record<string, { description: string | null; isArchived: boolean }> }>;
  mailboxes: Record<string, { events: Record<string, { singleValueExtendedProperties?: { value: string }[] }>; cancellations: { eventId: string; comment: string | null }[] }>;
};

describe('the 2027 transition in the tab (Chromium, emulator mode)', () => {
  let e: E2E;
  let future: string[] = [];
  const emu = (): EmuState => {
    const file = path.join(e.dataDir, 'graph-emulator.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as EmuState) : { teams: {}, mailboxes: {} };
  };
  const until = async <T,>(what: string, get: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    let last: T | undefined;
    // Up to 6 minutes: on a loaded machine the sync works through the demo's first sync of every
    // meeting before it gets to these.
    const deadline = Date.now() + 360_000;
    while (Date.now() < deadline) {
      last = await get();
      if (ok(last)) return last;
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)?.slice(0, 500)}`);
  };
  const eventMeetingIds = (s: EmuState) => new Set(Object.values(s.mailboxes).flatMap((m) => Object.values(m.events).map((ev) => ev.singleValueExtendedProperties?.[0]?.value)));
  const channelOf = (s: EmuState, forumId: string) => Object.values(s.teams).flatMap((t) => Object.values(t.channels)).find((c) => (c.description ?? '').includes(`[samraad:${forumId}]`));

  beforeAll(async () => {
    e = await startE2E('2026-12-03T09:00:00Z', { graph: 'emulator' });
    const meetings = await meetingsRepository(e.app.db.db).listMeetings({ forumIds: ending });
    future = meetings.filter((m) => m.status === 'planned' && m.date >= '2027-01-01').map((m) => m.id).sort();
    expect(future.length).toBeGreaterThan(0);
    // The start-up sync: every ending forum's channel, and an Outlook event for each of their 2027 meetings.
    await until('the first sync', emu, (s) => ending.every((f) => channelOf(s, f)) && future.every((id) => eventMeetingIds(s).has(id)));
  }, 480_000);
  afterAll(async () => e?.close());

  it('prepares, previews and applies the demo transition in the tab; the emulator shows the effects', async () => {
    const page = e.page;
    await page.goto(`${e.app.url}/`);
    await signIn(page, regionSecretary);
    await page.getByRole('navigation').getByRole('link', { name: 'Omstilling: Region Midtjylland' }).click();
    await page.getByRole('heading', { level: 2, name: 'Omstilling i Region Midtjylland' }).waitFor();
    await page.getByRole('button', { name: /^Indlæs "Sundhedsreformen 2027/ }).click();
    for (const name of ['Klyngestyregruppe for Midtklyngen', 'Klynge-temagruppe for den voksne patient/borger', 'Klynge-temagruppe for børn, unge og familien']) {
      expect(await page.getByRole('checkbox', { name: `Nedlægges: ${name}` }).isChecked()).toBe(true);
    }
    // One choice changed in the tab: the children's theme group's proposals are closed with a reason.
    await page.getByRole('combobox', { name: 'Forslag til dagsordenen: Klynge-temagruppe for børn, unge og familien' }).selectOption('close');
    await page.getByRole('textbox', { name: 'Begrundelse: Forslag til dagsordenen, Klynge-temagruppe for børn, unge og familien' }).fill('Forslagene behandles ikke efter nedlæggelsen');
    await page.getByRole('button', { name: 'Se konsekvenser' }).click();
    const preview = page.getByTestId('transition-preview');
    await preview.getByText(`${future.length} møder aflyses i Outlook med beskeden`, { exact: false }).waitFor();
    await preview.getByText('3 Teams-kanaler arkiveres', { exact: false }).waitFor();
    await shot(page, 'transition-preview');
    await preview.getByRole('button', { name: 'Gennemfør omstillingen' }).click();
    await page.getByText(/er gennemført\. Møderne aflyses/).waitFor();
    await page.getByRole('row', { name: /Sundhedsreformen 2027.*Gennemført/ }).waitFor();
    await shot(page, 'transition-applied');

    // Outlook: every 2027 meeting of the ending forums cancelled, with the notice as the cancellation's comment.
    const s = await until('the cancellations and the archived channels', emu, (x) => future.every((id) => !eventMeetingIds(x).has(id)) && ending.every((f) => channelOf(x, f)?.isArchived === true));
    const comments = Object.values(s.mailboxes).flatMap((m) => m.cancellations.map((c) => c.comment));
    expect(comments.filter((c) => c?.startsWith('Mødet aflyses: forummet nedlægges 31. december 2026'))).toHaveLength(future.length);
    // The successors' channels are not archived.
    expect(channelOf(s, 'vest-ksg')?.isArchived).toBe(false);

    const reg = registryRepository(e.app.db.db);
    const steering = await reg.listMemberships({ forumId: 'sr-midt-sg' });
    expect(steering.filter((m) => m.from === '2027-01-01').map((m) => m.personId)).toEqual(expect.arrayContaining(['gorm-ravn', 'helle-dam', 'nina-hald', 'ole-bak']));
    for (const f of ending) expect((await reg.getForum(f))!.endedOn).toBe('2026-12-31');

    // No reminder or card for the ended forums on any of the 60 days after the date.
    const transact = workflowTransactor(e.app.deps);
    for (let day = 0; day < 60; day++) {
      const now = new Date(Date.parse('2027-01-01T07:00:00Z') + day * 86_400_000);
      const planned = planReminders(await transact((uow) => loadPlanInput(uow, now)));
      expect(planned.filter((p) => ending.includes(p.forumId))).toEqual([]);
    }
    // The public archive is kept: the region's public page still lists the ended forums.
    const pub = await (await fetch(`${e.app.url}/offentlig`)).text();
    const regionHref = /href="(\/offentlig\/[^"]+)"/.exec(pub)![1]!;
    const regionPage = await (await fetch(e.app.url + regionHref)).text();
    expect(regionPage).toContain('Klyngestyregruppe for Midtklyngen');

    // The ending forum's own page says so before the date, and leads to where the work goes on.
    await page.goto(`${e.app.url}/#/forums/midt-ksg`);
    const banner = page.getByTestId('forum-ending');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Forummet nedlægges med udgangen af 31. december 2026 ved en omstilling');
    // The forum tree marks every forum the transition ends, and no other.
    const marked = await page.locator('[data-forum-id]').evaluateAll((items) =>
      items.filter((i) => i.querySelector(':scope > .fui-TreeItemLayout')?.textContent?.includes('Nedlægges')).map((i) => i.getAttribute('data-forum-id')));
    expect([...marked].sort()).toEqual([...ending].sort());
    await shot(page, 'transition-forum-ending');
    await banner.getByRole('link', { name: 'Styregruppe for Sundhedsråd Midt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Styregruppe for Sundhedsråd Midt' }).waitFor();
    expect(await page.getByTestId('forum-ending').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Omstilling: Region Midtjylland' }).click();
    await page.getByRole('row', { name: /Sundhedsreformen 2027.*Gennemført/ }).waitFor();
  }, 480_000);

  it('undoes before the date in the tab: the meetings, events, channels and seats are back', async () => {
    const page = e.page;
    await page.getByRole('button', { name: /^Fortryd "Sundhedsreformen 2027/ }).click();
    await page.getByText(/er fortrudt\. Alt er sat tilbage/).waitFor();
    await page.getByRole('row', { name: /Sundhedsreformen 2027.*Fortrudt/ }).waitFor();
    await until('the events made again and the channels unarchived', emu, (x) => future.every((id) => eventMeetingIds(x).has(id)) && ending.every((f) => channelOf(x, f)?.isArchived === false));
    const reg = registryRepository(e.app.db.db);
    for (const f of ending) expect((await reg.getForum(f))!.endedOn).toBeUndefined();
    // Undone, the forum's page no longer says it ends.
    await page.goto(`${e.app.url}/#/forums/midt-ksg`);
    await page.getByRole('heading', { level: 2, name: 'Klyngestyregruppe for Midtklyngen' }).waitFor();
    expect(await page.getByTestId('forum-ending').count()).toBe(0);
    const meetings = await meetingsRepository(e.app.db.db).listMeetings({ forumIds: ending });
    expect(meetings.filter((m) => future.includes(m.id)).every((m) => m.status === 'planned')).toBe(true);
    expect((await reg.listMemberships({ forumId: 'sr-midt-sg' })).map((m) => m.personId)).toEqual(['lone-birk']);
  }, 480_000);
  it('opens a region typed by its address (slug) under its name, and says so when no region has the name', async () => {
    const page = e.page;
    const { regions } = await page.evaluate(async () => (await fetch('/api/regions')).json() as Promise<{ regions: { name: string; slug: string }[] }>);
    const midt = regions.find((r) => r.name === 'Region Midtjylland')!;
    expect(midt.slug).not.toBe(midt.name);
    await page.goto(`${e.app.url}/#/regions/${midt.slug}/transitions`);
    await page.getByRole('heading', { level: 2, name: 'Omstilling i Region Midtjylland' }).waitFor();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/regions/Region Midtjylland/transitions');
    await page.getByRole('row', { name: /Sundhedsreformen 2027/ }).waitFor();
    await page.goto(`${e.app.url}/#/regions/Atlantis/transitions`);
    await page.getByText('Der findes ingen region, der hedder «Atlantis»', { exact: false }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Omstilling i Atlantis' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Gå til regionerne' }).waitFor();
  }, 240_000);
});
