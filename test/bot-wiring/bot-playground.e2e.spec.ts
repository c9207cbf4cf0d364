/**
 * End to end with the real Microsoft 365 Agents Playground (pinned npm package)
 * against the whole Samraad server (startTestApp + the bot module, embedded mode,
 * demo region, PGlite): "næste møde" answered from the database, "Attending"
 * written through the attendance use case, and a stored reminder delivered by the
 * reminders.deliver run through the playground's mocked Bot Connector.
 * Drives the playground's own HTTP + WebSocket interface, as bot/bot.playground.e2e.spec.ts does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { PLAYGROUND_CHAT, PLAYGROUND_ME, startPlayground, type Playground } from '../../bot/testing/playground.fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule } from '../../src/entry/bot.module.js';
import type { BotConfig } from '../../bot/bot.config.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { workflowRepository } from '../../src/adapters/db/workflow.repository.js';
import { botDeliveryRepository } from '../../src/adapters/db/bot.repository.js';
import { timeCalendar as calendar } from '../../src/usecases/meetings/workflow.context.js';

const ME = PLAYGROUND_ME;
const CHAT = PLAYGROUND_CHAT;
const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };

describe('Agents Playground against the whole server', () => {
  let app: TestApp;
  let playground: Playground;
  let base: string;
  let botMessages: Playground['botMessages'];
  const mod = botModule({ config: embedded, planCron: null });
  const nextBotMessage = (after: number) => playground.nextBotMessage(after);

  beforeAll(async () => {
    app = await startTestApp(backends[0]!, { modules: [mod] });
    playground = await startPlayground(`${app.url}/api/messages`, { logName: 'samraad-wiring-playground', answerTimeoutMs: 20_000 });
    base = playground.base;
    botMessages = playground.botMessages;
  });

  afterAll(async () => {
    playground?.close();
    await app?.close();
  });

  async function nextMeetingOfBente() {
    const today = calendar.localDate(new Date().toISOString());
    const forumIds = [...new Set((await registryRepository(app.db.db).listMemberships({ personId: 'bente-vest' })).filter((m) => m.from <= today && (!m.to || m.to >= today)).map((m) => m.forumId))];
    return (await meetingsRepository(app.db.db).listMeetings({ forumIds })).find((m) => m.status !== 'cancelled' && Date.parse(calendar.instant(m.date, m.start)) > Date.now())!;
  }

  it('"næste møde" is answered with the next meeting from the database, and "Attending" is recorded', async () => {
    const meeting = await nextMeetingOfBente();
    const before = botMessages.length;
    const sent = await fetch(`${base}/_conversation/v1/conversations/${CHAT}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: ME }, text: 'næste møde', textFormat: 'plain' }),
    });
    expect(sent.status).toBe(200);
    const reply = await nextBotMessage(before);
    const card = JSON.stringify(reply.attachments?.[0]?.content);
    expect(card).toContain(`"meetingId":"${meeting.id}"`);
    expect(card).toContain((await registryRepository(app.db.db).getForum(meeting.forumId))!.name);

    const invoke = await fetch(`${base}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'attend', data: { verb: 'attend', forumId: meeting.forumId, meetingId: meeting.id } }, trigger: 'manual' },
        from: { id: ME },
        conversation: { id: CHAT },
        replyToId: reply.messageId,
      }),
    });
    expect(invoke.status).toBe(200);
    const res = (await invoke.json()) as { type: string; value: unknown };
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.value)).toContain('You are attending');
    const answers = await workflowRepository(app.db.db).listAttendance(meeting.id);
    expect(answers.find((a) => a.personId === 'bente-vest')?.answer).toBe('attending');
  });

  it('a stored reminder reaches the member through reminders.deliver', async () => {
    const meeting = await nextMeetingOfBente();
    const before = botMessages.length;
    const created = await mod.services().dispatcher.enqueue([
      { key: `items_cutoff_soon|m:${meeting.id}|e2e`, kind: 'items_cutoff_soon', audience: 'personal', forumId: meeting.forumId, meetingId: meeting.id, recipientIds: ['bente-vest'], deadline: calendar.instant(meeting.date, meeting.start), sendAt: new Date(Date.now() - 1000).toISOString() },
    ]);
    expect(created).toBe(1);
    await mod.services().deliver();
    const msg = await nextBotMessage(before);
    const card = JSON.stringify(msg.attachments?.[0]?.content);
    expect(card).toContain(`"meetingId":"${meeting.id}"`);
    const rows = await botDeliveryRepository(app.db.db).list({ forumIds: [meeting.forumId] });
    expect(rows.find((r) => r.key.endsWith('|e2e'))).toMatchObject({ state: 'sent', route: 'teams_personal', attempts: 1 });
  });
});
