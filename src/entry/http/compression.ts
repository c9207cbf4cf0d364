/**
 * Response compression (issue 18, "the tab arrives fast"): every text answer of
 * 1 kB or more (JSON, problem+json, HTML, JavaScript, CSS, feeds, calendars) is
 * sent with Brotli or gzip as the client's Accept-Encoding allows (@fastify/compress;
 * Brotli at quality 4, cheap enough to run per request). The tab's files are
 * compressed once at build time (src/tab/precompress.ts) and served as they lie
 * by @fastify/static, so a page load costs no compression at all.
 *
 * Not compressed: binary files (DOCX, PDF, images: only text types are), downloads
 * of stored documents and attachments (they keep their exact Content-Length), the
 * Graph validation handshake (Graph reads the token as plain text), and request
 * bodies (a compressed upload is refused as before, not inflated: no zip bombs).
 */
import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';

/** Text content types worth compressing; server-sent events are streamed as they are. */
export const COMPRESSIBLE_TYPES = /^text\/(?!event-stream)|^application\/(?:[\w.-]+\+)?(?:json|xml)(?:;|$)|^application\/javascript|^image\/svg\+xml/;

/** Routes whose answers are never compressed, whatever their type: downloads and the Graph handshake. */
export const UNCOMPRESSED_ROUTES = [/\.docx$/, /\.pdf$/, /\/attachments\/:[^/]+$/, /\/bilag\/:[^/]+$/, /^\/api\/graph\/notifications$/];

/** Registers compression for every route registered after it. Call before any route. */
export async function installCompression(app: FastifyInstance) {
  // Runs before the plugin's own onRoute hook, which reads `compress: false`.
  app.addHook('onRoute', (route) => {
    if (route.compress === undefined && UNCOMPRESSED_ROUTES.some((re) => re.test(route.url ?? ''))) route.compress = false;
  });
  // A text answer depends on Accept-Encoding, also when it is sent as it lies (the tab's
  // precompressed files) or uncompressed: shared caches must keep the variants apart.
  // (Callback style: it runs on every answer and needs no await.)
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (COMPRESSIBLE_TYPES.test(String(reply.getHeader('content-type') ?? ''))) {
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    done(null, payload);
  });
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE_TYPES,
  });
}
