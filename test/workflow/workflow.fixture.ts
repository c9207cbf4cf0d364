/**
 * A test server with the workflow module, a settable clock, a documents folder
 * of its own, and a fresh meeting of the Midtklyngen cluster steering group.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { workflowModule } from '../../src/entry/workflow.module.js';
import type { Meeting } from '../../src/domain/meetings/meeting.model.js';
import type { AppModule } from '../../src/entry/app.js';
import type { Backend } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';

export const forumId = 'midt-ksg';
export const secretary = 'nina-hald';
export const coChair = 'gorm-ravn';
export const member = 'pia-strand';
export const member2 = 'lise-brandt';
export const member3 = 'kasper-toft';
/** A member of forums in the west cluster only: no role in midt-ksg and no secretariat role anywhere. */
export const outsider = 'hanne-eg';

export type SettableClock = { now(): Date; set(iso: string): void };
export function settableClock(start: string): SettableClock {
  let t = new Date(start);
  return { now: () => new Date(t), set: (iso) => (t = new Date(iso)) };
}

export type WorkflowTestApp = TestApp & { clock: SettableClock; documentsRoot: string; module: ReturnType<typeof workflowModule>; call(method: string, url: string, as?: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string; headers: Record<string, unknown>; raw: Buffer }> };

/** `modules` builds the server's module list around the fixture's workflow module (default: that module alone). */
export async function startWorkflowApp(
  backend: Backend,
  start = '2027-02-01T09:00:00Z',
  opts: { modules?: (workflow: AppModule) => AppModule[] | Promise<AppModule[]>; env?: Record<string, string> } = {},
): Promise<WorkflowTestApp> {
  const clock = settableClock(start);
  const documentsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-wf-docs-'));
  const module = workflowModule({ documentsRoot });
  const modules = opts.modules ? await opts.modules(module) : [module];
  const app = await startTestApp(backend, { modules, clock, ...(opts.env ? { env: opts.env } : {}) });
  const call: WorkflowTestApp['call'] = async (method, url, as, body, headers = {}) => {
    // fetch, not server.inject: light-my-request needs an ESM-only package jest cannot require.
    const r = await fetch(app.url + url, {
      method,
      headers: { ...(as ? app.as(as) : {}), ...(body !== undefined && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body) } : {}),
    });
    const raw = Buffer.from(await r.arrayBuffer());
    const text = raw.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: r.status, body: parsed, text, headers: Object.fromEntries(r.headers.entries()), raw };
  };
  const close = app.close.bind(app);
  return Object.assign(app, {
    clock,
    documentsRoot,
    module,
    call,
    async close() {
      await close();
      fs.rmSync(documentsRoot, { recursive: true, force: true });
    },
  });
}

let n = 0;
export async function createMeeting(app: TestApp, over: Partial<Meeting> = {}): Promise<Meeting> {
  n += 1;
  const m: Meeting = { id: `wf-mtg-${n}-${Math.random().toString(36).slice(2, 8)}`, forumId, date: '2027-03-10', start: '13:00', end: '15:30', location: 'Regionshuset Viborg, lokale 2', online: false, kind: 'ordinary', status: 'planned', sequence: 1, revision: 1, ...over };
  await meetingsRepository(app.deps.database.db).insertMeeting(m);
  return m;
}
