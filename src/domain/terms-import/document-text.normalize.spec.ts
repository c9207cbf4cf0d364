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

// Text extracted from a PDF or a Word file (pdftotext, "Save as text", copy and paste): the noise of
// `npm run eval:import -- --noise` (scripts/extraction-noise.ts), each case written out by hand.
describe('normalizeDocumentText on extracted text', () => {
  const wrapped = [
    'Sundhedsstyregruppen er det øverste administrative organ i sundhedssamarbejdet og',
    'mødes 4 gange om året. Styregruppen består af 7 direktører fra kommunerne, 6',
    'hospitalsledelsesrepræsentanter fra Region Midtjylland og 2 repræsentanter fra',
    'Praktiserende Lægers Organisation. Formandskabet deles mellem regionen og',
    'kommunerne, og sekretariatet varetages af fælles sekretariat for sundhedsaftalen i',
    'Region Midtjylland, som udsender dagsorden senest 8 dage før mødet, godkendt d.',
    '20/1 2020 af Sundhedskoordinationsudvalget.',
  ];
  const paragraph = wrapped.join(' ');

  it('joins a hard-wrapped paragraph, also where a line goes on with a capital or a number', () => {
    expect(normalizeDocumentText(['Kommissorium for Sundhedsstyregruppen', '', ...wrapped, '', 'Medlemmer', '', '- 7 direktører'].join('\n'))).toBe(
      `Kommissorium for Sundhedsstyregruppen\n\n${paragraph}\n\nMedlemmer\n\n- 7 direktører\n`,
    );
  });

  it('leaves lines of their own in a wrapped text: a list without markers, labels, a heading after a sentence, a lead-in with its list', () => {
    const text = [
      ...wrapped,
      'Vidåværkstedet, herunder Nr. 23, Café 9 og Aktivitetshuset og Cafeen – 1 repræsentant',
      'Lærkely bo og beskæftigelse, herunder bofællesskabet og værkstederne – 1 repræsentant',
      '',
      'Formand: Anne Berg, direktør, Hillerød Kommune, Sundheds- og omsorgsforvaltningen',
      'Sekretær: Jonas Friis, specialkonsulent, Hillerød Kommune',
      '',
      'Styregruppen kan nedsætte arbejdsgrupper efter behov og orienterer om dem løbende.',
      'Møder',
      '',
      'Udvalget består af repræsentanter for kommunerne i klyngen og for hospitalet:',
      'Hospitalsenhed Midt',
    ].join('\n');
    const out = normalizeDocumentText(text).split('\n');
    expect(out[0]).toBe(paragraph);
    expect(out.slice(1)).toEqual([
      'Vidåværkstedet, herunder Nr. 23, Café 9 og Aktivitetshuset og Cafeen – 1 repræsentant',
      'Lærkely bo og beskæftigelse, herunder bofællesskabet og værkstederne – 1 repræsentant',
      '',
      'Formand: Anne Berg, direktør, Hillerød Kommune, Sundheds- og omsorgsforvaltningen',
      'Sekretær: Jonas Friis, specialkonsulent, Hillerød Kommune',
      '',
      'Styregruppen kan nedsætte arbejdsgrupper efter behov og orienterer om dem løbende.',
      'Møder',
      '',
      'Udvalget består af repræsentanter for kommunerne i klyngen og for hospitalet:',
      'Hospitalsenhed Midt',
      '',
    ]);
  });

  it('joins a word hyphenated at a wrapped line end and a dash that opens a wrapped line', () => {
    const text = [
      ...wrapped.slice(0, 3),
      'Praktiserende Lægers Organisation. Formandskabet deles mellem regionen og kommu-',
      'nerne, og sekretariatet varetages af fælles sekretariat for sundhedsaftalen, der',
      '– i samråd med formandskabet – udsender dagsorden senest 8 dage før mødet og',
      'referat senest 14 dage efter mødet.',
    ].join('\n');
    expect(normalizeDocumentText(text)).toBe(
      `${wrapped.slice(0, 3).join(' ')} Praktiserende Lægers Organisation. Formandskabet deles mellem regionen og kommunerne, og sekretariatet varetages af fælles sekretariat for sundhedsaftalen, der – i samråd med formandskabet – udsender dagsorden senest 8 dage før mødet og referat senest 14 dage efter mødet.\n`,
    );
  });

  it('keeps the hyphen of a double name broken at a wrapped line end, with no space (Ringkøbing-Skjern)', () => {
    const text = [
      ...wrapped.slice(0, 3),
      'Praktiserende Lægers Organisation. Klyngen omfatter de seks kommuner Ringkøbing-',
      'Skjern, Ikast-Brande, Herning, Holstebro, Lemvig og Struer samt hospitalet og',
      'almen praksis.',
    ].join('\n');
    expect(normalizeDocumentText(text)).toBe(
      `${wrapped.slice(0, 3).join(' ')} Praktiserende Lægers Organisation. Klyngen omfatter de seks kommuner Ringkøbing-Skjern, Ikast-Brande, Herning, Holstebro, Lemvig og Struer samt hospitalet og almen praksis.\n`,
    );
  });

  it('joins a parenthesis and a sentence that closes after a colon onto a full line', () => {
    const text = [
      'Styregruppen for alliancen om den nære psykiatri har fire parter, og den mødes fire gange',
      '',
      ...wrapped,
      '',
      'Lise Holt, formand for de praktiserende læger i Midtjylland og i Region Midtjylland',
      '(PLO)',
      '',
      'Udvalget bliver bindeled mellem de fire nordjyske sundhedsklynger, som udgår fra fire hospitaler:',
      'Aalborg, Hjørring, Hobro og Thisted.',
      '',
    ].join('\n');
    expect(normalizeDocumentText(text)).toBe(
      `Styregruppen for alliancen om den nære psykiatri har fire parter, og den mødes fire gange\n\n${paragraph}\n\nLise Holt, formand for de praktiserende læger i Midtjylland og i Region Midtjylland (PLO)\n\nUdvalget bliver bindeled mellem de fire nordjyske sundhedsklynger, som udgår fra fire hospitaler: Aalborg, Hjørring, Hobro og Thisted.\n`,
    );
  });

  it('reads two or three spaces between words as one (justified text, two after a full stop), a wider gap as it is', () => {
    expect(normalizeDocumentText('Udvalget  består af   5 medlemmer.  Det mødes 4 gange.\nFormand      Anne Berg')).toBe('Udvalget består af 5 medlemmer. Det mødes 4 gange.\nFormand      Anne Berg\n');
  });

  it('takes off a left margin every line shares, keeping deeper indents', () => {
    expect(normalizeDocumentText('    Medlemmer\n\n      • 2 fra regionen\n    Udvalget mødes 4 gange.')).toBe('Medlemmer\n\n  - 2 fra regionen\nUdvalget mødes 4 gange.\n');
  });

  it('leaves a text that is not hard-wrapped as it is', () => {
    const text = 'Kontaktforum for det regionale socialområde\n\nKontaktforum for det regionale socialområde er nedsat pr. 1. januar 2018.\n\nMedlemmer\nJørgen Test, Landsforeningen LEV\nGitte Prøve, Landsforeningen Autisme\n';
    expect(normalizeDocumentText(text)).toBe(text);
  });

  it('drops page furniture (running header, footer date, Side N af M, form feed) and joins a sentence across the page break', () => {
    const page1 = ['Kommissorium for Sundhedsstyregruppen', '', 'Kommissorium for Sundhedsstyregruppen', '', ...wrapped.slice(0, 3)];
    const page2 = ['Kommissorium for Sundhedsstyregruppen', '', ...wrapped.slice(3)];
    const text = [...page1, '', '12.03.2021', 'Side 1 af 2', `\f${page2[0]}`, ...page2.slice(1), '', '12.03.2021', 'Side 2 af 2', ''].join('\n');
    expect(normalizeDocumentText(text)).toBe(`Kommissorium for Sundhedsstyregruppen\n\n${paragraph}\n`);
  });

  it('drops a running header cut short at the top of a one-page text', () => {
    const head = 'Her er en skabelon til et kommissorium for koordinationsgrupper. Den';
    const text = `${head}\n\n${head} kan tilpasses den enkelte gruppe.\n\nKoordinationsgruppen mødes 4 gange om året.\n\n7. december 2026\nSide 1 af 1\n`;
    expect(normalizeDocumentText(text)).toBe(`${head} kan tilpasses den enkelte gruppe.\n\nKoordinationsgruppen mødes 4 gange om året.\n`);
  });

  it('keeps a list without markers whole across a page break, and the first line of a page whose header is a date', () => {
    const text = [
      'Maj 2017',
      '',
      'Medlemmer:',
      '',
      '7 direktører fra kommunerne',
      'Formand for PLO',
      'Koncerndirektør Region Midtjylland (medformand)',
      '',
      '5. november 2016',
      'Side 1 af 2',
      '\fMaj 2017',
      '',
      'Vicedirektør Region Midtjylland, Nære Sundhedstilbud',
      'Sekretærer fra kommuner og region.',
      '',
      '5. november 2016',
      'Side 2 af 2',
    ].join('\n');
    expect(normalizeDocumentText(text)).toBe(
      'Maj 2017\n\nMedlemmer:\n\n7 direktører fra kommunerne\nFormand for PLO\nKoncerndirektør Region Midtjylland (medformand)\nVicedirektør Region Midtjylland, Nære Sundhedstilbud\nSekretærer fra kommuner og region.\n',
    );
  });

  it('reads bullets as Word and PDFs write them: -, – and o with a tab, , runs of 1) and a., a lone item with a tab', () => {
    const text = 'Medlemmer:\n-\t2 fra regionen\no\t2 fra kommunerne\n\uF0B7 1 fra PLO\n\nOpgaver:\n1) at koordinere\n2) at følge op\n\nMøder:\na. fire gange årligt\nb. ad hoc\n\nSekretariat:\n1)\tRegion Midtjylland\n\n– første punkt\n– andet punkt\n';
    expect(normalizeDocumentText(text)).toBe(
      'Medlemmer:\n- 2 fra regionen\n- 2 fra kommunerne\n- 1 fra PLO\n\nOpgaver:\n- at koordinere\n- at følge op\n\nMøder:\n- fire gange årligt\n- ad hoc\n\nSekretariat:\n- Region Midtjylland\n\n- første punkt\n- andet punkt\n',
    );
  });

  it('leaves numbered sections and a lone numbered line alone', () => {
    const text = '1. Indledning\n\nUdvalget mødes 4 gange.\n\n2. Medlemmer\n\n3) Se også bilaget.\n';
    expect(normalizeDocumentText(text)).toBe(text);
  });

  it('writes a heading in capitals as the document writes its words elsewhere', () => {
    const text = [
      'FORRETNINGSORDEN FOR HANDICAPRÅDET I REGION SYDDANMARK',
      '',
      'VEDTAGET AF HANDICAPRÅDET 7. NOVEMBER 2018',
      '',
      'Forretningsorden for Handicaprådet er fastsat af rådet selv, og Handicaprådet mødes 4 gange om året i Region Syddanmark.',
      '',
      '9 REGIONSRÅDSMEDLEMMER:',
      '',
      'PRAKTISERENDE LÆGERS ORGANISATION (PLO)',
      '',
      'PLO',
      '',
      '§ 3 MØDER',
      '',
      'ROLLER I FOKUSGRUPPEN SUNDHED OG BESKÆFTIGELSE',
      '',
      'Fokusgruppen Sundhed og Beskæftigelse mødes i fokusgruppen og i klyngen.',
      '',
      'VEDTAGET D. 3. MAJ 2017',
    ].join('\n');
    expect(normalizeDocumentText(text).split('\n').filter(Boolean)).toEqual([
      'Forretningsorden for Handicaprådet i Region Syddanmark',
      'Vedtaget af Handicaprådet 7. november 2018',
      'Forretningsorden for Handicaprådet er fastsat af rådet selv, og Handicaprådet mødes 4 gange om året i Region Syddanmark.',
      '9 regionsrådsmedlemmer:',
      'Praktiserende Lægers Organisation (PLO)',
      'PLO',
      '§ 3 Møder',
      'Roller i Fokusgruppen Sundhed og Beskæftigelse',
      'Fokusgruppen Sundhed og Beskæftigelse mødes i fokusgruppen og i klyngen.',
      'Vedtaget d. 3. maj 2017',
    ]);
  });
});

describe('normalizeDocumentText on Markdown (GitHub pages, wiki exports)', () => {
  it('reads a Markdown table as tab-separated rows and drops the row of dashes; pipes without a separator row stay', () => {
    const md = 'Intro\n\n| Aktør | Rolle og ansvar |\n| --- | --- |\n| Styregruppen | Har ansvaret. |\n| Koordinationsgruppen | Samler behov. |\n\nEfter tabellen.';
    expect(normalizeDocumentText(md)).toBe('Intro\n\nAktør\tRolle og ansvar\nStyregruppen\tHar ansvaret.\nKoordinationsgruppen\tSamler behov.\n\nEfter tabellen.\n');
    expect(normalizeDocumentText('| a | b |\nog så videre')).toBe('| a | b |\nog så videre\n');
  });
});
