/**
 * Danish words the importer recognises: number words, forum kinds, section
 * headings, sector keywords. Rules in terms-import.extract.ts are written against these
 * patterns, not against particular documents.
 */
import type { ChairSide, ForumLevel, OrganisationKind } from '../registry/registry.model.js';

const NUMBER_WORDS: Record<string, number> = {
  en: 1, én: 1, et: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10,
  elleve: 11, tolv: 12, tretten: 13, fjorten: 14, femten: 15, seksten: 16, tyve: 20,
};

/** A count as Danish writes it: digits or a number word (captured). */
export const NUM = String.raw`(\d{1,3}|en|én|et|ét|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|tyve)`;
/** Word boundaries that know æ, ø and å are letters. */
export const B = String.raw`(?<![\p{L}\d])`;
export const E = String.raw`(?![\p{L}\d])`;

export function parseNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()];
}

export type ForumKindEntry = {
  slug: string;
  /** Matches the kind word at the start of a word, any inflection. */
  stem: string;
  level?: ForumLevel;
  /** Kinds that name a function inside a forum as well as a forum: a forum only when qualified ("Formandskab for ..."). */
  needsQualifier?: boolean;
  /** Kinds that describe a standing body that a sentence "X er en ..." may introduce. */
  standing?: boolean;
  /** Sub-group kinds that a forum may set up. */
  subGroupLabel?: string;
  /** Kind words that name many bodies ("udvalg", "råd", "bestyrelse"): a forum of this kind is named by its heading, and "Udvalget ..." is the forum itself. */
  generic?: boolean;
};

