/**
 * Issue 18, cheap reads: the meeting page asks the database only for the tasks it
 * shows (those reporting back to its forum, those that came out of the meeting),
 * not for every open task in the country, and what it shows is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { meetingsRepository } from '../../src/adapters/db/meetings.repository.js';
import { workflowModule } from '../../src/entry/workflow.module.js';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createMeeting, forumId } from './workflow.fixture.js';

describe.each(backends)('task reads of the meeting page on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: [workflowModule({})] });
  });
  afterAll(async () => app?.close());

  it('filters tasks by the forum they report back to and by the meeting they came from, in the query', async () => {
    const repo = meetingsRepository(app.deps.database.db);
    const meeting = await createMeeting(app);
    const base = { description: '', dueOn: '2027-02-01', status: 'open' as const, assigneeForumId: forumId };
    await repo.insertTask({ ...base, id: 'tr-report-here', forumId: 'vest-ksg', title: 'Rapport til KSG', reportToForumId: forumId });
    await repo.insertTask({ ...base, id: 'tr-report-elsewhere', forumId, title: 'Rapport andetsteds', reportToForumId: 'vest-ksg' });
    await repo.insertTask({ ...base, id: 'tr-from-meeting', forumId, title: 'Fra mødet', sourceMeetingId: meeting.id });
    await repo.insertTask({ ...base, id: 'tr-done-report', forumId: 'vest-ksg', title: 'Afsluttet', reportToForumId: forumId, status: 'done' });

    expect((await repo.listTasks({ status: 'open', reportToForumId: forumId })).map((t) => t.id)).toEqual(['tr-report-here']);
    expect((await repo.listTasks({ forumIds: [forumId], sourceMeetingId: meeting.id })).map((t) => t.id)).toEqual(['tr-from-meeting']);
    expect((await repo.listTasks({ sourceMeetingId: 'no-such-meeting' })).length).toBe(0);

    // The meeting page still lists the meeting's own tasks.
    const page = await fetch(`${app.url}/api/meetings/${meeting.id}`, { headers: app.as('nina-hald') });
    expect(page.status).toBe(200);
    expect(((await page.json()) as { tasks: { id: string }[] }).tasks.map((t) => t.id)).toEqual(['tr-from-meeting']);
  });
});
