/**
 * Issue 13, journey 4, in real Chromium with the Microsoft 365 sync against the
 * local Graph emulator and a fake Bot Connector (the secretary and one member have
 * the bot; every other member is a guest with only an e-mail address):
 *
 * - the agenda sent from the tab: exactly one post in the forum's channel, one card
 *   per bot user and one e-mail per guest (counted on the fake Bot Connector and in
 *   the emulator's sent mail), and nothing twice;
 * - the minutes of a held meeting out for remarks; approval before the window
 *   closes refused without a reason (the tab asks for one; the API refuses), then
 *   given with one, which the version history keeps; a correction with a reason;
 * - a task given to a person in the minutes, seen in that person's overview and
 *   marked done there;
 * - a 2020 meeting recorded as history with its real dates, and nothing sent for
 *   it (no job, no delivery, no Outlook event).
 *
 * The app's clock stays before the real one: the bot's dispatcher sends by real time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { botConversationRepository, botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { isActiveOn } from '../../src/domain/registry/registry.model.js';
import { noticeKey } from '../../src/domain/notifications/notice.model.js';
import { FakeBotConnector } from '../../bot/testing/fake-bot-connector.fixture.js';
import { systemClock } from '../../bot/dispatch/dispatch.clock.js';
import { emulatorState, eventsOf, shot, shotVariants, signIn, startE2E, until, type E2E } from './e2e.support.js';

const forumId = 'midt-ksg';
const secretary = 'nina-hald';
const chair = 'gorm-ravn';
const member = 'pia-strand';
const nextId = 'mtg-midt-ksg-2027-1';
const heldId = 'mtg-midt-ksg-2026-4';
const TENANT = '7a1c0000-0000-4000-8000-0000000000ff';
const START = '2026-12-01T09:00:00Z';

describe('journey 4: what goes out is told once; early approval, a correction, a task to a person, history (Chromium, emulator, fake Bot Connector)', () => {
  let e: E2E;
  let page: Page;
  let connector: FakeBotConnector;
  const botUsers = new Map<string, string>(); // person -> personal conversation
  const guests = new Map<string, string>(); // person -> e-mail
  let channelId = '';
  const call = async (method: string, path: string, as: string, body?: unknown) => {
    const r = await fetch(e.app.url + path, { method, headers: { ...e.app.as(as), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: r.status, body: (await r.json()) as any };
  };
  const get = async (path: string, as = secretary) => (await call('GET', path, as)).body;
  const as = async (personId: string) => {
    await page.goto(`${e.app.url}/`);
    await signIn(page, personId);
    await page.waitForURL(/#\/me$/);
  };
  const openMeeting = async (id: string, tab: 'Dagsorden' | 'Referat' | 'Versioner') => {
    const url = `${e.app.url}/#/meetings/${id}`;
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await page.getByRole('tab', { name: tab, exact: true }).click();
  };
  const mailsTo = async (address: string, subject: RegExp) =>
    (await emulatorState(e, secretary)).mail.filter((m) => (m.message.toRecipients ?? []).some((r) => r.emailAddress.address === address) && subject.test(String(m.message.subject)));

  /** Waits (generously) until every delivery of the notice is sent by the real job worker. */
  const settled = async (key: string, expected: number) => {
    const rows = await until(async () => (await botDeliveryRepository(e.app.db.db).list()).filter((d) => d.key === key), (rs) => rs.length === expected && rs.every((d) => d.state !== 'pending' && d.state !== 'retrying'), 180_000);
    expect(rows.map((d) => `${d.recipientId}:${d.state}:${d.lastError ?? ''}`).filter((x) => !x.includes(':sent:'))).toEqual([]);
    expect(rows).toHaveLength(expected);
    return rows;
  };

  beforeAll(async () => {
    connector = new FakeBotConnector({ clock: systemClock });
    const connectorUrl = await connector.start();
    e = await startE2E(START, { graph: 'emulator' });
    page = e.page;
    page.setDefaultTimeout(60_000); // a loaded 2-core machine
    await page.clock.setFixedTime(new Date(START));
    // The start-up sync makes the forum's channel in the emulator's team.
    const conversations = botConversationRepository(e.app.db.db);
    const where = await until(() => conversations.forumChannel(forumId), (w) => !!w, 120_000);
    expect(where).toBeTruthy();
    channelId = where!.teamsChannelId;
    // The app is installed in that team (the bot has the channel's conversation) ...
    await conversations.save({ kind: 'channel', conversationId: channelId, tenantId: TENANT, serviceUrl: connectorUrl, teamId: where!.teamId, teamsChannelId: channelId, forumId, reference: { conversation: { id: channelId }, serviceUrl: connectorUrl }, updatedAt: new Date().toISOString() } as Parameters<typeof conversations.save>[0]);
    // ... the secretary and one member have the bot; every other member is a guest with an e-mail address only.
    const personal: Parameters<typeof conversations.save>[0][] = [];
    await workflowTransactor(e.app.deps)(async (uow) => {
      const ids = [...new Set((await uow.registry.listMemberships({ forumId })).filter((m) => isActiveOn(m, '2026-12-01')).map((m) => m.personId))];
      for (const [i, personId] of ids.entries()) {
        const p = (await uow.registry.getPerson(personId))!;
        if (personId === secretary || personId === member) {
          const aad = `7a1c0000-0000-4000-8000-${String(100000000000 + i)}`;
          await uow.registry.updatePerson({ ...p, entraObjectId: aad, tenantId: TENANT, hasTeams: true });
          const conv = `a:chat-${personId}`;
          personal.push({ kind: 'personal', conversationId: conv, tenantId: TENANT, serviceUrl: connectorUrl, aadObjectId: aad, teamsUserId: `29:${personId}`, reference: { conversation: { id: conv }, serviceUrl: connectorUrl }, updatedAt: new Date().toISOString() });
          botUsers.set(personId, conv);
        } else {
          const email = `${personId}@gaest.example`;
          const { entraObjectId: _e, tenantId: _t, ...rest } = p;
          await uow.registry.updatePerson({ ...rest, email, hasTeams: false });
          guests.set(personId, email);
        }
      }
    });
    for (const c of personal) await conversations.save(c);
    expect(botUsers.size).toBe(2);
    expect(guests.size).toBeGreaterThanOrEqual(5);
  }, 300_000);
  afterAll(async () => {
    await e?.close();
    await connector?.stop();
  });

  it('sends the agenda from the tab: one channel post, one card per bot user, one e-mail per guest', async () => {
    await as(secretary);
    await openMeeting(nextId, 'Dagsorden');
    // "Send dagsorden" says what it waits for.
    await page.getByText('Dagsordenen kan sendes, når formandskabet har godkendt den.').waitFor();
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Status på sundhedsaftalen');
    await page.getByLabel('Minutter').fill('20');
    await page.getByRole('button', { name: 'Gem punkt' }).click();
    await page.getByRole('heading', { name: /Status på sundhedsaftalen/ }).waitFor();

    await as(chair);
    await openMeeting(nextId, 'Dagsorden');
    await page.getByRole('button', { name: 'Godkend dagsorden' }).click();
    await page.getByText('Dagsordenen er godkendt af formandskabet.').first().waitFor();

    await as(secretary);
    await openMeeting(nextId, 'Dagsorden');
    await page.getByRole('button', { name: 'Send dagsorden' }).click();
    await page.getByText(/Dagsordenen er sendt 1\. december 2026/).waitFor();
    await shot(page, 'journey4-01-agenda-sent');

    const key = noticeKey({ kind: 'agenda_sent', forumId, meetingId: nextId, occurrence: 'v1' });
    const rows = await settled(key, 1 + botUsers.size + guests.size);
    expect(connector.delivered.get(`${channelId}|${key}`)).toBe(1);
    for (const conv of botUsers.values()) expect(connector.delivered.get(`${conv}|${key}`)).toBe(1);
    for (const personId of botUsers.keys()) expect(rows.find((d) => d.recipientId === personId)?.route).toBe('teams_personal');
    for (const email of guests.values()) expect(await mailsTo(email, /^Dagsordenen er udsendt/)).toHaveLength(1);
    // Bot users get a card, not also an e-mail; nothing else reached the connector.
    for (const personId of botUsers.keys()) expect(await mailsTo(`${personId}@gaest.example`, /Dagsorden/)).toHaveLength(0);
    expect([...connector.delivered.entries()].filter(([k]) => k.endsWith(`|${key}`)).map(([, n]) => n)).toEqual(new Array(1 + botUsers.size).fill(1));
    expect(connector.unknownRoutes).toBe(0);
  }, 400_000);

  it('gives a task to a person from the draft minutes; it shows in their overview, and they mark it done there', async () => {
    await as(secretary);
    await openMeeting(heldId, 'Referat');
    await page.getByRole('textbox', { name: 'Opgave', exact: true }).fill('Indsamle tal for genindlæggelser');
    await page.locator('select[name="task-assignee-kind"]').selectOption('person');
    await page.locator('select[name="task-assignee"]').selectOption(member);
    await page.locator('input[name="task-due"]').fill('2027-01-15');
    await page.getByRole('button', { name: 'Opret opgave' }).click();
    await page.getByText(/Indsamle tal for genindlæggelser · Frist 15\. januar 2027 · Pia Strand/).waitFor();

    await as(member);
    const tasks = page.getByRole('region', { name: 'Mine opgaver' });
    await tasks.getByText('Indsamle tal for genindlæggelser').waitFor();
    await page.getByRole('region', { name: 'Venter på mig' }).locator('li[data-waiting="task_due"]').filter({ hasText: 'Indsamle tal for genindlæggelser' }).waitFor();
    await shot(page, 'journey4-04-task-in-overview');
    await tasks.getByRole('button', { name: 'Markér som løst: Indsamle tal for genindlæggelser' }).click();
    await tasks.getByText('Opgaven er markeret som løst.').waitFor();
    expect(await tasks.getByText('Indsamle tal for genindlæggelser').count()).toBe(0);
    const task = (await get(`/api/meetings/${heldId}`)).tasks.find((t: { title: string }) => t.title === 'Indsamle tal for genindlæggelser');
    expect(task).toMatchObject({ status: 'done', assigneePersonId: member });
  }, 300_000);

  it('sends a held meeting\'s minutes for remarks; approval before the window closes is refused without a reason, given with one', async () => {
    await as(secretary);
    await openMeeting(heldId, 'Referat');
    await page.getByRole('button', { name: 'Send referat til bemærkninger' }).click();
    // The demo recorded everyone's attendance at the meeting (answers and presence): no contradiction to confirm,
    // the minutes go straight out (journey-attendance and meeting-life confirm contradictions).
    await page.getByText(/Bemærkninger kan gives indtil 8\. december 2026/).waitFor();
    expect(await page.getByRole('button', { name: 'Bekræft og send referatet alligevel' }).count()).toBe(0);
    expect((await get(`/api/meetings/${heldId}`)).minutes.status).toBe('sent_for_remarks');

    // Without a reason: the tab asks for one, and the API refuses.
    await page.getByRole('button', { name: 'Godkend referat' }).click();
    const early = page.locator('[data-early-approval]');
    await early.getByText('Godkendelse før tid').waitFor();
    await early.getByText(/Fristen for bemærkninger løber til 8\. december 2026/).waitFor();
    expect(await early.getByRole('button', { name: 'Bekræft og godkend' }).isDisabled()).toBe(true);
    const refused = await call('POST', `/api/meetings/${heldId}/minutes/approve`, secretary, { confirm: true, reason: ' ' });
    expect(refused.status).toBe(409);
    expect(refused.body.errors.map((x: { field: string }) => x.field)).toContain('reason');
    expect((await get(`/api/meetings/${heldId}`)).minutes.status).toBe('sent_for_remarks');
    await early.scrollIntoViewIfNeeded();
    await shot(page, 'journey4-02-early-approval');

    await early.getByLabel('Begrundelse for at godkende nu').fill('Formandskabet har godkendt referatet på mødet');
    await early.getByRole('button', { name: 'Bekræft og godkend' }).click();
    expect(await until(async () => (await get(`/api/meetings/${heldId}`)).minutes.status, (s) => s === 'approved')).toBe('approved');
    const view = await get(`/api/meetings/${heldId}`);
    expect(view.versions.find((v: { event: string }) => v.event === 'approved')).toMatchObject({ reason: 'Formandskabet har godkendt referatet på mødet' });
  }, 300_000);

  it('corrects the approved minutes with a reason: a new version, the reason in the history', async () => {
    await openMeeting(heldId, 'Referat');
    await page.getByLabel('Begrundelse for rettelsen').fill('Forkert dato i punkt 2');
    await page.getByRole('button', { name: 'Ret det godkendte referat' }).click();
    await page.getByText('Rettelsen er oprettet som en ny version; medlemmerne får besked.').waitFor();
    const view = await get(`/api/meetings/${heldId}`);
    expect(view.minutes.version).toBe(2);
    expect(view.versions.find((v: { event: string }) => v.event === 'correction')).toMatchObject({ reason: 'Forkert dato i punkt 2' });
    await page.getByRole('tab', { name: 'Versioner', exact: true }).click();
    await page.getByRole('table', { name: 'Versioner og rettelser' }).getByText('Forkert dato i punkt 2').waitFor();
    await shot(page, 'journey4-03-correction');
  }, 300_000);

  it('records a 2020 meeting as history with its real dates; nothing is sent for it', async () => {
    await as(secretary);
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await page.getByRole('tab', { name: 'Møder' }).click();
    await page.getByRole('button', { name: 'Registrér tidligere møde' }).click();
    const form = page.getByTestId('history-form');
    await form.locator('input[name="date"]').fill('2020-03-12');
    await form.getByLabel('Starttid').fill('13:00');
    await form.getByLabel('Sluttid').fill('15:00');
    await form.getByLabel('Sted').fill('Regionshuset Viborg');
    await form.getByLabel('Dagsorden sendt').fill('2020-02-27');
    await form.getByLabel('Referat sendt').fill('2020-03-19');
    await form.getByLabel('Referat godkendt').fill('2020-03-10');
    await form.getByRole('button', { name: 'Gem' }).click();
    // A date before the minutes were sent is refused on its field.
    await form.locator('.fui-Field__validationMessage').first().waitFor();
    await form.getByLabel('Referat godkendt').fill('2020-03-27');
    await form.getByLabel('Referat offentliggjort').fill('2020-03-30');
    await shot(page, 'journey4-05-history-form', { fullPage: true });
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er registreret som historik').waitFor();

    const [m] = ((await get(`/api/forums/${forumId}/meetings?year=2020`)) as { id: string; historical?: boolean }[]).filter((x) => x.historical);
    expect(m).toBeTruthy();
    const view = await get(`/api/meetings/${m!.id}`);
    expect(view.meeting).toMatchObject({ historical: true, status: 'held', date: '2020-03-12' });
    expect(new Date(view.meeting.agendaSentAt).toISOString()).toBe('2020-02-27T11:00:00.000Z');
    expect(view.minutes).toMatchObject({ status: 'published', approvedAt: '2020-03-27T11:00:00.000Z' });

    // Nothing sent: no job names it, no delivery, no Outlook event (after the sync had every chance to run).
    await new Promise((r) => setTimeout(r, 3000));
    const jobs = await e.app.db.db.execute(sql`select count(*)::int as n from pgboss_v10.job where data::text like ${`%${m!.id}%`}`);
    expect(Number(((jobs as unknown as { rows?: { n: number }[] }).rows ?? (jobs as unknown as { n: number }[]))[0]!.n)).toBe(0);
    expect((await botDeliveryRepository(e.app.db.db).list()).filter((d) => d.key.includes(m!.id))).toEqual([]);
    expect(await eventsOf(e, secretary, m!.id)).toEqual([]);

    await page.goto(`${e.app.url}/#/meetings/${m!.id}`);
    await page.getByTestId('historical').waitFor();
    await page.getByRole('tab', { name: 'Referat', exact: true }).click();
    await page.getByText(/27\. marts 2020/).first().waitFor();
    expect(await page.getByText(/december 2026/).count()).toBe(0);
    await shot(page, 'journey4-06-history-page');
    await shotVariants(page, 'moede-historik', async (lang) => {
      await page.getByTestId('historical').waitFor();
      await page.getByRole('tab', { name: lang === 'da' ? 'Referat' : 'Minutes', exact: true }).click();
    });
  }, 300_000);
});
