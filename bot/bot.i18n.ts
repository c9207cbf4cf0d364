/**
 * The bot's words, Danish first, English when the user's locale is English.
 * Dates are shown in Europe/Copenhagen the Danish way ("6. maj 2020 kl. 14.00").
 */
import { DateTime } from 'luxon';
import type { ReminderKind } from '../src/domain/reminders/reminder.model.js';
import type { AttendanceAnswer } from '../src/domain/meetings/meeting.model.js';
import type { BotLocale } from './bot.ports.js';

export const ZONE = 'Europe/Copenhagen';

/** Danish unless the Teams locale says English. */
export function pickLocale(locale: string | undefined | null): BotLocale {
  return locale && /^en\b/i.test(locale) ? 'en' : 'da';
}

export function formatInstant(iso: string, locale: BotLocale): string {
  const d = DateTime.fromISO(iso, { setZone: true }).setZone(ZONE);
  return locale === 'da' ? d.setLocale('da').toFormat("d. MMMM yyyy 'kl.' HH.mm") : d.setLocale('en-GB').toFormat('d MMMM yyyy, HH:mm');
}

export function formatDate(isoDate: string, locale: BotLocale): string {
  const d = DateTime.fromISO(isoDate, { zone: ZONE });
  return locale === 'da' ? d.setLocale('da').toFormat('d. MMMM yyyy') : d.setLocale('en-GB').toFormat('d MMMM yyyy');
}

export function formatTimeRange(start: string, end: string, locale: BotLocale): string {
  return locale === 'da' ? `kl. ${start.replace(':', '.')} – ${end.replace(':', '.')}` : `${start} – ${end}`;
}

type Texts = {
  open: string;
  attend: string;
  apologies: string;
  substitutePlaceholder: string;
  /** The optional note sent with apologies from a card. */
  apologiesNote: string;
  proposeItem: string;
  itemTitle: string;
  itemDescription: string;
  remark: string;
  remarkPlaceholder: string;
  taskDone: string;
  task: string;
  forum: string;
  when: string;
  where: string;
  online: string;
  deadline: string;
  defaultDeadline: string;
  due: string;
  yourAnswer: string;
  answers: Record<AttendanceAnswer | 'none', string>;
  substitute: (name: string) => string;
  reminderTitle: Record<ReminderKind, string>;
  noNextMeeting: string;
  nextMeetingTitle: string;
  deadlinesTitle: string;
  noDeadlines: string;
  tasksTitle: string;
  noTasks: string;
  taskIsDone: string;
  helpTitle: string;
  helpIntro: string;
  helpCommands: [string, string][];
  unknownCommand: (text: string) => string;
  unknownPerson: string;
  afterDeadline: (date: string) => string;
  notFound: string;
  notAllowed: string;
  invalid: (reason: string) => string;
  itemProposed: (title: string) => string;
  remarkSaved: string;
  missingInput: string;
  error: string;
  cancelled: string;
  /** Notices (something went out): labels of the card and the mail. */
  notice: {
    documents: string;
    agendaDoc: string;
    minutesDoc: string;
    reason: string;
    version: string;
    movedFrom: string;
    approvedHow: { explicit: string; tacit: string };
    viaOutlook: string;
    remarksUntil: string;
    meetingStarts: string;
    handoverOn: string;
    newChair: string;
    /** The member's notice that their Outlook decline is recorded as apologies. */
    declineRecorded: string;
  };
  /** A meeting a secretary made in Outlook under the forum's category: the secretariat's card. */
  outlook: {
    title: (forumName: string, when: string) => string;
    intro: string;
    calendar: string;
    confirm: string;
    reject: string;
    confirmedBy: (name: string) => string;
    rejectedBy: (name: string) => string;
    alreadyConfirmed: (name: string) => string;
    alreadyRejected: (name: string) => string;
    notAllowed: string;
  };
};

