/**
 * Every Microsoft Graph permission Samraad uses, how it is granted and how it is
 * narrowed, with the Graph operations (method + path template of the Graph v1.0
 * OpenAPI) that need it. This list is the single source for:
 * - appPackage/manifest.json `authorization.permissions.resourceSpecific` (grant "rsc"),
 * - aad.manifest.json `requiredResourceAccess` (grants "admin-consent" and "delegated"),
 * - the permission table in docs/deploy.md,
 * all three checked against it by test/ship/permissions.spec.ts.
 *
 * Principle: the narrowest grant that works with app-only access in the background.
 * Teams-side access is resource-specific consent (RSC): the app reaches only the
 * Teams it is installed in (a region's Team), nothing tenant-wide. Mailboxes are
 * reached through Exchange Online RBAC for Applications, scoped to the organizer
 * mailboxes, and deliberately NOT through an Entra admin consent (Entra grants are
 * tenant-wide and add to RBAC, so granting both would undo the narrowing).
 * SharePoint is Sites.Selected: no site until an admin grants one.
 */

export type GraphPermissionGrant =
  /** Resource-specific consent in the Teams app manifest; granted per Team at install. */
  | 'rsc'
  /** Entra application permission with tenant admin consent. */
  | 'admin-consent'
  /** Exchange Online RBAC for Applications role assignment with a management scope. */
  | 'exchange-rbac'
  /** Delegated permission used on behalf of the signed-in user (OBO). */
  | 'delegated';

export type GraphPermission = {
  name: string;
  type: 'Application' | 'Delegated';
  grant: GraphPermissionGrant;
  why: string;
  narrowedBy: string;
  /** "METHOD /path-template" as in ../shared/reference/graph-v1.0-subset.openapi.json. */
  operations: readonly string[];
};

