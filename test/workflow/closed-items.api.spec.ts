/**
 * Closed agenda items (lukkede punkter) end to end: the secretariat closes an
 * item; the public agenda and minutes (HTML and Word), the RSS and Atom feeds,
 * the iCalendar feed and the file put in the forum's standard channel (seen by the
 * whole team, i.e. beyond the forum) show "Lukket punkt" with its number and
 * nothing of the item's title, text, attachment name or decision; members still
 * see everything in the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { coChair, createMeeting, forumId, member, secretary, startWorkflowApp, type WorkflowTestApp } from './workflow.fixture.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const SECRET = ['Personalesag hemmeligtitel', 'fortroligbaggrund', 'fortroligindstilling', 'hemmeligtbilag.pdf', 'fortroligbeslutning'];

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe.each(backends)('closed agenda items on $name', (backend) => {
  let app: WorkflowTestApp;
  let meetingId: string;
  let closedId: string;
  beforeAll(async () => {
    app = await startWorkflowApp(backend);
    meetingId = (await createMeeting(app)).id;
  });
  afterAll(async () => app.close());

  const expectNoSecret = (text: string, where: string) => {
    for (const s of SECRET) expect({ where, leaked: text.includes(s) ? s : null }).toEqual({ where, leaked: null });
  };

  it('lets the secretariat close an item; members see it all in the app, marked closed', async () => {
    const open = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: 'Åben sag om forløb', kind: 'decision', background: 'Åben baggrund.' });
    expect(open.status).toBe(201);
    const closed = await app.call('POST', `/api/meetings/${meetingId}/items`, secretary, { title: SECRET[0], kind: 'decision', background: SECRET[1], recommendations: [SECRET[2]], closed: true });
    expect(closed.status).toBe(201);
    closedId = closed.body.id;
    expect(closed.body.closed).toBe(true);
    expect((await app.call('POST', `/api/meetings/${meetingId}/items/${closedId}/attachments?fileName=${SECRET[3]}`, secretary, pdf, { 'content-type': 'application/pdf' })).status).toBe(201);
    // An update that leaves `closed` out keeps the item closed.
    const put = await app.call('PUT', `/api/meetings/${meetingId}/items/${closedId}`, secretary, { title: SECRET[0], kind: 'decision', background: SECRET[1], recommendations: [SECRET[2]] });
    expect(put.status).toBe(200);
    expect(put.body.closed).toBe(true);
    const page = await app.call('GET', `/api/meetings/${meetingId}`, member);
    expect(page.body.items.find((i: { id: string }) => i.id === closedId)).toMatchObject({ title: SECRET[0], closed: true });
  });

  it('sends the agenda: the public agenda and the file in the standard channel show "Lukket punkt" and nothing of the item', async () => {
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/approve`, coChair)).status).toBe(200);
    app.clock.set('2027-02-23T08:00:00Z');
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/send`, secretary)).status).toBe(200);
    const html = await app.call('GET', `/offentlig/moeder/${meetingId}/dagsorden`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('Åben sag om forløb');
    expect(html.text).toContain('Lukket punkt');
    expectNoSecret(html.text, 'public agenda HTML');
    const docx = await app.call('GET', `/offentlig/moeder/${meetingId}/dagsorden.docx`);
    const docxXml = await docxText(docx.raw);
    expect(docxXml).toContain('Lukket punkt');
    expectNoSecret(docxXml, 'public agenda DOCX');
    // The agenda file the channel folder gets (midt-ksg has a standard channel: the whole team sees it).
    const stored = filesUnder(path.join(app.documentsRoot, 'forums', forumId, meetingId)).filter((f) => /dagsorden/.test(f) && !f.endsWith('.json'));
    expect(stored.length).toBeGreaterThan(0);
    for (const f of stored) expectNoSecret(await docxText(fs.readFileSync(f)), `stored ${path.basename(f)}`);
  });

  it('publishes the minutes: public page, Word, RSS, Atom and iCalendar hold nothing of the closed item', async () => {
    app.clock.set('2027-03-12T09:00:00Z');
    const page = await app.call('GET', `/api/meetings/${meetingId}`, secretary);
    for (const item of page.body.items) {
      const decision = item.id === closedId ? SECRET[4] : `Beslutning om ${item.title}.`;
      expect((await app.call('PUT', `/api/meetings/${meetingId}/items/${item.id}/decision`, secretary, { decision })).status).toBe(200);
    }
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/send`, secretary, { confirmContradictions: true })).status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, secretary, { confirm: true, reason: 'Godkendt på mødet' })).status).toBe(200);
    const pub = await app.call('POST', `/api/meetings/${meetingId}/minutes/publish`, secretary, { confirmPersonalData: true });
    expect(pub.status).toBe(200);

    const html = await app.call('GET', `/offentlig/moeder/${meetingId}`);
    expect(html.text).toContain('Beslutning om Åben sag om forløb.');
    expect(html.text).toContain('Lukket punkt');
    expectNoSecret(html.text, 'public minutes HTML');
    expectNoSecret(await docxText((await app.call('GET', `/offentlig/moeder/${meetingId}/referat.docx`)).raw), 'public minutes DOCX');
    for (const feed of ['/feeds/minutes.rss', '/feeds/minutes.atom', `/feeds/forums/${forumId}.ics`, '/offentlig/midtjylland']) {
      const r = await app.call('GET', feed);
      expect(r.status).toBe(200);
      expectNoSecret(r.text, feed);
    }
    const stored = filesUnder(path.join(app.documentsRoot, 'forums', forumId, meetingId)).filter((f) => /referat/.test(f) && !f.endsWith('.json'));
    expect(stored.length).toBeGreaterThan(0);
    for (const f of stored) expectNoSecret(await docxText(fs.readFileSync(f)), `stored ${path.basename(f)}`);
    // Members still read the full minutes in the app.
    const full = await app.call('GET', `/api/meetings/${meetingId}`, member);
    expect(full.body.items.find((i: { id: string }) => i.id === closedId).decision).toBe(SECRET[4]);
  });
});
