import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { copenhagenToday } from './today.js';
import {
  Button,
  FluentProvider,
  Label,
  Link,
  Select,
  Spinner,
  Text,
  Title3,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useAppStyles } from './App.styles.js';
import { initialLang, texts, type Lang } from './i18n.js';
import { onThemeChange, type HostState, type ThemeName } from './teams.js';
import { api } from './api.js';
import { takeBoot } from './boot.js';
import { isSecretariat as isSecretariatToday, transitionRegions } from './first-view.js';
import { ForumTree, type ForumNode } from './screens/ForumTree.js';
import { SignInPicker, type Me } from './screens/SignInPicker.js';
import type { MeResponse } from '../contracts/system.contract.js';
import type { ForumNodeResponse } from '../contracts/registry.contract.js';
import { ScreenBoundary } from './screens/ScreenBoundary.js';
import { panelTexts } from './i18n.panel.js';
import { regionsTexts } from './i18n.regions.js';
import { meetingSurface, samraadMeetingId } from './host.js';

// Each screen is its own chunk (issue 18): the first view loads the shell, the forum tree and the
// screen it shows, nothing else. A chunk that fails to load is caught by the screen's ScreenBoundary.
const ForumPage = lazy(() => import('./screens/ForumPage.js').then((m) => ({ default: m.ForumPage })));
const MyOverview = lazy(() => import('./screens/MyOverview.js').then((m) => ({ default: m.MyOverview })));
const MeetingPage = lazy(() => import('./screens/MeetingPage.js').then((m) => ({ default: m.MeetingPage })));
const TermsImport = lazy(() => import('./screens/TermsImport.js').then((m) => ({ default: m.TermsImport })));
const Transitions = lazy(() => import('./screens/Transitions.js').then((m) => ({ default: m.Transitions })));
const Regions = lazy(() => import('./screens/Regions.js').then((m) => ({ default: m.Regions })));
const SyncStatus = lazy(() => import('./screens/SyncStatus.js').then((m) => ({ default: m.SyncStatus })));
const MeetingPanel = lazy(() => import('./screens/MeetingPanel.js').then((m) => ({ default: m.MeetingPanel })));

const themes: Record<ThemeName, Theme> = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** A tiny hash router: #/me, #/forums/<id>, #/meetings/<id>. */
/** Whether the tab is as narrow as a phone or a Teams side panel (App.styles.ts's 720 px break). */
function useNarrow(): boolean {
  const query = '(max-width: 720px)';
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const on = () => setNarrow(list.matches);
    list.addEventListener('change', on);
    return () => list.removeEventListener('change', on);
  }, []);
  return narrow;
}

