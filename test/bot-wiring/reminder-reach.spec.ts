/**
 * Issue 6, item 2: reminders reach people the bot has never talked to, through the
 * bot module as wired (GRAPH_MODE=emulator against a real Graph emulator, the real
 * database, a fake Bot Connector):
 * - a member with an Entra id and no stored conversation: Samraad is installed for
 *   them, their 1:1 chat is looked up through Graph, the card goes to that chat;
 * - a general practitioner outside the tenant (no Entra id, an e-mail address):
 *   one e-mail, Danish with English below, never twice (job re-run, refused send
 *   retried, answer lost on the network, crash after the hand-over);
 * - someone with neither: unsupported;
 * - GRAPH_MODE=off: both fallbacks are off, everyone without a conversation is unsupported.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { backends } from '../support/db.js';
import { saveTenantTalker } from './tenant-conversation.fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule } from '../../src/entry/bot.module.js';
import { LOCAL_TEAMS_APP_ID } from '../../src/entry/sync.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { botConversationRepository, botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph/server.js';
import { FakeBotConnector } from '../../bot/testing/fake-bot-connector.fixture.js';
import { systemClock } from '../../bot/dispatch/dispatch.clock.js';
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import type { Person } from '../../src/domain/registry/registry.model.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
const TENANT = '7a1c0000-0000-4000-8000-000000000001';
const MEMBER_AAD = '7a1c0000-0000-4000-8000-0000000000a1';
const TALKER_AAD = '7a1c0000-0000-4000-8000-0000000000a2';
const STRANGER_AAD = '7a1c0000-0000-4000-8000-0000000000a3';
const SENDER = 'paamindelser@region.example';

const people: Person[] = [
  { id: 'reach-member', name: 'Mona Medlem', email: 'mona@region.example', entraObjectId: MEMBER_AAD, tenantId: TENANT, hasTeams: true },
  { id: 'reach-talker', name: 'Tage Taler', entraObjectId: TALKER_AAD, tenantId: TENANT, hasTeams: true },
  { id: 'reach-gp', name: 'Dr. Gitte Praksis', email: 'gitte@laegehus.example', hasTeams: false },
  { id: 'reach-nobody', name: 'Niels Ingen', hasTeams: false },
  // In Entra, but not a user Graph knows (left the tenant): Teams impossible, e-mail instead.
  { id: 'reach-stranger', name: 'Sofie Fremmed', email: 'sofie@region.example', entraObjectId: STRANGER_AAD, tenantId: TENANT, hasTeams: true },
];

async function seed(app: TestApp): Promise<{ forumId: string; meetingId: string }> {
  return workflowTransactor(app.deps)(async (uow) => {
    for (const p of people) await uow.registry.insertPerson(p);
    const forumId = 'vest-ksg';
    const [meeting] = await uow.meetings.listMeetings({ forumIds: [forumId] });
    if (!meeting) throw new Error('the demo region has no meeting in vest-ksg');
    return { forumId, meetingId: meeting.id };
  });
}

const reminderFor = (key: string, forumId: string, meetingId: string, recipientIds: string[]): PlannedReminder => ({
  key,
  kind: 'agenda_sent',
  audience: 'personal',
  forumId,
  meetingId,
  recipientIds,
  deadline: '2027-02-01T14:30:00Z',
  sendAt: '2026-01-01T00:00:00Z',
});

const mailsTo = (emu: GraphEmulator, address: string) =>
  emu.state.mail.filter((m) => ((m.message.toRecipients as { emailAddress: { address: string } }[]) ?? []).some((r) => r.emailAddress.address === address));

describe.each(backends)('reminders beyond stored conversations on $name', (backend) => {
  let app: TestApp;
  let emu: GraphEmulator;
  let connector: FakeBotConnector;
  let connectorUrl: string;
  let ids: { forumId: string; meetingId: string };
  const mod = botModule({ config: embedded, planCron: null, dispatcher: { baseBackoffMs: 50, maxBackoffMs: 200 } });

  beforeAll(async () => {
    emu = await startGraphEmulator({
      users: [
        { id: MEMBER_AAD, mail: 'mona@region.example', displayName: 'Mona Medlem' },
        { id: TALKER_AAD, mail: 'tage@region.example', displayName: 'Tage Taler' },
      ],
    });
    connector = new FakeBotConnector({ clock: systemClock });
    connectorUrl = await connector.start();
    app = await startTestApp(backend, {
      modules: [mod],
      env: { GRAPH_MODE: 'emulator', GRAPH_EMULATOR_PORT: new URL(emu.url).port, REMINDER_MAIL_SENDER: SENDER, SAMRAAD_PUBLIC_URL: 'https://samraad.region.example' },
    });
    ids = await seed(app);
    // Tage once wrote to the bot: his conversation tells the tenant's service URL.
    await saveTenantTalker(app, TENANT, connectorUrl, TALKER_AAD);
  });
  afterAll(async () => {
    await app?.close();
    await connector?.stop();
    await emu?.close();
  });

  it('reaches the member through a chat found via Graph, the GP by one e-mail, and leaves the one with neither unsupported', async () => {
    const s = mod.services();
    const store = botDeliveryRepository(app.db.db);
    const r1 = reminderFor('reach-1', ids.forumId, ids.meetingId, ['reach-member', 'reach-gp', 'reach-nobody', 'reach-stranger']);
    expect(await s.dispatcher.enqueue([r1])).toBe(4);
    await s.deliver();

    const rows = new Map((await store.list()).filter((d) => d.key === 'reach-1').map((d) => [d.recipientId, d]));
    const chatId = `19:${MEMBER_AAD}_${LOCAL_TEAMS_APP_ID}@unq.gbl.spaces`;

    // The member: installed through Graph, chat looked up, card sent to that chat, chat remembered.
    expect(rows.get('reach-member')).toMatchObject({ state: 'sent', route: 'teams_personal' });
    const ops = emu.requests.map((r) => `${r.operation} ${r.status}`);
    expect(ops).toContain('POST /users/{user-id}/teamwork/installedApps 201');
    expect(ops).toContain('GET /users/{user-id}/teamwork/installedApps/{userScopeTeamsAppInstallation-id}/chat 200');
    expect(Object.values(emu.state.userApps)).toEqual([expect.objectContaining({ userId: MEMBER_AAD, teamsAppId: LOCAL_TEAMS_APP_ID, chatId })]);
    expect(connector.delivered.get(`${chatId}|reach-1`)).toBe(1);
    expect(await botConversationRepository(app.db.db).findPersonal(MEMBER_AAD)).toMatchObject({ conversationId: chatId, serviceUrl: connectorUrl, tenantId: TENANT });
    // Mona has an e-mail address too, but Teams came first: no mail to her.
    expect(mailsTo(emu, 'mona@region.example')).toHaveLength(0);

    // The GP: one e-mail from the sender mailbox, Danish first, English below, deadline in Copenhagen time, a web link.
    expect(rows.get('reach-gp')).toMatchObject({ state: 'sent', route: 'email' });
    const gp = mailsTo(emu, 'gitte@laegehus.example');
    expect(gp).toHaveLength(1);
    expect(gp[0]!.from).toBe(SENDER);
    const html = String((gp[0]!.message.body as { content: string }).content);
    expect(html.indexOf('Dagsordenen er udsendt')).toBeGreaterThanOrEqual(0);
    expect(html.indexOf('The agenda has been sent') > html.indexOf('Dagsordenen er udsendt')).toBe(true);
    expect(html).toContain('1. februar 2027 kl. 15.30'); // 14:30 UTC in Copenhagen (winter time)
    expect(html).toContain('1 February 2027, 15:30');
    expect(html).toContain(`https://samraad.region.example/#/meetings/${encodeURIComponent(ids.meetingId)}`);
    expect(String(gp[0]!.message.subject)).toMatch(/^Dagsordenen er udsendt \(.+\) \/ The agenda has been sent$/);

    // Someone the tenant no longer knows: Graph says 404, so the e-mail instead.
    expect(rows.get('reach-stranger')).toMatchObject({ state: 'sent', route: 'email' });
    expect(mailsTo(emu, 'sofie@region.example')).toHaveLength(1);

    // Neither Teams nor e-mail.
    expect(rows.get('reach-nobody')).toMatchObject({ state: 'unsupported', lastError: 'no Teams conversation and no e-mail address' });
    expect(emu.failures).toEqual([]);
  });

  it('never sends the e-mail twice: job re-run, a refused send retried, a lost answer, a crash after the hand-over', async () => {
    const s = mod.services();
    const store = botDeliveryRepository(app.db.db);
    const gpMail = 'gitte@laegehus.example';
    const before = mailsTo(emu, gpMail).length;

    // The job runs again (pg-boss retry or the next schedule): nothing is sent again.
    expect(await s.dispatcher.enqueue([reminderFor('reach-1', ids.forumId, ids.meetingId, ['reach-gp'])])).toBe(0);
    await s.deliver();
    await s.deliver();
    expect(mailsTo(emu, gpMail)).toHaveLength(before);

    // Graph refuses once (503): retried, and exactly one mail goes out.
    emu.faults.add({ kind: '503', route: '/users/{user-id}/sendMail', times: 1 });
    await s.dispatcher.enqueue([reminderFor('reach-2', ids.forumId, ids.meetingId, ['reach-gp'])]);
    await s.deliver();
    const r2 = (await store.list()).find((d) => d.key === 'reach-2')!;
    expect(r2).toMatchObject({ state: 'sent', route: 'email', attempts: 2 });
    expect(mailsTo(emu, gpMail)).toHaveLength(before + 1);
    expect(emu.requests.filter((r) => r.operation === 'POST /users/{user-id}/sendMail' && r.status === 503)).toHaveLength(1);

    // Graph takes the mail but the answer is lost (connection reset after the work): not sent again.
    emu.faults.add({ kind: 'reset-after', route: '/users/{user-id}/sendMail', times: 1 });
    await s.dispatcher.enqueue([reminderFor('reach-3', ids.forumId, ids.meetingId, ['reach-gp'])]);
    await s.deliver();
    await s.deliver();
    const r3 = (await store.list()).find((d) => d.key === 'reach-3')!;
    expect(r3.state).toBe('failed');
    expect(r3.lastError).toMatch(/may have been sent/);
    expect(mailsTo(emu, gpMail)).toHaveLength(before + 2);

    // A worker crashed after handing a mail over (sendStartedAt set, claim expired): the next run does not send it.
    await s.dispatcher.enqueue([reminderFor('reach-4', ids.forumId, ids.meetingId, ['reach-gp'])]);
    const r4 = (await store.list()).find((d) => d.key === 'reach-4')!;
    await app.db.db.execute(sql`update reminder_deliveries set send_started_at = now() - interval '10 minutes', attempts = 1 where id = ${r4.id}`);
    await s.deliver();
    expect(await store.get(r4.id)).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/may have sent this e-mail/) });
    expect(mailsTo(emu, gpMail)).toHaveLength(before + 2);
    expect(emu.failures).toEqual([]);
  });

  it('a member whose app is already installed gets the chat of that installation (409)', async () => {
    const s = mod.services();
    // Mona's stored chat is lost (e.g. the table was restored from an old backup): Graph answers 409 and the same chat.
    await botConversationRepository(app.db.db).remove(`19:${MEMBER_AAD}_${LOCAL_TEAMS_APP_ID}@unq.gbl.spaces`);
    await s.dispatcher.enqueue([reminderFor('reach-5', ids.forumId, ids.meetingId, ['reach-member'])]);
    await s.deliver();
    const chatId = `19:${MEMBER_AAD}_${LOCAL_TEAMS_APP_ID}@unq.gbl.spaces`;
    expect((await botDeliveryRepository(app.db.db).list()).find((d) => d.key === 'reach-5')).toMatchObject({ state: 'sent', route: 'teams_personal' });
    expect(emu.requests.filter((r) => r.operation === 'POST /users/{user-id}/teamwork/installedApps').map((r) => r.status).sort()).toEqual([201, 404, 409]); // Mona, the stranger, Mona again
    expect(connector.delivered.get(`${chatId}|reach-5`)).toBe(1);
    expect(Object.keys(emu.state.userApps)).toHaveLength(1);
    expect(emu.failures).toEqual([]);
  });
});

describe.each(backends)('GRAPH_MODE=off on $name', (backend) => {
  let app: TestApp;
  const mod = botModule({ config: embedded, planCron: null });
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [mod], env: { GRAPH_MODE: 'off', REMINDER_MAIL_SENDER: SENDER } });
    await seed(app);
  });
  afterAll(async () => app?.close());

  it('turns both fallbacks off: the member and the GP stay unsupported', async () => {
    const s = mod.services();
    const [meeting] = await workflowTransactor(app.deps)((uow) => uow.meetings.listMeetings({ forumIds: ['vest-ksg'] }));
    await s.dispatcher.enqueue([reminderFor('off-1', 'vest-ksg', meeting!.id, ['reach-member', 'reach-gp'])]);
    await s.deliver();
    const rows = (await botDeliveryRepository(app.db.db).list()).filter((d) => d.key === 'off-1');
    expect(rows.map((d) => [d.recipientId, d.state, d.lastError]).sort()).toEqual([
      ['reach-gp', 'unsupported', 'no Teams conversation and no mail sender'],
      ['reach-member', 'unsupported', 'no Teams conversation and no mail sender'],
    ]);
  });
});
