/**
 * The document view model of an agenda or minutes: everything the DOCX writer and
 * the HTML renderer print, already worded and formatted, so both outputs say the
 * same thing and neither does date arithmetic.
 *
 * What it does: header fields (Emne, Deltagere, Afbud, Mødedato, Tidspunkt, Sted,
 * Referent, Ordstyrer), numbered items with their computed clock times (start of
 * the meeting plus each earlier item's minutes), presenters, background,
 * "Det indstilles: 1. At ...", Referat / Beslutning, tasks from each item and the
 * list of attachments (bilag) numbered per item ("Bilag 3.1").
 * What it does not do: decide who attended (the attendance records say so) or
 * check the item times fit the meeting; it reports the overrun in `timing`.
 * Pure: no I/O, no clock.
 */
import type { AgendaItem, Attendance, Meeting, Minutes, Task } from '../meetings/meeting.model.js';
import type { Forum, Membership, Organisation, Person } from '../registry/registry.model.js';
import { isActiveOn } from '../registry/registry.model.js';
import {
  type DocumentLanguage,
  formatInstantDate,
  formatLocalDate,
  formatTimeRange,
  parseHhmm,
} from './danish-format.js';
import { documentLabels, type DocumentLabels } from './document-labels.js';
import { itemTitle } from '../meetings/item-title.js';

