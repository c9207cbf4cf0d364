/**
 * Contract test: drive every port of the Graph adapter against the emulator, which
 * checks each request (and each $batch sub-request) against the official OpenAPI
 * subset. Fails on any request that does not match; lists the operations covered.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createContractChecker } from '../../emulator/graph/contract.js';
import type { GraphEmulator } from '../../emulator/graph/server.js';
import type { GraphAdapter } from '../../src/adapters/graph/graph.adapter.js';
import { permissionsFor } from '../../src/adapters/graph/permissions.js';
import { meetingSpec, SECRETARY, setUp, TEAM } from './graph.fixture.js';

describe('contract checker', () => {
  const c = createContractChecker();
  const H = { 'Content-Type': 'application/json' };

  it('matches templates, including path-addressed drive items', () => {
    const r = c.check({ method: 'PUT', url: '/drives/d/items/p:/Referat%20v2.docx:/content', headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from('x') });
    expect(r).toMatchObject({ ok: true, operation: 'PUT /drives/{drive-id}/items/{driveItem-id}/content', itemPath: 'Referat v2.docx' });
    expect(c.check({ method: 'POST', url: '/drives/d/root:/a/b.pdf:/createUploadSession', headers: H, body: { item: { name: 'b.pdf' } } })).toMatchObject({ ok: true, params: { 'driveItem-id': 'root' }, itemPath: 'a/b.pdf' });
  });

  it('rejects unknown routes and methods', () => {
    expect(c.check({ method: 'GET', url: '/me/drive/recent' })).toMatchObject({ ok: false, kind: 'unknown-route' });
    expect(c.check({ method: 'DELETE', url: '/teams/t/channels/c/tabs' })).toMatchObject({ ok: false, kind: 'unknown-route' });
    // Operations Graph has but the contract subset does not (the subset's own channel archive is known now).
    expect(c.check({ method: 'POST', url: '/teams/t/channels/c/completeMigration', headers: H, body: {} })).toMatchObject({ ok: false, kind: 'unknown-route' });
    expect(c.check({ method: 'GET', url: '/users/u/calendars' })).toMatchObject({ ok: false, kind: 'unknown-route' });
    expect(c.check({ method: 'POST', url: '/teams/t/channels/c/archive', headers: H, body: {} })).toMatchObject({ ok: true });
  });

  it('rejects bad bodies, misspelled properties, missing required and unknown system query options', () => {
    const bad = c.check({ method: 'POST', url: '/users/u/events', headers: H, body: { subject: 1, attendees: [{ emailAdress: { address: 'x' } }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.join('\n')).toMatch(/\/subject/);
      expect(bad.errors.join('\n')).toMatch(/emailAdress: property not in the schema/);
    }
    expect(c.check({ method: 'POST', url: '/users/u/sendMail', headers: H, body: { message: { subject: 'x' } } }).ok).toBe(false);
    expect(c.check({ method: 'GET', url: '/users/u/calendarView/delta()' }).ok).toBe(false);
    expect(c.check({ method: 'GET', url: '/users/u/calendarView/delta?startDateTime=2027-01-01T00:00:00Z&endDateTime=2027-02-01T00:00:00Z' }).ok).toBe(true);
    expect(c.check({ method: 'GET', url: '/users/u/calendarView/delta?$deltatoken=abc' }).ok).toBe(true);
    expect(c.check({ method: 'GET', url: '/users/u/events?$search=x' }).ok).toBe(false);
    expect(c.check({ method: 'POST', url: '/users/u/events', headers: { 'Content-Type': 'text/plain' }, body: { subject: 'x' } }).ok).toBe(false);
  });

  it('checks a derived type by its @odata.type: a file attachment with its content, and a misspelled property still fails', () => {
    const att = { '@odata.type': '#microsoft.graph.fileAttachment', name: 'dagsorden.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', contentBytes: 'UEsDBA==' };
    expect(c.check({ method: 'POST', url: '/users/u/events/e/attachments', headers: H, body: att })).toMatchObject({ ok: true, operation: 'POST /users/{user-id}/events/{event-id}/attachments' });
    const bad = c.check({ method: 'POST', url: '/users/u/events/e/attachments', headers: H, body: { ...att, contentByte: 'x' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join('\n')).toMatch(/contentByte: property not in the schema/);
    // Without the type, only the base attachment's properties are known.
    expect(c.check({ method: 'POST', url: '/users/u/events/e/attachments', headers: H, body: { name: 'x', contentBytes: 'UEsDBA==' } }).ok).toBe(false);
    expect(c.check({ method: 'DELETE', url: '/users/u/events/e/attachments/a' }).ok).toBe(true);
  });

  it('checks $batch envelopes and every sub-request', () => {
    const many = { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users/u' })) };
    expect(c.checkBatch(many).errors.join()).toMatch(/limit is 20/);
    const dup = c.checkBatch({ requests: [{ id: 'a', method: 'GET', url: '/users/u' }, { id: 'A', method: 'GET', url: '/users/v' }] });
    expect(dup.errors.join()).toMatch(/not unique/);
    const noCt = c.checkBatch({ requests: [{ id: '1', method: 'POST', url: '/users/u/events', body: { subject: 'x' } }] });
    expect(noCt.errors.join()).toMatch(/no Content-Type/);
    const inner = c.checkBatch({ requests: [{ id: '1', method: 'GET', url: '/nope' }] });
    expect(inner.items[0]).toMatchObject({ ok: false, kind: 'unknown-route' });
  });
});

describe('adapter traffic against the contract', () => {
  let emu: GraphEmulator;
  let graph: GraphAdapter;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ emu, graph, close } = await setUp({ validateSubscriptions: false }));
    emu.contract.resetCoverage();
  });
  afterAll(async () => close());

  it('every request of every port matches the OpenAPI subset', async () => {
    const owner = '11111111-0000-0000-0000-000000000001';
    const ch = await graph.channels.ensureChannel({ teamId: TEAM, forumKey: 'forum-1', name: 'Den administrative styregruppe for sundhedsaftalen i Region Hovedstaden', membershipType: 'private', ownerUserId: owner });
    await graph.channels.syncMembers(ch, [{ userId: owner, owner: true }, { userId: '11111111-0000-0000-0000-000000000002' }]);
    await graph.channels.pinTab(ch, { appId: 'samraad-app', displayName: 'Samraad', entityId: 'forum-1', contentUrl: 'https://samraad.example/tab/forum-1', websiteUrl: 'https://samraad.example/forum-1' });
    await graph.channels.rename(ch, 'Klynge-temagruppe for børn, unge og familien');
    await graph.channels.archive(ch, { forumKey: 'forum-1', archivedOn: '2027-12-31' });
    expect(await graph.channels.archive(ch, { forumKey: 'forum-1', archivedOn: '2027-12-31' })).toMatchObject({ mode: 'archived' });
    expect(await graph.channels.unarchive(ch)).toEqual({ unarchived: true });
    expect(await graph.channels.unarchive(ch)).toEqual({ unarchived: false });

    const e = await graph.calendar.upsertEvent(meetingSpec(1));
    await graph.calendar.upsertEvent({ ...meetingSpec(1), storedEventId: e.eventId, subject: 'Flyttet' });
    // The sent agenda on the event: added, found again (no second copy), replaced by a later sending.
    const docx = { name: 'dagsorden.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    expect(await graph.calendar.attachFile(SECRETARY, e.eventId, { ...docx, bytes: Buffer.from('PK v1') })).toMatchObject({ added: true });
    expect(await graph.calendar.attachFile(SECRETARY, e.eventId, { ...docx, bytes: Buffer.from('PK v1') })).toMatchObject({ added: false });
    expect(await graph.calendar.attachFile(SECRETARY, e.eventId, { ...docx, bytes: Buffer.from('PK v2, longer') })).toMatchObject({ added: true });
    const attached = Object.values(emu.state.mailboxes).flatMap((m) => m.attachments?.[e.eventId] ?? []);
    expect(attached.map((a) => [a.name, Buffer.from(a.contentBytes, 'base64').toString()])).toEqual([['dagsorden.docx', 'PK v2, longer']]);
    expect(await graph.calendar.findByMeetingId(SECRETARY, 'meeting-1')).toMatchObject({ eventId: e.eventId, meetingId: 'meeting-1' });
    const d = await graph.calendar.delta(SECRETARY, null, { start: '2027-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' });
    await graph.calendar.cancel(SECRETARY, e.eventId, 'Aflyst');
    await graph.calendar.delta(SECRETARY, d.cursor, { start: '2027-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' });

    const root = await graph.files.channelFolder(ch);
    const folder = await graph.files.ensureFolder(root, '2027-03-02 Møde');
    const small = await graph.files.upload({ folder, fileName: 'Dagsorden.docx', content: Buffer.from('dagsorden'), policy: 'replace' });
    await graph.files.upload({ folder, fileName: 'Bilag.pdf', content: Buffer.alloc(4 * 1024 * 1024 + 1, 1), policy: 'replace' });
    await graph.files.upload({ folder, fileName: 'Referat.docx', content: Buffer.from('godkendt'), policy: 'never-overwrite', versionKey: 'minutes-1@1' });
    await graph.files.setMetadata(small, { Forum: 'forum-1', MeetingDate: '2027-03-02', DocumentType: 'Dagsorden', Status: 'Udsendt' });

    await graph.mail.sendMail({ from: SECRETARY, to: ['formand@kommune.example'], subject: 'Påmindelse', html: '<p>Frist i morgen</p>' });
    await graph.directory.getUser('formand@kommune.example');
    await graph.directory.getUsers(['formand@kommune.example', 'nobody@example.invalid']);

    // Proactive install for a member who never wrote to the bot: installed now, then already installed (409), same chat.
    const member = '11111111-0000-0000-0000-000000000003';
    const first = await graph.teamsApps.personalChat(member, 'samraad-app');
    expect(first).toEqual({ chatId: expect.stringMatching(/^19:.+@unq\.gbl\.spaces$/), installedNow: true });
    expect(await graph.teamsApps.personalChat(member, 'samraad-app')).toEqual({ chatId: first!.chatId, installedNow: false });
    expect(await graph.teamsApps.personalChat('99999999-0000-0000-0000-000000000009', 'samraad-app')).toBeNull();

    const sub = await graph.subscriptions.subscribeToEvents({ mailbox: SECRETARY, notificationUrl: 'https://samraad.example/api/graph/notifications', clientState: 'state', expiresAt: '2027-01-03T00:00:00Z' });
    await graph.subscriptions.renew(sub.subscriptionId, '2027-01-05T00:00:00Z');
    await graph.subscriptions.remove(sub.subscriptionId);

    expect(emu.failures).toEqual([]);
    const covered = emu.contract.covered();
    // Every operation the adapter uses has a permission declared (src/adapters/graph/permissions.ts feeds the manifests).
    expect(covered.filter((op) => permissionsFor(op.split(' ')[0]!, op.split(' ')[1]!).length === 0)).toEqual([]);
    console.log(`Graph operations covered by the adapter (${covered.length}):\n  ${covered.join('\n  ')}`);
    expect(covered).toEqual(
      expect.arrayContaining([
        'POST /teams/{team-id}/channels',
        'GET /teams/{team-id}/channels',
        'PATCH /teams/{team-id}/channels/{channel-id}',
        'POST /teams/{team-id}/channels/{channel-id}/archive',
        'POST /teams/{team-id}/channels/{channel-id}/unarchive',
        'POST /teams/{team-id}/channels/{channel-id}/members',
        'POST /teams/{team-id}/channels/{channel-id}/tabs',
        'POST /users/{user-id}/events',
        'POST /users/{user-id}/events/{event-id}/attachments',
        'GET /users/{user-id}/events/{event-id}/attachments',
        'DELETE /users/{user-id}/events/{event-id}/attachments/{attachment-id}',
        'PATCH /users/{user-id}/events/{event-id}',
        'GET /users/{user-id}/events',
        'POST /users/{user-id}/events/{event-id}/cancel',
        'GET /users/{user-id}/calendarView/delta()',
        'PUT /drives/{drive-id}/items/{driveItem-id}/content',
        'POST /drives/{drive-id}/items/{driveItem-id}/createUploadSession',
        'PATCH /drives/{drive-id}/items/{driveItem-id}/listItem/fields',
        'POST /users/{user-id}/sendMail',
        'POST /users/{user-id}/teamwork/installedApps',
        'GET /users/{user-id}/teamwork/installedApps/{userScopeTeamsAppInstallation-id}/chat',
        'GET /users/{user-id}',
        'POST /subscriptions',
        'PATCH /subscriptions/{subscription-id}',
        'DELETE /subscriptions/{subscription-id}',
      ]),
    );
    // Every logged Graph request was matched to an operation of the contract.
    const graphRequests = emu.requests.filter((r) => r.operation !== 'PUT uploadUrl');
    expect(graphRequests.every((r) => r.operation !== undefined)).toBe(true);
  });
});
