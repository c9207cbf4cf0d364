/**
 * Issue 13, point 5: when something goes out, people are told, once. Through the
 * API as wired (workflow, planning and bot modules; the real job worker; GRAPH_MODE
 * emulator against a real Graph emulator; a fake Bot Connector):
 * for each of agenda sent, agenda changed after sending, minutes out for remarks,
 * minutes approved, minutes corrected, meeting moved and meeting cancelled (in
 * Samraad and in Outlook through the calendar delta's use of the same notice):
 * one card in the forum's channel, one card per member with the bot, one e-mail
 * per member without it (guests outside the tenant), and a re-run of the job, or
 * the same event again, sends nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { botModule } from '../../src/entry/bot.module.js';
import { planningModule } from '../../src/entry/planning.module.js';
import { workflowTransactor } from '../../src/entry/workflow.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { botConversationRepository, botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph/server.js';
import { FakeBotConnector } from '../../bot/testing/fake-bot-connector.fixture.js';
import { systemClock } from '../../bot/dispatch/dispatch.clock.js';
import { isActiveOn } from '../../src/domain/registry/registry.model.js';
import { noticeKey, type NoticeKind } from '../../src/domain/notifications/notice.model.js';
import { meetingNotice } from '../../src/usecases/notifications/notice.usecase.js';
import { coChair, createMeeting, forumId, member, outsider, secretary, startWorkflowApp, type WorkflowTestApp } from '../workflow/workflow.fixture.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
const TENANT = '7a1c0000-0000-4000-8000-0000000000ff';
const TEAM = '19:team-midt@thread.tacv2';
const CHANNEL = '19:midt-ksg@thread.tacv2';
const SENDER = 'samraad@region.example';
// Dates before the real clock: the dispatcher sends by real time, the app's clock is set by the test.
const MEETING_DATE = '2026-04-15';

type Audience = { botUsers: Map<string, string>; guests: Map<string, string> };

describe.each(backends)('notices on $name', (backend) => {
  let app: WorkflowTestApp;
  let emu: GraphEmulator;
  let connector: FakeBotConnector;
  let connectorUrl: string;
  const mod = botModule({ config: embedded, planCron: null, dispatcher: { baseBackoffMs: 50, maxBackoffMs: 200 } });
  const audience: Audience = { botUsers: new Map(), guests: new Map() };
  let meetingId = '';

  beforeAll(async () => {
    emu = await startGraphEmulator({});
    connector = new FakeBotConnector({ clock: systemClock });
    connectorUrl = await connector.start();
    app = await startWorkflowApp(backend, '2026-03-01T09:00:00Z', {
      modules: (wf) => [wf, planningModule, mod],
      env: { GRAPH_MODE: 'emulator', GRAPH_EMULATOR_PORT: new URL(emu.url).port, REMINDER_MAIL_SENDER: SENDER, SAMRAAD_PUBLIC_URL: 'https://samraad.region.example' },
    });
    meetingId = (await createMeeting(app, { date: MEETING_DATE })).id;
    const conversations = botConversationRepository(app.db.db);
    // The forum's channel (as the M365 sync records it) in a team where the app is installed.
    await syncRepository(app.db.db).record('forum', forumId, { forumId, remoteId: CHANNEL, container: TEAM }, 'synced');
    await conversations.save({ kind: 'channel', conversationId: CHANNEL, tenantId: TENANT, serviceUrl: connectorUrl, teamId: TEAM, teamsChannelId: CHANNEL, reference: { conversation: { id: CHANNEL }, serviceUrl: connectorUrl }, updatedAt: new Date().toISOString() });
    // The secretary and one member have the bot (a stored 1:1 conversation); every other member is a guest with only an e-mail address.
    const personal: Parameters<typeof conversations.save>[0][] = [];
    await workflowTransactor(app.deps)(async (uow) => {
      const ids = [...new Set((await uow.registry.listMemberships({ forumId })).filter((m) => isActiveOn(m, MEETING_DATE)).map((m) => m.personId))];
      for (const [i, personId] of ids.entries()) {
        const p = (await uow.registry.getPerson(personId))!;
        if (personId === secretary || personId === member) {
          const aad = `7a1c0000-0000-4000-8000-${String(100000000000 + i)}`;
          await uow.registry.updatePerson({ ...p, entraObjectId: aad, tenantId: TENANT, hasTeams: true });
          const conv = `a:chat-${personId}`;
          personal.push({ kind: 'personal', conversationId: conv, tenantId: TENANT, serviceUrl: connectorUrl, aadObjectId: aad, teamsUserId: `29:${personId}`, reference: { conversation: { id: conv }, serviceUrl: connectorUrl }, updatedAt: new Date().toISOString() });
          audience.botUsers.set(personId, conv);
        } else {
          const email = `${personId}@gaest.example`;
          const { entraObjectId: _e, tenantId: _t, ...rest } = p;
          await uow.registry.updatePerson({ ...rest, email, hasTeams: false });
          audience.guests.set(personId, email);
        }
      }
    });
    // Outside the transaction: on PGlite there is one connection.
    for (const c of personal) await conversations.save(c);
    expect(audience.botUsers.size).toBe(2);
    expect(audience.guests.size).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await app?.close();
    await connector?.stop();
    await emu?.close();
  });

  const mailsTo = (address: string, subject?: RegExp) =>
    emu.state.mail.filter(
      (m) => ((m.message.toRecipients as { emailAddress: { address: string } }[]) ?? []).some((r) => r.emailAddress.address === address) && (!subject || subject.test(String(m.message.subject))),
    );

  /** Waits (generously: a loaded machine) until every delivery of the notice is settled; the worker ran the job, we run a delivery pass too. */
  async function settled(key: string, expected: number): Promise<void> {
    const store = botDeliveryRepository(app.db.db);
    const until = Date.now() + 90_000;
    for (;;) {
      const rows = (await store.list()).filter((d) => d.key === key);
      if (rows.length === expected && rows.every((d) => d.state === 'sent' || d.state === 'failed' || d.state === 'unsupported')) return;
      if (Date.now() > until) throw new Error(`notice ${key}: ${rows.length}/${expected} deliveries, states ${rows.map((d) => `${d.recipientId}:${d.state}:${d.lastError ?? ''}`).join(', ')}`);
      await mod.services().deliver();
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** One channel card, one card per bot user, one e-mail per guest; all sent. */
  async function expectTold(kind: NoticeKind, occurrence: string, subject: RegExp, id = meetingId) {
    const key = noticeKey({ kind, forumId, meetingId: id, occurrence });
    const people = audience.botUsers.size + audience.guests.size;
    await settled(key, 1 + people);
    const rows = (await botDeliveryRepository(app.db.db).list()).filter((d) => d.key === key);
    expect(rows.filter((d) => d.state !== 'sent').map((d) => `${d.recipientId}: ${d.lastError}`)).toEqual([]);
    expect(connector.delivered.get(`${CHANNEL}|${key}`)).toBe(1);
    for (const conv of audience.botUsers.values()) expect(connector.delivered.get(`${conv}|${key}`)).toBe(1);
    for (const email of audience.guests.values()) expect(mailsTo(email, subject)).toHaveLength(1);
    // Bot users get no e-mail about it.
    for (const personId of audience.botUsers.keys()) expect(rows.find((d) => d.recipientId === personId)?.route).toBe('teams_personal');
    expect(emu.failures).toEqual([]);
    expect(connector.unknownRoutes).toBe(0);
    return key;
  }

  it('agenda sent: one channel post, one card per bot user, one e-mail per guest; a re-run of the job sends nothing twice', async () => {
    const item = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på sundhedsaftalen', kind: 'discussion', presenters: [], minutes: 20, background: 'Baggrund.', recommendations: [] });
    expect(item.status).toBe(201);
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/approve`, coChair)).status).toBe(200);
    app.clock.set('2026-04-01T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).status).toBe(200);
    const key = await expectTold('agenda_sent', 'v1', /^Dagsordenen er udsendt \(.+\) \/ The agenda has been sent$/);

    // The guests' e-mail: Danish then English, the Word document and the meeting linked.
    const html = String((mailsTo([...audience.guests.values()][0]!)[0]!.message.body as { content: string }).content);
    expect(html).toContain(`https://samraad.region.example/api/meetings/${encodeURIComponent(meetingId)}/agenda.docx`);
    expect(html).toContain(`https://samraad.region.example/#/meetings/${encodeURIComponent(meetingId)}`);
    expect(html.indexOf('Dagsorden (Word)')).toBeLessThan(html.indexOf('Agenda (Word)'));

    // The job again (a pg-boss retry, a crash before it finished), and the same event raised again: nothing new, nothing twice.
    const s = mod.services();
    const again = await s.notice({ event: meetingNotice('agenda_sent', { id: meetingId, forumId, date: MEETING_DATE, start: '13:00' }, '2026-04-01T09:00:00Z', 'v1', { version: 1, documents: ['agenda'] }) }, async () => {});
    expect(again).toMatchObject({ key, newDeliveries: 0 });
    await s.deliver();
    await s.deliver();
    expect(connector.delivered.get(`${CHANNEL}|${key}`)).toBe(1);
    for (const conv of audience.botUsers.values()) expect(connector.delivered.get(`${conv}|${key}`)).toBe(1);
    for (const email of audience.guests.values()) expect(mailsTo(email, /Dagsordenen er udsendt/)).toHaveLength(1);
  });

  it('agenda changed after sending: a second sending is its own notice', async () => {
    app.clock.set('2026-04-02T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).status).toBe(200);
    await expectTold('agenda_changed', 'v2', /^Dagsordenen er ændret efter udsendelsen/);
  });

  it('minutes out for remarks; early approval refused without a reason (nothing told); approval with one; a correction', async () => {
    app.clock.set('2026-04-16T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary, { confirmContradictions: true })).status).toBe(200);
    await expectTold('comment_window_open', 'v1', /^Referatet er sendt til bemærkninger/);

    app.clock.set('2026-04-17T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/remarks`, member, { text: 'Punkt 2 mangler en beslutning.' })).status).toBe(201);
    const refused = await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'confirmation_required', grounds: ['window_open', 'open_remarks'], openRemarks: 1 });
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['confirm', 'reason']);
    expect(refused.body.detailDa).toMatch(/kræver en bekræftelse og en begrundelse/);
    const noReason = await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary, { confirm: true, reason: '  ' });
    expect(noReason.status).toBe(409);
    const page = (await app.call('GET', `/api/meetings/${meetingId}`, secretary)).body;
    expect(page.minutes.status).toBe('sent_for_remarks');

    const ok = await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary, { confirm: true, reason: 'Bemærkningen er drøftet med formanden' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', approvedHow: 'explicit', early: ['window_open', 'open_remarks'], reason: 'Bemærkningen er drøftet med formanden' });
    await expectTold('minutes_approved', 'v1', /^Referatet er godkendt/);
    const after = (await app.call('GET', `/api/meetings/${meetingId}`, secretary)).body;
    expect(after.versions.find((v: { event: string }) => v.event === 'approved')).toMatchObject({ reason: 'Bemærkningen er drøftet med formanden' });
    const audit = (await app.call('GET', `/api/forums/${forumId}/audit`, secretary)).body;
    const entry = (audit.items ?? audit).find((a: { action: string }) => a.action === 'minutes.approve');
    expect(JSON.stringify(entry)).toContain('Bemærkningen er drøftet med formanden');

    app.clock.set('2026-04-20T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/correct`, secretary, { reason: 'Forkert dato i punkt 2' })).status).toBe(200);
    await expectTold('minutes_corrected', 'v2', /^Det godkendte referat rettes/);
  });

  it('a meeting moved and another cancelled, with their reasons', async () => {
    app.clock.set('2026-04-20T09:00:00Z');
    const other = await createMeeting(app, { date: '2026-06-10' });
    const moved = await app.call('POST', `/api/meetings/${other.id}/move`, secretary, { date: '2026-06-11', start: '10:00', end: '12:00', reason: 'Lokalet er optaget' });
    expect(moved.status).toBe(200);
    await expectTold('meeting_moved', 'r2', /^Mødet er flyttet/, other.id);
    const guestMail = mailsTo([...audience.guests.values()][0]!, /^Mødet er flyttet/)[0]!;
    expect(String((guestMail.message.body as { content: string }).content)).toContain('Lokalet er optaget');

    const third = await createMeeting(app, { date: '2026-09-10' });
    expect((await app.call('POST', `/api/meetings/${third.id}/cancel`, secretary, { reason: 'For få punkter' })).status).toBe(200);
    await expectTold('meeting_cancelled', 'r2', /^Mødet er aflyst/, third.id);
  });

  it('a task to a person: in their overview, reminded by a card before the due date, marked done from the tab (and not twice)', async () => {
    app.clock.set('2026-04-20T09:00:00Z');
    const created = await app.call('POST', `/api/meetings/${meetingId}/tasks`, secretary, { title: 'Udkast til forløbsbeskrivelse', dueOn: '2026-05-05', assigneePersonId: member, reportToForumId: forumId });
    expect(created.status).toBe(201);
    const taskId = created.body.id as string;
    const both = await app.call('POST', `/api/meetings/${meetingId}/tasks`, secretary, { title: 'To ansvarlige', dueOn: '2026-05-05', assigneePersonId: member, assigneeForumId: forumId });
    expect(both.status).toBe(400);
    const mine = (await app.call('GET', '/api/me/overview', member)).body;
    expect(mine.tasks).toEqual(expect.arrayContaining([expect.objectContaining({ id: taskId, title: 'Udkast til forløbsbeskrivelse', dueOn: '2026-05-05', forumName: expect.any(String) })]));

    // Three working days before the due date the plan hands the reminder to the dispatcher: one card in the member's chat.
    app.clock.set('2026-04-30T09:00:00Z');
    const run = await mod.services().plan();
    expect(run.newDeliveries).toBeGreaterThanOrEqual(1);
    const store = botDeliveryRepository(app.db.db);
    const row = async () => (await store.list()).find((d) => d.reminder.kind === 'task_due' && d.reminder.taskId === taskId && d.recipientId === member);
    const until = Date.now() + 60_000;
    while ((await row())?.state !== 'sent' && Date.now() < until) {
      await mod.services().deliver();
      await new Promise((r) => setTimeout(r, 200));
    }
    const r = await row();
    expect(r).toMatchObject({ state: 'sent', route: 'teams_personal' });
    expect(connector.delivered.get(`${audience.botUsers.get(member)}|${r!.key}`)).toBe(1);

    // Done from the tab; only the assignee or the secretariat; once.
    expect((await app.call('POST', `/api/tasks/${taskId}/done`, outsider)).status).toBe(403);
    const done = await app.call('POST', `/api/tasks/${taskId}/done`, member);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: taskId, status: 'done' });
    const again = await app.call('POST', `/api/tasks/${taskId}/done`, member);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await app.call('GET', '/api/me/overview', member)).body.tasks.map((k: { id: string }) => k.id)).not.toContain(taskId);
    // The card's "done" goes through the same use case: the bot is refused the same way.
    expect(await mod.services().backend.completeTask(member, taskId)).toMatchObject({ ok: false, refused: 'invalid' });
  });
});
