import path from 'node:path';
import type { ResourceStore } from '../resources/store';
import { LocalArgoCd, type ArgoCdSettings } from './argocd';
import { LocalNautesOperators, type OperatorSettings } from './nautes-operators';
import { TenantRepo } from './tenant-repo';
import { clusterWebhook } from './webhook';

export interface OperatorsOptions
  extends OperatorSettings, Omit<ArgoCdSettings, 'repoUrl' | 'path' | 'branch'> {
  /** The tenant repository's Git URL (no credentials in it). */
  repoUrl: string;
  readToken: string;
  branch?: string;
  /** Folder of the Cluster files in the repository. */
  clustersPath?: string;
  /** Where the Argo CD stand-in keeps its copy of the repository. */
  cacheDir: string;
  onError?: (message: string) => void;
}

export interface RunningOperators {
  argocd: LocalArgoCd;
  /** Read Git and sync now (tests), instead of waiting for the next poll. */
  refresh(): Promise<void>;
  stop(): void;
}

export const DEFAULT_CLUSTERS_PATH = 'nautes/overlays/production/clusters';

/**
 * The tenant management cluster's moving parts: Nautes' admission webhook on the store, the
 * Argo CD stand-in syncing the tenant repository into it, and Nautes' operators writing status.
 */
export function startOperators(store: ResourceStore, options: OperatorsOptions): RunningOperators {
  store.addAdmission(clusterWebhook);
  const branch = options.branch ?? 'main';
  const clustersPath = options.clustersPath ?? DEFAULT_CLUSTERS_PATH;
  const repo = new TenantRepo({
    url: options.repoUrl,
    readToken: options.readToken,
    branch,
    path: clustersPath,
    cacheDir: path.join(options.cacheDir, 'tenant-repo.git'),
  });
  const operators = new LocalNautesOperators(store, options);
  operators.start();
  const argocd = new LocalArgoCd(
    store,
    repo,
    { ...options, repoUrl: options.repoUrl, path: clustersPath, branch },
    options.onError,
  );
  argocd.start();
  return {
    argocd,
    refresh: () => argocd.refresh(),
    stop: () => {
      argocd.stop();
      operators.stop();
    },
  };
}
