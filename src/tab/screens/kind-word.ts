/**
 * The word a person reads for a forum kind the importer found but the catalogue does not have ("raad" is
 * "råd"): the importer's kind slugs (src/domain/terms-import/terms-import.lexicon.ts) spell æ, ø and å as
 * ae, oe and aa, and a space as an underscore.
 */
export function kindWord(slug: string): string {
  return slug.replace(/_/g, ' ').replace(/aa/g, 'å').replace(/ae/g, 'æ').replace(/oe/g, 'ø');
}
