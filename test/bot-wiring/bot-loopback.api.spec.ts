/**
 * With no bot id the endpoint accepts unauthenticated activities, but only from
 * this machine: the TCP peer decides, not the serviceUrl written in the body. A
 * forged activity sent over the machine's network address is refused before the
 * bot runs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import os from 'node:os';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botModule } from '../../src/entry/bot.module.js';
import type { BotConfig } from '../../bot/bot.config.js';

const embedded: BotConfig = { production: false, botId: '', botTenantId: '', botType: 'UserAssignedMSI', serviceUrlHosts: [], allowedTenantIds: [], teamsAppId: '', tabEntityId: 'samraad' };

function networkAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  throw new Error('this machine has no non-loopback IPv4 address to test from');
}

describe('bot endpoint without a bot id', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backends[0]!, { modules: [botModule({ config: embedded, planCron: null })], env: { HOST: '0.0.0.0' } });
  });
  afterAll(async () => app.close());

  const forged = {
    type: 'message',
    id: 'forged-1',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1',
    from: { id: 'user-x', aadObjectId: '00000000-0000-0000-0000-000000000101' },
    recipient: { id: 'bot' },
    conversation: { id: 'conv-forged', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-00000000d3a0' },
    text: 'næste møde',
  };

  it('refuses an unauthenticated activity that arrives from another host, whatever its serviceUrl says', async () => {
    const port = new URL(app.url).port;
    const r = await fetch(`http://${networkAddress()}:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
