/**
 * The Graph v1.0 operations the emulator implements, keyed by "METHOD template" of
 * the contract. Requests reach these handlers only after the contract check passed.
 * Behaviour follows the Graph docs where it matters to our adapter: transactionId
 * dedupe on event create, organizer cancel removes the event (seen as @removed in
 * delta), start/end returned in UTC unless `Prefer: outlook.timezone`, channel name
 * rules (50 characters, forbidden characters, unique), private channels need an
 * owner, conflictBehavior on drive items, simple upload limit 4 MB, upload-session
 * fragments in multiples of 320 KiB and no Authorization header on the upload URL.
 *
 * Not implemented (answered 501 and recorded): any $filter other than the
 * extended-property and displayName forms below, $orderby, paging on lists.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import type { EmuChatMessage, EmuAttachment, EmuCategory, EmuChannel, EmuDrive, EmuDriveItem, EmuEvent, EmuMailbox, EmuSubscription, EmuTeam, EmulatorState } from './state.store.js';

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** "graph-rule": the adapter broke a documented Graph rule; recorded as a failure. */
    readonly failureKind?: 'graph-rule' | 'not-implemented',
  ) {
    super(message);
  }
}

export type RouteContext = {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  itemPath?: string;
  /** Public base, e.g. http://127.0.0.1:3979 */
  baseUrl: string;
};
export type RouteResult = { status: number; body?: unknown; headers?: Record<string, string> };
export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export type RouteHooks = {
  state: () => EmulatorState;
  touch: () => void;
  onEventChange: (mailbox: string, eventId: string, changeType: 'created' | 'updated' | 'deleted') => void;
  validateSubscription: (notificationUrl: string) => Promise<boolean>;
  /**
   * Checks a request an Outlook-side edit stands for (e.g. the event a secretary creates) against
   * the contract, as if it came over the wire: errors, empty when it conforms.
   */
  checkContract?: (method: string, url: string, body: unknown) => string[];
};

/** The responses an attendee can give (Graph responseType values an attendee sets by answering). */
export const ATTENDEE_RESPONSES = ['accepted', 'tentativelyAccepted', 'declined'] as const;
export type AttendeeResponse = (typeof ATTENDEE_RESPONSES)[number];
/** What Graph shows for an attendee who has not answered. */
const NO_RESPONSE = { response: 'none', time: '0001-01-01T00:00:00Z' };

type EmuAttendee = { emailAddress?: { address?: string; name?: string }; type?: string; status?: { response?: string; time?: string } };
const addressOf = (a: EmuAttendee): string => (a.emailAddress?.address ?? '').toLowerCase();

/** Attendees as Graph keeps them: a new attendee has not answered; one kept in a PATCH keeps the answer given. */
export function withResponses(next: unknown, before: unknown): EmuAttendee[] | undefined {
  if (!Array.isArray(next)) return undefined;
  const old = new Map(((before as EmuAttendee[] | undefined) ?? []).map((a) => [addressOf(a), a.status]));
  return (next as EmuAttendee[]).map((a) => ({ ...a, status: old.get(addressOf(a)) ?? { ...NO_RESPONSE } }));
}

