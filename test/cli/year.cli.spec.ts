/**
 * The `year` CLI command as a user runs it: a child process on a fresh DATA_DIR
 * (which it fills with the demo region), and, when a running server holds the
 * folder, asking that server over HTTP instead.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { planningModule } from '../../src/entry/planning.module.js';

type Run = { code: number; stdout: string; stderr: string };
const root = path.resolve(import.meta.dirname, '../..');

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL; // the embedded database in DATA_DIR is what is under test
  return new Promise((resolve) => {
    // What `npm run cli` runs (tsx), loaded into one node process: without npx and tsx's own launcher
    // process in front of it, each run starts about 2 s sooner.
    execFile(process.execPath, ['--import', 'tsx', 'src/entry/cli/main.ts', ...args], { cwd: root, env: { ...childEnv, NODE_OPTIONS: '' }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

type Year = {
  forum: { id: string };
  year: number;
  source: string;
  constraints: string[];
  meetings: { id?: string; date: string; kind: string; deadlines?: Record<string, { date: string; at: string }> }[];
  handovers: { date: string; text: string }[];
};

describe('npm run cli -- year', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-year-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('prints the year of vest-fg-sb 2027 as JSON from a fresh data folder: 4 meetings with deadlines, theme days, the chair hand-over', async () => {
    const dataDir = tempDir();
    const r = await cli(['year', '--forum', 'vest-fg-sb', '--year', '2027', '--json'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('demo-regionen er indlæst');
    const y = JSON.parse(r.stdout) as Year;
    expect(y.forum.id).toBe('vest-fg-sb');
    expect(y.source).toBe('stored');
    const ordinary = y.meetings.filter((m) => m.kind === 'ordinary');
    expect(ordinary.map((m) => m.id)).toEqual(['mtg-vest-fg-sb-2027-1', 'mtg-vest-fg-sb-2027-2', 'mtg-vest-fg-sb-2027-3', 'mtg-vest-fg-sb-2027-4']);
    for (const m of ordinary) expect(Object.keys(m.deadlines ?? {})).toEqual(['itemsCutoff', 'agendaDue', 'minutesDue', 'commentWindowCloses']);
    expect(ordinary[0]!.deadlines!['agendaDue']!.date).toBe('2027-01-26');
    expect(y.meetings.filter((m) => m.kind === 'theme_day').map((m) => m.date)).toEqual(['2027-05-19', '2027-11-17']);
    expect(y.constraints).toContain('2 temadage om året med KSG Vest');
    expect(y.handovers).toHaveLength(1);
    expect(y.handovers[0]!.date).toBe('2027-07-01');
    expect(y.handovers[0]!.text).toContain('Herning Kommune');
    // The folder lock is released and the database persisted: a second run does not load the demo again.
    expect(fs.existsSync(path.join(dataDir, 'samraad.lock'))).toBe(false);
    const text = await cli(['year', '--forum', 'midt-ksg', '--year', '2027'], { DATA_DIR: dataDir });
    expect(text.code).toBe(0);
    expect(text.stderr).not.toContain('demo-regionen er indlæst');
    expect(text.stdout).toContain('Klyngestyregruppe for Midtklyngen: årshjul 2027');
    expect(text.stdout.match(/\d\. møde: /g)).toHaveLength(4);
    expect(text.stdout).toContain('Næste formandsskifte: 1. januar 2027');
    // The region's closed days (the demo's Christmas week, 28-30 December) move deadlines in the CLI too.
    const closed = await cli(['year', '--forum', 'faelles-sek', '--year', '2027'], { DATA_DIR: dataDir });
    expect(closed.code).toBe(0);
    // ... and a rule the terms do not state says it is a default awaiting acceptance, as in the tab.
    expect(closed.stdout).toContain('Frist for bemærkninger til referat: fredag 31. december 2027 (28. december er lukkedag; flyttet til næste hverdag, 31. december; standard, afventer accept)');
  }, 180_000);

  it('lists the joint meetings another forum holds with this one, naming the host, with its deadlines, in Danish and in English', async () => {
    const dataDir = tempDir();
    // The demo's TG Psykiatri-voksen holds its four 2027 joint meetings with TG Somatik-voksen.
    const da = await cli(['year', '--forum', 'tg-somatik-voksen', '--year', '2027'], { DATA_DIR: dataDir });
    expect(da.code).toBe(0);
    expect(da.stdout).toContain('Møder, som andre fora holder med forummet:');
    expect(da.stdout.match(/: Fællesmøde kl\. \d\d\.\d\d-\d\d\.\d\d, holdes af TG Psykiatri-voksen/g)).toHaveLength(4);
    expect(da.stdout).toContain('torsdag 18. februar 2027: Fællesmøde');
    const held = da.stdout.slice(da.stdout.indexOf('Møder, som andre fora holder med forummet:'));
    expect(held).toMatch(/\n {6}Dagsorden udsendes: \S+ \d+\. \S+ 2027/);
    const en = await cli(['year', '--forum', 'tg-somatik-voksen', '--year', '2027', '--lang', 'en'], { DATA_DIR: dataDir });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Meetings other forums hold with this one:');
    expect(en.stdout.match(/: Joint meeting, \d\d:\d\d–\d\d:\d\d, held by TG Psykiatri-voksen/g)).toHaveLength(4);
    expect(en.stdout).toContain('Thursday 18 February 2027: Joint meeting');
    expect(en.stdout).toContain('year of duties 2027');
    expect(en.stdout).not.toContain('holdes af');
    const bad = await cli(['year', '--forum', 'tg-somatik-voksen', '--year', '2027', '--lang', 'de'], { DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Sproget skal være da eller en');
  }, 240_000);

  it('explains itself with --help, and refuses bad options and unknown forums', async () => {
    const dataDir = tempDir();
    const help = await cli(['year', '--help'], { DATA_DIR: dataDir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Brug: year --forum ID --year');
    const bad = await cli(['year', '--forum', 'midt-ksg', '--year', '27'], { DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Året skal være mellem 2000 og 2100');
    const unknown = await cli(['year', '--forum', 'findes-ikke', '--year', '2027'], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('findes-ikke');
  }, 180_000);

  describe('when a running server holds the data folder', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp(backends[0]!, { modules: [planningModule] });
    });
    afterAll(async () => app.close());

    it('asks the server over HTTP, says so on stderr, and prints the same JSON as the REST API', async () => {
      const dataDir = tempDir();
      // This test process is alive, so its pid holds the lock like a running server would.
      fs.writeFileSync(path.join(dataDir, 'samraad.lock'), `${process.pid}\n`);
      const port = new URL(app.url).port;
      const r = await cli(['year', '--forum', 'vest-fg-sb', '--year', '2027', '--json'], { DATA_DIR: dataDir, PORT: port });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`bruges af en kørende server (pid ${process.pid})`);
      expect(r.stderr).toContain(`http://localhost:${port}/api/forums/vest-fg-sb/year/2027`);
      const rest = await (await fetch(`${app.url}/api/forums/vest-fg-sb/year/2027`)).json();
      expect(JSON.parse(r.stdout)).toEqual(rest);
      // The lock is the server's: the CLI must leave it in place.
      expect(fs.readFileSync(path.join(dataDir, 'samraad.lock'), 'utf8').trim()).toBe(String(process.pid));
    }, 180_000);
  });
});
