/**
 * "Today" is the Copenhagen date everywhere a date is meant: at 00:30 in
 * Copenhagen (23:30 UTC the day before in winter, 22:30 in summer) a secretary
 * whose membership starts that day already administers the forum. With the UTC
 * date the access check ran on yesterday and refused them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { localToday } from '../../src/domain/calendar/working-day.calendar.js';
import { copenhagenToday } from '../../src/tab/today.js';

describe('localToday', () => {
  it('is the Copenhagen date just after local midnight, winter and summer', () => {
    expect(localToday(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16');
    expect(localToday({ now: () => new Date('2026-07-15T22:30:00Z') })).toBe('2026-07-16');
    expect(localToday(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
    expect(localToday(new Date('2026-01-15T23:30:00Z'), 'UTC')).toBe('2026-01-15');
    // The tab's copy, which does not bundle the domain calendar, agrees.
    for (const at of ['2026-01-15T23:30:00Z', '2026-07-15T22:30:00Z', '2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z']) {
      expect(copenhagenToday(new Date(at))).toBe(localToday(new Date(at)));
    }
  });
});

describe.each(backends)('access checks at 00:30 Copenhagen on $name', (backend) => {
  let app: TestApp;
  const at = new Date('2026-01-15T23:30:00Z'); // 00:30 on 16 January in Copenhagen
  beforeAll(async () => {
    app = await startTestApp(backend, { clock: { now: () => new Date(at) } });
    await registryRepository(app.db.db).insertMembership({ id: 'm-midnight', personId: 'frida-skov', forumId: 'midt-ksg', role: 'secretary', from: '2026-01-16' });
  });
  afterAll(async () => app?.close());

  it('lets a secretary whose membership starts today (local) read the audit log', async () => {
    const r = await fetch(`${app.url}/api/forums/midt-ksg/audit`, { headers: app.as('frida-skov') });
    expect(r.status).toBe(200);
  });
});
