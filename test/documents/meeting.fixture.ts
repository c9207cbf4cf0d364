// A realistic 8-item meeting of a cluster steering group, used by the document tests.
import type { AgendaItem, Attendance, Meeting, Minutes, Task } from '../../src/domain/meetings/meeting.model.js';
import type { Forum, Membership, Organisation, Person } from '../../src/domain/registry/registry.model.js';
import type { MeetingDocumentInput } from '../../src/domain/documents/meeting-document.view.js';

export const forum: Forum = {
  id: 'ksg-midt',
  name: 'Klyngestyregruppen for Midtklyngen',
  kind: 'klyngestyregruppe',
  level: 'cluster',
  region: 'Region Midtjylland',
  cluster: 'Midtklyngen',
  status: 'active',
  successorIds: [],
  channelType: 'standard',
  links: [],
};
export const childForum: Forum = { ...forum, id: 'drift-1', name: 'Driftsforum for Ældre', level: 'cluster_operational', parentId: forum.id };

export const organisations: Organisation[] = [
  { id: 'rhv', name: 'Regionshospitalet Viborg', kind: 'hospital' },
  { id: 'viborg', name: 'Viborg Kommune', kind: 'municipality' },
  { id: 'skive', name: 'Skive Kommune', kind: 'municipality' },
  { id: 'plo', name: 'PLO Midtjylland', kind: 'general_practice' },
];

const person = (id: string, name: string, title: string, organisationId: string): Person => ({ id, name, title, organisationId, hasTeams: true });
export const people: Person[] = [
  person('p1', 'Anne Sørensen', 'hospitalsdirektør', 'rhv'),
  person('p2', 'Bjørn Ægidius', 'direktør for sundhed og omsorg', 'viborg'),
  person('p3', 'Cecilie Østergaard', 'sundhedschef', 'skive'),
  person('p4', 'Dorthe Lund', 'praktiserende læge', 'plo'),
  person('p5', 'Erik Holm', 'konsulent', 'rhv'),
  person('p6', 'Frida Dahl', 'chefkonsulent', 'viborg'),
];

const ms = (id: string, personId: string, role: Membership['role'], side?: Membership['side']): Membership => ({
  id, personId, forumId: forum.id, role, side, from: '2019-01-01',
});
export const memberships: Membership[] = [
  ms('m1', 'p1', 'co_chair', 'hospital'),
  ms('m2', 'p2', 'co_chair', 'municipality'),
  ms('m3', 'p3', 'member'),
  ms('m4', 'p4', 'member'),
  ms('m5', 'p5', 'secretary'),
  ms('m6', 'p6', 'member'),
];

export const meeting: Meeting = {
  id: 'mtg-2020-4',
  forumId: forum.id,
  date: '2020-05-06',
  start: '14:00',
  end: '16:00',
  location: 'Regionshospitalet Viborg, mødelokale 3',
  online: false,
  kind: 'ordinary',
  status: 'held',
  sequence: 4,
  revision: 3,
};

export const attendance: Attendance[] = [
  { meetingId: meeting.id, personId: 'p1', answer: 'attending', present: true },
  { meetingId: meeting.id, personId: 'p2', answer: 'attending', present: true },
  { meetingId: meeting.id, personId: 'p3', answer: 'apologies' },
  { meetingId: meeting.id, personId: 'p4', answer: 'substitute', substituteName: 'Gustav Ravn' },
  { meetingId: meeting.id, personId: 'p5', answer: 'attending', present: true },
  { meetingId: meeting.id, personId: 'p6', answer: 'attending', present: false },
];

const titles: Array<[string, AgendaItem['kind'], number]> = [
  ['Velkomst og godkendelse af dagsorden', 'decision', 5],
  ['Status på sundhedsaftalen 2019-2023', 'orientation', 15],
  ['Forløbsprogram for KOL', 'decision', 20],
  ['Samarbejdsaftale om ældre medicinske patienter', 'discussion', 25],
  ['Indikatorer for genindlæggelser', 'decision', 15],
  ['Årsstatus til Sundhedsstyregruppen', 'decision', 20],
  ['Næste møde', 'orientation', 5],
  ['Eventuelt', 'discussion', 10],
];
export const items: AgendaItem[] = titles.map(([title, kind, minutes], i) => ({
  id: `item-${i + 1}`,
  meetingId: meeting.id,
  position: (i + 1) * 10,
  title,
  kind,
  minutes,
  presenters: i === 3 ? ['Anne Sørensen', 'Bjørn Ægidius'] : [people[i % people.length]!.name],
  background: `Baggrund for punkt ${i + 1}.\n\nAnden paragraf med detaljer om ${title.toLowerCase()}.`,
  recommendations: [`At klyngestyregruppen drøfter punkt ${i + 1}`, `At sekretariatet følger op på punkt ${i + 1}`],
  decision: `Beslutning ${i + 1}: klyngestyregruppen tiltrådte indstillingen.`,
  attachments:
    i === 2
      ? [
          { id: 'a1', fileName: 'Forløbsprogram KOL.pdf', contentType: 'application/pdf', size: 1000, pages: 12 },
          { id: 'a2', fileName: 'Økonomi & tal.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 2000 },
        ]
      : i === 5
        ? [{ id: 'a3', fileName: 'Årsstatus 2019.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 3000, pages: 4 }]
        : [],
  fixed: i === 0 ? 'welcome' : i === 6 ? 'next_meeting' : i === 7 ? 'any_other_business' : undefined,
}));

export const tasks: Task[] = [
  {
    id: 't1',
    forumId: forum.id,
    status: 'open',
    title: 'Udarbejde forslag til fælles indikatorer',
    description: '',
    assigneeForumId: childForum.id,
    dueOn: '2020-09-01',
    reportToForumId: forum.id,
    sourceMeetingId: meeting.id,
    sourceItemId: 'item-5',
  },
];

export const minutes: Minutes = {
  meetingId: meeting.id,
  status: 'approved',
  version: 2,
  sentAt: '2020-05-12T08:00:00Z',
  approvedAt: '2020-05-19T22:00:00Z',
  approvedHow: 'tacit',
};

export function minutesInput(overrides: Partial<MeetingDocumentInput> = {}): MeetingDocumentInput {
  return {
    kind: 'minutes',
    language: 'da',
    forum,
    meeting,
    items,
    attendance,
    people,
    organisations,
    memberships,
    forums: [childForum],
    minutes,
    tasks,
    minuteTaker: { personId: 'p5' },
    chairOfMeeting: { personId: 'p1' },
    ...overrides,
  };
}
