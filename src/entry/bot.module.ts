/**
 * The bot as an app module: POST /api/messages (bot/bot.http.ts mounted on
 * Fastify), the reminder jobs and the secretariat's dead-letter list.
 *
 * - reminders.plan (every 5 minutes in the worker, and on demand: other modules
 *   enqueue it) runs the rules engine's reminder planner with `now` from the clock
 *   and enqueues the new deliveries, then asks for reminders.deliver;
 * - reminders.deliver runs the dispatcher until nothing is due (retries falling
 *   due within a minute included); later sendAt times are picked up by the next plan run;
 * - notifications.notice (enqueued by use cases in their transaction when something
 *   goes out: agenda, minutes, a move or cancel, src/usecases/notifications/):
 *   one channel post and one personal delivery per member of the forum, under
 *   the notice's key, then asks for reminders.deliver; a re-run adds nothing;
 * - GET /api/reminders/failed: failed deliveries of the forums the caller
 *   administers (secretariat of the forum or of a forum above it).
 *
 * Reach beyond stored conversations (issue 6, item 2), with Microsoft Graph as
 * GRAPH_MODE says (emulator: the local emulator the sync module runs on
 * GRAPH_EMULATOR_PORT; tenant: the app's client credentials):
 * - a member with an Entra id who never wrote to the bot gets Samraad installed in
 *   their personal scope and their 1:1 chat looked up (TeamsAppsPort), sent to at
 *   the tenant's service URL (of a stored conversation, else BOT_SERVICE_URL);
 * - anyone the bot cannot reach in Teams but with an e-mail address in the registry
 *   gets the reminder by e-mail (Graph sendMail from REMINDER_MAIL_SENDER, default
 *   M365_ORGANIZER_MAILBOX), Danish with English below, at most once;
 * - neither: "unsupported", as with GRAPH_MODE=off, where both are disabled.
 * Graph is called here with one attempt per call (the dispatcher retries with its
 * own backoff, and a sendMail is never repeated inside one attempt).
 *
 * Several worker processes (PostgreSQL): each runs its own deliver run; claims keep them
 * from sending a delivery twice, and Teams' limits per conversation and per tenant are
 * counted in the database (src/adapters/db/shared-rate-limiter.ts), so together they stay
 * within them. Embedded PGlite keeps the in-process limiter.
 */
import { FailedRemindersResponse } from '../contracts/reminders.contract.js';
import { buildGraphAdapters, LOCAL_TEAMS_APP_ID, type EntraOptions } from './graph.adapters.js';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps, AppModule } from './app.js';
import type { HttpContext } from './http/http-context.js';
import { requirePerson } from './http/auth.js';
import { access } from '../domain/access/access.policy.js';
import { forbidden } from '../usecases/use-case.errors.js';
import { botConfigFromEnv, type BotConfig } from '../../bot/bot.config.js';
import type { BotEndpointOptions } from '../../bot/bot.http.js';
import { lazyBotEndpoint, type LazyBotEndpoint } from '../../bot/bot.endpoint.lazy.js';
import type { BotBackend } from '../usecases/ports/bot-backend.port.js';
import type { BotStores, MailPort } from '../usecases/ports/deliveries.port.js';
import { createReminderDispatcher } from '../../bot/dispatch/reminder-dispatch.factory.js';
import { teamsConversationWindows, teamsTenantWindows } from '../../bot/dispatch/rate-limiter.js';
import { sharedRateLimiter } from '../adapters/db/shared-rate-limiter.js';
import type { DispatcherOptions, ReminderDispatcher } from '../../bot/dispatch/reminder.dispatcher.js';
import { botConversationRepository, botDeliveryRepository, type ForumChannelMap } from '../adapters/db/bot.repository.js';
import { attendanceUseCases } from '../usecases/meetings/attendance.usecase.js';
import { proposalUseCases } from '../usecases/meetings/proposals.usecase.js';
import { minutesUseCases } from '../usecases/meetings/minutes.usecase.js';
import { botBackend, recipientDirectory } from '../usecases/bot/bot.backend.js';
import { runReminderPlan, type PlanRunResult } from '../usecases/bot/reminder-plan.usecase.js';
import { runNotice, type NoticeJob, type NoticeRunResult } from '../usecases/notifications/notice.usecase.js';
import { workflowDeps, workflowTransactor } from './workflow.module.js';
import { queues } from './jobs/queues.js';
import { personalChatResolver, reminderMailer } from '../usecases/bot/reminder-reach.usecase.js';
import type { M365Ports } from '../usecases/ports/m365.port.js';
import { registryRepository } from '../adapters/db/registry.repository.js';
import { localToday } from '../domain/calendar/working-day.calendar.js';
import { decideOutlookMeetingByCard, outlookDecisionForCard } from '../usecases/sync/outlook-meeting.usecase.js';
import { syncTransactor } from './sync.module.js';

