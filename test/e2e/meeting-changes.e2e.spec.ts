/**
 * Issue 13 in real Chromium, with the Microsoft 365 sync running against the local
 * Graph emulator: the demo secretary adds one meeting in the forum's "Møder" tab,
 * edits its place (a bad time is refused on the field), moves it (the missing
 * reason is named on the field) and cancels it, and the emulator's Outlook shows
 * each change; attendance with every state and the contradiction check before the
 * minutes go out; a 2020 meeting recorded as history with its real dates, and
 * nothing sent for it (no job, no Outlook event). Screens go to test-output/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { shot, signIn, startE2E, type E2E } from './e2e.support.js';

const forumId = 'midt-ksg';
const secretary = 'nina-hald';
const heldId = 'mtg-midt-ksg-2027-1';

type EmuEvent = Record<string, unknown> & { id: string };
type EmuState = { mailboxes: Record<string, { events: Record<string, EmuEvent>; cancellations: { eventId: string; comment: string | null }[] }> };

/** Reads until `ok` holds or the time is up (generous: the machine may be loaded); returns the last value for expect to judge. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 300));
    last = await read();
  }
  return last;
}

describe('meetings changed where the secretary works (Chromium, emulator mode)', () => {
  let e: E2E;
  let page: Page;
  let emulatorUrl = '';
  const api = async (path: string, as = secretary) => (await fetch(e.app.url + path, { headers: e.app.as(as) })).json() as Promise<any>;
  const eventOf = async (meetingId: string) => {
    const s = (await (await fetch(`${emulatorUrl}/_emulator/state`)).json()) as EmuState;
    return Object.values(s.mailboxes).flatMap((m) => Object.values(m.events)).find((ev) => JSON.stringify(ev).includes(meetingId));
  };
  const at = async (iso: string) => {
    e.clock.set(iso);
    await page.clock.setFixedTime(new Date(iso));
  };
  const openMeetings = async () => {
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await page.getByRole('tab', { name: 'Møder' }).click();
    await page.getByRole('table', { name: 'Møder 2027' }).waitFor();
  };

  beforeAll(async () => {
    e = await startE2E('2027-01-20T09:00:00Z', { graph: 'emulator' });
    page = e.page;
    await page.clock.setFixedTime(new Date('2027-01-20T09:00:00Z'));
    emulatorUrl = (await api('/api/sync/status')).emulatorUrl;
    await page.goto(`${e.app.url}/`);
    await signIn(page, secretary);
  }, 180_000);
  afterAll(async () => e?.close());

  let meetingId = '';

  it('adds one meeting in the tab; the emulator\'s Outlook gets the event', async () => {
    await openMeetings();
    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel('Mødetype').selectOption('extraordinary');
    await form.locator('input[name="date"]').fill('2027-03-24');
    await form.getByLabel('Starttid').fill('10:00');
    await form.getByLabel('Sluttid').fill('12:00');
    await form.getByLabel('Sted').fill('Regionshuset Viborg, lokale 5');
    await shot(page, 'meeting-changes-01-add');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er tilføjet').waitFor();
    const list = (await api(`/api/forums/${forumId}/meetings?year=2027`)) as { id: string; date: string; kind: string }[];
    meetingId = list.find((m) => m.date === '2027-03-24' && m.kind === 'extraordinary')!.id;
    expect(meetingId).toBeTruthy();
    const ev = await until(() => eventOf(meetingId), (x) => !!x);
    expect(ev).toBeTruthy();
    expect(JSON.stringify(ev!.location)).toContain('Regionshuset Viborg, lokale 5');
    expect(String((ev!.start as { dateTime: string }).dateTime)).toContain('2027-03-24');
  }, 120_000);

  it('edits the place (a bad time named on its field first), and Outlook follows', async () => {
    await page.getByRole('button', { name: /^Ret: 24\. marts 2027/ }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel('Sluttid').fill('09:00');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('must be after start').waitFor();
    await shot(page, 'meeting-changes-02-field-error');
    await form.getByLabel('Sluttid').fill('12:00');
    await form.getByLabel('Sted').fill('Hospitalsenhed Midt, auditoriet');
    await form.getByLabel('Online (Teams-møde)').check();
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er ændret').waitFor();
    const ev = await until(() => eventOf(meetingId), (x) => JSON.stringify(x?.location ?? '').includes('auditoriet'));
    expect(JSON.stringify(ev!.location)).toContain('Hospitalsenhed Midt, auditoriet');
  }, 120_000);

  it('moves it with a reason (the missing reason named), and Outlook follows', async () => {
    await page.getByRole('button', { name: /^Ret: 24\. marts 2027/ }).click();
    const form = page.getByTestId('meeting-form');
    await form.locator('input[name="date"]').fill('2027-03-31');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('say why the meeting moves').waitFor();
    await form.getByLabel(/Begrundelse/).fill('Formanden er forhindret');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er flyttet').waitFor();
    await shot(page, 'meeting-changes-03-moved');
    const ev = await until(() => eventOf(meetingId), (x) => String((x?.start as { dateTime?: string } | undefined)?.dateTime ?? '').includes('2027-03-31'));
    expect(String((ev!.start as { dateTime: string }).dateTime)).toContain('2027-03-31');
  }, 120_000);

  it('cancels it with a reason, and Outlook cancels the event', async () => {
    await page.getByRole('button', { name: /^Aflys: 31\. marts 2027/ }).click();
    const form = page.getByTestId('cancel-form');
    await form.getByRole('button', { name: 'Aflys mødet' }).click();
    await form.getByText('say why the meeting is cancelled').waitFor();
    await form.getByLabel('Begrundelse for aflysningen').fill('Punkterne kan vente');
    await form.getByRole('button', { name: 'Aflys mødet' }).click();
    await page.getByText('Mødet er aflyst').waitFor();
    expect(await until(() => eventOf(meetingId), (x) => !x)).toBeUndefined();
    const s = (await (await fetch(`${emulatorUrl}/_emulator/state`)).json()) as EmuState;
    expect(Object.values(s.mailboxes).flatMap((m) => m.cancellations).some((c) => c.comment === 'Punkterne kan vente')).toBe(true);
  }, 120_000);

  it('takes attendance with every state, shows the contradictions and sends the minutes only once confirmed', async () => {
    await at('2027-02-11T16:00:00Z');
    await page.goto(`${e.app.url}/#/meetings/${heldId}`);
    await page.getByRole('tab', { name: 'Fremmøde', exact: true }).click();
    await page.getByLabel('Svar for Pia Strand').selectOption('apologies');
    await until(async () => (await api(`/api/meetings/${heldId}`)).attendance.find((a: any) => a.personId === 'pia-strand').answer, (v) => v === 'apologies', 20_000);
    await page.getByLabel('Fremmøde for Pia Strand').selectOption('present');
    await until(async () => (await api(`/api/meetings/${heldId}`)).attendance.find((a: any) => a.personId === 'pia-strand').present, (v) => v === true, 20_000);
    await page.getByLabel('Svar for Lise Brandt').selectOption('attending');
    await until(async () => (await api(`/api/meetings/${heldId}`)).attendance.find((a: any) => a.personId === 'lise-brandt').answer, (v) => v === 'attending', 20_000);
    await page.getByLabel('Svar for Kasper Toft').selectOption('substitute');
    await page.getByLabel('Eller navngiv en stedfortræder: Kasper Toft').fill('Anders Mølgaard');
    await page.getByLabel('Eller navngiv en stedfortræder: Kasper Toft').blur();
    await until(async () => (await api(`/api/meetings/${heldId}`)).attendance.find((a: any) => a.personId === 'kasper-toft').substituteName, (v) => v === 'Anders Mølgaard', 20_000);
    const contradictions = page.getByTestId('contradictions');
    await contradictions.getByText('Pia Strand er registreret som til stede, men har meldt afbud').waitFor();
    await contradictions.getByText(/Frida Skov har hverken svaret/).waitFor();
    await page.getByText('Ikke svaret').first().waitFor();
    await page.getByText('standard').first().waitFor();
    await shot(page, 'meeting-changes-04-attendance', { fullPage: true });

    await page.getByRole('tab', { name: 'Referat', exact: true }).click();
    await page.getByRole('button', { name: 'Send referat til bemærkninger' }).click();
    await page.getByRole('button', { name: 'Bekræft og send referatet alligevel' }).waitFor();
    expect((await api(`/api/meetings/${heldId}`)).minutes.status).toBe('draft');
    await shot(page, 'meeting-changes-05-confirm');
    await page.getByRole('button', { name: 'Bekræft og send referatet alligevel' }).click();
    expect(await until(async () => (await api(`/api/meetings/${heldId}`)).minutes.status, (v) => v === 'sent_for_remarks', 20_000)).toBe('sent_for_remarks');
  }, 180_000);

  it('records a 2020 meeting as history with its real dates; nothing is sent', async () => {
    await openMeetings();
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
    await form.getByText('must be on or after the day the minutes were sent').waitFor();
    await form.getByLabel('Referat godkendt').fill('2020-03-27');
    await form.getByLabel('Referat offentliggjort').fill('2020-03-30');
    await shot(page, 'meeting-changes-06-history', { fullPage: true });
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mødet er registreret som historik').waitFor();

    const [m] = ((await api(`/api/forums/${forumId}/meetings?year=2020`)) as { id: string; historical?: boolean }[]).filter((x) => x.historical);
    expect(m).toBeTruthy();
    const view = await api(`/api/meetings/${m!.id}`);
    expect(view.meeting).toMatchObject({ historical: true, status: 'held', agendaSentAt: '2020-02-27T11:00:00Z' });
    expect(view.minutes).toMatchObject({ status: 'published', approvedAt: '2020-03-27T11:00:00.000Z' });
    const jobs = await e.app.db.db.execute(sql`select count(*)::int as n from pgboss.job where data->>'meetingId' = ${m!.id}`);
    expect(Number(((jobs as unknown as { rows?: { n: number }[] }).rows ?? (jobs as unknown as { n: number }[]))[0]!.n)).toBe(0);
    expect(await eventOf(m!.id)).toBeUndefined();

    await page.goto(`${e.app.url}/#/meetings/${m!.id}`);
    await page.getByTestId('historical').waitFor();
    await page.getByRole('tab', { name: 'Referat', exact: true }).click();
    await page.getByText(/27\. marts 2020/).first().waitFor();
    await shot(page, 'meeting-changes-07-history-page');
  }, 120_000);
});
