/**
 * What a kubeconfig secret belongs to, as a fingerprint: its cluster's file in the working
 * clone of the tenant repository (hash of its bytes, or "absent"). The secret journal records
 * it when a change starts and compares it after a crash to tell whether the change landed.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { clusterFilePath } from '@cluster-console/shared';
import type { SecretLocation } from './secret-store';

const KUBECONFIG_PATH = /^kubernetes\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/default\/admin$/;

export function clusterFileState(repoDir: string) {
  return async (location: SecretLocation): Promise<string> => {
    const name = KUBECONFIG_PATH.exec(location.path)?.[1];
    if (location.mount !== 'cluster' || name === undefined)
      throw new Error('not a kubeconfig secret location');
    try {
      const bytes = await readFile(path.join(repoDir, clusterFilePath(name)));
      return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
      throw error;
    }
  };
}