/**
 * The Agents Playground demo (.m365agentsplayground.yml): its tenant, its users'
 * Entra object ids linked to demo people, and its channel linked to the forum
 * "Klyngestyregruppe Vest". Applied only in embedded mode (no BOT_ID, never in
 * production) with the demo region loaded, and only to people with no Entra id.
 */
export const playgroundDemo = {
  tenantId: '00000000-0000-0000-0000-00000000d3a0',
  people: {
    '00000000-0000-0000-0000-000000000101': 'bente-vest', // "Mette Sekretær", the current user: secretary of vest-ksg and vest-fg-sb
    '00000000-0000-0000-0000-000000000102': 'yrsa-nord',
    '00000000-0000-0000-0000-000000000103': 'aksel-hede',
    '00000000-0000-0000-0000-000000000104': 'peter-kjaer',
    '00000000-0000-0000-0000-000000000105': 'hanne-eg',
    '00000000-0000-0000-0000-000000000106': 'carsten-aa',
  } as Record<string, string>,
  forumChannels: { 'vest-ksg': { teamId: '19:demo-team@thread.tacv2', teamsChannelId: '19:klyngestyregruppe-vest@thread.tacv2' } } satisfies ForumChannelMap,
};

async function linkPlaygroundPeople(deps: AppDeps): Promise<number> {
  return workflowTransactor(deps)(async (uow) => {
    let linked = 0;
    for (const [aad, personId] of Object.entries(playgroundDemo.people)) {
      const p = await uow.registry.getPerson(personId);
      if (!p || p.entraObjectId) continue;
      await uow.registry.updatePerson({ ...p, entraObjectId: aad, tenantId: playgroundDemo.tenantId });
      linked++;
    }
    return linked;
  });
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export type BotModuleOptions = {
  /** Defaults to botConfigFromEnv(process.env). */
  config?: BotConfig;
  endpoint?: BotEndpointOptions;
  dispatcher?: DispatcherOptions;
  /** Replaces the reminder e-mail port built from GRAPH_MODE (tests). */
  mail?: MailPort;
  /**
   * Microsoft 365 ports for reaching people without a stored conversation; default
   * built from GRAPH_MODE; null disables both fallbacks (as GRAPH_MODE=off does).
   */
  m365?: { ports: Pick<M365Ports, 'mail' | 'teamsApps'>; teamsAppId?: string; mailFrom?: string } | null;
  /** Where the default Graph ports get app-only tokens (tests: a local fake Entra). */
  entra?: EntraOptions;
  /** Cron of the plan job (default every 5 minutes); null = not scheduled. */
  planCron?: string | null;
};

export type BotServices = {
  config: BotConfig;
  backend: BotBackend;
  stores: BotStores;
  /** Imports botbuilder on the first activity (or `endpoint.load()`), not at start-up. */
  endpoint: LazyBotEndpoint;
  dispatcher: ReminderDispatcher;
  plan(): Promise<PlanRunResult>;
  /**
   * The notifications.notice job: the notice's deliveries (channel post, one per
   * member). `deliverSoon` defaults to asking for a reminders.deliver job.
   */
  notice(job: NoticeJob, deliverSoon?: () => Promise<void>): Promise<NoticeRunResult>;
  deliver(): Promise<void>;
  /** Ends a delivery run's waiting (the send in progress finishes). */
  stop(): Promise<void>;
};

/** A sleep that stopping the module cuts short. */
function stopSignal() {
  let wake: (() => void) | undefined;
  const st = {
    requested: false,
    stop() {
      st.requested = true;
      wake?.();
    },
    sleep(ms: number) {
      return new Promise<void>((resolve) => {
        const t = setTimeout(done, ms);
        function done() {
          clearTimeout(t);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
  };
  return st;
}

/**
 * The Graph ports behind the fallbacks, built like the sync module's (src/entry/graph.adapters.ts:
 * the same credential choice, certificate first): null when GRAPH_MODE is off (or a tenant without
 * credentials). One attempt per Graph call: the dispatcher owns retries.
 */
export function defaultReach(deps: Pick<AppDeps, 'config' | 'logger'>, entra?: EntraOptions): NonNullable<BotModuleOptions['m365']> | null {
  const { config, logger } = deps;
  const mailFrom = config.graph.reminderMailSender ?? config.graph.organizerMailbox;
  const graph = buildGraphAdapters(config, { logger, ...(entra ? { entra } : {}) });
  if (graph.kind === 'off') return null;
  if (graph.kind === 'unconfigured') {
    logger.warn(`bot: GRAPH_MODE=tenant without client credentials (${graph.missing}): no Teams chat lookup and no reminder e-mail`);
    return null;
  }
  const ports = graph.adapters.oneAttempt;
  if (graph.adapters.mode === 'emulator') {
    return { ports, teamsAppId: config.teamsAppId ?? LOCAL_TEAMS_APP_ID, mailFrom: mailFrom ?? 'paamindelser@samraad.emulator.invalid' };
  }
  return { ports, ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}), ...(mailFrom ? { mailFrom } : {}) };
}

const playgroundMode = (deps: AppDeps, config: BotConfig) => !config.botId && !config.production && !deps.config.production && deps.config.loadDemo;

export function botModule(opts: BotModuleOptions = {}): AppModule & { services(): BotServices } {
  let built: BotServices | undefined;
  const init = (deps: AppDeps): BotServices => {
    if (built) return built;
    const config = opts.config ?? botConfigFromEnv(process.env);
    const stopping = stopSignal();
    const wf = workflowDeps(deps);
    const transact = wf.transact;
    const attendance = attendanceUseCases(wf);
    const proposals = proposalUseCases(wf);
    const minutes = minutesUseCases(wf);
    const outlookCardDeps = () => {
      const reads = registryRepository(deps.database.db);
      return {
        transact: syncTransactor(deps.database, deps.queue),
        clock: deps.clock,
        accessFor: async (id: string) => {
          const [memberships, forums, platformRoles] = await Promise.all([reads.listMemberships({ personId: id }), reads.listForums(), reads.listPlatformRoles(id)]);
          return { personId: id, memberships, platformRoles, forumsById: new Map(forums.map((f) => [f.id, f])), today: localToday(deps.clock) };
        },
      };
    };
    const backend = botBackend({
      transact,
      clock: deps.clock,
      workflow: {
        answer: (meetingId, input, actor) => attendance.answer(meetingId, input, actor),
        propose: (meetingId, input, actor) => proposals.propose(meetingId, input, actor),
        remark: (meetingId, input, actor) => minutes.remark(meetingId, input, actor),
      },
      // The card's Bekræft/Afvis: the tab's use case and access check (the store holds the Outlook record whether or not the sync runs here).
      decideOutlookMeeting: (personId, meetingId, decision) => decideOutlookMeetingByCard(outlookCardDeps(), personId, meetingId, decision),
      // The card's refresh: where the meeting stands, so a decision shows on every secretary's card.
      outlookMeetingDecision: (personId, meetingId) => outlookDecisionForCard(outlookCardDeps(), personId, meetingId),
    });
    const conversations = botConversationRepository(deps.database.db, playgroundMode(deps, config) ? playgroundDemo.forumChannels : {});
    const deliveries = botDeliveryRepository(deps.database.db);
    const stores: BotStores = { conversations, deliveries, directory: recipientDirectory({ transact, forumChannel: (id) => conversations.forumChannel(id) }) };
    const log = {
      error: (msg: string, ctx?: Record<string, unknown>) => deps.logger.error(`bot: ${msg} ${ctx ? JSON.stringify(ctx) : ''}`),
      info: (msg: string, ctx?: Record<string, unknown>) => deps.logger.info(`bot: ${msg} ${ctx ? JSON.stringify(ctx) : ''}`),
    };
    const endpoint = lazyBotEndpoint(config, backend, stores, { log, ...opts.endpoint });
    const reach = opts.m365 === undefined ? defaultReach(deps, opts.entra) : opts.m365;
    const mailFrom = reach?.mailFrom;
    const mail = opts.mail ?? (reach && mailFrom ? reminderMailer({ mail: reach.ports.mail, from: mailFrom }) : undefined);
    const resolvePersonalChat =
      reach && reach.teamsAppId
        ? personalChatResolver({
            teamsApps: reach.ports.teamsApps,
            teamsAppId: reach.teamsAppId,
            ...(config.botId ? { botId: config.botId } : {}),
            serviceUrl: async (tenantId) => {
              // Only the person's own tenant's service URL; with the tenant unknown, the latest of any.
              const stored = await conversations.latestServiceUrl(tenantId);
              if (stored) return stored;
              const tenant = tenantId ?? (config.botTenantId || config.allowedTenantIds[0]);
              return config.defaultServiceUrl && tenant ? { serviceUrl: config.defaultServiceUrl, tenantId: tenant } : null;
            },
            clock: deps.clock,
            log: { warn: (msg, ctx) => deps.logger.warn(`bot: ${msg} ${ctx ? JSON.stringify(ctx) : ''}`) },
          })
        : undefined;
    deps.logger.info(
      `bot: reminders reach members without a conversation through ${resolvePersonalChat ? 'a Graph-found 1:1 chat' : 'no Teams chat lookup'} and ${mail ? `e-mail${mailFrom ? ` from ${mailFrom}` : ''}` : 'no e-mail'}${reach ? '' : ` (GRAPH_MODE=${deps.config.graph.mode})`}`,
    );
    // On a PostgreSQL server several worker processes may deliver at once: Teams' limits are
    // counted in the database, shared by all of them. Embedded PGlite is one process.
    const limiter =
      deps.database.kind === 'postgres' && deps.database.connectionString
        ? sharedRateLimiter({ connectionString: deps.database.connectionString, conversation: teamsConversationWindows, tenant: teamsTenantWindows, log })
        : undefined;
    const dispatcher = createReminderDispatcher(config, backend, stores, {
      ...(limiter ? { limiter } : {}),
      ...(mail ? { mail } : {}),
      ...(resolvePersonalChat ? { resolvePersonalChat } : {}),
      webBaseUrl: deps.config.publicUrl,
      log,
      options: { pollMs: 5_000, ...(config.deliveryClaimSeconds ? { claimMs: config.deliveryClaimSeconds * 1000 } : {}), ...opts.dispatcher },
    });
    let running: Promise<void> | undefined;
    let again = false;
    const pass = async (): Promise<void> => {
      // Sends what is due, then waits only for retries falling due within a minute;
      // anything later is picked up by the next run (the plan job asks for one every 5 minutes).
      const until = Date.now() + 60_000;
      for (;;) {
        const s = await dispatcher.run();
        if (s.sent + s.failed + s.retried + s.unsupported > 0) deps.logger.info(`reminders.deliver: ${JSON.stringify(s)}`);
        if (stopping.requested) return;
        const next = await deliveries.nextDueAt();
        if (next === null || Date.parse(next) > until) return;
        await stopping.sleep(Math.max(50, Date.parse(next) - Date.now()));
      }
    };
    const deliver = async (): Promise<void> => {
      // One run per process; a request arriving meanwhile makes the run go round once more.
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await pass();
          } while (again && !stopping.requested);
        } finally {
          running = undefined;
        }
      })();
      return running;
    };
    built = {
      config,
      backend,
      stores,
      endpoint,
      dispatcher,
      plan: () =>
        runReminderPlan({
          transact,
          clock: deps.clock,
          delivered: (keys) => deliveries.keysAmong(keys),
          enqueue: (reminders) => dispatcher.enqueue(reminders),
        }),
      notice: (job, deliverSoon) =>
        runNotice(
          {
            read: transact,
            clock: deps.clock,
            sink: {
              enqueue: (reminders) => dispatcher.enqueue(reminders),
              deliverSoon: deliverSoon ?? (async () => void (await deps.queue.enqueue(queues.reminderDeliver.name, {}, { singletonKey: 'reminders.deliver' }))),
            },
          },
          job,
        ),
      deliver,
      async stop() {
        stopping.stop();
        await running;
        await limiter?.close();
      },
    };
    return built;
  };
  const services = () => {
    if (!built) throw new Error('the bot module has not been started');
    return built;
  };

  const routes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
    const s = init(ctx.deps);
    // Bot Framework and Agents Playground post JSON; the handler validates before parsing anything further.
    const unauthenticatedMode = !(opts.config ?? botConfigFromEnv(process.env)).botId;
    app.post('/api/messages', { schema: { hide: true } }, async (request, reply) => {
      // With no bot id (embedded mode) the endpoint takes unauthenticated Agents Playground
      // traffic: only from this machine, judged by the TCP peer, never by what the body says.
      if (unauthenticatedMode && !isLoopback(request.socket.remoteAddress)) {
        return reply
          .code(403)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Without a bot id the bot accepts unauthenticated activities only from this machine (Microsoft 365 Agents Playground).' });
      }
      await s.endpoint(
        { method: request.method, headers: request.headers, body: request.body },
        {
          status: (code) => reply.code(code),
          header: (name, value) => reply.header(name, value),
          send: (body) => reply.send(body),
          end: () => reply.send(),
        },
      );
      return reply;
    });

    app.get(
      '/api/reminders/failed',
      {
        schema: {
          summary: 'Failed reminder deliveries (dead letters) of the forums the caller administers',
          querystring: z.object({ forumId: z.string().min(1).max(100).optional() }),
          response: { 200: FailedRemindersResponse },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const actx = await ctx.accessFor(person.id);
        const administered = [...actx.forumsById.keys()].filter((id) => access.canAdministerForum(actx, id));
        if (administered.length === 0) throw forbidden('Only a forum secretariat can see failed reminders', 'Kun et forums sekretariat kan se mislykkede påmindelser');
        const { forumId } = request.query;
        if (forumId && !administered.includes(forumId)) throw forbidden('You are not in the secretariat of this forum', 'Du er ikke i forummets sekretariat');
        const forumIds = forumId ? [forumId] : administered;
        const failed = await botDeliveryRepository(ctx.deps.database.db).list({ state: 'failed', forumIds });
        return {
          items: failed.map((d) => ({
            id: d.id,
            key: d.key,
            kind: d.reminder.kind,
            forumId: d.reminder.forumId,
            meetingId: d.reminder.meetingId ?? null,
            taskId: d.reminder.taskId ?? null,
            recipientId: d.recipientId,
            deadline: d.reminder.deadline,
            attempts: d.attempts,
            lastStatus: d.lastStatus ?? null,
            lastError: d.lastError ?? null,
          })),
        };
      },
    );
  };

  return {
    name: 'bot',
    services,
    routes,
    async startWorkers(deps) {
      const s = init(deps);
      await deps.queue.work(queues.reminderPlan.name, async () => {
        const r = await s.plan();
        deps.logger.info(`reminders.plan at ${r.now}: ${r.planned} planned, ${r.due} due, ${r.newDeliveries} new deliveries`);
        await deps.queue.enqueue(queues.reminderDeliver.name, {}, { singletonKey: 'reminders.deliver' });
      });
      await deps.queue.work(queues.reminderDeliver.name, async () => {
        await s.deliver();
      });
      await deps.queue.work(queues.notice.name, async (job) => {
        const r = await s.notice(job);
        deps.logger.info(`notifications.notice ${r.key}: ${r.newDeliveries} new deliveries for ${r.recipients} people${r.skipped ? ` (${r.skipped})` : ''}`);
      });
      const cron = opts.planCron === undefined ? '*/5 * * * *' : opts.planCron;
      if (cron) await deps.queue.boss.schedule(queues.reminderPlan.name, cron, {});
    },
    async start(deps) {
      const s = init(deps);
      if (playgroundMode(deps, s.config)) {
        const n = await linkPlaygroundPeople(deps);
        if (n) deps.logger.info(`bot: linked ${n} demo people to the Agents Playground users (.m365agentsplayground.yml)`);
      }
      return { stop: () => s.stop() };
    },
  };
}
