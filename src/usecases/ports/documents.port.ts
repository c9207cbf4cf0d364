/**
 * Where agendas, minutes and attachments are kept: a local folder in the embedded
 * mode, SharePoint in production (the Graph issue). Every put makes a new,
 * immutable version; nothing is ever overwritten. Once a version is marked as the
 * approved minutes, a later version is a correction and must say why.
 */

export const storedDocumentKinds = ['agenda', 'minutes', 'attachment', 'other'] as const;
export type StoredDocumentKind = (typeof storedDocumentKinds)[number];

export type DocumentMetadata = {
  kind: StoredDocumentKind;
  contentType: string;
  /** The name to offer on download (already made safe by the attachment validator). */
  fileName?: string;
  forumId?: string;
  meetingId?: string;
  /** Person id or "system" (tacit approval job). */
  createdBy?: string;
  /** This version is the approved minutes: from now on a new version needs `correctionReason`. */
  approved?: boolean;
  /** Why this version corrects an approved one. */
  correctionReason?: string;
};

export type DocumentVersion = {
  /** Stable per path. */
  id: string;
  path: string;
  /** 1, 2, 3 ... per path. */
  version: number;
  size: number;
  sha256: string;
  createdAt: string;
  metadata: DocumentMetadata;
};

export type StoredDocument = DocumentVersion & { bytes: Uint8Array };

/** Thrown when a put would replace approved minutes without a correction reason. */
export class ApprovedVersionLockedError extends Error {
  readonly code = 'approved_version_locked';
  constructor(
    readonly path: string,
    readonly approvedVersion: number,
  ) {
    super(`version ${approvedVersion} of ${path} is approved; a new version is a correction and needs a reason`);
    this.name = 'ApprovedVersionLockedError';
  }
}

/** Thrown for a path that could escape the store or is not a clean relative path. */
export class InvalidDocumentPathError extends Error {
  readonly code = 'invalid_document_path';
  constructor(readonly path: string, reason: string) {
    super(`invalid document path ${JSON.stringify(path)}: ${reason}`);
    this.name = 'InvalidDocumentPathError';
  }
}

export interface DocumentsPort {
  /** Stores a new version. Paths are relative, "/"-separated: "forums/ksg/2020-05-06/referat.docx". */
  put(path: string, bytes: Uint8Array, metadata: DocumentMetadata): Promise<{ id: string; version: number }>;
  /** The given version, or the latest; undefined when there is none. */
  get(path: string, version?: number): Promise<StoredDocument | undefined>;
  /** Every version, oldest first; [] for an unknown path. */
  listVersions(path: string): Promise<DocumentVersion[]>;
}

/** A document SharePoint flagged as malware: withheld from every download. */
export type WithheldDocument = { path: string; version: number | null; description: string | null; detectedAt: string };

/**
 * Whether a stored document may be handed out: SharePoint's malware scan runs on
 * the copy Samraad put in the forum channel's files; once it flags that copy, the
 * document is withheld everywhere (tab, public pages, feeds, attachments). Absent
 * (no Microsoft 365 sync): nothing is ever withheld.
 */
export interface DocumentSafetyPort {
  /** The document at `path` of `forumId` when it is withheld, else null. */
  withheld(ref: { forumId: string; meetingId?: string; path: string }): Promise<WithheldDocument | null>;
}
