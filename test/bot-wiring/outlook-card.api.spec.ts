/**
 * Issue 16: a meeting a secretary makes in Outlook under the forum's category asks the
 * forum's secretariat to confirm or reject it with a Teams card (the notice kind
 * 'outlook_meeting_created'). The adoption runs through the real calendar delta against
 * the Graph emulator; the card reaches the fake Bot Connector (bot/testing) once per
 * secretariat member with a Teams chat, never again on a re-run of the delta, and never
 * as an e-mail (the secretariat's e-mail covers those without Teams). Bekræft and Afvis
 * on the card, through POST /api/messages, do what the tab's buttons do (the same use
 * case: state, audit); a member without rights, a second tap and a tap after the tab
 * decided get a clear answer and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule, playgroundDemo } from '../../src/entry/bot.module.js';
import { syncTransactor, LOCAL_TEAM_ID } from '../../src/entry/sync.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { FakeBotConnector } from '../../bot/testing/fake-bot-connector.fixture.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { botConversationRepository, botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph/server.js';
import { createGraphAdapter, staticTokenProvider } from '../../src/adapters/graph/graph.adapter.js';
import { adoptedMeetingId, runCalendarDelta } from '../../src/usecases/sync/calendar-delta.handler.js';
import { runForumSync } from '../../src/usecases/sync/forum-sync.handler.js';
import { decideOutlookMeeting, outlookOf } from '../../src/usecases/sync/outlook-meeting.usecase.js';
import type { SyncDeps } from '../../src/usecases/sync/sync.ports.js';
import type { NoticeJob } from '../../src/usecases/notifications/notice.usecase.js';
import { noticeKey } from '../../src/domain/notifications/notice.model.js';
import type { MailPort } from '../../src/usecases/ports/deliveries.port.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
const SECRETARY = 'nina.hald@midt.rm.dk';
const CATEGORY = 'Samraad · Klyngestyregruppe for Midtklyngen';
const TENANT = playgroundDemo.tenantId;
const rst = (d: string, t: string) => ({ dateTime: `${d}T${t}:00`, timeZone: 'Romance Standard Time' });
/** midt-ksg: nina-hald and ole-bak (secretaries) and gorm-ravn (co-chair) use the bot; helle-dam (co-chair) has no Teams chat; frida-skov is a plain member. */
const teams: Record<string, string> = {
  'nina-hald': '00000000-0000-0000-0000-00000000a001',
  'ole-bak': '00000000-0000-0000-0000-00000000a002',
  'gorm-ravn': '00000000-0000-0000-0000-00000000a003',
  'frida-skov': '00000000-0000-0000-0000-00000000a004',
};
const SECRETARIAT_WITH_TEAMS = ['nina-hald', 'ole-bak', 'gorm-ravn'];
const conv = (personId: string) => `a:${personId}`;

