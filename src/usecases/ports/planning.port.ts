/**
 * What the planning use cases (meetings, deadlines, rotation, årshjul) need from
 * storage: the unit of work of the registry plus the meetings store, and a way to
 * load everything one forum's year depends on. The database adapter implements
 * them in src/adapters/db/planning.unit-of-work.ts.
 */
import type { MeetingsStore } from './meetings.port.js';
import type { RegistrySnapshot, YearOfDutiesPort } from '../year-of-duties.usecase.js';
import type { UnitOfWork } from './store.port.js';

/** The planning use cases' part of the meetings port. */
export type MeetingStore = Pick<MeetingsStore, 'getMeeting' | 'listMeetings' | 'insertMeeting' | 'updateMeeting' | 'listTasks' | 'getForumDefaults' | 'setForumDefaults'>;

export type PlanningUnitOfWork = UnitOfWork & {
  meetings: MeetingStore;
  /** Serialises plan changes of one forum until the transaction ends (two accepts at once must not both insert). */
  lockForumPlan(forumId: string): Promise<void>;
  /** Loads one forum's year (forum, terms, related forums, memberships, meetings, tasks). */
  years: YearOfDutiesPort & {
    /** Every list a region-wide view needs, with the meetings of one year. */
    snapshot(year: number): Promise<RegistrySnapshot>;
  };
};

export type PlanningTransact = <T>(fn: (uow: PlanningUnitOfWork) => Promise<T>) => Promise<T>;