// Longest first: "klynge-temagruppe" must win over "temagruppe".
export const forumKinds: readonly ForumKindEntry[] = [
  { slug: 'sundhedskoordinationsudvalg', stem: 'sundhedskoordinationsudvalg', level: 'political', standing: true },
  { slug: 'sundhedssamarbejdsudvalg', stem: 'sundhedssamarbejdsudvalg', level: 'political', standing: true },
  { slug: 'kommunalt_laegeligt_udvalg', stem: '(?:kommunalt?[- ]læge(?:lig[et]?|faglig[et]?)[- ]udvalg|KLU(?:-[\\p{L}]+)?(?![\\p{L}]))', standing: true },
  { slug: 'praksisplanudvalg', stem: 'praksisplanudvalg', level: 'political', standing: true },
  // "Sundhedssamordningsudvalget" (a region's political committee of councillors) is no hospital-municipality samordningsudvalg: the
  // compound is left to the generic "...udvalg".
  { slug: 'samordningsudvalg', stem: 'samordningsudval(?:g)?', standing: true },
  { slug: 'psykiatriforum', stem: 'psykiatrifor(?:um|a)', level: 'central', standing: true },
  { slug: 'sundhedsraad', stem: 'sundhedsråd', standing: true },
  { slug: 'klyngestyregruppe', stem: 'klyngestyregrupp', level: 'cluster', standing: true },
  { slug: 'klynge_temagruppe', stem: 'klynge-?temagrupp', level: 'cluster_operational', standing: true },
  { slug: 'sundhedsstyregruppe', stem: 'sundhedsstyregrupp', level: 'central', standing: true },
  { slug: 'strategisk_sundhedsforum', stem: 'strategisk[e]? sundhedsfor(?:um|a)', level: 'central', standing: true },
  { slug: 'forloebsprogramgruppe', stem: 'forløbsprogramgrupp', level: 'central_theme', standing: true },
  { slug: 'temagruppe', stem: 'temagrupp', level: 'central_theme', standing: true },
  { slug: 'fokusgruppe', stem: 'fokus ?grupp', level: 'cluster_operational', standing: true },
  { slug: 'driftsforum', stem: 'driftsfor(?:um|a)', level: 'cluster_operational', standing: true },
  { slug: 'ad_hoc_gruppe', stem: 'ad[- ]?hoc[- ]?(?:arbejds)?grupp', level: 'ad_hoc', subGroupLabel: 'ad hoc grupper' },
  { slug: 'arbejdsgruppe', stem: '(?:under|regional|kommunal|projekt)?arbejdsgrupp', level: 'ad_hoc', subGroupLabel: 'arbejdsgrupper' },
  { slug: 'udviklingsgruppe', stem: 'udviklingsgrupp', level: 'ad_hoc', subGroupLabel: 'udviklingsgrupper' },
  { slug: 'implementeringsgruppe', stem: 'implementeringsgrupp', level: 'ad_hoc', subGroupLabel: 'implementeringsgrupper' },
  { slug: 'undergruppe', stem: 'undergrupp', subGroupLabel: 'undergrupper' },
  { slug: 'netvaerksgruppe', stem: 'netværksgrupp', standing: true },
  { slug: 'foelgegruppe', stem: 'følgegrupp', standing: true },
  // "Koordineringsgruppen": the same kind by its other noun.
  { slug: 'koordinationsgruppe', stem: 'koordin(?:ations|erings)grupp', standing: true },
  // English pages name the same bodies: "Steering Committee", "steering group".
  // A steering group's kind word may be a compound: "porteføljestyregruppe", "programstyregruppe", "projektstyregruppe",
  // "Akutstyregruppen", "Demensstyregruppen" (any word before it; the cluster's and the health steering group come first).
  { slug: 'styregruppe', stem: '[\\p{L}-]*styregrupp|steering\\s+(?:group|committee)', standing: true },
  { slug: 'sundhedsklynge', stem: '(?:sundheds)?klyng(?!e-?(?:temagrupp|styregrupp))|[\\p{Lu}][\\p{Ll}]+klyng', standing: true },
  // "bilateralt møde", "bilaterale møder", "de bilaterale samarbejdsmøder": the inflections follow "mød".
  { slug: 'bilateralt_moede', stem: 'bilateral[et]? (?:samarbejds)?mød', standing: true },
  { slug: 'formandskab', stem: 'formand(?:s)?skab', level: 'central', needsQualifier: true },
  { slug: 'faelles_sekretariat', stem: '(?:fælles ?)?sekretariat', level: 'central', needsQualifier: true },
  // Generic kinds last: any "...udvalg", "...råd", "...forum", "bestyrelse".
  { slug: 'bestyrelse', stem: '[\\p{L}-]*bestyrels', generic: true },
  // "Kommissionen", "Styrelseskommissionen"; not "kommissorium".
  { slug: 'kommission', stem: '[\\p{L}-]*kommission(?!ær)', generic: true },
  { slug: 'udvalg', stem: '[\\p{L}-]*udvalg|committee', generic: true },
  // Not "tråd" (a thread: "samler trådene", "den røde tråd"); "Kontaktrådet" stays a council.
  { slug: 'raad', stem: '[\\p{L}-]*(?<![Oo]m)(?<!(?<![\\p{L}])[Tt])råd(?!giv|hus|med)', generic: true },
  { slug: 'forum', stem: '[\\p{L}-]*for(?:um|a)(?![\\p{L}])', generic: true },
  // English pages: "the Danish delegation", "National Delegation of Denmark" (not the Danish "delegation af kompetence").
  { slug: 'delegation', stem: 'delegation(?!\\s+af(?![\\p{L}]))', generic: true },
  // "Kommunalt netværk for ...", "kommunaldirektørnetværket": a network is a forum of its own kind (not "netværksgruppe", a standing kind above).
  { slug: 'netvaerk', stem: '[\\p{L}-]*netværk(?!sgrupp)', generic: true },
  // "Repræsentantskabet, som består af én repræsentant fra hver af vores medlemsforeninger": a members' assembly is a body of its own.
  { slug: 'repraesentantskab', stem: '[\\p{L}-]*repræsentantskab', generic: true, standing: true },
  // "Klinisk Etisk Komité", "Ernæringskomitéen", "Lægemiddelkomiteen": a hospital's committee is a forum of its own kind.
  { slug: 'komite', stem: '[\\p{L}-]*komit[eé]', generic: true },
  // "Patient- og pårørendepanelet", "Brugerpanelet": a panel of patients, relatives or users that meets is a forum.
  { slug: 'panel', stem: '[\\p{L}-]*panel', generic: true },
];

