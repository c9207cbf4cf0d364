/**
 * The tab's first view as plain HTML (issue 18, P4): the server puts it inside `#root` of
 * the start page for a browser signed in with the dev sign-in, beside the same first data
 * (boot.ts), so the forum list shows as soon as the HTML arrives instead of after React
 * and Fluent are parsed and run. React's `createRoot(...).render` replaces it with the app.
 *
 * It is the shell App.tsx draws first, in Danish: the header, the navigation (the same
 * links, the forum hierarchy with the same names, `data-forum-id` and `#/forums/<id>`
 * addresses) and a main region that says it is loading; an accessible list of links that
 * works before any script runs (a link followed is the route the app opens). The colours
 * and sizes are the Fluent Teams themes' tokens (light, and dark when the browser asks for
 * it or `?theme=` says so), so nothing moves when the app takes over.
 *
 * Pure: no DOM, no clock (today is passed in). Shared by the server (src/entry/http) and the
 * app (the secretariat and region rules), so the two cannot drift.
 */
import type { MeResponse } from '../contracts/system.contract.js';
import type { ForumNodeResponse } from '../contracts/registry.contract.js';

/** The first view's words (the Danish of i18n.ts: appName, tagline, forumHierarchy, loading, m.overview, sy.nav, regions nav, tr.nav, ended). */
export const FIRST_VIEW_TEXTS = {
  appName: 'Samraad',
  tagline: 'Fora i sundhedssamarbejdet',
  forumHierarchy: 'Forumhierarki',
  loading: 'Henter ...',
  overview: 'Mit overblik',
  sync: 'Synkronisering',
  regions: 'Regioner',
  transitions: 'Omstilling',
  ended: 'Nedlagt',
};

/** Fluent's Teams theme tokens the shell uses (held equal to @fluentui's themes by first-view.spec.ts). */
export const FIRST_VIEW_THEMES = {
  default: { b1: '#ffffff', b2: '#fafafa', f1: '#242424', f2: '#424242', s2: '#e0e0e0' },
  dark: { b1: '#292929', b2: '#242424', f1: '#ffffff', f2: '#d6d6d6', s2: '#525252' },
  contrast: { b1: '#000000', b2: '#000000', f1: '#ffffff', f2: '#ffffff', s2: '#ffffff' },
} as const;
export const FIRST_VIEW_FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, "Apple Color Emoji", "Segoe UI Emoji", sans-serif';

type SignedIn = Extract<MeResponse, { signedIn: true }>;

/** A secretariat (secretary, chair, co-chair) today: the app offers them the sync page and the transitions. */
export function isSecretariat(me: MeResponse | null | undefined, today: string): boolean {
  const memberships = (me as (MeResponse & { memberships?: { role: string; to?: string | null }[] }) | null | undefined)?.memberships;
  return Boolean(memberships?.some((m) => ['secretary', 'chair', 'co_chair'].includes(m.role) && (!m.to || m.to >= today)));
}

