/**
 * FilesPort on Graph: the channel's SharePoint folder, one subfolder per meeting,
 * uploads and metadata columns.
 *
 * Uploads up to `simpleUploadLimit` (4 MB, Graph's simple-upload limit) are one PUT
 * by path; larger ones use an upload session, sent in 320 KiB-multiple fragments to
 * the opaque upload URL without Authorization (as Graph requires), resuming from
 * the server's nextExpectedRanges after a lost response.
 *
 * "replace" with a `versionKey`: when the file already carries that key (its upload
 * completed and the metadata was written), a re-run takes it without uploading again,
 * so the library gets no duplicate version. A lost answer to the upload itself still
 * means one more identical version on the re-run (the key is written after the upload).
 *
 * "never-overwrite" (approved minutes): the file is written with
 * conflictBehavior=fail, under "<name> (version N)<ext>" when the name is taken. Its
 * `versionKey` goes into a metadata column right after the upload, so a re-run finds
 * its own upload instead of making another version. Doubtful spot: a crash between
 * the upload and the metadata write leaves a file without the key; a re-run adopts
 * such a file only if its size equals ours.
 */
import { M365Error, type FileRef, type FilesPort, type FolderRef, type MetadataValue, type StoredFile, type UploadSpec } from '../../usecases/ports/m365.port.js';
import { toM365Error, type GraphHttp } from './graph.pipeline.js';

type DriveItem = { id: string; name: string; webUrl?: string; eTag?: string; size?: number; parentReference?: { driveId?: string }; folder?: unknown; malware?: { description?: string | null } | null };

const enc = encodeURIComponent;
const FRAGMENT_UNIT = 320 * 1024;

