/**
 * One call for the meeting workflow: the view model, the DOCX, the HTML and the
 * personal-data findings of an agenda or minutes, all from the same input, so the
 * published HTML, the Word download and the pre-publication check never disagree.
 */
import { buildMeetingDocument, type MeetingDocumentInput, type MeetingDocumentView } from '../../domain/documents/meeting-document.view.js';
import { scanMeetingTexts, type LocatedFinding } from '../../domain/documents/personal-data.detector.js';
import { renderMeetingDocx } from './meeting.docx-writer.js';
import { renderMeetingHtml, type HtmlRenderOptions } from './meeting.html-renderer.js';

export type RenderedMeetingDocuments = {
  view: MeetingDocumentView;
  docx: Buffer;
  html: string;
  /** Possible personal data in what would be published; empty means nothing was flagged. */
  personalData: LocatedFinding[];
};

export async function renderMeetingDocuments(input: MeetingDocumentInput, html: HtmlRenderOptions = {}): Promise<RenderedMeetingDocuments> {
  const view = buildMeetingDocument(input);
  const items = input.items.filter((i) => i.meetingId === input.meeting.id);
  const tasks = input.kind === 'minutes' ? (input.tasks ?? []).filter((t) => t.sourceMeetingId === input.meeting.id || items.some((i) => i.id === t.sourceItemId)) : [];
  // An agenda publishes no decisions: do not flag text the public will not see.
  const scanned = input.kind === 'agenda' ? items.map((i) => ({ ...i, decision: undefined })) : items;
  return {
    view,
    docx: await renderMeetingDocx(view),
    html: renderMeetingHtml(view, html),
    personalData: scanMeetingTexts(scanned, tasks),
  };
}
