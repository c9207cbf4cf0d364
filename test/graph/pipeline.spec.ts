/** Pipeline behaviour end to end: logs without secrets, upload sessions that survive lost answers. */
import { describe, expect, it } from '@jest/globals';
import { createGraphAdapter, staticTokenProvider } from '../../src/adapters/graph/graph.adapter.js';
import { createConcurrencyLimiter } from '../../src/adapters/graph/concurrency.limiter.js';
import { startGraphEmulator } from '../../emulator/graph/server.js';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

describe('Graph pipeline', () => {
  it('logs calls and retries without tokens', async () => {
    const emu = await startGraphEmulator();
    try {
      const lines: string[] = [];
      const sink = (o: Record<string, unknown>, m?: string) => lines.push(JSON.stringify([o, m]));
      const graph = createGraphAdapter({ baseUrl: emu.graphBaseUrl, tokenProvider: staticTokenProvider(TOKEN), tenantId: 't', limiter: createConcurrencyLimiter(2), logger: { debug: sink, info: sink, warn: sink, error: sink } });
      emu.faults.add({ kind: '429', route: 'uploadUrl', times: 1, retryAfterSeconds: 0 });
      emu.faults.add({ kind: '503', route: '/teams/{team-id}/channels', method: 'POST', times: 1 });
      const ch = await graph.channels.ensureChannel({ teamId: 'team', forumKey: 'f', name: 'Forum', membershipType: 'standard' });
      const folder = await graph.files.channelFolder(ch);
      await graph.files.upload({ folder, fileName: 'Stor.pdf', content: Buffer.alloc(4 * 1024 * 1024 + 10), policy: 'replace' });
      const text = lines.join('\n');
      expect(lines.length).toBeGreaterThan(5);
      expect(text).toMatch(/graph call will be retried/); // the 503 and the upload 429 were logged
      expect(text).not.toContain(TOKEN);
      expect(text).not.toMatch(/tempauth=emulator-/);
      expect(emu.requests.filter((r) => r.operation === 'PUT uploadUrl').length).toBeGreaterThanOrEqual(3);
      expect(emu.failures).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it('resumes an upload session when a fragment arrived but its answer was lost', async () => {
    const emu = await startGraphEmulator();
    try {
      const graph = createGraphAdapter({ baseUrl: emu.graphBaseUrl, tokenProvider: staticTokenProvider(), tenantId: 't', limiter: createConcurrencyLimiter(2), files: { fragmentSize: 320 * 1024 } });
      const ch = await graph.channels.ensureChannel({ teamId: 'team', forumKey: 'f', name: 'Forum', membershipType: 'standard' });
      const folder = await graph.files.channelFolder(ch);
      emu.faults.add({ kind: 'reset-after', route: 'uploadUrl', times: 2, probability: 0.5 });
      const content = Buffer.from(Array.from({ length: 5 * 1024 * 1024 }, (_, i) => i % 251));
      const stored = await graph.files.upload({ folder, fileName: 'Bilag.pdf', content, policy: 'replace' });
      const item = emu.state.drives[folder.driveId]!.items[stored.itemId]!;
      expect(Buffer.from(item.contentBase64!, 'base64').equals(content)).toBe(true);
      expect(emu.requests.filter((r) => r.fault === 'reset-after')).toHaveLength(2);
      expect(emu.failures).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
