/**
 * An agenda item's title as shown (in the tab, and in the agenda and minutes as
 * Word, PDF and HTML). The standard items (welcome, next meeting, any
 * other business) are stored with their Danish title; in English they are shown by
 * their key (`fixed`), never by matching the text. A standard item whose title the
 * secretariat changed keeps what was written, after the English name.
 */
import type { AgendaItem } from './meeting.model.js';

type Fixed = NonNullable<AgendaItem['fixed']>;
type Lang = 'da' | 'en';

/**
 * The ways secretariats write a standard item (the server's own title first, lower case): shown as the plain English name (a standard item whose
 * title says more, e.g. "Næste møde: 15. juni i Viborg", keeps it after the name).
 */
const sameMeaning: Record<Fixed, string[]> = {
  welcome: ['velkommen', 'velkomst', 'velkomst og præsentation', 'velkommen og præsentation'],
  next_meeting: ['næste møde', 'næste mødedato', 'kommende møder', 'kommende møde'],
  any_other_business: ['eventuelt', 'evt.', 'evt'],
};

/** The titles the server gives the standard items (src/usecases/meetings/agenda.usecase.ts takes them from here) and their English names. */
export const standardItemTitles: Record<Fixed, { da: string; en: string }> = {
  welcome: { da: 'Velkommen', en: 'Welcome' },
  next_meeting: { da: 'Næste møde', en: 'Next meeting' },
  any_other_business: { da: 'Eventuelt', en: 'Any other business' },
};

export function itemTitle(item: { title: string; fixed?: string | null | undefined }, lang: Lang): string {
  const std = item.fixed ? standardItemTitles[item.fixed as Fixed] : undefined;
  if (!std || lang !== 'en') return item.title;
  const said = item.title.trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');
  return sameMeaning[item.fixed as Fixed].includes(said) ? std.en : `${std.en} (${item.title})`;
}
