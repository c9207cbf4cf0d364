/** Texts of the region's closed days (shown under the årshjul). Danish first; the English object has the same shape. */
const da = {
  title: (region: string, year: number) => `Lukkedage i ${region} ${year}`,
  intro: 'Ud over weekender og helligdage holder regionen lukket disse dage. Frister, der falder på en lukkedag, flyttes.',
  none: 'Ingen ekstra lukkedage i året.',
  date: 'Dato',
  label: 'Betegnelse',
  defaultLabel: 'Juleugen',
  add: 'Tilføj lukkedag',
  remove: (date: string) => `Fjern lukkedagen ${date}`,
  removeShort: 'Fjern',
  added: (date: string) => `${date} er nu lukkedag. Fristerne er flyttet.`,
  removed: (date: string) => `${date} er ikke længere lukkedag.`,
  editHint: 'Som regionens sekretariat kan du tilføje og fjerne lukkedage.',
};
const en: typeof da = {
  title: (region, year) => `Closed days in ${region} ${year}`,
  intro: 'Besides weekends and public holidays the region is closed on these days. Deadlines that fall on a closed day move.',
  none: 'No extra closed days this year.',
  date: 'Date',
  label: 'Label',
  defaultLabel: 'Juleugen',
  add: 'Add closed day',
  remove: (date) => `Remove the closed day ${date}`,
  removeShort: 'Remove',
  added: (date) => `${date} is now a closed day. Deadlines have moved.`,
  removed: (date) => `${date} is no longer a closed day.`,
  editHint: "As the region's secretariat you can add and remove closed days.",
};
export const closedDaysTexts = { da, en };
