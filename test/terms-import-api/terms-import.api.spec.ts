import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Document, Packer, Paragraph } from 'docx';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { appModules } from '../../src/entry/modules.js';
import { loadConfig } from '../../src/config/config.js';

const seed002 = readFileSync(new URL('../../../shared/seeds/002_2c09deccaef39801.txt', import.meta.url), 'utf8');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const secretary = 'bente-vest'; // secretary of vest-fg-sb
const member = 'ditte-lyng'; // a plain member of vest-fg-sb

type Span = { start: number; end: number; quote: string };
type Finding = { value: unknown; span: Span; confidence: number };
type Match = { match?: { id: string }; ambiguous?: { id: string }[]; none?: true };
type Preview = {
  text: string;
  format: string;
  drafts: { forum: { name: string; parentName?: string }; terms: Record<string, any>; findings: { fields: Record<string, Finding> }; forumMatch: Match }[];
  contradictions: unknown[];
  parentMatches: { draftIndex: number; name: string | null; match: Match | null }[];
  nameMatches: Record<string, Match>;
  forumDraftIndex: number | null;
};
type Problem = { status: number; detail: string; errors?: { field: string; reason: string }[]; code?: string };

/** The seed as a real Word document: one paragraph per line. */
async function seedAsDocx(): Promise<Buffer> {
  const paragraphs = seed002.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => new Paragraph(l));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

function oleProtected(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(64)]);
}

