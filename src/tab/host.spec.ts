import { describe, it, expect } from '@jest/globals';
import { HostName } from '@microsoft/teams-js';
import { detectHost, meetingSurface, samraadMeetingId } from './host.js';
import { FrameContexts } from '@microsoft/teams-js';

describe('detectHost', () => {
  it('maps every teams-js host name', () => {
    const kinds = Object.fromEntries(Object.values(HostName).map((name) => [name, detectHost({ app: { host: { name } } }).kind]));
    expect(kinds).toEqual({
      Office: 'microsoft365',
      Outlook: 'outlook',
      OutlookWin32: 'outlook',
      Orange: 'microsoft365',
      Places: 'microsoft365',
      Teams: 'teams',
      TeamsModern: 'teams',
    });
  });

  it('is a browser without a context (app.initialize failed or timed out)', () => {
    expect(detectHost(undefined)).toEqual({ kind: 'browser', canOpenTeamsChannels: false, hasSso: false });
    expect(detectHost({ app: { host: {} } }).kind).toBe('browser');
  });

  it('only Teams can open channels; every Microsoft host has SSO', () => {
    expect(detectHost({ app: { host: { name: 'Teams' } } })).toMatchObject({ canOpenTeamsChannels: true, hasSso: true, hostName: 'Teams' });
    expect(detectHost({ app: { host: { name: 'Outlook' } } })).toMatchObject({ canOpenTeamsChannels: false, hasSso: true });
  });
});

describe('meeting surfaces', () => {
  it('the side panel and the stage are meeting surfaces; every other teams-js frame context is not', () => {
    expect(meetingSurface(FrameContexts.sidePanel)).toBe('sidePanel');
    expect(meetingSurface(FrameContexts.meetingStage)).toBe('meetingStage');
    for (const other of [FrameContexts.content, FrameContexts.settings, FrameContexts.remove, FrameContexts.task, undefined]) expect(meetingSurface(other)).toBeNull();
  });

  it('finds the Samraad meeting in the saved tab URL, else in the sub-entity id', () => {
    expect(samraadMeetingId('#/meetings/mtg-midt-ksg-2027-1', undefined)).toBe('mtg-midt-ksg-2027-1');
    expect(samraadMeetingId('#/meetings/a%20b?x=1', 'meeting:other')).toBe('a b');
    expect(samraadMeetingId('', 'meeting:mtg-1')).toBe('mtg-1');
    expect(samraadMeetingId('#/forums/midt-ksg', 'midt-ksg')).toBeNull();
  });
});
