/**
 * The meeting workflow as an app module: the meeting API, the public pages and
 * feeds, and the tacit-approval job worker. The use cases are built once, from
 * whichever of routes (ctx.deps) or workers (deps) comes first.
 */
import { transitionRoutes } from './http/routes/transition.routes.js';
import { transitionsRepository } from '../adapters/db/transitions.repository.js';
import { takeTransitionsIntoEffect, type TransitionDeps, type TransitionTransact } from '../usecases/transitions/transition-apply.usecase.js';
import { queues } from './jobs/queues.js';
import { buildPublicMeetingDocument } from '../domain/documents/public-version.js';
import { waitingUseCases } from '../usecases/meetings/waiting.usecase.js';
import { retryTransient } from '../adapters/db/transient.js';
import { historyUseCases } from '../usecases/meetings/history.usecase.js';
import path from 'node:path';
import type { AppDeps, AppModule } from './app.js';
import { unitOfWorkFor } from '../adapters/db/unit-of-work.js';
import { meetingsRepository } from '../adapters/db/meetings.repository.js';
import { workflowRepository } from '../adapters/db/workflow.repository.js';
import { LocalFolderDocumentsStore } from '../adapters/documents/local-folder.store.js';
import { RENDER_CONCURRENCY, sharedDocxRenderer } from '../adapters/documents/meeting.docx-writer.js';
import { boundedRenderer } from '../adapters/documents/bounded-render.js';
import type { DocxRendererPort } from '../usecases/ports/render.port.js';
import { buildMeetingDocument } from '../domain/documents/meeting-document.view.js';
import type { DocumentSafetyPort, DocumentsPort } from '../usecases/ports/documents.port.js';
import type { WorkflowDeps, WorkflowTransact } from '../usecases/meetings/workflow.context.js';
import { agendaUseCases } from '../usecases/meetings/agenda.usecase.js';
import { proposalUseCases } from '../usecases/meetings/proposals.usecase.js';
import { attendanceUseCases } from '../usecases/meetings/attendance.usecase.js';
import { minutesUseCases, TACIT_QUEUE, type TacitApprovalJob } from '../usecases/meetings/minutes.usecase.js';
import { meetingViewUseCases } from '../usecases/meetings/meeting-view.usecase.js';
import { publicUseCases } from '../usecases/meetings/public.usecase.js';
import { taskUseCases } from '../usecases/meetings/tasks.usecase.js';
import { meetingRoutes, type WorkflowServices } from './http/routes/meeting.routes.js';
import { publicRoutes } from './http/routes/public.routes.js';

export type WorkflowModuleOptions = {
  /** Where documents are kept in the embedded mode; default DATA_DIR/documents. */
  documentsRoot?: string;
  documents?: DocumentsPort;
  /** The malware guard of downloads (the sync module's `documentSafety`); absent: nothing is withheld. */
  safety?: (deps: AppDeps) => DocumentSafetyPort;
  /** The Word renderer behind the bounded one (tests: a spy); default: the process's shared bounded renderer. */
  docxRenderer?: DocxRendererPort;
};

function docxRendererOf(opts: WorkflowModuleOptions): DocxRendererPort {
  return opts.docxRenderer ? boundedRenderer(opts.docxRenderer, { concurrency: RENDER_CONCURRENCY }) : sharedDocxRenderer;
}

export function workflowTransactor(deps: Pick<AppDeps, 'database' | 'queue'>): WorkflowTransact {
  // In a write transaction the meeting is read with its row locked, so writes on one meeting queue up
  // instead of racing; a deadlock or serialization failure runs the transaction again (issue 14).
  return (fn) =>
    retryTransient(() =>
      deps.database.db.transaction((tx) => {
        const meetings = meetingsRepository(tx);
        return fn({ ...unitOfWorkFor(tx, deps.queue), meetings: { ...meetings, getMeeting: meetings.getMeetingForUpdate }, workflow: workflowRepository(tx) });
      }),
    );
}

