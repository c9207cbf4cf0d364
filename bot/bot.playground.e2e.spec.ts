/**
 * End to end with a real Microsoft client: Microsoft 365 Agents Playground (the
 * pinned npm package) runs against a server that mounts createBotEndpoint, with
 * the project's .m365agentsplayground.yml. The test drives the playground's own
 * HTTP + WebSocket interface (what its web UI uses): it sends "næste møde", presses
 * "Attending" (an Action.Execute invoke), and receives a proactive reminder sent by
 * the dispatcher through the playground's mocked Bot Connector.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBotServer, PLAYGROUND_TENANT } from './testing/bot-server.fixture.js';
import { PLAYGROUND_CHAT, PLAYGROUND_ME, startPlayground, type Playground } from './testing/playground.fixture.js';
import { MemoryDeliveryStore, MemoryDirectory } from './testing/in-memory-ports.fixture.js';
import { createReminderDispatcher } from './dispatch/reminder-dispatch.factory.js';

const ME = PLAYGROUND_ME;
const MY_AAD = '00000000-0000-0000-0000-000000000101';
const CHAT = PLAYGROUND_CHAT;

describe('Microsoft 365 Agents Playground end to end', () => {
  let bot: Awaited<ReturnType<typeof startBotServer>>;
  let playground: Playground;
  let base: string;
  let botMessages: Playground['botMessages'];
  const nextBotMessage = (after: number) => playground.nextBotMessage(after);

  beforeAll(async () => {
    bot = await startBotServer();
    playground = await startPlayground(bot.url, { logName: 'samraad-playground', answerTimeoutMs: 15_000 });
    base = playground.base;
    botMessages = playground.botMessages;
  });

  afterAll(async () => {
    playground?.close();
    await bot?.close();
  });

  it('loads our mocked team, channel and members', async () => {
    const cfg = (await (await fetch(`${base}/_internal/v1/config`)).json()) as { config: { tenantId: string; teams: { channels: { name: string }[] }[]; users: unknown[] } };
    expect(cfg.config.tenantId).toBe(PLAYGROUND_TENANT);
    expect(cfg.config.teams[0]!.channels.map((c) => c.name)).toContain('Klyngestyregruppe Vest');
    expect(cfg.config.users.length).toBeGreaterThanOrEqual(5);
  });

  it('"næste møde" is answered with the meeting card, and "Deltager" records the answer', async () => {
    const before = botMessages.length;
    const sent = await fetch(`${base}/_conversation/v1/conversations/${CHAT}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: ME }, text: 'næste møde', textFormat: 'plain' }),
    });
    expect(sent.status).toBe(200);
    const reply = await nextBotMessage(before);
    const card = JSON.stringify(reply.attachments?.[0]?.content);
    expect(card).toContain('10. december 2026 kl. 13.00 – 15.00');
    expect(card).toContain('Du har ikke svaret endnu');

    const invoke = await fetch(`${base}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'attend', data: { verb: 'attend', forumId: 'f1', meetingId: 'm1' } }, trigger: 'manual' },
        from: { id: ME },
        conversation: { id: CHAT },
        replyToId: reply.messageId,
      }),
    });
    expect(invoke.status).toBe(200);
    const res = (await invoke.json()) as { type: string; value: unknown };
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    // The playground's client locale is en-US, so the refreshed card is in English.
    expect(JSON.stringify(res.value)).toContain('You are attending');
    expect(bot.backend.answers.get('m1|p-mette')).toEqual({ answer: 'attending', substituteName: undefined });
    // The chat turn stored where the bot can reach this person later.
    expect(await bot.stores.conversations.findPersonal(MY_AAD)).toMatchObject({ kind: 'personal', tenantId: PLAYGROUND_TENANT });
  });

  it('a reminder reaches the member through the dispatcher', async () => {
    const directory = new MemoryDirectory();
    directory.people.set('p-mette', { personId: 'p-mette', displayName: 'Mette', aadObjectId: MY_AAD, locale: 'da' });
    // Production wiring, embedded mode: the Bot Connector is the playground's mock (loopback only).
    const dispatcher = createReminderDispatcher(bot.config, bot.backend, { conversations: bot.stores.conversations, deliveries: new MemoryDeliveryStore(), directory });
    const before = botMessages.length;
    await dispatcher.enqueue([
      { key: 'task_due:t1:2026-12-01', kind: 'task_due', audience: 'personal', forumId: 'f2', taskId: 't1', recipientIds: ['p-mette'], deadline: '2026-12-01T22:59:00Z', sendAt: new Date(Date.now() - 1000).toISOString() },
    ]);
    const summary = await dispatcher.run();
    expect(summary.sent).toBe(1);
    const msg = await nextBotMessage(before);
    const card = JSON.stringify(msg.attachments?.[0]?.content);
    expect(card).toContain('Din opgave har snart frist');
    expect(card).toContain('Udkast til samarbejdsaftale');
    expect(card).toContain('Opgave løst');
  });
});
