/**
 * Recording a past meeting as history (issue 13, point 8): a secretariat enters a
 * meeting that took place before Samraad was used, with the real dates on which
 * the agenda was sent and the minutes were sent, approved and published, and
 * optionally its items with their decisions.
 *
 * What it does not do, on purpose: no Outlook event (no sync job), no reminders
 * (the reminder plan skips historical meetings), no notifications, no tacit
 * approval job. The meeting is marked `historical` and the tab and the documents
 * say so. Every date is as entered (a date is stored as noon, Copenhagen time),
 * never "now".
 */
import { z } from 'zod';
import { hhmm, id, isoDate } from '../../domain/registry/registry.model.js';
import type { AgendaItem, Meeting } from '../../domain/meetings/meeting.model.js';
import type { WorkflowState } from '../../domain/meetings/workflow.model.js';
import { forbidden, invalid, notFound } from '../use-case.errors.js';
import { roleOf, timeCalendar, todayOf, type WorkflowDeps } from './workflow.context.js';
import { takeSnapshot } from './meeting-snapshot.js';

export const HistoryItemInput = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(300),
  decision: z.string().trim().max(20000).optional(),
});

export const HistoryMeetingInput = z.object({
  date: isoDate,
  start: hhmm,
  end: hhmm,
  kind: z.enum(['ordinary', 'extraordinary', 'theme_day', 'joint']).default('ordinary'),
  jointWithForumId: id.optional(),
  title: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  location: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  online: z.boolean().default(false),
  /** The real dates, as they happened. */
  agendaSentOn: isoDate.optional(),
  minutesSentOn: isoDate.optional(),
  approvedOn: isoDate.optional(),
  publishedOn: isoDate.optional(),
  items: z.array(HistoryItemInput).max(100).default([]),
});
export type HistoryMeetingInput = z.input<typeof HistoryMeetingInput>;

/** A local date as an instant: noon in Copenhagen (the same date in every time zone the product shows). */
const noonOf = (date: string) => timeCalendar.instant(date, '12:00');

