/**
 * Sentence rules for Danish terms of reference. Each rule reads one sentence (or
 * one clause of it) and returns findings with offsets relative to that sentence.
 * The rules name phrasings of the language ("2-4 møder årligt", "Fire gange om
 * året", "senest 2 uger før", "5 hverdage inden mødet", "for 2 år ad gangen",
 * "½ års forskydning"), never a particular document.
 */
import type { ChairSide, LeadTime, OrganisationKind } from '../registry/registry.model.js';
import {
  allSectors,
  B,
  DATE,
  E,
  firstSector,
  holderSector,
  kindAtStart,
  kindMentions,
  NUM,
  parseDanishDate,
  parseNumber,
  sideOf,
  type SectionKind,
} from './terms-import.lexicon.js';
import type { ListPath, ScalarPath, SeatDraft } from './terms-import.model.js';
import { namedListSeatCounts, namedListSeats, namedPersons, personSector, sideListSeats } from './terms-import.members.js';

export type RawFinding = {
  path?: ScalarPath;
  list?: ListPath;
  value: unknown;
  start: number;
  end: number;
  confidence: number;
  inferred?: boolean;
};

/**
 * previous: the sentence before this one in its paragraph, for a pronoun that points back to it; preceding: all of the paragraph
 * before it; following: all of the paragraph after it (a rhythm's exception told in the next sentence).
 */
export type RuleContext = { section: SectionKind | 'intro'; forumKind: string; forumName?: string; previous?: string; preceding?: string; following?: string };

const ABBREVIATIONS = /(?:^|\s)(?:ca|hhv|bl\.a|jf|mv|d|dvs|fx|evt|inkl|pkt|nr|kl|vedr|f\.eks|m\.fl|osv|ift|iht|mht)\.$/i;

const MAX_SENTENCE = 1000;

/** Sentences of one line, with offsets; abbreviations ("ca.", "d. 3. maj", "hhv.") do not end a sentence. */
export function splitSentences(line: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  // "består af 7-8 medlemmer. 2-3 udpeges af ...": a sentence may open with a count, after a word (not after "4." of a date).
  const re = /(?<=[.!?])(\s+)(?=[\p{Lu}])|(?<=[\p{L})][.!?])(\s+)(?=\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s+[\p{Ll}])/gu;
  for (const m of line.matchAll(re)) {
    const endOfSentence = m.index;
    if (ABBREVIATIONS.test(line.slice(start, endOfSentence))) continue;
    push(start, endOfSentence);
    start = endOfSentence + m[0].length;
  }
  push(start, line.length);
  return out;
  function push(a: number, b: number) {
    // Real sentences are short; a run-on "sentence" (a pasted table, a file without full stops)
    // is cut at word boundaries so that no rule ever scans more than MAX_SENTENCE characters.
    while (b - a > MAX_SENTENCE) {
      const cut = line.lastIndexOf(' ', a + MAX_SENTENCE);
      const end = cut > a ? cut : a + MAX_SENTENCE;
      push(a, end);
      a = end;
    }
    const raw = line.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ start: a + lead, text });
  }
}

