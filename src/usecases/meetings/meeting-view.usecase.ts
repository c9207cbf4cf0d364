/**
 * Reads of the meeting workflow: one meeting as its page shows it (with the
 * caller's permissions), the document input for agenda/minutes downloads, "my
 * overview", and attachments (stored in the documents port, recorded per item).
 */
import { isActiveOn, secretariatRoles } from '../../domain/registry/registry.model.js';
import { deadlineList } from '../../domain/deadlines/meeting.deadlines.js';
import { addDays } from '../../domain/calendar/working-day.calendar.js';
import type { DocumentKind } from '../../domain/documents/meeting-document.view.js';
import { forbidden, notFound, UseCaseError } from '../use-case.errors.js';
import { regionCalendars } from '../region-calendar.js';
import { assertNotWithheld, canRecordAttendance, deadlinesOf, loadMeeting, meetingDocumentPath, meetingMemberships, meetingStart, memoizedReads, requireNotCancelled, requireSecretariat, rulesOfMeeting, todayOf, type WorkflowDeps } from './workflow.context.js';
import { documentInput, minutesOf, minuteTakerOf, takeSnapshot, type MeetingSnapshot } from './meeting-snapshot.js';
import { attendanceContradictions, effectivePresence } from '../../domain/meetings/attendance.rules.js';
import { agendaClosed, agendaDecisionsClosed, assertItemsEditable, reportBackSuggestions } from './agenda.usecase.js';
import { isTaskMine } from './tasks.usecase.js';
import { listedForForums } from '../../domain/meetings/joint-listing.js';

const minutesBetween = (start: string, end: string) => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(end) - m(start);
};

/**
 * Minutes being written for the first time are the secretariat's (the forum's or above) and the minute-taker's until they
 * go out: a member reads the decisions when the minutes are sent for remarks (a revision after that is read as it is made).
 */
function minutesWithheld(role: { secretariat: boolean; secretariatAbove: boolean }, minutesStatus: string, minuteTakerId: string | null | undefined, personId: string): boolean {
  return minutesStatus === 'draft' && !role.secretariat && !role.secretariatAbove && minuteTakerId !== personId;
}

