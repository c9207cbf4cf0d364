// Azure Database for PostgreSQL Flexible Server: the only store of record.
// Private access (VNet-injected, no public endpoint); automatic backups kept
// backupRetentionDays days with point-in-time restore to any second in that window;
// optional geo-redundant backup and zone-redundant high availability.
param resourceBaseName string
param location string
param delegatedSubnetId string
param privateDnsZoneId string
param administratorLogin string
@secure()
param administratorPassword string
param highAvailability bool
param geoRedundantBackup bool
param backupRetentionDays int
param skuName string
param skuTier string
param logAnalyticsWorkspaceId string
param postgresVersion string = '16'
param storageSizeGB int = 64

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${resourceBaseName}-pg'
  location: location
  sku: { name: skuName, tier: skuTier }
  properties: {
    version: postgresVersion
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    storage: { storageSizeGB: storageSizeGB, autoGrow: 'Enabled' }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: { mode: highAvailability ? 'ZoneRedundant' : 'Disabled' }
    network: {
      delegatedSubnetResourceId: delegatedSubnetId
      privateDnsZoneArmResourceId: privateDnsZoneId
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'samraad'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// TLS is required by default (require_secure_transport=on); the app connects with sslmode=require.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: server
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = server.name
output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
