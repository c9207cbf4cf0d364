/**
 * REST API of the meeting workflow (issue 4): the meeting page, agenda, proposals,
 * attendance, minutes, remarks, documents and attachments, and "my overview".
 * Rights are enforced in the use cases from forum roles; these handlers only
 * parse, sign in and answer.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgendaItemInput } from '../../../domain/meetings/meeting.model.js';
import { id } from '../../../domain/registry/registry.model.js';
import { docxContentType } from '../../../adapters/documents/meeting.docx-writer.js';
import type { DocxRendererPort } from '../../../usecases/ports/render.port.js';
import { renderMeetingHtml } from '../../../adapters/documents/meeting.html-renderer.js';
import { buildMeetingDocument } from '../../../domain/documents/meeting-document.view.js';
import { defaultMaxAttachmentBytes, validateAttachment } from '../../../adapters/documents/attachment.validator.js';
import type { AgendaUseCases } from '../../../usecases/meetings/agenda.usecase.js';
import type { proposalUseCases } from '../../../usecases/meetings/proposals.usecase.js';
import { DeclineInput, ProposalInput } from '../../../usecases/meetings/proposals.usecase.js';
import type { attendanceUseCases } from '../../../usecases/meetings/attendance.usecase.js';
import { AnswerInput, PersonAttendanceInput, PresenceInput } from '../../../usecases/meetings/attendance.usecase.js';
import type { historyUseCases } from '../../../usecases/meetings/history.usecase.js';
import { HistoryMeetingInput } from '../../../usecases/meetings/history.usecase.js';
import type { MinutesUseCases } from '../../../usecases/meetings/minutes.usecase.js';
import { ApproveInput, DecisionInput, MeetingTaskInput, MeetingTimerInput, MinuteTakerInput, PublishInput, ReasonInput, RemarkInput, SendMinutesInput } from '../../../usecases/meetings/minutes.usecase.js';
import type { MeetingViewUseCases } from '../../../usecases/meetings/meeting-view.usecase.js';
import type { waitingUseCases } from '../../../usecases/meetings/waiting.usecase.js';
import { requirePerson } from '../auth.js';
import { responseSerializerCompiler } from '../response-check.js';
import { sendProblem } from '../problem.js';
import { invalid } from '../../../usecases/use-case.errors.js';
import type { TaskUseCases } from '../../../usecases/meetings/tasks.usecase.js';
import type { HttpContext } from '../http-context.js';
import {
  AgendaApprovedResponse,
  AgendaItemResponse,
  AgendaSentResponse,
  AttachmentAddedResponse,
  AttendanceResponse,
  HistoryRecordedResponse,
  MeetingPageResponse,
  MinutesApprovedResponse,
  MinutesPublishedResponse,
  PublishRefusedResponse,
  EarlyApprovalRefusedResponse,
  MinutesSentResponse,
  MinutesVersionResponse,
  MinuteTakerResponse,
  MeetingTimerResponse,
  OverviewResponse,
  ProposalResponse,
  RemarkResponse,
  TaskResponse,
  WaitingResponse,
} from '../../../contracts/meetings.contract.js';
import { anyFileResponse, docxResponse, htmlResponse, noContent } from '../../../contracts/files.contract.js';

export type WorkflowServices = {
  agenda: AgendaUseCases;
  proposals: ReturnType<typeof proposalUseCases>;
  attendance: ReturnType<typeof attendanceUseCases>;
  history: ReturnType<typeof historyUseCases>;
  minutes: MinutesUseCases;
  view: MeetingViewUseCases;
  /** Word files: bounded and cached per version (src/adapters/documents/bounded-render.ts). */
  docx: DocxRendererPort;
  waiting: ReturnType<typeof waitingUseCases>;
  tasks: TaskUseCases;
};

const M = z.object({ id });
const MI = z.object({ id, itemId: id });
const MIA = z.object({ id, itemId: id, attachmentId: id });
const MP = z.object({ id, personId: id });
const tags = ['meetings'];

