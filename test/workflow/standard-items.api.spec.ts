/** The standard items (Velkommen, Næste møde, Eventuelt) come with the first item and are never duplicated by typing one of them. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { createMeeting, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

describe.each(backends)('standard agenda items on $name', (backend) => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp(backend, '2027-02-01T09:00:00Z');
  });
  afterAll(async () => app?.close());

  it('refuses "Eventuelt" typed as an item, naming the field, and writes nothing; the first real item brings each standard item once', async () => {
    const m = await createMeeting(app);
    const refused = await app.call('POST', `/api/meetings/${m.id}/items`, secretary, { title: ' eventuelt ' });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['title']);
    expect(refused.body.detailDa).toMatch(/standardpunkt/);
    expect((await app.call('GET', `/api/meetings/${m.id}`, secretary)).body.items).toEqual([]);

    expect((await app.call('POST', `/api/meetings/${m.id}/items`, secretary, { title: 'Status på sundhedsaftalen' })).status).toBe(201);
    const titles = (await app.call('GET', `/api/meetings/${m.id}`, secretary)).body.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(['Velkommen', 'Status på sundhedsaftalen', 'Næste møde', 'Eventuelt']);
  });
});
