/**
 * Rendering an agenda or minutes as a Word file (the documents adapter,
 * src/adapters/documents/meeting.docx-writer.ts). The heaviest thing a request can
 * ask for, so callers use it through the bounded renderer
 * (src/adapters/documents/bounded-render.ts): a concurrency limit with a queue and
 * a cache per document version.
 */
import type { MeetingDocumentView } from '../../domain/documents/meeting-document.view.js';

export type DocxRenderOptions = {
  creator?: string;
  /** Pins the file's timestamps (public files: the version's time), so the bytes are the same on every render. */
  fixedTime?: Date;
  /**
   * What version of which document this is ("<meeting>:<kind>:v<version>:<event>",
   * or the meeting's updatedAt for the current draft): part of the cache key, with a
   * digest of the content, so a new version or a change is a new render.
   */
  versionKey?: string;
};

export interface DocxRendererPort {
  render(view: MeetingDocumentView, opts?: DocxRenderOptions): Promise<Buffer>;
}