export const ItemIdsInput = z.object({ itemIds: z.array(id).min(1).max(200) });
/** Bodies of the write routes, by "METHOD path": the fuzz test derives its inputs from these. */
export const writeBodies = {
  'POST /api/meetings/:id/items': AgendaItemInput,
  'PUT /api/meetings/:id/items/:itemId': AgendaItemInput,
  'POST /api/meetings/:id/items/reorder': ItemIdsInput,
  'POST /api/meetings/:id/proposals': ProposalInput,
  'POST /api/proposals/:id/decline': DeclineInput,
  'PUT /api/meetings/:id/attendance/me': AnswerInput,
  'PUT /api/meetings/:id/attendance/:personId/presence': PresenceInput,
  'PUT /api/meetings/:id/attendance/:personId': PersonAttendanceInput,
  'PUT /api/meetings/:id/items/:itemId/decision': DecisionInput,
  'POST /api/meetings/:id/tasks': MeetingTaskInput,
  'POST /api/meetings/:id/remarks': RemarkInput,
  'POST /api/meetings/:id/minutes/revise': ReasonInput,
  'POST /api/meetings/:id/minutes/correct': ReasonInput,
  'POST /api/meetings/:id/minutes/publish': PublishInput,
  'POST /api/meetings/:id/minutes/approve': ApproveInput,
  'PUT /api/meetings/:id/minute-taker': MinuteTakerInput,
  'PUT /api/meetings/:id/timer': MeetingTimerInput,
  'POST /api/forums/:id/history': HistoryMeetingInput,
} as const;

