import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { command } from './import-terms.js';

const seed002 = resolve(process.cwd(), '../shared/seeds/002_2c09deccaef39801.txt');

function capture() {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        write(String(chunk));
        cb();
      },
    });
  return {
    io: { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) },
    get out() { return out; },
    get err() { return err; },
  };
}

describe('import-terms command', () => {
  it('prints the drafts in Danish with the quoted source', async () => {
    const c = capture();
    expect(await command.run([seed002], c.io)).toBe(0);
    expect(c.out).toContain('== Fokusgruppen Sundhed og Beskæftigelse');
    expect(c.out).toContain('Dagsorden udsendes før mødet: 14 dage');
    expect(c.out).toContain('«14 dage forud for»');
    expect(c.out).toContain('Refererer til: Klyngestyregruppen i Vestklyngen');
    expect(c.err).toBe('');
  });

  it('prints drafts with spans and confidences as JSON', async () => {
    const c = capture();
    expect(await command.run([seed002, '--json', '--forum', 'fg-sb'], c.io)).toBe(0);
    const out = JSON.parse(c.out) as {
      forumId: string;
      text: string;
      drafts: { forum: { name: string; parentName?: string }; terms: { meetings?: { perYearMin?: number } }; findings: { fields: Record<string, { span: { start: number; end: number; quote: string }; confidence: number }> } }[];
    };
    expect(out.forumId).toBe('fg-sb');
    expect(out.drafts).toHaveLength(1);
    const d = out.drafts[0]!;
    expect(d.forum).toMatchObject({ name: 'Fokusgruppen Sundhed og Beskæftigelse', parentName: 'Klyngestyregruppen i Vestklyngen' });
    expect(d.terms.meetings?.perYearMin).toBe(4);
    const lead = d.findings.fields['deadlines.agendaLead']!;
    expect(out.text.slice(lead.span.start, lead.span.end)).toBe(lead.span.quote);
    expect(lead.confidence).toBeGreaterThan(0);
  });

  it('refuses a bad file with exit code 2 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-terms-'));
    const empty = join(dir, 'tom.docx');
    writeFileSync(empty, '');
    const fake = join(dir, 'falsk.docx');
    writeFileSync(fake, Buffer.from([0, 1, 2, 3, 4]));
    const before = readdirSync(dir).sort();

    const c1 = capture();
    expect(await command.run([empty], c1.io)).toBe(2);
    expect(c1.err).toMatch(/Filen er tom/);
    expect(c1.out).toBe('');

    const c2 = capture();
    expect(await command.run([fake, '--json'], c2.io)).toBe(2);
    expect(c2.err).toMatch(/ikke et Word-dokument/);
    expect(c2.out).toBe('');

    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('explains its usage on wrong arguments', async () => {
    const c = capture();
    expect(await command.run([], c.io)).toBe(2);
    expect(c.err).toMatch(/Brug: import-terms/);
    const c2 = capture();
    expect(await command.run([seed002, '--forum', 'ikke gyldig!'], c2.io)).toBe(2);
    expect(c2.err).toMatch(/Ugyldigt forum-id/);
  });
});