function useRoute(): [string, (to: string) => void] {
  const [hash, setHash] = useState(() => window.location.hash.replace(/^#/, '') || '/');
  useEffect(() => {
    const on = () => setHash(window.location.hash.replace(/^#/, '') || '/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [hash, (to: string) => (window.location.hash = to)];
}

export function App({ host }: { host: HostState }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [lang, setLang] = useState<Lang>(() => initialLang(host.locale));
  const t = texts[lang];
  const styles = useAppStyles();
  const [route, navigate] = useRoute();
  // The start page may carry who is signed in and the forum tree (dev sign-in in a browser; inside Teams the SSO token
  // decides): taken before the first render, so the app's first frame shows the same list as the page's first view
  // (src/tab/first-view.ts), with no spinner between them.
  const [booted] = useState(() => {
    const bootMe = host.hasSso ? undefined : takeBoot('me');
    const bootTree = bootMe?.signedIn ? takeBoot('tree') : undefined;
    return { me: bootMe, tree: bootTree, treeFor: bootMe?.signedIn && bootTree ? (bootMe.person?.id ?? '') : undefined };
  });
  const [tree, setTree] = useState<ForumNode[] | null>(booted.tree ?? null);
  const [error, setError] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(booted.me ?? null);
  const bootedTreeFor = useRef(booted.treeFor);
  const forumNames = useMemo(() => {
    const names = new Map<string, string>();
    const walk = (ns: ForumNode[]) => ns.forEach((n) => { names.set(n.id, n.name); walk(n.children); });
    walk(tree ?? []);
    return names;
  }, [tree]);

  useEffect(() => onThemeChange(setTheme), []);
  // The page behind the app takes the theme too: a page taller than the window shows no white band in dark mode.
  useEffect(() => {
    const root = document.documentElement;
    root.style.backgroundColor = String(themes[theme].colorNeutralBackground2);
    root.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('samraad.lang', lang);
  }, [lang]);

  const loadMe = useCallback(() => api<MeResponse>('/api/me').then(setMe, () => setMe({ signedIn: false, devSignIn: false })), []);
  useEffect(() => {
    if (!booted.me) void loadMe();
  }, [loadMe, booted.me]);
  // The registry is for signed-in people (what is published is on the public pages): the tree loads after sign-in.
  const signedInAs = me?.signedIn ? (me.person?.id ?? '') : null;
  // Reads the tree; also after a screen changed the registry (a forum created from an import, a transition applied or
  // undone), in place with no spinner: the new forum is in it, the ending forums are marked.
  const refreshTree = useCallback(() => {
    if (signedInAs === null) return;
    api<ForumNodeResponse[]>('/api/forums/tree').then(setTree, (e: { detail?: string }) => setError(e.detail ?? 'error'));
  }, [signedInAs]);
  useEffect(() => {
    // The tree the page carried is this person's: kept once; any later sign-in asks the API.
    if (bootedTreeFor.current !== undefined && bootedTreeFor.current === signedInAs) {
      bootedTreeFor.current = undefined;
      return;
    }
    bootedTreeFor.current = undefined;
    setTree(null);
    setError(null);
    refreshTree();
  }, [refreshTree, signedInAs]);

  const forumId = useMemo(() => /^\/forums\/([^/?]+)/.exec(route)?.[1] ?? (route === '/' && !me?.signedIn ? host.subEntityId || null : null), [route, host.subEntityId, me?.signedIn]);
  const meetingId = /^\/meetings\/([^/?]+)/.exec(route)?.[1] ?? null;
  const importForumId = /^\/forums\/([^/?]+)\/import$/.exec(route)?.[1] ?? null;
  const onSync = route === '/sync';
  const onRegions = route === '/regions';
  const transitionsRegion = /^\/regions\/([^/?]+)\/transitions$/.exec(route)?.[1];
  const regionOfTransitions = transitionsRegion ? decodeURIComponent(transitionsRegion) : null;
  // The regions whose secretariat the person is: they prepare its transitions (a chair of a theme group is not offered them).
  const regions = useMemo(() => transitionRegions(me), [me]);
  // Each screen starts afresh when the route or the signed-in person changes.
  const who = me?.signedIn ? (me.person?.id ?? 'anon') : 'anon';
  // The link to the sync state is offered to a secretariat (secretary, chair, co-chair); the API refuses anyone else anyway.
  const isSecretariat = isSecretariatToday(me, copenhagenToday());
  const onOverview = route === '/me' || (route === '/' && Boolean(me?.signedIn) && !host.subEntityId);
  // Signed in with nothing chosen: "Mit overblik" is the start page (a channel tab opens its forum).
  useEffect(() => {
    // The address bar is read again here: a link followed while sign-in was loading (hashchange not yet rendered) wins.
    const nothingChosen = (window.location.hash.replace(/^#/, '') || '/') === '/';
    if (route === '/' && nothingChosen && me?.signedIn && !meetingSurface(host.frameContext)) navigate(host.subEntityId ? `/forums/${host.subEntityId}` : '/me');
  }, [route, me?.signedIn, host.subEntityId]); // eslint-disable-line react-hooks/exhaustive-deps

  // On a phone (Teams mobile) the forum tree is folded away behind a button, so what was opened comes first
  // instead of under a screenful of forum names; it folds again when a forum is chosen.
  const narrow = useNarrow();
  const [treeOpen, setTreeOpen] = useState(false);
  useEffect(() => setTreeOpen(false), [route]);

  // In a Teams meeting's side panel or stage: the compact meeting view, nothing else (issue 16).
  const surface = meetingSurface(host.frameContext);
  if (surface) {
    const panelMeeting = samraadMeetingId(window.location.hash, host.subEntityId);
    return (
      <FluentProvider theme={themes[theme]} className={styles.root} lang={lang}>
        <Suspense fallback={<Spinner label={t.loading} />}>
          {!panelMeeting ? <Text role="alert">{panelTexts[lang].noMeeting}</Text>
            : me && !me.signedIn ? <Text>{panelTexts[lang].signIn}</Text>
            : me ? <ScreenBoundary t={t} screen="meeting" id={panelMeeting} key={`panel-${panelMeeting}-${who}`}><MeetingPanel meetingId={panelMeeting} surface={surface} lang={lang} /></ScreenBoundary>
            : <Spinner label={t.loading} />}
        </Suspense>
      </FluentProvider>
    );
  }

  return (
    <FluentProvider theme={themes[theme]} className={styles.root} lang={lang}>
      <a href="#main" className={styles.skip} onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t.skipToContent}</a>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Title3 as="h1">{t.appName}</Title3>
          <Text size={200} className={styles.tagline}>{t.tagline}</Text>
        </div>
        <div className={styles.controls}>
          <SignInPicker t={t} me={me} onChanged={loadMe} />
          <div className={styles.field}>
            <Label htmlFor="lang">{t.language}</Label>
            <Select id="lang" value={lang} onChange={(_, d) => setLang(d.value as Lang)}>
              <option value="da">Dansk</option>
              <option value="en">English</option>
            </Select>
          </div>
        </div>
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label={t.forumHierarchy}>
          {me?.signedIn ? <p className={styles.navLink}><Link href="#/me" aria-current={onOverview ? 'page' : undefined}>{t.m.overview}</Link></p> : null}
          {me?.signedIn && isSecretariat ? <p className={styles.navLink}><Link href="#/sync" aria-current={onSync ? 'page' : undefined}>{t.sy.nav}</Link></p> : null}
          {me?.signedIn ? <p className={styles.navLink}><Link href="#/regions" aria-current={onRegions ? 'page' : undefined}>{regionsTexts[lang].nav}</Link></p> : null}
          {regions.map((r) => <p key={r} className={styles.navLink}><Link href={`#/regions/${encodeURIComponent(r)}/transitions`} aria-current={regionOfTransitions === r ? 'page' : undefined}>{`${t.tr.nav}: ${r}`}</Link></p>)}
          {me && !me.signedIn ? <><Text>{t.signInToSeeForums}</Text><p className={styles.navLink}><Link href="/offentlig" data-public-pages>{t.publicPagesLink}</Link></p></>
            : tree ? (
              <>
                {narrow ? (
                  <Button appearance="secondary" aria-expanded={treeOpen} aria-controls="forum-tree" onClick={() => setTreeOpen((o) => !o)} data-testid="forum-tree-toggle">
                    {treeOpen ? t.hideForums : t.showForums(countForums(tree))}
                  </Button>
                ) : null}
                <div id="forum-tree" hidden={narrow && !treeOpen}>
                  <ForumTree t={t} tree={tree} selectedId={forumId} onSelect={(id) => navigate(`/forums/${id}`)} />
                </div>
              </>
            ) : error ? <Text role="alert">{t.loadFailed}: {error}</Text> : <Spinner label={t.loading} />}
        </nav>
        <main id="main" className={styles.main} tabIndex={-1}>
          <Suspense fallback={<Spinner label={t.loading} />}>
            {onSync ? <ScreenBoundary t={t} screen="sync" key={`sync-${who}`}><SyncStatus t={t} lang={lang} signedIn={Boolean(me?.signedIn)} /></ScreenBoundary>
              : onRegions ? <ScreenBoundary t={t} screen="regions" key={`regions-${who}`}><Regions lang={lang} signedIn={Boolean(me?.signedIn)} /></ScreenBoundary>
              : regionOfTransitions ? <ScreenBoundary t={t} screen="transitions" id={regionOfTransitions} key={`transitions-${regionOfTransitions}-${who}`}><Transitions t={t} lang={lang} region={regionOfTransitions} signedIn={Boolean(me?.signedIn)} onRegistryChanged={refreshTree} /></ScreenBoundary>
              : importForumId ? <ScreenBoundary t={t} screen="import" id={importForumId} key={`import-${importForumId}-${who}`}><TermsImport t={t} lang={lang} forumId={importForumId} signedIn={Boolean(me?.signedIn)} onNavigate={navigate} forumNames={forumNames} onRegistryChanged={refreshTree} /></ScreenBoundary>
              : meetingId ? <ScreenBoundary t={t} screen="meeting" id={meetingId} key={`meeting-${meetingId}-${who}`}><MeetingPage t={t} lang={lang} meetingId={meetingId} meId={me?.signedIn ? me.person.id : undefined} onOpenForum={(id) => navigate(`/forums/${id}`)} forumNames={forumNames} /></ScreenBoundary>
              : forumId && me && !me.signedIn ? <Text>{t.signInToSeeForums}</Text>
              : forumId ? <ScreenBoundary t={t} screen="forum" id={forumId} key={`forum-${forumId}-${who}`}><ForumPage t={t} lang={lang} forumId={forumId} signedIn={Boolean(me?.signedIn)} meId={me?.signedIn ? me.person.id : undefined} onNavigate={(id) => navigate(`/forums/${id}`)} onOpenMeeting={(id) => navigate(`/meetings/${id}`)} forumNames={forumNames} /></ScreenBoundary>
              : onOverview && me?.signedIn ? <ScreenBoundary t={t} screen="overview" key={`overview-${who}`}><MyOverview t={t} lang={lang} signedIn onOpenMeeting={(id) => navigate(`/meetings/${id}`)} /></ScreenBoundary>
              : me && !me.signedIn ? <Text>{t.signInFirst}</Text>
            : <Text>{t.chooseForum}</Text>}
          </Suspense>
        </main>
      </div>
    </FluentProvider>
  );
}

function countForums(nodes: readonly ForumNodeResponse[]): number {
  return nodes.reduce((n, node) => n + 1 + countForums(node.children), 0);
}
