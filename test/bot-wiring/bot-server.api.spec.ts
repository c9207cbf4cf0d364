/**
 * The bot inside the whole server: POST /api/messages in the Agents Playground
 * shape (no Authorization, loopback serviceUrl), the reply reaching a local
 * stand-in for the playground's connector, a card action written through the
 * attendance use case, refusals of tokens, a reminder delivered end to end and
 * the secretariat's dead-letter list.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule, playgroundDemo } from '../../src/entry/bot.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { workflowRepository } from '../../src/adapters/db/workflow.repository.js';
import { botConversationRepository, botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { timeCalendar as calendar } from '../../src/usecases/meetings/workflow.context.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
const METTE_AAD = '00000000-0000-0000-0000-000000000101'; // "Mette Sekretær" in .m365agentsplayground.yml -> bente-vest
const SOFIE_AAD = '00000000-0000-0000-0000-000000000103'; // -> aksel-hede, a member of vest-ksg

type Received = { path: string; body: Record<string, unknown> };

/** Stands in for the playground's Bot Connector: records every activity the bot sends. */
async function fakeConnector(status: (path: string) => number = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, body: chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {} });
      const code = status(path);
      res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(code < 300 ? { id: `act-${received.length}` } : { error: { code: 'BotDisabledByAdmin' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

const activity = (serviceUrl: string, aad: string, extra: Record<string, unknown>) => ({
  channelId: 'msteams',
  serviceUrl,
  id: `act-${Math.random().toString(36).slice(2)}`,
  timestamp: new Date().toISOString(),
  locale: 'da-DK',
  from: { id: `user-${aad.slice(-3)}`, name: 'Playground user', aadObjectId: aad },
  recipient: { id: '00000000-0000-0000-0000-00000000b07a', name: 'Samraad' },
  conversation: { id: `personal-${aad.slice(-3)}`, conversationType: 'personal', tenantId: playgroundDemo.tenantId },
  channelData: { tenant: { id: playgroundDemo.tenantId } },
  ...extra,
});

describe.each(backends)('bot wired into the server on $name', (backend) => {
  let app: TestApp;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  const mod = botModule({ config: embedded, planCron: null, dispatcher: { baseBackoffMs: 10, maxAttempts: 2, pollMs: 50 } });
  beforeAll(async () => {
    connector = await fakeConnector((p) => (p.includes('personal-103') ? 403 : 200));
    app = await startTestApp(backend, { modules: [mod] });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  /** The next meeting of bente-vest, computed from the store without the bot. */
  async function expectedNextMeeting() {
    const reg = registryRepository(app.db.db);
    const now = Date.now();
    const today = calendar.localDate(new Date().toISOString());
    const forumIds = [...new Set((await reg.listMemberships({ personId: 'bente-vest' })).filter((m) => m.from <= today && (!m.to || m.to >= today)).map((m) => m.forumId))];
    const ms = await meetingsRepository(app.db.db).listMeetings({ forumIds });
    return ms.find((m) => m.status !== 'cancelled' && Date.parse(calendar.instant(m.date, m.start)) > now)!;
  }

  it('links the playground users to demo people in embedded demo mode', async () => {
    expect((await registryRepository(app.db.db).findPersonByEntra(playgroundDemo.tenantId, METTE_AAD))?.id).toBe('bente-vest');
  });

  it('answers "næste møde" from Agents Playground (no Authorization) with the person\'s next meeting', async () => {
    const expected = await expectedNextMeeting();
    expect(expected).toBeDefined();
    const before = connector.received.length;
    const r = await post(activity(connector.url, METTE_AAD, { type: 'message', text: 'næste møde' }));
    expect(r.status).toBe(200);
    const replies = connector.received.slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.path).toMatch(/^\/v3\/conversations\/personal-101\/activities/);
    const card = JSON.stringify(replies[0]!.body);
    expect(card).toContain('application/vnd.microsoft.card.adaptive');
    expect(card).toContain(`"meetingId":"${expected.id}"`);
    const forum = await registryRepository(app.db.db).getForum(expected.forumId);
    expect(card).toContain(forum!.name);
    // The personal conversation is stored for reminders.
    expect(await botConversationRepository(app.db.db).findPersonal(METTE_AAD)).toMatchObject({ kind: 'personal', conversationId: 'personal-101', serviceUrl: connector.url });
  });

  it('records attendance through the attendance use case when the card button is pressed', async () => {
    const expected = await expectedNextMeeting();
    const r = await post(
      activity(connector.url, METTE_AAD, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'attend', data: { forumId: expected.forumId, meetingId: expected.id } }, trigger: 'manual' },
      }),
    );
    expect(r.status).toBe(200);
    const body = (await r.json()) as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const answers = await workflowRepository(app.db.db).listAttendance(expected.id);
    expect(answers.find((a) => a.personId === 'bente-vest')?.answer).toBe('attending');
  });

  it('refuses a request with a bearer token in embedded mode, and the bot never runs', async () => {
    const before = connector.received.length;
    const r = await post(activity(connector.url, METTE_AAD, { type: 'message', text: 'næste møde', conversation: { id: 'personal-bogus', conversationType: 'personal', tenantId: playgroundDemo.tenantId } }), { authorization: 'Bearer not.a.token' });
    expect(r.status).toBe(401);
    expect(connector.received.length).toBe(before);
    expect((await botConversationRepository(app.db.db).findPersonal(METTE_AAD))?.conversationId).toBe('personal-101');
  });

  it('refuses a non-local serviceUrl in embedded mode', async () => {
    const r = await post(activity('https://smba.trafficmanager.net/emea/', METTE_AAD, { type: 'message', text: 'hjælp' }));
    expect(r.status).toBe(403);
  });

  it('delivers a due reminder to the stored chat, dead-letters a refused one, and shows it to the secretariat only', async () => {
    // Sofie (aksel-hede) writes once, so her chat is known; the connector refuses her chat (403).
    expect((await post(activity(connector.url, SOFIE_AAD, { type: 'message', text: 'hjælp' }))).status).toBe(200);
    const m = await expectedNextMeeting();
    const deliveries = botDeliveryRepository(app.db.db);
    const reminder = (personId: string) => ({ key: `meeting_tomorrow_unanswered|m:${m.id}|test-${personId}`, kind: 'meeting_tomorrow_unanswered' as const, audience: 'personal' as const, forumId: 'vest-ksg', meetingId: m.id, recipientIds: [personId], deadline: '2099-01-01T00:00:00Z', sendAt: new Date(Date.now() - 1000).toISOString() });
    expect(await mod.services().dispatcher.enqueue([reminder('bente-vest'), reminder('aksel-hede')])).toBe(2);
    const before = connector.received.length;
    await mod.services().deliver();
    const sent = connector.received.slice(before);
    expect(sent.filter((s) => s.path === '/v3/conversations/personal-101/activities')).toHaveLength(1);
    const rows = await deliveries.list({ forumIds: ['vest-ksg'] });
    expect(rows.find((d) => d.recipientId === 'bente-vest')).toMatchObject({ state: 'sent', route: 'teams_personal' });
    expect(rows.find((d) => d.recipientId === 'aksel-hede')).toMatchObject({ state: 'failed', lastStatus: 403 });

    const asSecretary = await fetch(`${app.url}/api/reminders/failed`, { headers: app.as('bente-vest') });
    expect(asSecretary.status).toBe(200);
    const list = (await asSecretary.json()) as { items: { recipientId: string; forumId: string; lastStatus: number }[] };
    expect(list.items).toEqual([expect.objectContaining({ recipientId: 'aksel-hede', forumId: 'vest-ksg', lastStatus: 403 })]);
    // Another forum's secretary does not see vest-ksg's dead letters; a plain member is refused.
    const other = (await (await fetch(`${app.url}/api/reminders/failed`, { headers: app.as('nina-hald') })).json()) as { items: unknown[] };
    expect(other.items).toEqual([]);
    expect((await fetch(`${app.url}/api/reminders/failed`, { headers: app.as('pia-strand') })).status).toBe(403);
    expect((await fetch(`${app.url}/api/reminders/failed`)).status).toBe(401);
    // Delivering again sends nothing more: sent and failed rows are never claimed again.
    const again = connector.received.length;
    await mod.services().deliver();
    expect(connector.received.length).toBe(again);
  });

  it('maps a use case refusal after the deadline to the bot\'s refusal with the date', async () => {
    const past = (await meetingsRepository(app.db.db).listMeetings({ forumIds: ['vest-ksg'] })).find((x) => Date.parse(calendar.instant(x.date, x.start)) < Date.now());
    expect(past).toBeDefined();
    const r = await mod.services().backend.answerAttendance('bente-vest', past!.id, 'apologies');
    expect(r).toEqual({ ok: false, refused: 'after_deadline', deadline: calendar.instant(past!.date, past!.start) });
  });

  it("records the note typed on a card with the apologies", async () => {
    const next = (await meetingsRepository(app.db.db).listMeetings({ forumIds: ['vest-ksg'] })).find((x) => Date.parse(calendar.instant(x.date, x.start)) > Date.now() && x.status === 'planned');
    expect(next).toBeDefined();
    const r = await mod.services().backend.answerAttendance('bente-vest', next!.id, 'apologies', undefined, 'På kursus i Aarhus');
    expect(r.ok).toBe(true);
    const rows = await workflowRepository(app.db.db).listAttendance(next!.id);
    expect(rows.find((a) => a.personId === 'bente-vest')).toMatchObject({ answer: 'apologies', note: 'På kursus i Aarhus' });
  });
});

describe.each(backends)('bot with a bot id on $name', (backend) => {
  let app: TestApp;
  const configured: BotConfig = {
    ...embedded,
    botId: '11111111-2222-4333-8444-555555555555',
    botTenantId: '99999999-2222-4333-8444-555555555555',
    allowedTenantIds: ['99999999-2222-4333-8444-555555555555'],
    serviceUrlHosts: ['smba.trafficmanager.net'],
  };
  beforeAll(async () => {
    // No jwks given: a request must be refused before any key would be fetched.
    app = await startTestApp(backend, { modules: [botModule({ config: configured, planCron: null })], demo: false });
  });
  afterAll(async () => app.close());

  it('refuses a bogus bearer token and a missing one', async () => {
    const body = activity('https://smba.trafficmanager.net/emea/', METTE_AAD, { type: 'message', text: 'næste møde', conversation: { id: 'a:1', conversationType: 'personal', tenantId: configured.botTenantId }, channelData: { tenant: { id: configured.botTenantId } } });
    const bogus = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer abc.def.ghi' }, body: JSON.stringify(body) });
    expect(bogus.status).toBe(401);
    const none = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(none.status).toBe(401);
    expect(await botConversationRepository(app.db.db).findPersonal(METTE_AAD)).toBeNull();
  });
});
