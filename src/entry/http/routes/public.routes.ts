/**
 * The public, unauthenticated pages (Danish, accessible, semantic HTML with links
 * to the Word documents), the RSS/Atom feed of published minutes and each
 * forum's iCalendar feed. Only sent agendas and published minutes are read
 * (src/usecases/meetings/public.usecase.ts).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildPublicMeetingDocument } from '../../../domain/documents/public-version.js';
import { formatLocalDate } from '../../../domain/documents/danish-format.js';
import { escapeHtml, renderMeetingHtml } from '../../../adapters/documents/meeting.html-renderer.js';
import { docxContentType, sharedDocxRenderer } from '../../../adapters/documents/meeting.docx-writer.js';
import type { DocxRendererPort } from '../../../usecases/ports/render.port.js';
import { atomContentType, buildMinutesFeeds, rssContentType } from '../../../adapters/documents/minutes.feed.js';
import { buildForumCalendar, icalContentType } from '../../../adapters/documents/forum.ical-feed.js';
import { id } from '../../../domain/registry/registry.model.js';
import { RegionRef, regionSlug } from '../../../domain/registry/region.model.js';
import type { publicUseCases } from '../../../usecases/meetings/public.usecase.js';
import type { HttpContext } from '../http-context.js';
import { anyFileResponse, describedOnly, docxResponse, fileResponse, htmlResponse } from '../../../contracts/files.contract.js';

type PublicServices = ReturnType<typeof publicUseCases>;

const page = (title: string, body: string) => `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Samraad</title>
<link rel="alternate" type="application/rss+xml" title="Nye referater" href="/feeds/minutes.rss">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff}a{color:#0b5394}a:focus{outline:3px solid #0b5394;outline-offset:2px}</style>
</head>
<body>
<header><p><a href="/offentlig">Samraad – offentlige dagsordener og referater</a></p></header>
<main id="indhold">
${body}
</main>
<footer><p><a href="/feeds/minutes.rss">RSS: nye referater</a> · <a href="/feeds/minutes.atom">Atom</a></p></footer>
</body>
</html>`;

/** "Region Midtjylland" -> "midtjylland": the region's part of the public URL (regions are data: src/domain/registry/region.model.ts). */
export { regionSlug };

