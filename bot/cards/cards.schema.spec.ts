/** Every card the bot can send validates against the official Adaptive Cards 1.5 schema (msteams removed first). */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { reminderKinds } from '../../src/domain/reminders/reminder.model.js';
import type { MeetingSummary, TaskSummary } from '../bot.ports.js';
import type { AdaptiveCard } from './card.common.js';
import { deadlinesCard, helpCard, messageCard, nextMeetingCard, tasksCard } from './command.cards.js';
import { reminderCard } from './reminder.card.js';
import { reminderMail } from './reminder.mail.js';
import { noticeCard, outlookMeetingCard } from './notice.card.js';
import { noticeKinds } from '../../src/domain/notifications/notice.model.js';

const require = createRequire(import.meta.url);
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;
const schema = JSON.parse(readFileSync(new URL('../../../shared/reference/adaptive-card-1.5.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
addFormats(ajv);
const { id, ...rest } = schema;
const validate = ajv.compile({ $id: id as string, ...rest });

const links = { teamsAppId: 'app-1', tabEntityId: 'samraad' };
const meeting: MeetingSummary = { meetingId: 'm1', forumId: 'f1', forumName: 'Klyngestyregruppe Vest', title: '4. møde', date: '2026-03-20', start: '13:00', end: '15:00', location: 'Regionshuset', online: true, status: 'planned', myAnswer: 'substitute', substituteName: 'Jens', answerDeadline: '2026-03-19T11:00:00Z' };
const task: TaskSummary = { taskId: 't1', forumName: 'Driftsforum', title: 'Udkast', dueOn: '2026-04-01', status: 'open' };

function allCards(): [string, AdaptiveCard][] {
  const out: [string, AdaptiveCard][] = [];
  for (const locale of ['da', 'en'] as const) {
    for (const kind of reminderKinds) {
      for (const variant of ['meeting', 'task', 'forum', 'cancelled', 'done'] as const) {
        const subject =
          variant === 'meeting' ? { forumName: 'F', meeting } :
          variant === 'cancelled' ? { forumName: 'F', meeting: { ...meeting, status: 'cancelled' as const } } :
          variant === 'task' ? { forumName: 'F', task } :
          variant === 'done' ? { forumName: 'F', task: { ...task, status: 'done' as const } } : { forumName: 'F' };
        const reminder = { key: `${kind}:x`, kind, forumId: 'f1', meetingId: subject.meeting ? 'm1' : undefined, taskId: subject.task ? 't1' : undefined, deadline: '2026-03-19T11:00:00Z' };
        out.push([`${kind}/${variant}/${locale}`, reminderCard({ reminder, subject, locale, links, refreshForUserId: '29:u' })]);
        out.push([`${kind}/${variant}/${locale}/channel`, reminderCard({ reminder, subject, locale, links, teamsChannelId: '19:c@thread.tacv2' })]);
      }
    }
    out.push([`next/${locale}`, nextMeetingCard(meeting, locale, links)], [`next-none/${locale}`, nextMeetingCard(null, locale, links)]);
    out.push([`next-cancelled/${locale}`, nextMeetingCard({ ...meeting, status: 'cancelled' }, locale, links)]);
    out.push([`deadlines/${locale}`, deadlinesCard([{ kind: 'task_due', forumName: 'F', deadline: '2026-03-19T11:00:00Z', label: 'x' }], locale, links)], [`deadlines-none/${locale}`, deadlinesCard([], locale, links)]);
    out.push([`tasks/${locale}`, tasksCard([task, { ...task, taskId: 't2', status: 'done' }], locale, links)], [`tasks-none/${locale}`, tasksCard([], locale, links)]);
    out.push([`help/${locale}`, helpCard(locale, links, 'hvad')], [`message/${locale}`, messageCard(locale, 'ok')]);
  }
  return out;
}

describe('Adaptive Cards 1.5 schema', () => {
  const cards = allCards();
  it('covers every reminder kind and command card', () => {
    expect(cards.length).toBe(2 * (reminderKinds.length * 10 + 9));
  });
  it.each(cards)('%s validates', (_name, card) => {
    const { msteams, ...plain } = card;
    expect(msteams).toEqual({ width: 'Full' });
    const ok = validate(plain);
    expect(ok ? [] : validate.errors).toEqual([]);
  });
  it('the validator is not vacuous: a broken card fails', () => {
    const [, c] = cards[0]!;
    const { msteams: _m, ...plain } = c;
    expect(validate({ ...plain, actions: [{ type: 'Action.Execute', verb: 1 }] })).toBe(false);
    expect(validate({ ...plain, bogus: true })).toBe(false);
  });
});

describe('notice cards against the Adaptive Cards 1.5 schema', () => {
  const notices: [string, AdaptiveCard][] = [];
  for (const locale of ['da', 'en'] as const) {
    for (const kind of noticeKinds) {
      for (const variant of ['meeting', 'cancelled', 'forum', 'remarks'] as const) {
        for (const personal of [true, false]) {
          const m = variant === 'cancelled' ? { ...meeting, status: 'cancelled' as const } : variant === 'remarks' ? { ...meeting, status: 'held' as const, remarksUntil: '2026-04-01T14:00:00Z' } : meeting;
          const subject = variant === 'forum' ? { forumName: 'F' } : { forumName: 'F', meeting: m };
          const reminder = {
            key: `notice|${kind}|m:m1|v2`,
            kind,
            forumId: 'f1',
            meetingId: variant === 'forum' ? undefined : 'm1',
            deadline: '2026-03-19T11:00:00Z',
            notice: { at: '2026-03-10T09:00:00Z', version: 2, reason: 'Lokalet er optaget', how: 'explicit', from: { date: '2026-03-18', start: '13:00', end: '15:00' }, handover: { date: '2026-07-01', organisationName: 'Region Midtjylland' }, documents: ['agenda', 'minutes'], via: 'outlook' },
          };
          notices.push([`${kind}/${variant}/${personal ? 'personal' : 'channel'}/${locale}`, noticeCard({ reminder, subject, locale, links: { ...links, webBaseUrl: 'https://samraad.example' }, personal, ...(personal ? {} : { teamsChannelId: '19:c@thread.tacv2' }) })]);
        }
      }
    }
  }
  it.each(notices)('%s validates and names its notice', (_name, card) => {
    const { msteams: _m, ...plain } = card;
    const ok = validate(plain);
    expect(ok ? [] : validate.errors).toEqual([]);
    expect((card.actions ?? []).some((a) => a.id === `open|notice|${String(_name).split('/')[0]}|m:m1|v2`)).toBe(true);
  });
  it('links the documents and says what the notice adds', () => {
    const text = JSON.stringify(notices.find(([n]) => n === 'meeting_moved/meeting/personal/da')![1]);
    expect(text).toContain('https://samraad.example/api/meetings/m1/agenda.docx');
    expect(text).toContain('Lokalet er optaget');
    expect(text).toContain('Tidligere');
  });
});

describe('the secretariat card of a meeting made in Outlook (issue 16)', () => {
  const reminder = { key: 'notice|outlook_meeting_created|m:m1|outlook', kind: 'outlook_meeting_created' as const, forumId: 'f1', meetingId: 'm1', deadline: '2026-03-20T12:00:00Z', notice: { at: '2026-03-10T09:00:00Z', audience: 'secretariat', teamsOnly: true, mailbox: 'nina.hald@midt.rm.dk' } };
  const subject = { forumName: 'Klyngestyregruppe Vest', meeting };
  const plain = (c: AdaptiveCard) => {
    const { msteams: _m, ...rest } = c;
    return rest;
  };
  it('asks to confirm or reject with the forum, date and time, and links the meeting in the tab', () => {
    const c = outlookMeetingCard({ reminder, subject, locale: 'da', links, personal: true });
    expect(validate(plain(c)) ? [] : validate.errors).toEqual([]);
    const text = JSON.stringify(c);
    expect(text).toContain('Nyt møde fra Outlook: Klyngestyregruppe Vest');
    expect(text).toContain('nina.hald@midt.rm.dk');
    expect((c.actions ?? []).map((a) => [a.type, a.title, (a as { verb?: string }).verb])).toEqual([
      ['Action.Execute', 'Bekræft', 'outlook_confirm'],
      ['Action.Execute', 'Afvis', 'outlook_reject'],
      ['Action.OpenUrl', 'Åbn i Samraad', undefined],
    ]);
    expect(String(c.actions!.at(-1)!.url)).toContain(encodeURIComponent('meeting:m1'));
  });
  it("refreshes for its reader while undecided (valid Adaptive Card 1.5), and not once decided", () => {
    const c = outlookMeetingCard({ reminder, subject, locale: 'da', links, personal: true, refreshForUserId: '29:u' });
    expect(validate(plain(c)) ? [] : validate.errors).toEqual([]);
    expect(c.refresh).toMatchObject({ userIds: ['29:u'], action: { type: 'Action.Execute', verb: 'refresh', data: { kind: 'outlook_meeting_created', meetingId: 'm1' } } });
    expect(outlookMeetingCard({ reminder, subject, locale: 'da', links, personal: true, refreshForUserId: '29:u', decided: { confirmation: 'confirmed', byName: 'Ole Bak' } }).refresh).toBeUndefined();
  });
  it.each(['da', 'en'] as const)('after the tap (%s) says who decided and has no buttons', (locale) => {
    const c = outlookMeetingCard({ reminder, subject, locale, links, personal: true, decided: { confirmation: 'rejected', byName: 'Ole Bak' } });
    expect(validate(plain(c)) ? [] : validate.errors).toEqual([]);
    expect(JSON.stringify(c)).toContain(locale === 'da' ? 'Afvist af Ole Bak' : 'Rejected by Ole Bak');
    expect((c.actions ?? []).map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });
});

describe('a reminder whose date comes from a default rule, not the forum\'s stated terms', () => {
  const reminder = { key: 'agenda_due_soon:x', kind: 'agenda_due_soon' as const, forumId: 'f1', meetingId: 'm1', deadline: '2026-03-19T11:00:00Z' };
  const deadlineText = (c: AdaptiveCard) => JSON.stringify(c.body).match(/\*\*(?:Frist|Deadline):\*\* [^"]*/)?.[0];
  it('says "(standardfrist)" / "(default deadline)" after the date on the card, and the card stays valid 1.5', () => {
    for (const [locale, mark] of [['da', '(standardfrist)'], ['en', '(default deadline)']] as const) {
      const c = reminderCard({ reminder, subject: { forumName: 'F', meeting, deadlineFromDefault: true }, locale, links, refreshForUserId: '29:u' });
      expect(deadlineText(c)).toMatch(new RegExp(`\\${mark.slice(0, -1)}\\)$`));
      const { msteams: _m, ...plain } = c;
      expect(validate(plain) ? [] : validate.errors).toEqual([]);
      // Stated by the terms: no mark.
      expect(deadlineText(reminderCard({ reminder, subject: { forumName: 'F', meeting }, locale, links }))).not.toContain(mark);
    }
  });
  it('says so in the e-mail, in Danish and English', () => {
    const mail = reminderMail({ reminder, subject: { forumName: 'F', meeting, deadlineFromDefault: true }, links });
    expect(mail.html).toContain('(standardfrist)');
    expect(mail.html).toContain('(default deadline)');
    const stated = reminderMail({ reminder, subject: { forumName: 'F', meeting }, links });
    expect(stated.html).not.toContain('(standardfrist)');
    expect(stated.html).not.toContain('(default deadline)');
  });
});
