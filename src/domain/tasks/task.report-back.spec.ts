import { describe, it, expect } from '@jest/globals';
import type { Forum } from '../registry/registry.model.js';
import type { Meeting, Task } from '../meetings/meeting.model.js';
import { WorkingDayCalendar } from '../calendar/working-day.calendar.js';
import { resolveDeadlineRules } from '../deadlines/meeting.deadlines.js';
import { adHocGroupsToEnd, proposeEscalations, proposeReportBackItems, type ReportBackContext } from './task.report-back.js';

const cal = new WorkingDayCalendar();
const forum = (id: string, extra: Partial<Forum> = {}): Forum => ({ id, name: id, kind: 'x', level: 'cluster', parentId: null, region: 'R', status: 'active', successorIds: [], channelType: 'standard', links: [], ...extra });
const meeting = (id: string, forumId: string, date: string, extra: Partial<Meeting> = {}): Meeting => ({ id, forumId, date, start: '13:00', end: '15:00', online: false, kind: 'ordinary', status: 'planned', revision: 1, ...extra });
const task = (extra: Partial<Task>): Task => ({ id: 't1', forumId: 'ksg', title: 'Forslag til tværsektorielt forløb', description: '', dueOn: '2027-05-01', assigneeForumId: 'drift', reportToForumId: 'ksg', status: 'open', ...extra });
const ctx = (now: string, meetings: Meeting[]): ReportBackContext => ({ meetings, rulesFor: () => resolveDeadlineRules(undefined), calendarFor: () => cal, now, forumName: (id) => ({ ksg: 'Klyngestyregruppen', drift: 'Driftsforum' })[id] });

describe('report-back', () => {
  const meetings = [meeting('a', 'ksg', '2027-03-04'), meeting('b', 'ksg', '2027-06-03'), meeting('c', 'ksg', '2027-09-02'), meeting('x', 'ksg', '2027-05-20', { status: 'cancelled' })];

  it('proposes a report-back item on the first meeting after the due date, before its cut-off', () => {
    const [item] = proposeReportBackItems([task({})], ctx('2027-04-01T08:00:00Z', meetings));
    expect(item).toMatchObject({ forumId: 'ksg', meetingId: 'b', title: 'Tilbagemelding: Forslag til tværsektorielt forløb', origin: { kind: 'task_report', refId: 't1' } });
    // Meeting 3 June: agenda due 20 May, items cut-off 13 May 16:00.
    expect(item!.proposeBy.date).toBe('2027-05-13');
    expect(item!.reason).toContain('Driftsforum melder tilbage på mødet 3. juni 2027');
  });

  it('moves to the next meeting when the cut-off has passed, and ignores closed tasks', () => {
    const [item] = proposeReportBackItems([task({})], ctx('2027-05-14T08:00:00Z', meetings));
    expect(item!.meetingId).toBe('c');
    expect(item!.reason).toContain('fristen for punkter til mødet 3. juni 2027 er passeret');
    expect(proposeReportBackItems([task({ status: 'done' })], ctx('2027-04-01T08:00:00Z', meetings))).toEqual([]);
  });

  it('proposes items sent up on the parent forum\'s next agenda', () => {
    const forums = [forum('ksg'), forum('drift', { parentId: 'ksg' })];
    const [item] = proposeEscalations([{ forumId: 'drift', itemId: 'i9', title: 'Udfordring med udskrivelser', decidedOn: '2027-03-10' }], forums, ctx('2027-03-10T15:00:00Z', meetings));
    expect(item).toMatchObject({ forumId: 'ksg', meetingId: 'b', origin: { kind: 'child_forum', refId: 'i9' } });
  });

  it('ends ad hoc groups whose mandate has ended', () => {
    const forums = [forum('ah', { level: 'ad_hoc', mandateEndsOn: '2027-03-31', name: 'Ad hoc-gruppe om udskrivelser' }), forum('ah2', { level: 'ad_hoc', mandateEndsOn: '2027-12-31' }), forum('k', { mandateEndsOn: '2020-01-01' })];
    expect(adHocGroupsToEnd(forums, '2027-04-01').map((e) => e.forumId)).toEqual(['ah']);
    expect(adHocGroupsToEnd(forums, '2027-03-31')).toEqual([]);
  });
});
