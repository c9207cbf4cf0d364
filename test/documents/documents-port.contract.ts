// The behaviour every DocumentsPort must have (local folder now, SharePoint later):
// call documentsPortContract('name', makeStore) from an adapter's spec.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ApprovedVersionLockedError, InvalidDocumentPathError, type DocumentMetadata, type DocumentsPort } from '../../src/usecases/ports/documents.port.js';

export const minutesMeta: DocumentMetadata = { kind: 'minutes', contentType: 'application/pdf', meetingId: 'm1', forumId: 'f1' };
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

export function documentsPortContract(name: string, make: () => Promise<{ store: DocumentsPort; dispose(): Promise<void> }>): void {
  describe(`DocumentsPort contract: ${name}`, () => {
    let store: DocumentsPort;
    let dispose: () => Promise<void>;
    const path = 'forums/ksg-midt/2020-05-06/Referat 4. møde.docx';
    beforeEach(async () => {
      ({ store, dispose } = await make());
    });
    afterEach(async () => {
      await dispose();
    });

    it('keeps every version and returns the latest by default', async () => {
      const a = await store.put(path, bytes('udkast 1'), minutesMeta);
      const b = await store.put(path, bytes('udkast 2'), minutesMeta);
      expect(a.version).toBe(1);
      expect(b).toEqual({ id: a.id, version: 2 });
      expect(text((await store.get(path))?.bytes)).toBe('udkast 2');
      expect(text((await store.get(path, 1))?.bytes)).toBe('udkast 1');
      const versions = await store.listVersions(path);
      expect(versions.map((v) => [v.version, v.size, v.path])).toEqual([
        [1, 8, path],
        [2, 8, path],
      ]);
      expect(versions[0]!.metadata).toEqual(minutesMeta);
      expect(await store.get('forums/ukendt.docx')).toBeUndefined();
      expect(await store.listVersions('forums/ukendt.docx')).toEqual([]);
      expect(await store.get(path, 9)).toBeUndefined();
    });

    it('never replaces approved minutes: a correction needs a reason and is a new version', async () => {
      await store.put(path, bytes('godkendt'), { ...minutesMeta, approved: true });
      await expect(store.put(path, bytes('ændret'), minutesMeta)).rejects.toBeInstanceOf(ApprovedVersionLockedError);
      await expect(store.put(path, bytes('ændret'), { ...minutesMeta, correctionReason: '  ' })).rejects.toMatchObject({ code: 'approved_version_locked', approvedVersion: 1 });
      const c = await store.put(path, bytes('rettet'), { ...minutesMeta, correctionReason: 'Stavefejl i punkt 3' });
      expect(c.version).toBe(2);
      expect(text((await store.get(path, 1))?.bytes)).toBe('godkendt');
      expect((await store.get(path))?.metadata.correctionReason).toBe('Stavefejl i punkt 3');
    });

    it('gives unique, gap-free versions to concurrent puts', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.put(path, bytes(`v${i}`), minutesMeta)));
      expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    });

    it('refuses paths that could escape the store', async () => {
      for (const bad of ['../ude.docx', 'a/../../b', '/etc/passwd', 'a\\b', 'a//b', './a', 'a/CON', 'a/b\u0000c', '']) {
        await expect(store.put(bad, bytes('x'), minutesMeta)).rejects.toBeInstanceOf(InvalidDocumentPathError);
      }
    });

    it('keeps a document and one nested below it apart', async () => {
      await store.put('a/b', bytes('b'), minutesMeta);
      await store.put('a/b/versions', bytes('nested'), minutesMeta);
      expect(text((await store.get('a/b'))?.bytes)).toBe('b');
      expect((await store.listVersions('a/b')).length).toBe(1);
      expect(text((await store.get('a/b/versions'))?.bytes)).toBe('nested');
    });
  });
}
