/**
 * Extracts kommissorium drafts from Danish text. Pure: text in, drafts out.
 *
 * What it does: normalises the text, walks it line by line to find which forum
 * each part describes (headings, "Heading<TAB>cell" table rows, "Heading:" lines,
 * and sentences like "Sundhedsstyregruppen er det øverste ..."), then runs
 * sentence rules (terms-import.rules.ts) on each forum's text. One document may describe
 * several forums; a plural heading whose list names its members ("to
 * klynge-temagrupper: - Klynge-temagruppe for ...") gives one draft per member.
 * Every value carries its span and a confidence; a field stated twice with
 * different values is reported as a contradiction.
 *
 * Rules written under section headings before any forum is named go to one
 * unnamed draft (name ''), for a person to assign; minutes and agendas give none.
 *
 * What it does not do yet: read tables with more than two columns (e.g. a seats
 * table "Organisation | Antal | Rolle"), tell apart two forums of the same kind
 * described under unqualified headings, split a plural heading into members
 * unless the list names them with the kind word ("- Klynge-temagruppe for ..."),
 * or resolve names to forum ids (see forum-name.match.ts).
 */
import { normalizeDocumentText } from './document-text.normalize.js';
import { E, NUM, firstSector, forumKinds, holderSector, isMunicipalityName, kindAtStart, kindMentions, sectionOf, sideOf, unknownForumKind, type ForumKindEntry, type SectionKind } from './terms-import.lexicon.js';
import type { ChairSide, OrganisationKind } from '../registry/registry.model.js';
import {
  approvalDateField,
  docLevelRules,
  meetingTogether,
  parseSeatLine,
  parseSeatSegment,
  sentenceRules,
  splitSentences,
  subGroupMentions,
  type RawFinding,
  dividedSeats,
} from './terms-import.rules.js';
import type {
  Contradiction,
  Finding,
  ListFields,
  ListPath,
  ScalarFields,
  ScalarPath,
  SeatDraft,
  SourceSpan,
  TermsDraft,
  TermsImportResult,
} from './terms-import.model.js';
import { namedListSeats, personSector, sideListSeats } from './terms-import.members.js';

/** Seats counted one person a line under a members heading. */
const personLineSeats = new WeakSet<SeatDraft>();

type Line = { start: number; end: number; text: string };

/** A heading over the people of one side or party: "Repræsentanter for det kommunale område", "Fra det regionale område", "Kommunale repræsentanter:", "Fra kommunerne". */
const SIDE_HEADING = /^(?:Repræsentant(?:er)?\s+for\s+[^,.;:]{3,60}|Fra\s+(?:det|den)\s+(?:kommunale|regionale|private)\s+(?:område|side|sektor)|(?:Kommunale|Regionale)\s+repræsentanter|Fra\s+(?:kommunerne|regionen|almen\s+praksis))\s*:?$/u;

/** Words that may qualify a forum's kind word in its name: a genitive ("Psykiatriens"), an article, an adjective ("fælles", "lokale", "strategisk"). */
/** A side's adjective before a forum's kind word ("det regionale kontaktforum", "den kommunale styregruppe"): part of the forum's name. */
const FORUM_QUALIFIER = /(?<![\p{L}])(?:regional|kommunal|tværkommunal|tværsektoriel)(?:e)?\s+(?=[\p{L}-]*(?:forum|fora|udvalg|råd|grupp|klynge|netværk)[\p{L}]*(?![\p{L}]))/giu;
const QUALIFIER = /^(?:[\p{Lu}][\p{L}\d-]*\p{L}s|de|det|den|fælles|[\p{L}-]+(?:e|el|isk|ig|lig|al|ær|iv|ant|ent))$/u;

/** The organisation in "Anne Berg, direktør, Hillerød Kommune (anbe@...)": the comma-separated parts that name a sector. */
function holdersIn(text: string): { name: string; sector: OrganisationKind; index: number }[] {
  const out: { name: string; sector: OrganisationKind; index: number }[] = [];
  const clean = text.replace(/\([^)]*(?:\)|$)/g, (m) => ' '.repeat(m.length));
  for (const m of clean.matchAll(/[^,;]+/g)) {
    for (const part of m[0].split(/\s+(?:og|samt|&)\s+/)) {
      const name = part.trim().replace(/[.]$/, '');
      const sector = name ? holderSector(name) : undefined;
      if (sector) out.push({ name, sector, index: m.index + m[0].indexOf(part) });
    }
  }
  return out;
}

/** "Stephanie Lose", "Mads Skau, Borgmester, Haderslev Kommune", "Bo Libergren (V)": a person named in a members list. */
// "Anne Berg (formand), Direktør": a role in brackets after the name, as well as a party letter.
const PERSON = /^[\p{Lu}][\p{Ll}'-]+(?:\s+(?:[\p{Lu}][\p{L}'.-]*|de|la|von|van)){1,4}(?:\s*\([A-ZÆØÅ]\))?(?:\s*\((?:næst|med)?formand\))?(?:,\s*.*)?$/u;

/** Seats counted from a members list of persons each named with their organisation, one per side. */
const personListSeats = new WeakSet<Finding<SeatDraft>>();

type ForumAcc = {
  name: Finding<string>;
  kind: ForumKindEntry;
  bare: boolean;
  plural: boolean;
  instances: Finding<string>[];
  scalars: Map<ScalarPath, Finding<unknown>[]>;
  lists: { [P in ListPath]: { finding: Finding<ListFields[P]>; scope?: string }[] };
};

/** A forum found in the text, with nothing read about it yet. */
function blankForum(name: Finding<string>, kind: ForumKindEntry, shape: { bare?: boolean; plural?: boolean } = {}): ForumAcc {
  return { name, kind, bare: shape.bare ?? false, plural: shape.plural ?? false, instances: [], scalars: new Map(), lists: { purpose: [], tasks: [], seats: [], subGroupsAllowed: [] } };
}

/**
 * "Kommunale medlemmer til arbejdsgruppen for ny aftale på børne- og ungeområdet", "Nye repræsentanter til følgegruppen om
 * ...": a title calling for or naming members of one group, the group by its definite kind word and its subject.
 */
// "Udpegning: repræsentanter til arbejdsgruppe vedr. revidering af ...": a call headed by the word for appointing, then the group in
// the indefinite form.
// "Udpegning af kommunale repræsentanter til regionalarbejdsgruppe i regi af Fødeplanen": the group may be a compound of its kind
// word and be placed under a plan or a body ("i regi af", "under") rather than named by a subject.
const APPOINTED_TO_GROUP =
  /^(?:(?:udpegning|valg)(?:\s*:|\s+af)\s+)?(?:(?:nye?|kommunale?|regionale?)\s+)?(?:medlemmer|repræsentanter|medformand|formand|tovholder|sekretær)\s+til\s+(?=[\p{Ll}-]*grupp(?:e|en|et)\s+(?:for|om|vedr\.?|i\s+regi\s+af|under)\s)/iu;

export function extractTermsDrafts(raw: string): TermsImportResult {
  const text = normalizeDocumentText(raw);
  const first = extractFrom(text);
  // A page titled as a call for members of one group is about that group, though its prose names the bodies that set the work
  // going ("På sit møde besluttede Sundhedskoordinationsudvalget at sætte arbejdet i gang").
  const firstLine = splitLines(text).find((l) => l.text.trim() !== '');
  if (firstLine && APPOINTED_TO_GROUP.test(withContinuation(text, firstLine))) {
    const main = mainForumOf(text);
    if (main && kindAtStart(main.name)?.kind === main.kind) return extractFrom(text, main);
  }
  if (first.drafts.some((d) => d.forumName.value !== '')) return first;
  // Minutes and agendas name forums and people; they are not terms of reference.
  if (/^\s*(?:mødereferat|beslutningsreferat|referat|dagsorden)\b/iu.test(text)) return first;
  // A web page or a forretningsorden often never writes "Kommissorium for X" nor starts a
  // heading with the kind word: the forum is named in a heading ("Det lutherske
  // Verdensforbund - følgegruppen", "OM NATIONALE UDVALG") or only in the prose
  // ("Koordinationsgruppen mødes efter behov"). Read the document again as about that forum.
  const main = mainForumOf(text);
  return main ? extractFrom(text, main) : first;
}

type MainForum = { start: number; name: string; kind: ForumKindEntry };

