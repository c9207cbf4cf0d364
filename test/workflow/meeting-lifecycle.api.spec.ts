/**
 * The whole life of a meeting through the REST API, on every backend: agenda
 * built, approved and sent; a member's proposal accepted, then refused after the
 * cut-off; apologies; presence; decisions and a task; minutes sent; a remark in
 * the window and one refused after it; tacit approval by the real job worker;
 * publication (held back by a CPR-like number until confirmed); the public page,
 * RSS and iCalendar show it; a correction keeps the published version; the
 * minutes DOCX of the 8-item meeting reads back with mammoth.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import ICAL from 'ical.js';
import { auditRepository } from '../../src/adapters/db/audit.repository.js';
import { LocalFolderDocumentsStore } from '../../src/adapters/documents/local-folder.store.js';
import { backends } from '../support/db.js';
import { coChair, createMeeting, forumId, member, member2, member3, outsider, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe.each(backends)('meeting lifecycle through the API on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId: string;
  const items: { id: string; title: string }[] = [];
  let taskId = '';
  let nextMeetingId = '';
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meetingId = (await createMeeting(app)).id;
  });
  afterAll(async () => app?.close());

  const get = async (as: string) => (await app.call('GET', `/api/meetings/${meetingId}`, as)).body;

  it('refuses the meeting page to the anonymous and to non-members', async () => {
    expect((await app.call('GET', `/api/meetings/${meetingId}`)).status).toBe(401);
    expect((await app.call('GET', `/api/meetings/${meetingId}`, outsider)).status).toBe(403);
    const page = await get(member);
    expect(page.permissions).toMatchObject({ canEditAgenda: false, canPropose: true, canAnswer: true });
    expect(page.deadlines.itemsCutoff.at).toBe('2027-02-17T15:00:00Z');
  });

  it('lets the secretariat build the agenda; the fixed items come with the first item', async () => {
    const titles = ['Godkendelse af referat', 'Status på sundhedsaftalen', 'Udskrivning af ældre medicinske patienter', 'Økonomi 2027'];
    for (const [i, title] of titles.entries()) {
      const r = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, {
        title,
        kind: i === 2 ? 'decision' : 'discussion',
        presenters: ['Nina Hald'],
        minutes: 20,
        background: `Baggrund for ${title}.`,
        recommendations: [`At ${title.toLowerCase()} drøftes`],
      });
      expect(r.status).toBe(201);
      items.push({ id: r.body.id, title });
    }
    const page = await get(secretary);
    expect(page.items.map((i: { title: string }) => i.title)).toEqual(['Velkommen', ...titles, 'Næste møde', 'Eventuelt']);
    expect(page.items.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await app.call('POST', `/api/meetings/${meetingId}/items`, member, { title: 'Mit punkt' })).status).toBe(403);

    // Reorder: the fixed items keep their places whatever order is sent.
    const ids = page.items.map((i: { id: string }) => i.id);
    const reordered = [ids[6], ids[4], ids[1], ids[2], ids[3], ids[0], ids[5]];
    const r = await app.call('POST', `/api/meetings/${meetingId}/items/reorder`, secretary, { itemIds: reordered });
    expect(r.status).toBe(200);
    expect(r.body.map((i: { title: string }) => i.title)).toEqual(['Velkommen', 'Økonomi 2027', 'Godkendelse af referat', 'Status på sundhedsaftalen', 'Udskrivning af ældre medicinske patienter', 'Næste møde', 'Eventuelt']);
    expect((await app.call('POST', `/api/meetings/${meetingId}/items/reorder`, secretary, { itemIds: ids.slice(1) })).status).toBe(400);
  });

  it('takes a member\'s proposal before the cut-off; the secretariat accepts one and declines another with a reason', async () => {
    const p1 = await app.call('POST', `/api/meetings/${meetingId}/proposals`, member, { title: 'Opfølgning på praksisplanen', kind: 'orientation', background: 'PLO ønsker en status.', recommendation: 'At orienteringen tages til efterretning' });
    expect(p1.status).toBe(201);
    expect(p1.body).toMatchObject({ status: 'pending', late: false });
    const p2 = await app.call('POST', `/api/meetings/${meetingId}/proposals`, member, { title: 'Parkering', kind: 'discussion', background: '' });
    expect((await app.call('POST', `/api/proposals/${p1.body.id}/accept`, member)).status).toBe(403);
    const accepted = await app.call('POST', `/api/proposals/${p1.body.id}/accept`, secretary);
    expect(accepted.status).toBe(200);
    expect((await app.call('POST', `/api/proposals/${p2.body.id}/decline`, secretary, { reason: 'Hører under driftsforum' })).status).toBe(200);
    expect((await app.call('POST', `/api/proposals/${p2.body.id}/accept`, secretary)).status).toBe(409);
    const mine = await get(member);
    expect(mine.proposals.find((p: { id: string }) => p.id === p2.body.id)).toMatchObject({ status: 'declined', declineReason: 'Hører under driftsforum' });
    const item = mine.items.find((i: { id: string }) => i.id === accepted.body.itemId);
    expect(item).toMatchObject({ title: 'Opfølgning på praksisplanen', origin: { kind: 'member', refId: p1.body.id }, recommendations: ['At orienteringen tages til efterretning'] });
    expect(mine.items.at(-1).fixed).toBe('any_other_business');
    expect(mine.items).toHaveLength(8);
    expect((await get(member2)).proposals).toEqual([]);
  });

  it('stores an attachment checked against its bytes and serves it to members', async () => {
    const itemId = items[1]!.id;
    const bad = await app.call('POST', `/api/meetings/${meetingId}/items/${itemId}/attachments?fileName=status.pdf`, secretary, Buffer.from('not a pdf at all'), { 'content-type': 'application/pdf' });
    expect(bad.status).toBe(415);
    const ok = await app.call('POST', `/api/meetings/${meetingId}/items/${itemId}/attachments?fileName=Status%20sundhedsaftale.pdf`, secretary, pdf, { 'content-type': 'application/pdf' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
    const back = await app.call('GET', `/api/meetings/${meetingId}/items/${itemId}/attachments/${ok.body.id}`, member);
    expect(back.status).toBe(200);
    expect(Buffer.compare(back.raw, pdf)).toBe(0);
    expect((await app.call('GET', `/api/meetings/${meetingId}/items/${itemId}/attachments/${ok.body.id}`, outsider)).status).toBe(403);
  });

  it('needs the chair\'s approval before the secretariat sends the agenda; sending stores a version and queues the sync', async () => {
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).status).toBe(409);
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/approve`, secretary)).status).toBe(403);
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/approve`, coChair)).status).toBe(200);
    app.clock.set('2027-02-23T08:00:00Z');
    const sent = await app.call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ version: 1, sentAt: '2027-02-23T08:00:00.000Z' });
    const page = await get(secretary);
    expect(page.meeting.agendaSentAt).toBe('2027-02-23T08:00:00.000Z');
    expect(page.versions).toEqual([expect.objectContaining({ kind: 'agenda', version: 1, event: 'sent' })]);
    const stored = await new LocalFolderDocumentsStore({ root: app.documentsRoot }).listVersions(`forums/${forumId}/${meetingId}/dagsorden.docx`);
    expect(stored).toEqual([expect.objectContaining({ version: 1, metadata: expect.objectContaining({ kind: 'agenda', createdBy: secretary }) })]);
    const jobs = await app.db.db.execute(sql`select data from pgboss_v10.job where name = 'm365.document-sync'`);
    const rows = ((jobs as unknown as { rows?: { data: unknown }[] }).rows ?? (jobs as unknown as { data: unknown }[]));
    expect(rows.map((r) => r.data)).toContainEqual({ meetingId, kind: 'agenda', version: 1 });
  });

  it('refuses a member\'s proposal after the cut-off with the date in Danish and English; the secretariat can still add it late', async () => {
    const r = await app.call('POST', `/api/meetings/${meetingId}/proposals`, member2, { title: 'For sent', kind: 'discussion', background: '' });
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.detailDa).toContain('17. februar 2027 kl. 16.00');
    expect(r.body.detail).toContain('17 February 2027');
    const late = await app.call('POST', `/api/meetings/${meetingId}/proposals`, secretary, { title: 'Sent punkt fra sekretariatet', kind: 'orientation', background: '' });
    expect(late.status).toBe(201);
    expect(late.body.late).toBe(true);
    expect((await app.call('POST', `/api/proposals/${late.body.id}/decline`, secretary, { reason: 'Tages på næste møde' })).status).toBe(200);
  });

  it('records apologies and a substitute before the meeting, and presence on the day', async () => {
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/me`, member, { answer: 'apologies' })).status).toBe(200);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/me`, member3, { answer: 'substitute' })).status).toBe(400);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/me`, member3, { answer: 'substitute', substituteName: 'Anders Mølgaard' })).status).toBe(200);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/me`, outsider, { answer: 'attending' })).status).toBe(403);
    app.clock.set('2027-03-10T12:30:00Z'); // 13:30 in Copenhagen: the meeting has begun
    const tooLate = await app.call('PUT', `/api/meetings/${meetingId}/attendance/me`, member2, { answer: 'attending' });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.detailDa).toContain('10. marts 2027 kl. 13.00');
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/${member2}/presence`, secretary, { present: true })).status).toBe(200);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/attendance/${outsider}/presence`, secretary, { present: true })).status).toBe(400);
    const page = await get(secretary);
    expect(page.attendance.find((a: { personId: string }) => a.personId === member)).toMatchObject({ answer: 'apologies', person: { name: 'Pia Strand', title: 'Praksiskoordinator' } });
    expect(page.attendance.find((a: { personId: string }) => a.personId === member3)).toMatchObject({ answer: 'substitute', substituteName: 'Anders Mølgaard' });
    expect(page.attendance.find((a: { personId: string }) => a.personId === member2)).toMatchObject({ present: true });
  });

  it('takes decisions and a task, sends the minutes and opens the comment window', async () => {
    app.clock.set('2027-03-12T09:00:00Z');
    const page = await get(secretary);
    for (const item of page.items) {
      const decision = item.title === 'Økonomi 2027' ? 'Budgettet blev godkendt. Borgeren med cpr-nr. 010190-1234 omtales i bilaget.' : `Beslutning om ${item.title}.`;
      expect((await app.call('PUT', `/api/meetings/${meetingId}/items/${item.id}/decision`, secretary, { decision })).status).toBe(200);
    }
    expect((await app.call('PUT', `/api/meetings/${meetingId}/items/${page.items[1].id}/decision`, member, { decision: 'x' })).status).toBe(403);
    const task = await app.call('POST', `/api/meetings/${meetingId}/tasks`, secretary, { title: 'Udarbejde forslag til udskrivningsforløb', dueOn: '2027-05-01', assigneeForumId: 'midt-adhoc-udskr', reportToForumId: forumId, sourceItemId: items[2]!.id });
    expect(task.status).toBe(201);
    taskId = task.body.id;
    expect((await app.call('POST', `/api/meetings/${meetingId}/tasks`, secretary, { title: 'Uden ansvarlig', dueOn: '2027-05-01' })).status).toBe(400);

    const sent = await app.call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary, { confirmContradictions: true });
    expect(sent.status).toBe(200);
    // Sent Friday 12 March: 7 calendar days -> Friday 19 March, 16:00 in Copenhagen.
    expect(sent.body).toMatchObject({ status: 'sent_for_remarks', version: 1, windowClosesAt: '2027-03-19T15:00:00.000Z' });
    const job = await app.db.db.execute(sql`select singleton_key, start_after, data from pgboss_v10.job where name = 'minutes.tacit-approval'`);
    const rows = ((job as unknown as { rows?: Record<string, unknown>[] }).rows ?? (job as unknown as Record<string, unknown>[]));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.singleton_key).toBe(`${meetingId}:v1`);
    expect(new Date(rows[0]!.start_after as string).toISOString()).toBe('2027-03-19T15:00:00.000Z');
    expect((await app.call('PUT', `/api/meetings/${meetingId}/items/${page.items[1].id}/decision`, secretary, { decision: 'ændret' })).status).toBe(409);
  });

  it('takes remarks while the window is open and refuses them after it, naming the closing time', async () => {
    app.clock.set('2027-03-15T10:00:00Z');
    const r = await app.call('POST', `/api/meetings/${meetingId}/remarks`, member, { itemId: items[0]!.id, text: 'Mit navn er stavet forkert.' });
    expect(r.status).toBe(201);
    expect((await app.call('POST', `/api/meetings/${meetingId}/remarks`, outsider, { text: 'x' })).status).toBe(403);
    expect((await get(member)).remarks).toHaveLength(1);
    expect((await get(member2)).remarks).toHaveLength(0);
    expect((await get(secretary)).remarks).toHaveLength(1);
    app.clock.set('2027-03-19T15:00:01Z');
    const late = await app.call('POST', `/api/meetings/${meetingId}/remarks`, member2, { text: 'For sent' });
    expect(late.status).toBe(409);
    expect(late.body.detailDa).toContain('19. marts 2027 kl. 16.00');
    expect(late.body.deadline).toBe('2027-03-19T15:00:00.000Z');
  });

  it('approves the minutes tacitly through the job worker once the window has closed', async () => {
    // The job is due at the window's close in real time; bring it forward so the real worker picks it up now.
    await app.db.db.execute(sql`update pgboss_v10.job set start_after = now() where name = 'minutes.tacit-approval'`);
    let minutes: { status: string; approvedHow: string | null; approvedAt: string | null } | undefined;
    for (let i = 0; i < 60; i += 1) {
      minutes = (await get(secretary)).minutes;
      if (minutes?.status === 'approved') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(minutes).toMatchObject({ status: 'approved', approvedHow: 'tacit', approvedAt: '2027-03-19T15:00:00.000Z' });
    // Idempotent: the same job again (a retry, a duplicate) changes nothing.
    expect(await app.module.services().minutes.tacitApproval({ meetingId, version: 1 })).toEqual({ outcome: 'skipped', why: 'minutes are approved' });
    expect((await get(secretary)).versions.filter((v: { event: string }) => v.event === 'approved')).toHaveLength(1);
    const audit = await auditRepository(app.db.db).listForForum(forumId, 500);
    expect(audit.find((a) => a.action === 'minutes.approve')).toMatchObject({ outcome: 'ok', detail: expect.objectContaining({ how: 'tacit' }) });
  });

  it('holds publication back while personal data is flagged, then publishes when confirmed', async () => {
    app.clock.set('2027-03-22T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/publish`, member, {})).status).toBe(403);
    const held = await app.call('POST', `/api/meetings/${meetingId}/minutes/publish`, secretary, {});
    expect(held.status).toBe(409);
    expect(held.body.findings.map((f: { kind: string; match: string }) => [f.kind, f.match])).toContainEqual(['cpr', '010190-1234']);
    expect((await app.call('GET', `/offentlig/moeder/${meetingId}`)).status).toBe(404);
    const ok = await app.call('POST', `/api/meetings/${meetingId}/minutes/publish`, secretary, { confirmPersonalData: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'published', version: 1 });
    const stored = await new LocalFolderDocumentsStore({ root: app.documentsRoot }).listVersions(`forums/${forumId}/${meetingId}/referat.docx`);
    expect(stored).toEqual([expect.objectContaining({ version: 1, metadata: expect.objectContaining({ kind: 'minutes', approved: true }) })]);
  });

  it('shows the published minutes on the public page, in the RSS and Atom feeds and the iCalendar feed', async () => {
    const regions = await app.call('GET', '/offentlig');
    expect(regions.status).toBe(200);
    expect(regions.text).toContain('<html lang="da">');
    expect(regions.text).toContain('href="/offentlig/midtjylland"');
    const region = await app.call('GET', '/offentlig/midtjylland');
    expect(region.text).toContain('Klyngestyregruppe for Midtklyngen');
    expect(region.text).toContain(`href="/offentlig/moeder/${meetingId}"`);
    expect(region.text).toContain(`href="/offentlig/moeder/${meetingId}/referat.docx"`);
    const minutes = await app.call('GET', `/offentlig/moeder/${meetingId}`);
    expect(minutes.status).toBe(200);
    expect(minutes.text).toMatch(/<html[^>]*lang="da/);
    expect(minutes.text).toContain('Beslutning om Status på sundhedsaftalen.');
    expect(minutes.text).toContain(`/offentlig/moeder/${meetingId}/referat.docx`);
    expect((await app.call('GET', `/offentlig/moeder/${meetingId}/referat.docx`)).headers['content-type']).toMatch(/wordprocessingml/);
    const rss = await app.call('GET', '/feeds/minutes.rss');
    expect(rss.headers['content-type']).toMatch(/rss\+xml/);
    expect(rss.text).toContain(`/offentlig/moeder/${meetingId}`);
    expect((await app.call('GET', '/feeds/minutes.atom')).text).toContain(`/offentlig/moeder/${meetingId}#v1`);
    const ics = await app.call('GET', `/feeds/forums/${forumId}.ics`);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(ics.text));
    const ev = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.uid.startsWith(`meeting-${meetingId}@`));
    expect(ev).toBeDefined();
    expect(ev!.startDate.toJSDate().toISOString()).toBe('2027-03-10T12:00:00.000Z');
    expect(String(ev!.component.getFirstPropertyValue('url'))).toContain(`/offentlig/moeder/${meetingId}`);
  });

  it('corrects approved minutes as a new version with a reason, leaving the published one in place', async () => {
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/correct`, secretary, {})).status).toBe(400);
    const c = await app.call('POST', `/api/meetings/${meetingId}/minutes/correct`, secretary, { reason: 'Stavefejl i punkt 2' });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ status: 'revised', version: 2 });
    const page = await get(secretary);
    expect(page.versions.map((v: { kind: string; version: number; event: string }) => `${v.kind}:${v.version}:${v.event}`)).toEqual(['agenda:1:sent', 'minutes:1:sent', 'minutes:1:approved', 'minutes:1:published', 'minutes:2:correction']);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/items/${page.items[1].id}/decision`, secretary, { decision: 'Rettet beslutning.' })).status).toBe(200);
    const pub = await app.call('GET', `/offentlig/moeder/${meetingId}`);
    expect(pub.text).not.toContain('Rettet beslutning.');

    // The corrected version is approved and published in its turn; the store keeps both, the second with the reason.
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, member)).status).toBe(403);
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary)).body).toMatchObject({ status: 'approved', version: 2, approvedHow: 'explicit' });
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/publish`, secretary, { confirmPersonalData: true })).body).toMatchObject({ status: 'published', version: 2 });
    expect((await app.call('GET', `/offentlig/moeder/${meetingId}`)).text).toContain('Rettet beslutning.');
    const stored = await new LocalFolderDocumentsStore({ root: app.documentsRoot }).listVersions(`forums/${forumId}/${meetingId}/referat.docx`);
    expect(stored.map((v) => [v.version, v.metadata.correctionReason])).toEqual([[1, undefined], [2, 'Stavefejl i punkt 2']]);
    expect((await app.call('GET', '/feeds/minutes.atom')).text).toContain(`/offentlig/moeder/${meetingId}#v2`);
  });

  it('serves the minutes of the 8-item meeting as DOCX with header, times, recommendations, decisions and attachments', async () => {
    const r = await app.call('GET', `/api/meetings/${meetingId}/minutes.docx`, member);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/wordprocessingml/);
    const text = (await mammoth.extractRawText({ buffer: r.raw })).value;
    for (const label of ['Emne', 'Deltagere', 'Afbud', 'Mødedato', 'Tidspunkt', 'Sted']) expect(text).toContain(label);
    expect(text).toContain('10. marts 2027');
    expect(text).toContain('Regionshuset Viborg, lokale 2');
    expect(text).toContain('Pia Strand'); // under Afbud
    const page = await get(member);
    expect(page.items).toHaveLength(8);
    let minute = 13 * 60;
    for (const item of page.items) {
      const from = `${String(Math.floor(minute / 60)).padStart(2, '0')}.${String(minute % 60).padStart(2, '0')}`;
      minute += item.minutes;
      const to = `${String(Math.floor(minute / 60)).padStart(2, '0')}.${String(minute % 60).padStart(2, '0')}`;
      expect(text).toContain(`kl. ${from} – ${to}`);
      expect(text).toContain(item.title);
      for (const rec of item.recommendations) expect(text).toContain(rec);
      expect(text).toContain(item.decision.split('\n')[0]);
    }
    expect(text).toContain('Status sundhedsaftale.pdf');
    expect(text).toMatch(/Bilag \d+\.1/);
    const html = await app.call('GET', `/api/meetings/${meetingId}/minutes.html`, member);
    expect(html.text).toContain('Status sundhedsaftale.pdf');

    // LibreOffice opens it: headless conversion to PDF succeeds (own profile dir, so parallel runs do not collide).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-lo-'));
    try {
      fs.writeFileSync(path.join(dir, 'referat.docx'), r.raw);
      await promisify(execFile)('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'referat.docx')], { timeout: 120_000 });
      const pdfOut = fs.readFileSync(path.join(dir, 'referat.pdf'));
      expect(pdfOut.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfOut.length).toBeGreaterThan(5000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every sent, approved and published version immutable in the database', async () => {
    // Drizzle wraps the database's error; the trigger's message is in the cause.
    const failure = (p: Promise<unknown>) => p.then(() => 'no error', (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`);
    expect(await failure(app.db.db.execute(sql`update meeting_document_versions set reason = 'rewritten' where meeting_id = ${meetingId}`))).toMatch(/append-only/);
    expect(await failure(app.db.db.execute(sql`delete from meeting_document_versions where meeting_id = ${meetingId}`))).toMatch(/append-only/);
    const page = await get(secretary);
    expect(page.timing).toEqual({ plannedMinutes: page.items.reduce((n: number, i: { minutes: number }) => n + i.minutes, 0), meetingMinutes: 150 });
  });

  it('shows my overview with next meetings, deadlines, tasks and unanswered meetings', async () => {
    app.clock.set('2027-04-01T08:00:00Z');
    const next = await createMeeting(app, { date: '2027-05-05' });
    nextMeetingId = next.id;
    const o = await app.call('GET', '/api/me/overview', member2);
    expect(o.status).toBe(200);
    expect(o.body.person.id).toBe(member2);
    expect(o.body.nextMeetings.map((m: { meeting: { id: string } }) => m.meeting.id)).toContain(next.id);
    expect(o.body.unanswered.map((m: { meeting: { id: string } }) => m.meeting.id)).toContain(next.id);
    expect(o.body.deadlines.some((d: { kind: string; meetingId: string }) => d.kind === 'items_cutoff' && d.meetingId === next.id)).toBe(true);
    await app.call('PUT', `/api/meetings/${next.id}/attendance/me`, member2, { answer: 'attending' });
    const after = await app.call('GET', '/api/me/overview', member2);
    expect(after.body.unanswered.map((m: { meeting: { id: string } }) => m.meeting.id)).not.toContain(next.id);
    expect(after.body.nextMeetings.find((m: { meeting: { id: string } }) => m.meeting.id === next.id).answer).toBe('attending');
    expect((await app.call('GET', '/api/me/overview')).status).toBe(401);
  });

  it('proposes the task\'s report-back on the forum\'s next meeting after its due date, and puts it on the agenda when accepted', async () => {
    const page = (await app.call('GET', `/api/meetings/${nextMeetingId}`, secretary)).body;
    expect(page.suggestions).toEqual([expect.objectContaining({ title: 'Tilbagemelding: Udarbejde forslag til udskrivningsforløb', origin: { kind: 'task_report', refId: taskId } })]);
    expect((await app.call('GET', `/api/meetings/${nextMeetingId}`, member)).body.suggestions).toEqual([]);
    expect((await app.call('POST', `/api/meetings/${nextMeetingId}/report-backs/${taskId}/accept`, member)).status).toBe(403);
    const r = await app.call('POST', `/api/meetings/${nextMeetingId}/report-backs/${taskId}/accept`, secretary);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ origin: { kind: 'task_report', refId: taskId }, position: 2 });
    expect((await app.call('GET', `/api/meetings/${nextMeetingId}`, secretary)).body.suggestions).toEqual([]);
    expect((await app.call('POST', `/api/meetings/${nextMeetingId}/report-backs/${taskId}/accept`, secretary)).status).toBe(404);
  });

  it('audits every write and the refused attempts', async () => {
    const audit = await auditRepository(app.db.db).listForForum(forumId, 1000);
    const actions = new Set(audit.map((a) => a.action));
    for (const a of ['agenda.item.create', 'agenda.reorder', 'proposal.create', 'proposal.accept', 'proposal.decline', 'attachment.add', 'agenda.approve', 'agenda.send', 'attendance.answer', 'attendance.presence', 'minutes.decision', 'task.create', 'minutes.send', 'minutes.remark', 'minutes.publish', 'minutes.correct', 'agenda.item.report_back']) {
      expect(actions).toContain(a);
    }
    // Refused attempts are recorded by the server, e.g. the member who tried to add an agenda item
    // (the server's hook does not know the meeting's forum, so the entry has none: read it directly).
    const refused = await app.db.db.execute(sql`select actor_person_id from audit_log where action = 'POST /api/meetings/:id/items' and outcome = 'refused'`);
    const rows = ((refused as unknown as { rows?: { actor_person_id: string }[] }).rows ?? (refused as unknown as { actor_person_id: string }[]));
    expect(rows.map((r) => r.actor_person_id)).toContain(member);
  });
});
