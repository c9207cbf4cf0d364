/**
 * The sent agenda in SharePoint, through the whole server in emulator mode (what
 * `npm start` runs): sending the agenda stores its DOCX and queues the document
 * sync in one transaction; the job puts dagsorden.docx into the meeting's subfolder
 * of the forum channel's files folder with the metadata columns. A failed upload
 * shows as failed and is queued again from the status API; a re-run uploads nothing
 * more (one library version per sent version), a second sending replaces the file
 * (the library keeps the first), and a late re-run of the first version does not
 * overwrite the second.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workflowRepository } from '../../src/adapters/db/workflow.repository.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syncModule } from '../../src/entry/sync.module.js';
import { workflowModule } from '../../src/entry/workflow.module.js';
import { documentPath } from '../../src/usecases/sync/document-sync.handler.js';
import type { EmulatorState, EmuDriveItem } from '../../emulator/graph/state.store.js';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const meetingId = 'mtg-midt-ksg-2027-1';
const forumId = 'midt-ksg';
const secretary = 'nina-hald';
const chair = 'gorm-ravn';
type DocRow = { documentId: string; status: string; attempts?: number; lastError?: string | null; detail?: Record<string, unknown> };
type View = { emulatorUrl: string; forums: { forumId: string; channel: { status: string }; documents: DocRow[] }[] };

describe.each(backends)('the sent agenda in the forum channel files ($name)', (backend) => {
  let app: TestApp;
  let dataDir: string;
  let now = new Date('2027-01-20T09:00:00Z');
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-agenda-sync-'));
    app = await startTestApp(backend, {
      modules: [workflowModule(), syncModule({ emulatorDataFile: null })],
      env: { GRAPH_MODE: 'emulator', GRAPH_EMULATOR_PORT: '0', DATA_DIR: dataDir },
      clock: { now: () => now },
    });
  });
  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, url: string, as: string, body?: unknown) => {
    const r = await fetch(app.url + url, { method, headers: { ...app.as(as), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };
  const view = async (): Promise<View> => call('GET', '/api/sync/status', secretary);
  const docRow = async (version: number): Promise<DocRow | undefined> =>
    (await view()).forums.find((f) => f.forumId === forumId)!.documents.find((d) => d.documentId === `${meetingId}:${documentPath(forumId, meetingId, 'agenda')}:v${version}`);
  const waitFor = async <T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> => {
    const until = Date.now() + ms;
    let v = await get();
    while (!ok(v)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
      await sleep(100);
      v = await get();
    }
    return v;
  };
  let emulatorUrl = '';
  const state = async (): Promise<EmulatorState> => (await fetch(`${emulatorUrl}/_emulator/state`)).json() as Promise<EmulatorState>;
  const agendaFiles = async (): Promise<{ file: EmuDriveItem; folder: EmuDriveItem }[]> => {
    const s = await state();
    return Object.values(s.drives).flatMap((d) =>
      Object.values(d.items)
        .filter((i) => !i.isFolder && i.name.startsWith('dagsorden'))
        .map((file) => ({ file, folder: d.items[file.parentId!]! })),
    );
  };
  const text = (i: EmuDriveItem) => Buffer.from(i.contentBase64 ?? '', 'base64');

  it('uploads the sent agenda (DOCX) into the meeting subfolder with its metadata, once', async () => {
    emulatorUrl = (await view()).emulatorUrl;
    await waitFor('the forum channel', async () => (await view()).forums.find((f) => f.forumId === forumId)!.channel.status, (s) => s === 'synced');
    await call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på sundhedsaftalen', kind: 'discussion', presenters: ['Nina Hald'], minutes: 20, background: 'Status.', recommendations: ['At status drøftes'] });
    await call('POST', `/api/meetings/${meetingId}/agenda/approve`, chair);
    // The first upload attempts of the agenda fail (503 on every try the Graph client makes), so the job fails.
    const fault = await fetch(`${emulatorUrl}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules: [{ kind: '503', method: 'PUT', pathRegex: 'dagsorden\\.docx:/content$', times: 6 }] }) });
    expect(fault.status).toBe(201);
    expect(await call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).toMatchObject({ version: 1 });

    const failed = await waitFor('the failed upload', () => docRow(1), (d) => d?.status === 'failed' || d?.status === 'synced');
    expect(failed).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/503|transient|unavailable/i) });
    expect(await agendaFiles()).toEqual([]);
    // The secretariat queues it again (the queue would also retry it by itself after a while).
    const retry = await fetch(`${app.url}/api/sync/retry`, { method: 'POST', headers: { ...app.as(secretary), 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'document', id: failed!.documentId }) });
    expect(retry.status).toBe(202);
    const synced = await waitFor('the upload', () => docRow(1), (d) => d?.status === 'synced');
    expect(synced!.detail).toMatchObject({ meetingId, version: 1, name: 'dagsorden.docx' });

    const files = await agendaFiles();
    expect(files).toHaveLength(1);
    const { file, folder } = files[0]!;
    expect(folder.name).toMatch(/^2027-02-11 /);
    expect(file.name).toBe('dagsorden.docx');
    expect(text(file).subarray(0, 2).toString()).toBe('PK'); // a DOCX (zip)
    expect(file.fields).toMatchObject({ Forum: expect.any(String), MeetingDate: '2027-02-11', DocumentType: 'Dagsorden', Status: 'Udsendt', SamraadVersion: 1, SamraadVersionKey: `${documentPath(forumId, meetingId, 'agenda')}#v1` });
    expect(file.versions.map((v) => v.id)).toEqual(['1.0']);
  });

  it('makes no second file or library version when the job runs again', async () => {
    // The queue's own retry of the failed job may still come: let it, then re-run the job once more by hand.
    await app.deps.queue.enqueue('m365.document-sync', { meetingId, kind: 'agenda', version: 1 });
    await sleep(500);
    await waitFor('the queue to drain', async () => (await app.deps.queue.findJobs('m365.document-sync', { queued: true })).length, (n) => n === 0);
    await sleep(1000);
    const files = await agendaFiles();
    expect(files).toHaveLength(1);
    expect(files[0]!.file.version).toBe(1);
    expect(files[0]!.file.versions.map((v) => v.id)).toEqual(['1.0']);
  });

  it('replaces the file with a second sending, and a late run of the first version leaves the second', async () => {
    now = new Date('2027-01-27T09:00:00Z');
    expect(await call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).toMatchObject({ version: 2 });
    await waitFor('the second upload', () => docRow(2), (d) => d?.status === 'synced');
    let files = await agendaFiles();
    expect(files).toHaveLength(1);
    expect(files[0]!.file).toMatchObject({ name: 'dagsorden.docx', version: 2, fields: expect.objectContaining({ SamraadVersion: 2, Status: 'Udsendt' }) });
    expect(files[0]!.file.versions.map((v) => v.id)).toEqual(['1.0', '2.0']); // the library keeps the first sending
    const second = text(files[0]!.file);

    await app.deps.queue.enqueue('m365.document-sync', { meetingId, kind: 'agenda', version: 1 });
    await sleep(500);
    await waitFor('the queue to drain', async () => (await app.deps.queue.findJobs('m365.document-sync', { queued: true })).length, (n) => n === 0);
    await sleep(1000);
    files = await agendaFiles();
    expect(files).toHaveLength(1);
    expect(files[0]!.file).toMatchObject({ version: 2, fields: expect.objectContaining({ SamraadVersion: 2 }) });
    expect(text(files[0]!.file).equals(second)).toBe(true);
    expect(await docRow(1)).toMatchObject({ status: 'synced', detail: expect.objectContaining({ supersededBy: 2 }) });
    expect((await (await fetch(`${emulatorUrl}/_emulator/failures`)).json()) as unknown[]).toEqual([]);
  });

  it('attaches the sent agenda to the Outlook event and links it from the body; the latest sending replaces the earlier', async () => {
    const eventOf = async () => {
      const s = await state();
      for (const m of Object.values(s.mailboxes)) {
        for (const e of Object.values(m.events)) {
          const tag = (e.singleValueExtendedProperties as { value: string }[] | undefined)?.some((p) => p.value === meetingId);
          if (tag) return { event: e, attachments: m.attachments?.[e.id] ?? [] };
        }
      }
      return undefined;
    };
    const second = text((await agendaFiles())[0]!.file);
    const found = await waitFor('the agenda on the event', eventOf, (x) => !!x && x.attachments.length === 1 && x.attachments[0]!.name === 'dagsorden-v2.docx');
    expect(found!.attachments[0]).toMatchObject({ name: 'dagsorden-v2.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(Buffer.from(found!.attachments[0]!.contentBytes, 'base64').equals(second)).toBe(true);
    expect(found!.event.hasAttachments).toBe(true);
    const body = String((found!.event.body as { content: string }).content);
    expect(body).toContain(`/offentlig/moeder/${meetingId}/dagsorden`);
    // The body lists the sent agenda's items (a closed item by that word only).
    const items = await workflowRepository(app.db.db).listItems(meetingId);
    expect(items.length).toBeGreaterThan(0);
    expect(body).toContain('Dagsorden (version 2)');
    for (const i of items) expect(body).toContain(i.closed ? 'Lukket punkt' : i.title.replaceAll('&', '&amp;'));
    // The sync again (a retried or repeated job): still one attachment, and the event is not written again.
    const writes = async () =>
      ((await (await fetch(`${emulatorUrl}/_emulator/requests`)).json()) as { method: string; url: string }[]).filter((r) => r.url.includes(String(found!.event.id)) && r.method !== 'GET').length;
    const writesBefore = await writes();
    await app.deps.queue.enqueue('m365.meeting-sync', { meetingId, change: 'agenda' });
    await sleep(500);
    await waitFor('the queue to drain', async () => (await app.deps.queue.findJobs('m365.meeting-sync', { queued: true })).length, (n) => n === 0);
    await sleep(1000);
    expect((await eventOf())!.attachments).toHaveLength(1);
    expect(await writes()).toBe(writesBefore);
    expect((await (await fetch(`${emulatorUrl}/_emulator/failures`)).json()) as unknown[]).toEqual([]);
  });
});
