/**
 * Meetings and tasks as the use cases store them; src/adapters/db/meetings.repository.ts
 * implements it. Use cases ask for `Pick<MeetingsStore, …>` of what they use.
 */
import type { Meeting, Task } from '../../domain/meetings/meeting.model.js';

export interface MeetingsStore {
  getMeeting(id: string): Promise<Meeting | undefined>;
  /** Meetings of some forums (all when `forumIds` is undefined) between two local dates, inclusive. */
  listMeetings(filter?: {
    forumIds?: string[];
    from?: string;
    to?: string;
    /** Also the joint meetings and theme days another forum holds with one of `forumIds` (`jointWithForumId`). */
    withJoint?: boolean;
  }): Promise<Meeting[]>;
  insertMeeting(m: Meeting): Promise<void>;
  /**
   * Writes a changed meeting if nobody changed it since `expectedRevision`
   * (optimistic concurrency); returns false when the revision moved on.
   */
  updateMeeting(m: Meeting, expectedRevision: number): Promise<boolean>;
  /** A forum's defaults for new meetings (place, online). */
  getForumDefaults(forumId: string): Promise<{ location: string | null; online: boolean } | undefined>;
  setForumDefaults(forumId: string, d: { location: string | null; online: boolean }): Promise<void>;
  getTask(id: string): Promise<Task | undefined>;
  listTasks(filter?: {
    forumIds?: string[];
    assigneePersonId?: string;
    status?: Task['status'];
    /** Tasks whose outcome is reported back to this forum. */
    reportToForumId?: string;
    /** Tasks that came out of this meeting. */
    sourceMeetingId?: string;
  }): Promise<Task[]>;
  insertTask(t: Task): Promise<void>;
  updateTask(t: Task): Promise<void>;
}
