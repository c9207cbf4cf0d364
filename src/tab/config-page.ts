/**
 * The configurable tab's configuration page (manifest `configurableTabs[0].configurationUrl`
 * = /config.html): the person adding Samraad to a channel picks a forum, and the tab
 * is saved pointing at that forum's page (/#/forums/<id>); added to a Teams meeting,
 * she picks one of her next Samraad meetings and the tab opens it (/#/meetings/<id>).
 *
 * Bundling: public/config.html loads `/config-page.js`. The tab's Vite build must emit
 * this module as its own entry with that fixed name (see the issue 7 report), because
 * files in public/ are copied, not bundled.
 *
 * What it does not do yet: create a forum from here (forums are created in the tab),
 * and it assumes the API lists forums at GET /api/forums ([{ id, name }]) with the
 * SSO token as bearer; adjust `listForums` to the real route.
 */
import { app, authentication, pages } from '@microsoft/teams-js';

export type ForumChoice = { id: string; name: string };

export type TabConfig = { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string };

/** Pure: the saved tab configuration for a forum. */
export function forumTabConfig(origin: string, forum: ForumChoice): TabConfig {
  const base = origin.replace(/\/$/, '');
  const page = `${base}/#/forums/${encodeURIComponent(forum.id)}`;
  // Teams shows long tab names cut off; keep them short and whole.
  const name = forum.name.length > 30 ? `${forum.name.slice(0, 29).trimEnd()}…` : forum.name;
  return { entityId: `forum:${forum.id}`, contentUrl: page, websiteUrl: page, suggestedDisplayName: name || 'Samraad' };
}

/**
 * Pure: the saved tab configuration for a Samraad meeting, when the tab is added to a
 * Teams meeting (its chat, details, side panel and stage open that meeting: issue 16).
 */
export function meetingTabConfig(origin: string, meeting: ForumChoice): TabConfig {
  const base = origin.replace(/\/$/, '');
  const page = `${base}/#/meetings/${encodeURIComponent(meeting.id)}`;
  return { entityId: `meeting:${meeting.id}`, contentUrl: page, websiteUrl: page, suggestedDisplayName: 'Samraad' };
}

/** Pure: the meetings offered in a Teams meeting, from GET /api/me/overview's next meetings ("Forum, 11. februar 2027 kl. 13:00"). */
export function meetingChoices(overview: { nextMeetings?: { meeting: { id: string; date: string; start: string; title?: string }; forum: { name: string } | null }[] }): ForumChoice[] {
  return (overview.nextMeetings ?? []).map(({ meeting: m, forum }) => {
    const [y, mo, d] = m.date.split('-').map(Number);
    const date = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, mo! - 1, d!)));
    return { id: m.id, name: `${forum?.name ?? m.title ?? m.id}, ${date} kl. ${m.start.slice(0, 5)}` };
  });
}

async function listMeetings(): Promise<ForumChoice[]> {
  const token = await authentication.getAuthToken();
  const res = await fetch('/api/me/overview', { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/me/overview: HTTP ${res.status}`);
  return meetingChoices((await res.json()) as Parameters<typeof meetingChoices>[0]);
}

async function listForums(): Promise<ForumChoice[]> {
  const token = await authentication.getAuthToken();
  const res = await fetch('/api/forums', { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/forums: HTTP ${res.status}`);
  return (await res.json()) as ForumChoice[];
}

async function main(doc: Document): Promise<void> {
  const select = doc.getElementById('forum') as HTMLSelectElement;
  const status = doc.getElementById('status') as HTMLElement;
  try {
    await app.initialize();
  } catch {
    status.textContent = 'Denne side virker kun i Microsoft Teams.';
    return;
  }
  // Added to a Teams meeting (its chat or details): the tab opens a Samraad meeting, not a forum.
  const context = await app.getContext().catch((err: unknown) => {
    // Without a context the page falls back to forums, the channel tab's choice.
    console.warn('Samraad: teams-js gave no context', err);
    return undefined;
  });
  const inMeeting = Boolean(context?.meeting?.id);
  if (inMeeting) {
    const label = doc.querySelector('label[for="forum"]');
    if (label) label.textContent = 'Hvilket møde skal fanen vise? / Which meeting should the tab show?';
    const first = select.querySelector('option');
    if (first) first.textContent = 'Vælg et møde / Choose a meeting';
  }
  let forums: ForumChoice[] = [];
  try {
    forums = inMeeting ? await listMeetings() : await listForums();
  } catch (e) {
    // Say it: an empty list with no reason looks like "no forums".
    status.textContent = `${inMeeting ? 'Kunne ikke hente møder' : 'Kunne ikke hente fora'}: ${e instanceof Error ? e.message : String(e)}`;
  }
  for (const f of forums) {
    const opt = doc.createElement('option');
    opt.value = f.id;
    opt.textContent = f.name;
    select.append(opt);
  }
  const chosen = () => forums.find((f) => f.id === select.value);
  pages.config.setValidityState(Boolean(chosen()));
  select.addEventListener('change', () => pages.config.setValidityState(Boolean(chosen())));
  pages.config.registerOnSaveHandler((saveEvent) => {
    const forum = chosen();
    if (!forum) return saveEvent.notifyFailure(inMeeting ? 'Vælg et møde' : 'Vælg et forum');
    pages.config
      .setConfig(inMeeting ? meetingTabConfig(window.location.origin, forum) : forumTabConfig(window.location.origin, forum))
      .then(() => saveEvent.notifySuccess())
      .catch((e: unknown) => saveEvent.notifyFailure(e instanceof Error ? e.message : String(e)));
  });
}

if (typeof document !== 'undefined') void main(document);
