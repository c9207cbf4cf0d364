// Samraad on Azure: one resource group per environment (and per region, when several
// regions run separately; see docs/deploy.md). Deployed by `arm/deploy` in teamsapp.yml,
// which writes every output below into env/.env.<env> under the same name; the outputs
// are named exactly like the environment variables they fill (src/config/env-vars.ts).
//
// What it builds: App Service on Linux (Node 20, /healthz health check, N instances),
// PostgreSQL Flexible Server reachable only from the app's virtual network (backups
// with point-in-time restore, optional zone-redundant HA), Key Vault for the secrets
// (read by the app through Key Vault references), Azure Bot with a user-assigned
// managed identity (no bot password to rotate), Log Analytics + Application Insights.

targetScope = 'resourceGroup'

@minLength(3)
@maxLength(20)
@description('Prefix of every resource name, e.g. samraad-dev or samraad-midt.')
param resourceBaseName string

param location string = resourceGroup().location

@description('Entra app of the tab SSO and Graph (written by aadApp/create).')
param aadAppClientId string
param aadAppTenantId string
@secure()
param aadAppClientSecret string

@description('Comma-separated tenant ids allowed to call the API (set by hand in env/.env.<env>).')
param allowedTenantIds string
@description('The Team that holds this region\'s forum channels (set by hand).')
param m365TeamId string = ''
param m365OrganizerMailbox string = ''
param teamsAppId string = ''

@secure()
@description('Shared secret for Graph change notifications (clientState).')
param graphNotificationClientState string

@secure()
param postgresAdminPassword string
param postgresAdminLogin string = 'samraadadmin'
@description('Zone-redundant standby for PostgreSQL (needs a region with availability zones and a General Purpose SKU).')
param postgresHighAvailability bool = false
@description('Geo-redundant backups (restore into the paired region). Can only be chosen when the server is created.')
param postgresGeoRedundantBackup bool = true
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35
param postgresSkuName string = 'Standard_D2ds_v5'
param postgresSkuTier string = 'GeneralPurpose'

@minValue(1)
@maxValue(30)
@description('App Service instances. The job queue, rate limits and schedules live in PostgreSQL, but documents are still kept in a local folder: the server refuses to start with more than one (SAMRAAD_INSTANCES) until they are in SharePoint (docs/deploy.md, "Several instances").')
param appInstanceCount int = 1
param appServiceSku string = 'P1v3'
param appZoneRedundant bool = false
@allowed(['all', 'web'])
@description('all = every instance also runs the job worker; web = run the worker separately (docs/operations.md).')
param samraadRole string = 'all'

@allowed(['F0', 'S1'])
param botSku string = 'S1'

var serverPort = '3978'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { resourceBaseName: resourceBaseName, location: location }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { resourceBaseName: resourceBaseName, location: location }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: { resourceBaseName: resourceBaseName, location: location }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    delegatedSubnetId: network.outputs.postgresSubnetId
    privateDnsZoneId: network.outputs.postgresDnsZoneId
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    highAvailability: postgresHighAvailability
    geoRedundantBackup: postgresGeoRedundantBackup
    backupRetentionDays: postgresBackupRetentionDays
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    readerPrincipalId: identity.outputs.principalId
    databaseUrl: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.outputs.fqdn}:5432/${postgres.outputs.databaseName}?sslmode=require'
    aadAppClientSecret: aadAppClientSecret
    graphNotificationClientState: graphNotificationClientState
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    sku: appServiceSku
    instanceCount: appInstanceCount
    subnetId: network.outputs.appSubnetId
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    // Every variable the server reads in production (src/config/env-vars.ts). Secrets
    // are Key Vault references resolved by App Service with the managed identity.
    appSettings: {
      NODE_ENV: 'production'
      PORT: serverPort
      WEBSITES_PORT: serverPort
      // The server binds to loopback unless told otherwise; App Service forwards to the container's address.
      HOST: '0.0.0.0'
      // App Service's front end is one proxy hop: rate limits and the audit see the client's address.
      TRUST_PROXY: '1'
      SAMRAAD_ROLE: samraadRole
      // The server refuses the local documents folder when more than one process shares the database.
      SAMRAAD_INSTANCES: string(appInstanceCount)
      DATABASE_URL: keyVault.outputs.references['database-url']
      DEV_SIGN_IN: '0'
      AAD_APP_CLIENT_ID: aadAppClientId
      AAD_APP_TENANT_ID: aadAppTenantId
      SECRET_AAD_APP_CLIENT_SECRET: keyVault.outputs.references['aad-app-client-secret']
      ALLOWED_TENANT_IDS: allowedTenantIds
      BOT_ID: identity.outputs.clientId
      BOT_TENANT_ID: tenant().tenantId
      BOT_TYPE: 'UserAssignedMSI'
      GRAPH_MODE: 'tenant'
      M365_TEAM_ID: m365TeamId
      M365_ORGANIZER_MAILBOX: m365OrganizerMailbox
      GRAPH_NOTIFICATION_CLIENT_STATE: keyVault.outputs.references['graph-notification-client-state']
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
      TEAMS_APP_ID: teamsAppId
      LOG_LEVEL: 'info'
    }
    aadAppClientId: aadAppClientId
    zoneRedundant: appZoneRedundant
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    resourceBaseName: resourceBaseName
    sku: botSku
    messagingEndpoint: 'https://${app.outputs.hostName}/api/messages'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenant().tenantId
  }
}

// Outputs: names = the environment variables they fill (arm/deploy writes them to env/.env.<env>).
output NODE_ENV string = 'production'
output PORT string = serverPort
// A Key Vault reference, not the connection string: the password never leaves Key Vault.
output DATABASE_URL string = keyVault.outputs.references['database-url']
output SAMRAAD_INSTANCES string = string(appInstanceCount)
output SAMRAAD_PUBLIC_URL string = 'https://${app.outputs.hostName}'
output TAB_DOMAIN string = app.outputs.hostName
output BOT_ID string = identity.outputs.clientId
output BOT_TENANT_ID string = tenant().tenantId
output BOT_TYPE string = 'UserAssignedMSI'
output GRAPH_MODE string = 'tenant'
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.appInsightsConnectionString
output SAMRAAD_WEB_APP_RESOURCE_ID string = app.outputs.id
output SAMRAAD_KEY_VAULT_NAME string = keyVault.outputs.name
output POSTGRES_SERVER_NAME string = postgres.outputs.name
