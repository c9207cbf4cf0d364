/**
 * The demo region shows a whole year of a forum (issue 13 point 9): every held
 * meeting's minutes were written, sent, remarked on where a member did, approved
 * and published, with its agenda items and decisions, so the public archive has
 * them; one recent meeting is deliberately late (its minutes not yet sent) to show
 * the overdue state.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';
import { readDemoData } from '../../src/demo/demo-loader.js';

describe.each(backends)('the demo year on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2026-12-03T09:00:00Z');
  });
  afterAll(async () => app.close());

  it('has the held meetings approved and published with their items and decisions, one recent meeting late', async () => {
    const held = readDemoData().meetings.filter((m) => m.status === 'held');
    const late = held.filter((m) => !m.minutes?.approvedAt);
    expect(late.map((m) => m.id)).toEqual(['mtg-midt-ksg-2026-4']);
    const view = (await app.call('GET', '/api/meetings/mtg-midt-ksg-2026-1', secretary)).body;
    expect(view.minutes).toMatchObject({ status: 'published', approvedHow: expect.stringMatching(/^(explicit|tacit)$/) });
    expect(Date.parse(view.minutes.publishedAt)).toBeLessThanOrEqual(Date.parse('2026-12-03T09:00:00Z'));
    expect(view.items.length).toBeGreaterThanOrEqual(3);
    expect(view.items.filter((i: { decision?: string }) => i.decision).length).toBe(view.items.length);
    expect(view.versions.map((v: { kind: string; event: string }) => `${v.kind}:${v.event}`)).toEqual(expect.arrayContaining(['agenda:sent', 'minutes:sent', 'minutes:approved', 'minutes:published']));
    const lateView = (await app.call('GET', '/api/meetings/mtg-midt-ksg-2026-4', secretary)).body;
    expect(lateView.minutes.status).toBe('draft');
    // Its agenda was approved and sent with its items: the page shows them, not an empty agenda.
    expect(lateView.items.map((i: { title: string }) => i.title)).toContain('Udskrivningsforløb i Midtklyngen: status efter et år');
    expect(Date.parse(lateView.minutes.agendaApprovedAt)).toBe(Date.parse('2026-10-29T08:00:00Z'));
    // A meeting where a member remarked: the remark is kept, the approved minutes are the revised version.
    const remarked = held.find((m) => m.minutes?.remarks.length)!;
    const rv = (await app.call('GET', `/api/meetings/${remarked.id}`, 'dorte-bach')).body;
    expect(rv.minutes.version).toBe(2);
    expect(rv.remarks.length).toBe(1);
  });

  it('lists the published minutes in the public archive, and serves them', async () => {
    const page = await app.call('GET', '/offentlig/Region%20Midtjylland');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/offentlig/moeder/mtg-midt-ksg-2026-1');
    const minutes = await app.call('GET', '/offentlig/moeder/mtg-midt-ksg-2026-1');
    expect(minutes.status).toBe(200);
    expect(minutes.text).toContain('Udskrivningsforløb i Midtklyngen');
  });
});
