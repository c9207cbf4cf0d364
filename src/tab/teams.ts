/**
 * Starts teams-js when the tab runs inside a Microsoft 365 host, and falls back to
 * a plain browser when it does not: outside a host `app.initialize()` rejects, or
 * never settles inside a foreign iframe, so it is raced against a timeout.
 */
import { detectHost, type HostInfo } from './host.js';

/**
 * teams-js is loaded only inside a host frame: importing it fetches the list of valid host
 * domains from res.cdn.office.net at once, which in a plain browser (and offline) is a failed
 * request and a console error for nothing.
 */
type TeamsJs = typeof import('@microsoft/teams-js');
let teamsJs: TeamsJs | undefined;
const loadTeamsJs = async () => (teamsJs ??= await import('@microsoft/teams-js'));

export type ThemeName = 'default' | 'dark' | 'contrast';
export type HostState = HostInfo & {
  theme: ThemeName; locale?: string; subEntityId?: string;
  /** teams-js `page.frameContext`: 'content', 'sidePanel', 'meetingStage', ... (undefined in a browser). */
  frameContext?: string;
  /** The Teams meeting and its chat, when the tab runs in a meeting (logged; the Samraad meeting comes from the tab's URL). */
  teamsMeetingId?: string;
  chatId?: string;
};

export async function startHost(timeoutMs = 1500): Promise<HostState> {
  const inFrame = window.parent !== window;
  const fromQuery = new URLSearchParams(window.location.search).get('theme');
  const browserTheme: ThemeName = fromQuery === 'dark' || fromQuery === 'contrast' ? fromQuery : window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
  if (!inFrame) return { ...detectHost(undefined), theme: browserTheme };
  try {
    const { app } = await loadTeamsJs();
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js did not initialise')), timeoutMs)),
    ]);
    const context = await app.getContext();
    const theme = (context.app.theme as ThemeName) ?? 'default';
    return { ...detectHost(context), theme, locale: context.app.locale, subEntityId: context.page.subPageId, frameContext: context.page.frameContext, teamsMeetingId: context.meeting?.id, chatId: context.chat?.id };
  } catch {
    return { ...detectHost(undefined), theme: browserTheme };
  }
}

export function onThemeChange(handler: (theme: ThemeName) => void) {
  try {
    teamsJs?.app.registerOnThemeChangeHandler((t) => handler(t as ThemeName));
  } catch {
    // Not in a host: nothing to follow.
  }
}

/** The tab's SSO token (Teams, Outlook, Microsoft 365 app); undefined in a plain browser. */
export async function ssoToken(host: HostState): Promise<string | undefined> {
  if (!host.hasSso) return undefined;
  return (await loadTeamsJs()).authentication.getAuthToken();
}