describe.each(backends)('terms import REST API on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { modules: await appModules(loadConfig({})) });
  });
  afterAll(async () => app.close());

  const preview = (body: string | Uint8Array, contentType: string, query = '', who: string | null = secretary) =>
    fetch(`${app.url}/api/terms-import${query}`, { method: 'POST', headers: { 'content-type': contentType, ...(who ? app.as(who) : {}) }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const confirm = (body: unknown, who = secretary, forumId = 'vest-fg-sb') =>
    fetch(`${app.url}/api/forums/${forumId}/terms/import-confirm`, { method: 'POST', headers: { 'content-type': 'application/json', ...app.as(who) }, body: JSON.stringify(body) });
  const versions = async () => ((await (await fetch(`${app.url}/api/forums/vest-fg-sb/terms`, { headers: app.as(secretary) })).json()) as { version: number }[]).length;
  const importSeed = async () => (await (await preview(JSON.stringify({ text: seed002 }), 'application/json', '?forumId=vest-fg-sb')).json()) as Preview;

  it('reads pasted seed 002 into one draft: agenda 14 days, 4 meetings, parent matched to vest-ksg, every span quoting the text', async () => {
    const r = await preview(JSON.stringify({ text: seed002 }), 'application/json', '?forumId=vest-fg-sb');
    expect(r.status).toBe(200);
    const p = (await r.json()) as Preview;
    expect(p.drafts).toHaveLength(1);
    expect(p.forumDraftIndex).toBe(0);
    const d = p.drafts[0]!;
    expect(d.forum.name).toBe('Fokusgruppen Sundhed og Beskæftigelse');
    expect(d.forumMatch.match?.id).toBe('vest-fg-sb');
    expect(d.terms.deadlines.agendaLead).toEqual({ amount: 14, unit: 'calendar_days' });
    expect(d.terms.meetings).toMatchObject({ perYearMin: 4, perYearMax: 4 });
    expect(p.parentMatches).toEqual([{ draftIndex: 0, name: 'Klyngestyregruppen i Vestklyngen', match: { match: { id: 'vest-ksg', name: 'Klyngestyregruppe for Vestklyngen' }, score: 1 } }]);
    const agenda = d.findings.fields['deadlines.agendaLead']!;
    expect(agenda.span.quote).toMatch(/14 dage/);
    expect(agenda.confidence).toBeGreaterThan(0);
    for (const f of Object.values(d.findings.fields)) expect(p.text.slice(f.span.start, f.span.end)).toBe(f.span.quote);
    // A bare "Klyngestyregruppe" fits both cluster steering groups: asked, not chosen.
    expect(p.nameMatches['Klyngestyregruppe']?.ambiguous?.map((f) => f.id).sort()).toEqual(['midt-ksg', 'vest-ksg']);
  });

  it('reads the same kommissorium from a .docx upload and from a text file', async () => {
    const docx = await preview(await seedAsDocx(), DOCX, '?fileName=kommissorium.docx');
    expect(docx.status).toBe(200);
    const pd = (await docx.json()) as Preview;
    expect(pd.format).toBe('docx');
    expect(pd.drafts[0]!.terms.deadlines.agendaLead).toEqual({ amount: 14, unit: 'calendar_days' });
    expect(pd.drafts[0]!.terms.meetings).toMatchObject({ perYearMin: 4, perYearMax: 4 });

    const txt = await preview(Buffer.from(seed002, 'utf8'), 'text/plain; charset=utf-8', '?fileName=k.txt');
    expect(txt.status).toBe(200);
    expect(((await txt.json()) as Preview).parentMatches[0]!.match?.match?.id).toBe('vest-ksg');
  });

  it.each([
    ['an empty file', () => Buffer.alloc(0), 'application/octet-stream', '?fileName=tom.docx', 400, 'empty', /tom/],
    ['a file that is not a Word document', () => Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'application/octet-stream', '?fileName=k.docx', 415, 'not_word', /ikke et Word-dokument/],
    ['a ZIP that is not a Word document', () => Buffer.from('504b030414000000', 'hex'), DOCX, '?fileName=k.docx', 415, 'not_word', /ZIP/],
    ['a password-protected Word document', oleProtected, DOCX, '?fileName=hemmelig.docx', 422, 'password_protected', /adgangskode/],
    ['a file over 10 MB', () => Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'application/octet-stream', '', 413, 'too_large', /for stor/],
  ])('refuses %s with a clear problem+json, and writes nothing', async (_what, bytes, type, query, status, code, message) => {
    const before = await versions();
    const r = await preview(bytes(), type, query);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await r.json()) as Problem;
    expect(problem.code).toBe(code);
    expect(problem.errors).toEqual([{ field: 'file', reason: code }]);
    expect((problem as { detailDa?: string }).detailDa ?? problem.detail).toMatch(message);
    expect(await versions()).toBe(before);
  });

  it('refuses pasted empty text and other media types', async () => {
    const empty = await preview(JSON.stringify({ text: '   \n' }), 'application/json');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Problem).code).toBe('empty');
    const image = await preview(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    expect(image.status).toBe(415);
  });

  it('reads a two-page PDF upload: the facts it states, and no page header, footer or number in any value', async () => {
    // Our own words, saved as PDF by LibreOffice with a running header and "Side N af 2" (test/fixtures/terms-import/eval/pdf).
    const bytes = readFileSync(new URL('../fixtures/terms-import/eval/pdf/rm-psykiatriforum.pdf', import.meta.url));
    const r = await preview(bytes, 'application/pdf', '?fileName=psykiatriforum.pdf');
    expect(r.status).toBe(200);
    const p = (await r.json()) as Preview;
    expect(p.format).toBe('pdf');
    const d = p.drafts.find((x) => /psykiatriforum/i.test(x.forum.name))!;
    expect(d).toBeDefined();
    expect(d.forum.parentName).toBe('Sundhedsstyregruppen'); // "Sundheds-" + line end + "styregruppen"
    expect(d.terms.meetings).toMatchObject({ perYearMin: 4, perYearMax: 4 });
    expect(d.terms.chair).toMatchObject({ shared: true, sides: ['region', 'municipality'] });
    expect(p.text).not.toMatch(/Sundhedsaftalen 2024-2027|Side \d af \d/);
    const values = JSON.stringify(p.drafts.map((x) => ({ forum: x.forum, terms: x.terms, findings: x.findings })));
    expect(values).not.toMatch(/Sundhedsaftalen 2024-2027|Side \d af|Sundheds- ?styregruppen/);
    for (const f of Object.values(d.findings.fields)) expect(p.text.slice(f.span.start, f.span.end)).toBe(f.span.quote);
    // The same file sent as application/octet-stream is recognised by its signature.
    const octet = await preview(bytes, 'application/octet-stream', '?fileName=psykiatriforum.pdf');
    expect(((await octet.json()) as Preview).format).toBe('pdf');
  });

  it.each([
    ['a damaged PDF', () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 422, 'unreadable', /PDF-filen kan ikke læses/, /cannot be read/],
    ['a PDF protected with a password', () => readFileSync(new URL('../fixtures/terms-import/hemmelig-adgangskode.pdf', import.meta.url)), 422, 'password_protected', /adgangskode/, /password/],
  ])('refuses %s with problem+json in Danish and English, never a 500', async (_what, bytes, status, code, da, en) => {
    const r = await preview(bytes(), 'application/pdf', '?fileName=k.pdf');
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await r.json()) as Problem & { detailDa?: string };
    expect(problem.code).toBe(code);
    expect(problem.errors).toEqual([{ field: 'file', reason: code }]);
    expect(problem.detailDa).toMatch(da);
    expect(problem.detail).toMatch(en);
  });

  it('importing for a forum, answers its current terms beside the imported ones, field by field', async () => {
    type Field = { path: string; status: string; current?: unknown; imported?: unknown; keptOnConfirm?: boolean };
    const text = 'Fokusgruppen Sundhed og Beskæftigelse\n\nFokusgruppen mødes seks gange om året.\n\nDagsorden udsendes senest 14 dage før mødet.\n';
    const p = (await (await preview(JSON.stringify({ text }), 'application/json', '?forumId=vest-fg-sb')).json()) as Preview & {
      comparison: { forumId: string; draftIndex: number; currentVersion: number | null; fields: Field[] } | null;
    };
    expect(p.comparison).toMatchObject({ forumId: 'vest-fg-sb', draftIndex: p.forumDraftIndex, currentVersion: 1 });
    const by = new Map(p.comparison!.fields.map((f) => [f.path, f]));
    expect(by.get('meetings.perYearMin')).toEqual({ path: 'meetings.perYearMin', status: 'changed', current: 4, imported: 6 });
    expect(by.get('deadlines.agendaLead')).toMatchObject({ status: 'unchanged', current: { amount: 14, unit: 'calendar_days' } });
    // What the document leaves out: the current value, and whether confirming keeps it.
    expect(by.get('chair.shared')).toMatchObject({ status: 'absent', current: true, keptOnConfirm: false });
    expect(by.get('meetings.preferredWeekdays')).toMatchObject({ status: 'absent', current: [2], keptOnConfirm: true });
    // Without a forum to import into there is nothing to compare with.
    const none = (await (await preview(JSON.stringify({ text }), 'application/json')).json()) as { comparison: unknown };
    expect(none.comparison).toBeNull();
  });

  it('needs a signed-in person for the preview', async () => {
    const r = await preview(JSON.stringify({ text: seed002 }), 'application/json', '', null);
    expect(r.status).toBe(401);
  });

  it('refuses the confirmation to a plain member (403), writing nothing', async () => {
    const p = await importSeed();
    const before = await versions();
    const r = await confirm({ validFrom: '2027-01-01', draftValues: { forum: p.drafts[0]!.forum, terms: p.drafts[0]!.terms } }, member);
    expect(r.status).toBe(403);
    expect(await versions()).toBe(before);
  });

  it('refuses edited values the terms cannot hold, naming the field', async () => {
    const p = await importSeed();
    const terms = structuredClone(p.drafts[0]!.terms);
    terms.meetings.perYearMin = 6; // more than perYearMax 4
    const before = await versions();
    const r = await confirm({ validFrom: '2027-01-01', draftValues: { forum: p.drafts[0]!.forum, terms } });
    expect(r.status).toBe(400);
    expect(((await r.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'meetings.perYearMin' })]);
    expect(await versions()).toBe(before);
  });

  it('shows the diff on a dry run, then confirms version 2 of vest-fg-sb with the person\'s edits and the diff', async () => {
    const p = await importSeed();
    const d = p.drafts[0]!;
    const terms = structuredClone(d.terms);
    terms.meetings.perYearMin = 3; // the secretariat's edit: "3-4 møder"
    const body = { validFrom: '2027-01-01', draftValues: { forum: d.forum, terms }, forumChoices: { Klyngestyregruppe: 'vest-ksg', Klyngestyregruppen: 'vest-ksg' } };

    const dry = await confirm({ ...body, dryRun: true });
    expect(dry.status).toBe(200);
    const dryBody = (await dry.json()) as { dryRun: boolean; previousVersion: number; diff: { path: string; kind: string; before?: unknown; after?: unknown }[] };
    expect(dryBody.dryRun).toBe(true);
    expect(dryBody.previousVersion).toBe(1);
    expect(dryBody.diff).toEqual(expect.arrayContaining([
      { path: 'validFrom', kind: 'changed', before: '2017-05-03', after: '2027-01-01' },
      { path: 'meetings.perYearMin', kind: 'changed', before: 4, after: 3 },
    ]));
    expect(await versions()).toBe(1);

    const r = await confirm(body);
    expect(r.status).toBe(201);
    const res = (await r.json()) as { terms: Record<string, any>; previousVersion: number; diff: { path: string }[]; carriedOver: string[]; unresolved: unknown[] };
    expect(res.terms.version).toBe(2);
    expect(res.previousVersion).toBe(1);
    expect(res.diff).toEqual(dryBody.diff);
    expect(res.terms.deadlines.agendaLead).toEqual({ amount: 14, unit: 'calendar_days' });
    expect(res.terms.meetings).toMatchObject({ perYearMin: 3, perYearMax: 4, preferredWeekdays: [2] });
    expect(res.carriedOver).toEqual(expect.arrayContaining(['chair.rotationOrder', 'meetings.preferredWeekdays']));
    expect(res.terms.approvedByForumId).toBe('vest-ksg');
    expect(res.terms.themeDays).toEqual({ perYear: 2, withForumId: 'vest-ksg' });
    expect(res.terms.chair).toMatchObject({ shared: true, sides: ['hospital', 'municipality'], termYears: 2, offsetMonthsFromParent: 6 });

    const now = (await (await fetch(`${app.url}/api/forums/vest-fg-sb`, { headers: app.as(secretary) })).json()) as { terms: { version: number; meetings: { perYearMin: number } } };
    expect(now.terms.version).toBe(2);
    expect(now.terms.meetings.perYearMin).toBe(3);
    expect(await versions()).toBe(2);
  });

  it('leaves an ambiguous forum name unresolved when the person has not chosen, and says so', async () => {
    const p = await importSeed();
    const d = p.drafts[0]!;
    const r = await confirm({ validFrom: '2027-02-01', draftValues: { forum: d.forum, terms: d.terms }, dryRun: true });
    expect(r.status).toBe(200);
    const res = (await r.json()) as { terms: Record<string, unknown>; unresolved: { field: string; name: string }[] };
    expect(res.unresolved).toEqual(expect.arrayContaining([{ field: 'approvedByName', name: 'Klyngestyregruppe' }]));
    expect(res.terms.approvedByForumId).toBeUndefined();
  });
  it('a document without deadlines: every deadline rule comes back as a default (never stated), and the year plan shows them awaiting acceptance; an accepted default becomes the rule', async () => {
    // Written in our own words in the phrasing of a municipal web page: no deadlines at all.
    const text = 'Fokusgruppen Sundhed og Beskæftigelse\n\nFokusgruppen mødes fire gange om året.\n';
    const p = (await (await preview(JSON.stringify({ text }), 'application/json', '?forumId=vest-fg-sb')).json()) as Preview & {
      drafts: { provenance: { path: string; provenance: string; value: unknown; span?: Span }[] }[];
    };
    const d = p.drafts[p.forumDraftIndex ?? 0]!;
    const byPath = new Map(d.provenance.map((x) => [x.path, x]));
    for (const path of ['deadlines.agendaLead', 'deadlines.itemsCutoff', 'deadlines.minutesDue', 'deadlines.commentWindow', 'deadlines.tacitApproval']) {
      expect(byPath.get(path)?.provenance).toBe('default');
      expect(d.findings.fields[path]).toBeUndefined();
    }
    expect(d.terms.deadlines).toBeUndefined();
    expect(byPath.get('meetings.perYearMin')).toMatchObject({ provenance: 'stated', value: 4, span: { quote: expect.stringMatching(/fire gange om året/) } });
    for (const x of d.provenance) if (x.provenance === 'stated') expect(x.span!.quote).toBe(p.text.slice(x.span!.start, x.span!.end));

    const saved = await confirm({ validFrom: '2027-01-01', draftValues: { forum: d.forum, terms: d.terms } });
    expect(saved.status).toBe(201);
    const year = (await (await fetch(`${app.url}/api/forums/vest-fg-sb/year/2027`)).json()) as { meetings: { deadlines?: Record<string, { fromDefault?: boolean }> }[] };
    const withDeadlines = year.meetings.filter((m) => m.deadlines);
    expect(withDeadlines.length).toBeGreaterThan(0);
    for (const m of withDeadlines) {
      expect(Object.values(m.deadlines!).map((x) => x.fromDefault)).toEqual([true, true, true, true]);
    }

    // The secretary accepts the default agenda lead: it is the forum's rule from then on, the rest stay defaults.
    const accepted = { ...d.terms, deadlines: { agendaLead: byPath.get('deadlines.agendaLead')!.value } };
    expect((await confirm({ validFrom: '2027-01-01', draftValues: { forum: d.forum, terms: accepted } })).status).toBe(201);
    const after = (await (await fetch(`${app.url}/api/forums/vest-fg-sb/year/2027`)).json()) as { meetings: { deadlines?: { agendaDue: { fromDefault?: boolean }; minutesDue: { fromDefault?: boolean } } }[] };
    const m = after.meetings.find((x) => x.deadlines)!;
    expect(m.deadlines!.agendaDue.fromDefault).toBeUndefined();
    expect(m.deadlines!.minutesDue.fromDefault).toBe(true);
  });
  it('creates the forum a document describes when it is not in Samraad, under a forum the person administers, with the reviewed values as its first terms', async () => {
    // Written in our own words: a working group under the fokusgruppe, not yet in Samraad.
    const text = 'Kommissorium for Ad hoc-gruppe om genoptræning\n\nGruppen mødes 3 gange om året.\n\nDagsorden udsendes senest 5 hverdage før mødet.\n';
    const p = (await (await preview(JSON.stringify({ text }), 'application/json', '?forumId=vest-fg-sb')).json()) as Preview & { drafts: { catalogueKind: string | null; forumMatch: Match }[] };
    const d = p.drafts[0]!;
    expect(d.forumMatch.none).toBe(true);
    expect(d.catalogueKind).toBe('ad_hoc_group');
    const create = (who: string, parentId = 'vest-fg-sb') =>
      fetch(`${app.url}/api/terms-import/create-forum`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...app.as(who) },
        body: JSON.stringify({ validFrom: '2027-01-01', draftValues: { forum: d.forum, terms: d.terms }, forum: { name: d.forum.name, kind: d.catalogueKind, parentId } }),
      });
    expect((await create(member)).status).toBe(403);
    const r = await create(secretary);
    expect(r.status).toBe(201);
    const res = (await r.json()) as { forum: { id: string; name: string; parentId: string; region: string; kind: string }; terms: { version: number; deadlines: Record<string, unknown>; meetings: { perYearMin: number } } };
    expect(res.forum).toMatchObject({ name: 'Ad hoc-gruppe om genoptræning', parentId: 'vest-fg-sb', kind: 'ad_hoc_group' });
    expect(res.terms.version).toBe(1);
    expect(res.terms.meetings.perYearMin).toBe(3);
    expect(res.terms.deadlines.agendaLead).toEqual({ amount: 5, unit: 'working_days' });
    expect(res.terms.deadlines.minutesDue).toBeUndefined();
    const bad = await create(secretary, 'no-such-forum');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors).toEqual([{ field: 'forum.parentId', reason: 'does not exist' }]);
  });
});
