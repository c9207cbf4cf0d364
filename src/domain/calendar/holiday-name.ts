/**
 * A holiday's name inside a Danish sentence: in lower case, but Kristi (a name) keeps its capital
 * ('Kristi himmelfartsdag'). On its own (no holiday library imported) so the tab can use it too.
 */
export function danishHolidayInSentence(name: string): string {
  return name.toLocaleLowerCase('da').replace(/^kristi\b/u, 'Kristi');
}
