/**
 * The one credential choice for app-only Graph tokens, used by every part that
 * builds a Graph adapter (the sync module and the bot's reminder fallbacks), so
 * they cannot disagree: the certificate when one is configured, else the secret.
 */
import { loadCertificateCredential } from '../adapters/graph/certificate.credential.js';
import type { ClientCredentialsConfig } from '../adapters/graph/token.providers.js';
import type { Config } from '../config/config.js';

/** True when the configuration has what `graphCredentials` needs. */
export function hasGraphCredentials(config: Config): boolean {
  const { clientId, tenantId, clientSecret, certificate } = config.identity;
  return Boolean(clientId && tenantId && (certificate || clientSecret));
}

/**
 * The app-only credentials for Graph: the certificate when one is configured (it wins over the
 * secret, which `atk provision` writes anyway), read and checked from its PEM file now, so a wrong
 * path, key or thumbprint stops the start with a clear message.
 */
export function graphCredentials(config: Config): ClientCredentialsConfig {
  const { clientId, tenantId, clientSecret, certificate } = config.identity;
  if (!clientId || !tenantId) throw new Error('app-only Graph tokens need AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID');
  if (certificate) return { tenantId, clientId, certificate: loadCertificateCredential(certificate) };
  if (clientSecret) return { tenantId, clientId, clientSecret };
  throw new Error('app-only Graph tokens need SECRET_AAD_APP_CLIENT_SECRET or a certificate (AAD_APP_CERTIFICATE_PATH with its thumbprint)');
}
