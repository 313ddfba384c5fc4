import type { Logger } from 'pino';
import type { Config } from '../config';
import { loadManagementCluster } from './management-cluster';
import { ResourceWatch } from './resource-watch';
import { StatusHub } from './status-hub';
import { StatusStreams, type StatusStreamsOptions } from './status-streams';
import { CombinedWatchHealth, NOT_CONFIGURED_HEALTH } from './watch-health';

const NAUTES_GROUP = 'nautes.resource.nautes.io';

/** Live status, once per process: what the watches learnt, and the streams telling it. */
export interface ClusterStatus {
  hub: StatusHub;
  streams: StatusStreams;
  /** Stops the watches and ends the streams. */
  close(): void;
}

export interface ClusterStatusOptions {
  /** Restart delays after errors (tests shorten them). */
  backoff?: { initialMs: number; maxMs: number };
  streams?: StatusStreamsOptions;
}

/**
 * Starts live status from the settings: not configured, a hub that says so (and
 * @kubernetes/client-node is never loaded); else the management cluster's credentials are
 * loaded (a bad kubeconfig stops the start with one line: ManagementClusterError) and the
 * Cluster resources, and the Argo CD Application when named, are listed and watched.
 */
export async function startClusterStatus(
  settings: Config['clusterStatus'],
  logger: Logger,
  options: ClusterStatusOptions = {},
): Promise<ClusterStatus> {
  const { source, namespace, argoApplication } = settings;
  if (!source) {
    const hub = new StatusHub(NOT_CONFIGURED_HEALTH, namespace);
    const streams = new StatusStreams(hub, logger, options.streams);
    return { hub, streams, close: () => streams.endAll() };
  }
  const cluster = await loadManagementCluster(source);
  const health = new CombinedWatchHealth(
    argoApplication ? ['clusters', 'argo'] : ['clusters'],
    (value) => hub.setHealth(value),
  );
  const hub = new StatusHub(health.value(), namespace);
  const streams = new StatusStreams(hub, logger, options.streams);
  const watches = [
    new ResourceWatch({
      cluster,
      resource: { group: NAUTES_GROUP, version: 'v1alpha1', namespace, plural: 'clusters' },
      target: {
        what: `Cluster resources (${NAUTES_GROUP}) in namespace ${namespace}`,
        missingHint: `is Nautes installed there (the Cluster resource definition), and is MANAGEMENT_NAMESPACE (${namespace}) the tenant's namespace?`,
        permission: `get, list and watch on clusters.${NAUTES_GROUP} in namespace ${namespace} to the console's account`,
      },
      onUpsert: (object) => hub.upsertCluster(object),
      onDelete: (name) => hub.deleteCluster(name),
      onHealth: (value) => health.set('clusters', value),
      logger,
      backoff: options.backoff,
    }),
  ];
  if (argoApplication) {
    const { name } = argoApplication;
    watches.push(
      new ResourceWatch({
        cluster,
        resource: {
          group: 'argoproj.io',
          version: 'v1alpha1',
          namespace: argoApplication.namespace,
          plural: 'applications',
          fieldSelector: `metadata.name=${name}`,
        },
        target: {
          what: `the Argo CD Application ${name} in namespace ${argoApplication.namespace}`,
          missingHint: `is Argo CD installed there, and are ARGOCD_NAMESPACE and ARGOCD_APPLICATION right?`,
          permission: `get, list and watch on applications.argoproj.io in namespace ${argoApplication.namespace} to the console's account`,
        },
        onUpsert: (object) => {
          // The field selector asks for one; a server that ignores it sends them all.
          if ((object as { metadata?: { name?: unknown } }).metadata?.name === name) {
            hub.setArgo(object);
          }
        },
        onDelete: (deleted) => {
          if (deleted === name) hub.setArgo(null);
        },
        onHealth: (value) => health.set('argo', value),
        logger,
        backoff: options.backoff,
      }),
    );
  }
  for (const watch of watches) watch.start();
  logger.info(
    {
      event: 'status_watch_started',
      server: cluster.server,
      namespace,
      argoApplication: argoApplication?.name,
    },
    'watching the management cluster',
  );
  return {
    hub,
    streams,
    close: () => {
      for (const watch of watches) watch.stop();
      streams.endAll();
    },
  };
}