const da: Texts = {
  open: 'Åbn i Samraad',
  attend: 'Deltager',
  apologies: 'Meld afbud',
  substitutePlaceholder: 'Stedfortræder (valgfrit)',
  apologiesNote: 'Kommentar til afbud (valgfri; ses af forummet, ikke i den offentlige udgave)',
  proposeItem: 'Foreslå punkt',
  itemTitle: 'Overskrift på punktet',
  itemDescription: 'Kort baggrund (valgfrit)',
  remark: 'Giv bemærkning',
  remarkPlaceholder: 'Din bemærkning til referatet',
  taskDone: 'Opgave løst',
  task: 'Opgave',
  forum: 'Forum',
  when: 'Tidspunkt',
  where: 'Sted',
  online: 'Online',
  deadline: 'Frist',
  /** After a date from a default rule, not the forum's stated terms. */
  defaultDeadline: '(standardfrist)',
  due: 'Frist',
  yourAnswer: 'Dit svar',
  answers: { attending: 'Du deltager', apologies: 'Du har meldt afbud', substitute: 'Du har meldt afbud med stedfortræder', none: 'Du har ikke svaret endnu' },
  substitute: (n) => `Stedfortræder: ${n}`,
  reminderTitle: {
    items_cutoff_soon: 'Fristen for punkter til dagsordenen nærmer sig',
    agenda_due_soon: 'Dagsordenen skal snart udsendes',
    agenda_overdue: 'Dagsordenen er ikke udsendt til tiden',
    agenda_sent: 'Dagsordenen er udsendt',
    meeting_tomorrow_unanswered: 'Mødet er i morgen, og du har ikke svaret',
    minutes_due_soon: 'Referatet skal snart udsendes',
    minutes_overdue: 'Referatet er ikke udsendt til tiden',
    comment_window_open: 'Referatet er sendt til bemærkninger',
    comment_window_closing: 'Fristen for bemærkninger til referatet udløber i morgen',
    comment_window_closed: 'Fristen for bemærkninger er udløbet: udsend det reviderede referat',
    minutes_approved: 'Referatet er godkendt',
    task_due: 'Din opgave har snart frist',
    chair_handover_soon: 'Formandskabet skifter snart',
    evaluation_due: 'Evaluering af samarbejdet skal gennemføres',
    annual_status_due: 'Årlig status skal sendes',
    agenda_changed: 'Dagsordenen er ændret efter udsendelsen',
    minutes_corrected: 'Det godkendte referat rettes',
    meeting_moved: 'Mødet er flyttet',
    meeting_cancelled: 'Mødet er aflyst',
    chair_handover: 'Formandskabet skifter',
    outlook_meeting_created: 'Nyt møde fra Outlook: bekræft eller afvis',
    document_withheld: 'SharePoint har fundet malware i et dokument: det kan ikke hentes, før det er erstattet',
    outlook_decline_recorded: 'Dit afbud i Outlook er registreret i Samraad',
  },
  noNextMeeting: 'Du har ingen kommende møder.',
  nextMeetingTitle: 'Dit næste møde',
  deadlinesTitle: 'Dine frister',
  noDeadlines: 'Du har ingen åbne frister.',
  tasksTitle: 'Dine opgaver',
  noTasks: 'Du har ingen åbne opgaver.',
  taskIsDone: 'Opgaven er markeret som løst',
  helpTitle: 'Samraad kan hjælpe dig med',
  helpIntro: 'Skriv en af disse kommandoer:',
  helpCommands: [
    ['næste møde', 'dit næste møde og dit svar'],
    ['mine frister', 'dine åbne frister'],
    ['mine opgaver', 'dine opgaver fra referaterne'],
    ['hjælp', 'denne hjælp'],
  ],
  unknownCommand: (t) => `Jeg forstod ikke "${t}".`,
  unknownPerson: 'Du er ikke registreret i Samraad. Kontakt forummets sekretariat.',
  afterDeadline: (d) => `Fristen udløb ${d}. Kontakt sekretariatet, hvis du stadig vil ændre noget.`,
  notFound: 'Det findes ikke længere i Samraad.',
  notAllowed: 'Det har du ikke adgang til.',
  invalid: (r) => `Det kunne ikke gemmes: ${r}`,
  itemProposed: (t) => `Dit forslag "${t}" er sendt til sekretariatet.`,
  remarkSaved: 'Din bemærkning er gemt.',
  missingInput: 'Udfyld feltet først.',
  error: 'Noget gik galt. Prøv igen om lidt.',
  cancelled: 'Mødet er aflyst',
  notice: {
    documents: 'Dokumenter',
    agendaDoc: 'Dagsorden (Word)',
    minutesDoc: 'Referat (Word)',
    reason: 'Begrundelse',
    version: 'Version',
    movedFrom: 'Tidligere',
    approvedHow: { explicit: 'Godkendt udtrykkeligt', tacit: 'Godkendt stiltiende (fristen for bemærkninger er udløbet)' },
    viaOutlook: 'Ændret i Outlook',
    remarksUntil: 'Bemærkninger senest',
    meetingStarts: 'Mødet begynder',
    handoverOn: 'Skifter den',
    newChair: 'Nyt formandskab',
    declineRecorded: 'Du har afslået mødeindkaldelsen i Outlook, og det er registreret som afbud i Samraad. En kommentar, du skrev i Outlook, kommer ikke med til Samraad. Vil du give en kommentar til afbuddet (den vises ved dit navn på mødesiden og under Afbud i referatet), så tilføj den på mødet i Samraad.',
  },
  outlook: {
    title: (f, w) => `Nyt møde fra Outlook: ${f} ${w}`,
    intro: 'Mødet blev oprettet i Outlook med forummets kategori. Samraad har oprettet det med frister og påmindelser. Bekræft det, eller afvis det (et afvist møde aflyses).',
    calendar: 'Kalender',
    confirm: 'Bekræft',
    reject: 'Afvis',
    confirmedBy: (n) => `Bekræftet af ${n}`,
    rejectedBy: (n) => `Afvist af ${n}`,
    alreadyConfirmed: (n) => `Mødet er allerede bekræftet af ${n}.`,
    alreadyRejected: (n) => `Mødet er allerede afvist af ${n}.`,
    notAllowed: 'Kun forummets sekretariat kan bekræfte eller afvise et møde oprettet i Outlook.',
  },
};