/** The forum a document without a recognised title is about: a short heading naming a kind, else the kind named most often. */
export function mainForumOf(text: string): MainForum | undefined {
  const header = filingHeader(splitLines(text));
  const lines = splitLines(text).filter((l) => l.text.trim() !== '' && !header.has(l.start));
  for (const l of lines.slice(0, 6)) {
    // "Udpegning af medlemmer til Dialogforum på Psykiatriområdet i Københavns Kommune (bilag)": an agenda item appointing
    // members to a forum is about that forum.
    // "Tovholder til den tværsektorielle arbejdsgruppe for FMK": a call for a post in a group is about that group.
    // "Udpegning af kommunale repræsentanter til regionalarbejdsgruppe i regi" / "af Fødeplanen": the page's title wrapped onto a
    // second line that opens in lower case is read as one line.
    const lt = l === lines[0] ? withContinuation(text, l) : l.text.trim();
    const appointing =
      /^(?:udpegning|valg)\s+af\s+(?:nye\s+)?(?:medlemmer|repræsentanter)\s+til\s+(?=[\p{Lu}])/iu.exec(lt) ??
      /^(?:ny\s+)?(?:tovholder|formand|repræsentant(?:er)?|sekretær)\s+(?:til|for|i)\s+(?:den|det)\s+(?=\p{Ll}+\s+[\p{L}-]+\s+(?:for|om|vedr\.?)\s)/iu.exec(lt) ??
      APPOINTED_TO_GROUP.exec(lt);
    // "Udarbejdet af: Det Lokale Samordningsforum under SVS": a template's field naming who wrote the terms names no forum of them.
    if (/^(?:udarbejdet|godkendt|vedtaget|revideret)\s+(?:af|i|hos)\s*:/iu.test(l.text.trim())) continue;
    const t = (appointing ? lt : l.text.trim()).slice(appointing ? appointing[0].length : 0).replace(/\s*\(bilag\)\s*$/iu, '').replace(/:$/, '');
    // "Hvad er et samordningsudvalg?": a question heading asks about a kind of forum; it names none.
    if (/[.;,?]$/.test(t) || t.split(/\s+/).length > 10) continue;
    // "Arbejdsgruppens formål" as the page's title: a section heading headed by a kind word in the genitive says the page is
    // about that kind of forum, even a kind usually set up under another ("arbejdsgruppe").
    const genitive = /^([\p{Lu}][\p{L}-]+?)s\s+(?:formål|opgaver|sammensætning|organisering|arbejdsform)$/u.exec(t);
    const owner = genitive ? kindAtStart(genitive[1]!) : undefined;
    if (genitive && owner && genitive[1]!.length - owner.length <= 2 && !owner.kind.needsQualifier && !owner.kind.generic) {
      return { start: l.start + l.text.length - l.text.trimStart().length, name: genitive[1]!, kind: owner.kind };
    }
    // "Udvalgets medlemmer": a section of the forum's description names no forum.
    if (sectionOf(t) && sectionOf(t) !== 'forum_other') continue;
    // A short title may name a kind that is usually a sub-group ("Faglig arbejdsgruppe"): the page is about that group, and so is
    // a title appointing members to one ("Kommunale medlemmer til arbejdsgruppen for ny aftale på børne- og ungeområdet").
    const k = kindMentions(t).find((m) => !m.kind.needsQualifier && (!m.kind.subGroupLabel || t.split(/\s+/).length <= 4 || (!!appointing && m.index === 0)));
    if (!k) {
      const group = l === lines[0] ? groupTitle(t, text) : undefined;
      if (group) return { start: l.start + l.text.length - l.text.trimStart().length, name: group, kind: unknownForumKind };
      continue;
    }
    // "Eksterne samarbejdsfora": the plural of the generic "forum" names several bodies, not the page's forum.
    if (k.kind.generic && /fora$/iu.test(k.text) && !/kommissori|forretningsorden|vedtægt/iu.test(t)) continue;
    // "Udvalg og grupper": bare kind words joined by "og" head a list of bodies.
    if (k.kind.generic && /^(?:udvalg|råd|fora|bestyrelser|netværk)(?:ene|ne)?\s+(?:og|&)\s+(?:grupper|nævn|udvalg|råd|fora|netværk|arbejdsgrupper)(?:ne)?$/iu.test(t)) continue;
    // "Udvalget består af:" leads into the members: a sentence about the forum, not its name.
    if (k.index === 0 && /^\s+(?:består|har|er|skal|kan|mødes|sammensættes)(?:\s|$)/iu.test(t.slice(k.text.length))) continue;
    // "Fælles forum for sundhedsklyngerne" as a section heading of a news item about "Sundhedssamarbejdsudvalget": a generic
    // word inside a heading's phrase yields to a forum of a named standing kind the page names again and again.
    if (k.kind.generic && k.index > 0 && namedStandingKind(text, 3)) continue;
    const lead = l.text.length - l.text.trimStart().length + (appointing ? appointing[0].length : 0);
    // "Her kan du læse Ældrerådets forretningsorden": a web page's lead-in before its title is no part of the forum's name.
    // (in capitals too: "HER KAN DU LÆSE ..."; the title after it must open with a capital).
    const leadIn = /^her\s+(?:kan\s+(?:du|man)\s+(?:læse|se|finde)|finder\s+(?:du|man))\s+(?:om\s+)?/iu.exec(t);
    let name = (leadIn && /^\p{Lu}/u.test(t.slice(leadIn[0].length)) ? t.slice(leadIn[0].length) : t).replace(/^(?:om|kommissorium(?:\s+for)?|forretningsorden(?:\s+for)?)\s+/i, '');
    const offset = t.length - name.length;
    if (appointing) name = name.charAt(0).toUpperCase() + name.slice(1);
    // "Psykiatrisk Dialogforum er en god ide": a headline whose subject is the forum (a kind word after at most three
    // capitalised words or qualifiers, then a finite verb) names the forum by its subject.
    const said = /^((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+(?:er|var|har|havde|bliver|blev|skal|får|fik|holder|holdt|mødes|mødtes)\s+\p{L}/u.exec(name);
    if (said && k.index - offset + k.text.length === said[1]!.length && /^[\p{Lu}]/u.test(said[1]!) && said[1]!.split(/\s+/).slice(0, -1).every((w) => QUALIFIER.test(w))) name = said[1]!;
    if (name === name.toUpperCase()) name = name.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
    // "Rådets forretningsorden" as the page's title, then "Hvidovre Handicapråd fastsætter selv sin forretningsorden": the rules of
    // "the council" name no forum; the council the text names with its place (a capitalised word before the kind word) does.
    if (k.kind.generic && k.index === 0 && /^(?:rådets|udvalgets|gruppens|forummets|bestyrelsens|netværkets)\s+(?:forretningsorden|kommissorium|vedtægter)$/iu.test(name)) {
      const placed = placedMention(text, l.start + l.text.length, k.kind);
      if (placed) return placed;
    }
    // "Om udvalget": the kind word alone names no forum; the page may name it by its subject elsewhere.
    if (k.kind.generic && kindAtStart(name)?.length === name.length && /^(?:udvalg|råd|forum|fora|bestyrels|kommission|netværk)/iu.test(name)) {
      const subject = namedBySubject(text, k.kind);
      if (subject) return subject;
    }
    // "Kroniske lidelser" as the page's title, then "Udvalget har til opgave ..." and "Kommissorium for udvalget": a page that
    // calls its forum only by the bare definite kind word is about the forum its short title (no kind word, no sentence) names.
    const titled = lines[0] !== l ? subjectTitle(lines, k.kind, name, text) : undefined;
    if (titled) return titled;
    return { start: l.start + lead + offset, name, kind: k.kind };
  }
  // "Sundhedsdirektørkredsen" as the page's title, then "Sundhedsdirektørkredsen er et mødeforum for de 22 syddanske kommuner": a
  // title naming no kind is the forum's own name when the page defines it by a kind word.
  const title = lines[0] && !header.has(lines[0].start) ? lines[0].text.trim() : '';
  if (/^[\p{Lu}][\p{L}-]+(?:\s+[\p{L}-]+){0,3}$/u.test(title) && !kindMentions(title).length) {
    const esc = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const def = new RegExp(`(?:^|[.!?]\\s+|\\n)${esc}\\s+er\\s+(?:et|en)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?([\\p{L}-]+)`, 'u').exec(text);
    const k = def ? kindAtStart(def[1]!) : undefined;
    if (def && k && k.length === def[1]!.length && !k.kind.needsQualifier) {
      const lead = lines[0]!.text.length - lines[0]!.text.trimStart().length;
      return { start: lines[0]!.start + lead, name: title, kind: k.kind };
    }
  }
  // "Region Midtjylland har nedsat et nyt patientinddragelsesudvalg for år 2022-2025": a page telling of one forum of a
  // generic kind being set up, named by its compound, is about that forum.
  for (const m of text.matchAll(/(?:har|blev|er)\s+(?:nu\s+)?nedsat\s+(?:et|en)\s+(?:nyt?\s+)?([\p{Ll}-]+)/gu)) {
    const k = kindAtStart(m[1]!);
    if (!k || !k.kind.generic || k.length !== m[1]!.length || /^(?:udvalg|råd|forum|bestyrelse|netværk)/iu.test(m[1]!)) continue;
    return { start: m.index + m[0].length - m[1]!.length, name: m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1), kind: k.kind };
  }
  // "I december 2023 besluttede Strategisk Sundhedsstyregruppe at nedsætte en arbejdsgruppe, der skal ...", "Der nedsættes en
  // tværsektoriel arbejdsgruppe med ...": a page telling of a decision to set up one group, which it goes on to describe, is
  // about that group rather than the body that decided it.
  for (const m of text.matchAll(/(?:(?:besluttede|besluttet|vedtog|vedtaget)\s+(?:[^.;]{0,60}?\s)?at\s+nedsætte|[Dd]er\s+nedsættes)\s+(?:en|et)\s+(?:nyt?\s+)?(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)/gu)) {
    const k = kindAtStart(m[1]!);
    if (!k || !k.kind.subGroupLabel || k.length !== m[1]!.length) continue;
    const again = kindMentions(text).filter((x) => x.kind === k.kind).length;
    if (again < 3) continue;
    return { start: m.index + m[0].length - m[1]!.length, name: m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1), kind: k.kind };
  }
  // "I Randers klyngen er der nedsat en styregruppe, der består af ...", "Der er nedsat en styregruppe, som består af ...": a page
  // telling of one body of a standing kind being set up, and going on with who sits in it, is about that body, not about a kind
  // word it names in passing ("organiseret i klynger"). Set up in a cluster, a steering group is the cluster's steering group.
  for (const m of text.matchAll(/(?:I\s+([^,.;\n]{1,40}?)\s+er\s+der|Der\s+(?:er|blev))\s+(?:nu\s+)?nedsat\s+(?:en|et)\s+([\p{Ll}-]+),?\s+(?:der|som)\s+består\s+af\s/gu)) {
    const k = kindAtStart(m[2]!);
    if (!k || k.length !== m[2]!.length || k.kind.generic || !k.kind.standing || k.kind.needsQualifier || k.kind.subGroupLabel) continue;
    const inCluster = !!m[1] && /klyng(?:e|en)(?![\p{L}])/iu.test(m[1]);
    const kind = inCluster && k.kind.slug === 'styregruppe' ? (forumKinds.find((x) => x.slug === 'klyngestyregruppe') ?? k.kind) : k.kind;
    return { start: m.index + m[0].lastIndexOf(m[2]!), name: m[2]!.charAt(0).toUpperCase() + m[2]!.slice(1), kind };
  }
  const counts = new Map<string, { n: number; first: { index: number; text: string; kind: ForumKindEntry } }>();
  for (const m of kindMentions(text)) {
    if (m.kind.subGroupLabel || m.kind.needsQualifier) continue;
    const key = m.text.toLowerCase();
    const c = counts.get(key) ?? { n: 0, first: m };
    c.n++;
    counts.set(key, c);
  }
  // "Et sundhedskoordinationsudvalg bestående af ... Udvalget består af 11 medlemmer: ..., formand for praksisudvalget":
  // a forum of a named standing kind is what the page is about, not a generic word that names other bodies more often.
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.first.index - b.first.index);
  const best = ranked.find((c) => c.first.kind.standing && !c.first.kind.generic) ?? ranked[0];
  if (!best) return setUpGroup(text);
  if (best.first.kind.generic) {
    const subject = namedBySubject(text, best.first.kind);
    if (subject) return subject;
    // The same when the page names its forum by the bare kind word only in sentences ("Udvalget skal ...", "Udvalget består af:").
    const titled = subjectTitle(lines, best.first.kind, best.first.text, text);
    if (titled) return titled;
  }
  // "Psykiatriens Fælles Samordningsudvalg skal ...": a kind word written with a capital after capitalised words on its line is
  // the end of a proper name; the name is those words with it (up to three, no sentence end between).
  const capital = /^[\p{Lu}]/u.test(best.first.text) ? /((?:[\p{Lu}][\p{L}-]*[ \t]+){1,3})$/u.exec(text.slice(Math.max(0, best.first.index - 80), best.first.index)) : null;
  const lineStart = text.lastIndexOf('\n', best.first.index - 1) + 1;
  if (capital && best.first.index - capital[1]!.length >= lineStart && !/[.!?:]\s*$/.test(text.slice(lineStart, best.first.index - capital[1]!.length))) {
    const start = best.first.index - capital[1]!.length;
    return { start, name: `${capital[1]!.replace(/\s+/g, ' ')}${best.first.text}`, kind: best.first.kind };
  }
  // "Styregruppen for Sundhedshuset Testby blev nedsat i 2024 ...": with no title, a standing kind word opening a sentence and
  // followed by 'for' and a proper name (one to three capitalised words) before a finite verb names the forum so (the proper
  // name alone tells which; a lower-case subject, "Styregruppen for det nære sundhedsvæsen", is left, see the docs).
  const opening = text.slice(Math.max(0, best.first.index - 2), best.first.index);
  const proper = best.first.kind.standing && !best.first.kind.generic && (best.first.index === 0 || /(?:^|\n|[.!?]\s)$/u.test(opening) || /\n\s*$/u.test(opening))
    ? /^\s+for\s+((?:[\p{Lu}][\p{L}-]*)(?:\s+[\p{Lu}][\p{L}-]*){0,2})\s+(?:blev|er|har|skal|består|mødes|refererer|arbejder)\s/u.exec(text.slice(best.first.index + best.first.text.length))
    : null;
  const bare = best.first.text.charAt(0).toUpperCase() + best.first.text.slice(1);
  const name = proper ? `${bare} for ${proper[1]!}` : bare;
  return { start: best.first.index, name, kind: best.first.kind };
}

/**
 * A body a paragraph introduces: its name opening the paragraph, up to three capitalised words or qualifiers and a kind word
 * ("Strategisk Sundhedsforum", "Fælles Forretningsudvalg", "Sundhedssamarbejdsudvalget (SSU)"), before "har", "er" or
 * "varetager"; or the body "Der er nedsat en <adjective> <kind word>" / "I hver ... er der nedsat en ..." tells of. A bare
 * kind word ("Udvalget har ...") introduces none.
 */
export function bodyIntroduced(t: string): { offset: number; name: string } | undefined {
  const named = /^((?:[\p{Lu}][\p{L}-]*\s+){0,3}[\p{L}-]+)(?:\s*\([\p{Lu}]{2,6}\))?\s+(?:har|er|varetager)\s/u.exec(t);
  if (named) {
    const name = named[1]!;
    const last = kindMentions(name).pop();
    const words = name.split(/\s+/);
    const before = last ? name.slice(0, last.index).trim() : '';
    const beforeOk = !before || before.split(/\s+/).every((w) => /^[\p{Lu}]/u.test(w) && QUALIFIER.test(w) || /^[\p{Lu}][\p{Ll}]+$/u.test(w) && /^(?:fælles|strategisk|administrativ|politisk|regional|kommunal)/iu.test(w));
    const bareGeneric = !!last && last.kind.generic && words.length === 1 && /^(?:udvalg|råd|forum|fora|bestyrels|kommission|netværk)/iu.test(name);
    if (last && last.index + last.text.length === name.length && /^[\p{Lu}]/u.test(name) && !last.kind.needsQualifier && !last.kind.subGroupLabel && beforeOk && !bareGeneric && (last.kind.standing || words.length >= 2)) {
      return { offset: 0, name: name.trim() };
    }
  }
  const setUp = /^(?:I\s+(?:hver|hvert|alle)\s+[^,.;]{0,40}?\s+er\s+der|Der\s+er)\s+(?:\p{L}+\s+)?nedsat\s+(?:en|et)\s+((?:[\p{Ll}-]+\s+)?[\p{L}-]+)/u.exec(t);
  if (setUp) {
    const k = kindMentions(setUp[1]!).pop();
    if (k && k.index + k.text.length === setUp[1]!.length && !k.kind.needsQualifier && !k.kind.subGroupLabel && !k.kind.generic) {
      const name = setUp[1]!;
      return { offset: setUp.index + setUp[0].length - name.length, name: name.charAt(0).toUpperCase() + name.slice(1) };
    }
  }
  return undefined;
}

/**
 * "Kroniske lidelser" / "Medicin" as the page's title, then "Udvalget har til opgave ..." or "Udvalget består af:": a page that
 * calls its forum only by the bare definite kind word is about the forum its short title (no kind word, no sentence) names.
 */
function subjectTitle(lines: Line[], kind: ForumKindEntry, word: string, text: string): MainForum | undefined {
  const first = lines[0];
  const titleLine = first ? first.text.trim() : '';
  if (!kind.generic || !/^(?:udvalg|råd|forum|bestyrelse|netværk)(?:et|en)$/iu.test(word) || namedBySubject(text, kind)) return undefined;
  // "Region Nords sundhedsplan": the subject may open with its owner, one or two capitalised words in the genitive.
  const subject = titleLine.replace(/^(?:[\p{Lu}][\p{L}-]*\s+)?[\p{Lu}][\p{L}-]*s\s+(?=\p{Ll})/u, (o) => o.charAt(0) + o.slice(1).toLowerCase());
  if (!/^[\p{Lu}][\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3}$/u.test(subject) || kindMentions(titleLine).length || sectionOf(titleLine)) return undefined;
  return { start: first!.start + first!.text.length - first!.text.trimStart().length, name: titleLine, kind };
}

/**
 * "Regional baggrundsgruppe for specialeplanlægning" as the page's title, then "Den Regionale Baggrundsgruppe består af ...": a
 * title headed by a compound of "gruppe" that no catalogue kind knows (at most one adjective before it, at most "for/om <subject>"
 * after it) names the page's group when the prose names the same compound again. The kind stays unknown.
 */
function groupTitle(t: string, text: string): string | undefined {
  // The subject may be written with capitals, as a title often is ("Regional Baggrundsgruppe for Specialeplanlægning").
  const m = /^(?:[\p{L}-]+(?:e|ig|isk|al|lig)?\s+)?([\p{L}]{3,}grupp(?:e|en))(?:\s+(?:for|om|vedr\.?|vedrørende)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,2})?$/u.exec(t);
  if (!m || !/^[\p{Lu}]/u.test(t) || kindMentions(m[1]!).length) return undefined;
  const stem = m[1]!.replace(/(?:e|en)$/u, '');
  const again = text.slice(text.indexOf(t) + t.length).match(new RegExp(`(?<![\\p{L}])${stem}(?:e|en|ens|er|erne)?(?![\\p{L}])`, 'giu'));
  return again && again.length >= 1 ? t : undefined;
}

/**
 * "... har Følgegruppen for Forebyggelse besluttet ... Følgegruppen godkendte d. 28. april 2021 et kommissorium": a body named by
 * its bare definite kind word is the one body of that word the text has named in full before ("<word> for <Capitalised name>"),
 * when it has named exactly one.
 */
function fullNameBefore(text: string, before: number, name: string): string {
  const k = kindAtStart(name);
  if (!/^[\p{Lu}][\p{Ll}-]+$/u.test(name) || !k || name.length - k.length > 2) return name;
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const full = new Set<string>();
  for (const m of text.slice(0, before).matchAll(new RegExp(`(?<![\\p{L}])${esc}\\s+(for|om)\\s+([\\p{Lu}][\\p{L}-]*(?:\\s+(?:og\\s+)?(?!${esc}(?![\\p{L}]))[\\p{Lu}][\\p{L}-]*){0,3})(?![\\p{L}])`, 'gu'))) {
    full.add(`${name} ${m[1]} ${m[2]}`);
  }
  return full.size === 1 ? [...full][0]! : name;
}

