/**
 * Issue 13, journey 1, in real Chromium with the Microsoft 365 sync running against
 * the local Graph emulator: the demo secretary adds one meeting in the forum's
 * "Møder" tab, edits its place and makes it online, changes its time (a move: the
 * missing reason is named on its field, in Danish), moves it to another day with a
 * reason and cancels it with a reason. After each change the emulator's Outlook
 * shows it: the event created, the same event updated (place, online, time, day)
 * and at last cancelled with the reason as the comment.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventsOf, emulatorState, shot, shotVariants, signIn, startE2E, until, type E2E, type EmuEvent } from './e2e.support.js';

const forumId = 'midt-ksg';
const secretary = 'nina-hald';

describe('journey 1: a meeting added, edited, moved and cancelled in the tab, and Outlook follows (Chromium, emulator)', () => {
  let e: E2E;
  let page: Page;
  let meetingId = '';
  let eventId = '';
  const api = async (path: string) => (await fetch(e.app.url + path, { headers: e.app.as(secretary) })).json() as Promise<any>;
  const event = async (): Promise<EmuEvent | undefined> => (await eventsOf(e, secretary, meetingId))[0];
  const openMeetings = async () => {
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await page.getByRole('tab', { name: 'Møder' }).click();
    await page.getByRole('table', { name: 'Møder 2027' }).waitFor();
    // The last column holds each meeting's Ret/Aflys buttons, and says so.
    expect(await page.getByRole('table', { name: 'Møder 2027' }).getByRole('columnheader').last().textContent()).toBe('Handlinger');
  };

  beforeAll(async () => {
    e = await startE2E('2027-01-20T09:00:00Z', { graph: 'emulator' });
    page = e.page;
    page.setDefaultTimeout(60_000); // a loaded 2-core machine
    await page.clock.setFixedTime(new Date('2027-01-20T09:00:00Z'));
    await page.goto(`${e.app.url}/`);
    await signIn(page, secretary);
  }, 300_000);
  afterAll(async () => e?.close());

  it('adds one meeting; Outlook gets the event with its day, time and place', async () => {
    await openMeetings();
    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel('Mødetype').selectOption('extraordinary');
    // A public holiday (Skærtorsdag 2027) or a weekend is allowed, but the date field says what the day is before saving.
    await form.locator('input[name="date"]').fill('2027-03-25');
    await form.getByText('25. marts er skærtorsdag. Mødet kan godt holdes den dag, men tjek, at datoen er den rigtige.').waitFor();
    await form.locator('input[name="date"]').fill('2027-03-27');
    await form.getByText(/^27\. marts er en lørdag\./).waitFor();
    // One of the region's closed days (the demo's Christmas week) is named with the region's label.
    await form.locator('input[name="date"]').fill('2027-12-29');
    await form.getByText('29. december er lukkedag i regionen (Juleugen). Mødet kan godt holdes den dag, men tjek, at datoen er den rigtige.').waitFor();
    await form.locator('input[name="date"]').fill('2027-03-24');
    expect(await form.getByText(/Mødet kan godt holdes den dag/).count()).toBe(0);
    await form.getByLabel('Starttid').fill('10:00');
    await form.getByLabel('Sluttid').fill('12:00');
    await form.getByLabel('Sted').fill('Regionshuset Viborg, lokale 5');
    await shot(page, 'journey1-01-add');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er tilføjet').waitFor();
    const list = (await api(`/api/forums/${forumId}/meetings?year=2027`)) as { id: string; date: string; kind: string }[];
    meetingId = list.find((m) => m.date === '2027-03-24' && m.kind === 'extraordinary')?.id ?? '';
    expect(meetingId).not.toBe('');
    const ev = await until(event, (x) => !!x);
    expect(ev).toBeDefined();
    eventId = ev!.id;
    expect(ev!.location?.displayName).toBe('Regionshuset Viborg, lokale 5');
    expect(ev!.start?.dateTime).toMatch(/^2027-03-24T10:00/);
    expect(ev!.end?.dateTime).toMatch(/^2027-03-24T12:00/);
    expect(ev!.isOnlineMeeting).toBe(false);
    // The row is there, in the table, with its place.
    await page.getByRole('row', { name: /24\. marts 2027.*Regionshuset Viborg, lokale 5/ }).waitFor();
  }, 300_000);

  it('edits the place and makes it online (no reason needed); the same event is updated', async () => {
    await page.getByRole('button', { name: /^Ret: 24\. marts 2027/ }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel('Sted').fill('Hospitalsenhed Midt, auditoriet');
    await form.getByLabel('Online (Teams-møde)').check();
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er ændret').waitFor();
    const ev = await until(event, (x) => x?.location?.displayName === 'Hospitalsenhed Midt, auditoriet' && x?.isOnlineMeeting === true);
    expect(ev).toMatchObject({ id: eventId, isOnlineMeeting: true, location: { displayName: 'Hospitalsenhed Midt, auditoriet' } });
    expect((ev!.onlineMeeting as { joinUrl?: string } | undefined)?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect((await api(`/api/meetings/${meetingId}`)).meeting).toMatchObject({ location: 'Hospitalsenhed Midt, auditoriet', online: true });
  }, 300_000);

  it('changes the time: a bad end and a missing reason are named on their fields in Danish; with a reason Outlook follows', async () => {
    await page.getByRole('button', { name: /^Ret: 24\. marts 2027/ }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel('Starttid').fill('13:00');
    await form.getByLabel('Sluttid').fill('09:00');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Sluttidspunktet skal ligge efter starten').first().waitFor();
    await shot(page, 'journey1-02-field-error');
    await form.getByLabel('Sluttid').fill('15:30');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.locator('.fui-Field__validationMessage').filter({ hasText: 'Skriv hvorfor mødet flyttes' }).waitFor();
    expect((await api(`/api/meetings/${meetingId}`)).meeting.start).toBe('10:00');
    await form.getByLabel(/Begrundelse/).fill('Formandskabet har et sammenfald om formiddagen');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er flyttet').waitFor();
    const ev = await until(event, (x) => String(x?.start?.dateTime).startsWith('2027-03-24T13:00'));
    expect(ev).toMatchObject({ id: eventId, start: { dateTime: expect.stringMatching(/^2027-03-24T13:00/) }, end: { dateTime: expect.stringMatching(/^2027-03-24T15:30/) } });
    // The place and online are kept through a move.
    expect(ev).toMatchObject({ isOnlineMeeting: true, location: { displayName: 'Hospitalsenhed Midt, auditoriet' } });
  }, 300_000);

  it('moves it to another day with a reason; the same event moves', async () => {
    await page.getByRole('button', { name: /^Ret: 24\. marts 2027/ }).click();
    const form = page.getByTestId('meeting-form');
    await form.locator('input[name="date"]').fill('2027-03-31');
    await form.getByLabel(/Begrundelse/).fill('Formanden er forhindret');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er flyttet').waitFor();
    await page.getByRole('row', { name: /31\. marts 2027/ }).waitFor();
    await shot(page, 'journey1-03-moved');
    const ev = await until(event, (x) => String(x?.start?.dateTime).startsWith('2027-03-31'));
    expect(ev).toMatchObject({ id: eventId, start: { dateTime: expect.stringMatching(/^2027-03-31T13:00/) } });
    const m = (await api(`/api/meetings/${meetingId}`)).meeting;
    expect(m).toMatchObject({ date: '2027-03-31', start: '13:00', end: '15:30' });
  }, 300_000);

  it('cancels it with a reason (the missing reason named first); Outlook cancels the event with the reason', async () => {
    await page.getByRole('button', { name: /^Aflys: 31\. marts 2027/ }).click();
    const form = page.getByTestId('cancel-form');
    await form.getByRole('button', { name: 'Aflys mødet' }).click();
    await form.locator('.fui-Field__validationMessage').filter({ hasText: 'Skriv hvorfor mødet aflyses' }).waitFor();
    expect((await api(`/api/meetings/${meetingId}`)).meeting.status).not.toBe('cancelled');
    await form.getByLabel('Begrundelse for aflysningen').fill('Punkterne kan vente til næste møde');
    await form.getByRole('button', { name: 'Aflys mødet' }).click();
    await page.getByText('Mødet er aflyst').waitFor();
    expect(await until(event, (x) => !x)).toBeUndefined();
    const s = await emulatorState(e, secretary);
    const cancellations = Object.values(s.mailboxes).flatMap((mb) => mb.cancellations).filter((c) => c.eventId === eventId);
    expect(cancellations).toHaveLength(1);
    expect(cancellations[0]!.comment).toContain('Punkterne kan vente til næste møde');
    expect((await api(`/api/meetings/${meetingId}`)).meeting.status).toBe('cancelled');
    // Still listed, marked as cancelled.
    await page.getByRole('row', { name: /31\. marts 2027.*Aflyst/ }).waitFor();
    // ... with its reason, so nobody has to open it to learn why.
    await page.getByRole('row', { name: /31\. marts 2027.*Aflyst/ }).getByText('Begrundelse: Punkterne kan vente til næste møde').waitFor();
    await shot(page, 'journey1-04-cancelled');
    await shotVariants(page, 'forum-moeder', async (lang) => {
      await page.getByRole('tab', { name: lang === 'da' ? 'Møder' : 'Meetings' }).click();
      await page.getByRole('table', { name: lang === 'da' ? 'Møder 2027' : 'Meetings 2027' }).waitFor();
    });
  }, 300_000);

  it('shows the cancelled meeting as cancelled: no draft minutes, minute-taker or empty agenda form, one line per tab saying why', async () => {
    await page.goto(`${e.app.url}/#/meetings/${meetingId}`);
    await page.reload();
    const article = page.locator(`[data-screen="meeting"][data-id="${meetingId}"] article[data-status="cancelled"]`);
    await article.waitFor();
    const head = await article.locator('div').first().innerText();
    expect(head).toContain('Aflyst');
    expect(head).not.toMatch(/Referat:|Referent:/);
    await article.locator('[data-cancelled-reason]').filter({ hasText: 'Punkterne kan vente til næste møde' }).waitFor();
    expect(await page.locator('[data-cancelled-note="agenda"]').innerText()).toBe('Mødet er aflyst, så det får ingen dagsorden.');
    expect(await page.getByText('Dagsordenen har endnu ingen punkter', { exact: false }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Referat', exact: true }).click();
    expect(await page.locator('[data-cancelled-note="minutes"]').innerText()).toBe('Mødet er aflyst, så der skrives intet referat.');
    expect(await page.getByRole('link', { name: /Hent referat/ }).count()).toBe(0);
    await shot(page, 'journey1-05-cancelled-meeting');
  }, 300_000);

  it('adds a joint meeting with another forum chosen by its name (no id to type); a joint meeting without one is refused on the field', async () => {
    await openMeetings();
    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel('Mødetype').selectOption('joint');
    await form.locator('input[name="date"]').fill('2027-04-21');
    await form.getByLabel('Starttid').fill('13:00');
    await form.getByLabel('Sluttid').fill('15:00');
    const partner = form.getByRole('combobox', { name: /Holdes sammen med forummet/ });
    // The forums by name, this one not among them.
    const options = await partner.locator('option').allTextContents();
    expect(options[0]).toBe('Vælg forum');
    expect(options).toContain('Klynge-temagruppe for den voksne patient/borger');
    expect(options).not.toContain('Klyngestyregruppe for Midtklyngen');
    expect(options.some((o) => /^[a-z0-9-]+$/.test(o))).toBe(false);
    await form.getByRole('button', { name: 'Gem' }).click();
    // Named on the field (and in the bar above the form).
    await form.locator('.fui-Field__validationMessage').filter({ hasText: 'Et fællesmøde skal have det forum, det holdes sammen med' }).waitFor();
    expect(await partner.getAttribute('aria-invalid')).toBe('true');
    await partner.selectOption({ label: 'Klynge-temagruppe for den voksne patient/borger' });
    await shot(page, 'journey1-06-joint');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er tilføjet').waitFor();
    const list = (await api(`/api/forums/${forumId}/meetings?year=2027`)) as { date: string; kind: string; jointWithForumId?: string }[];
    expect(list.find((m) => m.date === '2027-04-21' && m.kind === 'joint')?.jointWithForumId).toBe('midt-ktg-voksen');
  }, 300_000);
});