const now = (): string => new Date().toISOString();
const FORBIDDEN_CHANNEL_CHARS = /[~#%&*{}+/\\:<>?|'"]|\.\./;
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
const FRAGMENT_UNIT = 320 * 1024;

export function mailboxKey(userId: string): string {
  return userId.toLowerCase();
}

/** The chat thread of the Teams meeting an event in a mailbox carries (as onlineMeetings' chatInfo.threadId answers it). */
export function meetingThreadId(mailboxKeyValue: string, eventId: string): string {
  return `19:meeting_${createHash('sha256').update(`${mailboxKeyValue}|${eventId}`).digest('base64url').slice(0, 32)}@thread.v2`;
}

export function toUtc(dt: { dateTime?: unknown; timeZone?: unknown } | undefined): DateTime | undefined {
  if (!dt || typeof dt.dateTime !== 'string') return undefined;
  const tz = typeof dt.timeZone === 'string' ? dt.timeZone : 'UTC';
  const zone = tz === 'UTC' ? 'UTC' : (findIana(tz)[0] ?? tz);
  const d = DateTime.fromISO(dt.dateTime, { zone });
  return d.isValid ? d.toUTC() : undefined;
}

function renderTime(dt: unknown, preferTz: string | undefined): unknown {
  const utc = toUtc(dt as { dateTime?: unknown; timeZone?: unknown });
  if (!utc) return dt;
  if (preferTz) {
    const zone = findIana(preferTz)[0];
    if (zone) return { dateTime: utc.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'0000'"), timeZone: preferTz };
  }
  return { dateTime: utc.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'0000'"), timeZone: 'UTC' };
}

function preferTimeZone(headers: Record<string, string | undefined>): string | undefined {
  return /outlook\.timezone="([^"]+)"/.exec(headers['prefer'] ?? '')?.[1];
}

/** Event as Graph would return it; extended properties only when $expand asks for them. */
export function renderEvent(e: EmuEvent, ctx: Pick<RouteContext, 'query' | 'headers'>): Record<string, unknown> {
  const { singleValueExtendedProperties, transactionId: _t, ...rest } = e;
  const out: Record<string, unknown> = { ...rest, transactionId: e.transactionId ?? null };
  const tz = preferTimeZone(ctx.headers);
  out.start = renderTime(e.start, tz);
  out.end = renderTime(e.end, tz);
  const expand = ctx.query.get('$expand') ?? '';
  const m = /singleValueExtendedProperties(?:\(\$filter=id eq '([^']+)'\))?/i.exec(expand);
  if (m) {
    const props = (singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? [];
    out.singleValueExtendedProperties = m[1] ? props.filter((p) => p.id.toLowerCase() === m[1]!.toLowerCase()) : props;
  }
  const select = ctx.query.get('$select');
  if (select) {
    const keep = new Set(['id', ...select.split(',').map((s) => s.trim()), ...(m ? ['singleValueExtendedProperties'] : [])]);
    for (const k of Object.keys(out)) if (!keep.has(k) && !k.startsWith('@')) delete out[k];
  }
  return out;
}

export function createRoutes(h: RouteHooks): {
  routes: Record<string, RouteHandler>;
  uploadChunk: (sessionId: string, headers: Record<string, string | undefined>, bytes: Buffer, baseUrl: string) => RouteResult;
} {
  const st = h.state;

  const team = (teamId: string): EmuTeam => {
    const s = st();
    let t = s.teams[teamId];
    if (!t) {
      // Teams are configured, not created by the app: the emulator adds one on first use.
      const driveId = `drive-${teamId}`;
      t = { id: teamId, driveId, channels: {} };
      s.teams[teamId] = t;
      drive(driveId);
      h.touch();
    }
    return t;
  };
  const drive = (driveId: string): EmuDrive => {
    const s = st();
    let d = s.drives[driveId];
    if (!d) {
      const ts = now();
      d = { id: driveId, items: { root: { id: 'root', name: 'root', parentId: null, isFolder: true, size: 0, createdDateTime: ts, lastModifiedDateTime: ts, eTag: '"root,1"', version: 1, fields: {}, versions: [] } } };
      s.drives[driveId] = d;
      h.touch();
    }
    return d;
  };
  const eventAttachments = (params: Record<string, string | undefined>): { m: EmuMailbox; list: EmuAttachment[] } => {
    const m = mailbox(params['user-id']!);
    const eventId = params['event-id']!;
    if (!m.events[eventId]) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    m.attachments ??= {};
    return { m, list: (m.attachments[eventId] ??= []) };
  };
  const renderAttachment = (a: EmuAttachment, select?: string[]): Record<string, unknown> => {
    const full: Record<string, unknown> = { '@odata.type': '#microsoft.graph.fileAttachment', id: a.id, name: a.name, contentType: a.contentType, size: a.size, isInline: false, lastModifiedDateTime: a.lastModifiedDateTime, contentBytes: a.contentBytes };
    if (!select) return full;
    return Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || k.startsWith('@') || select.includes(k)));
  };
  const channel = (teamId: string, channelId: string): EmuChannel => {
    const c = team(teamId).channels[channelId];
    if (!c) throw new GraphHttpError(404, 'NotFound', `channel ${channelId} not found`);
    return c;
  };
  /** An online event's Teams meeting: its chat thread id is derived from the mailbox and event, stable across restarts. */
  const threadOf = meetingThreadId;
  const onlineMeetingOf = (mailboxKeyValue: string, e: EmuEvent): Record<string, unknown> => {
    const start = e.start as { dateTime?: string; timeZone?: string } | undefined;
    const end = e.end as { dateTime?: string; timeZone?: string } | undefined;
    return {
      id: `om_${createHash('sha256').update(`${mailboxKeyValue}|${e.id}`).digest('hex').slice(0, 24)}`,
      subject: e.subject ?? null,
      joinWebUrl: (e.onlineMeeting as { joinUrl?: string }).joinUrl,
      startDateTime: toUtc(start)?.toISO() ?? null,
      endDateTime: toUtc(end)?.toISO() ?? null,
      chatInfo: { threadId: threadOf(mailboxKeyValue, e.id), messageId: '0', replyChainMessageId: null },
    };
  };
  const meetingThreads = (): Set<string> => {
    const out = new Set<string>();
    for (const m of Object.values(st().mailboxes)) for (const e of Object.values(m.events)) if ((e.onlineMeeting as { joinUrl?: string } | null | undefined)?.joinUrl) out.add(threadOf(m.key, e.id));
    return out;
  };
  const mailbox = (userId: string): EmuMailbox => {
    const s = st();
    const key = mailboxKey(userId);
    let m = s.mailboxes[key];
    if (!m) {
      m = { key, events: {}, changes: [], cancellations: [] };
      s.mailboxes[key] = m;
    }
    return m;
  };
  const logChange = (m: EmuMailbox, eventId: string, type: 'created' | 'updated' | 'deleted'): void => {
    const s = st();
    s.seq++;
    m.changes.push({ seq: s.seq, eventId });
    h.touch();
    h.onEventChange(m.key, eventId, type);
  };

  const renderChannel = (_teamId: string, c: EmuChannel): Record<string, unknown> => ({
    id: c.id,
    displayName: c.displayName,
    description: c.description,
    membershipType: c.membershipType,
    createdDateTime: c.createdDateTime,
    isArchived: c.isArchived,
    webUrl: c.webUrl,
    tenantId: 'emulator-tenant',
    '@odata.etag': `"${c.id}"`,
  });

  const itemByPath = (d: EmuDrive, baseId: string, itemPath: string | undefined): EmuDriveItem | undefined => {
    let cur = d.items[baseId];
    if (!cur) return undefined;
    if (!itemPath) return cur;
    for (const seg of itemPath.split('/').filter(Boolean)) {
      const parentId: string = cur.id;
      cur = Object.values(d.items).find((i) => i.parentId === parentId && i.name.toLowerCase() === seg.toLowerCase());
      if (!cur) return undefined;
    }
    return cur;
  };
  const parentAndName = (d: EmuDrive, baseId: string, itemPath: string): { parent: EmuDriveItem; name: string } => {
    const segs = itemPath.split('/').filter(Boolean);
    const name = segs.pop();
    if (!name) throw new GraphHttpError(400, 'invalidRequest', 'empty item path');
    const parent = itemByPath(d, baseId, segs.join('/'));
    if (!parent || !parent.isFolder) throw new GraphHttpError(404, 'itemNotFound', `parent folder of ${itemPath} not found`);
    return { parent, name };
  };
  const renderItem = (d: EmuDrive, i: EmuDriveItem, baseUrl: string): Record<string, unknown> => ({
    id: i.id,
    name: i.name,
    eTag: i.eTag,
    cTag: i.eTag,
    size: i.size,
    createdDateTime: i.createdDateTime,
    lastModifiedDateTime: i.lastModifiedDateTime,
    webUrl: `${baseUrl}/_emulator/drives/${encodeURIComponent(d.id)}/items/${encodeURIComponent(i.id)}`,
    parentReference: { driveId: d.id, id: i.parentId ?? undefined },
    ...(i.isFolder ? { folder: { childCount: Object.values(d.items).filter((c) => c.parentId === i.id).length } } : { file: { mimeType: i.mimeType ?? 'application/octet-stream' } }),
    // The contract's malware facet (microsoft.graph.malware: only `description`), present when the file was flagged.
    ...(i.malware ? { malware: { ...(i.malware.description !== undefined ? { description: i.malware.description } : {}) } } : {}),
  });
  const newItem = (d: EmuDrive, parentId: string, name: string, isFolder: boolean): EmuDriveItem => {
    const ts = now();
    const id = `item-${randomUUID()}`;
    const item: EmuDriveItem = { id, name, parentId, isFolder, size: 0, createdDateTime: ts, lastModifiedDateTime: ts, eTag: `"${id},1"`, version: 0, fields: {}, versions: [] };
    d.items[id] = item;
    return item;
  };
  const writeContent = (i: EmuDriveItem, bytes: Buffer, mimeType: string | undefined): void => {
    i.version++;
    i.size = bytes.length;
    i.contentBase64 = bytes.toString('base64');
    if (mimeType) i.mimeType = mimeType;
    i.lastModifiedDateTime = now();
    i.eTag = `"${i.id},${i.version}"`;
    i.versions.push({ id: `${i.version}.0`, size: i.size, lastModifiedDateTime: i.lastModifiedDateTime });
    h.touch();
  };
  const conflictTarget = (d: EmuDrive, parent: EmuDriveItem, name: string, behavior: string): { item?: EmuDriveItem; name: string } => {
    const siblings = Object.values(d.items).filter((c) => c.parentId === parent.id);
    const existing = siblings.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!existing) return { name };
    if (behavior === 'fail') throw new GraphHttpError(409, 'nameAlreadyExists', `${name} already exists`);
    if (behavior === 'rename') {
      const dot = name.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      for (let n = 1; ; n++) {
        const candidate = `${stem} ${n}${ext}`;
        if (!siblings.some((c) => c.name.toLowerCase() === candidate.toLowerCase())) return { name: candidate };
      }
    }
    return { item: existing, name };
  };

  const listEventsFilter = (filter: string | null): ((e: EmuEvent) => boolean) => {
    if (!filter) return () => true;
    const m = /^singleValueExtendedProperties\/any\(\s*(\w+):\s*\1\/id eq '([^']+)' and \1\/value eq '((?:[^']|'')*)'\s*\)$/i.exec(filter.trim());
    if (!m) throw new GraphHttpError(501, 'NotImplemented', `emulator does not implement $filter=${filter}`, 'not-implemented');
    const id = m[2]!.toLowerCase();
    const value = m[3]!.replaceAll("''", "'");
    return (e) => ((e.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? []).some((p) => p.id.toLowerCase() === id && p.value === value);
  };

  /** A user of the directory by object id, UPN or mail; 404 as Graph answers for anyone else. */
  const findUser = (idOrName: string) => {
    const key = idOrName.toLowerCase();
    const u = Object.values(st().users).find((x) => x.id.toLowerCase() === key || x.mail.toLowerCase() === key || x.userPrincipalName.toLowerCase() === key);
    if (!u) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${idOrName}' does not exist or one of its queried reference-property objects are not present.`);
    return u;
  };

  const routes: Record<string, RouteHandler> = {
    'GET /teams/{team-id}': ({ params }) => ({ status: 200, body: { id: team(params['team-id']!).id, displayName: params['team-id'] } }),

    'GET /teams/{team-id}/channels': ({ params, query }) => {
      const t = team(params['team-id']!);
      let list = Object.values(t.channels);
      const filter = query.get('$filter');
      if (filter) {
        const m = /^displayName eq '((?:[^']|'')*)'$/.exec(filter.trim());
        if (!m) throw new GraphHttpError(501, 'NotImplemented', `emulator does not implement $filter=${filter}`, 'not-implemented');
        const name = m[1]!.replaceAll("''", "'");
        list = list.filter((c) => c.displayName === name);
      }
      return { status: 200, body: { value: list.map((c) => renderChannel(t.id, c)) } };
    },

    'POST /teams/{team-id}/channels': ({ params, body, baseUrl }) => {
      const t = team(params['team-id']!);
      const b = body as Record<string, unknown>;
      const name = String(b.displayName ?? '');
      if (!name) throw new GraphHttpError(400, 'BadRequest', 'displayName is required', 'graph-rule');
      if (name.length > 50) throw new GraphHttpError(400, 'BadRequest', `channel name is ${name.length} characters; max 50`, 'graph-rule');
      if (FORBIDDEN_CHANNEL_CHARS.test(name) || /^[_.]/.test(name) || /\.$/.test(name)) throw new GraphHttpError(400, 'BadRequest', `channel name "${name}" has forbidden characters`, 'graph-rule');
      if (Object.values(t.channels).some((c) => c.displayName.toLowerCase() === name.toLowerCase())) {
        throw new GraphHttpError(400, 'BadRequest', 'Channel name already existed, please use other name');
      }
      const membershipType = String(b.membershipType ?? 'standard');
      const members = ((b.members as Record<string, unknown>[] | undefined) ?? []).map((m) => memberFrom(m));
      if (membershipType === 'private' && !members.some((m) => m.roles.includes('owner'))) {
        throw new GraphHttpError(400, 'BadRequest', 'a private channel created with application permissions needs an owner in members', 'graph-rule');
      }
      const id = `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`;
      const d = drive(t.driveId);
      const folder = newItem(d, 'root', name, true);
      const c: EmuChannel = { id, displayName: name, description: (b.description as string | undefined) ?? null, membershipType, createdDateTime: now(), isArchived: false, webUrl: `${baseUrl}/#channel-${encodeURIComponent(id)}`, members, tabs: [], folderItemId: folder.id };
      t.channels[id] = c;
      h.touch();
      return { status: 201, body: renderChannel(t.id, c) };
    },

    'GET /teams/{team-id}/channels/{channel-id}': ({ params }) => ({ status: 200, body: renderChannel(params['team-id']!, channel(params['team-id']!, params['channel-id']!)) }),

    'PATCH /teams/{team-id}/channels/{channel-id}': ({ params, body }) => {
      const t = team(params['team-id']!);
      const c = channel(params['team-id']!, params['channel-id']!);
      const b = body as Record<string, unknown>;
      if (typeof b.displayName === 'string') {
        const name = b.displayName;
        if (name.length > 50) throw new GraphHttpError(400, 'BadRequest', `channel name is ${name.length} characters; max 50`, 'graph-rule');
        if (FORBIDDEN_CHANNEL_CHARS.test(name)) throw new GraphHttpError(400, 'BadRequest', `channel name "${name}" has forbidden characters`, 'graph-rule');
        if (Object.values(t.channels).some((o) => o.id !== c.id && o.displayName.toLowerCase() === name.toLowerCase())) throw new GraphHttpError(400, 'BadRequest', 'Channel name already existed');
        c.displayName = name;
      }
      if (typeof b.description === 'string' || b.description === null) c.description = b.description as string | null;
      if ('isArchived' in b) throw new GraphHttpError(400, 'BadRequest', 'isArchived is read-only; use the channel archive action', 'graph-rule');
      if (c.isArchived) throw new GraphHttpError(403, 'Forbidden', 'the channel is archived (read-only); unarchive it first');
      h.touch();
      return { status: 204 };
    },

    // Channel archive (contract 2026-12-03): an archived channel is read-only; archiving it again is refused, as Graph does.
    'POST /teams/{team-id}/channels/{channel-id}/archive': ({ params }) => {
      const c = channel(params['team-id']!, params['channel-id']!);
      if (c.isArchived) throw new GraphHttpError(400, 'BadRequest', 'the channel is already archived');
      c.isArchived = true;
      h.touch();
      return { status: 204 };
    },

    'POST /teams/{team-id}/channels/{channel-id}/unarchive': ({ params }) => {
      const c = channel(params['team-id']!, params['channel-id']!);
      if (!c.isArchived) throw new GraphHttpError(400, 'BadRequest', 'the channel is not archived');
      c.isArchived = false;
      h.touch();
      return { status: 204 };
    },

    'GET /teams/{team-id}/channels/{channel-id}/members': ({ params }) => {
      const c = channel(params['team-id']!, params['channel-id']!);
      return { status: 200, body: { value: c.members.map((m) => ({ '@odata.type': '#microsoft.graph.aadUserConversationMember', id: m.id, userId: m.userId, displayName: m.displayName, email: m.email, roles: m.roles })) } };
    },

    'POST /teams/{team-id}/channels/{channel-id}/members': ({ params, body }) => {
      const c = channel(params['team-id']!, params['channel-id']!);
      if (c.membershipType === 'standard') throw new GraphHttpError(400, 'BadRequest', 'members cannot be added to a standard channel', 'graph-rule');
      const m = memberFrom(body as Record<string, unknown>);
      const existing = c.members.find((x) => x.userId === m.userId);
      if (existing) throw new GraphHttpError(409, 'Conflict', 'user is already a member');
      c.members.push(m);
      h.touch();
      return { status: 201, body: { '@odata.type': '#microsoft.graph.aadUserConversationMember', id: m.id, userId: m.userId, roles: m.roles, displayName: m.displayName } };
    },

    'GET /teams/{team-id}/channels/{channel-id}/tabs': ({ params }) => {
      const c = channel(params['team-id']!, params['channel-id']!);
      return { status: 200, body: { value: c.tabs.map((t) => ({ id: t.id, displayName: t.displayName, configuration: t.configuration, teamsApp: { id: t.teamsAppId } })) } };
    },

    'POST /teams/{team-id}/channels/{channel-id}/tabs': ({ params, body }) => {
      const c = channel(params['team-id']!, params['channel-id']!);
      const b = body as Record<string, unknown>;
      const bind = String(b['teamsApp@odata.bind'] ?? '');
      const appId = /\/appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1];
      if (!appId) throw new GraphHttpError(400, 'BadRequest', 'teamsApp@odata.bind must point to /appCatalogs/teamsApps/{id}', 'graph-rule');
      const tab = { id: randomUUID(), displayName: String(b.displayName ?? ''), teamsAppId: decodeURIComponent(appId), configuration: (b.configuration as Record<string, unknown>) ?? {} };
      c.tabs.push(tab);
      h.touch();
      return { status: 201, body: { id: tab.id, displayName: tab.displayName, configuration: tab.configuration, teamsApp: { id: tab.teamsAppId } } };
    },

    'DELETE /teams/{team-id}/channels/{channel-id}/tabs/{teamsTab-id}': ({ params }) => {
      const c = channel(params['team-id']!, params['channel-id']!);
      const i = c.tabs.findIndex((t) => t.id === params['teamsTab-id']);
      if (i < 0) throw new GraphHttpError(404, 'NotFound', 'Tab not found');
      c.tabs.splice(i, 1);
      h.touch();
      return { status: 204 };
    },

    'GET /teams/{team-id}/channels/{channel-id}/filesFolder': ({ params, baseUrl }) => {
      const t = team(params['team-id']!);
      const c = channel(params['team-id']!, params['channel-id']!);
      const d = drive(t.driveId);
      const item = d.items[c.folderItemId];
      if (!item) throw new GraphHttpError(404, 'itemNotFound', 'files folder missing');
      return { status: 200, body: renderItem(d, item, baseUrl) };
    },

    'GET /users/{user-id}': ({ params }) => {
      const key = params['user-id']!.toLowerCase();
      const u = Object.values(st().users).find((x) => x.id.toLowerCase() === key || x.mail.toLowerCase() === key || x.userPrincipalName.toLowerCase() === key);
      if (!u) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${params['user-id']}' does not exist`);
      return { status: 200, body: { ...u } };
    },

    'POST /users/{user-id}/events': (ctx) => {
      const m = mailbox(ctx.params['user-id']!);
      const b = ctx.body as Record<string, unknown>;
      const tx = typeof b.transactionId === 'string' ? b.transactionId : undefined;
      if (tx) {
        // Graph returns the event already created with this transactionId instead of a duplicate.
        const existing = Object.values(m.events).find((e) => e.transactionId === tx);
        if (existing) return { status: 201, body: renderEvent(existing, ctx) };
      }
      const id = `AAMk${randomUUID().replaceAll('-', '')}`;
      const ts = now();
      const online = b.isOnlineMeeting === true;
      const e: EmuEvent = {
        ...b,
        id,
        transactionId: tx ?? null,
        createdDateTime: ts,
        lastModifiedDateTime: ts,
        changeKey: randomUUID(),
        isCancelled: false,
        isOrganizer: true,
        iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replaceAll('-', '')}`,
        organizer: { emailAddress: { address: ctx.params['user-id'], name: ctx.params['user-id'] } },
        webLink: `${ctx.baseUrl}/#event-${id}`,
        onlineMeeting: online ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/emulator/${id}` } : null,
      };
      const attendees = withResponses(b.attendees, undefined);
      if (attendees) e.attendees = attendees;
      m.events[id] = e;
      logChange(m, id, 'created');
      return { status: 201, body: renderEvent(e, ctx) };
    },

    'GET /users/{user-id}/events': (ctx) => {
      const m = mailbox(ctx.params['user-id']!);
      if (ctx.query.has('$orderby')) throw new GraphHttpError(501, 'NotImplemented', 'emulator does not implement $orderby on events', 'not-implemented');
      const keep = listEventsFilter(ctx.query.get('$filter'));
      const top = Number(ctx.query.get('$top') ?? '50');
      const list = Object.values(m.events).filter(keep).slice(0, top);
      return { status: 200, body: { value: list.map((e) => renderEvent(e, ctx)) } };
    },

    'GET /users/{user-id}/events/{event-id}': (ctx) => {
      const e = mailbox(ctx.params['user-id']!).events[ctx.params['event-id']!];
      if (!e) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return { status: 200, body: renderEvent(e, ctx) };
    },

    'PATCH /users/{user-id}/events/{event-id}': (ctx) => {
      const m = mailbox(ctx.params['user-id']!);
      const e = m.events[ctx.params['event-id']!];
      if (!e) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const b = ctx.body as Record<string, unknown>;
      if ('transactionId' in b && b.transactionId !== e.transactionId) throw new GraphHttpError(400, 'ErrorInvalidRequest', 'transactionId cannot be changed', 'graph-rule');
      const ifMatch = ctx.headers['if-match'];
      if (ifMatch && ifMatch !== `W/"${String(e.changeKey)}"`) throw new GraphHttpError(412, 'ErrorIrresolvableConflict', 'changeKey does not match');
      const props = b.singleValueExtendedProperties as { id: string; value: string }[] | undefined;
      const attendees = withResponses(b.attendees, e.attendees);
      Object.assign(e, b);
      if (attendees) e.attendees = attendees;
      if (props) {
        // Extended properties in a PATCH are merged by id, not replaced wholesale.
        const merged = new Map<string, { id: string; value: string }>();
        for (const p of [...((e.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? []), ...props]) merged.set(p.id.toLowerCase(), p);
        e.singleValueExtendedProperties = [...merged.values()];
      }
      if (b.isOnlineMeeting === true && !e.onlineMeeting) e.onlineMeeting = { joinUrl: `https://teams.microsoft.com/l/meetup-join/emulator/${e.id}` };
      e.lastModifiedDateTime = now();
      e.changeKey = randomUUID();
      logChange(m, e.id, 'updated');
      return { status: 200, body: renderEvent(e, ctx) };
    },

    'DELETE /users/{user-id}/events/{event-id}': ({ params }) => {
      const m = mailbox(params['user-id']!);
      if (!m.events[params['event-id']!]) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      delete m.events[params['event-id']!];
      logChange(m, params['event-id']!, 'deleted');
      return { status: 204 };
    },

    'POST /users/{user-id}/events/{event-id}/cancel': ({ params, body }) => {
      const m = mailbox(params['user-id']!);
      const e = m.events[params['event-id']!];
      if (!e) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      // Cancel by the organizer sends cancellations and removes the event from the organizer's calendar.
      m.cancellations.push({ eventId: e.id, subject: String(e.subject ?? ''), comment: ((body as Record<string, unknown> | undefined)?.Comment as string | undefined) ?? null, at: now() });
      delete m.events[e.id];
      logChange(m, e.id, 'deleted');
      return { status: 202 };
    },

    // Event attachments: file attachments only, under 3 MB as Graph takes them in one request.
    'GET /users/{user-id}/events/{event-id}/attachments': ({ params, query }) => {
      const { list } = eventAttachments(params);
      const select = query.get('$select')?.split(',').map((x) => x.trim());
      return { status: 200, body: { value: list.map((a) => renderAttachment(a, select)) } };
    },
    'POST /users/{user-id}/events/{event-id}/attachments': ({ params, body }) => {
      const { m, list } = eventAttachments(params);
      const b = body as Record<string, unknown>;
      if (b['@odata.type'] !== '#microsoft.graph.fileAttachment') throw new GraphHttpError(501, 'NotImplemented', 'emulator implements file attachments only', 'not-implemented');
      if (typeof b.name !== 'string' || !b.name || typeof b.contentBytes !== 'string') throw new GraphHttpError(400, 'ErrorInvalidRequest', 'a file attachment needs a name and contentBytes', 'graph-rule');
      const bytes = Buffer.from(b.contentBytes, 'base64');
      if (bytes.byteLength >= 3 * 1024 * 1024) throw new GraphHttpError(413, 'ErrorRequestEntityTooLarge', 'attachments of 3 MB or more need an upload session', 'graph-rule');
      const a: EmuAttachment = { id: `AAMkAtt${randomUUID().replaceAll('-', '')}`, name: b.name, contentType: typeof b.contentType === 'string' ? b.contentType : 'application/octet-stream', size: bytes.byteLength, contentBytes: bytes.toString('base64'), lastModifiedDateTime: now() };
      list.push(a);
      const e = m.events[params['event-id']!]!;
      e.hasAttachments = true;
      e.changeKey = randomUUID();
      logChange(m, e.id, 'updated');
      return { status: 201, body: renderAttachment(a) };
    },
    'GET /users/{user-id}/events/{event-id}/attachments/{attachment-id}': ({ params }) => {
      const a = eventAttachments(params).list.find((x) => x.id === params['attachment-id']);
      if (!a) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return { status: 200, body: renderAttachment(a) };
    },
    'DELETE /users/{user-id}/events/{event-id}/attachments/{attachment-id}': ({ params }) => {
      const { m, list } = eventAttachments(params);
      const i = list.findIndex((x) => x.id === params['attachment-id']);
      if (i < 0) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      list.splice(i, 1);
      const e = m.events[params['event-id']!]!;
      e.hasAttachments = list.length > 0;
      e.changeKey = randomUUID();
      logChange(m, e.id, 'updated');
      return { status: 204 };
    },

    // The mailbox's master category list. A name is unique (case-insensitive) and cannot be changed once created.
    'GET /users/{user-id}/outlook/masterCategories': ({ params, query }) => {
      if (query.has('$filter') || query.has('$orderby')) throw new GraphHttpError(501, 'NotImplemented', 'emulator lists master categories without $filter/$orderby', 'not-implemented');
      return { status: 200, body: { value: Object.values(mailbox(params['user-id']!).categories ?? {}) } };
    },
    'POST /users/{user-id}/outlook/masterCategories': ({ params, body }) => {
      const m = mailbox(params['user-id']!);
      const b = body as Record<string, unknown>;
      if (typeof b.displayName !== 'string' || !b.displayName.trim()) throw new GraphHttpError(400, 'ErrorInvalidArgument', 'a category needs a displayName', 'graph-rule');
      m.categories ??= {};
      if (Object.values(m.categories).some((c) => c.displayName.toLowerCase() === String(b.displayName).toLowerCase())) {
        throw new GraphHttpError(409, 'ErrorDuplicateCategory', `a category named ${b.displayName} already exists`);
      }
      const c: EmuCategory = { id: randomUUID(), displayName: b.displayName, color: typeof b.color === 'string' ? b.color : 'none' };
      m.categories[c.id] = c;
      h.touch();
      return { status: 201, body: c };
    },
    'GET /users/{user-id}/outlook/masterCategories/{outlookCategory-id}': ({ params }) => {
      const c = mailbox(params['user-id']!).categories?.[params['outlookCategory-id']!];
      if (!c) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return { status: 200, body: c };
    },
    'PATCH /users/{user-id}/outlook/masterCategories/{outlookCategory-id}': ({ params, body }) => {
      const c = mailbox(params['user-id']!).categories?.[params['outlookCategory-id']!];
      if (!c) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const b = body as Record<string, unknown>;
      if ('displayName' in b && b.displayName !== c.displayName) throw new GraphHttpError(400, 'ErrorInvalidArgument', 'the displayName of a category cannot be changed', 'graph-rule');
      if (typeof b.color === 'string') c.color = b.color;
      h.touch();
      return { status: 200, body: c };
    },
    'DELETE /users/{user-id}/outlook/masterCategories/{outlookCategory-id}': ({ params }) => {
      const m = mailbox(params['user-id']!);
      if (!m.categories?.[params['outlookCategory-id']!]) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      delete m.categories[params['outlookCategory-id']!];
      h.touch();
      return { status: 204 };
    },

    'GET /users/{user-id}/calendarView/delta()': (ctx) => delta(ctx),
    'GET /users/{user-id}/calendar/calendarView/delta()': (ctx) => delta(ctx),

    // Proactive install (personal scope): Graph answers 201 with no body, 409 when the app is
    // already installed; the installation id is base64("{user id}##{catalog app id}").
    'POST /users/{user-id}/teamwork/installedApps': ({ params, body }) => {
      const user = findUser(params['user-id']!);
      const bind = String((body as Record<string, unknown>)['teamsApp@odata.bind'] ?? '');
      const appId = /\/appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1];
      if (!appId) throw new GraphHttpError(400, 'BadRequest', 'teamsApp@odata.bind must point to /appCatalogs/teamsApps/{id}', 'graph-rule');
      const teamsAppId = decodeURIComponent(appId);
      const id = Buffer.from(`${user.id}##${teamsAppId}`, 'utf8').toString('base64');
      const apps = st().userApps;
      if (apps[id]) throw new GraphHttpError(409, 'Conflict', 'The app is already installed for this user.');
      apps[id] = { id, userId: user.id, teamsAppId, chatId: `19:${user.id}_${teamsAppId}@unq.gbl.spaces`, installedAt: now() };
      h.touch();
      return { status: 201 };
    },

    'GET /users/{user-id}/teamwork/installedApps/{userScopeTeamsAppInstallation-id}/chat': ({ params, query }) => {
      const user = findUser(params['user-id']!);
      const app = st().userApps[params['userScopeTeamsAppInstallation-id']!];
      if (!app || app.userId !== user.id) throw new GraphHttpError(404, 'NotFound', 'No such app installation for this user.');
      const chat: Record<string, unknown> = { id: app.chatId, topic: null, createdDateTime: app.installedAt, lastUpdatedDateTime: app.installedAt, chatType: 'oneOnOne', webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(app.chatId)}/0`, tenantId: 'emulator-tenant' };
      const select = query.get('$select');
      if (select) {
        const keep = new Set(['id', ...select.split(',').map((x) => x.trim())]);
        for (const k of Object.keys(chat)) if (!keep.has(k)) delete chat[k];
      }
      return { status: 200, body: chat };
    },

    // The Teams meeting of an online event, as Graph finds it by its join link. Only that $filter is implemented.
    'GET /users/{user-id}/onlineMeetings': ({ params, query }) => {
      const user = findUser(params['user-id']!);
      const filter = query.get('$filter') ?? '';
      const m = /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(filter.trim());
      if (!m) throw new GraphHttpError(501, 'NotImplemented', `emulator finds online meetings only by $filter=JoinWebUrl eq '...', not ${filter || 'a list'}`, 'not-implemented');
      const url = m[1]!.replace(/''/g, "'");
      const own = st().mailboxes[mailboxKey(user.mail)];
      const e = own ? Object.values(own.events).find((x) => (x.onlineMeeting as { joinUrl?: string } | null | undefined)?.joinUrl === url) : undefined;
      return { status: 200, body: { value: e ? [onlineMeetingOf(own!.key, e)] : [] } };
    },

    // A message into a chat: a Teams meeting's chat (of an online event) or a bot's 1:1 chat. Every attachment
    // must be referenced in the body (<attachment id="…">), and a card's content is a JSON string, as Teams wants.
    'POST /chats/{chat-id}/messages': ({ params, body }) => {
      const chatId = params['chat-id']!;
      const known = Object.values(st().userApps).some((a) => a.chatId === chatId) || meetingThreads().has(chatId);
      if (!known) throw new GraphHttpError(404, 'NotFound', `No chat ${chatId}.`);
      const b = body as { summary?: string | null; body?: { contentType?: string; content?: string }; attachments?: { id?: string; contentType?: string; content?: string | null }[] };
      const content = b.body?.content;
      if (typeof content !== 'string' || !content.trim()) throw new GraphHttpError(400, 'BadRequest', 'a chat message needs body.content', 'graph-rule');
      const attachments = (b.attachments ?? []).map((a) => ({ id: String(a.id ?? ''), contentType: String(a.contentType ?? ''), content: a.content ?? null }));
      for (const a of attachments) {
        if (!a.id || !content.includes(`<attachment id="${a.id}"></attachment>`)) throw new GraphHttpError(400, 'BadRequest', `attachment ${a.id || '(no id)'} is not referenced in the message body`, 'graph-rule');
        if (a.contentType === 'application/vnd.microsoft.card.adaptive') {
          try {
            JSON.parse(String(a.content));
          } catch {
            throw new GraphHttpError(400, 'BadRequest', `the card of attachment ${a.id} is not a JSON string`, 'graph-rule');
          }
        }
      }
      const chats = (st().chats ??= {});
      const list = (chats[chatId] ??= []);
      // Graph's chat message ids are the creation time in milliseconds; the count keeps two in one millisecond apart.
      const msg: EmuChatMessage = { id: `${Date.now()}${String(list.length).padStart(3, '0')}`, chatId, createdDateTime: now(), summary: b.summary ?? null, body: { contentType: b.body?.contentType ?? 'text', content }, attachments };
      list.push(msg);
      h.touch();
      return { status: 201, body: { id: msg.id, chatId, createdDateTime: msg.createdDateTime, messageType: 'message', summary: msg.summary, body: msg.body, attachments: msg.attachments } };
    },

    'POST /users/{user-id}/sendMail': ({ params, body }) => {
      const b = body as Record<string, unknown>;
      const msg = (b.Message ?? {}) as Record<string, unknown>;
      if (!Array.isArray(msg.toRecipients) || msg.toRecipients.length === 0) throw new GraphHttpError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.', 'graph-rule');
      st().mail.push({ from: params['user-id']!, message: msg, saveToSentItems: b.SaveToSentItems !== false, at: now() });
      h.touch();
      return { status: 202 };
    },

    'POST /subscriptions': async ({ body }) => {
      const b = body as Record<string, unknown>;
      for (const k of ['changeType', 'notificationUrl', 'resource', 'expirationDateTime']) {
        if (typeof b[k] !== 'string') throw new GraphHttpError(400, 'InvalidRequest', `${k} is required`, 'graph-rule');
      }
      if (!(await h.validateSubscription(String(b.notificationUrl)))) {
        throw new GraphHttpError(400, 'InvalidRequest', 'Subscription validation request failed. Response must exactly match validationToken query parameter.');
      }
      const sub = { ...(b as Record<string, unknown>), id: randomUUID() } as EmuSubscription;
      st().subscriptions[sub.id] = sub;
      h.touch();
      const { clientState: _c, ...visible } = sub;
      return { status: 201, body: visible };
    },
    'PATCH /subscriptions/{subscription-id}': ({ params, body }) => {
      const sub = st().subscriptions[params['subscription-id']!];
      if (!sub) throw new GraphHttpError(404, 'ResourceNotFound', 'subscription not found');
      const b = body as Record<string, unknown>;
      if (typeof b.expirationDateTime === 'string') sub.expirationDateTime = b.expirationDateTime;
      h.touch();
      const { clientState: _c, ...visible } = sub;
      return { status: 200, body: visible };
    },
    'DELETE /subscriptions/{subscription-id}': ({ params }) => {
      if (!st().subscriptions[params['subscription-id']!]) throw new GraphHttpError(404, 'ResourceNotFound', 'subscription not found');
      delete st().subscriptions[params['subscription-id']!];
      h.touch();
      return { status: 204 };
    },

    'GET /drives/{drive-id}/items/{driveItem-id}': ({ params, itemPath, baseUrl }) => {
      const d = drive(params['drive-id']!);
      const i = itemByPath(d, params['driveItem-id']!, itemPath);
      if (!i) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
      return { status: 200, body: renderItem(d, i, baseUrl) };
    },

    'GET /drives/{drive-id}/items/{driveItem-id}/children': ({ params, baseUrl }) => {
      const d = drive(params['drive-id']!);
      const parent = d.items[params['driveItem-id']!];
      if (!parent) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
      return { status: 200, body: { value: Object.values(d.items).filter((c) => c.parentId === parent.id).map((c) => renderItem(d, c, baseUrl)) } };
    },

    'POST /drives/{drive-id}/items/{driveItem-id}/children': ({ params, body, baseUrl }) => {
      const d = drive(params['drive-id']!);
      const parent = d.items[params['driveItem-id']!];
      if (!parent || !parent.isFolder) throw new GraphHttpError(404, 'itemNotFound', 'parent folder not found');
      const b = body as Record<string, unknown>;
      if (typeof b.name !== 'string' || !b.folder) throw new GraphHttpError(501, 'NotImplemented', 'emulator only creates folders through children', 'not-implemented');
      const target = conflictTarget(d, parent, b.name, String(b['@microsoft.graph.conflictBehavior'] ?? 'fail'));
      if (target.item) return { status: 200, body: renderItem(d, target.item, baseUrl) };
      const item = newItem(d, parent.id, target.name, true);
      h.touch();
      return { status: 201, body: renderItem(d, item, baseUrl) };
    },

    'PUT /drives/{drive-id}/items/{driveItem-id}/content': ({ params, itemPath, body, headers, query, baseUrl }) => {
      const d = drive(params['drive-id']!);
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      if (bytes.length > SIMPLE_UPLOAD_LIMIT) throw new GraphHttpError(413, 'requestTooLarge', 'simple upload is limited to 4 MB; use an upload session', 'graph-rule');
      const mime = headers['content-type'];
      if (itemPath === undefined) {
        const i = d.items[params['driveItem-id']!];
        if (!i || i.isFolder) throw new GraphHttpError(404, 'itemNotFound', 'item not found');
        writeContent(i, bytes, mime);
        return { status: 200, body: renderItem(d, i, baseUrl) };
      }
      const { parent, name } = parentAndName(d, params['driveItem-id']!, itemPath);
      const target = conflictTarget(d, parent, name, query.get('@microsoft.graph.conflictBehavior') ?? 'replace');
      const created = !target.item;
      const item = target.item ?? newItem(d, parent.id, target.name, false);
      writeContent(item, bytes, mime);
      return { status: created ? 201 : 200, body: renderItem(d, item, baseUrl) };
    },

    'POST /drives/{drive-id}/items/{driveItem-id}/createUploadSession': ({ params, itemPath, body, baseUrl }) => {
      const d = drive(params['drive-id']!);
      if (itemPath === undefined) throw new GraphHttpError(501, 'NotImplemented', 'emulator supports createUploadSession by path only', 'not-implemented');
      const { parent, name } = parentAndName(d, params['driveItem-id']!, itemPath);
      const item = ((body as Record<string, unknown> | undefined)?.item ?? {}) as Record<string, unknown>;
      const behavior = String(item['@microsoft.graph.conflictBehavior'] ?? 'replace');
      const target = conflictTarget(d, parent, name, behavior); // "fail" answers 409 here already
      const id = randomUUID();
      const expires = new Date(Date.now() + 15 * 60_000).toISOString();
      st().uploadSessions[id] = { id, driveId: d.id, parentId: parent.id, name: target.name, conflictBehavior: behavior, expires, received: 0, chunks: [] };
      h.touch();
      return { status: 200, body: { uploadUrl: `${baseUrl}/_upload/${id}?tempauth=emulator-${randomUUID()}`, expirationDateTime: expires, nextExpectedRanges: ['0-'] } };
    },

    'GET /drives/{drive-id}/items/{driveItem-id}/listItem/fields': ({ params }) => {
      const i = drive(params['drive-id']!).items[params['driveItem-id']!];
      if (!i) throw new GraphHttpError(404, 'itemNotFound', 'item not found');
      return { status: 200, body: { id: i.id, ...i.fields } };
    },
    'PATCH /drives/{drive-id}/items/{driveItem-id}/listItem/fields': ({ params, body }) => {
      const i = drive(params['drive-id']!).items[params['driveItem-id']!];
      if (!i) throw new GraphHttpError(404, 'itemNotFound', 'item not found');
      Object.assign(i.fields, body as Record<string, unknown>);
      h.touch();
      return { status: 200, body: { id: i.id, ...i.fields } };
    },
    'GET /drives/{drive-id}/items/{driveItem-id}/versions': ({ params }) => {
      const i = drive(params['drive-id']!).items[params['driveItem-id']!];
      if (!i) throw new GraphHttpError(404, 'itemNotFound', 'item not found');
      return { status: 200, body: { value: [...i.versions].reverse() } };
    },
  };

  /** Upload-session byte ranges (not a Graph path; no Authorization allowed). */
  const uploadChunk = (sessionId: string, headers: Record<string, string | undefined>, bytes: Buffer, baseUrl: string): RouteResult => {
    const s = st();
    const sess = s.uploadSessions[sessionId];
    if (!sess) throw new GraphHttpError(404, 'itemNotFound', 'upload session not found or expired');
    if (headers['authorization']) throw new GraphHttpError(401, 'unauthenticated', 'do not send Authorization to the upload URL', 'graph-rule');
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers['content-range'] ?? '');
    if (!m) throw new GraphHttpError(400, 'invalidRange', 'Content-Range is required', 'graph-rule');
    const [from, to, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (from !== sess.received) throw new GraphHttpError(416, 'invalidRange', `expected range starting at ${sess.received}`);
    if (to - from + 1 !== bytes.length) throw new GraphHttpError(400, 'invalidRange', 'Content-Range does not match the body length', 'graph-rule');
    const last = to + 1 === total;
    if (!last && bytes.length % FRAGMENT_UNIT !== 0) throw new GraphHttpError(400, 'invalidRange', 'fragments must be multiples of 320 KiB', 'graph-rule');
    if (bytes.length > 60 * 1024 * 1024) throw new GraphHttpError(413, 'requestTooLarge', 'fragments must be under 60 MiB', 'graph-rule');
    sess.chunks.push(bytes.toString('base64'));
    sess.received = to + 1;
    sess.total = total;
    h.touch();
    if (!last) return { status: 202, body: { expirationDateTime: sess.expires, nextExpectedRanges: [`${sess.received}-`] } };
    const d = drive(sess.driveId);
    const parent = d.items[sess.parentId]!;
    const target = conflictTarget(d, parent, sess.name, sess.conflictBehavior);
    const created = !target.item;
    const item = target.item ?? newItem(d, parent.id, target.name, false);
    writeContent(item, Buffer.concat(sess.chunks.map((c) => Buffer.from(c, 'base64'))), undefined);
    delete s.uploadSessions[sessionId];
    return { status: created ? 201 : 200, body: renderItem(d, item, baseUrl) };
  };

  type DeltaToken = { from: number; upto: number; offset: number; start: string; end: string; initial: boolean };
  const encode = (t: DeltaToken): string => Buffer.from(JSON.stringify(t)).toString('base64url');
  const decode = (s: string): DeltaToken => {
    try {
      return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as DeltaToken;
    } catch {
      throw new GraphHttpError(400, 'ErrorInvalidSyncStateData', 'invalid delta or skip token');
    }
  };
  const PAGE = 10;
  function delta(ctx: RouteContext): RouteResult {
    const userId = ctx.params['user-id']!;
    const m = mailbox(userId);
    const skip = ctx.query.get('$skiptoken');
    const dtok = ctx.query.get('$deltatoken');
    let tok: DeltaToken;
    if (skip) tok = decode(skip);
    else if (dtok) {
      const d = decode(dtok);
      tok = { ...d, from: d.upto, upto: st().seq, offset: 0, initial: false };
    } else {
      const start = toUtc({ dateTime: ctx.query.get('startDateTime') ?? '', timeZone: 'UTC' });
      const end = toUtc({ dateTime: ctx.query.get('endDateTime') ?? '', timeZone: 'UTC' });
      if (!start || !end) throw new GraphHttpError(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime must be ISO 8601');
      tok = { from: 0, upto: st().seq, offset: 0, start: start.toISO()!, end: end.toISO()!, initial: true };
    }
    const ws = DateTime.fromISO(tok.start);
    const we = DateTime.fromISO(tok.end);
    const inWindow = (e: EmuEvent): boolean => {
      const s = toUtc(e.start as never);
      const en = toUtc(e.end as never);
      return !!s && !!en && s < we && en > ws && e.isCancelled !== true;
    };
    let items: Record<string, unknown>[];
    if (tok.initial) {
      items = Object.values(m.events).filter(inWindow).sort((a, b) => a.id.localeCompare(b.id)).map((e) => renderEvent(e, ctx));
    } else {
      const ids = [...new Set(m.changes.filter((c) => c.seq > tok.from && c.seq <= tok.upto).map((c) => c.eventId))].sort();
      items = ids.map((id) => {
        const e = m.events[id];
        return e && inWindow(e) ? renderEvent(e, ctx) : { id, '@removed': { reason: 'deleted' } };
      });
    }
    const page = items.slice(tok.offset, tok.offset + PAGE);
    const link = `${ctx.baseUrl}/v1.0/users/${encodeURIComponent(userId)}/calendarView/delta`;
    const more = tok.offset + PAGE < items.length;
    return {
      status: 200,
      body: {
        value: page,
        ...(more
          ? { '@odata.nextLink': `${link}?$skiptoken=${encode({ ...tok, offset: tok.offset + PAGE })}` }
          : { '@odata.deltaLink': `${link}?$deltatoken=${encode({ ...tok, offset: 0 })}` }),
      },
    };
  }

  return { routes, uploadChunk };
}

function memberFrom(m: Record<string, unknown>): { id: string; userId: string; displayName: string; email: string; roles: string[] } {
  const bind = String(m['user@odata.bind'] ?? '');
  const userId = /users\('([^']+)'\)/.exec(bind)?.[1] ?? /users\/([^/?]+)$/.exec(bind)?.[1];
  if (!userId) throw new GraphHttpError(400, 'BadRequest', "member needs user@odata.bind = https://graph.microsoft.com/v1.0/users('<id>')", 'graph-rule');
  return { id: randomUUID(), userId, displayName: String(m.displayName ?? userId), email: String(m.email ?? ''), roles: ((m.roles as string[] | undefined) ?? []).map(String) };
}

/**
 * Outlook-side edits (a secretary in Outlook, a member answering an invitation): they go
 * through the same change log as API edits. What they write is checked against the contract
 * (as the request Outlook's own client would make) and refused when it does not conform.
 */
export function outlookActions(h: RouteHooks) {
  const mb = (mailbox: string, create = false): EmuMailbox => {
    const key = mailboxKey(mailbox);
    const s = h.state();
    if (!s.mailboxes[key] && create) s.mailboxes[key] = { key, events: {}, changes: [], cancellations: [] };
    const m = s.mailboxes[key];
    if (!m) throw new Error(`no mailbox ${mailbox}`);
    return m;
  };
  const conform = (method: string, url: string, body: unknown): void => {
    const errors = h.checkContract?.(method, url, body) ?? [];
    if (errors.length) throw new Error(`not a Graph ${method} ${url} body: ${errors.join('; ')}`);
  };
  const change = (m: EmuMailbox, id: string, type: 'updated' | 'deleted'): void => {
    const s = h.state();
    s.seq++;
    m.changes.push({ seq: s.seq, eventId: id });
    h.touch();
    h.onEventChange(m.key, id, type);
  };
  return {
    /** Move an event; start/end as Graph dateTimeTimeZone. */
    moveEvent(mailbox: string, eventId: string, start: { dateTime: string; timeZone: string }, end: { dateTime: string; timeZone: string }): void {
      const m = mb(mailbox);
      const e = m.events[eventId];
      if (!e) throw new Error(`no event ${eventId} in ${mailbox}`);
      Object.assign(e, { start, end, lastModifiedDateTime: now(), changeKey: randomUUID() });
      change(m, eventId, 'updated');
    },
    /**
     * A secretary creates an event in her calendar (as Outlook does: no extended property, no
     * transactionId). `event` is a Graph event body; returns the event id.
     */
    createEvent(mailbox: string, event: Record<string, unknown>): string {
      conform('POST', `/users/${encodeURIComponent(mailbox)}/events`, event);
      const m = mb(mailbox, true);
      const id = `AAMk${randomUUID().replaceAll('-', '')}`;
      const ts = now();
      const e: EmuEvent = {
        ...event,
        id,
        transactionId: null,
        createdDateTime: ts,
        lastModifiedDateTime: ts,
        changeKey: randomUUID(),
        isCancelled: false,
        isOrganizer: true,
        categories: Array.isArray(event.categories) ? event.categories : [],
        iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replaceAll('-', '')}`,
        organizer: { emailAddress: { address: mailbox, name: mailbox } },
        webLink: `#event-${id}`,
        onlineMeeting: event.isOnlineMeeting === true ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/emulator/${id}` } : null,
      };
      const attendees = withResponses(event.attendees, undefined);
      if (attendees) e.attendees = attendees;
      m.events[id] = e;
      const s = h.state();
      s.seq++;
      m.changes.push({ seq: s.seq, eventId: id });
      h.touch();
      h.onEventChange(m.key, id, 'created');
      return id;
    },
    /** A secretary edits an event in Outlook (e.g. sets its category); `patch` is a Graph event PATCH body. */
    editEvent(mailbox: string, eventId: string, patch: Record<string, unknown>): void {
      conform('PATCH', `/users/${encodeURIComponent(mailbox)}/events/${encodeURIComponent(eventId)}`, patch);
      const m = mb(mailbox);
      const e = m.events[eventId];
      if (!e) throw new Error(`no event ${eventId} in ${mailbox}`);
      const attendees = withResponses(patch.attendees, e.attendees);
      Object.assign(e, patch, { lastModifiedDateTime: now(), changeKey: randomUUID() });
      if (attendees) e.attendees = attendees;
      change(m, eventId, 'updated');
    },
    /**
     * An attendee answers the invitation (what `POST /users/{attendee}/events/{id}/accept|tentativelyAccept|decline`
     * with a comment does; those operations are not in the contract subset). The organizer's event
     * shows it as the attendee's `status` ({response, time}), which the contract's event resource
     * has; the comment travels in the response message to the organizer (kept in `responses`), not
     * on the event. `at`: when the attendee answered (default now).
     */
    respond(mailbox: string, eventId: string, attendee: string, response: AttendeeResponse, opts: { comment?: string; at?: string } = {}): void {
      if (!(ATTENDEE_RESPONSES as readonly string[]).includes(response)) throw new Error(`not an attendee response: ${response} (${ATTENDEE_RESPONSES.join(', ')})`);
      const m = mb(mailbox);
      const e = m.events[eventId];
      if (!e) throw new Error(`no event ${eventId} in ${mailbox}`);
      const list = (e.attendees as EmuAttendee[] | undefined) ?? [];
      const who = list.find((a) => addressOf(a) === attendee.toLowerCase());
      if (!who) throw new Error(`${attendee} is not invited to ${eventId}`);
      const at = opts.at ? new Date(opts.at).toISOString().replace(/\.\d{3}Z$/, 'Z') : now().replace(/\.\d{3}Z$/, 'Z');
      const attendees = list.map((a) => (a === who ? { ...a, status: { response, time: at } } : a));
      // The organizer's copy as Graph updates it; checked as the PATCH body it amounts to.
      conform('PATCH', `/users/${encodeURIComponent(mailbox)}/events/${encodeURIComponent(eventId)}`, { attendees });
      e.attendees = attendees;
      (m.responses ??= []).push({ eventId, attendee: attendee.toLowerCase(), response, comment: opts.comment ?? null, at });
      e.changeKey = randomUUID();
      e.lastModifiedDateTime = now();
      change(m, eventId, 'updated');
    },
    cancelEvent(mailbox: string, eventId: string, comment = 'Aflyst i Outlook'): void {
      const m = mb(mailbox);
      const e = m.events[eventId];
      if (!e) throw new Error(`no event ${eventId} in ${mailbox}`);
      m.cancellations.push({ eventId, subject: String(e.subject ?? ''), comment, at: now() });
      delete m.events[eventId];
      change(m, eventId, 'deleted');
    },
  };
}