/** Whether the text names one forum of a standing, not generic kind ("Sundhedssamarbejdsudvalget") at least `times` times. */
function namedStandingKind(text: string, times: number): boolean {
  const counts = new Map<string, number>();
  for (const m of kindMentions(text)) {
    if (!m.kind.standing || m.kind.generic || m.kind.subGroupLabel || m.kind.needsQualifier) continue;
    counts.set(m.kind.slug, (counts.get(m.kind.slug) ?? 0) + 1);
  }
  return [...counts.values()].some((n) => n >= times);
}

/**
 * "KL har besluttet at nedsætte en psykiatristrategisk gruppe": a page that names no forum kind but tells of a group
 * being set up is about that group (its kind unknown). Only a group named by one or two words before "gruppe".
 */
function setUpGroup(text: string): MainForum | undefined {
  const m = /(?<![\p{L}])(?:nedsætte|nedsætter|nedsættes|nedsat|etablere|etablerer|oprette|opretter)\s+(?:en|et)\s+((?:[\p{Ll}-]+\s+)?[\p{Ll}-]+\s+gruppe)(?![\p{L}])/u.exec(text);
  if (!m) return undefined;
  const name = m[1]!.replace(/\s+/g, ' ');
  return { start: m.index + m[0].lastIndexOf(m[1]!), name: name.charAt(0).toUpperCase() + name.slice(1), kind: unknownForumKind };
}

