import { createPrivateKey, X509Certificate } from 'node:crypto';
import { validateHeaderValue } from 'node:http';
import { createSecureContext } from 'node:tls';
import type { CheckCredentials } from './kubeconfig-credentials';

/**
 * What in the kubeconfig's TLS material or headers cannot be used, in words: `ca` spoils the
 * TLS check, `credentials` the identity (the client certificate and headers are then not sent
 * at all). Found before any socket opens, so that bad data is a check result, never a thrown
 * error from `tls.connect` or `https.request` (a 500).
 */
export type MaterialProblem = { part: 'ca' | 'credentials'; message: string };

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
      return {
        part: 'ca',
        message:
          "The kubeconfig's certificate-authority-data is not a certificate (it must be the base64 of a PEM certificate): copy it again from the cluster's kubeconfig.",
      };
    }
  }
  if (credentials.cert !== undefined || credentials.key !== undefined) {
    const problem = clientCertificateProblem(credentials.cert, credentials.key);
    if (problem) return { part: 'credentials', message: problem };
  }
  for (const [name, value] of Object.entries(credentials.headers)) {
    try {
      validateHeaderValue(name, value);
    } catch {
      return {
        part: 'credentials',
        message: `The kubeconfig's ${headerSource(name)} contains a line break or another character no HTTP header may carry: copy it again without line breaks.`,
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

function clientCertificateProblem(cert: unknown, key: unknown): string | undefined {
  if (cert === undefined || key === undefined) {
    return `The kubeconfig has ${cert === undefined ? 'client-key-data but no client-certificate-data' : 'client-certificate-data but no client-key-data'}: a client certificate needs both.`;
  }
  const blocks = text(cert).match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0 || !blocks.every(parsesAsCertificate)) {
    return "The kubeconfig's client-certificate-data is not a certificate (it must be the base64 of a PEM certificate): copy it again.";
  }
  try {
    createPrivateKey(text(key));
  } catch {
    return "The kubeconfig's client-key-data is not a private key (it must be the base64 of a PEM key): copy it again.";
  }
  try {
    createSecureContext({ cert: text(cert), key: text(key) });
  } catch {
    return "The kubeconfig's client-key-data does not belong to its client-certificate-data: copy both from the same kubeconfig.";
  }
  return undefined;
}

function headerSource(header: string): string {
  const name = header.toLowerCase();
  if (name === 'authorization') return 'token (or user name and password)';
  if (name.startsWith('impersonate-')) return 'impersonation (as, as-groups)';
  return `${header} value`;
}
