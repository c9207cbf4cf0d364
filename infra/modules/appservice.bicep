// App Service on Linux running the Samraad server (Node 20): the tab, the REST API,
// /api/messages for the bot and, with SAMRAAD_ROLE=all, the job worker. Several
// instances are safe because the queue (pg-boss) and all state live in PostgreSQL.
// App Service takes an instance that fails /healthz out of the load balancer.
param resourceBaseName string
param location string
param sku string
param instanceCount int
param subnetId string
param identityId string
param identityClientId string
param logAnalyticsWorkspaceId string
param appSettings object
param aadAppClientId string
@description('Spread instances over availability zones (Premium v3, a region with zones, 2+ instances).')
param zoneRedundant bool = false

var siteName = '${resourceBaseName}-app'
var hostName = '${siteName}.azurewebsites.net'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: sku, capacity: instanceCount }
  properties: {
    reserved: true // Linux
    zoneRedundant: zoneRedundant && instanceCount >= 2
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: subnetId
    vnetRouteAllEnabled: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      healthCheckPath: '/healthz'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, {
    // The SSO audience: api://<the app's host>/<client id>, as in aad.manifest.json.
    AAD_APP_ID_URI: 'api://${hostName}/${aadAppClientId}'
    SAMRAAD_PUBLIC_URL: 'https://${hostName}'
    // zipDeploy uploads a built tree with node_modules; do not run Oryx's npm install.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    // Health check: remove an instance after 2 failed minutes of /healthz.
    WEBSITE_HEALTHCHECK_MAXPINGFAILURES: '2'
    AZURE_CLIENT_ID: identityClientId
  })
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output id string = site.id
output hostName string = hostName
