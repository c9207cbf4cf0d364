/**
 * Building the agenda: add, edit, delete and reorder items (the fixed items
 * welcome / next meeting / any other business are added with the first item),
 * the chair's approval and the secretariat's sending, which stores an immutable
 * agenda version, sets agendaSentAt and queues the document sync to Microsoft 365.
 *
 * Items are frozen while the minutes are approved or published: a change then is
 * a correction (minutes.usecase.ts).
 */
import type { z } from 'zod';
import { AgendaItemInput, type AgendaItem } from '../../domain/meetings/meeting.model.js';
import { invalid, notFound, UseCaseError } from '../use-case.errors.js';
import type { Actor } from '../ports/store.port.js';
import { loadMeeting, meetingStart, requireNotCancelled, requireSecretariat, sharedFileRules, stateError, type MeetingContext, type WorkflowDeps, type WorkflowUnitOfWork } from './workflow.context.js';
import { documentInput, takeSnapshot } from './meeting-snapshot.js';
import { proposeReportBackItems, type ProposedAgendaItem } from '../../domain/tasks/task.report-back.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';
import { JOB } from '../ports/jobs.port.js';
import { standardItemTitles } from '../../domain/meetings/item-title.js';

/**
 * Report-back items the rules engine proposes for this meeting: open tasks that
 * report to the forum, due by this meeting, and not yet on the agenda.
 */
export async function reportBackSuggestions(uow: WorkflowUnitOfWork, c: MeetingContext): Promise<ProposedAgendaItem[]> {
  // Only the tasks that report back to this forum are read, not every open task in the country.
  const tasks = (await uow.meetings.listTasks({ status: 'open', reportToForumId: c.forum.id })).filter((t) => t.reportToForumId === c.forum.id);
  if (!tasks.length) return [];
  const meetings = await uow.meetings.listMeetings({ forumIds: [c.forum.id] });
  const rules = c.rules.rules;
  const items = await uow.workflow.listItems(c.meeting.id);
  const taken = new Set(items.map((i) => i.origin?.refId).filter(Boolean));
  return proposeReportBackItems(tasks, { meetings, rulesFor: () => rules, calendarFor: () => c.calendar, now: c.now.toISOString() }).filter(
    (p) => p.meetingId === c.meeting.id && !taken.has(p.origin.refId),
  );
}

export type ItemInput = z.output<typeof AgendaItemInput>;

/** The standard items as added, with their Danish titles (shown in English by their key: src/domain/meetings/item-title.ts). */
export const fixedTemplates: Record<NonNullable<AgendaItem['fixed']>, { title: string; minutes: number }> = {
  welcome: { title: standardItemTitles.welcome.da, minutes: 5 },
  next_meeting: { title: standardItemTitles.next_meeting.da, minutes: 5 },
  any_other_business: { title: standardItemTitles.any_other_business.da, minutes: 5 },
};

/** More is not a meeting's agenda; the cap also bounds the cost of renumbering. */
export const MAX_ITEMS = 60;

/** Items keep welcome first and next meeting / any other business last. */
export function orderWithFixed<T extends Pick<AgendaItem, 'fixed'>>(items: readonly T[]): T[] {
  const rank = (i: T) => (i.fixed === 'welcome' ? 0 : i.fixed === 'next_meeting' ? 2 : i.fixed === 'any_other_business' ? 3 : 1);
  return items.map((item, idx) => ({ item, idx })).sort((a, b) => rank(a.item) - rank(b.item) || a.idx - b.idx).map((x) => x.item);
}

/**
 * Once a meeting has begun (or is recorded as held) its agenda is what was dealt
 * with: items are no longer added, edited, reordered or removed, nor attachments
 * added. The minutes (decisions, attendance) stay editable per the workflow.
 */
export function agendaClosed(c: Pick<MeetingContext, 'meeting' | 'now'>): boolean {
  return c.meeting.status === 'held' || c.now.getTime() >= Date.parse(meetingStart(c.meeting));
}

export function requireAgendaOpen(c: Pick<MeetingContext, 'meeting' | 'now'>) {
  if (agendaClosed(c)) {
    throw new UseCaseError(
      'invalid_state',
      'The meeting has begun or been held; its agenda can no longer be changed (the minutes can)',
      [{ field: 'meetingId', reason: 'the meeting has begun or been held' }],
      'Mødet er begyndt eller afholdt; dagsordenen kan ikke længere ændres (det kan referatet)',
    );
  }
}