/** A forum whose kind the text does not name ("Kommissorium for Rehabiliteringsnetværket"). */
export const unknownForumKind: ForumKindEntry = { slug: '', stem: '(?!)' };

// "forum" doubles its m before the definite ending: "Driftsforummet", "forummets".
const INFLECTION = String.raw`(?:e|en|et|er|erne|ene|ens|ets|ernes|enes|s|met|mets)?`;

/** The forum kind named by the word(s) at the start of `s`, and how long that mention is. */
export function kindAtStart(s: string): { kind: ForumKindEntry; length: number } | undefined {
  for (const kind of forumKinds) {
    const m = new RegExp(`^(?:${kind.stem})(?:e|a|um)?${INFLECTION}${E}`, 'iu').exec(s);
    if (m) return { kind, length: m[0].length };
  }
  return undefined;
}

/** Every mention of a forum kind in a sentence, in order. */
export function kindMentions(s: string): { kind: ForumKindEntry; index: number; text: string }[] {
  const found: { kind: ForumKindEntry; index: number; text: string }[] = [];
  const taken: [number, number][] = [];
  for (const kind of forumKinds) {
    const re = new RegExp(`${B}(?:${kind.stem})(?:e|a|um)?${INFLECTION}${E}`, 'giu');
    for (const m of s.matchAll(re)) {
      const a = m.index, b = m.index + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      taken.push([a, b]);
      found.push({ kind, index: a, text: m[0] });
    }
  }
  return found.sort((x, y) => x.index - y.index);
}

export type SectionKind = 'purpose' | 'tasks' | 'members' | 'chair' | 'secretariat' | 'chair_secretariat' | 'meetings' | 'forum_other';

