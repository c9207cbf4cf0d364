/**
 * Issue 14 point 4: heavy renders are bounded. Thirty concurrent downloads of the
 * same agenda render it once (the renderer port is a counting spy around the real
 * DOCX writer), /healthz answers while they run, a new version is a new render,
 * and never more than RENDER_CONCURRENCY renders run at once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workflowModule } from '../../src/entry/workflow.module.js';
import { renderMeetingDocxNow, RENDER_CONCURRENCY } from '../../src/adapters/documents/meeting.docx-writer.js';
import { boundedRenderer } from '../../src/adapters/documents/bounded-render.js';
import type { DocxRendererPort } from '../../src/usecases/ports/render.port.js';
import type { MeetingDocumentView } from '../../src/domain/documents/meeting-document.view.js';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';

const meetingId = 'mtg-midt-ksg-2027-1';
const secretary = 'nina-hald';
const chair = 'gorm-ravn';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The real renderer, counted: calls, and the most renders in flight at once. */
function spyRenderer(): DocxRendererPort & { calls: number; maxInFlight: number } {
  let inFlight = 0;
  const spy = {
    calls: 0,
    maxInFlight: 0,
    async render(view: MeetingDocumentView, opts?: { creator?: string; fixedTime?: Date }) {
      spy.calls++;
      inFlight++;
      spy.maxInFlight = Math.max(spy.maxInFlight, inFlight);
      try {
        await sleep(50); // a slow render: concurrent requests overlap with it
        return await renderMeetingDocxNow(view, opts);
      } finally {
        inFlight--;
      }
    },
  };
  return spy;
}

describe.each(backends)('bounded DOCX renders ($name)', (backend) => {
  let app: TestApp;
  const spy = spyRenderer();
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [workflowModule({ docxRenderer: spy })], clock: { now: () => new Date('2027-01-20T09:00:00Z') } });
  });
  afterAll(async () => {
    await app?.close();
  });
  const call = async (method: string, url: string, as: string, body?: unknown) => {
    const r = await fetch(app.url + url, { method, headers: { ...app.as(as), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };

  it('renders the agenda once for 30 concurrent downloads while /healthz stays responsive', async () => {
    await call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på sundhedsaftalen', kind: 'discussion', presenters: ['Nina Hald'], minutes: 20, background: 'Status.', recommendations: ['At status drøftes'] });
    const before = spy.calls;
    const health: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const t = Date.now();
        const r = await fetch(`${app.url}/healthz`);
        expect(r.status).toBe(200);
        await r.arrayBuffer();
        health.push(Date.now() - t);
        await sleep(10);
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const r = await fetch(`${app.url}/api/meetings/${meetingId}/agenda.docx`, { headers: app.as(secretary) });
        return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()) };
      }),
    );
    done = true;
    await probe;
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    expect(new Set(answers.map((a) => a.bytes.toString('base64'))).size).toBe(1);
    expect(answers[0]!.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(spy.calls - before).toBe(1);
    expect(health.length).toBeGreaterThan(0);
    const sorted = [...health].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(500);
  });

  it('renders again for a changed agenda and per sent version, each once', async () => {
    const before = spy.calls;
    await call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Opfølgning', kind: 'orientation', presenters: ['Nina Hald'], minutes: 10, background: 'Opfølgning.' });
    await Promise.all(Array.from({ length: 10 }, () => fetch(`${app.url}/api/meetings/${meetingId}/agenda.docx`, { headers: app.as(secretary) }).then((r) => r.arrayBuffer())));
    expect(spy.calls - before).toBe(1); // the edit is a new render, once
    await call('POST', `/api/meetings/${meetingId}/agenda/approve`, chair);
    await call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary);
    const sent = ((await call('GET', `/api/meetings/${meetingId}`, secretary)).versions as { id: string; kind: string }[]).find((v) => v.kind === 'agenda')!;
    const afterSend = spy.calls;
    const rs = await Promise.all(Array.from({ length: 10 }, () => fetch(`${app.url}/api/meetings/${meetingId}/versions/${sent.id}/document.docx`, { headers: app.as(secretary) })));
    expect(rs.map((r) => r.status)).toEqual(Array(10).fill(200));
    await Promise.all(rs.map((r) => r.arrayBuffer()));
    expect(spy.calls - afterSend).toBe(1); // ten downloads of the sent version: one render
    expect(spy.maxInFlight).toBeLessThanOrEqual(RENDER_CONCURRENCY);
  });
});

describe('the bounded renderer', () => {
  const view = (title: string) => ({ title }) as unknown as MeetingDocumentView;
  it('runs at most `concurrency` renders at once, queues the rest in order, and keeps no failed render', async () => {
    let inFlight = 0;
    let max = 0;
    const order: string[] = [];
    let fail = true;
    const inner: DocxRendererPort = {
      async render(v) {
        inFlight++;
        max = Math.max(max, inFlight);
        order.push((v as unknown as { title: string }).title);
        await sleep(20);
        inFlight--;
        if ((v as unknown as { title: string }).title === 'bad' && fail) throw new Error('render failed');
        return Buffer.from((v as unknown as { title: string }).title);
      },
    };
    const r = boundedRenderer(inner, { concurrency: 2 });
    const titles = Array.from({ length: 8 }, (_, i) => `doc-${i}`);
    const out = await Promise.all(titles.map((t) => r.render(view(t), { versionKey: t })));
    expect(out.map(String)).toEqual(titles);
    expect(max).toBe(2);
    expect(order).toEqual(titles);
    await expect(r.render(view('bad'))).rejects.toThrow('render failed');
    fail = false;
    await expect(r.render(view('bad'))).resolves.toEqual(Buffer.from('bad'));
    // Same content, another version key: another render (the key includes the version).
    const n = order.length;
    await r.render(view('doc-0'), { versionKey: 'other' });
    expect(order.length).toBe(n + 1);
    await r.render(view('doc-0'), { versionKey: 'doc-0' });
    expect(order.length).toBe(n + 1);
  });
});
