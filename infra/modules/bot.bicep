// Azure Bot registration. Its identity is the user-assigned managed identity
// (msaAppType UserAssignedMSI): the server authenticates to the Bot Framework with
// that identity, so there is no bot secret. Teams channel, plus the Microsoft 365
// channel so the bot works in Outlook and the Microsoft 365 app.
param resourceBaseName string
param sku string
param messagingEndpoint string
param identityId string
param identityClientId string
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: 'Samraad'
    endpoint: messagingEndpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

resource m365 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'M365Extensions'
  location: 'global'
  properties: { channelName: 'M365Extensions' }
}

output name string = bot.name