/** Clauses of a sentence, so "punkter senest 3 uger før, og dagsordenen 2 uger før" gives two lead times. */
function clauses(s: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  // "..., så vidt muligt senest 14 dage efter mødet": "så vidt muligt" qualifies the clause it is in, it starts none.
  for (const m of s.matchAll(/,\s+(?:og|mens|hvorefter|hvor|så(?!\s+vidt\s))\s+|;\s*/g)) {
    out.push({ start, text: s.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: s.slice(start) });
  return out;
}

const UNIT = String.raw`(kalenderdage|dage|døgn|ugers|uger|uge|hverdage|arbejdsdage)`;
// "senest 2 uger", "5 hverdage", "fem til syv kalenderdage" (a range counts from its first number), "3 ugers varsel".
const LEAD = String.raw`${B}(?:(?:senest|mindst|minimum|ca\.|inden|med\s+en\s+frist\s+på(?:\s+mindst)?)\s+)?${NUM}(?:\s*(?:-|–|til)\s*${NUM})?\s+${UNIT}${E}`;

/** The groups of a LEAD match: the first number and the unit (a range's second number is skipped). */
function leadOf(m: RegExpExecArray, from = 1): LeadTime | undefined {
  return leadTime(m[from]!, m[from + 2]!);
}

function leadTime(num: string, unit: string): LeadTime | undefined {
  const amount = parseNumber(num);
  if (amount === undefined) return undefined;
  const u = unit.toLowerCase();
  if (u.startsWith('uge')) return { amount, unit: 'weeks' };
  if (u === 'hverdage' || u === 'arbejdsdage') return { amount, unit: 'working_days' };
  return { amount, unit: 'calendar_days' };
}

// "refererer til hospitalsdirektionen", "Koncerndirektionen": a board of directors is a body a forum answers to.
const FORUM_WORD = String.raw`[\p{L}-]*(?:grupp|udvalg|forum|fora|råd|sekretariat|formand(?:s)?skab|bestyrels|direktion)\p{L}*`;
/** A forum's name as written after "til", "med", "i": "Klyngestyregruppen i Vestklyngen". */
// "X og evaluerer sit arbejde", "X og afrapporterer løbende": "og" (or "samt") then a present-tense verb of the subject, with
// its object or adverb, ends a forum's name; "Styregruppen for Sundhed og Omsorg", "for borgere og pårørende" do not.
const VERB_CLAUSE_AFTER_NAME = /\s+(?:og|samt)\s+(?:(?:evaluer|afrapporter|rapporter|drøft|koordiner|godkend|arbejd|følg|sikr|udarbejd|orienter|beslut)\p{Ll}*|\p{Ll}+er\s+(?:sit|sine|sin|sig|løbende|årligt|jævnligt|regelmæssigt|desuden|også))(?![\p{L}]).*$/u;
const FORUM_PHRASE = String.raw`((?:[\p{Lu}][\p{L}-]*(?:['’]s)?\s+){0,2}${FORUM_WORD}(?:\s+[\p{Lu}][\p{L}-]*)*(?:\s+(?:i|for)\s+(?!(?:forhold|regi|henhold|øvrigt|det|den|de|at)${E})[\p{L}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*(?:\s+(?:og|samt)(?:\s+[\p{L}-]+){1,3})?)?)`;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FORUM_WORD_RE = new RegExp(`^${FORUM_WORD}$`, 'iu');
const NOT_A_NAME_WORD = new Set(['forhold', 'regi', 'henhold', 'øvrigt', 'det', 'den', 'de', 'at']);
const isUpper = (w: string) => /^[\p{Lu}]/u.test(w);

/**
 * The forum name inside a captured phrase. The phrase regexes run case-insensitively
 * (so [\p{Lu}] there also matches lower case); here capitalisation decides:
 * "de øvrige arbejdsgrupper" -> "arbejdsgrupper", "Driftsforum for psykiatri samme dag" -> "Driftsforum for psykiatri".
 */
function forumNameIn(phrase: string): { name: string; offset: number } {
  const words = [...phrase.matchAll(/\S+/g)].map((m) => ({ w: m[0], i: m.index }));
  const k = words.findIndex((x) => FORUM_WORD_RE.test(x.w));
  if (k < 0) return { name: phrase, offset: 0 };
  let first = k;
  while (first > 0 && isUpper(words[first - 1]!.w)) first--;
  // "Det administrative kontaktforum", "Den tværsektorielle styregruppe": a capitalised article inside a sentence and its
  // adjectives (in -e) before the kind word open a proper name.
  if (first === k && k >= 2 && /^(?:Det|Den)$/u.test(words[k - 2]!.w) && /^\p{Ll}+e$/u.test(words[k - 1]!.w)) first = k - 2;
  let last = k;
  while (last + 1 < words.length && isUpper(words[last + 1]!.w)) last++;
  const q = words[last + 1];
  const nxt = words[last + 2];
  // "i Vestklyngen" (a place: capitalised), "for psykiatri" / "for Rehabilitering" (a subject).
  if (q && nxt && ((q.w === 'i' && isUpper(nxt.w)) || (q.w === 'for' && !NOT_A_NAME_WORD.has(nxt.w.toLowerCase())))) {
    last += 2;
    while (last + 1 < words.length && isUpper(words[last + 1]!.w)) last++;
    // "for IT og digitale arbejdsgange", "for børn og unge", but not "for IT og ophører ...":
    // a Danish verb in the present tense ends in -r.
    if (q.w === 'for' && /^(?:og|samt)$/.test(words[last + 1]?.w ?? '')) {
      let k = last + 2;
      while (k < words.length && k <= last + 4 && /^[\p{Ll}-]+$/u.test(words[k]!.w) && !/r$/.test(words[k]!.w) && !FUNCTION_WORDS.has(words[k]!.w)) k++;
      if (k > last + 2) last = k - 1;
    }
  }
  const start = words[first]!.i;
  const end = words[last]!.i + words[last]!.w.length;
  return { name: phrase.slice(start, end), offset: start };
}
const nameOf = (phrase: string) => capitalise(forumNameIn(phrase).name);

/**
 * "Herudover mødes styregruppen efter behov", "Ved behov mødes forummet": this forum (a bare kind word or its own kind word) after
 * the verb, meeting as needed besides; "Derudover afholdes der møder ad hoc". Another forum named there ("Herudover mødes
 * arbejdsgruppen efter behov" in a steering group's terms) is not this one.
 */
function besidesAsNeeded(cl: string, ctx: RuleContext): RegExpExecArray | null {
  const NEED = String.raw`(?:ad[- ]?hoc|efter\s+behov|ved\s+behov)`;
  const m =
    new RegExp(`(?:^|,\\s*)(?:herudover|derudover|desuden|endvidere|i\\s+øvrigt|og)\\s+mødes\\s+([\\p{L}-]+)\\s+(?:også\\s+|tillige\\s+)?${NEED}(?![\\p{L}])`, 'iu').exec(cl) ??
    new RegExp(`(?:^|,\\s*)(?:efter|ved)\\s+behov\\s+mødes\\s+([\\p{L}-]+)(?![\\p{L}])`, 'iu').exec(cl) ??
    new RegExp(`(?:^|,\\s*)(?:herudover|derudover|desuden|endvidere)\\s+(?:af)?holdes\\s+(?:der\\s+)?(?:(?:ekstra|yderligere|flere)\\s+)?møder\\s+${NEED}(?![\\p{L}])`, 'iu').exec(cl);
  if (!m) return null;
  const subject = m[1];
  return subject === undefined || isThisForumWord(subject, ctx) ? m : null;
}

export function sentenceRules(s: string, ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  // "Fokusgrupperne mødes 4 gange årligt" inside a klyngestyregruppe's text is about the fokusgrupper:
  // a sentence whose subject is another standing forum says nothing about this one.
  const lead = kindMentions(s)[0];
  if (lead && lead.index === 0 && lead.kind.standing && lead.kind.slug !== ctx.forumKind) return parentBySetUp(s, ctx);
  const add = (path: ScalarPath, value: unknown, start: number, end: number, confidence: number, inferred = false) =>
    out.push({ path, value, start, end, confidence, ...(inferred ? { inferred: true } : {}) });
  const lower = s.toLowerCase();
  const mentionsChair = /formand(?:s)?skab|formand(?:s)?skabet/i.test(s) || ctx.section === 'chair' || ctx.section === 'chair_secretariat';
  const aboutSelfChair = ctx.forumKind === 'formandskab';
  const aboutSelfSecretariat = ctx.forumKind === 'faelles_sekretariat';

  for (const c of clauses(s)) {
    const cl = c.text;
    const at = (m: RegExpExecArray, group = 0) => {
      const g = m[group] ?? m[0];
      const off = group === 0 ? m.index : m.index + m[0].indexOf(g);
      return [c.start + off, c.start + off + g.length] as const;
    };

    // Deadlines.
    // Each lead time belongs to the words before it since the previous one: "Der udsendes dagsorden
    // 1 uge før mødet og punkter til dagsordenen skal fremsendes minimum 2 uger før" gives two rules.
    let prevEnd = 0;
    // "senest 4 hverdage (inklusive lørdag) inden": a note in brackets may stand between the lead time and its direction.
    // "senest 10 dage, inden mødets afholdelse": a comma may stand before the direction.
    for (const before of cl.matchAll(new RegExp(`${LEAD}(?:\\s*\\([^)]{0,40}\\))?(?:\\s+|,\\s+(?=(?:før|inden)\\s+mød))(?:før|forud\\s+for|inden|forinden)`, 'giu'))) {
      const own = cl.slice(prevEnd, before.index + before[0].length);
      // "Dagsordenen udarbejdes af formanden, og udsendes senest 2 uger før": the subject is in an earlier clause.
      // "Dagsordenen udarbejdes af ... . Sekretariatet sender den ud senest 5 dage før mødet": "den" is the agenda the sentence
      // before opened with.
      const pronounAgenda = !/dagsorden|punkt|forslag|sag|referat|indkald/i.test(s.slice(0, c.start) + own) && /(?:^|\s)(?:sender|udsender|fremsender)\s+den\s+(?:ud\s+)?(?:til\s+\p{L}+\s+)?(?:senest|mindst|\d)|^(?:den|denne)\s+(?:ud|frem)?sendes[\s,]/iu.test(own) && (/^(?:den\s+)?dagsorden(?:en)?\s/iu.test(ctx.previous ?? '') || /(?:udarbejder|udfærdiger|laver|skriver)\s+(?:[\p{L}-]+\s+){0,6}dagsorden(?:en)?(?:\s+til\s+(?:de\s+)?møde(?:r|rne|t)?)?\.?\s*$/iu.test(ctx.previous ?? ''));
      const ctxText = pronounAgenda ? `dagsordenen ${own}` : /dagsorden|punkt|forslag|sag|referat|indkald/i.test(own) ? own : s.slice(0, c.start) + own;
      prevEnd = before.index + before[0].length;
      // "indsender medlemmerne senest 14 dage før mødet en skriftlig orientering om punkter": the subject may follow the lead time.
      const next = cl.slice(before.index + before[0].length).split(new RegExp(`${LEAD}|[;]`, 'iu'))[0]!;
      // "Kommunen sender dagsordenspunkter til ...": the compound names items too, also as often spelt without a linking s
      // ("Dagordenspunkter skal afleveres senest 3 uger før", "dagsordenpunkter").
      const itemWord = /(?:^|\s)(?:punkter|punkt|forslag|emner|sager|sag|dags?ordens?punkter|dags?ordens?punkt)(?:\s|$|[.,])/i;
      // "kan indtil to uger før mødet sende punkter til dagsordenen": items sent to the agenda are items, not the agenda.
      // "har indgivet anmodning om behandling af en sag, sætter formanden sagen på dagsordenen": a matter asked to be put on the agenda.
      const itemsToAgenda = /(?:^|\s)(?:punkter|punkt|punktet|forslag|forslagene|emner|sager|sagen)\s+(?:til|på)\s+dagsorden|anmod(?:ning|et|er)\s+(?:\p{L}+\s+){0,6}om\s+(?:at\s+få\s+)?(?:behandling|optagelse)\s+af/iu.test(next);
      const isItems = (itemWord.test(ctxText) || (!/dagsorden|referat|indkald/i.test(ctxText) && itemWord.test(next) && (!/dagsorden|referat/i.test(next) || itemsToAgenda))) && !/indkald/i.test(ctxText);
      const lt = leadOf(before as RegExpExecArray);
      const span = [c.start + before.index, c.start + before.index + before[0].length] as const;
      // "Forslag til dagsorden for et ordinært møde skal være udsendt til Ældrerådets medlemmer 5 hverdage før": the proposed
      // agenda sent out to the members is the agenda they meet on (it is approved at the meeting), not items proposed to it.
      const draftToMembers =
        (/(?:forslag|udkast)\s+til\s+dagsorden\p{L}*\s+[^.;]{0,80}?(?:udsendt|udsendes|tilsendt|tilsendes|sendes\s+ud|sendt\s+ud)\s+til\s+(?:[\p{L}-]+\s+){0,2}medlemmer/iu.test(own) ||
          // "Senest 7 dage før mødet udsender formanden forslag til dagsorden med de bilag, der er klar": the draft agenda sent out.
          /^\s*\p{L}*\s*(?:udsender|fremsender|tilsender|sender)\s+(?:[\p{L}-]+\s+){0,2}(?:forslag|udkast)\s+til\s+dagsorden(?![\p{L}])/iu.test(next) ||
          // "Formanden udsender forslag med evt. bilag til dagsorden senest 1 uge før mødets afholdelse": the chair (or the
          // secretary) sends the draft agenda out, its papers named between; members' proposals are sent in, not out.
          /(?:^|\s)(?:formand(?:en)?|næstformand(?:en)?|sekretær(?:en)?|sekretariat(?:et)?|forvaltning(?:en)?)\s+udsender\s+(?:et\s+|en\s+)?(?:forslag|udkast)\s+(?:(?:med|og)\s+(?:[\p{L}.-]+\s+){1,3}?)?til\s+dagsorden(?![\p{L}])/iu.test(own)) &&
        !/ekstraordinær/i.test(own);
      // "Senest 14 dage før mødet skriver formanden rundt og efterlyser forslag til dagsordenspunkter": a call for items is neither.
      const callForItems = /(?:efterlyser|efterlyses|opfordrer\s+til|beder\s+om)\s+(?:\p{L}+\s+){0,2}(?:forslag|punkter|emner|dagsordenspunkter)/iu.test(next);
      if (lt && callForItems) continue;
      // "Punkter ... kan optages op til to dage før udsendelse": a time counted from the agenda's sending, not from the meeting.
      if (lt && /^\s*(?:(?:dagsordenens\s+)?udsendelse(?:n)?|(?:dagsordenen\s+)?(?:udsendes|sendes\s+ud))(?![\p{L}])/iu.test(next)) continue;
      if (lt && draftToMembers) add('deadlines.agendaLead', lt, ...span, 0.8);
      // "Punkter til dagsorden skal oprettes senest 14 dage før mødet. Rådsmedlemmers ønsker om punkter ... senest 3 uger før
      // mødet": the members' own deadline is the one they keep (it wins over another, see resolveScalars).
      else if (lt && isItems) add('deadlines.itemsCutoff', lt, ...span, /medlem/iu.test(own) ? 0.9 : 0.85);
      // "Hospitalet indkalder dagsordenspunkter fra kommunen senest 4 uger før": a call for items is neither the cut-off nor the agenda.
      // "Oplæg til dagsorden sendes til administrationen senest 7 dage før": a draft handed on to be prepared is not the agenda sent out.
      else if (lt && /dagsorden/i.test(ctxText) && !/indkald\p{L}*\s+(?:(?:til|efter)\s+)?(?:dagsordens)?punkter/iu.test(ctxText) && !/ekstraordinær/i.test(ctxText) && !/(?:oplæg|udkast|forslag)\s+til\s+dagsorden/iu.test(ctxText)) add('deadlines.agendaLead', lt, ...span, 0.9);
      // "at der senest 4 hverdage inden et ordinært mødes afholdelse tilsendes hvert af medlemmerne en dagsorden": the agenda as the object sent.
      else if (lt && !/dagsorden|referat|indkald|ekstraordinær/i.test(ctxText) && /(?:tilsendes|udsendes|fremsendes|sendes|udsende|tilsende|sende)\s+(?:[^.;]{0,80}?\s)?dagsorden/iu.test(next)) add('deadlines.agendaLead', lt, ...span, 0.8);
      // "Med mødeindkaldelsen, der i almindelighed udsendes mindst 7 dage før mødet, skal følge en dagsorden for dette": the notice
      // sent so long before carries the agenda (a notice alone, with no agenda, is not the agenda's lead).
      else if (lt && /indkaldelse/i.test(ctxText) && !/dagsorden|referat|ekstraordinær|afbud|forfald/i.test(ctxText) && /^[^.;]{0,20}?(?:skal|vil|bør)\s+(?:\p{L}+\s+){0,2}?følge\s+(?:en\s+|den\s+)?(?:foreløbig\s+)?dagsorden/iu.test(next)) add('deadlines.agendaLead', lt, ...span, 0.75);
    }
    // "indkalder ... med angivelse af dagsorden med en frist på mindst to uger".
    const frist = new RegExp(`frist\\s+på\\s+(?:mindst\\s+|minimum\\s+)?${NUM}(?:\\s*(?:-|–|til)\\s*${NUM})?\\s+${UNIT}${E}`, 'iu').exec(cl);
    if (frist && /dagsorden/i.test(cl) && !/ekstraordinær/i.test(cl) && prevEnd === 0) {
      const lt = leadOf(frist);
      if (lt) add('deadlines.agendaLead', lt, ...at(frist), 0.8);
    }
    const before = prevEnd > 0;
    const commentAt = cl.search(/bemærkning|kommentar|kommenter|indsigelse|rettelse/i);
    const comments = commentAt >= 0;
    const after = new RegExp(`${LEAD}\\s+efter`, 'iu').exec(cl);
    // "Referatet sendes ud senest en uge efter mødet og kan kommenteres i løbet af de efterfølgende 5 dage":
    // the time said of the minutes before the comment word is the minutes' own; the comments' window follows it.
    const minutesFirst = !!after && comments && after.index + after[0].length <= commentAt && /referat/i.test(cl.slice(0, after.index));
    // "Referat udarbejdes af X, og sendes ud senest 10 dage efter mødet": a clause after ", og" that opens with the verb shares the
    // sentence's subject, the minutes.
    const minutesSubject = c.start > 0 && /^\s*(?:mødereferat|referat)(?:et)?\s/iu.test(s) && /^\s*(?:sendes(?:\s+ud)?|udsendes|fremsendes|foreligger|offentliggøres)(?![\p{L}])/iu.test(cl);
    if (after && (/referat/i.test(cl) || minutesSubject) && (!comments || minutesFirst) && !/beslutningsreferat/i.test(cl)) {
      const lt = leadOf(after);
      if (lt) add('deadlines.minutesDue', lt, ...at(after), 0.9);
    } else if (!after && !before && /referat/i.test(cl) && !comments && /udsendes|sendes|foreligger|fremsendes/i.test(cl)) {
      // "Referat udsendes inden for 14 dage": minutes can only be due after the meeting.
      // "Mødereferat fremsendes til bestyrelsen inden 8 dage og underskrives ved næste møde": a bare "inden" counts the same way.
      const within = new RegExp(`(?:inden\\s*for|indenfor|inden)\\s+${NUM}\\s+${UNIT}${E}(?!,?\\s+(?:før|forud|inden))`, 'iu').exec(cl);
      const lt = within && leadTime(within[1]!, within[2]!);
      if (within && lt) add('deadlines.minutesDue', lt, ...at(within), 0.75);
    }
    // "Referatet sendes i høring i 5 arbejdsdage": the minutes out for comments so long is the window for comments ("Referatet
    // udsendes senest ... og sendes i høring i 5 arbejdsdage": a clause sharing the sentence's subject, the minutes).
    const hearing =
      new RegExp(`referat\\p{L}*\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:i|til)\\s+høring\\s+(?:i|over)\\s+${NUM}\\s+${UNIT}${E}`, 'iu').exec(cl) ??
      (/^\s*referat\p{L}*\s/iu.test(s) ? new RegExp(`(?:^\\s*|\\s)(?:og\\s+)?(?:sendes|er)\\s+(?:herefter\\s+|derefter\\s+)?(?:i|til)\\s+høring\\s+(?:i|over)\\s+${NUM}\\s+${UNIT}${E}`, 'iu').exec(cl) : null);
    if (hearing && !comments) {
      const lt = leadTime(hearing[1]!, hearing[2]!);
      if (lt) add('deadlines.commentWindow', lt, ...at(hearing), 0.8);
    }
    if (comments) {
      const from = minutesFirst ? commentAt : 0;
      // "der herefter har 8 dage til at indsende eventuelle bemærkninger": the days the members have to comment.
      const w = new RegExp(`(?:inden(?:\\s*for)?|indenfor|senest|inden|i\\s+løbet\\s+af(?:\\s+de\\s+(?:efterfølgende|følgende|næste))?|har(?:\\s+herefter|\\s+derefter|\\s+så)?(?=\\s+\\S+\\s+\\S+\\s+til\\s+at\\s))\\s+${NUM}(?:\\s*(?:-|–|til)\\s*${NUM})?\\s+${UNIT}${E}`, 'iu').exec(cl.slice(from));
      if (w) {
        const lt = leadOf(w);
        if (lt) add('deadlines.commentWindow', lt, c.start + from + w.index, c.start + from + w.index + w[0].length, 0.85);
      }
    }

    // "Formanden indkalder til møder ved udsendelse af dagsorden med bilag ... med ca. 1 uges varsel": the agenda's notice, told
    // as "N ugers/dages varsel" (not an extraordinary meeting's, an apology's or the minutes').
    const notice = new RegExp(`${B}(?:(?:ca\\.|cirka|mindst|minimum)\\s+)?${NUM}\\s+(ugers|uges|dages|hverdages|arbejdsdages|kalenderdages)\\s+varsel${E}`, 'iu').exec(cl);
    // Only the agenda's sending: "indkalder til møder med mindst otte ugers varsel" after "udarbejder dagsorden" is the meeting's notice.
    // "Bestyrelsesmøder indkaldes med dagsorden mindst med 8 dages varsel": the meeting called with its agenda.
    const agendaSent = /(?:udsendelse|fremsendelse)\s+af\s+(?:den\s+)?dagsorden|indkald\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?med\s+(?:en\s+|den\s+)?dagsorden(?:en)?\s+(?:(?:mindst|minimum)\s+)?med\s*$|(?:udsender|fremsender|sender)\s+(?:den\s+)?dagsorden|dagsorden\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?(?:udsendes|fremsendes|sendes)|(?:indkaldelse(?:n)?\s+(?:med|og)\s+)?dagsorden(?:en)?\s+sker\s+med\s*$/iu;
    // ("Indkaldelse med dagsorden sker med mindst 8 dages varsel": the agenda's sending told by "sker med".)
    // "sender, via sekretæren, med mindst 5 dages varsel, en dagsorden": the agenda named right after the notice of its sending.
    const sentThen = !!notice && /(?:udsender|fremsender|sender)(?![\p{L}])/iu.test(cl.slice(0, notice.index)) && /^,?\s+(?:en|den)\s+dagsorden/iu.test(cl.slice(notice.index + notice[0].length));
    if (notice && (agendaSent.test(cl.slice(0, notice.index)) || sentThen) && !/ekstraordinær|afbud|forfald|referat/iu.test(cl) && !new RegExp(`${LEAD}\\s+(?:før|forud|inden|forinden)`, 'iu').test(cl)) {
      const lt = leadTime(notice[1]!, notice[2]!.replace(/s$/u, '').replace(/^uge$/u, 'uger'));
      if (lt) add('deadlines.agendaLead', lt, ...at(notice), 0.75);
    }

    // Meeting frequency.
    if (!/temadag|status|evaluer|rapport/i.test(cl)) {
      const freq = new RegExp(
        // "1. gang årligt mødes ...": a stray full stop after the count of times.
        // "3 eller 4 gange årligt", "mellem 4 og 6 gange årligt", "mindst 4 og højst 6 gange om året": ranges told in words.
        `${B}(?:(ca\\.|cirka|omkring|minimum|mindst|op\\s+til|højst|maksimalt|mellem)\\s+)?${NUM}(?:(?:\\s*(?:-|–|til)\\s*|\\s+eller\\s+|\\s+og\\s+(?:(?:højst|maksimalt|op\\s+til)\\s+)?)${NUM})?(?:\\.(?=\\s+gange?\\s))?\\s+(?:ordinære\\s+|ordinært\\s+|faste\\s+|fast\\s+|årlige\\s+)?(?:\\p{L}*møder|\\p{L}*møde|gange|gang|mødedage)(?:\\s+i\\s+\\p{Lu}\\p{L}*)?\\s*(?:om\\s+året|årligt|pr\\.?\\s*år|per\\s+år|i\\s+(?:kalender)?året|i\\s+løbet\\s+af\\s+(?:året|et\\s+år|kalenderåret)(?!\\s+\\d)|hvert\\s+(?:kalender)?år|årlig)${E}`,
        'iu',
      ).exec(cl) ??
        // "afholder mindst fire årlige møder": the quantifier before the count holds here too.
        // "afholder et årligt møde": one ("... et årligt møde med X", a meeting with another body, is none).
        new RegExp(`${B}(?:(ca\\.|cirka|omkring|minimum|mindst|op\\s+til|højst|maksimalt)\\s+)?${NUM}(?:\\s*(?:-|–)\\s*${NUM})?\\s+(?:årlige\\s+møder|(?<=(?:et|ét|1)\\s+)årligt\\s+møde(?!\\s+(?:med|for|i)\\s))${E}`, 'iu').exec(cl);
      // "Bestyrelsesmøde indkaldes ..., og tilstræbes en gang i kvartalet": a clause after ", og" that opens with a passive verb
      // has no subject of its own; it shares the meeting the clause before is about.
      const sharedMeetingSubject = c.start > 0 && /,\s+og\s+$/u.test(s.slice(0, c.start)) && /^(?:tilstræbes|afholdes|holdes|indkaldes|planlægges)(?![\p{L}])/iu.test(cl.trim()) && /^(?:[\p{L}-]+\s+){0,2}?\p{L}*møde(?:r|rne|t)?\s/iu.test(s);
      const meetingContext = ctx.section === 'meetings' || /mød|afhold|gange/i.test(cl) || sharedMeetingSubject;
      // "at KKR Nordjylland to gange om året drøfter sundhedsområdet": how often another named body (an abbreviation as the
      // subject, not this forum's kind word) takes up a matter, in a clause that says nothing of meetings, is no meeting count.
      const subject = freq ? cl.slice(0, freq.index) : '';
      const otherBody = !!freq && ctx.section !== 'meetings' && !/mød|afhold|holde/i.test(cl) && /(?:^|\s)[\p{Lu}]{2,}(?:\s|$)/u.test(subject) && !kindMentions(subject).some((m) => m.kind.slug === ctx.forumKind);
      // "En gang årligt udarbejdes mødekalender": how often the meeting calendar is made, not how often the forum meets.
      const calendar = !!freq && /gange?\s/iu.test(freq[0]) && /(?<![\p{L}])(?:mødekalender|mødeplan|mødeoversigt|årshjul)\p{L}*/iu.test(cl) && !/(?<![\p{L}])(?:mødes|afholder|afholdes|holder|holdes)(?![\p{L}])/iu.test(cl);
      // "Forretningsordenen gennemgås en gang om året, men kan altid ændres på et brugerrådsmøde": how often the terms are reviewed.
      // "Udsatterådet mødes mindst fire gange om året ... • Temamøder med politikerne 1-2 gange om året": a count of another sort
      // of meeting (theme, dialogue or joint meetings), named as the clause's subject before it, is not how often the forum meets.
      const otherMeetings = !!freq && /(?<![\p{L}])(?:tema|dialog|fælles|informations|borger|netværks)møde(?:r|rne|t)?(?![\p{L}])/iu.test(cl.slice(0, freq.index)) && !/(?<![\p{L}])(?:mødes|ordinære)(?![\p{L}])/iu.test(cl.slice(0, freq.index));
      const review = !!freq && new RegExp(`^(?:denne\\s+|den\\s+|det\\s+)?(?:forretningsorden|kommissori|vedtægt)\\p{L}*\\s+(?:skal\\s+|vil\\s+)?(?:gennemgås|revideres|evalueres|revurderes|opdateres|tages\\s+op|drøftes)(?![\\p{L}])`, 'iu').test(cl.trim());
      if (freq && meetingContext && !otherBody && !calendar && !review && !otherMeetings) {
        const q = (freq[1] ?? '').toLowerCase();
        const a = parseNumber(freq[2]!);
        const b = freq[3] ? parseNumber(freq[3]) : a;
        const conf = q === '' ? 0.9 : 0.7;
        // Two counts joined by "og" are a range only after "mellem" ("mellem 4 og 6") or as a floor and a ceiling ("mindst 4 og
        // højst 6"); "mellem" alone before one count is no range.
        const joinedByOg = !!freq[3] && new RegExp(`${E}\\s+og\\s`, 'iu').test(freq[0].slice(freq[0].search(/\d|\p{L}/u)));
        const ogRange = joinedByOg && (q === 'mellem' || (/^(?:minimum|mindst)/.test(q) && /\s(?:højst|maksimalt|op\s+til)\s/iu.test(freq[0])));
        if (a !== undefined && b !== undefined && (joinedByOg ? ogRange : q !== 'mellem' || !!freq[3])) {
          if (ogRange && /^(?:minimum|mindst)/.test(q)) {
            add('meetings.perYearMin', a, ...at(freq), conf);
            add('meetings.perYearMax', b, ...at(freq), conf);
          } else if (/^(?:op|højst|maksimalt)/.test(q)) add('meetings.perYearMax', a, ...at(freq), conf);
          else if (/^(?:minimum|mindst)/.test(q)) add('meetings.perYearMin', a, ...at(freq), conf);
          else {
            add('meetings.perYearMin', a, ...at(freq), conf);
            add('meetings.perYearMax', b, ...at(freq), conf);
          }
        }
        // "mødes minimum 4 gange om året samt i øvrigt efter behov": an adverb may stand before "efter behov".
        const extra = /(?:samt|og|\+|plus|eller)\s+(?:i\s+øvrigt\s+|derudover\s+|herudover\s+|desuden\s+|også\s+)?(?:ved\s+behov|efter\s+behov|ad[- ]?hoc)/iu.exec(cl.slice(freq.index + freq[0].length));
        if (extra) {
          const off = c.start + freq.index + freq[0].length + extra.index;
          add('meetings.adHoc', true, off, off + extra[0].length, 0.85);
        }
      } else if (meetingContext && perPeriod(cl) && !/referat|dagsorden|nyhedsbrev|orienter/i.test(sharedMeetingSubject ? cl.slice(0, perPeriod(cl)!.index) : cl)) {
        // (In a clause sharing the meeting as its subject, "... en gang i kvartalet med angivelse af foreløbig dagsorden": the
        // agenda after the count is what each meeting is called with, not what is sent so often.)
        // "mindst én gang om måneden", "to gange i kvartalet", "én gang pr. halvår": a count per period, times the periods in a year.
        const p = perPeriod(cl)!;
        const span = [c.start + p.index, c.start + p.end] as const;
        if (p.q === 'max') add('meetings.perYearMax', p.max, ...span, 0.7);
        else if (p.q === 'min') add('meetings.perYearMin', p.min, ...span, 0.7);
        else {
          add('meetings.perYearMin', p.min, ...span, 0.85);
          add('meetings.perYearMax', p.max, ...span, 0.85);
        }
        // "mødes én gang i kvartalet og i øvrigt efter behov": meetings as needed besides, as after a count a year.
        const extraP = /^\s*,?\s*(?:samt|og|\+|plus|eller)\s+(?:i\s+øvrigt\s+|derudover\s+|herudover\s+|desuden\s+|også\s+)?(?:ved\s+behov|efter\s+behov|ad[- ]?hoc)/iu.exec(cl.slice(p.end));
        if (extraP) add('meetings.adHoc', true, c.start + p.end, c.start + p.end + extraP[0].length, 0.8);
      } else if (meetingContext) {
        // "kvartalsvist", "hver anden måned", "månedligt eller hver anden måned": each named rhythm gives a count a year;
        // two rhythms joined by "eller" give the range between them.
        // "Ordinære møder afholdes sidste torsdag i måneden": a weekday of every month is a monthly rhythm.
        // "holder møde hvert forår og efterår", "et møde i foråret og et i efteråret": two seasons are twice a year.
        // "afholder kvartalsvise møder", "Der afholdes kvartalsmøder": the rhythm as an adjective or a compound of the meetings.
        const PER = /(?<![\p{L}])(kvartalsvis[te]?|kvartalsmøder|hvert\s+kvartal|hvert\s+forår\s+og\s+(?:hvert\s+)?efterår|(?:i|om)\s+foråret\s+og\s+(?:et\s+|ét\s+)?(?:i|om)\s+efteråret|månedlig[te]?|månedsvis|hver\s+måned|halvårlig[te]?|halvårsvis|hvert\s+halve\s+år|hver\s+(?:anden|tredje|fjerde|sjette|\d{1,2}\.)\s+måned|(?:første|anden|tredje|fjerde|sidste)\s+(?:mandag|tirsdag|onsdag|torsdag|fredag)\s+i\s+(?:hver\s+)?måned(?:en)?)(?![\p{L}])/giu;
        const rhythms: { n: number; index: number; end: number }[] = [];
        for (const per of cl.matchAll(PER)) {
          const everyNth = /hver\s+(anden|tredje|fjerde|sjette|\d{1,2}\.)\s+måned/iu.exec(per[1]!);
          const nth = everyNth ? ({ anden: 2, tredje: 3, fjerde: 4, sjette: 6 } as Record<string, number>)[everyNth[1]!.toLowerCase()] ?? parseInt(everyNth[1]!, 10) : undefined;
          if (nth && 12 % nth !== 0) continue;
          const n = nth ? 12 / nth : /kvartal/i.test(per[1]!) ? 4 : /måned/i.test(per[1]!) ? 12 : 2;
          rhythms.push({ n, index: per.index, end: per.index + per[0].length });
        }
        if (rhythms.length && (ctx.section === 'meetings' || /mød/i.test(cl))) {
          const first = rhythms[0]!;
          const alt = rhythms.find((r, i) => i > 0 && /^\s+eller\s+$/iu.test(cl.slice(rhythms[i - 1]!.end, r.index)));
          const span = [c.start + first.index, c.start + (alt ?? first).end] as const;
          // "mødes månedligt, dog ikke i juli": a single monthly rhythm less the months it leaves out.
          // "... sidste torsdag i måneden. Der afholdes ikke møde i juli måned.": the months left out may follow in the next sentence.
          const left = !alt && first.n === 12 ? monthsLeftOut(cl.slice(first.end)) ?? (c.start + cl.length >= s.replace(/[.\s]+$/u, '').length ? monthsLeftOutNext(ctx.following) : undefined) : undefined;
          const lo = Math.min(first.n, alt?.n ?? first.n) - (left?.months ?? 0);
          const hi = Math.max(first.n, alt?.n ?? first.n) - (left?.months ?? 0);
          // "afholder møde mindst hvert kvartal", "Dog mindst 1 møde hvert kvartal": a floor on the rhythm (times the count of
          // meetings in each period), no most; "højst ..." a ceiling, no least.
          const bound = alt ? null : new RegExp(`(?:^|[\\s,])(mindst|minimum|højst|maksimalt)\\s+(?:${NUM}\\s+(?:\\p{L}*møder?)\\s+)?$`, 'iu').exec(cl.slice(0, first.index));
          if (bound) {
            const each = bound[2] ? parseNumber(bound[2]) : 1;
            const bspan = [c.start + bound.index, span[1]] as const;
            if (each !== undefined && /^(?:mindst|minimum)/iu.test(bound[1]!)) add('meetings.perYearMin', lo * each, ...bspan, 0.75);
            else if (each !== undefined) add('meetings.perYearMax', hi * each, ...bspan, 0.75);
          } else {
            add('meetings.perYearMin', lo, ...span, 0.75);
            add('meetings.perYearMax', hi, ...span, 0.75);
          }
          const extra = /^\s*(?:,\s*)?(?:og|samt|eller)\s+(?:i\s+øvrigt\s+|derudover\s+|herudover\s+|desuden\s+|også\s+)?(?:(?:ved|efter)\s+behov|ad[- ]?hoc)/iu.exec(cl.slice((alt ?? first).end));
          if (extra) add('meetings.adHoc', true, c.start + (alt ?? first).end, c.start + (alt ?? first).end + extra[0].length, 0.8);
        }
      }
      // "Bestyrelsen planlægger et antal bestyrelsesmøder årligt. Det skal være mindst 5 møder af kortere eller længere varighed.":
      // the count of the yearly meetings the sentence before spoke of without a number (this forum's, not another's).
      const countAfter = freq ? null : new RegExp(`^(?:det|der)\\s+(?:skal|vil)\\s+(?:være|holdes|afholdes)\\s+(?:(mindst|minimum|højst|maksimalt)\\s+)?${NUM}\\s+\\p{L}*møder${E}`, 'iu').exec(cl);
      const prev = (ctx.previous ?? '').replace(/^\d{1,2}(?:\.\d{1,2})*\.?\s+/u, '');
      const prevLead = kindMentions(prev)[0];
      if (
        countAfter &&
        c.start === 0 &&
        /(?:et\s+antal|en\s+række|flere|nogle)\s+\p{L}*møder\s+(?:årligt|om\s+året|hvert\s+år|pr\.?\s*år|i\s+året)(?![\p{L}])/iu.test(prev) &&
        !(prevLead && prevLead.index === 0 && prevLead.kind.slug !== ctx.forumKind)
      ) {
        const n = parseNumber(countAfter[2]!);
        const q = (countAfter[1] ?? '').toLowerCase();
        if (n !== undefined) {
          if (/^(?:højst|maksimalt)/.test(q)) add('meetings.perYearMax', n, ...at(countAfter), 0.7);
          else if (q) add('meetings.perYearMin', n, ...at(countAfter), 0.7);
          else {
            add('meetings.perYearMin', n, ...at(countAfter), 0.7);
            add('meetings.perYearMax', n, ...at(countAfter), 0.7);
          }
        }
      }
    }
    // "Desuden deltager 2 praktiserende læger i møderne efter behov": who takes part in the meetings as needed is no meeting as needed.
    const adhoc =
      /ad[- ]?hoc[- ]?møde\p{L}*|(?<!(?:per|pr\.?)\s+)(?<!(?:deltager|deltage|deltagelse|deltaget|inviteres|indbydes|indgår)(?:\s+[\p{L}\d-]+){0,4}?\s+(?:i|til)\s+(?:\p{L}+s\s+)?)møde(?:r|rne|t)?\s+(?:afholdes\s+)?(?:ad[- ]?hoc|efter\s+behov)|møde(?:r|rne)?\s+(?:indkaldes|afholdes|holdes)\s+(?:\p{L}+\s+)?efter\s+behov|mødes\s+(?:ad[- ]?hoc|efter\s+behov)|ekstraordinære\s+\p{L}*møder?\p{L}*\s+(?:afholdes|kan\s+afholdes|indkaldes|kan\s+indkaldes)|(?:ved|efter)\s+behov\s+kan\s+der\s+(?:af)?holdes\s+ekstraordinære\s+\p{L}*møder|ekstraordinært\s+\p{L}*møde\s+kan\s+(?:af)?holdes|ekstraordinært\s+\p{L}*møde\s+kan\s+indkaldes|(?:der\s+)?(?:af)?holdes\s+ekstraordinært\s+\p{L}*møde,?\s+når|ekstraordinære\s+\p{L}*møder\p{L}*,?\s+som\s+\p{L}+\s+kan\s+indkalde\s+til\s+efter\s+behov|(?:afholdes|holdes)\s+møde\s+(?:[\p{L},-]+\s+){0,3}når\s+(?:formanden|formand\s+eller\s+næstformand)(?![\p{L}])|med\s+den\s+hyppighed,?\s+formanden\s+skønner|efter\s+behov\s+(?:aftale|holde|afholde|indkalde\s+til)\s+(?:flere|yderligere|ekstra)\s+møder|(?:flere|yderligere|ekstra)\s+møder\s+(?:\p{L}+\s+){0,2}efter\s+behov|indkalde\p{L}*\s+(?:\p{L}+\s+){0,3}til\s+ekstraordinære\s+\p{L}*møder|kan\s+(?:\p{L}+\s+){0,2}(?:afholde|holde)\s+ekstraordinære\s+\p{L}*møder/iu.exec(cl) ??
      // "Formanden kan indkalde styregruppen til ekstraordinært møde", "Ønsker mindst én over halvdelen af medlemmerne et
      // ("Regionsformanden eller bestyrelsesmedlemmer kan desuden indkalde til ekstraordinært bestyrelsesmøde", "Formanden kan
      // derudover indkalde til ekstraordinært møde": an adverb may stand between "kan" and "indkalde"),
      // ekstraordinært møde, holdes dette": one extraordinary meeting called or asked for.
      // "Om nødvendigt kan formanden indkalde til ekstraordinært forretningsudvalgsmøde": the one who calls it between "kan" and the verb.
      /kan\s+(?:(?:formanden|næstformanden|formandskabet|sekretariatet)\s+)?(?:desuden\s+|også\s+|endvidere\s+|tillige\s+|altid\s+|derudover\s+|herudover\s+|i\s+øvrigt\s+)?indkalde\s+(?:[\p{L}-]+\s+){0,3}til\s+(?:et\s+)?ekstraordinært\s+\p{L}*møde|(?:ønsker|begærer|anmoder)\s+(?:[\p{L}-]+\s+){0,8}?(?:om\s+)?(?:et\s+)?ekstraordinært\s+\p{L}*møde\p{L}*,?\s+(?:af)?holdes/iu.exec(cl) ??
      // "Møder afholdes ligeledes hvis formanden eller områdelederen fremsætter ønske herom": meetings beyond the ordinary
      // ones when the chair asks for one.
      /møder?\s+(?:af)?holdes\s+(?:ligeledes|også|desuden|endvidere|herudover|derudover|tillige)\s*,?\s*(?:når|hvis)\s+formanden[^.;]{0,60}?(?:ønske|ønsker|finder\s+(?:det\s+)?(?:nødvendigt|påkrævet)|begærer|anmoder)/iu.exec(cl) ??
      besidesAsNeeded(cl, ctx) ??
      // "Der afholdes møde i Brugerrådet efter behov": meetings of the forum, named between, as needed.
      /(?:af)?holdes\s+møder?\s+i\s+(?:[\p{Lu}][\p{L}-]*\s+){1,3}efter\s+behov/u.exec(cl) ??
      // "Styregruppen afholder efter behov møder": the adverb before the object; "... to ordinære møder årligt, som, efter behov,
      // suppleres med møder med bredere politisk deltagelse": the ordinary meetings supplemented with more as needed.
      /(?:af)?holder\s+(?:\p{L}+\s+)?(?:efter|ved)\s+behov\s+(?:\p{L}+\s+)?møder|(?:efter|ved)\s+behov\s*,?\s+suppleres\s+(?:\p{L}+\s+)?med\s+(?:[\p{L}-]+\s+){0,2}?møder|suppleres\s+(?:\p{L}+\s+)?med\s+(?:[\p{L}-]+\s+){0,2}?møder\s+(?:efter|ved)\s+behov/iu.exec(cl) ??
      // "3 til 5 møder årligt og kan i øvrigt indkaldes ad hoc", "Udvalget kan desuden indkaldes ad hoc": the forum (or its meetings,
      // the clause's subject) convened ad hoc besides. Experts or guests called in ad hoc ("sagkyndige kan indkaldes ad hoc") are none.
      /(?<![\p{L}])(?:møder?(?:ne)?|udvalget|rådet|forummet|bestyrelsen|komit[eé]en|[\p{L}-]*gruppen)\s+(?:[^.;]{0,40}?\s)?(?:kan|skal)\s+(?:i\s+øvrigt\s+|desuden\s+|også\s+|derudover\s+|herudover\s+|endvidere\s+)?indkaldes\s+(?:til\s+(?:et\s+)?møde\s+)?ad[- ]?hoc(?![\p{L}])/iu.exec(cl);
    if (adhoc) add('meetings.adHoc', true, ...at(adhoc), 0.8);
    else {
      // "Bestyrelsesmøde indkaldes ..., når formanden eller 4 medlemmer af bestyrelsen forlanger det", "Såfremt et bestyrelsesmedlem
      // finder det nødvendigt kan der indkaldes til møde med dags varsel": a meeting called whenever someone finds it needed or
      // demands it, besides any fixed ones. The demand must be the clause's condition ("når", "hvis", "såfremt"); "forlanger det"
      // of another matter (a vote, an item) is none, so the meeting must be what is called.
      const NEED = String.raw`(?:finder\s+det\s+(?:nødvendigt|påkrævet|fornødent)|forlanger\s+det|begærer\s+det|ønsker\s+det|anmoder\s+(?:om\s+det|herom))`;
      const called =
        new RegExp(`(?<![\\p{L}])(?:\\p{L}*møde(?:r|t)?)\\s+indkaldes\\s+[^.;]{0,60}?(?:når|hvis|såfremt)\\s+[^.;]{0,80}?${NEED}`, 'iu').exec(cl) ??
        new RegExp(`(?:^|\\s)(?:når|hvis|såfremt)\\s+[^.;]{0,60}?${NEED}\\s*,?\\s+(?:kan|skal)\\s+(?:der\\s+|formanden\\s+)?indkald\\p{L}*\\s+(?:[\\p{L}-]+\\s+){0,2}?til\\s+(?:et\\s+)?\\p{L}*møde(?![\\p{L}])`, 'iu').exec(cl) ??
        // "Finder et bestyrelsesmedlem det nødvendigt, kan der indkaldes til møde": the condition told by the verb first (no "hvis").
        new RegExp(`^\\s*(?:finder|forlanger|begærer|ønsker)\\s+(?:[\\p{L}-]+\\s+){1,6}?(?:det\\s+(?:nødvendigt|påkrævet|fornødent)|det)\\s*,?\\s+(?:kan|skal)\\s+(?:der\\s+|formanden\\s+)?indkald\\p{L}*\\s+(?:[\\p{L}-]+\\s+){0,2}?til\\s+(?:et\\s+)?\\p{L}*møde(?![\\p{L}])`, 'iu').exec(cl.replace(/^\d{1,2}\.\s+/u, (m) => ' '.repeat(m.length)));
      // "Der skal holdes møde, hvis formand og/eller forstander/stedfortræder finder, at der foreligger sager, som rådet bør tage
      // stilling til", "Der afholdes møde, når formanden finder, at der er behov for det": a meeting held whenever someone finds a
      // reason ("finder, at ..."), besides any fixed ones. The meeting must be what is held ("Mødet holdes i huset, hvis ..." is none).
      const found = called ? null : /(?:^|\s)(?:der\s+)?(?:skal\s+(?:der\s+)?)?(?:af)?holdes\s+(?:et\s+)?\p{L}*møde,?\s+(?:hvis|når|såfremt)\s+[^.;]{0,80}?\s(?:finder|skønner|vurderer)\s*,\s*at\s/iu.exec(cl);
      if (called) add('meetings.adHoc', true, ...at(called), 0.75);
      else if (found) add('meetings.adHoc', true, ...at(found), 0.75);
    }

    // "med henholdsvis en kommunal og en regional formand": two chairs, one from each side named. Also without "henholdsvis":
    // "Der skal desuden udpeges én regional og én kommunal formand for arbejdsgruppen" (both words must name a side).
    const twoChairs = /(?:(?:henholdsvis|hhv\.)\s+)?(?<![\p{L}])(?:en|én|et|ét)\s+(\p{L}+)\s+og\s+(?:en|én|et|ét)\s+(\p{L}+)\s+(?:med)?formand(?![\p{L}])/iu.exec(cl);
    if (twoChairs && !aboutSelfChair) {
      const list = uniqueSides([firstSector(twoChairs[1]!)?.sector, firstSector(twoChairs[2]!)?.sector].filter((x): x is OrganisationKind => !!x));
      if (list.length === 2) {
        add('chair.shared', true, ...at(twoChairs), 0.8);
        add('chair.sides', list, ...at(twoChairs), 0.8);
      }
    }
    // "Som kommunal medformand ... har du ansvar for at drive opgaveløsningen ... sammen med den regionale medformand": a co-chair
    // of one side working with the co-chair of another is a chair shared between those sides.
    const coChairs = /(?<![\p{L}])(\p{L}+)\s+medformand(?![\p{L}])[^.;]{0,160}?sammen\s+med\s+(?:den|en)\s+(\p{L}+)\s+medformand(?![\p{L}])/iu.exec(cl);
    if (coChairs && !aboutSelfChair) {
      const list = uniqueSides([firstSector(coChairs[1]!)?.sector, firstSector(coChairs[2]!)?.sector].filter((x): x is OrganisationKind => !!x));
      if (list.length === 2) {
        add('chair.shared', true, ...at(coChairs), 0.8);
        add('chair.sides', list, ...at(coChairs), 0.8);
      }
    }
    // Chairmanship.
    if (mentionsChair && !aboutSelfChair) {
      const shared = /delt[e]?\s+formand(?:s)?skab|formand(?:s)?skab\p{L}*\s+(?:\p{L}+\s+){0,3}er\s+delt|formand(?:s)?skab:\s*delt/iu.exec(cl);
      if (shared) add('chair.shared', true, ...at(shared), 0.9);
      const sides = /(?:delt\s+(?:\p{L}+\s+){0,2}mellem|formand(?:s)?skab\p{L}*\s+(?:består\s+af|bestående\s+af|varetages\s+(?:i\s+fællesskab\s+)?af|deles\s+(?:af|mellem)))\s+(.+?)(?=\s+for\s+(?:\d|\p{L}+\s+år)|\s+i\s+\d|[.,;]|$)/iu.exec(cl);
      if (sides) {
        const list = uniqueSides(allSectors(sides[1]!));
        if (list.length >= 2) add('chair.sides', list, ...at(sides), 0.8);
        // "et formandskab bestående af en kommunal og en regional repræsentant", "Formandskabet varetages i fællesskab af regionen og
        // kommunerne": a chair of two sides at once is a shared chair (one that goes round them is a rotation, read below).
        if (list.length >= 2 && /består|bestående|fællesskab|deles/iu.test(sides[0]) && !/skift|omgang|roter|veksl/iu.test(cl)) add('chair.shared', true, ...at(sides), 0.8);
      }
      // Also "går på omgang mellem", "veksler mellem", "skifter hvert andet år mellem"; "varetages på skift af regionen, kommunerne
      // og almen praksis, i nævnte rækkefølge"; "går på skift i følgende rækkefølge: regionen, kommunerne, almen praksis" (the order
      // has no field: the list tells who the chair goes between); "Regionen og kommunerne har skiftevis formandskabet".
      const ROT_END = String.raw`(?=\s+og\s+varetages|\s+for\s+\d|\s+hvert\s|\s+i\s+(?:den\s+)?(?:nævnte|denne|følgende)\s+rækkefølge|[.,;]|$)`;
      const rot =
        new RegExp(`(?:går\\s+på\\s+(?:skift|omgang)|roterer|skifter|veksler)(?:\\s+hvert\\s+(?:\\p{L}+\\s+|[2-4]\\.\\s+)?år)?\\s+mellem\\s+(.+?)${ROT_END}`, 'iu').exec(cl) ??
        new RegExp(`formand(?:s)?skab\\p{L}*\\s+(?:varetages|besættes|indehaves)\\s+(?:på\\s+skift|skiftevis)\\s+af\\s+(.+?)${ROT_END}`, 'iu').exec(cl) ??
        new RegExp(`formand(?:s)?skab\\p{L}*\\s+(?:går\\s+på\\s+(?:skift|omgang)|roterer|skifter)\\s+i\\s+(?:følgende|nedenstående)\\s+rækkefølge\\s*:\\s*(.+?)${ROT_END}`, 'iu').exec(cl) ??
        /^((?:[\p{L}-]+\s+){0,4}?[\p{L}-]+)\s+(?:har|varetager)\s+(?:på\s+skift|skiftevis)\s+formand(?:s)?skabet(?![\p{L}])/iu.exec(cl);
      if (rot) {
        // "går på skift mellem hospitalet, kommunerne og almen praksis": a list of sides, its items joined by commas, is one
        // list; a clause after a comma ("..., og formanden udpeges af regionen") or an item naming no side joins none.
        let among = rot[1]!;
        let items = 1;
        let rest = cl.slice(rot.index + rot[0].length);
        for (let m = /^,\s*([^,.;]+)/u.exec(rest); m; m = /^,\s*([^,.;]+)/u.exec(rest)) {
          const item = m[1]!.split(/\s+for\s+\d/u)[0]!;
          if (/^(?:og|samt|men|der|som|hvor|idet|så)(?![\p{L}])/iu.test(item) || allSectors(item).length === 0) break;
          among += `, ${item}`;
          items += 1;
          rest = rest.slice(m[0].length);
        }
        const sectors = allSectors(among);
        if (sectors.includes('municipality') && sectors.length >= 2) {
          add('chair.rotatesAmongAllParties', true, ...at(rot), 0.85);
        } else if (items === 1 && sectors.length === 1 && sideOf(sectors[0]!)) {
          add('chair.rotatingSide', sideOf(sectors[0]!), ...at(rot), 0.85);
        }
        if (/sekretariat/i.test(cl) && !aboutSelfSecretariat) add('secretariat.followsChair', true, ...at(rot), 0.75);
      }
      const term = new RegExp(
        `for\\s+${NUM}\\s+år\\s+a[df]\\s+gangen|${NUM}\\s+år\\s+ad\\s+gangen|${B}(\\d+)-årige?\\s+perioder?|periode\\s+på\\s+${NUM}\\s+år|perioder\\s+(?:af|på)\\s+${NUM}\\s+år|(?:vælges|valgt|udpeges)\\s+for\\s+${NUM}\\s+år|(?:sidder|varetages)\\s+i\\s+${NUM}\\s+år`,
        'iu',
      ).exec(cl);
      if (term) {
        const n = parseNumber(term.slice(1).find((g) => g !== undefined) ?? '');
        if (n) add('chair.termYears', n, ...at(term), 0.85);
      } else {
        // "Formandskabet skifter hvert andet år", "går på skift mellem regionen og kommunerne hvert andet år", "Formanden vælges hvert
        // år": the chair changes hands every so many years, so each holds it that long (the rotation's verb or the election's, not
        // "evalueres hvert andet år").
        // "skifter hvert 2. år": the ordinal in digits.
        const every = /(?:skifter|går\s+på\s+(?:skift|omgang)|roterer|veksler|vælges|udpeges)(?![\p{L}])(?:\s+[^.;]{0,80}?)?\s+hvert\s+(?:(andet|tredje|fjerde|[2-4]\.)\s+)?år(?![\p{L}])/iu.exec(cl);
        const years = every ? ({ andet: 2, tredje: 3, fjerde: 4, '2.': 2, '3.': 3, '4.': 4 } as Record<string, number>)[(every[1] ?? '').toLowerCase()] ?? (every[1] ? undefined : 1) : undefined;
        if (every && years && !/evaluer|revider/iu.test(every[0])) add('chair.termYears', years, ...at(every), 0.8);
      }
      const offset = new RegExp(`(½|et\\s+halvt|en\\s+halv|${NUM}\\s+måneders?)\\s*(?:års?\\s+)?forskydning|forskudt\\s+(?:med\\s+)?(et\\s+halvt\\s+år|${NUM}\\s+måneder)`, 'iu').exec(cl);
      if (offset) {
        const g = (offset[1] ?? offset[3] ?? '').toLowerCase();
        const months = /½|halv/.test(g) ? 6 : parseNumber(offset[2] ?? offset[4] ?? '');
        if (months) add('chair.offsetMonthsFromParent', months, ...at(offset), 0.85);
      }
      const ev = new RegExp(`evaluer\\p{L}*\\s+(?:\\p{L}+\\s+){0,3}(?:senest\\s+)?efter\\s+${NUM}\\s+år`, 'iu').exec(cl);
      if (ev && /formand/i.test(cl)) {
        const n = parseNumber(ev[1]!);
        if (n) add('chair.evaluateAfterYears', n, ...at(ev), 0.85);
      }
    }

    // Secretariat.
    if (!aboutSelfSecretariat) {
      const shared =
        /(?:etableres|er|nedsættes|oprettes|har)\s+(?:et\s+|en\s+)?(?:fælles|delt)\s+\p{L}*sekretariat|delt\s+formand(?:s)?skab\s+og\s+sekretariat|sekretariatsbetjenes\s+af\s+.+?\s+(?:samt|og)\s+.+|(?:fælles|delt)\s+sekretariatsbetjening|sekretariat\p{L}*\s+(?:\p{L}+\s+){0,2}i\s+fællesskab/iu.exec(cl);
      if (shared) add('secretariat.shared', true, ...at(shared), 0.85);
      // "Sekretariatet følger formandskabet", "Sekretariatsfunktionen skifter sammen med formandskabet", "... varetages af den
      // part, der har formandskabet": the secretariat goes with the chair.
      const follows =
        /sekretariat\p{L}*.*?(?:den\s+kommune|den\s+part|den\s+organisation|den\s+sektor),?\s+(?:der|som)\s+(?:har|varetager)\s+(?:med)?formand/iu.exec(cl) ??
        /sekretariat\p{L}*\s+(?:følger|skifter\s+(?:sammen\s+)?med|går\s+på\s+skift\s+(?:sammen\s+)?med)\s+formand(?:s)?skabet(?![\p{L}])/iu.exec(cl);
      if (follows) add('secretariat.followsChair', true, ...at(follows), 0.8);
    }

    const cont = new RegExp(`(?:minimum|mindst)\\s+(?:én|en|1|et|ét)\\s+(?:\\p{L}+\\s+){0,2}(?:er|skal\\s+være|være)\\s+gennemgående`, 'iu').exec(cl);
    if (cont) add('continuityRequired', true, ...at(cont), 0.85);
  }

  // "en fælles ledelse – en fra regionen og en fra kommunesiden", "to ligeværdige formænd, som vælges henholdsvis blandt
  // regionsrådets repræsentanter og blandt borgmestrene": a chair of two, one from each side, is a shared chair between those sides.
  const pair = /(?:fælles|delt)\s+(?:ledelse|formand(?:s)?skab)|to\s+(?:\p{L}+\s+)?(?:med)?formænd|(?:med)?formænd\s+(?:\p{L}+\s+){0,2}(?:en|én)\s+fra/iu.exec(s);
  if (pair && !aboutSelfChair) {
    const tail = s.slice(pair.index + pair[0].length);
    const each =
      /(?:en|én)\s+fra\s+(.+?)\s+og\s+(?:en|én)\s+fra\s+([^–—,.;]+)/iu.exec(tail) ??
      /henholdsvis\s+(?:blandt|fra)\s+(.+?)\s+og\s+(?:blandt|fra)\s+([^,.;]+)/iu.exec(tail);
    const sides = each ? uniqueSides([...allSectors(each[1]!), ...allSectors(each[2]!)]) : [];
    if (each && sides.length >= 2) {
      const end = pair.index + pair[0].length + each.index + each[0].length;
      add('chair.shared', true, pair.index, end, 0.8);
      add('chair.sides', sides, pair.index, end, 0.8);
    }
  }

  // "Vicedirektøren for Hospitalsenheden X og en kommunal sundhedschef er formænd", "... udgør (i fællesskab) formandskabet": two
  // holders named before the verb, each of a side of their own, are a shared chair of those sides (one going round them is a
  // rotation, read above; a holder naming no side gives nothing).
  const namedPair = /^\s*([^,;:]+?)\s+og\s+([^,;:]+?)\s+(?:(?:er|bliver|fungerer\s+som)\s+(?:fælles\s+|ligeværdige\s+)?(?:med)?formænd|udgør\s+(?:i\s+fællesskab\s+)?(?:det\s+fælles\s+)?formand(?:s)?skabet|deler\s+formand(?:s)?skabet)(?![\p{L}])/iu.exec(s);
  if (namedPair && !aboutSelfChair && !/skift|omgang|roter|veksl/iu.test(s)) {
    const a = firstSector(namedPair[1]!)?.sector;
    const b = firstSector(namedPair[2]!)?.sector;
    const sides = a && b ? uniqueSides([a, b]) : [];
    if (sides.length === 2 && allSectors(namedPair[1]!).length === 1 && allSectors(namedPair[2]!).length === 1) {
      const start = namedPair.index + namedPair[0].length - namedPair[0].trimStart().length;
      add('chair.shared', true, start, namedPair.index + namedPair[0].length, 0.8);
      add('chair.sides', sides, start, namedPair.index + namedPair[0].length, 0.8);
    }
  }

  const dm = /beslutningsreferat\p{L}*/iu.exec(s);
  if (dm) add('decisionMinutes', true, dm.index, dm.index + dm[0].length, 0.85);

  // "Referatet er gældende, såfremt der ikke er gjort indsigelser inden 8 dage", "godkendes, medmindre der gøres indsigelse":
  // the minutes stand unless someone objects.
  const tacit =
    /(?:betragtes|anses|regnes)\s+(?:\p{L}+\s+){0,3}(?:som|for)\s+godkendt|godkendes\s+stiltiende|stiltiende\s+godkend\p{L}*/iu.exec(s) ??
    /(?:gældende|godkendt|endelig\p{L}*|godkendes),?\s+(?:(?:såfremt|hvis|når)\s+(?:der\s+)?ikke|medmindre(?:\s+der)?)\s+(?:er\s+|bliver\s+)?(?:gjort|gøres|modtaget|modtages|fremsat|fremsættes|kommet|indkommet)?\s*(?:\p{L}+\s+)?(?:indsigelse|bemærkning|kommentar)\p{L}*/iu.exec(s);
  if (tacit && /referat/i.test(s)) add('deadlines.tacitApproval', true, tacit.index, tacit.index + tacit[0].length, 0.85);
  // "Bemærkninger afgives ... senest 3 dage efter modtagelsen. Herefter er referatet godkendt og offentliggøres.": once the
  // window for comments the sentence before gave has passed, the minutes stand (no meeting approves them).
  const standsAfter = /^(?:herefter|derefter|dernæst|hereafter)\s+(?:er|anses|betragtes)\s+referatet\s+(?:(?:for|som)\s+)?godkendt(?![\p{L}])/iu.exec(s.trim());
  if (!tacit && standsAfter && /(?:bemærkning|kommentar|indsigelse|rettelse)\p{L}*[^.]*?(?:senest|inden|indenfor|inden\s+for)\s+\S+\s+(?:dage|hverdage|arbejdsdage|uger?)/iu.test(ctx.previous ?? '')) {
    const off = s.indexOf(s.trim());
    add('deadlines.tacitApproval', true, off + standsAfter.index, off + standsAfter.index + standsAfter[0].length, 0.8);
  }

  // "Dagsordenen kan også ses på kommunens hjemmeside": an agenda anyone can read there is published.
  if (/dagsorden|referat|materiale/i.test(s)) {
    const pub = /(?:offentliggøres|publiceres|kan\s+(?:også\s+|ligeledes\s+|desuden\s+)?(?:ses|læses|findes)|lægges\s+(?:ud\s+)?på|gøres\s+(?:offentligt\s+)?tilgængelig\p{L}*|gjort\s+(?:offentligt\s+)?tilgængelig\p{L}*|er\s+(?:offentligt\s+)?tilgængelig\p{L}*)[^.]*?(?:på\s+)?((?:[\p{L}.'-]+\s+){0,4}(?:hjemmeside|website|intranet|internet)\p{L}*|www\.[\w.-]+(?:\/\S*)?|[\p{L}\d-]+\.(?:dk|de|eu|com|org|net|gl|fo|no|se)(?![\p{L}\d]))/iu.exec(s);
    if (pub) {
      const where = pub[1]!.replace(/^på\s+/i, '').replace(/[.,;:]+$/, '');
      add('publication', { public: !/intranet/i.test(where), where }, pub.index, pub.index + pub[0].length, 0.8);
    } else {
      // "Herefter er referatet godkendt og offentliggøres": the minutes (or the agenda) made public, no place named. Not "ikke
      // offentliggøres", not "først offentliggøres, når ..." of a part, not "offentliggøres internt".
      const bare = /(?<![\p{L}])(?:referat(?:et|erne)?|dagsorden(?:en|erne)?|beslutningsprotokol(?:len)?)\s+(?:(?:(?:er|bliver)\s+)?godkendt\s+og\s+)?(?:offentliggøres|publiceres)(?![\p{L}])(?!\s+(?:ikke|internt|kun))/iu.exec(s);
      if (bare && !/(?:ikke|aldrig)\s+(?:\p{L}+\s+){0,2}(?:offentliggøres|publiceres)/iu.test(s)) add('publication', { public: true }, bare.index, bare.index + bare[0].length, 0.75);
    }
  }

  const parent = new RegExp(
    `${B}(?:refererer|referer|referere|rapporterer|svarer)\\s+(?:direkte\\s+|løbende\\s+|årligt\\s+|halvårligt\\s+|kvartalsvis\\s+)?til\\s+${FORUM_PHRASE}|(?:er\\s+)?(?:organisatorisk\\s+)?forankret\\s+under\\s+${FORUM_PHRASE}|er\\s+underlagt\\s+${FORUM_PHRASE}|(?:er|blev)\\s+(?:i\\s+(?:\\p{L}+\\s+)?\\d{4}\\s+)?(?:nedsat|etableret|oprettet)\\s+(?:i\\s+(?:\\p{L}+\\s+)?\\d{4}\\s+)?(?:af|under)\\s+${FORUM_PHRASE}|(?<![\\p{L}])(?<!(?:der|som)\\s+)hører\\s+(?:organisatorisk\\s+)?under\\s+${FORUM_PHRASE}(?![\\p{L}])(?!\\s+(?:område|ressort|regi|opgaver)${E})|er\\s+(?:et|en)\\s+(?:underudvalg|undergruppe|underforum)\\s+(?:til|under|af)\\s+${FORUM_PHRASE}|(?:er|blev)\\s+nedsat\\s+(?:i\\s+henhold\\s+til|efter|ved)\\s+(?:en\\s+)?beslutning\\s+(?:på\\s+(?:et\\s+)?møde\\s+)?i\\s+${FORUM_PHRASE}|med\\s+(?:reference|refer\\p{L}*)\\s+til\\s+${FORUM_PHRASE}`,
    'iu',
  ).exec(s);
  // "referer til det Strategiske og Økonomiske Forum (SØF)": a proper name of capitalised words joined by "og", ending in a
  // capitalised kind word, longer than the general phrase takes.
  const properParent = parent ? null : /(?<![\p{L}])(?:refererer|referer|rapporterer)\s+til\s+(?:det|den)\s+((?:[\p{Lu}][\p{L}-]*\s+(?:og\s+)?){1,4}(?:Forum|Udvalg|Råd|Styregruppe|Gruppe|Komit[eé]))(?![\p{L}])/u.exec(s);
  // An evaluation reported to a body ("evaluerer sit arbejde ... og rapporterer til X") is no parent; a verb clause after the
  // parent's name ("refererer til X og evaluerer sit arbejde over for styregruppen") leaves the parent as it is.
  // "Arbejdsgrupperne rapporterer (løbende) til forummet": the forum's own sub-groups as the subject report to it; that names no
  // parent of this forum (it gave the parent 'Forummet').
  const subjectWord = /^\s*([\p{L}-]+)/u.exec(s)?.[1] ?? '';
  const subjectKind = kindAtStart(subjectWord);
  const ownSubGroups = !!subjectKind && subjectKind.length === subjectWord.length && !!subjectKind.kind.subGroupLabel && subjectKind.kind.slug !== ctx.forumKind;
  if (parent && !ownSubGroups && !/evaluer/i.test(s.slice(0, parent.index))) {
    const phrase = parent.slice(1).find((g) => g !== undefined)!.replace(VERB_CLAUSE_AFTER_NAME, '');
    const { name, offset } = forumNameIn(phrase);
    const off = parent.index + parent[0].lastIndexOf(phrase) + offset;
    add('parent.name', capitalise(name), off, off + name.length, 0.9);
  } else if (properParent && !/evaluer/i.test(s.slice(0, properParent.index))) {
    const name = properParent[1]!;
    const off = properParent.index + properParent[0].lastIndexOf(name);
    add('parent.name', `Det ${name}`, off, off + name.length, 0.85);
  }
  out.push(...parentBySetUp(s, ctx));
  out.push(...holderRules(s, ctx));
  out.push(...sharedRoles(s, ctx));
  for (const m of s.matchAll(new RegExp(`([\\p{Lu}][\\p{L}-]+)\\s+udpeger\\s+(hver\\s+)?${NUM}\\s+medlem(?:mer)?${E}`, 'gu'))) {
    const n = parseNumber(m[3]!);
    if (!n) continue;
    const party = { kind: 'sector' as const, sector: firstSector(m[1]!)?.sector ?? ('other' as OrganisationKind), perOrganisation: !!m[2] };
    out.push({ list: 'seats', value: { party, role: m[1]!, min: n, max: n } satisfies SeatDraft, start: m.index, end: m.index + m[0].length, confidence: 0.75 });
  }

  // "Regionen er repræsenteret med 4 medlemmer", "Almen praksis deltager med to repræsentanter", "..., og kommunerne udpeger 3
  // medlemmer", "Hver kommune er repræsenteret med ét medlem", "..., kommunerne udpeger hver ét medlem": a side (one the lexicon knows) as the subject, with its count of
  // seats; not when another forum is named after the count ("... med 2 medlemmer i Sundhedskoordinationsudvalget").
  const SIDE_SUBJECT = String.raw`([Hh]ver\s+kommune|[Rr]egionen|[Kk]ommunerne|[Aa]lmen\s+praksis|[Dd]e\s+praktiserende\s+læger|[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+){0,2})`;
  for (const m of s.matchAll(new RegExp(`(?:^\\s*|,\\s+(?:og\\s+|samt\\s+)?)${SIDE_SUBJECT}\\s+(er\\s+repræsenteret\\s+(?:med|ved)|deltager\\s+med|udpeger)\\s+(hver\\s+)?${NUM}\\s+(?:medlem(?:mer)?|repræsentant(?:er)?)(\\s+hver)?(?![\\p{L}])(?!\\s+(?:i|til|på|af)\\s)`, 'gu'))) {
    const subject = m[1]!;
    // "Regionen udpeger 3 medlemmer" at the sentence's start is read by the rule above.
    if (m[2] === 'udpeger' && /^\s*[\p{Lu}][\p{L}-]+$/u.test(subject) && m.index === 0) continue;
    const sector = firstSector(subject)?.sector;
    const n = parseNumber(m[4]!);
    if (!sector || !n) continue;
    // "..., kommunerne udpeger hver ét medlem": each of them one.
    const party = { kind: 'sector' as const, sector, perOrganisation: /^hver\s/iu.test(subject) || !!m[3] || !!m[5] };
    const at = m.index + m[0].indexOf(subject);
    out.push({ list: 'seats', value: { party, role: subject, min: n, max: n } satisfies SeatDraft, start: at, end: m.index + m[0].length, confidence: 0.7 });
  }

  const td = new RegExp(`${B}${NUM}\\s+(?:årlige\\s+)?temadag\\p{L}*`, 'iu').exec(s);
  if (td && /årlig|om\s+året|pr\.?\s*år/i.test(s)) {
    const perYear = parseNumber(td[1]!);
    const w = new RegExp(`temadag\\p{L}*\\s+(?:sammen\\s+)?med\\s+${FORUM_PHRASE}`, 'iu').exec(s);
    const end = w ? w.index + w[0].length : td.index + td[0].length;
    if (perYear !== undefined) add('themeDays', { perYear, ...(w ? { withForumName: nameOf(w[1]!) } : {}) }, td.index, end, 0.85);
  }

  const jm = /fællesmøde\p{L}*/iu.exec(s);
  if (jm) {
    const w = new RegExp(`(?:fællesmøde\\p{L}*|møde\\p{L}*)\\s+(?:\\p{L}+\\s+){0,3}(?:med|som)\\s+${FORUM_PHRASE}`, 'iu').exec(s);
    const order = /(?:umiddelbart\s+)?(?:efter|i\s+forlængelse\s+af)(?:\s+(?:eget|det\s+ordinære|deres|gruppens)?\s*møde|\s*[.,]|\s*$)/i.test(s)
      ? 'after'
      : /(?:før|forud\s+for|inden)(?:\s+(?:eget|det\s+ordinære|deres|gruppens)?\s*møde|\s*[.,]|\s*$)/i.test(s)
        ? 'before'
        : undefined;
    // "Alliancens højeste myndighed er Fællesmødet", "skal godkendes på et fællesmøde": an assembly of the members, where
    // decisions are taken, is no joint meeting with another forum (when no partner and no order is told).
    const assembly = !w && !order && (/fællesmødet(?![\p{L}])(?!\s+med\s)/iu.test(s) || /(?:godkendes|godkendt|vælges|valgt|besluttes|vedtages|vedtaget)\s+på\s+(?:et|det|hvert)\s+fællesmøde/iu.test(s));
    if (!assembly) add('jointMeeting', { ...(w ? { withForumName: nameOf(w[1]!) } : {}), ...(order ? { order } : {}) }, 0, s.length, 0.75);
  }

  if (!jm) out.push(...meetingTogether(s, ctx.forumKind));

  if (/evaluer/i.test(s) && !/formand/i.test(s)) {
    // "evalueres to år efter nedsættelsen", "12 måneder efter opstarten": the span counted from the forum's start.
    const ev =
      new RegExp(`(?:senest\\s+)?efter\\s+${NUM}\\s+(år|måneder)`, 'iu').exec(s) ??
      new RegExp(`${B}${NUM}\\s+(år|måneder)\\s+efter\\s+(?:forummets\\s+|gruppens\\s+|udvalgets\\s+|rådets\\s+)?(?:nedsættelsen?|oprettelsen?|(?:etablering|opstart|start|igangsætning)(?:en)?)${E}`, 'iu').exec(s);
    if (ev) {
      const n = parseNumber(ev[1]!);
      const to = new RegExp(`(?:afrapporter\\p{L}*|rapporter\\p{L}*|forelægges|fremlægges)\\s+(?:\\p{L}+\\s+){0,2}(?:til|for)\\s+${FORUM_PHRASE}`, 'iu').exec(s);
      if (n) {
        const afterMonths = /^år/i.test(ev[2]!) ? n * 12 : n;
        add('evaluation', { afterMonths, ...(to ? { reportToName: nameOf(to[1]!) } : {}) }, 0, s.length, 0.8);
      }
    }
  }

  // "skriver hvert år en beretning om sit arbejde", "en årlig beretning", "årsberetning".
  const st = /(?:hvert\s+år|årligt|om\s+året)\s+(?:\p{L}+\s+){0,2}beretning|årlig\p{L}*\s+beretning|årsberetning|årlig\p{L}*\s+status\p{L}*|status\p{L}*\s+(?:\p{L}+\s+){0,2}(?:en\s+gang\s+)?(?:årligt|hvert\s+år|om\s+året)|årsstatus|årsrapport/iu.exec(s);
  if (st) {
    const to = new RegExp(`til\\s+${FORUM_PHRASE}`, 'iu').exec(s);
    add('annualStatus', to ? { toForumName: nameOf(to[1]!) } : {}, st.index, to ? Math.max(st.index + st[0].length, to.index + to[0].length) : st.index + st[0].length, 0.75);
  }

  // "Temagrupperne har til opgave at ...", "er det fokusgruppens opgave at ...": a task stated in prose.
  if ((ctx.section === 'intro' || ctx.section === 'tasks') && /(?:har\s+(?:\p{L}+\s+){0,2}til\s+opgave\s+at|er\s+det\s+\p{L}+\s+opgave\s+at)\s/iu.test(s)) {
    out.push({ list: 'tasks', value: s, start: 0, end: s.length, confidence: 0.7 });
  }

  // "Formandskabet for sundhedssamarbejdet består af X og Y": the forum's own members.
  // "Hvert opgaveudvalg består af ...": one rule for every forum of the kind is this forum's rule too.
  // "Den udpegede styregruppe for det fælles sundhedshus består af ...": an article and a participle before the kind word.
  const self = kindAtStart(s.replace(/^\d{1,2}(?:\.\d{1,2})+\.?\s+/, '').replace(/^hver[t]?\s+(?=\p{L})/iu, '').replace(/^(?:den|det)\s+(?:udpegede|nedsatte)\s+(?=\p{Ll})/u, '').replace(/^(?:Den|Det)\s+(?:udpegede|nedsatte)\s+(?=\p{Ll})/u, ''));
  // "KOSU består alene af administrative repræsentanter fra kommunerne": a forum named only by its abbreviation is the subject
  // when its own abbreviation opens the sentence (a forum of no known kind).
  const selfSubject = (self && self.kind.slug === ctx.forumKind) || /^(?:gruppen|forummet|udvalget)\s/iu.test(s) || (ctx.forumKind === '' && /^[\p{Lu}]{3,6}\s+(?:består|sammensættes)\s+(?:alene\s+|kun\s+|udelukkende\s+)?af\s/u.test(s));
  // "består dels af A, dels af B": the members in two parts.
  // "Arbejdsgruppen skal bestå af repræsentanter fra ...": the members as a rule.
  // "Vækstforum nedsættes af regionsrådet for Region Sjælland med regionsrådsmedlemmer og kommunalpolitikere og derudover
  // medlemmer udpeget af ...": who it is set up with are its members.
  // "I rådet sidder der 16 repræsentanter fra ...": who sits in this forum (named by its kind word) are its members.
  // "Arbejdsgruppen bemandes med repræsentanter fra kommunerne, regionen og almen praksis": who a group is manned with are its members.
  const sitsIn = sitsInThis(s, ctx);
  // "Derudover består panelet af 11 repræsentanter fra ...": an adverb first, the verb before its subject (this forum's kind word).
  const inverted = /^(?:Derudover|Herudover|Desuden|Endvidere|Yderligere)\s+(?:består|sammensættes)\s+(\p{L}+)\s+(?:også\s+)?af\s+(.+?)\.?$/u.exec(s);
  const invertedSelf = !!inverted && (kindAtStart(inverted[1]!)?.kind.slug === ctx.forumKind && kindAtStart(inverted[1]!)?.length === inverted[1]!.length || /^(?:gruppen|forummet|udvalget|rådet)$/iu.test(inverted[1]!));
  // The match's text starts at its index, so the seats' spans point at the body (the whole sentence with the body's index put
  // them that far again into the text: "munerne.\n" for "3 repræsentanter fra kommunerne").
  // "Desuden deltager to til tre praktiserende læger udpeget af PLO" under the members' heading: further counted members. Not who
  // takes part as needed, as guests or observers, or when invited ("Desuden deltager relevante fagpersoner efter behov").
  const further = ctx.section === 'members' && !inverted ? new RegExp(`^(?:Derudover|Herudover|Desuden|Endvidere|Yderligere)\\s+deltager\\s+(?:der\\s+)?((?:${NUM})(?:(?:\\s*[-–]\\s*|\\s+til\\s+)${NUM})?\\s+[^.;:]+?)\\.?$`, 'u').exec(s) : null;
  const furtherMembers = further && !/efter\s+behov|ved\s+behov|ad[- ]?hoc|observatør|gæst|tilforordne|inviter|indbud|relevant|møderne|mødet|når|hvis|sekretariat/iu.test(further[1]!) ? further : null;
  const invertedConsists = invertedSelf && inverted ? Object.assign([s.slice(s.lastIndexOf(' af ' + inverted[2]!)), inverted[2]!] as unknown as RegExpExecArray, { index: s.lastIndexOf(' af ' + inverted[2]!) }) : furtherMembers ? Object.assign([s.slice(s.lastIndexOf(' ' + furtherMembers[1]!)), furtherMembers[1]!] as unknown as RegExpExecArray, { index: s.lastIndexOf(' ' + furtherMembers[1]!) }) : null;
  const consists = sitsIn ?? invertedConsists ?? /\s+(?:består|sammensættes|er\s+sammensat|skal\s+bestå|skal\s+sammensættes)\s+(?:dels\s+|alene\s+|kun\s+|udelukkende\s+)?af\s+(.+?)\.?$/u.exec(s) ?? /\s+(?:bemandes|er\s+bemandet|skal\s+bemandes)\s+med\s+(.+?)\.?$/u.exec(s) ?? /\s+(?:nedsættes|er\s+nedsat|etableres)\s+af\s+[^,.;]{2,80}?\s+med\s+((?!henblik|det\s|den\s|formål)[^,.;].+?)\.?$/u.exec(s);
  // "består af 11 medlemmer: Borgmester A, X Kommune, ...", "Fra venstre mod højre: A (V), borgmester Hjørring, ...":
  // members named one by one are counted per side; the names are not seats of their own.
  const named = namedMemberFindings(s, ctx);
  out.push(...named);
  // "Sundhedsklyngerne består af et fagligt og et politisk niveau": levels, not members.
  const readsConsists = !named.length && (selfSubject || !!sitsIn || !!invertedConsists) && !!consists && !/\s(?:er|har|skal)\s/.test(s.slice(0, consists.index)) && !/\sniveau(?:er)?\.?$/iu.test(consists[1]!);
  if (!readsConsists) out.push(...relativeSideListSeats(s, ctx));
  if (readsConsists && consists) {
    // "Udvalget består af syv regionsrådsmedlemmer:" leads into a list of names: the count is the seat.
    // "fire repræsentanter udpeget af Byrådet, heraf to politikere og to embedsmænd": the part after "heraf" divides the
    // seats before it; it adds none.
    // "i alt 8 medlemmer, heraf 4 medlemmer udpeget af X og 4 medlemmer udpeget af Y, heraf 2 ...": after a count of the members in
    // all (naming no party) the first "heraf" divides the total, as "hvoraf" does; a later one divides the seat before it.
    // "består af 12 medlemmer som udpeges således, at handicaporganisationernes medlemmer udgør samme antal, som ...": how the
    // members are divided is told after the count of them all; that count is the total, the rest no seat.
    // "består af maksimalt 15 medlemmer med bopæl i Køge Kommune": where the members live is no side; the count alone is no seat.
    const whole = consists[1]!.replace(/\s*:$/, '').replace(/^((?:\S+\s+){1,3}?(?:medlemmer|personer|borgere))\s+(?:med\s+bopæl|bosat|bosiddende)\s+i\s+[^,;:]+$/iu, '$1').replace(new RegExp(`^(${NUM}\\s+(?:medlemmer|personer)),?\\s+(?:som|der)\\s+(?:udpeges|vælges|sammensættes|fordeles)\\s+(?:således|på\\s+følgende\\s+måde|som\\s+følger)(?:,?\\s+at\\s.*)?$`, 'iu'), '$1');
    const totalFirst = new RegExp(`^(?:i\\s+alt\\s+)?${NUM}\\s+(?:medlemmer|personer)(?:\\s+i\\s+alt)?,?\\s+heraf\\s+`, 'iu').exec(whole);
    const body = totalFirst ? whole.slice(0, totalFirst[0].length) + whole.slice(totalFirst[0].length).replace(/,?\s+heraf\s+.*$/iu, '') : whole.replace(/,?\s+heraf\s+.*$/iu, '');
    const bodyStart = consists.index + consists[0].indexOf(body);
    // "rådmændene for Børn- og Ungeudvalget, Beskæftigelses- og Socialudvalget og Ældre- og Handicapudvalget samt fire øvrige
    // byrådsmedlemmer": holders of a post named for each of a list are as many seats as the list has names.
    const posts = /^((?:de\s+)?\p{Ll}+(?:ene|erne))\s+for\s+(.+?)(?:\s+samt\s+(.+))?$/u.exec(body);
    const postSector = posts ? personSector(posts[1]!) : undefined;
    const postCount = posts ? posts[2]!.split(/,\s+|(?<!-)\s+og\s+/u).filter((x) => /^[\p{Lu}]/u.test(x.trim())).length : 0;
    const parts = posts && postSector && postCount >= 2 ? (posts[3] ? [{ start: body.lastIndexOf(posts[3]), text: posts[3] }] : []) : joinAppointingClauses(body, joinCoordinatedObjects(body, splitTopLevel(body)));
    if (posts && postSector && postCount >= 2) {
      out.push({ list: 'seats', value: { party: { kind: 'sector', sector: postSector, perOrganisation: false }, role: posts[1]!, min: postCount, max: postCount } satisfies SeatDraft, start: bodyStart, end: bodyStart + posts[1]!.length + posts[2]!.length + 5, confidence: 0.7 });
    }
    const found: RawFinding[] = [];
    // "repræsentanter fra Region Hovedstaden herunder Nordsjællands Hospital, ...": the parts of an organisation named after
    // "herunder" sit as well, each on its own side.
    const split = parts.flatMap((part) => {
      const under = /^(.+?)\s+herunder\s+(.+)$/u.exec(part.text);
      return under ? [{ start: part.start, text: under[1]! }, { start: part.start + part.text.indexOf(under[2]!), text: under[2]! }] : [part];
    });
    for (const part of split) {
      for (const seat of parseSeatSegment(part.text, undefined)) {
        // "Region Hovedstadens Psykiatri": an organisation inside a region, named with it, sits for its own side.
        const proper = /^[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)+$/u.test(part.text.trim()) ? holderSector(part.text) : undefined;
        const value = split.length > parts.length && proper && seat.min === null && proper !== seat.party.sector ? { ...seat, party: { ...seat.party, sector: proper } } : seat;
        found.push({ list: 'seats', value, start: bodyStart + part.start, end: bodyStart + part.start + part.text.length, confidence: 0.75 });
      }
    }
    // "skal bestå af repræsentanter fra kommuner, sygehuse samt almen praksis": a list of sides, none counted; a side counted
    // elsewhere has its counted seats (terms-import.extract.ts).
    // "dels af regionsrådets formand, som er født formand for udvalget, dels af ...": the member just named chairs this forum.
    for (let i = 1; i < parts.length; i++) {
      if (!/^(?:som|der)\s+(?:er\s+)?(?:født|fast|samtidig)\s+formand\s+for\s+(?:udvalget|gruppen|rådet|forummet|styregruppen|bestyrelsen)$/iu.test(parts[i]!.text.trim())) continue;
      const prev = parts[i - 1]!.text.replace(/^(?:dels\s+af|samt|og)\s+/iu, '').trim();
      const sector = holderSector(prev);
      if (sector) found.push({ path: 'chair.by', value: { name: prev, sector }, start: bodyStart + parts[i - 1]!.start, end: bodyStart + parts[i]!.start + parts[i]!.text.length, confidence: 0.75 });
    }
    const seatsFound = found.filter((x) => x.list === 'seats').map((x) => x.value as SeatDraft);
    if (parts.length >= 2 && seatsFound.length >= 2 && seatsFound.every((x) => x.min === null && x.max === null)) seatsFound.forEach((x) => sideListSeats.add(x));
    out.push(...found);
  }
  out.push(...besidesPersonSeats(s, ctx));
  out.push(...takingPartSeats(s, ctx));
  out.push(...meetingParticipantSeats(s, ctx));
  out.push(...teamSeats(s));
  out.push(...representativeSeats(s, ctx));
  out.push(...appointedCountSeats(s));
  out.push(...appointedDividedSeats(s));
  out.push(...sideMembersOfThis(s, ctx));
  out.push(...representationFrom(s, ctx));
  out.push(...meetingWithSeats(s, ctx));
  out.push(...widenedSeats(s, ctx));
  out.push(...officersFromSides(s));
  out.push(...consistingOfSeats(s, ctx));
  out.push(...countedSeatsSentence(s));
  out.push(...countedShallBeSeats(s, ctx));
  out.push(...appointedFromEachSeats(s, ctx));
  out.push(...eachGroupSeats(s, ctx));
  out.push(...cooperatingSeats(s, ctx));
  out.push(...englishMembers(s));
  out.push(...yearlyInvitation(s, ctx));
  // "De to lægelige medlemmer udpeges af det lokale lægelaug": a count of members named by their side.
  const counted = new RegExp(`^(?:de\\s+)?${NUM}\\s+([\\p{L}-]+e)\\s+medlemmer\\s+(?:udpeges|vælges|findes|udnævnes)${E}`, 'iu').exec(s);
  const countedSector = counted ? firstSector(counted[2]!)?.sector : undefined;
  const n = counted ? parseNumber(counted[1]!) : undefined;
  if (counted && countedSector && n) {
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector: countedSector, perOrganisation: false }, role: `${counted[2]} medlemmer`, min: n, max: n } satisfies SeatDraft, start: 0, end: counted[0].length, confidence: 0.7 });
  }
  return out;
}

