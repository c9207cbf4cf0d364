/**
 * The forum kind a document names, found in the catalogue of forum kinds (issue 15:
 * kinds are data). The importer's lexicon knows the kinds the product ships with; a
 * kind a secretariat added through the API is known only by its catalogue names. A
 * forum named "Praksisplanudvalget for Region Midtjylland" is of the catalogue kind
 * named "Praksisplanudvalg"; "Arbejdsgruppen for nærsundhedsplanen" of the kind
 * "Arbejdsgruppe for nærsundhedsplan".
 *
 * The kind's name must appear word for word, in order, each word allowed a Danish
 * inflection ending (the definite -en/-et/-ne, plural -er/-erne/-ene). The longest
 * matching name wins, so a narrow kind beats a broad one ("Klynge-temagruppe" over
 * "Temagruppe"). Nothing is guessed: no match gives undefined.
 */
export type CatalogueKindName = { key: string; nameDa: string; nameEn?: string };

const endings = new Set(['', 'en', 'et', 'n', 't', 'ne', 'er', 'r', 'erne', 'ene', 'rne', 's', 'ens', 'ets', 'ernes']);

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function matchesAt(forum: string[], at: number, kind: string[]): boolean {
  return kind.every((k, j) => {
    const w = forum[at + j];
    return w !== undefined && w.startsWith(k) && endings.has(w.slice(k.length));
  });
}

function nameIn(forumWords: string[], name: string): number {
  const kw = words(name);
  if (!kw.length) return 0;
  for (let i = 0; i + kw.length <= forumWords.length; i++) if (matchesAt(forumWords, i, kw)) return kw.join(' ').length;
  return 0;
}

/** The catalogue key of the kind named in `forumName` (Danish or English catalogue name), or undefined. */
export function catalogueKindByName(forumName: string | undefined, kinds: readonly CatalogueKindName[]): string | undefined {
  if (!forumName) return undefined;
  const fw = words(forumName);
  let best: { key: string; length: number } | undefined;
  for (const k of kinds) {
    const length = Math.max(nameIn(fw, k.nameDa), k.nameEn ? nameIn(fw, k.nameEn) : 0);
    if (length > 0 && (!best || length > best.length)) best = { key: k.key, length };
  }
  return best?.key;
}