describe.each(backends)('the Outlook meeting card on $name', (backend) => {
  let app: TestApp;
  let emu: GraphEmulator;
  let sync: SyncDeps;
  const connector = new FakeBotConnector({ clock: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) } });
  let connectorUrl = '';
  const mails: string[] = [];
  const mail: MailPort = { send: async (m) => (mails.push(m.idempotencyKey), { ok: true }) };
  const mod = botModule({ config: embedded, planCron: null, mail, dispatcher: { baseBackoffMs: 10, maxAttempts: 2, pollMs: 50 } });
  const audits = async (action: string) => (await auditRepository(app.db.db).listForForum('midt-ksg', 500)).filter((a) => a.action === action);
  const cardsOf = (key: string) => Object.fromEntries([...connector.delivered].filter(([k]) => k.endsWith(`|${key}`)).map(([k, n]) => [k.slice(0, -key.length - 1), n]));

  /** Creates the event in the secretary's Outlook, runs the delta, then the notice job the adoption queued, and the deliveries. */
  async function adopt(date: string): Promise<{ id: string; key: string }> {
    const eventId = emu.outlook.createEvent(SECRETARY, { subject: `Ekstra møde ${date}`, start: rst(date, '07:00'), end: rst(date, '08:00'), categories: [CATEGORY] });
    await runCalendarDelta(sync, {});
    const id = adoptedMeetingId(SECRETARY, eventId);
    expect(await meetingsRepository(app.db.db).getMeeting(id)).toMatchObject({ forumId: 'midt-ksg', date, status: 'planned' });
    await deliverNotices(id);
    return { id, key: noticeKey({ kind: 'outlook_meeting_created', forumId: 'midt-ksg', meetingId: id, occurrence: 'outlook' }) };
  }
  /** What the notifications.notice worker does, run here so the test does not race it (both are idempotent). */
  async function deliverNotices(meetingId: string): Promise<number> {
    const jobs = (await app.deps.queue.findJobs<NoticeJob>('notifications.notice')).filter((j) => j.data.event.meetingId === meetingId);
    for (const j of jobs) await mod.services().notice(j.data, async () => {});
    await mod.services().deliver();
    return jobs.length;
  }
  const tap = async (personId: string, verb: 'outlook_confirm' | 'outlook_reject' | 'refresh', meetingId: string, key: string) => {
    const aad = teams[personId]!;
    const r = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        id: `act-${Math.random().toString(36).slice(2)}`,
        timestamp: new Date().toISOString(),
        locale: 'da-DK',
        from: { id: `29:${personId}`, name: personId, aadObjectId: aad },
        recipient: { id: '00000000-0000-0000-0000-00000000b07a', name: 'Samraad' },
        conversation: { id: conv(personId), conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        value: { action: { type: 'Action.Execute', verb, data: { verb, key, kind: 'outlook_meeting_created', forumId: 'midt-ksg', meetingId } }, trigger: verb === 'refresh' ? 'automatic' : 'manual' },
      }),
    });
    expect(r.status).toBe(200);
    return JSON.stringify(await r.json());
  };

  beforeAll(async () => {
    connectorUrl = await connector.start();
    app = await startTestApp(backend, { modules: [mod] });
    emu = await startGraphEmulator();
    sync = {
      m365: createGraphAdapter({ baseUrl: emu.graphBaseUrl, tokenProvider: staticTokenProvider(), tenantId: 'test' }),
      transact: syncTransactor(app.db, app.deps.queue),
      clock: { now: () => new Date() },
      settings: { teamId: LOCAL_TEAM_ID, publicUrl: 'https://samraad.test', teamsAppId: 'samraad-test-app', timeZone: 'Europe/Copenhagen' },
      logger: { info() {}, warn() {}, error() {} },
    };
    const reg = registryRepository(app.db.db);
    const convs = botConversationRepository(app.db.db);
    for (const [personId, aad] of Object.entries(teams)) {
      const p = (await reg.getPerson(personId))!;
      await reg.updatePerson({ ...p, entraObjectId: aad, tenantId: TENANT });
      await convs.save({ kind: 'personal', conversationId: conv(personId), tenantId: TENANT, serviceUrl: connectorUrl, aadObjectId: aad, teamsUserId: `29:${personId}`, reference: {}, updatedAt: new Date().toISOString() });
    }
    await runForumSync(sync, { forumId: 'midt-ksg' });
    await runCalendarDelta(sync, {}); // the mailbox's initial delta
  });
  afterAll(async () => {
    await app?.close();
    await emu?.close();
    await connector.stop();
  });

  it('sends exactly one card per secretariat member with Teams, none to members or by e-mail, and none on a re-run of the delta', async () => {
    const { id, key } = await adopt('2027-06-08');
    expect(cardsOf(key)).toEqual(Object.fromEntries(SECRETARIAT_WITH_TEAMS.map((p) => [conv(p), 1])));
    // helle-dam (secretariat, no Teams) gets no card and no second e-mail: the secretariat's e-mail job tells her.
    const rows = (await botDeliveryRepository(app.db.db).list({ forumIds: ['midt-ksg'] })).filter((d) => d.key === key);
    expect(rows.map((r) => r.recipientId).sort()).toEqual([...SECRETARIAT_WITH_TEAMS, 'helle-dam'].sort());
    expect(rows.find((r) => r.recipientId === 'helle-dam')).toMatchObject({ state: 'unsupported' });
    // (Other reminders of the demo data fall due meanwhile and may go by e-mail; none of this card.)
    expect(mails.filter((k) => k.startsWith('notice|outlook_meeting_created|'))).toEqual([]);
    expect(connector.unknownRoutes).toBe(0);

    // Again: the delta adopts nothing new, and a repeated notice job sends nothing twice.
    await runCalendarDelta(sync, {});
    expect(await deliverNotices(id)).toBe(1);
    expect(cardsOf(key)).toEqual(Object.fromEntries(SECRETARIAT_WITH_TEAMS.map((p) => [conv(p), 1])));
    expect((await audits('meeting.created_in_outlook')).filter((a) => a.target === id)).toHaveLength(1);
  });

  it('confirms through the card as the tab does; a second tap and a member without rights are told so', async () => {
    const { id, key } = await adopt('2027-06-09');
    // A plain member is refused, nothing changes.
    expect(await tap('frida-skov', 'outlook_confirm', id, key)).toContain('Kun forummets sekretariat');
    expect((await outlookOf({ transact: sync.transact, clock: sync.clock }, id, () => true)).fromOutlook).toMatchObject({ confirmation: 'pending' });

    const answer = await tap('nina-hald', 'outlook_confirm', id, key);
    expect(answer).toContain('application/vnd.microsoft.card.adaptive');
    expect(answer).toContain('Bekræftet af Nina Hald');
    expect(answer).not.toContain('"verb":"outlook_reject"');
    // The same state as the tab's confirm: confirmed by her, the meeting kept, audited once.
    expect((await outlookOf({ transact: sync.transact, clock: sync.clock }, id, () => true)).fromOutlook).toMatchObject({ confirmation: 'confirmed', decidedBy: 'nina-hald' });
    expect(await meetingsRepository(app.db.db).getMeeting(id)).toMatchObject({ status: 'planned' });
    expect((await audits('meeting.outlook_confirmed')).filter((a) => a.target === id)).toEqual([expect.objectContaining({ actorPersonId: 'nina-hald', outcome: 'ok' })]);

    // Another secretary's card, tapped afterwards.
    expect(await tap('ole-bak', 'outlook_reject', id, key)).toContain('allerede bekræftet af Nina Hald');
    expect(await meetingsRepository(app.db.db).getMeeting(id)).toMatchObject({ status: 'planned' });
    expect(await audits('meeting.outlook_rejected')).toEqual([]);
  });

  it('rejects through the card (the meeting is cancelled, audited), and a tap after the tab decided says so', async () => {
    const { id, key } = await adopt('2027-06-10');
    const answer = await tap('gorm-ravn', 'outlook_reject', id, key);
    expect(answer).toContain('Afvist af Gorm Ravn');
    expect(await meetingsRepository(app.db.db).getMeeting(id)).toMatchObject({ status: 'cancelled' });
    expect((await outlookOf({ transact: sync.transact, clock: sync.clock }, id, () => true)).fromOutlook).toMatchObject({ confirmation: 'rejected', decidedBy: 'gorm-ravn' });
    expect((await audits('meeting.outlook_rejected')).filter((a) => a.target === id)).toEqual([expect.objectContaining({ actorPersonId: 'gorm-ravn' })]);

    // Decided in the tab (the same use case the tab's route calls), then tapped on the card.
    const other = await adopt('2027-06-11');
    await decideOutlookMeeting({ transact: sync.transact, clock: sync.clock }, other.id, 'confirm', { personId: 'ole-bak' }, () => true);
    expect(await tap('nina-hald', 'outlook_reject', other.id, other.key)).toContain('allerede bekræftet af Ole Bak');
    expect(await meetingsRepository(app.db.db).getMeeting(other.id)).toMatchObject({ status: 'planned' });
  });

  it("refreshes each secretary's card when Teams shows it: after one of them decides, the others' cards say who decided and have no buttons", async () => {
    const { id, key } = await adopt('2027-06-14');
    // Each personal card refreshes itself for its reader (Universal Actions), with the same data as its buttons.
    for (const p of SECRETARIAT_WITH_TEAMS) {
      const c = connector.lastCard.get(`${conv(p)}|${key}`) as { refresh?: { action: { verb: string; data: Record<string, unknown> }; userIds: string[] } };
      expect(c.refresh).toMatchObject({ userIds: [`29:${p}`], action: { verb: 'refresh', data: { kind: 'outlook_meeting_created', meetingId: id, key } } });
    }
    // Before anyone decides, a refresh shows the buttons, and the card keeps refreshing.
    const before = await tap('ole-bak', 'refresh', id, key);
    expect(before).toContain('"verb":"outlook_confirm"');
    expect(before).toContain('"userIds":["29:ole-bak"]');

    expect(await tap('nina-hald', 'outlook_confirm', id, key)).toContain('Bekræftet af Nina Hald');
    // Ole's card, shown again in Teams: who decided, no buttons, nothing more to refresh; the meeting is unchanged by the refresh.
    const after = await tap('ole-bak', 'refresh', id, key);
    expect(after).toContain('Bekræftet af Nina Hald');
    expect(after).not.toContain('"verb":"outlook_confirm"');
    expect(after).not.toContain('"verb":"outlook_reject"');
    expect(after).not.toContain('"refresh"');
    expect((await audits('meeting.outlook_confirmed')).filter((a) => a.target === id)).toHaveLength(1);

    // A plain member's refresh (a forwarded card) is refused and shows nothing of the decision.
    const member = await tap('frida-skov', 'refresh', id, key);
    expect(member).toContain('Kun forummets sekretariat');
    expect(member).not.toContain('Nina Hald');
  });
});
