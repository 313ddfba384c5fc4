import {
  CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE,
  digestClusterResource,
  digestsToColumns,
  type ArgoView,
  type ClusterResourceView,
  type WatchHealth,
} from '@cluster-console/shared';
import { http, HttpResponse } from 'msw';
import { server } from './msw-server';

export const WATCH_UP: WatchHealth = {
  state: 'up',
  since: '2026-12-07T10:00:00Z',
  message: '',
};

/** A Cluster resource as the BFF streams it: every operator done, with the spec applied. */
export function readyResource(
  name: string,
  at = new Date().toISOString(),
  overrides: Partial<ClusterResourceView> = {},
): ClusterResourceView {
  return {
    name,
    namespace: 'nautes',
    resource_version: '7',
    created_at: at,
    deleting_since: null,
    finalizers: [],
    conditions: [
      {
        type: 'SecretStoreReady',
        status: 'True',
        reason: 'RegularUpdate',
        message: '',
        last_transition_time: at,
        operator: 'cluster-operator',
      },
      {
        type: 'ClusterSyncToArgocd',
        status: 'True',
        reason: 'RegularUpdate',
        message: `successfully saved cluster ${name} to argocd`,
        last_transition_time: at,
        operator: 'argo-operator',
      },
    ],
    warnings: [],
    entry_points: [{ name: 'traefik', http_port: 30080, https_port: 30443, type: 'NodePort' }],
    applied: {
      cluster_operator: { last_success_time: at, current: true },
      argo_operator: { last_success_time: at, current: true },
    },
    ...overrides,
  };
}

/** The same resource with cluster-operator's SecretStoreReady False and its message. */
export function failedResource(name: string, message: string, at = new Date().toISOString()) {
  const resource = readyResource(name, at);
  return {
    ...resource,
    conditions: resource.conditions.map((condition) =>
      condition.type === 'SecretStoreReady'
        ? { ...condition, status: 'False' as const, message }
        : condition,
    ),
  };
}

export function argoView(clusters: ArgoView['clusters'], message = ''): ArgoView {
  return {
    application: 'nautes',
    sync_status: clusters.every((entry) => entry.status === 'Synced') ? 'Synced' : 'OutOfSync',
    revision: '4c1f0e9d2b7a4c1f0e9d2b7a',
    operation: message ? { phase: 'Failed', message, finished_at: null } : null,
    clusters,
  };
}

/** A snapshot of these resources as the store keeps it: each as its digest. */
export function snapshotDigests(
  clusters: ClusterResourceView[],
  argo: ArgoView | null = null,
  watch: WatchHealth = WATCH_UP,
) {
  return {
    server_time: new Date().toISOString(),
    watch,
    argo,
    clusters: clusters.map(digestClusterResource),
  };
}

/** The stream's snapshot of these resources as the BFF sends it: their digests as columns. */
export function snapshot(...args: Parameters<typeof snapshotDigests>) {
  const data = snapshotDigests(...args);
  return { ...data, clusters: digestsToColumns(data.clusters) };
}

/** The stream's change of one resource (its digest), or its removal. */
export function change(name: string, resource: ClusterResourceView | null) {
  return { name, digest: resource ? digestClusterResource(resource) : null };
}

/** The BFF's one-resource route answers with these whole views (the detail page reads it). */
export function serveStatusResources(resources: ClusterResourceView[]) {
  server.use(
    http.get(`*${CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE}`, ({ params }) =>
      HttpResponse.json({
        resource: resources.find((resource) => resource.name === params.name) ?? null,
      }),
    ),
  );
}
