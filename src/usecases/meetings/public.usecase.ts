/**
 * What the public may see, unauthenticated: per region the forums with their sent
 * agendas and published minutes (each shown exactly as the stored snapshot of
 * that version), the published-minutes feed and each forum's meeting calendar.
 * Drafts, remarks, attendance answers before publication and unpublished
 * minutes are never read here.
 */
import type { DocumentKind } from '../../domain/documents/meeting-document.view.js';
import type { Meeting } from '../../domain/meetings/meeting.model.js';
import { publicRulesOf } from '../../domain/documents/public-version.js';
import { notFound } from '../use-case.errors.js';
import { currentRegion, regionSlug, resolveRegion } from '../../domain/registry/region.model.js';
import { documentInput, type MeetingSnapshot } from './meeting-snapshot.js';
import { assertNotWithheld, meetingDocumentPath, type WorkflowDeps } from './workflow.context.js';

export function publicUseCases(deps: WorkflowDeps) {
  const { transact, documents } = deps;
  /** Published documents SharePoint flagged as malware are left out of lists and refused on download. */
  const withheld = async (forumId: string, meetingId: string, kind: 'agenda' | 'minutes') =>
    !!deps.safety && !!(await deps.safety.withheld({ forumId, meetingId, path: meetingDocumentPath(forumId, meetingId, kind) }));
  return {
    /** The regions with active forums, by name, with their public address (slug). */
    async regions() {
      return transact(async (uow) => {
        const forums = (await uow.registry.listForums()).filter((f) => f.status !== 'ended');
        const counts = new Map<string, number>();
        for (const f of forums) counts.set(f.region, (counts.get(f.region) ?? 0) + 1);
        const regions = await uow.regions.list();
        return [...counts.entries()]
          .sort(([a], [b]) => a.localeCompare(b, 'da'))
          .map(([region, forumCount]) => ({ region, slug: regions.find((r) => r.name === region)?.slug ?? regionSlug(region), forumCount }));
      });
    },

    /**
     * The region an address names today (its slug, a former slug, a merged
     * region's slug, or its name), whether the address is the region's own
     * (otherwise the page redirects), and the regions merged into it.
     */
    async findRegion(ref: string) {
      return transact(async (uow) => {
        const regions = await uow.regions.list();
        const hit = resolveRegion(regions, ref);
        if (!hit) throw notFound('region', ref);
        const mergedFrom = regions.filter((r) => r.id !== hit.region.id && currentRegion(regions, r).id === hit.region.id).map((r) => r.name);
        return { name: hit.region.name, slug: hit.region.slug, current: hit.current, mergedFrom };
      });
    },

    async region(region: string) {
      return transact(async (uow) => {
        // A region with no forums (yet) has an empty page; the route found the region first (findRegion).
        const forums = (await uow.registry.listForums()).filter((f) => f.region === region);
        const minutes = await uow.workflow.listPublished('minutes');
        const agendas = await uow.workflow.listPublished('agenda');
        const forumIds = new Set(forums.map((f) => f.id));
        const entries = new Map<string, { meeting: Meeting; agendaVersion?: number; minutesVersion?: number; publishedAt?: string }>();
        for (const a of agendas) {
          const m = (a.snapshot as MeetingSnapshot).meeting;
          if (forumIds.has(m.forumId)) entries.set(m.id, { meeting: m, agendaVersion: a.version });
        }
        for (const v of minutes) {
          const m = (v.snapshot as MeetingSnapshot).meeting;
          if (forumIds.has(m.forumId)) entries.set(m.id, { ...(entries.get(m.id) ?? { meeting: m }), minutesVersion: v.version, publishedAt: v.createdAt });
        }
        return forums
          .sort((a, b) => a.name.localeCompare(b.name, 'da'))
          .map((forum) => ({ forum, meetings: [...entries.values()].filter((e) => e.meeting.forumId === forum.id).sort((a, b) => b.meeting.date.localeCompare(a.meeting.date)) }));
      });
    },

    /** The document input of the newest published minutes (or the newest sent agenda). */
    async publishedDocument(meetingId: string, kind: DocumentKind) {
      const r = await transact(async (uow) => {
        const v = await uow.workflow.latestVersion(meetingId, kind, kind === 'minutes' ? 'published' : 'sent');
        if (!v) throw notFound(kind === 'minutes' ? 'published minutes of meeting' : 'sent agenda of meeting', meetingId);
        const input = await documentInput(uow.registry, v.snapshot as MeetingSnapshot, kind);
        // The forum's rules for its public version (closed items, beslutningsprotokol): its terms, then its kind.
        const [terms, forumKind] = [await uow.registry.currentTerms(input.forum.id), await uow.registry.getForumKind(input.forum.kind)];
        return { version: v.version, publishedAt: v.createdAt, input, rules: publicRulesOf(terms, forumKind) };
      });
      await assertNotWithheld(deps, { forumId: r.input.forum.id, meetingId, path: meetingDocumentPath(r.input.forum.id, meetingId, kind) }, kind);
      return r;
    },

    /**
     * A published attachment (bilag) for download from the public pages: only one of
     * an open item in the newest published minutes or, before them, the sent agenda.
     * An attachment of a closed item, a draft or an unknown id is "not found".
     */
    async publicAttachment(meetingId: string, attachmentId: string) {
      const { att, forumId } = await transact(async (uow) => {
        const v = (await uow.workflow.latestVersion(meetingId, 'minutes', 'published')) ?? (await uow.workflow.latestVersion(meetingId, 'agenda', 'sent'));
        const item = v ? (v.snapshot as MeetingSnapshot).items.find((i) => i.attachments.some((a) => a.id === attachmentId)) : undefined;
        if (!item || item.closed) throw notFound('attachment', attachmentId);
        const a = await uow.workflow.getAttachment(attachmentId);
        if (!a || a.meetingId !== meetingId) throw notFound('attachment', attachmentId);
        return { att: a, forumId: (v!.snapshot as MeetingSnapshot).meeting.forumId };
      });
      await assertNotWithheld(deps, { forumId, meetingId, path: att.documentPath }, 'attachment');
      const doc = await documents.get(att.documentPath, att.documentVersion);
      if (!doc) throw notFound('attachment', attachmentId);
      return { fileName: att.fileName, contentType: att.contentType, bytes: doc.bytes };
    },

    /** Published minutes for the feeds: all of them, or those of one region's forums (by the region's name). */
    async feedEntries(region?: string) {
      const entries = await transact(async (uow) => {
        const forums = new Map((await uow.registry.listForums()).map((f) => [f.id, f]));
        return (await uow.workflow.listPublished('minutes'))
          .map((v) => {
            const m = (v.snapshot as MeetingSnapshot).meeting;
            return { meeting: m, forum: forums.get(m.forumId)!, version: v.version, publishedAt: v.createdAt };
          })
          .filter((e) => region === undefined || e.forum?.region === region);
      });
      const out: typeof entries = [];
      for (const e of entries) if (!(await withheld(e.meeting.forumId, e.meeting.id, 'minutes'))) out.push(e);
      return out;
    },

    async forumCalendar(forumId: string) {
      return transact(async (uow) => {
        const forum = await uow.registry.getForum(forumId);
        if (!forum) throw notFound('forum', forumId);
        const meetings = await uow.meetings.listMeetings({ forumIds: [forumId] });
        const published = new Set((await uow.workflow.listPublished('minutes')).map((v) => v.meetingId));
        return { forum, meetings, published };
      });
    },
  };
}
