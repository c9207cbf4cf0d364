import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoFile, loadDemoData, readDemoData, type DemoTransact } from './demo-loader.js';

const neverCalled: DemoTransact = () => {
  throw new Error('nothing may be written');
};

describe('demo meetings in demo-region.json', () => {
  const data = readDemoData();

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
