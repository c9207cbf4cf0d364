import { describe, expect, it } from '@jest/globals';
import mammoth from 'mammoth';
import { renderMeetingDocuments } from '../../src/adapters/documents/meeting-documents.renderer.js';
import { items, minutesInput } from './meeting.fixture.js';

describe('renderMeetingDocuments', () => {
  it('renders DOCX and HTML from one view and flags nothing in clean minutes', async () => {
    const out = await renderMeetingDocuments(minutesInput(), { fragment: true });
    expect(out.personalData).toEqual([]);
    expect(out.html).toContain(out.view.items[7]!.timeText);
    const { value } = await mammoth.extractRawText({ buffer: out.docx });
    expect(value).toContain(out.view.subject);
  });

  it('flags a CPR number in a decision of the minutes, but not in an agenda where decisions are not shown', async () => {
    const leaky = items.map((i) => (i.id === 'item-4' ? { ...i, decision: 'Sagen om borgeren Hans Jensen, 010203-1234, blev drøftet.' } : i));
    const minutes = await renderMeetingDocuments(minutesInput({ items: leaky }));
    expect(minutes.personalData.map((f) => [f.itemId, f.field, f.kind, f.match])).toEqual([
      ['item-4', 'decision', 'person_hint', 'Hans Jensen'],
      ['item-4', 'decision', 'cpr', '010203-1234'],
    ]);
    const agenda = await renderMeetingDocuments(minutesInput({ items: leaky, kind: 'agenda' }));
    expect(agenda.personalData).toEqual([]);
  });
});
