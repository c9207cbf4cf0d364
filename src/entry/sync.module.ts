/**
 * The Microsoft 365 sync module: job workers for forum/meeting sync, calendar delta,
 * change notifications and subscription renewal; the webhook
 * POST /api/graph/notifications; GET /api/sync/status and POST /api/sync/retry;
 * GET /api/meetings/:id/outlook (join link; made in Outlook, waiting for confirmation)
 * and POST /api/meetings/:id/outlook/confirmation (the secretariat confirms or rejects).
 *
 * GRAPH_MODE=emulator (the default with no tenant): starts the local Graph emulator
 * on GRAPH_EMULATOR_PORT (state in DATA_DIR/graph-emulator.json) inside `npm start`,
 * points the adapter at it, subscribes to its calendars (our server is reachable
 * from it) and, on first start (or when the emulator's state is empty), syncs every
 * active forum and planned meeting so its page shows the demo region.
 * GRAPH_MODE=tenant: Microsoft Graph with the app's client credentials (a certificate
 * when AAD_APP_CERTIFICATE_PATH is set, else the secret); notifications only when
 * SAMRAAD_PUBLIC_URL is https. GRAPH_MODE=off: nothing.
 */
import { auditSampler } from './http/audit-sampler.js';
import type { Server } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { GraphEmulator } from '../../emulator/graph/server.js';
import { startLocalGraphEmulator } from './graph-emulator.start.js';
import { enqueueInitialSync } from '../usecases/sync/initial-sync.usecase.js';
import type { GraphAdapter } from '../adapters/graph/graph.adapter.js';
import { buildGraphAdapters, LOCAL_TEAM_ID, LOCAL_TEAMS_APP_ID, type EntraOptions } from './graph.adapters.js';
import { auditRepository } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/database.js';
import { meetingsRepository } from '../adapters/db/meetings.repository.js';
import { workflowRepository } from '../adapters/db/workflow.repository.js';
import { registryRepository } from '../adapters/db/registry.repository.js';
import { syncRepository } from '../adapters/db/sync.repository.js';
import type { JobQueue } from '../adapters/queue/job-queue.js';
import { localDocuments } from './workflow.module.js';
import type { DocumentSafetyPort, DocumentsPort } from '../usecases/ports/documents.port.js';
import { malwareGuard } from '../usecases/sync/malware-guard.js';
import { access } from '../domain/access/access.policy.js';
import { runCalendarDelta, type CalendarDeltaJob } from '../usecases/sync/calendar-delta.handler.js';
import { runMeetingChat, type MeetingChatJob } from '../usecases/sync/meeting-chat.handler.js';
import { runSecretariatNotice, type SecretariatNoticeJob } from '../usecases/sync/secretariat-notice.handler.js';
import { runDocumentSync, type DocumentSyncJob } from '../usecases/sync/document-sync.handler.js';
import { runForumSync, type ForumSyncJob } from '../usecases/sync/forum-sync.handler.js';
import { runMeetingSyncBatch } from '../usecases/sync/meeting-sync.handler.js';
import { ensureSubscriptions, runNotification, type NotificationJob } from '../usecases/sync/subscriptions.handler.js';
import { decideOutlookMeeting, outlookOf, readsMeeting } from '../usecases/sync/outlook-meeting.usecase.js';
import { SYNC_QUEUES, type SyncDeps, type SyncKind, type SyncSettings, type SyncTransact } from '../usecases/sync/sync.ports.js';
import { forbidden, invalid, notFound, UseCaseError } from '../usecases/use-case.errors.js';
import type { Config } from '../config/config.js';
import type { AppDeps, AppModule } from './app.js';
import { requirePerson } from './http/auth.js';
import { describedOnly, fileResponse, noContent } from '../contracts/files.contract.js';
import { MeetingOutlookResponse, OutlookDecisionResponse, SyncRetriedResponse, SyncStatusResponse } from '../contracts/sync.contract.js';

