/**
 * The emulator itself: loud on anything it does not know, Graph-like where our
 * adapter depends on it (transactionId dedupe, subscriptions handshake), faults over
 * HTTP, the read-only page, and the file-backed state.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph/server.js';
import { meetingSpec, SECRETARY, setUp, TEAM } from './graph.fixture.js';

const auth = { Authorization: 'Bearer test-token' };
const jsonHeaders = { ...auth, 'Content-Type': 'application/json' };

describe('graph emulator', () => {
  const open: GraphEmulator[] = [];
  const start = async (...a: Parameters<typeof startGraphEmulator>) => {
    const e = await startGraphEmulator(...a);
    open.push(e);
    return e;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()));
  });

  it('answers unknown routes with 501 and records a failure (never a silent 200)', async () => {
    const emu = await start();
    const r1 = await fetch(`${emu.graphBaseUrl}/me/drive/recent`, { headers: auth });
    const r2 = await fetch(`${emu.graphBaseUrl}/teams/t/channels/c/completeMigration`, { method: 'POST', headers: jsonHeaders, body: '{}' });
    const r3 = await fetch(`${emu.url}/beta/users`, { headers: auth });
    expect([r1.status, r2.status, r3.status]).toEqual([501, 501, 501]);
    expect(emu.failures.map((f) => f.kind)).toEqual(['unknown-route', 'unknown-route', 'unknown-route']);
  });

  it('answers contract violations with 400 and records them, also inside $batch', async () => {
    const emu = await start();
    const bad = await fetch(`${emu.graphBaseUrl}/users/${SECRETARY}/events`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ subject: 'x', start: { dateTime: 5 } }) });
    expect(bad.status).toBe(400);
    const b = await fetch(`${emu.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/users/x/calendarView/delta' }, { id: '2', method: 'GET', url: '/nothing/here' }] }),
    });
    expect(b.status).toBe(200);
    const body = (await b.json()) as { responses: { id: string; status: number }[] };
    expect(body.responses.map((r) => r.status)).toEqual([400, 501]);
    expect(emu.failures.map((f) => [f.kind, f.batchId])).toEqual([['contract', undefined], ['contract', '1'], ['unknown-route', '2']]);
    const tooBig = await fetch(`${emu.graphBaseUrl}/$batch`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ requests: Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, method: 'GET', url: '/users/x' })) }) });
    expect(tooBig.status).toBe(400);
  });

  it('requires a Bearer token on Graph routes', async () => {
    const emu = await start();
    const r = await fetch(`${emu.graphBaseUrl}/users/x`);
    expect(r.status).toBe(401);
    expect(emu.failures[0]).toMatchObject({ kind: 'auth' });
  });

  it('dedupes event creation by transactionId, as Graph does', async () => {
    const { emu, graph, close } = await setUp();
    try {
      const body = { subject: 'Møde', start: { dateTime: '2027-03-02T13:00:00', timeZone: 'Romance Standard Time' }, end: { dateTime: '2027-03-02T15:00:00', timeZone: 'Romance Standard Time' }, transactionId: 'tx-1' };
      const post = () => fetch(`${emu.graphBaseUrl}/users/${SECRETARY}/events`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ id: string }>);
      const [a, b] = [await post(), await post()];
      expect(a.id).toBe(b.id);
      // Through the adapter: the emulator creates the event, then resets the connection, so the answer is
      // lost; the pipeline re-sends the POST with the same transactionId and Graph hands back the same event.
      emu.faults.add({ kind: 'reset-after', method: 'POST', route: '/users/{user-id}/events', times: 1 });
      const created = await graph.calendar.upsertEvent(meetingSpec(7));
      const posts = emu.requests.filter((r) => r.method === 'POST' && r.operation === 'POST /users/{user-id}/events' && r.url.includes(encodeURIComponent(SECRETARY)));
      expect(posts.map((p) => p.fault)).toEqual(['reset-after', undefined]);
      const tagged = Object.values(emu.state.mailboxes[SECRETARY]!.events).filter((e) => String(JSON.stringify(e.singleValueExtendedProperties)).includes('meeting-7'));
      expect(tagged.map((e) => e.id)).toEqual([created.eventId]);
      const again = await graph.calendar.upsertEvent(meetingSpec(7));
      expect(again).toMatchObject({ eventId: created.eventId, created: false });
      expect(Object.keys(emu.state.mailboxes[SECRETARY]!.events)).toHaveLength(2);
      expect(emu.failures).toEqual([]);
    } finally {
      await close();
    }
  });

  it('takes fault rules over HTTP and applies them with a seed', async () => {
    const emu = await start();
    const add = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seed: 42, rules: [{ kind: '429', route: '/users/{user-id}', retryAfterSeconds: 3, times: 1 }] }) });
    expect(add.status).toBe(201);
    emu.addUser({ id: 'u1', mail: 'u1@example.invalid' });
    const r1 = await fetch(`${emu.graphBaseUrl}/users/u1`, { headers: auth });
    expect(r1.status).toBe(429);
    expect(r1.headers.get('retry-after')).toBe('3');
    const r2 = await fetch(`${emu.graphBaseUrl}/users/u1`, { headers: auth });
    expect(r2.status).toBe(200);
    expect(emu.requests.map((r) => [r.status, r.fault])).toEqual([[429, '429'], [200, undefined]]);
    expect((await fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(emu.faults.list()).toEqual([]);
  });

  it('does the validationToken handshake for subscriptions and posts change notifications', async () => {
    const received: unknown[] = [];
    const receiver = http.createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const token = u.searchParams.get('validationToken');
      if (token) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return res.end(token);
      }
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push(JSON.parse(data));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    const port = (receiver.address() as { port: number }).port;
    const { emu, graph, close } = await setUp();
    try {
      const sub = await graph.subscriptions.subscribeToEvents({ mailbox: SECRETARY, notificationUrl: `http://127.0.0.1:${port}/api/graph/notifications`, clientState: 'secret-state', expiresAt: '2027-01-03T00:00:00Z' });
      expect(sub.subscriptionId).toBeTruthy();
      await graph.subscriptions.renew(sub.subscriptionId, '2027-01-05T00:00:00Z');
      const e = await graph.calendar.upsertEvent(meetingSpec(3));
      emu.outlook.moveEvent(SECRETARY, e.eventId, { dateTime: '2027-03-10T09:00:00', timeZone: 'Romance Standard Time' }, { dateTime: '2027-03-10T10:00:00', timeZone: 'Romance Standard Time' });
      for (let i = 0; i < 50 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(received).toHaveLength(2);
      expect(received[1]).toMatchObject({ value: [{ clientState: 'secret-state', changeType: 'updated', resourceData: { id: e.eventId } }] });
      await graph.subscriptions.remove(sub.subscriptionId);
      await graph.subscriptions.remove(sub.subscriptionId); // already gone: fine
      // A receiver that does not echo the token: Graph refuses the subscription.
      await expect(graph.subscriptions.subscribeToEvents({ mailbox: SECRETARY, notificationUrl: `${emu.url}/nowhere`, clientState: 's', expiresAt: '2027-01-03T00:00:00Z' })).rejects.toMatchObject({ kind: 'invalid', status: 400 });
      expect(emu.failures.filter((f) => f.kind !== 'unknown-route')).toEqual([]); // the /nowhere probe hit the emulator itself
    } finally {
      await close();
      receiver.close();
    }
  });

  it('renders a read-only, accessible page of channels, events and files, and the state as JSON', async () => {
    const { emu, graph, close } = await setUp();
    try {
      const ch = await graph.channels.ensureChannel({ teamId: TEAM, forumKey: 'f-9', name: 'Klynge-temagruppe for børn, unge og familien', membershipType: 'standard' });
      await graph.calendar.upsertEvent(meetingSpec(9, { subject: 'Temagruppemøde <marts>' }));
      const folder = await graph.files.ensureFolder(await graph.files.channelFolder(ch), '2027-03-10 Møde');
      await graph.files.upload({ folder, fileName: 'Dagsorden.docx', content: Buffer.from('x'), policy: 'replace' });
      const res = await fetch(`${emu.url}/`);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toMatch(/<html lang="da">/);
      expect(html).toContain('Klynge-temagruppe for børn, unge og familien');
      expect(html).toContain('Temagruppemøde &lt;marts&gt;'); // escaped
      expect(html).toContain('Formand, Medlem'); // attendees
      expect(html).toMatch(/ons\.? 10\. mar\.? 2027 13:00/); // start in Danish local time
      expect(html).toContain('Dagsorden.docx');
      expect(html).toMatch(/<caption>Teams-kanaler \(Teams channels\)<\/caption>/);
      expect(html).toMatch(/<th scope="col">Emne \(subject\)<\/th>/);
      expect(html).not.toMatch(/<form|<button|method="post"/i); // read-only
      const state = (await (await fetch(`${emu.url}/_emulator/state`)).json()) as { teams: Record<string, unknown> };
      expect(Object.keys(state.teams)).toEqual([TEAM]);
    } finally {
      await close();
    }
  });

  it('keeps its state in a data file across restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-emu-'));
    try {
      const dataFile = path.join(dir, 'state.json');
      const a = await startGraphEmulator({ dataFile });
      await fetch(`${a.graphBaseUrl}/teams/t1/channels`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ displayName: 'Forum A', membershipType: 'standard' }) });
      await a.close();
      const b = await start({ dataFile });
      expect(Object.values(b.state.teams.t1!.channels).map((c) => c.displayName)).toEqual(['Forum A']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses channel names Teams refuses (recorded as a Graph-rule failure)', async () => {
    const emu = await start();
    const r = await fetch(`${emu.graphBaseUrl}/teams/t1/channels`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ displayName: 'x'.repeat(51) }) });
    expect(r.status).toBe(400);
    expect(emu.failures[0]).toMatchObject({ kind: 'graph-rule' });
  });
});
