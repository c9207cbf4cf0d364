/**
 * Issue 13, journey 2, in real Chromium: attendance with every state and the
 * contradiction check before the minutes go out. Members answer for themselves
 * (attending, apologies with a note; a substitute chosen from the forum's registered stand-ins
 * in another forum); the secretariat sets a named substitute and leaves one person
 * unanswered; after the meeting it records present and absent (the secretary and
 * the minute-taker are present by default, marked "standard"); the contradictions
 * (present with apologies, the minute-taker absent, unanswered) are listed; one is
 * resolved in place; "Send referat" is refused until the rest are confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { shot, shotVariants, signIn, startE2E, until, type E2E } from './e2e.support.js';

const meetingId = 'mtg-midt-ksg-2027-1';
const secretary = 'nina-hald';

describe('journey 2: attendance with every state, and the contradiction check before the minutes are sent (Chromium)', () => {
  let e: E2E;
  let page: Page;
  const api = async (path: string, as = secretary) => (await fetch(e.app.url + path, { headers: e.app.as(as) })).json() as Promise<any>;
  const row = async (personId: string, id = meetingId, as = secretary) => (await api(`/api/meetings/${id}`, as)).attendance.find((a: { personId: string }) => a.personId === personId);
  const at = async (iso: string) => {
    e.clock.set(iso);
    await page.clock.setFixedTime(new Date(iso));
  };
  const as = async (personId: string) => {
    await page.goto(`${e.app.url}/`);
    await signIn(page, personId);
    // Signed in on "/", the tab opens "Mit overblik"; wait for it so it does not override the next navigation.
    await page.waitForURL(/#\/me$/);
  };
  const openAttendance = async (id = meetingId) => {
    const url = `${e.app.url}/#/meetings/${id}`;
    // The same address again is no navigation: reload, so the page reads the meeting anew.
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await page.getByRole('tab', { name: 'Fremmøde', exact: true }).click();
    await page.getByRole('table', { name: 'Deltagere' }).waitFor();
  };
  const answerAsMember = async (label: 'Deltager' | 'Afbud', note?: string) => {
    await page.getByRole('radio', { name: label }).check();
    if (note !== undefined) await page.getByRole('textbox', { name: 'Kommentar (valgfri)' }).fill(note);
    await page.getByRole('button', { name: 'Gem svar' }).click();
    await page.getByText(`Dit svar: ${label}`).waitFor();
  };

  beforeAll(async () => {
    e = await startE2E('2027-01-20T09:00:00Z');
    page = e.page;
    page.setDefaultTimeout(60_000); // a loaded 2-core machine
    await page.clock.setFixedTime(new Date('2027-01-20T09:00:00Z'));
  }, 300_000);
  afterAll(async () => e?.close());

  it('takes the members\' own answers: attending, apologies, and a registered stand-in', async () => {
    await as('lise-brandt');
    await openAttendance();
    await answerAsMember('Deltager');
    await as('pia-strand');
    await openAttendance();
    // "Deltager" has no note field; "Afbud" has one, saved with the answer.
    await page.getByRole('radio', { name: 'Deltager' }).check();
    expect(await page.getByRole('textbox', { name: 'Kommentar (valgfri)' }).count()).toBe(0);
    await answerAsMember('Afbud', '  På kursus i Aarhus ');
    expect((await row('lise-brandt')).answer).toBe('attending');
    expect(await row('pia-strand')).toMatchObject({ answer: 'apologies', note: 'På kursus i Aarhus' });
    // Beside her badge in the table, as every member sees it.
    await page.locator('tr[data-person-id="pia-strand"] [data-note]').getByText('(På kursus i Aarhus)').waitFor();

    // In Fokusgruppen Sundhed og Beskæftigelse Hanne Eg has a registered stand-in, Peter Kjær.
    const vest = (await api('/api/forums/vest-fg-sb/meetings?year=2027', 'hanne-eg')) as { id: string; status: string; date: string }[];
    const next = vest.filter((m) => m.status === 'planned' && m.date > '2027-01-20').sort((a, b) => a.date.localeCompare(b.date))[0]!;
    await as('hanne-eg');
    await openAttendance(next.id);
    await page.getByRole('radio', { name: 'Stedfortræder' }).check();
    await page.getByLabel('Registreret stedfortræder').selectOption('peter-kjaer');
    await page.getByRole('button', { name: 'Gem svar' }).click();
    await page.getByText('Dit svar: Stedfortræder').waitFor();
    expect(await row('hanne-eg', next.id, 'hanne-eg')).toMatchObject({ answer: 'substitute', substitutePersonId: 'peter-kjaer' });
    await shot(page, 'journey2-01-stand-in');
  }, 300_000);

  it('lets the secretariat set a named substitute, shows "Ikke svaret" explicitly, and records nobody\'s presence before the meeting', async () => {
    await as(secretary);
    await openAttendance();
    expect(await page.getByLabel('Svar for Frida Skov').inputValue()).toBe('none');
    expect(await page.getByLabel('Svar for Pia Strand').inputValue()).toBe('apologies');
    // The secretariat sees and can change the note beside the answer.
    expect(await page.getByLabel('Kommentar til afbud for Pia Strand').inputValue()).toBe('På kursus i Aarhus');
    expect(await page.getByLabel('Svar for Lise Brandt').inputValue()).toBe('attending');
    // Before the meeting there is no presence to record.
    expect(await page.getByLabel('Fremmøde for Lise Brandt').count()).toBe(0);

    await page.getByLabel('Svar for Kasper Toft').selectOption('substitute');
    const named = page.getByLabel('Eller navngiv en stedfortræder: Kasper Toft');
    await named.fill('Anders Mølgaard');
    await named.blur();
    expect(await until(async () => (await row('kasper-toft')).substituteName, (v) => v === 'Anders Mølgaard', 30_000)).toBe('Anders Mølgaard');
    expect((await row('kasper-toft')).answer).toBe('substitute');
    // Frida is still explicitly unanswered, not counted as present.
    expect(await row('frida-skov')).toMatchObject({ answer: null });
  }, 300_000);

  it('records present and absent after the meeting, lists the contradictions, and resolves one in place', async () => {
    await at('2027-02-11T16:00:00Z');
    await openAttendance();
    // The secretary (also the minute-taker) is present by default, marked so.
    const nina = page.locator('tr[data-person-id="nina-hald"]');
    expect(await page.getByLabel('Fremmøde for Nina Hald').inputValue()).toBe('present');
    await nina.getByText('standard').waitFor();

    const setPresence = async (name: string, personId: string, value: 'present' | 'absent') => {
      await page.getByLabel(`Fremmøde for ${name}`).selectOption(value);
      expect(await until(async () => (await row(personId)).present, (v) => v === (value === 'present'), 30_000)).toBe(value === 'present');
    };
    await setPresence('Pia Strand', 'pia-strand', 'present');
    await setPresence('Lise Brandt', 'lise-brandt', 'present');
    await setPresence('Mads Vinther', 'mads-vinther', 'absent');
    await setPresence('Nina Hald', 'nina-hald', 'absent');

    const contradictions = page.getByTestId('contradictions');
    await contradictions.getByText('Pia Strand er registreret som til stede, men har meldt afbud').waitFor();
    await contradictions.getByText('Referenten Nina Hald er registreret som fraværende eller har meldt afbud').waitFor();
    await contradictions.getByText('Frida Skov har hverken svaret eller fået registreret fremmøde').waitFor();
    await shot(page, 'journey2-02-contradictions', { fullPage: true });

    // The minute-taker was there after all: resolved here, and gone from the list.
    await setPresence('Nina Hald', 'nina-hald', 'present');
    await contradictions.getByText('Pia Strand er registreret som til stede').waitFor();
    expect(await contradictions.getByText(/Referenten Nina Hald/).count()).toBe(0);
    const view = await api(`/api/meetings/${meetingId}`);
    expect(view.contradictions.map((c: { code: string; personId: string }) => `${c.code}:${c.personId}`)).toEqual(expect.arrayContaining(['present_with_apologies:pia-strand', 'unanswered:frida-skov']));
    expect(view.contradictions.some((c: { code: string }) => c.code === 'minute_taker_absent')).toBe(false);
    await shotVariants(page, 'moede-fremmoede', async (lang) => {
      await page.getByRole('tab', { name: lang === 'da' ? 'Fremmøde' : 'Attendance', exact: true }).click();
      await page.getByTestId('contradictions').waitFor();
    });
  }, 300_000);

  it('refuses to send the minutes until the remaining contradictions are confirmed', async () => {
    await openAttendance();
    await page.getByRole('tab', { name: 'Referat', exact: true }).click();
    await page.getByRole('button', { name: 'Send referat til bemærkninger' }).click();
    const confirm = page.getByRole('button', { name: 'Bekræft og send referatet alligevel' });
    await confirm.waitFor();
    await page.getByTestId('contradictions').getByText('Pia Strand er registreret som til stede, men har meldt afbud').waitFor();
    expect((await api(`/api/meetings/${meetingId}`)).minutes.status).toBe('draft');
    await shot(page, 'journey2-03-confirm');
    await confirm.click();
    await page.getByText(/Bemærkninger kan gives indtil/).waitFor();
    expect((await api(`/api/meetings/${meetingId}`)).minutes.status).toBe('sent_for_remarks');
  }, 300_000);
});