export function meetingViewUseCases(deps: WorkflowDeps) {
  const { transact, clock, ids } = deps;
  return {
    async getMeeting(meetingId: string, personId: string) {
      // Read-only: outside a transaction when the module gives `read`, each read asked once
      // (loadMeeting, takeSnapshot and the suggestions share the meeting, its state and items),
      // and the independent reads side by side.
      return (deps.read ?? transact)(async (unmemoized) => {
        const uow = memoizedReads(unmemoized);
        const now = clock.now();
        const c = await loadMeeting(uow, meetingId, personId, now);
        const secretariat = c.role.secretariat || c.role.secretariatAbove;
        // Only the people and organisations the page names (the day's members and their
        // organisations, read as soon as the memberships are there; the referent and the
        // versions' authors when they are not members), and the version list without snapshots.
        const membershipsRead = meetingMemberships(uow.registry, c.meeting);
        const onDayRead = membershipsRead.then((ms) => ms.filter((m) => isActiveOn(m, c.meeting.date)));
        const namesRead = onDayRead.then((onDay) => {
          const personIds = onDay.map((m) => m.personId);
          const representing = onDay.flatMap((m) => (m.representingOrganisationId ? [m.representingOrganisationId] : []));
          return Promise.all([uow.registry.getPeople(personIds), uow.registry.getOrganisationsOfPeople(personIds, representing)]).then(([people, orgs]) => ({ people, orgs }));
        });
        const [s, snapshot, proposals, remarks, versions, memberships, onDay, names, suggestions] = await Promise.all([
          uow.workflow.getState(meetingId),
          takeSnapshot(uow, meetingId),
          uow.workflow.listProposals(meetingId),
          uow.workflow.listRemarks(meetingId),
          uow.workflow.listVersionInfo(meetingId),
          membershipsRead,
          onDayRead,
          namesRead,
          secretariat ? reportBackSuggestions(uow, c) : Promise.resolve([]),
        ]);
        const taker = minuteTakerOf(s.minuteTakerPersonId, memberships, c.forum.id, c.meeting.date);
        const pById = new Map(names.people.map((p) => [p.id, p]));
        const others = [...(taker ? [taker.personId] : []), ...versions.flatMap((v) => (v.createdBy && v.createdBy !== 'system' ? [v.createdBy] : []))].filter((id) => !pById.has(id));
        if (others.length) for (const p of await uow.registry.getPeople(others)) pById.set(p.id, p);
        const oById = new Map(names.orgs.map((o) => [o.id, o]));
        const recorded = new Map(snapshot.attendance.map((a) => [a.personId, a]));
        const secretaryIds = new Set(onDay.filter((m) => m.role === 'secretary').map((m) => m.personId));
        const started = now.getTime() >= Date.parse(meetingStart(c.meeting));
        const attendance = [...new Map(onDay.map((m) => [m.personId, m])).values()].map((m) => {
          const p = pById.get(m.personId);
          const orgId = m.representingOrganisationId ?? p?.organisationId;
          const a = recorded.get(m.personId);
          // The secretary and the minute-taker are present by default (once the meeting has started).
          const presence = effectivePresence(a, started && (secretaryIds.has(m.personId) || taker?.personId === m.personId));
          return {
            personId: m.personId,
            role: m.role,
            person: { name: p?.name ?? m.personId, title: p?.title ?? null, organisation: orgId ? (oById.get(orgId)?.name ?? null) : null },
            answer: a?.answer ?? null,
            substituteName: a?.substituteName ?? null,
            substitutePersonId: a?.substitutePersonId ?? null,
            present: presence.present ?? null,
            presentByDefault: presence.isDefault,
            note: a?.note ?? null,
          };
        });
        /** The forum's registered stand-ins on the day (for the "substitute" answer). */
        const standIns = attendance.filter((a) => a.role === 'substitute').map((a) => ({ personId: a.personId, name: a.person.name, organisation: a.person.organisation }));
        /** What must be resolved or confirmed before the minutes go out (secretariat, once the meeting has started). */
        const contradictions = secretariat && started && c.meeting.status !== 'cancelled'
          ? attendanceContradictions({
              people: attendance.filter((a) => a.role !== 'substitute' && a.role !== 'observer').map((a) => ({ personId: a.personId, name: a.person.name, ...(recorded.get(a.personId) ? { attendance: recorded.get(a.personId)! } : {}) })),
              ...(taker ? { minuteTakerId: taker.personId } : {}),
              secretaryIds,
            })
          : [];
        const open = s.minutesStatus === 'sent_for_remarks' && !!s.windowClosesAt && now.getTime() < Date.parse(s.windowClosesAt);
        const draftWithheld = minutesWithheld(c.role, s.minutesStatus, taker?.personId, personId);
        const beforeStart = now.getTime() < Date.parse(meetingStart(c.meeting));
        const editable = c.meeting.status !== 'cancelled' && s.minutesStatus !== 'approved' && s.minutesStatus !== 'published';
        return {
          meeting: c.meeting,
          forum: c.forum,
          deadlines: c.deadlines,
          items: draftWithheld ? snapshot.items.map(({ decision: _unsent, ...item }) => item) : snapshot.items,
          /** The agenda's total time against the meeting's length (the builder shows an overrun). */
          timing: { plannedMinutes: snapshot.items.reduce((n, i) => n + i.minutes, 0), meetingMinutes: minutesBetween(c.meeting.start, c.meeting.end) },
          proposals: proposals.filter((p) => secretariat || p.proposerPersonId === personId),
          /** Report-back items the rules engine proposes (secretariat only): accept with POST .../report-backs/:taskId/accept. */
          suggestions,
          attendance,
          standIns,
          contradictions,
          /** The meeting has started: presence can be recorded. */
          started,
          minutes: { ...minutesOf(s), sentAt: s.minutesSentAt ?? null, windowClosesAt: s.windowClosesAt ?? null, approvedAt: s.approvedAt ?? null, approvedHow: s.approvedHow ?? null, publishedAt: s.publishedAt ?? null, agendaApprovedAt: s.agendaApprovedAt ?? null, ...(draftWithheld ? { draftWithheld: true } : {}) },
          /** The referent of the agenda's and minutes' header: chosen by the secretariat, or by default the forum's secretary. */
          minuteTaker: taker ? { personId: taker.personId, name: pById.get(taker.personId)?.name ?? taker.personId, isDefault: taker.isDefault } : null,
          remarks: remarks.filter((r) => secretariat || r.personId === personId),
          tasks: snapshot.tasks,
          /** Every stored version (oldest first), without the snapshot; each is served by GET .../versions/:versionId/document.(html|docx). */
          versions: versions.map((v) => ({ ...v, createdByName: v.createdBy && v.createdBy !== 'system' ? (pById.get(v.createdBy)?.name ?? v.createdBy) : null })),
          permissions: {
            /** The secretariat manages the meeting (attendance, Outlook, revising the minutes) until the minutes are approved. */
            canManage: c.role.secretariat && editable,
            /** Attendance (answers on others' behalf, presence) is recorded by the forum's secretariat or a secretariat above it (e.g. the region's). */
            canRecordAttendance: canRecordAttendance(c) && editable,
            /** Items can be changed only before the meeting begins (afterwards they are what was dealt with). */
            canEditAgenda: c.role.secretariat && editable && !agendaClosed(c),
            /** The chair approves and the secretariat sends the agenda only before the meeting begins (history exempt). */
            canApproveAgenda: c.role.chair && c.meeting.status !== 'cancelled' && !agendaDecisionsClosed(c),
            canSendAgenda: c.role.secretariat && editable && !agendaDecisionsClosed(c),
            canPropose: c.role.member && c.meeting.status === 'planned' && beforeStart && (c.role.secretariat || now.getTime() < Date.parse(c.deadlines.itemsCutoff.at)),
            canAnswer: c.role.member && beforeStart && c.meeting.status !== 'cancelled',
            canRemark: c.role.member && open,
            canEditMinutes: c.role.secretariat && (s.minutesStatus === 'draft' || s.minutesStatus === 'revised') && c.meeting.status !== 'cancelled',
            canPublish: c.role.secretariat && s.minutesStatus === 'approved',
            /** Approved (or published) minutes are corrected as a new version with a reason; the agenda is closed by then. */
            canCorrect: c.role.secretariat && (s.minutesStatus === 'approved' || s.minutesStatus === 'published') && c.meeting.status !== 'cancelled',
          },
        };
      });
    },

    async documentInputFor(meetingId: string, personId: string, kind: DocumentKind) {
      const input = await transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, personId, clock.now());
        // As on the meeting page: minutes being written are not the members' until they are sent.
        if (kind === 'minutes') {
          const s = await uow.workflow.getState(meetingId);
          if (minutesWithheld(c.role, s.minutesStatus, s.minuteTakerPersonId, personId)) {
            throw forbidden('The minutes have not been sent yet: members read them when they go out for remarks', 'Referatet er ikke udsendt endnu: medlemmerne læser det, når det sendes til bemærkninger');
          }
        }
        return documentInput(uow.registry, await takeSnapshot(uow, meetingId), kind);
      });
      await assertNotWithheld(deps, { forumId: input.forum.id, meetingId, path: meetingDocumentPath(input.forum.id, meetingId, kind) }, kind);
      return input;
    },

    /** The document input of one stored version (agenda sent, minutes sent/approved/published/corrected), exactly as it was. */
    async versionDocumentInput(meetingId: string, versionId: string, personId: string) {
      const r = await transact(async (uow) => {
        await loadMeeting(uow, meetingId, personId, clock.now());
        const v = (await uow.workflow.listVersions(meetingId)).find((x) => x.id === versionId);
        if (!v) throw notFound('document version', versionId);
        return { version: v, input: await documentInput(uow.registry, v.snapshot as MeetingSnapshot, v.kind) };
      });
      await assertNotWithheld(deps, { forumId: r.input.forum.id, meetingId, path: meetingDocumentPath(r.input.forum.id, meetingId, r.version.kind) }, r.version.kind);
      return r;
    },

    async overview(personId: string) {
      return transact(async (uow) => {
        const now = clock.now();
        const today = todayOf(now);
        const person = await uow.registry.getPerson(personId);
        if (!person) throw notFound('person', personId);
        const mine = (await uow.registry.listMemberships({ personId })).filter((m) => isActiveOn(m, today));
        const forumIds = [...new Set(mine.map((m) => m.forumId))];
        const forums = new Map((await uow.registry.listForums()).map((f) => [f.id, f]));
        // With the joint meetings and theme days another forum holds with one of mine (I am invited to those too); one
        // event stored as a record per forum (a theme day of two of my forums) once.
        const meetings = listedForForums((await uow.meetings.listMeetings({ forumIds, from: today, to: addDays(today, 366), withJoint: true })).filter((m) => m.status !== 'cancelled'), forumIds);
        const answers = new Map((await uow.workflow.attendanceOfPerson(personId, meetings.map((m) => m.id))).map((a) => [a.meetingId, a]));
        const upcoming = meetings.filter((m) => Date.parse(meetingStart(m)) > now.getTime());
        const nextMeetings = upcoming.slice(0, 10).map((m) => ({ meeting: m, forum: forums.get(m.forumId) ?? null, answer: answers.get(m.id)?.answer ?? null, substituteName: answers.get(m.id)?.substituteName ?? null }));
        const deadlines = [];
        const calendars = await regionCalendars(uow.closedDays);
        for (const fId of forumIds) {
          const next = upcoming.find((m) => m.forumId === fId);
          if (!next) continue;
          const rules = await rulesOfMeeting(uow.registry, next, forums.get(fId));
          const isSecretariat = mine.some((m) => m.forumId === fId && secretariatRoles.includes(m.role));
          for (const d of deadlineList(deadlinesOf(next, rules, calendars.of(forums.get(fId)?.region ?? '')))) {
            if (Date.parse(d.at) < now.getTime()) continue;
            if (!isSecretariat && d.kind !== 'items_cutoff') continue;
            deadlines.push({ ...d, meetingId: next.id, forumId: fId, forumName: forums.get(fId)?.name ?? fId });
          }
        }
        deadlines.sort((a, b) => a.at.localeCompare(b.at));
        // Mine: given to me, or to the organisation I represent in the forum that gave it.
        const orgTasks = (await uow.meetings.listTasks({ forumIds, status: 'open' })).filter((t) => !t.assigneePersonId && isTaskMine(t, personId, mine));
        const tasks = [...(await uow.meetings.listTasks({ assigneePersonId: personId, status: 'open' })), ...orgTasks]
          .map((t) => ({ ...t, forumName: forums.get(t.forumId)?.name ?? t.forumId, ...(t.assigneeOrganisationId ? { via: 'organisation' as const } : {}) }))
          .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
        const horizon = addDays(today, 60);
        const unanswered = upcoming.filter((m) => m.date <= horizon && !answers.get(m.id)?.answer).map((m) => ({ meeting: m, forum: forums.get(m.forumId) ?? null }));
        return { person, nextMeetings, deadlines, tasks, unanswered };
      });
    },

    async addAttachment(meetingId: string, itemId: string, file: { fileName: string; contentType: string; bytes: Uint8Array }, actor: { personId: string }) {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'attach documents', 'vedhæfte bilag');
        requireNotCancelled(c);
        await assertItemsEditable(uow, c);
        const item = await uow.workflow.getItem(itemId);
        if (!item || item.meetingId !== meetingId) throw notFound('agenda item', itemId);
        const id = ids.newId('att');
        const path = `forums/${c.forum.id}/${meetingId}/bilag/${id}/${file.fileName}`;
        const stored = await deps.documents.put(path, file.bytes, { kind: 'attachment', contentType: file.contentType, fileName: file.fileName, forumId: c.forum.id, meetingId, createdBy: actor.personId });
        const att = { id, itemId, meetingId, fileName: file.fileName, contentType: file.contentType, size: file.bytes.byteLength, documentPath: path, documentVersion: stored.version };
        await uow.workflow.insertAttachment(att, actor.personId);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'attachment.add', forumId: c.forum.id, target: id, outcome: 'ok', detail: { meetingId, itemId, fileName: file.fileName, size: att.size } });
        return { id, fileName: att.fileName, contentType: att.contentType, size: att.size };
      });
    },

    async getAttachment(meetingId: string, itemId: string, attachmentId: string, personId: string) {
      const { att, forumId } = await transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, personId, clock.now());
        const a = await uow.workflow.getAttachment(attachmentId);
        if (!a || a.meetingId !== meetingId || a.itemId !== itemId) throw notFound('attachment', attachmentId);
        return { att: a, forumId: c.forum.id };
      });
      await assertNotWithheld(deps, { forumId, meetingId, path: att.documentPath }, 'attachment');
      const doc = await deps.documents.get(att.documentPath, att.documentVersion);
      if (!doc) throw new UseCaseError('not_found', 'The attachment file is missing from the document store', [], 'Bilagsfilen mangler');
      return { ...att, bytes: doc.bytes };
    },
  };
}
export type MeetingViewUseCases = ReturnType<typeof meetingViewUseCases>;