const en: Texts = {
  open: 'Open in Samraad',
  attend: 'Attending',
  apologies: 'Send apologies',
  substitutePlaceholder: 'Substitute (optional)',
  apologiesNote: 'Note with your apologies (optional; seen by the forum, not in the public version)',
  proposeItem: 'Propose an item',
  itemTitle: 'Title of the item',
  itemDescription: 'Short background (optional)',
  remark: 'Remark on the minutes',
  remarkPlaceholder: 'Your remark on the minutes',
  taskDone: 'Task done',
  task: 'Task',
  forum: 'Forum',
  when: 'When',
  where: 'Where',
  online: 'Online',
  deadline: 'Deadline',
  defaultDeadline: '(default deadline)',
  due: 'Due',
  yourAnswer: 'Your answer',
  answers: { attending: 'You are attending', apologies: 'You sent apologies', substitute: 'You sent apologies with a substitute', none: 'You have not answered yet' },
  substitute: (n) => `Substitute: ${n}`,
  reminderTitle: {
    items_cutoff_soon: 'The cut-off for agenda items is coming',
    agenda_due_soon: 'The agenda is due soon',
    agenda_overdue: 'The agenda is overdue',
    agenda_sent: 'The agenda has been sent',
    meeting_tomorrow_unanswered: 'The meeting is tomorrow and you have not answered',
    minutes_due_soon: 'The minutes are due soon',
    minutes_overdue: 'The minutes are overdue',
    comment_window_open: 'The minutes are out for remarks',
    comment_window_closing: 'Remarks on the minutes close tomorrow',
    comment_window_closed: 'The comment window has closed: send the revised minutes',
    minutes_approved: 'The minutes are approved',
    task_due: 'Your task is due soon',
    chair_handover_soon: 'The chairmanship changes soon',
    evaluation_due: 'The evaluation of the way of working is due',
    annual_status_due: 'The annual status is due',
    agenda_changed: 'The agenda was changed after it was sent',
    minutes_corrected: 'The approved minutes are being corrected',
    meeting_moved: 'The meeting has moved',
    meeting_cancelled: 'The meeting is cancelled',
    outlook_meeting_created: 'New meeting from Outlook: confirm or reject',
    document_withheld: 'SharePoint found malware in a document: it cannot be downloaded until it is replaced',
    chair_handover: 'The chairmanship changes',
    outlook_decline_recorded: 'Your decline in Outlook is recorded as apologies in Samraad',
  },
  noNextMeeting: 'You have no upcoming meetings.',
  nextMeetingTitle: 'Your next meeting',
  deadlinesTitle: 'Your deadlines',
  noDeadlines: 'You have no open deadlines.',
  tasksTitle: 'Your tasks',
  noTasks: 'You have no open tasks.',
  taskIsDone: 'The task is marked as done',
  helpTitle: 'Samraad can help you with',
  helpIntro: 'Type one of these commands:',
  helpCommands: [
    ['next meeting', 'your next meeting and your answer'],
    ['my deadlines', 'your open deadlines'],
    ['my tasks', 'your tasks from the minutes'],
    ['help', 'this help'],
  ],
  unknownCommand: (t) => `I did not understand "${t}".`,
  unknownPerson: 'You are not registered in Samraad. Please contact the forum secretariat.',
  afterDeadline: (d) => `The deadline passed on ${d}. Contact the secretariat if you still need to change something.`,
  notFound: 'That no longer exists in Samraad.',
  notAllowed: 'You do not have access to that.',
  invalid: (r) => `It could not be saved: ${r}`,
  itemProposed: (t) => `Your proposal "${t}" has been sent to the secretariat.`,
  remarkSaved: 'Your remark has been saved.',
  missingInput: 'Please fill in the field first.',
  error: 'Something went wrong. Please try again shortly.',
  cancelled: 'The meeting is cancelled',
  notice: {
    documents: 'Documents',
    agendaDoc: 'Agenda (Word)',
    minutesDoc: 'Minutes (Word)',
    reason: 'Reason',
    version: 'Version',
    movedFrom: 'Previously',
    approvedHow: { explicit: 'Approved explicitly', tacit: 'Approved tacitly (the comment window has closed)' },
    viaOutlook: 'Changed in Outlook',
    remarksUntil: 'Remarks by',
    meetingStarts: 'The meeting starts',
    handoverOn: 'Changes on',
    newChair: 'New chair',
    declineRecorded: 'You declined the meeting invitation in Outlook, and Samraad has recorded it as apologies. A comment you wrote in Outlook does not reach Samraad. To give a note with your apologies (shown beside your name on the meeting page and under Apologies in the minutes), add it on the meeting in Samraad.',
  },
  outlook: {
    title: (f, w) => `New meeting from Outlook: ${f} ${w}`,
    intro: "The meeting was created in Outlook with the forum's category. Samraad has made it a meeting with deadlines and reminders. Confirm it, or reject it (a rejected meeting is cancelled).",
    calendar: 'Calendar',
    confirm: 'Confirm',
    reject: 'Reject',
    confirmedBy: (n) => `Confirmed by ${n}`,
    rejectedBy: (n) => `Rejected by ${n}`,
    alreadyConfirmed: (n) => `The meeting was already confirmed by ${n}.`,
    alreadyRejected: (n) => `The meeting was already rejected by ${n}.`,
    notAllowed: "Only the forum's secretariat confirms or rejects a meeting made in Outlook.",
  },
};

export const texts: Record<BotLocale, Texts> = { da, en };
