/**
 * DocumentsPort on a local folder (the embedded mode).
 *
 * Layout, readable by a person: `<root>/<path>.d/versions/000001.json` (metadata,
 * hash, time) and `<root>/<path>.d/blobs/<sha256>` (the bytes). The `.d` suffix keeps
 * a document's folder apart from another document whose path continues below it.
 *
 * Crash safety: bytes and metadata are written to a temporary file in the
 * document's `tmp/` and fsynced first. The blob is then renamed into place (a
 * rename over an existing blob is harmless: same hash, same bytes). The version
 * file is published with link(), which, unlike rename, refuses to replace an
 * existing file: two writers (two processes on one folder) can never take the same
 * version number; the loser re-reads and takes the next. A crash leaves at most an
 * orphan in `tmp/` or an unreferenced blob, never a half version.
 * What it does not do: garbage-collect orphans, or lock against a second store
 * instance beyond the per-version guarantee above.
 */
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import {
  ApprovedVersionLockedError,
  type DocumentMetadata,
  type DocumentVersion,
  type DocumentsPort,
  InvalidDocumentPathError,
  type StoredDocument,
} from '../../usecases/ports/documents.port.js';
import { safeFileName } from './attachment.validator.js';

export type LocalFolderStoreOptions = {
  root: string;
  clock?: { now(): Date };
};

const VERSION_FILE = /^(\d{6})\.json$/;

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(file, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename/link itself durable on Linux; not supported everywhere, so best effort.
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* directories cannot be fsynced on some platforms; the file data is already synced */
  }
}

export function normaliseDocumentPath(path: string): string {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidDocumentPathError(String(path), 'empty');
  const p = path.normalize('NFC');
  if (p.length > 1024) throw new InvalidDocumentPathError(path, 'longer than 1024 characters');
  if (p.startsWith('/') || p.includes('\\')) throw new InvalidDocumentPathError(path, 'must be relative and use "/"');
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.' || seg === '..') throw new InvalidDocumentPathError(path, `bad segment "${seg}"`);
    if (safeFileName(seg) !== seg) throw new InvalidDocumentPathError(path, `segment "${seg}" is not a safe file name`);
  }
  return p;
}

export class LocalFolderDocumentsStore implements DocumentsPort {
  private readonly root: string;
  private readonly clock: { now(): Date };
  /** Serialises puts per path inside this process (other processes are handled by link()). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(opts: LocalFolderStoreOptions) {
    this.root = resolve(opts.root);
    this.clock = opts.clock ?? { now: () => new Date() };
  }

  private docDir(path: string): string {
    const dir = resolve(this.root, ...`${path}.d`.split('/'));
    if (!dir.startsWith(this.root + sep)) throw new InvalidDocumentPathError(path, 'escapes the store');
    return dir;
  }

  private static idOf(path: string): string {
    return createHash('sha256').update(path).digest('hex').slice(0, 32);
  }

  async listVersions(rawPath: string): Promise<DocumentVersion[]> {
    const path = normaliseDocumentPath(rawPath);
    const dir = join(this.docDir(path), 'versions');
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const files = names.filter((n) => VERSION_FILE.test(n)).sort();
    return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as DocumentVersion));
  }

  async get(rawPath: string, version?: number): Promise<StoredDocument | undefined> {
    const path = normaliseDocumentPath(rawPath);
    const versions = await this.listVersions(path);
    const v = version === undefined ? versions[versions.length - 1] : versions.find((x) => x.version === version);
    if (!v) return undefined;
    const bytes = await readFile(join(this.docDir(path), 'blobs', v.sha256));
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== v.sha256) throw new Error(`stored bytes of ${path} version ${v.version} do not match their hash`);
    return { ...v, bytes: new Uint8Array(bytes) };
  }

  put(rawPath: string, bytes: Uint8Array, metadata: DocumentMetadata): Promise<{ id: string; version: number }> {
    let path: string;
    try {
      path = normaliseDocumentPath(rawPath);
    } catch (e) {
      return Promise.reject(e);
    }
    const prev = this.queues.get(path) ?? Promise.resolve();
    // The previous put's failure went to its own caller; this put runs after it either way.
    // eslint-disable-next-line samraad/no-swallowed-catch -- surfaced to the previous put's caller
    const next = prev.catch(() => undefined).then(() => this.putNow(path, bytes, metadata));
    this.queues.set(path, next);
    void next
      .finally(() => {
        if (this.queues.get(path) === next) this.queues.delete(path);
      })
      // eslint-disable-next-line samraad/no-swallowed-catch -- `next` is returned: its failure reaches the caller
      .catch(() => undefined);
    return next;
  }

  private async putNow(path: string, bytes: Uint8Array, metadata: DocumentMetadata): Promise<{ id: string; version: number }> {
    const dir = this.docDir(path);
    const tmp = join(dir, 'tmp');
    const blobs = join(dir, 'blobs');
    const versionsDir = join(dir, 'versions');
    await Promise.all([mkdir(tmp, { recursive: true }), mkdir(blobs, { recursive: true }), mkdir(versionsDir, { recursive: true })]);

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const blobTmp = join(tmp, `${randomUUID()}.blob`);
    await writeDurably(blobTmp, bytes);
    await rename(blobTmp, join(blobs, sha256));
    await syncDir(blobs);

    const id = LocalFolderDocumentsStore.idOf(path);
    for (let attempt = 0; attempt < 50; attempt++) {
      const versions = await this.listVersions(path);
      const approved = [...versions].reverse().find((v) => v.metadata.approved);
      if (approved && !metadata.correctionReason?.trim()) throw new ApprovedVersionLockedError(path, approved.version);
      const version = (versions[versions.length - 1]?.version ?? 0) + 1;
      const record: DocumentVersion = { id, path, version, size: bytes.byteLength, sha256, createdAt: this.clock.now().toISOString(), metadata };
      const metaTmp = join(tmp, `${randomUUID()}.json`);
      await writeDurably(metaTmp, Buffer.from(JSON.stringify(record, null, 2)));
      try {
        await link(metaTmp, join(versionsDir, `${String(version).padStart(6, '0')}.json`));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue; // another writer took this number
        throw e;
      } finally {
        await unlink(metaTmp).catch((err: unknown) => {
          // Gone already (linked and renamed away) is fine; anything else only leaves a stray temp file.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`documents: could not remove ${metaTmp}: ${String(err)}`);
        });
      }
      await syncDir(versionsDir);
      return { id, version };
    }
    throw new Error(`could not claim a version number for ${path}: too much contention`);
  }
}