/** "midlertidigt udvalg vedrørende digital sundhed": a generic kind word named by the subject that follows it, the first such mention. */
/** "Hvidovre Handicapråd fastsætter ...": the first mention after `from` of a forum of this kind named with a capitalised place before it. */
function placedMention(text: string, from: number, kind: ForumKindEntry): MainForum | undefined {
  for (const m of kindMentions(text)) {
    if (m.index < from || m.kind !== kind || !/^[\p{Lu}]/u.test(m.text)) continue;
    const place = /(?:^|[\s(])([\p{Lu}][\p{Ll}-]+)\s+$/u.exec(text.slice(Math.max(0, m.index - 40), m.index));
    if (!place || /^(?:Det|Den|De|Et|En|Vores|Dette|Denne|Kommunens|Regionens|Stk)$/u.test(place[1]!)) continue;
    const start = m.index - place[0].length + place[0].indexOf(place[1]!);
    return { start, name: `${place[1]} ${m.text}`, kind: m.kind };
  }
  return undefined;
}

function namedBySubject(text: string, kind: ForumKindEntry): MainForum | undefined {
  for (const m of kindMentions(text)) {
    if (m.kind !== kind) continue;
    // "det rådgivende udvalg for specialeplanlægning": "for" and a lower-case subject names it as "vedrørende" does.
    const subject = /^\s+(?:vedrørende|vedr\.|om|for(?=\s+\p{Ll}))\s+((?:(?!(?:til|i|og|samt|på|med|som|der|den|det|de|for|fra|af|er|har|skal|kan)\s)[\p{L}-]+\s?){1,4})/iu.exec(text.slice(m.index + m.text.length));
    if (!subject) continue;
    const lead = subject[0].slice(0, subject[0].indexOf(subject[1]!));
    const name = `${m.text.charAt(0).toUpperCase()}${m.text.slice(1)}${lead}${subject[1]!.trim()}`.replace(/\s+/g, ' ');
    return { start: m.index, name, kind: m.kind };
  }
  return undefined;
}

/**
 * A document filed with Folketinget opens with the committee and session that filed it ("Sundhedsudvalget 2021-22",
 * "SUU Alm.del Bilag 212", "Offentligt"): page furniture, not the forum the document describes. The starts of those lines.
 */
function filingHeader(lines: Line[]): Set<number> {
  const first = lines.filter((l) => l.text.trim() !== '').slice(0, 6);
  const marks = first.filter((l) => /^(?:[\p{Lu}]{2,6}\s+)?(?:alm\.\s*del\s+)?(?:-\s*)?bilag\s+\d+$|^offentligt$/iu.test(l.text.trim()));
  if (!marks.length) return new Set();
  const session = first.filter((l) => /^[\p{Lu}][\p{L}-]*(?:\s+[\p{L}-]+){0,3}\s+(?:19|20)\d\d-\d\d$/u.test(l.text.trim()));
  return new Set([...marks, ...session].map((l) => l.start));
}

function extractFrom(text: string, main?: MainForum): TermsImportResult {
  const allLines = splitLines(text);
  const header = filingHeader(allLines);
  const lines = allLines.filter((l) => !header.has(l.start));
  const forums: ForumAcc[] = [];
  const span = (start: number, end: number): SourceSpan => ({ start, end, quote: text.slice(start, end) });

  let current: ForumAcc | null = null;
  const chairSideMentions = new Map<ForumAcc, { side: ChairSide; span: SourceSpan }[]>();
  let section: SectionKind | 'intro' = 'intro';
  let tableMode = false;
  let seatScope: string | undefined;
  let seatLabel: OrganisationKind | undefined;
  // The words that named seatLabel ("Regionsrådsmedlemmer", "Region").
  let seatLabelName = '';
  let labelFromHeading = false;
  // The label is an organisation's name over its members (orgHeading), not a side.
  let labelIsOrganisation = false;
  let membersBlockHadContent = false;
  let nameGroup: Finding<SeatDraft> | undefined;
  // The members heading above stated how many sit ("5 medlemmer udpeget af X:"): the names under it are not counted again.
  let headingCounted = false;
  let continue_ = false;
  let leadTable: string | undefined;
  let lastForum: ForumAcc | undefined;
  const appointedGroups = new Map<ForumAcc, Map<string, Finding<SeatDraft>>>();
  const docSentences: { start: number; text: string; forum: ForumAcc | null }[] = [];

  let titleForum: ForumAcc | null = null;
  // "Styregruppe og referencegruppe" over a page describing each under its own heading: the bare kind words such a heading joins.
  const pairedHeads = new Set<string>();
  const openForum = (headStart: number, head: string, fromDefinition = false): ForumAcc | null => {
    // "samordningsudvalg-struktur.png": a picture's file name on a web page is not a heading.
    if (/\.(?:png|jpe?g|gif|svg|pdf|docx?|xlsx?)\)?$/i.test(head.trim())) return null;
    // "Hovedprincipperne for sammensætning af Sundhedsfagligt Råd for Psykiatri": a heading about a named forum's composition
    // names that forum, as "Kommissorium for ..." does.
    // "Eksterne samarbejdsfora", "De regionale dialogfora": a heading ending in the plural of the generic "forum" names several
    // bodies, none of them this forum.
    // A title ("Generisk kommissorium for de lokale samordningsfora") or a heading naming the fora the title named is theirs.
    const plural = /^(?:[\p{L}-]+\s+){0,3}([\p{L}-]*fora):?$/iu.exec(head.trim());
    if (plural && !/psykiatrifora$/iu.test(plural[1]!) && !/kommissori|forretningsorden|vedtægt/iu.test(head) && !forums.some((f) => f.name.value.toLowerCase().includes(plural[1]!.toLowerCase()))) return null;
    // "Mødefora på Testby Hospital med patient- og pårørenderepræsentanter", "Mødefora med patient- og pårørenderepræsentanter": a
    // heading opening with the plural of "forum" and a place or a company names the bodies the page goes on to list.
    if (/^[\p{L}-]*fora\s+(?:på|i|med|hos|under|ved)\s/iu.test(head.trim()) && !/^psykiatrifora/iu.test(head.trim()) && !/kommissori|forretningsorden|vedtægt/iu.test(head)) return null;
    // "Udarbejdet af: Det Lokale Samordningsforum under SVS", "Godkendt af: ...": a template's field naming who wrote or approved
    // the terms names that body, not the forum they are for.
    if (/^(?:udarbejdet|godkendt|vedtaget|revideret|nedsat|forankret)\s+(?:af|i|hos)\s*:/iu.test(head.trim())) return null;
    // "A.    Titel: Underarbejdsgruppe vedrørende utilsigtede hændelser i sektorovergange": a template's title field names the
    // forum, as "Kommissorium for ..." does.
    head = head.replace(/^\s*(?:[A-ZÆØÅ]\.|\d{1,2}\.)?\s*(?:[Tt]itel|[Nn]avn)\s*:\s*(?=\p{Lu})/u, 'Kommissorium for ');
    // "Styregruppe og referencegruppe": a heading joining two bare words for groups (a kind word or a compound of "gruppe") with
    // "og" names two bodies, each described under its own heading after it; it names neither alone.
    const pair = /^([\p{L}]+)\s+og\s+([\p{L}]+)$/u.exec(head.trim());
    const groupWord = (w: string) => kindAtStart(w)?.length === w.length || /^[\p{L}]{3,}grupp(?:e|en)$/iu.test(w);
    if (pair && groupWord(pair[1]!) && groupWord(pair[2]!) && /grupp(?:e|en)$/iu.test(pair[1]!) && /grupp(?:e|en)$/iu.test(pair[2]!)) {
      pairedHeads.add(pair[1]!.toLowerCase());
      pairedHeads.add(pair[2]!.toLowerCase());
      return null;
    }
    // "Sundhedssamordningsudvalget - Referat - 21. august 2012": minutes' title names the forum before the dash.
    head = head.replace(/\s+[-–]\s+(?:referat|dagsorden|beslutningsreferat|mødereferat)(?:\s+(?:[-–]\s+)?[\d.\p{L}-]+(?:\s+[\d.\p{L}-]+){0,3})?$/iu, '');
    // "Kontaktråd - forretningsorden", "Seniorrådet – vedtægter": a title naming the document after the forum names the forum.
    head = head.replace(/(?<=\p{L})\s*(?:\s[-–]|:)\s+(?:forretningsorden(?:en)?|kommissori(?:um|et)|vedtægter(?:ne)?|vedtægt(?:en)?)$/iu, '');
    // "De endelige kommissorier for følgegrupperne under ...": a title over the approved terms of a kind of group names those groups.
    const stripped = head.replace(/^(?:(?:(?:de|det|den)\s+)?(?:(?:endelige|nye|reviderede|opdaterede|gældende)\s+)?(?:kommissori(?:um|er|erne)|forretningsorden(?:en)?|vedtægter(?:ne)?)\s+(?:for|til)(?=\s+\p{Ll})|(?:kommissorium|forretningsorden|vedtægter?)\s+(?:for|til|[-–:])|(?:[\p{L}]+\s+for\s+)?sammensætning(?:en)?\s+(?:af|i)(?=\s+[\p{Lu}]))\s*/iu, '');
    const prefix = head.length - stripped.length;
    let k = kindAtStart(stripped);
    // "Psykiatri- og socialudvalget": a compound whose first part is coordinated with a hyphen is one name.
    const coordinated = k ? null : /^[\p{Lu}][\p{L}]*-\s+(?:og|eller)\s+/u.exec(stripped);
    if (coordinated) {
      const inner = kindAtStart(stripped.slice(coordinated[0].length));
      if (inner) k = { kind: inner.kind, length: coordinated[0].length + inner.length };
    }
    let qualifiedTitle = false;
    // "Kommissorium for Den Administrative Styregruppe": a title may put a qualifier before the kind word.
    if (!k && prefix > 0) {
      const mentions = kindMentions(stripped);
      let m = mentions.find((x) => x.index > 0 && stripped.slice(0, x.index).trim().split(/\s+/).length <= 3);
      // "Forretningsorden for Psykiatriforeningernes Fællesråds bestyrelse": a kind word in the genitive owns the forum the
      // next kind word names; the title is about the latter.
      const owned = m ? mentions.find((x) => x.index > m!.index && /s$/u.test(m!.text) && /^\s+$/u.test(stripped.slice(m!.index + m!.text.length, x.index))) : undefined;
      if (owned) m = owned;
      if (m) {
        k = { kind: m.kind, length: m.index + m.text.length };
        qualifiedTitle = true;
      }
    }
    // "Psykiatriens fælles samordningsudvalg", "De lokale samordningsudvalg", "Tværsektoriel strategisk styregruppe":
    // a heading that ends with the kind word after a few qualifiers (a genitive, an article, adjectives) names one forum.
    if (!k && prefix === 0 && !fromDefinition) {
      const full = stripped.replace(/\s*\([^)]*\)\s*$/, '').replace(/[:.]\s*$/, '').trim();
      // "Strategisk Energiråd Nordjylland": the qualified kind word may be followed by one capitalised place name (no kind word).
      const place = /^(.+?)\s+([\p{Lu}][\p{Ll}]+)$/u.exec(full);
      const placed = place && !kindAtStart(place[2]!) && kindMentions(place[2]!).length === 0 ? place[1]! : undefined;
      const endsAt = (b: string) => kindMentions(b).find((x) => x.index > 0 && x.index + x.text.length === b.length && !x.kind.needsQualifier && !x.kind.subGroupLabel);
      const bare = endsAt(full) || !placed ? full : placed;
      const last = endsAt(bare);
      const before = last ? bare.slice(0, last.index).trim().split(/\s+/) : [];
      if (last && before.length <= 3 && before.every((w, i) => QUALIFIER.test(w) && (i > 0 || /^[\p{Lu}]/u.test(w)))) {
        k = { kind: last.kind, length: last.index + last.text.length };
        qualifiedTitle = true;
      }
    }
    // A title "Kommissorium for X" names the forum even when X has no known kind word.
    // "Kommissorium for planlægningsgruppe for årligt tilbagevendende temadag": so does a lower-case compound of a group's noun.
    if (!k && prefix > 0 && (/^[\p{Lu}\d]/u.test(stripped) || /^[\p{Ll}][\p{L}-]{2,}(?:gruppe|gruppen|netværk|netværket)(?:\s|$)/u.test(stripped))) {
      k = { kind: unknownForumKind, length: stripped.length };
      qualifiedTitle = true;
    }
    // "Referencegruppe" as a heading after "Styregruppe og referencegruppe": a group the page's paired heading named, though no
    // catalogue kind knows it.
    if (!k && prefix === 0 && pairedHeads.has(stripped.trim().toLowerCase())) {
      k = { kind: unknownForumKind, length: stripped.trim().length };
      qualifiedTitle = true;
    }
    if (!k) return null;
    // "Bestyrelsens rolle", "Udvalgets kompetence": a part of the forum's description, not a forum.
    if (prefix === 0 && /s$/i.test(stripped.slice(0, k.length)) && /^\s+[\p{Ll}]/u.test(stripped.slice(k.length))) return null;
    // "Udvalget har repræsentanter fra ...": a sentence without its full stop, not a forum's name.
    if (prefix === 0 && /^\s+(?:har|er|består|mødes|skal|kan|holder|afholder|arbejder|blev|bliver)(?:\s|:|$)/iu.test(stripped.slice(k.length))) return null;
    // "Praksisplanudvalget godkendte den 17. december 2021 Praksisplanen ... Den kan ses her>>": a verb in the past tense after
    // the kind word, or a second sentence, makes a line a report of what the forum did, not its name.
    if (prefix === 0 && (/^\s+\p{Ll}+(?:ede|te)\s/u.test(stripped.slice(k.length)) || /[.!?]\s+[\p{Lu}]/u.test(stripped.slice(k.length)))) return null;
    let name = head.slice(prefix);
    // "... 2016 [AS – 2. UDKAST]": drafts' notes and the year are not part of the name.
    name = name.replace(/\s*\[[^\]]*\]\s*$/, '').replace(/\s*\(\s*udkast[^)]*\)\s*$/i, '').replace(/\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$/, '').replace(/[:.]\s*$/, '').trim();
    // "Udvalget" alone is bare; "Hospitalsudvalget" names one committee among many (a generic kind in a compound).
    const compoundOfGeneric = !!k.kind.generic && !/^(?:udvalg|råd|forum|fora|bestyrels|kommission|netværk|committee)/iu.test(name);
    const bare = !qualifiedTitle && name.length <= k.length + 1 && !compoundOfGeneric;
    if (k.kind.needsQualifier && !/^\S+(?:\s+\S+)?\s+for\s+\S/.test(name)) return null;
    // "Klynger", "Udvalg", "Råd": a bare plural or generic kind word heads a general description, not one forum.
    if ((k.kind.generic || k.kind.slug === 'sundhedsklynge') && /^(?:sundheds)?(?:klynge|udvalg|råd|bestyrelse|forum|fora|netværk)(?:r|rne|ene|n|et|ene)?$/iu.test(name.replace(/\s*\([^)]*\)\s*$/, '').trim())) return null;
    // "Udvalg og grupper", "Råd og nævn": bare kind words joined by "og" head a list of bodies, not one forum.
    if (k.kind.generic && /^(?:udvalg|råd|fora|bestyrelser|netværk)(?:ene|ne)?\s+(?:og|&)\s+(?:grupper|nævn|udvalg|råd|fora|netværk|arbejdsgrupper)(?:ne)?$/iu.test(name.trim())) return null;
    // "Netværk, sparring og support": a bare generic kind word opening a list of common nouns ("A, b og c") heads topics, not a forum.
    if (k.kind.generic && /^(?:udvalg|råd|forum|fora|bestyrelse|netværk|kommission)(?:ene|ne|et|en)?\s*,\s+\p{Ll}[\p{L}-]*(?:\s*,\s+\p{Ll}[\p{L}-]*)*\s+(?:og|&)\s+\p{Ll}[\p{L}-]*$/u.test(name.trim().replace(/^\p{Lu}/u, (c) => c.toLowerCase()))) return null;
    // "Byråd og Regionsråd", "Kommunalbestyrelserne og regionsrådet": the elected councils that approve a joint plan head what
    // they do, not a forum of the cooperation.
    if (k.kind.generic && /^(?:byråd|regionsråd|kommunalbestyrelse|borgerrepræsentation)(?:e|en|et|ene|erne|ne)?\s+(?:og|&)\s+(?:byråd|regionsråd|kommunalbestyrelse|borgerrepræsentation)(?:e|en|et|ene|erne|ne)?$/iu.test(name.trim())) return null;
    // "Sundhedsstyregruppen er ..." names "Sundhedsstyregruppe"; "Sundhedskoordinationsudvalget" names "Sundhedskoordinationsudvalg".
    if (fromDefinition) name = /et$/i.test(name) && new RegExp(`(?:${k.kind.stem})$`, 'iu').test(name.slice(0, -2)) ? name.slice(0, -2) : name.replace(/(e)n$|(e)t$/i, '$1$2');
    // "Styregruppen for sundhedsaftalerne i Horsens klyngen": a steering group named for its cluster is the cluster's steering group.
    if (k.kind.slug === 'styregruppe' && /(?:\s(?:i|for)\s+(?:[\p{Lu}][\p{L}]*[\s-]+)?|[\p{L}]-?)klyngen(?![\p{L}])/u.test(name)) {
      const cluster = forumKinds.find((x) => x.slug === 'klyngestyregruppe');
      if (cluster) k = { kind: cluster, length: k.length };
    }
    const nameStart = headStart + prefix;
    // A title and a heading naming the same forum ("Kommunalt Lægeligt udvalg (KLU)" and "Forretningsorden for
    // Kommunalt Lægeligt udvalg Aalborg (KLU)") are one forum: the words of one name are all in the other.
    // "Kommissorium for planlægningsgruppe for årligt tilbagevendende temadag" then the same title with "om kost og ernæring på OUH"
    // after it: a title repeated with more words is the same forum of no known kind.
    const extendedTitle = (f: ForumAcc) => k!.kind.slug === '' && prefix > 0 && name.toLowerCase().startsWith(`${f.name.value.toLowerCase()} `);
    const existing = forums.find((f) => f.kind.slug === k.kind.slug && (bare || f.bare || sameName(f.name.value, name) || sameButDefinite(f.name.value, name) || (k.kind.slug !== '' && nameWithin(f.name.value, name)) || extendedTitle(f)));
    if (existing) {
      // "Psykiatriens Samordningsudvalg" then "Psykiatriens fælles samordningsudvalg": the heading names the forum more exactly.
      if (!bare && !existing.bare && nameWords(name).length > nameWords(existing.name.value).length && nameWithin(existing.name.value, name) && !/^(?:forretningsorden|kommissorium)/i.test(name)) {
        existing.name = { value: name, span: span(nameStart, nameStart + name.length), confidence: existing.name.confidence };
      }
      return existing;
    }
    const word = name.slice(0, k.length).toLowerCase();
    const f = blankForum({ value: name, span: span(nameStart, nameStart + name.length), confidence: fromDefinition ? 0.7 : 0.9 }, k.kind, {
      bare,
      plural: /(?:er|erne)$/.test(word) && !/(?:udvalg|forum)/.test(word),
    });
    const nameSpan = f.name.span;
    if (k.kind.slug) addScalar(f, 'forum.kind', { value: k.kind.slug, span: span(nameSpan.start, nameSpan.start + k.length), confidence: 0.9 });
    if (k.kind.level) {
      addScalar(f, 'forum.level', { value: k.kind.level, span: span(nameSpan.start, nameSpan.start + k.length), confidence: 0.6, inferred: true });
    }
    forums.push(f);
    if (prefix > 0 && forums.length === 1) titleForum = f;
    return f;
  };

  /** Whether a line names a forum of a kind the test accepts, without opening it. */
  const openForumIf = (head: string, test: (kind: ForumKindEntry) => boolean): boolean => {
    const co = /^[\p{Lu}][\p{L}]*-\s+(?:og|eller)\s+/u.exec(head);
    const k = kindAtStart(co ? head.slice(co[0].length) : head);
    return !!k && test(k.kind) && !sectionOf(head);
  };

  // Rules under a section heading before any forum is named ("Kommissorium\n\nMøder\n...") belong
  // to one unnamed forum: the person uploading it for a known forum names it.
  // Minutes and agendas list people under "Deltagere:"; they are not terms of reference.
  const isMinutesOrAgenda = /^\s*(?:mødereferat|beslutningsreferat|referat|dagsorden)\b/iu.test(text);
  const implicitForum = (): ForumAcc | null => {
    if (current) return current;
    if (forums.length || isMinutesOrAgenda) return null;
    const f = blankForum({ value: '', span: span(0, 0), confidence: 0 }, unknownForumKind);
    forums.push(f);
    return f;
  };

  const contradictions: Contradiction[] = [];
  if (main) {
    const f = blankForum({ value: main.name, span: span(main.start, main.start + main.name.length), confidence: 0.6 }, main.kind);
    if (main.kind.slug) f.scalars.set('forum.kind', [{ value: main.kind.slug, span: f.name.span, confidence: 0.6 }]);
    forums.push(f);
    current = f;
    titleForum = f;
  }
  function addScalar<P extends ScalarPath>(f: ForumAcc, path: P, finding: Finding<ScalarFields[P]>) {
    const list = f.scalars.get(path) ?? [];
    list.push(finding as Finding<unknown>);
    f.scalars.set(path, list);
  }

  /** Rules that read a whole line or paragraph rather than one sentence. */
  const lineRules = (f: ForumAcc, start: number, body: string) => {
    // "Koncerndirektør, Region Midtjylland (regional medformand)", "Peter Sørensen (A), Horsens (kommunal formand)".
    for (const m of body.matchAll(/\((regional|kommunal|hospitalets|hospitals|almen praksis'?|psykiatriens)\s+(?:med)?formand\)/giu)) {
      const word = m[1]!.toLowerCase();
      const side: ChairSide = word.startsWith('region') ? 'region' : word.startsWith('kommun') ? 'municipality' : word.startsWith('hospital') ? 'hospital' : word.startsWith('psyk') ? 'psychiatry' : 'general_practice';
      const list = chairSideMentions.get(f) ?? [];
      list.push({ side, span: span(start + m.index, start + m.index + m[0].length) });
      chairSideMentions.set(f, list);
    }
    // "- Vicedirektør, Sundheds- og Kulturforvaltningen (formand)": the member who chairs.
    const chairLine = /^\s*(?:[-•–*]\s+)?(.+?),?\s*\((?:formand|fmd\.?|forperson|chair|chairman|chairperson)\)\s*\.?$/iu.exec(body) ?? /^\s*(?:[-•–*]\s+)?(.+?),\s*formand\s*\.?$/iu.exec(body);
    // "Anne Skov, Formand, Koncerndirektør, Region Hovedstaden": a person's name, the role, then title and organisation.
    const titledChair = chairLine ? null : /^\s*(?:[-•–*]\s+)?([^,]+),\s*formand\s*,\s*(.+?)\s*\.?$/iu.exec(body);
    // "- KOSU-formand (kommunaldirektør udpeget af KD-net)": the chair's post among the members, told by its title in brackets.
    const postChair = chairLine || titledChair ? null : /^\s*(?:[-•–*]\s+)?(?:[\p{Lu}]{2,}-)?formand\s*\(([^)]+)\)\s*\.?$/iu.exec(body);
    const postSector = postChair ? personSector(postChair[1]!) : undefined;
    if (postChair && postSector && section === 'members') {
      const off = start + body.indexOf(postChair[1]!);
      addScalar(f, 'chair.by', { value: { name: postChair[1]!.trim(), sector: postSector }, span: span(off, off + postChair[1]!.length), confidence: 0.7 });
    }
    if (titledChair && PERSON.test(titledChair[1]!.trim())) {
      const who = titledChair[2]!;
      const sector = holderSector(who);
      const off = start + titledChair.index + titledChair[0].lastIndexOf(who);
      if (sector) addScalar(f, 'chair.by', { value: { name: who, sector }, span: span(off, off + who.length), confidence: 0.7 });
    }
    if (chairLine) {
      const who = chairLine[1]!.trim();
      const sector = holderSector(who);
      const off = start + body.indexOf(chairLine[1]!);
      // "Anne Berg (A) (formand)": a person's name is not who holds the chair; under a side's heading the chair comes from that side.
      if (!sector && !who.includes(',') && PERSON.test(who)) {
        if (section === 'members' && seatLabel) addScalar(f, 'chair.by', { value: { name: seatLabelName, sector: seatLabel }, span: span(off, off + chairLine[0].trim().length), confidence: 0.7 });
      } else addScalar(f, 'chair.by', { value: sector ? { name: who, sector } : { name: who }, span: span(off, off + who.length), confidence: 0.75 });
    }
    // "består af repræsentanter fra X, Y og Z (formand)": the member named with "(formand)" in a list of members.
    if (!chairLine && /består\s+af|sammensat\s+af|repræsentanter\s+fra/iu.test(body)) {
      const inList = /(?:,|\s+og|\s+samt)\s+([^,():]+?)\s*\(formand\)/iu.exec(body);
      if (inList) {
        const who = inList[1]!.trim();
        const off = start + inList.index + inList[0].indexOf(inList[1]!) + (inList[1]!.length - inList[1]!.trimStart().length);
        const sector = firstSector(who)?.sector;
        addScalar(f, 'chair.by', { value: sector ? { name: who, sector } : { name: who }, span: span(off, off + who.length), confidence: 0.7 });
      }
    }
    // "Der foretages en årlig evaluering ... Der udarbejdes en kort orientering, der sendes til Samarbejdsudvalget."
    const yearly = /årlig\p{L}*\s+evaluering|evaluer\p{L}*\s+(?:\p{L}+\s+){0,3}(?:årligt|hvert\s+år|en\s+gang\s+om\s+året)/iu.exec(body);
    if (yearly) {
      const to = /(?:sendes|afrapporteres|forelægges|rapporteres)\s+til\s+((?:[\p{Lu}][\p{L}-]*\s+)?[\p{L}-]*(?:udvalg|grupp|råd|forum|bestyrels)\p{L}*)/u.exec(body.slice(yearly.index));
      const end = to ? yearly.index + to.index + to[0].length : yearly.index + yearly[0].length;
      addScalar(f, 'annualStatus', { value: to ? { toForumName: to[1]! } : {}, span: span(start + yearly.index, start + end), confidence: 0.7 });
    }
  };

  const processBody = (start: number, body: string) => {
    if (!current || body.trim() === '') return;
    const f = current;
    // Numbered items ("1) ...", "a. ...") are list items in purpose and task sections.
    const marker = section === 'tasks' || section === 'purpose' ? /^\s*(?:[-•–*]|\d{1,2}[.)]|[a-zæøå][.)])\s+/u : /^\s*[-•–*]\s+/u;
    const isBullet = marker.test(body);
    const itemOffset = start + (body.length - body.replace(marker, '').trimStart().length);
    const item = body.replace(marker, '').trim();
    continue_ = false;

    // A plural heading's bullet list that names members of the kind: "- Klynge-temagruppe for ...".
    if (section === 'intro' && isBullet && f.plural) {
      const k = kindAtStart(item);
      if (k && k.kind.slug === f.kind.slug && /^\S+\s+for\s+\S/.test(item)) {
        f.instances.push({ value: item.replace(/[.;]$/, ''), span: span(itemOffset, itemOffset + item.replace(/[.;]$/, '').length), confidence: 0.8 });
      }
    }
    // A short line of its own in the purpose part ("Mål", "Vision og mål") heads the items under it: it is no item.
    const subHeading = !isBullet && item.length <= 30 && /^[\p{Lu}][\p{L}-]*(?:\s+[\p{L}-]+){0,2}$/u.test(item);
    if (section === 'purpose' && !item.endsWith(':') && !subHeading) {
      f.lists.purpose.push({ finding: { value: item, span: span(itemOffset, itemOffset + item.length), confidence: 0.85 } });
    }
    if (section === 'tasks' && !item.endsWith(':') && (isBullet || tableMode)) {
      f.lists.tasks.push({ finding: { value: item, span: span(itemOffset, itemOffset + item.length), confidence: 0.85 } });
    }
    if (section === 'members' && !headingCounted) {
      const scoped = /^I\s+(.+?):\s*/u.exec(item);
      if (scoped) {
        seatScope = scoped[1];
        seatLabel = undefined;
      }
      // A sentence in the members part ("Formanden udpeges af ...", "Hvert medlem udpeger en suppleant") is not a seat.
      // A rule's number ("1.1 Sundhedsudvalget sammensættes af ...") does not make it a list item.
      // So is a paragraph sign or a subsection's number ("§ 3. Rådet består af ...", "Stk. 2. ...").
      const unnumbered = item.replace(/^\d{1,2}(?:\.\d{1,2})+\.?\s+/, '').replace(/^(?:§\s*\d+[a-z]?\.?|Stk\.\s*\d+\.?)\s+/u, '');
      const prose = !isBullet && /[.]$/.test(unnumbered) && unnumbered.split(/\s+/).length >= 6 && /^[\p{Lu}]/u.test(unnumbered) && /\s(?:udpeges|udpeger|består|sammensættes|kan|skal|er|har|sekretariatsbetjenes|vælges)\s/iu.test(unnumbered);
      // "Karl Berg (formand), formand for Ældre Sagen i X. Udpeget af Ældre Sagen.": one member for the organisation that
      // appoints them; members appointed by one organisation are counted together, and the chair is held by its side.
      const appointed = isBullet ? /^([\p{Lu}][\p{Ll}'-]+\s+[\p{Lu}].*?)[.,]?\s+Udpeget\s+af\s+([^.]+?)\.?$/u.exec(item) : null;
      if (appointed) {
        const org = appointed[2]!.trim();
        const sector = firstSector(org)?.sector ?? 'other';
        const group = appointedGroups.get(f)?.get(org.toLowerCase());
        if (group) {
          group.value.min = (group.value.min ?? 0) + 1;
          group.value.max = group.value.min;
          group.span = span(group.span.start, itemOffset + item.length);
        } else {
          const seat: Finding<SeatDraft> = { value: { party: { kind: 'sector', sector, perOrganisation: false }, role: org, min: 1, max: 1 }, span: span(itemOffset, itemOffset + item.length), confidence: 0.7 };
          f.lists.seats.push({ finding: seat, scope: seatScope });
          const groups = appointedGroups.get(f) ?? new Map<string, Finding<SeatDraft>>();
          groups.set(org.toLowerCase(), seat);
          appointedGroups.set(f, groups);
        }
        if (/\((?:formand|fmd\.?)\)/iu.test(appointed[1]!)) {
          const at = itemOffset + item.lastIndexOf(org);
          addScalar(f, 'chair.by', { value: firstSector(org) ? { name: org, sector: firstSector(org)!.sector } : { name: org }, span: span(at, at + org.length), confidence: 0.7 });
        }
        continue_ = true;
      }
      const parsed = prose || appointed ? { seats: [], label: undefined } : parseSeatLine(item, seatLabel);
      if (parsed.label && parsed.label !== seatLabel) nameGroup = undefined;
      if (parsed.label) {
        labelFromHeading = false;
        labelIsOrganisation = false;
      }
      if (parsed.label) seatLabelName = item.replace(/:$/, '');
      seatLabel = parsed.label ?? seatLabel;
      // "Regionale medlemmer:" followed by people's names: one seat per sector, counted.
      if (seatLabel && parsed.seats.length === 1 && parsed.seats[0]!.value.min === null && parsed.seats[0]!.value.max === null && PERSON.test(item)) {
        // Under a side heading a person sits for that side, whatever their workplace ("Vicedirektør, Test Sygehus" under "Region").
        const sector = labelFromHeading ? seatLabel : parsed.seats[0]!.value.party.sector;
        if (nameGroup && nameGroup.value.party.sector === sector) {
          nameGroup.value.min = (nameGroup.value.min ?? 0) + 1;
          nameGroup.value.max = nameGroup.value.min;
          nameGroup.span = span(nameGroup.span.start, itemOffset + item.length);
        } else {
          // Under an organisation's name ("Danske Patienter") the seat is that organisation's: two organisations with as many members are two seats.
          nameGroup = { value: { party: { kind: 'sector', sector, perOrganisation: false }, ...(labelIsOrganisation ? { role: seatLabelName } : {}), min: 1, max: 1 }, span: span(itemOffset, itemOffset + item.length), confidence: 0.7 };
          personLineSeats.add(nameGroup.value);
          f.lists.seats.push({ finding: nameGroup, scope: seatScope });
        }
        continue_ = true;
      }
      // "Styregruppens parter:" over lines "Anders Kjær, Direktør Silkeborg Kommune", "Leif Gram, Formand for SIND i Midtjylland":
      // without a side heading, each person sits for the organisation named after their name; the persons are counted per side
      // over the list (an organisation of no known side is 'other').
      const personName = item.slice(0, Math.max(0, item.indexOf(',')));
      const isPersonName = !!personName && !holderSector(personName) && !/(?:direktør|chef|formand|leder|konsulent|sekretær|repræsentant)/iu.test(personName);
      const personOrg = !seatLabel && !continue_ && !prose && !appointed && isPersonName && PERSON.test(item) ? item.slice(item.indexOf(',') + 1).trim() : undefined;
      if (personOrg && parsed.seats.length <= 1 && parsed.seats.every((x) => x.value.min === null && x.value.max === null)) {
        const sector = parsed.seats[0]?.value.party.sector ?? (/(?:^|\s)(?:for|i|fra)\s+[\p{Lu}]{2,}|forening/u.test(personOrg) ? 'other' : undefined);
        if (sector) {
          const group = f.lists.seats.find((x) => personListSeats.has(x.finding) && x.finding.value.party.sector === sector && x.scope === seatScope);
          if (group) {
            group.finding.value.min = (group.finding.value.min ?? 0) + 1;
            group.finding.value.max = group.finding.value.min;
          } else {
            const finding: Finding<SeatDraft> = { value: { party: { kind: 'sector', sector, perOrganisation: false }, min: 1, max: 1 }, span: span(itemOffset, itemOffset + item.length), confidence: 0.7 };
            personListSeats.add(finding);
            f.lists.seats.push({ finding, scope: seatScope });
          }
          continue_ = true;
        }
      }
      for (const s of continue_ ? [] : parsed.seats) {
        f.lists.seats.push({
          finding: { value: s.value, span: span(itemOffset + s.start, itemOffset + s.end), confidence: s.confidence },
          scope: seatScope,
        });
      }
      // "Socialdirektøren for Specialsektoren" as a bullet among the members of "Det regionale kontaktforum om handicap": one
      // official named by a post in the definite singular and a unit of no side is the forum's owner's own; the owner is the side
      // the forum's name states ("regionale", "Region X"; "kommunale", "X Kommune"). A forum whose name states none gives no seat.
      const post = isBullet && !continue_ && !prose && !appointed && !parsed.seats.length ? /^[\p{Lu}][\p{Ll}-]*(?:direktør|chef|leder)en(?:\s+(?:for|i|på|ved)\s+(?:[\p{Lu}][\p{L}-]*|og|for)(?:\s+(?:[\p{Lu}][\p{L}-]*|og|for)){0,3})?\.?$/u.exec(item) : null;
      if (post && !holderSector(item)) {
        const owner = [
          /(?:^|\s)(?:[Rr]egional[et]?\s|Region\s+[\p{Lu}])/u.test(f.name.value) ? 'region_administration' : undefined,
          /(?:^|\s)(?:[Kk]ommunal[et]?\s|[\p{Lu}][\p{L}-]+\s+Kommune(?![\p{L}]))/u.test(f.name.value) ? 'municipality' : undefined,
        ].filter((x): x is OrganisationKind => !!x);
        if (owner.length === 1) {
          const text = item.replace(/\.$/, '');
          f.lists.seats.push({ finding: { value: { party: { kind: 'sector', sector: owner[0]!, perOrganisation: false }, role: text, min: 1, max: 1 }, span: span(itemOffset, itemOffset + text.length), confidence: 0.6 }, scope: seatScope });
        }
      }
    }
    if ((section === 'meetings') && /^ad[- ]?hoc\.?$/i.test(item)) {
      addScalar(f, 'meetings.adHoc', { value: true, span: span(itemOffset, itemOffset + item.length), confidence: 0.9 });
    }
    // "Formandskab" over one bullet per co-chair, each named with the organisation they come from.
    if (section === 'chair' && isBullet) {
      const h = holdersIn(item)[0];
      const side = h && sideOf(h.sector);
      if (side) {
        const list = chairSideMentions.get(f) ?? [];
        list.push({ side, span: span(itemOffset, itemOffset + item.length) });
        chairSideMentions.set(f, list);
      }
    }
    if ((section === 'chair' || section === 'chair_secretariat') && /^delt\.?$/i.test(item)) {
      addScalar(f, 'chair.shared', { value: true, span: span(itemOffset, itemOffset + item.length), confidence: 0.9 });
    }
    lineRules(f, start, body);
    let previous: string | undefined;
    for (const s of splitSentences(body)) {
      docSentences.push({ start: start + s.start, text: s.text, forum: f });
      const ctx = { section, forumKind: f.kind.slug, forumName: f.name.value, previous, preceding: body.slice(0, s.start), following: body.slice(s.start + s.text.length), forumMentionIsSelf: (slug: string) => slug === f.kind.slug };
      for (const r of sentenceRules(s.text, ctx)) addRaw(f, r, start + s.start);
      previous = s.text;
    }
  };

  /** "Regionale medlemmer", "Repræsentanter fra lægerne": a members heading naming a side; the people under it sit for that side. */
  const sideLabel = (heading: string, start?: number) => {
    seatScope = undefined;
    // "Medlemmer i det regionale kontaktforum for socialområdet": "regionale" qualifies the forum, it names no side.
    seatLabel = firstSector(heading.replace(FORUM_QUALIFIER, ''))?.sector;
    seatLabelName = heading.trim().replace(/:$/, '');
    labelFromHeading = !!seatLabel;
    labelIsOrganisation = false;
    nameGroup = undefined;
    headingCounted = false;
    if (start !== undefined) countedHeading(heading, start);
  };

  /** "9 regionsrådsmedlemmer:" over their names: a count before a lower-case noun is how many sit, not a section number. */
  const countedHeading = (heading: string, start: number) => {
    const counted = /^(\s*)(\d{1,3}\s+[\p{Ll}][\p{L}-]*(?:\s+[\p{L}-]+){0,2}):\s*$/u.exec(heading);
    if (!counted || !current) return;
    const at = start + counted[1]!.length;
    for (const value of parseSeatSegment(counted[2]!, firstSector(counted[2]!)?.sector)) {
      current.lists.seats.push({ finding: { value, span: span(at, at + counted[2]!.length), confidence: 0.7 } });
    }
  };

  const addRaw = (f: ForumAcc, r: RawFinding, base: number) => {
    const sp = span(base + r.start, base + r.end);
    if (r.list) {
      const path = r.list;
      (f.lists[path] as { finding: Finding<unknown> }[]).push({ finding: { value: r.value, span: sp, confidence: r.confidence } });
    } else if (r.path) {
      addScalar(f, r.path, { value: r.value as never, span: sp, confidence: r.confidence, ...(r.inferred ? { inferred: true } : {}) });
    }
  };

  // A page on an organisation of several bodies, each introduced by a paragraph or bullet that opens with its name ("-
  // Strategisk Sundhedsforum har det overordnede administrative ansvar ...", "Fælles Forretningsudvalg er et fælles
  // ledelsesforum ...") or tells that it is set up ("Der er nedsat en Koordineringsgruppe ..."): each opens its forum, when
  // three or more different bodies are introduced so.
  const introduced = new Map<number, { offset: number; name: string }>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.text;
    const bullet = /^\s*[-•–*]\s+/u.exec(raw);
    if (!bullet && i > 0 && lines[i - 1]!.text.trim() !== '') continue;
    const intro = bodyIntroduced(raw.slice(bullet?.[0].length ?? 0));
    if (intro) introduced.set(lines[i]!.start, { offset: (bullet?.[0].length ?? 0) + intro.offset, name: intro.name });
  }
  if (new Set([...introduced.values()].map((x) => x.name.toLowerCase())).size < 3) introduced.clear();

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    const prevBlank = i === 0 || lines[i - 1]!.text.trim() === '';
    const nextBlank = i === lines.length - 1 || lines[i + 1]!.text.trim() === '';
    if (t.trim() === '') continue;

    // A planning table headed "Uge(r) før mødet" (or "Dage før mødet"): each row "Senest 2: Kommunen sender dagsordenspunkter ..."
    // takes its unit from the header and reads as "<what is done> senest 2 uger før mødet"; only deadlines are taken from it.
    const unitHeader = /^(uge\(r\)|uger|dage|hverdage|arbejdsdage)\s+før\s+mødet:?$/iu.exec(t.trim());
    if (unitHeader) {
      leadTable = unitHeader[1]!.toLowerCase().replace('uge(r)', 'uger');
      continue;
    }
    // The table may stand under a heading of its own ("Planlægning af bilaterale møder"): the rows belong to the forum described last.
    if (current) lastForum = current;
    const tableOwner = current ?? lastForum;
    const leadRow = leadTable && tableOwner ? /^(senest\s+(\d{1,2})\s*:\s*)(.+?)\.?$/iu.exec(t.trim()) : null;
    if (leadRow && tableOwner) {
      const at = line.start + (t.length - t.trimStart().length);
      const ctx = { section, forumKind: tableOwner.kind.slug, forumMentionIsSelf: (slug: string) => slug === tableOwner.kind.slug };
      for (const r of sentenceRules(`${leadRow[3]} senest ${leadRow[2]} ${leadTable} før mødet.`, ctx)) {
        if (r.path?.startsWith('deadlines.')) addRaw(tableOwner, { ...r, start: 0, end: t.trim().length }, at);
      }
      continue;
    }
    leadTable = undefined;

    const row = /^([^\t]{0,100})\t(.*)$/.exec(t);
    if (row) {
      tableMode = true;
      const head = row[1]!.trim();
      const bodyStart = line.start + row[1]!.length + 1;
      // "G6\tDer er nedsat en styregruppe\t2\tJa\tDer er nedsat en styregruppe med repræsentanter fra ...": a row of more than two
      // cells is read cell by cell (a tab parts them as a full stop would), so no sentence runs on into the next cell.
      const cells = (): void => {
        let at = bodyStart;
        for (const cell of row[2]!.split('\t')) {
          if (cell.trim()) processBody(at, cell);
          at += cell.length + 1;
        }
      };
      if (head === '') {
        cells();
        continue;
      }
      const forum = sectionOf(head) ? null : openForum(line.start + (row[1]!.length - row[1]!.trimStart().length), head);
      if (forum) {
        current = forum;
        section = 'intro';
      } else {
        section = sectionOf(head) ?? 'forum_other';
        if (sectionOf(head) && sectionOf(head) !== 'forum_other') current = implicitForum();
      }
      seatScope = undefined;
      seatLabel = undefined;
      cells();
      continue;
    }
    if (tableMode && !prevBlank) {
      processBody(line.start, t);
      continue;
    }
    tableMode = false;

    // " • Hospitalsudvalget" over "  Udvalget har 11 medlemmer og ...": a list of forums, each item a name and the
    // next line about it (it opens with the forum's own kind word, "Udvalget", "Gruppen"), gives one forum per item.
    const listed = /^(\s*[-•–*]\s+)([^.;:]+?)\s*$/u.exec(t);
    if (listed && !nextBlank) {
      const about = kindAtStart(lines[i + 1]!.text.trim());
      const named = openForumIf(listed[2]!, (k) => !!about && about.kind.slug === k.slug && /^\S+(?:et|en|n)\s/iu.test(lines[i + 1]!.text.trim()));
      if (named) {
        const f = openForum(line.start + listed[1]!.length, listed[2]!);
        if (f) {
          current = f;
          section = 'intro';
          continue;
        }
      }
    }

    // "Klynge NORD: Hjørring Kommune, Brønderslev Kommune, Region Nordjylland og PLO.": a forum of a standing kind
    // named by a label, followed by the organisations in it, is a forum of its own with one seat per sector named.
    // Also as a bullet, and with the municipalities named without "Kommune" ("  • Klynge Nord: Læsø, Hjørring og Brønderslev").
    const memberForum = /^(\s*[-•–*]\s+)?(\S+\s+[\p{Lu}\d][\p{L}\d-]*(?:\s+[\p{Lu}\d][\p{L}\d-]*){0,2}):\s*(\S.*?)\.?\s*$/u.exec(t);
    if (memberForum && !sectionOf(memberForum[2]!)) {
      const lead = memberForum[1]?.length ?? 0;
      const k = kindAtStart(memberForum[2]!);
      const value = memberForum[3]!;
      const valueStart = line.start + t.indexOf(value, lead + memberForum[2]!.length);
      const parts = [...value.matchAll(/[^,]+?(?=\s*,\s*|\s+(?:og|samt)\s+|$)/gu)].map((m) => ({ text: m[0].replace(/^\s*(?:og|samt)\s+/u, '').trim(), index: m.index + m[0].length - m[0].replace(/^\s*(?:og|samt)\s+/u, '').trimStart().length }));
      const sectors = parts.map((x) => holderSector(x.text) ?? (isMunicipalityName(x.text) ? 'municipality' : undefined));
      if (k && k.kind.standing && !k.kind.generic && parts.length >= 2 && sectors.every((x) => x !== undefined)) {
        const f = openForum(line.start + lead, memberForum[2]!);
        if (f) {
          current = f;
          section = 'intro';
          const seen = new Set<OrganisationKind>();
          parts.forEach((x, i) => {
            const sector = sectors[i]!;
            if (seen.has(sector)) return;
            seen.add(sector);
            const seat: SeatDraft = { party: { kind: 'sector', sector, perOrganisation: false }, min: null, max: null };
            f.lists.seats.push({ finding: { value: seat, span: span(valueStart + x.index, valueStart + x.index + x.text.length), confidence: 0.7 }, scope: undefined });
          });
          continue;
        }
      }
    }

    // "Sundhedskoordinationsudvalget har 12 medlemmer:", "Udvalget består af følgende:": a lead-in to the list of seats.
    // Before the heading rules: "Rådet består af:" names this forum as a heading would, but opens its members.
    // "Sundhedsstyregruppen er sammensat af:" before any forum is open: a forum of a standing kind named by its definite
    // kind word opens with its members.
    if (!current && prevBlank && /^[\p{Lu}][\p{L}-]+\s+(?:er\s+sammensat|består|sammensættes)\s+af(?:\s+følgende)?\s*:\s*$/u.test(t)) {
      const k = kindAtStart(t);
      const word = t.split(/\s+/)[0]!;
      if (k && k.kind.standing && !k.kind.generic && !k.kind.subGroupLabel && word.length - k.length <= 2) {
        const f = openForum(line.start, t.slice(0, k.length), true);
        if (f) current = f;
      }
    }
    if (current && /:\s*$/.test(t) && /(?:\shar\s+(?:i\s+alt\s+)?\S+\s+medlemmer|\shar\s+følgende\s+sammensætning|\s(?:består|sammensættes|er\s+sammensat)\s+(?:\p{L}+\s+){0,3}af(?:\s+følgende|\s+(?:i\s+alt\s+)?\S+\s+(?:medlemmer|personer))?)(?:\s*\((?:antal|[\p{L}\s]*antal)[^)]*\))?\s*:\s*$/iu.test(t)) {
      processBody(line.start, t);
      section = 'members';
      seatLabel = undefined;
      seatScope = undefined;
      nameGroup = undefined;
      headingCounted = false;
      membersBlockHadContent = false;
      continue;
    }
    // "Medlemmer:", "Formandskab: Delt", "Opgaver i Sundhed og Beskæftigelse:".
    const colon = /^([^:\n]{2,80}?):\s*(.*)$/.exec(t);
    // "Formandskabet går på skift i følgende rækkefølge: regionen, kommunerne, almen praksis.": a sentence leading into the list on
    // its own line is no label over it; the line is read whole.
    const listLeadIn = !!colon && colon[2]!.trim() !== '' && /\s(?:i\s+)?(?:følgende|nedenstående)\s+rækkefølge\s*$/iu.test(colon[1]!);
    const colonSection = colon && !listLeadIn ? sectionOf(colon[1]!) : undefined;
    // "5 medlemmer udpeget af kommunekontaktrådet i Region Hovedstaden (KKR Hovedstaden):", "Herudover 2 medlemmer udpeget af
    // Praksisudvalget for Almen Praksis i Region Hovedstaden:": a longer heading over the names of the members that body
    // appoints; they sit for the appointing body's side, as under "Regionale medlemmer:".
    const appointedBy = /^\s*(?:(?:herudover|derudover|desuden|endvidere)\s+)?\d{1,3}\s+(?:medlemmer|repræsentanter)\s+(?:er\s+)?(?:udpeget|udpeges|valgt|vælges)\s+af\s+(.+?):\s*$/iu.exec(t);
    // "Nedenstående kommunale politikere har KKR udpeget til Praksisplanudvalget (PPU) - gældende til ...:" over their names:
    // this forum's members from the side the lead-in names; the names are counted as under "Kommunale medlemmer:".
    const appointedTo = /^\s*(?:nedenstående|følgende)\s+(.+?)\s+(?:har|er)\s+(?:(.+?)\s+)?udpeget\s+til\s+(.+?):\s*$/iu.exec(t);
    const appointedSide = appointedTo ? firstSector(`${appointedTo[1]} ${appointedTo[2] ?? ''}`)?.sector : undefined;
    if (current && appointedTo && appointedSide && kindMentions(appointedTo[3]!).some((m) => m.kind.slug === current!.kind.slug)) {
      section = 'members';
      seatScope = undefined;
      seatLabel = appointedSide;
      seatLabelName = appointedTo[1]!;
      labelFromHeading = true;
      labelIsOrganisation = false;
      nameGroup = undefined;
      headingCounted = false;
      membersBlockHadContent = false;
      continue;
    }
    // "KOSU er et kommunalt administrativt forum med følgende repræsentation:" over its members: a sentence leading into the list.
    if (current && /\s(?:med|har)\s+følgende\s+(?:repræsentation|repræsentanter|deltagere)\s*:\s*$/iu.test(t)) {
      section = 'members';
      seatScope = undefined;
      seatLabel = undefined;
      seatLabelName = '';
      labelFromHeading = false;
      labelIsOrganisation = false;
      nameGroup = undefined;
      headingCounted = false;
      membersBlockHadContent = false;
      continue;
    }
    if (appointedBy && !(colon && colonSection && colon[1]!.split(/\s+/).length <= 8)) {
      current = implicitForum();
      section = 'members';
      seatLabel = firstSector(appointedBy[1]!.replace(/\([^)]*\)/g, ''))?.sector;
      seatLabelName = t.trim().replace(/:$/, '');
      nameGroup = undefined;
      membersBlockHadContent = false;
      const counted = t.trim().replace(/:$/, '').replace(/^(?:herudover|derudover|desuden|endvidere)\s+/iu, '').replace(/\s*\([^)]*\)/g, '');
      const at = line.start + t.indexOf(counted.split(/\s+/)[0]!);
      const seats = current ? parseSeatSegment(counted, seatLabel) : [];
      for (const value of seats) current!.lists.seats.push({ finding: { value, span: span(at, at + counted.length), confidence: 0.75 } });
      headingCounted = seats.length > 0;
      continue;
    }
    if (colon && colonSection && colon[1]!.split(/\s+/).length <= 8) {
      if (colonSection !== 'forum_other') current = implicitForum();
      section = colonSection;
      seatScope = undefined;
      // "Regionale medlemmer:" names the sector of the people listed under it.
      seatLabel = colonSection === 'members' ? firstSector(colon[1]!)?.sector : undefined;
      seatLabelName = colon[1]!.trim();
      labelFromHeading = false;
      labelIsOrganisation = false;
      nameGroup = undefined;
      headingCounted = false;
      membersBlockHadContent = false;
      if (colonSection === 'members' && colon[2]!.trim() === '') countedHeading(t, line.start);
      const valueStart = line.start + t.length - colon[2]!.length;
      processBody(valueStart, colon[2]!);
      // "Formand: Anne Berg, direktør, Hillerød Kommune", "Sekretær: ..., Gentofte Kommune": who holds the role, by organisation.
      if (current && (colonSection === 'chair' || colonSection === 'secretariat') && colon[1]!.trim().split(/\s+/).length <= 2) {
        const holders = holdersIn(colon[2]!);
        const first = holders[0];
        if (first) {
          const at = valueStart + first.index;
          addScalar(current, colonSection === 'chair' ? 'chair.by' : 'secretariat.by', { value: { name: first.name, sector: first.sector }, span: span(at, at + first.name.length), confidence: 0.75 });
        }
        if (colonSection === 'chair') {
          const sides = holders.map((h) => ({ side: sideOf(h.sector), at: valueStart + h.index, len: h.name.length })).filter((x) => x.side);
          const list = chairSideMentions.get(current) ?? [];
          for (const x of sides) list.push({ side: x.side!, span: span(x.at, x.at + x.len) });
          if (sides.length) chairSideMentions.set(current, list);
        }
      }
      continue;
    }

    // A heading followed directly by its text counts only when it names a forum or a known section.
    if (prevBlank && !nextBlank && looksLikeHeading(t) && t.trim().split(/\s+/).length <= 8) {
      const sec = sectionOf(t);
      const forum = sec ? null : openForum(line.start, t.trim());
      if (sec && sec !== 'forum_other') current = implicitForum();
      if (forum || (sec && current)) {
        // The same forum named again ("Deltagere" / "KLU" / list) keeps its section.
        if (forum && forum !== current) section = 'intro';
        else if (!forum) section = sec!;
        if (forum) current = forum;
        if (!forum && sec === 'members') sideLabel(t, line.start);
        membersBlockHadContent = false;
        continue;
      }
    }
    const standalone = prevBlank && nextBlank;
    // "Repræsentanter for det kommunale område" (or "Fra det kommunale område", "Kommunale repræsentanter:", "Fra
    // kommunerne") over bullets naming people: a heading that says whom the people under it
    // represent opens the members (the side its adjective names; "det private område", an organisation's board: other), and
    // the side is the heading's, not the one a person's workplace would tell ("Holbæk Sygehus" under the regional area).
    const nextText = lines.slice(i + 1).find((l) => l.text.trim() !== '')?.text;
    const nextItem = nextText?.trim().replace(/^[-•–*]\s+/, '');
    if (standalone && current && SIDE_HEADING.test(t.trim()) && !!nextText && /^\s*[-•–*]\s/.test(nextText) && !!nextItem && PERSON.test(nextItem)) {
      section = 'members';
      seatLabel = firstSector(t)?.sector ?? 'other';
      seatLabelName = t.trim();
      labelFromHeading = true;
      labelIsOrganisation = !firstSector(t);
      nameGroup = undefined;
      headingCounted = false;
      membersBlockHadContent = false;
      continue;
    }
    // "Danske Handicaporganisationer", "Regionsældrerådet" over members' names in a members part: the organisation they
    // sit for (a side when its name tells one, else other), not a forum of its own.
    if (standalone && section === 'members' && current && !sectionOf(t) && orgHeading(t, lines.slice(i + 1).find((l) => l.text.trim() !== '')?.text)) {
      seatLabel = firstSector(t)?.sector ?? 'other';
      seatLabelName = t.trim();
      labelFromHeading = true;
      labelIsOrganisation = true;
      nameGroup = undefined;
      headingCounted = false;
      membersBlockHadContent = false;
      continue;
    }
    // "Forpersonsskab og bestyrelse" (or "Bestyrelse") as a heading on a page about a forum of another kind ("Repræsentantskab"),
    // then "Bestyrelsen vælges af repræsentantskabet ...": a bare kind word heading a part whose first sentence has that body, in
    // the definite form, as its subject is a second body of the page, not a general description; what follows is its own.
    const second = standalone && current && current.name.value !== '' && !sectionOf(t) ? /^(?:[\p{Lu}][\p{L}-]*\s+og\s+)?(\p{L}+)$/u.exec(t.trim()) : null;
    const secondKind = second ? kindAtStart(second[1]!) : undefined;
    if (second && secondKind && secondKind.length === second[1]!.length && current && secondKind.kind.slug !== current.kind.slug && !secondKind.kind.needsQualifier && !secondKind.kind.subGroupLabel) {
      const word = second[1]!.toLowerCase();
      const nextLine = lines.slice(i + 1).find((l) => l.text.trim() !== '');
      const definite = new RegExp(`^${word.charAt(0).toUpperCase()}${word.slice(1).replace(/e$/u, '')}e?(?:n|t)\\s+(?:vælges|består|udgøres|sammensættes|udpeges|har|er|skal|mødes)\\s`, 'u');
      if (nextLine && definite.test(nextLine.text.trim())) {
        const start = line.start + t.indexOf(second[1]!);
        const name = word.charAt(0).toUpperCase() + word.slice(1);
        let f = forums.find((x) => x.kind.slug === secondKind.kind.slug);
        if (!f) {
          f = blankForum({ value: name, span: span(start, start + name.length), confidence: 0.6 }, secondKind.kind);
          if (secondKind.kind.slug) addScalar(f, 'forum.kind', { value: secondKind.kind.slug, span: f.name.span, confidence: 0.6 });
          forums.push(f);
        }
        current = f;
        section = 'intro';
        continue;
      }
    }
    if (standalone && looksLikeHeading(t)) {
      const forum = sectionOf(t) ? null : openForum(line.start, t.trim());
      if (forum) {
        if (forum !== current) section = 'intro';
        current = forum;
        continue;
      }
      const sec = sectionOf(t);
      if (sec && sec !== 'forum_other') current = implicitForum();
      if (sec && current) {
        section = sec;
        if (sec === 'members') sideLabel(t, line.start);
        membersBlockHadContent = false;
        continue;
      }
      // "Region", "Kommuner", "Praktiserende Lægers Organisation (PLO)" over a list of people: the side those named sit for.
      if (section === 'members' && current && sideHeading(t, lines.slice(i + 1).find((l) => l.text.trim() !== '')?.text)) {
        seatLabel = firstSector(t)!.sector;
        seatLabelName = t.trim();
        labelFromHeading = true;
        labelIsOrganisation = false;
        nameGroup = undefined;
        headingCounted = false;
        membersBlockHadContent = false;
        continue;
      }
      // Web pages set each member on a paragraph of its own: in a members part such a line is a member, not a heading.
      if (section === 'members' && current) {
        processBody(line.start, t);
        membersBlockHadContent = true;
        continue;
      }
      // A heading that names no forum and no known section ("Honorering", "Udvalgets kompetence")
      // does not end the current forum's part: only a heading naming another forum does. In a
      // document that has described several forums, an unknown heading is a part of the document
      // about none of them, unless the document is the kommissorium of one forum.
      // "Tine Holm, vicedirektør, X Hospital (fmd.)" on a paragraph of its own under a label the importer does not know
      // ("Region Hovedstaden:"): the member who chairs, read as in a members list.
      if (current && PERSON.test(t.trim()) && /\((?:formand|fmd\.?)\)\s*$/iu.test(t)) lineRules(current, line.start, t);
      current = forums.length === 1 || (titleForum && forums.length === 1) ? current : null;
      for (const s of splitSentences(t)) docSentences.push({ start: line.start + s.start, text: s.text, forum: null });
      section = 'intro';
      continue;
    }

    // Members lists end with their block: the prose after them is about the forum in general.
    // A paragraph that is itself a counted seat ("8 repræsentanter fra de socialpsykiatriske centre ..., som udpeges af
    // centerrådene.") goes on with the list, as a bullet would.
    const countedSeatParagraph = new RegExp(`^\\s*${NUM}\\s+(?:[\\p{Ll}-]+\\s+)?(?:repræsentanter|medlemmer)\\s+(?:fra|for|udpeget|udpeges|valgt|efter)${E}`, 'iu').test(t);
    // "2 medlemmer fra København/Frederiksberg" over "1 medlem fra ældrerådet på Bornholm": two or more lines in a row, each
    // nothing but a count of members and where they come from (no bullets, no lead-in the importer knows), are a members list.
    const seatLine = (x: string | undefined) =>
      !!x && new RegExp(`^\\s*${NUM}\\s+(?:medlemmer|medlem|repræsentanter|repræsentant)\\s+(?:fra|for|udpeget\\s+af|valgt\\s+af)\\s+[^.:;]{2,80}$`, 'iu').test(x);
    if (current && section !== 'members' && seatLine(t) && (seatLine(lines[i - 1]?.text) || seatLine(lines[i + 1]?.text))) {
      section = 'members';
      headingCounted = false;
      membersBlockHadContent = false;
    }
    // "§ 2. Rådet består af ..." then "Stk. 2. Medlemmerne findes efter følgende fordeling." over a bulleted list: a subsection of
    // the paragraph that leads into the list goes on with its members' part.
    const followingText = lines.slice(i + 1).find((x) => x.text.trim())?.text ?? '';
    const subsection = /^\s*Stk\.\s*\d+\.?\s/u.test(t) && /^\s*[-•–*]\s/u.test(followingText);
    if (section === 'members' && prevBlank && membersBlockHadContent && !/^\s*[-•–*]/.test(t) && !countedSeatParagraph && !subsection) section = 'intro';
    if (section === 'members') membersBlockHadContent = true;

    // "Der etableres et nyt tværsektorielt forum ved navn Psykiatriforum med repræsentation fra ...": a forum set up under a name
    // the sentence gives is a forum of its own, on a page about several bodies as on a page about one.
    const setUpNamed = /(?:etableres|oprettes|nedsættes|er\s+(?:etableret|oprettet|nedsat))\s+(?:et|en)\s+(?:nyt?\s+)?(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+)\s+ved\s+navn\s+((?:[\p{Lu}][\p{L}-]*\s+){0,3}[\p{Lu}][\p{L}-]*)/u.exec(t);
    if (setUpNamed && kindAtStart(setUpNamed[1]!) && kindAtStart(setUpNamed[2]!)) {
      const f = openForum(line.start + setUpNamed.index + setUpNamed[0].length - setUpNamed[2]!.length, setUpNamed[2]!);
      if (f) {
        current = f;
        section = 'intro';
      }
    }
    // "• Den Kommunale Styregruppe på sundhedsområdet (KOSU) udvides til at omfatte ...": a bullet whose subject is a forum named
    // with its abbreviation tells of that forum.
    const abbreviated = /^\s*[-•–*]\s+(?:Den|Det)\s+((?:[\p{Lu}][\p{L}-]*\s+){1,3}[\p{L}-]+)(?:\s+(?:på|for)\s+[\p{Ll}-]+)?\s*\([\p{Lu}]{2,6}\)\s+(?:udvides|ændres|omdannes|nedlægges|videreføres)\s/u.exec(t);
    if (abbreviated && kindMentions(abbreviated[1]!).length && !/nedlægges/u.test(abbreviated[0])) {
      const f = openForum(line.start + abbreviated[0].indexOf(abbreviated[1]!), abbreviated[1]!);
      if (f) {
        current = f;
        section = 'intro';
      }
    }
    const intro = introduced.get(line.start);
    if (intro) {
      // "Sundhedsstyregruppen har ...": a one-word name in the definite form names the kind as a definition does.
      const whole = kindAtStart(intro.name);
      const f = openForum(line.start + intro.offset, intro.name, !!whole && whole.length === intro.name.length);
      if (f) {
        current = f;
        section = 'intro';
      }
    }
    // "Det Faglige Forum (FF) referer til det Strategiske og Økonomiske Forum (SØF)": a paragraph opening with a body's proper
    // name (two or more capitalised words ending in a kind word) and its abbreviation, then the body it reports to (also in the
    // spelling "referer"), is about that body: a forum of its own inside the page's.
    const reports = /^((?:[\p{Lu}][\p{L}-]*\s+){1,3}[\p{Lu}][\p{L}-]*)\s*\([\p{Lu}]{2,6}\)\s+(?:refererer|referer|rapporterer)\s+til\s/u.exec(t);
    const reportsKind = reports ? kindMentions(reports[1]!).pop() : undefined;
    if (prevBlank && reports && reportsKind && reportsKind.index + reportsKind.text.length === reports[1]!.length && !reportsKind.kind.needsQualifier && (!current || !sameName(current.name.value, reports[1]!))) {
      const f = blankForum({ value: reports[1]!, span: span(line.start, line.start + reports[1]!.length), confidence: 0.6 }, reportsKind.kind);
      const kindAt = line.start + reportsKind.index;
      if (reportsKind.kind.slug) addScalar(f, 'forum.kind', { value: reportsKind.kind.slug, span: span(kindAt, kindAt + reportsKind.text.length), confidence: 0.8 });
      forums.push(f);
      current = f;
      section = 'intro';
    }
    // "Sundhedsstyregruppen er det øverste administrative organ ...": a forum introduced by a sentence.
    // "Sundhedskoordinationsudvalget er sammensat af (politiske) repræsentanter fra ...": so is a forum whose paragraph opens
    // with the parties that send representatives to it ("Vestklyngen består af Hospitalsenheden Vest, ..." describes a cluster, no forum).
    const def = /^(\S+(?:\s\S+)?)\s+(?:er\s+(?:det|den|en|et)|(?:er\s+sammensat|består)\s+af\s+(?:\p{L}+\s+)?repræsentanter)\s/u.exec(t);
    if (prevBlank && def) {
      const k = kindAtStart(t);
      if (k && k.kind.standing && (!current || current.kind.slug !== k.kind.slug)) {
        const f = openForum(line.start, t.slice(0, k.length), true);
        if (f) {
          current = f;
          section = 'intro';
        }
      }
    }
    // "Forretningsudvalget, som står for den daglige ledelse af regionsældrerådet, består af 7 medlemmer, ...": a paragraph that
    // opens with a compound of a generic kind word (not the bare "Udvalget"), other than the forum the page is about, and counts
    // its members is a body of its own (its members are not the page forum's).
    const ownBody = prevBlank && current
      ? new RegExp(`^([\\p{Lu}][\\p{Ll}]{2,}(?:udvalget|rådet|gruppen|forummet|bestyrelsen))(?:,\\s+(?:som|der)\\s+[^,.;]{3,120},)?\\s+(?:består|sammensættes|udgøres)\\s+af\\s+(?:i\\s+alt\\s+)?${NUM}\\s+medlemmer`, 'u').exec(t)
      : null;
    const ownKind = ownBody ? kindAtStart(ownBody[1]!) : undefined;
    // "Revisionsudvalget består af tre medlemmer" under the title "Revisionsudvalg" is the page's forum in the definite form.
    const ownStem = ownBody ? ownBody[1]!.toLowerCase().replace(/(?:et|en|ne)$/u, '') : '';
    const namedAlready = forums.some((f) => f.name.value.toLowerCase().split(/[^\p{L}-]+/u).some((w) => w.includes(ownStem)));
    if (ownBody && ownKind && ownKind.length === ownBody[1]!.length && !ownKind.kind.standing && !namedAlready) {
      const f = blankForum({ value: ownBody[1]!, span: span(line.start, line.start + ownBody[1]!.length), confidence: 0.6 }, ownKind.kind);
      addScalar(f, 'forum.kind', { value: ownKind.kind.slug, span: span(line.start, line.start + ownKind.length), confidence: 0.8 });
      forums.push(f);
      current = f;
      section = 'intro';
    }
    // "KOSU:" as a heading, then "KOSU består alene af administrative repræsentanter fra kommunerne.": a body named by an
    // abbreviation (no kind word) that the paragraph under its own heading says is made of representatives is a forum of its own.
    // "Procesgruppen" as a heading, then "Procesgruppen består af ...": a group named by a compound of "gruppe" that no kind of the
    // catalogue knows is a forum of its own in the same way.
    const abbrBody = prevBlank
      ? (/^([\p{Lu}]{3,6})\s+(?:består|sammensættes)\s+(?:alene\s+|kun\s+|udelukkende\s+)?af\s+(?:[\p{L}-]+\s+){0,2}repræsentanter\s+(?:fra|for)\s/u.exec(t) ??
        /^([\p{Lu}][\p{Ll}]{2,}gruppen)\s+(?:består|sammensættes)\s+(?:alene\s+|kun\s+|udelukkende\s+)?af\s/u.exec(t))
      : null;
    const headingBefore = abbrBody ? lines.slice(0, i).reverse().find((l) => l.text.trim() !== '')?.text.trim().replace(/:$/, '') : undefined;
    if (abbrBody && headingBefore === abbrBody[1] && !kindAtStart(abbrBody[1]!) && !forums.some((f) => f.name.value === abbrBody[1])) {
      const f = blankForum({ value: abbrBody[1]!, span: span(line.start, line.start + abbrBody[1]!.length), confidence: 0.6 }, unknownForumKind);
      forums.push(f);
      current = f;
      section = 'intro';
    }
    if (!current) {
      for (const s of splitSentences(t)) docSentences.push({ start: line.start + s.start, text: s.text, forum: null });
      continue;
    }
    processBody(line.start, t);
  }

  // Document-level facts: approval applies to every forum the document describes.
  for (const [k, s] of docSentences.entries()) {
    const found = docLevelRules(s.text).map((r) => (r.path === 'approvedByName' && typeof r.value === 'string' ? { ...r, value: fullNameBefore(text, s.start, r.value) } : r));
    for (const r of found) for (const f of forums) addRaw(f, r, s.start);
    // "Godkendt af: Handicaprådet" with "Dato: 21. april 2022" on the line above or below (a key-value table's rows): the date
    // field beside the approving body's field dates the approval.
    if (!found.some((r) => r.path === 'approvedByName') || found.some((r) => r.path === 'approvedOn') || !/^(?:\s*[-•–*]\s+)?(?:godkendt|vedtaget)\s+af\s*:/iu.test(s.text)) continue;
    for (const n of [docSentences[k + 1], docSentences[k - 1]]) {
      if (!n) continue;
      const between = n.start > s.start ? text.slice(s.start + s.text.length, n.start) : text.slice(n.start + n.text.length, s.start);
      const date = /^[ \t]*\n[ \t]*$/.test(between) ? approvalDateField(n.text) : undefined;
      if (!date) continue;
      for (const f of forums) addRaw(f, date, n.start);
      break;
    }
  }
  // "Møderne i A og B holdes samlet" in B's part of the page: A meets with B too.
  for (const s of docSentences) {
    for (const f of forums) if (f !== s.forum) for (const r of meetingTogether(s.text, f.kind.slug)) addRaw(f, r, s.start);
  }
  // "X og Y kan nedsætte ad hoc grupper": sub-groups go to the forums named as subject, else to the sentence's forum.
  for (const s of docSentences) {
    const sub = subGroupMentions(s.text);
    if (!sub) continue;
    const targets = sub.subjectKinds.length
      ? forums.filter((f) => sub.subjectKinds.includes(f.kind.slug))
      : s.forum ? [s.forum] : [];
    for (const f of targets) {
      for (const g of sub.groups) {
        f.lists.subGroupsAllowed.push({ finding: { value: g.label, span: span(s.start + g.start, s.start + g.end), confidence: 0.8 } });
      }
    }
  }

  for (const f of forums) inferChairFromCoChairSeats(f, addScalar, span);
  // "Udvalget har arbejdet ... med disse medlemmer:" over one line a person ("Hans Holm (A) - formand"): the listed people are
  // the members' total, when the document has one forum, states no total of its own and every line up to the next blank line
  // or heading is a person with a party letter.
  if (forums.length === 1 && !forums[0]!.scalars.get('membersTotal')?.length) {
    // Also "Udvalget består af:" over bullets "- Anne Test, (formand) (A)" or "• Anne Test (A) (formand)", and a bare heading
    // "Medlemmer" over such lines.
    const listed = /(?:(?:(?:med|af)\s+(?:disse|følgende)\s+medlemmer|(?:^|\n)[ \t]*(?:[Uu]dvalget|[Rr]ådet|[Gg]ruppen|[Bb]estyrelsen)\s+består\s+af):|(?:^|\n)[ \t]*Medlemmer:?)[ \t]*\n(?:[ \t]*\n)?((?:[ \t]*(?:[-•–*][ \t]+)?[\p{Lu}][\p{L}'-]+(?:[ \t]+[\p{Lu}][\p{L}'.-]*){1,4}(?:,?[ \t]*\((?:næst)?formand\))?[ \t]*\([A-ZÆØÅ]{1,2}\)(?:[ \t]*[-–,][ \t]*(?:næst)?formand|[ \t]*\((?:næst)?formand\))?[ \t]*(?:\n|$))+)(?:\n|$)/u.exec(text);
    let names = listed ? listed[1]!.split('\n').filter((l) => l.trim()) : [];
    if (listed && names.length >= 2) {
      const at = listed.index + listed[0].indexOf(listed[1]!);
      addScalar(forums[0]!, 'membersTotal', { value: names.length, span: span(at, at + listed[1]!.trimEnd().length), confidence: 0.6 });
    }
    // "Medlemmer af følgegruppen" as a heading over one bare name a line ("Ole Bang Christiansen"): the listed people are the
    // members' total, when the heading names this forum by its definite kind word and at least three names follow up to the
    // next blank line.
    const heading = listed ? null : /(?:^|\n)[ \t]*(?:Medlemmer\s+af|Medlemmerne\s+af|Medlemmer\s+i)\s+([\p{Ll}-]+)[ \t]*:?[ \t]*\n(?:[ \t]*\n)?((?:[ \t]*[\p{Lu}][\p{Ll}'-]+(?:[ \t]+[\p{Lu}][\p{Ll}'.-]*){1,3}[ \t]*\n)+)(?:[ \t]*\n|$)/u.exec(text);
    const own = heading ? kindAtStart(heading[1]!) : undefined;
    names = heading ? heading[2]!.split('\n').filter((l) => l.trim()) : [];
    if (heading && own && own.length === heading[1]!.length && own.kind.slug === forums[0]!.kind.slug && /(?:en|et)$/u.test(heading[1]!) && names.length >= 3) {
      const at = heading.index + heading[0].indexOf(heading[2]!);
      addScalar(forums[0]!, 'membersTotal', { value: names.length, span: span(at, at + heading[2]!.trimEnd().length), confidence: 0.6 });
    }
  }
  for (const [f, mentions] of chairSideMentions) {
    const sides = [...new Set(mentions.map((m) => m.side))];
    if (sides.length < 2 || f.scalars.has('chair.sides')) continue;
    const first = mentions[0]!.span;
    const last = mentions[mentions.length - 1]!.span;
    if (!f.scalars.has('chair.shared')) addScalar(f, 'chair.shared', { value: true, span: first, confidence: 0.75 });
    addScalar(f, 'chair.sides', { value: sides, span: span(first.start, last.end), confidence: 0.75 });
  }

  const drafts: TermsDraft[] = [];
  for (const f of forums) {
    const empty = !f.scalars.size && Object.values(f.lists).every((l) => !l.length);
    if (!f.name.value && empty) continue;
    const fields = resolveScalars(f, contradictions);
    const names = f.instances.length >= 2 ? f.instances : [f.name];
    for (const name of names) {
      const scopeKey = f.instances.length >= 2 ? forTail(name.value) : undefined;
      const pick = <P extends ListPath>(p: P) =>
        dedupe(
          f.lists[p]
            .filter((x) => !x.scope || !scopeKey || forTail(x.scope) === scopeKey)
            .map((x) => x.finding),
        );
      // Members named one by one state each side's count: an uncounted seat of such a side adds nothing.
      const seats = pick('seats');
      const namedSides = new Set(seats.filter((x) => namedListSeats.has(x.value)).map((x) => x.value.party.sector));
      // "bestående af lokale praktiserende læger og repræsentanter for kommunen ... De to lægelige medlemmer udpeges af ...":
      // a side named in a list of sides without a count, and again with a count, has the counted seats.
      const countedSides = new Set(seats.filter((x) => x.value.min !== null || x.value.max !== null).map((x) => x.value.party.sector));
      const uncountedSide = (x: Finding<SeatDraft>) =>
        x.value.min === null && x.value.max === null && (namedSides.has(x.value.party.sector) || ((!x.value.role || sideListSeats.has(x.value)) && countedSides.has(x.value.party.sector)));
      // "Forummet består af 9 medlemmer udpeget af regionsrådet. Regionsrådet har udpeget 3 medlemmer af regionsrådet og 6
      // bruger- og pårørenderepræsentanter ...": the appointing body's count is the total the parts divide, no seat of its own;
      // and a side whose count the prose states is not counted again from the names listed for it (a list may be incomplete).
      const divided = seats.filter((x) => dividedSeats.has(x.value));
      const dividedTotal = divided.reduce((a, x) => a + (x.value.min ?? 0), 0);
      const fromNames = (x: Finding<SeatDraft>) => personLineSeats.has(x.value) || personListSeats.has(x) || namedListSeats.has(x.value);
      const statedSides = new Set(seats.filter((x) => x.value.min !== null && !fromNames(x)).map((x) => x.value.party.sector));
      const restated = (x: Finding<SeatDraft>) =>
        (divided.length >= 2 && !dividedSeats.has(x.value) && x.value.min === dividedTotal && x.value.max === dividedTotal && /^medlemmer\s+udpeget\s+af\s/iu.test(x.value.role ?? '')) ||
        (divided.length >= 2 && fromNames(x) && statedSides.has(x.value.party.sector)) ||
        // "Udvalget består af 4 repræsentanter udpeget af regionen og 4 ...", then "Regionsrådsmedlemmer" over four names: the
        // names fill the seat the prose counted for that side, no second seat.
        (fromNames(x) && seats.some((y) => y !== x && !fromNames(y) && y.value.party.sector === x.value.party.sector && y.value.min !== null && y.value.min === x.value.min && y.value.max === x.value.max));
      const kept = seats.filter((x) => (namedListSeats.has(x.value) || !uncountedSide(x)) && !restated(x));
      drafts.push({
        forumName: name,
        fields: { ...fields },
        lists: { purpose: pick('purpose'), tasks: pick('tasks'), seats: kept, subGroupsAllowed: pick('subGroupsAllowed') },
      });
    }
  }
  return { text, drafts, contradictions };
}

