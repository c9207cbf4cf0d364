/** The standard agenda items in English: by their key, the stored Danish title unchanged. */
import { describe, expect, it } from '@jest/globals';
import { itemTitle, standardItemTitles } from './item-title.js';

describe('an agenda item title as shown', () => {
  it('shows the standard items by their key in English, as stored in Danish', () => {
    expect(itemTitle({ title: 'Velkommen', fixed: 'welcome' }, 'en')).toBe('Welcome');
    expect(itemTitle({ title: 'Næste møde', fixed: 'next_meeting' }, 'en')).toBe('Next meeting');
    expect(itemTitle({ title: 'Eventuelt', fixed: 'any_other_business' }, 'en')).toBe('Any other business');
    expect(itemTitle({ title: 'Eventuelt', fixed: 'any_other_business' }, 'da')).toBe('Eventuelt');
  });

  it('never translates an ordinary item, even one typed with a standard title; keeps a changed standard title', () => {
    expect(itemTitle({ title: 'Eventuelt' }, 'en')).toBe('Eventuelt');
    expect(itemTitle({ title: 'Status på sundhedsaftalen' }, 'en')).toBe('Status på sundhedsaftalen');
    expect(itemTitle({ title: 'Næste møde: 15. juni i Viborg', fixed: 'next_meeting' }, 'en')).toBe('Next meeting (Næste møde: 15. juni i Viborg)');
  });

  it('shows the usual other Danish wordings of a standard item as the plain English name, not "Welcome (Velkomst)"', () => {
    expect(itemTitle({ title: 'Velkomst', fixed: 'welcome' }, 'en')).toBe('Welcome');
    expect(itemTitle({ title: 'Evt.', fixed: 'any_other_business' }, 'en')).toBe('Any other business');
    expect(itemTitle({ title: ' Kommende  møder ', fixed: 'next_meeting' }, 'en')).toBe('Next meeting');
    expect(itemTitle({ title: 'Velkomst', fixed: 'welcome' }, 'da')).toBe('Velkomst');
    expect(itemTitle({ title: 'Velkomst' }, 'en')).toBe('Velkomst');
  });

  it('names every standard item the model allows, in Danish and English', () => {
    expect(Object.keys(standardItemTitles).sort()).toEqual(['any_other_business', 'next_meeting', 'welcome']);
    for (const t of Object.values(standardItemTitles)) expect(t.da && t.en && t.da !== t.en).toBeTruthy();
  });
});
