/**
 * The certificate credential for MSAL client credentials: reads the PEM file named by
 * AAD_APP_CERTIFICATE_PATH (a private key, usually with its certificate beside it, as
 * Key Vault and `openssl` export it), turns the key into the PKCS#8 PEM MSAL signs with,
 * and pairs it with the configured thumbprint. When the file also holds the
 * certificate, the thumbprint must be that certificate's and the key must be its key:
 * a mismatch is refused at start-up with a clear message instead of surfacing later as
 * an AADSTS error on every token request. Encrypted keys are refused (decrypt first).
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type CertificateSettings = { path: string; thumbprintSha256?: string; thumbprint?: string };
export type CertificateCredential = { privateKeyPem: string; thumbprintSha256?: string; thumbprint?: string };

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

/** A thumbprint as MSAL wants it: hex without separators, lower case. */
export function normaliseThumbprint(v: string): string {
  return v.replace(/[\s:]/g, '').toLowerCase();
}

export function loadCertificateCredential(s: CertificateSettings, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): CertificateCredential {
  if (!s.thumbprintSha256 && !s.thumbprint) throw new Error('the certificate needs its thumbprint (AAD_APP_CERTIFICATE_THUMBPRINT_SHA256 or AAD_APP_CERTIFICATE_THUMBPRINT)');
  let text: string;
  try {
    text = read(s.path);
  } catch (e) {
    throw new Error(`cannot read the certificate file AAD_APP_CERTIFICATE_PATH=${s.path}: ${(e as Error).message}`);
  }
  const blocks = [...text.matchAll(BLOCK)].map((m) => ({ label: m[1]!, pem: m[0] }));
  const keyBlock = blocks.find((b) => /PRIVATE KEY$/.test(b.label));
  if (!keyBlock) throw new Error(`the certificate file ${s.path} holds no private key (expected a PEM block "-----BEGIN PRIVATE KEY-----")`);
  if (keyBlock.label === 'ENCRYPTED PRIVATE KEY') throw new Error(`the private key in ${s.path} is encrypted: store it decrypted (Key Vault exports it so) or decrypt it with openssl pkcs8`);
  let key: KeyObject;
  try {
    key = createPrivateKey(keyBlock.pem);
  } catch (e) {
    throw new Error(`the private key in ${s.path} cannot be read: ${(e as Error).message}`);
  }
  const thumbprintSha256 = s.thumbprintSha256 ? normaliseThumbprint(s.thumbprintSha256) : undefined;
  const thumbprint = s.thumbprint ? normaliseThumbprint(s.thumbprint) : undefined;
  const certBlock = blocks.find((b) => b.label === 'CERTIFICATE');
  if (certBlock) {
    const cert = new X509Certificate(certBlock.pem);
    if (!cert.checkPrivateKey(key)) throw new Error(`the private key in ${s.path} does not belong to the certificate in the same file`);
    if (thumbprintSha256 && normaliseThumbprint(cert.fingerprint256) !== thumbprintSha256) {
      throw new Error(`AAD_APP_CERTIFICATE_THUMBPRINT_SHA256 is not the thumbprint of the certificate in ${s.path} (that one is ${normaliseThumbprint(cert.fingerprint256)})`);
    }
    if (thumbprint && normaliseThumbprint(cert.fingerprint) !== thumbprint) {
      throw new Error(`AAD_APP_CERTIFICATE_THUMBPRINT is not the SHA-1 thumbprint of the certificate in ${s.path} (that one is ${normaliseThumbprint(cert.fingerprint)})`);
    }
  }
  return {
    privateKeyPem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ...(thumbprintSha256 ? { thumbprintSha256 } : {}),
    ...(thumbprint ? { thumbprint } : {}),
  };
}