/** Members listed as "(medformand)" from two sides mean a shared chair between those sides. */
function inferChairFromCoChairSeats(
  f: ForumAcc,
  addScalar: <P extends ScalarPath>(f: ForumAcc, path: P, finding: Finding<ScalarFields[P]>) => void,
  span: (start: number, end: number) => SourceSpan,
) {
  const coChairs = f.lists.seats.filter((x) => /(?:^|;\s*)medformand$/i.test(x.finding.value.note ?? ''));
  const sides: ChairSide[] = [];
  for (const c of coChairs) {
    const side = sideOf(c.finding.value.party.sector);
    if (side && !sides.includes(side)) sides.push(side);
  }
  if (sides.length < 2) return;
  const first = coChairs[0]!.finding.span;
  const last = coChairs[coChairs.length - 1]!.finding.span;
  addScalar(f, 'chair.shared', { value: true, span: first, confidence: 0.7, inferred: true });
  addScalar(f, 'chair.sides', { value: sides, span: span(first.start, last.end), confidence: 0.7, inferred: true });
}

function resolveScalars(f: ForumAcc, contradictions: Contradiction[]): TermsDraft['fields'] {
  const out: Record<string, Finding<unknown>> = {};
  for (const [path, list] of f.scalars) {
    const distinct: Finding<unknown>[] = [];
    for (const x of list) if (!distinct.some((d) => sameValue(d.value, x.value))) distinct.push(x);
    // Two items deadlines, one of them the members' own ("Rådsmedlemmers ønsker om punkter ... senest 3 uger før mødet"): the
    // members' (read with a higher confidence) is the one shown first.
    if (path === 'deadlines.itemsCutoff') distinct.sort((a, b) => b.confidence - a.confidence);
    const first = list.reduce((a, b) => (sameValue(a.value, b.value) && b.confidence > a.confidence ? b : a), list[0]!);
    if (distinct.length > 1) {
      contradictions.push({ forumName: f.name.value, field: path, findings: list });
      out[path] = { ...distinct[0]!, confidence: Math.min(distinct[0]!.confidence, 0.4) };
    } else {
      out[path] = first;
    }
  }
  return out as TermsDraft['fields'];
}

