/**
 * The minutes: decisions per item, tasks, sending for remarks (opens the comment
 * window and schedules the tacit-approval job at its close), remarks while the
 * window is open, revising, explicit and tacit approval, publication (refused
 * while personal data is flagged and not confirmed) and corrections.
 *
 * Every change of state goes through the lifecycle state machine
 * (src/domain/lifecycle/minutes.lifecycle.ts) except a correction: the state
 * machine has no way back from approved/published, so a correction is modelled
 * here as a new version in state "revised" with a reason, and the approved
 * version stays stored (and published) untouched until the new one is approved.
 */
import { JOB, type JobName, type JobPayload } from '../ports/jobs.port.js';
import { z } from 'zod';
import { earlyApprovalGrounds, transitionMinutes, type MinutesEvent } from '../../domain/lifecycle/minutes.lifecycle.js';
import { type Remark, type Task } from '../../domain/meetings/meeting.model.js';
import { id, isoDate } from '../../domain/registry/registry.model.js';
import { scanMeetingTexts } from '../../domain/documents/personal-data.detector.js';
import type { MeetingTimer, WorkflowState } from '../../domain/meetings/workflow.model.js';
import { invalid, notFound, UseCaseError } from '../use-case.errors.js';
import { danishInstant, deadlinesOf, englishInstant, rulesOfMeeting, loadMeeting, meetingStart, requireMember, requireNotCancelled, requireSecretariat, sharedFileRules, stateError, type MeetingContext, type WorkflowDeps, type WorkflowUnitOfWork } from './workflow.context.js';
import { calendarOfRegion } from '../region-calendar.js';
import { requireAttendanceResolved } from './attendance-check.js';
import { documentInput, minutesOf, minuteTakerOf, takeSnapshot } from './meeting-snapshot.js';
import { isActiveOn } from '../../domain/registry/registry.model.js';
import { meetingNotice, raiseNotice } from '../notifications/notice.usecase.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const DecisionInput = z.object({ decision: z.string().max(20000) });
export const MeetingTaskInput = z
  .object({
    title: text(500),
    description: z.string().max(10000).default(''),
    dueOn: isoDate,
    assigneePersonId: id.optional(),
    assigneeForumId: id.optional(),
    assigneeOrganisationId: id.optional(),
    reportToForumId: id.optional(),
    sourceItemId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.assigneeForumId && !v.assigneePersonId && !v.assigneeOrganisationId) ctx.addIssue({ code: 'custom', path: ['assigneePersonId'], message: 'a task needs a person, an organisation or a forum to do it (opgaven skal gives til en person, en organisation eller et forum)' });
    if ([v.assigneeForumId, v.assigneePersonId, v.assigneeOrganisationId].filter(Boolean).length > 1) ctx.addIssue({ code: 'custom', path: ['assigneePersonId'], message: 'give the task to one: a person, an organisation or a forum (kun én ansvarlig)' });
  });
export const RemarkInput = z.object({ itemId: id.optional(), text: text(10000) });
export const ReasonInput = z.object({ reason: text(2000) });
/**
 * Explicit approval. Before the comment window closes, or with remarks on the
 * current version not taken into a revision, it takes `confirm: true` and a reason.
 */
export const ApproveInput = z.object({ confirm: z.boolean().optional(), reason: z.string().trim().max(2000).optional() });
export const SendMinutesInput = z.object({ confirmContradictions: z.boolean().optional() });
export const PublishInput = z.object({ confirmPersonalData: z.boolean().optional() });
/** The referent: a member of the forum on the meeting date, or null for the default (the forum's secretary). */
export const MinuteTakerInput = z.object({ personId: id.nullable() });
/** The item the meeting moves to: 0-based in agenda order; -1 back to not started; the number of items when it is through. */
export const MeetingTimerInput = z.object({ index: z.number().int().min(-1).max(1000) });

export const TACIT_QUEUE = JOB.minutesTacitApproval satisfies JobName;
export type TacitApprovalJob = JobPayload<typeof JOB.minutesTacitApproval>;

type Who = { personId: string };

