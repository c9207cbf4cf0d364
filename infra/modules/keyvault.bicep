// Key Vault holding every secret the server needs. App Service reads them through
// Key Vault references (@Microsoft.KeyVault(...)) with the user-assigned identity, so
// no secret value is an app setting, an output, or in env/.env.<env>.
param resourceBaseName string
param location string
param readerPrincipalId string
@secure()
param databaseUrl string
@secure()
param aadAppClientSecret string
@secure()
param graphNotificationClientState string

// Built-in role "Key Vault Secrets User".
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${resourceBaseName}-kv'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource dbSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: { value: databaseUrl }
}

resource aadSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'aad-app-client-secret'
  properties: { value: aadAppClientSecret }
}

resource clientStateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'graph-notification-client-state'
  properties: { value: graphNotificationClientState }
}

resource readerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Versionless references: App Service picks up a rotated secret within a day (or on restart).
output references object = {
  'database-url': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${dbSecret.name})'
  'aad-app-client-secret': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${aadSecret.name})'
  'graph-notification-client-state': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${clientStateSecret.name})'
}
