/**
 * The public feeds and pages say the truth about their files (issue 13 point 9):
 * the RSS enclosure's length is the real byte size of the Word file served at its
 * URL; the Atom enclosure's type is the Word type (not "image/docx"); the
 * iCalendar DTSTAMP is UTC with a Z; every event's title names the forum; and a
 * published attachment is downloadable from the public agenda (a closed item's
 * attachment is not).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import { backends } from '../support/db.js';
import { coChair, createMeeting, forumId, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe.each(backends)('public feeds and attachments on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId: string;
  let openAttachment: string;
  let closedAttachment: string;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meetingId = (await createMeeting(app, { title: 'Temamøde om nærsundhedsplan' })).id;
  });
  afterAll(async () => app.close());

  it('links a published attachment from the public agenda and serves its bytes; a closed item\'s attachment is not found', async () => {
    const open = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Status på forløb', kind: 'orientation' });
    const closed = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Lukket sag', kind: 'decision', closed: true });
    openAttachment = (await app.call('POST', `/api/meetings/${meetingId}/items/${open.body.id}/attachments?fileName=Status%20%C3%A6ldre.pdf`, secretary, pdf, { 'content-type': 'application/pdf' })).body.id;
    closedAttachment = (await app.call('POST', `/api/meetings/${meetingId}/items/${closed.body.id}/attachments?fileName=lukket.pdf`, secretary, pdf, { 'content-type': 'application/pdf' })).body.id;
    // Before the agenda is sent nothing is public.
    expect((await app.call('GET', `/offentlig/moeder/${meetingId}/bilag/${openAttachment}`)).status).toBe(404);
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/approve`, coChair)).status).toBe(200);
    app.clock.set('2027-02-23T08:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).status).toBe(200);

    const page = await app.call('GET', `/offentlig/moeder/${meetingId}/dagsorden`);
    const href = `/offentlig/moeder/${meetingId}/bilag/${openAttachment}`;
    expect(page.text).toContain(`<a href="${href}">Bilag `);
    expect(page.text).not.toContain(closedAttachment);
    const file = await app.call('GET', href);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''Status%20%C3%A6ldre.pdf");
    expect(Buffer.compare(file.raw, pdf)).toBe(0);
    const hidden = await app.call('GET', `/offentlig/moeder/${meetingId}/bilag/${closedAttachment}`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('gives the RSS enclosure the real byte size of the Word file and the Atom enclosure the Word type', async () => {
    app.clock.set('2027-03-12T09:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary, { confirmContradictions: true })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary, { confirm: true, reason: 'Godkendt på mødet' })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/publish`, secretary, { confirmPersonalData: true })).status).toBe(200);

    const docx = await app.call('GET', `/offentlig/moeder/${meetingId}/referat.docx`);
    expect(docx.status).toBe(200);
    // The same bytes on every request (pinned timestamps), so the length cannot drift.
    expect(Buffer.compare((await app.call('GET', `/offentlig/moeder/${meetingId}/referat.docx`)).raw, docx.raw)).toBe(0);

    const rss = new DOMParser().parseFromString((await app.call('GET', '/feeds/minutes.rss')).text, 'text/xml');
    const enclosure = Array.from(rss.getElementsByTagName('enclosure')).find((e) => e.getAttribute('url')!.includes(meetingId))!;
    expect(enclosure.getAttribute('type')).toBe(DOCX);
    expect(Number(enclosure.getAttribute('length'))).toBe(docx.raw.length);
    expect(docx.raw.length).toBeGreaterThan(1000);

    const atom = new DOMParser().parseFromString((await app.call('GET', '/feeds/minutes.atom')).text, 'text/xml');
    const link = Array.from(atom.getElementsByTagName('link')).find((l) => l.getAttribute('rel') === 'enclosure' && l.getAttribute('href')!.includes(meetingId))!;
    expect(link.getAttribute('type')).toBe(DOCX);
    expect(Number(link.getAttribute('length'))).toBe(docx.raw.length);
  });

  it('writes DTSTAMP in UTC with a Z and names the forum in every event title', async () => {
    app.clock.set('2027-03-12T09:30:15Z');
    const ics = (await app.call('GET', `/feeds/forums/${forumId}.ics`)).text;
    const stamps = ics.split(/\r?\n/).filter((l) => l.startsWith('DTSTAMP'));
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) expect(s).toBe('DTSTAMP:20270312T093015Z');
    const forum = (await app.call('GET', `/api/forums/${forumId}`, secretary)).body.forum as { name: string };
    // Unfold RFC 5545 continuation lines before reading the titles.
    const summaries = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((l) => l.startsWith('SUMMARY'));
    expect(summaries.length).toBeGreaterThan(0);
    for (const s of summaries) expect(s).toContain(forum.name);
    expect(summaries).toContain(`SUMMARY:${forum.name}: Temamøde om nærsundhedsplan`);
  });
});