export function historyUseCases({ transact, clock, ids }: WorkflowDeps) {
  return {
    async record(forumId: string, input: HistoryMeetingInput, actor: { personId: string }): Promise<{ meeting: Meeting; minutesStatus: WorkflowState['minutesStatus'] }> {
      const parsed = HistoryMeetingInput.safeParse(input);
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw invalid(i.path.join('.') || 'body', i.message);
      }
      const v = parsed.data;
      const today = todayOf(clock.now());
      if (v.end <= v.start) throw invalid('end', 'must be after start', 'Sluttidspunktet skal ligge efter starten');
      if (v.date < '2000-01-01') throw invalid('date', 'must be 2000 or later', 'Datoen skal være i 2000 eller senere');
      if (v.date >= today) throw invalid('date', 'a meeting recorded as history must lie before today', 'Et møde, der registreres som historik, skal ligge før i dag');
      const order: [keyof typeof v, string | undefined, string, string][] = [
        ['agendaSentOn', v.agendaSentOn, 'must be on or before the meeting date', 'Dagsordenen skal være sendt senest på mødedagen'],
        ['minutesSentOn', v.minutesSentOn, 'must be on or after the meeting date', 'Referatet kan tidligst være sendt på mødedagen'],
        ['approvedOn', v.approvedOn, 'must be on or after the day the minutes were sent', 'Godkendelsen kan tidligst være sket, da referatet blev sendt'],
        ['publishedOn', v.publishedOn, 'must be on or after the approval', 'Offentliggørelsen kan tidligst være sket ved godkendelsen'],
      ];
      for (const [field, d] of order) if (d && d > today) throw invalid(field, 'must not be in the future', 'Datoen må ikke ligge i fremtiden');
      if (v.agendaSentOn && v.agendaSentOn > v.date) throw invalid('agendaSentOn', order[0]![2], order[0]![3]);
      if (v.minutesSentOn && v.minutesSentOn < v.date) throw invalid('minutesSentOn', order[1]![2], order[1]![3]);
      if (v.approvedOn && !v.minutesSentOn) throw invalid('minutesSentOn', 'give the day the minutes were sent', 'Angiv dagen, referatet blev sendt');
      if (v.minutesSentOn && !v.approvedOn) throw invalid('approvedOn', 'give the day the minutes were approved', 'Angiv dagen, referatet blev godkendt');
      if (v.approvedOn && v.minutesSentOn && v.approvedOn < v.minutesSentOn) throw invalid('approvedOn', order[2]![2], order[2]![3]);
      if (v.publishedOn && !v.approvedOn) throw invalid('approvedOn', 'published minutes need the day they were approved', 'Offentliggjort referat skal have en godkendelsesdato');
      if (v.publishedOn && v.approvedOn && v.publishedOn < v.approvedOn) throw invalid('publishedOn', order[3]![2], order[3]![3]);
      if (v.kind === 'joint' && !v.jointWithForumId) throw invalid('jointWithForumId', 'a joint meeting needs the forum it is held with', 'Et fællesmøde skal have det forum, det holdes sammen med');

      return transact(async (uow) => {
        const forums = await uow.registry.listForums();
        if (!forums.some((f) => f.id === forumId)) throw notFound('forum', forumId);
        if (v.jointWithForumId && !forums.some((f) => f.id === v.jointWithForumId)) throw invalid('jointWithForumId', `forum "${v.jointWithForumId}" does not exist`, `forummet "${v.jointWithForumId}" findes ikke`);
        const role = roleOf(await uow.registry.listMemberships({ personId: actor.personId }), forums, actor.personId, forumId, today);
        if (!role.secretariat && !role.secretariatAbove) throw forbidden("Only the forum's secretariat may record past meetings", 'Kun forummets sekretariat må registrere tidligere møder');
        const sameDay = (await uow.meetings.listMeetings({ forumIds: [forumId], from: v.date, to: v.date })).filter((m) => m.status !== 'cancelled');
        if (sameDay.some((m) => m.start < v.end && v.start < m.end)) throw invalid('start', 'the forum already has a meeting at that time', 'Forummet har allerede et møde på det tidspunkt');

        const meeting: Meeting = {
          id: ids.newId('mtg'),
          forumId,
          date: v.date,
          start: v.start,
          end: v.end,
          online: v.online,
          kind: v.kind,
          status: 'held',
          historical: true,
          revision: 1,
          ...(v.location ? { location: v.location } : {}),
          ...(v.title ? { title: v.title } : {}),
          ...(v.jointWithForumId ? { jointWithForumId: v.jointWithForumId } : {}),
          ...(v.agendaSentOn ? { agendaSentAt: noonOf(v.agendaSentOn) } : {}),
          ...(v.minutesSentOn ? { minutesSentAt: noonOf(v.minutesSentOn) } : {}),
        };
        await uow.meetings.insertMeeting(meeting);
        for (const [position, item] of v.items.entries()) {
          const i: AgendaItem = {
            id: ids.newId('itm'), meetingId: meeting.id, position: position + 1, title: item.title, kind: 'discussion', presenters: [], minutes: 10, background: '', recommendations: [], attachments: [],
            ...(item.decision ? { decision: item.decision } : {}),
          };
          await uow.workflow.insertItem(i);
        }
        const status: WorkflowState['minutesStatus'] = v.publishedOn ? 'published' : v.approvedOn ? 'approved' : 'draft';
        const state: WorkflowState = {
          meetingId: meeting.id,
          minutesStatus: status,
          minutesVersion: 1,
          ...(v.agendaSentOn ? { agendaApprovedAt: noonOf(v.agendaSentOn) } : {}),
          ...(v.minutesSentOn ? { minutesSentAt: noonOf(v.minutesSentOn) } : {}),
          ...(v.approvedOn ? { approvedAt: noonOf(v.approvedOn), approvedHow: 'explicit' as const } : {}),
          ...(v.publishedOn ? { publishedAt: noonOf(v.publishedOn) } : {}),
        };
        await uow.workflow.saveState(state);
        // The stored versions carry the real dates, so the documents and public pages show them.
        const snapshot = await takeSnapshot(uow, meeting.id);
        if (v.agendaSentOn) await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId: meeting.id, kind: 'agenda', version: 1, event: 'sent', reason: 'historik', createdBy: actor.personId, createdAt: noonOf(v.agendaSentOn), snapshot });
        if (v.minutesSentOn) await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId: meeting.id, kind: 'minutes', version: 1, event: 'sent', reason: 'historik', createdBy: actor.personId, createdAt: noonOf(v.minutesSentOn), snapshot });
        if (v.approvedOn) await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId: meeting.id, kind: 'minutes', version: 1, event: 'approved', reason: 'historik', createdBy: actor.personId, createdAt: noonOf(v.approvedOn), snapshot });
        if (v.publishedOn) await uow.workflow.insertVersion({ id: ids.newId('ver'), meetingId: meeting.id, kind: 'minutes', version: 1, event: 'published', reason: 'historik', createdBy: actor.personId, createdAt: noonOf(v.publishedOn), snapshot });
        await uow.audit.record({ actorPersonId: actor.personId, action: 'meeting.history', forumId, target: meeting.id, outcome: 'ok', detail: { date: v.date, agendaSentOn: v.agendaSentOn ?? null, minutesSentOn: v.minutesSentOn ?? null, approvedOn: v.approvedOn ?? null, publishedOn: v.publishedOn ?? null } });
        return { meeting, minutesStatus: status };
      });
    },
  };
}
