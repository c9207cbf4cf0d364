/**
 * The channel tab's configuration page (manifest `configurableTabs[0].configurationUrl`
 * = /config.html): the person adding Samraad to a channel picks a forum, and the tab
 * is saved pointing at that forum's page (/#/forums/<id>).
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
  let forums: ForumChoice[] = [];
  try {
    forums = await listForums();
  } catch (e) {
    // Say it: an empty list with no reason looks like "no forums".
    status.textContent = `Kunne ikke hente fora: ${e instanceof Error ? e.message : String(e)}`;
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
    if (!forum) return saveEvent.notifyFailure('Vælg et forum');
    pages.config
      .setConfig(forumTabConfig(window.location.origin, forum))
      .then(() => saveEvent.notifySuccess())
      .catch((e: unknown) => saveEvent.notifyFailure(e instanceof Error ? e.message : String(e)));
  });
}

if (typeof document !== 'undefined') void main(document);
