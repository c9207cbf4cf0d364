/**
 * The transition preview tells every consequence the server lists: the reminders that
 * stop are those of the cancelled meetings AND of the tasks that close
 * (TransitionPreviewResponse.remindersStopped.taskIds), which a hand-copied response
 * type once left out (issue 12).
 */
import { describe, expect, it } from '@jest/globals';
import { transitionsDa, transitionsEn } from './i18n.transitions.js';
import type { TransitionPreviewResponse } from '../contracts/transitions.contract.js';

const stopped = (meetingIds: string[], taskIds: string[]): TransitionPreviewResponse['remindersStopped'] => ({ meetingIds, taskIds });
const say = (t: typeof transitionsDa, r: TransitionPreviewResponse['remindersStopped']) => t.remindersStopped(r.meetingIds.length, r.taskIds.length);

describe('the reminders a transition stops', () => {
  it('names the closing tasks beside the cancelled meetings, in Danish and English', () => {
    const r = stopped(['m1', 'm2'], ['t1', 't2', 't3']);
    expect(say(transitionsDa, r)).toBe('Påmindelser stoppes for 2 møder og 3 opgaver, der lukkes');
    expect(say(transitionsEn, r)).toBe('Reminders stop for 2 meetings and 3 tasks that close');
  });

  it('says only the meetings when no task closes', () => {
    expect(say(transitionsDa, stopped(['m1'], []))).toBe('Påmindelser stoppes for 1 møder');
  });
});
