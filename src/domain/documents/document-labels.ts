/** The words printed in agendas and minutes, Danish first, English for non-Danish readers. */
import type { ItemKind } from '../meetings/meeting.model.js';
import type { ChairSide, MembershipRole } from '../registry/registry.model.js';
import type { DocumentLanguage } from './danish-format.js';

export type DocumentLabels = {
  agenda: string;
  minutes: string;
  subject: string;
  participants: string;
  apologies: string;
  date: string;
  time: string;
  place: string;
  minuteTaker: string;
  chairOfMeeting: string;
  online: string;
  items: string;
  presenter: string;
  presenters: string;
  background: string;
  recommendation: string;
  minutesOfItem: string;
  decisionOfItem: string;
  tasks: string;
  task: string;
  assignee: string;
  due: string;
  reportTo: string;
  attachments: string;
  attachment: string;
  pages: (n: number) => string;
  durationMinutes: (n: number) => string;
  meetingNumber: (n: number, forumName: string) => string;
  meetingOf: (forumName: string) => string;
  substituteFor: (name: string) => string;
  substitutedBy: (name: string) => string;
  kind: Record<ItemKind, string>;
  none: string;
  status: {
    draft: string;
    sent_for_remarks: (date: string) => string;
    revised: string;
    approved: (date: string) => string;
    published: (date: string) => string;
    version: (n: number) => string;
  };
  role: (role: MembershipRole, side?: ChairSide) => string | undefined;
  cancelled: string;
  /** A meeting recorded afterwards as history (its dates as entered). */
  historical: string;
};

const da: DocumentLabels = {
  agenda: 'Dagsorden',
  minutes: 'Referat',
  subject: 'Emne',
  participants: 'Deltagere',
  apologies: 'Afbud',
  date: 'Mødedato',
  time: 'Tidspunkt',
  place: 'Sted',
  minuteTaker: 'Referent',
  chairOfMeeting: 'Ordstyrer',
  online: 'Online (Teams)',
  items: 'Dagsordenspunkter',
  presenter: 'Oplæg ved',
  presenters: 'Oplæg ved',
  background: 'Baggrund',
  recommendation: 'Det indstilles:',
  minutesOfItem: 'Referat',
  decisionOfItem: 'Beslutning',
  tasks: 'Opgaver',
  task: 'Opgave',
  assignee: 'Ansvarlig',
  due: 'Frist',
  reportTo: 'Afrapporteres til',
  attachments: 'Bilag',
  attachment: 'Bilag',
  pages: (n) => (n === 1 ? '1 side' : `${n} sider`),
  durationMinutes: (n) => `${n} min.`,
  meetingNumber: (n, f) => `${n}. møde i ${f}`,
  meetingOf: (f) => `Møde i ${f}`,
  substituteFor: (n) => `stedfortræder for ${n}`,
  substitutedBy: (n) => `stedfortræder: ${n}`,
  kind: { decision: 'Til beslutning', discussion: 'Til drøftelse', orientation: 'Til orientering' },
  none: '–',
  status: {
    draft: 'Udkast',
    sent_for_remarks: (d) => `Sendt til bemærkninger ${d}`,
    revised: 'Revideret efter bemærkninger',
    approved: (d) => `Godkendt ${d}`,
    published: (d) => `Godkendt og offentliggjort ${d}`,
    version: (n) => `version ${n}`,
  },
  role: (role, side) => {
    if (role === 'co_chair') {
      if (side === 'municipality') return 'kommunal medformand';
      if (side === 'general_practice') return 'medformand for almen praksis';
      if (side === 'psychiatry') return 'medformand for psykiatrien';
      return 'regional medformand';
    }
    return { chair: 'formand', secretary: 'sekretariat', substitute: 'stedfortræder', ad_hoc: 'ad hoc-deltager', observer: 'observatør', member: undefined }[role];
  },
  cancelled: 'Aflyst',
  historical: 'Registreret efterfølgende som historik',
};

const en: DocumentLabels = {
  agenda: 'Agenda',
  minutes: 'Minutes',
  subject: 'Subject',
  participants: 'Participants',
  apologies: 'Apologies',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  minuteTaker: 'Minutes taken by',
  chairOfMeeting: 'Chair of the meeting',
  online: 'Online (Teams)',
  items: 'Agenda items',
  presenter: 'Presented by',
  presenters: 'Presented by',
  background: 'Background',
  recommendation: 'It is recommended:',
  minutesOfItem: 'Minutes',
  decisionOfItem: 'Decision',
  tasks: 'Tasks',
  task: 'Task',
  assignee: 'Responsible',
  due: 'Due',
  reportTo: 'Report to',
  attachments: 'Attachments',
  attachment: 'Attachment',
  pages: (n) => (n === 1 ? '1 page' : `${n} pages`),
  durationMinutes: (n) => `${n} min`,
  meetingNumber: (n, f) => `Meeting no. ${n} of ${f}`,
  meetingOf: (f) => `Meeting of ${f}`,
  substituteFor: (n) => `substitute for ${n}`,
  substitutedBy: (n) => `substitute: ${n}`,
  kind: { decision: 'For decision', discussion: 'For discussion', orientation: 'For information' },
  none: '–',
  status: {
    draft: 'Draft',
    sent_for_remarks: (d) => `Sent for remarks ${d}`,
    revised: 'Revised after remarks',
    approved: (d) => `Approved ${d}`,
    published: (d) => `Approved and published ${d}`,
    version: (n) => `version ${n}`,
  },
  role: (role, side) => {
    if (role === 'co_chair') {
      if (side === 'municipality') return 'municipal co-chair';
      if (side === 'general_practice') return 'co-chair for general practice';
      if (side === 'psychiatry') return 'co-chair for psychiatry';
      return 'regional co-chair';
    }
    return { chair: 'chair', secretary: 'secretariat', substitute: 'substitute', ad_hoc: 'ad hoc participant', observer: 'observer', member: undefined }[role];
  },
  cancelled: 'Cancelled',
  historical: 'Recorded afterwards as history',
};

export function documentLabels(language: DocumentLanguage): DocumentLabels {
  return language === 'da' ? da : en;
}
