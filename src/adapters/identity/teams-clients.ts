/**
 * The Microsoft client applications that may request our tab's SSO token. They are
 * pre-authorised on the `access_as_user` scope in aad.manifest.json and the only
 * values accepted in a token's `azp` (v2) / `appid` (v1) claim. Ids from
 * "Enable SSO for tab app" (learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad).
 */
export const preAuthorizedClients = [
  { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Teams desktop and mobile' },
  { id: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', name: 'Teams web' },
  { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'Microsoft 365 web' },
  { id: '0ec893e0-5785-4de6-99da-4ed124e5296c', name: 'Microsoft 365 desktop' },
  { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', name: 'Microsoft 365 mobile and Outlook desktop' },
  { id: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3', name: 'Outlook web' },
  { id: '27922004-5251-4030-b22d-91ecd9a37ea4', name: 'Outlook mobile' },
] as const;

export const preAuthorizedClientIds: readonly string[] = preAuthorizedClients.map((c) => c.id);
