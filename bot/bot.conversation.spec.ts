/**
 * Conversation tests with botbuilder's TestAdapter: every command and every card
 * action, in Danish and English, including actions after the deadline.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { TestAdapter, type Activity } from 'botbuilder';
import { SamraadBot, parseCommand } from './bot.activity-handler.js';
import { MemoryBackend, MemoryConversationStore } from './testing/in-memory-ports.fixture.js';

const TENANT = 'tenant-1';
const NOW = '2026-03-10T09:00:00Z';

function world() {
  const backend = new MemoryBackend(() => NOW);
  backend.people.set('p1', { personId: 'p1', displayName: 'Mette Hansen', aad: 'aad-1', tenant: TENANT });
  backend.meetings.set('m1', {
    meetingId: 'm1', forumId: 'f1', forumName: 'Klyngestyregruppe Vest', title: '4. møde', date: '2026-03-20', start: '13:00', end: '15:00',
    location: 'Regionshuset, lokale 2', online: true, status: 'planned',
    answerDeadline: '2026-03-19T11:00:00Z', itemsCutoff: '2026-03-06T11:00:00Z', remarksUntil: '2026-03-17T22:59:00Z',
  });
  backend.meetings.set('m0', {
    meetingId: 'm0', forumId: 'f1', forumName: 'Klyngestyregruppe Vest', date: '2026-02-10', start: '13:00', end: '15:00', online: false, status: 'held',
    answerDeadline: '2026-02-09T11:00:00Z', remarksUntil: '2026-02-24T22:59:00Z',
  });
  backend.tasks.set('t1', { taskId: 't1', forumName: 'Driftsforum Nord', title: 'Udkast til samarbejdsaftale', dueOn: '2026-04-01', status: 'open', assignee: 'p1' });
  backend.deadlines = [{ kind: 'comment_window_closing', forumName: 'Klyngestyregruppe Vest', meetingId: 'm1', deadline: '2026-03-17T22:59:00Z', label: '4. møde' }];
  const conversations = new MemoryConversationStore();
  const bot = new SamraadBot({ backend, conversations, links: { teamsAppId: 'app-1', tabEntityId: 'samraad' }, now: () => new Date(NOW) });
  // TestAdapter's template overwrites fields, so only constants go there; turn() fills the rest.
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx), { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' });
  return { backend, conversations, adapter };
}

type W = ReturnType<typeof world>;

async function turn(w: W, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  w.adapter.activeQueue.splice(0);
  await w.adapter.processActivity({
    conversation: { id: 'a:personal-1', tenantId: TENANT, conversationType: 'personal', isGroup: false, name: '' },
    from: { id: '29:user-1', aadObjectId: 'aad-1', name: 'Mette Hansen' },
    recipient: { id: '28:bot', name: 'Samraad' },
    ...activity,
  });
  return w.adapter.activeQueue.splice(0);
}

const cardOf = (a: Partial<Activity> | undefined) => a?.attachments?.[0]?.content as { body: Record<string, unknown>[]; actions?: Record<string, unknown>[]; refresh?: unknown };
const allText = (c: unknown): string => JSON.stringify(c);

async function say(w: W, text: string, locale = 'da-DK') {
  const replies = await turn(w, { type: 'message', text, locale });
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

async function execute(w: W, verb: string, data: Record<string, unknown>, locale = 'da-DK') {
  const replies = await turn(w, { type: 'invoke', name: 'adaptiveCard/action', locale, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
  const inv = replies.find((r) => r.type === 'invokeResponse');
  expect(inv).toBeDefined();
  const body = (inv!.value as { status: number; body: { statusCode: number; type: string; value: unknown } }).body;
  expect(body.statusCode).toBe(200);
  return body;
}

describe('commands', () => {
  let w: W;
  beforeEach(() => {
    w = world();
  });

  it('recognises the commands in both languages', () => {
    expect(parseCommand('Næste møde?')).toEqual({ command: 'next_meeting', locale: 'da' });
    expect(parseCommand('  next   meeting ')).toEqual({ command: 'next_meeting', locale: 'en' });
    expect(parseCommand('mine frister')?.command).toBe('my_deadlines');
    expect(parseCommand('MY TASKS')?.command).toBe('my_tasks');
    expect(parseCommand('hjælp')).toEqual({ command: 'help', locale: 'da' });
    expect(parseCommand('hvad så')).toBeNull();
  });

  it('næste møde / next meeting', async () => {
    const da = cardOf(await say(w, 'næste møde'));
    expect(allText(da)).toContain('20. marts 2026');
    expect(allText(da)).toContain('kl. 13.00 – 15.00');
    expect(allText(da)).toContain('Du har ikke svaret endnu');
    expect(allText(da)).toContain('Meld afbud');
    const en = cardOf(await say(w, 'next meeting', 'en-GB'));
    expect(allText(en)).toContain('20 March 2026');
    expect(allText(en)).toContain('Send apologies');
    expect(allText(en)).toContain('Open in Samraad');
  });

  it('mine frister / my deadlines', async () => {
    expect(allText(cardOf(await say(w, 'mine frister')))).toContain('Fristen for bemærkninger til referatet udløber i morgen');
    expect(allText(cardOf(await say(w, 'my deadlines', 'en-US')))).toContain('17 March 2026, 23:59');
    w.backend.deadlines = [];
    expect(allText(cardOf(await say(w, 'mine frister')))).toContain('Du har ingen åbne frister.');
  });

  it('mine opgaver / my tasks', async () => {
    const da = cardOf(await say(w, 'mine opgaver'));
    expect(allText(da)).toContain('Udkast til samarbejdsaftale');
    expect(allText(da)).toContain('Opgave løst');
    expect(allText(cardOf(await say(w, 'my tasks', 'en-US')))).toContain('Task done');
  });

  it('hjælp / help, and a help card for anything else (never silence)', async () => {
    expect(allText(cardOf(await say(w, 'hjælp')))).toContain('mine opgaver');
    expect(allText(cardOf(await say(w, 'help', 'en-US')))).toContain('my tasks');
    const other = cardOf(await say(w, 'hvornår er frokost'));
    expect(allText(other)).toContain('Jeg forstod ikke');
    expect(allText(other)).toContain('næste møde');
    expect(allText(cardOf(await say(w, 'what is this', 'en-US')))).toContain('I did not understand');
  });

  it('tells an unknown person to contact the secretariat', async () => {
    const r = await turn(w, { type: 'message', text: 'næste møde', from: { id: '29:x', aadObjectId: 'aad-unknown', name: 'X' } });
    expect(r[0]?.text).toContain('ikke registreret i Samraad');
  });

  it('stores the personal conversation reference and team/channel references on install', async () => {
    await say(w, 'hjælp');
    expect(await w.conversations.findPersonal('aad-1')).toMatchObject({ kind: 'personal', teamsUserId: '29:user-1', tenantId: TENANT });
    await turn(w, {
      type: 'installationUpdate', action: 'add',
      conversation: { id: '19:general@thread.tacv2', tenantId: TENANT, conversationType: 'channel', isGroup: true, name: '' },
      channelData: { team: { id: '19:general@thread.tacv2' }, channel: { id: '19:forum-a@thread.tacv2' }, tenant: { id: TENANT } },
    });
    expect(await w.conversations.findTeam('19:general@thread.tacv2')).toMatchObject({ kind: 'team' });
    expect(await w.conversations.findChannel('19:forum-a@thread.tacv2')).toMatchObject({ kind: 'channel', teamId: '19:general@thread.tacv2' });
    await turn(w, {
      type: 'installationUpdate', action: 'remove',
      conversation: { id: '19:general@thread.tacv2', tenantId: TENANT, conversationType: 'channel', isGroup: true, name: '' },
      channelData: { team: { id: '19:general@thread.tacv2' }, tenant: { id: TENANT } },
    });
    expect(await w.conversations.findChannel('19:forum-a@thread.tacv2')).toBeNull();
    expect(await w.conversations.findTeam('19:general@thread.tacv2')).toBeNull();
    expect(await w.conversations.findPersonal('aad-1')).not.toBeNull();
  });

  it('stores the team when the bot is added through conversationUpdate, and a channel when one is created', async () => {
    const team = { id: '19:team-b@thread.tacv2' };
    await turn(w, {
      type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'Samraad' }],
      conversation: { id: team.id, tenantId: TENANT, conversationType: 'channel', isGroup: true, name: '' },
      channelData: { team, tenant: { id: TENANT } },
    });
    expect(await w.conversations.findTeam(team.id)).toMatchObject({ kind: 'team', tenantId: TENANT, serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    await turn(w, {
      type: 'conversationUpdate',
      conversation: { id: team.id, tenantId: TENANT, conversationType: 'channel', isGroup: true, name: '' },
      channelData: { eventType: 'channelCreated', team, channel: { id: '19:forum-b@thread.tacv2', name: 'Driftsforum' }, tenant: { id: TENANT } },
    });
    expect(await w.conversations.findChannel('19:forum-b@thread.tacv2')).toMatchObject({ kind: 'channel', teamId: team.id });
  });
});

describe('card actions (Action.Execute)', () => {
  let w: W;
  beforeEach(() => {
    w = world();
  });
  const reminder = (kind: string, extra: Record<string, unknown> = {}) => ({ key: `${kind}:k`, kind, forumId: 'f1', meetingId: 'm1', deadline: '2026-03-19T11:00:00Z', ...extra });

  it('attend: the refreshed card shows the person\'s own answer (da, en)', async () => {
    const da = await execute(w, 'attend', reminder('meeting_tomorrow_unanswered'));
    expect(da.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(allText(da.value)).toContain('Du deltager');
    expect((da.value as { refresh: { userIds: string[] } }).refresh.userIds).toEqual(['29:user-1']);
    const en = await execute(w, 'refresh', reminder('meeting_tomorrow_unanswered'), 'en-US');
    expect(allText(en.value)).toContain('You are attending');
  });

  it('apologies, with and without a substitute', async () => {
    const plain = await execute(w, 'apologies', reminder('agenda_sent'));
    expect(allText(plain.value)).toContain('Du har meldt afbud');
    const sub = await execute(w, 'apologies', { ...reminder('agenda_sent'), substituteName: 'Jens Jensen' }, 'en-US');
    expect(allText(sub.value)).toContain('You sent apologies with a substitute');
    expect(allText(sub.value)).toContain('Jens Jensen');
    expect(w.backend.answers.get('m1|p1')).toEqual({ answer: 'substitute', substituteName: 'Jens Jensen' });
  });

  it('apologies with the note typed on the card; "attend" sends no note', async () => {
    await execute(w, 'apologies', { ...reminder('agenda_sent'), apologiesNote: 'På kursus i Aarhus' });
    expect(w.backend.answers.get('m1|p1')).toEqual({ answer: 'apologies', note: 'På kursus i Aarhus' });
    await execute(w, 'attend', { ...reminder('agenda_sent'), apologiesNote: 'På kursus i Aarhus' });
    expect(w.backend.answers.get('m1|p1')).toEqual({ answer: 'attending' });
  });

  it('attend from the "next meeting" card answers with that card', async () => {
    const r = await execute(w, 'attend', { forumId: 'f1', meetingId: 'm1' }, 'en-US');
    expect(allText(r.value)).toContain('Your next meeting');
    expect(allText(r.value)).toContain('You are attending');
  });

  it('remark (da, en) and an empty remark is refused', async () => {
    const da = await execute(w, 'remark', { ...reminder('comment_window_closing'), remarkText: 'Punkt 3: PLO var repræsenteret' });
    expect(allText(da.value)).toContain('Din bemærkning er gemt.');
    const en = await execute(w, 'remark', { ...reminder('comment_window_closing'), remarkText: 'Item 4 is missing' }, 'en-US');
    expect(allText(en.value)).toContain('Your remark has been saved.');
    expect(w.backend.remarks.map((r) => r.text)).toEqual(['Punkt 3: PLO var repræsenteret', 'Item 4 is missing']);
    const empty = await execute(w, 'remark', { ...reminder('comment_window_closing'), remarkText: '  ' });
    expect(empty.value).toBe('Udfyld feltet først.');
  });

  it('task done (da, en); someone else\'s task is refused', async () => {
    const da = await execute(w, 'task_done', { key: 'task_due:t1', kind: 'task_due', forumId: 'f1', taskId: 't1', deadline: '2026-04-01T10:00:00Z' });
    expect(allText(da.value)).toContain('Opgaven er markeret som løst');
    w.backend.tasks.get('t1')!.status = 'open';
    const en = await execute(w, 'task_done', { taskId: 't1' }, 'en-US');
    expect(allText(en.value)).toContain('The task is marked as done');
    w.backend.tasks.set('t2', { taskId: 't2', forumName: 'X', title: 'Y', dueOn: '2026-04-01', status: 'open', assignee: 'p9' });
    expect((await execute(w, 'task_done', { taskId: 't2' })).value).toBe('Det har du ikke adgang til.');
  });

  it('propose an item is refused after the cut-off, with the date (da, en)', async () => {
    const da = await execute(w, 'propose_item', { ...reminder('items_cutoff_soon'), itemTitle: 'Ny forløbsbeskrivelse' });
    expect(da.type).toBe('application/vnd.microsoft.activity.message');
    expect(da.value).toBe('Fristen udløb 6. marts 2026 kl. 12.00. Kontakt sekretariatet, hvis du stadig vil ændre noget.');
    const en = await execute(w, 'propose_item', { ...reminder('items_cutoff_soon'), itemTitle: 'New pathway' }, 'en-US');
    expect(en.value).toBe('The deadline passed on 6 March 2026, 12:00. Contact the secretariat if you still need to change something.');
    expect(w.backend.items).toHaveLength(0);
  });

  it('propose an item before the cut-off', async () => {
    w.backend.meetings.get('m1')!.itemsCutoff = '2026-03-12T11:00:00Z';
    const r = await execute(w, 'propose_item', { ...reminder('items_cutoff_soon'), itemTitle: 'Ny forløbsbeskrivelse', itemDescription: 'Baggrund' });
    expect(allText(r.value)).toContain('Dit forslag \\"Ny forløbsbeskrivelse\\" er sendt til sekretariatet.');
    expect(w.backend.items).toEqual([{ personId: 'p1', meetingId: 'm1', title: 'Ny forløbsbeskrivelse' }]);
  });

  it('attendance and remarks after the deadline are refused with the date (da, en)', async () => {
    const late = { meetingId: 'm0', forumId: 'f1', key: 'x', kind: 'comment_window_closing', deadline: '2026-02-24T22:59:00Z' };
    expect((await execute(w, 'attend', late)).value).toBe('Fristen udløb 9. februar 2026 kl. 12.00. Kontakt sekretariatet, hvis du stadig vil ændre noget.');
    expect((await execute(w, 'apologies', late, 'en-US')).value).toContain('The deadline passed on 9 February 2026, 12:00.');
    expect((await execute(w, 'remark', { ...late, remarkText: 'for sent' })).value).toContain('Fristen udløb 24. februar 2026 kl. 23.59.');
    expect((await execute(w, 'remark', { ...late, remarkText: 'too late' }, 'en-US')).value).toContain('The deadline passed on 24 February 2026, 23:59.');
    expect(w.backend.remarks).toHaveLength(0);
    expect(w.backend.answers.size).toBe(0);
  });

  it('the Action.Submit fallback runs the same action and answers in the chat', async () => {
    const replies = await turn(w, { type: 'message', locale: 'da-DK', value: { verb: 'apologies', ...reminder('agenda_sent') } });
    expect(allText(cardOf(replies[0]))).toContain('Du har meldt afbud');
    const late = await turn(w, { type: 'message', locale: 'en-US', value: { verb: 'attend', meetingId: 'm0', forumId: 'f1' } });
    expect(late[0]?.text).toContain('The deadline passed on 9 February 2026');
  });
});
