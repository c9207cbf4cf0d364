/**
 * The HTTP server: REST API (zod-validated, OpenAPI at /api/openapi.json), the
 * tab's static files at /, and the routes other parts mount (bot, Graph
 * notifications, public pages) through `extraRoutes`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { responseSerializerCompiler } from './response-check.js';
import { htmlResponse } from '../../contracts/files.contract.js';
import { installErrorHandling, sendProblem } from './problem.js';
import { installStrictJson, installTextGuard } from './text-guard.js';
import { hardenedServerOptions, installHardening } from './hardening.js';
import { installCompression } from './compression.js';
import { auditSampler } from './audit-sampler.js';
import { resolveIdentity } from './auth.js';
import { registryRoutes } from './routes/registry.routes.js';
import { systemRoutes } from './routes/system.routes.js';
import { installRegionParam, regionRoutes } from './routes/region.routes.js';
import type { HttpContext } from './http-context.js';
import { UseCaseError } from '../../usecases/use-case.errors.js';
import { meetingsRepository } from '../../adapters/db/meetings.repository.js';
import { localToday } from '../../domain/calendar/working-day.calendar.js';
import { firstViewHtml, firstViewStyle } from '../../tab/first-view.js';

export type ServerOptions = {
  logger?: boolean | object;
  extraRoutes?: ((ctx: HttpContext) => FastifyPluginAsync)[];
};

export async function buildServer(ctx: HttpContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    ...hardenedServerOptions(ctx.config),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // The JSON sent is what the route returns; its schema is checked as SAMRAAD_RESPONSE_CHECK says (strict in tests).
  app.setSerializerCompiler(responseSerializerCompiler(ctx.config.responseCheck, app.log));
  installErrorHandling(app);
  await installHardening(app, ctx.config);
  await installCompression(app);
  installStrictJson(app);
  installTextGuard(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Samraad API', version: '0.1.0', description: 'Forums of the Danish health agreements: registry, meetings, deadlines.' },
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('identity', null as never);
  app.addHook('onRequest', async (request, reply) => {
    // The bot endpoint carries Bot Framework tokens, not sign-in tokens: bot/ validates them itself.
    if (request.url.split('?')[0] === '/api/messages') {
      (request as { identity: unknown }).identity = { kind: 'anonymous' };
      return;
    }
    try {
      (request as { identity: unknown }).identity = await resolveIdentity(request, ctx.identity);
    } catch (err) {
      if (err instanceof UseCaseError) {
        // A refused sign-in counts as a request that is not signed in (hardening.ts's per-address limit).
        if (await app.limitRefusedSignIn(request, reply)) return;
        return sendProblem(reply, { status: err.status, detail: err.message, ...(err.errors.length ? { errors: err.errors } : {}) });
      }
      throw err;
    }
  });
  // Refused attempts (401/403) on the API go to the audit log too: sampled, so a flood of them
  // adds a row per kind and minute with the count of the others, not a row each.
  const refusals = auditSampler();
  // Every answer passes here; only refusals do any work (callback style: no promise for the others).
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode !== 401 && reply.statusCode !== 403) return done();
    if (!request.url.startsWith('/api/')) return done();
    // The Graph notification endpoint audits its refusals itself (one row per request, sampled).
    if (request.url.startsWith('/api/graph/notifications')) return done();
    auditRefusal(request, reply).then(() => done(), done);
  });
  const auditRefusal = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.identity?.kind === 'person' ? request.identity.person.id : `ip:${request.ip}`;
    const route = `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
    const sample = refusals.admit(`${route}|${reply.statusCode}|${actor}|${JSON.stringify(request.params ?? {})}`, Date.now(), request.identity?.kind === 'person' ? 20 : 1);
    if (!sample.record) return;
    const params = request.params as { id?: string } | undefined;
    const body = request.body as { forumId?: unknown; parentId?: unknown } | undefined;
    const fromBody = typeof body?.forumId === 'string' ? body.forumId : typeof body?.parentId === 'string' ? body.parentId : undefined;
    let forumId = request.url.startsWith('/api/forums/') ? params?.id : fromBody;
    // A refused meeting action belongs in its forum's audit log too.
    if (!forumId && params?.id && request.url.startsWith('/api/meetings/')) {
      forumId = (
        await meetingsRepository(ctx.deps.database.db)
          .getMeeting(params.id)
          .catch((err: unknown) => request.log.warn({ err }, 'could not find the forum of a refused meeting request'))
      )?.forumId;
    }
    await ctx.audit
      .record({
        actorPersonId: request.identity?.kind === 'person' ? request.identity.person.id : undefined,
        action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        forumId,
        outcome: 'refused',
        detail: { status: reply.statusCode, ...(sample.suppressed ? { suppressed: sample.suppressed } : {}) },
      })
      .catch((err: unknown) => request.log.warn({ err }, 'could not audit a refused request'));
  };

  installRegionParam(app, ctx);
  await app.register(systemRoutes(ctx));
  await app.register(registryRoutes(ctx));
  await app.register(regionRoutes(ctx));
  for (const extra of opts.extraRoutes ?? []) await app.register(extra(ctx));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (ctx.tabDir && fs.existsSync(path.join(ctx.tabDir, 'index.html'))) {
    // preCompressed: the .br and .gz files the tab build writes beside each text file are sent as they lie.
    // The start page is served by its own route (below): for a browser signed in with the dev sign-in it carries
    // the first data, so the forum list needs no round trip after the JavaScript (issue 18, P4).
    // Read again when the file changes: a rebuild of the tab (npm run build beside a running server) replaces the
    // hashed assets index.html names, and a cached copy would point at files that are gone (a blank app).
    const indexFile = path.join(ctx.tabDir, 'index.html');
    let index = { mtimeMs: fs.statSync(indexFile).mtimeMs, html: fs.readFileSync(indexFile, 'utf8') };
    const currentIndex = (): string => {
      try {
        const { mtimeMs } = fs.statSync(indexFile);
        if (mtimeMs !== index.mtimeMs) index = { mtimeMs, html: fs.readFileSync(indexFile, 'utf8') };
      } catch (err) {
        // Mid-rebuild the file can be missing for a moment: the last whole copy is sent.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      return index.html;
    };
    app.get('/', { schema: { summary: 'The tab (with the first data for a browser signed in with the dev sign-in)', response: { 200: htmlResponse() } } }, async (req, reply) => {
      reply.header('cache-control', 'private, no-cache').header('vary', 'Cookie').type('text/html; charset=utf-8');
      const identity = req.identity;
      const indexHtml = currentIndex();
      if (identity?.kind !== 'person' || identity.via !== 'dev') return reply.send(indexHtml);
      const data = await bootData(app, req.headers.cookie ?? '');
      const theme = (req.query as { theme?: unknown } | undefined)?.theme;
      return reply.send(withFirstView(withBootData(indexHtml, data), data, localToday(ctx.clock), theme === 'dark' || theme === 'contrast' || theme === 'default' ? theme : undefined));
    });
    await app.register(fastifyStatic, { root: ctx.tabDir, prefix: '/', index: false, wildcard: false, cacheControl: false, preCompressed: true,
      setHeaders(res, file) {
        // Hashed assets are immutable; index.html must always be fresh.
        (res as unknown as { setHeader(k: string, v: string): void }).setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The hashed assets also by a wildcard under /assets/: the routes above are the files there at start, and a
    // rebuild beside a running server writes new names that the re-read index.html asks for. A name that is not
    // there goes to the not-found handler as before.
    const assetsDir = path.join(ctx.tabDir, 'assets');
    if (fs.existsSync(assetsDir)) {
      await app.register(fastifyStatic, { root: assetsDir, prefix: '/assets/', index: false, wildcard: true, decorateReply: false, cacheControl: false, preCompressed: true,
        setHeaders(res) {
          (res as unknown as { setHeader(k: string, v: string): void }).setHeader('cache-control', 'public, max-age=31536000, immutable');
        },
      });
    }
  } else {
    app.get('/', { schema: { summary: 'The tab is not built: a page that says how to build it', response: { 200: htmlResponse() } } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><html lang="da"><title>Samraad</title><p>Fanen er ikke bygget. Kør <code>npm run build</code>.</p></html>'),
    );
  }
  return app;
}

/**
 * What the tab asks for first (who is signed in, the forum tree), as the API itself answers it for the same
 * cookie: the same access checks, the same shapes. A part that does not answer 200 is left out, and the tab
 * asks for it as usual.
 */
