import { describe, it, expect } from '@jest/globals';
import { HostName } from '@microsoft/teams-js';
import { detectHost } from './host.js';

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
