/** Texts of the meeting's Outlook side (join link, a meeting made in Outlook). Danish first. */
export const outlookTexts = {
  da: {
    join: 'Deltag i Teams-mødet',
    pending: (mailbox: string) => `Mødet er oprettet i Outlook (kalenderen ${mailbox}) med forummets kategori. Sekretariatet skal bekræfte eller afvise det.`,
    confirm: 'Bekræft mødet',
    reject: 'Afvis og aflys mødet',
    confirmed: 'Oprettet i Outlook og bekræftet af sekretariatet.',
    rejected: 'Oprettet i Outlook og afvist af sekretariatet.',
  },
  en: {
    join: 'Join the Teams meeting',
    pending: (mailbox: string) => `The meeting was created in Outlook (calendar ${mailbox}) with the forum's category. The secretariat must confirm or reject it.`,
    confirm: 'Confirm the meeting',
    reject: 'Reject and cancel the meeting',
    confirmed: 'Created in Outlook and confirmed by the secretariat.',
    rejected: 'Created in Outlook and rejected by the secretariat.',
  },
};