/** SharePoint refuses " * : < > ? / \ | in names, and leading/trailing spaces or dots. */
export function sanitizeItemName(name: string): string {
  const s = name.replace(/["*:<>?/\\|#%]/g, '-').replace(/\s+/g, ' ').trim().replace(/^[.~]+|\.+$/g, '');
  if (!s) throw new M365Error({ kind: 'invalid', message: `"${name}" is not a usable file or folder name` });
  return s;
}

export function versionedName(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (version ${n})${name.slice(dot)}` : `${name} (version ${n})`;
}

export type FilesOptions = { simpleUploadLimit?: number; fragmentSize?: number; versionKeyField?: string };

export function createGraphFiles(http: GraphHttp, o: FilesOptions = {}): FilesPort {
  const simpleLimit = o.simpleUploadLimit ?? 4 * 1024 * 1024;
  const fragment = o.fragmentSize ?? 10 * FRAGMENT_UNIT;
  if (fragment % FRAGMENT_UNIT !== 0) throw new Error('fragmentSize must be a multiple of 320 KiB');
  const keyField = o.versionKeyField ?? 'SamraadVersionKey';

  const itemByPath = async (folder: FolderRef, name: string): Promise<DriveItem | null> => {
    const r = await http.request<DriveItem>({ method: 'GET', path: `/drives/${enc(folder.driveId)}/items/${enc(folder.itemId)}:/${enc(name)}` });
    if (r.status === 404) return null;
    if (r.status !== 200) throw toM365Error({ method: 'GET', path: '/drives/{drive}/items/{item}:/{name}' }, r);
    return r.body;
  };
  const stored = (driveId: string, i: DriveItem, created: boolean, reusedExisting: boolean): StoredFile => ({
    driveId,
    itemId: i.id,
    name: i.name,
    webUrl: i.webUrl ?? null,
    eTag: i.eTag ?? null,
    size: i.size ?? 0,
    created,
    reusedExisting,
  });
  const fields = async (file: FileRef): Promise<Record<string, unknown>> =>
    (await http.json<Record<string, unknown>>({ method: 'GET', path: `/drives/${enc(file.driveId)}/items/${enc(file.itemId)}/listItem/fields` })).body;
  const setMetadata = async (file: FileRef, values: Record<string, MetadataValue>): Promise<void> => {
    await http.json({ method: 'PATCH', path: `/drives/${enc(file.driveId)}/items/${enc(file.itemId)}/listItem/fields`, body: values });
  };

  /** Returns null when conflictBehavior=fail met an existing name. */
  const put = async (folder: FolderRef, name: string, content: Buffer, contentType: string, behavior: 'replace' | 'fail'): Promise<{ item: DriveItem; created: boolean } | null> => {
    const base = `/drives/${enc(folder.driveId)}/items/${enc(folder.itemId)}:/${enc(name)}:`;
    if (content.length <= simpleLimit) {
      const r = await http.request<DriveItem>({ method: 'PUT', path: `${base}/content?@microsoft.graph.conflictBehavior=${behavior}`, body: content, headers: { 'Content-Type': contentType } });
      if (r.status === 409 && behavior === 'fail') return null;
      if (r.status !== 200 && r.status !== 201) throw toM365Error({ method: 'PUT', path: '/drives/{drive}/items/{item}:/{name}:/content' }, r);
      return { item: r.body, created: r.status === 201 };
    }
    const s = await http.request<{ uploadUrl: string }>({ method: 'POST', path: `${base}/createUploadSession`, body: { item: { '@microsoft.graph.conflictBehavior': behavior, name } } });
    if (s.status === 409 && behavior === 'fail') return null;
    if (s.status !== 200) throw toM365Error({ method: 'POST', path: '/drives/{drive}/items/{item}:/{name}:/createUploadSession' }, s);
    const url = s.body.uploadUrl;
    let offset = 0;
    for (;;) {
      const end = Math.min(offset + fragment, content.length);
      const res = await http.fetchOpaque(url, {
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${offset}-${end - 1}/${content.length}` },
        body: content.subarray(offset, end),
      });
      const text = await res.text();
      const body = (text ? JSON.parse(text) : {}) as { nextExpectedRanges?: string[] } & DriveItem;
      if (res.status === 200 || res.status === 201) return { item: body, created: res.status === 201 };
      if (res.status === 202) {
        offset = Number(/^(\d+)-/.exec(body.nextExpectedRanges?.[0] ?? '')?.[1] ?? end);
        continue;
      }
      if (res.status === 409 && behavior === 'fail') return null;
      if (res.status === 416) {
        // The fragment arrived but its answer was lost: ask where to continue.
        const st = await http.fetchOpaque(url, { method: 'GET', headers: {} });
        const info = (await st.json()) as { nextExpectedRanges?: string[] };
        const next = /^(\d+)-/.exec(info.nextExpectedRanges?.[0] ?? '')?.[1];
        if (st.status !== 200 || next === undefined) throw new M365Error({ kind: 'transient', message: `upload session lost its place (${st.status})` });
        offset = Number(next);
        continue;
      }
      if (res.status === 404 && end === content.length) {
        // The session is gone after the last fragment: it probably completed and only the answer was lost.
        const done = await itemByPath(folder, name);
        if (done && done.size === content.length) return { item: done, created: false };
      }
      throw new M365Error({ kind: res.status === 404 ? 'transient' : 'unknown', status: res.status, message: `upload fragment answered ${res.status}` });
    }
  };

  return {
    async channelFolder(ref) {
      const r = await http.json<DriveItem>({ method: 'GET', path: `/teams/${enc(ref.teamId)}/channels/${enc(ref.channelId)}/filesFolder` });
      const driveId = r.body.parentReference?.driveId;
      if (!driveId) throw new M365Error({ kind: 'unknown', message: 'filesFolder without parentReference.driveId' });
      return { driveId, itemId: r.body.id, webUrl: r.body.webUrl ?? null };
    },

    async ensureFolder(parent, rawName) {
      const name = sanitizeItemName(rawName);
      const found = await itemByPath(parent, name);
      if (found) {
        if (!found.folder) throw new M365Error({ kind: 'conflict', message: `${name} exists and is not a folder` });
        return { driveId: parent.driveId, itemId: found.id, webUrl: found.webUrl ?? null };
      }
      const r = await http.request<DriveItem>({
        method: 'POST',
        path: `/drives/${enc(parent.driveId)}/items/${enc(parent.itemId)}/children`,
        body: { name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
      });
      if (r.status === 201 || r.status === 200) return { driveId: parent.driveId, itemId: r.body.id, webUrl: r.body.webUrl ?? null };
      if (r.status === 409) {
        const again = await itemByPath(parent, name);
        if (again?.folder) return { driveId: parent.driveId, itemId: again.id, webUrl: again.webUrl ?? null };
      }
      throw toM365Error({ method: 'POST', path: '/drives/{drive}/items/{item}/children' }, r);
    },

    async upload(spec: UploadSpec) {
      const name = sanitizeItemName(spec.fileName);
      const content = Buffer.from(spec.content.buffer, spec.content.byteOffset, spec.content.byteLength);
      const contentType = spec.contentType ?? 'application/octet-stream';
      const driveId = spec.folder.driveId;
      if (spec.policy === 'replace') {
        if (spec.versionKey) {
          // A re-run (retry, re-delivered job) of an upload that completed: the file already carries our
          // key, so it is taken as it is instead of adding one more identical version to the library.
          const existing = await itemByPath(spec.folder, name);
          if (existing && !existing.folder && (await fields({ driveId, itemId: existing.id }))[keyField] === spec.versionKey) return stored(driveId, existing, false, true);
        }
        const r = (await put(spec.folder, name, content, contentType, 'replace'))!;
        return stored(driveId, r.item, r.created, false);
      }
      if (!spec.versionKey) throw new M365Error({ kind: 'invalid', message: 'never-overwrite needs a versionKey' });
      for (let n = 1; n <= 100; n++) {
        const candidate = versionedName(name, n);
        for (let look = 0; look < 2; look++) {
          const existing = await itemByPath(spec.folder, candidate);
          if (existing) {
            const f = await fields({ driveId, itemId: existing.id });
            if (f[keyField] === spec.versionKey) return stored(driveId, existing, false, true);
            if ((f[keyField] === undefined || f[keyField] === null || f[keyField] === '') && existing.size === content.length) {
              await setMetadata({ driveId, itemId: existing.id }, { [keyField]: spec.versionKey });
              return stored(driveId, existing, false, true);
            }
            break; // someone else's version: try the next name
          }
          const r = await put(spec.folder, candidate, content, contentType, 'fail');
          if (r) {
            await setMetadata({ driveId, itemId: r.item.id }, { [keyField]: spec.versionKey });
            return stored(driveId, r.item, true, false);
          }
          // 409: the name was taken between our look and our write (maybe by our own lost attempt): look again.
        }
      }
      throw new M365Error({ kind: 'conflict', message: `no free version name for ${name}` });
    },

    setMetadata,

    async scanStatus(file) {
      // The driveItem's malware facet (Graph: present only on a file SharePoint's scan flagged).
      const r = await http.request<DriveItem>({ method: 'GET', path: `/drives/${enc(file.driveId)}/items/${enc(file.itemId)}?$select=id,malware` });
      if (r.status === 404) return { malware: null, exists: false };
      if (r.status !== 200) throw toM365Error({ method: 'GET', path: '/drives/{drive}/items/{item}' }, r);
      return { malware: r.body.malware ? { description: r.body.malware.description ?? null } : null, exists: true };
    },
  };
}
