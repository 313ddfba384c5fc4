import { createPrivateKey, X509Certificate } from 'node:crypto';
import { validateHeaderValue } from 'node:http';
import { createSecureContext } from 'node:tls';
import { said, type Said } from './check-words';
import type { CheckCredentials } from './kubeconfig-credentials';

/**
 * What in the kubeconfig's TLS material or headers cannot be used, in words: `ca` spoils the
 * TLS check, `credentials` the identity (the client certificate and headers are then not sent
 * at all). Found before any socket opens, so that bad data is a check result, never a thrown
 * error from `tls.connect` or `https.request` (a 500).
 */
export type MaterialProblem = { part: 'ca' | 'credentials' } & Said;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

const text = (value: unknown): string =>
  Buffer.isBuffer(value)
    ? value.toString('utf8')
    : Array.isArray(value)
      ? value.join('\n')
      : String(value);

/** Never the data itself in the words: it may be a key. */
export function findMaterialProblem(credentials: CheckCredentials): MaterialProblem | undefined {
  if (credentials.ca !== undefined) {
    const blocks = text(credentials.ca).match(PEM_CERTIFICATE) ?? [];
    if (blocks.length === 0 || !blocks.every(parsesAsCertificate)) {
      return { part: 'ca', ...said('material.ca_not_certificate') };
    }
  }
  if (credentials.cert !== undefined || credentials.key !== undefined) {
    const problem = clientCertificateProblem(credentials.cert, credentials.key);
    if (problem) return { part: 'credentials', ...said(problem) };
  }
  for (const [name, value] of Object.entries(credentials.headers)) {
    try {
      validateHeaderValue(name, value);
    } catch {
      return {
        part: 'credentials',
        ...said('material.header_invalid', { source_code: headerSource(name), header: name }),
      };
    }
  }
  return undefined;
}

function parsesAsCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with the client certificate and key, as a key of the check's words. */
function clientCertificateProblem(cert: unknown, key: unknown): string | undefined {
  if (cert === undefined) return 'material.key_without_certificate';
  if (key === undefined) return 'material.certificate_without_key';
  const blocks = text(cert).match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0 || !blocks.every(parsesAsCertificate)) {
    return 'material.certificate_invalid';
  }
  try {
    createPrivateKey(text(key));
  } catch {
    return 'material.key_invalid';
  }
  try {
    createSecureContext({ cert: text(cert), key: text(key) });
  } catch {
    return 'material.key_mismatch';
  }
  return undefined;
}

function headerSource(header: string): string {
  const name = header.toLowerCase();
  if (name === 'authorization') return 'header_sources.token';
  if (name.startsWith('impersonate-')) return 'header_sources.impersonation';
  return 'header_sources.other';
}
