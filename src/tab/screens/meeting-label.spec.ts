/** A meeting's kind and title are not said twice ("Ekstraordinært møde: Ekstraordinært møde om …"). */
import { describe, expect, it } from '@jest/globals';
import { kindAndTitle, meetingListLabel, minutesStateLabel } from './meeting-label.js';
import { texts } from '../i18n.js';

describe('a meeting\'s label', () => {
  it('shows a title that begins with the kind alone', () => {
    expect(meetingListLabel('Ekstraordinært møde', 'Ekstraordinært møde om rygestopforløb')).toBe('Ekstraordinært møde om rygestopforløb');
    expect(meetingListLabel('Extraordinary meeting', 'Ekstraordinært møde om rygestopforløb', ['Ekstraordinært møde'])).toBe('Ekstraordinært møde om rygestopforløb');
  });
  it('puts the kind before a title that says something else, and shows the kind alone for a title that only repeats it', () => {
    expect(meetingListLabel('Temadag', 'Sammenhæng for børn med kroniske sygdomme')).toBe('Temadag: Sammenhæng for børn med kroniske sygdomme');
    expect(meetingListLabel('Fællesmøde', 'fællesmøde')).toBe('Fællesmøde');
    expect(meetingListLabel('Temadag', null)).toBe('Temadag');
    expect(kindAndTitle('Temadag', 'Temadagen om demens')).toEqual({ kind: 'Temadag', title: 'Temadagen om demens' });
  });
});

describe("the minutes' state in a meeting's header", () => {
  it('says "not started" before the meeting begins, not "draft"; the draft shows once it has begun', () => {
    expect(minutesStateLabel({ started: false, minutes: { status: 'draft' } }, texts.da.m)).toBe('Ikke påbegyndt');
    expect(minutesStateLabel({ started: false, minutes: { status: 'draft' } }, texts.en.m)).toBe('Not started');
    expect(minutesStateLabel({ started: true, minutes: { status: 'draft' } }, texts.da.m)).toBe('Kladde');
    expect(minutesStateLabel({ started: true, minutes: { status: 'published' } }, texts.en.m)).toBe('Published');
    // Minutes already sent are named as they are, whatever the clock says.
    expect(minutesStateLabel({ started: false, minutes: { status: 'sent_for_remarks' } }, texts.da.m)).toBe('Sendt til bemærkninger');
  });
});
