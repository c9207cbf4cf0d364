/**
 * Test helper: starts Microsoft 365 Agents Playground (the real package) on a
 * free port against a bot endpoint, and listens on its conversation WebSocket for
 * the bot's messages. Used by the bot's own end-to-end test and by the wiring test
 * against the whole server.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Ws = { on(ev: string, fn: (...a: unknown[]) => void): void; close(): void };
const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => Ws;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** The playground's signed-in user (first user of .m365agentsplayground.yml) and its personal chat. */
export const PLAYGROUND_ME = 'user-id-0';
export const PLAYGROUND_CHAT = '__PERSONAL_CHAT_ID__';

export type PlaygroundMessage = { messageId: string; from: { id: string }; text?: string; attachments?: { content: unknown }[] };

export type Playground = {
  /** http://127.0.0.1:<port> of the playground's internal interface. */
  base: string;
  /** Messages the bot has sent so far. */
  botMessages: PlaygroundMessage[];
  /** The bot's message number `after` (0-based), waiting up to the answer timeout. */
  nextBotMessage(after: number): Promise<PlaygroundMessage>;
  close(): void;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

export async function startPlayground(endpoint: string, opts: { logName: string; answerTimeoutMs: number }): Promise<Playground> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'), '-e', endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: root,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(root, '.m365agentsplayground.yml'),
        M365_AGENTS_PLAYGROUND_LOGFILE: join(tmpdir(), `${opts.logName}-${port}.log`),
      },
      stdio: 'ignore',
    },
  );
  const until = Date.now() + 45_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/_internal/v1/config`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until || child.exitCode !== null) {
      child.kill();
      throw new Error(`playground did not start (exit ${child.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }

  const botMessages: PlaygroundMessage[] = [];
  let waiters: (() => void)[] = [];
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', (e) => reject(e as Error));
  });
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { action?: string; message?: PlaygroundMessage };
    if (m.action === 'createMessage' && m.message && m.message.from.id !== PLAYGROUND_ME) {
      botMessages.push(m.message);
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    }
  });

  return {
    base,
    botMessages,
    async nextBotMessage(after) {
      const deadline = Date.now() + opts.answerTimeoutMs;
      while (botMessages.length <= after) {
        if (Date.now() > deadline) throw new Error('no answer from the bot through the playground');
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 500);
        });
      }
      return botMessages[after]!;
    },
    close() {
      ws.close();
      child.kill();
    },
  };
}
