import { describe, expect, it } from '@jest/globals';
import { normalizeDocumentText } from './document-text.normalize.js';

describe('normalizeDocumentText', () => {
  it('keeps a table row on its line and gives each cell paragraph and list item its own line', () => {
    const raw = 'Opgaver\t<p><i>At forestå:</i></p> <ul style="list-style-type: none"> - Første opgave - Kvalitets- og metodeudvikling</ul>\r\nFormål\t<p>Et</p> <p>To</p>';
    expect(normalizeDocumentText(raw)).toBe('Opgaver\tAt forestå:\n- Første opgave\n- Kvalitets- og metodeudvikling\nFormål\tEt\nTo\n');
  });

  it('unifies bullets, odd spaces and entities', () => {
    expect(normalizeDocumentText('• 2 repræsentanter\u00A0fra hver kommune\n\uF0B7 Formand for PLO &amp; næstformand')).toBe(
      '- 2 repræsentanter fra hver kommune\n- Formand for PLO & næstformand\n',
    );
  });
});