/**
 * The chair's approval and the secretariat's sending are decisions before the
 * meeting: once it has begun (or is recorded as held) they are refused. A meeting
 * recorded as history is exempt (its dates are as entered).
 */
export function agendaDecisionsClosed(c: Pick<MeetingContext, 'meeting' | 'now'>): boolean {
  return !c.meeting.historical && agendaClosed(c);
}

export function requireAgendaDecisionsOpen(c: Pick<MeetingContext, 'meeting' | 'now'>, what: 'approved' | 'sent') {
  if (agendaDecisionsClosed(c)) {
    const da = what === 'approved' ? 'godkendes' : 'udsendes';
    throw new UseCaseError(
      'invalid_state',
      `The meeting has begun or been held; its agenda can no longer be ${what}`,
      [{ field: 'meetingId', reason: 'the meeting has begun or been held' }],
      `Mødet er begyndt eller afholdt; dagsordenen kan ikke længere ${da}`,
    );
  }
}

export async function assertItemsEditable(uow: WorkflowUnitOfWork, c: MeetingContext) {
  requireNotCancelled(c);
  const s = await uow.workflow.getState(c.meeting.id, true);
  if (s.minutesStatus === 'approved' || s.minutesStatus === 'published') {
    throw stateError(
      'The minutes are approved; a change is a correction (POST /minutes/correct with a reason)',
      'Referatet er godkendt; en ændring er en rettelse, som kræver en begrundelse',
    );
  }
  requireAgendaOpen(c);
}

async function ensureFixedItems(uow: WorkflowUnitOfWork, meetingId: string, deps: WorkflowDeps): Promise<AgendaItem[]> {
  const items = await uow.workflow.listItems(meetingId);
  const have = new Set(items.map((i) => i.fixed).filter(Boolean));
  const added: AgendaItem[] = [];
  for (const fixed of ['welcome', 'next_meeting', 'any_other_business'] as const) {
    if (have.has(fixed)) continue;
    const t = fixedTemplates[fixed];
    const item: AgendaItem = { id: deps.ids.newId('itm'), meetingId, position: 0, title: t.title, kind: 'orientation', presenters: [], minutes: t.minutes, background: '', recommendations: [], fixed, attachments: [] };
    await uow.workflow.insertItem(item);
    added.push(item);
  }
  return [...items, ...added];
}

async function renumber(uow: WorkflowUnitOfWork, items: readonly AgendaItem[]) {
  await uow.workflow.setPositions(orderWithFixed(items).map((i) => i.id));
}

/** Adds an item (and the fixed items when it is the first); used by the secretariat and by accepting a proposal. */
export async function insertItem(uow: WorkflowUnitOfWork, deps: WorkflowDeps, meetingId: string, input: ItemInput, origin?: AgendaItem['origin']): Promise<AgendaItem> {
  const existing = await ensureFixedItems(uow, meetingId, deps);
  if (existing.length >= MAX_ITEMS) throw new UseCaseError('conflict', `An agenda has at most ${MAX_ITEMS} items`, [], `En dagsorden kan højst have ${MAX_ITEMS} punkter`);
  if (input.fixed && existing.some((i) => i.fixed === input.fixed)) throw invalid('fixed', `the agenda already has the fixed item "${input.fixed}"`, 'dagsordenen har allerede dette faste punkt');
  // "Eventuelt" typed as the first item would stand twice: once as the standard item added with it, once as typed.
  const same = !input.fixed && existing.find((i) => i.fixed && i.title.trim().toLocaleLowerCase('da') === input.title.trim().toLocaleLowerCase('da'));
  if (same) throw invalid('title', `"${same.title}" is a standard item already on the agenda`, `"${same.title}" er et standardpunkt og står allerede på dagsordenen`);
  const item: AgendaItem = { ...input, id: deps.ids.newId('itm'), meetingId, position: 0, attachments: [], ...(origin ? { origin } : {}) };
  await uow.workflow.insertItem(item);
  await renumber(uow, [...existing, item]);
  return (await uow.workflow.getItem(item.id))!;
}

