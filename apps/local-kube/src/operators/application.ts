import { APPLICATIONS, CLUSTERS } from '../resources/kinds';
import { kubeTime } from '../resources/object-meta';
import type { ResourceStore } from '../resources/store';

export interface ApplicationSettings {
  name: string;
  /** Namespace of the Cluster resources it syncs (the tenant's). */
  namespace: string;
  /** Shown as the source: the repository URL without credentials, and the path. */
  repoUrl: string;
  path: string;
  branch: string;
}

export const ARGOCD_NAMESPACE = 'argocd';

export interface ResourceEntry {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  status: 'Synced' | 'OutOfSync';
  requiresPruning?: boolean;
}

export interface SyncResultEntry {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  status: 'Synced' | 'SyncFailed' | 'Pruned' | 'PruneSkipped';
  message: string;
  hookPhase: 'Running' | 'Failed' | 'Succeeded';
  syncPhase: 'Sync';
}

export const entryOf = (name: string, namespace: string) => ({
  group: CLUSTERS.group,
  version: CLUSTERS.version,
  kind: CLUSTERS.kind,
  namespace,
  name,
});

/** The tenant's Application as the Nautes installer creates it (automated sync, prune, self-heal). */
export function ensureApplication(store: ResourceStore, settings: ApplicationSettings): void {
  if (store.get(APPLICATIONS, ARGOCD_NAMESPACE, settings.name)) return;
  store.create(APPLICATIONS, ARGOCD_NAMESPACE, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: settings.name, namespace: ARGOCD_NAMESPACE },
    spec: {
      project: 'default',
      source: { repoURL: settings.repoUrl, path: settings.path, targetRevision: settings.branch },
      destination: { server: 'https://kubernetes.default.svc', namespace: settings.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  });
}

/**
 * Write the Application's status (Argo CD's application controller writes it with the object:
 * the CRD has no status subresource). Unchanged status is not written, so watchers see a
 * MODIFIED only when something they show changed.
 */
export function writeApplicationStatus(
  store: ResourceStore,
  settings: ApplicationSettings,
  change: (status: Record<string, unknown>) => Record<string, unknown>,
): void {
  const current = store.get(APPLICATIONS, ARGOCD_NAMESPACE, settings.name);
  if (!current) return;
  const before = (current.status ?? {}) as Record<string, unknown>;
  const rest = change(structuredClone(before));
  const withoutTime = (status: Record<string, unknown>) =>
    JSON.stringify({ ...status, reconciledAt: undefined });
  if (withoutTime(rest) === withoutTime(before)) return;
  store.modify(APPLICATIONS, ARGOCD_NAMESPACE, settings.name, (app) => ({
    ...app,
    status: { ...rest, reconciledAt: kubeTime() },
  }));
}

export function comparedTo(settings: ApplicationSettings) {
  return {
    source: { repoURL: settings.repoUrl, path: settings.path, targetRevision: settings.branch },
    destination: { server: 'https://kubernetes.default.svc', namespace: settings.namespace },
  };
}
