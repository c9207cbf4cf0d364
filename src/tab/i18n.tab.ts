/**
 * Texts of the tab's shell and lists added for issue 13: the error boundary of each
 * screen, meeting kinds and states as first-class labels, how late a duty is, and why
 * "Send dagsorden" waits. Danish first; the English object has the same shape.
 */

export const tabDa = {
  screenError: 'Siden kunne ikke vises',
  screenErrorBody: 'Der skete en fejl, da siden skulle vises. Dine data er ikke ændret. Prøv igen, eller vælg en anden side.',
  retry: 'Prøv igen',
  technical: 'Teknisk besked',
  meetingKinds: { ordinary: 'Ordinært møde', extraordinary: 'Ekstraordinært møde', theme_day: 'Temadag', joint: 'Fællesmøde' } as Record<string, string>,
  meetingStatus: { planned: 'Planlagt', held: 'Afholdt', cancelled: 'Aflyst' } as Record<string, string>,
  /** A theme day or joint meeting has no deadlines of its own: the partner forum runs it. */
  noOwnDeadlines: 'Ingen egne frister',
  noOwnDeadlinesWhy: (kind: string) => `${kind}: ingen frister for dette forum (mødet planlægges af det fælles forum)`,
  cancelledNoDeadlines: 'Aflyst: ingen frister',
  jointWith: (name: string) => `sammen med ${name}`,
  kindCol: 'Type',
  overdueBy: (days: number) => (days === 1 ? 'overskredet med 1 dag' : `overskredet med ${days} dage`),
  overdueToday: 'overskredet i dag',
  dueInDays: (days: number) => (days === 0 ? 'i dag' : days === 1 ? 'i morgen' : `om ${days} dage`),
  done: 'udført',
  sendWaitsForApproval: 'Dagsordenen kan sendes, når formandskabet har godkendt den.',
  sendWaitsForApprovalShort: 'Afventer formandskabets godkendelse',
  sendWaitsForItems: 'Dagsordenen kan sendes, når den har mindst ét punkt ud over standardpunkterne.',
  personalDataKinds: { cpr: 'CPR-nummer', phone: 'telefonnummer', person_hint: 'mulig personoplysning' } as Record<string, string>,
  standardItem: 'Standardpunkt',
  standardItemsNote: 'Velkomst, Eventuelt og Næste møde er standardpunkter og kommer med på dagsordenen af sig selv.',
};

export const tabEn: typeof tabDa = {
  screenError: 'This page could not be shown',
  screenErrorBody: 'Something went wrong while showing the page. Your data has not changed. Try again, or choose another page.',
  retry: 'Try again',
  technical: 'Technical message',
  meetingKinds: { ordinary: 'Ordinary meeting', extraordinary: 'Extraordinary meeting', theme_day: 'Theme day', joint: 'Joint meeting' },
  meetingStatus: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' },
  noOwnDeadlines: 'No deadlines of its own',
  noOwnDeadlinesWhy: (kind) => `${kind}: no deadlines for this forum (the joint forum plans the meeting)`,
  cancelledNoDeadlines: 'Cancelled: no deadlines',
  jointWith: (name) => `with ${name}`,
  kindCol: 'Kind',
  overdueBy: (days) => (days === 1 ? '1 day overdue' : `${days} days overdue`),
  overdueToday: 'overdue today',
  dueInDays: (days) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
  done: 'done',
  sendWaitsForApproval: 'The agenda can be sent once the chair has approved it.',
  sendWaitsForApprovalShort: 'Waiting for the chair\'s approval',
  sendWaitsForItems: 'The agenda can be sent once it has at least one item besides the standard items.',
  personalDataKinds: { cpr: 'CPR number', phone: 'phone number', person_hint: 'possible personal data' },
  standardItem: 'Standard item',
  standardItemsNote: 'Welcome, Any other business and Next meeting are standard items and are put on the agenda by themselves.',
};