/** A heading that opens a part of one forum's description. */
export function sectionOf(heading: string): SectionKind | undefined {
  // "3.1 Formandskab", "## Møder", "FORMÅL:" all name the same section.
  // "§ 3. Deltagere", "Kapitel 2: Sammensætning af deltagere", "Kapitel 2 - Integrationsrådets sammensætning": a paragraph's or
  // chapter's number before the heading; "§ 2.2 Valgprocedure": a sub-paragraph's number too.
  let h = heading.trim().toLowerCase().replace(/^#+\s*/, '').replace(/^(?:§\s*\d+(?:\.\d+)*[a-z]?\.?|kapitel\s+\d+\s*(?:[:.]|\s[-–])?)\s+/u, '').replace(/^\d+(?:\.\d+)*\.?\s+/, '').replace(/:$/, '');
  // "Temagruppens opgaver", "Fokusgruppens sammensætning": the forum's own section.
  const owner = kindAtStart(h);
  if (owner && /s$/.test(h.slice(0, owner.length)) && h.length > owner.length + 1) h = h.slice(owner.length).trim();
  if (/^(?:formål|purpose|aim)/.test(h)) return 'purpose';
  if (/^(?:opgaver|arbejdsopgaver|opgavebeskrivelse|ansvar og opgaver|tasks|functions|responsibilities|duties)/.test(h)) return 'tasks';
  // "Styregruppens parter:": the parties sitting in the forum.
  if (/^(?:sammensætning|medlemmer|medlemskreds|deltagere|repræsentation|members|membership|composition)/.test(h) || /^parter(?:ne)?$/.test(h)) return 'members';
  // "Regionale medlemmer:", "Repræsentanter fra Almen Praksis:": a group of the members list.
  // "Regionsrådsmedlemmer:": a compound naming where the members sit.
  // "Pårørenderepræsentanter:", "Brugerrepræsentanter:": a compound naming whom the members represent.
  if (/^(?:[\p{L}-]+\s+)?medlemmer$|^[\p{L}-]+medlemmer$|^repræsentanter\s+(?:fra|for)\s|^[\p{L}-]{3,}repræsentanter$/u.test(h)) return 'members';
  // "Fra kommunal side skal der udpeges følgende:": a call for one side's members leads into them.
  if (/^fra\s+\p{L}+\s+side\s+(?:skal\s+der\s+)?udpeges(?:\s+følgende)?$/u.test(h)) return 'members';
  if (/^formand(?:s)?skab\b.*sekretariat/.test(h)) return 'chair_secretariat';
  if (/^formand(?:s)?skab(?:et)?(?!\s+for\b)/.test(h) || /^(?:formand|forperson|chair|chairs|chairmanship)$/.test(h)) return 'chair';
  if (/^(?:sekretariat|sekretariatsbetjening|betjening|secretariat)/.test(h) || /^sekretær(?:er)?$/.test(h)) return 'secretariat';
  if (/^(?:meetings|meeting frequency)$/.test(h)) return 'meetings';
  if (/^(?:mødefrekvens|møder|mødekadence|mødeform|mødeplan|mødeafholdelse|mødestruktur|mødeafvikling|mødedato|mødekalender|mødetid|mødehyppighed)/.test(h)) return 'meetings';
  if (/^(?:roller|arbejdsform|kompetence|beslutningskompetence|dagsorden og referat|referat|evaluering|opfølgning)/.test(h)) return 'forum_other';
  // "§ 2.2 Valgprocedure", "Valgregler": how the members are elected is no part of the members list (its bullets are steps).
  if (/^(?:valgprocedure|valgregler|valgbarhed|valgperiode)/.test(h)) return 'forum_other';
  return undefined;
}

const SECTORS: [OrganisationKind, RegExp][] = [
  ['psychiatry', new RegExp(`${B}(?:regions)?psykiatri`, 'iu')],
  // "Universitetshospital", "Regionshospitalet", "Sygehus Lillebælt". "Brancheforeningen for Privathospitaler og Klinikker": private
  // hospitals (and their trade association) are not the public hospitals' side of the cooperation.
  // "de ledende overlæger fra de tre akutmodtagelser", "akutafdelingen": a hospital's emergency department is the hospital's side
  // (not the municipalities' "akutteam", "akutfunktion").
  ['hospital', new RegExp(`(?<!privat\\p{L}*\\s+)(?:${B}(?!privat)[\\p{L}]*hospital|${B}(?!privat)[\\p{L}]*sygehus|${B}(?:fælles\\s*)?akut(?:modtag|afdeling))`, 'iu')],
  // "Hillerød Kommune", "Bornholms Regionskommune", "Tovholderkommunen": a word ending in kommune is a municipality.
  // "Byrådet", "Københavns Borgerrepræsentation": a municipality's council by its own name.
  ['municipality', new RegExp(`${B}kommun|[\\p{L}]kommun(?:e|en|er|erne|ernes|ens)${E}|${B}KOSU${E}|${B}KKR${E}|forvaltning|${B}fælleskommunal|${B}municipalit|${B}byråd|${B}borgerrepræsentation`, 'iu')],
  ['general_practice', new RegExp(`${B}almen praksis|${B}praksis|${B}PLO(?:-\\p{L}+)?${E}|${B}DSAM|${B}praktiserende læge|${B}lægelig|${B}(?<!Yngre\\s)læger(?:ne)?${E}|${B}lægelaug|${B}general\\s+practice`, 'iu')],
  // "den pågældende regions kommuner", "regionens kommuner" are municipalities; "Regionsældrerådet" is a citizens' council.
  // "Regionsformand/person", "regionsformanden": the chair of an association's regional branch, not of the regional council
  // ("regionsrådsformand"), is no region.
  // "fra hver af Testforeningens 5 Regioner", "foreningens regioner": an association's own regional branches are no region.
  ['region_administration', new RegExp(`(?<!(?:forening|organisation|forbund|selskab)(?:en|et)?s\\s+(?:\\d{1,3}\\s+)?)${B}region(?!s(?:hospital|psykiatri|kommun|ældreråd|formand|forperson|næstformand|næstforperson)|(?:s|ens)\\s+kommun)|${B}sundhedsplanlægning`, 'iu')],
  // "KL" (Kommunernes Landsforening) speaks for the municipalities; upper case only, so "kl. 14" is not it.
  ['municipality', /(?<![\p{L}])KL(?![\p{L}]|\.\s*\d)/u],
];

/**
 * The 98 Danish municipalities by name. A list of them written without "Kommune" ("Klynge Nord: Læsø, Hjørring,
 * Frederikshavn og Brønderslev") names municipalities; only a whole part of a list is compared, so "Aalborg
 * Universitetshospital" stays a hospital.
 */
const MUNICIPALITY_NAMES = new Set(
  `Albertslund Allerød Assens Ballerup Billund Bornholm Brøndby Brønderslev Dragør Egedal Esbjerg Fanø
  Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund Furesø Faaborg-Midtfyn Gentofte Gladsaxe Glostrup
  Greve Gribskov Guldborgsund Haderslev Halsnæs Hedensted Helsingør Herlev Herning Hillerød Hjørring Holbæk
  Holstebro Horsens Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj Jammerbugt Kalundborg Kerteminde Kolding København
  Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk Læsø Mariagerfjord Middelfart Morsø Norddjurs Nordfyn
  Nyborg Næstved Odder Odense Odsherred Randers Rebild Ringkøbing-Skjern Ringsted Roskilde Rudersdal Rødovre
  Samsø Silkeborg Skanderborg Skive Slagelse Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg
  Thisted Tønder Tårnby Vallensbæk Varde Vejen Vejle Vesthimmerland Viborg Vordingborg Ærø Aabenraa
  Aalborg Aarhus`
    .split(/\s+/)
    .map((x) => x.toLowerCase()),
);

export function isMunicipalityName(s: string): boolean {
  return MUNICIPALITY_NAMES.has(s.trim().toLowerCase());
}

/** The sector a phrase names first ("fra hver kommune", "fra hospitalet"), with its position. */
export function firstSector(text: string): { sector: OrganisationKind; index: number } | undefined {
  // "15 medlemmer med bopæl i Køge Kommune", "borgere bosat i kommunen": where members live is no side (blanked, offsets kept).
  const s = text.replace(/(?<![\p{L}])(?:med\s+bopæl|bosat|bosiddende|der\s+bor)\s+i\s+(?:[\p{Lu}][\p{L}-]*\s+)?(?:[Kk]ommunen?|[Rr]egionen?)(?![\p{L}])(?:\s+[\p{Lu}][\p{L}-]*)?/gu, (x) => ' '.repeat(x.length));
  let best: { sector: OrganisationKind; index: number } | undefined;
  for (const [sector, re] of SECTORS) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.index)) best = { sector, index: m.index };
  }
  return best;
}

