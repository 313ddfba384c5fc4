/**
 * What a kubeconfig secret belongs to, as a fingerprint: its cluster as the tenant repository
 * knows it (the index of the remote's main), or "absent". The secret journal records it when a
 * change starts and compares it after a crash to tell whether the change landed. It reads the
 * repository's index, not files, so it holds however the repository stores its state.
 */
import { createHash } from 'node:crypto';
import type { TenantStore } from '../tenant-repo/tenant-store';
import type { SecretLocation } from './secret-store';

const KUBECONFIG_PATH = /^kubernetes\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/default\/admin$/;

/** JSON with sorted keys, so equal clusters give equal fingerprints. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function clusterState(repo: Pick<TenantStore, 'get'>) {
  return (location: SecretLocation): Promise<string> => {
    const name = KUBECONFIG_PATH.exec(location.path)?.[1];
    if (location.mount !== 'cluster' || name === undefined)
      return Promise.reject(new Error('not a kubeconfig secret location'));
    const cluster = repo.get(name);
    if (cluster === undefined) return Promise.resolve('absent');
    return Promise.resolve(
      `sha256:${createHash('sha256').update(canonical(cluster)).digest('hex')}`,
    );
  };
}
