/**
 * TEST DOUBLE ONLY: a node:http server that mounts createBotEndpoint on
 * /api/messages with the in-memory ports and a small demo forum whose people have
 * the aadObjectIds of .m365agentsplayground.yml. Used by the Agents Playground
 * end-to-end test; the product mounts the same handler in its Fastify server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBotEndpoint } from '../bot.http.js';
import type { BotConfig } from '../bot.config.js';
import { MemoryBackend, MemoryConversationStore, MemoryDeliveryStore, MemoryDirectory } from './in-memory-ports.fixture.js';

export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-00000000d3a0';

export function demoBackend(now: () => string): MemoryBackend {
  const b = new MemoryBackend(now);
  b.people.set('p-mette', { personId: 'p-mette', displayName: 'Mette Sekretær', aad: '00000000-0000-0000-0000-000000000101', tenant: PLAYGROUND_TENANT });
  b.meetings.set('m1', {
    meetingId: 'm1', forumId: 'f1', forumName: 'Klyngestyregruppe Vest', title: '4. møde', date: '2026-12-10', start: '13:00', end: '15:00',
    location: 'Regionshuset', online: true, status: 'planned', answerDeadline: '2026-12-09T11:00:00Z', itemsCutoff: '2026-11-20T11:00:00Z',
  });
  b.tasks.set('t1', { taskId: 't1', forumName: 'Driftsforum Nord', title: 'Udkast til samarbejdsaftale', dueOn: '2026-12-01', status: 'open', assignee: 'p-mette' });
  return b;
}

export async function startBotServer(now: () => string = () => new Date().toISOString()) {
  const backend = demoBackend(now);
  const stores = { conversations: new MemoryConversationStore(), deliveries: new MemoryDeliveryStore(), directory: new MemoryDirectory() };
  const config: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };
  const endpoint = createBotEndpoint(config, backend, stores);
  const server: Server = createServer((req, res) => {
    if (req.url !== '/api/messages') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      void endpoint(
        { method: req.method, headers: req.headers, body: raw },
        {
          status: (c) => (res.statusCode = c),
          header: (k, v) => res.setHeader(k, v),
          send: (b) => res.end(typeof b === 'string' ? b : JSON.stringify(b)),
          end: () => res.end(),
        },
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    backend,
    stores,
    config,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
