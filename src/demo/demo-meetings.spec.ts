import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoAttendance, demoFile, loadDemoData, readDemoData, type DemoTransact } from './demo-loader.js';

const neverCalled: DemoTransact = () => {
  throw new Error('nothing may be written');
};

describe('demo meetings in demo-region.json', () => {
  const data = readDemoData();

  it("records each held meeting's attendance: every member once, the secretary present, some apologies, the same on every load", () => {
    const ms = data.memberships.map((m, i) => ({ ...m, id: m.id ?? `m-${i}` }));
    const held = data.meetings.filter((m) => m.status === 'held');
    let apologies = 0;
    let rows = 0;
    for (const m of held) {
      const a = demoAttendance(m, ms);
      const expected = new Set(ms.filter((x) => (x.forumId === m.forumId || x.forumId === m.jointWithForumId) && x.role !== 'substitute' && x.from <= m.date && (!x.to || x.to >= m.date)).map((x) => x.personId));
      expect(new Set(a.map((x) => x.personId))).toEqual(expected);
      expect(a).toHaveLength(expected.size);
      for (const x of a) expect(x.present).toBe(x.answer === 'attending');
      const secretary = ms.find((x) => x.forumId === m.forumId && x.role === 'secretary');
      if (secretary) expect(a.find((x) => x.personId === secretary.personId)).toMatchObject({ answer: 'attending', present: true });
      expect(demoAttendance(m, ms)).toEqual(a);
      apologies += a.filter((x) => x.answer === 'apologies').length;
      rows += a.length;
    }
    // Afbud happens, but most people come.
    expect(apologies).toBeGreaterThan(rows * 0.05);
    expect(apologies).toBeLessThan(rows * 0.3);
  });

  it('has a 2026 and 2027 series for the forums with a meeting rule: held before 23 November 2026, planned after', () => {
    const ids = new Set(data.meetings.map((m) => m.id));
    expect(ids.size).toBe(data.meetings.length);
    for (const year of [2026, 2027]) {
      expect(data.meetings.filter((m) => m.forumId === 'midt-ksg' && m.kind === 'ordinary' && m.date.startsWith(`${year}-`))).toHaveLength(4);
    }
    for (const m of data.meetings.filter((x) => x.status !== 'cancelled')) expect(m.status).toBe(m.date < '2026-11-23' ? 'held' : 'planned');
    // At least one cancelled meeting, with its reason, so every state shows in the demo.
    const cancelled = data.meetings.filter((m) => m.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    for (const m of cancelled) expect(m.cancelledReason).toMatch(/\S/);
    // The joint meeting of tg-psyk-voksen follows tg-somatik-voksen's meeting on the same day.
    const joint = data.meetings.find((m) => m.id === 'mtg-tg-psyk-voksen-2027-faelles-1')!;
    const sister = data.meetings.find((m) => m.forumId === 'tg-somatik-voksen' && m.date === joint.date)!;
    expect(joint.start).toBe(sister.end);
    expect(data.meetings.some((m) => m.forumId === 'midt-adhoc-udskr')).toBe(false);
  });

  it('reports a bad meeting with its place in the file, before writing anything', async () => {
    const bad = { ...data, meetings: [{ ...data.meetings[0]!, forumId: 'findes-ikke' }] };
    await expect(loadDemoData(neverCalled, bad)).rejects.toThrow('meetings.0.forumId');
    const raw = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { meetings: { start: string; end: string }[] };
    raw.meetings[3]!.end = '08:00';
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samraad-demo-')), 'demo.json');
    fs.writeFileSync(file, JSON.stringify(raw));
    expect(() => readDemoData(file)).toThrow(/meetings\.3\.end/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
