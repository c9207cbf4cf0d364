/**
 * A demo meeting's whole life through the tab in real Chromium: the secretariat
 * builds the agenda (items added in the form, reordered by keyboard and by drag
 * and drop) and sends it after the chair's approval; a member proposes an item
 * and sends apologies, another is refused after the cut-off with the date; the
 * minutes are written in meeting-time mode and sent; a member remarks in the
 * window, another is refused after it; the real job worker approves tacitly; the
 * secretariat publishes past the personal-data check; the public page and the
 * RSS and iCalendar feeds show it. The server's clock and the browser's are
 * moved together. Every screen is saved to test-output/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { shot, signIn, startE2E, type E2E } from './e2e.support.js';

const meetingId = 'mtg-midt-ksg-2027-1';
const forumId = 'midt-ksg';
const secretary = 'nina-hald';
const chair = 'gorm-ravn';
const member = 'pia-strand';
const member2 = 'lise-brandt';

/** Reads until the value equals `want` (JSON-equal) or the time is up; returns the last value for expect to judge. */
async function poll<T>(read: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

describe('a meeting through its life in the tab (Chromium)', () => {
  let e: E2E;
  let page: Page;
  const api = async (path: string, as: string) => (await fetch(e.app.url + path, { headers: e.app.as(as) })).json() as Promise<any>;
  const meeting = () => api(`/api/meetings/${meetingId}`, secretary);
  /** Moves the server's clock and the browser's together. */
  const at = async (iso: string) => {
    e.clock.set(iso);
    await page.clock.setFixedTime(new Date(iso));
  };
  const openMeeting = async (tab: 'agenda' | 'attendance' | 'minutes' = 'agenda') => {
    await page.goto(`${e.app.url}/#/meetings/${meetingId}`);
    await page.getByRole('heading', { level: 2, name: /Klyngestyregruppe for Midtklyngen: 11\. februar 2027/ }).waitFor();
    const names = { agenda: 'Dagsorden', attendance: 'Fremmøde', minutes: 'Referat' };
    await page.getByRole('tab', { name: names[tab], exact: true }).click();
  };
  const as = async (personId: string) => {
    await page.goto(`${e.app.url}/`);
    await signIn(page, personId);
  };

  beforeAll(async () => {
    e = await startE2E('2027-01-10T09:00:00Z');
    page = e.page;
    await page.clock.setFixedTime(new Date('2027-01-10T09:00:00Z'));
  });
  afterAll(async () => e?.close());

  it('opens on "Mit overblik" with a one-click answer, and shows the forum\'s meetings, planner, årshjul and seat check', async () => {
    await as(member);
    await page.getByRole('heading', { name: 'Mit overblik' }).waitFor();
    expect(page.url()).toMatch(/#\/me$/);
    const row = page.locator(`li[data-meeting-id="${meetingId}"]`);
    await row.getByRole('button', { name: /^Deltager:/ }).click();
    await row.getByText('Dit svar: Deltager').waitFor();
    expect((await api('/api/me/overview', member)).nextMeetings.find((n: any) => n.meeting.id === meetingId).answer).toBe('attending');
    await shot(page, '01-mit-overblik');

    await as(secretary);
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await page.getByRole('tab', { name: 'Møder' }).click();
    await page.getByRole('table', { name: 'Møder 2027' }).waitFor();
    await page.getByRole('button', { name: 'Planlæg år' }).click();
    await page.getByRole('heading', { name: 'Planlæggerens forslag 2027' }).waitFor();
    await expect(page.getByText('torsdag er foretrukken mødedag').first().isVisible()).resolves.toBe(true);
    await shot(page, '02-forum-moeder-planlaeg');
    // A proposed meeting the year already has stands as it is (its place shown, nothing to edit), and says so:
    // accepting keeps it, so an edit here would be silently ignored.
    const kept = page.getByTestId('plan-rows').locator('tr[data-existing]');
    expect(await kept.count()).toBeGreaterThan(0);
    const keptPlace = kept.first().getByRole('textbox', { name: /Sted$/ });
    expect(await keptPlace.inputValue()).not.toBe('');
    expect(await keptPlace.getAttribute('readonly')).not.toBeNull();
    expect(await kept.first().getByRole('button', { name: /Fjern$/ }).count()).toBe(0);
    await page.getByTestId('plan-existing-note').filter({ hasText: 'Ret, flyt eller aflys dem i mødelisten nedenfor.' }).waitFor();
    await page.getByRole('button', { name: 'Opret møderne' }).click();
    await page.getByText(/Møderne fandtes allerede|møder oprettet/).waitFor();
    await page.getByRole('tab', { name: 'Årshjul' }).click();
    await page.getByText('Frist for punkter til dagsorden (1. møde 11. februar)').waitFor();
    await shot(page, '03-forum-aarshjul');
    await page.getByRole('tab', { name: 'Sammensætning' }).click();
    await page.getByRole('heading', { name: 'Pladstjek mod kommissoriet' }).waitFor();
    await page.getByRole('table', { name: 'Pladstjek mod kommissoriet' }).waitFor();
    await shot(page, '04-forum-sammensaetning');
  });

  it('lets the secretariat build the agenda and reorder it by keyboard and by drag and drop', async () => {
    await openMeeting('agenda');
    await page.getByRole('list', { name: 'Tidslinje' }).waitFor();
    const add = async (title: string, kind: string, minutes: string, rec: string) => {
      await page.getByRole('button', { name: 'Tilføj punkt' }).click();
      await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(title);
      await page.getByLabel('Type').selectOption(kind);
      await page.getByLabel('Oplæg ved').fill('Nina Hald, Gorm Ravn');
      await page.getByLabel('Minutter').fill(minutes);
      await page.getByLabel('Baggrund').fill(`Baggrund for ${title.toLowerCase()}.`);
      await page.getByLabel('Det indstilles').fill(rec);
      await page.getByRole('button', { name: 'Gem punkt' }).click();
      await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
    };
    await add('Status på sundhedsaftalen', 'discussion', '20', 'At status drøftes');
    await add('Udskrivning af ældre medicinske patienter', 'decision', '30', 'At forslaget godkendes\nAt KTG Voksen følger op');
    const titles = async () => (await meeting()).items.map((i: { title: string }) => i.title);
    expect(await titles()).toEqual(['Velkommen', 'Status på sundhedsaftalen', 'Udskrivning af ældre medicinske patienter', 'Næste møde', 'Eventuelt']);
    await page.getByText('Samlet tid 65 min. af mødets 150 min.').waitFor();

    // Keyboard: focus the button and press Enter; the focus stays on the moved item (on "down", as it cannot go above Velkommen).
    const up = page.getByRole('button', { name: 'Flyt punkt "Udskrivning af ældre medicinske patienter" op' });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByText('"Udskrivning af ældre medicinske patienter" er nu punkt 2.').waitFor({ state: 'attached' });
    expect(await poll(titles, ['Velkommen', 'Udskrivning af ældre medicinske patienter', 'Status på sundhedsaftalen', 'Næste møde', 'Eventuelt'])).toEqual(['Velkommen', 'Udskrivning af ældre medicinske patienter', 'Status på sundhedsaftalen', 'Næste møde', 'Eventuelt']);
    expect(await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null), 'Flyt punkt "Udskrivning af ældre medicinske patienter" ned')).toBe('Flyt punkt "Udskrivning af ældre medicinske patienter" ned');
    // A fixed item cannot be moved.
    await expect(page.getByRole('button', { name: 'Flyt punkt "Velkommen" ned' }).isDisabled()).resolves.toBe(true);

    // Drag and drop: Status onto Udskrivning puts it back in second place.
    const li = (title: string) => page.locator('li[data-item-id]').filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });
    await li('Status på sundhedsaftalen').dragTo(li('Udskrivning af ældre medicinske patienter'));
    expect(await poll(titles, ['Velkommen', 'Status på sundhedsaftalen', 'Udskrivning af ældre medicinske patienter', 'Næste møde', 'Eventuelt'])).toEqual(['Velkommen', 'Status på sundhedsaftalen', 'Udskrivning af ældre medicinske patienter', 'Næste møde', 'Eventuelt']);
    await shot(page, '05-moede-dagsorden-byg');
  });

  it('attaches files to an item by keyboard and by dropping them, lists them as bilag, and explains a refused file in Danish', async () => {
    await openMeeting('agenda');
    const status = (await meeting()).items.find((i: { title: string }) => i.title === 'Status på sundhedsaftalen');
    const zone = page.locator(`[data-attachments-of="${status.id}"]`);
    await zone.locator('[data-drop-zone]').waitFor();
    expect(await zone.getByRole('listitem').count()).toBe(0);
    // Fixed items (Velkommen ...) take no attachments in the builder.
    const welcome = (await meeting()).items.find((i: { fixed?: string }) => i.fixed === 'welcome');
    expect(await page.locator(`[data-attachments-of="${welcome.id}"]`).count()).toBe(0);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

    // Keyboard: the "Vælg fil" button opens the file picker.
    const chooser = page.waitForEvent('filechooser');
    await zone.getByRole('button', { name: 'Vælg fil: Status på sundhedsaftalen' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'Statusnotat.pdf', mimeType: 'application/pdf', buffer: pdf });
    await zone.getByText('Bilaget "Statusnotat.pdf" er vedhæftet.').waitFor();
    const link = zone.getByRole('link', { name: 'Hent Statusnotat.pdf' });
    await link.waitFor();
    expect(await zone.getByRole('listitem').first().innerText()).toMatch(/^Bilag 2\.1: Statusnotat\.pdf/);
    const download = await fetch(e.app.url + (await link.getAttribute('href'))!, { headers: e.app.as(secretary) });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    // Drag and drop of a file onto the item's zone.
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'Budget 2027.pdf', { type: 'application/pdf' }));
      return dt;
    }, pdf.toString('latin1'));
    await zone.locator('[data-drop-zone]').dispatchEvent('dragover', { dataTransfer });
    await zone.locator('[data-drop-zone]').dispatchEvent('drop', { dataTransfer });
    await zone.getByRole('link', { name: 'Hent Budget 2027.pdf' }).waitFor();
    expect(await zone.getByRole('listitem').nth(1).innerText()).toMatch(/^Bilag 2\.2: Budget 2027\.pdf/);

    // A file that is not what it says it is: the server's reason, in Danish.
    const chooser2 = page.waitForEvent('filechooser');
    await zone.getByRole('button', { name: 'Vælg fil: Status på sundhedsaftalen' }).click();
    await (await chooser2).setFiles({ name: 'notat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Bare tekst, ikke en PDF.') });
    const alert = zone.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Bilaget "notat.pdf" blev ikke vedhæftet');
    expect(await alert.innerText()).toMatch(/Filen er angivet som application\/pdf/);
    expect((await meeting()).items.find((i: { id: string }) => i.id === status.id).attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['Statusnotat.pdf', 'Budget 2027.pdf']);
    await zone.scrollIntoViewIfNeeded();
    await shot(page, '05b-moede-dagsorden-bilag');
  });

  it('takes a member\'s proposal and apologies; the secretariat accepts the proposal', async () => {
    await as(member);
    await openMeeting('agenda');
    await page.getByRole('heading', { name: 'Foreslå et punkt' }).waitFor();
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Opfølgning på praksisplanen');
    await page.getByLabel('Baggrund').fill('PLO ønsker en status på praksisplanen.');
    await page.getByRole('button', { name: 'Send forslag' }).click();
    await page.getByText('Dit forslag er sendt til sekretariatet.').waitFor();
    await page.getByText('Afventer', { exact: true }).waitFor();
    await shot(page, '06-moede-medlem-foreslaar');

    await page.getByRole('tab', { name: 'Fremmøde' }).click();
    await page.getByRole('radio', { name: 'Afbud', exact: true }).check();
    await page.getByRole('button', { name: 'Gem svar' }).click();
    await page.getByText('Dit svar: Afbud').waitFor();
    const mine = (await meeting()).attendance.find((a: { personId: string }) => a.personId === member);
    expect(mine.answer).toBe('apologies');
    await shot(page, '07-moede-fremmoede-afbud');

    await as(secretary);
    await openMeeting('agenda');
    await page.getByRole('button', { name: 'Optag' }).click();
    await page.getByRole('heading', { name: /Opfølgning på praksisplanen/ }).waitFor();
    expect((await meeting()).items.map((i: { title: string }) => i.title)).toContain('Opfølgning på praksisplanen');
  });

  it('needs the chair\'s approval, then the secretariat sends the agenda; a late proposal is refused with the date', async () => {
    await as(chair);
    await openMeeting('agenda');
    await page.getByRole('button', { name: 'Godkend dagsorden' }).click();
    await page.getByText('Dagsordenen er godkendt af formandskabet.').first().waitFor();

    await at('2027-01-25T09:00:00Z');
    await as(secretary);
    await openMeeting('agenda');
    await page.getByRole('button', { name: 'Send dagsorden' }).click();
    await page.getByText(/Dagsordenen er sendt 25\. januar 2027/).waitFor();
    expect((await meeting()).meeting.agendaSentAt).toBe('2027-01-25T09:00:00.000Z');
    await shot(page, '08-moede-dagsorden-sendt');
    // Before the meeting the minutes are not a draft yet, and the button that sends them says when it can be used.
    await expect(page.getByTestId('minutes-state').innerText()).resolves.toBe('Ikke påbegyndt');
    await page.getByRole('tab', { name: 'Referat', exact: true }).click();
    await page.getByTestId('send-minutes-when').waitFor();
    expect(await page.getByRole('button', { name: 'Send referat til bemærkninger' }).getAttribute('aria-disabled')).toBe('true');

    await as(member2);
    await openMeeting('agenda');
    // Past the cut-off a member is told the date instead of being offered a form the server would refuse ...
    const note = page.locator('[data-cutoff-passed]');
    await note.waitFor();
    expect(await note.innerText()).toContain('21. januar 2027 kl. 16.00');
    expect(await page.getByRole('button', { name: 'Send forslag' }).count()).toBe(0);
    await note.scrollIntoViewIfNeeded();
    await shot(page, '09-moede-forslag-afvist');
    // ... and a proposal sent anyway (an old page, the API) is refused with the date, in Danish and English.
    const late = await fetch(`${e.app.url}/api/meetings/${meetingId}/proposals`, {
      method: 'POST',
      headers: { ...e.app.as(member2), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'For sent punkt', kind: 'discussion', background: 'Kom for sent.' }),
    });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.status).toBeLessThan(500);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await late.json())).toContain('21. januar 2027 kl. 16.00');
  });

  it('writes the minutes in meeting-time mode, adds a task and sends them for remarks', async () => {
    await at('2027-02-12T09:00:00Z');
    await as(secretary);
    // The day after the meeting the agenda is closed: one line says why, and no button offers what the server refuses.
    await openMeeting('agenda');
    const closed = page.locator('[data-agenda-closed]');
    await closed.waitFor();
    expect(await closed.innerText()).toBe('Mødet er i gang eller afholdt, så dagsordenen kan ikke længere ændres, godkendes eller udsendes. Beslutninger og fremmøde skrives i referatet.');
    for (const name of ['Godkend dagsorden', 'Send dagsorden', 'Tilføj punkt']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    await expect(page.getByTestId('minutes-state').innerText()).resolves.toBe('Kladde');
    await page.getByRole('tab', { name: 'Referat', exact: true }).click();
    await page.getByRole('switch', { name: 'Mødetilstand' }).check();
    const items: { id: string; title: string }[] = (await meeting()).items;
    const boxes = page.locator('[data-minutes-item] textarea');
    await boxes.first().click();
    for (const [n, item] of items.entries()) {
      const text = item.title.startsWith('Udskrivning') ? 'Forslaget blev godkendt. Borgeren med cpr-nr. 010190-1234 omtales i bilaget.' : `Beslutning om ${item.title}.`;
      await page.keyboard.type(text);
      if (n < items.length - 1) await page.keyboard.press('Control+ArrowDown');
    }
    await page.keyboard.press('Control+ArrowUp'); // leaves the last field, which saves it
    expect(await poll(async () => (await meeting()).items.map((i: { decision?: string }) => i.decision ?? ''), items.map((i) => (i.title.startsWith('Udskrivning') ? 'Forslaget blev godkendt. Borgeren med cpr-nr. 010190-1234 omtales i bilaget.' : `Beslutning om ${i.title}.`)))).toEqual(items.map((i) => (i.title.startsWith('Udskrivning') ? 'Forslaget blev godkendt. Borgeren med cpr-nr. 010190-1234 omtales i bilaget.' : `Beslutning om ${i.title}.`)));
    await shot(page, '10-referat-moedetilstand');

    // Before any task: the meeting's list says so (not the overview's "no tasks given to you").
    await page.getByText('Mødet har endnu ikke givet nogen opgaver.').waitFor();
    await page.getByRole('textbox', { name: 'Opgave', exact: true }).fill('Udarbejde forslag til udskrivningsforløb');
    await page.locator('select[name="task-assignee-kind"]').selectOption('forum');
    await page.getByRole('combobox', { name: 'Ansvarligt forum' }).selectOption('midt-adhoc-udskr');
    await page.locator('input[name="task-due"]').fill('2027-05-01');
    await page.getByRole('button', { name: 'Opret opgave' }).click();
    await page.getByText(/Udarbejde forslag til udskrivningsforløb · Frist 1\. maj 2027/).waitFor();

    // The referent: the forum's secretary by default, another member when the secretariat chooses.
    await expect(page.getByTestId('minute-taker').innerText()).resolves.toBe('Nina Hald');
    await page.getByRole('combobox', { name: 'Vælg referent' }).selectOption(chair);
    await page.getByRole('button', { name: 'Gem referent' }).click();
    await page.getByText('Gorm Ravn er nu referent.').waitFor();
    await expect(page.getByTestId('minute-taker').innerText()).resolves.toBe('Gorm Ravn');
    expect((await meeting()).minuteTaker).toEqual({ personId: chair, name: 'Gorm Ravn', isDefault: false });

    await page.getByRole('button', { name: 'Send referat til bemærkninger' }).click();
    // Members who never answered are contradictions to confirm before the minutes go out.
    await page.getByRole('button', { name: 'Bekræft og send referatet alligevel' }).click();
    await page.getByText('Bemærkninger kan gives indtil 19. februar 2027 kl. 16.00.').waitFor();
    expect((await meeting()).minutes).toMatchObject({ status: 'sent_for_remarks', windowClosesAt: '2027-02-19T15:00:00.000Z' });

    // The version history: the sent agenda (referent then: the default) and the minutes just sent.
    await page.getByRole('tab', { name: 'Versioner' }).click();
    const table = page.getByRole('table', { name: 'Versioner og rettelser' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toMatch(/Referat\s+1\s+Udsendt\s+12\. februar 2027 kl\. 10\.00\s+Nina Hald/);
    expect(await rows.nth(1).innerText()).toMatch(/Dagsorden\s+1\s+Udsendt\s+25\. januar 2027 kl\. 10\.00\s+Nina Hald/);
    await shot(page, '10b-moede-versioner');
    const html = async (name: string) => {
      const href = await table.getByRole('link', { name }).getAttribute('href');
      const r = await fetch(e.app.url + href!, { headers: e.app.as(member) });
      expect(r.status).toBe(200);
      return r.text();
    };
    expect(await html('Dagsorden version 1, Udsendt: vis i browseren')).toMatch(/<th scope="row">Referent<\/th><td>Nina Hald/);
    const minutesV1 = await html('Referat version 1, Udsendt: vis i browseren');
    expect(minutesV1).toMatch(/<th scope="row">Referent<\/th><td>Gorm Ravn/);
    expect(minutesV1).toContain('Beslutning om Status på sundhedsaftalen.');
  });

  it('takes a member\'s remark in the window and refuses one after it', async () => {
    await at('2027-02-15T10:00:00Z');
    await as(member);
    await openMeeting('minutes');
    const udskr = (await meeting()).items.find((i: { title: string }) => i.title.startsWith('Udskrivning'));
    await page.getByLabel('Bemærkning til').selectOption(udskr.id);
    await page.getByRole('textbox', { name: 'Din bemærkning' }).fill('Mit navn er stavet forkert i punktet.');
    await page.getByRole('button', { name: 'Send bemærkning' }).click();
    await page.getByText('Din bemærkning er sendt.').waitFor();
    await page.getByText('Mit navn er stavet forkert i punktet.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Send bemærkning' }).scrollIntoViewIfNeeded();
    await shot(page, '11-referat-bemaerkning');

    await at('2027-02-19T15:00:01Z');
    await as(member2);
    await openMeeting('minutes');
    await page.getByText('Vinduet for bemærkninger er lukket.').waitFor();
    await page.getByRole('textbox', { name: 'Din bemærkning' }).fill('For sent');
    await page.getByRole('button', { name: 'Send bemærkning' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('19. februar 2027 kl. 16.00');
    await alert.scrollIntoViewIfNeeded();
    await shot(page, '12-referat-bemaerkning-afvist');
  });

  it('approves tacitly when the window has closed, and publishes after the personal-data check', async () => {
    // The job is due at the window's close in real time; bring it forward so the real worker runs it now.
    await e.app.db.db.execute(sql`update pgboss_v10.job set start_after = now() where name = 'minutes.tacit-approval'`);
    expect(await poll(async () => (await meeting()).minutes.approvedHow, 'tacit', 20_000)).toBe('tacit');

    await at('2027-02-22T09:00:00Z');
    await as(secretary);
    await openMeeting('minutes');
    await page.getByText(/stiltiende godkendt 19\. februar 2027 kl\. 16\.00/).waitFor();
    await page.getByRole('button', { name: 'Offentliggør referat' }).click();
    await page.getByText('Mulige personoplysninger').waitFor();
    await page.getByText(/010190-1234/).first().waitFor();
    await page.getByRole('button', { name: 'Bekræft og offentliggør' }).scrollIntoViewIfNeeded();
    await shot(page, '13-offentliggoer-personoplysninger');
    await page.getByRole('button', { name: 'Bekræft og offentliggør' }).click();
    await page.getByText(/Referatet er offentliggjort 22\. februar 2027/).waitFor();
    await shot(page, '14-offentliggjort');
    await page.getByRole('list', { name: 'Tidslinje' }).scrollIntoViewIfNeeded();
    expect(await page.locator('[data-step="publication"]').innerText()).toContain('udført');

    await page.getByRole('tab', { name: 'Versioner' }).click();
    const rows = page.getByRole('table', { name: 'Versioner og rettelser' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.nth(0).innerText()).toMatch(/Referat\s+1\s+Offentliggjort\s+22\. februar 2027/);
    expect(await rows.nth(1).innerText()).toMatch(/Referat\s+1\s+Godkendt\s+.*Systemet \(stiltiende godkendelse\)/);
    expect(await rows.count()).toBe(4);
  });

  it('shows the secretariat the forum\'s audit log with Danish labels, refused attempts included', async () => {
    const refused = await fetch(`${e.app.url}/api/meetings/${meetingId}/minutes/correct`, { method: 'POST', headers: { ...e.app.as(member), 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'Jeg vil rette' }) });
    expect(refused.status).toBe(403);
    await page.goto(`${e.app.url}/#/forums/${forumId}`);
    await page.getByRole('tab', { name: 'Revisionsspor' }).click();
    const table = page.getByRole('table', { name: 'Revisionsspor' });
    await table.waitFor();
    const first = table.locator('tbody tr').first();
    expect(await first.innerText()).toMatch(/Pia Strand\s+Afvist forsøg: POST \/api\/meetings\/:id\/minutes\/correct \(HTTP 403\)\s+.*Afvist/);
    await table.getByText('Referat offentliggjort').waitFor();
    await table.getByText('Referent valgt').waitFor();
    await page.getByText(/^Side 1 af \d+ \(\d+ hentede hændelser\)$/).waitFor();
    await shot(page, '14b-forum-revisionsspor');
    await page.getByRole('switch', { name: 'Vis kun afviste forsøg' }).check();
    await expect(table.locator('tbody tr[data-outcome="ok"]').count()).resolves.toBe(0);
    expect(await table.locator('tbody tr[data-outcome="refused"]').count()).toBeGreaterThan(0);
    // A member of the forum has no audit tab, and the server refuses the log.
    expect((await fetch(`${e.app.url}/api/forums/${forumId}/audit`, { headers: e.app.as(member) })).status).toBe(403);
  });

  it('shows the published minutes on the public page and in the RSS and iCalendar feeds', async () => {
    await page.goto(`${e.app.url}/offentlig/midtjylland`);
    await page.locator(`a[href="/offentlig/moeder/${meetingId}"]`).first().waitFor();
    await shot(page, '15-offentlig-region');
    await page.goto(`${e.app.url}/offentlig/moeder/${meetingId}`);
    await page.getByText('Beslutning om Status på sundhedsaftalen.').waitFor();
    await shot(page, '16-offentlig-referat');

    const rss = await (await fetch(`${e.app.url}/feeds/minutes.rss`)).text();
    expect(rss).toContain(`/offentlig/moeder/${meetingId}`);
    const ics = await (await fetch(`${e.app.url}/feeds/forums/${forumId}.ics`)).text();
    const cal = new ICAL.Component(ICAL.parse(ics));
    const ev = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((x) => x.uid.startsWith(`meeting-${meetingId}@`));
    expect(ev).toBeDefined();
    expect(ev!.startDate.toJSDate().toISOString()).toBe('2027-02-11T12:00:00.000Z');
    expect(String(ev!.component.getFirstPropertyValue('url'))).toContain(`/offentlig/moeder/${meetingId}`);
  });
});
