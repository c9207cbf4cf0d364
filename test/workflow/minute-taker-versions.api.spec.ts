/**
 * The minute-taker (referent) and the stored versions through the REST API, on
 * every backend: by default the forum's secretary is the referent (in the page
 * and in the DOCX/HTML header); the secretariat chooses another member, members
 * and outsiders cannot, a non-member is refused as referent, null goes back to
 * the default, and approved minutes keep theirs. Every sent agenda and every
 * minutes version (sent, approved, corrected with a reason) is listed with who
 * and when, and each is served as HTML and DOCX exactly as it was, to members only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mammoth from 'mammoth';
import { backends } from '../support/db.js';
import { coChair, createMeeting, member, outsider, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

/** The text of the Referent row of a document's header table (HTML as rendered, or DOCX through mammoth). */
const referentOf = (html: string) => {
  const row = /<tr><t[hd][^>]*>(?:<p>)?(?:<strong>)?Referent(?:<\/strong>)?(?:<\/p>)?<\/t[hd]><td[^>]*>(.*?)<\/td><\/tr>/s.exec(html);
  return row ? row[1]!.replace(/<[^>]+>/g, '').trim() : undefined;
};
const docxHtml = async (raw: Buffer) => (await mammoth.convertToHtml({ buffer: raw })).value;