/**
 * The sector of an organisation as a member list or a "Formand: ..." line names it. An organisation
 * inside a region is named with the region ("Region Hovedstadens Psykiatri", "Aalborg
 * Universitetshospital, Region Nordjylland"): the more specific sector wins over the region.
 */
export function holderSector(s: string): OrganisationKind | undefined {
  const all = allSectors(s);
  return (['psychiatry', 'hospital', 'general_practice', 'municipality', 'region_administration'] as const).find((x) => all.includes(x)) ?? all[0];
}

export function allSectors(s: string): OrganisationKind[] {
  const found = SECTORS.map(([sector, re]) => ({ sector, m: re.exec(s) }))
    .filter((x) => x.m)
    .sort((a, b) => a.m!.index - b.m!.index)
    .map((x) => x.sector);
  return found.filter((x, i) => found.indexOf(x) === i);
}

export function sideOf(sector: OrganisationKind): ChairSide | undefined {
  switch (sector) {
    case 'municipality': return 'municipality';
    case 'hospital': return 'hospital';
    case 'psychiatry': return 'psychiatry';
    case 'general_practice': return 'general_practice';
    case 'region_administration': return 'region';
    default: return undefined;
  }
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
export const DATE = String.raw`(\d{1,2}(?:\.\s*|\s+)(?:${MONTHS.join('|')})\s+\d{4}|\d{1,2}[.\-/]\d{1,2}[.\-/]\d{4}|\d{1,2}\/\d{1,2}\s+\d{4}|\d{4}-\d{2}-\d{2})`;

/** "3. maj 2017" (also "19 marts 2019", no full stop after the day), "03.05.2017", "3-5-2017", "3/5 2017", "2017-05-03" as YYYY-MM-DD. */
export function parseDanishDate(s: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = /^(\d{1,2})(?:\.\s*|\s+)(\p{L}+)\s+(\d{4})$/u.exec(s.trim());
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    if (month > 0) return valid(Number(m[3]), month, Number(m[1]));
  }
  // "20/1 2020": day and month with a slash, the year after a space.
  m = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(s.trim()) ?? /^(\d{1,2})\/(\d{1,2})\s+(\d{4})$/.exec(s.trim());
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
  function valid(y: number, mo: number, d: number): string | undefined {
    const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (mo < 1 || mo > 12 || d < 1 || d > dim[mo - 1]!) return undefined;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
}

/**
 * The key in the catalogue of forum kinds (forum-kind.model.ts; migration 0010) of a kind the
 * importer recognises, where the catalogue has it. Kinds the catalogue does not hold
 * ("kommission", "repræsentantskab") have none: the person picks one when creating a forum.
 * The generic kinds ("...udvalg", "...råd", "bestyrelse") are in genericCatalogueKeys.
 */
const catalogueKeys: Record<string, string> = {
  sundhedskoordinationsudvalg: 'health_coordination_committee',
  sundhedsstyregruppe: 'health_steering_group',
  formandskab: 'chairmanship',
  faelles_sekretariat: 'joint_secretariat',
  temagruppe: 'theme_group',
  sundhedsklynge: 'cluster',
  klyngestyregruppe: 'cluster_steering_group',
  klynge_temagruppe: 'cluster_theme_group',
  fokusgruppe: 'focus_group',
  ad_hoc_gruppe: 'ad_hoc_group',
  sundhedsraad: 'sundhedsraad',
  styregruppe: 'steering_group',
  driftsforum: 'operations_forum',
  kommunalt_laegeligt_udvalg: 'kommunalt_laegeligt_udvalg',
  psykiatriforum: 'psychiatry_forum',
  bilateralt_moede: 'bilateral_meeting',
  // Migration 0018: the kinds documents name outside the catalogue the product first shipped with.
  sundhedssamarbejdsudvalg: 'health_cooperation_committee',
  praksisplanudvalg: 'practice_planning_committee',
  samordningsudvalg: 'coordination_committee',
  arbejdsgruppe: 'working_group',
  foelgegruppe: 'reference_group',
  koordinationsgruppe: 'coordination_group',
  netvaerksgruppe: 'network',
};

/**
 * The catalogue's generic kind for a generic kind word ("Kvalitetsrådet" is a council, "Lægemiddelkomitéen" a
 * komité). Asked only after the forum's name found no narrower kind in the catalogue (a kind a secretariat added,
 * "Udvalg for nære sundhedstilbud", wins over "Udvalg").
 */
const genericCatalogueKeys: Record<string, string> = {
  udvalg: 'committee',
  raad: 'council',
  komite: 'komite',
  panel: 'panel',
  forum: 'forum',
  netvaerk: 'network',
  bestyrelse: 'board',
};

export function genericCatalogueKeyOf(slug: string | undefined): string | undefined {
  return slug ? genericCatalogueKeys[slug] : undefined;
}

export function catalogueKeyOf(slug: string | undefined): string | undefined {
  return slug ? catalogueKeys[slug] : undefined;
}