export const graphPermissions: readonly GraphPermission[] = [
  {
    name: 'Channel.Create.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'create the channel of a new forum in the region\'s Team',
    narrowedBy: 'RSC: only Teams where an owner installed Samraad',
    operations: ['POST /teams/{team-id}/channels'],
  },
  {
    name: 'ChannelSettings.ReadWrite.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'read the forum channels, rename them (50-character names) when a forum is renamed, archive them when it ends (unarchive when a transition is undone)',
    narrowedBy: 'RSC: only Teams where Samraad is installed',
    operations: [
      'GET /teams/{team-id}/channels',
      'GET /teams/{team-id}/channels/{channel-id}',
      'PATCH /teams/{team-id}/channels/{channel-id}',
      'POST /teams/{team-id}/channels/{channel-id}/archive',
      'POST /teams/{team-id}/channels/{channel-id}/unarchive',
    ],
  },
  {
    name: 'ChannelMember.ReadWrite.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'keep a private forum channel\'s members equal to the forum\'s members',
    narrowedBy: 'RSC: only channels of Teams where Samraad is installed; the code touches only channels it created',
    operations: ['GET /teams/{team-id}/channels/{channel-id}/members', 'POST /teams/{team-id}/channels/{channel-id}/members'],
  },
  {
    name: 'TeamsTab.Create.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'pin the Samraad forum tab in each forum channel',
    narrowedBy: 'RSC: only Teams where Samraad is installed',
    operations: ['POST /teams/{team-id}/channels/{channel-id}/tabs'],
  },
  {
    name: 'TeamsTab.ReadWrite.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'find and repair the pinned forum tab (idempotent sync; a second copy made by two syncs at once is removed)',
    narrowedBy: 'RSC: only Teams where Samraad is installed',
    operations: ['GET /teams/{team-id}/channels/{channel-id}/tabs', 'GET /teams/{team-id}/channels/{channel-id}/tabs/{teamsTab-id}', 'PATCH /teams/{team-id}/channels/{channel-id}/tabs/{teamsTab-id}', 'DELETE /teams/{team-id}/channels/{channel-id}/tabs/{teamsTab-id}'],
  },
  {
    name: 'TeamMember.Read.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'match the region Team\'s members to forum members (Entra object ids)',
    narrowedBy: 'RSC: only Teams where Samraad is installed',
    operations: ['GET /teams/{team-id}/members'],
  },
  {
    name: 'TeamsAppInstallation.Read.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'check that Samraad is installed in the bound Team before syncing (RSC exists only while it is)',
    narrowedBy: 'RSC: only Teams where Samraad is installed',
    operations: ['GET /teams/{team-id}/installedApps'],
  },
  {
    name: 'File.Read.Group',
    type: 'Application',
    grant: 'rsc',
    why: 'find the SharePoint folder behind a forum channel (drive and item id)',
    narrowedBy: 'RSC: only Teams where Samraad is installed; writing the files needs Sites.Selected',
    operations: ['GET /teams/{team-id}/channels/{channel-id}/filesFolder'],
  },
  {
    name: 'ChatMessage.Send.Chat',
    type: 'Application',
    grant: 'rsc',
    why: 'post the agenda card and the minutes card into the chat of an online forum meeting (the Teams meeting of its Outlook event)',
    narrowedBy: 'RSC: only chats of meetings where Samraad was added (its meeting tab); the code posts only into chats of meetings it organised',
    operations: ['POST /chats/{chat-id}/messages'],
  },
  {
    name: 'Sites.Selected',
    type: 'Application',
    grant: 'admin-consent',
    why: 'upload agendas, minutes and attachments to the forum folders, set their metadata columns, read versions',
    narrowedBy: 'Sites.Selected: no site at all until an admin grants write on the region Team\'s site (POST /sites/{site-id}/permissions)',
    operations: [
      'GET /sites/{site-id}/drive',
      'GET /drives/{drive-id}/items/{driveItem-id}',
      'GET /drives/{drive-id}/items/{driveItem-id}/children',
      'POST /drives/{drive-id}/items/{driveItem-id}/children',
      'PUT /drives/{drive-id}/items/{driveItem-id}/content',
      'POST /drives/{drive-id}/items/{driveItem-id}/createUploadSession',
      'GET /drives/{drive-id}/items/{driveItem-id}/listItem/fields',
      'PATCH /drives/{drive-id}/items/{driveItem-id}/listItem/fields',
      'GET /drives/{drive-id}/items/{driveItem-id}/versions',
    ],
  },
  {
    name: 'Calendars.ReadWrite',
    type: 'Application',
    grant: 'exchange-rbac',
    why: 'create, update and cancel forum meetings (with a Teams link) in the organizer\'s mailbox; read calendar deltas and subscribe to changes so moves in Outlook flow back',
    narrowedBy: 'Exchange RBAC for Applications: role "Application Calendars.ReadWrite" with a management scope of the organizer mailboxes (secretaries, service mailbox); no Entra consent',
    operations: [
      'GET /users/{user-id}/events',
      'POST /users/{user-id}/events',
      'GET /users/{user-id}/events/{event-id}',
      'PATCH /users/{user-id}/events/{event-id}',
      'POST /users/{user-id}/events/{event-id}/cancel',
      // The sent agenda attached to the meeting's event.
      'GET /users/{user-id}/events/{event-id}/attachments',
      'POST /users/{user-id}/events/{event-id}/attachments',
      'DELETE /users/{user-id}/events/{event-id}/attachments/{attachment-id}',
      'GET /users/{user-id}/calendarView',
      'GET /users/{user-id}/calendarView/delta()',
      'POST /subscriptions',
      'PATCH /subscriptions/{subscription-id}',
      'DELETE /subscriptions/{subscription-id}',
    ],
  },
  {
    name: 'MailboxSettings.ReadWrite',
    type: 'Application',
    grant: 'exchange-rbac',
    why: 'keep one Outlook category per forum ("Samraad · <forum>") in the organizer mailboxes, so a secretary can schedule a forum meeting from Outlook',
    narrowedBy: 'Exchange RBAC for Applications: role "Application MailboxSettings.ReadWrite" with the same management scope as the calendars (the organizer mailboxes); no Entra consent',
    operations: ['GET /users/{user-id}/outlook/masterCategories', 'POST /users/{user-id}/outlook/masterCategories', 'DELETE /users/{user-id}/outlook/masterCategories/{outlookCategory-id}'],
  },
  {
    name: 'Mail.Send',
    type: 'Application',
    grant: 'exchange-rbac',
    why: 'e-mail reminders and agendas to members who do not use Teams',
    narrowedBy: 'Exchange RBAC for Applications: role "Application Mail.Send" scoped to the service mailbox only; no Entra consent',
    operations: ['POST /users/{user-id}/sendMail'],
  },
  {
    name: 'User.Read.All',
    type: 'Application',
    grant: 'admin-consent',
    why: 'resolve forum members (e-mail/UPN) to Entra object ids so reminders, channel membership and attendees reach the right person',
    narrowedBy: 'not narrowable by RSC or RBAC; read-only, basic profile fields only ($select id, displayName, mail, userPrincipalName)',
    operations: ['GET /users/{user-id}'],
  },
  {
    name: 'OnlineMeetings.Read.All',
    type: 'Application',
    grant: 'admin-consent',
    why: 'find the Teams meeting (and so its chat) of an online forum meeting by its join link, to post the agenda and minutes cards there',
    narrowedBy: 'Teams application access policy (New-CsApplicationAccessPolicy, Grant-CsApplicationAccessPolicy) granted to the organizer mailboxes only: app-only reads of anyone else\'s meetings are refused; read-only',
    operations: ['GET /users/{user-id}/onlineMeetings'],
  },
  {
    name: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
    type: 'Application',
    grant: 'admin-consent',
    why: 'install the Samraad bot for a member who has not opened it, to send their first 1:1 reminder',
    narrowedBy: '"Self": the app can install and read only itself, no other app',
    operations: ['POST /users/{user-id}/teamwork/installedApps', 'GET /users/{user-id}/teamwork/installedApps/{userScopeTeamsAppInstallation-id}/chat'],
  },
  {
    name: 'User.Read',
    type: 'Delegated',
    grant: 'delegated',
    why: 'on-behalf-of the signed-in user: read their own profile when the tab opens',
    narrowedBy: 'delegated: only the signed-in user\'s own profile',
    operations: ['GET /me'],
  },
];

export const rscPermissionNames = graphPermissions.filter((p) => p.grant === 'rsc').map((p) => p.name);
export const entraPermissionNames = graphPermissions.filter((p) => p.grant === 'admin-consent' || p.grant === 'delegated').map((p) => p.name);

/** The permissions that allow one Graph operation; [] means Samraad never calls it. */
export function permissionsFor(method: string, pathTemplate: string): GraphPermission[] {
  const op = `${method.toUpperCase()} ${pathTemplate}`;
  return graphPermissions.filter((p) => p.operations.includes(op));
}
