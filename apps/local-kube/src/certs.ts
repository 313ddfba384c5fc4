import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface Pem {
  certPem: string;
  keyPem: string;
}

export interface Authority extends Pem {
  name: string;
}

export interface LeafOptions {
  /** Distinguished name parts, e.g. `{CN: 'kube-admin', O: ['system:masters']}`. */
  commonName: string;
  organisations?: string[];
  usage: 'server' | 'client';
  /** DNS names and IP addresses the certificate is for (server certificates). */
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Validity window; defaults to a day ago until a year from now. */
  notBefore?: Date;
  notAfter?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Keys from Node's crypto (fast), certificates from node-forge. */
function generateKeys(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  keyPem: string;
} {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem);
  return {
    privateKey: forgeKey,
    publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e),
    keyPem,
  };
}

function newCertificate(
  publicKey: forge.pki.rsa.PublicKey,
  notBefore: Date,
  notAfter: Date,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial: the first byte's high bit clear.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  return cert;
}

const authorities = new WeakMap<Authority, forge.pki.rsa.PrivateKey>();

/** A self-signed certificate authority made at runtime: nothing secret is kept in the repository. */
export function createAuthority(name = 'local-kube-ca'): Authority {
  const keys = generateKeys();
  const cert = newCertificate(
    keys.publicKey,
    new Date(Date.now() - DAY_MS),
    new Date(Date.now() + 365 * DAY_MS),
  );
  const subject = [{ name: 'commonName', value: name }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const authority = { name, certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
  authorities.set(authority, keys.privateKey);
  return authority;
}

/** A certificate signed by `authority`, for a server or a client (kube-apiserver reads CN as the user, O as groups). */
export function issueCertificate(authority: Authority, options: LeafOptions): Pem {
  const signingKey = authorities.get(authority);
  if (!signingKey) throw new Error('issueCertificate: not an authority made by createAuthority');
  const keys = generateKeys();
  const cert = newCertificate(
    keys.publicKey,
    options.notBefore ?? new Date(Date.now() - DAY_MS),
    options.notAfter ?? new Date(Date.now() + 365 * DAY_MS),
  );
  cert.setSubject([
    { name: 'commonName', value: options.commonName },
    ...(options.organisations ?? []).map((value) => ({ name: 'organizationName', value })),
  ]);
  cert.setIssuer(forge.pki.certificateFromPem(authority.certPem).subject.attributes);
  const altNames = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(options.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
  ];
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    options.usage === 'server'
      ? { name: 'extKeyUsage', serverAuth: true }
      : { name: 'extKeyUsage', clientAuth: true },
    ...(altNames.length > 0 ? [{ name: 'subjectAltName', altNames }] : []),
  ]);
  cert.sign(signingKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}
