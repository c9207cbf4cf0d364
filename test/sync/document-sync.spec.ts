/**
 * Documents -> SharePoint: a stored minutes version goes into the channel's folder,
 * in the meeting's subfolder, with metadata; a newer draft replaces it (the library
 * keeps versions), approved minutes are never overwritten (a correction goes up
 * beside them), a re-run makes no second file, and without the channel the job
 * fails visibly and is retried.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFolderDocumentsStore } from '../../src/adapters/documents/local-folder.store.js';
import { syncRepository } from '../../src/adapters/db/sync.repository.js';
import { documentPath, runDocumentSync } from '../../src/usecases/sync/document-sync.handler.js';
import { runForumSync } from '../../src/usecases/sync/forum-sync.handler.js';
import type { EmuDriveItem } from '../../emulator/graph/state.store.js';
import { backends } from '../support/db.js';
import { insertMeetings, meeting, syncFixture, type SyncFixture } from './sync.fixture.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(backends)('document sync ($name)', (backend) => {
  let f: SyncFixture;
  let dir: string;
  let documents: LocalFolderDocumentsStore;
  beforeAll(async () => {
    f = await syncFixture(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-docsync-'));
    documents = new LocalFolderDocumentsStore({ root: dir });
    await insertMeetings(f.db, [meeting('mtg-doc', 'midt-ksg', '2027-03-10', { title: 'Møde 2: budget/plan' }), meeting('mtg-nochannel', 'vest-ksg', '2027-03-11')]);
    await runForumSync(f.deps, { forumId: 'midt-ksg' });
  });
  afterAll(async () => {
    await f?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const deps = () => ({ ...f.deps, documents });
  const files = (): EmuDriveItem[] => Object.values(f.emu.state.drives).flatMap((d) => Object.values(d.items)).filter((i) => !i.isFolder);
  const text = (i: EmuDriveItem) => Buffer.from(i.contentBase64 ?? '', 'base64').toString();
  const put = (body: string, meta: Record<string, unknown> = {}) =>
    documents.put(documentPath('midt-ksg', 'mtg-doc', 'minutes'), Buffer.from(body), { kind: 'minutes', contentType: DOCX, fileName: 'referat.docx', forumId: 'midt-ksg', meetingId: 'mtg-doc', ...meta });

  it('uploads a minutes version into the meeting folder of the channel, with metadata', async () => {
    await put('referat v1');
    await runDocumentSync(deps(), { meetingId: 'mtg-doc', kind: 'minutes', version: 1 });
    expect(files()).toHaveLength(1);
    const [file] = files();
    expect(file).toMatchObject({ name: 'referat.docx', fields: expect.objectContaining({ Forum: 'KSG Midt', MeetingDate: '2027-03-10', DocumentType: 'Referat', Status: 'Udsendt' }) });
    const drive = Object.values(f.emu.state.drives).find((d) => d.items[file!.id])!;
    expect(drive.items[file!.parentId!]!.name).toBe('2027-03-10 Møde 2- budget-plan'); // SharePoint-safe name
    expect(text(file!)).toBe('referat v1');
  });

  it('replaces a draft with the approved version, then never overwrites the approved minutes', async () => {
    await put('referat v2 godkendt', { approved: true });
    await runDocumentSync(deps(), { meetingId: 'mtg-doc', kind: 'minutes', version: 2 });
    expect(files()).toHaveLength(1);
    expect(files()[0]).toMatchObject({ name: 'referat.docx', fields: expect.objectContaining({ Status: 'Godkendt' }) });
    expect(text(files()[0]!)).toBe('referat v2 godkendt');

    // Same length as the approved text on purpose: the approved file must not be mistaken for a lost upload of this one.
    await put('referat v3 rettelse', { correctionReason: 'Stavefejl i punkt 3' });
    await runDocumentSync(deps(), { meetingId: 'mtg-doc', kind: 'minutes', version: 3 });
    await runDocumentSync(deps(), { meetingId: 'mtg-doc', kind: 'minutes', version: 3 }); // a re-run finds its own upload
    const byName = new Map(files().map((i) => [i.name, i]));
    expect([...byName.keys()].sort()).toEqual(['referat (version 2).docx', 'referat.docx']);
    expect(text(byName.get('referat.docx')!)).toBe('referat v2 godkendt');
    expect(text(byName.get('referat (version 2).docx')!)).toBe('referat v3 rettelse');
    expect(byName.get('referat (version 2).docx')!.fields).toMatchObject({ Status: 'Rettelse', SamraadVersion: 3 });
    expect(await syncRepository(f.db.db).get('document', `mtg-doc:${documentPath('midt-ksg', 'mtg-doc', 'minutes')}:v3`)).toMatchObject({ status: 'synced', remoteId: byName.get('referat (version 2).docx')!.id });
    expect(f.emu.failures).toEqual([]);
  });

  it('fails visibly (and is retried) while the forum has no channel yet', async () => {
    await documents.put(documentPath('vest-ksg', 'mtg-nochannel', 'minutes'), Buffer.from('x'), { kind: 'minutes', contentType: DOCX, fileName: 'referat.docx' });
    await expect(runDocumentSync(deps(), { meetingId: 'mtg-nochannel', kind: 'minutes', version: 1 })).rejects.toThrow(/channel is not synced yet/);
    expect(await syncRepository(f.db.db).get('document', `mtg-nochannel:${documentPath('vest-ksg', 'mtg-nochannel', 'minutes')}:v1`)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('not synced yet'), forumId: 'vest-ksg' });
  });
});
