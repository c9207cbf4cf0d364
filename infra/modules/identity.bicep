// One user-assigned managed identity: it is the bot's identity (Azure Bot
// msaAppType UserAssignedMSI, so there is no bot password to leak or rotate) and the
// identity App Service uses to resolve Key Vault references.
param resourceBaseName string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
