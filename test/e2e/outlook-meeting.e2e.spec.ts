/**
 * Schedule from Outlook, seen in real Chromium on a whole server in emulator mode
 * (issue 16): the start-up sync gives the forum its Outlook category; a secretary
 * creates an online event under it in Outlook (the emulator); the change
 * notification runs the calendar delta and the event becomes a meeting. Its page
 * shows the Teams join link and asks the secretariat to confirm or reject it; a
 * plain member sees the request without the buttons; the secretary confirms.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { shot, signIn, startE2E, until, type E2E } from './e2e.support.js';

const secretary = 'nina-hald';
const member = 'pia-strand';

type Detail = Record<string, unknown>;
type View = { emulatorUrl?: string; forums: { forumId: string; channel: { status: string; detail?: Detail }; events: { meetingId: string; date: string }[] }[] };

describe('a meeting made in Outlook, on its page (Chromium, emulator mode)', () => {
  let e: E2E;
  let meetingId = '';
  const view = async (): Promise<View> => {
    const r = await fetch(`${e.app.url}/api/sync/status`, { headers: e.app.as(secretary) });
    if (!r.ok) throw new Error(`sync status: ${r.status}`);
    return r.json() as Promise<View>;
  };
  const ksg = (v: View) => v.forums.find((f) => f.forumId === 'midt-ksg')!;

  beforeAll(async () => {
    e = await startE2E('2027-01-20T09:00:00Z', { graph: 'emulator' });
    const v = await until(view, (x) => !!(ksg(x).channel.detail?.category as Detail | undefined)?.mailbox, 180_000);
    const category = ksg(v).channel.detail!.category as { mailbox: string; name: string };
    expect(category.name).toBe('Samraad · Klyngestyregruppe for Midtklyngen');
    const created = await fetch(`${v.emulatorUrl}/_emulator/outlook/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mailbox: category.mailbox,
        event: {
          subject: 'Ekstra møde om akutfunktioner',
          start: { dateTime: '2027-05-11T10:00:00', timeZone: 'Romance Standard Time' },
          end: { dateTime: '2027-05-11T12:00:00', timeZone: 'Romance Standard Time' },
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          categories: [category.name],
        },
      }),
    });
    expect(created.status).toBe(201);
    // The change notification runs the delta; the scheduled one would too, later.
    const after = await until(view, (x) => ksg(x).events.some((m) => m.meetingId.startsWith('mtg-ol-')), 180_000);
    meetingId = ksg(after).events.find((m) => m.meetingId.startsWith('mtg-ol-'))!.meetingId;
    expect(ksg(after).events.find((m) => m.meetingId === meetingId)!.date).toBe('2027-05-11');
    // The page reads the Outlook side once when it opens: wait until the meeting's sync has stored the join link.
    const outlook = async () => (await (await fetch(`${e.app.url}/api/meetings/${encodeURIComponent(meetingId)}/outlook`, { headers: e.app.as(member) })).json()) as { joinUrl: string | null };
    await until(outlook, (x) => !!x.joinUrl, 180_000);
  }, 480_000);
  afterAll(async () => e?.close());

  it('shows a member the join link and that the secretariat must confirm, without the buttons', async () => {
    const page = e.page;
    await page.goto(`${e.app.url}/`);
    await signIn(page, member);
    await page.goto(`${e.app.url}/#/meetings/${encodeURIComponent(meetingId)}`);
    const join = page.getByRole('link', { name: 'Deltag i Teams-mødet' });
    // The page reads the meeting's Outlook side when it opens; on a loaded machine that can be before the
    // sync stored the join link, so look again as a person would (reload) for up to 3 minutes.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const shown = await join.waitFor({ timeout: 15_000 }).then(() => true, () => false);
      if (shown || Date.now() > deadline) break;
      await page.reload();
    }
    await join.waitFor({ timeout: 15_000 });
    expect(await join.getAttribute('href')).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    await page.getByText(/Mødet er oprettet i Outlook .* Sekretariatet skal bekræfte eller afvise det\./).waitFor();
    expect(await page.getByRole('button', { name: 'Bekræft mødet' }).count()).toBe(0);
  }, 300_000);

  it('lets the secretary confirm it', async () => {
    const page = e.page;
    await page.goto(`${e.app.url}/`);
    await signIn(page, secretary);
    await page.goto(`${e.app.url}/#/meetings/${encodeURIComponent(meetingId)}`);
    const confirm = page.getByRole('button', { name: 'Bekræft mødet' });
    await confirm.waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Afvis og aflys mødet' }).waitFor();
    await shot(page, 'outlook-meeting-pending');
    await confirm.click();
    await page.getByText('Oprettet i Outlook og bekræftet af sekretariatet.').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Bekræft mødet' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Deltag i Teams-mødet' }).waitFor();
    await shot(page, 'outlook-meeting-confirmed');
    const r = await fetch(`${e.app.url}/api/meetings/${encodeURIComponent(meetingId)}/outlook`, { headers: e.app.as(secretary) });
    expect(((await r.json()) as { fromOutlook: { confirmation: string } }).fromOutlook.confirmation).toBe('confirmed');
  });
});