function apply(s: WorkflowState, e: MinutesEvent): WorkflowState {
  const t = transitionMinutes(minutesOf(s), e);
  if (!t.ok) {
    const kind = t.refusal.code === 'window_closed' ? 'deadline_passed' : 'invalid_state';
    throw new UseCaseError(kind, t.refusal.en, [], t.refusal.da, { code: t.refusal.code });
  }
  const m = t.value;
  return { ...s, minutesStatus: m.status, minutesVersion: m.version, ...(m.approvedAt ? { approvedAt: m.approvedAt } : {}), ...(m.approvedHow ? { approvedHow: m.approvedHow } : {}), ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}) };
}

function assertDraftable(s: WorkflowState) {
  if (s.minutesStatus !== 'draft' && s.minutesStatus !== 'revised') {
    throw stateError(
      `The minutes are ${s.minutesStatus.replace(/_/g, ' ')}; revise them (or correct approved minutes) before changing them`,
      'Referatet er sendt eller godkendt; revidér det (eller ret det godkendte referat) før det ændres',
    );
  }
}

const minutesPath = (c: Pick<MeetingContext, 'forum' | 'meeting'>) => `forums/${c.forum.id}/${c.meeting.id}/referat.docx`;

export function minutesUseCases(deps: WorkflowDeps) {
  const { transact, clock, ids } = deps;

  async function withMeeting<T>(meetingId: string, actor: Who, fn: (c: MeetingContext, uow: WorkflowUnitOfWork, s: WorkflowState) => Promise<T>): Promise<T> {
    return transact(async (uow) => {
      const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
      const s = await uow.workflow.getState(meetingId, true);
      return fn(c, uow, s);
    });
  }

  /** The timer as every participant's panel shows it: the server's clock beside it, so a client with a wrong clock still counts right. */
  const timerView = (meetingId: string, t: MeetingTimer | undefined, c: MeetingContext, itemCount: number) => ({
    meetingId,
    index: t ? Math.min(t.index, itemCount) : -1,
    startedAt: t?.startedAt ?? null,
    serverNow: c.now.toISOString(),
    canRun: c.role.secretariat && c.meeting.status !== 'cancelled',
  });

  return {
    async setDecision(meetingId: string, itemId: string, decision: string, actor: Who) {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'write the minutes', 'skrive referatet');
        requireNotCancelled(c);
        assertDraftable(s);
        const item = await uow.workflow.getItem(itemId);
        if (!item || item.meetingId !== meetingId) throw notFound('agenda item', itemId);
        const next = { ...item };
        if (decision.trim()) next.decision = decision;
        else delete next.decision;
        await uow.workflow.updateItem(next);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.decision', forumId: c.forum.id, target: itemId, outcome: 'ok', detail: { meetingId, version: s.minutesVersion } });
        return (await uow.workflow.getItem(itemId))!;
      });
    },

    /**
     * Sets the minute-taker (referent) shown in the agenda's and the minutes' header;
     * null goes back to the default, the forum's secretary. Part of the minutes, so
     * only while they are a draft or being revised (afterwards it is a correction).
     */
    /** The meeting's shared item timer (the side panel and stage in the Teams meeting); anyone who may open the meeting reads it. */
    async timer(meetingId: string, actor: Who) {
      return transact(async (uow) => {
        const c = await loadMeeting(uow, meetingId, actor.personId, clock.now());
        const [t, items] = await Promise.all([uow.workflow.getTimer(meetingId), uow.workflow.listItems(meetingId)]);
        return timerView(meetingId, t, c, items.length);
      });
    },

    /** Moves the shared timer to an item (its time starts now), back to not started (-1), or past the last item (through). */
    async setTimer(meetingId: string, index: number, actor: Who) {
      return withMeeting(meetingId, actor, async (c, uow) => {
        requireSecretariat(c, 'run the meeting\'s item timer', 'styre mødets tidtagning');
        requireNotCancelled(c);
        const items = await uow.workflow.listItems(meetingId);
        if (index > items.length) {
          throw invalid('index', `is past the end of the agenda (it has ${items.length} items; ${items.length} means the meeting is through)`, `ligger efter dagsordenens sidste punkt (den har ${items.length} punkter; ${items.length} betyder, at mødet er slut)`);
        }
        const now = c.now.toISOString();
        const t: MeetingTimer = { meetingId, index, updatedBy: actor.personId, updatedAt: now, ...(index >= 0 && index < items.length ? { startedAt: now } : {}) };
        await uow.workflow.saveTimer(t);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'meeting.timer', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { index } });
        return timerView(meetingId, t, c, items.length);
      });
    },

    async setMinuteTaker(meetingId: string, personId: string | null, actor: Who) {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'choose the minute-taker', 'vælge referent');
        requireNotCancelled(c);
        assertDraftable(s);
        const memberships = await uow.registry.listMemberships({ forumId: c.forum.id });
        if (personId && !memberships.some((m) => m.personId === personId && isActiveOn(m, c.meeting.date))) {
          throw invalid('personId', `person "${personId}" is not a member of the forum on the meeting date`, 'personen er ikke medlem af forummet på mødedatoen');
        }
        const next: WorkflowState = { ...s };
        if (personId) next.minuteTakerPersonId = personId;
        else delete next.minuteTakerPersonId;
        await uow.workflow.saveState(next);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.minute_taker', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { personId } });
        const taker = minuteTakerOf(next.minuteTakerPersonId, memberships, c.forum.id, c.meeting.date);
        return { personId: taker?.personId ?? null, isDefault: taker?.isDefault ?? true };
      });
    },

    async createTask(meetingId: string, input: z.output<typeof MeetingTaskInput>, actor: Who): Promise<Task> {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'create tasks', 'oprette opgaver');
        requireNotCancelled(c);
        assertDraftable(s);
        if (input.assigneePersonId && !(await uow.registry.getPerson(input.assigneePersonId))) throw invalid('assigneePersonId', `person "${input.assigneePersonId}" does not exist`, 'personen findes ikke');
        if (input.assigneeForumId && !(await uow.registry.getForum(input.assigneeForumId))) throw invalid('assigneeForumId', `forum "${input.assigneeForumId}" does not exist`, 'forummet findes ikke');
        if (input.assigneeOrganisationId && !(await uow.registry.getOrganisation(input.assigneeOrganisationId))) throw invalid('assigneeOrganisationId', `organisation "${input.assigneeOrganisationId}" does not exist`, 'organisationen findes ikke');
        if (input.reportToForumId && !(await uow.registry.getForum(input.reportToForumId))) throw invalid('reportToForumId', `forum "${input.reportToForumId}" does not exist`, 'forummet findes ikke');
        if (input.sourceItemId) {
          const item = await uow.workflow.getItem(input.sourceItemId);
          if (!item || item.meetingId !== meetingId) throw invalid('sourceItemId', 'is not an item of this meeting', 'er ikke et punkt på dette møde');
        }
        const task: Task = { ...input, id: ids.newId('tsk'), forumId: c.forum.id, sourceMeetingId: meetingId, status: 'open' };
        for (const k of ['assigneePersonId', 'assigneeForumId', 'assigneeOrganisationId', 'reportToForumId', 'sourceItemId'] as const) if (task[k] === undefined) delete task[k];
        await uow.meetings.insertTask(task);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'task.create', forumId: c.forum.id, target: task.id, outcome: 'ok', detail: { meetingId } });
        return task;
      });
    },

    /** Opens the comment window from now; the window's close schedules the tacit approval. */
    async send(meetingId: string, actor: Who, options: { confirmContradictions?: boolean } = {}) {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'send the minutes', 'udsende referatet');
        requireNotCancelled(c);
        const now = c.now;
        const start = meetingStart(c.meeting);
        if (now.getTime() < Date.parse(start)) throw stateError('The meeting has not taken place yet', 'Mødet er ikke afholdt endnu');
        const confirmed = await requireAttendanceResolved(uow, c, options.confirmContradictions === true);
        const at = now.toISOString();
        const next = apply(s, { type: 'send_for_remarks', at });
        const windowClosesAt = new Date(deadlinesOf(c.meeting, c.rules, c.calendar, at).commentWindowCloses.at).toISOString();
        const saved: WorkflowState = { ...next, minutesSentAt: at, windowClosesAt };
        await uow.workflow.saveState(saved);
        const meeting = { ...c.meeting, minutesSentAt: at, ...(c.meeting.status === 'planned' ? { status: 'held' as const } : {}) };
        if (!(await uow.meetings.updateMeeting(meeting, c.meeting.revision))) {
          throw new UseCaseError('conflict', 'The meeting was changed by someone else meanwhile; reload and try again', [], 'Mødet er ændret af en anden imens; prøv igen');
        }
        const snapshot = await takeSnapshot(uow, meetingId);
        await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId, kind: 'minutes', version: saved.minutesVersion, event: 'sent', createdBy: actor.personId, createdAt: at, snapshot });
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.send', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { version: saved.minutesVersion, windowClosesAt, ...(confirmed.length ? { confirmedContradictions: confirmed.map((f) => ({ code: f.code, personId: f.personId })) } : {}) } });
        const job: TacitApprovalJob = { meetingId, version: saved.minutesVersion };
        await uow.outbox.enqueue(TACIT_QUEUE, job, { startAfter: new Date(windowClosesAt), singletonKey: `${meetingId}:v${saved.minutesVersion}` });
        // An online meeting's Teams chat gets the minutes card (once per version).
        await uow.outbox.enqueue(JOB.meetingChat, { meetingId, about: 'minutes', version: saved.minutesVersion, remarksUntil: windowClosesAt }, { singletonKey: `chat:${meetingId}:minutes:v${saved.minutesVersion}` });
        await raiseNotice(uow.outbox, meetingNotice('comment_window_open', c.meeting, at, `v${saved.minutesVersion}`, { version: saved.minutesVersion, documents: ['minutes'] }, windowClosesAt));
        return { status: saved.minutesStatus, version: saved.minutesVersion, sentAt: at, windowClosesAt };
      });
    },

    async remark(meetingId: string, input: z.output<typeof RemarkInput>, actor: Who): Promise<Remark> {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireMember(c, 'remark on the minutes', 'give bemærkninger til referatet');
        if (s.minutesStatus !== 'sent_for_remarks' || !s.windowClosesAt) {
          throw stateError('The minutes are not out for remarks', 'Referatet er ikke sendt til bemærkninger');
        }
        const at = c.now.toISOString();
        const t = transitionMinutes(minutesOf(s), { type: 'remark', at, windowClosesAt: s.windowClosesAt });
        if (!t.ok) {
          throw new UseCaseError(
            'deadline_passed',
            `The comment window closed ${englishInstant(s.windowClosesAt)}`,
            [],
            `Fristen for bemærkninger udløb ${danishInstant(s.windowClosesAt)}`,
            { deadline: s.windowClosesAt },
          );
        }
        if (input.itemId) {
          const item = await uow.workflow.getItem(input.itemId);
          if (!item || item.meetingId !== meetingId) throw invalid('itemId', 'is not an item of this meeting', 'er ikke et punkt på dette møde');
        }
        const r: Remark = { id: ids.newId('rmk'), meetingId, personId: actor.personId, text: input.text, createdAt: at, ...(input.itemId ? { itemId: input.itemId } : {}) };
        await uow.workflow.insertRemark({ ...r, minutesVersion: s.minutesVersion });
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.remark', forumId: c.forum.id, target: r.id, outcome: 'ok', detail: { meetingId } });
        return r;
      });
    },

    async revise(meetingId: string, reason: string, actor: Who) {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'revise the minutes', 'revidere referatet');
        const next = apply(s, { type: 'revise', at: c.now.toISOString() });
        await uow.workflow.saveState(next);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.revise', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { version: next.minutesVersion, reason } });
        return { status: next.minutesStatus, version: next.minutesVersion };
      });
    },

    async approve(meetingId: string, actor: Who, input: z.output<typeof ApproveInput> = {}) {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'approve the minutes', 'godkende referatet');
        const at = c.now.toISOString();
        const next = apply(s, { type: 'approve', at });
        const openRemarks = (await uow.workflow.listRemarks(meetingId)).filter((r) => (r as Remark & { minutesVersion?: number }).minutesVersion === s.minutesVersion).length;
        const grounds = earlyApprovalGrounds({ at, windowClosesAt: s.minutesStatus === 'sent_for_remarks' ? s.windowClosesAt : undefined, openRemarks });
        const reason = input.reason?.trim() ?? '';
        if (grounds.length && (!input.confirm || !reason)) {
          const why = grounds.map((g) => (g === 'window_open' ? `the comment window is open until ${englishInstant(s.windowClosesAt!)}` : `${openRemarks} remark(s) on this version are not answered by a revision`)).join(' and ');
          const whyDa = grounds.map((g) => (g === 'window_open' ? `fristen for bemærkninger løber til ${danishInstant(s.windowClosesAt!)}` : `${openRemarks} bemærkning(er) til denne version er ikke indarbejdet`)).join(', og ');
          throw new UseCaseError(
            'conflict',
            `Approving now needs a confirmation and a reason: ${why}`,
            [...(!input.confirm ? [{ field: 'confirm', reason: 'must be true to approve early' }] : []), ...(!reason ? [{ field: 'reason', reason: 'say why the minutes are approved early' }] : [])],
            `Godkendelse nu kræver en bekræftelse og en begrundelse: ${whyDa}`,
            { code: 'confirmation_required', grounds, openRemarks, ...(s.windowClosesAt ? { windowClosesAt: s.windowClosesAt } : {}) },
          );
        }
        await uow.workflow.saveState(next);
        await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId, kind: 'minutes', version: next.minutesVersion, event: 'approved', ...(reason && grounds.length ? { reason } : {}), createdBy: actor.personId, createdAt: at, snapshot: await takeSnapshot(uow, meetingId) });
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.approve', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { version: next.minutesVersion, how: 'explicit', ...(grounds.length ? { early: grounds, reason } : {}) } });
        await raiseNotice(uow.outbox, meetingNotice('minutes_approved', c.meeting, at, `v${next.minutesVersion}`, { version: next.minutesVersion, how: 'explicit', ...(grounds.length ? { reason } : {}), documents: ['minutes'] }, at));
        return { status: next.minutesStatus, version: next.minutesVersion, approvedAt: next.approvedAt, approvedHow: next.approvedHow, ...(grounds.length ? { early: grounds, reason } : {}) };
      });
    },

    /**
     * The job at the window's close. Idempotent: does nothing when the minutes are
     * no longer out (approved, revised into a newer version ...) or the job is for
     * an older version; when the clock says the window is still open it leaves the
     * minutes as they are (the job is scheduled for the close, so this only
     * happens with a skewed clock) and reports it.
     */
    async tacitApproval(job: TacitApprovalJob): Promise<{ outcome: 'approved' | 'skipped'; why?: string }> {
      return transact(async (uow) => {
        const meeting = await uow.meetings.getMeeting(job.meetingId);
        if (!meeting) return { outcome: 'skipped', why: 'no such meeting' };
        const s = await uow.workflow.getState(job.meetingId, true);
        if (s.minutesVersion !== job.version) return { outcome: 'skipped', why: 'a newer version exists' };
        if ((s.minutesStatus !== 'sent_for_remarks' && s.minutesStatus !== 'revised') || !s.windowClosesAt) return { outcome: 'skipped', why: `minutes are ${s.minutesStatus}` };
        // Only whether tacit approval applies is read here (the meeting's rules, as on its page); the window's close is the one stored at sending.
        const forum = await uow.registry.getForum(meeting.forumId);
        const cal = await calendarOfRegion(uow.closedDays, forum?.region ?? '');
        const tacit = deadlinesOf(meeting, await rulesOfMeeting(uow.registry, meeting, forum), cal, s.minutesSentAt).tacitApproval;
        const t = transitionMinutes(minutesOf(s), { type: 'close_window', at: clock.now().toISOString(), windowClosesAt: s.windowClosesAt, tacitApproval: tacit });
        if (!t.ok) return { outcome: 'skipped', why: t.refusal.code };
        const next: WorkflowState = { ...s, minutesStatus: t.value.status, approvedAt: t.value.approvedAt!, approvedHow: 'tacit' };
        await uow.workflow.saveState(next);
        await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId: job.meetingId, kind: 'minutes', version: next.minutesVersion, event: 'approved', createdBy: 'system', createdAt: clock.now().toISOString(), snapshot: await takeSnapshot(uow, job.meetingId) });
        await uow.audit.record({ action: 'minutes.approve', forumId: meeting.forumId, target: job.meetingId, outcome: 'ok', detail: { version: next.minutesVersion, how: 'tacit', system: 'minutes.tacit-approval' } });
        await raiseNotice(uow.outbox, meetingNotice('minutes_approved', meeting, next.approvedAt!, `v${next.minutesVersion}`, { version: next.minutesVersion, how: 'tacit', documents: ['minutes'] }, next.approvedAt!));
        return { outcome: 'approved' };
      });
    },

    async publish(meetingId: string, confirmPersonalData: boolean, actor: Who) {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'publish the minutes', 'offentliggøre referatet');
        const at = c.now.toISOString();
        const next = apply(s, { type: 'publish', at });
        const snapshot = await takeSnapshot(uow, meetingId);
        const findings = scanMeetingTexts(snapshot.items, snapshot.tasks);
        if (findings.length && !confirmPersonalData) {
          throw new UseCaseError(
            'conflict',
            `The minutes contain ${findings.length} passage(s) that may be personal data; redact them or publish with confirmPersonalData: true`,
            findings.map((f) => ({ field: f.itemId ? `items.${f.itemId}.${f.field}` : f.field, reason: f.kind })),
            `Referatet indeholder ${findings.length} tekst(er), der kan være personoplysninger; ret dem eller bekræft offentliggørelsen`,
            { findings },
          );
        }
        const published = { ...snapshot, minutes: minutesOf(next) };
        await uow.workflow.saveState(next);
        await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId, kind: 'minutes', version: next.minutesVersion, event: 'published', createdBy: actor.personId, createdAt: at, snapshot: published });
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.publish', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { version: next.minutesVersion, personalDataConfirmed: findings.length > 0 } });
        await uow.outbox.enqueue(JOB.documentSync, { meetingId, kind: 'minutes', version: next.minutesVersion }, { singletonKey: `minutes:${meetingId}:v${next.minutesVersion}` });
        // The store keeps every version and refuses to replace approved minutes without a reason.
        const correction = (await uow.workflow.listVersions(meetingId)).filter((v) => v.kind === 'minutes' && v.event === 'correction').at(-1);
        const previous = await deps.documents.listVersions(minutesPath(c));
        const docx = await deps.renderDocx(await documentInput(uow.registry, published, 'minutes'), await sharedFileRules(uow.registry, c.forum));
        await deps.documents.put(minutesPath(c), docx, {
          kind: 'minutes',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          fileName: 'referat.docx',
          forumId: c.forum.id,
          meetingId,
          createdBy: actor.personId,
          approved: true,
          ...(previous.length && correction ? { correctionReason: correction.reason ?? 'correction' } : {}),
        });
        return { status: next.minutesStatus, version: next.minutesVersion, publishedAt: at, personalDataFindings: findings.length };
      });
    },

    async correct(meetingId: string, reason: string, actor: Who) {
      return withMeeting(meetingId, actor, async (c, uow, s) => {
        requireSecretariat(c, 'correct the minutes', 'rette referatet');
        if (s.minutesStatus !== 'approved' && s.minutesStatus !== 'published') {
          throw stateError('Only approved minutes are corrected; revise the draft instead', 'Kun et godkendt referat rettes; revidér i stedet kladden');
        }
        const at = c.now.toISOString();
        const next: WorkflowState = { ...s, minutesStatus: 'revised', minutesVersion: s.minutesVersion + 1 };
        await uow.workflow.saveState(next);
        await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId, kind: 'minutes', version: next.minutesVersion, event: 'correction', reason, createdBy: actor.personId, createdAt: at, snapshot: await takeSnapshot(uow, meetingId) });
        await uow.audit.record({ actorPersonId: actor.personId, action: 'minutes.correct', forumId: c.forum.id, target: meetingId, outcome: 'ok', detail: { version: next.minutesVersion, reason } });
        await raiseNotice(uow.outbox, meetingNotice('minutes_corrected', c.meeting, at, `v${next.minutesVersion}`, { version: next.minutesVersion, reason, documents: ['minutes'] }, at));
        return { status: next.minutesStatus, version: next.minutesVersion };
      });
    },
  };
}
export type MinutesUseCases = ReturnType<typeof minutesUseCases>;