/**
 * "I Testby klyngen er der nedsat en styregruppe, der består af hospitalsledelsen, ledere fra kommunerne A, B og C,
 * praksiskoordinator, Region X's administration og Center for Y": this forum (its kind word or its name, with a relative clause)
 * and a run-on list of the parties in it, none counted. A seat a side named (each side once); a part naming no side ("Center for
 * Y") gives none rather than a guess. Only a list that ends the sentence, every part a short noun phrase with no count and no
 * verb, and at least two sides; one beginning with "repræsentanter fra" is read by representativeSeats.
 */
function relativeSideListSeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /(?<![\p{L}])([\p{L}-]+),?\s+(?:der|som)\s+består\s+af\s+(?!(?:\p{L}+-?|\p{L}+e\s+)?repræsentanter\s)(.+?)\.?$/u.exec(s);
  if (!m) return [];
  const word = m[1]!;
  const k = kindAtStart(word);
  const own = (ctx.forumName ?? '').toLowerCase().replace(/(?:en|et|ne|erne)$/u, '');
  const thisForum = !!k && k.length === word.length && (k.kind.slug === ctx.forumKind || (own !== '' && word.toLowerCase().replace(/(?:en|et|ne|erne)$/u, '') === own));
  if (!thisForum || /\d/.test(m[2]!)) return [];
  const body = m[2]!;
  const bodyStart = m.index + m[0].lastIndexOf(body);
  const parts = splitTopLevel(body);
  const verb = /(?<![\p{L}])(?:er|har|skal|kan|vil|mødes|holder|arbejder|sikrer|drøfter|varetager|deltager)(?![\p{L}])/iu;
  if (parts.length < 2 || parts.some((p) => p.text.trim().split(/\s+/).length > 6 || verb.test(p.text) || new RegExp(`^${NUM}\\s`, 'iu').test(p.text.trim()))) return [];
  const out: RawFinding[] = [];
  const seen = new Set<OrganisationKind>();
  for (const part of parts) {
    const sector = holderSector(part.text.trim());
    if (!sector || seen.has(sector)) continue;
    seen.add(sector);
    const start = bodyStart + part.start + (part.text.length - part.text.trimStart().length);
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start, end: start + part.text.trim().length, confidence: 0.65 });
  }
  return out.length >= 2 ? out : [];
}

