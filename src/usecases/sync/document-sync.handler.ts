/**
 * Job 'm365.document-sync' {meetingId, kind, version?, path?}: one stored document
 * version into the forum channel's SharePoint folder, in the meeting's subfolder,
 * with metadata columns (forum, meeting date, document type, status, version).
 *
 * A version is uploaded over the earlier file of the same name ("replace": the
 * library keeps the old one as a version), except once a lower version was
 * approved minutes: then the approved file is never overwritten and the
 * correction goes up beside it ("never-overwrite", keyed by path and version so a
 * re-run finds its own upload). Needs the forum's channel: until forum-sync made
 * it, the job fails as transient and is retried.
 *
 * Agendas: sending an agenda stores its DOCX at forums/<forum>/<meeting>/dagsorden.docx
 * and queues {kind: 'agenda', version} in the same transaction (agenda.usecase.ts);
 * every sent version replaces dagsorden.docx, the library keeps the earlier ones.
 *
 * Idempotent per document version: a re-run of a version that is already in the
 * folder (its SamraadVersionKey) uploads nothing; a version older than one already
 * synced for the same path (a late retry) is not uploaded over the newer file.
 * Limit: the job's version is the store's version number; the agenda's sent-version
 * and the store's version stay equal because each sending stores exactly one version
 * inside the sending's transaction (a store write that outlives a failed commit
 * would shift them).
 */
import { JOB, type JobPayload } from '../ports/jobs.port.js';
import type { DocumentsPort } from '../ports/documents.port.js';
import { M365Error } from '../ports/m365.port.js';
import { tracked } from './sync.common.js';
import type { SyncDeps } from './sync.ports.js';

export type DocumentSyncJob = JobPayload<typeof JOB.documentSync>;

const fileNames = { agenda: 'dagsorden.docx', minutes: 'referat.docx' } as const;
const typeLabel = { agenda: 'Dagsorden', minutes: 'Referat', attachment: 'Bilag' } as const;

export function documentPath(forumId: string, meetingId: string, kind: 'agenda' | 'minutes'): string {
  return `forums/${forumId}/${meetingId}/${fileNames[kind]}`;
}

export async function runDocumentSync(deps: SyncDeps & { documents?: DocumentsPort }, job: DocumentSyncJob): Promise<void> {
  const loaded = await deps.transact(async ({ registry, meetings, sync }) => {
    const meeting = await meetings.getMeeting(job.meetingId);
    const forum = meeting && (await registry.getForum(meeting.forumId));
    if (!meeting || !forum) return undefined;
    const newer = (await sync.list({ kind: 'document', forumIds: [forum.id] })).filter((r) => r.status === 'synced' && r.detail.meetingId === meeting.id);
    return { meeting, forum, channel: await sync.get('forum', forum.id), newer };
  });
  if (!loaded) {
    deps.logger.warn(`document-sync: meeting ${job.meetingId} (or its forum) does not exist; nothing to do`);
    return;
  }
  const { meeting, forum, channel, newer } = loaded;
  const path = job.path ?? (job.kind === 'attachment' ? undefined : documentPath(forum.id, meeting.id, job.kind));
  const localId = `${meeting.id}:${path ?? job.kind}:v${job.version ?? 'latest'}`;

  await tracked(deps, 'document', localId, forum.id, async () => {
    if (!deps.documents) throw new M365Error({ kind: 'invalid', message: 'no document store configured' });
    if (!path) throw new M365Error({ kind: 'invalid', message: 'an attachment job needs its path' });
    const doc = await deps.documents.get(path, job.version);
    if (!doc) throw new M365Error({ kind: 'invalid', message: `no stored document at ${path}${job.version ? ` version ${job.version}` : ''}` });
    if (!channel?.remoteId || !channel.container || channel.detail.archived) {
      throw new M365Error({ kind: 'transient', message: `the forum's channel is not synced yet (forum ${forum.id})` });
    }
    const superseded = newer.find((r) => r.detail.path === path && typeof r.detail.version === 'number' && r.detail.version > doc.version);
    if (superseded && !versionsNeverOverwrite(await deps.documents.listVersions(path), doc.version)) {
      // A late job (a retry of a failed older version): the newer file stays; nothing to upload.
      await deps.transact(({ sync }) => sync.record('document', localId, { forumId: forum.id, detail: { meetingId: meeting.id, path, version: doc.version, supersededBy: superseded.detail.version } }, 'synced'));
      return;
    }
    const versions = await deps.documents.listVersions(path);
    const approvedBefore = versions.some((v) => v.metadata.approved && v.version < doc.version);
    const approved = versions.some((v) => v.metadata.approved && v.version === doc.version);

    const { files } = deps.m365;
    const root = await files.channelFolder({ teamId: channel.container, channelId: channel.remoteId });
    const folder = await files.ensureFolder(root, `${meeting.date} ${meeting.title ?? 'Møde'}`);
    const versionKey = `${path}#v${doc.version}`;
    const stored = await files.upload({
      folder,
      fileName: doc.metadata.fileName ?? path.split('/').pop()!,
      content: doc.bytes,
      contentType: doc.metadata.contentType,
      policy: approvedBefore ? 'never-overwrite' : 'replace',
      versionKey,
    });
    await files.setMetadata(stored, {
      // Also on replaced files: without the key, a later "never-overwrite" could take an approved file of
      // the same size for its own lost upload (see the Graph files adapter).
      SamraadVersionKey: versionKey,
      Forum: forum.shortName ?? forum.name,
      MeetingDate: meeting.date,
      DocumentType: typeLabel[doc.metadata.kind === 'other' ? 'attachment' : doc.metadata.kind],
      Status: approved ? 'Godkendt' : approvedBefore ? 'Rettelse' : 'Udsendt',
      SamraadVersion: doc.version,
    });
    await deps.transact(({ sync }) =>
      sync.record(
        'document',
        localId,
        { forumId: forum.id, remoteId: stored.itemId, container: stored.driveId, etag: stored.eTag, detail: { meetingId: meeting.id, path, version: doc.version, name: stored.name, webUrl: stored.webUrl, approved } },
        'synced',
      ),
    );
  });
}

/** True when `version` would go up beside approved minutes ("never-overwrite"), where an older version does not hide a newer one. */
function versionsNeverOverwrite(versions: { version: number; metadata: { approved?: boolean } }[], version: number): boolean {
  return versions.some((v) => v.metadata.approved && v.version < version);
}
