import { describe, it, expect } from '@jest/globals';
import { forumTabConfig, meetingChoices, meetingTabConfig } from './config-page.js';

describe('forumTabConfig', () => {
  it('points the channel tab at the forum page on the same origin', () => {
    expect(forumTabConfig('https://samraad.example.dk/', { id: 'f 1', name: 'Klyngestyregruppen' })).toEqual({
      entityId: 'forum:f 1',
      contentUrl: 'https://samraad.example.dk/#/forums/f%201',
      websiteUrl: 'https://samraad.example.dk/#/forums/f%201',
      suggestedDisplayName: 'Klyngestyregruppen',
    });
  });

  it('shortens long forum names for the tab title', () => {
    const c = forumTabConfig('https://x', { id: '1', name: 'Den administrative styregruppe for sundhedsaftalen i Region Midtjylland' });
    expect(c.suggestedDisplayName.length).toBeLessThanOrEqual(30);
    expect(c.suggestedDisplayName.endsWith('…')).toBe(true);
  });
});

describe('the tab added to a Teams meeting', () => {
  it('points the meeting tab (chat, details, side panel, stage) at the Samraad meeting', () => {
    expect(meetingTabConfig('https://samraad.example.dk/', { id: 'mtg 1', name: 'x' })).toEqual({
      entityId: 'meeting:mtg 1',
      contentUrl: 'https://samraad.example.dk/#/meetings/mtg%201',
      websiteUrl: 'https://samraad.example.dk/#/meetings/mtg%201',
      suggestedDisplayName: 'Samraad',
    });
  });

  it('offers my next meetings by forum, date and time', () => {
    expect(meetingChoices({ nextMeetings: [{ meeting: { id: 'mtg-midt-ksg-2027-1', date: '2027-02-11', start: '13:00' }, forum: { name: 'Klyngestyregruppe for Midtklyngen' } }] }))
      .toEqual([{ id: 'mtg-midt-ksg-2027-1', name: 'Klyngestyregruppe for Midtklyngen, 11. februar 2027 kl. 13:00' }]);
    expect(meetingChoices({})).toEqual([]);
  });
});