/**
 * "Samordningsudvalgene holder møder 4-6 gange årligt, hvor ledelsesrepræsentanter fra hospitaler, kommuner og almen praksis
 * drøfter og løser ...": who meets at this forum's meetings, named by the sides they come from, are its members (no counts).
 * Only when this forum is the subject, each part of the list names a side, and they act ("drøfter"), not when they may be
 * invited ("kan inviteres").
 */
function meetingParticipantSeats(s: string, ctx: RuleContext): RawFinding[] {
  const subject = kindAtStart(s);
  if (!subject || subject.kind.slug !== ctx.forumKind || !/^\s/u.test(s.slice(subject.length))) return [];
  const side = String.raw`(?:almen\s+praksis|(?:de\s+)?praktiserende\s+læger|[\p{L}-]+)`;
  const m = new RegExp(`^[\\p{L}-]+\\s+(?:holder|afholder)\\s+(?:sine\\s+)?møde(?:r|rne)?\\s+[^.;]{0,60}?,\\s+hvor\\s+(?:[\\p{L}-]*repræsentanter|ledere|medlemmer)\\s+fra\\s+(${side}(?:,\\s+${side})*\\s+(?:og|samt)\\s+${side})\\s+(\\p{Ll}+)`, 'u').exec(s);
  if (!m || /^(?:kan|må|skal|inviteres|indbydes|indkaldes|deltager)$/u.test(m[2]!)) return [];
  const body = m[1]!;
  const bodyStart = m.index + m[0].lastIndexOf(body, m[0].length - m[2]!.length);
  const parts = splitTopLevel(body);
  const sectors = parts.map((p) => holderSector(p.text.trim()));
  if (parts.length < 2 || sectors.some((x) => !x)) return [];
  const out: RawFinding[] = [];
  const seen = new Set<OrganisationKind>();
  parts.forEach((part, i) => {
    const sector = sectors[i]!;
    if (seen.has(sector)) return;
    seen.add(sector);
    const start = bodyStart + part.start;
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start, end: start + part.text.length, confidence: 0.65 });
  });
  return out;
}

/**
 * "Du bliver en del af et team på 2-3 brugerrepræsentanter": a call for users names how many of them sit in the forum as a team
 * (a group) of a count; users, patients and relatives sit for no side (other).
 */
function teamSeats(s: string): RawFinding[] {
  const m = new RegExp(`(?:et|en)\\s+(?:team|gruppe|hold)\\s+på\\s+(${NUM}(?:\\s*[-–]\\s*${NUM})?)\\s+(?<role>(?:bruger|patient|pårørende|borger)repræsentanter)${E}`, 'iu').exec(s);
  if (!m) return [];
  const range = m[1]!.split(/\s*[-–]\s*/u).map((x) => parseNumber(x));
  const min = range[0];
  const max = range[1] ?? range[0];
  if (!min || !max || max < min) return [];
  const at = m.index + m[0].indexOf(m[1]!);
  return [{ list: 'seats', value: { party: { kind: 'sector', sector: 'other', perOrganisation: false }, role: m.groups!['role']!, min, max } satisfies SeatDraft, start: at, end: m.index + m[0].length, confidence: 0.7 }];
}

/**
 * "2-3 udpeges af PLO's bestyrelse, mens de øvrige fem medlemmer repræsenterer de regionale lægevagtsudvalg": after the
 * members' total, clauses that open with a count and say who appoints or whom they represent are seats of that side.
 */
function appointedCountSeats(s: string): RawFinding[] {
  const out: RawFinding[] = [];
  // "Sammensætningen skal desuden følge disse retningslinjer: 6 medlemmer udpeget af Byrådet.": the counted members after a
  // colon that introduces the composition.
  const intro = /^([^:]{0,120}?(?:sammensætning|retningslinje|følgende|medlemmer)[^:]{0,60}):\s+(?=\d|en\s|to\s|tre\s|fire\s|fem\s|seks\s)/iu.exec(s);
  const offset = intro ? intro[0].length : 0;
  for (const c of clauses(s.slice(offset).replace(/\.$/, ''))) {
    const m = new RegExp(`^(?:de\\s+(?:øvrige|resterende|andre)\\s+)?${NUM}(?:\\s*[-–]\\s*${NUM})?\\s+(?:medlemmer\\s+|repræsentanter\\s+)?(udpeges\\s+af|udpeget\\s+af|vælges\\s+af|repræsenterer)\\s+(.+)$`, 'iu').exec(c.text);
    if (!m) continue;
    const verb = m[3]!.toLowerCase();
    const whom = m[4]!;
    const start = offset + c.start;
    // "6 medlemmer udpeges af Byrådet efter indstilling fra Danske Handicaporganisationer, således at ...": the body that appoints
    // is not the party the seat is for; the nominating party is.
    if (/efter\s+indstilling\s+(?:fra|af)\s/iu.test(whom)) {
      const text = c.text.replace(/,?\s+således\s+at\s.*$/iu, '');
      for (const value of parseSeatSegment(text, undefined)) out.push({ list: 'seats', value, start, end: start + text.length, confidence: 0.7 });
      continue;
    }
    const a = parseNumber(m[1]!);
    const b = m[2] ? parseNumber(m[2]) : a;
    // "5 medlemmer repræsenterer handicaporganisationerne": organisations of no side of their own sit for themselves.
    const sector = personSector(whom) ?? (verb === 'repræsenterer' && /^(?:de\s+|den\s+)?[\p{L}-]*(?:organisation|forening)\p{L}*$/iu.test(whom.replace(/[,.].*$/u, '').trim()) ? 'other' : undefined);
    if (a === undefined || b === undefined || !sector) continue;
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, role: whom, min: a, max: b } satisfies SeatDraft, start, end: start + c.text.length, confidence: 0.7 });
  }
  return out;
}

/**
 * "så de kommunale repræsentanter i arbejdsgruppen kan få faglig støtte", "mødes med den regionale tovholder for arbejdsgruppen":
 * a side's representatives or lead in this forum (its kind word, definite) are members of that side; no count is told.
 */
function sideMembersOfThis(s: string, ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of s.matchAll(/(?<![\p{L}])(?:de|den)\s+(kommunale|regionale)\s+(?:repræsentanter|repræsentant|medlemmer|tovholder)\s+(?:i|for)\s+([\p{L}-]+)/giu)) {
    const k = kindAtStart(m[2]!);
    if (!k || k.kind.slug !== ctx.forumKind || k.length !== m[2]!.length || !/(?:en|et|ne)$/iu.test(m[2]!)) continue;
    const sector: OrganisationKind = /^kommunal/iu.test(m[1]!) ? 'municipality' : 'region_administration';
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, role: m[0].replace(/^(?:de|den)\s+/iu, ''), min: null, max: null } satisfies SeatDraft, start: m.index, end: m.index + m[0].length, confidence: 0.6 });
  }
  return out;
}

/**
 * "Der etableres et nyt tværsektorielt forum ved navn Psykiatriforum med repræsentation fra alle 19 midtjyske kommuner, Region
 * Midtjylland samt PLO-Midtjylland": the parties this forum (named before it in the sentence) has representation from sit in it.
 */
function representationFrom(s: string, ctx: RuleContext): RawFinding[] {
  const m = /\s+med\s+repræsentation\s+fra\s+(.+?)\.?$/u.exec(s);
  if (!m || !kindMentions(s.slice(0, m.index)).some((k) => k.kind.slug === ctx.forumKind)) return [];
  const body = m[1]!;
  const bodyStart = m.index + m[0].indexOf(body);
  const out: RawFinding[] = [];
  for (const part of body.split(/,\s+|\s+(?:og|samt)\s+/u)) {
    const at = body.indexOf(part);
    for (const seat of parseSeatSegment(part, undefined)) {
      out.push({ list: 'seats', value: seat, start: bodyStart + at, end: bodyStart + at + part.length, confidence: 0.7 });
    }
  }
  return out;
}

/**
 * "Formålet med Psykiatrisk Dialogforum er, at repræsentanter for psykiatriens patient-, bruger- og pårørendeforeninger kan
 * mødes med repræsentanter fra regionsrådet og drøfte ...": the two parties that meet in this forum (named before them) sit in it.
 */
function meetingWithSeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /(?<![\p{L}])(repræsentanter\s+(?:for|fra)\s+.+?)\s+(?:kan\s+|skal\s+)?mødes\s+med\s+(repræsentanter\s+(?:for|fra)\s+.+?)(?:\s+og\s+(?:drøfte|diskutere|tale|udveksle)(?![\p{L}]).*)?\.?$/u.exec(s);
  if (!m || !kindMentions(s.slice(0, m.index)).some((k) => k.kind.slug === ctx.forumKind)) return [];
  const out: RawFinding[] = [];
  for (const part of [m[1]!, m[2]!]) {
    const at = s.indexOf(part, m.index);
    // "psykiatriens patient-, bruger- og pårørendeforeninger": patients', users' and relatives' associations sit for themselves.
    const own = /(?:patient|bruger|pårørende)[\p{L}-]*(?:,?\s+(?:og\s+)?[\p{L}-]+)*?(?:forening|organisation)/iu.test(part);
    for (const seat of parseSeatSegment(part, undefined)) {
      const value = own ? { ...seat, party: { ...seat.party, sector: 'other' as const } } : seat;
      out.push({ list: 'seats', value, start: at, end: at + part.length, confidence: 0.65 });
    }
  }
  return out;
}

/** The side a member's post or role names: "regionsrådsmedlem", "byrådsmedlem", "foreningsrepræsentant". */
export function postSide(word: string): OrganisationKind | undefined {
  if (/^regionsråd/iu.test(word)) return 'region_administration';
  if (/^(?:byråd|kommunalbestyrelse|borgmester|rådmand)/iu.test(word)) return 'municipality';
  if (/^(?:forenings|organisations|bruger|pårørende|patient)[\p{L}-]*(?:repræsentant|medlem)/iu.test(word)) return 'other';
  if (/^praktiserende\s+læge/iu.test(word)) return 'general_practice';
  return undefined;
}

/**
 * "... skal dette selv udpege formand og næstformand, hvoraf den ene er regionsrådsmedlem og den anden er
 * foreningsrepræsentant": the chair and the vice-chair are chosen among the members, so both sides named sit in the forum.
 */
function officersFromSides(s: string): RawFinding[] {
  const m = /formand\s+og\s+næstformand,?\s+hvoraf\s+den\s+ene\s+(?:skal\s+)?(?:være|er)\s+([\p{L}-]+(?:\s+læge)?)\s+og\s+den\s+anden\s+(?:skal\s+)?(?:være|er)\s+([\p{L}-]+(?:\s+læge)?)/iu.exec(s);
  if (!m) return [];
  const out: RawFinding[] = [];
  for (const word of [m[1]!, m[2]!]) {
    const sector = postSide(word);
    if (!sector) return [];
    const at = m.index + m[0].lastIndexOf(word);
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null, role: word }, start: at, end: at + word.length, confidence: 0.6 });
  }
  return out;
}

/** "Den Kommunale Styregruppe ... (KOSU) udvides til at omfatte sundhedsdirektørerne fra alle 19 midtjyske kommuner": who this forum now takes in. */
function widenedSeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /\s(?:udvides|er\s+udvidet)\s+til\s+(?:også\s+)?at\s+omfatte\s+(.+?)\.?$/u.exec(s);
  if (!m || !kindMentions(s.slice(0, m.index)).some((k) => k.kind.slug === ctx.forumKind)) return [];
  const at = m.index + m[0].indexOf(m[1]!);
  return parseSeatSegment(m[1]!, undefined).map((value) => ({ list: 'seats' as const, value, start: at, end: at + m[1]!.length, confidence: 0.65 }));
}

/** Seats a body is said to have appointed, counted part by part ("Regionsrådet har udpeget 3 medlemmer af ... og 6 ..."). */
export const dividedSeats = new WeakSet<SeatDraft>();

/**
 * "Regionsrådet har udpeget 3 medlemmer af regionsrådet og 6 bruger- og pårørenderepræsentanter efter indstilling fra ...":
 * a body that appointed counted members of two or more kinds seats each kind on its own side, not on the appointing body's.
 */
function appointedDividedSeats(s: string): RawFinding[] {
  const m = new RegExp(`^(?:[\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{L}-]+){0,3})\\s+(?:har|havde)\\s+(?:nu\\s+)?udpeget\\s+(${NUM}\\s+.+)$`, 'u').exec(s.replace(/\.$/, ''));
  if (!m) return [];
  const body = m[1]!;
  const bodyStart = m.index + m[0].length - body.length;
  const n = NUM.replace(/^\(/, '(?:');
  const parts = body.split(new RegExp(`\\s+(?:og|samt)\\s+(?=${n}\\s)|,\\s+(?=${n}\\s)`, 'iu'));
  if (parts.length < 2) return [];
  const out: RawFinding[] = [];
  let at = 0;
  for (const part of parts) {
    const start = body.indexOf(part, at);
    at = start + part.length;
    const seats = parseSeatSegment(part, undefined);
    if (seats.length !== 1 || seats[0]!.min === null) return [];
    dividedSeats.add(seats[0]!);
    out.push({ list: 'seats', value: seats[0]!, start: bodyStart + start, end: bodyStart + start + part.length, confidence: 0.75 });
  }
  return out;
}

/**
 * Members named one by one (terms-import.members.ts): one counted seat per side, and the chair where a person is
 * "(udvalgets formand)" or "formand for <this forum>". Nothing when a person's side is unknown.
 */
function namedMemberFindings(s: string, ctx: RuleContext): RawFinding[] {
  const list = namedPersons(s);
  const counts = list && namedListSeatCounts(list.persons);
  if (!list || !counts) return [];
  const out: RawFinding[] = [];
  for (const c of counts) {
    const value: SeatDraft = { party: { kind: 'sector', sector: c.sector, perOrganisation: false }, min: c.count, max: c.count };
    namedListSeats.add(value);
    out.push({ list: 'seats', value, start: c.start, end: c.end, confidence: 0.7 });
  }
  for (const p of list.persons) {
    const chair = /\((?:udvalgets|gruppens|rådets)\s+formand\)|(?<!næst)formand\s+for\s+([\p{L}-]+)/iu.exec(p.text);
    if (!chair) continue;
    const own = !chair[1] || kindAtStart(chair[1])?.kind.slug === ctx.forumKind;
    const sector = personSector(p.text);
    if (own && sector) out.push({ path: 'chair.by', value: { name: p.text.replace(/\s*\([^)]*\)/g, ''), sector }, start: p.start, end: p.end, confidence: 0.7 });
  }
  return out;
}

/**
 * "Ud over Anne Test består rådet af yderligere fire medlemmer fra X, to byrådsmedlemmer og tre medlemmer fra Y": the members
 * besides a person the paragraph named before as "Anne Test fra X"; that person is one more of X's seats. A person whose
 * organisation the paragraph does not name gives no seats at all (X's count would be short by one or not).
 */
function besidesPersonSeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /^Ud\s+over\s+((?:[\p{Lu}][\p{L}-]+\s+){1,3}?)(?:,\s*)?består\s+(?:rådet|udvalget|gruppen|forummet|bestyrelsen|styregruppen|netværket)\s+af\s+(?:yderligere\s+)?(.+?)\.?$/u.exec(s);
  if (!m) return [];
  const person = m[1]!.trim();
  const from = new RegExp(`${person.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+fra\\s+((?:[\\p{Lu}][\\p{L}-]*\\s*){1,4})`, 'u').exec(ctx.preceding ?? '');
  if (!from) return [];
  const org = from[1]!.trim();
  const body = m[2]!;
  const bodyStart = m.index + m[0].lastIndexOf(body);
  const out: RawFinding[] = [];
  let added = false;
  for (const part of joinAppointingClauses(body, joinCoordinatedObjects(body, splitTopLevel(body)))) {
    for (const seat of parseSeatSegment(part.text, undefined)) {
      const own = !added && seat.min !== null && seat.min === seat.max && (seat.role ?? '').includes(org);
      if (own) added = true;
      const value: SeatDraft = own ? { ...seat, min: seat.min! + 1, max: seat.max! + 1 } : seat;
      out.push({ list: 'seats', value, start: bodyStart + part.start, end: bodyStart + part.start + part.text.length, confidence: 0.7 });
    }
  }
  return added ? out : [];
}

/**
 * "Der oprettes et nyt Sundhedspolitisk Dialogforum, hvor de kommunale medlemmer af X samt udvalgsformænd for alle 11 kommuner
 * deltager": the sides of those who take part in this forum, without counts.
 */
function takingPartSeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /(?:oprettes|etableres|nedsættes|oprettet|etableret|nedsat)\s+(?:et|en)\s+(?:nyt?\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+),?\s+hvor\s+(.+?)\s+deltager\.?$/u.exec(s);
  if (!m) return [];
  const k = kindMentions(m[1]!).pop();
  if (!k || k.kind.slug !== ctx.forumKind || k.index + k.text.length !== m[1]!.length) return [];
  const who = m[2]!;
  const at = m.index + m[0].lastIndexOf(who);
  return uniq(allSectors(who)).map((sector) => ({ list: 'seats' as const, value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start: at, end: at + who.length, confidence: 0.65 }));
}

/**
 * "nedsætte et kommunalt-lægeligt udvalg (KLU) bestående af lokale praktiserende læger og repræsentanter for kommunen":
 * this forum's kind, then "bestående af" and who sits in it, without counts; one seat per sector named.
 */
/**
 * "I rådet sidder der 16 repræsentanter fra relevante faglige selskaber og faggrupper": the members of this forum, named by its
 * kind word (or "gruppen", "udvalget") after "I", as "består af" gives them. Returns a match whose index and group 1 are the
 * members' body, like the "består af" match.
 */
function sitsInThis(s: string, ctx: RuleContext): RegExpExecArray | null {
  // "Der er nedsat en styregruppe med repræsentanter fra bl.a. KL, DTU, ... og Forsyningerne": the forum set up (named by its kind
  // word) with representatives of the parties listed.
  const m =
    /^I\s+((?:det\s+|den\s+)?[\p{L}-]+)\s+sidder\s+(?:der\s+)?(?!i\s+\d|i\s+(?:to|tre|fire)\s+år)(\S.+?)\.?$/iu.exec(s) ??
    /^Der\s+er\s+(?:nedsat|oprettet|etableret)\s+(?:en|et)\s+((?:ny[t]?\s+)?[\p{L}-]+)\s+med\s+((?:repræsentanter|medlemmer|deltagere)\s+fra\s+(?:bl\.\s*a\.\s+|blandt\s+andet\s+)?[^.;]+?)\.?$/u.exec(s);
  if (!m) return null;
  const word = m[1]!.replace(/^(?:det|den|ny[t]?)\s+/iu, '');
  const kind = kindAtStart(word);
  if (!((kind && kind.kind.slug === ctx.forumKind && kind.length === word.length) || /^(?:gruppen|udvalget|rådet|forummet|bestyrelsen)$/iu.test(word))) return null;
  const body = m[2]!;
  const at = m[0].lastIndexOf(body);
  // The same shape as a "\s+består af (body)" match: index at the verb, group 1 the body.
  const out = [s.slice(0, at + body.length), body] as unknown as RegExpExecArray;
  out.index = 0;
  out.input = s;
  return out;
}

function consistingOfSeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /\s+bestående\s+af\s+(.+?)\.?$/u.exec(s);
  if (!m) return [];
  // "udvalg (KLU) bestående af": the forum's short name in brackets may stand between.
  const before = s.slice(0, m.index).replace(/\s*\([^)]*\)\s*$/, '');
  const last = kindMentions(before).pop();
  // "et samarbejdsudvalg for almindelig og vederlagsfri fysioterapi bestående af ...": what the forum is for may stand between
  // its kind word and "bestående af".
  const between = last ? before.slice(last.index + last.text.length).trim() : '';
  if (!last || last.kind.slug !== ctx.forumKind || (between !== '' && !/^(?:for|om|vedrørende)\s+[\p{L}\s-]{1,80}$/u.test(between))) return [];
  // "Et sundhedskoordinationsudvalg bestående af repræsentanter fra A, B og C skal styrke samarbejdet mellem sygehuse, ...":
  // the list ends where the sentence's own verb begins.
  const body = m[1]!.replace(/\s+(?:skal|kan|vil|har|er|bliver)\s.*$/u, '');
  const bodyStart = m.index + m[0].lastIndexOf(m[1]!);
  const out: RawFinding[] = [];
  // "bestående af 2 medlemmer af regionsrådet, 2 medlemmer udpeget af kommunalbestyrelsen i regionen samt 4 medlemmer udpeget af
  // Danske Fysioterapeuter": a list of counted members, each part a count and who they come from, gives a seat a part.
  const countedParts = splitTopLevel(body);
  const countedPart = new RegExp(`^(?:og\\s+|samt\\s+)?${NUM}\\s+(?:medlemmer|medlem|repræsentanter|repræsentant)\\s+(?:af|fra|for|udpeget|udpeges|valgt|efter)${E}`, 'iu');
  if (countedParts.length >= 2 && countedParts.every((p) => countedPart.test(p.text.trim()))) {
    for (const part of countedParts) {
      for (const seat of parseSeatSegment(part.text.trim(), undefined)) {
        out.push({ list: 'seats', value: seat, start: bodyStart + part.start, end: bodyStart + part.start + part.text.length, confidence: 0.7 });
      }
    }
    return out;
  }
  const seen = new Set<OrganisationKind>();
  for (const part of splitTopLevel(body)) {
    const text = part.text.trim();
    if (/\d/.test(text) || new RegExp(`^${NUM}\\s`, 'iu').test(text)) return [];
    const sector: OrganisationKind | undefined = /^(?:bruger|patient|pårørende)\p{L}*/iu.test(text) ? 'other' : holderSector(text);
    if (!sector || seen.has(sector)) continue;
    seen.add(sector);
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start: bodyStart + part.start, end: bodyStart + part.start + part.text.length, confidence: 0.7 });
  }
  return out;
}

/**
 * "Der kan udpeges to repræsentanter fra hvert af de følgende fire centerråd:": in the members' part of the terms, an impersonal
 * appointment of a count from each of several bodies is a seat per body. Not when the sentence says whom they are appointed to
 * ("til arbejdsgruppen", "i styregruppen"): then it is another forum's.
 */
function appointedFromEachSeats(s: string, ctx: RuleContext): RawFinding[] {
  if (ctx.section === 'meetings' || ctx.section === 'chair' || ctx.section === 'secretariat' || ctx.section === 'chair_secretariat') return [];
  // "..., lægges der op til, at der udpeges 1-2 regionale og kommunale repræsentanter fra hvert SOF-område": the same as a clause
  // after "at", with the sides as adjectives before the noun.
  const m = new RegExp(`(?:^|(?<![\\p{L}])at\\s+)Der\\s+(?:kan\\s+|skal\\s+)?(?:udpeges|vælges|udnævnes)\\s+(${NUM}(?:\\s*[-–]\\s*${NUM})?\\s+(?:(?:regionale|kommunale)\\s+og\\s+(?:regionale|kommunale)\\s+)?(?:repræsentanter|repræsentant|medlemmer|medlem)\\s+fra\\s+hver(?:t)?\\s+(?:af\\s+(?:de|disse)\\s+)?[^,.;:]+?)\\s*[.:]?$`, 'iu').exec(s);
  if (!m || /\s(?:til|i)\s+(?:det|den|de)?\s*[\p{L}-]*(?:grupp|udvalg|forum|fora|råd|bestyrels)/iu.test(m[1]!)) return [];
  const at = m[0].indexOf(m[1]!);
  return parseSeatSegment(m[1]!, undefined)
    .filter((seat) => seat.party.kind === 'sector' && seat.party.perOrganisation)
    .map((value) => ({ list: 'seats' as const, value, start: at, end: at + m[1]!.length, confidence: 0.7 }));
}

/**
 * "Det betyder, at beboere, pårørende og brugere af aktivitet/café hver har 2 repræsentanter i bruger- og pårørenderådet": groups
 * listed ("A, B og C") that each have (or appoint) so many representatives in this forum (its kind word last) hold a seat each of
 * that count, the side a group names or none (other). Every group a short noun phrase with no count or verb.
 */
function eachGroupSeats(s: string, ctx: RuleContext): RawFinding[] {
  if (ctx.section === 'meetings' || ctx.section === 'chair' || ctx.section === 'secretariat' || ctx.section === 'chair_secretariat') return [];
  // After "at" when the groups follow a lead-in ("Det betyder, at ..."), else from the sentence's start.
  const tail = `((?:[\\p{L}/-]+\\s+){0,4}?[\\p{L}/-]+(?:\\s*,\\s*(?:[\\p{L}/-]+\\s+){0,4}?[\\p{L}/-]+)*\\s+og\\s+(?:[\\p{L}/-]+\\s+){0,4}?[\\p{L}/-]+)\\s+hver\\s+(?:har|får|udpeger|vælger|sender)\\s+${NUM}\\s+(?:repræsentanter|repræsentant|medlemmer|medlem|pladser)\\s+i\\s+(?:det\\s+|den\\s+)?([\\p{L}-]+(?:\\s+og\\s+[\\p{L}-]+)?)(?![\\p{L}])`;
  const m = new RegExp(`(?<![\\p{L}])at\\s+${tail}`, 'u').exec(s) ?? new RegExp(`^${tail}`, 'u').exec(s);
  if (!m) return [];
  const last = kindMentions(m[3]!).at(-1);
  if (!last || last.kind.slug !== ctx.forumKind || last.index + last.text.length !== m[3]!.length) return [];
  const n = parseNumber(m[2]!);
  if (n === undefined) return [];
  const list = m[1]!;
  const groups = list.split(/\s*,\s*|\s+og\s+/u).map((g) => g.trim()).filter(Boolean);
  if (groups.length < 2 || groups.length > 6 || groups.some((g) => /\d|(?:^|\s)(?:er|har|skal|kan|vil)(?:\s|$)/iu.test(g))) return [];
  const at = m.index + m[0].indexOf(list);
  return groups.map((g) => ({
    list: 'seats' as const,
    value: { party: { kind: 'sector', sector: firstSector(g)?.sector ?? 'other', perOrganisation: false }, role: g, min: n, max: n } satisfies SeatDraft,
    start: at,
    end: m.index + m[0].length,
    confidence: 0.7,
  }));
}

/**
 * "Fem repræsentanter efter indstilling fra Danske Handicaporganisationer samt fem repræsentanter fra kommunalbestyrelsen.":
 * a sentence that is nothing but counted members of named parties, as the members sentence before it leaves them. Every
 * part must be a count of representatives or members coming from, or appointed by, someone.
 */
/**
 * "10-12 medlemmer skal være nuværende eller tidligere patienter og pårørende", "6 medlemmer skal være fra hospitalets ledelse og
 * afdelinger": a count of members that opens a sentence and says who they shall be is a seat of that side (the side named after
 * "være", or no side: other). Not in the parts on meetings, the chair or the secretariat, and not a rule on the members
 * ("3 medlemmer skal være til stede").
 */
function countedShallBeSeats(s: string, ctx: RuleContext): RawFinding[] {
  if (ctx.section === 'meetings' || ctx.section === 'chair' || ctx.section === 'secretariat' || ctx.section === 'chair_secretariat') return [];
  const m = new RegExp(`^${NUM}(?:\\s*[-–]\\s*${NUM})?\\s+(?:af\\s+(?:medlemmerne|dem)\\s+)?(?:medlemmer|repræsentanter|pladser)\\s+(?:skal|vil|kan)\\s+være\\s+(.+?)\\.?$`, 'iu').exec(s.trim());
  if (!m) return [];
  const min = parseNumber(m[1]!);
  const max = m[2] ? parseNumber(m[2]) : min;
  const who = m[3]!.replace(/[.;]+$/, '').trim();
  // "skal være til stede", "skal være beslutningsdygtige": a rule on the members, not who they are.
  if (min === undefined || max === undefined || /^(?:til\s+stede|beslutningsdygtig|enige|med\s+til|repræsenteret)\b/iu.test(who)) return [];
  const sector = firstSector(who)?.sector ?? 'other';
  const at = s.indexOf(who);
  return [{ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, role: who, min, max } satisfies SeatDraft, start: 0, end: at + who.length, confidence: 0.7 }];
}

function countedSeatsSentence(s: string): RawFinding[] {
  const body = s.replace(/\.$/, '');
  const parts = splitTopLevel(body);
  const seatPart = new RegExp(`^${NUM}\\s+(?:repræsentanter|medlemmer)\\s+(?:fra|for|udpeget|udpeges|valgt|efter)${E}`, 'iu');
  if (parts.length < 2 || !parts.every((p) => seatPart.test(p.text.trim()))) return [];
  const out: RawFinding[] = [];
  for (const part of parts) {
    for (const seat of parseSeatSegment(part.text, undefined)) {
      out.push({ list: 'seats', value: seat, start: part.start, end: part.start + part.text.length, confidence: 0.75 });
    }
  }
  return out;
}

/**
 * "I Sundhedskoordinationsudvalget samarbejder regionsrådet, kommunerne i Region X og de praktiserende læger i regionen
 * om ...": the parties that work together in this forum are its members, without counts. Only when the forum word after
 * "I" is this forum's kind; each part of the list gives its sector once.
 */
function cooperatingSeats(s: string, ctx: RuleContext): RawFinding[] {
  // Also "I Sundhedsklynge Byen indgår X Kommune, Y Kommune, Z Hospital samt almen praksis": the forum by its name.
  // "I Kommunalt Sundhedsforum mødes de 17 kommuners centerchefer og direktører for sundhed 4 til 5 gange om året": who meets
  // in it, the frequency after them no part of the list.
  const m = /^I\s+(?:det\s+|den\s+)?([\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]*){0,2})\s+(?:samarbejder|indgår|mødes|sidder)\s+(.+?)(?:\s+om\s+.*)?\.?$/iu.exec(s);
  // "Sundhedsdirektørkredsen er et mødeforum for de 22 syddanske kommuner": a forum of this kind for the municipalities.
  const forAll = /^\S+\s+er\s+(?:et|en)\s+([\p{L}-]+)\s+for\s+((?:de|alle)\s+(?:\d{1,3}\s+)?(?:[\p{L}-]+\s+)?kommuner)(?:\s+i\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)?)?\.?$/u.exec(s);
  // "Der er oprettet et fælleskommunalt netværk om vederlagsfri fysioterapi for de 17 kommuner i Region Sjælland": so is a forum
  // set up for them.
  const setUpFor = forAll ? null : /^Der\s+er\s+(?:oprettet|etableret|nedsat)\s+(?:et|en)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{L}-]+)(?:\s+(?:om|vedrørende|på)\s+[^,.;]{1,60}?)?\s+for\s+((?:de|alle)\s+(?:\d{1,3}\s+)?(?:[\p{L}-]+\s+)?kommuner)(?:\s+i\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)?)?\.?$/u.exec(s);
  // "Samarbejdet ledes af en styregruppe med én stemmeberettiget repræsentant fra hver kommune": a forum of this kind with one
  // member from each municipality (or region) has a seat a municipality (a region).
  const eachOne = m || forAll || setUpFor ? null : /(?:^|\s)(?:en|et)\s+([\p{L}-]+)\s+med\s+(?:én|en|1)\s+(?:\p{Ll}+\s+)?(?:repræsentant|medlem)\s+fra\s+(hver\s+(kommune|region))(?![\p{L}])/u.exec(s);
  if (eachOne && kindAtStart(eachOne[1]!)?.kind.slug === ctx.forumKind && kindAtStart(eachOne[1]!)?.length === eachOne[1]!.length) {
    const at = eachOne.index + eachOne[0].lastIndexOf(eachOne[2]!);
    const sector: OrganisationKind = eachOne[3] === 'kommune' ? 'municipality' : 'region_administration';
    return [{ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: true }, min: 1, max: 1 } satisfies SeatDraft, start: at, end: at + eachOne[2]!.length, confidence: 0.7 }];
  }
  if (!m && setUpFor && kindAtStart(setUpFor[1]!)?.kind.slug === ctx.forumKind) {
    const at = setUpFor.index + setUpFor[0].lastIndexOf(setUpFor[2]!);
    return [{ list: 'seats', value: { party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, min: null, max: null } satisfies SeatDraft, start: at, end: at + setUpFor[2]!.length, confidence: 0.7 }];
  }
  if (!m && forAll && kindAtStart(forAll[1]!)?.kind.slug === ctx.forumKind) {
    const at = forAll.index + forAll[0].indexOf(forAll[2]!);
    return [{ list: 'seats', value: { party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, min: null, max: null } satisfies SeatDraft, start: at, end: at + forAll[2]!.length, confidence: 0.7 }];
  }
  if (!m) return [];
  // The forum's kind word may follow a qualifier ("Kommunalt Sundhedsforum"); "forum" in its definite form ("I samarbejdsforummet
  // sidder ...") is read as the kind here (the lexicon's forum word takes no ending, so a heading "Forummet" names no forum).
  const word = m[1]!.replace(/(for)um(?:met|mets)$/iu, '$1um');
  const kind = kindAtStart(word) ?? kindAtStart(word.replace(/^[\p{L}-]+\s+/u, ''));
  if (!kind || kind.kind.slug !== ctx.forumKind) return [];
  const body = m[2]!.replace(new RegExp(`\\s+(?:ca\\.\\s+)?${NUM}(?:\\s*(?:-|–|til)\\s*${NUM})?\\s+gange?\\s.*$`, 'iu'), '');
  const bodyStart = m[0].indexOf(body, m[1]!.length);
  const out: RawFinding[] = [];
  const seen = new Set<OrganisationKind>();
  for (const part of splitTopLevel(body)) {
    const sector = holderSector(part.text.trim().replace(/\s+i\s+(?:regionen|kommunen|kommunerne)$/iu, ''));
    if (!sector || seen.has(sector)) continue;
    seen.add(sector);
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start: bodyStart + part.start, end: bodyStart + part.start + part.text.length, confidence: 0.7 });
  }
  return out;
}

/**
 * "I samordningsudvalget ved X Hospital deltager repræsentanter fra A Kommune og B Kommune, repræsentanter fra
 * almen praksis samt brugerrepræsentanter", "de lokale samordningsfora, som består af repræsentanter fra sygehusene,
 * kommunerne og de praktiserende læger": this forum's seats as a list of who sends representatives, without counts.
 * Only when the forum word before the verb is this forum's kind; each part of the list gives its sector once.
 */
export function representativeSeats(s: string, ctx: RuleContext): RawFinding[] {
  const represented = representedSeats(s, ctx);
  if (represented.length) return represented;
  // Also "<forum> er det øverste ... organ og består af repræsentanter fra kommuner, region og almen praksis": the forum
  // as the subject of an earlier clause ("<forum> består af ..." alone is read with the seats' counts in sentenceRules).
  const m = /(?:^I\s+(?:det\s+|den\s+)?([\p{L}-]+)(?:\s+[^,.;]{0,60}?)?\s+deltager|([\p{L}-]+),?\s+(?:som|der)\s+består\s+af|^([\p{L}-]+)\s+[^,.;]{0,100}?\s+og\s+(?:består\s+af|er\s+sammensat\s+af|sammensættes\s+af))\s+((?:\p{L}+-?|\p{L}+e\s+)?repræsentanter\s+fra\s+(?:henholdsvis\s+|hhv\.\s+)?.+?)\.?$/iu.exec(s);
  if (!m) return [];
  const word = m[1] ?? m[2] ?? m[3]!;
  const kind = kindAtStart(word);
  if (!kind || kind.kind.slug !== ctx.forumKind) return [];
  const body = m[4]!;
  const bodyStart = m.index + m[0].lastIndexOf(body);
  const out: RawFinding[] = [];
  const seen = new Set<OrganisationKind>();
  for (const part of body.matchAll(/[^,]+?(?=\s*,\s*|\s+(?:og|samt)\s+|$)/gu)) {
    const text = part[0].replace(/^\s*(?:og|samt)\s+/iu, '').trim();
    if (!text) continue;
    const sector: OrganisationKind | undefined = /^(?:bruger|patient|pårørende)\p{L}*repræsentant/iu.test(text) ? 'other' : holderSector(text);
    if (!sector || seen.has(sector)) continue;
    seen.add(sector);
    const start = bodyStart + part.index + part[0].indexOf(text);
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start, end: start + text.length, confidence: 0.7 });
  }
  return out;
}

/**
 * "I alle samordningsudvalg er hospital, kommuner, almen praksis og brugere repræsenteret": the parties this forum's
 * members come from, without counts. Only when the forum word after "I" is this forum's kind.
 */
function representedSeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /^I\s+(?:alle\s+|hvert\s+|hver\s+|det\s+|den\s+)?([\p{L}-]+)(?:\s+[^,.;]{0,60}?)?\s+er\s+(.+?)\s+repræsenteret\.?$/iu.exec(s);
  if (!m) return representedBySeats(s, ctx);
  const kind = kindAtStart(m[1]!);
  if (!kind || kind.kind.slug !== ctx.forumKind) return [];
  const body = m[2]!;
  const bodyStart = m[0].lastIndexOf(body, m[0].length - 'repræsenteret'.length);
  const out: RawFinding[] = [];
  const seen = new Set<OrganisationKind>();
  for (const part of body.matchAll(/[^,]+?(?=\s*,\s*|\s+(?:og|samt)\s+|$)/gu)) {
    const text = part[0].replace(/^\s*(?:og|samt)\s+/iu, '').trim();
    if (!text) continue;
    const sector: OrganisationKind | undefined = /^(?:bruger|patient|pårørende)\p{L}*$/iu.test(text) ? 'other' : holderSector(text);
    if (!sector || seen.has(sector)) continue;
    seen.add(sector);
    const start = bodyStart + part.index + part[0].indexOf(text);
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start, end: start + text.length, confidence: 0.7 });
  }
  return out;
}

/**
 * "De kommunale parter i X repræsenteres i den politiske følgegruppe af et politisk valgt medlem ...", "OK-Fonden og
 * uddannelsesinstitutionerne repræsenteres af et bestyrelsesmedlem eller en ledelsesrepræsentant": each organisation said to be
 * represented in this forum (named by this forum's kind word) by a post has a seat of its side; an organisation of no side
 * (a fund, an institution) sits as other. Without the forum named, only when the post is a member's or a representative's.
 */
function representedBySeats(s: string, ctx: RuleContext): RawFinding[] {
  const m = /^([\p{Lu}][^,.;]{1,80}?)\s+repræsenteres\s+(?:i\s+(?:det\s+|den\s+)?((?:[\p{Ll}-]+\s+){0,2}?[\p{L}-]+)\s+)?(?:ved|af)\s+(.+?)\.?$/u.exec(s);
  if (!m) return [];
  if (m[2]) {
    const last = m[2].split(/\s+/).pop()!;
    const kind = kindAtStart(last);
    if (!kind || kind.kind.slug !== ctx.forumKind) return [];
  } else if (!/^(?:et|en|to|tre|\d+)\s+(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]*(?:medlem|repræsentant)/u.test(m[3]!)) return [];
  const out: RawFinding[] = [];
  const seen = new Set<OrganisationKind>();
  for (const part of m[1]!.matchAll(/[^,]+?(?=\s*,\s*|\s+(?:og|samt)\s+|$)/gu)) {
    const text = part[0].replace(/^\s*(?:og|samt)\s+/iu, '').trim();
    if (!text) continue;
    const sector: OrganisationKind | undefined = holderSector(text) ?? (/^[\p{Lu}]/u.test(text) || /(?:institution|fond|forening|organisation)/iu.test(text) ? 'other' : undefined);
    if (!sector || seen.has(sector)) continue;
    seen.add(sector);
    const start = part.index + part[0].indexOf(text);
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null } satisfies SeatDraft, start, end: start + text.length, confidence: 0.7 });
  }
  return out;
}

/**
 * "Hvert år inviterer Nationalt Videnscenter for Demens en repræsentant fra hver af landets 98 kommuner til et netværksmøde":
 * a meeting of this forum's kind ("<kind>smøde") held each year is one meeting a year, and one invited from each (or all) of
 * the municipalities is one seat a municipality.
 */
function yearlyInvitation(s: string, ctx: RuleContext): RawFinding[] {
  const m = /^(?:Hvert\s+år|Én\s+gang\s+om\s+året|En\s+gang\s+årligt)\s+(?:inviterer|indkalder|samler)\s+[^,.;]{2,80}?\s+(en|én|1)\s+(repræsentant|deltager|medarbejder)\s+fra\s+((?:hver\s+af|alle)\s+(?:landets|regionens|de)\s+(?:\d{1,3}\s+)?kommuner)\s+til\s+(?:et|sit|deres)\s+([\p{Ll}-]+?)s?møde(?![\p{L}])/u.exec(s);
  if (!m || kindAtStart(m[4]!)?.kind.slug !== ctx.forumKind) return [];
  const seatAt = m.index + m[0].indexOf(`${m[1]} ${m[2]}`);
  const seatEnd = m.index + m[0].indexOf(m[3]!) + m[3]!.length;
  return [
    { path: 'meetings.perYearMin', value: 1, start: 0, end: m[0].length, confidence: 0.7 },
    { path: 'meetings.perYearMax', value: 1, start: 0, end: m[0].length, confidence: 0.7 },
    { list: 'seats', value: { party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, role: m[2]!, min: 1, max: 1 } satisfies SeatDraft, start: seatAt, end: seatEnd, confidence: 0.7 },
  ];
}

/**
 * The months a monthly rhythm leaves out, said right after it: "en gang om måneden, undtagen i juli", "dog ikke i juli og
 * december", "månedligt, dog undtagen juli måned". A month named as left out has no meeting.
 */
export function monthsLeftOut(after: string): { months: number; length: number } | undefined {
  const MONTH = '(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?:\\s+måned)?';
  const except = new RegExp(`^\\s*,?\\s*(?:undtagen|dog\\s+(?:undtagen|ikke)|men\\s+ikke|bortset\\s+fra)\\s+(?:i\\s+)?(${MONTH}(?:\\s*(?:,|og)\\s*(?:i\\s+)?${MONTH})*)${E}`, 'iu').exec(after);
  if (!except) return undefined;
  return { months: except[1]!.split(/\s*(?:,|og)\s*/u).filter((x) => x.trim()).length, length: except[0].length };
}

/** "Der afholdes ikke møde i juli måned." opening the text after a monthly rhythm: the months it leaves out. */
function monthsLeftOutNext(following: string | undefined): { months: number } | undefined {
  const MONTH = '(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?:\\s+måned)?';
  const m = new RegExp(`^\\s*(?:Der\\s+)?(?:af)?holdes\\s+(?:der\\s+)?ikke\\s+(?:ordinære\\s+)?møder?\\s+i\\s+(${MONTH}(?:\\s*(?:,|og)\\s*(?:i\\s+)?${MONTH})*)\\s*[.;]`, 'iu').exec(following ?? '');
  return m ? { months: m[1]!.split(/\s*(?:,|og)\s*/u).filter((x) => x.trim()).length } : undefined;
}

/** "mindst én gang om måneden", "2-3 gange i kvartalet": meetings a year from a count per month, quarter or half-year. */
function perPeriod(cl: string): { min: number; max: number; q: 'min' | 'max' | ''; index: number; end: number } | undefined {
  const m = new RegExp(
    // "1 gang månedligt", "2 gange kvartalsvis": the rhythm's adverb after the count is a period too.
    `${B}(?:(minimum|mindst|op\\s+til|højst|maksimalt|ca\\.|cirka)\\s+)?${NUM}(?:\\s*(?:-|–|til)\\s*${NUM})?\\s+gang(?:e)?\\s+(?:(?:om|pr\\.?|per|i|hver[t]?)\\s+(måneden|måned|kvartalet|kvartal|halvåret|halvår)|(månedlig[t]?|kvartalsvis[t]?|halvårlig[t]?))${E}`,
    'iu',
  ).exec(cl);
  if (!m) return undefined;
  const a = parseNumber(m[2]!);
  const b = m[3] ? parseNumber(m[3]) : a;
  if (a === undefined || b === undefined) return undefined;
  const period = m[4] ?? m[5]!;
  const times = /^måned/i.test(period) ? 12 : /^kvartal/i.test(period) ? 4 : 2;
  const q = (m[1] ?? '').toLowerCase();
  const except = times === 12 && a === b ? monthsLeftOut(cl.slice(m.index + m[0].length)) : undefined;
  const off = except ? except.months * a : 0;
  const end = m.index + m[0].length + (except?.length ?? 0);
  return { min: a * times - off, max: b * times - off, q: /^(?:minimum|mindst)/.test(q) ? 'min' : /^(?:op|højst|maks)/.test(q) ? 'max' : '', index: m.index, end };
}

const ENGLISH_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const englishNumber = (w: string) => (/^\d{1,3}$/.test(w) ? Number(w) : ENGLISH_NUMBERS[w.toLowerCase()]);

/**
 * English pages: "The Danish delegation consists of 9 members and an equal number of alternates" gives the members' total (the
 * alternates are no members); "Six members represent the municipalities and three members represent the regions" a counted seat
 * of each side named by "the municipalities" / "the regions".
 */
function englishMembers(s: string): RawFinding[] {
  const out: RawFinding[] = [];
  const total = /(?:consists|is\s+composed|is\s+made\s+up)\s+of\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+members(?![\p{L}])(?!\s+(?:each|from|of)\s)/iu.exec(s);
  if (total) out.push({ path: 'membersTotal', value: englishNumber(total[1]!)!, start: total.index, end: total.index + total[0].length, confidence: 0.8 });
  for (const m of s.matchAll(/(?<![\p{L}])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+members?\s+represents?\s+the\s+(municipalities|regions)(?![\p{L}])/giu)) {
    const n = englishNumber(m[1]!)!;
    const sector: OrganisationKind = /^municipal/i.test(m[2]!) ? 'municipality' : 'region_administration';
    out.push({ list: 'seats', value: { party: { kind: 'sector', sector, perOrganisation: false }, role: `${m[1]} members`, min: n, max: n } satisfies SeatDraft, start: m.index, end: m.index + m[0].length, confidence: 0.75 });
  }
  return out;
}

/** The one forum that sets this one up is its parent. */
function parentBySetUp(s: string, ctx: RuleContext): RawFinding[] {
  // "Hvert byggeprojekt har af Regionsrådet fået tilknyttet en politisk følgegruppe": the body that attached this forum.
  const attached = new RegExp(`${B}af\\s+${FORUM_PHRASE}\\s+(?:fået\\s+tilknyttet|(?:fået\\s+)?nedsat)\\s+(?:en|et)\\s+(?:[\\p{L}-]+\\s+)?([\\p{L}-]+)`, 'iu').exec(s);
  if (attached && kindAtStart(attached[2]!)?.kind.slug === ctx.forumKind && kindAtStart(attached[1]!)?.kind.slug !== ctx.forumKind) {
    const { name, offset } = forumNameIn(attached[1]!);
    const off = attached.index + attached[0].indexOf(attached[1]!) + offset;
    return [{ path: 'parent.name', value: capitalise(name), start: off, end: off + name.length, confidence: 0.75 }];
  }
  // "har klyngestyregruppen valgt at nedsætte to klynge-temagrupper": the one forum that sets this one up is its parent.
  const setUp = /(?:valgt\s+at\s+)?(?:nedsætte|nedsat|nedsætter|oprette|opretter|etablere|etablerer)\s/iu.exec(s);
  if (setUp) {
    const mentions = kindMentions(s);
    // "I hver klynge er der nedsat en styregruppe": where each group sits, not who set it up.
    const subjects = mentions.filter(
      (m) => m.index < setUp.index && m.kind.slug !== ctx.forumKind && m.kind.standing && !/(?:^|\s)i\s+(?:hver|hvert|alle|hver\s+af\s+de)\s+$/iu.test(s.slice(0, m.index)),
    );
    const objects = mentions.filter((m) => m.index > setUp.index && m.kind.slug === ctx.forumKind);
    if (objects.length && subjects.length === 1 && !/\s(?:og|eller)\s/.test(s.slice(subjects[0]!.index, setUp.index))) {
      const m = subjects[0]!;
      // "besluttede Strategisk Sundhedsstyregruppe at nedsætte ...": a capitalised qualifier inside the sentence is part of the name.
      const q = /(?<=[\p{Ll},]\s)((?:[\p{Lu}][\p{Ll}-]+\s+){1,2})$/u.exec(s.slice(0, m.index));
      const start = q && !/^(?:Den|Det|De|Der|Som|Og|Men)\s/u.test(q[1]!) ? q.index : m.index;
      return [{ path: 'parent.name', value: capitalise(s.slice(start, m.index + m.text.length)), start, end: m.index + m.text.length, confidence: 0.75 }];
    }
  }
  return [];
}

