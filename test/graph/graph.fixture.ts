/** Shared set-up for the Graph tests: an emulator plus the real adapter pointed at it. */
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from '../../emulator/graph/server.js';
import { createGraphAdapter, staticTokenProvider, type GraphAdapter, type GraphAdapterOptions } from '../../src/adapters/graph/graph.adapter.js';
import { createConcurrencyLimiter } from '../../src/adapters/graph/concurrency.limiter.js';
import type { GraphLogger } from '../../src/adapters/graph/redact.logger.js';

export const SECRETARY = 'sekretariat@region.example';
export const TEAM = 'team-hovedstaden';

export type LogLine = { level: string; obj: Record<string, unknown>; msg?: string };

export async function setUp(
  emuOpts: GraphEmulatorOptions = {},
  adapterOpts: Partial<GraphAdapterOptions> = {},
): Promise<{ emu: GraphEmulator; graph: GraphAdapter; logs: LogLine[]; close: () => Promise<void> }> {
  const emu = await startGraphEmulator({
    users: [
      { id: '11111111-0000-0000-0000-000000000001', mail: SECRETARY, displayName: 'Sekretariatet' },
      { id: '11111111-0000-0000-0000-000000000002', mail: 'formand@kommune.example', displayName: 'Formand' },
      { id: '11111111-0000-0000-0000-000000000003', mail: 'medlem@region.example', displayName: 'Medlem' },
    ],
    ...emuOpts,
  });
  const logs: LogLine[] = [];
  const logger: GraphLogger = {
    debug: (obj, msg) => logs.push({ level: 'debug', obj, ...(msg ? { msg } : {}) }),
    info: (obj, msg) => logs.push({ level: 'info', obj, ...(msg ? { msg } : {}) }),
    warn: (obj, msg) => logs.push({ level: 'warn', obj, ...(msg ? { msg } : {}) }),
    error: (obj, msg) => logs.push({ level: 'error', obj, ...(msg ? { msg } : {}) }),
  };
  const graph = createGraphAdapter({
    baseUrl: emu.graphBaseUrl,
    tokenProvider: staticTokenProvider(),
    tenantId: 'tenant-test',
    concurrency: 4,
    logger,
    limiter: createConcurrencyLimiter(adapterOpts.concurrency ?? 4),
    ...adapterOpts,
  });
  return { emu, graph, logs, close: () => emu.close() };
}

export function meetingSpec(i: number, overrides: Record<string, unknown> = {}) {
  const day = String(1 + (i % 27)).padStart(2, '0');
  return {
    mailbox: SECRETARY,
    meetingId: `meeting-${i}`,
    subject: `Møde ${i} i Styregruppen for sundhedsaftalen`,
    start: `2027-03-${day}T13:00:00+01:00`,
    end: `2027-03-${day}T15:00:00+01:00`,
    timeZone: 'Europe/Copenhagen',
    location: 'Regionsgården',
    bodyHtml: `<p>Dagsorden: https://samraad.example/meetings/${i}</p>`,
    attendees: [
      { email: 'formand@kommune.example', name: 'Formand' },
      { email: 'medlem@region.example', name: 'Medlem', optional: i % 2 === 0 },
    ],
    onlineMeeting: true,
    ...overrides,
  };
}
