import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFolderDocumentsStore } from '../../src/adapters/documents/local-folder.store.js';
import { documentsPortContract, minutesMeta } from './documents-port.contract.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

documentsPortContract('local folder', async () => {
  const root = await mkdtemp(join(tmpdir(), 'samraad-store-'));
  return { store: new LocalFolderDocumentsStore({ root }), dispose: () => rm(root, { recursive: true, force: true }) };
});

describe('LocalFolderDocumentsStore on disk', () => {
  let root: string;
  let store: LocalFolderDocumentsStore;
  const path = 'forums/ksg-midt/2020-05-06/Referat 4. møde.docx';
  const docDir = () => join(root, 'forums/ksg-midt/2020-05-06/Referat 4. møde.docx.d');
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'samraad-store-'));
    store = new LocalFolderDocumentsStore({ root, clock: { now: () => new Date('2020-05-12T08:00:00Z') } });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stamps versions with the injected clock and a stable id', async () => {
    const a = await store.put(path, bytes('x'), minutesMeta);
    expect((await store.listVersions(path))[0]).toMatchObject({ id: a.id, createdAt: '2020-05-12T08:00:00.000Z' });
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives unique versions to two store instances on one folder (two processes)', async () => {
    const other = new LocalFolderDocumentsStore({ root });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).put(path, bytes(`v${i}`), minutesMeta)));
    expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const all = await store.listVersions(path);
    expect(new Set(await Promise.all(all.map(async (v) => text((await store.get(path, v.version))!.bytes)))).size).toBe(20);
  });

  it('ignores what a crash leaves behind: a half temp file, an orphan blob', async () => {
    await store.put(path, bytes('hel'), minutesMeta);
    await writeFile(join(docDir(), 'tmp', 'crashed.json'), '{"version": 2, "half');
    await writeFile(join(docDir(), 'blobs', 'deadbeef'), 'orphan');
    expect((await store.listVersions(path)).map((v) => v.version)).toEqual([1]);
    expect((await store.put(path, bytes('næste'), minutesMeta)).version).toBe(2);
    // completed writes leave no temp files
    expect(await readdir(join(docDir(), 'tmp'))).toEqual(['crashed.json']);
  });

  it('detects bytes changed on disk behind its back', async () => {
    await store.put(path, bytes('original'), minutesMeta);
    const v = (await store.listVersions(path))[0]!;
    const blob = join(docDir(), 'blobs', v.sha256);
    expect(await readFile(blob, 'utf8')).toBe('original');
    await rm(blob);
    await writeFile(blob, 'tampered');
    await expect(store.get(path)).rejects.toThrow(/do not match their hash/);
  });

  it('writes nothing for a refused path', async () => {
    await expect(store.put('../ude.docx', bytes('x'), minutesMeta)).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });
});
