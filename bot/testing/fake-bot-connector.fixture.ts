/**
 * TEST DOUBLE ONLY: a local fake of the Bot Connector service
 * (POST /v3/conversations/{id}/activities). It enforces Teams' documented send
 * limits on what it receives (per conversation 7/1 s, 8/2 s, 60/30 s, 1800/1 h; per
 * tenant 50/1 s), answering 429 + Retry-After and counting a violation when they are
 * exceeded, injects extra 429s and permanent 502s on demand, and counts every
 * delivered card by (conversation, reminder key). Anything else is a 404 and is
 * counted as an unknown route: a fake must fail loudly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DispatchClock } from '../dispatch/dispatch.clock.js';
import { teamsConversationWindows, teamsTenantWindows, type RateWindow } from '../dispatch/rate-limiter.js';

export type FakeConnectorOptions = {
  clock: DispatchClock;
  /** Probability of an injected 429 (Retry-After 1 s) per request. */
  inject429?: number;
  /** Conversations that always answer 502. */
  broken?: Set<string>;
  seed?: number;
  tenantOf?: (conversationId: string) => string;
};

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function keyOf(activity: Record<string, unknown>): string | undefined {
  const content = (activity.attachments as { content?: Record<string, unknown> }[] | undefined)?.[0]?.content;
  if (!content) return undefined;
  const refresh = (content.refresh as { action?: { data?: { key?: string } } } | undefined)?.action?.data?.key;
  if (refresh) return refresh;
  const actions = (content.actions as { id?: string; data?: { key?: string } }[] | undefined) ?? [];
  for (const a of actions) if (a.data?.key) return a.data.key;
  // A notice card without buttons names its notice in the id of its open action.
  for (const a of actions) if (a.id?.startsWith('open|')) return a.id.slice('open|'.length);
  return undefined;
}

export class FakeBotConnector {
  readonly delivered = new Map<string, number>();
  /** The card content last delivered per "<conversation>|<key>", as Teams would show it. */
  readonly lastCard = new Map<string, Record<string, unknown>>();
  readonly arrivals = new Map<string, number[]>();
  readonly tenantArrivals = new Map<string, number[]>();
  violations = 0;
  conversationViolations = 0;
  injected429 = 0;
  answered502 = 0;
  unknownRoutes = 0;
  requests = 0;
  private server?: Server;
  private readonly random: () => number;

  constructor(private readonly o: FakeConnectorOptions) {
    this.random = mulberry32(o.seed ?? 42);
  }

  private exceeds(log: number[], windows: readonly RateWindow[], now: number): boolean {
    return windows.some((w) => {
      let n = 0;
      for (let i = log.length - 1; i >= 0 && log[i]! > now - w.perMs; i--) n++;
      return n > w.max;
    });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests++;
        const m = /^\/v3\/conversations\/([^/]+)\/activities$/.exec(req.url ?? '');
        if (req.method !== 'POST' || !m?.[1]) {
          this.unknownRoutes++;
          res.writeHead(404).end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${req.url}` } }));
          return;
        }
        const conversationId = decodeURIComponent(m[1]);
        const now = this.o.clock.now();
        const tenant = this.o.tenantOf?.(conversationId) ?? 'tenant';
        const conv = this.arrivals.get(conversationId) ?? [];
        this.arrivals.set(conversationId, conv);
        const ten = this.tenantArrivals.get(tenant) ?? [];
        this.tenantArrivals.set(tenant, ten);
        conv.push(now);
        ten.push(now);
        const convOver = this.exceeds(conv, teamsConversationWindows, now);
        if (convOver || this.exceeds(ten, teamsTenantWindows, now)) {
          this.violations++;
          if (convOver) this.conversationViolations++;
          res.writeHead(429, { 'retry-after': '1' }).end();
          return;
        }
        if (this.o.broken?.has(conversationId)) {
          this.answered502++;
          res.writeHead(502).end();
          return;
        }
        if (this.random() < (this.o.inject429 ?? 0)) {
          this.injected429++;
          res.writeHead(429, { 'retry-after': '1' }).end();
          return;
        }
        let activity: Record<string, unknown>;
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          res.writeHead(400).end();
          return;
        }
        const key = keyOf(activity);
        if (activity.type !== 'message' || !key) {
          res.writeHead(400).end(JSON.stringify({ error: { code: 'BadArgument', message: 'no card key' } }));
          return;
        }
        const k = `${conversationId}|${key}`;
        this.delivered.set(k, (this.delivered.get(k) ?? 0) + 1);
        const content = (activity.attachments as { content?: Record<string, unknown> }[] | undefined)?.[0]?.content;
        if (content) this.lastCard.set(k, content);
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `msg-${this.requests}` }));
      });
    });
    // Long keep-alive: a socket closed by the fake while the client reuses it would be a fake-made network error.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** Highest number of arrivals in any window of `perMs`, over every log in `logs`. */
  static maxInWindow(logs: Iterable<number[]>, perMs: number): number {
    let max = 0;
    for (const log of logs) {
      let lo = 0;
      for (let hi = 0; hi < log.length; hi++) {
        while (log[hi]! - log[lo]! >= perMs) lo++;
        max = Math.max(max, hi - lo + 1);
      }
    }
    return max;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server?.closeAllConnections();
    await closed;
  }
}