export function agendaUseCases(deps: WorkflowDeps) {
  const { transact, clock } = deps;
  return {
    async initAgenda(meetingId: string, actor: Required<Pick<Actor, 'personId'>>): Promise<AgendaItem[]> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'edit the agenda', 'redigere dagsordenen');
        await assertItemsEditable(uow, c);
        const items = await ensureFixedItems(uow, meetingId, deps);
        await renumber(uow, items);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.init', forumId: c.forum.id, target: meetingId, outcome: 'ok' });
        return uow.workflow.listItems(meetingId);
      });
    },

    async createItem(meetingId: string, input: ItemInput, actor: Required<Pick<Actor, 'personId'>>): Promise<AgendaItem> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'edit the agenda', 'redigere dagsordenen');
        await assertItemsEditable(uow, c);
        const item = await insertItem(uow, deps, meetingId, input);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.item.create', forumId: c.forum.id, target: item.id, outcome: 'ok', detail: { meetingId } });
        return item;
      });
    },

    async updateItem(meetingId: string, itemId: string, input: ItemInput, actor: Required<Pick<Actor, 'personId'>>): Promise<AgendaItem> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'edit the agenda', 'redigere dagsordenen');
        await assertItemsEditable(uow, c);
        const before = await uow.workflow.getItem(itemId);
        if (!before || before.meetingId !== meetingId) throw notFound('agenda item', itemId);
        if (input.fixed !== before.fixed) throw invalid('fixed', 'an item cannot become or stop being a fixed item', 'et punkt kan ikke skifte til eller fra fast punkt');
        const item: AgendaItem = { ...before, ...input };
        await uow.workflow.updateItem(item);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.item.update', forumId: c.forum.id, target: itemId, outcome: 'ok', detail: { meetingId } });
        return (await uow.workflow.getItem(itemId))!;
      });
    },

    async deleteItem(meetingId: string, itemId: string, actor: Required<Pick<Actor, 'personId'>>): Promise<void> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'edit the agenda', 'redigere dagsordenen');
        await assertItemsEditable(uow, c);
        const before = await uow.workflow.getItem(itemId);
        if (!before || before.meetingId !== meetingId) throw notFound('agenda item', itemId);
        if (before.attachments.length) throw new UseCaseError('conflict', 'The item has attachments; an item with attachments is kept (the attachments are part of the record)', [], 'Punktet har bilag og kan derfor ikke slettes');
        if ((await uow.meetings.listTasks({ forumIds: [c.forum.id] })).some((t) => t.sourceItemId === itemId)) {
          throw new UseCaseError('conflict', 'Tasks were created from this item; it cannot be deleted', [], 'Der er oprettet opgaver fra punktet; det kan ikke slettes');
        }
        await uow.workflow.deleteItem(itemId);
        await renumber(uow, (await uow.workflow.listItems(meetingId)));
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.item.delete', forumId: c.forum.id, target: itemId, outcome: 'ok', detail: { meetingId, title: before.title } });
      });
    },

    /** The new order must name every item of the meeting exactly once; fixed items keep their places. */
    async reorder(meetingId: string, itemIds: readonly string[], actor: Required<Pick<Actor, 'personId'>>): Promise<AgendaItem[]> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'edit the agenda', 'redigere dagsordenen');
        await assertItemsEditable(uow, c);
        const items = await uow.workflow.listItems(meetingId);
        const byId = new Map(items.map((i) => [i.id, i]));
        if (new Set(itemIds).size !== itemIds.length) throw invalid('itemIds', 'lists an item twice', 'nævner et punkt to gange');
        if (itemIds.length !== items.length || itemIds.some((id) => !byId.has(id))) {
          throw invalid('itemIds', 'must list every item of the meeting exactly once', 'skal nævne hvert af mødets punkter præcis én gang');
        }
        await uow.workflow.setPositions(orderWithFixed(itemIds.map((id) => byId.get(id)!)).map((i) => i.id));
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.reorder', forumId: c.forum.id, target: meetingId, outcome: 'ok' });
        return uow.workflow.listItems(meetingId);
      });
    },

    /** Puts a report-back item the rules engine proposed (see reportBackSuggestions) on the agenda. */
    async acceptReportBack(meetingId: string, taskId: string, actor: Required<Pick<Actor, 'personId'>>): Promise<AgendaItem> {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        requireSecretariat(c, 'edit the agenda', 'redigere dagsordenen');
        await assertItemsEditable(uow, c);
        const s = (await reportBackSuggestions(uow, c)).find((x) => x.origin.refId === taskId);
        if (!s) throw notFound('report-back suggestion for task', taskId);
        const task = (await uow.meetings.getTask(taskId))!;
        const item = await insertItem(uow, deps, meetingId, { title: s.title, kind: 'orientation', presenters: [], minutes: 10, background: task.description, recommendations: ['At tilbagemeldingen tages til efterretning'] }, s.origin);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.item.report_back', forumId: c.forum.id, target: item.id, outcome: 'ok', detail: { meetingId, taskId } });
        return item;
      });
    },

    async approveAgenda(meetingId: string, actor: Required<Pick<Actor, 'personId'>>) {
      return transact(async (uow) => {
        const now = clock.now();
        const c = await loadMeeting(uow, meetingId, actor.personId, now);
        if (!c.role.chair) throw new UseCaseError('forbidden', 'Only the chair or a co-chair approves the agenda', [], 'Kun formanden eller en medformand godkender dagsordenen');
        requireNotCancelled(c);
        requireAgendaDecisionsOpen(c, 'approved');
        const items = await uow.workflow.listItems(meetingId);
        if (!items.some((i) => !i.fixed)) throw stateError('The agenda has no items yet', 'Dagsordenen har ingen punkter endnu');
        const s = await uow.workflow.getState(meetingId, true);
        const next = { ...s, agendaApprovedAt: now.toISOString(), agendaApprovedBy: actor.personId };
        await uow.workflow.saveState(next);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.approve', forumId: c.forum.id, target: meetingId, outcome: 'ok' });
        return { approvedAt: next.agendaApprovedAt, approvedBy: actor.personId };
      });
    },

    /** Sends the approved agenda: an immutable version, agendaSentAt, and the sync job. Sending again makes a new version. */
    async sendAgenda(meetingId: string, actor: Required<Pick<Actor, 'personId'>>) {
      return transact(async (uow) => {
        const now = clock.now();
        const c = await loadMeeting(uow, meetingId, actor.personId, now);
        requireSecretariat(c, 'send the agenda', 'udsende dagsordenen');
        requireNotCancelled(c);
        requireAgendaDecisionsOpen(c, 'sent');
        const s = await uow.workflow.getState(meetingId, true);
        if (!s.agendaApprovedAt) throw stateError('The chair has not approved the agenda yet', 'Formanden har ikke godkendt dagsordenen endnu');
        const items = await uow.workflow.listItems(meetingId);
        if (!items.some((i) => !i.fixed)) throw stateError('The agenda has no items yet', 'Dagsordenen har ingen punkter endnu');
        const version = await uow.workflow.nextAgendaVersion(meetingId);
        const sentAt = now.toISOString();
        const updated = { ...c.meeting, agendaSentAt: sentAt };
        if (!(await uow.meetings.updateMeeting(updated, c.meeting.revision))) {
          throw new UseCaseError('conflict', 'The meeting was changed by someone else meanwhile; reload and try again', [], 'Mødet er ændret af en anden imens; hent det igen og prøv igen');
        }
        const snapshot = await takeSnapshot(uow, meetingId);
        await uow.workflow.insertVersion({ id: deps.ids.newId('ver'), meetingId, kind: 'agenda', version, event: 'sent', createdBy: actor.personId, createdAt: sentAt, snapshot });
        await uow.audit.record({ actorPersonId: actor.personId, action: 'agenda.send', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { version } });
        await uow.outbox.enqueue(JOB.documentSync, { meetingId, kind: 'agenda', version }, { singletonKey: `agenda:${meetingId}:v${version}` });
        // The Outlook event gets the sent agenda (link in its body, the DOCX attached).
        await uow.outbox.enqueue(JOB.meetingSync, { meetingId, revision: updated.revision + 1, change: 'agenda' }, { singletonKey: `agenda-event:${meetingId}:v${version}` });
        // An online meeting's Teams chat gets the agenda card (once per version; nothing for a meeting that is not online).
        await uow.outbox.enqueue(JOB.meetingChat, { meetingId, about: 'agenda', version }, { singletonKey: `chat:${meetingId}:agenda:v${version}` });
        // Members are told: the first sending is "sent", a later one "changed after sending".
        await raiseNotice(uow.outbox, meetingNotice(version === 1 ? 'agenda_sent' : 'agenda_changed', c.meeting, sentAt, `v${version}`, { version, documents: ['agenda'] }));
        // Last, so a failed write to the store rolls the sending back; the store keeps every version.
        const docx = await deps.renderDocx(await documentInput(uow.registry, snapshot, 'agenda'), await sharedFileRules(uow.registry, c.forum));
        await deps.documents.put(`forums/${c.forum.id}/${meetingId}/dagsorden.docx`, docx, {
          kind: 'agenda',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          fileName: 'dagsorden.docx',
          forumId: c.forum.id,
          meetingId,
          createdBy: actor.personId,
        });
        return { version, sentAt };
      });
    },
  };
}
export type AgendaUseCases = ReturnType<typeof agendaUseCases>;
