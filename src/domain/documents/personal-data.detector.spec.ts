import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cprCentury, detectPersonalData, looksLikeCpr, redact, scanMeetingTexts } from './personal-data.detector.js';

const kinds = (text: string) => detectPersonalData(text).map((f) => [f.kind, f.match]);

describe('CPR numbers', () => {
  it('finds both written forms with a valid date, with exact spans', () => {
    const text = 'Borgers CPR 010203-1234 og 2912001235 nævnt.';
    const f = detectPersonalData(text).filter((x) => x.kind === 'cpr');
    expect(f.map((x) => x.match)).toEqual(['010203-1234', '2912001235']);
    for (const x of f) expect(text.slice(x.start, x.end)).toBe(x.match);
    expect(f[0]!.confidence).toBe('high');
  });

  it('does not require modulus 11 (numbers since 2007 may fail it)', () => {
    // 010203-1234: weights 4,3,2,7,6,5,4,3,2,1 give 0+3+0+14+0+15+4+6+6+4 = 52, not divisible by 11.
    expect(looksLikeCpr('010203-1234')).toBe(true);
  });

  it('rejects impossible dates, using the 7th digit for the century', () => {
    expect(looksLikeCpr('320101-1234')).toBe(false); // day 32
    expect(looksLikeCpr('011301-1234')).toBe(false); // month 13
    expect(looksLikeCpr('290200-4000')).toBe(true); // 7th digit 4, yy 00 -> 2000, a leap year
    expect(looksLikeCpr('290200-5000')).toBe(true); // 7th digit 5, yy 00 -> 2000
    expect(looksLikeCpr('290200-0000')).toBe(false); // 7th digit 0 -> 1900, not a leap year
    expect(looksLikeCpr('290258-5000')).toBe(false); // 7th digit 5, yy 58 -> 1858, not a leap year
    expect(looksLikeCpr('290260-5000')).toBe(true); // 7th digit 5, yy 60 -> 1860, a leap year
    expect(cprCentury(37, 4)).toBe(1937);
    expect(cprCentury(36, 9)).toBe(2036);
    expect(cprCentury(58, 6)).toBe(1858);
  });

  it('ignores longer numbers, account numbers and decimals', () => {
    expect(kinds('Konto 12345010203123456 og 0102031234567')).toEqual([]);
    expect(kinds('Budget 0102031234,50 kr.')).toEqual([]);
    expect(kinds('Sag 2020-010203-1234')).toEqual([]);
  });

  it('finds every valid CPR number wherever it stands in text (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        fc.constantFrom('', 'Notat: ', 'cpr ', '(', 'nr. '),
        (d, seventh, rest, dash, prefix) => {
          const p = (n: number) => String(n).padStart(2, '0');
          const cpr = `${p(d.getUTCDate())}${p(d.getUTCMonth() + 1)}${p(d.getUTCFullYear() % 100)}${dash ? '-' : ''}${seventh}${String(rest).padStart(3, '0')}`;
          const found = detectPersonalData(`${prefix}${cpr} er nævnt.`).filter((f) => f.kind === 'cpr');
          expect(found.map((f) => f.match)).toEqual([cpr]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('phone numbers', () => {
  it('finds Danish numbers as people write them', () => {
    expect(kinds('Ring 12 34 56 78, +45 7843 8700 eller 0045 12345678.').map(([, m]) => m)).toEqual(['12 34 56 78', '+45 7843 8700', '0045 12345678']);
  });
  it('does not call a year range, a sum or a date a phone number', () => {
    expect(kinds('Sundhedsaftalen 2019-2023 koster 1.234.567 kr. Mødet 06.05.2020.')).toEqual([]);
  });
});

describe('citizen hints', () => {
  it('flags a name next to borger / patient, before or after', () => {
    expect(kinds('Sagen om borgeren Hans Jensen blev drøftet.')).toEqual([['person_hint', 'Hans Jensen']]);
    expect(kinds('Patienten, Anna K. Holm, blev udskrevet.')).toEqual([['person_hint', 'Anna K. Holm']]);
    expect(kinds('Karen Ørsted-Ravn (pårørende) ringede.')).toEqual([['person_hint', 'Karen Ørsted-Ravn']]);
    expect(kinds('En borger ved navn Ib Ås klagede.')).toEqual([['person_hint', 'Ib Ås']]);
  });
  it('stays quiet about borgere and patienter in general', () => {
    expect(kinds('Borgerne skal have et sammenhængende forløb, og patienter med KOL tilbydes rehabilitering.')).toEqual([]);
    expect(kinds('Patientforløb i Vestklyngen drøftes.')).toEqual([]);
  });
});

describe('redact and scan', () => {
  it('replaces confirmed spans and keeps the rest', () => {
    const text = 'Borgeren Hans Jensen, cpr 010203-1234, tlf. 12 34 56 78.';
    expect(redact(text, detectPersonalData(text))).toBe('Borgeren [skjult], cpr [skjult], tlf. [skjult].');
  });
  it('points each finding at its item and field', () => {
    const out = scanMeetingTexts(
      [{ id: 'i1', title: 'Ok', background: 'x', recommendations: ['At patienten Bo Ek visiteres'], decision: 'cpr 010203-1234', attachments: [{ fileName: '010203-1234.pdf' }] }],
      [{ id: 't1', title: 'Ring til borgeren Ole Lund', description: 'tlf. 12345678', sourceItemId: 'i1' }],
    );
    expect(out.map((f) => [f.itemId, f.field, f.kind])).toEqual([
      ['i1', 'recommendations.0', 'person_hint'],
      ['i1', 'decision', 'cpr'],
      ['i1', 'attachments.0.fileName', 'cpr'],
      ['i1', 'tasks.t1.title', 'person_hint'],
      ['i1', 'tasks.t1.description', 'phone'],
    ]);
  });
});