export function publicRoutes(ctx: HttpContext, services: () => PublicServices, renderer: () => DocxRendererPort = () => sharedDocxRenderer): FastifyPluginAsyncZod {
  return async (app) => {
    const base = ctx.config.publicUrl;
    const html = (reply: { type(t: string): { send(b: string): unknown } }, body: string) => reply.type('text/html; charset=utf-8').send(body);
    const tags = ['public'];

    app.get('/offentlig', { schema: { tags, summary: 'Regions', response: describedOnly({ 200: htmlResponse() }) } }, async (_req, reply) => {
      const regions = await services().regions();
      return html(reply, page('Regioner', `<h1>Offentlige dagsordener og referater</h1>
<nav aria-label="Regioner"><ul>
${regions.map((r) => `<li><a href="/offentlig/${encodeURIComponent(r.slug)}">${escapeHtml(r.region)}</a> (${r.forumCount} fora)</li>`).join('\n')}
</ul></nav>`));
    });

    /**
     * A region's address: its slug. A former slug (a rename), a merged region's
     * slug or the region's name answers with a permanent redirect (301) to the
     * same page or feed under the region's address today.
     */
    const RegionParams = z.object({ region: RegionRef });
    const regionOr301 = async (ref: string, reply: { redirect(url: string, code: number): unknown }, suffix: string) => {
      const r = await services().findRegion(ref);
      if (r.current) return r;
      reply.redirect(`/offentlig/${encodeURIComponent(r.slug)}${suffix}`, 301);
      return undefined;
    };

    app.get('/offentlig/:region', { schema: { tags, summary: 'Forums of a region with their published documents (a former or merged region\'s address redirects, 301)', params: RegionParams, response: describedOnly({ 200: htmlResponse() }) } }, async (req, reply) => {
      const r = await regionOr301(req.params.region, reply, '');
      if (!r) return reply;
      const forums = await services().region(r.name);
      const sections = forums.map(({ forum, meetings }) => {
        const list = meetings.length
          ? `<ul>${meetings
              .map((e) => {
                const links = [
                  e.agendaVersion ? `<a href="/offentlig/moeder/${e.meeting.id}/dagsorden">Dagsorden</a> (<a href="/offentlig/moeder/${e.meeting.id}/dagsorden.docx">Word</a>)` : '',
                  e.minutesVersion ? `<a href="/offentlig/moeder/${e.meeting.id}">Referat</a> (<a href="/offentlig/moeder/${e.meeting.id}/referat.docx">Word</a>)` : '',
                ].filter(Boolean);
                return `<li>Møde ${escapeHtml(formatLocalDate(e.meeting.date, 'da'))}: ${links.join(' · ')}</li>`;
              })
              .join('\n')}</ul>`
          : '<p>Ingen offentliggjorte dokumenter endnu.</p>';
        return `<section aria-labelledby="f-${forum.id}"><h2 id="f-${forum.id}">${escapeHtml(forum.name)}</h2>
${list}
<p><a href="/feeds/forums/${forum.id}.ics">Mødekalender (iCalendar)</a></p></section>`;
      });
      const merged = r.mergedFrom.length ? `<p>Omfatter ${r.mergedFrom.map(escapeHtml).join(' og ')}.</p>\n` : '';
      const feedsOf = `<p><a href="/offentlig/${encodeURIComponent(r.slug)}/referater.rss">RSS: nye referater fra ${escapeHtml(r.name)}</a> · <a href="/offentlig/${encodeURIComponent(r.slug)}/referater.atom">Atom</a></p>\n`;
      const body = sections.length ? sections.join('\n') : '<p>Regionen har ingen fora endnu.</p>';
      return html(reply, page(r.name, `<h1>${escapeHtml(r.name)}</h1>\n${merged}${feedsOf}${body}`));
    });

    /**
     * The public Word file of a meeting's newest sent agenda or published minutes,
     * rendered with its timestamps pinned to the version's time, so its bytes (and
     * the byte size the feeds give as the enclosure's length) are the same on every
     * render and every instance. Remembered per version (a new version is a new key).
     */
    const docxCache = new Map<string, Buffer>();
    /** The byte size of a meeting's public minutes file per published version ("<meeting>:<version>"), for the feeds. */
    const lengthCache = new Map<string, number>();
    const publishedDocx = async (meetingId: string, kind: 'agenda' | 'minutes'): Promise<{ bytes: Buffer; version: number }> => {
      const { input, rules, version, publishedAt } = await services().publishedDocument(meetingId, kind);
      const key = `${meetingId}:${kind}:${version}`;
      const hit = docxCache.get(key);
      if (hit) return { bytes: hit, version };
      const bytes = await renderer().render(buildPublicMeetingDocument(input, rules), { fixedTime: new Date(publishedAt), versionKey: `${key}:public` });
      if (docxCache.size >= 200) docxCache.delete(docxCache.keys().next().value!);
      docxCache.set(key, bytes);
      return { bytes, version };
    };
    const publicDocx = async (meetingId: string, kind: 'agenda' | 'minutes'): Promise<Buffer> => (await publishedDocx(meetingId, kind)).bytes;

    const docPage = (kind: 'agenda' | 'minutes', docxName: string) => async (req: { params: { meetingId: string } }, reply: Parameters<typeof html>[0]) => {
      const { input, rules } = await services().publishedDocument(req.params.meetingId, kind);
      // Closed items (lukkede punkter) never reach the public: "Lukket punkt" with the number, or nothing.
      const view = buildPublicMeetingDocument(input, rules);
      // Attachments of the open items are downloadable (closed items have none left in the view).
      const doc = renderMeetingHtml(view, { attachmentHref: (a) => `/offentlig/moeder/${encodeURIComponent(req.params.meetingId)}/bilag/${encodeURIComponent(a.id)}` });
      // The way back to the other published documents (someone who came by a link has no other), then the download.
      const link = `<nav aria-label="Samraad"><p><a href="/offentlig">Samraad – offentlige dagsordener og referater</a></p></nav>\n<p><a href="/offentlig/moeder/${encodeURIComponent(req.params.meetingId)}/${docxName}">Hent som Word-dokument (${docxName})</a></p>`;
      // The renderer makes a complete accessible document; the download link goes first in its body.
      return html(reply, doc.replace(/<body([^>]*)>/, `<body$1>\n${link}`));
    };
    const docx = (kind: 'agenda' | 'minutes', name: string) => async (req: { params: { meetingId: string } }, reply: { type(t: string): { header(k: string, v: string): { send(b: Buffer): unknown } } }) => {
      return reply.type(docxContentType).header('content-disposition', `attachment; filename="${name}"`).send(await publicDocx(req.params.meetingId, kind));
    };
    const P = z.object({ meetingId: id });
    app.get('/offentlig/moeder/:meetingId', { schema: { tags, summary: 'Published minutes (HTML)', params: P, response: describedOnly({ 200: htmlResponse() }) } }, docPage('minutes', 'referat.docx'));
    app.get('/offentlig/moeder/:meetingId/referat.docx', { schema: { tags, summary: 'Published minutes (DOCX)', params: P, response: describedOnly({ 200: docxResponse() }) } }, docx('minutes', 'referat.docx'));
    app.get('/offentlig/moeder/:meetingId/dagsorden', { schema: { tags, summary: 'Sent agenda (HTML)', params: P, response: describedOnly({ 200: htmlResponse() }) } }, docPage('agenda', 'dagsorden.docx'));
    app.get('/offentlig/moeder/:meetingId/dagsorden.docx', { schema: { tags, summary: 'Sent agenda (DOCX)', params: P, response: describedOnly({ 200: docxResponse() }) } }, docx('agenda', 'dagsorden.docx'));
    app.get(
      '/offentlig/moeder/:meetingId/bilag/:attachmentId',
      { schema: { tags, summary: 'A published attachment (bilag) of an open item', params: z.object({ meetingId: id, attachmentId: id }), response: describedOnly({ 200: anyFileResponse() }) } },
      async (req, reply) => {
        const a = await services().publicAttachment(req.params.meetingId, req.params.attachmentId);
        // The stored file name may hold any letters: an ASCII fallback plus the RFC 5987 UTF-8 name.
        const ascii = a.fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
        return reply
          .type(a.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
          .send(Buffer.from(a.bytes));
      },
    );

    /** The minutes feeds: all regions, or one region's forums (`region`: its name and address). */
    const feeds = async (region?: { name: string; slug: string }) => {
      const entries = await services().feedEntries(region?.name);
      // The enclosure's length is the byte size of the Word file served at its URL (the newest published version).
      // The bytes are fixed per version, so the length is remembered per newest version; the files
      // not yet measured are rendered together (the renderer bounds how many run at once).
      const newest = new Map<string, number>();
      for (const e of entries) newest.set(e.meeting.id, Math.max(newest.get(e.meeting.id) ?? 0, e.version));
      const lengths = new Map<string, number>();
      await Promise.all(
        [...newest].map(async ([meetingId, version]) => {
          let length = lengthCache.get(`${meetingId}:${version}`);
          if (length === undefined) {
            // Kept under the version actually rendered (a correction published meanwhile is a newer one).
            const rendered = await publishedDocx(meetingId, 'minutes');
            length = rendered.bytes.length;
            if (lengthCache.size >= 10_000) lengthCache.delete(lengthCache.keys().next().value!);
            lengthCache.set(`${meetingId}:${rendered.version}`, length);
          }
          lengths.set(meetingId, length);
        }),
      );
      const at = region ? `${base}/offentlig/${encodeURIComponent(region.slug)}` : undefined;
      return buildMinutesFeeds({
        title: region ? `Samraad: nye referater fra ${region.name}` : 'Samraad: nye referater',
        description: region ? `Offentliggjorte referater fra sundhedssamarbejdets fora i ${region.name}` : 'Offentliggjorte referater fra sundhedssamarbejdets fora',
        siteUrl: at ?? `${base}/offentlig`,
        rssUrl: at ? `${at}/referater.rss` : `${base}/feeds/minutes.rss`,
        atomUrl: at ? `${at}/referater.atom` : `${base}/feeds/minutes.atom`,
        entries: entries.map((e) => ({
          meetingId: e.meeting.id,
          version: e.version,
          forumName: e.forum.name,
          title: `Referat: ${e.forum.name}, ${formatLocalDate(e.meeting.date, 'da')}`,
          publishedAt: new Date(e.publishedAt),
          url: `${base}/offentlig/moeder/${e.meeting.id}`,
          docxUrl: `${base}/offentlig/moeder/${e.meeting.id}/referat.docx`,
          docxLength: lengths.get(e.meeting.id)!,
        })),
      });
    };
    app.get('/feeds/minutes.rss', { schema: { tags, summary: 'RSS of published minutes', response: describedOnly({ 200: fileResponse('RSS 2.0', 'application/rss+xml') }) } }, async (_req, reply) => reply.type(rssContentType).send((await feeds()).rss));
    app.get('/feeds/minutes.atom', { schema: { tags, summary: 'Atom feed of published minutes', response: describedOnly({ 200: fileResponse('Atom', 'application/atom+xml') }) } }, async (_req, reply) => reply.type(atomContentType).send((await feeds()).atom));
    app.get('/offentlig/:region/referater.rss', { schema: { tags, summary: "RSS of a region's published minutes (a former or merged region's address redirects, 301)", params: RegionParams, response: describedOnly({ 200: fileResponse('RSS 2.0', 'application/rss+xml') }) } }, async (req, reply) => {
      const r = await regionOr301(req.params.region, reply, '/referater.rss');
      return r ? reply.type(rssContentType).send((await feeds(r)).rss) : reply;
    });
    app.get('/offentlig/:region/referater.atom', { schema: { tags, summary: "Atom feed of a region's published minutes (a former or merged region's address redirects, 301)", params: RegionParams, response: describedOnly({ 200: fileResponse('Atom', 'application/atom+xml') }) } }, async (req, reply) => {
      const r = await regionOr301(req.params.region, reply, '/referater.atom');
      return r ? reply.type(atomContentType).send((await feeds(r)).atom) : reply;
    });

    app.get('/feeds/forums/:file', { schema: { tags, summary: 'iCalendar feed of a forum\'s meetings (/feeds/forums/<id>.ics)', params: z.object({ file: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}\.ics$/i, 'must be <forum id>.ics') }), response: describedOnly({ 200: fileResponse('iCalendar', 'text/calendar') }) } }, async (req, reply) => {
      const { forum, meetings, published } = await services().forumCalendar(req.params.file.replace(/\.ics$/i, ''));
      const body = buildForumCalendar({
        forum,
        meetings,
        uidDomain: new URL(base).hostname,
        now: ctx.clock.now(),
        meetingUrl: (m) => (published.has(m.id) ? `${base}/offentlig/moeder/${m.id}` : undefined),
      });
      return reply.type(icalContentType).send(body);
    });
  };
}