describe.each(backends)('minute-taker and stored versions through the API on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId: string;
  let itemId: string;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meetingId = (await createMeeting(app)).id;
    const r = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på sundhedsaftalen', kind: 'decision', minutes: 20, recommendations: ['At status godkendes'] });
    expect(r.status).toBe(201);
    itemId = r.body.id;
  });
  afterAll(async () => app?.close());

  const page = async (as = secretary) => (await app.call('GET', `/api/meetings/${meetingId}`, as)).body;

  it('makes the forum\'s secretary the referent by default, in the page and in both documents', async () => {
    const p = await page(member);
    expect(p.minuteTaker).toEqual({ personId: secretary, name: 'Nina Hald', isDefault: true });
    // Minutes never sent are not a member's to read yet: not in the page, not as a document.
    expect(p.minutes.draftWithheld).toBe(true);
    const refused = await app.call('GET', `/api/meetings/${meetingId}/minutes.html`, member);
    expect(refused.status).toBe(403);
    expect(refused.body.detailDa).toMatch(/Referatet er ikke udsendt endnu/);
    expect((await page(secretary)).minutes.draftWithheld).toBeUndefined();
    const html = await app.call('GET', `/api/meetings/${meetingId}/minutes.html`, secretary);
    expect(referentOf(html.text)).toMatch(/^Nina Hald\b/);
    const docx = await app.call('GET', `/api/meetings/${meetingId}/agenda.docx`, member);
    expect(referentOf(await docxHtml(docx.raw))).toMatch(/^Nina Hald\b/);
  });

  it('lets the secretariat choose another member, and no one else; a non-member cannot be the referent', async () => {
    expect((await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, member, { personId: member })).status).toBe(403);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, outsider, { personId: member })).status).toBe(403);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, undefined, { personId: member })).status).toBe(401);
    const bad = await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, secretary, { personId: outsider });
    expect(bad.status).toBe(400);
    expect(bad.body.detailDa).toMatch(/ikke medlem af forummet/);
    expect((await page()).minuteTaker.personId).toBe(secretary);

    const ok = await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, secretary, { personId: member });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ personId: member, isDefault: false });
    expect((await page(member)).minuteTaker).toEqual({ personId: member, name: 'Pia Strand', isDefault: false });
    const docx = await app.call('GET', `/api/meetings/${meetingId}/minutes.docx`, member);
    expect(referentOf(await docxHtml(docx.raw))).toMatch(/^Pia Strand\b/);
    const html = await app.call('GET', `/api/meetings/${meetingId}/minutes.html`, member);
    expect(referentOf(html.text)).toMatch(/^Pia Strand\b/);

    expect((await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, secretary, { personId: null })).body).toEqual({ personId: secretary, isDefault: true });
    expect((await page()).minuteTaker.isDefault).toBe(true);
    // The choice the sent documents keep: Pia again.
    expect((await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, secretary, { personId: member })).status).toBe(200);
  });

  it('lists every stored version with who and when, and serves each as it was, to members only', async () => {
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/approve`, coChair)).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).status).toBe(200);
    app.clock.set('2027-03-11T09:00:00Z');
    expect((await app.call('PUT', `/api/meetings/${meetingId}/items/${itemId}/decision`, secretary, { decision: 'Status blev godkendt.' })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary, { confirmContradictions: true })).status).toBe(200);
    app.clock.set('2027-03-12T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary, { confirm: true, reason: 'Formanden har godkendt på mødet' })).status).toBe(200);
    // Approved minutes keep their referent: changing it now is a correction.
    const late = await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, secretary, { personId: secretary });
    expect(late.status).toBe(409);
    app.clock.set('2027-03-13T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/correct`, secretary, { reason: 'Forkert dato i punkt 2' })).status).toBe(200);
    expect((await app.call('PUT', `/api/meetings/${meetingId}/minute-taker`, secretary, { personId: secretary })).status).toBe(200);

    const versions = (await page(member)).versions as { id: string; kind: string; version: number; event: string; reason?: string; createdBy?: string; createdByName: string | null; createdAt: string }[];
    expect(versions.map((v) => `${v.kind} v${v.version} ${v.event}`)).toEqual(['agenda v1 sent', 'minutes v1 sent', 'minutes v1 approved', 'minutes v2 correction']);
    expect(versions.every((v) => v.createdByName === 'Nina Hald')).toBe(true);
    expect(versions[3]!.reason).toBe('Forkert dato i punkt 2');
    expect(versions[3]!.createdAt).toBe('2027-03-13T09:00:00.000Z');

    const [agenda, , approved] = versions;
    const agendaHtml = await app.call('GET', `/api/meetings/${meetingId}/versions/${agenda!.id}/document.html`, member);
    expect(agendaHtml.status).toBe(200);
    expect(agendaHtml.headers['content-type']).toMatch(/^text\/html/);
    expect(agendaHtml.text).toContain('Dagsorden');
    // The agenda as sent: no decision yet, and the referent chosen then.
    expect(agendaHtml.text).not.toContain('Status blev godkendt.');
    expect(referentOf(agendaHtml.text)).toMatch(/^Pia Strand\b/);
    const approvedDocx = await app.call('GET', `/api/meetings/${meetingId}/versions/${approved!.id}/document.docx`, member);
    expect(approvedDocx.status).toBe(200);
    expect(String(approvedDocx.headers['content-disposition'])).toContain('referat-v1-approved.docx');
    const approvedText = (await mammoth.extractRawText({ buffer: approvedDocx.raw })).value;
    expect(approvedText).toContain('Status blev godkendt.');
    // The current minutes have the new referent; the approved version keeps the old one.
    expect(referentOf(await docxHtml(approvedDocx.raw))).toMatch(/^Pia Strand\b/);
    expect(referentOf((await app.call('GET', `/api/meetings/${meetingId}/minutes.html`, member)).text)).toMatch(/^Nina Hald\b/);

    expect((await app.call('GET', `/api/meetings/${meetingId}/versions/${agenda!.id}/document.html`, outsider)).status).toBe(403);
    expect((await app.call('GET', `/api/meetings/${meetingId}/versions/${agenda!.id}/document.docx`)).status).toBe(401);
    expect((await app.call('GET', `/api/meetings/${meetingId}/versions/ver_nope/document.html`, member)).status).toBe(404);
    // A version of another meeting is not found through this one.
    const other = (await createMeeting(app, { date: '2027-06-09' })).id;
    expect((await app.call('GET', `/api/meetings/${other}/versions/${agenda!.id}/document.html`, member)).status).toBe(404);
  });
});