function dedupe<T>(list: Finding<T>[]): Finding<T>[] {
  const out: Finding<T>[] = [];
  for (const x of list) if (!out.some((o) => sameValue(o.value, x.value))) out.push(x);
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return JSON.stringify(a) === JSON.stringify(b);
}

function nameWords(s: string): string[] {
  return s.toLowerCase().replace(/\([^)]*\)/g, ' ').split(/[^\p{L}\d-]+/u).filter((w) => w.length > 1);
}

/** Every word of one name is in the other: the same forum named shorter or longer. */
function nameWithin(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (!x.length || !y.length) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // "Udsatterådet" and "Region Nords Udsatteråd": a word may stand once in its definite form.
  const same = (a: string, b: string) => a === b || ['et', 'en', 'n', 't'].some((end) => a === `${b}${end}` || b === `${a}${end}`);
  return short.every((w) => long.some((v) => same(w, v)));
}

/** "Kontaktråd" and "Kontaktrådet", "Styregruppe for X" and "Styregruppen for X": one name, once in its definite form. */
function sameButDefinite(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\s+/g, ' ').trim();
  const y = b.toLowerCase().replace(/\s+/g, ' ').trim();
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const m = /^(\S+)(.*)$/u.exec(short)!;
  return ['et', 'en', 'n', 't'].some((end) => long === `${m[1]}${end}${m[2]}`);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');
}

