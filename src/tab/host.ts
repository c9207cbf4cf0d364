/**
 * Which Microsoft 365 host the tab runs in, from teams-js's app context
 * (`(await app.getContext()).app.host.name`). Pure: the caller does the teams-js
 * calls (and races `app.initialize()` with a timeout: outside a host it rejects or
 * never settles), then passes the context, or undefined when there is none.
 *
 * Host names are teams-js's `HostName` values: Teams / TeamsModern (Teams),
 * Outlook / OutlookWin32 (Outlook), Office (the Microsoft 365 app and office.com);
 * other Microsoft hosts (Places, ...) count as Microsoft 365.
 */
export type HostKind = 'teams' | 'outlook' | 'microsoft365' | 'browser';

export type HostInfo = {
  kind: HostKind;
  /** The raw host name, for logs; undefined in a plain browser. */
  hostName?: string;
  /** Channels, channel tabs and deep links into Teams work only in Teams. */
  canOpenTeamsChannels: boolean;
  /** SSO through `authentication.getAuthToken` (every Microsoft host; not a browser). */
  hasSso: boolean;
};

/** The part of teams-js's `app.Context` this needs. */
export type HostContextLike = { app?: { host?: { name?: string } } } | undefined | null;

const TEAMS = new Set(['teams', 'teamsmodern']);
const OUTLOOK = new Set(['outlook', 'outlookwin32']);

export function detectHost(context: HostContextLike): HostInfo {
  const hostName = context?.app?.host?.name;
  if (!hostName) return { kind: 'browser', canOpenTeamsChannels: false, hasSso: false };
  const n = hostName.toLowerCase();
  const kind: HostKind = TEAMS.has(n) ? 'teams' : OUTLOOK.has(n) ? 'outlook' : 'microsoft365';
  return { kind, hostName, canOpenTeamsChannels: kind === 'teams', hasSso: true };
}

/**
 * The meeting surface the tab is shown in, from teams-js's `page.frameContext`:
 * the meeting's side panel or its shared stage; null anywhere else (a channel tab,
 * the meeting's chat or details tab, a browser), where the whole tab shows.
 */
export type MeetingSurface = 'sidePanel' | 'meetingStage';
export function meetingSurface(frameContext: string | undefined): MeetingSurface | null {
  return frameContext === 'sidePanel' || frameContext === 'meetingStage' ? frameContext : null;
}

/**
 * The Samraad meeting a meeting tab opens: the tab's saved contentUrl points at it
 * (`#/meetings/<id>`), or its sub-entity id names it (`meeting:<id>`); null when
 * neither does.
 */
export function samraadMeetingId(hash: string, subPageId: string | undefined): string | null {
  const fromRoute = /^#?\/meetings\/([^/?#]+)/.exec(hash)?.[1];
  if (fromRoute) return decodeURIComponent(fromRoute);
  const fromSub = /^meeting:(.+)$/.exec(subPageId ?? '')?.[1];
  return fromSub ?? null;
}
