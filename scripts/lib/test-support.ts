/**
 * Test fixtures used by more than one app's tests (apps never import each other, so the
 * shared pieces live here beside app-process.ts).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface MarkedKubeconfig {
  kubeconfig: string;
  /** Its certificate, key and token data: must never show in a response or a log. */
  secrets: string[];
}

/**
 * A valid kubeconfig with random credentials whose cluster and context are named `marker`,
 * so a reader can tell which request a stored kubeconfig came from.
 */
export function markedKubeconfig(marker: string): MarkedKubeconfig {
  const ca = randomBytes(96).toString('base64');
  const cert = randomBytes(96).toString('base64');
  const key = randomBytes(96).toString('base64');
  const token = `kc-token-${randomBytes(18).toString('hex')}`;
  const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: ${marker}
  cluster:
    server: https://203.0.113.10:6443
    certificate-authority-data: ${ca}
contexts:
- name: ${marker}
  context: {cluster: ${marker}, user: admin-${marker}}
current-context: ${marker}
users:
- name: admin-${marker}
  user:
    client-certificate-data: ${cert}
    client-key-data: ${key}
    token: ${token}
`;
  return { kubeconfig, secrets: [ca, cert, key, token] };
}

/** The marker a stored kubeconfig was saved with (its current context). */
export function markerOfKubeconfig(kubeconfig: string): string | undefined {
  return /^current-context: (\S+)$/m.exec(kubeconfig)?.[1];
}

/** Every file below `dir`, recursively; none when `dir` does not exist. */
export function listFilesRecursively(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? listFilesRecursively(full) : [full];
  });
}
