/**
 * Text PostgreSQL cannot store (NUL, unpaired surrogates) and dates no calendar
 * has (30 February, year 0) once reached the database and came back as 500s;
 * the fuzz test found them. Each must be a 400 problem naming the field, with
 * nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findBadText } from '../../src/entry/http/text-guard.js';
import { isoDate } from '../../src/domain/registry/registry.model.js';
import { backends } from '../support/db.js';
import { createMeeting, member, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

describe('findBadText', () => {
  it('names the path of the first string that cannot be stored, keys included', () => {
    expect(findBadText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, '')).toEqual({ field: 'a.1.c', reason: expect.stringContaining('NUL') });
    expect(findBadText({ t: '\ud83d' }, '')).toEqual({ field: 't', reason: expect.stringContaining('surrogate') });
    expect(findBadText({ ['k\u0000']: 1 }, '')?.reason).toMatch(/^key /);
    expect(findBadText({ t: 'Møde 😀 ✓', n: 1, z: null, l: [true] }, '')).toBeUndefined();
  });
});

describe('isoDate', () => {
  it.each(['2027-02-28', '2028-02-29', '1900-01-01', '2999-12-31'])('accepts %s', (d) => expect(isoDate.safeParse(d).success).toBe(true));
  it.each(['2027-02-29', '2027-02-30', '2027-13-01', '2027-04-31', '0000-01-01', '9999-12-31', '27-1-1'])('refuses %s with one reason', (d) => {
    const r = isoDate.safeParse(d);
    expect(r.success).toBe(false);
    expect(r.error?.issues).toHaveLength(1);
  });
});

describe.each(backends)('unstorable input on $name', (backend) => {
  let app: WorkflowTestApp;
  let meeting: string;
  let item: string;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meeting = (await createMeeting(app)).id;
    item = (await app.call('POST', `/api/meetings/${meeting}/items`, secretary, { title: 'Status' })).body.id;
  });
  afterAll(async () => app?.close());

  const task = { title: 'Opgave', description: '', dueOn: '2027-06-01', assigneePersonId: member, reportToForumId: 'midt-ksg' };
  it.each([
    ['a NUL in the title', { ...task, title: 'a\u0000b' }, 'title', /NUL/],
    ['a NUL in the description', { ...task, description: 'x\u0000' }, 'description', /NUL/],
    ['an unpaired surrogate', { ...task, title: '\ud800x' }, 'title', /surrogate/],
    ['30 February', { ...task, dueOn: '2027-02-30' }, 'dueOn', /real calendar date/],
    ['year 0', { ...task, dueOn: '0000-01-01' }, 'dueOn', /real calendar date/],
  ])('a task with %s: 400 naming the field, nothing written', async (_what, body, field, reason) => {
    const before = (await app.call('GET', `/api/meetings/${meeting}`, secretary)).body.tasks.length;
    const r = await app.call('POST', `/api/meetings/${meeting}/tasks`, secretary, { ...body, sourceItemId: item });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body.errors).toEqual([{ field, reason: expect.stringMatching(reason) }]);
    expect(r.text).not.toMatch(/at .*\.ts:\d+/);
    const after = (await app.call('GET', `/api/meetings/${meeting}`, secretary)).body.tasks.length;
    expect(after).toBe(before);
  });

  it('a NUL in a query string: 400 naming the parameter', async () => {
    const r = await app.call('GET', `/api/forums/midt-ksg/composition?on=2027%00`, secretary);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('on');
  });

  it('an agenda item with a NUL: 400 and the agenda unchanged', async () => {
    const before = (await app.call('GET', `/api/meetings/${meeting}`, secretary)).body.items.length;
    const r = await app.call('POST', `/api/meetings/${meeting}/items`, secretary, { title: 'Punkt\u0000' });
    expect(r.status).toBe(400);
    expect((await app.call('GET', `/api/meetings/${meeting}`, secretary)).body.items.length).toBe(before);
  });
});