/** The regions whose transitions the person may prepare: those whose secretariat they are (/api/me says which). */
export function transitionRegions(me: MeResponse | null | undefined): string[] {
  return me?.signedIn ? [...(me.administersRegions ?? [])] : [];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function vars(t: (typeof FIRST_VIEW_THEMES)[keyof typeof FIRST_VIEW_THEMES]): string {
  return `--sfv-b1:${t.b1};--sfv-b2:${t.b2};--sfv-f1:${t.f1};--sfv-f2:${t.f2};--sfv-s2:${t.s2};color-scheme:${t === FIRST_VIEW_THEMES.default ? 'light' : 'dark'}`;
}

/** The style of the first view (in the page's head: the page keeps its background when the app takes over). */
export function firstViewStyle(theme: 'default' | 'dark' | 'contrast' | undefined): string {
  const T = FIRST_VIEW_THEMES;
  // No theme asked for: the browser's (as teams.ts chooses it); a theme in the address wins.
  const themed = theme
    ? `:root{${vars(T[theme])}}`
    : `:root{${vars(T.default)}}@media (prefers-color-scheme: dark){:root{${vars(T.dark)}}}`;
  return (
    `${themed}html{background-color:var(--sfv-b2)}` +
    `.sfv{display:flex;flex-direction:column;height:100%;background:var(--sfv-b2);color:var(--sfv-f1);font-family:${FIRST_VIEW_FONT};font-size:14px;line-height:20px}` +
    '.sfv-h{display:flex;align-items:center;gap:16px;flex-wrap:wrap;padding:8px 16px;background:var(--sfv-b1);border-bottom:1px solid var(--sfv-s2)}' +
    '.sfv-brand{display:flex;flex-direction:column;margin-right:auto}' +
    '.sfv-brand h1{margin:0;font-size:20px;line-height:28px;font-weight:600}.sfv-tag{font-size:12px;line-height:16px;color:var(--sfv-f2)}' +
    '.sfv-b{display:flex;flex:1;min-height:0}' +
    '.sfv-n{width:340px;flex-shrink:0;overflow-y:auto;padding:12px;box-sizing:border-box;background:var(--sfv-b1);border-right:1px solid var(--sfv-s2)}' +
    '.sfv-l{margin:0 0 8px;font-weight:600}.sfv a{color:inherit}' +
    '.sfv-t,.sfv-t ul{list-style:none;margin:0;padding:0}.sfv-t ul{padding-left:24px}' +
    '.sfv-t a{display:flex;align-items:center;gap:8px;min-height:32px;padding-left:24px;text-decoration:none;border-radius:4px}' +
    '.sfv-t a:hover{background:var(--sfv-b2)}' +
    '.sfv-x{font-size:12px;line-height:16px;padding:0 6px;border:1px solid var(--sfv-s2);border-radius:9999px}' +
    '.sfv-m{flex:1;overflow-y:auto;padding:20px;min-width:0}' +
    '@media (max-width:720px){.sfv{height:auto;min-height:100%}.sfv-b{flex-direction:column}.sfv-n{width:auto;max-height:40vh;border-right:none;border-bottom:1px solid var(--sfv-s2)}.sfv-m{padding:12px}}'
  );
}

function tree(nodes: readonly ForumNodeResponse[]): string {
  return nodes
    .map(
      (n) =>
        `<li data-forum-id="${esc(n.id)}"><a href="#/forums/${encodeURIComponent(n.id)}">${esc(n.name)}${n.status === 'ended' ? ` <span class="sfv-x">${esc(FIRST_VIEW_TEXTS.ended)}</span>` : ''}</a>` +
        `${n.children.length ? `<ul>${tree(n.children)}</ul>` : ''}</li>`,
    )
    .join('');
}

/**
 * The shell with the navigation of a signed-in person (their links, the forum tree they may see, as
 * /api/me and /api/forums/tree answered them for this very request), or '' when there is nothing to show.
 */
export function firstViewHtml(boot: { me?: MeResponse; tree?: ForumNodeResponse[] }, today: string): string {
  const me = boot.me;
  if (!me?.signedIn || !boot.tree) return '';
  const T = FIRST_VIEW_TEXTS;
  const secretariat = isSecretariat(me as SignedIn, today);
  const link = (href: string, text: string) => `<p class="sfv-l"><a href="${esc(href)}">${esc(text)}</a></p>`;
  const links = [
    link('#/me', T.overview),
    ...(secretariat ? [link('#/sync', T.sync)] : []),
    link('#/regions', T.regions),
    ...transitionRegions(me).map((r) => link(`#/regions/${encodeURIComponent(r)}/transitions`, `${T.transitions}: ${r}`)),
  ];
  return (
    `<div class="sfv" data-first-view>` +
    `<header class="sfv-h"><div class="sfv-brand"><h1>${esc(T.appName)}</h1><span class="sfv-tag">${esc(T.tagline)}</span></div></header>` +
    `<div class="sfv-b"><nav class="sfv-n" aria-label="${esc(T.forumHierarchy)}">${links.join('')}<ul class="sfv-t">${tree(boot.tree)}</ul></nav>` +
    `<main id="main" class="sfv-m" tabindex="-1" aria-busy="true"><p>${esc(T.loading)}</p></main></div></div>`
  );
}