export { LOCAL_TEAM_ID, LOCAL_TEAMS_APP_ID } from './graph.adapters.js';
/** Meeting-sync jobs one worker takes at a time: 25 full `$batch` requests when every one creates an event; the fewer batches, the fuller the envelopes that re-send throttled writes. */
export const MEETING_SYNC_BATCH = 500;
const MEETING_SYNC_WORKERS = 2;
/** How long an identical notification counts as a re-delivery of the same one. */
const NOTIFICATION_DEDUPE_SECONDS = 600;

export function syncTransactor(database: Database, queue: Pick<JobQueue, 'outboxFor'>): SyncTransact {
  return (fn) =>
    database.db.transaction((tx) =>
      fn({ registry: registryRepository(tx), meetings: meetingsRepository(tx), attendance: workflowRepository(tx), versions: workflowRepository(tx), sync: syncRepository(tx), audit: auditRepository(tx), outbox: queue.outboxFor(tx) }),
    );
}

export function syncSettingsFrom(config: Config): SyncSettings {
  return {
    teamId: config.graph.teamId ?? LOCAL_TEAM_ID,
    ...(config.graph.organizerMailbox ? { organizerMailbox: config.graph.organizerMailbox } : {}),
    publicUrl: config.publicUrl,
    teamsAppId: config.teamsAppId ?? LOCAL_TEAMS_APP_ID,
    timeZone: 'Europe/Copenhagen',
  };
}

/** Registers the sync job workers on `queue`. Shared by the module and the crash-test worker. */
export async function startSyncWorkers(
  queue: JobQueue,
  deps: SyncDeps,
  opts: { notificationUrl?: () => string | undefined; workers?: number; documents?: DocumentsPort } = {},
): Promise<void> {
  // pg-boss fetches one job per polling interval per worker at batch size 1 (kept, so one failing job
  // does not fail its neighbours): several workers with a short interval give the throughput.
  const n = opts.workers ?? 4;
  const withDocuments = { ...deps, ...(opts.documents ? { documents: opts.documents } : {}) };
  for (let i = 0; i < n; i++) await queue.work(SYNC_QUEUES.forum, (data) => runForumSync(deps, data), { pollingIntervalSeconds: 0.5 });
  // Meetings drain in batches: a batch's event writes go to Graph as `$batch` requests of 20, grouped per
  // mailbox (runMeetingSyncBatch); each job is completed or failed by its own outcome once it is recorded.
  // Two workers: one loads and records while the other's writes are in flight.
  for (let i = 0; i < Math.min(n, MEETING_SYNC_WORKERS); i++) {
    await queue.workBatch(SYNC_QUEUES.meeting, (jobs) => runMeetingSyncBatch(withDocuments, jobs.map((j) => j.data)), { batchSize: MEETING_SYNC_BATCH, pollingIntervalSeconds: 0.5 });
  }
  await queue.work(SYNC_QUEUES.document, (data) => runDocumentSync(withDocuments, data), { pollingIntervalSeconds: 0.5 });
  await queue.work(SYNC_QUEUES.delta, async (data) => {
    await runCalendarDelta(deps, data ?? {});
  });
  await queue.work(SYNC_QUEUES.notice, async (data) => {
    await runSecretariatNotice(deps, data);
  });
  await queue.work(SYNC_QUEUES.chat, async (data) => {
    await runMeetingChat(deps, data);
  });
  await queue.work(SYNC_QUEUES.notification, (data) => runNotification(deps, data, opts.notificationUrl?.()));
  await queue.work(SYNC_QUEUES.renew, async () => {
    await ensureSubscriptions(deps, opts.notificationUrl?.());
  });
}

type Runtime = { deps: AppDeps; sync: SyncDeps; graph: GraphAdapter; emulator?: GraphEmulator };