/** The workflow unit of work plus the stored transitions, in one transaction. */
export function transitionTransactor(deps: Pick<AppDeps, 'database' | 'queue'>): TransitionTransact {
  return (fn) =>
    retryTransient(() =>
      deps.database.db.transaction((tx) => {
        const meetings = meetingsRepository(tx);
        return fn({ ...unitOfWorkFor(tx, deps.queue), meetings: { ...meetings, getMeeting: meetings.getMeetingForUpdate }, workflow: workflowRepository(tx), transitions: transitionsRepository(tx) });
      }),
    );
}

export function transitionDeps(deps: Pick<AppDeps, 'database' | 'queue' | 'clock' | 'ids'>): TransitionDeps {
  return { transact: transitionTransactor(deps), clock: deps.clock, ids: deps.ids };
}

/** The documents store of the embedded mode: DATA_DIR/documents, where the workflow writes and the sync reads. */
export function localDocuments(deps: Pick<AppDeps, 'config' | 'clock'>, root?: string): DocumentsPort {
  return new LocalFolderDocumentsStore({ root: root ?? path.join(deps.config.dataDir, 'documents'), clock: deps.clock });
}

/** What the meeting workflow's use cases need, built the same way for the workflow module and the bot. */
export function workflowDeps(deps: AppDeps, opts: WorkflowModuleOptions & { renderer?: DocxRendererPort } = {}): WorkflowDeps {
  return {
    transact: workflowTransactor(deps),
    // Reads (the meeting page) on the database itself, outside a transaction.
    read: (fn) => fn({ ...unitOfWorkFor(deps.database.db, deps.queue), meetings: meetingsRepository(deps.database.db), workflow: workflowRepository(deps.database.db) }),
    clock: deps.clock,
    ids: deps.ids,
    documents: opts.documents ?? localDocuments(deps, opts.documentsRoot),
    ...(opts.safety ? { safety: opts.safety(deps) } : {}),
    renderDocx: async (input, publicRules) => new Uint8Array(await (opts.renderer ?? docxRendererOf(opts)).render(publicRules ? buildPublicMeetingDocument(input, publicRules) : buildMeetingDocument(input))),
  };
}

export function workflowModule(opts: WorkflowModuleOptions = {}): AppModule & { services(): WorkflowServices & { public: ReturnType<typeof publicUseCases> } } {
  let built: (WorkflowServices & { public: ReturnType<typeof publicUseCases> }) | undefined;
  const init = (deps: AppDeps) => {
    if (built) return built;
    const docx = docxRendererOf(opts);
    const wf = workflowDeps(deps, { ...opts, renderer: docx });
    built = {
      docx,
      agenda: agendaUseCases(wf),
      proposals: proposalUseCases(wf),
      attendance: attendanceUseCases(wf),
      history: historyUseCases(wf),
      minutes: minutesUseCases(wf),
      view: meetingViewUseCases(wf),
      waiting: waitingUseCases(wf),
      tasks: taskUseCases(wf),
      public: publicUseCases(wf),
    };
    return built;
  };
  const services = () => {
    if (!built) throw new Error('the workflow module has not been started');
    return built;
  };
  return {
    name: 'workflow',
    services,
    routes: (ctx) => async (app) => {
      init(ctx.deps);
      await app.register(meetingRoutes(ctx, services));
      await app.register(publicRoutes(ctx, () => services().public, () => services().docx));
      await app.register(transitionRoutes(ctx, () => ({ transact: workflowTransactor(ctx.deps), clock: ctx.deps.clock }), () => transitionDeps(ctx.deps)));
    },
    async startWorkers(deps) {
      const s = init(deps);
      await deps.queue.work(TACIT_QUEUE, async (job) => {
        const r = await s.minutes.tacitApproval(job);
        deps.logger.info(`minutes.tacit-approval ${job.meetingId} v${job.version}: ${r.outcome}${r.why ? ` (${r.why})` : ''}`);
      });
      await deps.queue.work(queues.transitionsTakeEffect.name, async () => {
        const ids = await takeTransitionsIntoEffect(transitionDeps(deps));
        if (ids.length) deps.logger.info(`transitions.take-effect: ${ids.join(', ')} in effect`);
      });
      await deps.queue.boss.schedule(queues.transitionsTakeEffect.name, '10 0 * * *', {}, { tz: 'Europe/Copenhagen' });
    },
    async start(deps) {
      init(deps);
    },
  };
}