export function meetingRoutes(ctx: HttpContext, services: () => WorkflowServices): FastifyPluginAsyncZod {
  return async (app) => {
    const me = (req: Parameters<typeof requirePerson>[0]) => ({ personId: requirePerson(req).id });

    // Stored versions (every sent agenda, every minutes version sent, approved, published or corrected), as they were.
    const MV = z.object({ id, versionId: id });
    const versionFileName = (v: { kind: string; version: number; event: string }, ext: string) => `${v.kind === 'agenda' ? 'dagsorden' : 'referat'}-v${v.version}-${v.event}.${ext}`;
    app.get('/api/meetings/:id/versions/:versionId/document.docx', { schema: { tags, summary: 'A stored version of the agenda or minutes as DOCX', params: MV, response: { 200: docxResponse() } } }, async (req, reply) => {
      const { version, input } = await services().view.versionDocumentInput(req.params.id, req.params.versionId, requirePerson(req).id);
      const bytes = await services().docx.render(buildMeetingDocument(input), { versionKey: `${req.params.id}:${version.kind}:v${version.version}:${version.event}` });
      return reply.type(docxContentType).header('content-disposition', `attachment; filename="${versionFileName(version, 'docx')}"`).send(bytes);
    });
    app.get('/api/meetings/:id/versions/:versionId/document.html', { schema: { tags, summary: 'A stored version of the agenda or minutes as HTML', params: MV, response: { 200: htmlResponse() } } }, async (req, reply) => {
      const { input } = await services().view.versionDocumentInput(req.params.id, req.params.versionId, requirePerson(req).id);
      return reply.type('text/html; charset=utf-8').send(renderMeetingHtml(buildMeetingDocument(input)));
    });

    // Attachments arrive as the raw file; only this plugin accepts non-JSON bodies.
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: defaultMaxAttachmentBytes + 1024 }, (_req, body, done) => done(null, body));

    // The page thirty members open when the meeting starts: kept per caller while the data and the time stay the same (read-cache.ts).
    const meetingPageJson = responseSerializerCompiler(ctx.config.responseCheck, app.log)({ schema: MeetingPageResponse, method: 'GET', url: '/api/meetings/:id', httpStatus: '200' });
    app.get('/api/meetings/:id', { schema: { tags, summary: 'A meeting with agenda, attendance, minutes and the caller\'s permissions', params: M, response: { 200: MeetingPageResponse } } }, async (req, reply) => {
      const personId = requirePerson(req).id;
      return ctx.readCache.send(reply, `meeting|${req.params.id}|${personId}`, () => services().view.getMeeting(req.params.id, personId), meetingPageJson);
    });
    app.post('/api/tasks/:id/done', { schema: { tags, summary: 'Mark a task done (the one it was given to, or the secretariat)', params: M, response: { 200: TaskResponse } } }, async (req) =>
      services().tasks.complete(req.params.id, me(req), 'tab'),
    );
    app.get('/api/me/overview', { schema: { tags, summary: 'My next meetings, deadlines, tasks and unanswered invitations', response: { 200: OverviewResponse } } }, async (req) =>
      services().view.overview(requirePerson(req).id),
    );
    app.get('/api/me/waiting', { schema: { tags, summary: 'What waits on me: late and coming duties by my role (the reminder plan\'s facts), tasks, unanswered meetings, open remark windows', response: { 200: WaitingResponse } } }, async (req) =>
      services().waiting.waitingOn(requirePerson(req).id),
    );

    // Agenda
    app.post('/api/meetings/:id/agenda/init', { schema: { tags, summary: 'Add the fixed items', params: M, response: { 200: z.array(AgendaItemResponse) } } }, async (req) => services().agenda.initAgenda(req.params.id, me(req)));
    app.post('/api/meetings/:id/items', { schema: { tags, summary: 'Add an agenda item', params: M, body: AgendaItemInput, response: { 201: AgendaItemResponse } } }, async (req, reply) =>
      reply.code(201).send(await services().agenda.createItem(req.params.id, req.body, me(req))),
    );
    app.post('/api/meetings/:id/items/reorder', { schema: { tags, summary: 'Reorder the agenda', params: M, body: ItemIdsInput, response: { 200: z.array(AgendaItemResponse) } } }, async (req) =>
      services().agenda.reorder(req.params.id, req.body.itemIds, me(req)),
    );
    app.put('/api/meetings/:id/items/:itemId', { schema: { tags, summary: 'Edit an agenda item', params: MI, body: AgendaItemInput, response: { 200: AgendaItemResponse } } }, async (req) =>
      services().agenda.updateItem(req.params.id, req.params.itemId, req.body, me(req)),
    );
    app.delete('/api/meetings/:id/items/:itemId', { schema: { tags, summary: 'Delete an agenda item', params: MI, response: { 204: noContent('Deleted') } } }, async (req, reply) => {
      await services().agenda.deleteItem(req.params.id, req.params.itemId, me(req));
      return reply.code(204).send();
    });
    app.post('/api/meetings/:id/report-backs/:taskId/accept', { schema: { tags, summary: 'Put a proposed report-back item on the agenda', params: z.object({ id, taskId: id }), response: { 201: AgendaItemResponse } } }, async (req, reply) =>
      reply.code(201).send(await services().agenda.acceptReportBack(req.params.id, req.params.taskId, me(req))),
    );
    app.post('/api/meetings/:id/agenda/approve', { schema: { tags, summary: 'The chair approves the agenda', params: M, response: { 200: AgendaApprovedResponse } } }, async (req) => services().agenda.approveAgenda(req.params.id, me(req)));
    app.post('/api/meetings/:id/agenda/send', { schema: { tags, summary: 'Send the agenda (stores a version)', params: M, response: { 200: AgendaSentResponse } } }, async (req) => services().agenda.sendAgenda(req.params.id, me(req)));

    // Proposals
    app.post('/api/meetings/:id/proposals', { schema: { tags, summary: 'Propose an item', params: M, body: ProposalInput, response: { 201: ProposalResponse } } }, async (req, reply) =>
      reply.code(201).send(await services().proposals.propose(req.params.id, req.body, me(req))),
    );
    app.post('/api/proposals/:id/accept', { schema: { tags, summary: 'Accept a proposal (it becomes an item)', params: M, response: { 200: ProposalResponse } } }, async (req) => services().proposals.accept(req.params.id, me(req)));
    app.post('/api/proposals/:id/decline', { schema: { tags, summary: 'Decline a proposal with a reason', params: M, body: DeclineInput, response: { 200: ProposalResponse } } }, async (req) =>
      services().proposals.decline(req.params.id, req.body.reason, me(req)),
    );

    // History: a past meeting with its real dates; nothing is sent.
    app.post('/api/forums/:id/history', { schema: { tags, summary: 'Record a past meeting as history: real dates as entered, no Outlook event, reminders or notifications', params: M, body: HistoryMeetingInput, response: { 201: HistoryRecordedResponse } } }, async (req, reply) =>
      reply.code(201).send(await services().history.record(req.params.id, req.body, me(req))),
    );

    // Attendance
    app.put('/api/meetings/:id/attendance/me', { schema: { tags, summary: 'Answer attendance', params: M, body: AnswerInput, response: { 200: AttendanceResponse } } }, async (req) =>
      services().attendance.answer(req.params.id, req.body, me(req)),
    );
    app.put('/api/meetings/:id/attendance/:personId', { schema: { tags, summary: "The secretariat sets a person's answer (null: not answered) and presence (null: not recorded)", params: MP, body: PersonAttendanceInput, response: { 200: AttendanceResponse } } }, async (req) =>
      services().attendance.setFor(req.params.id, req.params.personId, req.body, me(req)),
    );
    app.put('/api/meetings/:id/attendance/:personId/presence', { schema: { tags, summary: 'Record presence on the day', params: MP, body: PresenceInput, response: { 200: AttendanceResponse } } }, async (req) =>
      services().attendance.recordPresence(req.params.id, req.params.personId, req.body.present, me(req)),
    );

    // Minutes
    app.put('/api/meetings/:id/items/:itemId/decision', { schema: { tags, summary: 'Write the decision of an item', params: MI, body: DecisionInput, response: { 200: AgendaItemResponse } } }, async (req) =>
      services().minutes.setDecision(req.params.id, req.params.itemId, req.body.decision, me(req)),
    );
    app.put('/api/meetings/:id/minute-taker', { schema: { tags, summary: 'Choose the minute-taker (referent); null for the forum\'s secretary', params: M, body: MinuteTakerInput, response: { 200: MinuteTakerResponse } } }, async (req) =>
      services().minutes.setMinuteTaker(req.params.id, req.body.personId, me(req)),
    );
    app.get('/api/meetings/:id/timer', { schema: { tags, summary: 'The meeting\'s shared item timer (the Teams meeting\'s side panel and stage)', params: M, response: { 200: MeetingTimerResponse } } }, async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      return services().minutes.timer(req.params.id, me(req));
    });
    app.put('/api/meetings/:id/timer', { schema: { tags, summary: 'Move the shared item timer (the forum\'s secretariat): index -1 not started, the number of items when through', params: M, body: MeetingTimerInput, response: { 200: MeetingTimerResponse } } }, async (req) =>
      services().minutes.setTimer(req.params.id, req.body.index, me(req)),
    );
    app.post('/api/meetings/:id/tasks', { schema: { tags, summary: 'Create a task from the minutes', params: M, body: MeetingTaskInput, response: { 201: TaskResponse } } }, async (req, reply) =>
      reply.code(201).send(await services().minutes.createTask(req.params.id, req.body, me(req))),
    );
    app.post('/api/meetings/:id/minutes/send', { schema: { tags, summary: 'Send the minutes for remarks; 409 listing the attendance contradictions unless confirmContradictions is true', params: M, body: SendMinutesInput.nullish(), response: { 200: MinutesSentResponse } } }, async (req) =>
      services().minutes.send(req.params.id, me(req), { confirmContradictions: req.body?.confirmContradictions === true }),
    );
    app.post('/api/meetings/:id/remarks', { schema: { tags, summary: 'Remark on the minutes while the window is open', params: M, body: RemarkInput, response: { 201: RemarkResponse } } }, async (req, reply) =>
      reply.code(201).send(await services().minutes.remark(req.params.id, req.body, me(req))),
    );
    app.post('/api/meetings/:id/minutes/revise', { schema: { tags, summary: 'Revise the minutes (new version)', params: M, body: ReasonInput, response: { 200: MinutesVersionResponse } } }, async (req) =>
      services().minutes.revise(req.params.id, req.body.reason, me(req)),
    );
    // The body is optional (an approval after the window has closed needs none), so it is parsed here: a missing body is {}.
    app.post('/api/meetings/:id/minutes/approve', { schema: { tags, summary: 'Approve the minutes explicitly; before the window closes or with open remarks, body { confirm: true, reason } (else 409)', params: M, response: { 200: MinutesApprovedResponse, 409: EarlyApprovalRefusedResponse } } }, async (req) => {
      const parsed = ApproveInput.safeParse(req.body ?? {});
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw invalid(i.path.join('.') || 'body', i.message, i.path[0] === 'reason' ? 'begrundelsen skal være tekst på højst 2000 tegn' : i.path[0] === 'confirm' ? 'bekræftelsen skal være true eller false' : 'ugyldig forespørgsel');
      }
      return services().minutes.approve(req.params.id, me(req), parsed.data);
    });
    app.post('/api/meetings/:id/minutes/publish', { schema: { tags, summary: 'Publish approved minutes', params: M, body: PublishInput.optional(), response: { 200: MinutesPublishedResponse, 409: PublishRefusedResponse } } }, async (req) =>
      services().minutes.publish(req.params.id, req.body?.confirmPersonalData ?? false, me(req)),
    );
    app.post('/api/meetings/:id/minutes/correct', { schema: { tags, summary: 'Correct approved minutes (new version with a reason)', params: M, body: ReasonInput, response: { 200: MinutesVersionResponse } } }, async (req) =>
      services().minutes.correct(req.params.id, req.body.reason, me(req)),
    );

    // Documents
    for (const kind of ['agenda', 'minutes'] as const) {
      app.get(`/api/meetings/:id/${kind}.docx`, { schema: { tags, summary: `The ${kind} as DOCX`, params: M, response: { 200: docxResponse() } } }, async (req, reply) => {
        const input = await services().view.documentInputFor(req.params.id, requirePerson(req).id, kind);
        // The current document: keyed by the meeting and kind; the content digest tells an edit from the last render.
        const bytes = await services().docx.render(buildMeetingDocument(input), { versionKey: `${req.params.id}:${kind}:current` });
        const name = kind === 'agenda' ? 'dagsorden.docx' : 'referat.docx';
        return reply.type(docxContentType).header('content-disposition', `attachment; filename="${name}"`).send(bytes);
      });
      app.get(`/api/meetings/:id/${kind}.html`, { schema: { tags, summary: `The ${kind} as HTML`, params: M, response: { 200: htmlResponse() } } }, async (req, reply) => {
        const input = await services().view.documentInputFor(req.params.id, requirePerson(req).id, kind);
        return reply.type('text/html; charset=utf-8').send(renderMeetingHtml(buildMeetingDocument(input)));
      });
    }

    // Attachments
    app.post('/api/meetings/:id/items/:itemId/attachments', {
      bodyLimit: defaultMaxAttachmentBytes + 1024,
      schema: { tags, summary: 'Upload an attachment (raw body, ?fileName=)', params: MI, querystring: z.object({ fileName: z.string().min(1).max(255) }), response: { 201: AttachmentAddedResponse } },
    }, async (req, reply) => {
      const person = me(req);
      const body = req.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(Buffer.from(JSON.stringify(body ?? '')));
      const check = await validateAttachment({ fileName: req.query.fileName, declaredContentType: req.headers['content-type'], bytes });
      if (!check.ok) {
        const r = check.refusal;
        return sendProblem(reply, { status: r.status, detail: r.message.en, detailDa: r.message.da, instance: req.url.split('?')[0], errors: [{ field: r.code === 'bad_name' ? 'fileName' : 'body', reason: r.code }], code: r.code });
      }
      return reply.code(201).send(await services().view.addAttachment(req.params.id, req.params.itemId, { fileName: check.value.fileName, contentType: check.value.contentType, bytes }, person));
    });
    app.get('/api/meetings/:id/items/:itemId/attachments/:attachmentId', { schema: { tags, summary: 'Download an attachment', params: MIA, response: { 200: anyFileResponse() } } }, async (req, reply) => {
      const a = await services().view.getAttachment(req.params.id, req.params.itemId, req.params.attachmentId, requirePerson(req).id);
      return reply.type(a.contentType).header('content-disposition', `attachment; filename="${encodeURIComponent(a.fileName)}"`).send(Buffer.from(a.bytes));
    });
  };
}
