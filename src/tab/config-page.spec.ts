import { describe, it, expect } from '@jest/globals';
import { forumTabConfig } from './config-page.js';

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
