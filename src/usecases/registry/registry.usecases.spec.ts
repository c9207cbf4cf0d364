import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends, type TestDatabase } from '../../../test/support/db.js';
import { startJobQueue, type JobQueue } from '../../adapters/queue/job-queue.js';
import { transactor } from '../../adapters/db/unit-of-work.js';
import { registryRepository } from '../../adapters/db/registry.repository.js';
import { auditRepository } from '../../adapters/db/audit.repository.js';
import { allQueues } from '../../entry/jobs/queues.js';
import { registryUseCases, ForumCreateInput } from './registry.usecases.js';
import { UseCaseError } from '../use-case.errors.js';

let n = 0;
const ids = { newId: (p: string) => `${p}_${++n}` };
const actor = { personId: 'tester' };

describe.each(backends)('registry use cases on $name', (backend) => {
  let db: TestDatabase;
  let queue: JobQueue;
  let uc: ReturnType<typeof registryUseCases>;

  beforeAll(async () => {
    db = await backend.open();
    queue = await startJobQueue(db, { supervise: false, queues: allQueues });
    uc = registryUseCases({ transact: transactor(db, queue), ids, today: () => '2026-06-01' });
  });
  afterAll(async () => {
    await queue.stop();
    await db.dispose();
  });

  it('creates a forum with its first terms, audits it and enqueues its sync in the same transaction', async () => {
    const input = ForumCreateInput.parse({
      name: 'Klyngestyregruppe for Midtklyngen',
      kind: 'cluster_steering_group',
      level: 'cluster',
      region: 'Region Midtjylland',
      terms: { validFrom: '2016-01-01', meetings: { perYearMin: 4, perYearMax: 4, adHoc: true } },
    });
    const { forum, terms } = await uc.createForum(input, actor);
    expect(terms?.version).toBe(1);
    const repo = registryRepository(db.db);
    expect((await repo.getForum(forum.id))?.name).toBe('Klyngestyregruppe for Midtklyngen');
    expect((await repo.currentTerms(forum.id))?.meetings.perYearMin).toBe(4);
    const audit = await auditRepository(db.db).listForForum(forum.id);
    expect(audit.map((a) => a.action)).toEqual(['forum.create']);
    const jobs = await queue.findJobs('m365.forum-sync', { queued: true });
    expect(jobs.some((j) => (j.data as { forumId: string }).forumId === forum.id)).toBe(true);
  });

  it('refuses an unknown parent naming the field, and writes nothing (not even the job)', async () => {
    const before = (await registryRepository(db.db).listForums()).length;
    const jobsBefore = (await queue.findJobs('m365.forum-sync', { queued: true })).length;
    const input = ForumCreateInput.parse({ name: 'X', kind: 'ad_hoc_group', level: 'ad_hoc', region: 'R', parentId: 'nope' });
    await expect(uc.createForum(input, actor)).rejects.toMatchObject({ kind: 'validation', errors: [{ field: 'parentId' }] });
    expect((await registryRepository(db.db).listForums()).length).toBe(before);
    expect((await queue.findJobs('m365.forum-sync', { queued: true })).length).toBe(jobsBefore);
  });

  it('refuses a cycle in the hierarchy', async () => {
    const a = (await uc.createForum(ForumCreateInput.parse({ name: 'A', kind: 'steering_group', level: 'central', region: 'R' }), actor)).forum;
    const b = (await uc.createForum(ForumCreateInput.parse({ name: 'B', kind: 'steering_group', level: 'central', region: 'R', parentId: a.id }), actor)).forum;
    const err = await uc.updateForum(a.id, { ...a, parentId: b.id }, actor).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UseCaseError);
    expect((err as UseCaseError).errors[0]?.field).toBe('parentId');
  });

  it('keeps every version of the terms of reference', async () => {
    const f = (await uc.createForum(ForumCreateInput.parse({ name: 'C', kind: 'steering_group', level: 'central', region: 'R', terms: { validFrom: '2020-01-01' } }), actor)).forum;
    await uc.addTermsVersion(f.id, (await import('../../domain/registry/registry.model.js')).TermsOfReferenceInput.parse({ validFrom: '2021-01-01', deadlines: { agendaLead: { amount: 2, unit: 'weeks' } } }), actor);
    const versions = await registryRepository(db.db).listTerms(f.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]?.deadlines.agendaLead).toEqual({ amount: 2, unit: 'weeks' });
  });

  it('keeps the audit log append-only', async () => {
    const err = await db.db.execute((await import('drizzle-orm')).sql`update audit_log set action = 'x'`).catch((e: unknown) => e);
    expect(String((err as Error & { cause?: Error }).cause?.message)).toMatch(/append-only/);
  });
});
