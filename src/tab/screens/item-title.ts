/**
 * An agenda item's title as shown. The standard items (welcome, next meeting, any
 * other business) are stored with their Danish title; in English they are shown by
 * their key (`fixed`), never by matching the text. A standard item whose title the
 * secretariat changed keeps what was written, after the English name.
 */
import type { Lang } from '../i18n.js';

type Fixed = 'welcome' | 'next_meeting' | 'any_other_business';

/** The titles the server gives the standard items (src/usecases/meetings/agenda.usecase.ts) and their English names. */
export const standardItemTitles: Record<Fixed, { da: string; en: string }> = {
  welcome: { da: 'Velkommen', en: 'Welcome' },
  next_meeting: { da: 'Næste møde', en: 'Next meeting' },
  any_other_business: { da: 'Eventuelt', en: 'Any other business' },
};

export function itemTitle(item: { title: string; fixed?: string | null | undefined }, lang: Lang): string {
  const std = item.fixed ? standardItemTitles[item.fixed as Fixed] : undefined;
  if (!std || lang !== 'en') return item.title;
  return item.title.trim() === std.da ? std.en : `${std.en} (${item.title})`;
}