function uniqueSides(sectors: OrganisationKind[]): ChairSide[] {
  const out: ChairSide[] = [];
  for (const s of sectors) {
    const side = sideOf(s);
    if (side && !out.includes(side)) out.push(side);
  }
  return out;
}

/**
 * "Møderne i Sundhedskoordinationsudvalget og Praksisplanudvalget holdes samlet": a forum of the given kind meets with the
 * other forum the sentence names. Read for each forum the document describes, wherever the sentence stands.
 */
export function meetingTogether(s: string, forumKind: string): RawFinding[] {
  const together = new RegExp(`^(?:møderne|møder)\\s+i\\s+([\\p{L}-]+)\\s+og\\s+([\\p{L}-]+)\\s+(?:holdes|afholdes|afvikles)\\s+(?:samlet|sammen|fælles|i\\s+fællesskab)${E}`, 'iu').exec(s);
  if (!together || /fællesmøde/iu.test(s)) return [];
  const [a, b] = [together[1]!, together[2]!];
  const ka = kindAtStart(a)?.kind.slug;
  const kb = kindAtStart(b)?.kind.slug;
  const other = ka === forumKind && kb !== forumKind ? b : kb === forumKind && ka !== forumKind ? a : undefined;
  return other ? [{ path: 'jointMeeting', value: { withForumName: capitalise(other) }, start: 0, end: together[0].length, confidence: 0.7 }] : [];
}

/** Split "a, b og c (x og y)" at commas and "og"/"samt" outside parentheses. */
/**
 * "13 repræsentanter fra patientforeninger og brugergrupper i Region Midtjylland": a plain noun after "og" that names no side
 * of its own is a second object of the counted part's "fra", one seat with it, not a seat of its own (the region after "i" is
 * where they are). A part that names a side ("... fra kommunerne og regionen") stays a part.
 */
function joinCoordinatedObjects(body: string, parts: { start: number; text: string }[]): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    const joiner = prev ? body.slice(prev.start + prev.text.length, part.start) : '';
    const own = part.text.trim().replace(/\s+i\s+(?:regionen|kommunen|Region\s+[\p{Lu}][\p{L}]+|[\p{Lu}][\p{L}-]+\s+Kommune)$/u, '');
    // "20 patienter og pårørende": a count before two bare nouns of no side counts them together (one seat, not a counted and an open one).
    const countedNoun = new RegExp(`^${NUM}\\s+[\\p{Ll}-]+$`, 'iu').test(prev?.text.trim() ?? '') && !firstSector(prev?.text ?? '') && !/(?:medlemmer|repræsentanter|personer)$/iu.test(prev?.text.trim() ?? '');
    // "11 repræsentanter fra Amager og Hvidovre Hospital": two places sharing the organisation's word after the second ("Hospital",
    // "Kommune") are one organisation's (or two of one side's) seat.
    const sharedHead = new RegExp(`^${NUM}\\s+(?:repræsentanter|medlemmer)\\s+fra\\s+[\\p{Lu}][\\p{L}-]*$`, 'u').test(prev?.text.trim() ?? '') && !firstSector(prev?.text ?? '') && /^[\p{Lu}][\p{L}-]*\s+(?:[\p{Lu}][\p{L}-]*\s+)?(?:Hospital|Sygehus|Kommune|Region)$/u.test(part.text.trim());
    if (prev && /^\s+og\s+$/u.test(joiner) && sharedHead) {
      prev.text = body.slice(prev.start, part.start + part.text.length);
      continue;
    }
    if (prev && /^\s+og\s+$/u.test(joiner) && (countedNoun || new RegExp(`^${NUM}\\s+(?:repræsentanter|medlemmer)\\s+fra\\s+[\\p{Ll}-]+$`, 'iu').test(prev.text.trim())) && /^[\p{Ll}][\p{L}-]*$/u.test(own) && !firstSector(own)) {
      prev.text = body.slice(prev.start, part.start + part.text.length);
      continue;
    }
    out.push({ ...part });
  }
  return out;
}

/**
 * "5 medlemmer, som byrådet har udpeget", "5 medlemmer, der er udpeget af byrådet": a relative clause telling who appoints the
 * counted members belongs to them (it names their side); split off, the count would read as a total and the body as no seat.
 */
function joinAppointingClauses(body: string, parts: { start: number; text: string }[]): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    // "7 medlemmer, der repræsenterer byrådet": whom the counted members represent is their side as well.
    const appointing = /^(?:som|der)\s+(?:(?:er|bliver)\s+(?:udpeget|valgt)|(?:udpeges|vælges|repræsenterer)|(?:[\p{L}-]+\s+){1,3}har\s+(?:udpeget|valgt))(?![\p{L}])/iu.test(p.text.trim());
    if (prev && appointing && new RegExp(`^(?:og\\s+|samt\\s+)?${NUM}\\s`, 'iu').test(prev.text.trim())) {
      out[out.length - 1] = { start: prev.start, text: body.slice(prev.start, p.start + p.text.length) };
      continue;
    }
    out.push(p);
  }
  return out;
}

function splitTopLevel(s: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth) continue;
    const m = /^(?:,\s+|\s+og\s+|\s+samt\s+)/.exec(s.slice(i));
    if (m) {
      out.push({ start, text: s.slice(start, i) });
      start = i + m[0].length;
      i = start - 1;
    }
  }
  out.push({ start, text: s.slice(start) });
  return out.filter((p) => p.text.trim());
}

/** Facts about the whole document: who approved it and when. */
export function docLevelRules(s: string): RawFinding[] {
  const out: RawFinding[] = [];
  const m = new RegExp(`(?:godkendt|vedtaget|besluttet)\\s+(?:i|på|af)\\s+(.+?)(?:\\s*:\\s*|\\s+(?:d\\.|den)\\s+|\\s+)${DATE}`, 'iu').exec(s);
  // "Kommissoriet ... forventes godkendt på kredsens første møde, den 8. september 2022": an approval to come is none yet.
  if (m && /(?:forventes|ventes|skal|vil\s+blive|planlægges|påregnes)\s+(?:at\s+blive\s+)?$/iu.test(s.slice(0, m.index))) return out;
  // "I henhold til § 4 i Vedtægt for Integrationsrådet ..., der senest er godkendt af Kommunalbestyrelsen den 26. januar 2015,
  // fastsættes følgende": a relative clause on another document (the statutes, a law, an agreement) dates that one, not these terms.
  if (m && /(?:vedtægt|lov|bekendtgørelse|aftale)\p{L}*(?:\s[^.;]{0,100}?)?,?\s+(?:der|som)\s+(?:senest\s+|nu\s+)?(?:er|blev)\s+(?:senest\s+)?$/iu.test(s.slice(0, m.index))) return out;
  // "Denne forretningsorden er forankret i Udsatterådets vedtægter godkendt i kommunalbestyrelsen den 28. marts 2019": a participle
  // after another document named as what these terms rest on ("forankret i", "bygger på", "i henhold til", "jf.") dates that one.
  if (m && /(?:forankret\s+i|bygger\s+på|baseret\s+på|i\s+henhold\s+til|med\s+hjemmel\s+i|jf\.)\s+(?:[\p{L}-]+\s+){0,3}?(?:vedtægt|lov|bekendtgørelse|aftale)\p{L}*\s+$/iu.test(s.slice(0, m.index))) return out;
  // "Denne forretningsorden er et tillæg til vedtægter for bruger- og pårørenderåd i Testby Kommune, vedtaget af byrådet den 16.
  // november 2010": a participle set off by a comma after the document these terms add to (or rest on), named with what it is
  // for, dates that document.
  if (m && /(?:tillæg\s+til|forankret\s+i|bygger\s+på|baseret\s+på|i\s+henhold\s+til|med\s+hjemmel\s+i|jf\.)\s+(?:[\p{L}-]+\s+){0,3}?(?:vedtægt|lov|bekendtgørelse|aftale)\p{L}*\s+(?:for|om)\s+[^.;]{0,120}?,\s*$/iu.test(s.slice(0, m.index))) return out;
  if (m) {
    const body = m[1]!.replace(/[,:]$/, '').trim();
    // "blev godkendt på et møde i Ældrerådet den 18. januar 2022": the body is the one whose meeting it was.
    // "godkendt på Kontaktrådets møde den 21. juni 2011": the body whose meeting it was, out of its genitive.
    const name = body
      .replace(/^(?:et|sit|det|deres)\s+(?:[\p{L}-]+\s+)?møde\s+(?:i|hos)\s+(?=[\p{Lu}])/u, '')
      .replace(/^([\p{Lu}][\p{L}-]+)s\s+(?:(?:ordinære|ekstraordinære|konstituerende|første|seneste)\s+)?møde(?:t)?$/u, '$1')
      .replace(/(?:s)?møde(?:t)?$/i, '')
      // "godkendt af Sundhedskoordinationsudvalget på mødet den ...": the meeting after the body is no part of its name.
      .replace(/\s+(?:på|ved)(?:\s+(?:et|sit|det|deres))?\s*$/iu, '');
    const nameStart = m.index + m[0].indexOf(m[1]!);
    // "Vedtaget af bestyrelsen d. 11/5 2016 – senest ændret d. 26/11 2019 og godkendt d. 20/1 2020": the version in force is the
    // one approved last; who approved that change is not said, so no body.
    const later = new RegExp(`(?:^|\\s|,)(?:og\\s+|samt\\s+)?(?:senest\\s+)?(?:godkendt|vedtaget)\\s+(?:den|d\\.)\\s+${DATE}`, 'iu').exec(s.slice(m.index + m[0].length));
    // "vedtaget på et brugerrådsmøde den 19 marts 2019": a meeting of the forum's kind, named by no body.
    // "vedtaget på forummets møde den 2. september 2025": the meeting of a body named by a common word in the genitive
    // ("forummets", "udvalgets") names no body (it was read as the name "Forummets").
    const commonGenitive = /^\p{Ll}[\p{L}-]*s\s+(?:(?:ordinære|ekstraordinære|konstituerende|første|seneste)\s+)?møde(?:t)?$/u.test(body);
    if (name && !later && !commonGenitive && !/^(?:et|en)\s/iu.test(name.trim())) out.push({ path: 'approvedByName', value: capitalise(name), start: nameStart, end: nameStart + body.length, confidence: 0.85 });
    const when = later ? later[1]! : m[2]!;
    const date = parseDanishDate(when);
    const ds = later ? m.index + m[0].length + later.index + later[0].lastIndexOf(when) : m.index + m[0].lastIndexOf(m[2]!);
    if (date) out.push({ path: 'approvedOn', value: date, start: ds, end: ds + when.length, confidence: later ? 0.8 : 0.9 });
    return out;
  }
  // "Styregruppen har den 6. maj 2011 vedtaget et kommissorium for ...": the approving body as subject, the date before the verb.
  // Also in the past tense with a council as the body: "Borgerrepræsentationen godkendte den 3. februar 2022 en opdateret udgave af
  // vedtægterne for ...".
  const subjectFirst = new RegExp(
    `^((?:[\\p{Lu}][\\p{L}-]*\\s+){0,2}(?:${FORUM_WORD}|[\\p{L}-]*(?:borgerrepræsentation|kommunalbestyrelse)\\p{L}*))\\s+(?:(?:har|have)\\s+(?:den|d\\.)\\s+${DATE}\\s+(?:vedtaget|godkendt|besluttet)|(?:godkendte|vedtog)\\s+(?:den|d\\.)\\s+${DATE})\\s+(?:et\\s+|det\\s+|dette\\s+|en\\s+(?:ny|opdateret|revideret|ændret)\\s+(?:udgave|version)\\s+af\\s+)?(?:kommissori|forretningsorden|vedtægt)`,
    'iu',
  ).exec(s);
  if (subjectFirst) {
    const when = subjectFirst[2] ?? subjectFirst[3]!;
    const date = parseDanishDate(when);
    const ds = subjectFirst.index + subjectFirst[0].indexOf(when);
    out.push({ path: 'approvedByName', value: capitalise(subjectFirst[1]!), start: 0, end: subjectFirst[1]!.length, confidence: 0.8 });
    if (date) out.push({ path: 'approvedOn', value: date, start: ds, end: ds + when.length, confidence: 0.85 });
    return out;
  }
  // "Kommissorierne for følgegrupperne ... er nu godkendt i DAK.": terms approved by a body named by its abbreviation or
  // capitalised name, no date.
  // "Kommissorium for Det Regionale Lægemiddelråd er godkendt af Lægemiddelrådet september 2020": a month and year without a day
  // give no date of approval, but the body still approved it.
  const undated = /^(?:(?:de|det|den)\s+)?(?:(?:endelige|nye|reviderede)\s+)?(?:kommissori|forretningsorden|vedtægt)\p{L}*\s[^.;]{0,120}?\ser\s+(?:nu\s+)?(?:blevet\s+)?(?:godkendt|vedtaget)\s+(?:i|af)\s+((?:[\p{Lu}]{2,6})|(?:[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+){0,2}?))(?:\s+(?:i\s+)?(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+\d{4})?\.?$/iu.exec(s);
  if (undated && /^[\p{Lu}]/u.test(undated[1]!)) {
    const at = undated.index + undated[0].lastIndexOf(undated[1]!);
    out.push({ path: 'approvedByName', value: undated[1]!, start: at, end: at + undated[1]!.length, confidence: 0.8 });
    return out;
  }
  const onMeeting = new RegExp(`^på\\s+(\\p{L}+?)(?:s)?møde(?:t)?\\s+(?:den|d\\.)\\s+${DATE}\\s+(?:er|blev)\\s+(?:det\\s+)?(?:vedtaget|godkendt|besluttet)`, 'iu').exec(s);
  if (onMeeting) {
    const date = parseDanishDate(onMeeting[2]!);
    const ds = onMeeting.index + onMeeting[0].indexOf(onMeeting[2]!);
    if (date) out.push({ path: 'approvedOn', value: date, start: ds, end: ds + onMeeting[2]!.length, confidence: 0.85 });
    return out;
  }
  // A header field "Vedtaget: Af Handicaprådet den 21. april 2022" / "Vedtaget: Testby Byråd den 25. januar 2010": the approving
  // body (capitalised, at most four words, no verb) and the date after the field's colon.
  // The field may be a bullet of a header list ("• Titel: ...", "• Vedtaget: ...").
  const field = new RegExp(
    `^(?:\\s*[-•–*]\\s+)?(?:godkendt|vedtaget)\\s*:\\s*(?:af\\s+)?([\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{L}-]+){0,3}?)\\s+(?:(?:den|d\\.)\\s+)?${DATE}\\.?$`,
    'iu',
  ).exec(s);
  if (field && /^[\p{Lu}]/u.test(field[1]!) && !/\s(?:er|blev|har|skal|kan|var)\s/iu.test(` ${field[1]!} `)) {
    const at = field.index + field[0].indexOf(field[1]!, field[0].indexOf(':'));
    out.push({ path: 'approvedByName', value: field[1]!, start: at, end: at + field[1]!.length, confidence: 0.8 });
    const date = parseDanishDate(field[2]!);
    const ds = field.index + field[0].lastIndexOf(field[2]!);
    if (date) out.push({ path: 'approvedOn', value: date, start: ds, end: ds + field[2]!.length, confidence: 0.85 });
    return out;
  }
  // A key-value field with the body alone, "Godkendt af: Handicaprådet" (a Word table's row 'Godkendt af' | 'Handicaprådet'):
  // the approving body; the date, if any, stands in a field of its own beside it (approvalDateField).
  const byField = /^(?:\s*[-•–*]\s+)?(?:godkendt|vedtaget)\s+af\s*:\s*([\p{L}][\p{L}-]*(?:\s+[\p{L}-]+){0,3}?)\.?$/iu.exec(s);
  if (byField && /^\p{Lu}/u.test(byField[1]!) && !/\s(?:er|blev|har|skal|kan|var|den|d\.)\s/iu.test(` ${byField[1]!} `) && !/\d/.test(byField[1]!)) {
    const at = s.lastIndexOf(byField[1]!);
    out.push({ path: 'approvedByName', value: byField[1]!, start: at, end: at + byField[1]!.length, confidence: 0.8 });
    return out;
  }
  const only = new RegExp(`^(?:godkendt|vedtaget)(?:\\s+den|\\s+d\\.)?\\s*:?\\s*${DATE}\\.?$`, 'iu').exec(s);
  if (only) {
    const date = parseDanishDate(only[1]!);
    const ds = only.index + only[0].lastIndexOf(only[1]!);
    if (date) out.push({ path: 'approvedOn', value: date, start: ds, end: ds + only[1]!.length, confidence: 0.85 });
    return out;
  }
  // "Kommissoriet er vedtaget den 12. marts 2025.", "Denne forretningsorden blev godkendt d. 12.03.2025 af Styregruppen.",
  // "Godkendt den 12. marts 2025 af Sundhedskoordinationsudvalget.": these terms (named as themselves, no 'for X' after them)
  // approved on a day, the body after the date when one is named (capitalised, at most four words, the sentence's end).
  const dateFirst = new RegExp(
    `^(?:(?:(?:dette|det)\\s+kommissorium|kommissoriet|(?:denne|den)\\s+forretningsorden|forretningsordenen)\\s+(?:er|blev)\\s+(?:senest\\s+)?)?(?:godkendt|vedtaget)\\s+(?:den|d\\.)\\s+${DATE}(?:\\s+(?:af|i)\\s+([\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{L}-]+){0,3}?))?\\.?$`,
    'iu',
  ).exec(s.trim());
  if (dateFirst) {
    const off = s.indexOf(s.trim());
    const date = parseDanishDate(dateFirst[1]!);
    const ds = off + dateFirst[0].indexOf(dateFirst[1]!);
    if (date) out.push({ path: 'approvedOn', value: date, start: ds, end: ds + dateFirst[1]!.length, confidence: 0.85 });
    const body = dateFirst[2];
    if (body && !/\s(?:er|blev|har|skal|kan|var|den|d\.)\s/iu.test(` ${body} `) && !/\d/.test(body)) {
      const at = off + dateFirst[0].lastIndexOf(body);
      out.push({ path: 'approvedByName', value: body, start: at, end: at + body.length, confidence: 0.8 });
    }
  }
  return out;
}

/**
 * A date field ("Dato: 21. april 2022", "Godkendelsesdato: ...", "Dato for godkendelse: ..."): the approval's date when it stands
 * on the line next to an approving body's field ("Godkendt af: Handicaprådet"), as a key-value table at a document's top writes
 * them; the extractor pairs the two. Alone, a document's date is no approval.
 */
export function approvalDateField(s: string): RawFinding | undefined {
  const m = new RegExp(`^(?:\\s*[-•–*]\\s+)?(?:dato|godkendelsesdato|vedtagelsesdato|dato\\s+for\\s+(?:godkendelse|vedtagelse)|godkendt\\s+den|vedtaget\\s+den)\\s*:\\s*${DATE}\\.?$`, 'iu').exec(s);
  if (!m) return undefined;
  const date = parseDanishDate(m[1]!);
  const ds = m.index + m[0].lastIndexOf(m[1]!);
  return date ? { path: 'approvedOn', value: date, start: ds, end: ds + m[1]!.length, confidence: 0.8 } : undefined;
}

/** "X og Y kan nedsætte ad hoc grupper": the groups a forum may set up, and which forums the sentence names as subject. */
export function subGroupMentions(s: string): { subjectKinds: string[]; groups: { label: string; start: number; end: number }[] } | undefined {
  const verb = /(?:kan\s+)?(?:nedsætte|nedsætter|nedsættelse\s+af|etablere|etablerer|oprette|opretter)\s/iu.exec(s);
  if (!verb) return undefined;
  const tail = s.slice(verb.index + verb[0].length);
  const groups: { label: string; start: number; end: number }[] = [];
  for (const m of kindMentions(tail)) {
    if (!m.kind.subGroupLabel || groups.some((g) => g.label === m.kind.subGroupLabel)) continue;
    const start = verb.index + verb[0].length + m.index;
    groups.push({ label: m.kind.subGroupLabel, start, end: start + m.text.length });
  }
  if (!groups.length) return undefined;
  const subjectKinds = kindMentions(s.slice(0, verb.index)).filter((m) => !m.kind.subGroupLabel).map((m) => m.kind.slug);
  return { subjectKinds: [...new Set(subjectKinds)], groups };
}

// ---- Seats ----

// "2 medlemmer udpeget af Byråd blandt Byrådets medlemmer": whom they are chosen among is part of the one seat.
const FUNCTION_WORDS = new Set(['fra', 'i', 'for', 'og', 'eller', 'af', 'til', 'samt', 'ved', 'på', 'med', 'hhv.', 'de', 'den', 'det', 'en', 'et', 'hver', 'alle', 'som', 'der', 'blandt']);
const STOP_BEFORE_COUNT = new Set(['niveau', 'de', 'af', 'fra', 'hver', 'alle', 'end', 'til', 'med', 'på', 'i', 'for', 'minimum', 'mindst', 'op', 'over', 'under', 'og', 'eller', 'hhv.', 'ca.']);
const ROLE_WORD = /(?:koordinator|konsulent|chef|direktør|leder|læge|sygeplejerske|repræsentant|formand|sekretær)\p{L}*$/iu;
// "en række medlemmer", "en del (programgruppen) udpeges ...", "et antal repræsentanter": an indefinite amount is no count of one.
const NOT_A_SEAT = /^(?:ved|der|hver|i|enten|eller|det|som|når|hvis|alle|medlemmerne|gruppen|ad\s+hoc|derfor|desuden)\b|^(?:en|et)\s+(?:række|del|antal|mindre\s+antal|større\s+antal|håndfuld)(?![\p{L}])|^udpeget\s+af\s+.*\s(?:den\s+)?\d{1,2}\.\s*\p{L}+\s+\d{4}|^\d{1,2}\.\s*(?:\p{L}+\s+\d{4}|\d{1,2}\.)|^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b/iu;

/** An organisation's name of no known sector: "Danske Patienter", "Dansk Sygeplejeråd", "Ældresagen", "Lægeforeningen", "FOA". */
const ORGANISATION = /^(?:(?:Dansk|Danske|Landsforeningen|Foreningen)(?:\s+[\p{L}-]+){1,4}|[\p{Lu}][\p{L}-]*(?:forening|foreningen|råd|rådet|organisation|organisationer|organisationerne|selskab|selskabet|sagen|styrelsen|ministeriet|terapeuter)|[\p{Lu}]{2,6})$/u;

export type ParsedSeat = { value: SeatDraft; start: number; end: number; confidence: number };

/**
 * One line of a members section: "Kommuner: 3 direktører 3-5 sundheds- og ældrechefer ...",
 * "- 1-2 Kommunale repræsentanter fra hver kommune", "Koncerndirektør Region Midtjylland (medformand)".
 * Lists whose line breaks were lost are split before each count and before a capitalised word
 * that starts a new phrase.
 */
export function parseSeatLine(line: string, inheritedLabel: OrganisationKind | undefined): { seats: ParsedSeat[]; label?: OrganisationKind } {
  let pos = 0;
  let label = inheritedLabel;
  let labelSet: OrganisationKind | undefined;
  const scoped = /^I\s+.+?:\s*/u.exec(line);
  if (scoped) pos = scoped[0].length;
  for (;;) {
    const m = /^([\p{L}][\p{L}\s/-]{0,40}?):\s*/u.exec(line.slice(pos));
    if (!m || m[1]!.trim().split(/\s+/).length > 4 || /(?:^|\s)(?:består|er|har|skal|kan|følgende)(?:\s|$)/iu.test(m[1]!)) break;
    const sec = firstSector(m[1]!);
    if (sec) label = labelSet = sec.sector;
    pos += m[0].length;
  }
  if (line.slice(pos).trim().endsWith(':')) return { seats: [], label: labelSet };
  // "Bofællesskaberne i Tønder – 1 repræsentant", "Ulriksallé - 2 repræsentanter": a holder, a dash, then how many it sends.
  const sends = /^(\S.{1,118}?)\s+[-–]\s+(\d{1,2}|en|én|et|to|tre|fire|fem)\s+(?:repræsentant(?:er)?|medlem(?:mer)?)\.?$/iu.exec(line.slice(pos).trim());
  // "... kommer til at bestå af 16 - 18 medlemmer": a range of the members in all, not a holder and a count.
  if (sends && !/[.!?]\s+\p{Lu}\p{Ll}/u.test(sends[1]!) && !/\d$/.test(sends[1]!.trim()) && !/(?<![\p{L}])(?:består|bestå|sammensættes|sammensat)\s+af(?![\p{L}])/iu.test(sends[1]!)) {
    const n = parseNumber(sends[2]!);
    const lead = line.slice(pos).length - line.slice(pos).trimStart().length;
    const holder = sends[1]!.trim();
    const sector = firstSector(holder)?.sector ?? label ?? 'other';
    if (n !== undefined) {
      const start = pos + lead;
      return { seats: [{ value: { party: { kind: 'sector', sector, perOrganisation: false }, role: holder, min: n, max: n }, start, end: start + sends[0].replace(/\.$/, '').length, confidence: 0.8 }], label: labelSet };
    }
  }
  // "4 repræsentanter der besidder særlig indsigt i lægemidler ... . Repræsentanterne deltager som personligt udpegede medlemmer ...":
  // a count of representatives, then a relative clause on what they know (naming no side): one seat of that many; the clause and
  // the sentences after it describe them.
  const rest = line.slice(pos);
  const described = new RegExp(`^(\\s*${NUM}(?:\\s*[-–]\\s*${NUM})?\\s+(?:repræsentanter|eksperter))\\s*,?\\s+(?:der|som)\\s+(?:besidder|har)\\s+(?:en\\s+)?(?:særlig\\s+|faglig\\s+|bred\\s+)?(?:indsigt|viden|erfaring|kendskab|ekspertise)(?![\\p{L}])`, 'iu').exec(rest);
  if (described && !firstSector(rest.slice(described[1]!.length))) {
    const start = pos + described[1]!.length - described[1]!.trimStart().length;
    const text = described[1]!.trim();
    return { seats: parseSeatSegment(text, label).map((value) => ({ value, start, end: start + text.length, confidence: 0.75 })), label: labelSet };
  }
  const seats: ParsedSeat[] = [];
  for (const seg of splitSeatSegments(line.slice(pos))) {
    const start = pos + seg.start;
    for (const value of parseSeatSegment(seg.text, label)) {
      seats.push({ value, start, end: start + seg.text.replace(/[.\s]+$/, '').length, confidence: value.min === null && value.max === null ? 0.7 : 0.8 });
    }
  }
  return { seats, label: labelSet };
}

function splitSeatSegments(s: string): { start: number; text: string }[] {
  const cuts = new Set<number>();
  const words = [...s.matchAll(/\S+/g)].map((m) => ({ text: m[0], index: m.index }));
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!.text;
    const w = words[i]!.text;
    const next = words[i + 1]?.text ?? '';
    const prevLower = prev.toLowerCase();
    if (/^\d+(?:[-–]\d+)?$/.test(w) || (prevLower !== 'ca.' && w.toLowerCase() === 'ca.' && /^\d/.test(next))) {
      if (/^\d/.test(w) && prevLower === 'ca.') continue;
      if (STOP_BEFORE_COUNT.has(prevLower)) continue;
      // "fra hver af Testforeningens 5 Regioner": a count after an association's genitive counts its branches, no seat's members.
      if (/(?:forening|organisation|forbund|selskab)(?:en|et)?s$/iu.test(prev)) continue;
      if (/^(?:år|gange|dage|uger|måneder|timer|kommuner|minutter)/i.test(/^\d/.test(w) ? next : words[i + 2]?.text ?? '')) continue;
      cuts.add(words[i]!.index);
      continue;
    }
    if (/^[\p{Lu}]/u.test(w) && !/^[\p{Lu}]{2,5}(?:-[\p{L}]{1,3})?\p{P}*$/u.test(w)) {
      if (/[,;:(]$/.test(prev)) continue;
      const prevLowerInitial = /^[\p{Ll}]/u.test(prev);
      if (prevLowerInitial && !FUNCTION_WORDS.has(prevLower)) cuts.add(words[i]!.index);
      else if (/^[\p{Lu}]/u.test(prev) && ROLE_WORD.test(w) && ROLE_WORD.test(prev)) cuts.add(words[i]!.index);
    }
  }
  const points = [0, ...[...cuts].sort((a, b) => a - b), s.length];
  const out: { start: number; text: string }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const raw = s.slice(points[i], points[i + 1]);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ start: points[i]! + lead, text: raw.trim() });
  }
  return out;
}