/** "Klynge-temagruppe for den voksne patient/borger" and "klynge-temagruppen for den voksne ..." share this. */
function forTail(s: string): string {
  const m = /\sfor\s+(.*)$/iu.exec(s);
  return (m ? m[1]! : s).toLowerCase().replace(/[.:]$/, '').trim();
}

/** A short line that names only a side ("Region", "Kommuner", "Praktiserende Lægers Organisation (PLO)") and heads a list of people. */
function sideHeading(t: string, next: string | undefined): boolean {
  const bare = t.trim().replace(/\s*\([^)]*\)\s*$/, '');
  if (!bare || /\d|[,.;:]/.test(bare) || bare.split(/\s+/).length > 4 || !firstSector(bare)) return false;
  const item = next?.trim().replace(/^[-•–*]\s+/, '');
  return !!next && /^\s*[-•–*]\s/.test(next) && !!item && PERSON.test(item);
}

/** An organisation's name (up to four words, no figures or punctuation) over a bullet naming a person. */
function orgHeading(t: string, next: string | undefined): boolean {
  const bare = t.trim();
  if (!/^[\p{Lu}][\p{L}-]*(?:\s+[\p{L}-]+){0,3}$/u.test(bare)) return false;
  const item = next?.trim().replace(/^[-•–*]\s+/, '');
  return !!next && /^\s*[-•–*]\s/.test(next) && !!item && PERSON.test(item);
}

function looksLikeHeading(t: string): boolean {
  const s = t.trim();
  if (/[.,;]$/.test(s) || /^[-•–*]\s/.test(s)) return false;
  // "Der nedsættes temagrupper om:" leads into a list; it is not a heading.
  if (s.endsWith(':') && s.split(/\s+/).length > 3) return false;
  return s.split(/\s+/).length <= 14;
}

/**
 * A call's title as one line: the line, and the next one when it follows with no blank line between, opens in lower case (or the
 * line ends in a preposition) and the line ends with no stop or colon (a title wrapped by a PDF or a narrow page: "... i regi af" /
 * "Fødeplanen").
 */
function withContinuation(text: string, l: Line): string {
  const head = l.text.trim();
  const rest = text.slice(l.end + 1);
  const cut = rest.indexOf('\n');
  const next = (cut < 0 ? rest : rest.slice(0, cut)).trim();
  // A line ending in a preposition or "og" ("... i regi af" / "Fødeplanen") cannot end a title either.
  const open = /^\p{Ll}/u.test(next) || /(?:^|\s)(?:af|i|for|om|til|under|vedr\.|og|med|på)$/iu.test(head);
  return next && open && !/[.:;!?]$/.test(head) ? `${head} ${next}` : head;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return out;
}
