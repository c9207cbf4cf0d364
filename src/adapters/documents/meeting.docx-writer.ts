/**
 * Agenda and minutes as a Word document in the Danish layout of the seeds, written
 * with the maintained `docx` package from the document view model.
 *
 * Layout: title (Heading 1), status line, the header table (Emne, Deltagere, Afbud,
 * Mødedato, Tidspunkt, Sted, Referent, Ordstyrer), then one Heading 2 per item
 * ("3. Forløbsprogram for KOL") with its time, kind and presenters, and Heading 3
 * sections for Baggrund, Det indstilles (a real numbered list, restarted per item),
 * Referat/Beslutning and Opgaver; the list of attachments (Bilag) ends the document.
 * Accessibility: built-in heading styles (navigable, exported as PDF bookmarks),
 * document language da-DK (or en-GB) on the default run style, title in the core
 * properties, the header table's label column marked bold and kept as the first cell
 * of each row. What it does not do: embed the attachments or a table of contents.
 */
import JSZip from 'jszip';
import { boundedRenderer } from './bounded-render.js';
import type { DocxRenderOptions } from '../../usecases/ports/render.port.js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ItemView, MeetingDocumentView } from '../../domain/documents/meeting-document.view.js';

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const RECOMMENDATIONS = 'samraad-recommendations';
const BULLETS = 'samraad-bullets';

/** A paragraph whose single newlines become line breaks. */
function textParagraph(text: string, opts: { bold?: boolean; style?: string } = {}): Paragraph {
  const lines = text.split('\n');
  return new Paragraph({
    style: opts.style,
    children: lines.map((line, i) => new TextRun({ text: line, bold: opts.bold, break: i > 0 ? 1 : undefined })),
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text)] });
}

function headerTable(view: MeetingDocumentView): Table {
  const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'A0A0A0' };
  const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2200, 7400],
    rows: view.header.map(
      (field) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              borders,
              width: { size: 2200, type: WidthType.DXA },
              children: [new Paragraph({ children: [new TextRun({ text: field.label, bold: true })] })],
            }),
            new TableCell({
              borders,
              width: { size: 7400, type: WidthType.DXA },
              children: (field.lines.length ? field.lines : [view.labels.none]).map((l) => textParagraph(l)),
            }),
          ],
        }),
    ),
  });
}

function itemBlocks(view: MeetingDocumentView, item: ItemView): Paragraph[] {
  const L = view.labels;
  const out: Paragraph[] = [heading(`${item.number}. ${item.title}`, HeadingLevel.HEADING_2)];
  const meta = [`${item.timeText} (${item.durationText})`, item.kindLabel, item.presenterText].filter((s): s is string => !!s);
  out.push(new Paragraph({ children: [new TextRun({ text: meta.join(' · '), italics: true })] }));

  if (item.background.length) {
    out.push(heading(L.background, HeadingLevel.HEADING_3));
    item.background.forEach((p) => out.push(textParagraph(p)));
  }
  if (item.recommendations.length) {
    out.push(heading(item.recommendationLabel, HeadingLevel.HEADING_3));
    item.recommendations.forEach((r) =>
      out.push(
        new Paragraph({
          numbering: { reference: RECOMMENDATIONS, level: 0, instance: item.number },
          children: [new TextRun(r)],
        }),
      ),
    );
  }
  if (item.attachments.length) {
    out.push(heading(L.attachments, HeadingLevel.HEADING_3));
    item.attachments.forEach((a) => out.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(a.text)] })));
  }
  if (view.kind === 'minutes') {
    out.push(heading(item.decisionLabel, HeadingLevel.HEADING_3));
    if (item.decision.length) item.decision.forEach((p) => out.push(textParagraph(p)));
    else out.push(textParagraph(L.none));
    if (item.tasks.length) {
      out.push(heading(L.tasks, HeadingLevel.HEADING_3));
      item.tasks.forEach((t) => out.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(t.text)] })));
    }
  }
  return out;
}

/** Builds the `docx` Document (exposed for callers that want to pack it themselves). */
export function meetingDocxDocument(view: MeetingDocumentView, opts: { creator?: string } = {}): Document {
  const L = view.labels;
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${view.heading}: ${view.subject}`)] }),
  ];
  if (view.statusLine) body.push(new Paragraph({ children: [new TextRun({ text: view.statusLine, italics: true })] }));
  body.push(headerTable(view));
  body.push(new Paragraph({ children: [] }));
  for (const item of view.items) body.push(...itemBlocks(view, item));
  body.push(heading(L.attachments, HeadingLevel.HEADING_2));
  if (view.attachments.length) {
    view.attachments.forEach((a) => body.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(a.text)] })));
  } else body.push(textParagraph(L.none));

  return new Document({
    title: view.documentTitle,
    subject: view.subject,
    description: view.forumName,
    creator: opts.creator ?? 'Samråd',
    lastModifiedBy: opts.creator ?? 'Samråd',
    styles: {
      default: {
        document: { run: { language: { value: view.languageTag }, font: 'Calibri', size: 22 } },
        heading1: { run: { size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 160 } } },
        heading2: { run: { size: 26, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 280, after: 80 }, keepNext: true } },
        heading3: { run: { size: 22, bold: true }, paragraph: { spacing: { before: 120, after: 40 }, keepNext: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: RECOMMENDATIONS,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [{ children: body }],
  });
}

/**
 * The agenda or minutes as DOCX bytes, rendered now (no cache, no limit).
 * `fixedTime`: the document's created/modified time and every ZIP entry's date are
 * pinned to it, so the same view gives the same bytes (and byte size) every time:
 * a public Word file's size in a feed enclosure is the size of what is served.
 */
export async function renderMeetingDocxNow(view: MeetingDocumentView, opts: { creator?: string; fixedTime?: Date } = {}): Promise<Buffer> {
  const bytes = await Packer.toBuffer(meetingDocxDocument(view, opts));
  return opts.fixedTime ? pinTimestamps(bytes, opts.fixedTime) : bytes;
}

async function pinTimestamps(bytes: Buffer, at: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    zip.file('docProps/core.xml', xml, { date: at });
  }
  zip.forEach((_path, file) => {
    file.date = at;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: docxContentType });
}

/**
 * The process's shared bounded renderer (src/adapters/documents/bounded-render.ts):
 * at most RENDER_CONCURRENCY renders at a time, cached per document version.
 */
export const RENDER_CONCURRENCY = 2;
export const sharedDocxRenderer = boundedRenderer({ render: (view, opts) => renderMeetingDocxNow(view, opts) }, { concurrency: RENDER_CONCURRENCY, entries: 64 });

/** The agenda or minutes as DOCX bytes (bounded and cached, see above). */
export async function renderMeetingDocx(view: MeetingDocumentView, opts: DocxRenderOptions = {}): Promise<Buffer> {
  return sharedDocxRenderer.render(view, opts);
}

/** How many renders run and wait now (for tests and /healthz diagnostics). */
export function renderLoad(): { running: number; waiting: number; cached: number } {
  return sharedDocxRenderer.load();
}