export function parseSeatSegment(segment: string, labelSector: OrganisationKind | undefined): SeatDraft[] {
  // "dels af regionsrådets formand, dels af borgmestrene ...", "..., samt borgmestrene ...": the joining words are no part of the seat;
  // "hvoraf 2 medlemmer udpeges af Regionsrådet": a count of the members in all is divided after "hvoraf"/"heraf".
  let s = segment
    .trim()
    .replace(/^[-•–*]\s+/, '')
    .replace(/^(?:dels\s+af|samt|og|hvoraf|heraf)\s+/iu, '')
    // "11 medlemmer heraf syv brugerrepræsentanter": a count of the members in all, then without a comma the part of it a side holds.
    .replace(new RegExp(`^(?:i\\s+alt\\s+)?${NUM}\\s+(?:medlemmer|personer)(?:\\s+i\\s+alt)?\\s+(?:heraf|hvoraf)\\s+(?=\\S)`, 'iu'), '')
    .replace(/[.;,]+$/, '')
    .trim();
  if (!s || s.endsWith(':') || s.split(/\s+/).length > 22) return [];
  // "Udpegningen koordineres af Psykiatriforeningernes Fællesråd": how members are found is no seat.
  if (/^udpegning(?:en)?(?![\p{L}])/iu.test(s)) return [];
  if (/^(?:derudover|herudover|endvidere|desuden)\b/iu.test(s)) {
    const af = /deltagelse\s+af,?\s+(.*)$/iu.exec(s);
    // "derudover medlemmer udpeget af erhvervsorganisationer": further members of organisations of no side of their own.
    const further = /^\S+\s+(?:medlemmer|repræsentanter)\s+(?:udpeget\s+af|fra)\s+(.+)$/iu.exec(s);
    if (!af && further && !firstSector(further[1]!) && /organisation|institution|forening/iu.test(further[1]!)) {
      return [{ party: { kind: 'sector', sector: 'other', perOrganisation: false }, role: s.replace(/^\S+\s+/u, ''), min: null, max: null }];
    }
    if (!af) return [];
    return uniq(allSectors(af[1]!).filter((x) => x === 'psychiatry' || x === 'general_practice' || x === 'hospital'))
      .map((sector) => ({ party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null }));
  }
  // "Alle sundhedsdirektører fra de 19 midtjyske kommuner", "alle 19 midtjyske kommuner": one seat a municipality.
  // "sundhedsdirektørerne fra alle 19 midtjyske kommuner": so are the holders of a post from all of them.
  if (/^alle\s+(?:[\p{Ll}-]+\s+fra\s+)?(?:de\s+)?(?:\d{1,3}\s+)?(?:[\p{Ll}-]+\s+)?kommuner(?:ne)?$|^[\p{Ll}-]+(?:erne|ne)\s+fra\s+alle\s+(?:de\s+)?(?:\d{1,3}\s+)?(?:[\p{Ll}-]+\s+)?kommuner$/iu.test(s)) {
    return [{ party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, role: s, min: null, max: null }];
  }
  if (NOT_A_SEAT.test(s)) return [];
  // "to til tre praktiserende læger", "2 til 3 repræsentanter": a range told with 'til' as with a dash (it gave the first count
  // and a role 'til tre ...').
  const count = new RegExp(`^(?:(ca\\.|cirka|op\\s+til|minimum|mindst|maksimalt|højst)\\s*)?${NUM}(?:(?:\\s*[-–]\\s*|\\s+til\\s+)${NUM})?\\s+(?=\\p{L})`, 'iu').exec(s);
  let min: number | null = null;
  let max: number | null = null;
  const notes: string[] = [];
  if (count) {
    const q = (count[1] ?? '').toLowerCase();
    const a = parseNumber(count[2]!) ?? null;
    const b = count[3] ? parseNumber(count[3]) ?? null : a;
    // A range whose second count is no larger is no range: nothing rather than a guess.
    if (count[3] && /\stil\s/iu.test(count[0]) && (a === null || b === null || b <= a)) return [];
    if (/^(?:op|maks|højst)/.test(q)) max = a;
    else if (/^(?:minimum|mindst)/.test(q)) min = a;
    else {
      min = a;
      max = b;
    }
    if (/^(?:ca|cirka)/.test(q)) notes.push(count[0].trim());
    s = s.slice(count[0].length);
  }
  // "KL (næstformand), herunder kommuner (3)" under "... af følgende (antal medlemmer i parentes):": a bare number in parentheses
  // closing an item that opens with no count is its count.
  const tail = count ? null : /\s*\((\d{1,2})\)$/u.exec(s);
  if (tail) {
    min = max = Number(tail[1]);
    s = s.slice(0, tail.index);
  }
  for (const p of s.matchAll(/\(([^)]*)\)/g)) notes.push(p[1]!.trim());
  const role = s
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[.;,:]+$/, '')
    .replace(/\s+(?:samt|og|eller)$/i, '')
    .trim();
  if (!role) return [];
  // "Desuden deltager 2 praktiserende læger i møderne efter behov": who takes part in the meetings as needed holds no seat.
  if (/\s(?:i|til)\s+(?:\p{L}+s\s+)?møde(?:rne|t|r)?\s+(?:efter|ved)\s+behov$|\s(?:i|til)\s+(?:\p{L}+s\s+)?møde(?:rne|t|r)?\s+ad[- ]?hoc$/iu.test(role)) return [];
  // "en formand og et vist antal medlemmer": the chair and an open number are not seats of an organisation.
  if (/^(?:(?:næst)?formand(?:en)?|vist\s+antal\b.*|antal\s+medlemmer)$/iu.test(role)) return [];
  // "består af 10 medlemmer", "11 medlemmer: Borgmester A, ...", "8 medlemmer i alt", "14 ordinære medlemmer": a count of members
  // naming no party is the total, not a seat.
  if (count && /^(?:ordinære\s+|faste\s+|stemmeberettigede\s+)?(?:medlemmer|personer)(?:\s+i\s+alt)?(?:\s*:.*)?$/isu.test(role)) return [];
  // "5 medlemmer og 3 suppleanter": deputies stand in for members; they hold no seats of their own.
  if (/^(?:personlige\s+)?(?:suppleant|stedfortræder)\p{L}*(?:\s|$)/iu.test(role)) return [];
  // "1 medarbejder": staff counted without the organisation that employs them sit for no side the text names.
  // "2 ledelsesrepræsentanter": so are its managers.
  // "en leder, en medarbejder samt centerchefen": so are a manager and the unit's chief.
  if (count && !labelSector && /^(?:medarbejder(?:e|ne)?|medarbejderrepræsentant(?:er)?|ansat(?:te)?|personale(?:repræsentant(?:er)?)?|ledelsesrepræsentant(?:er)?|lederrepræsentant(?:er)?|leder(?:e|ne)?)$/iu.test(role)) return [];
  if (!count && !labelSector && /^[\p{L}-]*chef(?:en|erne)?$/iu.test(role)) return [];
  // "2 medlemmer fra administrationen": an administration whose owner the line does not name sits for no side it names.
  if (count && !labelSector && /^(?:medlemmer|medlem|repræsentanter|repræsentant)\s+fra\s+administrationen$/iu.test(role)) return [];
  // "Centerrådene består af pårørende, beboere, ...": relatives, residents and users sit for themselves, not counted.
  if (!count && /^(?:pårørende|beboere|brugere|patienter)(?:ne)?$/iu.test(role)) {
    return [{ party: { kind: 'sector', sector: 'other', perOrganisation: false }, role, min: null, max: null }];
  }
  // "borgmestrene for kommunerne i regionen", "borgmestrene fra regionens 19 kommuner", "alle regionens borgmestre": the mayor
  // of each municipality, a seat per municipality (a number of municipalities counts them, not the seats; a post named without
  // a count states no count).
  if (!count && /^(?:alle\s+)?(?:regionens\s+|kommunernes\s+)?borgmestre(?:ne)?(?:\s+(?:for|fra|i)\s+(?:de\s+|regionens\s+|alle\s+)?(?:\d{1,3}\s+)?(?:\p{L}+\s+)?kommuner(?:ne)?(?:\s.*)?)?$/iu.test(role)) {
    return [{ party: { kind: 'sector', sector: 'municipality', perOrganisation: true }, role, min: null, max: null }];
  }
  // "en repræsentant for hver af de somatiske hospitaler", "for hver kommune": 'for' as 'fra' (it gave one seat in all).
  const perOrganisation = /(?:fra|for)\s+hver[t]?(?:\s+af\s+de\s+\S+)?\s+\p{L}+|pr\.?\s+kommune|per\s+kommune/iu.test(role);
  const base = { ...(role ? { role } : {}), min, max, ...(notes.length ? { note: notes.join('; ') } : {}) };
  // "1-2 regionale og kommunale repræsentanter fra hvert SOF-område": two sides as adjectives before the noun, each with the count.
  const twoAdjectives = /^(regionale|kommunale)\s+og\s+(regionale|kommunale)\s+(?:repræsentanter|medlemmer)(?![\p{L}])/iu.exec(role);
  if (twoAdjectives && twoAdjectives[1]!.toLowerCase() !== twoAdjectives[2]!.toLowerCase()) {
    return [twoAdjectives[1]!, twoAdjectives[2]!].map((w) => ({ party: { kind: 'sector', sector: firstSector(w)!.sector, perOrganisation }, ...base }));
  }
  const two = /fra\s+(?:den\s+|de\s+)?(\p{L}+)\s+(?:og|samt)\s+(?:fra\s+)?(?:den\s+|de\s+)?(\p{L}+)/iu.exec(role);
  if (two) {
    const a = firstSector(two[1]!);
    const b = firstSector(two[2]!);
    if (a && b && a.sector !== b.sector) {
      return [a.sector, b.sector].map((sector) => ({ party: { kind: 'sector', sector, perOrganisation }, ...base }));
    }
  }
  // "medlemmer, som er udpeget af regionsrådet efter indstilling fra ...": the body that appoints is not the party the
  // seat is for; the nominating party is (named after "indstilling fra/af", or no known sector).
  // "udpeget efter indstilling fra Danske Handicaporganisationer": the nominating party without the appointing body.
  const nominated = /,?\s*(?:(?:som|der)\s+(?:er\s+|bliver\s+)?)?udpeg\p{L}*\s+(?:af\s+.+?\s+)?efter\s+indstilling(?:\s+(?:fra|af)\s+(.+))?$/iu.exec(role);
  // "medlemmer fra handicaporganisationerne i kommunen": where they are, not whom they sit for.
  const before = nominated ? role.slice(0, nominated.index).replace(/(\S)\s+i\s+(?:kommunen|regionen)$/iu, '$1') : role;
  const sectorText = nominated ? before + (nominated[1] ? ` ${nominated[1]}` : '') : role;
  // "13 repræsentanter fra patientforeninger og brugergrupper i Region Midtjylland": patients' and users' organisations sit for
  // themselves; the region or municipality after "i" is where they are, not whom they sit for.
  const located = /^(.*?\S)\s+i\s+(?:regionen|kommunen|Region\s+[\p{Lu}][\p{L}]+|[\p{Lu}][\p{L}-]+\s+Kommune)$/u.exec(sectorText);
  // "4 udpeget af FAS-gruppen i regionen": an organisation of no side appoints them; the region is only where it is.
  // "1 medlem indstillet af Frivilligcentret i Silkeborg Kommune", "... af den institution, der driver sprogskoleaktiviteter i
  // Silkeborg Kommune": a nominating or appointing body of no side is where the seat is from; the municipality is where it is.
  const ownSide =
    located &&
    !firstSector(located[1]!) &&
    (/(?:patient|bruger|pårørende|handicap)\p{L}*(?:forening|organisation|grupp)/iu.test(located[1]!) ||
      /(?:^|\s)udpeget\s+af\s+(?:[\p{Lu}]{2,}[\p{L}-]*|[\p{Lu}][\p{L}-]*(?:forening|foreningen|organisation|organisationen|selskab|selskabet|gruppe|gruppen))$/u.test(located[1]!) ||
      (!!count && /^(?:medlem(?:mer)?|repræsentant(?:er)?)\s+indstillet\s+af\s+\S/iu.test(located[1]!)));
  // "et antal medlemmer blandt borgerne i Silkeborg Kommune": members chosen among the citizens sit for themselves, whoever
  // approves them.
  const amongCitizens = /(?:^|\s)(?:medlemmer|repræsentanter)\s+blandt\s+(?:\p{L}+\s+)?borger(?:ne|e)(?![\p{L}])/iu.test(role);
  const sector = (ownSide || amongCitizens ? 'other' : undefined) ?? firstSector(sectorText)?.sector ?? (nominated ? undefined : labelSector) ?? (count || tail || ORGANISATION.test(role) ? 'other' : undefined);
  if (!sector) return [];
  // "sygehuse (somatik såvel som psykiatri)": the hospitals' somatic and psychiatric sides both sit.
  if (sector === 'hospital' && notes.some((n) => /somati\p{L}*\s+(?:og|samt|såvel\s+som)\s+(?:\p{L}+\s+)?psykiatri/iu.test(n))) {
    return (['hospital', 'psychiatry'] as const).map((x) => ({ party: { kind: 'sector', sector: x, perOrganisation }, ...base }));
  }
  return [{ party: { kind: 'sector', sector, perOrganisation }, ...base }];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}


const HOLDER = String.raw`((?:[\p{Lu}][\p{L}-]*(?:'s)?\s+)?(?:[\p{L}-]+\s+og\s+)?[\p{L}-]+(?:'s)?(?:\s+[\p{L}-]+)?)`;

/** Staff named before their employer: "medarbejdere fra", "en medarbejder i", "to konsulenter hos" (optional, not captured). */
const STAFF_OF = String.raw`(?:(?:(?:en|én|to|tre|\d{1,2})\s+)?(?:medarbejdere?|konsulent(?:er)?|fuldmægtig(?:e)?|ansatte)\s+(?:fra|i|hos)\s+(?=[\p{Lu}]|(?:regionen|kommunen|kommunerne|hospitalet|sygehuset)(?![\p{L}])))?`;

const holder = (name: string) => {
  const n = capitalise(name.trim().replace(/[.,;:]+$/, ''));
  // "regionen og kommunerne": two sides joined hold it together; neither is its sector (it gave the first, 'region_administration').
  const two = /\s(?:og|samt)\s/iu.test(n) && uniqueSides(allSectors(n)).length >= 2;
  const sector = two ? undefined : firstSector(n)?.sector;
  return sector ? { name: n, sector } : { name: n };
};

// Two parties named as sharing a role: organisations by their capitalised names ("Lægeforeningen", "Dansk Selskab for Akutmedicin")
// or sides by their definite nouns ("regionen", "kommunerne").
const SHARING_PARTY = String.raw`(?:[\p{Lu}][\p{L}-]*(?:\s+(?:for|af)\s+[\p{Lu}][\p{L}-]*|\s+[\p{Lu}][\p{L}-]*){0,4}|regionen|kommunen|kommunerne|hospitalet|hospitalerne|sygehuset|sygehusene|almen\s+praksis|de\s+praktiserende\s+læger)`;

/**
 * "Sekretariatsfunktionen deles mellem Lægeforeningen og Lægevidenskabelige Selskaber", "Regionen og kommunerne deler
 * sekretariatsbetjeningen": the secretariat is shared, held by the two together (one holder, both names; a side only when both
 * are of it). "Lægeforeningen og Lægevidenskabelige Selskaber deler mødelederfunktionen", "Mødeledelsen deles mellem A og B": the
 * chair of the meetings (called the meeting leader, not the chair) is shared, between two sides when both name one. Only two
 * parties named; "Opgaverne deles mellem medlemmerne" shares nothing of these.
 */
function sharedRoles(s: string, ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  const lead = String.raw`^(?:Stk\.\s*\d+\.\s+|\d{1,2}(?:\.\d{1,2})*\.?\s+)?`;
  const pair = String.raw`(${SHARING_PARTY})\s+og\s+(${SHARING_PARTY})`;
  // Case-sensitive ("u" only): a party's name is told by its capital; the role word may open the sentence with one.
  const SECRETARIAT = String.raw`(?:[Ss]ekretariat(?:et|sfunktionen|sbetjeningen|sopgaven|sopgaverne|sbistanden)?|[Ss]ekretærfunktionen|[Ss]ekretærrollen)`;
  const CHAIR = String.raw`(?:[Mm]ødeleder(?:funktionen|rollen|en)|[Mm]ødeledelsen|[Ff]ormand(?:s)?skabet|[Ff]ormandsposten|[Ff]orperson(?:s)?skabet)`;
  const shared = (role: string) =>
    new RegExp(`${lead}${role}\\s+deles\\s+(?:ligeligt\\s+)?(?:mellem|af)\\s+${pair}\\.?$`, 'u').exec(s) ??
    new RegExp(`${lead}${pair}\\s+deler\\s+${role}\\.?$`, 'u').exec(s);
  const sides = (m: RegExpExecArray) => [holderSector(m[1]!), holderSector(m[2]!)];
  const sec = ctx.forumKind === 'faelles_sekretariat' ? null : shared(SECRETARIAT);
  if (sec) {
    const [a, b] = sides(sec);
    const first = sec.index + sec[0].indexOf(sec[1]!);
    const last = sec.index + sec[0].lastIndexOf(sec[2]!) + sec[2]!.length;
    const name = capitalise(s.slice(first, last));
    out.push({ path: 'secretariat.shared', value: true, start: sec.index, end: sec.index + sec[0].length, confidence: 0.8 });
    out.push({ path: 'secretariat.by', value: a && a === b ? { name, sector: a } : { name }, start: first, end: last, confidence: 0.75 });
  }
  const chair = ctx.forumKind === 'formandskab' ? null : shared(CHAIR);
  if (chair) {
    out.push({ path: 'chair.shared', value: true, start: chair.index, end: chair.index + chair[0].length, confidence: 0.8 });
    const list = uniqueSides(sides(chair).filter((x): x is OrganisationKind => !!x));
    if (list.length === 2) out.push({ path: 'chair.sides', value: list, start: chair.index, end: chair.index + chair[0].length, confidence: 0.75 });
  }
  return out;
}

/**
 * Who holds the chair and who provides the secretariat, how many members there are in all,
 * whether meetings are closed, and what a document says with verbs ("X nedsætter Udvalget",
 * "på de dage, hvor der afholdes møder i X").
 */
/** "Anne Holm, direktør i ...": a sentence that opens with a person's name. */
const PERSON_NAME_START = /^[\p{Lu}][\p{Ll}]+\s+[\p{Lu}][\p{Ll}]+(?:\s|,)/u;

/** Whether the sentence's first word is this forum: its own kind word ("Styregruppen") or a bare one ("Udvalget", "Gruppen"). */
function selfServed(s: string, ctx: RuleContext): boolean {
  return isThisForumWord(/^[\p{L}-]+/u.exec(s)?.[0] ?? '', ctx);
}

/** Whether a word is this forum: a bare kind word ("Udvalget", "Gruppen", "Netværket") or the forum's own kind word, whole ("Styregruppen"). */
function isThisForumWord(word: string, ctx: RuleContext): boolean {
  if (/^(?:udvalget|gruppen|rådet|forummet|bestyrelsen|netværket)$/iu.test(word)) return true;
  const k = kindAtStart(word);
  return !!k && k.length === word.length && !!ctx.forumKind && k.kind.slug === ctx.forumKind;
}

