/**
 * Agenda and minutes as accessible HTML for the tab and the public pages: the same
 * content as the DOCX from the same view model.
 *
 * Accessibility: `lang` on the root, one h1, h2 per item, h3 per section, the header
 * as a table whose labels are `<th scope="row">`, lists as real lists, times in
 * `<time>`. Every piece of text goes through `escapeHtml`, including file names and
 * names, because items and attachments come from members. `fragment` leaves out
 * the page shell so the public site can wrap it in its own layout. No scripts, no
 * inline styles beyond a tiny print-friendly stylesheet.
 */
import type { AttachmentView, ItemView, MeetingDocumentView } from '../../domain/documents/meeting-document.view.js';
import { formatClock } from '../../domain/documents/danish-format.js';

import { escapeHtml } from '../../domain/documents/html-escape.js';

export { escapeHtml };

/** Escaped text with single newlines kept as <br>. */
function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

const iso = (minutes: number) => formatClock(minutes, 'en');

function attachmentLink(a: AttachmentView, opts: HtmlRenderOptions): string {
  const href = opts.attachmentHref?.(a);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(a.text)}</a>` : escapeHtml(a.text);
}

function item(view: MeetingDocumentView, it: ItemView, opts: HtmlRenderOptions = {}): string {
  const L = view.labels;
  const id = `punkt-${it.number}`;
  const out: string[] = [`<section aria-labelledby="${id}">`, `<h2 id="${id}">${it.number}. ${escapeHtml(it.title)}</h2>`];
  const time = `<time datetime="${iso(it.startMinutes)}">${escapeHtml(it.timeText)}</time>`;
  const meta = [`${time} (${escapeHtml(it.durationText)})`, escapeHtml(it.kindLabel), it.presenterText ? escapeHtml(it.presenterText) : undefined].filter(Boolean);
  out.push(`<p class="meta">${meta.join(' · ')}</p>`);
  if (it.background.length) {
    out.push(`<h3>${escapeHtml(L.background)}</h3>`, ...it.background.map((p) => `<p>${lines(p)}</p>`));
  }
  if (it.recommendations.length) {
    out.push(`<h3>${escapeHtml(it.recommendationLabel)}</h3>`, `<ol>${it.recommendations.map((r) => `<li>${lines(r)}</li>`).join('')}</ol>`);
  }
  if (it.attachments.length) {
    out.push(`<h3>${escapeHtml(L.attachments)}</h3>`, `<ul>${it.attachments.map((a) => `<li>${attachmentLink(a, opts)}</li>`).join('')}</ul>`);
  }
  if (view.kind === 'minutes') {
    out.push(`<h3>${escapeHtml(it.decisionLabel)}</h3>`);
    out.push(...(it.decision.length ? it.decision.map((p) => `<p>${lines(p)}</p>`) : [`<p>${escapeHtml(L.none)}</p>`]));
    if (it.tasks.length) {
      out.push(`<h3>${escapeHtml(L.tasks)}</h3>`, `<ul>${it.tasks.map((t) => `<li>${escapeHtml(t.text)}</li>`).join('')}</ul>`);
    }
  }
  out.push('</section>');
  return out.join('\n');
}

export type HtmlRenderOptions = {
  /** Only the <article>, for embedding in a page that has its own shell and h1 context. */
  fragment?: boolean;
  /** Links offered next to the document, e.g. the DOCX download. Hrefs are escaped too. */
  downloads?: Array<{ label: string; href: string }>;
  /** Where an attachment (bilag) can be downloaded; without it, attachments are listed by name only. */
  attachmentHref?: (a: AttachmentView) => string | undefined;
};

export function renderMeetingHtml(view: MeetingDocumentView, opts: HtmlRenderOptions = {}): string {
  const L = view.labels;
  const header = view.header
    .map((f) => {
      const value = f.lines.length === 0 ? escapeHtml(L.none) : f.lines.length === 1 ? lines(f.lines[0]!) : `<ul>${f.lines.map((l) => `<li>${lines(l)}</li>`).join('')}</ul>`;
      return `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${value}</td></tr>`;
    })
    .join('\n');
  const downloads = opts.downloads?.length
    ? `<ul class="downloads">${opts.downloads.map((d) => `<li><a href="${escapeHtml(d.href)}">${escapeHtml(d.label)}</a></li>`).join('')}</ul>`
    : '';
  const attachments = view.attachments.length
    ? `<ul>${view.attachments.map((a) => `<li>${attachmentLink(a, opts)}</li>`).join('')}</ul>`
    : `<p>${escapeHtml(L.none)}</p>`;
  const article = [
    `<article lang="${view.languageTag}" aria-labelledby="doc-title">`,
    `<h1 id="doc-title">${escapeHtml(view.heading)}: ${escapeHtml(view.subject)}</h1>`,
    view.statusLine ? `<p class="status">${escapeHtml(view.statusLine)}</p>` : '',
    downloads,
    `<table class="header">\n<caption>${escapeHtml(view.subject)}</caption>\n<tbody>\n${header}\n</tbody>\n</table>`,
    ...view.items.map((i) => item(view, i, opts)),
    `<section aria-labelledby="bilag"><h2 id="bilag">${escapeHtml(L.attachments)}</h2>${attachments}</section>`,
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
  if (opts.fragment) return article;
  return [
    '<!DOCTYPE html>',
    `<html lang="${view.languageTag}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No icon file: without this a browser asks for /favicon.ico and logs the 404.
    '<link rel="icon" href="data:,">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.documentTitle)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b;background:#fff}' +
      'table.header{border-collapse:collapse;width:100%}table.header th,table.header td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}' +
      'table.header caption{text-align:left;font-weight:600}table.header ul{margin:0;padding-left:1.2rem}.meta{font-style:italic}</style>',
    '</head>',
    '<body>',
    '<main>',
    article,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