async function bootData(app: FastifyInstance, cookie: string): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    (['me', 'tree'] as const).map(async (key) => {
      const res = await app.inject({ method: 'GET', url: key === 'me' ? '/api/me' : '/api/forums/tree', headers: { cookie } });
      return res.statusCode === 200 ? ([key, res.json<unknown>()] as const) : null;
    }),
  );
  return Object.fromEntries(parts.filter((p): p is NonNullable<typeof p> => p !== null));
}

/**
 * The first view (src/tab/first-view.ts: the shell with this person's forum tree, as plain HTML) inside the
 * root element, and its style in the head: the forum list shows before React runs, and React replaces it.
 * Built from the same boot data (the API's own answers for this request), so it shows nothing the API would not.
 */
export function withFirstView(html: string, data: { me?: unknown; tree?: unknown }, today: string, theme?: 'default' | 'dark' | 'contrast'): string {
  const body = firstViewHtml(data as Parameters<typeof firstViewHtml>[0], today);
  if (!body || !html.includes('<div id="root"></div>')) return html;
  return withAppAfterFirstPaint(html)
    .replace('</head>', () => `<style id="samraad-first-view-style">${firstViewStyle(theme)}</style></head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`);
}

const ENTRY_SCRIPT = /<script type="module" crossorigin src="(\/assets\/[\w.-]+\.js)"><\/script>/;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="\/assets\/[\w.-]+\.js">/g;

/**
 * A page that shows a first view loads the app after the browser has drawn it (issue 18, P4): the build's
 * module script becomes `/app-after-paint.js` (src/tab/public), which imports the same entry after the next
 * frame, and the entry's `modulepreload` links go (fetching and compiling about 600 kB of React and Fluent
 * before the first paint is what held the forum list back). A page without a first view (anonymous, inside
 * Teams) keeps the build's own script and preloads: there is nothing to show before the app.
 */
export function withAppAfterFirstPaint(html: string): string {
  const entry = ENTRY_SCRIPT.exec(html)?.[1];
  if (!entry) return html;
  return html
    .replace(MODULE_PRELOAD, '')
    .replace(ENTRY_SCRIPT, () => `<script type="module" id="samraad-app" data-entry="${entry}" src="/app-after-paint.js"></script>`);
}

/** The boot data in a JSON script element (not executed; `<` escaped so no text can end the element). */
export function withBootData(html: string, data: Record<string, unknown>): string {
  if (!Object.keys(data).length) return html;
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  // A function replacer: a `$&` or `$'` in the data is text, not a replacement pattern.
  return html.replace('</head>', () => `<script id="samraad-boot" type="application/json">${json}</script></head>`);
}