function holderRules(s: string, ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  const push = (path: ScalarPath, value: unknown, start: number, end: number, confidence: number) => out.push({ path, value, start, end, confidence });
  // "Kommunerne forestår sekretariatsbetjeningen", "Sekretariatet ... varetages af X", "sekretariatsbetjenes af X".
  const sec =
    new RegExp(`^${HOLDER}\\s+(?:forestår|varetager|varetog|står\\s+for)\\s+(?:\\p{L}+\\s+og\\s+)?(?:sekretariat\\p{L}*)`, 'iu').exec(s) ??
    new RegExp(`sekretariatsbetjenes\\s+af\\s+${HOLDER}`, 'iu').exec(s) ??
    // "Styregruppen bliver betjent af FDS-teamet", "Udvalget betjenes af Sundhedsforvaltningen": the forum (its kind word or a
    // bare one) as the subject of being served.
    (selfServed(s, ctx) ? new RegExp(`^(?:[\\p{L}-]+)\\s+(?:bliver\\s+betjent|blev\\s+betjent|betjenes|er\\s+betjent)\\s+af\\s+${HOLDER}`, 'iu').exec(s) : null) ??
    // "Stk. 4. Sundhedsstyrelsen sekretariatsbetjener udvalget og ...": the body that serves this forum, in the active voice.
    new RegExp(`^(?:Stk\\.\\s*\\d+\\.\\s+)?${HOLDER}\\s+sekretariatsbetjener\\s+(?:udvalget|gruppen|rådet|forummet|styregruppen|netværket|følgegruppen|arbejdsgruppen)${E}`, 'iu').exec(s) ??
    // "Videreuddannelsessekretariatets AC-fuldmægtig, der sekretariatsbetjener specialet": the office whose employee serves it.
    new RegExp(`^(?:[-•–*]\\s+)?([\\p{L}-]*sekretariat)(?:ets|s)\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+)?,?\\s+(?:der|som)\\s+sekretariatsbetjener${E}`, 'iu').exec(s) ??
    // "Sundhedsministeriet er sekretariat for styregruppen", "Nationalt Videnscenter for Demens varetager sekretariatsfunktionen for
    // styregruppen": a capitalised name (up to five words, "for", "og" and "i" between them) that is, or serves as, this forum's
    // secretariat, the forum named by its kind word after "for".
    new RegExp(`^((?:[\\p{Lu}][\\p{L}-]*)(?:\\s+(?:(?:for|og|i)\\s+)?[\\p{Lu}][\\p{L}-]*){0,4})\\s+(?:er|fungerer\\s+som|varetager)\\s+(?:sekretariat|sekretariatet|sekretariatsfunktionen|sekretariatsbetjeningen|sekretariatsopgaven)\\s+for\\s+(?:udvalget|gruppen|rådet|forummet|bestyrelsen|netværket|[\\p{L}-]*(?:grupp|udvalg|forum|råd)(?:en|et|e)?)${E}`, 'u').exec(s) ??
    // "Sekretariatet ligger hos regionen", "Sekretariatsfunktionen er placeret hos Testby Kommune": the body it sits with.
    new RegExp(`^(?:§\\s*\\d+\\.?\\s+)?sekretariat(?:et|sfunktionen|sbetjeningen)\\s+(?:ligger|er\\s+placeret|er\\s+forankret|placeres|forankres)\\s+hos\\s+${HOLDER}`, 'iu').exec(s) ??
    // "Sekretariatsbistanden ydes af X", "Sekretariatsfunktionen leveres af X".
    // "Sekretariatsfunktionen varetages af og forankres hos X": a second passive verb before the holder.
    // "Sekretariatsbetjeningen varetages af medarbejdere fra Sundhedsstaben", "... af en medarbejder i Testby Kommune": staff named
    // with their employer; the employer holds the secretariat (it was read as 'Medarbejdere fra Sundhedsstaben', and a name of two
    // words lost its second, 'Medarbejdere fra Hospitalsenheden').
    new RegExp(`(?:ledelsen\\s+af\\s+)?sekretariat\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:varetages|ydes|leveres|løses)\\s+af\\s+(?:og\\s+\\p{L}+es\\s+(?:hos|af|i)\\s+)?${STAFF_OF}${HOLDER}`, 'iu').exec(s) ??
    // "beslutter rådet, om det ønsker sekretariatsbistand fra kommunen".
    new RegExp(`sekretariats(?:bistand|betjening)\\s+fra\\s+${HOLDER}`, 'iu').exec(s) ??
    new RegExp(`ansat\\s+i\\s+(\\p{L}+)\\s+tjeneste[^.]*sekretariatsfunktion`, 'iu').exec(s) ??
    // "Byrådet er ansvarlig for den sekretariatsmæssige bistand til Handicaprådet": the body answering for the secretariat holds it.
    new RegExp(`^(?:§\\s*\\d+\\.?\\s+)?${HOLDER}\\s+(?:er\\s+ansvarlig\\s+for|har\\s+ansvaret\\s+for)\\s+(?:den\\s+|det\\s+)?sekretariat(?:s)?(?:mæssige\\s+|mæssig\\s+)?(?:bistand|betjening|funktion)\\p{L}*`, 'iu').exec(s) ??
    // "Formanden indkalder ... ved udsendelse af dagsorden ... via sekretæren fra Ældre og Handicapforvaltningen": the organisation
    // whose secretary serves the meetings.
    new RegExp(`(?:via|ved|gennem)\\s+(?:rådets\\s+|udvalgets\\s+|gruppens\\s+)?sekretær(?:en)?\\s+fra\\s+${HOLDER}`, 'iu').exec(s) ??
    // "Tovholderkommunen stiller sekretærbistand til rådighed".
    // "Esbjerg Kommune stiller sekretariatsbistand til rådighed".
    new RegExp(`^${HOLDER}\\s+(?:stiller|yder|leverer)\\s+(?:\\p{L}+\\s+)?(?:sekretær|sekretariat)\\p{L}*`, 'iu').exec(s) ??
    new RegExp(`(?:sendes|fremsendes|meddeles)\\s+til\\s+((?:det\\s+|den\\s+)?(?:[\\p{L}-]+\\s+)?[\\p{L}-]*sekretariat(?:et)?)${E}`, 'iu').exec(s) ??
    // "Den regionale tovholder har det primære ansvar for udarbejdelse af dagsordener og referater": who writes the agendas and
    // the minutes serves the forum as its secretariat.
    /^((?:Den|Det)\s+(?:regionale|kommunale)\s+(?:tovholder|sekretær|sekretariat))\s+har\s+(?:det\s+(?:primære|overordnede|fulde)\s+)?ansvar(?:et)?\s+for\s+(?:at\s+udarbejde|udarbejdelse(?:n)?\s+af|udsendelse(?:n)?\s+af)\s+dagsorden\p{L}*\s+og\s+referat/u.exec(s);
  if (sec && !(ctx.forumKind === 'faelles_sekretariat')) {
    // "... hos Region Nordjylland i samarbejde med ...": a preposition after the holder's name is no part of it.
    const name = sec[1]!.replace(/^(?:det|den)\s+/i, '').replace(/\s+(?:i|og|med|for|på|hos|til|efter)$/iu, '');
    // "sekretariatsbetjenes af en konsulent fra ...": people, not an organisation holding the secretariat.
    const relative = /^,?\s+(?:der|som)\s/i.test(s.slice(sec.index + sec[0].length));
    if (!relative && !/^(?:sekretariatet|formanden|udvalget|gruppen|der|som|det)$/i.test(name) && !/^(?:en|et|to|tre|\d+)\s/i.test(name)) {
      const at = sec.index + sec[0].indexOf(sec[1]!);
      // "Sundhedsstaben i Testby Kommune", "Sundhed og Omsorg i Testby Kommune": the municipality (or region) the unit belongs to
      // after a name cut at three words is part of it (it gave 'Sundhedsstaben i Testby', a wrong name).
      const rest = s.slice(at + sec[1]!.length);
      const whose = /[\p{Lu}][\p{L}-]*$/u.test(name) && name === sec[1]!.trim()
        ? /^(?:\s+i\s+(?:[\p{Lu}][\p{L}-]*\s+)?(?:Kommune|Regionskommune)|\s+i\s+Region\s+[\p{Lu}][\p{L}-]*|\s+(?:Kommune|Regionskommune|Hospital|Sygehus))(?![\p{L}])/u.exec(rest)
        : null;
      const full = whose ? name + whose[0] : name;
      push('secretariat.by', holder(full), at, at + full.length, 0.8);
    }
  }
  // "Forslag kan sendes til Albertslund Kommune, Pleje & Omsorg, sekretæren for sundhedsrådet Else Dahl": the secretary of this
  // forum works in the organisation named with them, which holds the secretariat.
  const secretary = /sekretær(?:en)?\s+for\s+(?:det\s+|den\s+)?([\p{L}-]+)/iu.exec(s);
  if (!sec && secretary && ctx.forumKind !== 'faelles_sekretariat') {
    const word = secretary[1]!;
    const k = kindAtStart(word);
    const self = /^(?:udvalget|gruppen|rådet|forummet|bestyrelsen)$/iu.test(word) || (!!k && k.kind.slug === ctx.forumKind && k.length === word.length);
    const parts = [...s.slice(0, secretary.index).matchAll(/[^,]+/g)].map((m) => ({ text: m[0].trim().replace(/^(?:.*\s)?til\s+(?=[\p{Lu}])/u, ''), index: m.index + m[0].length - m[0].trimStart().length }));
    const org = [...parts].reverse().find((x) => x.text && /^[\p{Lu}]/u.test(x.text) && x.text.split(/\s+/).length <= 4 && holderSector(x.text));
    if (self && org) {
      const at = s.indexOf(org.text, org.index);
      push('secretariat.by', { name: org.text, sector: holderSector(org.text)! }, at, at + org.text.length, 0.7);
    }
  }
  // "Formanden udpeges af X", "X varetog formandskab og sekretariatsfunktion", "Formandskabet varetages af X".
  const chair =
    new RegExp(`^${HOLDER}\\s+(?:varetager|varetog|har)\\s+formand(?:s)?skab`, 'iu').exec(s) ??
    // "• Formanden udpeges af Lægeforeningens bestyrelse" as the first bullet of a members list: the same rule, told as a list item.
    new RegExp(`^(?:[-•–*]\\s+)?(?:(?:udvalgets|gruppens|rådets|forummets)\\s+)?formand(?:en|skabet)?\\s+(?:udpeges|varetages|vælges)\\s+af\\s+(?!og\\s+blandt\\s)${HOLDER}`, 'iu').exec(s) ??
    // "Staten: Indenrigs- og Sundhedsministeriet (formandskab), Sundhedsdatastyrelsen, ...": in a list of the members'
    // organisations, the one marked "(formandskab)" holds the chair (a capitalised name opening the item, after a label and its
    // colon, or after a comma).
    new RegExp(`(?:^(?:[-•–*]\\s+)?(?:[\\p{Lu}][\\p{L}-]*:\\s+)?|,\\s+)((?:[\\p{Lu}][\\p{L}-]*)(?:\\s+(?:(?:for|og|i)\\s+)?[\\p{Lu}][\\p{L}-]*){0,4})\\s*\\((?:formandskab|formandskabet|forpersonskab)\\)`, 'u').exec(s) ??
    // "Nuværende formandskab varetages af Halsnæs Kommune" (after "Formandskabet ... går på omgang"): who holds it now.
    new RegExp(`^(?:det\\s+)?nuværende\\s+formand(?:s)?skab(?:et)?\\s+varetages\\s+af\\s+${HOLDER}`, 'iu').exec(s);
  // "Formandskabet ligger hos regionen", "Formanden er en repræsentant fra kommunerne", "Formanden kommer fra regionen",
  // "Formandsposten varetages af en repræsentant fra kommunerne": the side the chair comes from, when the name tells a side (not
  // "Formanden kommer fra tid til anden", not a holder running into the vice-chair's clause).
  const chairFrom = chair ? null :
    new RegExp(`^(?:[-•–*]\\s+)?(?:(?:udvalgets|gruppens|rådets|forummets)\\s+)?formand(?:en|skabet|sposten)?\\s+(?:ligger\\s+hos|er\\s+placeret\\s+hos|kommer\\s+fra|er\\s+(?:en\\s+)?repræsentant\\s+fra|varetages\\s+af\\s+en\\s+repræsentant\\s+fra)\\s+(?:en\\s+af\\s+)?${HOLDER}`, 'iu').exec(s);
  if (chairFrom && !/formand|\s(?:der|som)$/iu.test(chairFrom[1]!) && !/^,?\s+(?:der|som)\s/i.test(s.slice(chairFrom.index + chairFrom[0].length))) {
    const h = holder(chairFrom[1]!.replace(/\s+(?:i|og|med|for|på|hos|til|efter|fra)$/iu, ''));
    if (h.sector) {
      const at = chairFrom.index + chairFrom[0].lastIndexOf(chairFrom[1]!);
      push('chair.by', h, at, at + h.name.length, 0.75);
    }
  }
  // "Direktøren med ansvar for sundhed i Region Midtjylland er formand for styregruppen": the post's organisation holds the
  // chair of this forum (named by its kind word), when the post names an organisation of a known side.
  const postChairs = chair ? null : /^((?:[\p{Lu}][\p{Ll}]+|Den\s+\p{Ll}+)[^.;]{0,80}?)\s+er\s+(?:formand|forperson)\s+for\s+([\p{L}-]+)\.?$/u.exec(s);
  const postKind = postChairs ? kindAtStart(postChairs[2]!) : undefined;
  const postOrg = postChairs ? /(?:i|fra|for|ved)\s+((?:Region|[\p{Lu}][\p{L}-]+\s+(?:Kommune|Hospital|Sygehus))(?:\s+[\p{Lu}][\p{L}-]+)?)/u.exec(postChairs[1]!) : null;
  if (postChairs && postKind && postKind.kind.slug === ctx.forumKind && postKind.length === postChairs[2]!.length && postOrg && holderSector(postOrg[1]!) && !PERSON_NAME_START.test(postChairs[1]!)) {
    const at = postChairs.index + postChairs[0].indexOf(postOrg[1]!);
    push('chair.by', { name: postOrg[1]!, sector: holderSector(postOrg[1]!)! }, at, at + postOrg[1]!.length, 0.7);
  }
  // "Formand for rådet er hospitalschefen", "Formanden for udvalget er kommunaldirektøren": the copula with the chair first; the
  // post (or organisation) after "er" holds the chair for its side, when this forum is named (its kind word or a bare one).
  const chairIs = chair || postChairs ? null : /^(?:Formand(?:en)?|Forperson(?:en)?)\s+for\s+([\p{L}-]+)\s+er\s+((?:den|det)\s+)?([^.;,()]{2,80}?)\.?$/u.exec(s);
  const chairIsKind = chairIs ? kindAtStart(chairIs[1]!) : undefined;
  const chairIsSelf = !!chairIs && (/^(?:udvalget|rådet|gruppen|forummet|bestyrelsen|netværket|panelet|komit[eé]en)$/iu.test(chairIs[1]!) || (!!chairIsKind && chairIsKind.kind.slug === ctx.forumKind && chairIsKind.length === chairIs[1]!.length));
  const chairIsSector = chairIs && chairIsSelf && !PERSON_NAME_START.test(chairIs[3]!) && !/^(?:valgt|udpeget|på\s+valg|ikke)\b/iu.test(chairIs[3]!) ? holderSector(chairIs[3]!) : undefined;
  if (chairIs && chairIsSector) {
    const at = chairIs.index + chairIs[0].lastIndexOf(chairIs[3]!);
    push('chair.by', { name: chairIs[3]!, sector: chairIsSector }, at, at + chairIs[3]!.length, 0.7);
  }
  // "Formanden er sundhedschefen fra Testby Kommune", "Formanden er en direktør fra Region Test": the chair's post and the
  // organisation it is of (one of a known side, by its proper name or 'regionen'/'kommunen'/'hospitalet'; not 'i', where a
  // citizen lives: "Formanden er borger i Testby Kommune").
  const chairPost = chair || postChairs || chairIs ? null : /^(?:Formanden|Forpersonen)\s+er\s+(?:en\s+|den\s+)?([\p{Ll}-]+)\s+(?:fra|ved)\s+((?:Region\s+[\p{Lu}][\p{L}-]+|[\p{Lu}][\p{L}-]+\s+(?:Kommune|Hospital|Sygehus)|regionen|kommunen|hospitalet|sygehuset))\.?$/u.exec(s.trim());
  if (chairPost && !/^(?:valgt|udpeget|ansvarlig|forpligtet|bemyndiget|ikke|også|desuden|altid|født)$/u.test(chairPost[1]!) && holderSector(chairPost[2]!)) {
    const off = s.indexOf(s.trim());
    const at = off + chairPost.index + chairPost[0].lastIndexOf(chairPost[2]!);
    push('chair.by', holder(chairPost[2]!), at, at + chairPost[2]!.length, 0.7);
  }
  // "valgte rådet Anne Test fra Danske Handicaporganisationer som formand": the organisation the elected chair comes from.
  const elected = chair ? null : /(?:valgte|valgt|udpegede|udpeget)\s+(?:\p{Ll}+\s+){0,2}(?:[\p{Lu}][\p{L}-]+\s+){1,3}fra\s+((?:[\p{Lu}][\p{L}-]*\s+){1,4}?)(?:som|til)\s+(?:ny\s+)?formand(?![\p{L}])/u.exec(s);
  // "... som formand for arbejdsgruppen om X": the chair of another body.
  const forOther = elected ? /^\s+(?:for|i)\s+(?:det\s+|den\s+)?([\p{L}-]+)/u.exec(s.slice(elected.index + elected[0].length)) : null;
  const otherKind = forOther ? kindAtStart(forOther[1]!) : undefined;
  if (elected && !(forOther && (!otherKind || (otherKind.kind.slug !== ctx.forumKind && !/^(?:udvalget|rådet|gruppen|forummet|bestyrelsen|netværket)$/iu.test(forOther[1]!))))) {
    const at = elected.index + elected[0].indexOf(elected[1]!);
    push('chair.by', holder(elected[1]!), at, at + elected[1]!.trim().length, 0.7);
  }
  // "Møderne i det sundhedspolitiske dialogforum ledes af den kommunale næstformand i X": the side the adjective names.
  const leads = chair || elected ? null : /^(?:møderne|mødet)(?:\s+i\s+[^.;]{0,80}?)?\s+ledes\s+af\s+(?:den|en)\s+(kommunale|regionale)\s+((?:\p{L}+)(?:\s+(?:i|for)\s+[\p{Lu}][\p{L}-]*)?)/iu.exec(s);
  if (leads) {
    const sector: OrganisationKind = /^kommun/i.test(leads[1]!) ? 'municipality' : 'region_administration';
    const at = leads.index + leads[0].indexOf(leads[1]!);
    const name = `${leads[1]} ${leads[2]}`;
    push('chair.by', { name, sector }, at, at + name.length, 0.7);
  }
  // "Regionsrådsmedlem Anne Test blev valgt som formand": the side of the elected chair's post (a decision, not "At ... udpeges").
  const postElected = chair || elected || leads ? null : /^(?:[\p{L}-]+\s+){0,3}?((?:regionsråds|byråds|kommunalbestyrelses)medlem|borgmester|rådmand)\s+(?:[\p{Lu}][\p{L}-]+\s+){1,3}(?:blev|er)\s+(?:valgt|udpeget)\s+(?:som|til)\s+(?:ny\s+)?formand(?![\p{L}])(?!\s+for\s)/iu.exec(s);
  if (postElected) {
    const at = postElected.index + postElected[0].indexOf(postElected[1]!);
    push('chair.by', { name: postElected[1]!, sector: postSide(postElected[1]!)! }, at, at + postElected[1]!.length, 0.7);
  }
  // "Direktør for Patientforløb i Region Nordjylland, Anne Test, sidder for bordenden som formand", "Sundhedschef i Testby Kommune,
  // Anne Test, er formand": a post of a named organisation of a known side, the person's name set off by commas, then the chair
  // (not "formand for" another body).
  const seated = chair || postChairs || chairIs || elected || leads || postElected ? null :
    /^[\p{Lu}][\p{Ll}]+[^.;,]{0,80}?\s(?:i|fra|for|ved)\s+(Region\s+[\p{Lu}][\p{L}-]+|[\p{Lu}][\p{L}-]+\s+(?:Kommune|Hospital|Sygehus))\s*,\s*(?:[\p{Lu}][\p{L}-]+\s+){1,3}?[\p{Lu}][\p{L}-]+\s*,\s*(?:sidder\s+(?:for\s+bordenden\s+)?som|er|bliver|fungerer\s+som)\s+formand(?![\p{L}])(?!\s+for\s)/u.exec(s);
  if (seated && holderSector(seated[1]!)) {
    const at = seated.index + seated[0].indexOf(seated[1]!);
    push('chair.by', { name: seated[1]!, sector: holderSector(seated[1]!)! }, at, at + seated[1]!.length, 0.7);
  }
  if (chair && !/^(?:en|et|to|tre|\d+)\s/i.test(chair[1]!) && !/^,?\s+(?:der|som)\s/i.test(s.slice(chair.index + chair[0].length))) {
    const at = chair.index + chair[0].indexOf(chair[1]!);
    push('chair.by', holder(chair[1]!), at, at + chair[1]!.length, 0.8);
  } else {
    // "Formanden og næstformanden findes blandt de 3 politikere fra regionsrådet", "Formanden vælges blandt kommunernes
    // repræsentanter": the chair comes from the side the group belongs to; only when the group names an organisation.
    // "vælges af og blandt dialogforums regionsrådsmedlemmer", also with the verb first ("Efter kommissoriet vælges
    // formanden af og blandt ..."); the vice-chair's rule alone ("Næstformanden vælges blandt ...") says nothing of the chair.
    const among =
      // "Formand skal vælges blandt de udpegede repræsentanter fra Danske Handicaporganisationer": with a modal verb too.
      /^(?!næstformand(?:en)?\s+(?:skal\s+|kan\s+)?(?:findes|vælges|udpeges)\s)(?:(?:næst)?formand(?:en|skabet)?(?:\s+og\s+(?:næst)?formand(?:en)?)?)\s+(?:skal\s+|kan\s+)?(?:findes|vælges|udpeges|udpeges\s+af\s+\S+)\s+(?:af\s+og\s+|\p{L}+\s+)?blandt\s+(.+?)\.?$/iu.exec(s) ??
      /^(?:[\p{L}.]+\s+){1,4}?(?:findes|vælges|udpeges)\s+formanden\s+(?:af\s+og\s+)?blandt\s+(.+?)\.?$/iu.exec(s) ??
      // "Byrådet udpeger formanden for Sundhedsudvalget blandt de fire byrådsmedlemmer af Sundhedsudvalget": the body first.
      /^(?:\d{1,2}(?:\.\d{1,2})+\.?\s+)?(?:[\p{L}.]+\s+){1,3}?(?:udpeger|vælger)\s+formanden\s+(?:for\s+(?:[\p{L}-]+\s+){1,3}?)?blandt\s+(.+?)\.?$/iu.exec(s);
    // "vælges blandt medlemmerne, således at den ene er repræsentant fra organisationerne og den anden ... fra Favrskov Kommune":
    // one side holds the chair and the other the vice-chair, the rule does not say which (as "... og omvendt").
    const eitherSide = !!among && /(?:^|\s)den\s+ene\s[^.;]*\sden\s+anden(?:\s|$)|\sog\s+omvendt/iu.test(among[1]!);
    const group = eitherSide ? undefined : among?.[1];
    const from = group ? /\s(?:fra|i)\s+(.+)$/iu.exec(group) : null;
    // "... blandt de udpegede repræsentanter fra Danske Handicaporganisationer": an organisation of no side of its own is other.
    const sector = group ? holderSector(from?.[1] ?? group) ?? (from && ORGANISATION.test(from[1]!.trim()) ? 'other' : undefined) : undefined;
    if (among && group && sector) {
      const name = from ? from[1]! : group;
      const at = among.index + among[0].lastIndexOf(name);
      push('chair.by', { ...holder(name), sector }, at, at + name.length, 0.75);
    }
  }
  // "består af syv regionsrådsmedlemmer": members named by where they sit are members too.
  // "består af 14 ordinære medlemmer": the members with a voting seat, all of them.
  // "består af 13 repræsentanter fra patientforeninger og brugergrupper": one counted group and nothing else is all the members.
  const sits = sitsInThis(s, ctx) ? new RegExp(`^I\\s+\\S+\\s+sidder\\s+(?:der\\s+)?(?:i\\s+alt\\s+)?${NUM}\\s+(?:repræsentanter|medlemmer|personer)${E}`, 'iu').exec(s) : null;
  const reps = new RegExp(`(?:består|sammensættes)\\s+af\\s+${NUM}\\s+repræsentanter${E}`, 'iu').exec(s) ?? sits;
  // "består af tre repræsentanter fra regionen, tre fra kommunerne og en fra almen praksis": a count with only "fra" after it is a
  // further group too.
  const onlyGroup = !!reps && !new RegExp(`${B}${NUM}\\s+(?:\\p{L}+\\s+)?\\p{L}*(?:repræsentant|medlem)|(?:,|${B}og|${B}samt)\\s+(?:hver\\s+)?${NUM}\\s+(?:fra|for)${E}|${B}(?:dels|samt|herudover|derudover|desuden)${E}|[;:]`, 'iu').test(s.slice(reps.index + reps[0].length));
  // "Brugerrådet består af 6 personer:": persons counted as the members.
  const total = new RegExp(`(?:består|sammensættes)\\s+(?:\\p{L}+\\s+){0,5}af\\s+(?:i\\s+alt\\s+)?${NUM}\\s+(?:ordinære\\s+|faste\\s+|stemmeberettigede\\s+)?(?:\\p{L}*medlemmer|personer|deltagere)${E}`, 'iu').exec(s) ?? (onlyGroup ? reps : null);
  // "består af 8 medlemmer fra hhv. region og kommuner samt tre medlemmer fra almen praksis": the count of one group among
  // several is no total ("i alt" is); nor is a count given to each of several sides ("hhv."); nor "består af 2 medlemmer af
  // regionsrådet, 2 medlemmer udpeget af ... samt 4 medlemmer udpeget af ...", the first of several counted groups.
  const oneGroupOfSeveral =
    !!total && !/i\s+alt/iu.test(total[0]) && new RegExp(`^\\s+fra\\s+(?:hhv\\.|henholdsvis)|^\\s+fra\\s+[^.]*?${B}${NUM}\\s+\\p{L}*medlem|^\\s+(?:af|udpeget|valgt)\\s+[^.:]*?(?:,|\\s+og|\\s+samt)\\s+${NUM}\\s+(?:\\p{L}+\\s+)?\\p{L}*(?:medlem|repræsentant)`, 'iu').test(s.slice(total.index + total[0].length));
  // "Styregruppen udgøres af en formand og en næstformand samt 4 medlemmer": the two officers and the members counted after them.
  const officers = new RegExp(`(?:består|sammensættes|udgøres)\\s+af\\s+(?:en\\s+|én\\s+)?formand(?:,|\\s+og)\\s+(?:en\\s+|én\\s+)?næstformand,?\\s+(?:og|samt)\\s+${NUM}\\s+(?:andre\\s+|øvrige\\s+|ordinære\\s+)?medlemmer${E}`, 'iu').exec(s);
  if (total && !oneGroupOfSeveral) {
    const n = parseNumber(total[1]!);
    if (n) push('membersTotal', n, total.index, total.index + total[0].length, 0.85);
  } else if (officers && (kindAtStart(s)?.kind.slug === ctx.forumKind || /^(?:gruppen|forummet)\s/iu.test(s))) {
    const n = parseNumber(officers[1]!);
    if (n) push('membersTotal', n + 2, officers.index, officers.index + officers[0].length, 0.75);
  } else {
    // "Sundhedskoordinationsudvalget har 12 medlemmer": the forum itself as subject.
    const self = kindAtStart(s);
    const has =
      new RegExp(`^(?:\\S+)\\s+har\\s+(?:i\\s+alt\\s+)?${NUM}\\s+medlemmer${E}`, 'iu').exec(s) ??
      // "Udvalgets otte medlemmer er udpeget af ...": the forum's members counted as its subject.
      new RegExp(`^(?:udvalget|gruppen|rådet|forummet|bestyrelsen|styregruppen)s\\s+${NUM}\\s+medlemmer\\s+(?:er|bliver|udpeges|vælges)${E}`, 'iu').exec(s);
    if (has && ((self && self.kind.slug === ctx.forumKind) || /^(?:udvalget|gruppen|rådet|forummet|bestyrelsen|styregruppen)\s/iu.test(s))) {
      const n = parseNumber(has[1]!);
      if (n) push('membersTotal', n, has.index, has.index + has[0].length, 0.8);
    }
  }
  // "Møder i Udvalget for Ældre og Handicappede er ikke offentlige": the forum may be named between; minutes "fra møder" are not meetings.
  // "Møderne er ikke tilgængelige for offentligheden" says the same.
  const MEETINGS = String.raw`(?<!(?:fra|af|om|til)\s+)møder(?:ne)?(?:\s+i(?:\s+[\p{L}-]+){1,6}?)?`;
  const closed = new RegExp(`møder,?\\s+der\\s+ikke\\s+er\\s+offentlige|${MEETINGS}\\s+er\\s+ikke\\s+(?:offentlige|(?:åbne|tilgængelige)\\s+for\\s+offentligheden)|lukkede\\s+møder|${MEETINGS}\\s+er\\s+lukkede|${MEETINGS}\\s+(?:af)?holdes\\s+for\\s+lukkede\\s+døre`, 'iu').exec(s) ??
    // "Alle bestyrelsesmøder er fortrolige": confidential meetings (a compound of the meeting word) are closed ones.
    /(?<![\p{L}])(?:alle\s+)?\p{L}*møder(?:ne)?\s+er\s+fortrolige(?![\p{L}])/iu.exec(s);
  const open = new RegExp(`${MEETINGS}\\s+er\\s+(?:åbne|offentlige)`, 'iu').exec(s);
  if (closed) push('meetings.closed', true, closed.index, closed.index + closed[0].length, 0.85);
  else if (open) push('meetings.closed', false, open.index, open.index + open[0].length, 0.85);
  // "X's bestyrelse nedsætter Nationale Udvalg": the body that sets this forum up.
  // "Psykiatri- og Handicapudvalget har nedsat et Udsatteråd": a compound whose first part is coordinated with a hyphen is one name.
  const setter = new RegExp(`^((?:[\\p{L}]+['’]s\\s+)?(?:[\\p{L}]+-\\s+(?:og|eller)\\s+)?${FORUM_WORD})\\s+(?:nedsætter|har\\s+nedsat|opretter|etablerer)\\s`, 'iu').exec(s);
  if (setter && !/^(?:udvalget|gruppen|forummet|rådet)$/i.test(setter[1]!)) {
    const self = kindMentions(s.slice(setter[0].length)).find((m) => m.index < 40 && m.kind.slug === ctx.forumKind);
    if (self) push('parent.name', setter[1]!, 0, setter[1]!.length, 0.75);
  }
  // "Sundhedsstyrelsen nedsatte i 2006 en Regional Baggrundsgruppe for Specialeplanlægning": an authority or body (capitalised,
  // at most three words) that set up this forum, named by its kind or by its name's head word; the year between is no part of it.
  const setUpBy = /^((?!(?:Den|Det|De|Der|I|Vi|Man|Som|Og|Her|Hvert?|Alle)\s)[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*){0,2})\s+(?:nedsatte|har\s+nedsat|nedsætter)\s+(?:i\s+(?:\d{4}|[\p{L}]+\s+\d{4})\s+)?(?:en|et)\s+(?:nyt?\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(s);
  if (setUpBy && !setter && !/^(?:udvalget|gruppen|forummet|rådet)$/iu.test(setUpBy[1]!)) {
    const object = setUpBy[2]!.toLowerCase();
    const byKind = !!ctx.forumKind && kindMentions(object).some((m) => m.kind.slug === ctx.forumKind);
    const head = (ctx.forumName ?? '').toLowerCase().split(/\s+/).find((w) => /grupp(?:e|en)$/u.test(w) && !kindMentions(w).length);
    const byName = !ctx.forumKind && !!head && object.split(/\s+/).some((w) => w.replace(/(?:e|en)$/u, '') === head.replace(/(?:e|en)$/u, ''));
    if (byKind || byName) push('parent.name', setUpBy[1]!, 0, setUpBy[1]!.length, 0.75);
  }
  // "Regionsrådet besluttede den 28. maj 2014, at der ... skal nedsættes et sundhedsbrugerråd": the body that decided to set this forum up.
  const decided = new RegExp(
    `^(${FORUM_WORD})\\s+(?:besluttede|vedtog|har\\s+besluttet|har\\s+vedtaget)(?:\\s+[^,.;]*?(?:\\d+\\.[^,;]*?)?)?,?\\s+at\\s+(?:der\\s+)?(?:[^,.;]{0,60}?\\s+)?(?:skal\\s+)?(?:nedsættes|oprettes|etableres)\\s+`,
    'iu',
  ).exec(s);
  if (decided && !/^(?:udvalget|gruppen|forummet|rådet)$/i.test(decided[1]!)) {
    const self = kindMentions(s.slice(decided[0].length)).find((m) => m.index < 20 && m.kind.slug === ctx.forumKind);
    if (self) push('parent.name', decided[1]!, 0, decided[1]!.length, 0.75);
  }
  // "Regionsrådet har besluttet at nedsætte et Udsatteråd i Region Nord", "Kommunalbestyrelsen besluttede d. 14. november 2017, at
  // nedsætte et Udsatteråd", "KKR Nord besluttede at etablere "Sundhedspolitisk Forum Nord"": the body (a kind word or, capitalised,
  // at most three words) that decided to set this forum up, told with the active verb; the forum it sets up named by its kind.
  const decidedTo = new RegExp(
    `^((?!(?:Den|Det|De|Der|I|Vi|Man|Som|Og|Her|Hvert?|Alle)\\s)[\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{Lu}][\\p{L}-]*){0,2})\\s+(?:besluttede|vedtog|har\\s+besluttet|har\\s+vedtaget)(?:\\s+(?:den|d\\.)\\s+\\d{1,2}\\.?\\s+\\p{L}+\\s+\\d{4})?,?\\s+at\\s+(?:nedsætte|etablere|oprette)\\s+(?:(?:en|et)\\s+)?`,
    'u',
  ).exec(s);
  if (decidedTo && !decided && !/^(?:udvalget|gruppen|forummet|rådet|bestyrelsen)$/iu.test(decidedTo[1]!)) {
    const self = kindMentions(s.slice(decidedTo[0].length)).find((m) => m.index < 40 && m.kind.slug === ctx.forumKind);
    if (self && decidedTo[1]!.toLowerCase() !== (ctx.forumName ?? '').toLowerCase()) {
      push('parent.name', decidedTo[1]!, 0, decidedTo[1]!.length, 0.75);
    }
  }
  // "På baggrund af ovenstående har det Lokale Samordningsforum (LSF) etableret en underarbejdsgruppe, der ...": the body named
  // after "har" in a clause whose verb comes second (an adverbial first), with its abbreviation, set this forum up (named by its
  // kind); the body must end in a forum word, and at most two words stand before it.
  const setUpInverted = !setter && !setUpBy && !decided && !decidedTo
    ? new RegExp(`(?:^|,\\s+)(?:[\\p{L}-]+\\s+){1,5}?har\\s+((?:det|den)\\s+(?:[\\p{L}-]+\\s+){0,2}${FORUM_WORD})(?:\\s*\\([\\p{Lu}]{2,6}\\))?\\s+(?:nedsat|etableret|oprettet)\\s+(?:en|et)\\s+(?:nyt?\\s+)?([\\p{L}-]+)`, 'u').exec(s)
    : null;
  if (setUpInverted) {
    const object = kindAtStart(setUpInverted[2]!);
    if (object && object.kind.slug === ctx.forumKind && object.length === setUpInverted[2]!.length) {
      const at = setUpInverted.index + setUpInverted[0].indexOf(setUpInverted[1]!);
      push('parent.name', capitalise(setUpInverted[1]!), at, at + setUpInverted[1]!.length, 0.75);
    }
  }
  // "mødes kvartalsvist på de dage, hvor der afholdes møder i Sundhedsstyregruppen".
  const sameDay = new RegExp(`(?:på\\s+(?:de\\s+|samme\\s+)?dag(?:e|en)?,?\\s+(?:hvor|som|når)\\s+(?:der\\s+)?(?:afholdes\\s+)?møde\\p{L}*\\s+i|samme\\s+dag\\s+som)\\s+${FORUM_PHRASE}`, 'iu').exec(s);
  if (sameDay && !/fællesmøde/i.test(s)) push('jointMeeting', { withForumName: nameOf(sameDay[1]!) }, sameDay.index, sameDay.index + sameDay[0].length, 0.7);
  return out;
}
