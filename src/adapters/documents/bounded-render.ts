/**
 * Bounded heavy renders (issue 14 point 4): thirty concurrent DOCX renders pushed
 * /healthz to a one-second median. A renderer wrapped here runs at most
 * `concurrency` renders at a time (the others queue, first come first served) and
 * keeps the rendered bytes per document version: the key is the caller's
 * `versionKey` (meeting, kind, version, event; or the draft's updatedAt) plus a
 * digest of what is rendered, so thirty downloads of one agenda render it once (the
 * ones that arrive while it renders share that render), and a new version or an
 * edited draft is a new key. Least recently used entries go beyond `entries`; a
 * failed render is not kept.
 */
import { createHash } from 'node:crypto';
import type { DocxRendererPort, DocxRenderOptions } from '../../usecases/ports/render.port.js';
import type { MeetingDocumentView } from '../../domain/documents/meeting-document.view.js';

export type BoundedRenderer = DocxRendererPort & { load(): { running: number; waiting: number; cached: number } };

/** A small semaphore: at most `limit` at a time, the rest wait in order. */
export function semaphore(limit: number): { run<T>(fn: () => Promise<T>): Promise<T>; running(): number; waiting(): number } {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be a positive integer, got ${limit}`);
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    async run(fn) {
      if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
      else running += 1;
      try {
        return await fn();
      } finally {
        const next = queue.shift();
        if (next) next(); // the slot passes straight to the next in line
        else running -= 1;
      }
    },
    running: () => running,
    waiting: () => queue.length,
  };
}

export function boundedRenderer(inner: DocxRendererPort, o: { concurrency?: number; entries?: number } = {}): BoundedRenderer {
  const slots = semaphore(o.concurrency ?? 2);
  const entries = o.entries ?? 64;
  const cache = new Map<string, Promise<Buffer>>();
  const keyOf = (view: MeetingDocumentView, opts: DocxRenderOptions): string => {
    const { versionKey, ...rest } = opts;
    const digest = createHash('sha256').update(JSON.stringify([view, rest])).digest('base64url');
    return `${versionKey ?? '-'}#${digest}`;
  };
  return {
    async render(view, opts = {}) {
      const key = keyOf(view, opts);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit); // most recently used last
        return hit;
      }
      const { versionKey: _v, ...renderOpts } = opts;
      const rendering = slots.run(() => inner.render(view, renderOpts));
      cache.set(key, rendering);
      // A failed render is not kept; its error reaches the caller through `rendering`, returned below.
      // eslint-disable-next-line samraad/no-swallowed-catch
      void rendering.catch(() => cache.delete(key));
      while (cache.size > entries) cache.delete(cache.keys().next().value!);
      return rendering;
    },
    load: () => ({ running: slots.running(), waiting: slots.waiting(), cached: cache.size }),
  };
}
