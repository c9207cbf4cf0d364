/**
 * RSS 2.0 and Atom feeds of newly published minutes, built with the `feed` package.
 * Entry ids are stable per meeting and minutes version (a corrected, re-published
 * version is a new entry). The caller passes only published minutes and the public
 * URLs; this module never decides what is public.
 */
import { Feed } from 'feed';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const rssContentType = 'application/rss+xml; charset=utf-8';
export const atomContentType = 'application/atom+xml; charset=utf-8';

export type PublishedMinutesEntry = {
  meetingId: string;
  version: number;
  forumName: string;
  /** "Referat: 4. møde i Klyngestyregruppen for Midtklyngen" */
  title: string;
  publishedAt: Date;
  /** Public HTML page of the minutes. */
  url: string;
  /** DOCX download, offered as an enclosure with its real byte size. */
  docxUrl?: string;
  /** Byte size of the DOCX served at `docxUrl` (RSS requires the enclosure's length). */
  docxLength?: number;
  summary?: string;
};

export type MinutesFeedInput = {
  title: string;
  description?: string;
  /** Public site the feed belongs to (e.g. the region's page). */
  siteUrl: string;
  rssUrl: string;
  atomUrl: string;
  language?: 'da' | 'en';
  entries: readonly PublishedMinutesEntry[];
  /** How many of the newest entries to include. */
  limit?: number;
};

export function buildMinutesFeeds(input: MinutesFeedInput): { rss: string; atom: string } {
  const entries = [...input.entries].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, input.limit ?? 50);
  const feed = new Feed({
    id: input.atomUrl,
    title: input.title,
    description: input.description,
    link: input.siteUrl,
    language: input.language ?? 'da',
    // An empty feed still needs a stable "updated"; the epoch says "nothing yet" honestly.
    updated: entries[0]?.publishedAt ?? new Date(0),
    generator: 'Samraad',
    feedLinks: { rss: input.rssUrl, atom: input.atomUrl },
  });
  for (const e of entries) {
    feed.addItem({
      id: `${e.url}#v${e.version}`,
      guid: `${e.url}#v${e.version}`,
      title: e.title,
      link: e.url,
      date: e.publishedAt,
      published: e.publishedAt,
      description: e.summary ?? e.forumName,
      category: [{ name: e.forumName }],
      enclosure: e.docxUrl ? { url: e.docxUrl, type: DOCX, length: e.docxLength ?? 0 } : undefined,
    });
  }
  // The feed package writes an Atom enclosure's type as "image/<file extension>" (image/docx);
  // the enclosure links here are all Word files, so their type is set to the real one.
  const atom = feed.atom1().replace(/(<link\b[^>]*\brel="enclosure"[^>]*?\btype=")[^"]*(")/g, `$1${DOCX}$2`);
  return { rss: feed.rss2(), atom };
}
