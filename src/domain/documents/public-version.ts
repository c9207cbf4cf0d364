/**
 * The public version of an agenda or minutes: what may be shown outside the
 * forum (public pages, public DOCX, files shared beyond the forum's members).
 *
 * Closed items (lukkede punkter) keep only their number and place in the time
 * plan, titled "Lukket punkt" ("placeholder"), or are left out with the other
 * items keeping their numbers ("hidden"); their title, presenters, background,
 * recommendation, decision, attachments and tasks never reach the output. With
 * `decisionsOnly` (beslutningsprotokol) the minutes keep each item's title and
 * decision and drop the background, recommendations and presenters. The notes
 * members give with their apologies stay inside the forum.
 * Pure: no I/O.
 */
import type { AgendaItem } from '../meetings/meeting.model.js';
import type { ClosedItemDisplay, Forum, TermsOfReference } from '../registry/registry.model.js';
import type { ForumKindDef } from '../registry/forum-kind.model.js';
import { buildMeetingDocument, type MeetingDocumentInput, type MeetingDocumentView } from './meeting-document.view.js';

export type PublicRules = { closedItems: ClosedItemDisplay; decisionsOnly: boolean };

/** The forum's rules for its public version: its terms first, then its kind's defaults. */
export function publicRulesOf(terms: Pick<TermsOfReference, 'publication'> | undefined, kind: Pick<ForumKindDef, 'defaults'> | undefined): PublicRules {
  return {
    closedItems: terms?.publication?.closedItems ?? kind?.defaults.closedItems ?? 'placeholder',
    decisionsOnly: terms?.publication?.decisionsOnly ?? kind?.defaults.decisionMinutes ?? false,
  };
}

export const closedItemTitle = { da: 'Lukket punkt', en: 'Closed item' } as const;

function redact(item: AgendaItem, language: 'da' | 'en'): AgendaItem {
  // Only what the time plan needs survives: id, meeting, position, kind, minutes, fixed.
  const out: AgendaItem = {
    id: item.id,
    meetingId: item.meetingId,
    position: item.position,
    title: closedItemTitle[language],
    kind: item.kind,
    presenters: [],
    minutes: item.minutes,
    background: '',
    recommendations: [],
    attachments: [],
    closed: true,
  };
  if (item.fixed) out.fixed = item.fixed;
  return out;
}

/** The document input with closed items redacted (and their tasks removed). */
export function publicDocumentInput(input: MeetingDocumentInput, rules: PublicRules): MeetingDocumentInput {
  const language = input.language ?? 'da';
  const closedIds = new Set(input.items.filter((i) => i.closed).map((i) => i.id));
  const items = input.items.map((i) => {
    if (closedIds.has(i.id)) return redact(i, language);
    if (rules.decisionsOnly && input.kind === 'minutes') return { ...i, presenters: [], background: '', recommendations: [] };
    return i;
  });
  const tasks = (input.tasks ?? []).filter((t) => !(t.sourceItemId && closedIds.has(t.sourceItemId)));
  // A member's note with their apologies ("syg", "på ferie") is for the forum, not the public: the public version
  // lists who sent apologies, without why.
  const attendance = input.attendance?.map(({ note: _note, ...a }) => a);
  return { ...input, items, ...(input.tasks ? { tasks } : {}), ...(attendance ? { attendance } : {}) };
}

/** The public document view: redacted, and with hidden closed items left out (the others keep their numbers). */
export function buildPublicMeetingDocument(input: MeetingDocumentInput, rules: PublicRules): MeetingDocumentView {
  const view = buildMeetingDocument(publicDocumentInput(input, rules));
  if (rules.closedItems !== 'hidden') return view;
  const closedIds = new Set(input.items.filter((i) => i.closed).map((i) => i.id));
  const items = view.items.filter((i) => !closedIds.has(i.id));
  return { ...view, items, attachments: items.flatMap((i) => i.attachments) };
}

/** Does a forum's material reach people outside the forum (a standard channel is seen by the whole team)? */
export const sharedBeyondForum = (forum: Pick<Forum, 'channelType'>): boolean => forum.channelType !== 'private';
