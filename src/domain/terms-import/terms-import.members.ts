/**
 * Members named one by one in running text: "Udvalget består af 11 medlemmer: Borgmester A, X Kommune, læge B, formand
 * for praksisudvalget, regionsrådsmedlem C (udvalgets formand), ..." or a photo caption "Fra venstre mod højre: A (V),
 * borgmester Hjørring, B (V), regionsrådsformand og formand for Sundhedssamarbejdsudvalget, ...". Each person is a name
 * (with a title before it, or a party letter after it); the parts after the name until the next person (title,
 * organisation) tell whom that person sits for. The seats are the persons counted per side.
 */
import type { OrganisationKind } from '../registry/registry.model.js';
import { B, E, holderSector, isMunicipalityName } from './terms-import.lexicon.js';
import type { SeatDraft } from './terms-import.model.js';

/** Seats counted from a list of named persons: they state the sides' counts, so uncounted seats of those sides add nothing. */
export const namedListSeats = new WeakSet<SeatDraft>();
/** Seats of a list of sides without counts ("skal bestå af repræsentanter fra kommuner, sygehuse samt almen praksis"). */
export const sideListSeats = new WeakSet<SeatDraft>();

// A person's title before their name: "Borgmester", "byrådsmedlem", "regionsrådsmedlem", "læge", "rådmand".
const TITLE = /^(?:[\p{Ll}][\p{L}-]*|Borgmester|Byrådsmedlem|Regionsrådsmedlem|Rådmand|Læge|Overlæge|Direktør|Kommunaldirektør)$/u;
const NAME_WORD = /^[\p{Lu}][\p{Ll}']+(?:-[\p{L}][\p{Ll}']+)*$/u;
const LEAD = /(?:(?:består|bestående)\s+af\s+(?:\d{1,3}|\p{L}+)\s+medlemmer|fra\s+venstre(?:\s+mod\s+højre)?)\s*:\s*/iu;

type Person = { text: string; start: number; end: number };

function personStart(part: string): boolean {
  const bare = part.replace(/\s*\([^)]*\)/g, '').trim();
  const words = bare.split(/\s+/);
  const title = words.length >= 3 && TITLE.test(words[0]!) ? 1 : 0;
  const name = words.slice(title);
  if (name.length < 2 || name.length > 4 || !name.every((w) => NAME_WORD.test(w))) return false;
  // "Brønderslev Kommune", "Region Nordjylland", "Aalborg Universitetshospital": an organisation, not a person.
  const joined = name.join(' ');
  return !holderSector(joined) && !name.some((w) => isMunicipalityName(w)) && !/^(?:Region|Sundhed|Kultur)$/u.test(name[0]!);
}

/** The side a person named with their title and organisation sits for. */
export function personSector(text: string): OrganisationKind | undefined {
  if (new RegExp(`${B}(?:borgmester|borgmestre(?:ne)?|rådmand|rådmænd(?:ene)?|byrådsmedlem(?:mer)?|kommunalbestyrelsesmedlem|byrådet|kommunaldirektør(?:en|er|erne)?)${E}`, 'iu').test(text)) return 'municipality';
  if (new RegExp(`${B}regionsråd\\p{L}*`, 'iu').test(text)) return 'region_administration';
  if (new RegExp(`${B}(?:læge|praktiserende\\s+læge)${E}|${B}PLO|lægevagt`, 'u').test(text)) return 'general_practice';
  const sector = holderSector(text.replace(/\s*\([^)]*\)/g, ''));
  if (sector) return sector;
  return text.split(/[\s,]+/).some((w) => isMunicipalityName(w)) ? 'municipality' : undefined;
}

/**
 * The persons of a sentence that lists members by name after "består af N medlemmer:" or "Fra venstre mod højre:", each
 * with the text that describes them; undefined when the sentence is no such list or names fewer than three persons.
 */
export function namedPersons(s: string): { persons: Person[]; listStart: number } | undefined {
  const lead = LEAD.exec(s);
  if (!lead) return undefined;
  const listStart = lead.index + lead[0].length;
  const body = s.slice(listStart).replace(/\.\s*$/, '');
  const parts: { text: string; start: number }[] = [];
  for (const m of body.matchAll(/[^,]+/g)) {
    // "regionsrådsmedlem A og regionsrådsmedlem B", "formand PLO-Nordjylland og Dinah Vang": "og" may join two persons.
    let from = 0;
    for (const og of m[0].matchAll(/\s+og\s+/g)) {
      const right = m[0].slice(og.index + og[0].length).trim();
      if (personStart(right)) {
        parts.push({ text: m[0].slice(from, og.index), start: m.index + from });
        from = og.index + og[0].length;
      }
    }
    parts.push({ text: m[0].slice(from), start: m.index + from });
  }
  const persons: Person[] = [];
  for (const p of parts) {
    const text = p.text.trim();
    if (!text) continue;
    const start = listStart + p.start + (p.text.length - p.text.trimStart().length);
    if (personStart(text)) persons.push({ text, start, end: start + text.length });
    else if (persons.length) {
      const last = persons[persons.length - 1]!;
      last.text = `${last.text}, ${text}`;
      last.end = start + text.length;
    } else return undefined;
  }
  return persons.length >= 3 ? { persons, listStart } : undefined;
}

/** The counted seats of a named members list, one per side in order of appearance; undefined when a person's side is unknown. */
export function namedListSeatCounts(persons: Person[]): { sector: OrganisationKind; count: number; start: number; end: number }[] | undefined {
  const out: { sector: OrganisationKind; count: number; start: number; end: number }[] = [];
  for (const p of persons) {
    const sector = personSector(p.text);
    if (!sector) return undefined;
    const seat = out.find((x) => x.sector === sector);
    if (seat) {
      seat.count++;
      seat.end = p.end;
    } else out.push({ sector, count: 1, start: p.start, end: p.end });
  }
  return out;
}