export type SyncModuleOptions = {
  /** Emulator state file; default DATA_DIR/graph-emulator.json; null keeps it in memory. */
  emulatorDataFile?: string | null;
  /** Override where Graph posts notifications (default: derived from the server's address). */
  notificationUrl?: string;
  /** Where the stored documents are read from (default: DATA_DIR/documents, as the workflow writes them). */
  documents?: DocumentsPort;
  /** How often the calendar delta runs (cron; default every 2 minutes). */
  deltaCron?: string;
  /** Where app-only tokens come from (tests: a local fake Entra). */
  entra?: EntraOptions;
};

export function syncModule(opts: SyncModuleOptions = {}): AppModule & { documentSafety(deps: AppDeps): DocumentSafetyPort } {
  let runtime: Runtime | undefined;
  let starting: Promise<Runtime | undefined> | undefined;
  // The server's real port (PORT=0 in tests) is known only after listen; the routes hand us the server.
  let httpServer: Server | undefined;
  const serverUrl = (): string | undefined => {
    const addr = httpServer?.address();
    return addr && typeof addr === 'object' ? `http://127.0.0.1:${addr.port}` : undefined;
  };

  const ensureRuntime = (deps: AppDeps): Promise<Runtime | undefined> => {
    starting ??= (async () => {
      const { config, logger } = deps;
      if (config.graph.mode === 'off') return undefined;
      let emulator: GraphEmulator | undefined;
      // The worker process runs the emulator; a web-only process only talks to it (on GRAPH_EMULATOR_PORT).
      if (config.graph.mode === 'emulator' && config.role !== 'web') emulator = await startLocalGraphEmulator(config, logger, opts.emulatorDataFile);
      const choice = buildGraphAdapters(config, { logger, ...(emulator ? { emulatorBaseUrl: emulator.graphBaseUrl } : {}), ...(opts.entra ? { entra: opts.entra } : {}) });
      if (choice.kind !== 'ready' || (choice.adapters.mode === 'tenant' && !config.graph.teamId)) {
        throw new Error('GRAPH_MODE=tenant needs AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID, M365_TEAM_ID and SECRET_AAD_APP_CLIENT_SECRET or a certificate (AAD_APP_CERTIFICATE_PATH with its thumbprint)');
      }
      const graph = choice.adapters.sync;
      if (choice.adapters.mode === 'tenant') logger.info(`Microsoft 365 sync: app-only Graph tokens with the ${choice.adapters.credential}.`);
      const sync: SyncDeps = { m365: graph, transact: syncTransactor(deps.database, deps.queue), clock: deps.clock, settings: syncSettingsFrom(config), logger };
      runtime = { deps, sync, graph, ...(emulator ? { emulator } : {}) };
      return runtime;
    })();
    return starting;
  };

  const notificationUrl = (config: Config): string | undefined => {
    if (opts.notificationUrl) return opts.notificationUrl;
    if (config.graph.mode === 'emulator') {
      const url = serverUrl();
      return url ? `${url}/api/graph/notifications` : undefined;
    }
    return config.publicUrl.startsWith('https://') ? `${config.publicUrl}/api/graph/notifications` : undefined;
  };

  let guard: DocumentSafetyPort | undefined;
  return {
    name: 'm365-sync',
    /** The malware guard the workflow's downloads ask (src/usecases/sync/malware-guard.ts); Graph is reached lazily. */
    documentSafety(deps: AppDeps): DocumentSafetyPort {
      guard ??= malwareGuard({
        transact: syncTransactor(deps.database, deps.queue),
        files: async () => (await ensureRuntime(deps))?.graph.files,
        clock: deps.clock,
        logger: deps.logger,
      });
      return guard;
    },
    async startWorkers(deps) {
      const rt = await ensureRuntime(deps);
      if (!rt) return;
      // The same folder the meeting workflow writes its documents to (src/entry/workflow.module.ts).
      const documents = opts.documents ?? localDocuments(deps);
      await startSyncWorkers(deps.queue, rt.sync, { notificationUrl: () => notificationUrl(deps.config), documents });
      await deps.queue.boss.schedule(SYNC_QUEUES.delta, opts.deltaCron ?? '*/2 * * * *', {});
      await deps.queue.boss.schedule(SYNC_QUEUES.renew, '*/30 * * * *', {});
    },
    async start(deps) {
      const rt = await ensureRuntime(deps);
      if (!rt) return;
      const { config, logger, queue, database } = deps;
      if (config.role !== 'web') {
        const target = `${config.graph.mode}:${rt.sync.settings.teamId}`;
        const emptyEmulator = rt.emulator ? Object.keys(rt.emulator.state.teams).length === 0 : false;
        const r = await enqueueInitialSync({ transact: rt.sync.transact, clock: deps.clock }, target, emptyEmulator);
        if (r) logger.info(`Microsoft 365 sync: queued ${r.forums} forum(s) and ${r.meetings} meeting(s) for their first sync.`);
        await queue.enqueue(SYNC_QUEUES.renew, {});
      }
      return {
        async stop() {},
        // After the workers: a sync job still running talks to the emulator until it ends.
        async stopAfterWorkers() {
          await rt.emulator?.close();
        },
      };
    },
    routes: (ctx) =>
      syncRoutes(
        ctx,
        () => runtime,
        (server) => {
          httpServer = server;
        },
      ),
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  // Hashing first gives equal lengths, so timingSafeEqual never throws and the length leaks nothing.
  return timingSafeEqual(x, y);
}

const Notification = z.object({
  subscriptionId: z.string().min(1).max(200),
  clientState: z.string().max(500).nullish(),
  changeType: z.string().max(100).optional(),
  lifecycleEvent: z.string().max(100).optional(),
  resource: z.string().max(2000).optional(),
  subscriptionExpirationDateTime: z.string().max(100).optional(),
  tenantId: z.string().max(100).optional(),
  resourceData: z.record(z.string(), z.unknown()).optional(),
});
const NotificationBatch = z.object({ value: z.array(Notification).max(1000) });

function syncRoutes(ctx: Parameters<NonNullable<AppModule['routes']>>[0], rt: () => Runtime | undefined, onServer: (server: Server) => void): FastifyPluginAsyncZod {
  return async (app) => {
    onServer(app.server);
    const need = (): Runtime => {
      const r = rt();
      if (!r) throw new UseCaseError('invalid_state', 'Microsoft 365 sync is off (GRAPH_MODE=off) or still starting', [], 'Synkronisering med Microsoft 365 er slået fra eller starter endnu');
      return r;
    };

    const notificationRefusals = auditSampler();
    // Graph posts the validation handshake with an empty body or text/plain, and
    // notifications as JSON: this route reads the raw text itself.
    await app.register(async (sub) => {
      sub.removeAllContentTypeParsers();
      sub.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
      sub.post('/api/graph/notifications', { schema: { tags: ['m365'], summary: 'Microsoft Graph change and lifecycle notifications', hide: false, response: describedOnly({ 200: fileResponse('The validation handshake: the validationToken echoed', 'text/plain'), 202: noContent('Accepted') }) } }, async (req, reply) => {
        const token = (req.query as Record<string, unknown>).validationToken;
        if (typeof token === 'string') {
          // Graph waits at most 10 seconds: answer at once, echoing the token as plain text.
          return reply.code(200).header('content-type', 'text/plain; charset=utf-8').send(token);
        }
        const r = rt();
        if (!r) return reply.code(503).send();
        let parsed;
        try {
          parsed = NotificationBatch.safeParse(JSON.parse(typeof req.body === 'string' ? req.body : ''));
        } catch {
          parsed = undefined;
        }
        if (!parsed?.success) return reply.code(400).send();
        const { database, queue, logger } = r.deps;
        // A burst of change notifications for one mailbox needs one delta run: while a job for the
        // mailbox waits in the queue (not started yet, so its delta will see this change too), no other
        // is queued. Looked up before the transaction: on PGlite the queue shares its one connection.
        // The batch's subscriptions in one query: a forged batch of 1,000 must not cost 1,000 lookups.
        const subscriptions = new Map((await r.sync.transact(({ sync }) => sync.getSubscriptions(parsed.data.value.map((n) => n.subscriptionId)))).map((s) => [s.id, s]));
        const waiting = new Set<string>();
        for (const mailbox of new Set(parsed.data.value.filter((n) => !n.lifecycleEvent).flatMap((n) => subscriptions.get(n.subscriptionId)?.mailbox ?? []))) {
          const queued = await queue.findJobs(SYNC_QUEUES.notification, { key: `mailbox:${mailbox}`, queued: true, limit: 1 });
          if (queued.length) waiting.add(mailbox);
        }
        let refused = 0;
        const refusedIds: string[] = [];
        await database.db.transaction(async (tx) => {
          const sync = syncRepository(tx);
          const outbox = queue.outboxFor(tx);
          const audit = auditRepository(tx);
          for (const n of parsed.data.value) {
            const known = subscriptions.get(n.subscriptionId);
            const expected = known?.clientState ?? ctx.config.graph.notificationClientState;
            if (!expected || !n.clientState || !sameSecret(n.clientState, expected)) {
              refused++;
              if (refusedIds.length < 5) refusedIds.push(n.subscriptionId);
              continue;
            }
            const mailbox = known?.mailbox ?? /^\/?users\/([^/]+)\//i.exec(n.resource ?? '')?.[1];
            if (!mailbox) continue;
            const key = createHash('sha256')
              .update(JSON.stringify([n.subscriptionId, n.changeType ?? null, n.lifecycleEvent ?? null, n.resource ?? null, n.resourceData?.['@odata.etag'] ?? null, n.resourceData?.id ?? null, n.subscriptionExpirationDateTime ?? null]))
              .digest('hex');
            if (!(await sync.claimNotification(key, NOTIFICATION_DEDUPE_SECONDS))) continue;
            if (!n.lifecycleEvent && waiting.has(mailbox)) continue;
            const eventId = typeof n.resourceData?.id === 'string' ? n.resourceData.id : undefined;
            await outbox.enqueue(SYNC_QUEUES.notification, {
              mailbox: decodeURIComponent(mailbox),
              subscriptionId: n.subscriptionId,
              receivedAt: ctx.clock.now().toISOString(),
              ...(n.lifecycleEvent ? { lifecycleEvent: n.lifecycleEvent } : {}),
              ...(eventId ? { eventId } : {}),
            }, n.lifecycleEvent ? {} : { singletonKey: `mailbox:${decodeURIComponent(mailbox)}` });
          }
        });
        if (refused) {
          // One audit row per request (a forged batch of 1,000 is one row with its count), and at most
          // one a minute per sender address; the rest are counted into the next row (issue 14).
          logger.warn(`graph notifications refused: ${refused} with a wrong clientState (first: ${refusedIds[0]})`);
          const sample = notificationRefusals.admit(`ip:${req.ip}`);
          if (sample.record) {
            await auditRepository(database.db).record({
              action: 'graph.notification',
              outcome: 'refused',
              target: refusedIds[0],
              detail: { reason: 'unknown subscription or clientState mismatch', refused, subscriptions: refusedIds, ip: req.ip, ...(sample.suppressed ? { suppressedRequests: sample.suppressed } : {}) },
            });
          }
        }
        return reply.code(refused ? 403 : 202).send();
      });
    });

    // The meeting's Outlook side for the tab: the join link, and a meeting made in Outlook waiting for the secretariat.
    app.get(
      '/api/meetings/:id/outlook',
      { schema: { tags: ['m365'], summary: "A meeting's Outlook event: Teams join link, web link, made in Outlook and its confirmation", params: z.object({ id: z.string().min(1).max(200) }), response: { 200: MeetingOutlookResponse } } },
      async (req) => {
        const person = requirePerson(req);
        const actx = await ctx.accessFor(person.id);
        const { id } = req.params as { id: string };
        const r = rt();
        if (!r) {
          // Sync off (or still starting): no Outlook side to show; still only to whoever reads the meeting.
          const m = await meetingsRepository(ctx.deps.database.db).getMeeting(id);
          if (!m) throw notFound('meeting', id);
          if (!readsMeeting(m, (forumId) => access.canReadForum(actx, forumId))) throw forbidden('Only those who read the meeting see its Outlook event', 'Kun de, der kan se mødet, kan se dets Outlook-begivenhed');
          return { meetingId: id, joinUrl: null, webLink: null, fromOutlook: null };
        }
        return outlookOf({ transact: r.sync.transact, clock: ctx.clock }, id, (forumId) => access.canReadForum(actx, forumId));
      },
    );
    app.post(
      '/api/meetings/:id/outlook/confirmation',
      {
        schema: {
          tags: ['m365'],
          summary: 'The secretariat confirms or rejects a meeting made in Outlook under the forum\'s category (reject cancels it)',
          params: z.object({ id: z.string().min(1).max(200) }),
          body: z.object({ decision: z.enum(['confirm', 'reject']) }),
          response: { 200: OutlookDecisionResponse },
        },
      },
      async (req) => {
        const person = requirePerson(req);
        const actx = await ctx.accessFor(person.id);
        const { id } = req.params as { id: string };
        const { decision } = req.body as { decision: 'confirm' | 'reject' };
        // Who may decide is checked first, so a refusal does not depend on whether the sync runs.
        const m = await meetingsRepository(ctx.deps.database.db).getMeeting(id);
        if (!m) throw notFound('meeting', id);
        if (!access.canAdministerForum(actx, m.forumId)) throw forbidden("Only the forum's secretariat confirms or rejects a meeting made in Outlook", 'Kun forummets sekretariat kan bekræfte eller afvise et møde oprettet i Outlook');
        const r = await decideOutlookMeeting({ transact: need().sync.transact, clock: ctx.clock }, id, decision, { personId: person.id }, (forumId) => access.canAdministerForum(actx, forumId));
        return { meetingId: id, meetingStatus: r.meeting.status, fromOutlook: r.fromOutlook };
      },
    );

    app.get('/api/sync/status', { schema: { tags: ['m365'], summary: 'Microsoft 365 sync state of the forums the caller administers', response: { 200: SyncStatusResponse } } }, async (req) => {
      const person = requirePerson(req);
      const actx = await ctx.accessFor(person.id);
      // Rights first: whether sync runs is nobody else's business.
      const forums = (await ctx.reads.listForums()).filter((f) => access.canAdministerForum(actx, f.id));
      if (forums.length === 0) throw forbidden('Only a forum secretariat sees the sync state', 'Kun et forums sekretariat kan se synkroniseringen');
      const r = need();
      const ids = forums.map((f) => f.id);
      const { records, meetings } = await r.sync.transact(async ({ sync, meetings }) => ({ records: await sync.list({ forumIds: ids }), meetings: await meetings.listMeetings({ forumIds: ids }) }));
      const view = (x: (typeof records)[number] | undefined) =>
        x ? { status: x.status, remoteId: x.remoteId, container: x.container, etag: x.etag, attempts: x.attempts, lastError: x.lastError, lastSyncedAt: x.lastSyncedAt, detail: x.detail } : { status: 'not-synced' as const };
      return {
        mode: ctx.config.graph.mode,
        ...(r.emulator ? { emulatorUrl: r.emulator.url } : {}),
        forums: forums.map((f) => ({
          forumId: f.id,
          name: f.name,
          channel: view(records.find((x) => x.kind === 'forum' && x.localId === f.id)),
          events: meetings
            .filter((m) => m.forumId === f.id)
            .map((m) => ({ meetingId: m.id, date: m.date, start: m.start, meetingStatus: m.status, ...(m.historical ? { historical: true } : {}), ...view(records.find((x) => x.kind === 'meeting' && x.localId === m.id)) })),
          documents: records.filter((x) => x.kind === 'document' && x.forumId === f.id).map((x) => ({ documentId: x.localId, ...view(x) })),
          chats: records.filter((x) => x.kind === 'chat' && x.forumId === f.id).map((x) => ({ chatId: x.localId, ...view(x) })),
        })),
      };
    });

    app.post(
      '/api/sync/retry',
      { schema: { tags: ['m365'], summary: 'Queue a failed sync again', body: z.object({ kind: z.enum(['forum', 'meeting', 'document', 'chat']), id: z.string().min(1).max(200) }), response: { 202: SyncRetriedResponse } } },
      async (req, reply) => {
        const person = requirePerson(req);
        const actx = await ctx.accessFor(person.id);
        if (!access.canEditReferenceData(actx)) throw forbidden('Only a forum secretariat may retry a sync', 'Kun et forums sekretariat kan prøve en synkronisering igen');
        const r = need();
        const { kind, id } = req.body as { kind: Extract<SyncKind, 'forum' | 'meeting' | 'document' | 'chat'>; id: string };
        const state = await r.sync.transact(({ sync }) => sync.get(kind, id));
        // Someone else's record answers exactly like a missing one: no probing for ids.
        if (!state || !state.forumId || !access.canAdministerForum(actx, state.forumId)) throw notFound(`${kind} sync`, id);
        if (state.status !== 'failed') throw invalid('id', `the ${kind} sync is ${state.status}, not failed`, `Synkroniseringen er ${state.status}, ikke fejlet`);
        await r.sync.transact(async ({ outbox, audit, sync }) => {
          if (kind === 'chat') {
            // A card whose post was cut off (it may be in the chat): the secretariat has looked and says it is not,
            // so the attempt is forgotten and the card is posted. The job is the one the record was made for.
            const job = chatJobFromRecord(id, state.detail);
            const { attempt: _a, uncertainSince: _u, ...rest } = state.detail;
            await sync.record('chat', id, { detail: { ...rest, resentBy: person.id } }, 'pending');
            await outbox.enqueue(SYNC_QUEUES.chat, job);
          } else if (kind === 'forum') await outbox.enqueue(SYNC_QUEUES.forum, { forumId: id });
          else if (kind === 'meeting') await outbox.enqueue(SYNC_QUEUES.meeting, { meetingId: id });
          else await outbox.enqueue(SYNC_QUEUES.document, documentJobFromId(id));
          await audit.record({ actorPersonId: person.id, action: 'm365.sync.retry', forumId: state.forumId!, target: `${kind}:${id}`, outcome: 'ok', ...(kind === 'chat' && state.detail.attempt ? { detail: { uncertainAttempt: state.detail.attempt } } : {}) });
        });
        return reply.code(202).send({ queued: true, kind, id });
      },
    );
  };
}

/** A chat card's job, from its record: "<meetingId>:<about>:v<version>" and what the job carried (meeting-chat.handler.ts). */
function chatJobFromRecord(id: string, detail: Record<string, unknown>): MeetingChatJob {
  const m = /^(.+):(agenda|minutes|start):v(\d+)$/.exec(id);
  if (!m) throw invalid('id', 'not a meeting chat card id', 'Ikke et id for et kort i en mødechat');
  return {
    meetingId: m[1]!,
    about: m[2] as MeetingChatJob['about'],
    version: Number(m[3]),
    ...(typeof detail.remarksUntil === 'string' ? { remarksUntil: detail.remarksUntil } : {}),
    ...(typeof detail.startsAt === 'string' ? { startsAt: detail.startsAt } : {}),
  };
}

/** A document's sync id is "<meetingId>:<path>:v<version|latest>" (document-sync.handler.ts). */
function documentJobFromId(id: string): DocumentSyncJob {
  const m = /^([^:]+):(.+):v(\d+|latest)$/.exec(id);
  if (!m) throw invalid('id', 'not a document sync id', 'Ikke et dokument-id fra synkroniseringen');
  return { meetingId: m[1]!, kind: 'attachment', path: m[2]!, ...(m[3] !== 'latest' ? { version: Number(m[3]) } : {}) };
}