export const documentKinds = ['agenda', 'minutes'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export type MeetingDocumentInput = {
  kind: DocumentKind;
  language?: DocumentLanguage;
  forum: Forum;
  meeting: Meeting;
  items: readonly AgendaItem[];
  attendance?: readonly Attendance[];
  people?: readonly Person[];
  organisations?: readonly Organisation[];
  /** The forum's memberships: give each participant a role ("regional medformand"). */
  memberships?: readonly Membership[];
  /** Forums named by tasks (assignee, report-to). */
  forums?: readonly Forum[];
  minutes?: Minutes;
  tasks?: readonly Task[];
  /** Referent and ordstyrer: person ids (looked up in `people`) or names as written. */
  minuteTaker?: { personId: string } | { name: string };
  chairOfMeeting?: { personId: string } | { name: string };
};

export type HeaderFieldKey = 'subject' | 'participants' | 'apologies' | 'date' | 'time' | 'place' | 'minuteTaker' | 'chairOfMeeting';
export type HeaderField = { key: HeaderFieldKey; label: string; lines: string[] };

export type ParticipantView = {
  personId: string;
  name: string;
  title?: string;
  organisation?: string;
  role?: string;
  note?: string;
  /** "Hans Hansen, direktør, Herning Kommune (kommunal medformand)" */
  text: string;
};

export type AttachmentView = {
  id: string;
  /** "3.1": item number, then the attachment's place in the item. */
  number: string;
  /** "Bilag 3.1" */
  label: string;
  fileName: string;
  contentType: string;
  pages?: number;
  /** "Bilag 3.1: Budget.pdf (4 sider)" */
  text: string;
  itemNumber: number;
};

export type TaskView = {
  id: string;
  title: string;
  description: string;
  assignee?: string;
  dueText: string;
  reportTo?: string;
  /** One line: "Opgave: ... Ansvarlig: ... Frist: ... Afrapporteres til: ..." */
  text: string;
};

export type ItemView = {
  id: string;
  number: number;
  title: string;
  kind: AgendaItem['kind'];
  kindLabel: string;
  startMinutes: number;
  endMinutes: number;
  /** "kl. 14.10 – 14.40" */
  timeText: string;
  durationText: string;
  presenters: string[];
  /** "Oplæg ved: Anna Jensen og Bo Holm", or undefined without presenters. */
  presenterText?: string;
  background: string[];
  recommendationLabel: string;
  recommendations: string[];
  /** "Referat" for discussion and orientation items, "Beslutning" for decisions. */
  decisionLabel: string;
  decision: string[];
  tasks: TaskView[];
  attachments: AttachmentView[];
};

export type MeetingDocumentView = {
  kind: DocumentKind;
  language: DocumentLanguage;
  /** BCP 47 tag of the document's language (DOCX w:lang, HTML lang). */
  languageTag: 'da-DK' | 'en-GB';
  /** "Referat" / "Dagsorden" */
  heading: string;
  subject: string;
  /** For DOCX core properties and the HTML <title>: "Referat: 4. møde i ..." */
  documentTitle: string;
  forumName: string;
  cancelled: boolean;
  statusLine?: string;
  header: HeaderField[];
  participants: ParticipantView[];
  apologies: ParticipantView[];
  items: ItemView[];
  attachments: AttachmentView[];
  timing: { meetingMinutes: number; plannedMinutes: number; overrunMinutes: number };
  labels: DocumentLabels;
};

const collator = new Intl.Collator('da');

/** Text split into paragraphs at blank lines; single newlines stay inside a paragraph. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function joinNames(names: readonly string[], language: DocumentLanguage): string {
  if (names.length <= 1) return names.join('');
  const and = language === 'da' ? ' og ' : ' and ';
  return `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}`;
}

export function buildMeetingDocument(input: MeetingDocumentInput): MeetingDocumentView {
  const language = input.language ?? 'da';
  const L = documentLabels(language);
  const { forum, meeting } = input;
  const people = new Map((input.people ?? []).map((p) => [p.id, p]));
  const orgs = new Map((input.organisations ?? []).map((o) => [o.id, o]));
  const forums = new Map([...(input.forums ?? []), forum].map((f) => [f.id, f]));

  // The document says which forum it is (a public page or a Word file travels without its context): a meeting's own
  // title ("Temadag") gets the forum's name, as the iCalendar feed's events do.
  const subject = meeting.title
    ? meeting.title.includes(forum.name) ? meeting.title : `${forum.name}: ${meeting.title}`
    : meeting.sequence ? L.meetingNumber(meeting.sequence, forum.name) : L.meetingOf(forum.name);
  const heading = input.kind === 'agenda' ? L.agenda : L.minutes;

  // --- participants and apologies -------------------------------------------------
  const membershipsOf = (personId: string) =>
    (input.memberships ?? []).filter((m) => m.personId === personId && m.forumId === forum.id && isActiveOn(m, meeting.date));
  const rolePriority = (p: ParticipantView) => (p.role ? 0 : 1);

  const describe = (personId: string, note?: string): ParticipantView => {
    const person = people.get(personId);
    const ms = membershipsOf(personId);
    const leading = ms.find((m) => m.role !== 'member') ?? ms[0];
    const orgId = leading?.representingOrganisationId ?? person?.organisationId;
    const organisation = orgId ? orgs.get(orgId)?.name : undefined;
    const role = leading ? L.role(leading.role, leading.side) : undefined;
    const name = person?.name ?? personId;
    const parts = [name, person?.title, organisation].filter((s): s is string => !!s);
    const extra = [role, note].filter((s): s is string => !!s);
    const text = parts.join(', ') + (extra.length ? ` (${extra.join('; ')})` : '');
    return { personId, name, title: person?.title, organisation, role, note, text };
  };

  const participants: ParticipantView[] = [];
  const apologies: ParticipantView[] = [];
  for (const a of input.attendance ?? []) {
    if (a.meetingId !== meeting.id) continue;
    const nameOf = (id: string) => people.get(id)?.name ?? id;
    // On the day the recorded presence wins over the answer given beforehand.
    // A member who sends a substitute is not there in person, named substitute or not.
    const absent = a.present === false || (a.present === undefined && (a.answer === 'apologies' || a.answer === 'substitute'));
    // The member's note with apologies or a substitute follows the name: "Afbud: Navn (note)".
    const note = a.note?.trim() || undefined;
    if (a.answer === 'substitute' && a.substituteName) {
      apologies.push(describe(a.personId, [L.substitutedBy(a.substituteName), note].filter(Boolean).join('; ')));
      if (a.present !== false) {
        const member = describe(a.personId);
        const note = L.substituteFor(nameOf(a.personId));
        const parts = [a.substituteName, member.organisation].filter((s): s is string => !!s);
        participants.push({
          personId: `${a.personId}:substitute`,
          name: a.substituteName,
          organisation: member.organisation,
          note,
          text: `${parts.join(', ')} (${note})`,
        });
      }
      continue;
    }
    if (absent) apologies.push(describe(a.personId, a.answer === 'apologies' || a.answer === 'substitute' ? note : undefined));
    else participants.push(describe(a.personId));
  }
  const order = (a: ParticipantView, b: ParticipantView) =>
    rolePriority(a) - rolePriority(b) ||
    collator.compare(a.organisation ?? '', b.organisation ?? '') ||
    collator.compare(a.name, b.name);
  participants.sort(order);
  apologies.sort(order);

  const personName = (ref: MeetingDocumentInput['minuteTaker']) => {
    if (!ref) return undefined;
    if ('name' in ref) return ref.name;
    return describe(ref.personId).text;
  };

  // --- items ----------------------------------------------------------------------
  const meetingStart = parseHhmm(meeting.start);
  const meetingEnd = parseHhmm(meeting.end);
  const sorted = [...input.items].filter((i) => i.meetingId === meeting.id).sort((a, b) => a.position - b.position);
  const tasksByItem = new Map<string, Task[]>();
  for (const t of input.tasks ?? []) {
    if (!t.sourceItemId || t.status === 'cancelled') continue;
    tasksByItem.set(t.sourceItemId, [...(tasksByItem.get(t.sourceItemId) ?? []), t]);
  }

  let clock = meetingStart;
  const items: ItemView[] = sorted.map((item, index) => {
    const number = index + 1;
    const startMinutes = clock;
    const endMinutes = clock + item.minutes;
    clock = endMinutes;
    const attachments = item.attachments.map((att, k): AttachmentView => {
      const num = `${number}.${k + 1}`;
      const label = `${L.attachment} ${num}`;
      const pagesText = att.pages ? ` (${L.pages(att.pages)})` : '';
      return {
        id: att.id,
        number: num,
        label,
        fileName: att.fileName,
        contentType: att.contentType,
        pages: att.pages,
        text: `${label}: ${att.fileName}${pagesText}`,
        itemNumber: number,
      };
    });
    const tasks =
      input.kind === 'minutes'
        ? (tasksByItem.get(item.id) ?? []).map((t): TaskView => {
            const assignee = t.assigneePersonId
              ? (people.get(t.assigneePersonId)?.name ?? t.assigneePersonId)
              : t.assigneeForumId
                ? (forums.get(t.assigneeForumId)?.name ?? t.assigneeForumId)
                : undefined;
            const reportTo = t.reportToForumId ? (forums.get(t.reportToForumId)?.name ?? t.reportToForumId) : undefined;
            const dueText = formatLocalDate(t.dueOn, language);
            const bits = [
              `${L.task}: ${t.title}`,
              assignee ? `${L.assignee}: ${assignee}` : undefined,
              `${L.due}: ${dueText}`,
              reportTo ? `${L.reportTo}: ${reportTo}` : undefined,
            ].filter((s): s is string => !!s);
            return { id: t.id, title: t.title, description: t.description, assignee, dueText, reportTo, text: bits.join('. ') + '.' };
          })
        : [];
    return {
      id: item.id,
      number,
      // The standard items in the document's language, by their key (as the tab shows them).
      title: itemTitle(item, language),
      kind: item.kind,
      kindLabel: L.kind[item.kind],
      startMinutes,
      endMinutes,
      timeText: formatTimeRange(startMinutes, endMinutes, language),
      durationText: L.durationMinutes(item.minutes),
      presenters: [...item.presenters],
      presenterText: item.presenters.length ? `${L.presenter}: ${joinNames(item.presenters, language)}` : undefined,
      background: paragraphs(item.background),
      recommendationLabel: L.recommendation,
      recommendations: [...item.recommendations],
      decisionLabel: item.kind === 'decision' ? L.decisionOfItem : L.minutesOfItem,
      decision: input.kind === 'minutes' ? paragraphs(item.decision) : [],
      tasks,
      attachments,
    };
  });

  const place = [meeting.location, meeting.online ? L.online : undefined].filter((s): s is string => !!s).join(' / ');
  const header: HeaderField[] = [
    { key: 'subject', label: L.subject, lines: [subject] },
    { key: 'participants', label: L.participants, lines: participants.map((p) => p.text) },
    { key: 'apologies', label: L.apologies, lines: apologies.map((p) => p.text) },
    { key: 'date', label: L.date, lines: [formatLocalDate(meeting.date, language)] },
    { key: 'time', label: L.time, lines: [formatTimeRange(meetingStart, meetingEnd, language)] },
    { key: 'place', label: L.place, lines: place ? [place] : [] },
    { key: 'minuteTaker', label: L.minuteTaker, lines: [personName(input.minuteTaker)].filter((s): s is string => !!s) },
    { key: 'chairOfMeeting', label: L.chairOfMeeting, lines: [personName(input.chairOfMeeting)].filter((s): s is string => !!s) },
  ];

  let statusLine: string | undefined;
  if (meeting.status === 'cancelled') statusLine = L.cancelled + (meeting.cancelledReason ? `: ${meeting.cancelledReason}` : '');
  else if (input.kind === 'minutes' && input.minutes) {
    const m = input.minutes;
    const when = (s?: string) => (s ? formatInstantDate(s, language) : '');
    const s =
      m.status === 'published' && m.publishedAt
        ? L.status.published(when(m.publishedAt))
        : (m.status === 'approved' || m.status === 'published') && m.approvedAt
          ? L.status.approved(when(m.approvedAt))
          : m.status === 'sent_for_remarks' && m.sentAt
            ? L.status.sent_for_remarks(when(m.sentAt))
            : m.status === 'revised'
              ? L.status.revised
              : L.status.draft;
    statusLine = `${s}, ${L.status.version(m.version)}`;
  }
  if (meeting.historical) statusLine = statusLine ? `${statusLine} (${L.historical})` : L.historical;

  return {
    kind: input.kind,
    language,
    languageTag: language === 'da' ? 'da-DK' : 'en-GB',
    heading,
    subject,
    documentTitle: `${heading}: ${subject}`,
    forumName: forum.name,
    cancelled: meeting.status === 'cancelled',
    statusLine,
    header,
    participants,
    apologies,
    items,
    attachments: items.flatMap((i) => i.attachments),
    timing: {
      meetingMinutes: meetingEnd - meetingStart,
      plannedMinutes: clock - meetingStart,
      overrunMinutes: Math.max(0, clock - meetingEnd),
    },
    labels: L,
  };
}
